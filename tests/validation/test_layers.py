"""The layers one by one: Python checks, the merge of findings, the XSD explainer's sandbox,
compile-once caches, and the public API on trees built in memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from validation_support import SCHEMA_TESTS, serve_directory

from tei_edition.diagnostics import Diagnostic, Severity
from tei_edition.validation import validate_file, validate_tree
from tei_edition.validation.checks import calendar_problem
from tei_edition.validation.findings import (
    LAYER_RULES,
    LAYER_SCHEMA,
    LAYER_TEI,
    Finding,
    merge_findings,
)
from tei_edition.validation.project_schema import compiled_schema
from tei_edition.validation.rules import compiled_rules
from tei_edition.xmlio import NSMAP, parse_xml_file

MINIMAL = SCHEMA_TESTS / "valid" / "002-minimal-record.xml"


def _tree() -> etree._ElementTree:
    tree = parse_xml_file(MINIMAL).tree
    assert tree is not None
    return tree


@pytest.mark.parametrize("value", ["1956", "1956-09", "1956-09-16", "1956-09-16T10:30",
                                   "1956-09-16T10:30:00Z", "2000-02-29", "16-09-1956"])
def test_real_dates_and_wrong_shapes_are_no_calendar_problem(value: str) -> None:
    assert calendar_problem(value) is None  # wrong shapes are rules.date-format's


@pytest.mark.parametrize("value", ["1957-02-29", "1956-04-31", "1956-09-16T24:00",
                                   "1956-09-16T10:61", "1956-09-16T10:30+15:00"])
def test_shaped_but_impossible_dates_are_calendar_problems(value: str) -> None:
    assert calendar_problem(value)


def test_duplicate_ids_in_a_tree_built_in_memory_are_reported_at_the_second() -> None:
    tree = _tree()
    group = tree.xpath("//tei:listPerson", namespaces=NSMAP)[0]
    group.set("{http://www.w3.org/XML/1998/namespace}id", "smith")  # before person "smith"
    person = tree.xpath("//tei:person[@xml:id='smith']", namespaces=NSMAP)[0]
    found = validate_tree(tree, "mem.xml", profile="project")
    assert [d.code for d in found] == ["checks.duplicate-id"]
    assert found[0].line == person.sourceline
    assert "first used at line" in (found[0].hint or "")


def test_a_pointer_list_is_checked_token_by_token() -> None:
    tree = _tree()
    tree.xpath("//tei:sp", namespaces=NSMAP)[0].set("who", "#smith #jones #brown #green")
    found = validate_tree(tree, "mem.xml", profile="project")
    assert [d.code for d in found] == ["checks.pointer-unresolved"]
    assert "#brown, #green" in found[0].message


def test_validate_tree_accepts_an_element_as_well_as_a_tree() -> None:
    assert validate_tree(_tree().getroot(), "mem.xml", profile="project") == []


def test_an_unknown_profile_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        validate_tree(_tree(), "mem.xml", profile="strict")


def _finding(layer: int, line: int, element: str | None, attribute: str | None,
             code: str) -> Finding:
    return Finding(Diagnostic("f.xml", line, 0, Severity.ERROR, code, code), element,
                   attribute, layer)


def test_the_same_place_from_several_layers_is_kept_once_from_the_most_specific() -> None:
    merged = merge_findings([
        _finding(LAYER_SCHEMA, 9, "date", "when", "schema.invalid-attribute"),
        _finding(LAYER_RULES, 9, "date", "when", "rules.date-format"),
    ])
    assert [d.code for d in merged] == ["rules.date-format"]


def test_different_attributes_of_one_element_are_different_faults() -> None:
    merged = merge_findings([
        _finding(LAYER_SCHEMA, 9, "sp", "toWhom", "schema.unexpected-attribute"),
        _finding(LAYER_RULES, 9, "sp", "who", "rules.who-unresolved"),
    ])
    assert len(merged) == 2


def test_two_findings_of_one_layer_on_one_line_are_both_kept() -> None:
    merged = merge_findings([
        _finding(LAYER_RULES, 9, "sp", None, "rules.sp-speaker"),
        _finding(LAYER_RULES, 9, "sp", "who", "rules.who-unresolved"),
    ])
    assert len(merged) == 2


def test_conformance_errors_are_dropped_when_the_project_schema_rejects() -> None:
    merged = merge_findings([
        _finding(LAYER_SCHEMA, 20, "foo", None, "schema.unexpected-element"),
        _finding(LAYER_TEI, 12, "div", None, "tei.invalid"),
    ])
    assert [d.code for d in merged] == ["schema.unexpected-element"]


def test_conformance_errors_are_kept_when_the_project_schema_accepts() -> None:
    merged = merge_findings([
        _finding(LAYER_RULES, 20, "sp", "who", "rules.who-unresolved"),
        _finding(LAYER_TEI, 12, "div", None, "tei.invalid"),
    ])
    assert [d.code for d in merged] == ["tei.invalid", "rules.who-unresolved"]


def test_schemas_are_compiled_once_per_process() -> None:
    assert compiled_schema() is compiled_schema()
    assert compiled_rules() is compiled_rules()


def test_the_explainer_never_follows_xsi_schema_location(tmp_path: Path) -> None:
    (tmp_path / "evil.xsd").write_text("<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'/>")
    with serve_directory(tmp_path) as (base, hits):
        text = MINIMAL.read_text(encoding="utf-8").replace(
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"',
            '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xsi="http://www.w3.org/2001/'
            f'XMLSchema-instance" xsi:schemaLocation="http://www.tei-c.org/ns/1.0 {base}/evil.xsd"',
            1)
        text = text.replace("<speaker>SMITH</speaker>", "<speaker>SMITH</speaker><foo/>")
        document = tmp_path / "doc.xml"
        document.write_text(text, encoding="utf-8")
        found = validate_file(document, profile="project")
    assert "schema.unexpected-element" in {d.code for d in found}
    assert hits == []


def test_an_id_that_is_not_a_name_is_a_schema_error() -> None:
    tree = _tree()
    tree.xpath("//tei:listPerson", namespaces=NSMAP)[0].set(
        "{http://www.w3.org/XML/1998/namespace}id", "1st group")
    found = validate_tree(tree, "mem.xml", profile="project")
    assert [d.code for d in found] == ["schema.invalid-attribute"]
    assert "xml:id" in found[0].message


def test_validate_file_gives_the_column_of_the_attribute_at_fault() -> None:
    who = SCHEMA_TESTS / "invalid" / "101-who-unresolved.xml"
    (found,) = validate_file(who, profile="project")
    line = who.read_text(encoding="utf-8").splitlines()[found.line - 1]
    assert line[found.column - 1:].startswith('who="#brown"')


def test_validate_file_gives_the_column_of_the_element_at_fault() -> None:
    unknown = SCHEMA_TESTS / "invalid" / "115-unknown-element.xml"
    (found,) = validate_file(unknown, profile="project")
    line = unknown.read_text(encoding="utf-8").splitlines()[found.line - 1]
    assert line[found.column - 1:].startswith("<emph>")


def test_a_single_rendition_pointer_is_checked_by_the_python_checks() -> None:
    tree = _tree()
    tree.xpath("//tei:p", namespaces=NSMAP)[0].set("rendition", "#missing-style")
    found = validate_tree(tree, "mem.xml", profile="project")
    assert [d.code for d in found] == ["checks.pointer-unresolved"]


def test_a_file_with_a_duplicate_id_is_parsed_and_the_duplicate_reported(tmp_path) -> None:
    """A duplicate xml:id must not stop parsing (which would hide every other finding)."""
    from tei_edition.validation import validate_file

    document = tmp_path / "dup.xml"
    document.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<a xml:id="x"/>\n<b xml:id="x"/>\n</TEI>\n')
    codes = [(d.code, d.line) for d in validate_file(document, profile="project")]
    assert ("checks.duplicate-id", 3) in codes
    assert not any(code.startswith("xml.") for code, _ in codes)
