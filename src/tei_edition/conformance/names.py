"""The element and attribute names a parsed document uses, as (namespace, local name) pairs:
what the grammars are reduced to (engine.py).

This module owns walking a tree for its names, as cheaply as lxml allows (one proxy per
element, `attrgetter` in C). It must not reduce, compile or validate anything.
"""

from __future__ import annotations

from operator import attrgetter

from lxml import etree

# A document, or one of its elements validated as the root of its own (refine_errors).
Tree = etree._ElementTree | etree._Element
Names = frozenset[tuple[str, str]]


_TAG = attrgetter("tag")


def element_names_in(tree: Tree) -> frozenset[tuple[str, str]]:
    """The (namespace, local name) pairs of the document's elements."""
    return frozenset(map(split_name, set(map(_TAG, tree.iter(tag=etree.Element)))))


def attribute_names_in(tree: etree._ElementTree) -> frozenset[tuple[str, str]]:
    """The (namespace, local name) pairs of the document's attributes."""
    names: set[str] = set()
    for element in tree.iter(tag=etree.Element):
        names.update(element.attrib)
    return frozenset(map(split_name, names))


def split_name(clark: str) -> tuple[str, str]:
    """(namespace, local name) of a Clark name `{ns}local`."""
    if clark.startswith("{"):
        ns, _, local = clark[1:].partition("}")
        return ns, local
    return "", clark


def names_by_part(tree: etree._ElementTree) -> tuple[Names, Names, dict[etree._Element, Names]]:
    """The document's element and attribute names, and the element names of each child of
    the root, in one pass (what element_names_in and attribute_names_in give, walked once:
    a third of the cost of confirming a rejection was these walks)."""
    root = tree.getroot()
    tags = {root.tag}
    attributes = set(root.attrib)
    parts: dict[etree._Element, Names] = {}
    for child in root.iterchildren(tag=etree.Element):
        part_tags = set()
        for element in child.iter(tag=etree.Element):
            part_tags.add(element.tag)
            attrib = element.attrib
            if attrib:
                attributes.update(attrib)
        parts[child] = frozenset(map(split_name, part_tags))
        tags |= part_tags
    return frozenset(map(split_name, tags)), frozenset(map(split_name, attributes)), parts
