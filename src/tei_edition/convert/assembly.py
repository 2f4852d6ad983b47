"""Assembly of the body's parts while body.py walks the lines: sections (divisions with an
optional heading), turns and their blocks, the editor's bracketed passages.

Owns ``TurnAssembler``: which division an item goes into, when a turn is closed, and the
rules that keep every division valid (TEI P5 §4.1: a division holds a block after its
heading and page marks). It must not decide what a line is (body.py, labels.py) nor build
XML (builder.py).
"""

from __future__ import annotations

from dataclasses import replace

from tei_edition.convert.inlines import InlineReader
from tei_edition.convert.model import Block, ItemList, Section, Turn


class TurnAssembler:
    """Mutable assembly of sections and turns while walking the body units."""

    def __init__(self, reader: InlineReader) -> None:
        self.reader = reader
        self.sections: list[Section] = []
        self.head: Block | None = None
        self.content: list[Turn | Block | ItemList] = []
        self.turn: Turn | None = None
        self.turn_body: list[Block | ItemList] = []
        self.empty_turns: list[Turn] = []
        self.normalised: set[str] = set()

    def close_turn(self) -> None:
        if self.turn is None:
            return
        turn = replace(self.turn, body=tuple(self.turn_body))
        if not self.turn_body:
            self.empty_turns.append(turn)
        self.content.append(turn)
        self.turn, self.turn_body = None, []

    def new_section(self, head: Block) -> None:
        self.close_turn()
        if self.head is not None and not self.content:
            # "SOVIET EMBASSY" / "IN THE DPRK": a heading right under a heading is a further
            # head of the same division (TEI P5 §4.2.1); a div holding only a head is invalid
            self.content.append(head)
            return
        if self.content or self.head:
            self.sections.append(Section(self.head, tuple(self.content)))
        self.head, self.content = head, []

    def editorial(self, blocks: list[Block]) -> None:
        """An editor's bracketed passage (passages.py): a division of its own between the
        parts of the conversation, never speech of the turn before it."""
        self.close_turn()
        head, carried = None, []
        if all(isinstance(item, Block) and item.kind == "pb" for item in self.content):
            # only a heading or page marks above the passage: they open its division, as a
            # division needs a block after them (TEI P5 §4.1)
            head, carried, self.content = self.head, list(self.content), []
        elif self.content or self.head:
            self.sections.append(Section(self.head, tuple(self.content)))
        self.sections.append(Section(head, (*carried, *blocks), "editorial"))
        self.head, self.content = None, []

    def add(self, item: Block | ItemList, *, to_turn: bool = True) -> None:
        if self.turn is not None and to_turn:
            self.turn_body.append(item)
        else:
            self.close_turn()
            self.content.append(item)

    def finish(self) -> tuple[Section, ...]:
        self.close_turn()
        if self.head is not None and all(item.kind == "head" for item in self.content
                                         if isinstance(item, Block)) and not any(
                isinstance(item, (Turn, ItemList)) for item in self.content):
            # headings with nothing under them at the end of the body: a division needs
            # content after its head (TEI P5 §4.1), so these lines are paragraphs
            lines = [self.head, *self.content]
            self.head, self.content = None, [replace(b, kind="p") for b in lines]
            if self.sections and self.sections[-1].kind == "conversation":
                last = self.sections.pop()
                self.head, self.content = last.head, [*last.content, *self.content]
        if self.content or self.head:
            self.sections.append(Section(self.head, tuple(self.content)))
        return tuple(self.sections)
