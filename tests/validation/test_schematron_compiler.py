"""Specification of tei_edition.validation.schematron: the ISO Schematron subset it compiles,
with ISO semantics (first matching rule of a pattern wins; asserts fire when false, reports
when true), what it refuses, and agreement with lxml.isoschematron on the project's rules."""

from __future__ import annotations

import pytest
from lxml import etree, isoschematron
from validation_support import EDITIONS, NUMBERED

from tei_edition.validation.patterns import context_expression, context_names
from tei_edition.validation.rules import sch_path
from tei_edition.validation.schematron import SVRL_NS, SchematronError, compile_schematron
from tei_edition.xmlio import parse_xml_file

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
DOCUMENT = f"""<TEI xmlns="{TEI}">
<text><body>
<sp who="#a"><speaker>A</speaker><p>one [two]</p></sp>
<sp who="#b"><p>three</p></sp>
<note n="1" xml:id="n1">four</note>
</body></text>
</TEI>"""


def schema(patterns: str, extra: str = "") -> etree._Element:
    return etree.XML(
        '<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" '
        'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" queryBinding="xslt">'
        f'<sch:ns prefix="tei" uri="{TEI}"/>{extra}{patterns}</sch:schema>')


def run(patterns: str, extra: str = "", document: str = DOCUMENT) -> list[tuple[str, str, str]]:
    """(id, element, message) of each finding, in report order."""
    validator = etree.XSLT(compile_schematron(schema(patterns, extra)))
    report = validator(etree.XML(document).getroottree())
    return [(entry.get("id"), entry.get("element"),
             " ".join(entry.findtext(f"{{{SVRL_NS}}}text").split()))
            for entry in report.getroot()]


def test_an_assert_reports_when_its_test_is_false_and_a_report_when_true() -> None:
    found = run('<sch:pattern><sch:rule context="tei:sp">'
                '<sch:assert id="has-speaker" test="tei:speaker">no speaker</sch:assert>'
                '<sch:report id="is-b" test="@who = \'#b\'">b speaks</sch:report>'
                '</sch:rule></sch:pattern>')
    assert found == [("has-speaker", "sp", "no speaker"), ("is-b", "sp", "b speaks")]


@pytest.mark.parametrize("first_context", ["tei:sp[@who = '#a']", "tei:*[@who = '#a']"])
def test_a_node_is_handled_by_the_first_rule_of_a_pattern_that_matches_it(first_context) -> None:
    # Named contexts are dispatched as templates, wildcard ones selected by XPath: both keep
    # the ISO rule that a later rule of the same pattern never sees a node an earlier took.
    found = run(f'<sch:pattern><sch:rule context="{first_context}">'
                '<sch:report id="first" test="true()">first</sch:report></sch:rule>'
                '<sch:rule context="tei:sp"><sch:report id="second" test="true()">'
                '<sch:value-of select="@who"/></sch:report></sch:rule></sch:pattern>')
    assert sorted(found) == [("first", "sp", "first"), ("second", "sp", "#b")]


def test_every_pattern_sees_every_node() -> None:
    found = run('<sch:pattern><sch:rule context="tei:sp"><sch:report id="p1" test="true()">'
                'x</sch:report></sch:rule></sch:pattern>'
                '<sch:pattern><sch:rule context="tei:sp"><sch:report id="p2" test="true()">'
                'y</sch:report></sch:rule></sch:pattern>')
    assert [code for code, _, _ in found] == ["p1", "p1", "p2", "p2"]


def test_let_value_of_and_name_are_evaluated_on_the_rules_node() -> None:
    found = run('<sch:pattern><sch:rule context="tei:note"><sch:let name="n" value="@n + 1"/>'
                '<sch:report id="note" test="$n = 2"><sch:name/> <sch:emph>n</sch:emph>='
                '<sch:value-of select="$n"/></sch:report></sch:rule></sch:pattern>')
    assert found == [("note", "note", "note n=2")]


def test_attribute_contexts_report_their_element_and_its_line() -> None:
    validator = etree.XSLT(compile_schematron(schema(
        '<sch:pattern><sch:rule context="@who"><sch:report id="who" test="true()">'
        '<sch:value-of select="local-name(..)"/></sch:report></sch:rule></sch:pattern>')))
    report = validator(etree.XML(DOCUMENT).getroottree())
    assert [(e.get("element"), e.get("line")) for e in report.getroot()] == \
        [("sp", "3"), ("sp", "4")]


