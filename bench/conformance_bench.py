"""Benchmarks of TEI conformance (tei_all.rng): tei-edition against jing, whole processes.

This module owns the conformance rows of the bench table: one corpus play with an empty and a
warm cache and the long-list documents that make libxml2 cubic ("conformance"), and the whole
shared corpus in one command ("conformance-corpus"). It must not change how anything is
measured (measure.py) or printed (__main__.py).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

from bench.measure import Run, compile_bytecode, run_once, run_paired
from bench.registry import Context, Row, benchmark

SINGLE_PLAY = "gerdracor__goethe-stella.xml"
_DIAGNOSTIC = re.compile(r"^(?P<path>[^:\n]+):\d+:\d+: (?:error|fatal)\b", re.M)
_JING_ERROR = re.compile(r"^(?P<path>[^:\n]+):\d+:\d+: (?:error|fatal):", re.M)


def tei_edition_command() -> list[str]:
    script = Path(sys.executable).with_name("tei-edition")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tei_edition"]


def jing_command(ctx: Context) -> list[str] | None:
    jing = shutil.which("jing")
    return [jing, str(tei_all(ctx))] if jing else None


def tei_all(ctx: Context) -> Path:
    return ctx.shared / "tei" / "tei_all.rng"


def environment(ctx: Context, cache_name: str) -> dict[str, str]:
    env = dict(os.environ)
    env["TEI_EDITION_TEI_ALL"] = str(tei_all(ctx))
    env["TEI_EDITION_CACHE_DIR"] = str(ctx.scratch / cache_name)
    return env


def emptied(folder: Path):
    def empty() -> None:
        shutil.rmtree(folder, ignore_errors=True)
    return empty


def rejected_by_us(run: Run) -> set[str]:
    return {Path(m.group("path")).name for m in _DIAGNOSTIC.finditer(run.stderr)}


def rejected_by_jing(run: Run) -> set[str]:
    return {Path(m.group("path")).name for m in _JING_ERROR.finditer(run.stdout + run.stderr)}


def _load_average() -> str:
    """The 1-minute load average (/proc/loadavg): other work on the machine skews ratios."""
    return f"{os.getloadavg()[0]:.2f}"


def compare(ctx: Context, name: str, files: list[Path], cache_name: str, *, warm: bool,
            repeat: int, target_ratio: float | None = None, limit_s: float | None = None,
            jobs: int = 1) -> Row:
    """tei-edition validate --profile tei FILES against jing FILES, verdicts compared."""
    import tei_edition

    compile_bytecode(Path(tei_edition.__file__).parent)  # the installed state (measure.py)
    jing = jing_command(ctx)
    ours_argv = [*tei_edition_command(), "validate", "--profile", "tei", "-j", str(jobs),
                 *map(str, files)]
    env = environment(ctx, cache_name)
    cache = ctx.scratch / cache_name
    load_before = _load_average()
    emptied(cache)()
    if warm:
        run_once(ours_argv, env)  # fill the cache once
    ours, base = run_paired(ours_argv, [*jing, *map(str, files)] if jing else None, repeat,
                            env, before_ours=None if warm else emptied(cache))
    agree = None if base is None else rejected_by_us(ours) == rejected_by_jing(base)
    row = Row(name, ours.wall_s, "jing", base.wall_s if base else None, ours.peak_mb,
              base.peak_mb if base else None, agree,
              note=f"{len(files)} file(s); {len(rejected_by_us(ours))} rejected by us; "
                   f"load average {load_before} before, {_load_average()} after",
              ours_cpu_s=ours.cpu_s, baseline_cpu_s=base.cpu_s if base else None)
    if target_ratio is not None:
        row.target = f"ratio <= {target_ratio:g}"
        row.met = bool(agree) and row.ratio is not None and row.ratio <= target_ratio
    if limit_s is not None:
        row.target = f"ours < {limit_s:g} s, jing's verdict"
        row.met = bool(agree) and ours.wall_s < limit_s
    if base is None:
        row.note += "; jing is not installed"
    return row


@benchmark("conformance")
def conformance(ctx: Context) -> list[Row]:
    play = ctx.shared / "corpus" / SINGLE_PLAY
    repeat = ctx.repeat
    rows = [
        compare(ctx, f"tei_all: 1 play ({play.stat().st_size // 1000} KB), empty cache", [play],
                "cache-single", warm=False, repeat=repeat, target_ratio=0.25),
        compare(ctx, "tei_all: 1 play, warm cache", [play], "cache-single", warm=True,
                repeat=repeat, target_ratio=0.25),
    ]
    from tei_edition.conformance.synthetic import bibl_list_document, person_list_document

    for label, data in (("4,000 persons in listPerson", person_list_document(4000)),
                        ("2,000 bibl in listBibl", bibl_list_document(2000))):
        path = ctx.scratch / (label.split()[0].replace(",", "") + "-" + label.split()[1] + ".xml")
        path.write_bytes(data)
        rows.append(compare(ctx, f"tei_all: {label}, empty cache", [path], "cache-cliff",
                            warm=False, repeat=repeat, limit_s=1.0))
    return rows


@benchmark("conformance-corpus")
def conformance_corpus(ctx: Context) -> list[Row]:
    """All files of the shared corpus in ONE command, as jing checks them in one process."""
    corpus = sorted((ctx.shared / "corpus").glob("*.xml"))
    repeat = ctx.repeat
    return [compare(ctx, f"tei_all: corpus {len(corpus)} files -j2, {state} cache", corpus,
                    "cache-corpus", warm=state == "warm", repeat=repeat, target_ratio=0.5,
                    jobs=2)
            for state in ("empty", "warm")]
