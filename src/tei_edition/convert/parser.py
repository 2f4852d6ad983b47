"""Tokens to the document model: front matter, body, closer, trailing text, notes.

Owns the order of the parse: decode-free text -> lines -> front matter (front.py) -> notes
section (footnotes.py) -> label styles (labels.py) -> closer -> body (body.py). It recovers
from every problem (diagnostics, never exceptions) and must not know about XML or metadata
beyond the `ParseHints` it is given.
"""

from __future__ import annotations

from dataclasses import replace

from tei_edition.convert.assembly import TurnAssembler
from tei_edition.convert.body import ParseHints, pieces, walk_body
from tei_edition.convert.boundaries import delegation_label_keys
from tei_edition.convert.closers import closer_start
from tei_edition.convert.evidence import choose_style
from tei_edition.convert.footnotes import MARK_STYLE, NotesSection, find_notes
from tei_edition.convert.front import FrontLine, read_front
from tei_edition.convert.frontkeys import front_key_lines
from tei_edition.convert.hansard import (
    address_paragraph_labels,
    match_glued_line,
    match_paren_layout_line,
    match_paren_line,
    uses_layout,
)
from tei_edition.convert.inlines import InlineReader, plain_text
from tei_edition.convert.labels import HONORIFICS, STYLES, LabelMatch, label_key, match_line
from tei_edition.convert.lexer import SourceLine, split_lines
from tei_edition.convert.linelabels import (
    candidate_at,
    choose_caps_labels,
    choose_name_labels,
    match_caps_line,
    match_name_line,
)
from tei_edition.convert.model import Block, Document, FootnoteMark, Turn
from tei_edition.convert.parts import front_name_keys, read_closer, read_participants_block
from tei_edition.convert.spacelabels import space_labels
from tei_edition.convert.webcopy import caption_end
from tei_edition.convert.webpages import WebLayout, web_layout
from tei_edition.diagnostics import Diagnostic, Severity


def parse_transcript(text: str, path: str = "<transcript>",
                     hints: ParseHints | None = None) -> tuple[Document, list[Diagnostic]]:
    """The document model of ``text`` (already decoded, LF line ends) and its diagnostics."""
    hints = hints or ParseHints()
    lines, normalised = split_lines(text)
    reader = InlineReader(path)
    if not lines:
        return Document(), [Diagnostic(path, 1, 1, Severity.ERROR, "transcript.empty",
                                       "the transcript holds no text")]
    styles = [hints.label_style] if hints.label_style in STYLES else list(STYLES)
    if hints.label_style == "none":
        styles = []

    # Hansard layouts: decided on the whole text, as a label line may open the transcript
    paren_layout, glued_layout = uses_layout([line.text for line in lines]) if (
        styles and not hints.label_style) else (False, False)

    def looks_like_turn(line_text: str) -> bool:
        return any(match_line(line_text, style) for style in styles) or (
            paren_layout and bool(match_paren_line(line_text)))

    front, body_start = read_front(lines, looks_like_turn)
    notes_heading = None
    section = find_notes(lines, body_start)
    if section is not None:
        notes_heading = _consume_notes(reader, lines, section)
        lines = lines[: section.start]
    participants = read_participants_block(reader, lines, front)
    known = hints.known_keys | (participants.keys if participants else frozenset())
    # persons named in the title ("Conversation of N.S. Khrushchev with W. Ulbricht") are
    # evidence for labels, not declared persons (they are resolved like any other label)
    first_label = next((k for k, line in enumerate(lines) if looks_like_turn(line.text)),
                       len(lines))
    evidence = known | front_name_keys(lines, front, body_start, first_label)
    # UN verbatim records: delegates who speak once are turns by the record's own label shape
    evidence |= delegation_label_keys([line.text for line in lines[body_start:]
                                       if not line.tight])
    body = lines[body_start:]
    # Labels with only whitespace after them (spacelabels.py): the names of the title, front
    # lines and participants list only, never names the body itself writes
    spaced = space_labels([line.text for line in lines], [line.tight for line in lines],
                          body_start, known | front_name_keys(lines, front, body_start,
                                                              body_start)) if (
        styles and not hints.label_style) else {}
    if any(found.key == "q" for found in spaced.values()):
        evidence |= {"q", "a"}  # "Q. Where were you?" then "A At the depot.": one dialogue
    choice = (choose_style((line.text for line in body), evidence, hints.label_style or None)
              if styles else None)

    # Script layout (a label alone on its line, no punctuation): only from strong evidence,
    # and never when the metadata fixes the label style.
    caps_keys = name_keys = frozenset()
    body_texts, body_tight = [line.text for line in body], [line.tight for line in body]
    if styles and not hints.label_style:
        caps_keys = choose_caps_labels(
            [body[k].text for k in range(len(body) - 1) if body[k + 1].tight], evidence)
        name_keys = choose_name_labels(
            [c for k in range(len(body)) if (c := candidate_at(body_texts, body_tight, k))],
            known)

    # Web pages' chrome around labels (webpages.py) and the historic Hansard's label
    # paragraphs (hansard.py): layouts with evidence of their own, decided on the body
    all_texts, all_tight = [line.text for line in lines], [line.tight for line in lines]
    web, addressed = WebLayout({}, frozenset()), {}
    if styles and not hints.label_style:
        web = web_layout(all_texts, all_tight, body_start)
        addressed = {} if paren_layout else address_paragraph_labels(all_texts, all_tight,
                                                                     body_start)

    def label_of(index: int) -> LabelMatch | None:
        if index in key_lines:
            return None
        return raw_label_of(index)

    def _caps_label_below(index: int) -> bool:
        """"PART ONE" / "BERG" / speech: a capitals line directly above a script label that
        has speech below it is a heading, not a speaker with nothing to say (QA R6: the
        file was refused with transcript.empty-turn). A speaker's turn is never empty, so
        the line above a label is the heading of what follows."""
        below = index + 1
        found = match_caps_line(lines[below].text)
        return bool(found and found.key in caps_keys and below + 1 < len(lines)
                    and lines[below + 1].tight and not match_caps_line(lines[below + 1].text))

    def raw_label_of(index: int) -> LabelMatch | None:
        if found := web.labels.get(index) or addressed.get(index):
            return found
        # a web copy's portrait caption ("Anna Reyes Portrait ...") starts a label line even
        # right under the page's link line: such a caption never stands inside prose
        if paren_layout and index >= body_start and (not lines[index].tight or lines[
                index - 1].text.endswith(_SENTENCE_END) or caption_end(
                lines[index].text, HONORIFICS)) and index + 1 < len(lines):
            found = match_paren_layout_line(lines[index].text)
            if found and index + 1 < len(lines):
                return found
        if glued_layout and (found := match_glued_line(lines[index].text)):
            return found
        if caps_keys and index + 1 < len(lines) and lines[index + 1].tight:
            found = match_caps_line(lines[index].text)
            if found and found.key in caps_keys and not _caps_label_below(index):
                return found
        if name_keys and index >= body_start:
            candidate = candidate_at(body_texts, body_tight, index - body_start)
            found = match_name_line(candidate) if candidate else None
            if found and found.key in name_keys:
                return found
        if choice is None:
            return spaced.get(index)
        # A line inside a paragraph needs a label with evidence of its own (hard-wrapped
        # text: "Korea - there the rains were late" is not a turn).
        previous = lines[index - 1].text if index > body_start else ""
        inside = lines[index].tight and index > body_start and (
            not choice.match(previous) or not previous.endswith(_SENTENCE_END))
        return choice.match(lines[index].text, strong_only=inside) or spaced.get(index)

    key_lines: frozenset[int] = frozenset()
    key_lines = front_key_lines(lines, body_start, raw_label_of)
    labelled = [i for i in range(body_start, len(lines)) if label_of(i)]
    last_turn = labelled[-1] if labelled else body_start - 1
    closer_from, closer_to = closer_start(lines, body_start, last_turn)
    builder = TurnAssembler(reader)
    speaker_keys = frozenset(k for keys in (choice.accepted.values() if choice else ())
                             for k in keys) | known | name_keys | {
                                 found.key for found in spaced.values()} | {
                                 found.key for found in (*web.labels.values(),
                                                         *addressed.values())}
    group_labels = participants.value.group_labels if participants else ()
    groups = frozenset(label_key(label) for label in group_labels if label)
    walk_body(builder, lines, body_start, closer_from, label_of, hints, speaker_keys, known,
              groups, web.chrome)
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
    features |= {"editorial-passage" for s in sections if s.kind == "editorial"}
    document = Document(
        opener=tuple(opener), title=title, front=tuple(front_blocks),
        participants=participants.value if participants else None, sections=sections,
        closer=tuple(closer), signers=tuple(signers), trailing=tuple(trailing),
        notes_heading=notes_heading,
        normalisations=tuple(sorted({*normalised, *builder.normalised})),
        features=frozenset(features))
    return document, reader.diagnostics + diagnostics


