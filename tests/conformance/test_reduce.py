"""Grammar reduction keeps the verdict of every document over the kept names (RELAX NG §4.19)."""

from __future__ import annotations

import pytest
from conformance_support import TEI_ALL
from lxml import etree

from tei_edition.conformance.grammar import (
    UnsupportedGrammar,
    content_of,
    element_defines,
    read_grammar,
    read_grammar_lazily,
)
from tei_edition.conformance.reduce import reduce_grammar
from tei_edition.conformance.rngwrite import to_rng

RNG = "http://relaxng.org/ns/structure/1.0"
LIST_GRAMMAR = f"""<grammar xmlns="{RNG}" ns="urn:t">
  <start><ref name="list"/></start>
  <define name="list"><element name="list">
    <zeroOrMore><ref name="head"/></zeroOrMore>
    <oneOrMore><oneOrMore><ref name="item"/></oneOrMore>
      <zeroOrMore><choice><ref name="note"/><ref name="gap"/></choice></zeroOrMore></oneOrMore>
    <optional><attribute name="type"/></optional>
  </element></define>
  <define name="head"><element name="head"><text/></element></define>
  <define name="item"><element name="item"><text/></element></define>
  <define name="note"><element name="note"><text/></element></define>
  <define name="gap"><element name="gap"><empty/></element></define>
  <define name="unused"><element name="unused"><empty/></element></define>
</grammar>""".encode()


def names(*locals_: str) -> frozenset[tuple[str, str]]:
    return frozenset(("urn:t", local) for local in locals_)


def compiled(elements, attributes=frozenset(), mode="prune") -> etree.RelaxNG:
    ir = read_grammar(LIST_GRAMMAR)
    start, defines = reduce_grammar(ir, elements, attributes, mode)
    return etree.RelaxNG(etree.fromstring(to_rng(start, defines, ir)))


def doc(body: str) -> etree._ElementTree:
    return etree.fromstring(f'<list xmlns="urn:t">{body}</list>').getroottree()


def test_absent_elements_and_unreachable_defines_are_dropped():
    ir = read_grammar(LIST_GRAMMAR)
    _, defines = reduce_grammar(ir, names("list", "item"), frozenset(), "prune")
    assert sorted(defines) == ["item", "list"]


def test_stub_mode_keeps_absent_elements_as_empty_stubs():
    ir = read_grammar(LIST_GRAMMAR)
    _, defines = reduce_grammar(ir, names("list", "item"), frozenset(), "stub")
    assert defines["note"] == ("element", ("name", "urn:t", "note"), ("empty",))
    assert "unused" not in defines


def test_nested_repetition_becomes_flat_and_equivalent():
    ir = read_grammar(LIST_GRAMMAR)
    _, defines = reduce_grammar(ir, names("list", "item", "note"), frozenset(), "prune")
    content = defines["list"][2]
    assert ("zeroOrMore", ("choice", (("ref", "item"), ("ref", "note")))) in content[1]
    grammar = compiled(names("list", "item", "note"))
    assert grammar.validate(doc("<item/><note/><item/><item/><note/><note/>"))
    assert not grammar.validate(doc("<note/><item/>"))
    assert not grammar.validate(doc(""))


@pytest.mark.parametrize("mode", ["prune", "stub"])
@pytest.mark.parametrize("body, valid", [
    ("<head/><item/>", True),
    ("<item/><head/>", False),
    ("<item/><gap/><item/>", True),
    ("<gap/>", False),
])
def test_reduced_verdicts_equal_the_full_grammars(mode, body, valid):
    tree = doc(body)
    full = etree.RelaxNG(etree.fromstring(LIST_GRAMMAR))
    used = frozenset((etree.QName(e).namespace, etree.QName(e).localname) for e in tree.iter())
    assert full.validate(tree) is valid
    assert compiled(used, mode=mode).validate(tree) is valid


def test_an_attribute_absent_from_the_document_is_dropped_not_required():
    grammar = compiled(names("list", "item"))
    assert grammar.validate(doc("<item/>"))


def test_an_attribute_present_in_the_document_is_kept():
    grammar = compiled(names("list", "item"), frozenset({("", "type")}))
    tree = etree.fromstring('<list xmlns="urn:t" type="x"><item/></list>').getroottree()
    assert grammar.validate(tree)


