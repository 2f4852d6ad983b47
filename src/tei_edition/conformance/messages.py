"""Turn libxml2's RELAX NG error log into diagnostics people can act on.

This module owns the rewording of libxml2 messages (keeping every element and attribute
name), the recovery of a column (libxml2 gives only a line) and the de-duplication of the
cascades libxml2 writes for one mistake. It must not validate anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tei_edition.diagnostics import Diagnostic, Severity

MAX_ERRORS_PER_FILE = 100
_LOOKAHEAD_LINES = 4

# (libxml2 pattern, plain sentence, name of the group whose element the line points at)
_REWORDINGS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"Did not expect element (?P<el>\S+) there"),
     "element <{el}> is not allowed here by TEI P5", "el"),
    (re.compile(r"Expecting element (?P<want>\S+), got (?P<el>\S+)"),
     "expected element <{want}> here, found <{el}>", "el"),
    (re.compile(r"Expecting an element (?P<want>\S+), got nothing"),
     "required element <{want}> is missing here", ""),
    (re.compile(r"Expecting an element , got nothing"),
     "a required element is missing here", ""),
    # libxml2 names the first child it could not fit; "text" may be a text node or <text>.
    (re.compile(r"Element (?P<el>\S+) has extra content: (?P<extra>\S+)"),
     "the content of <{el}> does not fit TEI P5 from its child '{extra}' on (that child is "
     "not allowed there, or something inside it is wrong)", "el"),
    (re.compile(r"Element (?P<el>\S+) failed to validate content"),
     "the content of <{el}> does not match its TEI content model", "el"),
    (re.compile(r"Element (?P<el>\S+) failed to validate attributes"),
     "the attributes of <{el}> are not valid", "el"),
    (re.compile(r"Invalid attribute (?P<att>\S+) for element (?P<el>\S+)"),
     "attribute @{att} is not allowed on <{el}>, or its value is not valid there", "el"),
    (re.compile(r"Element (?P<el>\S+) failed to validate"),
     "<{el}> is not valid here", "el"),
    (re.compile(r"Type (?P<type>\S+) doesn't allow value '(?P<value>.*)'"),
     "the value '{value}' is not a valid {type}", ""),
    (re.compile(r"Error validating datatype (?P<type>\S+)"),
     "a value is not a valid {type}", ""),
    (re.compile(r"Error validating value ?(?P<value>.*)"),
     "a value is not one of those TEI allows here", ""),
    (re.compile(r"Expecting no namespace for element (?P<el>\S+)"),
     "element <{el}> must be in no namespace", "el"),
    (re.compile(r"Expecting a namespace for element (?P<el>\S+)"),
     "element <{el}> must be in the TEI namespace http://www.tei-c.org/ns/1.0", "el"),
    (re.compile(r"Element (?P<el>\S+) has wrong namespace: expecting (?P<ns>\S+)"),
     "element <{el}> is in the wrong namespace; expected {ns}", "el"),
]


def reword(message: str) -> tuple[str, str]:
    """(plain sentence, element name to find on the line or "") for a libxml2 message."""
    text = message.strip()
    for pattern, sentence, group in _REWORDINGS:
        match = pattern.fullmatch(text)
        if match:
            names = match.groupdict()
            return sentence.format(**names), (names.get(group, "") if group else "")
    return text, ""


def position_of(lines: list[bytes] | None, line: int, element: str) -> tuple[int, int]:
    """(line, column) of the start tag ``<element`` (any prefix) on ``line`` or the few lines
    after it (libxml2 sometimes gives the parent's line for a child's error); else
    (line, 1)."""
    if not lines or not element or not 1 <= line <= len(lines):
        return line, 1
    tag = re.compile(rb"<(?:[\w.-]+:)?" + re.escape(element.encode("utf-8")) + rb"[\s/>]")
    for number in range(line, min(line + _LOOKAHEAD_LINES, len(lines)) + 1):
        found = tag.search(lines[number - 1])
        if found is not None:
            return number, len(lines[number - 1][: found.start()].decode("utf-8", "replace")) + 1
    return line, 1


def diagnostics_for(path: str, errors: Iterable[tuple[int, str]],
                    source: bytes | None) -> list[Diagnostic]:
    """One tei.invalid diagnostic per distinct (line, message), in line order, capped."""
    lines = source.splitlines() if source is not None else None
    seen: set[tuple[int, str]] = set()
    found: list[Diagnostic] = []
    for line, message in sorted(errors, key=lambda error: error[0]):
        sentence, element = reword(message)
        if (line, sentence) in seen:
            continue
        seen.add((line, sentence))
        at_line, at_column = position_of(lines, line, element)
        found.append(Diagnostic(path, max(at_line, 1), at_column, Severity.ERROR, "tei.invalid",
                                sentence))
    found.sort()  # Diagnostic orders by path, line, column
    if len(found) > MAX_ERRORS_PER_FILE:
        rest = len(found) - MAX_ERRORS_PER_FILE
        found = found[:MAX_ERRORS_PER_FILE] + [Diagnostic(
            path, found[MAX_ERRORS_PER_FILE].line, 1, Severity.ERROR, "tei.invalid",
            f"{rest} more TEI conformance errors not shown")]
    return found
