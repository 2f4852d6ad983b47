"""The persons of a whole collection: one entry per person, with every turn and mention.

This module owns merging the persons that the editions declare. A person's identity is the id
the edition's metadata gives it (TEI `person/@xml:id`, which the converter derives from the
participant list and the alias table, TEI P5 §13.3.2): the same id in two editions is the same
person, whatever label or spelling each transcript used. It must not read files or write pages.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class PersonAppearances:
    """One edition's turns and mentions of a person."""

    slug: str
    title: str
    date: str
    anchor: str | None = None  # the person's entry in the edition's own index of persons
    turns: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class CollectionPerson:
    key: str
    names: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    roles: list[str] = field(default_factory=list)
    appearances: list[PersonAppearances] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The name most editions give, ties broken alphabetically (deterministic)."""
        if not self.names:
            return self.key
        return min(self.names, key=lambda n: (-self.names[n], n))

    @property
    def variants(self) -> list[str]:
        seen = set(self.names) | set(self.labels)
        return sorted(v for v in seen if v and v != self.name)

    def sort_key(self) -> tuple[str, str]:
        return (self.name.casefold(), self.key)


def merge_persons(records: list[dict[str, Any]]) -> list[CollectionPerson]:
    """Every person of every record, merged by id, sorted by name; appearances by date."""
    persons: dict[str, CollectionPerson] = {}
    for record in sorted(records, key=lambda r: (r.get("date", ""), r["slug"])):
        by_person: dict[str, PersonAppearances] = {}
        for key, declared in record.get("persons", {}).items():
            person = persons.setdefault(key, CollectionPerson(key))
            person.names.update(declared.get("names", [])[:1])
            person.labels.update(declared.get("names", [])[1:])
            person.roles.extend(r for r in declared.get("roles", []) if r not in person.roles)
            # an edition that declares a person is listed even when they never speak in it
            appearances = by_person[key] = PersonAppearances(
                record["slug"], record["title"], record.get("date", ""), declared.get("anchor")
            )
            person.appearances.append(appearances)
        for occurrence in record.get("occurrences", []):
            key = occurrence["person"]
            appearances = by_person.get(key)
            if appearances is None:
                continue
            kind = "turns" if occurrence["kind"] == "turn" else "mentions"
            getattr(appearances, kind).append(occurrence)
            if occurrence.get("label"):
                persons[key].labels[occurrence["label"]] += 1
    return sorted(persons.values(), key=CollectionPerson.sort_key)
