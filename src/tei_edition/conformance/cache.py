"""The on-disk cache of grammars for TEI conformance, under `resources.cache_dir()/rng/`.

This module owns the cache's layout, keys and record format, and its info/clear operations.
It must not decide what is cached or how grammars are built (see engine.py).

Every entry is a verified record (`tei_edition.cache_records`: written atomically, a header
with the cache version and the payload's sha256; a record that does not match is ignored and
later overwritten, never trusted). Keys include the
sha256 of the schema file and `CACHE_VERSION`, so a changed schema or a new tool version
never reads an old entry.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from tei_edition import __version__, cache_records
from tei_edition.cache_records import sha256_hex
from tei_edition.resources import cache_dir

# Bump when the IR or the reduction changes meaning: old entries then stop matching.
CACHE_VERSION = f"{__version__}+rng5"
MAX_REDUCED_ENTRIES = 2000  # reduced grammars are 20-150 KB each; the oldest go first


def grammar_cache_dir() -> Path:
    return cache_dir() / "rng"


def reduced_key(schema_sha256: str, mode: str, element_names: list[str],
                attribute_names: list[str]) -> str:
    """The file name of a reduced grammar: schema, tool version, mode and both name sets."""
    text = "\n".join([schema_sha256, CACHE_VERSION, mode, "E", *sorted(element_names),
                      "A", *sorted(attribute_names)])
    return f"reduced-{sha256_hex(text.encode('utf-8'))[:40]}.rng"


def read_record(name: str) -> bytes | None:
    """The payload stored under ``name``, or None when absent, unreadable or corrupted."""
    return cache_records.read_record(grammar_cache_dir(), name, CACHE_VERSION)


def write_record(name: str, payload: bytes) -> None:
    """Store ``payload`` under ``name``; a cache that cannot be written is simply not used."""
    folder = grammar_cache_dir()
    if cache_records.write_record(folder, name, payload, CACHE_VERSION) and \
            name.startswith("reduced-"):
        with contextlib.suppress(OSError):
            _prune_reduced(folder)


def _prune_reduced(folder: Path) -> None:
    entries = [entry for entry in os.scandir(folder) if entry.name.startswith("reduced-")]
    if len(entries) <= MAX_REDUCED_ENTRIES:
        return
    entries.sort(key=lambda entry: entry.stat().st_mtime_ns)
    for entry in entries[: len(entries) - MAX_REDUCED_ENTRIES]:
        try:
            os.unlink(entry.path)
        except OSError:
            pass


@dataclass(frozen=True)
class CacheInfo:
    folder: Path
    grammars: int
    reduced: int
    other: int
    total_bytes: int


def cache_info() -> CacheInfo:
    """What the grammar cache holds (zero counts when it does not exist)."""
    folder = grammar_cache_dir()
    counts = {"grammar-": 0, "reduced-": 0, "": 0}
    total = 0
    if folder.is_dir():
        for entry in os.scandir(folder):
            if not entry.is_file():
                continue
            total += entry.stat().st_size
            kind = next(prefix for prefix in counts if entry.name.startswith(prefix))
            counts[kind] += 1
    return CacheInfo(folder, counts["grammar-"], counts["reduced-"], counts[""], total)


def clear_cache() -> int:
    """Remove every file of the grammar cache; returns how many were removed."""
    folder = grammar_cache_dir()
    removed = 0
    if not folder.is_dir():
        return 0
    for entry in os.scandir(folder):
        if entry.is_file() or entry.is_symlink():
            os.unlink(entry.path)
            removed += 1
    try:
        folder.rmdir()
    except OSError:
        pass
    return removed
