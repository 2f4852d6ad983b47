"""`tei-edition build`: a whole collection of editions to a browsable, checked site.

This module owns only the command line: options, printing diagnostics and the summary, the
exit code. The work is in `tei_edition.build`, imported inside the command so that
`tei-edition --help` stays fast.
"""

from __future__ import annotations

import os
import sys

import click

from tei_edition.cli import emit_diagnostics, fail_on_option, format_option


@click.command("build")
@click.argument(
    "editions_dir",
    default="editions",
    required=False,
    type=click.Path(file_okay=False, path_type=str),
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(path_type=str),
    help="Folder the site is written to (made by build; created when missing).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes  [default: number of cores]",
)
@click.option(
    "--force",
    is_flag=True,
    help="Rebuild every edition, ignoring the saved state; also build into a non-empty "
    "folder that build did not make.",
)
@click.option(
    "--tei-all",
    "tei_all",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="TEI P5 tei_all.rng for conformance (default: $TEI_EDITION_TEI_ALL or the "
    "cache). Without one, only the project profile is checked.",
)
@click.option(
    "--write-tei/--no-write-tei",
    default=True,
    show_default=True,
    help="Write a missing or stale generated TEI into the edition folder (never when "
    'the metadata says tei = "check-only" or "hand-maintained").',
)
@format_option
@fail_on_option
def build(
    editions_dir: str,
    out_dir: str,
    jobs: int | None,
    force: bool,
    tei_all: str | None,
    write_tei: bool,
    output_format: str,
    fail_on: str,
) -> None:
    """Build every edition in EDITIONS_DIR (default: editions) into OUT_DIR.

    \b
    For each folder <slug>/ holding <slug>.txt and/or <slug>.xml (metadata in <slug>.toml):
    convert the transcript when the TEI is missing or stale, validate, and render
    OUT_DIR/<slug>/index.html, reading.txt, diplomatic.txt and a copy of <slug>.xml.
    Then OUT_DIR/index.html (editions by date), persons.html and diagnostics.html.
    Only editions whose inputs or the tool changed are rebuilt (state in
    OUT_DIR/.build-state.json). Diagnostics go to stderr, the summary line to stdout.
    """
    from pathlib import Path

    from tei_edition.build import BuildOptions, build_collection
    from tei_edition.build.progress import SilentProgress
    from tei_edition.diagnostics import Severity, exit_code_for
    from tei_edition.resources import find_tei_all

    schema = find_tei_all(tei_all)
    options = BuildOptions(
        editions_dir=Path(editions_dir),
        out_dir=Path(out_dir),
        jobs=jobs or os.cpu_count() or 1,
        force=force,
        write_tei=write_tei,
        tei_all=schema,
    )
    quiet = output_format != "text" and not sys.stderr.isatty()  # keep stderr machine-readable
    report = build_collection(options, progress=(lambda total: SilentProgress()) if quiet else None)
    emit_diagnostics(report.diagnostics, output_format)
    if report.stats.editions or not any(d.severity is Severity.FATAL for d in report.diagnostics):
        click.echo(report.stats.summary_line())
    sys.exit(exit_code_for(report.diagnostics, Severity.parse(fail_on)))
