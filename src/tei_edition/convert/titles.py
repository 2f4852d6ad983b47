"""Whether a block at the top of a transcript is its title or subtitle: a short heading, a
dated line, or a title written like a label ("COURT NOTES: Odd moments").

Owns the title tests (``title_like``, ``colon_title``) and the words that open a record's
title. It must not walk the front matter (front.py) nor judge participants, closers or turns.
"""

from __future__ import annotations

import re

from tei_edition.convert.dates import find_date, is_date_only
from tei_edition.convert.frontkinds import NUMERIC_DATE
from tei_edition.convert.labels import HONORIFICS
from tei_edition.convert.lexer import SourceLine

TITLE_WORDS = re.compile(r"(?:Record|Memorandum|Minutes|Transcript|Conversation|Stenogram|"
                          r"Stenographic|Interview|Hearing|Notes|Report|Meeting|Summary|Telegram|"
                          r"Letter|From the diary|Verbatim|Protocol|Excerpt|The conversation)\b",
                          re.I)


def title_like(block: list[SourceLine], strict: bool = False) -> bool:
    """A title: short, one sentence or dated; ``strict`` (a second heading) wants capitals
    or a date, so that the first paragraph of a memorandum is not taken for a heading."""
    text = " ".join(line.text for line in block)
    if strict:
        if _prose(text):
            return False  # "The conversation took place on 12 March 1958 and lasted ..."
        return len(text.split()) <= 25 and not text.endswith(":") and (
            bool(find_date(text)) or (len(block) == 1 and text.isupper()))
    words = text.split()
    if len(block) > 3 or not words or len(words) > 40 or text.endswith((":", "?", ";", ",")):
        return False
    if find_date(text) or TITLE_WORDS.match(text):
        return True
    return _sentences(text) <= 1 and (text.isupper() or not text.endswith("."))


def _prose(text: str) -> bool:
    """A sentence of running text: eight words or more, ending with a period, most of them
    in lower case (a heading capitalises its words or is all capitals)."""
    words = text.split()
    lower = sum(1 for word in words if word[:1].islower())
    return len(words) >= 8 and text.endswith(".") and lower * 2 > len(words)


def _sentences(text: str) -> int:
    """Sentence ends, not counting the period of an initial or an abbreviation ("Cde.")."""
    ends = 0
    for found in re.finditer(r"(\S+?)[.!?](?=\s|$)", text):
        word = found.group(1)
        if len(word) > 3 and word.lower() not in HONORIFICS:
            ends += 1
    return ends



_COLON_TITLE = re.compile(r"(?P<key>[^:]{2,60}):\s+(?P<rest>[A-Z]\S*(?: \S+){0,7})")


def colon_title(lines: list[SourceLine], index: int, dated: bool = False) -> bool:
    """"COURT NOTES: Odd moments", "THE LAST PAGE: Just for fun": a title written like a
    label, at the top, alone in its paragraph. It is no turn: the words after the colon are a
    short phrase (at most eight words, no sentence end) and the "label" never starts another
    line of the record, so no speaker is invented from it (TEI P5 §4.2.1: a head). A news
    page prints its date under such a headline ("Ana Ruiz: Admito que hay dudas" / "03/09/2015"):
    a dateline alone below it keeps it a title (front.py reads the dateline). ``dated`` (a
    second heading, under the page's own title) wants that dateline."""
    found = _COLON_TITLE.fullmatch(lines[index].text)
    if not found or len(found["key"].split()) > 6 or found["rest"].endswith(
            (".", "?", "!", "…", ",", ";", ":", '"', "”")):
        return False
    below = index + 1
    has_dateline = below < len(lines) and lines[below].tight and (
        is_date_only(lines[below].text) or bool(NUMERIC_DATE.fullmatch(lines[below].text))
    ) and not (below + 1 < len(lines) and lines[below + 1].tight)
    if (below < len(lines) and lines[below].tight and not has_dateline) or (
            dated and not has_dateline):
        return False
    key = found["key"] + ":"
    return not any(line.text.startswith(key) for k, line in enumerate(lines) if k != index)


def _title_words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


def repeats_title(block: list[SourceLine], titles: list[str]) -> bool:
    """A web page prints its title two or three times ("Material > Dokumente > Anna Berg:
    Notizen über die Sitzung am 3. Mai 1990", then "Anna Berg: Notizen über ..." again, also
    over two lines): a block whose words (at least four) are the end of the title's words is
    that title again, a head, never a turn of "Anna Berg" (QA4 B, TEI P5 §4.2.1)."""
    words = _title_words(" ".join(line.text for line in block))
    title = _title_words(" ".join(titles))
    return len(words) >= 4 and len(title) >= len(words) and title[-len(words):] == words
