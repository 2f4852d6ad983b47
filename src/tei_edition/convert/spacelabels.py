"""Speaker labels separated from the speech only by whitespace (`sep-space` in sp/@rend).

Owns two shapes and their evidence. Without punctuation, a label is exactly a sentence's
first words, so each shape is a label only under a general rule with strong evidence:

- Q/A without punctuation: a trial transcript's `Q Who built the camp?` / `A Yes.` (often
  only the first written `Q.`), the White House press office's `Q    Thanks, Ellen.` between
  `MS. HALLORAN:` turns. `Q` is never an English sentence's first word, `A` often is, so:
  the document writes Q twice at least (in any form), and a bare `A` counts only as the
  answer directly after a question (the Q/A lines alternate).
- A name the title or the participants list gives, then the speech (`T. Lind On behalf of
  ...` under `Record of a conversation between A. Novak and Ambassador T. Lind`; a Wilson
  Center translation whose bold labels plain text lost): the whole name of two words at
  least (initials and surname, or a form of address and the name; never one capitalised
  word, which starts sentences), the speech starting with a capital, one such name
  recurring and three such turns in all, or two persons with initials speaking this way.
- A magazine interview's name in capitals, then the speech (`NORA FIELD With thousands of
  ...`; the print's bold lost in the copy): two or three all-capitals words before speech in
  mixed case, where the text above the first such line (the introduction: `Nora Field met
  with Paul Grant and ...`) names the person in mixed case; at least two persons speak this
  way. Then the initials of one of them alone on a line (`NF`), speech directly below, are
  that person's label too (`sep-none label-line`).

Every shape stands where a turn can start (after an empty line or a finished sentence).
The whitespace is the separator; its width is kept (`spaces-N` beside `sep-space`) so the
diplomatic text gives the transcript back exactly. It decides from the lines it is given;
it must not walk the body (parser.py asks it) nor resolve persons.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tei_edition.convert.labels import LabelMatch, has_label_shape, label_core, label_key

SENTENCE_END = tuple('.?!:;"”’)]…')
# "Q Who ...", "Q    Thanks", "Q. Where ...", "Q: Where ...", "A Yes.": any form of Q/A.
_QA_LINE = re.compile(r"(?P<label>[QA])(?P<mark>[.:]?)(?P<space> +)(?P<rest>\S.*)")
_WORD = re.compile(r"\S+")
_MIN_NAME_TURNS = 3
# "N. S. Khrushchev", "H. Kroll", "Ambassador T. Lind": initials before the surname.
_INITIALS = re.compile(r"(?:\S+ )?(?:[A-Z]\. ?)+[A-Z][\w'’\-]+$")
_MAX_NAME_WORDS = 5


@dataclass(frozen=True)
class Opening:
    """A line where a turn may start, with its index among the parser's lines."""

    index: int
    text: str


def openings(texts: list[str], tight: list[bool], start: int) -> list[Opening]:
    """Lines from ``start`` on that open a paragraph or follow a finished sentence."""
    return [Opening(k, texts[k]) for k in range(start, len(texts))
            if k == start or not tight[k] or texts[k - 1].endswith(SENTENCE_END)]


def _space_label(text: str, label: str) -> LabelMatch:
    """The match of ``label`` at the start of ``text``, whitespace after it the separator."""
    after = len(text) - len(text[len(label):].lstrip(" "))
    width = after - len(label)
    _, uncertain = label_core(label)
    return LabelMatch("space", label, "sep-space", f"spaces-{width}" if width > 1 else "",
                      alone=False, rest=text[after:], rest_offset=after, key=label_key(label),
                      uncertain=uncertain)


def _starts_speech(rest: str) -> bool:
    """The speech after a bare label starts like a sentence: a capital, a digit, a quote."""
    first = rest[:1]
    return first.isupper() or first.isdigit() or first in "\"“‘'(¿¡"


