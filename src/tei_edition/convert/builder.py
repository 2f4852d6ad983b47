"""Model + cast + metadata to a TEI P5 tree: the converter's last pure stage.

Owns the body encoding of docs/encoding.md (sections 1, 3, 4, 5): opener, head, the
participants list, conversation divs with sp/speaker/p, apparatus elements, closer, trailing
matter and the abstract. Pure: no I/O, no clock; ids come from the IdRegistry in a fixed
order, so the same input gives the same tree.
"""

from __future__ import annotations

from lxml import etree

from tei_edition.convert.annotate import Annotator
from tei_edition.convert.header import HeaderFacts, build_header, person_element, title_text
from tei_edition.convert.metadata import Metadata
from tei_edition.convert.model import (
    Addition,
    Block,
    BracketNote,
    Correction,
    DateSpan,
    Document,
    FootnoteMark,
    Inline,
    ItemList,
    LineBreak,
    MarkedSic,
    NoteLabel,
    Omission,
    PageBreak,
    PersonName,
    PlaceSpan,
    Stage,
    Supplied,
    Text,
    TimeCode,
    Turn,
)
from tei_edition.convert.names import IdRegistry, slugify
from tei_edition.convert.speakers import Cast
from tei_edition.convert.teixml import XML_LANG, append_text, rend, sub
from tei_edition.xmlio import TEI_NS

TIGHT = "no-blank-before"
RESERVED_IDS = ("source", "archive", "src-ed", "edition", "classification")

_OPENER_SEG = {"classification": "classification", "copy": "copy", "subject": "subject",
               "routing": "routing"}


class _Body:
    """Emits inline and block content; holds what every element needs to point at."""

    def __init__(self, cast: Cast, annotator: Annotator, source_resp: str, corr_resp: str,
                 ids: IdRegistry) -> None:
        self.cast, self.annotator = cast, annotator
        self.source_resp, self.corr_resp, self.ids = source_resp, corr_resp, ids

    def inlines(self, parent: etree._Element, nodes: tuple[Inline, ...]) -> None:
        for node in nodes:
            self.inline(parent, node)

    def inline(self, parent: etree._Element, node: Inline) -> None:  # noqa: C901
        match node:
            case Text():
                append_text(parent, node.text)
            case LineBreak():
                append_text(parent, "\n")  # docs/encoding.md: newline before lb (TEI P5 §3.11.3)
                sub(parent, "lb")
            case Supplied():
                sub(parent, "supplied", node.text, {"reason": node.reason,
                                                    "resp": self.source_resp})
            case Addition():
                sub(parent, "add", node.text, {"resp": self.source_resp,
                                               "rend": f"label-{node.label}"})
            case Omission():
                gap = sub(parent, "gap", attrs={"reason": node.reason})
                sub(gap, "desc", node.desc)
            case BracketNote():
                note = sub(parent, "note", attrs={"type": node.kind, "resp": self.source_resp})
                self.inlines(note, node.parts)
            case NoteLabel():
                sub(parent, "label", node.text)
            case Stage():
                sub(parent, "stage", node.text, {"type": node.kind})
            case MarkedSic():
                sub(parent, "sic", node.text, {"rend": "marked"})
            case PageBreak():
                sub(parent, "pb", attrs={"n": node.number, "rend": f"label-{node.label}"})
            case DateSpan():
                sub(parent, "date", node.text, {"when": node.when or ""})
            case PlaceSpan():
                sub(parent, "placeName", node.text)
            case FootnoteMark():
                note = sub(parent, "note", attrs={
                    "xml:id": self.ids.claim(f"n{node.number}"), "place": "foot",
                    "n": node.number, "rend": rend(node.style, node.list_style,
                                                   TIGHT if node.tight else None)})
                self.inlines(note, node.content)
            case TimeCode():
                sub(parent, "time", node.text)
            case PersonName():
                self.inlines(sub(parent, "persName", attrs={"ref": f"#{node.ref}"}), node.parts)
            case Correction():
                choice = sub(parent, "choice")
                self.inlines(sub(choice, "sic"), node.sic)
                sub(choice, "corr", node.corr, {"resp": self.corr_resp})

    def block(self, parent: etree._Element, tag: str, block: Block, *, names: bool = True,
              attrs: dict[str, str] | None = None, line_block: bool = True) -> etree._Element:
        element = sub(parent, tag, attrs={**(attrs or {}),
                                          "rend": TIGHT if block.tight and line_block else ""})
        self.inlines(element, self.annotator.apply(block.inlines, names=names))
        return element

    def content(self, parent: etree._Element, item: Turn | Block | ItemList) -> None:
        if isinstance(item, Turn):
            self.turn(parent, item)
        elif isinstance(item, ItemList):
            listing = sub(parent, "list")
            for entry in item.items:
                self.block(listing, "item", entry)
        elif item.kind == "stage":
            self.block(parent, "stage", item, attrs={"type": "action"})
        elif item.kind == "separator":
            self.block(parent, "ab", item, attrs={"type": "separator"})
        elif item.kind == "head":
            self.block(parent, "head", item)
        elif item.kind == "pb":
            self.page_break(parent, item)
        else:
            self.block(parent, "p", item)

    def page_break(self, parent: etree._Element, block: Block) -> None:
        """A line holding only "[Page 12]": a pb that is a line block of its own."""
        page = next(n for n in block.inlines if isinstance(n, PageBreak))
        sub(parent, "pb", attrs={"n": page.number, "rend": rend(
            f"label-{page.label}", TIGHT if block.tight else None)})

    def turn(self, parent: etree._Element, turn: Turn) -> None:
        sp = sub(parent, "sp", attrs={
            "who": " ".join(f"#{i}" for i in self.cast.who[turn.who].split()),
            "cert": "low" if turn.uncertain else "",
            "rend": rend(turn.separator, turn.spacing or None,
                         "label-line" if turn.label_line else None,
                         TIGHT if turn.tight else None)})
        if turn.separator == "sep-none" and not turn.label_line:
            # "§ Madam SpeakerThe hon. Lady": label and speech glued in the source; no
            # indentation between speaker and p, so the text of the sp reads as written
            sp.text = ""
        speaker = sub(sp, "speaker")
        self.inlines(speaker, self.annotator.apply(turn.speaker, names=False))
        for index, item in enumerate(turn.body):
            if index == 0 and isinstance(item, Block) and not turn.label_line:
                self.block(sp, "p", item, line_block=False)
            else:
                self.content(sp, item)


