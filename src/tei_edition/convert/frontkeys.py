"""Title-page and masthead keys: "Key: Name" lines before the first turn that name people
rather than speak ("Interpreter: Han Chang-xi", "Audiotape: Miller Center", a UN masthead's
"President: Mr. Alvarez Ruiz ........ (Chile)").

Owns ``front_key_lines`` and the naming-key and masthead patterns. It must not find labels
itself (it is handed ``label_at``) nor decide which label style the dialogue uses (labels.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tei_edition.convert.lexer import SourceLine

# Keys of front lines that name people rather than speak: "Interpreter: Han Chang-xi",
# "Recording officials: Miao Qun", "Accompanying persons: ...", "Assisting: Kelli Coughlin".
_NAMING_KEYS = frozenset("interpreter interpreters interviewer interviewers interviewee narrator "
                         "moderator guests officials persons assisting assistant recorder "
                         "recorders transcriber transcription audiotape videotape".split())
_VALUE_WORD = re.compile(r"[(\[]?(?:[^\W\d_][\w.'’\-]*|\d{4}),?[)\]]?|and|of|the|de|von|van|&|©")


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
    say sentences, so they are not taken."""
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
    return frozenset(chosen)
