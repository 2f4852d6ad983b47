"""Footnotes: the trailing notes section and the marks that point into it.

Owns finding a notes list at the end of a transcript ("[1] ...", "/1/ ...", "1. ..." after an
optional "Notes" heading) and checking that the body's marks ("[1]", "/1/", a digit glued
after punctuation) are exactly its numbers, each once. Only then are the notes consumed; a
list that does not match its marks stays text, so there is never a dangling mark or an
orphan note. It must not build XML.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tei_edition.convert.lexer import SourceLine

_LIST_LINE = {
    "square": re.compile(r"\[(?P<n>\d{1,3})\] (?P<text>\S.*)"),
    "slash": re.compile(r"/(?P<n>\d{1,3})/ (?P<text>\S.*)"),
    "period": re.compile(r"(?P<n>\d{1,3})\. (?P<text>\S.*)"),
}
MARKS = {
    "square": re.compile(r"\[(\d{1,3})\]"),
    "slash": re.compile(r"/(\d{1,3})/"),
    "period": re.compile(r"(?<=[.,;:!?\"”’)])(\d{1,3})(?=\s|$)"),
}
MARK_STYLE = {"square": "mark-square", "slash": "mark-slash", "period": "mark-glued"}
_HEADING = re.compile(r"(?:Notes|NOTES|Footnotes|FOOTNOTES|Endnotes|Notes:|Footnotes:|"
                      r"_{3,}|-{3,})")


@dataclass(frozen=True)
class NotesSection:
    """The consumed notes list: where it starts, its heading and each note's lines."""

    start: int  # index of the first line of the section (heading or first note)
    style: str  # square | slash | period
    heading: SourceLine | None
    notes: dict[str, list[SourceLine]]  # number -> lines (first line without its marker)
    offsets: dict[str, int]  # number -> length of the marker prefix on its first line
    tight: dict[str, bool]  # number -> the note's line followed the previous one directly


def find_notes(lines: list[SourceLine], body_start: int) -> NotesSection | None:
    for style, pattern in _LIST_LINE.items():
        section = _section(lines, body_start, style, pattern)
        if section is not None:
            return section
    return None


def _section(lines: list[SourceLine], body_start: int, style: str,
             pattern: re.Pattern[str]) -> NotesSection | None:
    first = None
    for index in range(len(lines) - 1, body_start - 1, -1):
        found = pattern.fullmatch(lines[index].text)
        if found and found["n"] == "1":
            first = index
            break
    if first is None:
        return None
    notes: dict[str, list[SourceLine]] = {}
    offsets: dict[str, int] = {}
    tight: dict[str, bool] = {}
    expected = 1
    current = None
    for line in lines[first:]:
        found = pattern.fullmatch(line.text)
        if found and found["n"] == str(expected):
            current = found["n"]
            notes[current] = [line]
            offsets[current] = found.start("text")
            tight[current] = line.tight
            expected += 1
        elif current is not None and line.tight:
            notes[current].append(line)
        else:
            return None
    heading = None
    if first - 1 >= body_start and _HEADING.fullmatch(lines[first - 1].text):
        heading = lines[first - 1]
    start = first - 1 if heading is not None else first
    if not _marks_match(lines[:start], style, set(notes)):
        return None
    return NotesSection(start, style, heading, notes, offsets, tight)


def _marks_match(body: list[SourceLine], style: str, numbers: set[str]) -> bool:
    """Every note number is marked exactly once in the body, and no other mark exists."""
    found = Counter(n for line in body for n in MARKS[style].findall(line.text))
    return set(found) == numbers and all(count == 1 for count in found.values())