def test_text_and_union_contexts_are_selected_as_expressions() -> None:
    found = run('<sch:pattern><sch:rule context="text()[contains(., \'[\')]">'
                '<sch:report id="bracket" test="true()"><sch:value-of select="."/>'
                '</sch:report></sch:rule></sch:pattern>'
                '<sch:pattern><sch:rule context="tei:speaker | tei:note">'
                '<sch:report id="u" test="true()">u</sch:report></sch:rule></sch:pattern>')
    assert found == [("bracket", "p", "one [two]"), ("u", "speaker", "u"), ("u", "note", "u")]


def test_top_level_keys_are_kept() -> None:
    found = run('<sch:pattern><sch:rule context="@who">'
                '<sch:assert id="resolves" test="key(\'ids\', substring(., 2))">'
                '<sch:value-of select="."/></sch:assert></sch:rule></sch:pattern>',
                extra='<xsl:key name="ids" match="@xml:id" use="."/>',
                document=DOCUMENT.replace('<note n="1" xml:id="n1">', '<note xml:id="a">'))
    assert found == [("resolves", "sp", "#b")]


def test_braces_in_an_id_are_not_an_attribute_value_template() -> None:
    found = run('<sch:pattern><sch:rule context="tei:note"><sch:report id="odd{id}" '
                'test="true()">x</sch:report></sch:rule></sch:pattern>')
    assert found == [("odd{id}", "note", "x")]


@pytest.mark.parametrize("construct", [
    '<sch:pattern abstract="true" id="a"><sch:rule context="tei:sp">'
    '<sch:assert test="true()">x</sch:assert></sch:rule></sch:pattern>',
    '<sch:phase id="p"/>',
    '<sch:diagnostics/>',
    '<sch:pattern><sch:rule context="tei:sp"><sch:assert test="true()" diagnostics="d">x'
    '</sch:assert></sch:rule></sch:pattern>',
    '<sch:pattern><sch:rule context="tei:sp"><sch:extends rule="r"/></sch:rule></sch:pattern>',
    '<sch:pattern><sch:rule><sch:assert test="true()">x</sch:assert></sch:rule></sch:pattern>',
    '<sch:pattern><sch:rule context="tei:sp"><sch:assert test="true()">'
    '<sch:unknown/></sch:assert></sch:rule></sch:pattern>',
])
def test_unsupported_schematron_is_refused_not_weakened(construct: str) -> None:
    with pytest.raises(SchematronError):
        compile_schematron(schema(construct))


def test_only_the_xslt_query_binding_is_accepted() -> None:
    with pytest.raises(SchematronError, match="queryBinding"):
        compile_schematron(etree.XML(
            '<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" '
            'queryBinding="xslt2"/>'))


@pytest.mark.parametrize(("context", "expression"), [
    ("tei:sp", "//tei:sp"),
    ("tei:a | tei:b[x | y]", "//tei:a | //tei:b[x | y]"),
    ("/tei:TEI/tei:teiHeader", "/tei:TEI/tei:teiHeader"),
    ("id('x')", "id('x')"),
    ("tei:p[contains(., '|')]", "//tei:p[contains(., '|')]"),
])
def test_a_context_becomes_the_expression_selecting_what_it_matches(context, expression) -> None:
    assert context_expression(context) == expression


@pytest.mark.parametrize(("context", "names"), [
    ("tei:sp", {("element", TEI, "sp")}),
    ("tei:TEI/tei:teiHeader", {("element", TEI, "teiHeader")}),
    ("@who | attribute::ref", {("attribute", "", "who"), ("attribute", "", "ref")}),
    ("tei:note[@n]", {("element", TEI, "note")}),
    ("tei:*[@who]", None),
    ("text()", None),
    ("@*", None),
])
def test_only_contexts_ending_in_names_are_dispatched(context, names) -> None:
    found = context_names(context, {"tei": TEI})
    assert (None if found is None else set(found)) == names


def _isoschematron_findings(tree: etree._ElementTree) -> list[tuple[str, str]]:
    reference = isoschematron.Schematron(etree.parse(str(sch_path())), store_report=True)
    reference.validate(tree)
    return sorted((entry.get("id"), " ".join(entry.findtext(f"{{{SVRL_NS}}}text").split()))
                  for entry in reference.validation_report.getroot()
                  if isinstance(entry.tag, str)
                  and etree.QName(entry).localname in ("failed-assert", "successful-report"))


@pytest.mark.parametrize("document", NUMBERED + EDITIONS, ids=lambda p: p.name)
def test_the_project_rules_give_what_lxml_isoschematron_gives(document) -> None:
    tree = parse_xml_file(document).tree
    assert tree is not None
    ours = etree.XSLT(compile_schematron(etree.parse(str(sch_path())).getroot()))(tree)
    found = sorted((entry.get("id"), " ".join(entry.findtext(f"{{{SVRL_NS}}}text").split()))
                   for entry in ours.getroot())
    assert found == _isoschematron_findings(tree)


