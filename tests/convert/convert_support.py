"""Test helpers for the converter: the reference diplomatic reading of docs/encoding.md,
the declared normalisation of a transcript, words, and pointer resolution.

`diplomatic_text` implements docs/encoding.md section 5 literally, so that the tests hold
the converter to the contract the renderers are written against.
"""

from __future__ import annotations

import re

from lxml import etree

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}
WORD = re.compile(r"[^\W_]+")
SEPARATORS = {"sep-hyphen": " - ", "sep-en-dash": " – ", "sep-em-dash": " — ",
              "sep-double-hyphen": " -- ", "sep-colon": ": ", "sep-fullwidth-colon": "： ",
              "sep-period": ". ", "sep-space": " ", "sep-none": ""}
LINE_BLOCKS = {"p", "item", "head", "signed", "ab", "dateline", "seg"}
CONTAINERS = {"text", "body", "back", "div", "list", "opener", "closer"}
_LIST_MARKS = {"list-square": "[{}] ", "list-slash": "/{}/ ", "list-period": "{}. "}


def converted_root(text: str) -> etree._Element:
    """The TEI root of ``text`` converted without metadata; asserts there were no errors and
    that the diplomatic reading gives the transcript back."""
    from tei_edition.convert import convert_text

    result = convert_text(text)
    assert result.tree is not None, [d.format_text() for d in result.diagnostics]
    root = result.tree.getroot()
    assert diplomatic_text(root) == normalised_transcript(text)
    return root


def speakers(root: etree._Element) -> list[str]:
    """The speaker label of every turn, in document order."""
    return ["".join(s.itertext()) for s in root.iterfind(".//t:sp/t:speaker", NS)]


def who_of_turns(root: etree._Element) -> list[str]:
    """The @who of every turn, in document order."""
    return [sp.get("who") for sp in root.iterfind(".//t:sp", NS)]


def turns(root: etree._Element) -> list[tuple[str, str]]:
    """(speaker, speech) of every turn, whitespace normalised."""
    out = []
    for sp in root.iterfind(".//t:sp", NS):
        speech = " ".join("".join(x.itertext()) for x in sp if not x.tag.endswith("}speaker"))
        out.append(("".join(sp.find("t:speaker", NS).itertext()), " ".join(speech.split())))
    return out


def free_paragraphs(root: etree._Element) -> list[str]:
    """Body paragraphs outside turns and lists (narrative), whitespace normalised."""
    return [" ".join("".join(p.itertext()).split()) for p in root.iterfind(".//t:body//t:p", NS)
            if not any(a.tag.endswith(("}sp", "}list")) for a in p.iterancestors())]


def words(text: str) -> list[str]:
    return WORD.findall(text)


def local(element: etree._Element) -> str:
    return etree.QName(element).localname


def tokens(element: etree._Element) -> list[str]:
    return (element.get("rend") or "").split()


def _label(element: etree._Element) -> str:
    return next((t[len("label-"):] for t in tokens(element) if t.startswith("label-")), "")


