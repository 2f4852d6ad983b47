"""Issue 3, fourth blind QA pass, family C: label shapes the converter did not recognise.

Comma roles inside a label, bracketed item numbers before it, New Zealand Hansard's question
labels, the European Parliament's period before the dash, records whose every paragraph is
quoted, and labels proved by the rest of the record (the presiding officer's office, a title
with a full name alone on its line, initials before a surname the title names, Mc surnames
in capitals). Names and sentences are invented; docs/conventions.md states the rules.
"""

from __future__ import annotations

from convert_support import NS, converted_root, speakers, turns


def _who(root) -> list[str]:
    return [sp.get("who") for sp in root.iterfind(".//t:sp", NS)]


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
    who = _who(root)
    assert who[1] == who[3] == "#mark-stone"  # "STONE:" later is the same speaker
    assert turns(root)[1][1] == "The talks went on through the night."


def test_a_role_in_capitals_with_particles_is_a_label():
    root = converted_root("HOST: Welcome.\nPAUL GRANT, PRESIDENT OF THE HARBOUR BOARD: "
                          "Thank you.\nHOST: Tell us more.\nGRANT: Gladly.\n")
    assert speakers(root)[1] == "PAUL GRANT, PRESIDENT OF THE HARBOUR BOARD"
    assert _who(root)[1] == _who(root)[3]


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
    assert _who(root) == ["#presidente", "#maria-rossi"]
    assert turns(root)[1][1] == "Mr President, thank you. For me, these hours matter."


def test_a_single_period_before_a_dash_is_no_label():
    root = converted_root("Presidente. – Oggi è una giornata importante.\n\n"
                          "Diamo la parola alla signora Rossi.\n")
    assert speakers(root) == []
