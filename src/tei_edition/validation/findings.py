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
from dataclasses import dataclass, replace

from tei_edition.diagnostics import Diagnostic, Severity

# Preference when several layers report the same place: the house rules and the Python
# checks speak the encoding's language; the XSD knows the structure; tei_all.rng comes last
# because libxml2's RELAX NG messages are the least specific.
LAYER_RULES = 0
LAYER_CHECKS = 1
LAYER_SCHEMA = 2
LAYER_TEI = 3

_XML_NS_BRACED = "{http://www.w3.org/XML/1998/namespace}"
_BRACED = re.compile(r"\{(?:https?://|urn:)[^}]*\}")


@dataclass(frozen=True)
class Finding:
    diagnostic: Diagnostic
    element: str | None
    attribute: str | None
    layer: int


def unusable(schema_file: object, code: str, error: Exception, layer: int) -> Finding:
    """The fatal finding of a layer whose own schema file cannot be loaded."""
    return Finding(Diagnostic(str(schema_file), 0, 0, Severity.FATAL, code,
                              f"cannot use {schema_file}: {error}",
                              "reinstall tei-edition; schema/ is part of it"),
                   None, None, layer)


def clean_name(name: str | None) -> str | None:
    """`{ns}local` -> `local`, `{xml ns}id` -> `xml:id`; None stays None."""
    if name is None:
        return None
    if name.startswith(_XML_NS_BRACED):
        return "xml:" + name[len(_XML_NS_BRACED):]
    return _BRACED.sub("", name)


def merge_findings(findings: Iterable[Finding]) -> list[Diagnostic]:
    """Diagnostics in document order, one per faulty place across layers.

    A finding is dropped when a finding of a more specific layer names the same line,
    element and attribute (or the lack of one); a finding whose element is unknown is dropped
    when a more specific layer reports anything on its line. Findings of one layer are never
    merged with each other: they are different faults.

    TEI conformance errors (``tei.invalid``) are kept only when the project schema accepted
    the document. The project schema is a strict subset of TEI P5, so every place tei_all.rng
    rejects is rejected by the XSD as well, with a message that names the element and its
    path; libxml2's RELAX NG messages for the same fault tend to point at an ancestor
    ("expected element div1 here, found div") and would read as a second, different fault.
    When the XSD accepts a document that tei_all.rng rejects, the project schema has a bug,
    and the conformance errors are all shown.
    """
    found = list(findings)
    schema_rejected = any(f.layer == LAYER_SCHEMA and f.diagnostic.severity is Severity.ERROR
                          for f in found)
    kept: list[Finding] = []
    for finding in found:
        if schema_rejected and finding.layer == LAYER_TEI and \
                finding.diagnostic.code == "tei.invalid":
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


def with_columns(findings: Iterable[Finding], source: bytes) -> list[Finding]:
    """Findings whose column is unknown (0) get the column of their element's start tag on
    their line (of the attribute, when one is named), found in the source text.

    The first start tag of that name on the line is taken; when a line holds several, the
    column may point at a sibling of the same name, never at another line.
    """
    lines = source.splitlines()
    placed = []
    for finding in findings:
        d = finding.diagnostic
        if d.column == 0 and finding.element and 1 <= d.line <= len(lines):
            column = _column(lines[d.line - 1].decode("utf-8", "replace"), finding.element,
                             finding.attribute)
            if column:
                finding = replace(finding, diagnostic=replace(d, column=column))
        placed.append(finding)
    return placed


def _column(text: str, element: str, attribute: str | None) -> int:
    tag = re.search(r"<(?:[\w.-]+:)?" + re.escape(element) + r"(?=[\s/>]|$)", text)
    if tag is None:
        return 0
    if attribute:
        named = re.compile(r"\s(" + re.escape(attribute) + r")\s*=")
        found = named.search(text, tag.end())
        if found:
            return found.start(1) + 1
    return tag.start() + 1
