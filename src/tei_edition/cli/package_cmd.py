"""`tei-edition package` and `tei-edition verify`: editions to BagIt bags for an archive, and
the check an archive runs on what it received.

This module only parses options, calls `tei_edition.package` and prints; it imports nothing
heavy at module level (see cli/__init__.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tei_edition.cli import emit_diagnostics, fail_on_option, format_option

_TEI_ALL_HELP = ("tei_all.rng for full TEI P5 conformance (default: $TEI_EDITION_TEI_ALL, else "
                 "the copy fetched by `tei-edition schema fetch`; without one, only the "
                 "project's own schema and rules are checked).")


@click.command(epilog="""\b
Each EDITION_DIR holds <slug>.xml (TEI), and usually <slug>.txt and <slug>.toml.
The bag is written to OUT_DIR/<slug>/ (and OUT_DIR/<slug>.zip with --zip).
Bagging-Date: $SOURCE_DATE_EPOCH, else the TEI publication date, else the
latest revisionDesc change; never today's date. See docs/packaging.md.
\b
Exit codes: 0 all packaged, 1 an edition was refused (invalid, or output
exists without --force), 2 usage, 3 could not run.""")
@click.argument("editions", nargs=-1, required=True,
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", "out_dir", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder that receives the bags.")
@click.option("--zip", "make_zip", is_flag=True, help="Also write OUT_DIR/<slug>.zip.")
@click.option("--force", is_flag=True, help="Replace an existing bag (and zip).")
@click.option("--tei-all", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=_TEI_ALL_HELP)
@format_option
@fail_on_option
def package(editions: tuple[Path, ...], out_dir: Path, make_zip: bool, force: bool,
            tei_all: Path | None, output_format: str, fail_on: str) -> None:
    """Validate editions and package each as a BagIt 1.0 bag (sha256 + sha512) with its
    renderings, Dublin Core and a validation record."""
    from tei_edition.diagnostics import Severity, exit_code_for
    from tei_edition.package import build_package

    tei_all = _tei_all(tei_all)
    found = []
    seen: dict[str, Path] = {}
    for edition in editions:
        name = edition.resolve().name
        if name in seen:
            raise click.UsageError(f"{edition} and {seen[name]} would both be packaged as {name}")
        seen[name] = edition
    for edition in editions:
        result = build_package(edition, out_dir, make_zip=make_zip, force=force, tei_all=tei_all)
        found += result.diagnostics
        for written in (result.bag_dir, result.zip_path):
            if written is not None:
                click.echo(str(written))
    emit_diagnostics(found, output_format)
    sys.exit(exit_code_for(found, Severity.parse(fail_on)))


@click.command(epilog="""\b
Checks bagit.txt (BagIt 1.0), that every manifest entry exists and no file was
added, every sha256 and sha512 checksum, Payload-Oxum, and validates the TEI
inside again. A .zip is read safely: no absolute or '..' paths, no links,
bounded size ($TEI_EDITION_MAX_BAG_BYTES), extracted only to a temporary folder.
\b
Exit codes: 0 every bag is sound, 1 problems found, 2 usage, 3 could not run.""")
@click.argument("bags", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@click.option("--tei-all", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=_TEI_ALL_HELP)
@format_option
@fail_on_option
def verify(bags: tuple[Path, ...], tei_all: Path | None, output_format: str,
           fail_on: str) -> None:
    """Verify BagIt bags (folders or .zip files) made by `tei-edition package`."""
    from tei_edition.diagnostics import Severity, exit_code_for
    from tei_edition.package import verify_path

    tei_all = _tei_all(tei_all)
    threshold = Severity.parse(fail_on)
    found = []
    for bag in bags:
        problems = verify_path(bag, tei_all=tei_all)
        found += problems
        if exit_code_for(problems, threshold) == 0:
            click.echo(f"{bag}: ok")
    emit_diagnostics(found, output_format)
    sys.exit(exit_code_for(found, threshold))


def _tei_all(explicit: Path | None) -> Path | None:
    """The configured tei_all.rng; a configured but missing file is a usage error."""
    from tei_edition.resources import find_tei_all

    found = find_tei_all(explicit)
    if found is not None and not found.is_file():
        raise click.BadParameter(f"tei_all.rng not found at {found}", param_hint="--tei-all")
    return found
