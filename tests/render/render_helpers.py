"""Helpers of the render tests: the one transcript normalisation, rendering shortcuts."""

from __future__ import annotations

import re
from pathlib import Path

from tei_edition.render import render_tree
from tei_edition.xmlio import parse_xml_file

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"

_SPACE_AFTER_SEPARATOR = re.compile(r"^(.{1,80}? (?:-|–|—|--)) [\s\u00a0]+(?=\S)")


def normalise_transcript(text: str) -> str:
    """The transcript after exactly the normalisation that docs/encoding.md §6 lets the
    converter declare in editorialDecl/normalization: BOM dropped, CRLF/CR to LF, tabs to
    spaces, leading and trailing whitespace of each line removed, whitespace-only and
    U+00A0-only lines empty, runs of empty lines one, whitespace between a speaker separator
    and the speech collapsed to one space. Nothing else (no case, no punctuation)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for line in text.replace("\t", " ").split("\n"):
        line = line.strip(" \u00a0")
        line = _SPACE_AFTER_SEPARATOR.sub(r"\1 ", line)
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def render_file(path: Path, to: str, view: str = "reading", **options) -> str:
    parsed = parse_xml_file(path)
    assert parsed.tree is not None, parsed.diagnostics
    data, diagnostics = render_tree(parsed.tree, to=to, view=view, **options)
    assert data is not None, diagnostics
    assert diagnostics == [], diagnostics
    return data.decode("utf-8")


ROOT_DIR = Path(__file__).resolve().parents[2]
