"""One fault, one line: the bookkeeping that merges what the validation layers report.

Each layer (project schema, Schematron rules, Python checks, TEI conformance) returns
`Finding`s: a `Diagnostic` plus the element and attribute it is about. `merge_findings`
keeps, for every (line, element, attribute), only the finding of the most specific layer,
so a date such as ``when="16-09-1956"`` that the rules, the XSD and tei_all.rng all refuse
is printed once, with the rule's message. This module must not run any validator.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tei_edition.diagnostics import Diagnostic, Severity

# Preference when several layers report the same place: the house rules and the Python
# checks speak the encoding's language; the XSD knows the structure; tei_all.rng comes last
# because libxml2's RELAX NG messages are the least specific.
LAYER_RULES = 0
LAYER_CHECKS = 1
LAYER_SCHEMA = 2
LAYER_TEI = 3

_XML_NS_BRACED = "{http://www.w3.org/XML/1998/namespace}"
_BRACED = re.compile(r"\{[^}]*\}")

# libxml2 RELAX NG follow-up messages that restate an error already reported inside the
# element (they name the parent whose content "failed"). They carry no new fault.
_RNG_CASCADE = re.compile(
    r"failed to validate (content|attributes)|Expecting an element|Extra element .* in interleave"
    r"|Invalid sequence in interleave|has extra content|Element .* failed to validate"
    r"|does not match its TEI content model|the attributes of <[^>]+> are not valid"
    r"|is not allowed at this place inside|required element .*is missing here",
    re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    diagnostic: Diagnostic
    element: str | None
    attribute: str | None
    layer: int

    @property
    def place(self) -> tuple[int, str | None, str | None]:
        return (self.diagnostic.line, self.element, self.attribute)


def clean_name(name: str | None) -> str | None:
    """`{ns}local` -> `local`, `{xml ns}id` -> `xml:id`; None stays None."""
    if name is None:
        return None
    if name.startswith(_XML_NS_BRACED):
        return "xml:" + name[len(_XML_NS_BRACED):]
    return _BRACED.sub("", name)


def is_rng_cascade(message: str) -> bool:
    return bool(_RNG_CASCADE.search(message))


def merge_findings(findings: Iterable[Finding]) -> list[Diagnostic]:
    """Diagnostics in document order, one per faulty place across layers.

    A finding is dropped when a finding of a more specific layer names the same line,
    element and attribute (or the lack of one). A finding whose element is unknown is
    dropped when a more specific layer reports anything on its line. Findings of the same
    layer are never merged: they are different faults. libxml2's cascade messages from
    tei_all.rng are dropped whenever the project schema or rules found an error, since the
    project schema is a strict subset of TEI and has already named the fault.
    """
    found = list(findings)
    project_errors = any(f.layer < LAYER_TEI and f.diagnostic.severity >= Severity.ERROR
                         for f in found)
    kept: list[Finding] = []
    for finding in found:
        if finding.layer == LAYER_TEI and project_errors and is_rng_cascade(
                finding.diagnostic.message):
            continue
        if any(_same_fault(other, finding) for other in found if other.layer < finding.layer):
            continue
        kept.append(finding)
    kept.sort(key=lambda f: (f.diagnostic.path, f.diagnostic.line, f.layer,
                             f.diagnostic.column, f.diagnostic.code))
    unique: list[Diagnostic] = []
    seen: set[tuple[object, ...]] = set()
    for finding in kept:
        d = finding.diagnostic
        identity = (d.path, d.line, d.column, d.code, d.message)
        if identity not in seen:
            seen.add(identity)
            unique.append(d)
    return unique


def _same_fault(better: Finding, other: Finding) -> bool:
    if better.diagnostic.path != other.diagnostic.path:
        return False
    if better.diagnostic.line != other.diagnostic.line or other.diagnostic.line == 0:
        return False
    if other.element is None or better.element is None:
        return True
    if better.element != other.element:
        return False
    return better.attribute == other.attribute
