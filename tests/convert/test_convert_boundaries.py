"""Where a turn, a list or the front matter ends (QA of 2026-11-27, boundary findings): what
is written around the dialogue (participants lists without empty lines, examination
headings, source notes, bylines, titles with a colon) is never a speaker's speech, and
speech is never cut out of its turn."""

from __future__ import annotations

from convert_support import NS, converted_root, free_paragraphs, turns


def _items(root) -> list[str]:
    return ["".join(i.itertext()) for i in root.iterfind(".//t:list[@type='participants']/t:item",
                                                         NS)]




# ---- F11: a participants list without empty lines after it ------------------------------


def test_bulleted_participants_end_where_the_bullets_end():
    root = converted_root("Memorandum of Conversation\nPARTICIPANTS\n- Consul A. Brenner, Austria\n"
                          "- M. Tolle, Department of Trade\nThe Consul asked about the licences.\n"
                          "Tolle promised an answer within the week.\n")
    assert _items(root) == ["- Consul A. Brenner, Austria", "- M. Tolle, Department of Trade"]
    assert free_paragraphs(root) == ["The Consul asked about the licences. Tolle promised an "
                                      "answer within the week."]


def test_a_sentence_under_unbulleted_names_is_not_a_participant():
    root = converted_root("Record of a Meeting\nPresent:\nMr. O. Lindqvist\nMrs. H. Baro\n"
                          "The meeting opened with a report on the harbour works.\n")
    assert _items(root) == ["Mr. O. Lindqvist", "Mrs. H. Baro"]
    assert free_paragraphs(root) == ["The meeting opened with a report on the harbour works."]


def test_names_with_roles_under_the_heading_stay_in_the_list():
    root = converted_root("Record of a Meeting\nPresent:\nMr. O. Lindqvist, Director of the Port "
                          "Authority\nMrs. H. Baro, Counsellor of the Embassy\n\n"
                          "LINDQVIST: Welcome.\n\nBARO: Thank you.\n")
    assert len(_items(root)) == 2


# ---- F5(b): an examination heading under a turn -----------------------------------------


def test_an_examination_heading_under_a_turn_is_a_heading_not_speech():
    root = converted_root("THE COURT: Any objection?\nMR. PRYOR: None.\n"
                          "THE COURT: Counsel may begin the cross examination.\n"
                          "CROSS EXAMINATION BY MR. PRYOR:\nQ. Where did you park the van?\n"
                          "A. Behind the mill.\n")
    assert turns(root)[2] == ("THE COURT", "Counsel may begin the cross examination.")
    heads = ["".join(h.itertext()) for h in root.iterfind(".//t:div/t:head", NS)]
    assert heads == ["CROSS EXAMINATION BY MR. PRYOR:"]
    assert len(turns(root)) == 5


def test_capitals_with_a_colon_in_mid_speech_stay_speech():
    # the capitals line has speech below it in the same paragraph: the speaker reads it out
    root = converted_root("MR. PRYOR: I read the notice.\nNOTICE TO ALL TENANTS:\n"
                          "the water will be cut on Monday.\nTHE COURT: Go on.\n")
    assert turns(root)[0] == ("MR. PRYOR", "I read the notice. NOTICE TO ALL TENANTS: the water "
                                            "will be cut on Monday.")


# ---- F5(c): a source note after the last turn -------------------------------------------


def test_a_source_note_after_the_last_turn_is_not_the_speakers():
    root = converted_root("OKONJO: The figures will not change.\n\nBRAUN: Then we wait.\n\n"
                          "OKONJO: We wait.\n\nSource: Town archive, council tapes, reel 9. "
                          "No classification marking.\n")
    assert turns(root)[-1] == ("OKONJO", "We wait.")
    assert free_paragraphs(root) == ["Source: Town archive, council tapes, reel 9. "
                                      "No classification marking."]


def test_an_editors_note_between_turns_is_narrative():
    root = converted_root("OKONJO: The figures will not change.\n\nEditor's note: the tape is "
                          "damaged for two minutes here.\n\nBRAUN: Then we wait.\n\n"
                          "OKONJO: We wait.\n")
    assert [t[1] for t in turns(root)] == ["The figures will not change.", "Then we wait.",
                                            "We wait."]


