"""Issue 3, layouts of the third blind QA pass: the web copy of current Hansard (portrait
captions and link lines), a title's date after a name, editor-supplied parts of a label,
an editorial bracket over several paragraphs (docs/conventions.md)."""

from __future__ import annotations

from convert_support import NS, converted_root, free_paragraphs, speakers, turns, who_of_turns

from tei_edition.convert import convert_text
from tei_edition.convert.participants import names_in_front
from tei_edition.convert.webcopy import is_link_line

# ---- 1. Hansard web copy: "Name Portrait Label" and the page's link line ----------------

WEB_HANSARD = (
    "Commons Chamber\n"
    "Read Full debate Read Hansard Text Watch Debate\n"
    "Marta Quill Portrait Marta Quill (Eastbrook) (LD)\n"
    "- Hansard - - - Excerpts\n\n"
    "Q2. What steps the Government are taking to repair the harbour wall.\n\n"
    "Owen Pratt Portrait The Secretary of State for Transport (Owen Pratt)\n"
    "- View Speech - Hansard - -\n\n"
    "The repairs begin in the spring.\n\n"
    "Marta Quill Portrait Marta Quill\n"
    "- View Speech - Hansard - - - Excerpts\n\n"
    "The fishermen will be glad to hear it.\n")


def test_portrait_caption_line_is_a_hansard_label():
    root = converted_root(WEB_HANSARD)
    assert len(speakers(root)) == 3


def test_link_line_under_the_label_is_part_of_the_speaker_not_the_speech():
    root = converted_root(WEB_HANSARD)
    assert [speech for _, speech in turns(root)] == [
        "Q2. What steps the Government are taking to repair the harbour wall.",
        "The repairs begin in the spring.", "The fishermen will be glad to hear it."]
    assert speakers(root)[1] == ("Owen Pratt Portrait The Secretary of State for Transport "
                                 "(Owen Pratt)\n- View Speech - Hansard - -")


def test_repeat_form_under_the_caption_is_the_same_member():
    root = converted_root(WEB_HANSARD)
    assert who_of_turns(root) == ["#marta-quill", "#owen-pratt", "#marta-quill"]


def test_office_holder_after_a_caption_is_the_holder():
    root = converted_root(WEB_HANSARD)
    assert who_of_turns(root)[1] == "#owen-pratt"


def test_page_header_above_the_first_caption_stays_a_paragraph():
    root = converted_root(WEB_HANSARD)
    assert free_paragraphs(root) == ["Commons Chamber Read Full debate Read Hansard Text "
                                     "Watch Debate"]


def test_presiding_officer_after_a_caption_is_the_speaker_of_the_house():
    root = converted_root(WEB_HANSARD + "\nLindsay Moor Portrait Mr Speaker\n"
                                        "- View Speech - Hansard - -\n\nOrder.\n")
    assert who_of_turns(root)[-1] == "#speaker"


def test_a_caption_needs_the_layout_twice():
    root = converted_root("Town notes\n\nAnna Field Portrait Anna Field (Northbridge) (Lab)\n"
                          "- Hansard -\n\nThe bus service was cut.\n")
    assert speakers(root) == []


def test_portrait_in_prose_is_no_caption():
    root = converted_root(WEB_HANSARD + "\nThe National Portrait Gallery opens on Monday.\n")
    assert turns(root)[-1][1].endswith("The National Portrait Gallery opens on Monday.")


def test_link_lines_hold_only_link_words_clock_times_and_hyphens():
    assert is_link_line("- View Speech - Hansard - -")
    assert is_link_line("Share")
    assert is_link_line("12:03 pm")
    assert not is_link_line("We share - the view")
    assert not is_link_line("Read the report.")


# ---- 2. a title's date written after a name --------------------------------------------


def test_month_after_a_name_in_the_title_is_not_part_of_the_name():
    assert names_in_front(["Record of Conversation between Anna Berg and Ivan Petrov "
                           "June 9, 1989"]) == ["Anna Berg", "Ivan Petrov"]


