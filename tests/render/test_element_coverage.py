"""Every TEI element docs/encoding.md says the converter emits is in the all-elements fixture,
and so passes the strict render tests (an element without a template stops strict mode)."""

from __future__ import annotations

import re

import pytest
from render_helpers import ROOT_DIR, SHARED_DIR

from tei_edition.xmlio import TEI_NS, parse_xml_file

RNG_NS = "http://relaxng.org/ns/structure/1.0"
# Code spans of docs/encoding.md that are metadata keys, not elements, though TEI has
# elements of the same name.
METADATA_KEYS = {"language", "role", "summary"}


@pytest.fixture(scope="module")
def tei_element_names() -> set[str]:
    grammar = parse_xml_file(SHARED_DIR / "tei" / "tei_all.rng").tree
    return {e.get("name") for e in grammar.iter(f"{{{RNG_NS}}}element") if e.get("name")}


def elements_named_in_encoding_doc(tei_names: set[str]) -> set[str]:
    """TEI element names in the code spans of docs/encoding.md (e.g. `closer/signed`,
    `note[@place="foot"]`), leaving out attribute values and file names."""
    text = (ROOT_DIR / "docs" / "encoding.md").read_text(encoding="utf-8")
    names = set(re.findall(r"<([a-zA-Z]+)[\s>/]", text)) & tei_names  # the XML examples
    spans = [span for line in text.splitlines() for span in re.findall(r"`([^`]+)`", line)]
    for span in spans:
        without_predicates = re.sub(r"\[[^\]]*\]", "", span)
        for step in without_predicates.split("/"):
            if re.fullmatch(r"[a-zA-Z][a-zA-Z]*", step) and step in tei_names:
                names.add(step)
    return names - METADATA_KEYS


def test_the_fixture_holds_every_element_the_encoding_lists(tei_element_names, all_elements):
    listed = elements_named_in_encoding_doc(tei_element_names)
    assert {"sp", "speaker", "supplied", "add", "choice", "abstract"} <= listed
    fixture = {e.tag.split("}")[1] for e in parse_xml_file(all_elements).tree.iter()
               if isinstance(e.tag, str) and e.tag.startswith(f"{{{TEI_NS}}}")}
    assert sorted(listed - fixture) == []
