"""Where the toolkit finds its own files (schema/, xslt/) and the user's (cache, tei_all.rng).

Only this module knows the layout on disk: in a source checkout (editable install) the
folders sit at the repository root; in a wheel they are packaged under tei_edition/_data.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent

TEI_ALL_ENV = "TEI_EDITION_TEI_ALL"
CACHE_ENV = "TEI_EDITION_CACHE_DIR"


def data_dir(name: str) -> Path:
    """The project folder ``name`` ("schema" or "xslt"), wherever this installation keeps it."""
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"tei-edition installation has no {name}/ folder")


def schema_dir() -> Path:
    return data_dir("schema")


def xslt_dir() -> Path:
    return data_dir("xslt")


def cache_dir() -> Path:
    """The user's cache for tei-edition (``$TEI_EDITION_CACHE_DIR``, else XDG)."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tei-edition"


def find_tei_all(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The tei_all.rng to use: an explicit path, else ``$TEI_EDITION_TEI_ALL``, else the newest
    copy fetched into the cache by ``tei-edition schema fetch``; None when none is configured."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(TEI_ALL_ENV)
    if env:
        return Path(env)
    fetched = sorted((cache_dir() / "tei").glob("*/tei_all.rng"))
    return fetched[-1] if fetched else None
