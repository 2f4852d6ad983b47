"""The cast of a record: participants, speakers, mentioned persons, signers, and which person
each speaker label means.

Owns merging the persons the transcript lists with those the metadata declares, giving each
a stable id, and resolving labels conservatively (full name, alias, surname, initials; the
honorifics are ignored; an initials label through the persons the title names, initials.py).
It must not build XML; unresolved labels are reported, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tei_edition.convert.initials import (
    TitlePerson,
    fits_initials,
    initials_of_label,
    title_persons,
)
from tei_edition.convert.inlines import plain_text
from tei_edition.convert.labels import HONORIFICS, label_core, label_key, title_of
from tei_edition.convert.metadata import Metadata, PersonInfo
from tei_edition.convert.model import Document, Turn
from tei_edition.convert.names import IdRegistry, slugify
from tei_edition.convert.variants import (
    GivenInitial,
    declared_aliases,
    fits_given_initial,
    given_initial,
    written_name,
)
from tei_edition.diagnostics import Diagnostic, Severity

_UNKNOWN = frozenset({"speaker", "unidentified speaker", "unknown", "unknown speaker", "voice",
                      "unidentified", "voices", "male voice", "female voice"})
_QA_ROLES = {"q": "interviewer", "a": "interviewee"}
# "The SPEAKER", "The DEPUTY SPEAKER": a parliament's presiding office, named by the article
_OFFICE = re.compile(r"(?:The|THE)\s+(?=[A-Z])")


@dataclass(eq=False)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    role: str = ""
    affiliation: str = ""
    group: str = ""
    sex: str = ""
    titles: str = ""  # title words written before the name in the participants list
    named: bool = True  # False for Q/A and unknown speakers: no persName is written


@dataclass
class Cast:
    groups: list[tuple[str, str | None]] = field(default_factory=list)  # (key, label)
    participants: list[Person] = field(default_factory=list)
    speakers: list[Person] = field(default_factory=list)
    mentioned: list[Person] = field(default_factory=list)
    signers: dict[str, str] = field(default_factory=dict)  # signer name -> person id
    signer_persons: list[Person] = field(default_factory=list)
    who: dict[str, str] = field(default_factory=dict)  # label key -> person id

    def all_persons(self) -> list[Person]:
        return self.participants + self.speakers + self.mentioned + self.signer_persons


def _keys(person: Person) -> set[str]:
    keys = {label_key(person.name)} | {label_key(alias) for alias in person.aliases}
    return {k for k in keys if k}


def _surname(name: str) -> str:
    return label_key(name).split()[-1] if label_key(name) else ""


def _initials(name: str) -> str:
    """"Zhou Enlai" -> "ze", "N. S. Khrushchev" -> "k" (written initials are skipped)."""
    words = [w for w in label_key(name).replace("-", " ").split() if not w.endswith(".")]
    return "".join(word[0] for word in words)


def _name_words(name: str) -> frozenset[str]:
    """The words of a name that identify it (initials and one-letter words left out)."""
    return frozenset(w for w in label_key(name).replace("-", " ").split()
                     if (len(w) > 1 or w.isdigit()) and not w.endswith("."))


def _namesake(label: str, persons: list[Person],
              told_apart: frozenset[str]) -> tuple[bool, Person | None]:
    """"S. O'BRIEN" among SOLEDAD and MILES O'BRIEN: (True, Soledad); (True, None) when no
    or two written-out names fit (no link, never a guess); (False, None) when the label is
    no initial + surname or no person of that surname has a written-out given name. "M." is
    also "Monsieur": read as an initial only where the labels tell namesakes of that surname
    apart by initials (``told_apart``)."""
    variant = given_initial(written_name(label))
    if variant is None or (variant.initials in HONORIFICS
                           and variant.surname not in told_apart):
        return False, None
    namesakes = [p for p in persons if p.named and any(fits_given_initial(
        GivenInitial("", variant.surname), name) for name in (p.name, *p.aliases))]
    fitting = [p for p in namesakes if any(fits_given_initial(variant, name)
                                           for name in (p.name, *p.aliases))]
    if not namesakes:
        return False, None
    return True, fitting[0] if len(fitting) == 1 else None


def _told_apart(labels: list[str]) -> frozenset[str]:
    """Surnames the labels write with two different initials ("S. O'BRIEN", "M. O'BRIEN")."""
    seen: dict[str, set[str]] = {}
    for label in labels:
        variant = given_initial(written_name(label))
        if variant is not None:
            seen.setdefault(variant.surname, set()).add(variant.initials)
    return frozenset(surname for surname, initials in seen.items() if len(initials) > 1)


def _same_given_name(first: str, words: list[str]) -> bool:
    """"Robert" and "Rosalind" are two persons, "R." and "Robert" may be one: written-out
    given names must be equal, an initial only has to fit (a surname alone fits anything)."""
    if len(words) < 2:
        return True
    given = words[0]
    if first.endswith(".") or len(first) == 1 or given.endswith(".") or len(given) == 1:
        return first[0] == given[0]
    return first == given


def _find(label: str, persons: list[Person],
          told_apart: frozenset[str] = frozenset()) -> Person | None:
    """Full name or alias, then a given-name initial + surname, then a unique surname, then
    unique initials (conservative)."""
    key = label_key(label)
    if not key:
        return None
    is_variant, namesake = _namesake(label, persons, told_apart)
    if is_variant:
        exact = [p for p in persons if key in _keys(p)]
        return namesake or (exact[0] if len(exact) == 1 else None)
    exact = [p for p in persons if key in _keys(p)]
    if len(exact) == 1:
        return exact[0]
    by_surname = [p for p in persons if p.named and (_surname(p.name) == key.split()[-1]
                                                     and len(key.split()) <= 2)]
    if len(by_surname) == 1:
        first = key.split()[0] if len(key.split()) == 2 else ""
        person = by_surname[0]
        if not first or _same_given_name(first, label_key(person.name).split()):
            return person
    core, _ = label_core(label)
    if key in HONORIFICS:  # "The Ambassador": the one participant listed with that title
        titled = [p for p in persons if key in p.titles.lower().replace(".", "").split()]
        if len(titled) == 1:
            return titled[0]
    words = _name_words(key)
    if words:  # "Nagy", "Imre Nagy", "Nagy Imre": the same words in any order, one person
        containing = [p for p in persons if p.named and any(
            words <= _name_words(name) for name in (p.name, *p.aliases))]
        if len(containing) == 1:
            return containing[0]
    if core.replace(".", "").isupper() and len(core.replace(".", "").replace(" ", "")) <= 3:
        letters = core.replace(".", "").replace(" ", "").lower()
        by_initials = [p for p in persons if p.named and _initials(p.name) == letters]
        if len(by_initials) == 1:
            return by_initials[0]
    return None


def _from_info(info: PersonInfo, ids: IdRegistry) -> Person:
    return Person(ids.claim(info.id or slugify(info.name)), info.name, info.aliases, info.role,
                  info.affiliation, info.group, info.sex)


def build_cast(document: Document, metadata: Metadata | None, ids: IdRegistry,
               path: str) -> tuple[Cast, list[Diagnostic]]:
    meta = metadata or Metadata()
    cast = Cast()
    declared = [_from_info(info, ids) for info in meta.persons]
    listed = document.participants.persons if document.participants else ()
    labels = document.participants.group_labels if document.participants else ()
    for entry in listed:
        person = _find(entry.name, declared) or _find(entry.name, cast.participants)
        group = f"group-{entry.group + 1}"
        if person is None:
            person = Person(ids.claim(slugify(entry.name)), entry.name)
        if person not in cast.participants:
            cast.participants.append(person)
        if entry.name != person.name and entry.name not in person.aliases:
            person.aliases = (*person.aliases, entry.name)
        person.affiliation = person.affiliation or entry.description
        person.group = person.group or group
        person.titles = " ".join(filter(None, (person.titles, entry.titles)))
    cast.participants += [p for p in declared if p not in cast.participants]
    group_labels = {g.id: g.label for g in meta.groups}
    for index, label in enumerate(labels):
        group_labels.setdefault(f"group-{index + 1}", label)
    for person in cast.participants:
        if person.group and person.group not in [g for g, _ in cast.groups]:
            cast.groups.append((person.group, group_labels.get(person.group)))
    cast.mentioned = [_from_info(info, ids) for info in meta.mentioned]
    diagnostics = _resolve_turns(document, cast, ids, path)
    for signer in document.signers:
        person = _find(signer.name, cast.participants + cast.mentioned)
        if person is None:
            person = Person(ids.claim(slugify(signer.name.split()[-1])), signer.name)
            cast.signer_persons.append(person)
        cast.signers[signer.name] = person.id
    return cast, diagnostics


def _speaker_for(label: str, key: str, cast: Cast, ids: IdRegistry) -> str:
    """The id of the person a part of a joint label names (created when unknown)."""
    person = _find(label, cast.participants) or _find(label, cast.speakers)
    if person is None:
        name = _new_speaker_name(label)
        person = Person(ids.claim(slugify(name)), name)
        cast.speakers.append(person)
    return person.id


def _new_speaker_name(label: str) -> str:
    """The name of a person known only by a label: the label's core, except for an office
    written with the article and no holder ("The Prime Minister", "The Minister of
    Transport"), whose core loses the office words taken for a title ("Minister", "of
    Transport"): such a person is named by the office (TEI P5 §13.3.2: persName may hold
    a role name when no personal name is known)."""
    core = label_core(label)[0]
    office = label[4:].strip() if label.startswith("The ") and "(" not in label else ""
    if office and core != office and (core[:1].islower() or office.endswith(core)):
        return office
    return core


def _turns(document: Document) -> list[Turn]:
    return [item for section in document.sections for item in section.content
            if isinstance(item, Turn)]


def _resolve_turns(document: Document, cast: Cast, ids: IdRegistry,
                   path: str) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    has_declared = bool(cast.participants)
    named = title_persons([plain_text(block.inlines) for block in (
        document.title, *document.front) if block is not None and block.kind == "head"])
    # initials last: "P:" before the first "PRESIDENT:" is the same person (one @who), and
    # a full label is never resolved through an initials label
    # a short form the document explains ("AM" declared by "Adela Micha (AM), conductora",
    # "S. O'BRIEN" beside "SOLEDAD O'BRIEN") likewise waits for the full names
    turns = _turns(document)
    declared = {label_key(alias) for turn in turns for alias in declared_aliases(turn.label)}
    told_apart = _told_apart([turn.label for turn in turns])
    for turn in sorted(turns, key=lambda turn: bool(
            initials_of_label(turn.label) or label_key(turn.label) in declared
            or given_initial(written_name(turn.label)))):
        key = turn.who or label_key(turn.label)
        if key in cast.who:  # "Ana Ruiz (AR):" after "Ana Ruiz:" still declares "AR"
            known = [p for p in cast.all_persons() if p.id == cast.who[key]]
            if known:
                _declare_aliases(turn.label, known[0], cast)
            continue
        core, _ = label_core(turn.label)
        parts = re.split(r" (?:and|&) ", core)
        if len(parts) == 2:  # a joint turn: @who names both speakers (TEI P5 §7.2.2)
            ids_of = []
            for part in parts:
                part_key = label_key(part)
                if part_key not in cast.who:
                    cast.who[part_key] = _speaker_for(part, part_key, cast, ids)
                ids_of.append(cast.who[part_key])
            cast.who[key] = " ".join(ids_of)
            continue
        person = _find(turn.label, cast.participants, told_apart) or _find(
            turn.label, cast.speakers, told_apart) or _by_initials(turn.label, cast, named, ids)
        if person is None:
            if key in _QA_ROLES:
                person = Person(ids.claim(key), core, role=_QA_ROLES[key], named=False)
            elif (key in _UNKNOWN and not title_of(turn.label) and not _OFFICE.match(
                    turn.label)) or key.startswith(("voice", "a voice")):
                # "Mr. Speaker" and "The SPEAKER" preside; "Speaker" alone is unknown
                person = next((p for p in cast.speakers if not p.named and not p.role), None) \
                    or Person(ids.claim("unknown-speaker"), core, named=False)
            elif key in _UNKNOWN and _OFFICE.match(turn.label):  # "The DEPUTY SPEAKER"
                office = re.sub(r"\s*\([^()]*\)\s*$", "", _OFFICE.sub("", turn.label, count=1))
                person = Person(ids.claim(slugify(core)), office or core)
            else:
                name = _new_speaker_name(turn.label)
                person = Person(ids.claim(slugify(name)), name)
            if all(p is not person for p in cast.speakers):
                cast.speakers.append(person)
            if has_declared and person.named:
                diagnostics.append(Diagnostic(
                    path, turn.line, turn.column, Severity.WARNING,
                    "transcript.unresolved-speaker",
                    f"speaker label {turn.label!r} matches no declared participant",
                    "add the person (or an alias) to the edition metadata's [[persons]]"))
        cast.who[key] = person.id
        _declare_aliases(turn.label, person, cast)
    # the speakers are listed in the order they first speak, whatever the resolution order
    first: dict[str, int] = {}
    for turn in turns:
        for person_id in cast.who.get(turn.who or label_key(turn.label), "").split():
            first.setdefault(person_id, turn.line)
    cast.speakers.sort(key=lambda person: first.get(person.id, 10**9))
    return sorted(diagnostics, key=lambda d: (d.line, d.column))


def _by_initials(label: str, cast: Cast, named: list[TitlePerson],
                 ids: IdRegistry) -> Person | None:
    """"K:" in a record whose title names Secretary of State Kissinger and President Nixon:
    the one declared person (participants, metadata) or person of the title whose surname
    starts with K ("HK": whose initials are H K). Two candidates: no link (the label is then
    reported as unresolved when persons are declared). The label stays as written in
    ``speaker``; only @who points to the person (TEI P5 §3.13.2 persons, §7.2.2 sp/@who)."""
    letters = initials_of_label(label)
    if not letters:
        return None
    names = [p.name for p in cast.participants if p.named] + [p.name for p in named]
    if len(letters) > 1 and any(letters in label_key(name).split() for name in names):
        return None  # "LI:" beside Li Peng is that name, not the initials of Lev Ivanov
    candidates: list[Person | TitlePerson] = [p for p in cast.participants
                                              if p.named and fits_initials(letters, p.name)]
    for person in named:  # a person of the title who is a participant is counted once
        if fits_initials(letters, person.name) and _find(person.name, cast.participants) is None:
            candidates.append(person)
    if len(candidates) != 1:
        return None
    found = candidates[0]
    if isinstance(found, Person):
        return found
    existing = _find(found.name, cast.speakers)
    if existing is not None:
        return existing
    person = Person(ids.claim(slugify(found.name)), found.name, titles=found.titles)
    cast.speakers.append(person)
    return person


def _declare_aliases(label: str, person: Person, cast: Cast) -> None:
    """"Adela Micha (AM), conductora": "AM" becomes an alias of the person, so the later "AM:"
    turns are hers (persName type="alias" in particDesc, TEI P5 §13.3.2). An alias another
    person already answers to is not taken."""
    for alias in declared_aliases(label):
        alias_key = label_key(alias)
        if not person.named or alias in person.aliases or any(
                alias_key in _keys(other) for other in cast.all_persons() if other is not person):
            continue
        person.aliases = (*person.aliases, alias)
