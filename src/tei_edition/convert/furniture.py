"""Page furniture and record-header keys shaped like speaker labels, that are no turns.

Owns ``furniture_lines``: lines a label pattern matched (``label_at``) that the document
itself shows are not speech:

- a run of "Key: value" paragraphs before the dialogue, one key each, short values, one of
  them a date or a date key ("House: National Assembly" / "Date of Meeting: 02 Mar 2017",
  "Time: 21 January 1958" / "Location: ..." / "Accompanying Attendees: Li Chen"), and after
  such a header a lone key naming a thing before the dialogue ("Watch: Plenary");
- a title-page key above the line that opens the proceedings ("SENIOR ADVOCATE:", "CASE NO.:
  ICTR-00-56-T" above "P R O C E E D I N G S"), when no key above it is used twice;
- the same short "Key: value" line printed twice before the dialogue (a web page repeating
  its title "Abstract of Conversation: Vice-Minister Zhang Receives ...");
- a running page head repeated in the flow: a page number line "PAGE: 2", and a label-shaped
  line that is word for word a heading of the front matter ("UNREVISED HANSARD").

It must not find labels itself (parser.py hands it ``label_at``) nor read front matter kinds
(front.py); frontkeys.py owns the naming and masthead keys. A dialogue's labels recur and say
sentences, so they are never taken (TEI P5 §7.2.2: an sp is speech; furniture stays text).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tei_edition.convert.dates import find_date
from tei_edition.convert.lexer import SourceLine

_KEY_VALUE = re.compile(r"(?P<key>[A-Z][\w/&'’.\-]*(?: [\w/&'’.\-]+){0,3})\s*:\s*(?P<value>\S.*)?")
_DATE_KEYS = ("date", "time", "day", "when")
# "P R O C E E D I N G S", "PROCEEDINGS", "PROCEEDINGS OF THE NATIONAL ASSEMBLY": where a
# court or parliamentary transcript's own record begins, under its title page.
_PROCEEDINGS = re.compile(r"P ?R ?O ?C ?E ?E ?D ?I ?N ?G ?S(?: OF THE [A-Z ]{2,60})?")
_PAGE_NUMBER = re.compile(r"(?:PAGE|Page)\s*:\s*\d{1,4}")


def _short(value: str) -> bool:
    """A value, not a sentence: at most ten words, no sentence end."""
    return len(value.split()) <= 10 and not value.rstrip().endswith((".", "?", "!", ";"))


def _name_like(value: str) -> bool:
    """"Plenary", "National Assembly": one to three capitalised words, nothing else."""
    words = value.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words)


def _paragraphs(lines: list[SourceLine], start: int) -> list[tuple[int, int]]:
    spans, index = [], start
    while index < len(lines):
        stop = index + 1
        while stop < len(lines) and lines[stop].tight:
            stop += 1
        spans.append((index, stop))
        index = stop
    return spans


def _key_runs(lines: list[SourceLine], start: int, label_at: Callable[[int], object | None],
              counts: dict[str, int]) -> set[int]:
    """Labelled lines of the "Key: value" runs before the dialogue (see the module doc)."""
    chosen: set[int] = set()
    run: list[tuple[int, str, str]] = []

    def close() -> None:
        keys = [key for _, key, _ in run]
        dated = any(key.split()[0] in _DATE_KEYS or find_date(value) for _, key, value in run)
        if (len(run) >= 2 and len(set(keys)) == len(keys) and dated) or (chosen and run and all(
                _name_like(value) for _, _, value in run)):
            # once the page's dated header is found, a later lone key naming a thing
            # ("Watch: Plenary") before the dialogue belongs to it
            chosen.update(k for k, _, _ in run if label_at(k) is not None)
        run.clear()

    for index, stop in _paragraphs(lines, start):
        found = _KEY_VALUE.fullmatch(lines[index].text)
        label = label_at(index)
        key = getattr(label, "key", None)
        if stop == index + 1 and found and found["value"] and _short(found["value"]) and (
                key is None or counts.get(key, 0) == 1):
            run.append((index, found["key"].lower(), found["value"]))
            continue
        close()
        if label is not None and not _short(getattr(label, "rest", "") or ""):
            break  # the dialogue has begun: a label with a sentence after it
    close()
    return chosen


def _before_proceedings(lines: list[SourceLine], start: int,
                        label_at: Callable[[int], object | None],
                        counts: dict[str, int]) -> set[int]:
    """Title-page keys above "P R O C E E D I N G S" (none of them used twice)."""
    marker = next((k for k in range(start, len(lines))
                   if _PROCEEDINGS.fullmatch(lines[k].text.strip())), None)
    if marker is None:
        return set()
    above = [k for k in range(start, marker) if label_at(k) is not None]
    below = [k for k in range(marker + 1, len(lines)) if label_at(k) is not None]
    if not above or not below or any(
            counts.get(getattr(label_at(k), "key", ""), 0) > 1 for k in above):
        return set()
    return set(above)


def _repeated_heads(lines: list[SourceLine], start: int,
                    label_at: Callable[[int], object | None]) -> set[int]:
    """"PAGE: 2" lines; a label line with nothing after it that, with the line below it,
    repeats word for word two lines printed earlier as no label (a running page head:
    "UNREVISED HANSARD" / "NATIONAL ASSEMBLY CHAMBER"); a short "Key: value" line printed
    twice before any turn with a sentence (a web page's title again)."""
    chosen: set[int] = set()
    texts = [" ".join(line.text.split()) for line in lines]
    plain: set[str] = set()  # lines seen so far that are no label
    seen: dict[str, int] = {}
    dialogue = False
    for index in range(len(lines)):
        label = label_at(index) if index >= start else None
        if label is None:
            plain.add(texts[index])
            continue
        text, rest = texts[index], getattr(label, "rest", "") or ""
        below = index + 1 < len(lines) and lines[index + 1].tight and texts[index + 1] in plain
        if _PAGE_NUMBER.fullmatch(text) or (not rest and text in plain and below):
            chosen.add(index)
            continue
        found = _KEY_VALUE.fullmatch(text)
        if not dialogue and found and found["value"] and _short(found["value"]) and len(
                found["value"].split()) >= 3:
            if text in seen:
                chosen.update((seen[text], index))
            seen[text] = index
        dialogue = dialogue or not _short(rest)
    return chosen


def furniture_lines(lines: list[SourceLine], start: int,
                    label_at: Callable[[int], object | None]) -> frozenset[int]:
    """Lines from ``start`` whose label is page furniture or a record-header key."""
    counts: dict[str, int] = {}
    for index in range(start, len(lines)):
        key = getattr(label_at(index), "key", None)
        if key is not None:
            counts[key] = counts.get(key, 0) + 1
    return frozenset(_key_runs(lines, start, label_at, counts)
                     | _before_proceedings(lines, start, label_at, counts)
                     | _repeated_heads(lines, start, label_at))
