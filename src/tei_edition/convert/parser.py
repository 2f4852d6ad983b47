"""Tokens to the document model: turns, paragraphs, lists, sections, front and back matter.

Owns the structure of a transcript: which lines are front matter, which start a turn, which
continue it, where a new part of the conversation begins, where the closer is. It recovers
from every problem (diagnostics, never exceptions) and must not know about XML or metadata
beyond the `ParseHints` it is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tei_edition.convert.footnotes import MARK_STYLE, NotesSection, find_notes
from tei_edition.convert.front import PAGE_LINE, FrontLine, closer_start, read_front
from tei_edition.convert.inlines import InlineReader, Piece, plain_text
from tei_edition.convert.labels import (
    STYLES,
    LabelMatch,
    choose_caps_labels,
    choose_style,
    label_key,
    match_caps_line,
    match_line,
    separator_text,
)
from tei_edition.convert.lexer import SourceLine, split_lines
from tei_edition.convert.model import (
    Block,
    Document,
    FootnoteMark,
    ItemList,
    Section,
    Text,
    TimeCode,
    Turn,
)
from tei_edition.convert.parts import read_closer, read_participants_block
from tei_edition.diagnostics import Diagnostic, Severity

_ENUMERATED = re.compile(r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|"
                         r"Firstly|Secondly|Thirdly|Finally|Lastly)\b,?|\d{1,2}[.)]\s|"
                         r"[a-z][.)]\s|[-•*–]\s")
_HEADING_WORDS = re.compile(r"\b(?:conversation|talk|talks|meeting|session|lunch|dinner|"
                            r"breakfast|reception|continued|continuation|discussion|sitting)\b",
                            re.I)
_NUMBERED_HEADING = re.compile(r"(?:Part|Section|Session|Meeting|Day|Sitting)\s+[\dIVXLC]+\b.*|"
                               r"[IVXLC]+\.\s+\S.*")
_SEPARATOR = re.compile(r"(?:\*\s*){3,}|[-_=~]{3,}|(?:\*\s+){2,}\*")


@dataclass(frozen=True)
class ParseHints:
    """What the edition's metadata may tell the parser (all optional)."""

    label_style: str = ""  # dash | colon | period | none
    known_keys: frozenset[str] = frozenset()  # label keys of declared persons
    headings: tuple[str, ...] = ()  # lines that are section headings


def _is_heading(text: str, hints: ParseHints) -> bool:
    if text in hints.headings:
        return True
    words = text.split()
    if text.isupper() and text.endswith(":") and 2 <= len(words) <= 10:
        return True  # "CROSS-EXAMINATION BY MR. DODD:"
    if not 1 <= len(words) <= 10 or text.endswith(("?", ",", ";", ":")):
        return False
    if text[0].islower() and _HEADING_WORDS.search(text):
        return True
    if _NUMBERED_HEADING.fullmatch(text) and not text.endswith("."):
        return True
    return len(words) >= 2 and text.isupper() and not text.endswith(".")


def _is_stage(lines: list[SourceLine]) -> bool:
    text = " ".join(line.text for line in lines)
    return (text.startswith("(") and text.endswith(")") and text.count("(") == text.count(")")
            and len(text.split()) <= 40)


class _Builder:
    """Mutable assembly of sections and turns while walking the body units."""

    def __init__(self, reader: InlineReader) -> None:
        self.reader = reader
        self.sections: list[Section] = []
        self.head: Block | None = None
        self.content: list[Turn | Block | ItemList] = []
        self.turn: Turn | None = None
        self.turn_body: list[Block | ItemList] = []
        self.empty_turns: list[Turn] = []
        self.normalised: set[str] = set()

    def close_turn(self) -> None:
        if self.turn is None:
            return
        turn = replace(self.turn, body=tuple(self.turn_body))
        if not self.turn_body:
            self.empty_turns.append(turn)
        self.content.append(turn)
        self.turn, self.turn_body = None, []

    def new_section(self, head: Block) -> None:
        self.close_turn()
        if self.content or self.head:
            self.sections.append(Section(self.head, tuple(self.content)))
        self.head, self.content = head, []

    def add(self, item: Block | ItemList, *, to_turn: bool = True) -> None:
        if self.turn is not None and to_turn:
            self.turn_body.append(item)
        else:
            self.close_turn()
            self.content.append(item)

    def finish(self) -> tuple[Section, ...]:
        self.close_turn()
        if self.content or self.head:
            self.sections.append(Section(self.head, tuple(self.content)))
        return tuple(self.sections)


