"""Every attack of the corpus through every command that accepts it, as a user would run it.

For each (command, attack) the command must: finish within the time bound and under a 1 GiB
address-space limit; exit with the code EXPECTATIONS.toml names (1 or 3 for an attack);
print only one-line diagnostics `path:line:col: severity [code] message` on stderr, exactly
one of them with the expected code, and never a traceback; leak no secret marker into stdout,
stderr or any file; ask the local server nothing; create no file an attack names; leave its
inputs byte for byte unchanged. Controls (a valid edition, a plain stylesheet) must pass
cleanly, which proves each command is called the right way.

A command that fails an attack is listed in KNOWN_VULNERABLE with the reason; the test then
asserts that it STILL fails, so a fix is noticed and the entry removed.
"""

from __future__ import annotations

import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from attack_corpus import (
    PASSWD_MARKER,
    SECRET_MARKER,
    Attack,
    Expectation,
    RecordingServer,
    load_corpus,
    valid_edition,
)
from cli_harness import Run, batched, child_environment, run_command

CORPUS = load_corpus()
CASES = sorted(CORPUS.cases(), key=lambda case: (case[0], case[1].name))

# (command, attack) -> why it still fails; each entry is asserted to fail (see module doc).
KNOWN_VULNERABLE: dict[tuple[str, str], str] = {}
# A known failure only has to be shown to fail still, and a fix finishes in well under this.
KNOWN_VULNERABLE_TIMEOUT = 6.0

DIAGNOSTIC = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<severity>info|warning|error|fatal) "
    r"\[(?P<code>[A-Za-z0-9_.-]+)\] \S.*$")
# Lines a command may print on stderr besides diagnostics (progress reports).
PROGRESS = {"build": re.compile(r"^build: \d+/\d+ editions? built$")}


@pytest.fixture(scope="session")
def attack_runs(tmp_path_factory) -> tuple[dict[tuple[str, str], Run], list[str]]:
    """All runs, made once, several at a time; and every request the server received."""
    work = tmp_path_factory.mktemp("attack-runs")
    env = child_environment(work)
    needs_bag = {"verify", "verify-bag"} & set(_commands())
    template_bag = _template_bag(work / "template") if needs_bag else None
    jobs: list[tuple[str, list[Attack], Path, float | None]] = []
    for command in _commands():
        attacks = sorted((a for c, a in CASES if c == command), key=lambda a: a.name)
        if batched(command):
            jobs.append((command, attacks, work / "c" / f"{command}-batch", None))
        else:
            jobs += [(command, [a], work / "c" / f"{command}-{a.name}",
                      KNOWN_VULNERABLE_TIMEOUT if (command, a.name) in KNOWN_VULNERABLE else None)
                     for a in attacks]
    with RecordingServer().running() as server:
        with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
            results = list(pool.map(
                lambda job: run_command(*job[:3], server.url, env, template_bag, job[3]), jobs))
        requests = list(server.requests)
    return {(run.command, run.attack): run for result in results for run in result.values()}, \
        requests


def _commands() -> list[str]:
    return sorted({command for command, _ in CASES})


def _template_bag(folder: Path) -> Path:
    """A sound bag made by `tei-edition package` from the valid edition."""
    from tei_edition.package import build_package

    edition = folder / "editions" / "sample"
    edition.mkdir(parents=True)
    (edition / "sample.xml").write_bytes(valid_edition())
    result = build_package(edition, folder / "bags", environ={})
    assert result.bag_dir is not None, [d.format_text() for d in result.diagnostics]
    return result.bag_dir


def violations(run: Run, expectation: Expectation, requests: list[str],
               accept: bool) -> list[str]:
    """Every property of the module docstring that this run breaks, in words."""
    problems = []
    if run.returncode is None:
        problems.append(f"did not finish within {run.timeout:.0f} s")
    elif run.returncode < 0:
        problems.append(f"killed by signal {-run.returncode} (memory limit of 1 GiB?)")
    elif run.batch_size == 1 and run.returncode not in expectation.exit_codes:
        problems.append(f"exit {run.returncode}, expected one of {expectation.exit_codes}")
    elif run.batch_size > 1 and run.returncode not in (1, 3):
        problems.append(f"batch exit {run.returncode}, expected 1 or 3 (it holds attacks)")
    if "Traceback" in run.stdout + run.stderr:
        problems.append("printed a traceback")
    progress = PROGRESS.get(run.command)
    strays = [line for line in run.stderr.splitlines()
              if not DIAGNOSTIC.match(line) and not (progress and progress.match(line))]
    if strays:
        problems.append(f"stderr lines that are not diagnostics: {strays[:3]}")
    about = [m for m in map(DIAGNOSTIC.match, run.stderr_lines_about_input()) if m]
    if expectation.code:
        carrying = [m.group(0) for m in about if m["code"] == expectation.code]
        if len(carrying) != 1 and (expectation.one_line or not carrying):
            problems.append(f"expected {'one' if expectation.one_line else 'a'} "
                            f"[{expectation.code}] line about the input, got {len(carrying)}: "
                            f"{[m.group(0)[:160] for m in about][:4]}")
    elif not accept and 0 not in expectation.exit_codes and not any(
            m["severity"] in ("error", "fatal") for m in about):
        problems.append("refused without an error line saying why")
    if accept:
        errors = [m.group(0) for m in about if m["severity"] in ("error", "fatal")]
        if errors:
            problems.append(f"refused an input it must accept: {errors[:3]}")
    for marker in (SECRET_MARKER, PASSWD_MARKER):
        if marker in run.stdout or marker in run.stderr:
            problems.append(f"leaked {marker!r} on stdout/stderr")
    if run.leaked_into:
        problems.append(f"leaked a secret into {run.leaked_into}")
    if run.pwned:
        problems.append("created the file the attack named")
    asked = [r for r in requests if r.startswith(f"/{run.folder_name}/{run.attack}/")]
    if asked:
        problems.append(f"sent {len(asked)} request(s) to the server: {asked[:3]}")
    if run.inputs_before != run.inputs_after:
        problems.append("modified its input files")
    return problems


@pytest.mark.parametrize(("command", "attack"), CASES,
                         ids=[f"{command}-{attack.name}" for command, attack in CASES])
def test_command_withstands_attack(command: str, attack: Attack, attack_runs) -> None:
    runs, requests = attack_runs
    run = runs[(command, attack.name)]
    problems = violations(run, attack.expect[command], requests, attack.accept)
    if (command, attack.name) in KNOWN_VULNERABLE:
        assert problems, (f"`{' '.join(run.argv)}` now withstands {attack.name}: remove it "
                          "from KNOWN_VULNERABLE")
    else:
        assert problems == [], (f"`tei-edition {' '.join(run.argv)}` on {attack.name} "
                                f"({attack.threat}):\n  " + "\n  ".join(problems) +
                                f"\nstderr:\n{run.stderr[-2000:]}")


def test_known_vulnerable_entries_name_real_cases() -> None:
    names = {(command, attack.name) for command, attack in CASES}
    assert set(KNOWN_VULNERABLE) <= names


def test_every_command_meets_every_attack_kind_it_accepts() -> None:
    kinds = {kind for kind, commands in CORPUS.commands.items() if commands}
    attacked = {attack.kind for _, attack in CASES if not attack.accept}
    assert kinds <= attacked
    for command in _commands():
        assert any(a.accept for c, a in CASES if c == command), f"{command} has no control"
