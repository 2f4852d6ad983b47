"""Label variants of one person that the document itself explains: a short form declared
inside a label, and a given-name initial written before a surname to tell namesakes apart.

Owns two readings of a label as written:

- ``declared_aliases``: "Adela Ruiz (AR), conductora:" declares that the later "AR:" turns
  are hers; the parentheses hold the initials of the name before them, so they are an alias
  of that person, not a role (a role in parentheses, "(Premier)", is left alone).
- ``given_initial``: "S. O'BRIEN:" beside "SOLEDAD O'BRIEN, CNN ANCHOR:" and "MILES O'BRIEN":
  the initial names the one namesake whose given name starts with it.

It must not create persons or ids nor decide which lines are labels (speakers.py,
labels.py); it only says which name a variant can stand for. Anything that fits two persons
is no link (speakers.py then reports the label as unresolved where persons are declared).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tei_edition.convert.labels import HONORIFICS, label_key
from tei_edition.convert.labelwords import PARTICLES

# "Adela Ruiz (AR)", "Adela Ruiz (AR), conductora", "Tomás Vega Ruiz (T.V.R.)": the name,
# then two to five capitals (periods allowed) in parentheses, then an optional role.
_DECLARING = re.compile(r"(?P<name>[^()]+?)\s*\((?P<alias>(?:[A-ZÀ-Ý]\.?){2,5})\)\s*(?:,.*)?")
# "S. O'BRIEN", "J. R. EWING", "S.O'Brien": one to three initials, then a surname (one or two
# words: "M. DE LA ROSA" is not read, particles make the surname uncertain).
_INITIALLED = re.compile(r"(?P<initials>(?:[^\W\d_]\.\s?){1,3})\s*"
                         r"(?P<surname>[^\W\d_][\w'’\-]+)")


def _name_words(name: str) -> list[str]:
    """The words of a name without forms of address ("Dr.") and lower-case particles."""
    words = label_key(name).replace("-", " ").split()
    return [w for w in words if w.rstrip(".") not in HONORIFICS and w not in PARTICLES]


def declared_aliases(label: str) -> tuple[str, ...]:
    """"Adela Ruiz (AR), conductora" -> ("AR",): parentheses after the name holding exactly
    the initials of the name's words (particles such as "de" may be skipped). Anything else in
    the parentheses (an office, a party, a constituency) declares no alias."""
    found = _DECLARING.fullmatch(label.strip())
    if not found:
        return ()
    letters = found["alias"].replace(".", "").lower()
    words = label_key(found["name"]).replace("-", " ").split()
    every = "".join(w[0] for w in words if w.rstrip(".") not in HONORIFICS)
    without_particles = "".join(w[0] for w in _name_words(found["name"]))
    if len(words) < 2 or letters not in (every, without_particles):
        return ()
    return (found["alias"],)


@dataclass(frozen=True)
class GivenInitial:
    """"S. O'BRIEN" -> initials "s", surname "o'brien"."""

    initials: str
    surname: str


def given_initial(label: str) -> GivenInitial | None:
    """The given-name initials and surname of a label written "S. O'BRIEN"; None for any
    other shape (a full name, a bare surname, initials alone)."""
    found = _INITIALLED.fullmatch(" ".join(label.split()))
    if not found:
        return None
    initials = "".join(ch for ch in found["initials"].lower() if ch.isalpha())
    return GivenInitial(initials, label_key(found["surname"]))


def fits_given_initial(variant: GivenInitial, name: str) -> bool:
    """"S. O'BRIEN" fits "SOLEDAD O'BRIEN" and "Soledad M. O'Brien", not "MILES O'BRIEN" nor
    "S. O'Brien": the same surname after a written-out given name whose initials start with
    the variant's initials."""
    words = _name_words(name)
    if len(words) < 2 or words[-1] != variant.surname:
        return False
    if words[0].endswith("."):
        return False  # "S. O'Brien" is the variant itself, not the full name it stands for
    return "".join(w[0] for w in words[:-1]).startswith(variant.initials)


def written_name(label: str) -> str:
    """The name part of a label as written, honorifics kept ("M. O'BRIEN, CNN" -> "M.
    O'BRIEN"): the role after a comma and the parentheses at the end left out."""
    bare = re.sub(r"(\s*\([^()]*\))+\s*$", "", label)
    return bare.split(",")[0].strip()