def _pieces(lines: list[SourceLine], first_offset: int = 0) -> list[Piece]:
    out = []
    for k, line in enumerate(lines):
        skip = first_offset if k == 0 else 0
        out.append((line.text[skip:], line.number, line.column + skip))
    return out


def _content_blocks(reader: InlineReader, lines: list[SourceLine], tight: bool, *,
                    delivery: bool = False, first_offset: int = 0) -> list[Block | ItemList]:
    """A run of lines as a paragraph with line breaks, or lists where lines are enumerated."""
    out: list[Block | ItemList] = []
    enumerated = [bool(_ENUMERATED.match(line.text)) for line in lines]
    index = 0
    while index < len(lines):
        run_end = index
        while run_end < len(lines) and enumerated[run_end] and (run_end == index or
                                                                lines[run_end].tight):
            run_end += 1
        if run_end - index >= 2 and not (index == 0 and first_offset):
            items = tuple(Block("item", reader.read(_pieces([line])), line.number,
                                tight if k == 0 else line.tight)
                          for k, line in enumerate(lines[index:run_end], start=index))
            out.append(ItemList(items))
            index = run_end
            continue
        stop = index + 1
        while stop < len(lines) and not (enumerated[stop] and stop + 1 < len(lines)
                                         and enumerated[stop + 1]):
            stop += 1
        offset = first_offset if index == 0 else 0
        inlines = reader.read(_pieces(lines[index:stop], offset),
                              delivery=delivery and index == 0)
        out.append(Block("p", inlines, lines[index].number, tight if index == 0 else
                         lines[index].tight))
        index = stop
    return out


def parse_transcript(text: str, path: str = "<transcript>",
                     hints: ParseHints = ParseHints()) -> tuple[Document, list[Diagnostic]]:
    """The document model of ``text`` (already decoded, LF line ends) and its diagnostics."""
    lines, normalised = split_lines(text)
    reader = InlineReader(path)
    if not lines:
        return Document(), [Diagnostic(path, 1, 1, Severity.ERROR, "transcript.empty",
                                       "the transcript holds no text")]
    styles = [hints.label_style] if hints.label_style in STYLES else list(STYLES)
    if hints.label_style == "none":
        styles = []

    def looks_like_turn(line_text: str) -> bool:
        return any(match_line(line_text, style) for style in styles)

    front, body_start = read_front(lines, looks_like_turn)
    notes_heading = None
    section = find_notes(lines, body_start)
    if section is not None:
        notes_heading = _consume_notes(reader, lines, section)
        lines = lines[: section.start]
    participants = read_participants_block(reader, lines, front)
    known = hints.known_keys | (participants.keys if participants else frozenset())
    body = lines[body_start:]
    choice = (choose_style((line.text for line in body), known, hints.label_style or None)
              if styles else None)

    caps_keys = frozenset()
    if styles and not hints.label_style:
        caps_keys = choose_caps_labels(
            [body[k].text for k in range(len(body) - 1) if body[k + 1].tight], known)

    def label_of(index: int) -> LabelMatch | None:
        if caps_keys and index + 1 < len(lines) and lines[index + 1].tight:
            found = match_caps_line(lines[index].text)
            if found and found.key in caps_keys:
                return found
        if choice is None:
            return None
        # A line inside a paragraph needs a label with evidence of its own (hard-wrapped
        # text: "Korea - there the rains were late" is not a turn).
        inside = lines[index].tight and index > body_start and not choice.match(
            lines[index - 1].text)
        return choice.match(lines[index].text, strong_only=inside)

    labelled = [i for i in range(body_start, len(lines)) if label_of(i)]
    last_turn = labelled[-1] if labelled else body_start - 1
    closer_from, closer_to = closer_start(lines, body_start, last_turn)
    builder = _Builder(reader)
    speaker_keys = frozenset(k for keys in (choice.accepted.values() if choice else ())
                             for k in keys) | known
    _walk_body(builder, lines, body_start, closer_from, label_of, hints, speaker_keys)
    sections = builder.finish()
    diagnostics = [Diagnostic(path, turn.line, turn.column, Severity.ERROR,
                              "transcript.empty-turn",
                              f"the turn labelled {turn.label!r} has no text",
                              "add the speech after the label or remove the label")
                   for turn in builder.empty_turns]
    closer, signers = read_closer(reader, lines[closer_from:closer_to])
    trailing = _join_tight(reader, lines[closer_to:])
    opener, title, front_blocks = _front_blocks(reader, lines, front)
    features = set(reader.kinds)
    features |= {f"sep:{t.separator}" for s in sections for t in s.content if isinstance(t, Turn)}
    document = Document(
        opener=tuple(opener), title=title, front=tuple(front_blocks),
        participants=participants.value if participants else None, sections=sections,
        closer=tuple(closer), signers=tuple(signers), trailing=tuple(trailing),
        notes_heading=notes_heading,
        normalisations=tuple(sorted({*normalised, *builder.normalised})),
        features=frozenset(features))
    return document, reader.diagnostics + diagnostics


