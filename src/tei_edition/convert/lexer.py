"""Lines to typed tokens with positions: the converter's second stage.

Owns the line-level normalisation (trailing/leading whitespace, lines of only whitespace or
U+00A0) and the scanning of square brackets inside a block. It knows nothing of XML, of
speakers or of what a bracket means; it only says where things are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tei_edition.diagnostics import Diagnostic, Severity

NORMALISED_TRAILING = "trailing-space"
NORMALISED_LEADING = "leading-space"
NORMALISED_NBSP_LINES = "nbsp-lines"
NORMALISED_BLANK_RUNS = "blank-runs"


@dataclass(frozen=True)
class SourceLine:
    """One non-empty line: its stripped text, 1-based line number and column of its first char.

    ``tight`` is True when the previous non-empty line was directly above it (no empty line
    in between).
    """

    text: str
    number: int
    column: int
    tight: bool


@dataclass(frozen=True)
class TextSegment:
    text: str
    line: int
    column: int


@dataclass(frozen=True)
class BracketSegment:
    """The content between ``[`` and ``]`` (newlines kept), positioned at the ``[``."""

    content: str
    line: int
    column: int


@dataclass(frozen=True)
class BreakSegment:
    """The end of a line inside a block."""

    line: int


Segment = TextSegment | BracketSegment | BreakSegment


def split_lines(text: str) -> tuple[list[SourceLine], list[str]]:
    """Non-empty lines with positions, and the line-level normalisations that were applied."""
    lines: list[SourceLine] = []
    applied: set[str] = set()
    blank_run = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped_right = raw.rstrip()
        if stripped_right != raw and stripped_right:
            applied.add(NORMALISED_TRAILING)
        content = stripped_right.lstrip()
        if not content:
            if raw:
                applied.add(NORMALISED_NBSP_LINES if "\u00a0" in raw else NORMALISED_TRAILING)
            blank_run += 1
            continue
        if blank_run > 1 and lines:
            applied.add(NORMALISED_BLANK_RUNS)
        if content != stripped_right:
            applied.add(NORMALISED_LEADING)
        column = len(stripped_right) - len(content) + 1
        lines.append(SourceLine(content, number, column, tight=bool(lines) and blank_run == 0))
        blank_run = 0
    return lines, sorted(applied)


_RUNS = re.compile(r"[\[\]]|[^\[\]]+")


def scan_brackets(pieces: list[tuple[str, int, int]],
                  path: str) -> tuple[list[Segment], list[Diagnostic]]:
    """Split the lines of one block into text, bracket and line-break segments.

    ``pieces`` are (text, line, column) of consecutive lines of one block. A bracket may run
    over a line end. Brackets that do not pair up are kept as written, as text, each with a
    warning (issue 3: convert real transcripts, never lose their words): a ``[`` that is not
    closed inside the block (``transcript.unclosed-bracket``), a ``]`` without ``[``
    (``transcript.unbalanced-bracket``), and a bracket holding another one
    (``transcript.nested-bracket``: the outer bracket, up to its own ``]``, stays text and
    claims no meaning).
    """
    segments: list[Segment] = []
    diagnostics: list[Diagnostic] = []
    open_at: tuple[int, int] | None = None
    depth = 0  # brackets open inside the outer one (nesting)
    nested = False
    bracket_text: list[str] = []
    bracket_lines: list[tuple[int, int, int]] = []  # (line ended, next line, its column)
    text_start: tuple[int, int] | None = None
    buffer: list[str] = []

    def flush_text() -> None:
        nonlocal text_start
        if buffer and text_start is not None:
            segments.append(TextSegment("".join(buffer), *text_start))
        buffer.clear()
        text_start = None

    def warn(here: tuple[int, int], code: str, message: str, hint: str) -> None:
        diagnostics.append(Diagnostic(path, *here, Severity.WARNING, code, message, hint))

    for index, (text, line, column) in enumerate(pieces):
        if index:
            if open_at is not None:
                bracket_text.append("\n")
                bracket_lines.append((pieces[index - 1][1], line, column))
            else:
                flush_text()
                segments.append(BreakSegment(line - 1))
        for run in _RUNS.finditer(text):  # runs of text, or a single bracket
            char, offset = run.group(), run.start()
            here = (line, column + offset)
            if char == "[":
                if open_at is not None:
                    if not nested:
                        warn(here, "transcript.nested-bracket",
                             f"'[' inside the bracket opened at {open_at[0]}:{open_at[1]}; "
                             "the outer bracket is kept as text",
                             "brackets do not nest; close the first bracket before opening "
                             "another")
                    bracket_text.append(char)
                    nested, depth = True, depth + 1
                    continue
                flush_text()
                open_at = here
                bracket_text, bracket_lines = [], []
            elif char == "]":
                if open_at is None:
                    warn(here, "transcript.unbalanced-bracket",
                         "']' without a matching '['; kept as text",
                         "add the missing '[' or remove the ']'")
                    if text_start is None:
                        text_start = here
                    buffer.append(char)
                    continue
                if depth:  # closes a bracket inside the outer one
                    bracket_text.append(char)
                    depth -= 1
                    continue
                if nested:  # already reported: keep the words as text, claim no meaning
                    segments += _literal("[" + "".join(bracket_text) + "]", open_at,
                                         bracket_lines)
                else:
                    segments.append(BracketSegment("".join(bracket_text), *open_at))
                open_at, nested = None, False
            elif open_at is not None:
                bracket_text.append(char)
            else:
                if text_start is None:
                    text_start = here
                buffer.append(char)  # a whole run of text
    if open_at is not None:
        warn(open_at, "transcript.unclosed-bracket",
             "'[' is not closed before the end of the paragraph; kept as text",
             "add the missing ']' (a bracket closes within its paragraph; a passage over "
             "several paragraphs opens each of them with '[' and closes in the last)")
        segments += _literal("[" + "".join(bracket_text), open_at, bracket_lines)
    flush_text()
    return segments, diagnostics


def _literal(text: str, start: tuple[int, int],
             breaks: list[tuple[int, int, int]]) -> list[Segment]:
    """Bracket text kept as written: its lines as text segments with line breaks between."""
    out: list[Segment] = []
    for k, part in enumerate(text.split("\n")):
        if k:
            ended, line, column = breaks[k - 1]
            out.append(BreakSegment(ended))
            start = (line, column)
        if part:
            out.append(TextSegment(part, *start))
    return out
