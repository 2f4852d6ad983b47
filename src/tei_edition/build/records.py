"""An edition's catalogue record: what the collection pages show about it and its persons.

This module owns reading a TEI tree for the collection's needs (title, date, participants,
classification, summary; every declared person; every turn and mention) and pairing each turn
and mention with an anchor the rendered HTML really has. It must not write anything: the record
is a plain JSON-ready dict kept in the build state and turned into pages by `pages`.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from tei_edition.xmlio import TEI_NS, XML_NS

_NS = {"tei": TEI_NS}
_XML_ID = f"{{{XML_NS}}}id"
_SNIPPET_WORDS = 12
_CHOICE = f"{{{TEI_NS}}}choice"
_DIPLOMATIC_ONLY = frozenset({f"{{{TEI_NS}}}sic", f"{{{TEI_NS}}}orig"})

# The page is our own rendering (UTF-8, see xslt/html.xsl); libxml2's HTML parser reads it in
# C, about six times faster than `html.parser`, which took a fifth of an edition's build time.
# No network, ever; huge_tree because a long edition's page is one large document, not a bomb.
_HTML_PARSER = etree.HTMLParser(encoding="utf-8", no_network=True, huge_tree=True)


def html_ids(page: bytes) -> set[str]:
    """Every id (and a/@name) of an HTML page: the fragments a link into it may name."""
    if not page.strip():
        return set()
    root = etree.fromstring(page, _HTML_PARSER)
    if root is None:
        return set()
    return {str(value) for value in root.xpath("//@id | //a/@name") if value}


def _reading_text(element: Any) -> list[str]:
    """The words of an element as the reading view shows them: of a `choice`, the `corr`/`reg`
    and not the `sic`/`orig` (TEI P5 §3.5.1), so a snippet does not say "USSSRUSSR"."""
    parts = [element.text or ""]
    for child in element:
        skip = child.tag in _DIPLOMATIC_ONLY and child.getparent().tag == _CHOICE
        if not skip and isinstance(child.tag, str):
            parts.extend(_reading_text(child))
        parts.append(child.tail or "")
    return parts


def _text(element: Any) -> str:
    return " ".join("".join(_reading_text(element)).split()) if element is not None else ""


def _first(tree: Any, path: str) -> Any:
    found = tree.xpath(path, namespaces=_NS)
    return found[0] if found else None


def _snippet(text: str) -> str:
    words = text.split()
    return " ".join(words[:_SNIPPET_WORDS]) + (" …" if len(words) > _SNIPPET_WORDS else "")


def _anchor(element: Any, rendered_id: str, ids: set[str]) -> str | None:
    """The HTML id of a turn or mention: the renderer's own numbering (`turn-N` for the N-th
    `sp` of the document, `mention-N` for the N-th `persName`/`rs` with @ref in `text`, see
    xslt/common.xsl and html.xsl), else a TEI xml:id the page carries (the element's or its
    nearest ancestor's). A link is never made to an id the page does not have.
    """
    if rendered_id in ids:
        return rendered_id
    node = element
    while node is not None:
        xml_id = node.get(_XML_ID)
        if xml_id and xml_id in ids:
            return xml_id
        node = node.getparent()
    return None


def _pointers(value: str | None) -> list[str]:
    return [
        token[1:] for token in (value or "").split() if token.startswith("#") and len(token) > 1
    ]


def _persons(root: Any, ids: set[str]) -> dict[str, dict[str, Any]]:
    """Every declared person; ``anchor`` is their entry in the edition's own index of persons
    (`person-<id>` in html.xsl) when the page has one."""
    persons: dict[str, dict[str, Any]] = {}
    for person in root.xpath("//tei:person[@xml:id]", namespaces=_NS):
        names = [_text(n) for n in person.xpath("tei:persName", namespaces=_NS) if _text(n)]
        roles = [
            _text(r)
            for r in person.xpath(".//tei:roleName | .//tei:affiliation", namespaces=_NS)
            if _text(r)
        ]
        group = person.getparent()
        key = person.get(_XML_ID)
        persons[key] = {
            "anchor": f"person-{key}" if f"person-{key}" in ids else None,
            "names": names,
            "roles": roles,
            "present": group is not None and group.get("type") != "mentioned",
        }
    return persons


def _occurrences(
    root: Any, ids: set[str], known: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    occurrences: list[dict[str, Any]] = []
    text = _first(root, "tei:text")
    if text is None:
        return occurrences
    turn_number = mention_number = 0  # no sp or persName[@ref] of `text` comes before it
    for element in text.iter(f"{{{TEI_NS}}}sp", f"{{{TEI_NS}}}persName", f"{{{TEI_NS}}}rs"):
        is_turn = element.tag == f"{{{TEI_NS}}}sp"
        if is_turn:
            turn_number += 1
            rendered_id = f"turn-{turn_number}"
            targets = _pointers(element.get("who"))
            label = _text(_first(element, "tei:speaker"))
            speech = _text(element)
            text_of = _snippet(
                speech[len(label) :].strip() if label and speech.startswith(label) else speech
            )
        elif element.get("ref") is not None:
            mention_number += 1
            rendered_id = f"mention-{mention_number}"
            targets = _pointers(element.get("ref"))
            label, text_of = _text(element), ""
        else:
            continue
        # a label shared by several speakers ("Both") is no name variant of any one of them
        own_label = label if len(targets) == 1 else ""
        for person in targets:
            if person in known:
                occurrences.append(
                    {
                        "person": person,
                        "kind": "turn" if is_turn else "mention",
                        "anchor": _anchor(element, rendered_id, ids),
                        "label": own_label,
                        "text": text_of or label,
                    }
                )
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
    persons = _persons(root, ids)
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
