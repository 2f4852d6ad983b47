"""Four faults planted in a copy of an edition give exit 1 and exactly four diagnostics, one
per fault, each with its line and a stable code, whatever layers also notice them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree
from validation_support import EDITIONS, SCHEMA_TESTS

from tei_edition.cli import cli
from tei_edition.xmlio import NSMAP, TEI_NS, parse_xml_file, serialize, write_atomic

BASES = EDITIONS[:1] + [SCHEMA_TESTS / "valid" / "001-record-of-conversation.xml"]


def plant_faults(source: Path, target: Path) -> None:
    tree = parse_xml_file(source).tree
    assert tree is not None
    turns = tree.xpath("//tei:sp[@who]", namespaces=NSMAP)
    turns[0].set("who", "#nobody")
    tree.xpath("//tei:profileDesc/tei:creation/tei:date", namespaces=NSMAP)[0].set(
        "when", "16-09-1956")
    unknown = etree.SubElement(turns[-1].find("tei:p", NSMAP), f"{{{TEI_NS}}}foo")
    unknown.text = "x"
    correction = tree.xpath("//tei:choice/tei:corr", namespaces=NSMAP)[0]
    correction.tag = f"{{{TEI_NS}}}sic"
    write_atomic(target, serialize(tree))


def fault_lines(path: Path) -> dict[str, int]:
    tree = parse_xml_file(path).tree
    assert tree is not None

    def line(xpath: str) -> int:
        return tree.xpath(xpath, namespaces=NSMAP)[0].sourceline

    return {
        "rules.who-unresolved": line("//tei:sp[@who='#nobody']"),
        "rules.date-format": line("//tei:creation/tei:date"),
        "schema.unexpected-element": line("//tei:foo"),
        "rules.choice-sic-corr": line("//tei:choice[count(tei:sic) = 2]"),
    }


@pytest.fixture(params=BASES, ids=lambda p: p.name)
def faulty(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    target = tmp_path / "faulty.xml"
    plant_faults(request.param, target)
    return target


def test_the_unmodified_bases_are_clean(runner) -> None:
    result = runner.invoke(cli, ["validate", "--profile", "all", *map(str, BASES)])
    assert result.exit_code == 0, result.stderr


def test_each_fault_is_reported_once_with_line_and_code(runner, faulty: Path) -> None:
    result = runner.invoke(cli, ["validate", "--profile", "all", "--format", "json",
                                 str(faulty)])
    assert result.exit_code == 1
    reported = json.loads(result.stderr)
    assert sorted((d["code"], d["line"]) for d in reported) == sorted(
        fault_lines(faulty).items())
    assert all(d["severity"] == "error" and d["path"] == str(faulty) for d in reported)


def test_the_faults_are_distinct_lines(faulty: Path) -> None:
    # Otherwise "one per fault" could hide a merge of two faults into one line.
    assert len(set(fault_lines(faulty).values())) == 4


def test_text_output_has_one_line_per_fault(runner, faulty: Path) -> None:
    result = runner.invoke(cli, ["validate", str(faulty)])
    lines = result.stderr.splitlines()
    assert len(lines) == 4
    assert all(line.startswith(f"{faulty}:") and " error [" in line for line in lines)
