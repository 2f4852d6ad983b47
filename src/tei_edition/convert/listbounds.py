"""Where a participants list in the front matter ends: bulleted, blank-line separated,
column-aligned and heading-less lists of persons, a short introduction before the list, and
the first line under the list that is no longer one of its entries.

Owns these boundary rules over line ranges (TEI P5 §3.8: a list's items are its entries). It
must not read the names themselves (participants.py), classify single lines (frontkinds.py)
nor walk the whole front matter (front.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tei_edition.convert.frontkinds import front_kind
from tei_edition.convert.labels import HONORIFICS
from tei_edition.convert.lexer import SourceLine
from tei_edition.convert.participants import HEADER, HEADING_ONLY, is_list_line

_BULLET = re.compile(r"[-•*–·]\s+(?=\S)")


def ends_list(listed: list[str], text: str, indented: bool = False) -> bool:
    """True when ``text``, written directly under the participants lines ``listed`` (no
    empty line between), is not one of them: a copy without empty lines (a browser paste of
    a FRUS memorandum) runs from the names straight into the record. The list ends at a
    line that breaks its bullets ("- Mr. Dale" / "I told the Ambassador ...") unless it is
    ``indented`` deeper than the line above (a wrapped entry's second line), or that is a
    sentence of running text ("Varga said he was glad to hear it."), so narrative is never
    encoded as participants (TEI P5 §3.8: a list's items are its entries)."""
    entries = listed[1:] if listed and (HEADING_ONLY.fullmatch(listed[0]) or HEADER.fullmatch(
        listed[0].strip())) else listed
    if entries and all(_BULLET.match(entry) for entry in entries) and not _BULLET.match(
            text) and not indented:
        return True
    bare = _BULLET.sub("", text, count=1)
    if is_list_line(bare):
        return False
    words = bare.split()
    lower = sum(1 for word in words if word[:1].islower())
    return len(words) > 16 or (len(words) >= 4 and bare.endswith(('.', '?', '!', '."', '.”'))
                               and lower * 2 > len(words))


def intro_before_participants(lines: list[SourceLine], start: int,
                               is_turn: Callable[[str], bool]) -> int:
    """The end of a short narrative paragraph ("The conversation took place in the Kremlin
    ...") that directly precedes the participants list ("Present: ..."), or ``start``.
    Records often say where and when before who: the list after it is still the list."""
    stop = start + 1
    while stop < len(lines) and lines[stop].tight:
        stop += 1
    block = lines[start:stop]
    text = " ".join(line.text for line in block)
    if stop >= len(lines) or len(block) > 6 or len(text.split()) > 120:
        return start
    if any(is_turn(line.text) or front_kind(line.text) for line in block):
        return start
    return stop if HEADER.match(lines[stop].text) else start


_DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,6}")


def list_block(lines: list[SourceLine], start: int, is_turn: Callable[[str], bool]) -> int:
    """The end of the name-list blocks from ``start`` (``start`` when the first block is not
    one): every line a participant line, none a turn unless it is a group with its names."""
    end = start
    while end < len(lines):
        stop = end + 1
        while stop < len(lines) and lines[stop].tight:
            stop += 1
        block = [line.text for line in lines[end:stop]]
        # "• U.S." / "• The Secretary": a bulleted name is a name (browser copy of FRUS), a
        # dotted acronym the delegation's heading
        bare = [_BULLET.sub("", text, count=1) for text in block]
        if not all((is_list_line(text) or _DOTTED_ACRONYM.fullmatch(text)) and (
                not is_turn(text) or ":" in text) for text in bare):
            break
        end = stop
    return end


def bulleted_persons(lines: list[SourceLine], start: int,
                      is_turn: Callable[[str], bool]) -> int:
    """The end of a bulleted block of persons under the title, without a heading (the current
    FRUS layout: "• Chou En-lai, Premier, State Council"), or ``start``. Every line of the
    block is a bullet, at least two, and each names a person by a title or with a role after
    a comma: "• Germany and Berlin" (a subject) or "- United States" alone are no such list.
    In a longer list (three such persons at least, three quarters of its entries) an entry
    naming nobody ("• Other Members of the Delegation") is an entry too. The list ends at the
    first line without a bullet ("[Page 1369]" directly under it)."""
    stop = start
    while stop < len(lines) and (stop == start or lines[stop].tight) and _BULLET.match(
            lines[stop].text):
        stop += 1
    block = [line.text for line in lines[start:stop]]
    if len(block) < 2:
        return start
    persons = 0
    for text in block:
        bare = _BULLET.sub("", text, count=1)
        first = bare.split()[0].lower().rstrip(".")
        if is_turn(bare) or not is_list_line(bare):
            return start
        persons += "," in bare or first in HONORIFICS
    if persons < len(block) and (persons < 3 or 4 * persons < 3 * len(block)):
        return start
    return stop


def aligned_list_block(lines: list[SourceLine], start: int, column: int,
                        is_turn: Callable[[str], bool]) -> int:
    """The end of the name blocks from ``start`` written at the indentation ``column`` of the
    participants list above them (a typed memorandum aligns the second delegation's names
    under the first's, after an empty line); ``start`` when there is none. An unindented
    list has no such evidence and ends at its empty line, as before."""
    if column <= 1:
        return start
    end = start
    while end < len(lines) and lines[end].column == column:
        stop = end + 1
        while stop < len(lines) and lines[stop].tight:
            stop += 1
        block = lines[end:stop]
        if not all(line.column == column and is_list_line(line.text) and not is_turn(line.text)
                   for line in block):
            break
        end = stop
    return end