def test_a_second_paragraph_of_speech_stays_in_the_turn():
    root = converted_root("OKONJO: The figures will not change.\n\nAnd the source of them is "
                          "the same as last year.\n\nBRAUN: Then we wait.\n\nOKONJO: We wait.\n")
    assert turns(root)[0][1] == ("The figures will not change. And the source of them is the "
                                  "same as last year.")


# ---- F5(d): bylines and excerpt titles around the turns ---------------------------------


def test_a_reporters_byline_under_the_last_turn_is_not_speech():
    root = converted_root("Q. Did you see the truck?\nMR. HALE: Objection.\n"
                          "A. Only the back of it.\nMR. HALE: Nothing further.\n"
                          "Rosa Imbert, RPR, CRR\nSpringdale, Ark.\n"
                          "\nA quiet morning\nQ. Was it raining?\nA. No.\n")
    assert ("MR. HALE", "Nothing further.") in turns(root)
    assert "Rosa Imbert, RPR, CRR Springdale, Ark." in free_paragraphs(root)
    heads = ["".join(h.itertext()) for h in root.iterfind(".//t:div/t:head", NS)]
    assert heads == ["A quiet morning"]


def test_a_name_and_place_signature_under_a_turn_is_not_speech():
    root = converted_root("Q. Is that all?\nA. That is all I remember.\nMarta Quiroga\n"
                          "Walla Walla, Wash.\n\nQ. Thank you.\nA. You are welcome.\n")
    assert turns(root)[1] == ("A", "That is all I remember.")
    assert "Marta Quiroga Walla Walla, Wash." in free_paragraphs(root)


def test_a_name_in_speech_is_not_a_byline():
    root = converted_root("Q. Who signed it?\nA. The clerk signed it.\nHenry Ames\n"
                          "was his name, I think.\nQ. Thank you.\nA. Not at all.\n")
    assert turns(root)[1] == ("A", "The clerk signed it. Henry Ames was his name, I think.")


# ---- F5(d): a title written like a label --------------------------------------------------


def _title(root) -> str:
    return "".join(root.find(".//t:div[@type='recordOfConversation']/t:head", NS).itertext())


def test_a_title_with_a_colon_at_the_top_is_the_title_not_a_speaker():
    root = converted_root("BENCH AND BAR: Small hours\n\nQ. Did you see the truck?\n"
                          "A. Only the back of it.\nQ. What colour was it?\nA. Green.\n")
    assert _title(root) == "BENCH AND BAR: Small hours"
    assert [t[0] for t in turns(root)] == ["Q", "A", "Q", "A"]
    persons = root.iterfind(".//t:particDesc//t:persName", NS)
    assert not any("BENCH" in "".join(p.itertext()) for p in persons)


def test_a_first_turn_whose_label_recurs_is_not_a_title():
    root = converted_root("ADAMS: Good morning\n\nBELL: Good morning to you.\n\n"
                          "ADAMS: Shall we start?\n")
    assert [t[0] for t in turns(root)] == ["ADAMS", "BELL", "ADAMS"]


def test_a_first_turn_with_a_sentence_is_not_a_title():
    root = converted_root("CHAIRMAN OSEI: The session is open.\n\nMR. LAMB: Thank you.\n\n"
                          "MR. LAMB: I have a motion.\n")
    assert turns(root)[0] == ("CHAIRMAN OSEI", "The session is open.")


# ---- F8: the archive's file reference above a memorandum --------------------------------


def _opener_segs(root) -> list[tuple[str, str]]:
    return [(s.get("type"), "".join(s.itertext()))
            for s in root.iterfind(".//t:opener/t:seg", NS)]


def test_a_decimal_file_number_is_not_the_title():
    root = converted_root("762.00/4-1158\n\nMemorandum of Conversation, by the Under Secretary\n\n"
                          "top secret\n\nThe Minister called at his own request.\n")
    assert _title(root) == "Memorandum of Conversation, by the Under Secretary"
    assert _opener_segs(root) == [("file", "762.00/4-1158"), ("classification", "top secret")]


