"""The body of a transcript: turns, paragraphs, lists, sections, stage lines, separators.

Owns walking the lines between the front matter and the closer: which line starts a turn,
which paragraph continues it, which is narrative, where a new part of the conversation
begins. It recovers from every problem and must not know about XML or metadata beyond the
`ParseHints` it is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tei_edition.convert.assembly import TurnAssembler
from tei_edition.convert.boundaries import (
    byline_length,
    is_apparatus_paragraph,
    is_caps_heading_line,
    is_interview_title,
    is_label_paragraph,
    is_other_speakers_label,
    is_reported_narrative,
    is_title_above_turn,
    is_written_question,
    turn_ends_inside,
)
from tei_edition.convert.frontkinds import PAGE_LINE
from tei_edition.convert.hansard import is_gesture, is_interjection
from tei_edition.convert.inlines import InlineReader, Piece
from tei_edition.convert.labels import LabelMatch, separator_text, title_of
from tei_edition.convert.lexer import SourceLine
from tei_edition.convert.model import Block, ItemList, LineBreak, Text, TimeCode, Turn
from tei_edition.convert.narrative import is_closing_line, is_narrative_paragraph
from tei_edition.convert.participants import GROUP_LABEL
from tei_edition.convert.passages import bracketed_passage
from tei_edition.convert.webcopy import is_link_line
from tei_edition.convert.webpages import WebLabel

_ENUMERATED = re.compile(r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|"
                         r"Firstly|Secondly|Thirdly|Finally|Lastly)\b,?|\d{1,2}[.)]\s|"
                         r"[a-z][.)]\s|[-•*–]\s")
_HEADING_WORDS = re.compile(r"\b(?:conversation|talk|talks|meeting|session|lunch|dinner|"
                            r"breakfast|reception|continued|continuation|discussion|sitting)\b",
                            re.I)
_NUMBERED_HEADING = re.compile(r"(?:Part|Section|Session|Meeting|Day|Sitting)\s+[\dIVXLC]+\b.*|"
                               r"[IVXLC]+\.\s+\S.*")
_SENTENCE_END = tuple('.?!"”’)]…')
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
    """A paragraph wholly in parentheses, or a sentence wholly in square brackets ("[The
    representative displayed photographs.]"): a stage direction between turns (TEI P5 §7.2.4)."""
    text = " ".join(line.text for line in lines)
    if len(text.split()) > 40:
        return False
    if text.startswith("(") and text.endswith(")"):
        return text.count("(") == text.count(")")
    return (text.startswith("[") and text.endswith((".]", "!]")) and text.count("[") == 1
            and text.count("]") == 1 and len(text.split()) >= 4)


