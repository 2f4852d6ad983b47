"""Label and participants gaps found in QA: each test states one rule.

- Every name of a ``Present:`` line is a person, also the last one after "and".
- A paragraph number without full stop ("12 Petrov:", "2Petrov:") is kept, the label read.
- Current Hansard lines without a form of address ("Anna Reyes (Northbridge) (Lab)") are
  labels; "The Prime Minister (Tom Hale)" is spoken by the holder.
- A colon label followed by short utterances is a label even when a later sentence opens
  with a reporting verb ("Objection. Asked and answered."); reported speech stays narrative.
"""

from __future__ import annotations

from convert_support import NS, converted_root

from tei_edition.convert.labels import label_core, match_line
from tei_edition.convert.participants import read_participants


def _names(line: str) -> list[str]:
    persons, _ = read_participants([(line, 1)])
    return [person.name for person in persons]


def _who(text: str) -> list[str]:
    return [sp.get("who") for sp in converted_root(text).iterfind(".//t:sp", NS)]


def test_present_line_with_serial_comma_lists_every_name() -> None:
    assert _names("Present: Trustees Abara, Holt, and Mercer") == ["Abara", "Holt", "Mercer"]


def test_present_line_without_serial_comma_lists_the_name_after_and() -> None:
    assert _names("Present: Abara, Holt and Mercer") == ["Abara", "Holt", "Mercer"]


def test_serial_comma_and_name_after_a_semicolon_group_is_a_person() -> None:
    line = "PRESENT: Chair Lindgren; Trustees Abara, Holt, and Mercer."
    persons, _ = read_participants([(line, 1)])
    assert [(p.name, p.description) for p in persons][-2:] == [("Holt", ""), ("Mercer", "")]


def test_plural_office_before_names_is_a_title_not_part_of_the_first_name() -> None:
    assert _names("Present: Councilmembers Ortiz and Lam") == ["Ortiz", "Lam"]


def test_role_after_comma_still_describes_the_person_before_it() -> None:
    persons, _ = read_participants([("Present: Tang Wen-sheng, Interpreter", 1)])
    assert [(p.name, p.description) for p in persons] == [("Tang Wen-sheng", "Interpreter")]


def test_present_line_names_all_persons_in_partic_desc() -> None:
    root = converted_root("Minutes\n\nPresent: Trustees Abara, Holt and Mercer\n\n"
                          "ABARA: Order.\n\nHOLT: I move.\n\nMERCER: Seconded.\n")
    names = [n.text for n in root.iterfind(".//t:particDesc//t:persName", NS)]
    assert names == ["Abara", "Holt", "Mercer"]


def test_objection_asked_and_answered_is_a_label() -> None:
    found = match_line("MR. BARNES: Objection. Asked and answered.", "colon")
    assert found is not None and found.key == "barnes"


def test_capitalised_verb_after_exclamation_is_a_new_sentence() -> None:
    assert match_line("MR. BARNES: Objection! Asked and answered.", "colon") is not None


def test_name_followed_by_reporting_verb_stays_narrative() -> None:
    assert match_line("Mr. Kline: Dobrynin asked us to leave.", "colon") is None


def test_honorific_before_capitalised_verb_is_not_a_sentence_end() -> None:
    assert match_line("Gromyko: Comrade Dobrynin informed us.", "colon") is None


def test_deposition_objection_is_its_own_turn() -> None:
    text = ("MR. KLINE: Did anyone see you?\n\nMR. BARNES: Objection. Asked and answered.\n\n"
            "MR. KLINE: You may answer.\n\nMS. DELGADO: My sister.\n")
    assert _who(text) == ["#kline", "#barnes", "#kline", "#delgado"]


def test_paragraph_number_glued_to_a_label_is_kept_in_the_label() -> None:
    found = match_line("2Petrov: We agree.", "colon")
    assert found is not None and (found.label, found.key) == ("2Petrov", "petrov")


def test_paragraph_number_before_a_label_without_full_stop_is_kept() -> None:
    found = match_line("12 Petrov: We agree.", "colon")
    assert found is not None and (found.label, found.key, found.rest) == (
        "12 Petrov", "petrov", "We agree.")


def test_day_before_a_month_is_no_paragraph_number() -> None:
    assert match_line("12 December: we met again.", "colon") is None


def test_clock_time_before_a_colon_is_no_paragraph_number() -> None:
    assert match_line("10 Uhr: Beginn der Sitzung", "colon") is None


def test_numbered_turns_resolve_to_one_person_per_name() -> None:
    text = ("1 Petrov: We have read the draft.\n\n2 Lindqvist: Thank you.\n\n"
            "3Petrov: Let us begin.\n\n4Lindqvist: We agree.\n")
    assert _who(text) == ["#petrov", "#lindqvist", "#petrov", "#lindqvist"]


def test_current_hansard_member_line_without_form_of_address_is_a_label() -> None:
    from tei_edition.convert.hansard import match_paren_line

    found = match_paren_line("Anna Reyes (Northbridge) (Lab)")
    assert found is not None and found.key == "anna reyes"


def test_name_with_constituency_but_no_party_needs_a_form_of_address() -> None:
    from tei_edition.convert.hansard import match_paren_line

    assert match_paren_line("Anna Reyes (Northbridge)") is None


def test_heading_with_long_second_parenthesis_is_no_member_line() -> None:
    from tei_edition.convert.hansard import match_paren_line

    assert match_paren_line("Bus Services (Northbridge) (Statement)") is None


def test_office_holder_without_form_of_address_is_the_speaker() -> None:
    assert label_core("The Prime Minister (Tom Hale)") == ("Tom Hale", False)


def test_state_in_parentheses_after_an_office_is_no_holder() -> None:
    assert label_core("The President (United States)") == ("President", False)


def test_current_hansard_debate_gives_turns_to_member_and_holder() -> None:
    text = ("Commons Chamber\n\nAnna Reyes (Northbridge) (Lab)\n\nQ1. Engagements?\n\n"
            "The Prime Minister (Tom Hale)\n\nMeetings this morning.\n\n"
            "Anna Reyes (Northbridge) (Lab)\n\nThe bus service was cut.\n")
    assert _who(text) == ["#anna-reyes", "#tom-hale", "#anna-reyes"]