def test_a_lot_file_reference_is_not_the_title():
    root = converted_root("Policy Planning files, lot 67 D 548, Germany\n\nMemorandum of "
                          "Conversation\n\nThe Minister called at his own request.\n")
    assert _title(root) == "Memorandum of Conversation"
    assert ("file", "Policy Planning files, lot 67 D 548, Germany") in _opener_segs(root)


def test_a_sentence_with_a_slash_is_not_a_file_reference():
    root = converted_root("Memorandum of Conversation\n\nThe 1958/59 season was discussed.\n")
    assert _opener_segs(root) == []


# ---- F10: the note-taker's sentences between turns --------------------------------------

_TALK = ("PARTICIPANTS\nMinister Aalto\nAmbassador Ferro\n\nMinister Aalto: Shall we begin?\n\n"
         "Ambassador Ferro: Gladly.\n\n{middle}\n\nMinister Aalto: Then we agree.\n")


def test_the_talks_resuming_after_a_break_is_narrative():
    root = converted_root(_TALK.format(middle="After a short break the talks resumed."))
    assert free_paragraphs(root) == ["After a short break the talks resumed."]
    assert turns(root)[1] == ("Ambassador Ferro", "Gladly.")


def test_both_sides_agreeing_is_narrative():
    root = converted_root(_TALK.format(middle="Both sides agreed to meet again in May."))
    assert free_paragraphs(root) == ["Both sides agreed to meet again in May."]


def test_both_sides_in_a_speakers_mouth_stays_speech():
    middle = "Both sides agreed on this in May. We should keep to it."
    root = converted_root(_TALK.format(middle=middle))
    assert turns(root)[1] == ("Ambassador Ferro", "Gladly. " + middle)


# ---- F8: participants lists of typed memoranda -------------------------------------------


def _persons(root) -> list[tuple[str, str]]:
    out = []
    for person in root.iterfind(".//t:particDesc//t:person", NS):
        affiliation = person.find("t:affiliation", NS)
        out.append(("".join(person.find("t:persName", NS).itertext()),
                    "".join(affiliation.itertext()) if affiliation is not None else ""))
    return out


_ALIGNED = ("Memorandum of Conversation\n\n"
            "PARTICIPANTS: Premier Lin Bao\n"
            "              Hu Ting, Interpreter\n\n"
            "              Minister Ferro\n"
            "              Carl Ode, Embassy Staff (Notetaker)\n\n"
            "Minister Ferro: We thank the Premier.\n\nPremier Lin Bao: You are welcome.\n")


def test_an_aligned_second_group_after_an_empty_line_is_in_the_participants_list():
    root = converted_root(_ALIGNED)
    assert [name for name, _ in _persons(root)] == ["Lin Bao", "Hu Ting", "Ferro", "Carl Ode"]


def test_a_role_after_a_comma_describes_the_person_before_it():
    root = converted_root(_ALIGNED)
    assert ("Hu Ting", "Interpreter") in _persons(root)
    assert ("Carl Ode", "Embassy Staff (Notetaker)") in _persons(root)


def test_an_unindented_block_after_the_list_is_not_taken_into_it():
    root = converted_root("PARTICIPANTS: Premier Lin Bao, Minister Ferro\n\nMinister Ferro\n"
                          "We thank the Premier.\n\nPremier Lin Bao: You are welcome.\n\n"
                          "Minister Ferro: Thank you.\n")
    assert [name for name, _ in _persons(root)] == ["Lin Bao", "Ferro"]


def test_a_wrapped_bulleted_entry_stays_in_the_list():
    root = converted_root("Memorandum of Conversation\nPARTICIPANTS\n- Consul A. Brenner, Consul "
                          "General of Austria at\n  Trieste\n- M. Tolle, Department of Trade\n"
                          "The Consul asked about the licences.\n")
    assert _items(root) == ["- Consul A. Brenner, Consul General of Austria at", "Trieste",
                            "- M. Tolle, Department of Trade"]
    assert free_paragraphs(root) == ["The Consul asked about the licences."]