def _consume_notes(reader: InlineReader, lines: list[SourceLine],
                   section: NotesSection) -> Block | None:
    """Read each note's text and arm the reader so that marks become these notes."""
    list_style = f"list-{section.style}"
    for number, note_lines in section.notes.items():
        content = reader.read(_pieces(note_lines, section.offsets[number]))
        reader.footnotes[number] = FootnoteMark(number, MARK_STYLE[section.style], content,
                                                list_style, section.tight[number])
    reader.footnote_style = section.style
    heading = section.heading
    if heading is None:
        return None
    return Block("head", reader.read(_pieces([heading])), heading.number, heading.tight)


def _join_tight(reader: InlineReader, lines: list[SourceLine]) -> list[Block]:
    """Lines grouped into paragraphs at empty lines (lines of one paragraph joined by lb)."""
    blocks: list[Block] = []
    group: list[SourceLine] = []
    for line in [*lines, None]:
        if group and (line is None or not line.tight):
            blocks.append(Block("p", reader.read(_pieces(group)), group[0].number, group[0].tight))
            group = []
        if line is not None:
            group.append(line)
    return blocks


def _front_blocks(reader: InlineReader, lines: list[SourceLine],
                  front: list[FrontLine]) -> tuple[list[Block], Block | None, list[Block]]:
    """Opener lines (before the title), the title, and datelines etc. after the title."""
    title_lines = [lines[f.index] for f in front if f.kind == "title"]
    title_at = title_lines[0].number if title_lines else 10**9
    opener: list[Block] = []
    after: list[Block] = []
    subtitle: list[SourceLine] = []
    for item in front:
        line = lines[item.index]
        if item.kind in ("title", "participants"):
            continue
        if item.kind == "page":
            (opener if line.number < title_at else after).append(
                Block("pb", reader.read(_pieces([line])), line.number, line.tight))
            continue
        if item.kind == "subtitle":
            if subtitle and line.tight:
                subtitle.append(line)
            else:
                subtitle = [line]
                after.append(Block("head", (), line.number, line.tight))
            after[-1] = replace(after[-1], inlines=reader.read(_pieces(subtitle), dates=True))
            continue
        subtitle = []
        dated = item.kind in ("dateline", "subject")
        place = dated and line.text.lower().startswith(("place", "location", "venue"))
        block = Block(item.kind, reader.read(_pieces([line]), dates=dated and not place,
                                             place_prefix=place), line.number, line.tight)
        (opener if line.number < title_at else after).append(block)
    title = None
    if title_lines:
        title = Block("head", reader.read(_pieces(title_lines), dates=True),
                      title_lines[0].number, title_lines[0].tight)
    return opener, title, after