def qa_labels(lines: list[Opening]) -> dict[int, LabelMatch]:
    """Bare Q/A labels with evidence: Q written twice at least (in any form) and every
    bare A the answer to the question line before it."""
    found = [(line, m) for line in lines if (m := _QA_LINE.fullmatch(line.text))
             and (m["mark"] or _starts_speech(m["rest"]))]
    if sum(1 for _, m in found if m["label"] == "Q") < 2 or not any(
            not m["mark"] for _, m in found):
        return {}
    labels: dict[int, LabelMatch] = {}
    previous = ""
    for line, m in found:
        if not m["mark"] and (m["label"] == "Q" or previous == "Q"):
            labels[line.index] = _space_label(line.text, m["label"])
        previous = m["label"]
    return labels


def _name_prefix(text: str, names: frozenset[str]) -> str | None:
    """The longest run of two to five words at the start of ``text`` that is a known name
    (by its label key), followed by speech that starts with a capital."""
    words = list(_WORD.finditer(text))
    for count in range(min(_MAX_NAME_WORDS, len(words) - 1), 1, -1):
        label = text[: words[count - 1].end()]
        speech = words[count].group()
        if not speech[:1].isupper() or not has_label_shape(label):
            continue
        if label_key(label) in names:
            return label
    return None


def name_labels(lines: list[Opening], names: frozenset[str]) -> dict[int, LabelMatch]:
    """Known names opening a paragraph, the speech after a space: used when one recurs and
    they give three turns in all, or when two persons written with their initials
    ("N. S. Khrushchev I thank ...", "H. Kroll I am charged ...") both speak this way (a
    sentence does not open with a full name and initials followed by a capital twice)."""
    found = {line.index: _space_label(line.text, label) for line in lines
             if (label := _name_prefix(line.text, names))}
    counts = Counter(m.key for m in found.values())
    initialled = {m.key for m in found.values() if _INITIALS.match(m.label)}
    if len(initialled) >= 2:
        return found
    if sum(counts.values()) < _MIN_NAME_TURNS or max(counts.values(), default=0) < 2:
        return {}
    return found


# "NORA FIELD With thousands ...": two or three words in capitals, then speech in mixed case
_CAPS_NAME = re.compile(r"(?P<label>[A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+){1,2}) "
                        r"(?=[A-Z0-9\"“‘(])")
_INITIALS_LINE = re.compile(r"[A-Z]{2,3}")


def _introduced(label: str, text: str) -> bool:
    """The text names the person in mixed case ("Nora Field" for "NORA FIELD")."""
    words = r"\s+".join(re.escape(word) for word in label.split())
    return any(not found.group().isupper()
               for found in re.finditer(rf"\b{words}\b", text, re.I))


def caps_name_labels(lines: list[Opening], texts: list[str],
                     tight: list[bool]) -> dict[int, LabelMatch]:
    """Capitals names before speech in mixed case, each person named in mixed case in the
    text above the first of them, two persons at least; and their initials alone on a line
    with speech directly below."""
    found = {line.index: m["label"] for line in lines
             if (m := _CAPS_NAME.match(line.text)) and has_label_shape(m["label"])
             and not line.text[m.end():].isupper()}
    if not found:
        return {}
    intro = "\n".join(texts[: min(found)])
    named = {k: label for k, label in found.items() if _introduced(label, intro)}
    if len({label_key(label) for label in named.values()}) < 2:
        return {}
    labels = {k: _space_label(texts[k], label) for k, label in named.items()}
    initials = {"".join(w[0] for w in label.split()): label for label in named.values()}
    for line in lines:
        below = line.index + 1
        if _INITIALS_LINE.fullmatch(line.text) and line.text in initials and below < len(
                texts) and tight[below] and line.index > min(named) and (
                texts[below][:1].isupper() or texts[below][:1] in "\"“‘("):
            _, uncertain = label_core(line.text)
            labels[line.index] = LabelMatch("space", line.text, "sep-none", "", alone=True,
                                            rest="", rest_offset=len(line.text),
                                            key=label_key(line.text), uncertain=uncertain)
    return labels


def space_labels(texts: list[str], tight: list[bool], start: int,
                 names: frozenset[str]) -> dict[int, LabelMatch]:
    """The `sep-space` labels of the body lines ``texts[start:]`` by their index; ``names``
    are the label keys of the persons the title, front lines and participants list name."""
    lines = openings(texts, tight, start)
    labels = caps_name_labels(lines, texts, tight)
    labels.update(name_labels(lines, frozenset(k for k in names if " " in k)))
    labels.update(qa_labels(lines))
    return labels