def inline_text(element: etree._Element) -> str:
    """The diplomatic text of an element's content (docs/encoding.md section 3)."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(_child_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


_MARKS = {"mark-square": "[{}]", "mark-slash": "/{}/", "mark-glued": "{}"}


def _child_text(child: etree._Element) -> str:
    name = local(child)
    if name == "lb":
        return ""
    if name == "supplied":
        return f"[{inline_text(child)}]"
    if name == "add":
        return f"[{_label(child)}: {inline_text(child)}]"
    if name == "gap":
        return f"[{inline_text(child.find('t:desc', NS))}]"
    if name == "note" and child.get("place") == "foot":
        return _MARKS[tokens(child)[0]].format(child.get("n"))
    if name == "note":
        return f"[{inline_text(child)}]"
    if name == "sic" and "marked" in tokens(child):
        return f"{inline_text(child)} [sic]"
    if name == "choice":
        return inline_text(child.find("t:sic", NS))
    if name == "pb":
        return f"[{_label(child)} {child.get('n')}]"
    return inline_text(child)


def diplomatic_text(root: etree._Element) -> str:
    """The transcript as the TEI says it was, after the declared normalisation."""
    blocks: list[tuple[str, bool]] = []

    def emit(text: str, element: etree._Element) -> None:
        blocks.append((text, "no-blank-before" in tokens(element)))

    def walk(element: etree._Element) -> None:
        name = local(element)
        if name == "sp":
            speaker = inline_text(element.find("t:speaker", NS))
            rend = tokens(element)
            separator = next(SEPARATORS[t] for t in rend if t.startswith("sep-"))
            width = next((t[len("spaces-"):] for t in rend if t.startswith("spaces-")), "")
            if width:  # "Q    Thanks": whitespace is the separator, kept at its width
                separator = " " * int(width)
            elif "spaced" in rend:
                separator = " " + separator
            elif "unspaced" in rend:
                separator = separator.strip()
            elif "tight-left" in rend:
                separator = separator.lstrip()
            elif "tight-right" in rend:
                separator = separator.rstrip()
            children = [c for c in element if local(c) != "speaker"]
            if "label-line" in rend:
                emit(speaker + separator.rstrip(), element)
                rest = children
            else:
                emit(speaker + separator + inline_text(children[0]), element)
                rest = children[1:]
            for child in rest:
                walk(child)
        elif name == "pb":  # a page mark on a line of its own
            emit(_child_text(element), element)
        elif name in LINE_BLOCKS or (name == "stage" and local(element.getparent()) == "div"):
            emit(inline_text(element), element)
        elif name in CONTAINERS and name != "divGen":
            for child in element:
                if isinstance(child.tag, str):
                    walk(child)

    walk(root.find("t:text", NS))
    for abstract in root.iterfind("t:teiHeader//t:abstract", NS):
        if "trailing" in tokens(abstract):
            for paragraph in abstract.iterfind("t:p", NS):
                emit(inline_text(paragraph), paragraph)
    # the notes section: its heading (back/divGen[@type='notes']/head), then one line a note
    for heading in root.iterfind("t:text/t:back/t:divGen[@type='notes']/t:head", NS):
        emit(inline_text(heading), heading)
    for note in root.iterfind("t:text//t:note[@place='foot']", NS):
        marker = next(_LIST_MARKS[t] for t in tokens(note) if t.startswith("list-"))
        emit(marker.format(note.get("n")) + inline_text(note), note)
    out = []
    for index, (text, tight) in enumerate(blocks):
        if index:
            out.append("\n" if tight else "\n\n")
        out.append(text)
    return "".join(out) + "\n"


def normalised_transcript(text: str) -> str:
    """The transcript after exactly the normalisations docs/encoding.md section 6 allows."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    lines = [line.strip() for line in text.split("\n")]
    # whitespace after a speaker separator at the start of a line collapses to one space
    lines = [re.sub(r"^([^\n]{1,80}? (?:--|-|–|—)) [ \u00a0]+", r"\1 ", line) for line in lines]
    lines = [re.sub(r"^([^\n:]{1,60}:) [ \u00a0]+", r"\1 ", line) for line in lines]
    lines = [re.sub(r"^([^\n：]{1,60}：) [ \u00a0]+", r"\1 ", line) for line in lines]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def unresolved_pointers(root: etree._Element) -> list[str]:
    ids = set(root.xpath("//@xml:id"))
    found = []
    for attribute in ("who", "ref", "resp", "scheme", "target", "corresp"):
        for value in root.xpath(f"//@{attribute}"):
            found += [t for t in value.split() if t.startswith("#") and t[1:] not in ids]
    return found


def body_words(root: etree._Element) -> list[str]:
    """Words of the TEI text in document order: sic side of choices, bracket labels kept in
    @rend restored (add, pb), footnote numbers at the mark; then the abstract's words when
    it stood after the record (abstract/@rend 'trailing'); then the notes section (its
    heading, each foot note's number and words), as the transcript has them at its end."""
    text = root.find("t:text", NS)
    found = words(_content_words(text))
    for abstract in root.iterfind("t:teiHeader//t:abstract", NS):
        if "trailing" in tokens(abstract):
            found += words(_content_words(abstract))
    for heading in root.iterfind("t:text/t:back/t:divGen/t:head", NS):
        found += words(_content_words(heading))
    for note in root.iterfind("t:text//t:note[@place='foot']", NS):
        found += words(note.get("n", "")) + words(_content_words(note, inside_note=True))
    return found


def _content_words(element: etree._Element, inside_note: bool = False) -> str:
    if local(element) == "divGen":
        return " "
    if local(element) == "sp" and "sep-none" in tokens(element) and \
            "label-line" not in tokens(element) and len(element) > 1:
        # a label glued to its speech ("§ Madam SpeakerThe hon. Lady") is one source word
        speaker, first, *rest = list(element)
        return (" " + _content_words(speaker).rstrip() + _content_words(first).lstrip()
                + "".join(_content_words(child) for child in rest) + " ")
    if local(element) == "note" and element.get("place") == "foot" and not inside_note:
        return " " + element.get("n", "") + " "
    parts = [" "]
    if local(element) in ("add", "pb"):
        parts.append(_label(element) + " ")
    if local(element) == "pb" and element.get("n"):
        parts.append(element.get("n") + " ")
    parts.append(element.text or "")
    for child in element:
        if isinstance(child.tag, str) and local(child) != "corr":
            parts.append(_content_words(child))
        parts.append(" " + (child.tail or ""))
    if local(element) == "sic" and "marked" in tokens(element):
        parts.append(" sic")
    return "".join(parts) + " "