_SENTENCE_END = tuple('.?!:;"”’)]…')


def _consume_notes(reader: InlineReader, lines: list[SourceLine],
                   section: NotesSection) -> Block | None:
    """Read each note's text and arm the reader so that marks become these notes."""
    list_style = f"list-{section.style}"
    for number, note_lines in section.notes.items():
        content = reader.read(pieces(note_lines, section.offsets[number]))
        reader.footnotes[number] = FootnoteMark(number, MARK_STYLE[section.style], content,
                                                list_style, section.tight[number])
    reader.footnote_style = section.style
    heading = section.heading
    if heading is None:
        return None
    return Block("head", reader.read(pieces([heading])), heading.number, heading.tight)


def _join_tight(reader: InlineReader, lines: list[SourceLine]) -> list[Block]:
    """Lines grouped into paragraphs at empty lines (lines of one paragraph joined by lb)."""
    blocks: list[Block] = []
    group: list[SourceLine] = []
    for line in [*lines, None]:
        if group and (line is None or not line.tight):
            blocks.append(Block("p", reader.read(pieces(group)), group[0].number, group[0].tight))
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
    group: list[SourceLine] = []
    for item in front:
        line = lines[item.index]
        if item.kind in ("title", "participants"):
            continue
        if item.kind == "page":
            (opener if line.number < title_at else after).append(
                Block("pb", reader.read(pieces([line])), line.number, line.tight))
            continue
        # a heading block after the title (head), a narrative paragraph before the
        # participants list (p): their lines joined into one block with line breaks
        if item.kind in ("subtitle", "intro"):
            tag = "head" if item.kind == "subtitle" else "p"
            if group and line.tight and after and after[-1].kind == tag:
                group.append(line)
            else:
                group = [line]
                after.append(Block(tag, (), line.number, line.tight))
            after[-1] = replace(after[-1], inlines=reader.read(pieces(group), dates=True))
            continue
        group = []
        dated = item.kind in ("dateline", "subject", "routing")
        place = dated and line.text.lower().startswith(("place", "location", "venue"))
        block = Block(item.kind, reader.read(pieces([line]), dates=dated and not place,
                                             place_prefix=place), line.number, line.tight)
        (opener if line.number < title_at else after).append(block)
    title = None
    if title_lines:
        title = Block("head", reader.read(pieces(title_lines), dates=True),
                      title_lines[0].number, title_lines[0].tight)
    return opener, title, after



__all__ = ["ParseHints", "parse_transcript", "plain_text"]