def test_surname_of_a_title_name_before_its_date_is_evidence_for_a_glued_numbered_label():
    root = converted_root(
        "Document No. 7: Record of Conversation between Anna Berg and Ivan Petrov "
        "May 2, 1979\n\n1This record was found in the archive after 1990.\n\n"
        "2Petrov: Our friends need not worry. The agreement will hold.\n")
    assert speakers(root) == ["2Petrov"]
    assert free_paragraphs(root) == ["1This record was found in the archive after 1990."]


# ---- 3. "[Oskar] Fischer." labels: a first name the editor supplied ---------------------

SUPPLIED_NOTES = ("Notes of the board session held on 4 April 1981\n"
                  "[Greta] Lund.The tender arrived on Monday. Lund told the clerk so.\n"
                  "[Piet] Varga. The crane is too small.\n"
                  "[Greta] Lund. A second offer costs us a month.\n")


def test_supplied_first_name_before_surname_and_period_is_a_label():
    root = converted_root(SUPPLIED_NOTES)
    assert speakers(root) == ["Greta Lund", "Piet Varga", "Greta Lund"]


def test_supplied_first_name_stays_supplied_inside_the_speaker():
    root = converted_root(SUPPLIED_NOTES)
    supplied = root.findall(".//t:sp/t:speaker/t:supplied", NS)
    assert [s.text for s in supplied] == ["Greta", "Piet", "Greta"]


def test_supplied_label_resolves_to_one_person_with_the_whole_name():
    root = converted_root(SUPPLIED_NOTES)
    assert who_of_turns(root) == ["#greta-lund", "#piet-varga", "#greta-lund"]
    assert root.xpath("//t:person[@xml:id='greta-lund']/t:persName/text()",
                      namespaces=NS) == ["Greta Lund"]


def test_label_glued_to_the_speech_is_an_unspaced_period():
    root = converted_root(SUPPLIED_NOTES)
    assert root.find(".//t:sp", NS).get("rend") == "sep-period unspaced no-blank-before"
    assert turns(root)[0][1].startswith("The tender arrived on Monday.")


def test_one_supplied_label_alone_is_no_evidence():
    root = converted_root("Notes of the board session\n\n[Greta] Lund. The tender arrived.\n")
    assert speakers(root) == []


def test_supplied_pronoun_at_a_sentence_start_is_no_label():
    root = converted_root("Notes of the board session\n\n[He] Said. It was late.\n\n"
                          "[She] Left. Nobody followed.\n")
    assert speakers(root) == []


# ---- 4. an editor's bracket over several paragraphs ------------------------------------

PASSAGE = ("[The visitors reached the harbour at 9 a.m.\n\n"
           "[Lunch was served on the quay.]\n\n")
TALK = ("Mr. Okafor: We begin with the timetable.\n\nMr. Lind: That suits us.\n\n"
        "Mr. Okafor: Then the costs.\n\nMr. Lind: Agreed.\n")


def _editorial_divs(root) -> list[list[str]]:
    return [[" ".join("".join(p.itertext()).split()) for p in div.iterfind("t:p", NS)]
            for div in root.iterfind(".//t:div[@type='editorial']", NS)]


def test_bracket_opening_each_paragraph_and_closing_in_the_last_is_one_editorial_division():
    root = converted_root("Memorandum of Conversation\n\n" + PASSAGE + TALK)
    assert _editorial_divs(root) == [["[The visitors reached the harbour at 9 a.m.",
                                      "[Lunch was served on the quay.]"]]


def test_editorial_passage_between_turns_is_not_speech_of_the_turn_before():
    root = converted_root("Memorandum of Conversation\n\n" + TALK + "\n" + PASSAGE
                          + "Mr. Okafor: One more point.\n")
    assert len(_editorial_divs(root)) == 1
    assert all("harbour" not in speech for _, speech in turns(root))
    assert len(turns(root)) == 5


