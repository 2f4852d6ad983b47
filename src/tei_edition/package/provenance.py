"""The provenance record a bag carries: what validated its TEI, against which schemas, with
what result (`data/validation.json`).

This module owns that record's content and its bytes. It must not run validation itself
and must not record anything that differs between machines or runs (no absolute paths, no
time), so that the same edition always gives the same record.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from tei_edition import __version__
from tei_edition.diagnostics import Diagnostic, Severity

_TEI_EDITION_LINE = re.compile(rb"TEI Edition:\s*(P5 Version [0-9][0-9A-Za-z.\-]*)")


def tei_release(rng_path: Path) -> str | None:
    """The TEI P5 release a tei_all.rng was generated from, read from its opening comment."""
    try:
        with open(rng_path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None
    match = _TEI_EDITION_LINE.search(head)
    return match.group(1).decode("ascii") if match else None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def validation_record(*, edition_id: str, tei_payload: str, tei_sha256: str, profile: str,
                      schemas: dict[str, str], tei_all: Path | None,
                      diagnostics: Iterable[Diagnostic]) -> bytes:
    """The JSON bytes of data/validation.json (sorted keys, two-space indent, final newline).

    Diagnostic paths are rewritten to the bag-relative TEI path: the edition folder the
    packager read is not part of the bag and differs between machines.
    """
    found = sorted(replace(d, path=tei_payload) for d in diagnostics)
    worst = max((d.severity for d in found), default=None)
    if worst is None:
        result = "valid"
    elif worst < Severity.ERROR:
        result = f"valid with {str(worst)}s"
    else:
        result = "invalid"
    record = {
        "edition": edition_id,
        "tei": {"path": tei_payload, "sha256": tei_sha256},
        "validated_by": {"tool": "tei-edition", "version": __version__, "profile": profile},
        "schemas": dict(sorted(schemas.items())),
        "tei_all": None if tei_all is None else {
            "file": tei_all.name,
            "sha256": sha256_of(tei_all),
            "release": tei_release(tei_all),
        },
        "result": result,
        "diagnostics": [d.to_json() for d in found],
    }
    return (json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
