"""The on-disk cache of grammars for TEI conformance, under `resources.cache_dir()/rng/`.

This module owns the cache's layout, keys and record format, and its info/clear operations.
It must not decide what is cached or how grammars are built (see engine.py).

Every entry is one file written atomically (temporary file, then rename): a header line
``tei-edition-cache <format> <sha256 of the payload>`` and the payload. A record whose header
or digest does not match is ignored (and later overwritten), never trusted. Keys include the
sha256 of the schema file and `CACHE_VERSION`, so a changed schema or a new tool version
never reads an old entry.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tei_edition import __version__
from tei_edition.resources import cache_dir

# Bump when the IR or the reduction changes meaning: old entries then stop matching.
CACHE_VERSION = f"{__version__}+rng5"
_MAGIC = b"tei-edition-cache"
MAX_REDUCED_ENTRIES = 2000  # reduced grammars are 20-150 KB each; the oldest go first


def grammar_cache_dir() -> Path:
    return cache_dir() / "rng"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def reduced_key(schema_sha256: str, mode: str, element_names: list[str],
                attribute_names: list[str]) -> str:
    """The file name of a reduced grammar: schema, tool version, mode and both name sets."""
    text = "\n".join([schema_sha256, CACHE_VERSION, mode, "E", *sorted(element_names),
                      "A", *sorted(attribute_names)])
    return f"reduced-{sha256_hex(text.encode('utf-8'))[:40]}.rng"


def read_record(name: str) -> bytes | None:
    """The payload stored under ``name``, or None when absent, unreadable or corrupted."""
    try:
        data = (grammar_cache_dir() / name).read_bytes()
    except OSError:
        return None
    header, _, payload = data.partition(b"\n")
    parts = header.split(b" ")
    if len(parts) != 3 or parts[0] != _MAGIC or parts[1] != CACHE_VERSION.encode():
        return None
    if parts[2].decode("ascii", "replace") != sha256_hex(payload):
        return None
    return payload


def write_record(name: str, payload: bytes) -> None:
    """Store ``payload`` under ``name``; a cache that cannot be written is simply not used.

    Atomic (temporary file, then rename) but not fsynced, unlike `xmlio.write_atomic`: a
    record lost or torn by a crash is detected by its digest and rebuilt, while an fsync
    costs up to a second of wall time on a busy disk (measured: 0.4 s of CPU, 1.4 s of wall
    for one file with an empty cache)."""
    header = b" ".join([_MAGIC, CACHE_VERSION.encode(), sha256_hex(payload).encode()])
    folder = grammar_cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(header + b"\n" + payload)
            os.replace(temporary, folder / name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        if name.startswith("reduced-"):
            _prune_reduced(folder)
    except OSError:
        pass


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
