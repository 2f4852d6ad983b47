"""The project XSD against TEI P5's own grammar, declaration by declaration: every element it
declares exists in tei_all.rng, may contain only children TEI allows there, and carries only
attributes TEI allows on it, with closed value lists no wider than TEI's. (Order and counts
are proven on real documents by test_tei_agreement.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from validation_support import ROOT

RNG = "{http://relaxng.org/ns/structure/1.0}"
XS = "{http://www.w3.org/2001/XMLSchema}"
XSD = ROOT / "schema" / "tei-edition.xsd"


class TeiGrammar:
    """Which children and attributes tei_all.rng allows on an element (ignoring order)."""

    def __init__(self, rng: Path) -> None:
        self.defines: dict[str, list[etree._Element]] = {}
        for define in etree.parse(str(rng)).iter(f"{RNG}define"):
            self.defines.setdefault(define.get("name"), []).append(define)

    def element(self, name: str) -> etree._Element | None:
        for define in self.defines.get(name, []):
            found = define.find(f"{RNG}element")
            if found is not None and found.get("name") == name:
                return found
        return None

    def _walk(self, node: etree._Element, seen: set[str], children: set[str],
              attributes: dict[str, etree._Element]) -> None:
        """Collect what ``node`` allows, following refs, never entering a child element."""
        for item in node:
            if item.tag == f"{RNG}element":
                if item.get("name"):
                    children.add(item.get("name"))
            elif item.tag == f"{RNG}attribute":
                if item.get("name"):
                    attributes[item.get("name")] = item
            elif item.tag == f"{RNG}ref":
                if item.get("name") in seen:
                    continue
                seen.add(item.get("name"))
                for define in self.defines.get(item.get("name"), []):
                    self._walk(define, seen, children, attributes)
            elif isinstance(item.tag, str):
                self._walk(item, seen, children, attributes)

    def allowed(self, name: str) -> tuple[set[str], dict]:
        element = self.element(name)
        assert element is not None, name
        children: set[str] = set()
        attributes: dict[str, etree._Element] = {}
        self._walk(element, set(), children, attributes)
        return children, attributes


class ProjectSchema:
    def __init__(self, xsd: Path) -> None:
        self.root = etree.parse(str(xsd)).getroot()
        self.named = {(e.tag, e.get("name")): e for e in self.root if e.get("name")}

    def elements(self) -> list[etree._Element]:
        return self.root.findall(f"{XS}element")

    def _expand(self, node: etree._Element, children: set[str], attributes: dict) -> None:
        for item in node.iter():
            if item.tag == f"{XS}element" and item.get("ref"):
                children.add(item.get("ref").split(":")[1])
            elif item.tag == f"{XS}attribute":
                attributes[item.get("name") or item.get("ref")] = item
            elif item.tag in (f"{XS}group", f"{XS}attributeGroup") and item.get("ref"):
                self._expand(self.named[(item.tag, item.get("ref").split(":")[1])],
                             children, attributes)
            elif item.tag == f"{XS}extension" and item.get("base", "").startswith("tei:"):
                self._expand(self.named[(f"{XS}complexType", item.get("base")[4:])],
                             children, attributes)

    def declared(self, element: etree._Element) -> tuple[set[str], dict]:
        children: set[str] = set()
        attributes: dict = {}
        typed = element.get("type")
        source = self.named[(f"{XS}complexType", typed[4:])] if typed else element
        self._expand(source, children, attributes)
        return children, attributes


@pytest.fixture(scope="module")
def grammar(tei_all: Path) -> TeiGrammar:
    return TeiGrammar(tei_all)


PROJECT = ProjectSchema(XSD)
NAMES = [e.get("name") for e in PROJECT.elements()]


def test_the_project_declares_the_encoding_s_elements() -> None:
    assert {"TEI", "sp", "speaker", "choice", "sic", "corr", "supplied", "add", "gap",
            "note", "standOff", "abstract"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_children_and_attributes_are_allowed_by_tei(grammar: TeiGrammar, name: str) -> None:
    element = next(e for e in PROJECT.elements() if e.get("name") == name)
    children, attributes = PROJECT.declared(element)
    tei_children, tei_attributes = grammar.allowed(name)
    assert children - tei_children == set()
    ours = {a.replace("xml:", "") for a in attributes if not a.startswith("xml:")}
    assert ours - set(tei_attributes) == set()
    for attribute, declaration in attributes.items():
        mine = {v.get("value") for v in declaration.iter(f"{XS}enumeration")}
        tei = tei_attributes.get(attribute)
        if mine and tei is not None and not any(True for _ in tei.iter(f"{RNG}data")):
            assert mine <= {v.text for v in tei.iter(f"{RNG}value")}, attribute
