"""Closers of the back matter: "Recorded by ..." / "Drafted by: ..." lines after the last
turn, and the signature block at the very end (a short role line and a name, a telegram's
"KOHLER").

Owns where the closer begins and ends (``closer_start``) and the closer and signature line
patterns. It must not read the closer's parts (parts.py) nor decide about turns or the front
matter (front.py, labels.py).
"""

from __future__ import annotations

import re

from tei_edition.convert.dates import MONTHS as MONTH_NAMES
from tei_edition.convert.dates import find_date
from tei_edition.convert.lexer import SourceLine

CLOSER = re.compile(r"(?P<role>(?:Recorded|Drafted|Prepared|Written|Compiled|Transcribed|Typed|"
                    r"Noted|Taken down|Minutes taken|Translated|Approved|Cleared|Interpreted|"
                    r"Record made|Notes taken)(?: by)?)\s*:?\s+(?P<name>\S.{0,80})")
SURNAME_SIGNATURE = re.compile(r"[A-Z][A-Z'’\-]{2,}")
NAME = re.compile(r"(?:/s/\s*)?(?:(?:[A-Z]\.\s?){1,3}\s?[A-Z][\w'’\-]+|[A-Z][a-z]+(?: [A-Z]\.)?"
                  r" [A-Z][\w'’\-]+)")

def closer_start(lines: list[SourceLine], start: int, last_turn: int) -> tuple[int, int]:
    """(first closer line, first line after the closer) or (len, len) when there is none.

    A closer is a "Recorded by ..." line after the last turn, with the closer-like lines
    directly below it; or, at the very end, a signature block: a short role line and a name.
    """
    end = len(lines)
    first_candidate = max(start, last_turn + 1)
    for index in range(first_candidate, end):
        if _is_signer_line(lines[index].text) and _near_end(lines, index) and not (
                _in_first_paragraph(lines, index)):
            stop = index + 1
            while stop < end and lines[stop].tight and (
                    CLOSER.fullmatch(lines[stop].text) or NAME.fullmatch(lines[stop].text)):
                stop += 1
            return index, stop
    block_start = end - 1
    while block_start > first_candidate and lines[block_start].tight:
        block_start -= 1
    block = lines[block_start:end]
    if block_start >= first_candidate and len(block) == 1 and SURNAME_SIGNATURE.fullmatch(
            block[0].text) and block_start > first_candidate:
        return block_start, end  # a telegram's signature: "KOHLER"
    if block_start >= first_candidate and 1 <= len(block) <= 3 and NAME.fullmatch(block[-1].text):
        roles_ok = all(len(b.text.split()) <= 8 and not b.text.endswith((".", ":", "?"))
                       and b.text[:1].isupper() for b in block[:-1])
        if roles_ok and (len(block) > 1 or "." in block[-1].text):
            return block_start, end
    return end, end


def _is_signer_line(text: str) -> bool:
    """"Recorded by V. Kovyzhenko", "Drafted by: J. Ames": a closer line naming who wrote the
    record. "Recorded: March 3, 2010" (also "Date recorded:", "Interview date:") dates the
    recording on a title page; a date is no signer (QA R1: taking it for one moved the
    whole interview below it into the back matter)."""
    found = CLOSER.fullmatch(text)
    if not found:
        return False
    name = found.group("name")
    return not (find_date(name) or re.match(r"\d|(?:" + "|".join(MONTH_NAMES) + r")\b", name,
                                             re.I))


def _in_first_paragraph(lines: list[SourceLine], index: int) -> bool:
    """True when no empty line separates line ``index`` from the document's first line and
    other paragraphs follow: the title page. A closer closes the record; a key line on the
    title page ("Recorded by the Oral History Office") sits above the text and never makes
    the text below it back matter (QA R1). A text without empty lines (a browser copy) is
    one paragraph: its closer at the end stays a closer."""
    return all(line.tight for line in lines[1:index + 1]) and not all(
        line.tight for line in lines[index + 1:])


def _near_end(lines: list[SourceLine], index: int) -> bool:
    """Only the last few blocks can hold a closer (a "Drafted by" mid-text is speech)."""
    blocks_after = sum(1 for line in lines[index + 1:] if not line.tight)
    return blocks_after <= 2