CLASS_GRAMMAR = f"""<grammar xmlns="{RNG}" ns="urn:t">
  <start><element name="p"><ref name="att.global.attributes"/><text/></element></start>
  <define name="att.global.attributes"><ref name="att.id.attributes"/>
    <optional><attribute name="n"/></optional><empty/></define>
  <define name="att.id.attributes"><optional><attribute name="id"/></optional></define>
</grammar>""".encode()


def test_an_attribute_class_becomes_one_flat_group_of_its_attributes():
    ir = read_grammar(CLASS_GRAMMAR)
    _, defines = reduce_grammar(ir, frozenset({("urn:t", "p")}), None, "prune")
    assert defines["att.global.attributes"] == ("group", (
        ("optional", ("attribute", ("name", "", "id"), ("text",))),
        ("optional", ("attribute", ("name", "", "n"), ("text",)))))
    assert "att.id.attributes" not in defines  # now written inside the class


@pytest.mark.parametrize("attributes, valid", [
    ("", True), (' id="a" n="1"', True), (' n="1"', True), (' type="x"', False)])
def test_flat_attribute_classes_accept_what_the_nested_ones_accept(attributes, valid):
    ir = read_grammar(CLASS_GRAMMAR)
    start, defines = reduce_grammar(ir, frozenset({("urn:t", "p")}), None, "prune")
    flat = etree.RelaxNG(etree.fromstring(to_rng(start, defines, ir)))
    nested = etree.RelaxNG(etree.fromstring(CLASS_GRAMMAR))
    tree = etree.fromstring(f'<p xmlns="urn:t"{attributes}>text</p>').getroottree()
    assert nested.validate(tree) is valid
    assert flat.validate(tree) is valid


def test_grammar_with_include_is_reported_unsupported():
    data = f'<grammar xmlns="{RNG}"><include href="x.rng"/><start><empty/></start></grammar>'
    with pytest.raises(UnsupportedGrammar):
        read_grammar(data.encode())


def _forced(pattern):
    """The pattern with every lazy element content converted."""
    kind = pattern[0]
    if kind == "element":
        return (kind, pattern[1], _forced(content_of(pattern)))
    if kind == "attribute":
        return (kind, pattern[1], _forced(pattern[2]))
    if kind in ("choice", "group", "interleave"):
        return (kind, tuple(_forced(child) for child in pattern[1]))
    if kind in ("oneOrMore", "zeroOrMore", "optional", "mixed", "list"):
        return (kind, _forced(pattern[1]))
    if kind == "data" and pattern[4] is not None:
        return (*pattern[:4], _forced(pattern[4]))
    return pattern


def test_reading_tei_all_lazily_gives_the_whole_reading_once_forced():
    data = TEI_ALL.read_bytes()
    whole = read_grammar(data)
    lazy = read_grammar_lazily(data)
    assert _forced(lazy["start"]) == whole["start"]
    assert {name: _forced(lazy["defines"][name]) for name in lazy["defines"].names()} == \
        whole["defines"]
    assert element_defines(lazy) == element_defines(whole)


def test_a_lazy_reading_refuses_an_undefined_reference_at_once():
    data = ('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="a"/>'
            "</start></grammar>")
    with pytest.raises(UnsupportedGrammar):
        read_grammar_lazily(data.encode())


def test_a_lazy_reading_refuses_an_undefined_reference_when_the_reduction_follows_it():
    data = (f'<grammar xmlns="{RNG}"><start><ref name="a"/></start>'
            '<define name="a"><element name="a"><ref name="b"/></element></define></grammar>')
    ir = read_grammar_lazily(data.encode())
    with pytest.raises(UnsupportedGrammar):
        reduce_grammar(ir, frozenset({("", "a")}), None, "prune")


def test_annotations_and_comments_inside_a_value_are_skipped_and_the_text_around_kept():
    data = (f'<grammar xmlns="{RNG}" xmlns:a="urn:annotation"><start><element name="a">'
            "<value>le<a:note>not this</a:note>f<!-- nor this -->t</value></element></start>"
            "</grammar>")
    for read in (read_grammar, read_grammar_lazily):
        start = read(data.encode())["start"]
        assert content_of(start) == ("value", "", None, "", "left")
