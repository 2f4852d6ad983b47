"""Dates written in titles and datelines, and their ISO 8601 value when it is unambiguous.

Owns the recognised date shapes ("16 September 1956", "March 2, 1954", "1956-09-16",
"16.09.1956"). A numeric day.month.year whose day and month could be swapped gets no ISO
value. It must not guess a century or a year that is not written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? )?"
_PATTERNS = (
    re.compile(_WEEKDAY + r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)? " + _MONTH + r",? (?P<year>\d{4})",
               re.I),
    re.compile(_WEEKDAY + _MONTH + r" (?P<day>[0-3]?\d)(?:st|nd|rd|th)?, (?P<year>\d{4})", re.I),
    re.compile(r"(?P<year>\d{4})-(?P<nmonth>[01]\d)-(?P<day>[0-3]\d)"),
    re.compile(r"(?P<day>[0-3]?\d)\.(?P<nmonth>[01]?\d)\.(?P<year>\d{4})"),
)
_MONTH_YEAR = re.compile(_MONTH + r" (?P<year>\d{4})", re.I)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    when: str | None


def _iso(year: str, month: int, day: int) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{int(year):04d}-{month:02d}-{day:02d}"


def find_date(text: str) -> FoundDate | None:
    """The first full date in ``text`` (with its ISO value when unambiguous), else None."""
    found: list[FoundDate] = []
    for index, pattern in enumerate(_PATTERNS):
        for match in pattern.finditer(text):
            if not _word_bounded(text, match.start(), match.end()):
                continue
            day = int(match["day"])
            if index < 2:
                month = MONTHS[match["month"].lower()]
                when = _iso(match["year"], month, day)
            else:
                month = int(match["nmonth"])
                when = _iso(match["year"], month, day)
                if index == 3 and day <= 12 and month <= 12 and day != month:
                    when = None  # 05.06.1956: day-month or month-day
            found.append(FoundDate(match.start(), match.end(), when))
            break
    if not found:
        for match in _MONTH_YEAR.finditer(text):
            if _word_bounded(text, match.start(), match.end()):
                month = MONTHS[match["month"].lower()]
                return FoundDate(match.start(), match.end(),
                                 f"{int(match['year']):04d}-{month:02d}")
        return None
    return min(found, key=lambda d: (d.start, -d.end))


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def is_date_only(text: str) -> bool:
    """True when the line is a date and nothing else (a dateline without "Date:")."""
    found = find_date(text)
    return bool(found) and found.start == 0 and text[found.end:].strip(" .") == ""
