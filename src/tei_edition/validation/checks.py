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
import re
from collections.abc import Callable, Iterator

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


def _elements(tree: etree._ElementTree) -> Iterator[etree._Element]:
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    return (node for node in root.iter() if isinstance(node.tag, str))


def _finding(path: str, node: etree._Element, attribute: str | None, code: str, message: str,
             hint: str | None) -> Finding:
    diagnostic = Diagnostic(path, node.sourceline or 0, 0, Severity.ERROR, code, message, hint)
    return Finding(diagnostic, etree.QName(node).localname, attribute, LAYER_CHECKS)


def check_pointer_lists(tree: etree._ElementTree, path: str) -> list[Finding]:
    ids = {node.get(XML_ID) for node in _elements(tree) if node.get(XML_ID)}
    findings = []
    for node in _elements(tree):
        for attribute in POINTER_ATTRIBUTES + OTHER_POINTER_ATTRIBUTES:
            tokens = (node.get(attribute) or "").split()
            if len(tokens) < 2 and attribute in POINTER_ATTRIBUTES:
                continue
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
    findings = []
    for node in _elements(tree):
        if etree.QName(node).localname in NOT_DATES:
            continue
        for attribute in DATE_ATTRIBUTES:
            value = node.get(attribute)
            problem = calendar_problem(value.strip()) if value else None
            if problem:
                findings.append(_finding(
                    path, node, attribute, "checks.date-invalid",
                    f'@{attribute}="{value}" on {etree.QName(node).localname} is not a real '
                    f"date: {problem}", "check the day and month against the source"))
    return findings


def check_duplicate_ids(tree: etree._ElementTree, path: str) -> list[Finding]:
    first_line: dict[str, int] = {}
    findings = []
    for node in _elements(tree):
        value = node.get(XML_ID)
        if value is None:
            continue
        if value in first_line:
            findings.append(_finding(
                path, node, "xml:id", "checks.duplicate-id",
                f'@xml:id="{value}" on {etree.QName(node).localname} is already used',
                f"first used at line {first_line[value]}; identifiers must be unique"))
        else:
            first_line[value] = node.sourceline or 0
    return findings


CHECKS: tuple[Callable[[etree._ElementTree, str], list[Finding]], ...] = (
    check_pointer_lists, check_calendar_dates, check_duplicate_ids)


def run_checks(tree: etree._ElementTree, path: str) -> list[Finding]:
    return [finding for check in CHECKS for finding in check(tree, path)]
