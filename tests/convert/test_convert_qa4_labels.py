"""Issue 3, fourth blind QA pass, family C: label shapes the converter did not recognise.

Comma roles inside a label, bracketed item numbers before it, New Zealand Hansard's question
labels, the European Parliament's period before the dash, records whose every paragraph is
quoted, and labels proved by the rest of the record (the presiding officer's office, a title
with a full name alone on its line, initials before a surname the title names, Mc surnames
in capitals). Names and sentences are invented; docs/conventions.md states the rules.
"""

from __future__ import annotations

import pytest
from convert_support import (
    NS,
    converted_root,
    diplomatic_text,
    free_paragraphs,
    normalised_transcript,
    speakers,
    turns,
    who_of_turns,
)

# ---- a role after a comma -----------------------------------------------------------------

BROADCAST = ("The Evening Report\n\n"
             "ANNA FIELD: Good evening. Tonight, the harbour talks.\n"
             "MARK STONE, Channel Four Correspondent: The talks went on through the night.\n"
             "DELEGATE: Excuse me, I have a meeting.\n"
             "STONE: Outside, the protest grew louder.\n"
             "RUTH OKAFOR, Friends of the Coast: The fleet is behaving badly.\n"
             "ANNA FIELD: Thank you, Mark.\n")


def test_a_name_in_capitals_with_a_role_after_a_comma_is_a_label():
    assert speakers(converted_root(BROADCAST)) == [
        "ANNA FIELD", "MARK STONE, Channel Four Correspondent", "DELEGATE", "STONE",
        "RUTH OKAFOR, Friends of the Coast", "ANNA FIELD"]


def test_the_role_stays_in_the_speaker_and_the_person_is_the_name_before_the_comma():
    root = converted_root(BROADCAST)
    who = who_of_turns(root)
    assert who[1] == who[3] == "#mark-stone"  # "STONE:" later is the same speaker
    assert turns(root)[1][1] == "The talks went on through the night."


def test_a_role_in_capitals_with_particles_is_a_label():
    root = converted_root("HOST: Welcome.\nPAUL GRANT, PRESIDENT OF THE HARBOUR BOARD: "
                          "Thank you.\nHOST: Tell us more.\nGRANT: Gladly.\n")
    assert speakers(root)[1] == "PAUL GRANT, PRESIDENT OF THE HARBOUR BOARD"
    assert who_of_turns(root)[1] == who_of_turns(root)[3]


def test_a_name_with_a_suffix_after_a_comma_alone_on_its_line_is_a_label():
    root = converted_root("SEN. ADA QUINN:\nWe must move with care.\nDR. LEO MARCH, JR.:\n"
                          "I am still convinced that marching feet are heard.\nREP. ANN HOLT:\n"
                          "I broke the ice.\n")
    assert speakers(root)[1] == "DR. LEO MARCH, JR."
    assert turns(root)[1][1] == "I am still convinced that marching feet are heard."


def test_title_case_name_and_role_labels_count_when_the_record_writes_the_shape_twice():
    root = converted_root("Ruth Okafor, Evening Post: Mr. President, what about prices?\n\n"
                          "Lena Park, Valley Times: And wages?\n")
    assert speakers(root) == ["Ruth Okafor, Evening Post", "Lena Park, Valley Times"]


def test_a_single_title_case_name_and_role_line_stays_a_paragraph():
    root = converted_root("The minutes were taken by the clerk.\n\n"
                          "Anna Lee, Chief Clerk: responsible for the minutes.\n")
    assert speakers(root) == []


def test_a_place_and_a_date_before_a_colon_are_no_label():
    root = converted_root("New Harbour, May 14, 1959: The talks opened.\n\n"
                          "Old Harbour, May 15, 1959: The talks went on.\n")
    assert speakers(root) == []


def test_an_office_with_of_before_the_comma_names_no_person():
    root = converted_root("Department of Trade, Central Files: box 12.\n\n"
                          "Department of Works, Central Files: box 14.\n")
    assert speakers(root) == []


# ---- the European Parliament's period before the dash ----------------------------------------

PARLIAMENT = ("3. Presentation of the programme (debate)\n\n"
              "  Presidente. – Oggi è una giornata importante.\n\n"
              "Diamo la parola alla signora Maria Rossi.\n\n"
              "  Maria Rossi, Vice-President of the Commission. – Mr President, thank you.\n\n"
              "For me, these hours matter.\n")


def test_european_parliament_labels_end_with_a_period_before_the_dash():
    root = converted_root(PARLIAMENT)
    assert speakers(root) == ["Presidente.", "Maria Rossi, Vice-President of the Commission."]
    assert who_of_turns(root) == ["#presidente", "#maria-rossi"]
    assert turns(root)[1][1] == "Mr President, thank you. For me, these hours matter."


def test_a_single_period_before_a_dash_is_no_label():
    root = converted_root("Presidente. – Oggi è una giornata importante.\n\n"
                          "Diamo la parola alla signora Rossi.\n")
    assert speakers(root) == []


