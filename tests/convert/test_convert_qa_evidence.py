"""QA of 2026-11-27 on real transcripts (second pass): evidence for labels that occur once,
front-matter colon lines that are not turns, narrative between turns."""

from __future__ import annotations

import pytest
from convert_support import NS, converted_root, speakers, who_of_turns

from tei_edition.convert import convert_text


def _narrative(root) -> list[str]:
    return ["".join(p.itertext()) for p in root.iterfind(
        ".//t:div[@type='conversation']/t:p", NS)]


# ---- F1: labels that occur once ------------------------------------------------------------


def test_persons_named_in_the_title_are_evidence_for_labels_used_once():
    root = converted_root("Notes on the conversation of Comrade A.B. Petrov with Comrade "
                          "K. Lund on 3 March 1960\n\nA. B. Petrov: I have read your report.\n\n"
                          "K. Lund: I would like to explain it.\n")
    assert speakers(root) == ["A. B. Petrov", "K. Lund"]


def test_interviewer_named_after_by_is_evidence():
    root = converted_root("Interview with Paul Rinaldi\nInterviewed by Carla Mendez\n\n"
                          "Mendez: Today we talk with Paul Rinaldi.\n\n"
                          "Rinaldi: It started small.\n")
    assert speakers(root) == ["Mendez", "Rinaldi"]


def test_a_name_only_in_the_title_does_not_make_prose_a_turn():
    root = converted_root("Conversation with Ada Pell\n\nPell: a note on the spelling of "
                          "the name.\n\nThe talk lasted an hour.\n")
    assert speakers(root) == ["Pell"]  # evidence for the label, nothing more
    assert _narrative(root) == ["The talk lasted an hour."]


def test_the_president_once_is_the_president_the_front_matter_names():
    root = converted_root("Council of the Lakes\n412th meeting\n\nPresident: Mr. Okoro (Nigeria)"
                          "\n\nThe meeting was called to order at 10.05 a.m.\n\n"
                          "The President (spoke in French): I welcome the members.\n\n"
                          "The agenda was adopted.\n")
    assert who_of_turns(root) == ["#okoro"]
    assert _narrative(root) == ["The meeting was called to order at 10.05 a.m.",
                                "The agenda was adopted."]


def test_a_time_code_after_a_label_used_once_is_a_label():
    root = converted_root("Hearing\n\nMadam Chair (00:00):\nThe committee will come to order."
                          "\n\nThat was the opening.\n")
    assert speakers(root) == ["Madam Chair (00:00)"]


def test_a_numbered_speaker_used_once_is_a_label():
    root = converted_root("Transcript\n\nSpeaker 2 (07:59):\n\nGood afternoon to all.\n")
    assert speakers(root) == ["Speaker 2 (07:59)"]


def test_two_titles_before_a_full_name_is_a_label_used_once():
    root = converted_root("Stenografischer Bericht\n\nPräsident Prof. Dr. Norbert Lammert: "
                          "Nehmen Sie bitte Platz.\n")
    assert speakers(root) == ["Präsident Prof. Dr. Norbert Lammert"]


# ---- F5: front-matter colon lines -------------------------------------------------------


def test_interviewer_line_with_a_name_is_a_participant_not_a_turn():
    root = converted_root("INTERVIEW WITH ADA PELL\nMarch 2, 1999\n\nInterviewer: Tom Reyes\n"
                          "Typed by: J. Ostrander\n\nReyes: When did you come?\n\n"
                          "Pell: In 1931.\n\nReyes: Why?\n\nPell: The flood.\n")
    assert speakers(root) == ["Reyes", "Pell", "Reyes", "Pell"]
    assert who_of_turns(root)[0] == "#tom-reyes"
    items = root.findall(".//t:list[@type='participants']/t:item", NS)
    assert ["".join(i.itertext()) for i in items] == ["Interviewer: Tom Reyes",
                                                      "Typed by: J. Ostrander"]


def test_interviewer_line_with_speech_is_the_first_turn():
    root = converted_root("Interviewer: When did your family come to the valley?\n\n"
                          "Pell: In 1931.\n\nInterviewer: Why then?\n\nPell: The flood.\n")
    assert speakers(root) == ["Interviewer", "Pell", "Interviewer", "Pell"]


