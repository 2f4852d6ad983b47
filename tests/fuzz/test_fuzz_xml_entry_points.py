"""Properties of the one XML entry point, `xmlio.parse_xml_bytes`, over arbitrary bytes and
over mutated valid TEI: it never raises, it returns a tree or a reason, and every reason is
one well-formed diagnostic line with a stable `xml.*` code.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree
from tei_mutations import HOSTILE_SNIPPETS, mutated, seed_bytes

from tei_edition.xmlio import XINCLUDE_NS, ParseResult, parse_xml_bytes, serialize

DIAGNOSTIC_LINE = re.compile(r"^fuzz\.xml:\d+:\d+: (info|warning|error|fatal) \[xml\.[a-z-]+\] \S")
SEEDS = seed_bytes()


def assert_tree_or_reason(result: ParseResult) -> None:
    assert isinstance(result, ParseResult)
    if result.tree is None:
        assert result.diagnostics, "a refused document must say why"
    for diagnostic in result.diagnostics:
        line = diagnostic.format_text()
        assert "\n" not in line and DIAGNOSTIC_LINE.match(line), line


def test_the_seed_documents_parse_cleanly() -> None:
    """The mutations start from documents that are fine, so every failure below is theirs."""
    for data in SEEDS:
        assert parse_xml_bytes(data, "fuzz.xml").diagnostics == ()


@given(st.binary(max_size=2048))
@example(b"")
@example(b"\x00")
@example(b"\xfe\xff")
@example(b"\xef\xbb\xbf")
@example(b"<?xml")
@example(b'<?xml version="1.0" encoding="')
@example(b"<!DOCTYPE")
@example(b"<!--")
def test_arbitrary_bytes_give_a_tree_or_a_diagnostic(data: bytes) -> None:
    assert_tree_or_reason(parse_xml_bytes(data, "fuzz.xml"))


@given(st.lists(st.sampled_from(HOSTILE_SNIPPETS + (b"<a>", b"</a>", b" ", b"x")), max_size=30))
def test_concatenated_markup_fragments_give_a_tree_or_a_diagnostic(parts: list[bytes]) -> None:
    assert_tree_or_reason(parse_xml_bytes(b"".join(parts), "fuzz.xml"))


@given(mutated(SEEDS))
def test_mutated_tei_gives_a_tree_or_a_diagnostic(data: bytes) -> None:
    assert_tree_or_reason(parse_xml_bytes(data, "fuzz.xml"))


@given(mutated(SEEDS))
def test_whatever_parses_has_no_dtd_entity_or_xinclude_and_round_trips(data: bytes) -> None:
    result = parse_xml_bytes(data, "fuzz.xml")
    if result.tree is None:
        return
    assert result.tree.docinfo.doctype == "" and result.tree.docinfo.internalDTD is None
    assert not list(result.tree.iter(etree.Entity))
    assert not list(result.tree.iter(f"{{{XINCLUDE_NS}}}include"))
    again = parse_xml_bytes(serialize(result.tree), "fuzz.xml")
    assert again.ok and serialize(again.tree) == serialize(result.tree)
