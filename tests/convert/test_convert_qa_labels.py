"""QA findings of 2026-11-27 on unseen transcripts: paragraph-numbered labels of verbatim
records (F3) and time lines of a stenogram taken for labels (F4)."""

from __future__ import annotations

from convert_support import NS
from test_convert_qa_fixes import _root  # converts and checks the diplomatic round trip

from tei_edition.convert.labels import label_key, match_line


def _turns(root) -> list[tuple[str, str]]:
    return [(sp.get("who"), "".join(sp.find("t:speaker", NS).itertext()))
            for sp in root.iterfind(".//t:body//t:sp", NS)]


def _persons(root) -> list[str]:
    return [p.text for p in root.iterfind(".//t:particDesc//t:persName", NS)]


UN_RECORD = ("1. Mr. STEVENSON (United States of America): Today we must address a single "
             "question.\n\n2. Mr. ZORIN (Union of Soviet Socialist Republics) (translated from "
             "Russian): You will have your answer.\n")


def test_a_paragraph_number_before_a_colon_label_keeps_the_label():
    found = match_line("12. Mr. ZORIN (Union of Soviet Socialist Republics): Yes.", "colon")
    assert found is not None
    assert found.label == "12. Mr. ZORIN (Union of Soviet Socialist Republics)"
    assert found.key == "zorin" and found.rest == "Yes."


def test_the_paragraph_number_is_not_part_of_the_label_key():
    assert label_key("3. The PRESIDENT (translated from Russian)") == "president"


def test_numbered_un_labels_become_turns_with_the_number_kept_in_the_speaker():
    root = _root(UN_RECORD)
    assert _turns(root) == [
        ("#stevenson", "1. Mr. STEVENSON (United States of America)"),
        ("#zorin", "2. Mr. ZORIN (Union of Soviet Socialist Republics) "
                   "(translated from Russian)")]


def test_numbered_un_labels_declare_the_speakers_without_the_number():
    assert sorted(_persons(_root(UN_RECORD))) == ["STEVENSON", "ZORIN"]


def test_numbered_topic_with_a_reported_speech_stays_a_paragraph():
    text = ("1. Governors' Conference Delegation: Dobrynin informed us that the delegation "
            "would be received.\n\n2. Consular Convention: Dobrynin said that the treaty "
            "would be ratified.\n")
    root = _root(text)
    assert root.find(".//t:sp", NS) is None
    assert len(root.findall(".//t:body//t:p", NS)) == 2


def test_a_numbered_sentence_without_a_label_is_not_a_turn():
    assert match_line("1. The meeting was called to order: at once.", "colon") is None


def test_a_label_followed_only_by_a_clock_time_is_not_a_label():
    for line in ("Beginn: 10.00 Uhr", "Schluss der Sitzung: 12.30 Uhr", "Adjourned: 4.15 p.m.",
                 "Resumed: 14:05", "Ende: 13 Uhr", "Meeting Closed: 11.40 hours"):
        assert match_line(line, "colon") is None, line


def test_a_label_followed_by_speech_that_starts_with_a_time_is_still_a_label():
    found = match_line("Genosse Stoph: 10.00 Uhr ist zu früh, wir beginnen um elf.", "colon")
    assert found is not None and found.key == "stoph"


STENOGRAM = ("Stenographische Niederschrift\n\nBeginn: 10.00 Uhr\n\n"
             "Genosse Ulbricht:\nGenossen, wir beginnen.\n\n"
             "Genosse Stoph:\nEinverstanden.\n\n"
             "Genosse Ulbricht:\nGut.\n\n(Zustimmung)\n\n"
             "Schluss der Sitzung: 12.30 Uhr\n")


def test_time_lines_of_a_stenogram_are_paragraphs_not_turns():
    root = _root(STENOGRAM)
    assert [who for who, _ in _turns(root)] == ["#ulbricht", "#stoph", "#ulbricht"]
    paragraphs = ["".join(p.itertext()) for p in root.iterfind(".//t:body//t:p", NS)
                  if p.getparent().tag != f"{{{NS['t']}}}sp"]
    assert paragraphs == ["Beginn: 10.00 Uhr", "Schluss der Sitzung: 12.30 Uhr"]


def test_time_lines_of_a_stenogram_invent_no_persons():
    assert sorted(_persons(_root(STENOGRAM))) == ["Stoph", "Ulbricht"]


def test_two_own_line_labels_sharing_a_form_of_address_are_a_dialogue():
    root = _root("Beginn: 10.00 Uhr\n\nGenosse Ulbricht:\nGenossen, wir beginnen.\n\n"
                 "Genosse Stoph:\nEinverstanden.\n\nSchluss der Sitzung: 12.30 Uhr\n")
    assert [who for who, _ in _turns(root)] == ["#ulbricht", "#stoph"]


def test_two_own_line_labels_with_different_titles_are_not_enough_evidence():
    root = _root("Genosse Ulbricht:\nGenossen, wir beginnen.\n\n"
                 "Professor Stoph:\nEinverstanden.\n")
    assert root.find(".//t:sp", NS) is None


def test_one_own_line_label_with_a_title_is_not_a_dialogue():
    root = _root("Mr. Hardy:\nThe report is attached.\n")
    assert root.find(".//t:sp", NS) is None