def faulty_seed() -> etree._ElementTree:
    """The seed edition with a fault or an edge case of every rule, several of each."""
    tree = parse_xml_file(EDITIONS[0]).tree
    assert tree is not None
    ns = {"tei": TEI}
    turns = tree.xpath("//tei:sp", namespaces=ns)
    for index, turn in enumerate(turns):
        if index % 5 == 0:
            turn.set("who", "#nobody")  # rules.who-unresolved
        if index % 7 == 0:
            turn.remove(turn.find(f"{{{TEI}}}speaker"))  # rules.sp-speaker
        if index % 4 == 0:  # brackets: two bracketed texts in one element give one finding
            paragraph = turn.find(f"{{{TEI}}}p")
            paragraph.text = f"[left {index}] {paragraph.text or ''}"
            etree.SubElement(paragraph, f"{{{TEI}}}lb").tail = "and ]here["
        if index % 6 == 0:  # brackets kept on purpose: stage and time
            paragraph = turn.find(f"{{{TEI}}}p")
            etree.SubElement(paragraph, f"{{{TEI}}}stage").text = "[laughs]"
            etree.SubElement(paragraph, f"{{{TEI}}}time").text = "[00:00:12]"
    for index, element in enumerate(tree.xpath("//tei:supplied | //tei:add | //tei:corr",
                                                 namespaces=ns)):
        if index % 3 == 0:
            element.attrib.pop("reason", None)  # rules.supplied-reason
        if index % 4 == 0:
            element.attrib.pop("resp", None)  # rules.resp-missing
        if index % 5 == 1:
            element.set("resp", "#ghost")  # rules.resp-unresolved
    header_date = tree.xpath("//tei:creation/tei:date", namespaces=ns)[0]
    header_date.set("notBefore", "1956")  # good shape: the bad one after it is reported
    header_date.set("notAfter", "16-09-1956")
    header_date.set("to", "1956/09/17")  # a second bad date on one element: one finding
    body = tree.xpath("//tei:body/tei:div", namespaces=ns)[0]
    extra = etree.SubElement(body, f"{{{TEI}}}p")
    etree.SubElement(extra, f"{{{TEI}}}biblScope", {"from": "12", "to": "13"})  # page numbers
    etree.SubElement(extra, f"{{{TEI}}}time", when="10:30")  # a time of day
    etree.SubElement(extra, "{urn:other}mark", who="#nobody", when="never")  # not TEI
    outer = etree.SubElement(extra, f"{{{TEI}}}note", {XML_ID: "dup"})
    etree.SubElement(outer, f"{{{TEI}}}note")  # rules.note-nested
    etree.SubElement(extra, f"{{{TEI}}}note", {XML_ID: "dup"})
    etree.SubElement(extra, f"{{{TEI}}}choice").append(etree.Element(f"{{{TEI}}}sic"))
    etree.SubElement(extra, f"{{{TEI}}}ref", target="#nowhere", corresp="#a #b")
    return tree


def test_the_project_rules_give_what_lxml_isoschematron_gives_on_a_faulty_edition() -> None:
    tree = faulty_seed()
    ours = etree.XSLT(compile_schematron(etree.parse(str(sch_path())).getroot()))(tree)
    found = sorted((entry.get("id"), " ".join(entry.findtext(f"{{{SVRL_NS}}}text").split()))
                   for entry in ours.getroot())
    codes = {code for code, _ in found}
    assert codes >= {"rules.who-unresolved", "rules.sp-speaker", "rules.bracket-in-speech",
                     "rules.supplied-reason", "rules.resp-missing", "rules.resp-unresolved",
                     "rules.date-format", "rules.note-nested", "rules.note-id-unique",
                     "rules.choice-sic-corr", "rules.target-unresolved"}, codes
    assert found == _isoschematron_findings(tree)


def test_a_key_may_use_a_prefix_declared_on_the_schema_element() -> None:
    patterns = ('<sch:pattern><sch:rule context="@who"><sch:assert id="resolves" '
                'test="key(\'people\', substring(., 2))"><sch:value-of select="."/>'
                '</sch:assert></sch:rule></sch:pattern>')
    sch = etree.XML(
        '<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" '
        f'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="{TEI}" '
        f'queryBinding="xslt"><xsl:key name="people" match="t:sp" use="substring(@who, 2)"/>'
        f'{patterns}</sch:schema>')
    report = etree.XSLT(compile_schematron(sch))(etree.XML(DOCUMENT).getroottree())
    assert len(report.getroot()) == 0
