"""Small helpers to grow an lxml tree in the TEI namespace without stray whitespace.

Owns element creation with attributes in a fixed order and appending text at the right
place (text or tail). It must not know which elements a TEI document needs.
"""

from __future__ import annotations

from lxml import etree

from tei_edition.xmlio import TEI_NS, XML_NS

XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"


def sub(parent: etree._Element, tag: str, text: str | None = None,
        attrs: dict[str, str] | None = None) -> etree._Element:
    """A child ``tag`` (TEI namespace) with attributes (empty values skipped) and text."""
    element = etree.SubElement(parent, f"{{{TEI_NS}}}{tag}")
    for name, value in (attrs or {}).items():
        if value:
            key = {"xml:id": XML_ID, "xml:lang": XML_LANG}.get(name, name)
            element.set(key, value)
    if text:
        element.text = text
    return element


def append_text(parent: etree._Element, text: str) -> None:
    """Add ``text`` after the last child of ``parent`` (or as its text when it has none)."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def rend(*tokens: str | None) -> str:
    return " ".join(t for t in tokens if t)
