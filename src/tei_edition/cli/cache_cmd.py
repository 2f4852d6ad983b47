"""`tei-edition cache info|clear`: show or empty the user's on-disk cache.

This module owns only the command line of the cache; what is stored and how is decided by the
stages (conformance/cache.py for grammars). It imports click and the standard library only at
the top, so `tei-edition --help` stays fast. Schemas fetched by `tei-edition schema fetch`
(the cache's `tei/` folder) are kept by `clear` unless `--all` is given: they are downloads,
not derived data.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import click

_DOWNLOADS = "tei"


def _folder_summary(folder: Path) -> tuple[int, int]:
    files = 0
    size = 0
    for directory, _, names in os.walk(folder):
        for name in names:
            try:
                size += (Path(directory) / name).lstat().st_size
            except OSError:
                continue
            files += 1
    return files, size


def _human(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


@click.group()
def cache() -> None:
    """Inspect or clear tei-edition's cache ($TEI_EDITION_CACHE_DIR, else
    $XDG_CACHE_HOME/tei-edition, else ~/.cache/tei-edition).

    The cache holds reduced TEI grammars (rng/) that make `validate --profile tei` fast, the
    compiled house rules (rules/), and TEI schemas fetched by `tei-edition schema fetch`
    (tei/). Every entry is keyed by the content hash of its source and the tool version, so
    it is always safe to keep or delete.
    """


@cache.command("info")
def info() -> None:
    """Show where the cache is, and the entries and bytes of each part."""
    from tei_edition.resources import cache_dir

    root = cache_dir()
    click.echo(f"cache: {root}")
    if not root.is_dir():
        click.echo("  (empty: the folder does not exist yet)")
        return
    total_files = total_size = 0
    for child in sorted(root.iterdir()):
        files, size = _folder_summary(child) if child.is_dir() else (1, child.lstat().st_size)
        total_files += files
        total_size += size
        click.echo(f"  {child.name + ('/' if child.is_dir() else ''):<12} {files:>6} entries "
                   f"{_human(size):>10}")
    click.echo(f"  {'total':<12} {total_files:>6} entries {_human(total_size):>10}")


@cache.command("clear")
@click.option("--all", "clear_all", is_flag=True,
              help="Also remove TEI schemas fetched by `tei-edition schema fetch`.")
def clear(clear_all: bool) -> None:
    """Remove the cache's derived data (reduced grammars, compiled house rules)."""
    from tei_edition.resources import cache_dir

    root = cache_dir()
    if not root.is_dir():
        click.echo(f"cache {root} is already empty")
        return
    removed_files = removed_size = 0
    for child in sorted(root.iterdir()):
        if child.name == _DOWNLOADS and not clear_all:
            continue
        files, size = _folder_summary(child) if child.is_dir() else (1, child.lstat().st_size)
        try:
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        except OSError as error:
            message = f"cannot remove {child}: {error.strerror or error}"
            raise click.ClickException(message) from None
        removed_files += files
        removed_size += size
    kept = "" if clear_all or not (root / _DOWNLOADS).exists() else \
        " (kept fetched schemas in tei/; use --all to remove them too)"
    click.echo(f"removed {removed_files} entries ({_human(removed_size)}) from {root}{kept}")
