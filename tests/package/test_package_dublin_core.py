"""xslt/dc.xsl: every Dublin Core element is taken from the TEI header, none invented."""

from __future__ import annotations

import copy

import pytest

from tei_edition.package.dublin_core import DC_NS, OAI_DC_NS, dublin_core_bytes
from tei_edition.xmlio import NSMAP, parse_xml_bytes


def _dc(tree) -> dict[str, list[str]]:
    data, diagnostics = dublin_core_bytes(tree)
    assert diagnostics == [] and data is not None
    root = parse_xml_bytes(data, "dc.xml").tree.getroot()
    assert root.tag == f"{{{OAI_DC_NS}}}dc"
    found: dict[str, list[str]] = {}
    for child in root:
        assert child.tag.startswith(f"{{{DC_NS}}}")
        found.setdefault(child.tag.split("}")[1], []).append(child.text)
    return found


@pytest.fixture(scope="module")
def mini_dc(mini_tree):
    return _dc(mini_tree)


def test_title_from_title_stmt(mini_dc):
    assert mini_dc["title"] == ["Record of a conversation with a delegation, 16 September 1956"]


def test_date_is_the_creation_date_of_the_record(mini_dc):
    assert mini_dc["date"] == ["1956-09-16"]


def test_contributors_are_the_editor_and_every_respstmt_name(mini_dc):
    assert mini_dc["contributor"] == ["Ada Example", "tei-edition", "Test Translator",
                                      "V. Kovyzhenko"]


def test_subjects_are_participants_and_mentioned_persons_without_their_roles(mini_dc):
    assert mini_dc["subject"] == ["Mikoyan", "Choe Yong-geon", "Kim Il Sung"]


def test_language_rights_identifier_description_source(mini_dc):
    assert mini_dc["language"] == ["en"]
    assert mini_dc["rights"] == ["CC BY 4.0 <https://creativecommons.org/licenses/by/4.0/>"]
    assert mini_dc["identifier"] == ["mini-record"]
    assert mini_dc["description"] == ["Mikoyan asks after Kim Il Sung's health."]
    assert mini_dc["source"] == ["Record of a conversation (translation). Test Archive",
                                 "https://example.org/document/1"]


def test_authors_are_creators(mini_tree):
    tree = copy.deepcopy(mini_tree)
    title_stmt = tree.xpath("//tei:titleStmt", namespaces=NSMAP)[0]
    author = title_stmt.makeelement(f"{{{NSMAP['tei']}}}author")
    author.text = "A. Author"
    title_stmt.insert(1, author)
    assert _dc(tree)["creator"] == ["A. Author"]


def test_elements_the_header_does_not_fill_are_left_out(mini_tree):
    tree = copy.deepcopy(mini_tree)
    for node in tree.xpath("//tei:abstract | //tei:availability | //tei:creation",
                           namespaces=NSMAP):
        node.getparent().remove(node)
    del tree.getroot().attrib["{http://www.w3.org/XML/1998/namespace}lang"]
    found = _dc(tree)
    for absent in ("description", "rights", "date", "language", "creator"):
        assert absent not in found