def test_group_word_alone_and_officials_are_participant_groups():
    root = converted_root("Time: Afternoon, 2 May 1960\n\nGuests: Ren Bo, Delegation Leader; "
                          "Mo Lan, Member\n\nInterpreter: Tian Wei\n\nRecording officials: "
                          "Gu Ming\n\nPremier Hao Lin (hereafter abbreviated Hao): Welcome.\n\n"
                          "Ren Bo: Thank you.\n\nHao: Is this your first visit?\n\n"
                          "Ren Bo: It is.\n")
    assert speakers(root)[1:] == ["Ren Bo", "Hao", "Ren Bo"]
    persons = [p.get("{http://www.w3.org/XML/1998/namespace}id")
               for p in root.iterfind(".//t:particDesc//t:person", NS)]
    assert {"ren-bo", "mo-lan", "tian-wei", "gu-ming"} <= set(persons)
    assert "delegation-leader" not in persons


# ---- F10: narrative between turns -----------------------------------------------------


DORN_LU = ("PARTICIPANTS\nChairman Lu\nSecretary Dorn\n\nSecretary Dorn: We would like to "
           "discuss grain.\n\nChairman Lu: We are ready.\n\n")


def test_the_title_of_a_speaker_in_the_third_person_is_narrative():
    root = converted_root(DORN_LU + "The Chairman then turned to the border.\n\n"
                          "Secretary Dorn: I understand.\n")
    assert _narrative(root) == ["The Chairman then turned to the border."]


def test_the_conversation_moving_on_is_narrative():
    root = converted_root(DORN_LU + "The conversation then moved to the weather.\n\n"
                          "Secretary Dorn: It is cold.\n")
    assert _narrative(root) == ["The conversation then moved to the weather."]


@pytest.mark.parametrize("step", ["The draft resolution was put to the vote.",
                                  "A vote was taken by show of hands."])
def test_a_step_of_procedure_in_the_passive_is_narrative(step: str):
    root = converted_root(DORN_LU + step + "\n\nSecretary Dorn: It is adopted.\n")
    assert _narrative(root) == [step]


def test_a_speakers_second_paragraph_about_a_title_stays_speech():
    root = converted_root(DORN_LU + "The President will decide that himself.\n\n"
                          "Secretary Dorn: Agreed.\n")
    assert _narrative(root) == []


KEY_BLOCK = ("ORAL HISTORY PROJECT\nINTERVIEW WITH JAMES HOLT\n\nInterviewers\nMary Stone\n\n"
             "Assisting: Kelli Brown\nAudiotape: County Library\nTranscription: Martha W. Lee\n\n")


def test_a_block_of_key_name_lines_before_the_dialogue_is_not_a_turn():
    root = converted_root(KEY_BLOCK + "Stone: Shall we begin?\n\nHolt: Yes, please.\n\n"
                          "Stone: Where were you born?\n")
    assert speakers(root) == ["Stone", "Holt", "Stone"]
    assert "Assisting: Kelli Brown\nAudiotape: County Library\nTranscription: Martha W. Lee" in [
        "".join(p.itertext()) for p in root.iterfind(".//t:p", NS)]


def test_a_role_key_line_with_a_name_before_the_dialogue_is_not_a_turn():
    root = converted_root("Record of the reception\n\nInterpreter: Han Wei\n\nRecording "
                          "officials: Miao Lin, Chen Bo\n\nZhou: Welcome.\n\nKim: Thank you."
                          "\n\nZhou: Sit down, please.\n")
    assert speakers(root) == ["Zhou", "Kim", "Zhou"]


def test_a_dialogue_without_blank_lines_is_not_taken_for_key_lines():
    root = converted_root("K: Yes\nZ: No\nK: Maybe\nZ: Never\n")
    assert speakers(root) == ["K", "Z", "K", "Z"]


def test_key_lines_of_recurring_speakers_are_turns():
    root = converted_root("Stone: Mary Lee\nHolt: James Holt\n\nStone: Shall we begin?\n\n"
                          "Holt: Yes.\n")
    assert speakers(root) == ["Stone", "Holt", "Stone", "Holt"]


# ---- F4, F2, F9: separators and misattribution --------------------------------------------


def test_colon_glued_to_an_ellipsis_is_an_unspaced_separator():
    root = converted_root("BRANDT: We should wait..........\n\nOKAFOR: No.\n\n"
                          "BRANDT:...........and the committee expects them.\n")
    last = root.findall(".//t:sp", NS)[-1]
    assert (last.get("who"), last.get("rend")) == ("#brandt", "sep-colon unspaced")
    assert "".join(last.find("t:p", NS).itertext()).startswith("...........and")


