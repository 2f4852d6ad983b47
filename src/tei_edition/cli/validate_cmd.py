"""`tei-edition validate PATH...`: check TEI files against the project schema, the house rules,
the Python checks and TEI P5 (tei_all.rng), and report diagnostics.

This module only parses options, expands paths and prints; the work is
`tei_edition.validation.validate_file`, a pure function per file. It imports click and the
standard library at module level only (lxml loads when the command runs).
"""

from __future__ import annotations

import glob
import os
import sys
from pathlib import Path

import click

from tei_edition.cli import emit_diagnostics, fail_on_option, format_option

MANY_FILES = 4  # from this many files on, parallel workers pay for their start (~0.05 s)
PROFILE_HELP = ("project: the project's XSD, rules and checks; tei: TEI P5 conformance only "
                "(for TEI written by others); all: both. Default: all when a tei_all.rng is "
                "configured, else project.")


def expand_paths(arguments: tuple[str, ...]) -> tuple[list[Path], list[str]]:
    """Files to validate (folders: every *.xml below, sorted; globs expanded) and the
    arguments that matched nothing."""
    files: list[Path] = []
    missing: list[str] = []
    for argument in arguments:
        candidate = Path(argument)
        if candidate.is_dir():
            files.extend(sorted(p for p in candidate.rglob("*.xml") if p.is_file()))
        elif candidate.exists():
            files.append(candidate)
        elif glob.has_magic(argument):
            matched = sorted(Path(p) for p in glob.glob(argument, recursive=True))
            found = [p for m in matched for p in (sorted(m.rglob("*.xml")) if m.is_dir() else [m])]
            files.extend(found) if found else missing.append(argument)
        else:
            missing.append(argument)
    unique = list(dict.fromkeys(files))
    return unique, missing


@click.command(epilog="Exit codes: 0 clean, 1 problems at or above --fail-on, 2 usage, "
                      "3 could not run (no tei_all.rng for --profile tei/all, unreadable file).")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--profile", type=click.Choice(["project", "tei", "all"]), default=None,
              help=PROFILE_HELP)
@click.option("--tei-all", "tei_all", type=click.Path(dir_okay=False), default=None,
              help="tei_all.rng to check conformance against (else $TEI_EDITION_TEI_ALL, "
                   "else the copy stored by `tei-edition schema fetch`).")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None,
              help="Validate this many files in parallel (separate processes). Default: "
                   f"every usable CPU when there are {MANY_FILES} files or more, else 1.")
@format_option
@fail_on_option
def validate(paths: tuple[str, ...], profile: str | None, tei_all: str | None, jobs: int | None,
             output_format: str, fail_on: str) -> None:
    """Validate TEI files, folders (every *.xml below) and glob patterns.

    Diagnostics go to stderr as `path:line:col: severity [code] message`; one fault gives
    one line, from the most specific check (docs/validation.md).
    """
    from tei_edition import resources
    from tei_edition.diagnostics import Diagnostic, Severity, exit_code_for

    files, missing = expand_paths(paths)
    general: list[Diagnostic] = [
        Diagnostic(argument, 0, 0, Severity.FATAL, "io.not-found",
                   "no such file or folder, and no file matches it") for argument in missing]
    rng = resources.find_tei_all(tei_all)
    chosen = profile or ("all" if rng is not None else "project")
    if chosen != "project" and rng is not None and len(files) == 1:
        # One document: read tei_all.rng on the other core while the validators load, in
        # case its reduction to this document is not cached (conformance/prefetch.py).
        from tei_edition.conformance import prefetch

        prefetch.start(rng)
    if rng is None and chosen in ("tei", "all"):
        general.append(Diagnostic("<tei_all.rng>", 0, 0, Severity.FATAL,
                                  "validate.tei-all-missing",
                                  f"--profile {chosen} needs TEI P5's tei_all.rng, and none is "
                                  "configured", _CONFIGURE_HINT))
        files = []
    elif rng is not None and chosen != "project" and not rng.is_file():
        general.append(Diagnostic(str(rng), 0, 0, Severity.FATAL, "validate.tei-all-missing",
                                  "the configured tei_all.rng does not exist", _CONFIGURE_HINT))
        files = []
    elif rng is None and profile is None:
        general.append(Diagnostic("<tei_all.rng>", 0, 0, Severity.INFO,
                                  "validate.conformance-skipped",
                                  "TEI conformance (tei_all.rng) was not checked: none is "
                                  "configured; validated with --profile project",
                                  _CONFIGURE_HINT))
    if not files and not missing and not any(d.severity is Severity.FATAL for d in general):
        general.append(Diagnostic(", ".join(paths), 0, 0, Severity.WARNING, "validate.no-files",
                                  "no *.xml file found", None))
    results = _validate_all(files, chosen, rng, jobs)
    found = general + results
    emit_diagnostics(found, output_format)
    if output_format == "text":
        _summary(len(files), found)
    sys.exit(exit_code_for(found, Severity.parse(fail_on)))


_CONFIGURE_HINT = ("run `tei-edition schema fetch`, or pass --tei-all PATH, or set "
                   "TEI_EDITION_TEI_ALL")


def validate_one(path: Path, profile: str, rng: Path | None) -> list:
    """`validate_file`, with an unexpected failure turned into one fatal diagnostic for that
    file, so that one broken file never hides the others' results behind a traceback."""
    from tei_edition.diagnostics import Diagnostic, Severity
    from tei_edition.validation import validate_file

    try:
        return validate_file(path, profile=profile, tei_all=rng)
    except Exception as error:  # noqa: BLE001 (reported, never swallowed)
        return [Diagnostic(str(path), 0, 0, Severity.FATAL, "validate.internal-error",
                           f"validation stopped: {type(error).__name__}: {error}",
                           "please report this with the file")]


def _usable_cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


def _validate_all(files: list[Path], profile: str, rng: Path | None, jobs: int | None) -> list:
    if jobs is None:
        jobs = _usable_cpus() if len(files) >= MANY_FILES else 1
    if profile == "tei" and rng is not None and len(files) > 1:
        # The batch route: a few workers, each with one grammar reduced to the union of its
        # files' element names (docs/performance.md); diagnostics come back in input order.
        from tei_edition.conformance import check_conformance_files

        return check_conformance_files(files, rng, jobs=min(jobs, len(files)))
    if jobs <= 1 or len(files) <= 1:
        return [d for f in files for d in validate_one(f, profile, rng)]
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    work = partial(validate_one, profile=profile, rng=rng)
    with ProcessPoolExecutor(max_workers=min(jobs, len(files), _usable_cpus())) as pool:
        return [d for result in pool.map(work, files) for d in result]


def _summary(count: int, found: list) -> None:
    from tei_edition.diagnostics import Severity

    def tally(severity: Severity) -> int:
        return sum(1 for d in found if d.severity is severity)

    errors = tally(Severity.ERROR) + tally(Severity.FATAL)
    click.echo(f"validated {count} file{'s' if count != 1 else ''}: {errors} error(s), "
               f"{tally(Severity.WARNING)} warning(s), {tally(Severity.INFO)} info")