def test_editorial_passage_is_declared_in_the_header():
    root = converted_root("Memorandum of Conversation\n\n" + PASSAGE + TALK)
    declared = " ".join(root.xpath("//t:editorialDecl/t:interpretation/t:p/text()",
                                   namespaces=NS))
    assert "div type editorial" in declared


def test_editorial_passage_in_a_record_without_turns_keeps_every_part_a_division():
    root = converted_root("Memorandum of Conversation\n\nThe talk began late.\n\n" + PASSAGE
                          + "The talk ended at noon.\n")
    record = root.find(".//t:div[@type='recordOfConversation']", NS)
    assert [div.get("type") for div in record.iterfind("t:div", NS)] == [
        "section", "editorial", "section"]


def test_bracket_never_closed_over_the_paragraphs_is_no_passage_but_warned_text():
    result = convert_text("Memorandum\n\n[The visitors reached the harbour.\n\n"
                          "[Lunch was served.\n\n" + TALK)
    assert [(d.code, d.severity.name) for d in result.diagnostics] == [
        ("transcript.unclosed-bracket", "WARNING")] * 2
    assert _editorial_divs(result.tree.getroot()) == []


def test_passage_with_a_closing_bracket_inside_a_paragraph_is_no_passage():
    result = convert_text("Memorandum\n\n[The visitors reached the harbour.\n\n"
                          "[Lunch was served.] Then they left.\n\n" + TALK)
    assert [d.code for d in result.diagnostics] == ["transcript.unclosed-bracket"]
    assert _editorial_divs(result.tree.getroot()) == []


# ---- 5. magazine interviews: a name in capitals, a space, the speech --------------------

MAGAZINE = ("In this issue, Ruth Abara met with Tomas Hale and Irene Vidal.\n"
            "RUTH ABARA The archive holds many interviews. How did it begin?\n"
            "TOMAS HALE It began in 1971 with a box of tapes.\n"
            "RA\nWho pays for the work today?\n"
            "IRENE VIDAL A small foundation pays for it.\n")


def test_capitals_name_introduced_above_is_a_label_separated_by_a_space():
    root = converted_root(MAGAZINE)
    assert speakers(root) == ["RUTH ABARA", "TOMAS HALE", "RA", "IRENE VIDAL"]
    assert root.find(".//t:sp", NS).get("rend") == "sep-space no-blank-before"


def test_initials_of_a_capitals_speaker_alone_on_a_line_are_that_speakers_label():
    root = converted_root(MAGAZINE)
    assert who_of_turns(root) == ["#ruth-abara", "#tomas-hale", "#ruth-abara", "#irene-vidal"]
    assert turns(root)[2] == ("RA", "Who pays for the work today?")


def test_introduction_above_the_capitals_names_stays_a_paragraph():
    root = converted_root(MAGAZINE)
    assert free_paragraphs(root) == ["In this issue, Ruth Abara met with Tomas Hale and "
                                     "Irene Vidal."]


def test_capitals_names_nobody_introduced_are_no_labels():
    root = converted_root("A note on the archive.\n"
                          "RUTH ABARA The archive holds many interviews.\n"
                          "TOMAS HALE It began in 1971 with a box of tapes.\n")
    assert speakers(root) == []


def test_one_introduced_capitals_name_is_no_evidence():
    root = converted_root("Ruth Abara wrote this note.\n"
                          "RUTH ABARA The archive holds many interviews.\n")
    assert speakers(root) == []


# ---- 6. written answers: an office and its holder, each answering once ------------------

ANSWERS = ("Written Answers, 9 March 2011\n"
           "To ask Her Majesty's Government whether the timetable will be published.[HL4410]\n"
           "The Minister of State, Department for Transport (Lord Ashby): It will be, in May.\n"
           "To ask Her Majesty's Government what the terminal will cost.[HL4415]\n"
           "The Parliamentary Under-Secretary of State, Treasury (Baroness Finch): Twelve "
           "million pounds.\nThe estimate will be reviewed.\n")


