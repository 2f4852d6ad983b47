"""Properties: whatever is done to an edition, validation returns diagnostics (never raises),
each positioned, with a documented code, one line per place and layer, in document order."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from validation_support import EDITIONS, NUMBERED, ROOT, SCHEMA_TESTS

from tei_edition.diagnostics import Severity
from tei_edition.validation import validate_file, validate_tree
from tei_edition.xmlio import parse_xml_file

BASE = (EDITIONS or [SCHEMA_TESTS / "valid" / "001-record-of-conversation.xml"])[0]
DOCUMENTED = set(re.findall(r"`((?:schema|rules|checks|tei|validate|io)\.[\w-]+)`",
                            (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")))
NAMES = st.sampled_from(["foo", "p", "sp", "speaker", "choice", "sic", "corr", "note", "date",
                         "persName", "div", "head", "item", "list"])
ATTRIBUTES = st.sampled_from(["who", "ref", "resp", "when", "notBefore", "reason", "rend",
                              "target", "type", "{http://www.w3.org/XML/1998/namespace}id"])
VALUES = st.sampled_from(["#nobody", "#a #b", "16-09-1956", "1956-02-30", "", "x y",
                          "1956", "#mikoyan", "[", "n1"])
MUTATION = st.tuples(st.sampled_from(["rename", "set", "delete", "unwrap", "text"]),
                     st.integers(min_value=0), NAMES, ATTRIBUTES, VALUES)


def _mutate(root: etree._Element, mutation: tuple) -> None:
    kind, index, name, attribute, value = mutation
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    target = elements[index % len(elements)]
    parent = target.getparent()
    if kind == "rename":
        target.tag = f"{{http://www.tei-c.org/ns/1.0}}{name}"
    elif kind == "set":
        target.set(attribute, value)
    elif kind == "delete" and parent is not None:
        parent.remove(target)
    elif kind == "unwrap" and parent is not None:
        etree.strip_tags(parent, target.tag)
    elif kind == "text":
        target.text = (target.text or "") + value


def test_every_code_the_numbered_documents_produce_is_documented() -> None:
    codes = {d.code for path in NUMBERED for d in validate_file(path, profile="project")}
    assert codes <= DOCUMENTED


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MUTATION, min_size=1, max_size=4))
def test_validation_of_a_mutated_edition_is_well_formed_output(mutations: list) -> None:
    tree = parse_xml_file(BASE).tree
    assert tree is not None
    for mutation in mutations:
        _mutate(tree.getroot(), mutation)
    found = validate_tree(tree, str(BASE), profile="project")
    assert all(d.code in DOCUMENTED for d in found), {d.code for d in found} - DOCUMENTED
    assert all(d.severity is not Severity.FATAL for d in found)
    assert [d.line for d in found] == sorted(d.line for d in found)
    assert len({(d.line, d.code, d.message) for d in found}) == len(found)


def test_profile_tei_says_nothing_about_house_rules(tmp_path: Path) -> None:
    # A dangling pointer is a house rule, not a TEI P5 error.
    text = BASE.read_text(encoding="utf-8").replace('who="#', 'who="#nobody-', 1)
    changed = tmp_path / "changed.xml"
    changed.write_text(text, encoding="utf-8")
    assert [d.code for d in validate_file(changed, profile="project")] == [
        "rules.who-unresolved"]
    assert validate_file(changed, profile="tei") == []