def test_unpunctuated_q_paragraph_is_not_the_previous_speakers_speech():
    root = converted_root("MS. HALLORAN:  Good morning.\n\nQ    Thanks, Ellen.  When?\n\n"
                          "MS. HALLORAN:  Not this week.\n")
    turns = root.findall(".//t:sp", NS)
    assert all("Thanks" not in "".join(sp.itertext()) for sp in turns)
    assert _narrative(root) == ["Q    Thanks, Ellen.  When?"]


def test_modern_gpo_title_case_period_labels_are_turns():
    root = converted_root("The subcommittee met at 10:00 a.m.\n\nMs. Cole. The hearing will "
                          "come to order.\n\nMr. Ames. I thank the chair.\n\nMs. Cole. The "
                          "gentleman is recognized.\n\nMr. Ames. Thank you.\n")
    assert speakers(root) == ["Ms. Cole", "Mr. Ames", "Ms. Cole", "Mr. Ames"]
    assert {sp.get("rend") for sp in root.iterfind(".//t:sp", NS)} == {"sep-period"}


def test_a_sentence_after_a_name_is_not_a_title_case_period_label():
    root = converted_root("I met Mr. Ames. He was late.\n\nMr. Ames. left early.\n\n"
                          "Mr. Ames. left early.\n")
    assert root.find(".//t:sp", NS) is None


def test_a_plural_title_before_a_list_of_names_belongs_to_none():
    root = converted_root("Present: Representatives Cole, Ames, and Dunn.\n\nMs. Cole. We "
                          "begin.\n\nMr. Ames. Thank you.\n")
    persons = [p.get("{http://www.w3.org/XML/1998/namespace}id")
               for p in root.iterfind(".//t:particDesc//t:person", NS)]
    assert persons == ["cole", "ames", "dunn"]
    assert who_of_turns(root) == ["#cole", "#ames"]


# ---- F6: Hansard layouts ---------------------------------------------------------------


HANSARD_LINES = ("HC Deb 14 March 1989\n\nMrs. Joan Pellew (Bristol, South)\n\nOn a point of "
                 "order, Mr. Speaker.\n\nMr. Speaker\n\nIt is not a matter for the Chair.\n\n"
                 "The Secretary of State for Health (Mr. Kenneth Harrow)\n\nI shall make a "
                 "statement.\n\nMrs. Joan Pellew (Bristol, South)\n\nI am grateful.\n")


def test_hansard_label_lines_with_the_constituency_are_turns():
    root = converted_root(HANSARD_LINES)
    assert speakers(root)[0] == "Mrs. Joan Pellew (Bristol, South)"
    assert {sp.get("rend") for sp in root.iterfind(".//t:sp", NS)} == {"sep-none label-line"}


def test_an_office_label_is_the_holder_in_parentheses():
    root = converted_root(HANSARD_LINES)
    assert who_of_turns(root) == ["#joan-pellew", "#speaker", "#kenneth-harrow", "#joan-pellew"]


def test_mr_speaker_presides_and_is_not_an_unknown_speaker():
    root = converted_root(HANSARD_LINES)
    ids = [p.get("{http://www.w3.org/XML/1998/namespace}id") for p in
           root.iterfind(".//t:particDesc//t:person", NS)]
    assert "unknown-speaker" not in ids and "speaker" in ids


def test_one_constituency_line_is_no_layout():
    root = converted_root("Dr. John Cunningham (Copeland)\n\nOn a point of order.\n\n"
                          "The House then divided.\n")
    assert root.find(".//t:sp", NS) is None


def test_a_heading_ending_in_parentheses_is_not_a_label_line():
    root = converted_root(HANSARD_LINES + "\nThe Situation in the Region (continued)\n\n"
                          "Nothing was said.\n")
    assert "The Situation in the Region (continued)" not in speakers(root)


def test_hansard_paragraph_mark_glued_labels_are_turns():
    text = ("Points of Order\n§ Mr. Alan Dewar (Perth, North)On a point of order, Madam "
            "Speaker.\nThe workers heard it on the radio.\n§ Madam SpeakerI have had no "
            "notice.\n§ Mrs. Helen Rook (Leeds, West)Further to that point of order.\n")
    root = converted_root(text)
    assert speakers(root) == ["§ Mr. Alan Dewar (Perth, North)", "§ Madam Speaker",
                               "§ Mrs. Helen Rook (Leeds, West)"]
    assert who_of_turns(root) == ["#alan-dewar", "#madam-speaker", "#helen-rook"]
    assert {sp.get("rend").split()[0] for sp in root.iterfind(".//t:sp", NS)} == {"sep-none"}


