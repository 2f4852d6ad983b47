"""Long lists of persons and bibliography entries (libxml2's cubic cliff on tei_all.rng) get
jing's verdict through the fast path. Timing is measured by `python -m bench`, not here."""

from __future__ import annotations

import pytest
from conformance_support import TEI_ALL, jing_rejected

from tei_edition.conformance import check_conformance_files, engine
from tei_edition.conformance.synthetic import bibl_list_document, person_list_document
from tei_edition.xmlio import parse_xml_bytes

CASES = {
    "persons-4000.xml": person_list_document(4000),
    "bibls-2000.xml": bibl_list_document(2000),
    "persons-4000-broken.xml": person_list_document(4000, break_it=True),
    "bibls-2000-broken.xml": bibl_list_document(2000, break_it=True),
}


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("cliffs")
    paths = {}
    for name, data in CASES.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths


def test_jing_accepts_the_long_lists_and_rejects_the_broken_ones(written):
    assert jing_rejected(list(written.values())) == {"persons-4000-broken.xml",
                                                     "bibls-2000-broken.xml"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fast_path_gives_jings_verdict_without_the_full_grammar(name, schema):
    tree = parse_xml_bytes(CASES[name], name).tree
    verdict = engine.judge(tree, schema)
    assert verdict.valid == ("broken" not in name)
    assert verdict.route in ("reduced", "confirmed")


def test_broken_person_list_names_the_intruder(written):
    found = check_conformance_files([written["persons-4000-broken.xml"]], TEI_ALL, jobs=1)
    assert [d.code for d in found] == ["tei.invalid"] * len(found) and found
    assert any("placeName" in d.message for d in found)


def test_tei_root_without_namespace_says_so(tmp_path):
    path = tmp_path / "no-namespace.xml"
    path.write_bytes(b"<TEI><teiHeader/></TEI>")
    found = check_conformance_files([path], TEI_ALL, jobs=1)
    assert found[0].code == "tei.invalid"
    assert "no namespace" in found[0].message and found[0].line == 1


def test_check_conformance_on_a_parsed_tree_returns_positioned_errors(tmp_path):
    from tei_edition.conformance import check_conformance

    data = person_list_document(10, break_it=True)
    path = tmp_path / "broken.xml"
    path.write_bytes(data)
    found = check_conformance(parse_xml_bytes(data, str(path)).tree, str(path), TEI_ALL)
    assert found and {d.code for d in found} == {"tei.invalid"}
    assert all(d.line > 1 for d in found)
