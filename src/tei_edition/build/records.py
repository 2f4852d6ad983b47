"""An edition's catalogue record: what the collection pages show about it and its persons.

This module owns reading a TEI tree for the collection's needs (title, date, participants,
classification, summary; every declared person; every turn and mention) and pairing each turn
and mention with an anchor the rendered HTML really has. It must not write anything: the record
is a plain JSON-ready dict kept in the build state and turned into pages by `pages`.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from tei_edition.xmlio import TEI_NS, XML_NS

_NS = {"tei": TEI_NS}
_XML_ID = f"{{{XML_NS}}}id"
_SNIPPET_WORDS = 12


class _IdCollector(HTMLParser):
    """Every id (and a/@name) of an HTML page: the fragments a link into it may name."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "id" or (tag == "a" and name == "name")):
                self.ids.add(value)

    handle_startendtag = handle_starttag


def html_ids(page: bytes) -> set[str]:
    collector = _IdCollector()
    collector.feed(page.decode("utf-8", errors="replace"))
    collector.close()
    return collector.ids


def _text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _first(tree: Any, path: str) -> Any:
    found = tree.xpath(path, namespaces=_NS)
    return found[0] if found else None


def _snippet(text: str) -> str:
    words = text.split()
    return " ".join(words[:_SNIPPET_WORDS]) + (" …" if len(words) > _SNIPPET_WORDS else "")


def _anchor(element: Any, ids: set[str]) -> str | None:
    """The id of the element in the HTML, else of its nearest ancestor that the HTML has.

    The renderer carries TEI xml:id values over to HTML ids; an element without one is linked
    through its turn or division, and a link is never made to an id the page does not have.
    """
    node = element
    while node is not None:
        xml_id = node.get(_XML_ID)
        if xml_id and xml_id in ids:
            return xml_id
        node = node.getparent()
    return None


def _pointers(value: str | None) -> list[str]:
    return [token[1:] for token in (value or "").split() if token.startswith("#") and len(token) > 1]


def _persons(root: Any) -> dict[str, dict[str, Any]]:
    persons: dict[str, dict[str, Any]] = {}
    for person in root.xpath("//tei:person[@xml:id]", namespaces=_NS):
        names = [_text(n) for n in person.xpath("tei:persName", namespaces=_NS) if _text(n)]
        roles = [_text(r) for r in person.xpath(".//tei:roleName | .//tei:affiliation",
                                                 namespaces=_NS) if _text(r)]
        group = person.getparent()
        persons[person.get(_XML_ID)] = {
            "names": names,
            "roles": roles,
            "present": group is not None and group.get("type") != "mentioned",
        }
    return persons


def _occurrences(root: Any, ids: set[str], known: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    occurrences: list[dict[str, Any]] = []
    body = _first(root, "tei:text")
    if body is None:
        return occurrences
    for element in body.iter(f"{{{TEI_NS}}}sp", f"{{{TEI_NS}}}persName"):
        is_turn = element.tag == f"{{{TEI_NS}}}sp"
        targets = _pointers(element.get("who" if is_turn else "ref"))
        if is_turn:
            label = _text(_first(element, "tei:speaker"))
            text = _snippet(_text(element)[len(label):].strip()) if label else _snippet(_text(element))
        else:
            label, text = _text(element), ""
        for person in targets:
            if person in known:
                occurrences.append({"person": person, "kind": "turn" if is_turn else "mention",
                                    "anchor": _anchor(element, ids), "label": label, "text": text})
    return occurrences


def catalogue_record(tree: Any, slug: str, page: bytes | None) -> dict[str, Any]:
    """The record of one edition; ``page`` is its rendered HTML (None when rendering failed)."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    ids = html_ids(page) if page is not None else set()
    header = "/tei:TEI/tei:teiHeader"
    title = _text(_first(root, f"{header}/tei:fileDesc/tei:titleStmt/tei:title"))
    date = _first(root, f"{header}/tei:profileDesc/tei:creation/tei:date")
    if date is None:
        date = _first(root, "/tei:TEI/tei:text//tei:date[@when]")
    classification = _first(root, "/tei:TEI/tei:text//tei:seg[@type='classification']")
    persons = _persons(root)
    return {
        "slug": slug,
        "title": title or slug,
        "date": (date.get("when") or date.get("from") or "") if date is not None else "",
        "date_text": _text(date),
        "participants": [p["names"][0] for p in persons.values() if p["present"] and p["names"]],
        "classification": _text(classification),
        "summary": _text(_first(root, f"{header}/tei:profileDesc/tei:abstract")),
        "persons": persons,
        "occurrences": _occurrences(root, ids, persons),
    }
