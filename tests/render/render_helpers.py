"""Helpers of the render tests: the one transcript normalisation, rendering shortcuts."""

from __future__ import annotations

import re
from collections import Counter
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


# Letters and digits apart, so that a glued foot-note mark ("and2") counts as two words.
_WORD = re.compile(r"[^\W\d_]+|\d+")


def words(text: str) -> Counter[str]:
    """The words of a text with their counts (letters and digits; punctuation ignored)."""
    return Counter(_WORD.findall(text))


def missing_words(source: str, rendered: str) -> Counter[str]:
    """Words of ``source`` that ``rendered`` lacks (or has fewer times)."""
    return words(source) - words(rendered)


def html_text_content(page: str) -> str:
    from lxml import html

    document = html.document_fromstring(page)
    for style in document.iter("style", "title"):
        style.getparent().remove(style)
    # Elements are joined with a space: text_content() would glue "Top Secret" to the next
    # block's first word.
    return " ".join(document.itertext())
