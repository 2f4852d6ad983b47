"""Wall time and peak memory of whole processes, and a description of the machine.

This module owns how a command is timed (median of repeated runs, each a new process, peak
resident memory from wait4's rusage, which covers the process and the children it waited for)
and what is said about the machine. It must not know any benchmark.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    wall_s: float
    cpu_s: float  # user + system time of the process and the children it waited for
    peak_mb: float
    returncode: int
    stdout: str
    stderr: str


def run_once(argv: Sequence[str], env: dict[str, str] | None = None,
             cwd: str | None = None) -> Run:
    """Run a new process; output goes to temporary files so that we can reap it with wait4
    (which gives its rusage) without any risk of a full pipe blocking it."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(list(argv), stdout=out, stderr=err, env=env, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # already reaped by wait4
        out.seek(0)
        err.seek(0)
        return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                   process.returncode,
                   out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def compile_bytecode(package_dir: Path) -> None:
    """Write the package's bytecode (__pycache__), as `pip install` does.

    A source tree run with PYTHONDONTWRITEBYTECODE set (as in some shells and CI) compiles
    every module of the package at every start (~0.05 s of CPU for `tei-edition validate`);
    the benchmark measures the installed state instead. compileall writes even when that
    variable is set, and skips what is already up to date."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package_dir)], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run_median(argv: Sequence[str], repeat: int, env: dict[str, str] | None = None,
               before_each: Callable[[], None] | None = None) -> Run:
    """The run of median wall time among ``repeat`` runs (each optionally prepared)."""
    runs = []
    for _ in range(max(1, repeat)):
        if before_each is not None:
            before_each()
        runs.append(run_once(argv, env))
    return _median(runs)


def run_paired(ours: Sequence[str], base: Sequence[str] | None, repeat: int,
               env: dict[str, str] | None = None,
               before_ours: Callable[[], None] | None = None) -> tuple[Run, Run | None]:
    """Median runs of ``ours`` and ``base``, taken in turns (ours, base, ours, base, ...):
    on a machine shared with other work the load drifts by the second, and alternating
    exposes both commands to the same drift, where two blocks of runs would not."""
    ours_runs: list[Run] = []
    base_runs: list[Run] = []
    for _ in range(max(1, repeat)):
        if before_ours is not None:
            before_ours()
        ours_runs.append(run_once(ours, env))
        if base is not None:
            base_runs.append(run_once(base))
    return _median(ours_runs), (_median(base_runs) if base_runs else None)


def _median(runs: list[Run]) -> Run:
    runs = sorted(runs, key=lambda run: run.wall_s)
    chosen = runs[len(runs) // 2]
    return Run(statistics.median(r.wall_s for r in runs), statistics.median(r.cpu_s for r in runs),
               max(r.peak_mb for r in runs), chosen.returncode, chosen.stdout, chosen.stderr)


def machine() -> dict[str, str]:
    """CPU model, cores, OS, Python, lxml/libxml2 and jing versions."""
    from lxml import etree

    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            found = re.search(r"^model name\s*:\s*(.+)$", handle.read(), re.M)
            cpu = found.group(1).strip() if found else cpu
    except OSError:
        cpu = platform.processor() or cpu
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cpu": cpu,
        "cores": str(cores),
        "os": f"{platform.system()} {platform.release()}",
        "python": sys.version.split()[0],
        "lxml": ".".join(map(str, etree.LXML_VERSION)),
        "libxml2": ".".join(map(str, etree.LIBXML_VERSION)),
        "jing": jing_version(),
        "load_average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def jing_version() -> str:
    jing = shutil.which("jing")
    if not jing:
        return "not installed"
    try:
        query = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "jing"],
                               capture_output=True, text=True, timeout=10)
        if query.returncode == 0 and query.stdout:
            return f"{query.stdout} (Debian package)"
    except (OSError, subprocess.SubprocessError):
        pass
    return jing
