"""Initials labels ("K:", "N:", "HK:") and the persons a record's title names.

A telephone transcript titled "Telephone Conversation Between Secretary of State Kissinger and
President Nixon" writes its turns as "K:" and "N:". Owns reading the persons such a title
names (``title_persons``) and matching an initials label against the persons the document
declares (title, participants list, metadata): one letter is a surname's initial, two or
three letters the initials of given name(s) and surname ("HK" = Henry Kissinger). Only a
single fitting person counts; two candidates mean no link (speakers.py reports the label as
unresolved). It must not read names from the body (narrative names are never candidates),
create persons or ids (speakers.py) nor decide which lines are labels (labels.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tei_edition.convert.labels import HONORIFICS, label_core, label_key
from tei_edition.convert.labelwords import DATING_WORDS, PARTICLES
from tei_edition.convert.participants import names_in_front


@dataclass(frozen=True)
class TitlePerson:
    """A person the title names: the name as written without the office before it."""

    name: str
    titles: str  # "Secretary of State", "President": the words before the name


# A footnote number glued to the last word of a FRUS title ("President Nixon1").
_GLUED_NUMBER = re.compile(r"(?<=[^\W\d_])\d{1,3}\b")
# Where one person's part of a title ends: "A, B and C", "between A and B", "A with B", "A: B".
_SEPARATOR = re.compile(r"\s*[,;:()\[\]]\s*|\s+(?:and|AND|&|between|Between|BETWEEN|with|"
                        r"With|WITH)\s+")
_INITIALS_WORD = re.compile(r"(?:[A-Z]\.\s?){1,3}")
_NAME_WORD = re.compile(r"[A-Z][\w'’\-]*")
# Words a title is made of that are never a person's name ("Transcript", "Conversation").
_TITLE_VOCABULARY = frozenset(
    "transcript transcripts conversation conversations memorandum record records minutes "
    "meeting meetings talk talks discussion discussions interview interviews telephone telcon "
    "telegram notes note excerpt excerpts text statement remarks session hearing hearings "
    "briefing briefings press conference news letter report summary stenogram protocol "
    "verbatim delegation delegations government embassy visit dinner lunch luncheon "
    "breakfast department office house white oval".split())


def _person_of(segment: str) -> TitlePerson | None:
    """"Secretary of State Kissinger" -> Kissinger (titles "Secretary of State"); None unless
    the whole segment is an optional office followed by one to four name words."""
    words = segment.split()
    titles: list[str] = []
    while len(words) > 1 and (words[0].lower().rstrip(".") in HONORIFICS or (
            titles and words[0] in PARTICLES)):
        titles.append(words.pop(0))
    if not 1 <= len(words) <= 4 or any(w in PARTICLES for w in titles[-1:]):
        return None
    for word in words:
        bare = word.rstrip(".").lower()
        if _INITIALS_WORD.fullmatch(word):
            continue
        if not _NAME_WORD.fullmatch(word) or bare in HONORIFICS or bare in DATING_WORDS \
                or bare in _TITLE_VOCABULARY:
            return None
    if _INITIALS_WORD.fullmatch(words[-1]) or len(words[-1]) < 2:
        return None  # a name ends with a surname
    return TitlePerson(" ".join(words), " ".join(titles))


def title_persons(texts: list[str]) -> list[TitlePerson]:
    """Persons the title (and subtitle) lines name, each once, the fullest form kept
    ("Richard Nixon" over "Nixon")."""
    found: list[TitlePerson] = []
    for text in texts:
        text = _GLUED_NUMBER.sub("", text)
        segments = [s.strip() for s in _SEPARATOR.split(text)]
        # "Conversation of N.S. Khrushchev with ...": a name the front-matter patterns find,
        # when it is not the start of a longer capitalised run ("Rumsfeld Media Availability")
        segments += [name for name in names_in_front([text]) if re.search(
            re.escape(name) + r"(?!\s*[A-Z])", text)]
        found += [p for s in segments if s and (p := _person_of(s))]
    unique: list[TitlePerson] = []
    for person in found:
        words = set(_words(person.name))
        if any(words <= set(_words(other.name)) and _surname(other.name) == _surname(
                person.name) for other in found if other.name != person.name and len(
                _words(other.name)) > len(words)) or person.name in [u.name for u in unique]:
            continue
        unique.append(person)
    return unique


def _words(name: str) -> list[str]:
    return label_key(name).replace(".", ". ").split()


def _surname(name: str) -> str:
    words = _words(name)
    return words[-1] if words else ""


def initials_of_label(label: str) -> str:
    """"K" -> "k", "HK" -> "hk", "H.K." -> "hk"; "" when the label is not initials (or is
    Q/A, the interviewer and interviewee)."""
    core, _ = label_core(label)
    letters = core.replace(".", "").replace(" ", "")
    if not (1 <= len(letters) <= 3 and letters.isalpha() and letters.isupper()):
        return ""
    if label_key(label) in ("q", "a", "question", "answer"):
        return ""
    return letters.lower()


def fits_initials(letters: str, name: str) -> bool:
    """One letter: the surname's initial ("K" for Henry Kissinger); two or three: the
    initials of the name's words, written initials included or not ("HK", "HAK")."""
    words = _words(name)
    if not words or not letters:
        return False
    if len(letters) == 1:
        return words[-1][0] == letters
    every = "".join(w[0] for w in words)
    spelled = "".join(w[0] for w in words if not w.endswith("."))
    return letters in (every, spelled)