def _classification(document: Document, ids: IdRegistry) -> tuple[tuple[str, str], ...]:
    found = []
    for block in (*document.opener, *document.front):
        if block.kind == "classification":
            text = "".join(n.text for n in block.inlines if isinstance(n, Text))
            found.append((ids.claim("cls-" + slugify(text)), text))
    return tuple(found)


def _english(document: Document) -> bool:
    words = [w.lower() for s in document.sections for item in s.content if isinstance(item, Turn)
             for b in item.body if isinstance(b, Block) for n in b.inlines
             if isinstance(n, Text) for w in n.text.split()]
    words += [w.lower() for s in document.sections for item in s.content
              if isinstance(item, Block) for n in item.inlines if isinstance(n, Text)
              for w in n.text.split()]
    common = {"the", "and", "of", "to", "is", "that", "in", "we", "it", "was", "not", "a"}
    return len(words) >= 5 and sum(w in common for w in words) / len(words) > 0.08


def build_tei(document: Document, cast: Cast, metadata: Metadata | None, ids: IdRegistry,
              source_path: str = "<transcript>") -> tuple[etree._ElementTree, Annotator]:
    """The TEI tree for a parsed transcript (pure function of its arguments)."""
    meta = metadata or Metadata()
    source_resp = "#src-ed" if meta.interventions_by else "#source"
    editor_ids = [e.id for e in meta.editors if e.id]
    corr_resp = " ".join(f"#{i}" for i in editor_ids) or "#edition"
    annotator = Annotator(meta.corrections, cast)
    body_writer = _Body(cast, annotator, source_resp, corr_resp, ids)
    classification = _classification(document, ids)
    language = meta.language or ("en" if _english(document) else "")
    root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS})
    if language:
        root.set(XML_LANG, language)
    # Body first (it decides which corrections are used), header inserted before it after.
    text = etree.Element(f"{{{TEI_NS}}}text")
    _build_text(text, document, body_writer, meta)
    used = [i for i, _ in enumerate(meta.corrections) if annotator.used[i]]
    facts = HeaderFacts(source_resp, corr_resp, classification,
                        title_text(document, meta, source_path))
    header = build_header(root, document, cast, meta, facts, used)
    if meta.summary and document.trailing:
        profile = header.find(f"{{{TEI_NS}}}profileDesc")
        abstract = sub(profile, "abstract", attrs={
            "resp": "#archive" if meta.archive else "#source", "rend": "trailing"})
        for block in document.trailing:
            body_writer.block(abstract, "p", block, names=False)
    if cast.mentioned:
        stand_off = sub(root, "standOff")
        listing = sub(stand_off, "listPerson", attrs={"type": "mentioned"})
        for person in cast.mentioned:
            person_element(listing, person)
    root.append(text)
    _keep_mixed_content_unindented(root)
    return etree.ElementTree(root), annotator


