"""Which files of an edition folder go into a bag, and where they sit in its payload.

This module owns the edition-folder convention (`editions/<slug>/<slug>.xml|.txt|.toml`) as
the packager reads it, and the payload layout of a bag. It must not read file contents or
write anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# An edition id names a folder and a zip in the output directory: keep it to characters that
# are safe in file names everywhere and in URLs.
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")

DUBLIN_CORE = "dc.xml"
PROVENANCE = "validation.json"
RENDERINGS = "renderings"


@dataclass(frozen=True)
class EditionSources:
    """The source files of one edition; transcript and metadata may be absent."""

    edition_id: str
    folder: Path
    tei: Path
    transcript: Path | None
    metadata: Path | None
    not_packaged: tuple[Path, ...]  # other files in the folder, reported, never copied

    def payload_sources(self) -> dict[str, Path]:
        """Bag-relative payload path -> source file, for the files copied byte for byte."""
        found = {tei_payload_path(self.edition_id): self.tei}
        for source in (self.transcript, self.metadata):
            if source is not None:
                found[f"data/{source.name}"] = source
        return found


def tei_payload_path(edition_id: str) -> str:
    return f"data/{edition_id}.xml"


def rendering_payload_paths(edition_id: str) -> dict[tuple[str, str], str]:
    """(to, view) -> bag-relative path of each rendering the bag carries."""
    return {
        ("html", "reading"): f"data/{RENDERINGS}/{edition_id}.reading.html",
        ("text", "reading"): f"data/{RENDERINGS}/{edition_id}.reading.txt",
        ("text", "diplomatic"): f"data/{RENDERINGS}/{edition_id}.diplomatic.txt",
    }


def is_safe_edition_id(edition_id: str) -> bool:
    return bool(_SAFE_ID.match(edition_id)) and ".." not in edition_id


def find_edition_sources(folder: Path) -> EditionSources | None:
    """The sources of the edition in ``folder``, named after the folder; None without its TEI."""
    edition_id = folder.resolve().name
    tei = folder / f"{edition_id}.xml"
    if not tei.is_file():
        return None
    transcript = folder / f"{edition_id}.txt"
    metadata = folder / f"{edition_id}.toml"
    known = {tei.name, transcript.name, metadata.name}
    others = tuple(sorted(p for p in folder.iterdir() if p.name not in known))
    return EditionSources(
        edition_id=edition_id,
        folder=folder,
        tei=tei,
        transcript=transcript if transcript.is_file() else None,
        metadata=metadata if metadata.is_file() else None,
        not_packaged=others,
    )
