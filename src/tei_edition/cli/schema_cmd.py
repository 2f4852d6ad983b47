"""`tei-edition schema fetch|info`: get a pinned TEI P5 release's tei_all.rng and say which
schemas validation uses.

This module parses options and prints; downloading and checksums are in
`tei_edition.schema_fetch`. Only click and the standard library are imported at module level.
"""

from __future__ import annotations

import json
import sys

import click

from tei_edition.cli import emit_diagnostics, format_option


@click.group()
def schema() -> None:
    """Fetch and inspect the TEI P5 schema (tei_all.rng) and the project schema."""


@schema.command()
@click.option("--version", "version", default=None, metavar="V",
              help="TEI P5 release to fetch (default: the newest pinned release).")
@click.option("--base-url", default=None, metavar="URL",
              help="Where releases live (default: $TEI_EDITION_TEI_BASE_URL, else the TEI "
                   "Consortium's Vault, https://www.tei-c.org/Vault/P5).")
@click.option("--force", is_flag=True, help="Download again even if a verified copy is cached.")
@format_option
def fetch(version: str | None, base_url: str | None, force: bool, output_format: str) -> None:
    """Download tei_all.rng of a pinned TEI release, verify its sha256, store it in the cache.

    A file whose sha256 is not the pinned one is refused and nothing is stored (exit 1).
    Exit codes: 0 stored (or already cached), 1 refused, 3 download impossible.
    """
    from tei_edition.diagnostics import exit_code_for
    from tei_edition.schema_fetch import DEFAULT_VERSION, PINNED_SHA256, fetch_tei_all

    chosen = version or DEFAULT_VERSION
    path, diagnostics = fetch_tei_all(chosen, base_url, force=force)
    emit_diagnostics(diagnostics, output_format)
    if path is not None:
        click.echo(f"tei_all.rng of TEI P5 {chosen} (sha256 {PINNED_SHA256[chosen]}) "
                   f"is at {path}")
    sys.exit(exit_code_for(diagnostics))


@schema.command()
@click.option("--tei-all", "tei_all", type=click.Path(dir_okay=False), default=None,
              help="Describe this tei_all.rng instead of the configured one.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def info(tei_all: str | None, as_json: bool) -> None:
    """Say which schemas `validate` uses: the project's files and the TEI P5 tei_all.rng
    (path, where it was configured, version, sha256, whether it is a pinned release)."""
    from tei_edition import resources
    from tei_edition.schema_fetch import configured_source, describe_tei_all, sha256_file

    folder = resources.schema_dir()
    project = {name: {"path": str(folder / name), "sha256": sha256_file(folder / name)}
               for name in ("tei-edition.xsd", "xml.xsd", "tei-edition.sch")}
    rng = resources.find_tei_all(tei_all)
    tei: dict[str, object] = {"configured": rng is not None}
    if rng is not None:
        tei.update(path=str(rng), source=configured_source(tei_all), exists=rng.is_file())
        if rng.is_file():
            described = describe_tei_all(rng)
            tei.update(version=described.version, sha256=described.sha256,
                       pinned=described.pinned)
    if as_json:
        click.echo(json.dumps({"project": project, "tei_all": tei}, indent=2, sort_keys=True))
        return
    click.echo("project schema:")
    for name, entry in project.items():
        click.echo(f"  {name}: {entry['path']} (sha256 {entry['sha256']})")
    if rng is None:
        click.echo("tei_all.rng: not configured; TEI conformance is not checked "
                   "(run `tei-edition schema fetch`, pass --tei-all PATH or set "
                   f"{resources.TEI_ALL_ENV})")
    elif not rng.is_file():
        click.echo(f"tei_all.rng: {rng} (from {tei['source']}) does not exist")
    else:
        pinned = "pinned release" if tei["pinned"] else "NOT a pinned release"
        click.echo(f"tei_all.rng: {rng} (from {tei['source']})")
        click.echo(f"  TEI P5 version {tei['version'] or 'unknown'}, sha256 {tei['sha256']} "
                   f"({pinned})")
