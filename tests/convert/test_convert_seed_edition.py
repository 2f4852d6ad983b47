"""The seed edition (editions/<slug>/): structure, validity, pointers, freshness, golden file.

Set TEI_EDITION_REGEN=1 to rewrite the committed edition TEI and the golden file from the
current converter (then review the diff before committing).
"""

from __future__ import annotations

import difflib
import os
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from convert_support import NS, unresolved_pointers

from conftest import EDITION_TOML, EDITION_TXT, EDITION_XML, SEED
from tei_edition.xmlio import serialize

GOLDEN_NO_METADATA = Path(__file__).parent / "golden" / "seed-without-metadata.xml"
REGEN = os.environ.get("TEI_EDITION_REGEN") == "1"


def _compare_or_regenerate(path: Path, fresh: bytes) -> None:
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(fresh)
    committed = path.read_bytes()
    if committed != fresh:
        diff = difflib.unified_diff(committed.decode().splitlines(), fresh.decode().splitlines(),
                                    str(path), "fresh conversion", lineterm="", n=2)
        pytest.fail(f"{path.name} is stale (TEI_EDITION_REGEN=1 rewrites it):\n"
                    + "\n".join(list(diff)[:80]))


def test_edition_transcript_is_the_seed_unchanged():
    assert EDITION_TXT.read_bytes() == SEED.read_bytes()


def test_committed_edition_tei_is_not_stale(seed_edition_tree):
    _compare_or_regenerate(EDITION_XML, serialize(seed_edition_tree))


def test_golden_seed_without_metadata_matches():
    from tei_edition.convert import convert_bytes

    result = convert_bytes(SEED.read_bytes(), source_path=SEED.name)
    assert result.tree is not None
    _compare_or_regenerate(GOLDEN_NO_METADATA, serialize(result.tree))


def test_converting_twice_gives_identical_bytes():
    from tei_edition.convert import convert_file

    first = serialize(convert_file(EDITION_TXT).tree)
    second = serialize(convert_file(EDITION_TXT).tree)
    assert first == second


def test_edition_converts_without_warnings():
    from tei_edition.convert import convert_file

    assert convert_file(EDITION_TXT).diagnostics == []


def test_edition_is_valid_tei_for_lxml(seed_edition_tree, conforms):
    assert conforms(seed_edition_tree, str(EDITION_XML)) == []


