"""The two structured blocks around the conversation: the participants list and the closer.

Owns turning their lines into model values (line blocks verbatim plus the persons they
name). It must not find where they are (front.py, closers.py) nor resolve names to ids
(speakers.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tei_edition.convert.closers import CLOSER, NAME
from tei_edition.convert.front import FrontLine
from tei_edition.convert.inlines import InlineReader
from tei_edition.convert.labels import HONORIFICS, label_key
from tei_edition.convert.lexer import SourceLine
from tei_edition.convert.model import Block, Participants, Signer
from tei_edition.convert.participants import (
    HEADER,
    HEADING_ONLY,
    ROLE_WORDS,
    names_in_front,
    read_participants,
    role_of_line,
)


@dataclass(frozen=True)
class ParticipantsRead:
    value: Participants
    keys: frozenset[str]  # label keys of the persons listed (evidence for speaker labels)


def read_participants_block(reader: InlineReader, lines: list[SourceLine],
                            front: list[FrontLine]) -> ParticipantsRead | None:
    chosen = [lines[f.index] for f in front if f.kind == "participants"]
    if not chosen:
        return None
    head = None
    items = []
    for line in chosen:
        header = HEADER.match(line.text) or HEADING_ONLY.fullmatch(line.text)  # "PARTICIPANTS"
        piece = [(line.text, line.number, line.column)]
        if header and not line.text[header.end():].strip() and head is None and not items:
            head = Block("head", reader.read(piece), line.number, line.tight)
        else:
            items.append(Block("item", reader.read(piece), line.number, line.tight))
    # a bulleted list without a heading (FRUS: "• Chou En-lai, Premier, State Council") is
    # one person a line, like a list under "PARTICIPANTS"
    headless = head is None and not HEADER.match(chosen[0].text) and all(
        _BULLET.match(line.text) for line in chosen)
    persons, labels = read_participants([(_unbulleted(line.text), line.number)
                                         for line in chosen], one_per_line=headless)
    keys = set()
    for person in persons:
        keys.add(label_key(person.name))
        # every word of the name: "Nagy" for "Nagy Imre" (family name first)
        keys |= {label_key(word) for word in person.name.split() if len(word.strip(".")) > 1}
        role = person.titles.split()[0].lower() if person.titles else ""
        if role in ROLE_WORDS:  # "President: Mr. Okoro": "The President:" is a label
            keys.add(role)
    return ParticipantsRead(Participants(head, tuple(items), tuple(persons), tuple(labels)),
                            frozenset(keys))


_BULLET = re.compile(r"[-•*–·]\s+(?=\S)")


def _unbulleted(text: str) -> str:
    """"- Mr. Foy Kohler", "• Chou En-lai, Premier": a bulleted participant (a browser copy
    of a FRUS memorandum) is read without its bullet, so the person is declared. An entry
    with neither a title nor a role after a comma ("- United States", "• U.S.S.R.") is the
    heading of a delegation, not a person: it keeps its bullet and names nobody."""
    found = _BULLET.match(text)
    if not found:
        return text
    rest = text[found.end():]
    first = rest.split()[0].lower().rstrip(".") if rest.split() else ""
    return rest if "," in rest or first in HONORIFICS or first == "the" else text


def read_closer(reader: InlineReader, lines: list[SourceLine]) -> tuple[list[Block],
                                                                          list[Signer]]:
    """"Recorded by X" lines become one signed block each; a signature block becomes one."""
    if not lines:
        return [], []
    if CLOSER.fullmatch(lines[0].text):
        blocks, signers = [], []
        for line in lines:
            blocks.append(Block("signed", reader.read([(line.text, line.number, line.column)]),
                                line.number, line.tight))
            found = CLOSER.fullmatch(line.text)
            name = found["name"].rstrip(".") if found else line.text
            if NAME.fullmatch(name):
                signers.append(Signer(found["role"] if found else "", name.removeprefix("/s/")
                                      .strip()))
        return blocks, signers
    if len(lines) == 1:  # "KOHLER": a surname alone signs the record
        block = Block("signed", reader.read([(lines[0].text, lines[0].number, lines[0].column)]),
                      lines[0].number, lines[0].tight)
        return [block], [Signer("", lines[0].text)]
    pieces = [(line.text, line.number, line.column) for line in lines]
    block = Block("signed", reader.read(pieces), lines[0].number, lines[0].tight)
    role = " ".join(line.text for line in lines[:-1])
    return [block], [Signer(role, lines[-1].text.removeprefix("/s/").strip())]


def front_name_keys(lines: list[SourceLine], front: list[FrontLine], start: int,
                    first_label: int) -> frozenset[str]:
    """Label keys of the persons the title and front lines name (not the participants list),
    and the lines above the first label when the front matter ran into them (a pasted page
    without empty lines): evidence that a label naming one of them, even once, is a speaker."""
    texts = [lines[f.index].text for f in front if f.kind != "participants"]
    texts.append("\n".join(line.text for line in lines[start:first_label]))
    keys = set()
    for name in names_in_front(texts):
        spaced = re.sub(r"\.(?=[A-Z])", ". ", name)  # "N.S. Khrushchev" = "N. S. Khrushchev"
        keys |= {label_key(name), label_key(spaced), label_key(name.split()[-1])}
    # a role line the front matter did not take ("President:Mr. Wehbe (...)" inside a block
    # of the UN's member list): the role is evidence for "The President (spoke in Arabic):"
    keys |= {role for line in lines if (role := role_of_line(line.text))}
    return frozenset(k for k in keys if len(k) > 1)