# ---- a bracketed item number before the label ------------------------------------------------

CONFERENCE = ("THE PRESIDENT. Good morning.\n\n"
              "[1.] Q. Mr. President, will you go to Oslo?\n\n"
              "THE PRESIDENT. Yes, in May.\n\n"
              "[2.] Q. And to Bergen?\n\n"
              "THE PRESIDENT. No.\n")


def test_a_bracketed_item_number_before_a_label_starts_a_turn_and_is_kept_in_the_speaker():
    root = converted_root(CONFERENCE)
    assert speakers(root) == ["THE PRESIDENT", "1. Q", "THE PRESIDENT", "2. Q", "THE PRESIDENT"]
    sp = root.findall(".//t:sp", NS)[1]
    assert sp.find("t:speaker/t:supplied", NS).text == "1."  # the editors' number, kept
    assert who_of_turns(root)[1] == "#q"


def test_a_bracketed_item_number_without_a_label_continues_the_turn():
    root = converted_root(CONFERENCE + "\n[3.] As you know, the fleet sailed.\n")
    assert len(speakers(root)) == 5
    assert turns(root)[-1][1] == "No. 3. As you know, the fleet sailed."


def test_reporters_named_with_their_paper_after_item_numbers_are_turns():
    root = converted_root("[12.] Ruth Okafor, Evening Post: Mr. President, what about prices?"
                          "\n\nTHE PRESIDENT. They will fall.\n\nPRICES AND WAGES\n\n"
                          "[14] Mrs. Lena Park, Valley Times: And wages?\n\n"
                          "THE PRESIDENT. They will rise.\n")
    assert speakers(root) == ["12. Ruth Okafor, Evening Post", "THE PRESIDENT",
                              "[14] Mrs. Lena Park, Valley Times", "THE PRESIDENT"]


# ---- New Zealand Hansard's oral questions ----------------------------------------------------

ORAL_QUESTIONS = (
    "Questions for Oral Answer — Questions to Ministers\n\n"
    "Harbour Dues—Fishing Fleet\n\n"
    "1. ANNA REYES (Green) to the Minister for Fisheries: Can he guarantee the dues?\n\n"
    "Hon TOM HALE (Leader of the House) on behalf of the Minister for Fisheries: He cannot.\n\n"
    "Anna Reyes: Is the Minister aware of the reports?\n\n"
    "Hon TOM HALE: No, I am not aware of them.\n\n"
    "Hon Mere Paki: What were you doing there, Tom?\n")


def test_the_member_asked_and_the_minister_answered_for_stay_in_the_speaker():
    root = converted_root(ORAL_QUESTIONS)
    assert speakers(root) == [
        "1. ANNA REYES (Green) to the Minister for Fisheries",
        "Hon TOM HALE (Leader of the House) on behalf of the Minister for Fisheries",
        "Anna Reyes", "Hon TOM HALE", "Hon Mere Paki"]


def test_the_question_label_and_the_short_label_are_one_member():
    who = who_of_turns(converted_root(ORAL_QUESTIONS))
    assert who[0] == who[2] == "#anna-reyes" and who[1] == who[3] == "#tom-hale"


def test_the_subject_line_of_an_oral_question_is_no_turn():
    assert "Harbour Dues—Fishing Fleet" in free_paragraphs(converted_root(ORAL_QUESTIONS))


# ---- every paragraph wrapped in quotes -------------------------------------------------------

QUOTED = ("Diario de Sesiones 12\n\n"
          "'El señor presidente: Siguiente punto del orden del día.'\n\n"
          "'Señora Roca Vidal, tiene la palabra.'\n\n"
          "'La señora Roca Vidal: Buenos días, señorías.'\n\n"
          "'Les pido que me excusen.'\n\n"
          "'El señor presidente: Disculpe, señora Roca.'\n\n"
          "'Gracias.'\n\n"
          "'La señora Roca Vidal: De cualquier manera, continúo.'\n")


def test_a_label_after_the_opening_quote_of_a_quoted_record_is_a_turn():
    root = converted_root(QUOTED)
    assert speakers(root) == ["'El señor presidente", "'La señora Roca Vidal",
                              "'El señor presidente", "'La señora Roca Vidal"]
    assert turns(root)[1][1] == "Buenos días, señorías.' 'Les pido que me excusen.'"


def test_the_quotes_of_a_quoted_record_are_kept_as_written():
    root = converted_root(QUOTED)
    assert turns(root)[0][1] == ("Siguiente punto del orden del día.' "
                                 "'Señora Roca Vidal, tiene la palabra.'")


def test_an_opening_quote_on_each_paragraph_of_a_quotation_is_not_the_layout():
    # FRUS quotes a memorandum with an opening quote on each paragraph, none at the end
    root = converted_root("The memorandum reads:\n\n“Mr. Hale: the fleet sailed.\n\n"
                          "“Mr. Hale: the fleet returned.\n\n“Mr. Hale: it was late.\n\n"
                          "“The talks ended.\n\n“The guests left.\n")
    assert all(not s.startswith("“") for s in speakers(root))