def pieces(lines: list[SourceLine], first_offset: int = 0) -> list[Piece]:
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
            items = tuple(Block("item", reader.read(pieces([line])), line.number,
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
        inlines = reader.read(pieces(lines[index:stop], offset),
                              delivery=delivery and index == 0)
        out.append(Block("p", inlines, lines[index].number, tight if index == 0 else
                         lines[index].tight))
        index = stop
    return out


def _separator_normalised(text: str, found: LabelMatch) -> bool:
    """True when the whitespace around the separator differs from its canonical form."""
    written = text[len(found.label): found.rest_offset]
    return written != separator_text(found.separator, found.spacing, found.alone)


# A transcription service's clock time after the label ("Madam Chair (00:00)"), kept in
# speaker/time like a time code before the label (TEI P5 §3.6.4 time).
_TIME_SUFFIX = re.compile(r"(?P<space> ?)(?P<time>\(\d{1,2}:\d{2}(?::\d{2})?\))$")


def _speaking_keys(lines: list[SourceLine], start: int, stop: int, label_of) -> set[str]:
    """Keys of the labels that introduce speech somewhere in the body (on their line, or on
    the next line of their paragraph, or in the next paragraph)."""
    keys = set()
    for index in range(start, stop):
        found = label_of(index)
        if found is None:
            continue
        following = index + 1 < stop and not label_of(index + 1)
        if not found.alone or following:
            keys.add(found.key)
    return keys


def _group_heading(found: LabelMatch, speaking: set[str], declared: frozenset[str],
                   groups: frozenset[str]) -> bool:
    """"United States:", "Soviet Union:", "USSR:" alone on a line between turns, no speech
    after it: a heading naming the side whose turns follow (FRUS layout), not a speaker who
    says nothing. Only a colon label that is nobody's (no form of address, no declared
    person, never heard speaking) and is shaped like a group: a group of the participants
    list, several words, or an acronym. "B -" or "Khrushchev:" without speech stays
    `transcript.empty-turn`: there, speech was probably lost."""
    if not (found.alone and not found.prefix and found.key not in speaking
            and found.key not in declared and not title_of(found.label)
            and found.separator in ("sep-colon", "sep-fullwidth-colon")):
        return False
    words = found.label.split()
    return found.key in groups or len(words) >= 2 or (
        found.label.isupper() and 2 <= len(found.label) <= 5)


def _group_line(text: str) -> bool:
    """"Soviet side:", "The Korean delegation:": a group heading alone on its line."""
    found = GROUP_LABEL.fullmatch(text)
    return bool(found) and len(text.split()) <= 6


def _gesture_after(lines: list[SourceLine], index: int, stop: int, label_of) -> bool:
    """"The Prime Minister" / "indicated assent.": a paragraph of its own after the label
    paragraph that is a gesture (hansard.py), not speech."""
    return index < stop and not lines[index].tight and not label_of(index) and not (
        index + 1 < stop and lines[index + 1].tight) and is_gesture(lines[index].text)


def _literal(lines: list[SourceLine]) -> tuple[Text | LineBreak, ...]:
    """Lines as text with line breaks, brackets kept as written (not read as apparatus)."""
    return tuple(node for k, part in enumerate(lines)
                 for node in ((LineBreak(),) if k else ()) + (Text(part.text, part.number),))


def walk_body(builder: TurnAssembler, lines: list[SourceLine], start: int, stop: int,
              label_of, hints: ParseHints, speaker_keys: frozenset[str],
              declared: frozenset[str] = frozenset(),
              groups: frozenset[str] = frozenset(),
              chrome: frozenset[int] = frozenset()) -> None:
    """Split the body into units (a label line and what follows it in the same paragraph,
    or a paragraph without label) and assemble turns, paragraphs and sections. ``chrome``
    are lines of a web page's chrome (webpages.py): paragraphs outside the turns."""
    index = start
    reader = builder.reader
    speaking = _speaking_keys(lines, start, stop, label_of)
    titles = frozenset(title_of(found.label) for k in range(start, stop)
                       if (found := label_of(k))) - {""}
    while index < stop:
        line = lines[index]
        found = label_of(index)
        passage = [] if found else bracketed_passage(lines, index, stop,
                                                     lambda k: bool(label_of(k)))
        if passage:  # "[The party arrived ..." / "[Tea was served.]": one editorial passage
            builder.editorial([Block("p", _literal(lines[begin:end]), lines[begin].number,
                                     lines[begin].tight) for begin, end in passage])
            index = passage[-1][1]
            continue
        unit_end = index + 1
        while unit_end < stop and lines[unit_end].tight and not label_of(unit_end):
            unit_end += 1
        if found is not None:  # a closing line in the turn's paragraph ends the turn there
            unit_end = next((k for k in range(index + 1, unit_end) if is_closing_line(lines[k].text)
                             and lines[k - 1].text.endswith(_SENTENCE_END)), unit_end)
        # an examination heading or a reporter's byline written directly under the speech
        # ends the speech there (boundaries.py): they are the next unit
        unit_end = index + turn_ends_inside([x.text for x in lines[index:unit_end]], 1)
        if (unit_end - index > (2 if found is not None and found.alone else 1) and unit_end < stop
                and lines[unit_end].tight and label_of(unit_end)
                and is_caps_heading_line(lines[unit_end - 1].text, lines[unit_end - 2].text)):
            unit_end -= 1  # "PART ONE" above "BERG": the heading is a unit of its own
        unit = lines[index:unit_end]
        if found is not None and found.alone and len(unit) == 1 and _group_heading(
                found, speaking, declared | hints.known_keys, groups):
            # TEI P5 §4.2.1: a heading opens a new division (the side's part of the talk)
            builder.new_section(Block("head", reader.read(pieces(unit)), line.number,
                                      line.tight))
        elif found is not None and found.style in ("address", "paren") and _gesture_after(
                lines, unit_end, stop, label_of):
            # TEI P5 §7.2.4: "The Prime Minister" / "indicated assent." is a stage direction
            # in two paragraphs, between the turns
            for part in (lines[index], lines[unit_end]):
                builder.add(Block("stage", _literal([part]), part.number, part.tight),
                            to_turn=False)
            unit_end += 1
        elif found is not None:
            builder.close_turn()
            if _separator_normalised(line.text, found):
                builder.normalised.add("separator-space")
            written = found.label[len(found.prefix):]
            timed = _TIME_SUFFIX.search(written)
            said = written[:timed.start()] if timed else written
            speaker = reader.read([(said, line.number, line.column + len(found.prefix))])
            if timed:  # "Speaker 2 (07:59)": the recording's clock time, as speaker/time
                speaker = (*speaker, Text(timed["space"], line.number),
                           TimeCode(timed["time"]))
            if found.prefix:
                speaker = (TimeCode(found.prefix.rstrip()), Text(found.prefix[
                    len(found.prefix.rstrip()):], line.number), *speaker)
            # a web page's label holds the page's chrome; the person is its name alone
            # the historic Hansard's paragraph mark stays in speaker, but it is no part of
            # the name ("§ Mr. Speaker" presides like "Mr. Speaker", docs/conventions.md)
            label = found.name if isinstance(found, WebLabel) else found.label[
                len(found.prefix):].removeprefix("§ ")
            builder.turn = Turn(speaker, label, found.separator,
                                found.spacing,
                                found.alone, found.uncertain, line.number, line.column,
                                line.tight, (), found.key)
            if found.alone:
                rest = unit[1:]
                if found.style == "paren":  # "- View Speech - Hansard - -" under the label
                    links = next((k for k, x in enumerate(rest) if not is_link_line(x.text)),
                                 len(rest))
                    speaker = (*speaker, *(node for x in rest[:links] for node in (
                        LineBreak(), *reader.read(pieces([x]))))) if links else speaker
                    rest = rest[links:]
                    builder.turn = replace(builder.turn, speaker=speaker)
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
        elif len(unit) == 1 and (_is_heading(line.text, hints) or (
                not line.tight and is_interview_title(line.text)) or _group_line(
                line.text) or (is_title_above_turn(line.text, not line.tight) and unit_end < stop
                               and lines[unit_end].tight and bool(label_of(unit_end)))
                         ) and not _SEPARATOR.fullmatch(line.text):
            builder.new_section(Block("head", reader.read(pieces(unit)), line.number,
                                      line.tight))
        elif PAGE_LINE.fullmatch(line.text) and len(unit) == 1:
            builder.add(Block("pb", reader.read(pieces(unit)), line.number, line.tight))
        elif _SEPARATOR.fullmatch(line.text) and len(unit) == 1:
            builder.add(Block("separator", reader.read(pieces(unit)), line.number, line.tight),
                        to_turn=False)
        elif _is_stage(unit) or (len(unit) == 1 and is_interjection(line.text)):
            # a bracketed stage sentence is not read for bracket kinds: it is one stage
            inlines = reader.read(pieces(unit)) if line.text.startswith("(") else _literal(unit)
            builder.add(Block("stage", inlines, line.number, line.tight), to_turn=False)
        else:
            narrative = is_narrative_paragraph(" ".join(x.text for x in unit), speaker_keys,
                                                titles) or byline_length(
                [x.text for x in unit]) == len(unit) or (
                not line.tight and (is_apparatus_paragraph(line.text)
                                    or is_reported_narrative(" ".join(x.text for x in unit)))
            ) or is_other_speakers_label(line.text) or is_written_question(line.text) or (
                not line.tight and is_label_paragraph(line.text)) or index in chrome
            for block in _content_blocks(reader, unit, line.tight):
                builder.add(block, to_turn=not narrative)
        index = unit_end