def _separator_normalised(text: str, found: LabelMatch) -> bool:
    """True when the whitespace around the separator differs from its canonical form."""
    written = text[len(found.label): found.rest_offset]
    return written != separator_text(found.separator, found.spacing, found.alone)


_RECORD_NARRATIVE = re.compile(r"The (?:talk|conversation|meeting|session|discussion|interview|"
                               r"hearing|audience|sitting|exchange)s? (?:then )?(?:lasted|ended|"
                               r"was|were|continued|closed|adjourned|took|began|concluded|turned)\b")


def _is_narrative_paragraph(text: str, speaker_keys: frozenset[str]) -> bool:
    """"K said that ...", "Comrade Ulbricht then sets out ...", "The talk lasted ...": a
    paragraph about the speakers in the third person is narrative, not a turn's speech."""
    if _RECORD_NARRATIVE.match(text):
        return True
    words = text.split()
    for length in range(min(4, len(words) - 1), 0, -1):
        if words[length][:1].islower() and label_key(" ".join(words[:length])) in speaker_keys:
            return all(w[:1].isupper() for w in words[:length])
    return False


def _walk_body(builder: _Builder, lines: list[SourceLine], start: int, stop: int,
               label_of, hints: ParseHints, speaker_keys: frozenset[str]) -> None:
    """Split the body into units (a label line and what follows it in the same paragraph,
    or a paragraph without label) and assemble turns, paragraphs and sections."""
    index = start
    reader = builder.reader
    while index < stop:
        line = lines[index]
        found = label_of(index)
        unit_end = index + 1
        while unit_end < stop and lines[unit_end].tight and not label_of(unit_end):
            unit_end += 1
        unit = lines[index:unit_end]
        if found is not None:
            builder.close_turn()
            if _separator_normalised(line.text, found):
                builder.normalised.add("separator-space")
            speaker = reader.read([(found.label[len(found.prefix):], line.number,
                                    line.column + len(found.prefix))])
            if found.prefix:
                speaker = (TimeCode(found.prefix.rstrip()), Text(found.prefix[
                    len(found.prefix.rstrip()):], line.number), *speaker)
            builder.turn = Turn(speaker, found.label[len(found.prefix):], found.separator,
                                found.spacing,
                                found.alone, found.uncertain, line.number, line.column,
                                line.tight, (), found.key)
            if found.alone:
                rest = unit[1:]
                if not rest and unit_end < stop and not label_of(unit_end) \
                        and not _is_heading(lines[unit_end].text, hints):
                    rest_end = unit_end + 1
                    while rest_end < stop and lines[rest_end].tight and not label_of(rest_end):
                        rest_end += 1
                    rest = lines[unit_end:rest_end]
                    unit_end = rest_end
                if rest:
                    builder.turn_body += _content_blocks(reader, rest, rest[0].tight,
                                                         delivery=True)
            else:
                builder.turn_body += _content_blocks(reader, unit, line.tight, delivery=True,
                                                     first_offset=found.rest_offset)
        elif len(unit) == 1 and _is_heading(line.text, hints) and not _SEPARATOR.fullmatch(
                line.text):
            builder.new_section(Block("head", reader.read(_pieces(unit)), line.number,
                                      line.tight))
        elif PAGE_LINE.fullmatch(line.text) and len(unit) == 1:
            builder.add(Block("pb", reader.read(_pieces(unit)), line.number, line.tight))
        elif _SEPARATOR.fullmatch(line.text) and len(unit) == 1:
            builder.add(Block("separator", reader.read(_pieces(unit)), line.number, line.tight),
                        to_turn=False)
        elif _is_stage(unit):
            builder.add(Block("stage", reader.read(_pieces(unit)), line.number, line.tight),
                        to_turn=False)
        else:
            narrative = _is_narrative_paragraph(line.text, speaker_keys)
            for block in _content_blocks(reader, unit, line.tight):
                builder.add(block, to_turn=not narrative)
        index = unit_end


__all__ = ["ParseHints", "parse_transcript", "plain_text"]
