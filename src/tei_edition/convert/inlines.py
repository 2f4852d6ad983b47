"""The inline content of one line block: text, bracketed apparatus, line breaks, dates.

Owns the step from positioned lines to inline nodes: bracket scanning (lexer), the meaning
of each bracket (apparatus), "[sic]" attached to the word before it, delivery remarks in
parentheses, dates and places in front matter. It must not decide what kind of block the
lines form (parser.py does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tei_edition.convert.apparatus import STAGE_WORDS, read_bracket
from tei_edition.convert.dates import find_date
from tei_edition.convert.footnotes import MARKS
from tei_edition.convert.lexer import BracketSegment, BreakSegment, TextSegment, scan_brackets
from tei_edition.convert.model import (
    Addition,
    BracketNote,
    DateSpan,
    FootnoteMark,
    Inline,
    LineBreak,
    MarkedSic,
    NoteLabel,
    Omission,
    PageBreak,
    PlaceSpan,
    Stage,
    Supplied,
    Text,
)
from tei_edition.diagnostics import Diagnostic, Severity

Piece = tuple[str, int, int]  # text, line, column

_DELIVERY = re.compile(r"\((?P<words>[a-z][^()\[\]]{0,40})\)(?= |$)")
_LAST_WORD = re.compile(r"(?P<word>[^\s]+)(?P<space> ?)$")


@dataclass
class InlineReader:
    """Reads blocks for one transcript, collecting diagnostics and the bracket kinds met."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    footnotes: dict[str, FootnoteMark] = field(default_factory=dict)  # number -> note
    footnote_style: str = ""  # square | slash | period, once a notes list is consumed

    def read(self, pieces: list[Piece], *, dates: bool = False, delivery: bool = False,
             place_prefix: bool = False) -> tuple[Inline, ...]:
        segments, problems = scan_brackets(pieces, self.path)
        self.diagnostics.extend(problems)
        if problems:  # brackets that do not pair up are kept as text (lexer.py)
            self.kinds.add("unknown")
        nodes: list[Inline] = []
        for segment in segments:
            if isinstance(segment, BreakSegment):
                nodes.append(LineBreak())
            elif isinstance(segment, TextSegment):
                nodes.append(Text(segment.text, segment.line))
            else:
                nodes.extend(self._bracket(segment, nodes))
        nodes = self._footnote_marks(nodes)
        nodes = _whole_line_brackets(nodes)
        nodes = _parenthesised_stage(nodes)
        if len(pieces) > 1:
            nodes = _stage_lines(nodes)
        if delivery:
            nodes = _delivery_at_start(nodes)
        if place_prefix:
            nodes = _place(nodes)
        if dates:
            nodes = _dates(nodes)
        nodes = _merge_text(nodes)
        self.kinds |= {kind for node in nodes if (kind := _kind_of(node))}
        return tuple(nodes)

    def _footnote_marks(self, nodes: list[Inline]) -> list[Inline]:
        """Marks become the notes they point to; without a matching note they stay text."""
        out: list[Inline] = []
        pattern = MARKS.get(self.footnote_style) if self.footnote_style != "square" else None
        for node in nodes:
            if isinstance(node, FootnoteMark):
                note = self.footnotes.get(node.number) if self.footnote_style == "square" else None
                out.append(note if note else Text(f"[{node.number}]"))
            elif isinstance(node, Text) and pattern is not None and self.footnotes:
                position = 0
                for found in pattern.finditer(node.text):
                    note = self.footnotes.get(found.group(1))
                    if note is None:
                        continue
                    out.append(Text(node.text[position: found.start()], node.line))
                    out.append(note)
                    position = found.end()
                out.append(Text(node.text[position:], node.line))
            else:
                out.append(node)
        return out

    def _bracket(self, segment: BracketSegment, before: list[Inline]) -> list[Inline]:
        reading = read_bracket(segment.content)
        if reading.kind == "sic" and segment.content == "sic" and before \
                and isinstance(before[-1], Text):
            found = _LAST_WORD.search(before[-1].text)
            if found and found["space"]:
                previous = before.pop()
                head = previous.text[: found.start()]
                return ([Text(head, previous.line)] if head else []) + [MarkedSic(found["word"])]
        if not reading.known or reading.kind == "sic":
            self.diagnostics.append(Diagnostic(
                self.path, segment.line, segment.column, Severity.INFO,
                "transcript.unknown-bracket",
                f"no rule for the bracket [{_short(segment.content)}]; kept as text",
                "see docs/conventions.md for the bracket kinds the converter understands"))
            self.kinds.add("unknown")
            return [Text("[" + segment.content + "]", segment.line)]
        return [reading.node]