def test_edition_is_valid_tei_for_jing(tei_all):
    run = subprocess.run(["jing", str(tei_all), str(EDITION_XML)], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stdout


def test_has_52_turns_by_three_speakers(seed_edition_root):
    who = Counter(sp.get("who") for sp in seed_edition_root.iterfind(".//t:body//t:sp", NS))
    assert who == {"#mikoyan": 24, "#choe-yong-geon": 20, "#rim-hae": 8}


def test_has_ten_participants_in_two_groups(seed_edition_root):
    groups = seed_edition_root.findall(".//t:particDesc/t:listPerson", NS)
    assert [len(g.findall("t:person", NS)) for g in groups] == [6, 4]
    assert groups[1].findtext("t:head", namespaces=NS) == "The Korean delegation"
    choe = seed_edition_root.find(".//t:person[@{http://www.w3.org/XML/1998/namespace}id="
                                  "'choe-yong-geon']", NS)
    assert choe.findtext("t:affiliation", namespaces=NS) == (
        "Deputy Chairman of the KWP CC, leader of the delegation")


def test_participants_list_keeps_the_sentence_with_names_tagged(seed_edition_root):
    item = seed_edition_root.find(".//t:list[@type='participants']/t:item", NS)
    assert "".join(item.itertext()).startswith("Present: Cdes. Mikoyan, Mukhitdinov")
    assert len(item.findall("t:persName", NS)) == 10
    assert item.find("t:persName[@ref='#ri-ju-yeon']/t:supplied", NS).text == "Ju-yeon"


@pytest.mark.parametrize("xpath, count", [
    (".//t:body//t:supplied", 8),
    (".//t:body//t:supplied[@reason='query']", 1),
    (".//t:body//t:add", 3),
    (".//t:body//t:stage", 1),
    (".//t:body//t:div[@type='conversation']", 2),
    (".//t:body//t:closer", 1),
    (".//t:teiHeader//t:abstract", 1),
    (".//t:body//t:sp//t:list/t:item", 3),
    (".//t:standOff/t:listPerson[@type='mentioned']/t:person", 4),
])
def test_element_counts(seed_edition_root, xpath, count):
    assert len(seed_edition_root.findall(xpath, NS)) == count


def test_stage_keeps_its_parentheses(seed_edition_root):
    stage = seed_edition_root.find(".//t:body//t:stage", NS)
    assert (stage.get("type"), stage.text) == ("delivery", "(clarifies)")


def test_insertions_keep_their_label_and_capital(seed_edition_root):
    adds = seed_edition_root.findall(".//t:body//t:add", NS)
    assert [(a.get("rend"), a.text) for a in adds] == [
        ("label-Inserted", "With respect to"), ("label-inserted", "a proposal was made"),
        ("label-inserted", "him from the Party")]


def test_second_conversation_has_the_lunch_heading(seed_edition_root):
    divs = seed_edition_root.findall(".//t:div[@type='conversation']", NS)
    assert divs[0].find("t:head", NS) is None
    assert divs[1].findtext("t:head", namespaces=NS) == "from a conversation over lunch."


def test_closer_names_the_recorder(seed_edition_root):
    signed = seed_edition_root.find(".//t:closer/t:signed", NS)
    assert "".join(signed.itertext()) == "Recorded by V. Kovyzhenko"
    assert signed.find("t:persName", NS).get("ref") == "#kovyzhenko"


def test_abstract_is_credited_to_the_archive(seed_edition_root):
    abstract = seed_edition_root.find(".//t:abstract", NS)
    assert abstract.get("resp") == "#archive"
    assert seed_edition_root.find(".//t:sourceDesc//t:orgName[@role='archive']", NS).text == (
        "Wilson Center Digital Archive")
    assert "Mikoyan and Choe Yong-geon dominate" in "".join(abstract.itertext())


def test_every_metadata_correction_is_a_choice(seed_edition_root):
    import tomllib

    corrections = tomllib.loads(EDITION_TOML.read_text())["corrections"]
    pairs = Counter(("".join(c.find("t:sic", NS).itertext()), c.findtext("t:corr", namespaces=NS))
                    for c in seed_edition_root.iterfind(".//t:body//t:choice", NS))
    assert set(pairs) == {(c["sic"], c["corr"]) for c in corrections}
    assert pairs[("Cde. Cde.", "Cde.")] == 3
    assert {c.get("resp") for c in seed_edition_root.iterfind(".//t:corr", NS)} == {"#tei-edition"}


def test_mentioned_persons_are_tagged_in_speech(seed_edition_root):
    refs = Counter(p.get("ref") for p in seed_edition_root.iterfind(".//t:sp//t:persName", NS))
    assert refs["#kim-il-sung"] >= 6 and refs["#yun-kong-hum"] >= 5


def test_every_pointer_resolves(seed_edition_root):
    assert unresolved_pointers(seed_edition_root) == []


def test_classification_is_an_opener_seg_and_a_catref(seed_edition_root):
    seg = seed_edition_root.find(".//t:opener/t:seg[@type='classification']", NS)
    assert seg.text == "Top Secret"
    target = seed_edition_root.find(".//t:textClass/t:catRef", NS).get("target")
    category = seed_edition_root.find(".//t:taxonomy/t:category", NS)
    assert target == "#" + category.get("{http://www.w3.org/XML/1998/namespace}id")
    assert category.findtext("t:catDesc", namespaces=NS) == "Top Secret"


def test_title_line_is_a_head_with_an_iso_date(seed_edition_root):
    head = seed_edition_root.find(".//t:div[@type='recordOfConversation']/t:head", NS)
    assert head.find("t:date", NS).get("when") == "1956-09-16"
    assert seed_edition_root.find(".//t:creation/t:date", NS).get("when") == "1956-09-16"


def test_editorial_declaration_lists_only_bracket_kinds_met(seed_edition_root):
    interpretation = seed_edition_root.find(".//t:editorialDecl/t:interpretation", NS)
    text = " ".join("".join(p.itertext()) for p in interpretation)
    assert "supplied" in text and "[inserted: ...]" in text and "stage type delivery" in text
    assert "gap" not in text and "footnote" not in text.lower()
