"""Title-page and masthead keys: "Key: Name" lines before the first turn that name people
rather than speak ("Interpreter: Han Chang-xi", "Audiotape: Miller Center", a UN masthead's
"President: Mr. Alvarez Ruiz ........ (Chile)"), and the page's description of a recording
("Speaker: Richard Roe" / "Delivered On: 6/23/1972" / "Description: ...", "Presenter: ...").

Owns ``front_key_lines`` and the naming-key and masthead patterns. It must not find labels
itself (it is handed ``label_at``) nor decide which label style the dialogue uses (labels.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tei_edition.convert.furniture import furniture_lines
from tei_edition.convert.lexer import SourceLine

# Keys of front lines that name people rather than speak: "Interpreter: Han Chang-xi",
# "Recording officials: Miao Qun", "Accompanying persons: ...", "Assisting: Kelli Coughlin".
_NAMING_KEYS = frozenset("interpreter interpreters interviewer interviewers interviewee narrator "
                         "moderator guests officials persons assisting assistant recorder "
                         "recorders transcriber transcription audiotape videotape".split())
# "RUSS MITCHELL - CBS News": a dash between a name and its network is part of a value
_VALUE_WORD = re.compile(r"[(\[]?(?:[^\W\d_][\w.'’\-]*|\d{4}),?[)\]]?|and|of|the|de|von|van|&|©"
                         r"|[-–—]")


def _value_like(rest: str) -> bool:
    """"Kelli Coughlin", "Miller Center", "Li Dequan, Zhang Zhixiang": a name or a list of
    names (capitalised words, no sentence end), not speech."""
    words = rest.split()
    if not 1 <= len(words) <= 12 or rest.endswith(("?", "!")) or (
            rest.endswith(".") and not re.search(r"\b[A-Z]\.$", rest)):
        return False
    return all(_VALUE_WORD.fullmatch(w) and (w[:1].isupper() or not w[:1].isalpha()
                                             or w in ("and", "of", "the", "de", "von", "van"))
               for w in words)


# Keys of a web page's or an archive's description of a recording or a document: they say
# what the page is ("Delivered On: 6/23/1972", "Description: ..."), never who speaks.
_METADATA_KEYS = frozenset({
    "description", "delivered on", "delivered", "date", "time", "place", "location", "venue",
    "source", "duration", "length", "running time", "recorded", "recorded on", "published",
    "posted", "posted on", "updated", "last updated", "category", "categories", "tags",
    "keywords", "event", "occasion", "language", "format", "audio", "video",
    "audio/video available", "media", "url", "link", "program", "programme", "broadcast",
    "aired", "air date", "station", "network", "series", "episode", "credits", "rights",
    "copyright", "release date", "released", "collection"})
# Keys of the same description that name a person ("Speaker: Richard Roe", "Presenter:
# Secretary of Defense Ann Roe"): a key only with a name after it ("PRESENTER: Good evening."
# is the presenter's turn).
_PERSON_KEYS = frozenset("speaker speakers presenter presenters host hosts anchor".split())
# "Key: value" judged on its shape alone ("Audio/Video Available:" has no value).
_KEY_LINE = re.compile(r"(?P<key>[A-Z][\w/&'’\-]*(?: [\w/&'’\-]+){0,2})\s*:(?:\s+(?P<value>\S.*))?")


def _short_value(value: str) -> bool:
    """"6/23/1972", "Oval Office, The White House": a few words without a sentence end."""
    words = value.split()
    return len(words) <= 10 and not value.endswith(("?", "!")) and (
        not value.endswith(".") or bool(re.search(r"\b[A-Z]\.$|\b[ap]\.m\.$", value, re.I)))


def _metadata_block(texts: list[str]) -> bool:
    """A paragraph describing the page or recording before the first turn: its key lines
    (the other lines continue a value) are "Key: value" with a known metadata key, a person
    key with a name after it, or at least two keys with short values."""
    keys = [(m["key"].lower(), m["value"] or "") for t in texts if (m := _KEY_LINE.fullmatch(t))]
    if not keys or not _KEY_LINE.fullmatch(texts[0]):
        return False
    if len(keys) >= 2 and len({k for k, _ in keys}) == len(keys) and all(
            _short_value(v) for _, v in keys):
        return True
    return all(k in _METADATA_KEYS or (k in _PERSON_KEYS and _value_like(v)) for k, v in keys)


def description_block(lines: list[SourceLine], index: int) -> int:
    """The end of the page's description of the recording that starts at ``index`` (a
    paragraph, ``_metadata_block``) whose keys start no other line of the record (a
    dialogue's labels recur); ``index`` when there is none. front.py reads it as front
    matter when it stands in the front (under the title)."""
    stop = index + 1
    while stop < len(lines) and lines[stop].tight:
        stop += 1
    texts = [line.text for line in lines[index:stop]]
    if not _metadata_block(texts):
        return index
    keys = {m["key"] + ":" for text in texts if (m := _KEY_LINE.fullmatch(text))}
    repeated = any(line.text.startswith(key) for k, line in enumerate(lines)
                   if not index <= k < stop for key in keys)
    return index if repeated else stop


# The UN verbatim record's masthead: "President: Mr. Alvarez Ruiz ........ (Chile)", a role,
# a name, a dotted leader (full stops or U+2026) and the delegation. A leader is typesetting
# of a masthead or a list, never speech: the line names who presided, it is no turn of
# "President" (QA N3), even where "The President:" labels recur below it.
_MASTHEAD_ROLE = re.compile(r"[A-Z][\w\-]*(?: [\w\-]+){0,3}\s*:\s*\S.{0,80}?\s*"
                            r"(?:\.{3,}|…+|(?:\. ){3,})[.…\s]*\([^()]{2,60}\)")


def front_key_lines(lines: list[SourceLine], start: int,
                    label_at: Callable[[int], object | None]) -> frozenset[int]:
    """Lines before the first turn that look like "Key: Name" labels but are front matter:
    a block of two or more such lines whose keys are each used once ("Assisting: Kelli
    Coughlin" / "Audiotape: Miller Center" / "Transcription: Martha W. Healy"), or one such
    line whose key names a role ("Interpreter: Han Chang-xi"). A dialogue's labels recur and
    say sentences, so they are not taken. A paragraph describing the page or recording
    ("Speaker: Richard Roe" / "Delivered On: 6/23/1972" / "Place: Oval Office", or
    "Presenter: Secretary of Defense Ann Roe" / a date) is taken too when its keys are each
    used once (``_metadata_block``)."""
    candidates: dict[int, str] = {}
    counts: dict[str, int] = {}
    for index in range(start, len(lines)):
        found = label_at(index)
        key = getattr(found, "key", None)
        if key is not None:
            counts[key] = counts.get(key, 0) + 1
            rest = getattr(found, "rest", "")
            if rest and _value_like(rest):
                candidates[index] = key
    chosen: set[int] = set()
    index = start
    while index < len(lines):
        stop = index + 1
        while stop < len(lines) and lines[stop].tight:
            stop += 1
        masthead = [k for k in range(index, stop) if label_at(k) is not None
                    and _MASTHEAD_ROLE.fullmatch(lines[k].text)]
        chosen.update(masthead)
        block = [k for k in range(index, stop) if k in candidates and counts[candidates[k]] == 1]
        turns = [k for k in range(index, stop) if label_at(k) is not None and k not in block
                 and k not in masthead]
        labelled = sorted({*turns, *block, *masthead})  # every line with a label
        if labelled and all(counts.get(getattr(label_at(k), "key", ""), 0) == 1
                            for k in labelled) \
                and _metadata_block([lines[k].text for k in range(index, stop)]):
            chosen.update(labelled)  # the page's "Speaker: Richard Roe" is no turn (QA4 B)
            index = stop
            continue
        if turns:
            break  # the dialogue has begun
        if len(block) >= 2:
            chosen.update(block)
        chosen.update(k for k in block if candidates[k].split()[-1] in _NAMING_KEYS)
        index = stop
    # "Interviewer: Anne Louise Bayly Berman" under the title of a later interview (a
    # collection of openings): a role key used once with only a name after it names a person
    # wherever it stands; a turn would be an invented speaker saying a name (QA3 N1)
    chosen.update(k for k, key in candidates.items()
                  if counts[key] == 1 and key.split()[-1] in _NAMING_KEYS)
    return frozenset(chosen) | furniture_lines(lines, start, label_at)
