"""Issue 3, known gaps: group lines between turns, closing lines in other languages, the
participants list after a narrative paragraph, the fullwidth colon as label separator."""

from __future__ import annotations

import pytest
from convert_support import NS, converted_root, speakers

from tei_edition.convert import convert_text

DIALOGUE = "Mr. Rusk: We begin with Berlin.\n\nMr. Gromyko: We agree.\n\n"


def _root(text: str):
    return converted_root(text)


def _section_heads(root) -> list[str]:
    return [head.text for head in root.iterfind(".//t:div[@type='conversation']/t:head", NS)]



# ---- 1. a bare group line after turns --------------------------------------------------


def test_country_line_alone_between_turns_heads_a_new_part():
    root = _root(DIALOGUE + "United States:\n\nMr. Rusk: Our answer is no.\n")
    assert _section_heads(root) == ["United States:"]
    assert speakers(root) == ["Mr. Rusk", "Mr. Gromyko", "Mr. Rusk"]


def test_country_line_directly_above_a_label_heads_a_new_part():
    root = _root(DIALOGUE + "Soviet Union:\nMr. Gromyko: Then we wait.\n")
    assert _section_heads(root) == ["Soviet Union:"]
    assert len(root.findall(".//t:sp", NS)) == 3


def test_group_word_line_between_turns_is_not_speech_of_the_turn_before():
    root = _root(DIALOGUE + "Soviet side:\n\nMr. Gromyko: Then we wait.\n")
    assert _section_heads(root) == ["Soviet side:"]
    assert all("Soviet side" not in "".join(sp.itertext()) for sp in root.iter(f"{{{NS['t']}}}sp"))


def test_acronym_group_line_between_turns_is_a_heading():
    root = _root(DIALOGUE + "USSR:\n\nMr. Gromyko: Then we wait.\n")
    assert _section_heads(root) == ["USSR:"]


def test_country_line_followed_by_speech_stays_a_turn():
    root = _root(DIALOGUE + "United States:\nWe cannot accept that.\n\n"
                 "United States:\nNor can our allies.\n")
    assert speakers(root)[-2:] == ["United States", "United States"]
    assert _section_heads(root) == []


def test_persons_label_without_speech_is_still_an_empty_turn():
    result = convert_text(DIALOGUE + "Mr. Rusk:\n\nMr. Gromyko: Well?\n")
    assert result.tree is None
    assert [d.code for d in result.diagnostics] == ["transcript.empty-turn"]


def test_single_name_without_speech_is_still_an_empty_turn():
    result = convert_text("K: We came.\n\nZE: Good.\n\nKhrushchev:\n\nK: Then go.\n")
    assert [d.code for d in result.diagnostics] == ["transcript.empty-turn"]


# ---- 2. closing lines in other languages --------------------------------------------------

CLOSINGS = [
    "Schluss der Sitzung: 12.30 Uhr",
    "Ende der Sitzung 13.15 Uhr",
    "Die Sitzung wird um 12.30 Uhr geschlossen.",
    "La séance est levée à 18 h 5.",
    "Заседание закрывается в 13 ч. 40 м.",
    "Meeting adjourned at 4:15 p.m.",
    "The Committee adjourned at 5.10 p.m.",
]


@pytest.mark.parametrize("closing", CLOSINGS)
def test_closing_line_under_the_last_turn_is_not_its_speech(closing: str):
    root = _root("Ulbricht: Wir beginnen.\n\nStoph: Gut.\n\nUlbricht: Dann Schluss.\n"
                 + closing + "\n")
    last = root.findall(".//t:sp", NS)[-1]
    assert "".join(last.itertext()) == "UlbrichtDann Schluss."
    outside = root.findall(".//t:div[@type='conversation']/t:p", NS)
    assert ["".join(p.itertext()) for p in outside] == [closing]


def test_parenthesised_whereupon_line_under_the_last_turn_is_a_stage():
    root = _root("Q: Anything else?\n\nA: No.\n\nQ: Thank you.\n"
                 "(Whereupon, at 12:30 p.m., the committee adjourned.)\n")
    stage = root.find(".//t:div[@type='conversation']/t:stage", NS)
    assert stage.text == "(Whereupon, at 12:30 p.m., the committee adjourned.)"
    assert root.findall(".//t:sp", NS)[-1].find("t:stage", NS) is None


@pytest.mark.parametrize("speech", [
    "I think the meeting should end at 5 p.m.",
    "Will the session be closed at 6 p.m.?",
    "Our meeting with them ended badly.",
])
def test_speech_about_a_meeting_ending_stays_speech(speech: str):
    root = _root("Ulbricht: Wir beginnen.\n\nStoph: Gut.\n\nUlbricht: Noch etwas.\n"
                 + speech + "\n")
    assert speech in "".join(root.findall(".//t:sp", NS)[-1].itertext())


# ---- 3. participants after a narrative paragraph ------------------------------------------


@pytest.mark.parametrize("heading", ["Present:", "Participants:", "Those present:",
                                     "Anwesend:", "Присутствовали:"])
def test_participants_after_an_intro_paragraph_are_the_list(heading: str):
    root = _root("Record of the talk\n\nThe talk took place in the Kremlin.\n"
                 "It lasted two hours.\n\n"
                 f"{heading} Cde. Ulbricht, Cde. Stoph\n\nUlbricht: Wir beginnen.\n\n"
                 "Stoph: Gut.\n")
    items = root.findall(".//t:list[@type='participants']/t:item", NS)
    assert ["".join(i.itertext()) for i in items] == [f"{heading} Cde. Ulbricht, Cde. Stoph"]
    intro = root.find(".//t:div[@type='recordOfConversation']/t:p", NS)
    assert "".join(intro.itertext()) == "The talk took place in the Kremlin.\nIt lasted two hours."
    assert len(root.findall(".//t:particDesc//t:person", NS)) == 2


