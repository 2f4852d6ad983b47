"""Writing the collection pages (index, persons, diagnostics) into the output folder.

This module owns which collection pages exist and rewriting one only when its bytes change,
so a build with nothing to do touches no file. It must not build editions; it reads their
catalogue records (`<slug>/record.json`, written by `worker`) of the editions the state
says are built.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tei_edition.build.pages import diagnostics_page, index_page, persons_page
from tei_edition.build.persons import merge_persons
from tei_edition.build.state import BuildState
from tei_edition.build.worker import RECORD, write_if_changed
from tei_edition.diagnostics import Diagnostic

COLLECTION_PAGES = ("index.html", "persons.html", "diagnostics.html")


def _read_record(out_dir: Path, slug: str, state: BuildState) -> dict[str, Any] | None:
    """The catalogue record of a built edition (None for one that was not built)."""
    entry = state.editions.get(slug)
    relative = f"{slug}/{RECORD}"
    if entry is None or relative not in entry.outputs:
        return None
    try:
        return json.loads((out_dir / relative).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # removed or damaged since: the edition is rebuilt by the next build


def write_collection_pages(
    out_dir: Path,
    slugs: Sequence[str],
    state: BuildState,
    diagnostics: Mapping[str, Sequence[Diagnostic]],
) -> list[str]:
    """Write the pages for the editions ``slugs``; returns the names of the pages rewritten."""
    records = []
    unbuilt = []
    for slug in slugs:
        record = _read_record(out_dir, slug, state)
        if record is not None:
            records.append(record)
        else:
            unbuilt.append(slug)
    pages = {
        "index.html": index_page(records, unbuilt, diagnostics),
        "persons.html": persons_page(merge_persons(records)),
        "diagnostics.html": diagnostics_page(diagnostics, list(slugs)),
    }
    return [name for name, data in pages.items() if write_if_changed(out_dir / name, data)]
