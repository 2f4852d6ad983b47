"""The Python checks layer: what XPath 1.0 in the Schematron does badly, with ``checks.*`` codes.

- ``checks.pointer-unresolved``: a pointer list with several tokens (``who="#a #b"``) whose
  local token names no xml:id (single-token pointers are the rules' job), and any `#` pointer
  in ``@rendition``, ``@hand``, ``@source`` or ``@facs``, which the rules do not look at;
- ``checks.date-invalid``: a date of the right ISO 8601 shape that names no calendar day or
  time (``1956-02-30``, ``T25:00``); wrong shapes are ``rules.date-format``;
- ``checks.duplicate-id``: an xml:id used twice (for trees built in memory; a file with
  duplicate ids already fails to parse in xmlio).
Each check is a small pure function over the tree. This module must not run the XSD, the
Schematron or tei_all.rng.
"""

from __future__ import annotations

import datetime
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from tei_edition.diagnostics import Diagnostic, Severity
from tei_edition.validation.findings import LAYER_CHECKS, Finding

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
POINTER_ATTRIBUTES = ("who", "ref", "resp", "corresp", "target", "scheme")
# Pointers the rules do not cover at all: every `#` token of these is checked here.
OTHER_POINTER_ATTRIBUTES = ("rendition", "hand", "source", "facs")
DATE_ATTRIBUTES = ("when", "notBefore", "notAfter", "from", "to")
# biblScope's @from/@to are page numbers; time/@when is a time of day (XSD-checked).
NOT_DATES = ("biblScope", "time")

# The shape rules.date-format accepts (kept in step with schema/tei-edition.sch).
ISO_DATE = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:T(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?:Z|[+-](?P<tzh>\d{2}):(?P<tzm>\d{2}))?)?)?)?$")


@dataclass
class _Scan:
    """What the checks need from one walk over the elements, in document order."""

    first_line: dict[str, int] = field(default_factory=dict)  # xml:id -> line of first use
    duplicates: list[tuple[etree._Element, str]] = field(default_factory=list)
    # (element, attribute, tokens) of the pointers the checks own: lists of several tokens,
    # and every value of OTHER_POINTER_ATTRIBUTES; elements in document order, attributes
    # of one element in the order of POINTER_ATTRIBUTES + OTHER_POINTER_ATTRIBUTES.
    pointers: list[tuple[etree._Element, str, list[str]]] = field(default_factory=list)
    # (element, attribute, value) of date attributes, attributes in DATE_ATTRIBUTES order.
    dates: list[tuple[etree._Element, str, str]] = field(default_factory=list)


# Attribute name -> its rank in the attribute order findings of one element are reported in.
_POINTER_RANK = {name: rank for rank, name in
                 enumerate(POINTER_ATTRIBUTES + OTHER_POINTER_ATTRIBUTES)}
_SINGLE_TOKEN_IS_THE_RULES = len(POINTER_ATTRIBUTES)  # ranks below this: rules.*-unresolved
_DATE_RANK = {name: rank for rank, name in enumerate(DATE_ATTRIBUTES)}


def _scan(tree: etree._ElementTree) -> _Scan:
    """One pass over the elements, reading only the attributes present: ids, pointers, dates.

    The checks used to walk the tree once each and ask every element for ten attributes;
    on a 1 MB edition that took 0.25 s, this pass under 0.02 s (docs/validation.md, Speed).
    """
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    scan = _Scan()
    first_line = scan.first_line
    pointers: list[tuple[int, int, etree._Element, str, list[str]]] = []
    dates: list[tuple[int, int, etree._Element, str, str]] = []
    for index, node in enumerate(root.iter(etree.Element)):
        for name, value in node.items():
            rank = _POINTER_RANK.get(name)
            if rank is not None:
                tokens = value.split()
                if len(tokens) > 1 or rank >= _SINGLE_TOKEN_IS_THE_RULES:
                    pointers.append((index, rank, node, name, tokens))
            elif name == XML_ID:
                if value in first_line:
                    scan.duplicates.append((node, value))
                else:
                    first_line[value] = node.sourceline or 0
            elif name in _DATE_RANK:
                dates.append((index, _DATE_RANK[name], node, name, value))
    # Attributes come in document order; the findings of one element follow the fixed order.
    pointers.sort(key=_position)
    dates.sort(key=_position)
    scan.pointers = [(node, name, tokens) for _, _, node, name, tokens in pointers]
    scan.dates = [(node, name, value) for _, _, node, name, value in dates]
    return scan


