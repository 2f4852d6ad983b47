"""What a bracketed intervention means: one small rule per bracket kind.

Owns the table of conventions/"bracket kinds" (docs/conventions.md): "[it]" supplied,
"[inserted: ...]" addition, "[?]" query, "[illegible]" omission, "[Translator's note: ...]"
note, "[laughs]" stage, "[Page 12]" page break, "[1]" footnote mark, "[sic]". It turns the
content of one bracket into one inline node; it must not look outside that bracket (the
parser attaches "[sic]" to the word before it) and knows nothing of XML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tei_edition.convert.model import (
    Addition,
    BracketNote,
    FootnoteMark,
    Inline,
    NoteLabel,
    Omission,
    PageBreak,
    Stage,
    Supplied,
    Text,
)

_OMISSIONS = (
    (re.compile(r"(?:[\w-]+ ){0,3}illegible(?: [\w-]+){0,2}\.?", re.I), "illegible"),
    (re.compile(r"(?:[\w-]+ ){0,3}inaudible(?: [\w-]+){0,2}\.?", re.I), "inaudible"),
    (re.compile(r"(?:[\w-]+ ){0,3}(?:unintelligible|indistinct|incomprehensible)"
                r"(?: [\w-]+){0,2}\.?", re.I), "unintelligible"),
    (re.compile(r"(?:[\w-]+ ){0,2}(?:unclear|uncertain reading)\.?", re.I), "unclear"),
    (re.compile(r"(?:deleted|excised|redacted|omitted|not declassified|\d+ lines? not "
                r"declassified|text not declassified)\.?", re.I), "withheld"),
)

_STAGE_WORDS = (
    "laughs", "laughter", "laughing", "general laughter", "pause", "long pause", "applause",
    "sighs", "coughs", "crosstalk", "cross-talk", "interruption", "silence", "noise",
    "commotion", "animation", "smiles", "shouts", "interjection", "noise in the hall",
    "stir in the hall", "voices", "inaudible interjection", "tape ends", "end of tape",
    "break", "recess", "music",
)
STAGE_WORDS = _STAGE_WORDS
_STAGE = re.compile(r"(?:" + "|".join(re.escape(w) for w in _STAGE_WORDS) + r")[.!]?", re.I)
_PAGE = re.compile(r"(?P<label>Page|page|PAGE|p\.|P\.|Seite|S\.|L\.|l\.|Folio|folio|f\.)"
                   r" (?P<n>\d+[a-z]?|[ivxlcdm]+)")
_FOOTNOTE = re.compile(r"\d{1,3}")
_ADD = re.compile(r"(?P<label>inserted|Inserted|INSERTED|added|Added|insertion|Insertion|"
                  r"handwritten|Handwritten) ?: (?P<text>\S.*)", re.S)
_NOTE_PREFIX = re.compile(
    r"(?P<label>(?:Translator|Translators|Translator’s|Translator's|Interpreter's|Interpreter’s|"
    r"Trans\.|Tr\.|Transl\.|Translation|Editor's|Editor’s|Ed\.|Editors'|Editorial|Archive|"
    r"Archivist's|Source)(?: note| Note| comment| Comment)?(?:s)?:)(?P<rest>\s.*)",
    # "[translator’s note: ...]" in lower case (PRC Foreign Ministry translations)
    re.S | re.I)
_NOTE_SUFFIX = re.compile(r"(?P<body>.*\S)(?P<label>\s*(?:—|–|-{1,2})\s*(?:trans|transl|tr|"
                          r"translator|ed|editor|eds)\.?)", re.S | re.I)
# Words that make a bracket a remark on the document, not words supplied to the text.
_SOURCE_REMARK = re.compile(r"\b(?:in (?:the )?original|emphasis|underlined|underlining|"
                            r"henceforth|hereafter|hereinafter|"
                            r"crossed out|struck out|handwritten|handwriting|signature|stamp|seal|"
                            r"margin|marginal|in (?:English|Russian|German|French|Chinese)|"
                            r"text missing|page break|tape \d|side [AB])\b", re.I)
_SUPPLIED = re.compile(r"[\w'’][\w\s'’.,\-]*\??", re.S)
_MAX_SUPPLIED_WORDS = 8


@dataclass(frozen=True)
class BracketReading:
    """The node a bracket became and, for kinds without a rule, the fact that none matched."""

    node: Inline
    kind: str  # the bracket kind, named as in docs/conventions.md
    known: bool = True


def _note_kind(label: str) -> str:
    lowered = label.lower()
    if lowered.startswith(("trans", "tr.", "interpreter")):
        return "translation"
    return "editorial"


def read_bracket(content: str) -> BracketReading:
    """The meaning of "[content]"; unknown kinds stay literal text (brackets included)."""
    stripped = content.strip()
    if content != stripped or not stripped:
        return BracketReading(Text("[" + content + "]"), "unknown", known=False)
    if stripped == "?":
        return BracketReading(Supplied("?", "query"), "query")
    if stripped in ("...", "…", ". . ."):  # the editor left words out
        return BracketReading(Omission(stripped, "omitted"), "omission-omitted")
    for pattern, reason in _OMISSIONS:
        if pattern.fullmatch(stripped):
            return BracketReading(Omission(stripped, reason), f"omission-{reason}")
    if _STAGE.fullmatch(stripped):
        return BracketReading(Stage("[" + stripped + "]"), "stage")
    if page := _PAGE.fullmatch(stripped):
        return BracketReading(PageBreak(page["n"], page["label"]), "page")
    if _FOOTNOTE.fullmatch(stripped):
        return BracketReading(FootnoteMark(stripped, "mark-square"), "footnote-mark")
    if added := _ADD.fullmatch(stripped):
        return BracketReading(Addition(added["text"], added["label"]), "addition")
    if note := _NOTE_PREFIX.fullmatch(stripped):
        kind = _note_kind(note["label"])
        return BracketReading(BracketNote(kind, (NoteLabel(note["label"]), Text(note["rest"]))),
                              f"note-{kind}")
    if note := _NOTE_SUFFIX.fullmatch(stripped):
        kind = _note_kind(note["label"].strip(" —–-"))
        return BracketReading(BracketNote(kind, (Text(note["body"]), NoteLabel(note["label"]))),
                              f"note-{kind}")
    if stripped.lower() == "sic":
        return BracketReading(Text("[" + stripped + "]"), "sic")
    if _SOURCE_REMARK.search(stripped):  # "[emphasis in original]": about the document
        return BracketReading(BracketNote("editorial", (Text(stripped),)), "note-editorial")
    if _SUPPLIED.fullmatch(stripped) and len(stripped.split()) <= _MAX_SUPPLIED_WORDS:
        return BracketReading(Supplied(stripped, "omitted-in-original"), "supplied")
    return BracketReading(Text("[" + content + "]"), "unknown", known=False)
