"""Speaker labels of parliamentary web pages copied as plain text, where the page's chrome
stands between the label and the speech.

Owns three layouts, each recognised by the site's fixed chrome words, never by one file's
names:

- OpenAustralia / TheyWorkForYou: ``Photo of Ann RoeAnn Roe (Eastfield, Labor Party,
  Minister for Ports) Share this | | Hansard source`` alone in its paragraph, the speech in
  the next one. The image's alternative text is the member's name glued to the name again,
  the line ends in the page's link words ("Share this", "Hansard source"). A member shown
  without a photo (``Ann Roe (Eastfield, Labor Party) Share this | | Hansard source``) is a
  label when the link words name the Hansard source.
- The Oireachtas (Dáil) debates archive: ``Deputy Ann Roe: Information on Ann Roe Zoom on Ann
  Roe The speech ...``: the two link texts repeat one name after the colon; that name is the
  person, also under an office (``An Ceann Comhairle: Information on Ann Roe ...``).
- openparliament.ca: a block of paragraphs before every intervention: the debate's
  breadcrumb, a clock time (``11:50 a.m.``), the party (``Liberal``), then the label line
  ``Ann Roe Liberal Eastfield—North, ON`` (the name, the party again, the riding). The
  shape must occur twice at least; the clock, party and breadcrumb paragraphs are the
  page's chrome (``chrome_lines``), never speech.

The chrome stays verbatim in ``speaker`` (TEI P5 §7.2.2: the label as written); the person is
resolved from the name alone (``WebLabel.name``). It judges lines; it must not walk the
body (body.py) nor resolve persons (speakers.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from tei_edition.convert.labels import LabelMatch, label_core, label_key
from tei_edition.convert.webcopy import is_link_line


@dataclass(frozen=True)
class WebLabel(LabelMatch):
    """A label with the web page's chrome in it; ``name`` is the label without the chrome."""

    name: str = ""


_PHOTO = re.compile(r"Photo of (?P<caption>[A-Z][^()|]{1,60}?) ?(?P=caption)(?=[ (]|$)")
# A member without a photo: the name, then the parentheses and the link words as above.
_MEMBER = re.compile(r"(?P<caption>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,5})(?=[ (])")
_ZOOM = re.compile(r"(?P<label>[A-Z][^:]{1,80}): Information on (?P<name>[^:]{2,60}?) Zoom on "
                   r"(?P=name)(?: (?P<rest>\S.*))?")
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?: ?[ap]\.m\.)?", re.I)
_PARTY = re.compile(r"[A-Z][\w'’\-.]*(?: [A-Z][\w'’\-.]*){0,3}")


def _closing_paren(text: str, start: int) -> int:
    """The index after the parenthesis opened at ``start`` (nested ones included), or -1."""
    depth = 0
    for index in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        if depth == 0:
            return index + 1
    return -1


def _alone(label: str, name: str) -> WebLabel:
    _, uncertain = label_core(name)
    return WebLabel("webpage", label, "sep-none", "", alone=True, rest="",
                    rest_offset=len(label), key=label_key(name), uncertain=uncertain, name=name)


def match_photo_line(text: str) -> WebLabel | None:
    """"Photo of Ann RoeAnn Roe (Eastfield, Labor Party) Share this | | Hansard source"; a
    member without a photo when the link words name the Hansard source."""
    found = _PHOTO.match(text)
    if not found:
        found = _MEMBER.match(text)
        if not found or "hansard source" not in text.lower():
            return None
    end = found.end()
    if text.startswith(" (", end):
        end = _closing_paren(text, end + 1)
        if end < 0:
            return None
    if not is_link_line(text[end:].replace("|", " - ")):  # "Share this | | Hansard source"
        return None
    return _alone(text, found["caption"])


def match_zoom_label(text: str) -> WebLabel | None:
    """"Deputy Ann Roe: Information on Ann Roe Zoom on Ann Roe The speech ..." (Dáil); the
    person is the name of the links, also under an office ("An Ceann Comhairle: ...")."""
    found = _ZOOM.fullmatch(text)
    if not found:
        return None
    name = found["name"]  # the person the links name ("An Ceann Comhairle: ... on Ann Roe")
    if not found["rest"]:
        return _alone(text, name)
    _, uncertain = label_core(name)
    label = text[: found.start("rest") - 1]
    return WebLabel("webpage", label, "sep-space", "", alone=False, rest=found["rest"],
                    rest_offset=found.start("rest"), key=label_key(name), uncertain=uncertain,
                    name=name)


@dataclass(frozen=True)
class WebLayout:
    """The web-page labels of a body (line index -> label) and its chrome lines."""

    labels: dict[int, WebLabel]
    chrome: frozenset[int]


def _single(texts: Sequence[str], tight: Sequence[bool], index: int) -> bool:
    """The line at ``index`` is a paragraph of its own."""
    return 0 <= index < len(texts) and not tight[index] and (
        index + 1 == len(texts) or not tight[index + 1])


def _party_label(texts: Sequence[str], tight: Sequence[bool], index: int) -> WebLabel | None:
    """"Ann Roe Liberal Eastfield—North, ON" under the lines "11:50 a.m." and "Liberal"
    (paragraphs of their own, or lines of one paragraph when the copy lost its empty lines),
    with the speech below it (openparliament.ca)."""
    if index < 2 or index + 1 >= len(texts):
        return None
    party, text = texts[index - 1], texts[index]
    if not _CLOCK.fullmatch(texts[index - 2]) or not _PARTY.fullmatch(party):
        return None
    found = re.search(rf"(?<=\S) {re.escape(party)}(?: |$)", text)
    name = text[: found.start()] if found else ""
    if not found or len(name.split()) < 2 or not name[0].isupper() or len(text) > 160:
        return None
    return _alone(text, name)


def web_layout(texts: Sequence[str], tight: Sequence[bool], start: int) -> WebLayout:
    """The labels of the three web layouts in ``texts[start:]`` (docstring of the module)."""
    labels: dict[int, WebLabel] = {}
    for index in range(start, len(texts)):
        found = match_zoom_label(texts[index]) or (
            match_photo_line(texts[index]) if _single(texts, tight, index) else None)
        if found and (not found.alone or index + 1 < len(texts)):
            labels[index] = found
    party = {index: found for index in range(start, len(texts))
             if (found := _party_label(texts, tight, index))}
    if len(party) < 2:
        return WebLayout(labels, frozenset())
    chrome = {k for index in party for k in (index - 1, index - 2)}
    # the debate's breadcrumb above the clock: the same paragraph before every intervention
    above = Counter(texts[index - 3] for index in party if index >= 3)
    chrome |= {index - 3 for index in party if index >= 3 and above[texts[index - 3]] >= 2}
    return WebLayout({**labels, **party}, frozenset(k for k in chrome if k >= start))