def test_office_with_its_holder_in_parentheses_is_a_label_when_the_record_uses_it_twice():
    root = converted_root(ANSWERS)
    assert speakers(root) == [
        "The Minister of State, Department for Transport (Lord Ashby)",
        "The Parliamentary Under-Secretary of State, Treasury (Baroness Finch)"]
    assert who_of_turns(root) == ["#ashby", "#finch"]


def test_written_question_between_answers_is_not_the_answer_before_it():
    root = converted_root(ANSWERS)
    assert [speech for _, speech in turns(root)] == [
        "It will be, in May.", "Twelve million pounds. The estimate will be reviewed."]
    assert len(free_paragraphs(root)) == 2


def test_one_office_holder_label_alone_is_no_evidence():
    root = converted_root("Written Answers\n\nThe Minister of State, Department for Transport "
                          "(Lord Ashby): It will be, in May.\n")
    assert speakers(root) == []


# ---- 7. a bulleted participants list with an entry naming a group -----------------------

BULLETS = ("12. Memorandum of Conversation\n\n"
           "  • Tran Van Bao, Special Adviser\n  • Lam Thi Hoa, Vice Minister\n"
           "  • Other Members of Port Delegation\n  • Dr. Ruth Ellison, Assistant\n")


def _participants(root) -> list[str]:
    return root.xpath("//t:particDesc//t:person/t:persName/text()", namespaces=NS)


def test_bulleted_list_keeps_an_entry_naming_a_group_when_most_entries_are_persons():
    root = converted_root(BULLETS + "\nTran Van Bao: We agree on the schedule.\n\n"
                                    "Dr. Ellison: That suits us.\n")
    assert _participants(root) == ["Tran Van Bao", "Lam Thi Hoa", "Ruth Ellison"]
    assert speakers(root) == ["Tran Van Bao", "Dr. Ellison"]


def test_two_bullets_one_naming_nobody_are_no_participants_list():
    root = converted_root("Memorandum of Conversation\n\n  • Tran Van Bao, Adviser\n"
                          "  • Other Members of Port Delegation\n\nThe talk began at ten.\n")
    assert _participants(root) == []


def test_page_mark_directly_under_a_bulleted_list_is_no_entry():
    root = converted_root(BULLETS + "[Page 210]\n\nTran Van Bao: We agree.\n\n"
                                    "Dr. Ellison: Good.\n")
    assert len(root.findall(".//t:list[@type='participants']/t:item", NS)) == 4
    assert root.find(".//t:pb", NS).get("n") == "210"


def test_page_mark_above_an_editorial_passage_opens_its_division():
    root = converted_root(BULLETS + "[Page 210]\n\n" + PASSAGE + TALK)
    division = root.find(".//t:div[@type='editorial']", NS)
    assert [child.tag.split("}")[1] for child in division] == ["pb", "p", "p"]


def test_an_office_with_commas_and_a_holder_with_a_form_of_address_is_a_web_label():
    """"The Parliamentary Under-Secretary of State for Ports, Harbours and Canals (Mr Owen
    Pratt)": commas and lower-case words in the office, the holder with "Mr" (QA5 file 15)."""
    text = WEB_HANSARD.replace(
        "Owen Pratt Portrait The Secretary of State for Transport (Owen Pratt)",
        "Owen Pratt Portrait The Parliamentary Under-Secretary of State for Ports, Harbours "
        "and Canals (Mr Owen Pratt)")
    root = converted_root(text)
    assert who_of_turns(root) == ["#marta-quill", "#owen-pratt", "#marta-quill"]


def test_a_name_with_credentials_in_parentheses_is_no_office_label():
    from tei_edition.convert.hansard import match_paren_line

    assert match_paren_line("Chief Ann B. ROE, Esq. (Head of Chambers)") is None
