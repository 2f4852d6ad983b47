"""The project profile on large inputs: a 1 MB edition gives exactly one finding per fault put
into it (rules and Python checks, at the lines of the faulty elements), and pointer lists of
thousands of tokens are checked token by token. (How long this takes is measured by
`python -m bench --only project-schema`, never asserted here.)"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree
from validation_support import EDITIONS

from tei_edition.validation import validate_file, validate_tree
from tei_edition.xmlio import parse_xml_file, serialize

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NS = {"tei": TEI}


def grown_seed(target_bytes: int) -> etree._ElementTree:
    """The seed edition with the turns of its conversation repeated to ``target_bytes``."""
    tree = parse_xml_file(EDITIONS[0]).tree
    assert tree is not None
    conversation = tree.xpath("//tei:sp/..", namespaces=NS)[0]
    turns = conversation.xpath("tei:sp", namespaces=NS)
    size = len(serialize(tree))
    conversation.extend(copy.deepcopy(turn) for turn in turns)
    round_size = len(serialize(tree)) - size
    for _ in range(max(0, (target_bytes - size) // round_size)):
        conversation.extend(copy.deepcopy(turn) for turn in turns)
    return tree


@pytest.fixture(scope="module")
def faulty_megabyte(tmp_path_factory) -> tuple[Path, set[tuple[str, int]]]:
    """A 1 MB edition with faults in many turns, and the (code, line) each must give."""
    tree = grown_seed(1_000_000)
    for index, turn in enumerate(tree.xpath("//tei:sp", namespaces=NS)):
        if index % 50 == 7:
            turn.set("who", "#nobody")
        elif index % 60 == 11:
            turn.set("who", f"{turn.get('who')} #ghost")
        if index % 70 == 3:
            turn.remove(turn.find("tei:speaker", NS))
        if index % 90 == 5:
            paragraph = turn.find("tei:p", NS)
            paragraph.text = "[left] " + (paragraph.text or "")
    for index, supplied in enumerate(tree.xpath("//tei:supplied", namespaces=NS)):
        if index % 40 == 1:
            del supplied.attrib["reason"]
    path = tmp_path_factory.mktemp("large") / "edition-1mb.xml"
    path.write_bytes(serialize(tree))
    parsed = parse_xml_file(path).tree
    assert parsed is not None

    def lines(xpath: str) -> list[int]:
        return [node.sourceline for node in parsed.xpath(xpath, namespaces=NS)]

    expected = {("rules.who-unresolved", line) for line in lines("//tei:sp[@who='#nobody']")}
    expected |= {("checks.pointer-unresolved", line)
                 for line in lines("//tei:sp[contains(@who, '#ghost')]")}
    expected |= {("rules.sp-speaker", line) for line in lines("//tei:sp[not(tei:speaker)]")}
    expected |= {("rules.bracket-in-speech", line)
                 for line in lines("//tei:p[starts-with(., '[left]')]")}
    expected |= {("rules.supplied-reason", line) for line in lines("//tei:supplied[not(@reason)]")}
    return path, expected


def test_the_grown_edition_is_a_megabyte(faulty_megabyte) -> None:
    path, expected = faulty_megabyte
    assert path.stat().st_size >= 1_000_000
    assert len(expected) > 200


def test_a_megabyte_edition_gives_one_finding_per_fault_at_its_line(faulty_megabyte) -> None:
    path, expected = faulty_megabyte
    found = validate_file(path, profile="project")
    assert sorted((d.code, d.line) for d in found) == sorted(expected)


def test_a_megabyte_tree_in_memory_gives_the_same_findings(faulty_megabyte) -> None:
    path, expected = faulty_megabyte
    tree = parse_xml_file(path).tree
    found = validate_tree(tree, str(path), profile="project")
    assert sorted((d.code, d.line) for d in found) == sorted(expected)


def _with_persons(count: int) -> etree._ElementTree:
    tree = parse_xml_file(EDITIONS[0]).tree
    assert tree is not None
    persons = tree.xpath("//tei:listPerson", namespaces=NS)[0]
    for number in range(count):
        person = etree.SubElement(persons, f"{{{TEI}}}person", {XML_ID: f"p{number}"})
        etree.SubElement(person, f"{{{TEI}}}persName").text = f"Person {number}"
    return tree


def test_a_pointer_list_of_thousands_of_tokens_names_only_its_dangling_tokens() -> None:
    tree = _with_persons(3_000)
    turn = tree.xpath("//tei:sp", namespaces=NS)[0]
    tokens = [f"#p{number}" for number in range(3_000)]
    turn.set("who", " ".join(tokens[:1500] + ["#ghost"] + tokens[1500:] + ["#nobody"]))
    found = validate_tree(tree, "many.xml", profile="project")
    assert [d.code for d in found] == ["checks.pointer-unresolved"]
    assert found[0].message.endswith(
        "on sp: #ghost, #nobody points to no xml:id in this document")


def test_a_pointer_list_of_thousands_of_resolving_tokens_is_clean() -> None:
    tree = _with_persons(3_000)
    turn = tree.xpath("//tei:sp", namespaces=NS)[0]
    turn.set("who", " ".join(f"#p{number}" for number in range(3_000)))
    assert validate_tree(tree, "many.xml", profile="project") == []
