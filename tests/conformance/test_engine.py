"""The verdict rule: a reduced acceptance is final, a reduced rejection is confirmed by a
differently shaped grammar, and a disagreement goes to the full grammar."""

from __future__ import annotations

from lxml import etree

from tei_edition.conformance import engine
from tei_edition.conformance.synthetic import person_list_document
from tei_edition.xmlio import parse_xml_bytes

VALID = parse_xml_bytes(person_list_document(5), "valid.xml").tree
BROKEN = parse_xml_bytes(person_list_document(5, break_it=True), "broken.xml").tree
ANYTHING = etree.RelaxNG(etree.fromstring(
    b'<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="any"/></start>'
    b'<define name="any"><element><anyName/><zeroOrMore><choice><attribute><anyName/>'
    b'</attribute><text/><ref name="any"/></choice></zeroOrMore></element></define>'
    b"</grammar>"))


def test_an_acceptance_by_the_reduced_grammar_is_final(schema):
    assert engine.judge(VALID, schema) == engine.Verdict(True, (), "reduced")


def test_a_rejection_confirmed_by_the_stub_grammar_is_final(schema):
    verdict = engine.judge(BROKEN, schema)
    assert not verdict.valid and verdict.route == "confirmed"
    assert any("placeName" in message for _, message in verdict.errors)


def test_when_the_two_reductions_disagree_the_full_grammar_decides(schema, full_grammar,
                                                                   monkeypatch):
    real = engine.reduced_grammar

    def stub_that_accepts_anything(schema, elements, attributes, mode, start_element=None):
        if mode == "stub":
            return ANYTHING
        return real(schema, elements, attributes, mode, start_element)

    monkeypatch.setattr(engine, "reduced_grammar", stub_that_accepts_anything)
    verdict = engine.judge(BROKEN, schema)
    assert not verdict.valid and verdict.route == "full"


def test_a_grammar_the_reader_cannot_reduce_is_used_whole(tmp_path):
    rng = tmp_path / "combined.rng"
    rng.write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="a"/></start>'
        '<define name="a" combine="choice"><element name="a"><empty/></element></define>'
        "</grammar>", encoding="utf-8")
    schema = engine.load_schema(rng)
    assert schema.ir is None
    assert engine.judge(etree.fromstring(b"<a/>").getroottree(), schema).route == "full"
    assert not engine.judge(etree.fromstring(b"<b/>").getroottree(), schema).valid


def test_an_unreadable_schema_is_reported_not_raised(tmp_path):
    from tei_edition.conformance import check_conformance

    [diagnostic] = check_conformance(VALID, "valid.xml", tmp_path / "missing.rng")
    assert diagnostic.code == "tei.schema-unusable"
