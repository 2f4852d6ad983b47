"""Finding the editions of a collection: which folders are editions and which files they hold.

This module owns the folder convention `<editions>/<slug>/<slug>.txt|.toml|.xml`. It reads
directory listings only; it must not open the files (hashing and parsing happen elsewhere).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tei_edition.diagnostics import Diagnostic, Severity

# A slug becomes a folder name under the output folder and an HTML id in the collection pages,
# so it is kept to characters that are safe in both without escaping.
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class EditionSource:
    """One edition folder; a missing file is None, except `tei`, which names where the TEI lives
    (or would be written) whether or not it exists yet."""

    slug: str
    folder: Path
    transcript: Path | None
    metadata: Path | None
    tei: Path

    @property
    def tei_exists(self) -> bool:
        return self.tei.is_file()


def discover_editions(editions_dir: Path) -> tuple[list[EditionSource], list[Diagnostic]]:
    """Every edition folder directly under ``editions_dir``, sorted by slug.

    A folder is an edition when it holds ``<slug>.txt`` or ``<slug>.xml``. Hidden folders are
    ignored; a folder that holds other .txt/.xml files only is reported (a misnamed edition is
    a likelier mistake than a stray folder with text files in it).
    """
    found: list[EditionSource] = []
    diagnostics: list[Diagnostic] = []
    for folder in sorted(p for p in editions_dir.iterdir() if p.is_dir()):
        slug = folder.name
        if slug.startswith((".", "_")):
            continue
        transcript = folder / f"{slug}.txt"
        tei = folder / f"{slug}.xml"
        metadata = folder / f"{slug}.toml"
        if not transcript.is_file() and not tei.is_file():
            if any(p.suffix in (".txt", ".xml") for p in folder.iterdir()):
                diagnostics.append(
                    Diagnostic(
                        str(folder),
                        0,
                        0,
                        Severity.WARNING,
                        "build.no-edition-files",
                        f"folder holds no {slug}.txt or {slug}.xml and is not built",
                        f"name the transcript {slug}.txt (the folder's name) to make it an edition",
                    )
                )
            continue
        if not _SLUG.match(slug):
            diagnostics.append(
                Diagnostic(
                    str(folder),
                    0,
                    0,
                    Severity.ERROR,
                    "build.bad-slug",
                    f"edition folder name {slug!r} is not a usable slug",
                    "use letters, digits, '.', '_' and '-' only, starting with a letter or digit",
                )
            )
            continue
        found.append(
            EditionSource(
                slug=slug,
                folder=folder,
                transcript=transcript if transcript.is_file() else None,
                metadata=metadata if metadata.is_file() else None,
                tei=tei,
            )
        )
    return found, diagnostics
