"""Script layout: a speaker label alone on its line, without any punctuation, speech below.

Owns the two shapes of such labels, all capitals ("KHRUSHCHEV") and title case ("Ambassador
Thompson"), and the evidence that a document uses them. A label without a separator looks
exactly like a heading or a short line of prose, so the bar is high: a label must recur (or
name a declared person), stand at the start of a paragraph or after a finished sentence, and
be followed directly by speech that is not itself such a line. It decides from the lines it
is given; it must not walk the body (parser.py asks it about lines) nor resolve persons.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tei_edition.convert.labels import (
    CAPS_PARTICLES,
    CLASSIFICATION_WORDS,
    LabelMatch,
    has_label_shape,
    label_core,
    label_key,
)

_CAPS_LINE = re.compile(r"(?:(?:MR|MRS|MS|DR|GEN|COL|SEN)\. )?[A-Z][A-Z'’\-]+"
                        r"(?: [A-Z][A-Z'’\-]+){0,2}")
# Title-case words only (initials and honorifics with their period allowed), ending in a
# letter: any other punctuation at the end ("Opening Remarks:", "Mr. Thompson.") is another
# convention or prose.
_NAME_LINE = re.compile(r"[^\W\d_][\w'’.\-]*(?: [\w'’.\-]+){0,3}(?<=[^\W\d_])")
# Last words of headings that a title-case line may be ("Executive Session", "Lunch").
_HEADING_ENDS = frozenset(
    "session sessions meeting meetings conversation conversations talk talks discussion "
    "discussions lunch dinner breakfast reception continued continuation sitting part section "
    "chapter introduction conclusion conclusions annex appendix position positions question "
    "questions problem problems issue issues policy situation relations matters steps agenda "
    "proposal proposals report summary background remarks statement morning afternoon "
    "evening night day week".split())
# First words of salutations and complimentary closes of letters ("Dear Sir", "Yours
# Sincerely", "Kind Regards"), which stand alone on their line like a label.
_LETTER_STARTS = frozenset("dear yours sincerely respectfully faithfully kind best warm "
                           "with regards greetings".split())
_SENTENCE_END = tuple('.?!:;"”’)]…')
# A title-case label needs this many turns in all, unless a recurring one is declared.
_MIN_NAME_TURNS = 3


@dataclass(frozen=True)
class LineCandidate:
    """A line directly followed by another line (no empty line between them)."""

    text: str
    next_text: str
    opens_paragraph: bool  # after an empty line, at the start of the body, or after a sentence


def candidate_at(texts: list[str], tight: list[bool], index: int) -> LineCandidate | None:
    """The candidate at ``index`` of a run of lines, or None when no line follows tightly."""
    if index + 1 >= len(texts) or not tight[index + 1]:
        return None
    opens = index == 0 or not tight[index] or texts[index - 1].endswith(_SENTENCE_END)
    return LineCandidate(texts[index], texts[index + 1], opens)


def match_caps_line(text: str) -> LabelMatch | None:
    """"KHRUSHCHEV" alone on its line, no punctuation, speech on the next lines (script
    layout); the parser asks only for lines followed directly by another line."""
    if not _CAPS_LINE.fullmatch(text) or set(text.split()[1:]) & CAPS_PARTICLES:
        return None
    if CLASSIFICATION_WORDS.fullmatch(text.lower()):
        return None
    return _alone(text, "caps")


def choose_caps_labels(candidates: list[str], known_keys: frozenset[str]) -> frozenset[str]:
    """Script-layout labels with evidence: one recurs (or is known) and there are three."""
    counts = Counter(m.key for m in (match_caps_line(t) for t in candidates) if m)
    if sum(counts.values()) < 3 or not any(c >= 2 or k in known_keys for k, c in counts.items()):
        return frozenset()
    return frozenset(k for k in counts if len(k.split()) <= 2 or k in known_keys)


def match_name_line(candidate: LineCandidate) -> LabelMatch | None:
    """"Ambassador Thompson" alone on its line in title case, where a label can stand: at
    the start of a paragraph (or after a finished sentence), followed by speech that starts
    like a sentence and is not such a line itself."""
    text, following = candidate.text, candidate.next_text
    if not candidate.opens_paragraph or text.isupper() or not _NAME_LINE.fullmatch(text):
        return None
    if not following or following[0].islower() or _looks_like_name_line(following):
        return None
    words = text.lower().split()
    if words[-1].strip(".'’-") in _HEADING_ENDS or words[0] in _LETTER_STARTS:
        return None
    if CLASSIFICATION_WORDS.fullmatch(text.lower()) or not has_label_shape(text):
        return None
    return _alone(text, "name")


def _looks_like_name_line(text: str) -> bool:
    return bool(_NAME_LINE.fullmatch(text) and has_label_shape(text)) or bool(
        match_caps_line(text))


def choose_name_labels(candidates: list[LineCandidate],
                       known_keys: frozenset[str]) -> frozenset[str]:
    """Title-case labels with strong evidence. A label is established when it recurs (twice
    at least) AND either names a declared person or carries a title ("Ambassador Thompson",
    "Mr. Sukhodrev"; a bare "Soviet Union" or "Thompson" heading may recur too). The
    document uses the style when the established and declared labels give three turns, or
    an established one is declared. Then declared persons' labels count even when they occur
    once, and so do titled labels once established ones give three turns (a speaker who
    speaks once)."""
    matches = [m for m in map(match_name_line, candidates) if m]
    counts = Counter(m.key for m in matches)
    titled = {m.key for m in matches if label_core(m.label)[0] != m.label.strip()}
    recurring = {key for key, count in counts.items()
                 if count >= 2 and (key in known_keys or key in titled)}
    declared = set(counts) & known_keys
    if not recurring or (sum(counts[k] for k in recurring | declared) < _MIN_NAME_TURNS
                         and not recurring & known_keys):
        return frozenset()
    if sum(counts[k] for k in recurring) >= _MIN_NAME_TURNS:
        declared |= titled
    return frozenset(recurring | declared)


def _alone(text: str, style: str) -> LabelMatch:
    _, uncertain = label_core(text)
    return LabelMatch(style, text, "sep-none", "", alone=True, rest="",
                      rest_offset=len(text), key=label_key(text), uncertain=uncertain)