def _kind_of(node: Inline) -> str:
    """The convention a node stands for, as named in header.INTERPRETATION_TEXT."""
    match node:
        case Supplied():
            return "query" if node.reason == "query" else "supplied"
        case Addition():
            return "addition"
        case Omission():
            return f"omission-{node.reason}"
        case BracketNote():
            return f"note-{node.kind}"
        case Stage():
            return "stage" if node.text.startswith("[") else "delivery"
        case MarkedSic():
            return "sic"
        case PageBreak():
            return "page"
        case FootnoteMark():
            return "footnote"
    return ""


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:37] + "..."


def _merge_text(nodes: list[Inline]) -> list[Inline]:
    merged: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text) and not node.text:
            continue
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + node.text, merged[-1].line)
        else:
            merged.append(node)
    return merged


def _delivery_at_start(nodes: list[Inline]) -> list[Inline]:
    """"(clarifies) After the break...": a short lower-case parenthesis opening a turn."""
    if not nodes or not isinstance(nodes[0], Text):
        return nodes
    first = nodes[0]
    found = _DELIVERY.match(first.text)
    if not found or len(found["words"].split()) > 5:
        return nodes
    rest = first.text[found.end():]
    return [Stage(found.group()), *([Text(rest, first.line)] if rest else []), *nodes[1:]]


_PAREN_STAGE = re.compile(r"\((?:" + "|".join(re.escape(w) for w in STAGE_WORDS)
                          + r")(?: in the (?:hall|room|audience|gallery))?[.!]?\)", re.I)


def _parenthesised_stage(nodes: list[Inline]) -> list[Inline]:
    """"(Laughter)", "(Applause.)" anywhere in speech: a stage remark, parentheses kept."""
    out: list[Inline] = []
    for node in nodes:
        if not isinstance(node, Text) or "(" not in node.text:
            out.append(node)
            continue
        position = 0
        for found in _PAREN_STAGE.finditer(node.text):
            out += [Text(node.text[position: found.start()], node.line), Stage(found.group())]
            position = found.end()
        out.append(Text(node.text[position:], node.line))
    return out


def _whole_line_brackets(nodes: list[Inline]) -> list[Inline]:
    """"[Tape 1, Side A]" alone on a line supplies no word: it is the transcriber's note."""
    out: list[Inline] = []
    for index, node in enumerate(nodes):
        alone = (index == 0 or isinstance(nodes[index - 1], LineBreak)) and (
            index + 1 == len(nodes) or isinstance(nodes[index + 1], LineBreak))
        if alone and isinstance(node, Supplied) and node.reason != "query":
            out.append(BracketNote("editorial", (Text(node.text),)))
        else:
            out.append(node)
    return out


def _stage_lines(nodes: list[Inline]) -> list[Inline]:
    """A line of a paragraph wholly in parentheses ("(Gets up and goes to the window.)") is
    a stage direction inside the turn (TEI P5 §7.2.4)."""
    out: list[Inline] = []
    for index, node in enumerate(nodes):
        alone = (index == 0 or isinstance(nodes[index - 1], LineBreak)) and (
            index + 1 == len(nodes) or isinstance(nodes[index + 1], LineBreak))
        if alone and isinstance(node, Text) and _WHOLE_PARENS.fullmatch(node.text):
            out.append(Stage(node.text, "action"))
        else:
            out.append(node)
    return out


_WHOLE_PARENS = re.compile(r"\([^()]{1,200}\)")


def _dates(nodes: list[Inline]) -> list[Inline]:
    out: list[Inline] = []
    done = False
    for node in nodes:
        if done or not isinstance(node, Text) or not (found := find_date(node.text)):
            out.append(node)
            continue
        text = node.text
        out += [Text(text[: found.start], node.line),
                DateSpan(text[found.start: found.end], found.when),
                Text(text[found.end:], node.line)]
        done = True
    return out


def _place(nodes: list[Inline]) -> list[Inline]:
    """"Place: Embassy residence, Warsaw": the words after the prefix are the place."""
    if len(nodes) != 1 or not isinstance(nodes[0], Text):
        return nodes
    found = re.match(r"(?P<prefix>[^:]+:\s*)(?P<place>\S.*)", nodes[0].text)
    if not found:
        return nodes
    return [Text(found["prefix"], nodes[0].line), PlaceSpan(found["place"])]


def plain_text(nodes: tuple[Inline, ...]) -> str:
    """The block's words as written (brackets restored), for classification heuristics."""
    parts: list[str] = []
    for node in nodes:
        match node:
            case Text() | DateSpan() | PlaceSpan() | Stage() | NoteLabel():
                parts.append(node.text)
            case LineBreak():
                parts.append("\n")
            case Supplied():
                parts.append(f"[{node.text}]")
            case Addition():
                parts.append(f"[{node.label}: {node.text}]")
            case Omission():
                parts.append(f"[{node.desc}]")
            case MarkedSic():
                parts.append(f"{node.text} [sic]")
            case PageBreak():
                parts.append(f"[{node.label} {node.number}]")
            case BracketNote():
                parts.append("[" + plain_text(node.parts) + "]")
    return "".join(parts)
