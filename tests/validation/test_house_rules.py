"""House rules whose Schematron was rewritten for speed (pointers and dates on attributes,
brackets searched in turns holding one, ids by attribute key): what each still reports."""

from __future__ import annotations

from lxml import etree
from validation_support import SCHEMA_TESTS

from tei_edition.validation.rules import check_rules
from tei_edition.xmlio import parse_xml_file

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NS = {"tei": TEI}
MINIMAL = SCHEMA_TESTS / "valid" / "002-minimal-record.xml"


def minimal() -> etree._ElementTree:
    tree = parse_xml_file(MINIMAL).tree
    assert tree is not None
    return tree


def rules_of(tree: etree._ElementTree) -> list[tuple[str, str | None, str]]:
    return [(f.diagnostic.code, f.element, f.diagnostic.message)
            for f in check_rules(tree, "mem.xml")]


def first_paragraph(tree: etree._ElementTree) -> etree._Element:
    return tree.xpath("//tei:sp/tei:p", namespaces=NS)[0]


def test_a_note_id_used_by_an_earlier_element_is_reported_at_the_note() -> None:
    tree = minimal()
    note = etree.SubElement(first_paragraph(tree), f"{{{TEI}}}note", {XML_ID: "smith"})
    note.text = "a note"
    assert rules_of(tree) == [("rules.note-id-unique", "note",
                               '@xml:id="smith" on note is already used by an earlier element')]


def test_the_first_of_two_notes_sharing_an_id_is_not_reported() -> None:
    tree = minimal()
    paragraph = first_paragraph(tree)
    etree.SubElement(paragraph, f"{{{TEI}}}note", {XML_ID: "n1"}).text = "first"
    etree.SubElement(paragraph, f"{{{TEI}}}note", {XML_ID: "n1"}).text = "second"
    assert [code for code, _, _ in rules_of(tree)] == ["rules.note-id-unique"]


def test_an_element_with_two_malformed_dates_gives_one_finding_naming_the_first() -> None:
    tree = minimal()
    date = tree.xpath("//tei:creation/tei:date", namespaces=NS)[0]
    del date.attrib["when"]
    date.set("notBefore", "1957")
    date.set("notAfter", "01-03-1957")
    date.set("to", "1957/03/02")
    assert rules_of(tree) == [("rules.date-format", "date",
                               '@notAfter="01-03-1957" on date is not an ISO 8601 date (YYYY, '
                               'YYYY-MM or YYYY-MM-DD, optionally with a time)')]


def test_page_numbers_times_of_day_and_foreign_elements_are_no_dates() -> None:
    tree = minimal()
    paragraph = first_paragraph(tree)
    etree.SubElement(paragraph, f"{{{TEI}}}biblScope", {"from": "12", "to": "13"})
    etree.SubElement(paragraph, f"{{{TEI}}}time", when="10:30")
    etree.SubElement(paragraph, "{urn:example}mark", when="never")
    assert rules_of(tree) == []


def test_pointers_on_elements_outside_tei_are_not_the_rules_business() -> None:
    tree = minimal()
    etree.SubElement(first_paragraph(tree), "{urn:example}mark", who="#nobody", ref="#x")
    assert rules_of(tree) == []


def test_every_single_pointer_attribute_on_one_element_is_checked() -> None:
    tree = minimal()
    etree.SubElement(first_paragraph(tree), f"{{{TEI}}}ref", target="#t", corresp="#c",
                     resp="#r")
    assert sorted(code for code, _, _ in rules_of(tree)) == [
        "rules.corresp-unresolved", "rules.resp-unresolved", "rules.target-unresolved"]


def test_one_bracket_finding_per_element_with_its_first_bracketed_text() -> None:
    tree = minimal()
    paragraph = first_paragraph(tree)
    paragraph.text = "We [should"
    etree.SubElement(paragraph, f"{{{TEI}}}lb").tail = "begin]."
    assert rules_of(tree) == [("rules.bracket-in-speech", "p",
                               'literal bracket left in the words of a turn (in p): '
                               '"We [should"')]


def test_brackets_of_stage_directions_time_codes_and_the_header_are_allowed() -> None:
    tree = minimal()
    paragraph = first_paragraph(tree)
    etree.SubElement(paragraph, f"{{{TEI}}}stage").text = "[laughs]"
    etree.SubElement(tree.xpath("//tei:sp/tei:speaker", namespaces=NS)[0],
                     f"{{{TEI}}}time").text = "[00:00:12]"
    tree.xpath("//tei:publicationStmt/tei:p", namespaces=NS)[0].text = "[no publisher]"
    assert rules_of(tree) == []
