"""Editorial annotation of inline content: the metadata's corrections and declared names.

Owns applying `[[corrections]]` (sic -> corr, optionally on one line) and tagging names of
declared persons (participants, metadata persons, mentioned persons) as `PersonName`. Both
are editorial decisions taken from the metadata or the participants list, never guessed.
It must not build XML.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from tei_edition.convert.labels import HONORIFICS, label_key
from tei_edition.convert.metadata import CorrectionInfo
from tei_edition.convert.model import (
    BracketNote,
    Correction,
    FootnoteMark,
    Inline,
    PersonName,
)
from tei_edition.convert.names import wrap_matches
from tei_edition.convert.speakers import Cast


def _name_pattern(names: list[str]) -> re.Pattern[str] | None:
    unique = sorted({n for n in names if len(n) >= 2}, key=lambda n: (-len(n), n))
    if not unique:
        return None
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in unique)
    return re.compile(rf"(?<![\w\-’']){'(?:' + alternatives + ')'}(?![\w\-])")


class Annotator:
    """Applies corrections then name tags; remembers which corrections were used."""

    def __init__(self, corrections: tuple[CorrectionInfo, ...], cast: Cast | None) -> None:
        self.corrections = corrections
        self.used: Counter[int] = Counter()
        self.refs: dict[str, str] = {}
        if cast is not None:
            for person in cast.participants + cast.mentioned + cast.signer_persons:
                if person.named:
                    for name in (person.name, *person.aliases):
                        if label_key(name) in HONORIFICS:
                            continue  # "Secretary": a title, not a name to find in text
                        self.refs.setdefault(" ".join(name.split()), person.id)
            for name, person_id in cast.signers.items():
                self.refs.setdefault(" ".join(name.split()), person_id)
        self.pattern = _name_pattern(list(self.refs))

    def apply(self, nodes: tuple[Inline, ...], *, names: bool = True) -> tuple[Inline, ...]:
        for index, correction in enumerate(self.corrections):
            nodes = self._correct(nodes, index, correction)
        if names and self.pattern is not None:
            nodes, _ = wrap_matches(nodes, self.pattern, self._person)
        return tuple(self._inside_notes(node) for node in nodes)

    def _inside_notes(self, node: Inline) -> Inline:
        if isinstance(node, BracketNote):
            return BracketNote(node.kind, self.apply(node.parts, names=False))  # type: ignore
        if isinstance(node, FootnoteMark):
            return replace(node, content=self.apply(node.content))
        return node

    def _person(self, found: re.Match[str], covered: tuple[Inline, ...]) -> Inline | None:
        ref = self.refs.get(" ".join(found.group().split()))
        return PersonName(ref, covered) if ref else None

    def _correct(self, nodes: tuple[Inline, ...], index: int,
                 correction: CorrectionInfo) -> tuple[Inline, ...]:
        escaped = re.escape(correction.sic).replace(r"\ ", r"\s+")
        pattern = re.compile(rf"(?<!\w){escaped}(?!\w)" if correction.sic[-1:].isalnum()
                             and correction.sic[:1].isalnum() else escaped)

        def wanted_line(_found: re.Match[str], line: int) -> bool:
            return not correction.line or line == correction.line

        nodes, count = wrap_matches(nodes, pattern, lambda _f, covered: Correction(
            covered, correction.corr), supplied_as=lambda s: f"[{s.text}]",
            line_filter=wanted_line)
        self.used[index] += count
        return nodes


