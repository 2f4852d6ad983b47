"""Verified records in the user's cache: the one record format of every derived cache.

Used for the reduced grammars of TEI conformance (`conformance.cache`, folder ``rng/``) and
the compiled house-rules validator (`validation.rules`, folder ``rules/``). A record is one
file, written atomically (temporary file, then rename; `xmlio.write_atomic`) but not fsynced:
a record lost or torn by a crash fails its digest and is made again, while an fsync cost up
to a second of wall time per file on a busy disk. Its first line is
``tei-edition-cache <version> <sha256 of the payload>``; a record whose header, version or
digest does not match is ignored (and later overwritten), never trusted.

This module owns the format only; it must not decide what is cached, under which key, or
when entries are removed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from tei_edition.xmlio import write_atomic

_MAGIC = b"tei-edition-cache"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_record(folder: Path, name: str, version: str) -> bytes | None:
    """The payload stored under ``folder/name`` for ``version``, or None when it is absent,
    unreadable, of another version or corrupted."""
    try:
        data = (folder / name).read_bytes()
    except OSError:
        return None
    header, _, payload = data.partition(b"\n")
    if header != _header(payload, version):
        return None
    return payload


def write_record(folder: Path, name: str, payload: bytes, version: str) -> bool:
    """Store ``payload`` under ``folder/name``; False when the cache cannot be written (it is
    then simply not used)."""
    try:
        write_atomic(folder / name, _header(payload, version) + b"\n" + payload, force=True,
                     durable=False)
    except OSError:
        return False
    return True


def _header(payload: bytes, version: str) -> bytes:
    return b" ".join([_MAGIC, version.encode("utf-8"), sha256_hex(payload).encode("ascii")])