# Elements whose content is text with markup: the serializer must not indent inside them.
_MIXED = frozenset(f"{{{TEI_NS}}}{name}" for name in (
    "p", "item", "head", "dateline", "seg", "signed", "speaker", "note", "add", "persName",
    "sic", "corr", "supplied", "label", "stage", "date", "placeName", "ab", "title", "time"))


def _keep_mixed_content_unindented(root: etree._Element) -> None:
    """libxml2's pretty printer indents an element whose children are all elements; in
    mixed content that whitespace would become text of the transcript. An empty text node
    (text = "") keeps it from doing so (docs/encoding.md: no whitespace is ever added)."""
    for element in root.iter(*_MIXED):
        if len(element) and element.text is None:
            element.text = ""


def _build_text(text: etree._Element, document: Document, writer: _Body,
                meta: Metadata) -> None:
    body = sub(text, "body")
    record = sub(body, "div", attrs={"type": "recordOfConversation"})
    if document.opener:
        opener = sub(record, "opener")
        _opener_lines(writer, opener, document.opener)
    if document.title is not None:
        writer.block(record, "head", document.title, names=False)
    _front_lines(writer, record, document.front)
    if document.participants is not None and document.participants.lines:
        listing = sub(record, "list", attrs={"type": "participants"})
        if document.participants.head is not None:
            writer.block(listing, "head", document.participants.head)
        for line in document.participants.lines:
            writer.block(listing, "item", line)
    elif document.participants is not None and document.participants.head is not None:
        # "Participants:" with no names below it: a list needs an item (TEI P5 §3.8), so
        # the heading stays a heading of the record rather than an empty, invalid list.
        writer.block(record, "head", document.participants.head)
    has_turns = any(isinstance(i, Turn) for s in document.sections for i in s.content)
    # an editor's passage is a division of its own (TEI P5 §4.1); a division's siblings are
    # divisions, so with one every part of the body is a div
    divided = has_turns or any(s.kind == "editorial" for s in document.sections)
    for section in document.sections:
        if divided or section.head is not None:
            kind = section.kind if section.kind != "conversation" else (
                "conversation" if has_turns else "section")
            target = sub(record, "div", attrs={"type": kind})
        else:
            target = record
        if section.head is not None:
            writer.block(target, "head", section.head)
        for item in section.content:
            writer.content(target, item)
    if not document.sections and not document.participants and document.title is None \
            and not document.opener:
        sub(record, "p")
    if document.closer:
        closer = sub(record, "closer")
        for block in document.closer:
            writer.block(closer, "signed", block)
    back = None
    if document.trailing and not meta.summary:
        back = sub(text, "back")
        back_div = sub(back, "div", attrs={"type": "trailing"})
        for block in document.trailing:
            writer.block(back_div, "p", block)
    if document.notes_heading is not None:
        # TEI P5 §3.9: divGen marks where the notes section (generated from note) stands.
        back = back if back is not None else sub(text, "back")
        writer.block(sub(back, "divGen", attrs={"type": "notes"}), "head", document.notes_heading)


def _front_lines(writer: _Body, record: etree._Element, blocks: tuple[Block, ...]) -> None:
    """Datelines etc. after the title go into openers; further heading blocks are head; a
    narrative paragraph before the participants list is a p (it comes last, TEI P5 §4.2)."""
    run: list[Block] = []
    for block in [*blocks, None]:
        if block is not None and block.kind not in ("head", "p"):
            run.append(block)
            continue
        if run:
            _opener_lines(writer, sub(record, "opener"), tuple(run))
            run = []
        if block is not None:
            writer.block(record, block.kind, block, names=block.kind == "p")


def _opener_lines(writer: _Body, opener: etree._Element, blocks: tuple[Block, ...]) -> None:
    for block in blocks:
        if block.kind == "pb":
            writer.page_break(opener, block)
        elif block.kind == "dateline":
            writer.block(opener, "dateline", block, names=False)
        else:
            writer.block(opener, "seg", block, names=False,
                         attrs={"type": _OPENER_SEG.get(block.kind, block.kind)})
