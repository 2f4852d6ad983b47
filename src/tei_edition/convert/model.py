"""The document model the parser produces and the builder consumes: frozen values only.

This module owns the vocabulary of a converted transcript (inline nodes, line blocks, turns,
front and back matter). It must not know about XML, files or metadata: the builder maps these
values onto TEI elements as described in docs/encoding.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# ---- inline nodes ------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Plain source text; ``line`` is the transcript line on which it starts."""

    text: str
    line: int = 0


@dataclass(frozen=True)
class LineBreak:
    """A line break inside a block (TEI ``lb``)."""


@dataclass(frozen=True)
class Supplied:
    """"[it]": words the source's translator/editor supplied; reason omitted-in-original|query."""

    text: str
    reason: str


@dataclass(frozen=True)
class Addition:
    """"[inserted: ...]": an insertion made in the original; ``label`` keeps its word."""

    text: str
    label: str


@dataclass(frozen=True)
class Omission:
    """"[illegible]", "[Deleted.]": material not transcribed; ``desc`` is the wording as written."""

    desc: str
    reason: str


@dataclass(frozen=True)
class NoteLabel:
    """The label a bracketed note carries ("Translator's note:"), kept verbatim."""

    text: str


@dataclass(frozen=True)
class BracketNote:
    """"[Translator's note: ...]": a note of the source's translator or editor."""

    kind: str  # "translation" | "editorial"
    parts: tuple[Text | NoteLabel, ...]


@dataclass(frozen=True)
class Stage:
    """"(clarifies)", "[laughs]": a description of delivery (or an action), delimiters kept."""

    text: str
    kind: str = "delivery"


@dataclass(frozen=True)
class MarkedSic:
    """"word [sic]": the source marks the word as reproduced as found."""

    text: str


@dataclass(frozen=True)
class PageBreak:
    """"[Page 12]": ``label`` is the word as written ("Page")."""

    number: str
    label: str


@dataclass(frozen=True)
class DateSpan:
    """A date written in a title or dateline; ``when`` is ISO 8601 or None when ambiguous."""

    text: str
    when: str | None


@dataclass(frozen=True)
class PlaceSpan:
    """The place written on a "Place:" line."""

    text: str


@dataclass(frozen=True)
class FootnoteMark:
    """A footnote mark "[1]", "/1/" or a digit glued after punctuation, with its note's text."""

    number: str
    style: str  # mark-square | mark-slash | mark-glued
    content: tuple[Inline, ...] = ()
    list_style: str = ""  # list-square | list-slash | list-period: the notes list's markers
    tight: bool = False  # the note's line in the notes list followed the previous line


@dataclass(frozen=True)
class TimeCode:
    """"[00:00:12]" before a speaker label: the position on the recording, brackets kept."""

    text: str


@dataclass(frozen=True)
class PersonName:
    """A declared person's name (added by annotation, not by the parser)."""

    ref: str
    parts: tuple[Inline, ...]


@dataclass(frozen=True)
class Correction:
    """An editor's correction from the metadata (added by annotation)."""

    sic: tuple[Inline, ...]
    corr: str


Inline = (Text | LineBreak | Supplied | Addition | Omission | BracketNote | Stage | MarkedSic
          | PageBreak | DateSpan | PlaceSpan | FootnoteMark | PersonName | Correction | NoteLabel
          | TimeCode)


# ---- line blocks -------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One line block (docs/encoding.md section 5) with its inline content.

    ``kind`` says what it became: paragraph, item, head, classification, copy, dateline,
    stage, separator, signed.
    """

    kind: str
    inlines: tuple[Inline, ...]
    line: int
    tight: bool = False  # no blank line between this block and the previous one


@dataclass(frozen=True)
class ItemList:
    """Consecutive enumerated lines ("First, ...", "1. ...") inside a turn or section."""

    items: tuple[Block, ...]


@dataclass(frozen=True)
class Turn:
    """One speaker turn: label as written, separator token, resolved person key."""

    speaker: tuple[Inline, ...]
    label: str
    separator: str  # sep-hyphen, sep-colon, ... (docs/encoding.md section 4)
    spacing: str  # "", unspaced, tight-left, tight-right
    label_line: bool
    uncertain: bool
    line: int
    column: int
    tight: bool
    body: tuple[Block | ItemList, ...]
    who: str = ""  # person key, filled by the parser's resolution step


@dataclass(frozen=True)
class Section:
    """A part of the conversation (``div type="conversation"``), optionally with a heading;
    ``kind`` "editorial" for an editor's bracketed passage over several paragraphs."""

    head: Block | None
    content: tuple[Turn | Block | ItemList, ...]
    kind: str = "conversation"


@dataclass(frozen=True)
class Participant:
    """A person named in the participants list, with the words describing them."""

    name: str
    description: str
    group: int
    line: int
    titles: str = ""  # honorifics/titles written before the name ("Ambassador")


@dataclass(frozen=True)
class Participants:
    """The participants block: its lines verbatim plus the persons and groups read from it."""

    head: Block | None
    lines: tuple[Block, ...]
    persons: tuple[Participant, ...]
    group_labels: tuple[str | None, ...]


@dataclass(frozen=True)
class Signer:
    """A person named in the closer ("Recorded by V. Kovyzhenko"): role words and name."""

    role: str
    name: str


@dataclass(frozen=True)
class Document:
    """The whole transcript as the parser understood it."""

    opener: tuple[Block, ...] = ()
    title: Block | None = None
    front: tuple[Block, ...] = ()  # datelines etc. after the title
    participants: Participants | None = None
    sections: tuple[Section, ...] = ()
    closer: tuple[Block, ...] = ()
    signers: tuple[Signer, ...] = ()
    trailing: tuple[Block, ...] = ()
    notes_heading: Block | None = None  # heading of the consumed notes section ("Notes")
    normalisations: tuple[str, ...] = ()
    speakers: tuple[SpeakerInfo, ...] = ()
    features: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class SpeakerInfo:
    """A person the turns point to: key (becomes xml:id), display name, provenance."""

    key: str
    name: str
    role: str = ""
    declared: bool = False