def test_one_glued_paragraph_mark_is_no_layout():
    root = converted_root("§ Mr. Alan Dewar (Perth, North)On a point of order.\n")
    assert root.find(".//t:sp", NS) is None


# ---- F1: more evidence (UN records, pasted pages) ----------------------------------------


def test_a_un_language_note_makes_a_label_used_once_a_turn():
    root = converted_root("Security Council\n5123rd meeting\n\nThe meeting was called to "
                          "order at 3.10 p.m.\n\nThe President (spoke in Spanish ): The Council "
                          "will now begin.\n")
    assert speakers(root) == ["The President (spoke in Spanish )"]


def test_a_role_line_inside_a_block_is_evidence_for_the_role_label():
    root = converted_root("Security Council\nFifty-seventh year\n4552nd meeting\n"
                          "President:Mr. Wehbe (Syria)\nMembers:Bulgaria Mr. Tafrov\n\n"
                          "The President: I welcome the members.\n")
    assert speakers(root) == ["The President"]


def test_names_above_the_first_label_of_a_pasted_page_are_evidence():
    root = converted_root("Oral History Project\nDuane L.\nRoss\nInterviewed by Rebecca "
                          "Wright\nHouston, TX\nWright: Today is April 19, 2013. This\n"
                          "interview is with Duane Ross.\nRoss:\nIt was very interesting.\n")
    assert speakers(root) == ["Wright", "Ross"]


def test_a_name_split_over_lines_by_with_is_not_joined_to_the_next_line():
    root = converted_root("Interviewed by Rebecca Wright\nHouston\n\nHouston: a city.\n")
    assert root.find(".//t:sp", NS) is None


@pytest.mark.parametrize("label", ["translator’s note", "Translator's Note", "TRANSLATOR'S NOTE"])
def test_a_translators_note_in_any_case_is_a_translation_note(label: str):
    root = converted_root(f"Zhou: You speak Russian [{label}: he used the Russian word].\n\n"
                          "Kim: A little.\n\nZhou: Good.\n")
    note = root.find(".//t:note[@type='translation']/t:label", NS)
    assert note is not None and note.text == f"{label}:"


def test_a_glued_label_is_serialised_without_space_before_the_speech():
    from tei_edition.xmlio import serialize

    result = convert_text("§ Mr. Alan Dewar (Perth, North)On a point of order.\n"
                          "§ Madam SpeakerI have had no notice.\n")
    assert b"<speaker>\xc2\xa7 Madam Speaker</speaker><p>I have" in serialize(result.tree)


def test_a_time_code_after_the_label_is_kept_in_speaker_time():
    root = converted_root("Speaker 1 (00:00):\nGood morning.\n\nSpeaker 2 (00:12):\nThank you.\n")
    speaker = root.find(".//t:sp/t:speaker", NS)
    assert (speaker.text, speaker.find("t:time", NS).text) == ("Speaker 1 ", "(00:00)")


def test_modern_hansard_label_with_constituency_and_party_is_a_label_line():
    root = converted_root("Sittings of the House\n\nMr John Spellar (Warley) (Lab)\n\nThe right "
                          "hon. Gentleman has just said so.\n\nMr Andrew Lansley (South "
                          "Cambridgeshire) (Con)\n\nFrom memory, no.\n")
    assert who_of_turns(root) == ["#john-spellar", "#andrew-lansley"]


def test_a_bracketed_alias_before_a_period_makes_a_label_used_once():
    root = converted_root("Minutes of the Conversation\n\nPremier Kim Il Sung [henceforth "
                          "referred to as Kim]. When we talked to them, we raised two points.\n")
    speaker = root.find(".//t:sp/t:speaker", NS)
    assert speaker.text == "Premier Kim Il Sung "
    assert speaker.find("t:note[@type='editorial']", NS).text == "henceforth referred to as Kim"
    assert who_of_turns(root) == ["#kim-il-sung"]


def test_a_parenthesised_alias_makes_a_colon_label_used_once():
    root = converted_root("Record\n\nPremier Zhou Enlai (hereafter abbreviated Zhou): Welcome.\n")
    assert who_of_turns(root) == ["#zhou-enlai"]