_position = operator.itemgetter(0, 1)


def _finding(path: str, node: etree._Element, attribute: str | None, code: str, message: str,
             hint: str | None) -> Finding:
    diagnostic = Diagnostic(path, node.sourceline or 0, 0, Severity.ERROR, code, message, hint)
    return Finding(diagnostic, etree.QName(node).localname, attribute, LAYER_CHECKS)


def check_pointer_lists(tree: etree._ElementTree, path: str) -> list[Finding]:
    return _pointer_findings(_scan(tree), path)


def _pointer_findings(scan: _Scan, path: str) -> list[Finding]:
    ids = {value for value in scan.first_line if value}  # an empty xml:id names nothing
    findings = []
    for node, attribute, tokens in scan.pointers:
        dangling = [t for t in tokens if t.startswith("#") and t[1:] not in ids]
        if dangling:
            findings.append(_finding(
                path, node, attribute, "checks.pointer-unresolved",
                f'@{attribute}="{" ".join(tokens)}" on {etree.QName(node).localname}: '
                f'{", ".join(dangling)} points to no xml:id in this document',
                "declare each person/party pointed to, or correct the pointer"))
    return findings


def calendar_problem(value: str) -> str | None:
    """Why an ISO-shaped date names no real day or time; None when it is fine or not ISO."""
    match = ISO_DATE.match(value)
    if not match:
        return None
    year, month, day = (int(match[g]) if match[g] else None for g in ("year", "month", "day"))
    try:
        if month is not None:
            datetime.date(year or 1, month, day or 1)
        if match["hour"] is not None:
            datetime.time(int(match["hour"]), int(match["minute"]), int(match["second"] or 0))
        if match["tzh"] is not None and (int(match["tzh"]) > 14 or int(match["tzm"]) > 59):
            return "time zone offset out of range"
    except ValueError as error:
        return str(error)
    return None


def check_calendar_dates(tree: etree._ElementTree, path: str) -> list[Finding]:
    return _date_findings(_scan(tree), path)


def _date_findings(scan: _Scan, path: str) -> list[Finding]:
    findings = []
    for node, attribute, value in scan.dates:
        name = etree.QName(node).localname
        problem = calendar_problem(value.strip()) if value and name not in NOT_DATES else None
        if problem:
            findings.append(_finding(
                path, node, attribute, "checks.date-invalid",
                f'@{attribute}="{value}" on {name} is not a real date: {problem}',
                "check the day and month against the source"))
    return findings


def check_duplicate_ids(tree: etree._ElementTree, path: str) -> list[Finding]:
    return _duplicate_findings(_scan(tree), path)


def _duplicate_findings(scan: _Scan, path: str) -> list[Finding]:
    return [_finding(path, node, "xml:id", "checks.duplicate-id",
                     f'@xml:id="{value}" on {etree.QName(node).localname} is already used',
                     f"first used at line {scan.first_line[value]}; identifiers must be unique")
            for node, value in scan.duplicates]


CHECKS: tuple[Callable[[etree._ElementTree, str], list[Finding]], ...] = (
    check_pointer_lists, check_calendar_dates, check_duplicate_ids)


def run_checks(tree: etree._ElementTree, path: str) -> list[Finding]:
    """Every check's findings (pointer lists, then dates, then duplicate ids), from one walk."""
    scan = _scan(tree)
    return (_pointer_findings(scan, path) + _date_findings(scan, path)
            + _duplicate_findings(scan, path))