def test_bulleted_participants_are_declared_persons():
    root = converted_root("Memorandum of Conversation\nPARTICIPANTS\n- Consul A. Brenner, Austria\n"
                          "- Mr. Marc Tolle\nThe Consul asked about the licences.\n")
    assert [name for name, _ in _persons(root)] == ["A. Brenner", "Marc Tolle"]


def test_a_bulleted_delegation_heading_is_not_a_person():
    root = converted_root("Memorandum of Conversation\nPARTICIPANTS\n- Austria\n"
                          "- Consul A. Brenner\n- Federal Republic\n- Mr. Marc Tolle\n"
                          "The Consul asked about the licences.\n")
    assert [name for name, _ in _persons(root)] == ["A. Brenner", "Marc Tolle"]


# ---- another person's label the document gave no evidence for -------------------------


def test_an_unconfirmed_capitals_label_is_not_more_speech_of_the_turn_above():
    root = converted_root("Q. Did you see the truck?\nA. Only the back of it.\n"
                          "MR. HART: Nothing further.\nQ. Was it raining?\nA. No.\n")
    assert turns(root)[1] == ("A", "Only the back of it.")
    assert "MR. HART: Nothing further." in free_paragraphs(root)


def test_an_unconfirmed_capitals_label_in_its_own_paragraph_is_not_more_speech():
    root = converted_root("Q. Did you see the truck?\nA. Only the back of it.\n\n"
                          "MR. HART: Nothing further.\n\nQ. Was it raining?\nA. No.\n")
    assert turns(root)[1] == ("A", "Only the back of it.")


def test_a_capitals_phrase_with_a_colon_in_speech_stays_speech():
    root = converted_root("Q. What did the sign say?\nA. It said this.\n\nDANGER AHEAD: keep "
                          "out.\n\nQ. Was it raining?\nA. No.\n")
    assert turns(root)[1] == ("A", "It said this. DANGER AHEAD: keep out.")


def test_a_bulleted_block_of_persons_under_the_title_is_the_participants_list():
    root = converted_root("Memorandum of Conversation\n\n• Lin Bao, Premier, State Council\n"
                          "• Hu Ting, Interpreter\n• Dr. Carl Ode, Assistant to the Minister\n\n"
                          "Dr. Ode: We thank the Premier.\n\nLin Bao: You are welcome.\n\n"
                          "Dr. Ode: Shall we begin?\n")
    assert [name for name, _ in _persons(root)] == ["Lin Bao", "Hu Ting", "Carl Ode"]
    assert [sp.get("who") for sp in root.iterfind(".//t:sp", NS)] == [
        "#carl-ode", "#lin-bao", "#carl-ode"]


def test_a_bulleted_subject_under_the_title_is_not_a_participants_list():
    root = converted_root("Memorandum of Conversation\n\n• Germany and Berlin\n"
                          "• The border question\n\nThe Minister called at his request.\n")
    assert _persons(root) == []
    assert root.find(".//t:list[@type='participants']", NS) is None


def test_a_subject_and_a_bulleted_participants_list_after_empty_lines_are_front_matter():
    root = converted_root("Memorandum of Conversation\n\nSUBJECT\n\n• Fishing rights in the bay\n\n"
                          "PARTICIPANTS\n\n• U.K.\n  • Mr. Alan Dunmore\n• N.O.R.\n"
                          "  • Minister Eik\n\nAfter dinner the Minister raised the question of "
                          "the bay.\n")
    segs = [" ".join("".join(s.itertext()).split())
            for s in root.iterfind(".//t:opener/t:seg[@type='subject']", NS)]
    assert segs == ["SUBJECT", "• Fishing rights in the bay"]
    assert [name for name, _ in _persons(root)] == ["Alan Dunmore", "Eik"]
    assert free_paragraphs(root) == ["After dinner the Minister raised the question of the bay."]
