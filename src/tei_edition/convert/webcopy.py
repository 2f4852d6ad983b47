"""What a web page adds around a parliamentary record's speaker labels when it is copied as
plain text: the member's portrait caption before the label and the page's link line below it.

Owns two shapes of the Hansard web copies (parallelparliament.co.uk, TheyWorkForYou):

- ``Anna Reyes Portrait Anna Reyes (Northbridge) (Lab)``: the image's alternative text (the
  member's name and the word "Portrait") written before the label. It is a caption only
  when the label after it names the same person again (the caption's surname recurs) or
  starts with a form of address (``Lindsay Hoyle Portrait Mr Speaker``).
- ``- View Speech - Hansard - -``, ``- Hansard - - - Excerpts``, ``Share``, ``12:03 pm``: the
  page's links and clock time on the line below a label, made only of such link words and
  hyphens. They are no speech.

Both stay verbatim in the TEI (the caption in ``speaker`` with the label, the link line in
``speaker`` after an ``lb``: TEI P5 §7.2.2 keeps the label as written). It judges single
lines; it must not decide whether the document uses the Hansard layout (hansard.py) nor walk
the body (body.py).
"""

from __future__ import annotations

import re

_CAPTION = re.compile(r"(?P<name>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,4}) Portrait (?=[A-Z])")
# Link texts of the Hansard web pages; a link line holds nothing else (hyphens between them).
_LINK_WORDS = frozenset(
    "view speech|hansard|excerpts|share|share this|watch|read|watch debate|read full debate|"
    "read hansard text|read debate|link to this speech|permalink|hansard source|"
    "show excerpts|hide excerpts|video|tweet".split("|"))
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?", re.I)
_HYPHEN = re.compile(r"(?:^|\s+)-(?=\s|$)")


def caption_end(text: str, honorifics: frozenset[str]) -> int:
    """Where the label starts after a portrait caption ("Anna Reyes Portrait "), or 0."""
    found = _CAPTION.match(text)
    if not found:
        return 0
    rest = text[found.end():]
    surname = found["name"].split()[-1]
    if re.search(rf"\b{re.escape(surname)}\b", rest) or \
            rest.split()[0].lower().rstrip(".") in honorifics:
        return found.end()
    return 0


def caption_name(text: str) -> str:
    """The name of the portrait caption at the start of ``text`` ("Anna Reyes"), or ""."""
    found = _CAPTION.match(text)
    return found["name"] if found else ""


def is_link_line(text: str) -> bool:
    """"- View Speech - Hansard - -", "Share", "12:03 pm": the page's links, no speech."""
    parts = [part.strip() for part in _HYPHEN.split(text)]
    words = [part for part in parts if part]
    return bool(words) and all(part.lower() in _LINK_WORDS or _CLOCK.fullmatch(part)
                               for part in words)