def test_dated_intro_sentence_is_a_paragraph_not_a_second_heading():
    root = _root("Record of the talk\n\nThe talk took place in the Kremlin on 12 March 1958 and "
                 "lasted two hours.\n\nPresent: Cde. Ulbricht, Cde. Stoph\n\n"
                 "Ulbricht: Wir beginnen.\n\nStoph: Gut.\n")
    assert [h.text for h in root.iterfind(".//t:body/t:div/t:head", NS)] == ["Record of the talk"]
    assert root.find(".//t:creation/t:date", NS).get("when") == "1958-03-12"


def test_long_narrative_before_present_stays_in_the_body():
    prose = " ".join(["The delegation arrived by train and was met at the station."] * 12)
    root = _root(f"Record\n\n{prose}\n\nPresent: Cde. Ulbricht\n\nUlbricht: Gut.\n\n"
                 "Ulbricht: Gut.\n")
    assert root.find(".//t:list[@type='participants']", NS) is None


# ---- 4. the fullwidth colon ---------------------------------------------------------------


def test_fullwidth_colon_without_space_is_an_unspaced_separator():
    root = _root("毛泽东：你好。\n\nYudin：Hello.\n\n毛泽东：再见。\n\nYudin：Goodbye.\n")
    assert [sp.get("rend") for sp in root.iterfind(".//t:sp", NS)] == [
        "sep-fullwidth-colon unspaced"] * 4
    assert speakers(root) == ["毛泽东", "Yudin", "毛泽东", "Yudin"]


def test_fullwidth_colon_followed_by_a_space_keeps_the_space():
    root = _root("Zhou Enlai： We agree.\n\nYudin： Good.\n\nZhou Enlai： Then sign.\n")
    assert {sp.get("rend") for sp in root.iterfind(".//t:sp", NS)} == {"sep-fullwidth-colon"}


def test_fullwidth_colon_label_alone_on_its_line():
    root = _root("毛泽东：\n你好。\n\nYudin：\nHello.\n\n毛泽东：\n再见。\n")
    assert [sp.get("rend") for sp in root.iterfind(".//t:sp", NS)] == [
        "sep-fullwidth-colon label-line"] * 3


def test_fullwidth_colon_is_declared_in_the_punctuation_decl():
    root = _root("毛泽东：你好。\n\nYudin：Hello.\n\n毛泽东：再见。\n")
    punctuation = "".join(root.find(".//t:editorialDecl/t:punctuation", NS).itertext())
    assert "：" in punctuation


# ---- headings without content (QA 2026-11-27, a journal's stacked headings) ---------------


def test_heading_right_under_a_heading_is_a_second_head_of_the_same_part():
    root = _root("Journal\n\nI met him at the station.\n\nSOVIET EMBASSY\n\nIN THE DPRK\n\n"
                 "We spoke about the harvest for an hour.\n")
    division = root.find(".//t:div[@type='recordOfConversation']/t:div", NS)
    assert [h.text for h in division.findall("t:head", NS)] == ["SOVIET EMBASSY", "IN THE DPRK"]
    assert len(division.findall("t:p", NS)) == 1


def test_heading_with_nothing_below_it_at_the_end_is_a_paragraph():
    root = _root("K: We came.\n\nZE: We are glad.\n\nK: Good.\n\nEND OF RECORD\n")
    assert _section_heads(root) == []
    last = root.findall(".//t:div[@type='conversation']/t:p", NS)
    assert ["".join(p.itertext()) for p in last] == ["END OF RECORD"]


# ---- working notes: a hyphen glued to label and speech (QA 2026-11-27) --------------------


def test_hyphen_glued_after_an_addressed_surname_is_a_separator():
    root = _root("Cde. Molotov-we must act now.\n\nCde. Suslov-it is too early for that.\n\n"
                 "Cde. Molotov-you should wait then.\n")
    assert speakers(root) == ["Cde. Molotov", "Cde. Suslov", "Cde. Molotov"]
    assert {sp.get("rend") for sp in root.iterfind(".//t:sp", NS)} == {"sep-hyphen unspaced"}


def test_hyphen_glued_before_a_pronoun_is_a_separator():
    root = _root("Cde. Molotov-I disagree with this.\n\nCde. Suslov-We all do.\n\n"
                 "Cde. Molotov-I insist on it.\n")
    assert len(root.findall(".//t:sp", NS)) == 3


@pytest.mark.parametrize("line", [
    "Cde. Choe Yong-geon said that the harvest was late.",  # a hyphenated given name
    "Cde. Rakosi-Gero clique was condemned by all.",  # two names joined
    "Kim Il-sung received me at my request.",  # no form of address
])
def test_hyphen_inside_a_name_is_not_a_separator(line: str):
    root = _root(f"{line}\n\n{line}\n\n{line}\n")
    assert root.find(".//t:sp", NS) is None


def test_speaker_established_in_one_style_counts_in_another():
    root = _root("Cde. Molotov-we must act now.\n\nCde. Khrushchev-I do not agree.\n\n"
                 "Cde. Molotov-you should wait then.\n\nCde. Khrushchev: The text is good.\n")
    assert speakers(root) == ["Cde. Molotov", "Cde. Khrushchev", "Cde. Molotov",
                               "Cde. Khrushchev"]
    assert root.findall(".//t:sp", NS)[-1].get("rend") == "sep-colon"


def test_a_label_seen_once_in_each_style_is_no_evidence():
    root = _root("Cde. Molotov-we must act now.\n\nCde. Molotov: The text is good.\n")
    assert root.find(".//t:sp", NS) is None
