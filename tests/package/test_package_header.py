"""bag-info.txt facts from the TEI header, and the Bagging-Date rule (never the wall clock)."""

from __future__ import annotations

import copy

import pytest

from tei_edition.package import header
from tei_edition.xmlio import NSMAP


def _without(tree, xpath):
    tree = copy.deepcopy(tree)
    for node in tree.xpath(xpath, namespaces=NSMAP):
        node.getparent().remove(node)
    return tree


def test_facts_come_from_the_tei_header(mini_tree):
    facts = header.read_header_facts(mini_tree)
    assert facts.title == "Record of a conversation with a delegation, 16 September 1956"
    assert facts.identifiers == ("mini-record",)
    assert facts.publisher == "tei-edition test press"
    assert facts.rights == "CC BY 4.0 <https://creativecommons.org/licenses/by/4.0/>"
    assert facts.publication_date == "2024-05-01"
    assert facts.latest_change_date == "2024-04-30"


def test_source_date_epoch_wins_over_the_header(mini_tree):
    facts = header.read_header_facts(mini_tree)
    assert header.bagging_date(facts, {"SOURCE_DATE_EPOCH": "86400"}) == "1970-01-02"


def test_publication_date_is_the_bagging_date_without_source_date_epoch(mini_tree):
    assert header.bagging_date(header.read_header_facts(mini_tree), {}) == "2024-05-01"


def test_latest_change_is_the_bagging_date_without_a_publication_date(mini_tree):
    tree = _without(mini_tree, "//tei:publicationStmt/tei:date")
    assert header.bagging_date(header.read_header_facts(tree), {}) == "2024-04-30"


def test_no_date_anywhere_leaves_bagging_date_out(mini_tree):
    tree = _without(mini_tree, "//tei:publicationStmt/tei:date | //tei:revisionDesc")
    facts = header.read_header_facts(tree)
    assert header.bagging_date(facts, {}) is None
    labels = [label for label, _ in header.bag_info_fields(facts, date=None, payload_oxum="1.1")]
    assert "Bagging-Date" not in labels


def test_a_year_alone_is_not_a_bagging_date(mini_tree):
    tree = copy.deepcopy(mini_tree)
    tree.xpath("//tei:publicationStmt/tei:date", namespaces=NSMAP)[0].set("when", "2024")
    assert header.bagging_date(header.read_header_facts(tree), {}) == "2024-04-30"


def test_source_date_epoch_that_is_not_a_number_is_refused(mini_tree):
    with pytest.raises(header.BaggingDateError):
        header.bagging_date(header.read_header_facts(mini_tree), {"SOURCE_DATE_EPOCH": "today"})


def test_bag_info_fields_in_fixed_order(mini_tree):
    facts = header.read_header_facts(mini_tree)
    fields = header.bag_info_fields(facts, date="2024-05-01", payload_oxum="10.2")
    assert fields == [
        ("Source-Organization", "tei-edition test press"),
        ("External-Description", "Record of a conversation with a delegation, 16 September 1956"),
        ("External-Identifier", "mini-record"),
        ("Bagging-Date", "2024-05-01"),
        ("Bag-Software-Agent", header.SOFTWARE_AGENT),
        ("Payload-Oxum", "10.2"),
        ("Rights", "CC BY 4.0 <https://creativecommons.org/licenses/by/4.0/>"),
    ]


def test_missing_publisher_and_licence_are_left_out_not_invented(mini_tree):
    tree = _without(mini_tree, "//tei:publicationStmt/tei:publisher | //tei:availability")
    labels = [label for label, _ in header.bag_info_fields(
        header.read_header_facts(tree), date=None, payload_oxum="1.1")]
    assert "Source-Organization" not in labels and "Rights" not in labels
