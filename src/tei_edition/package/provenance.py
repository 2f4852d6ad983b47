"""The provenance record a bag carries: what validated its TEI, against which schemas, with
what result (`data/validation.json`).

This module owns that record's content and its bytes. It must not run validation itself
(the schema names, checksums and TEI release come from `validation.schema_versions`) and must
not record anything that differs between machines or runs (no absolute paths, no time), so
that the same edition always gives the same record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace

from tei_edition import __version__
from tei_edition.diagnostics import Diagnostic, Severity


def validation_record(*, edition_id: str, tei_payload: str, tei_sha256: str, profile: str,
                      schemas: dict[str, str], diagnostics: Iterable[Diagnostic]) -> bytes:
    """The JSON bytes of data/validation.json (sorted keys, two-space indent, final newline).

    Diagnostic paths are rewritten to the bag-relative TEI path: the edition folder the
    packager read is not part of the bag and differs between machines.
    """
    found = sorted(replace(d, path=tei_payload) for d in diagnostics)
    worst = max((d.severity for d in found), default=None)
    if worst is None:
        result = "valid"
    elif worst < Severity.ERROR:
        result = f"valid with {worst}s"
    else:
        result = "invalid"
    record = {
        "edition": edition_id,
        "tei": {"path": tei_payload, "sha256": tei_sha256},
        "validated_by": {"tool": "tei-edition", "version": __version__, "profile": profile},
        "schemas": dict(sorted(schemas.items())),
        "result": result,
        "diagnostics": [d.to_json() for d in found],
    }
    return (json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
