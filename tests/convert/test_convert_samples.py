"""The five samples of ../shared/samples: turns per speaker, groups, closers; all valid TEI."""

from __future__ import annotations

import subprocess
from collections import Counter

import pytest
from convert_support import NS, unresolved_pointers

from conftest import SAMPLE_FILES
from tei_edition.xmlio import serialize


def _who(tree) -> Counter:
    return Counter(sp.get("who") for sp in tree.getroot().iterfind(".//t:body//t:sp", NS))


def test_colon_participants_turns_and_groups(sample_trees):
    tree = sample_trees["colon-participants.txt"]
    assert _who(tree) == {"#a-rapacki": 2, "#j-cabot": 2, "#j-winiewicz": 1}
    groups = tree.getroot().findall(".//t:particDesc/t:listPerson", NS)
    assert [g.findtext("t:head", namespaces=NS) for g in groups] == ["Polish side", "Other side"]
    assert [len(g.findall("t:person", NS)) for g in groups] == [2, 2]
    signed = tree.getroot().find(".//t:closer/t:signed", NS)
    assert "".join(signed.itertext()) == "Drafted by: R. Davies"
    assert signed.find("t:persName", NS).get("ref") == "#r-davies"


def test_colon_participants_front_matter(sample_trees):
    root = sample_trees["colon-participants.txt"].getroot()
    assert root.find(".//t:opener/t:seg[@type='classification']", NS).text == "CONFIDENTIAL"
    assert root.find(".//t:dateline/t:date", NS).get("when") == "1964-10-14"
    assert root.find(".//t:setting/t:placeName", NS).text == "Embassy residence, Warsaw"
    note = root.find(".//t:note[@type='translation']", NS)
    assert note.findtext("t:label", namespaces=NS) == "Translator's note:"


def test_caps_period_hearing_turns(sample_trees):
    assert _who(sample_trees["caps-period-hearing.txt"]) == {
        "#chairman": 2, "#robertson": 3, "#green": 1}


def test_label_own_line_turns(sample_trees):
    tree = sample_trees["label-own-line.txt"]
    assert _who(tree) == {"#chairman": 2, "#ionescu": 1}
    assert all("label-line" in sp.get("rend") for sp in tree.getroot().iterfind(".//t:sp", NS))
    assert tree.getroot().find(".//t:div/t:stage", NS).text == "(The meeting ended at 13.40.)"


def test_qa_interview_turns(sample_trees):
    tree = sample_trees["qa-interview.txt"]
    assert _who(tree) == {"#q": 3, "#a": 3}
    roles = {p.get("{http://www.w3.org/XML/1998/namespace}id"): p.get("role")
             for p in tree.getroot().iterfind(".//t:particDesc//t:person", NS)}
    assert roles == {"q": "interviewer", "a": "interviewee"}


def test_indirect_memo_is_narrative_with_a_signature_closer(sample_trees):
    root = sample_trees["indirect-memo.txt"].getroot()
    assert root.findall(".//t:sp", NS) == []
    assert len(root.findall(".//t:div[@type='recordOfConversation']/t:p", NS)) == 3
    signed = root.find(".//t:closer/t:signed", NS)
    assert "".join(signed.itertext()) == "Head of the Department\nN. Petrov"


@pytest.mark.parametrize("name", [p.name for p in SAMPLE_FILES])
def test_sample_pointers_resolve(name, sample_trees):
    assert unresolved_pointers(sample_trees[name].getroot()) == []


@pytest.mark.parametrize("name", [p.name for p in SAMPLE_FILES])
def test_sample_is_valid_tei_for_lxml(name, sample_trees, conforms):
    assert conforms(sample_trees[name], name) == []


def test_samples_are_valid_tei_for_jing(sample_trees, tei_all, tmp_path):
    paths = []
    for name, tree in sample_trees.items():
        path = tmp_path / (name + ".xml")
        path.write_bytes(serialize(tree))
        paths.append(str(path))
    run = subprocess.run(["jing", str(tei_all), *paths], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stdout