# ---- labels proved by the rest of the record -------------------------------------------------

UN_OPENING = ("Page:Security Council Record 1234/3\n\n"
              "The President: The Council will now begin its consideration of the item.\n\n"
              "The first speaker is the representative of Norway.\n\n"
              "Mr. Arden (Norway) (interpretation from French): Thank you, Mr. President.\n")


def test_the_presiding_officer_opening_a_un_record_is_a_turn():
    assert speakers(converted_root(UN_OPENING)) == [
        "The President", "Mr. Arden (Norway) (interpretation from French)"]


def test_a_headline_with_an_office_before_a_dash_is_no_turn():
    root = converted_root("Tom Hale MP\nThe Prime Minister - facing his last months in power\n\n"
                          "ANNA FIELD: Is he tidying up?\n\nTOM HALE: Not at all.\n\n"
                          "ANNA FIELD: Thank you.\n")
    assert speakers(root) == ["ANNA FIELD", "TOM HALE", "ANNA FIELD"]


def test_the_presiding_office_in_capitals_counts_once_beside_an_established_style():
    root = converted_root("[12.] Ruth Okafor, Evening Post: What about prices?\n\n"
                          "THE PRESIDENT. They will fall.\n\n"
                          "[14] Lena Park, Valley Times: And wages?\n")
    assert speakers(root) == ["12. Ruth Okafor, Evening Post", "THE PRESIDENT",
                              "[14] Lena Park, Valley Times"]


def test_a_title_and_a_full_name_alone_on_the_line_are_a_label_used_once():
    root = converted_root("Eröffnung\n\nPräsidentin Karin Vogt:\n\nSehr geehrte Damen und Herren!"
                          " Hiermit eröffne ich die Sitzung.\n\n"
                          "Ich stelle die Beschlussfähigkeit fest.\n")
    assert turns(root) == [("Präsidentin Karin Vogt", "Sehr geehrte Damen und Herren! Hiermit "
                            "eröffne ich die Sitzung. Ich stelle die Beschlussfähigkeit fest.")]


def test_a_title_and_a_surname_alone_on_the_line_used_once_stay_a_paragraph():
    root = converted_root("Minutes\n\nMinister Adler:\n\nThe budget was adopted.\n")
    assert speakers(root) == []


DORTICOS = ("Memorandum of Conversation, A.I. Petrov with Osvaldo Marquez and Ana Ruiz\n\n"
            "Evening 5 November 1962\n\n"
            "After greetings, Com. Marquez said that the leader could not come.\n\n"
            "A.I. PETROV expressed his sympathy.\n\n"
            "O. MARQUEZ. We have studied the latest proposals.\n\n"
            "After that we could move to the next tasks.\n")


def test_initials_and_the_surname_of_a_person_the_title_names_are_a_period_label():
    root = converted_root(DORTICOS)
    assert turns(root) == [("O. MARQUEZ", "We have studied the latest proposals. "
                                          "After that we could move to the next tasks.")]


def test_a_name_in_capitals_followed_by_a_reporting_verb_stays_narrative():
    assert "A.I. PETROV expressed his sympathy." in free_paragraphs(converted_root(DORTICOS))


def test_initials_that_fit_no_person_of_the_title_give_no_label_used_once():
    root = converted_root(DORTICOS.replace("O. MARQUEZ.", "K. MARQUEZ."))
    assert speakers(root) == []


def test_mc_surnames_in_capitals_are_period_labels():
    root = converted_root("TESTIMONY OF ANNA BERG RESUMED\n"
                          "The Commission reconvened at 2:05 p.m.\n"
                          "Mr. McCORD. The purpose of today's hearing is to hear Mrs. Berg.\n"
                          "Mr. BALL. The record will show that she is present.\n"
                          "Mrs. BERG. Right.\n"
                          "Mr. McCORD. You are still under oath, Mrs. Berg.\n")
    assert speakers(root) == ["Mr. McCORD", "Mr. BALL", "Mrs. BERG", "Mr. McCORD"]
    assert "The Commission reconvened at 2:05 p.m." in " ".join(free_paragraphs(root))


def test_a_lone_answer_label_before_a_capitals_word_stays_the_answer():
    root = converted_root("Q. Were you there?\nA. YES. I was at the depot.\nQ. When?\n"
                          "A. At noon.\n")
    assert turns(root)[1] == ("A", "YES. I was at the depot.")


# ---- nothing lost: the diplomatic text gives each layout back ----------------------------------


@pytest.mark.parametrize("text", [BROADCAST, PARLIAMENT, CONFERENCE, ORAL_QUESTIONS, QUOTED,
                                  UN_OPENING, DORTICOS],
                         ids=["comma-role", "period-dash", "item-number", "addressee", "quoted",
                              "presiding-office", "initials"])
def test_the_diplomatic_text_of_each_label_layout_is_the_transcript(text):
    assert diplomatic_text(converted_root(text)) == normalised_transcript(text)
