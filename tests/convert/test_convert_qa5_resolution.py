"""Issue 3, fifth blind QA pass, family R: label variants the document itself explains, and
front matter that must not become turns.

A short form declared inside a label ("Rosa Lindo (RL):" then "RL:"), a given-name initial
before a surname that tells namesakes apart ("R. KEANE:" beside "ROSALIND KEANE" and "MARTIN
KEANE"), and a dated headline under a web page's title ("Name: headline" / "03/09/2015").
Names and sentences are invented; docs/conventions.md states the rules.
"""

from __future__ import annotations

from convert_support import NS, converted_root, speakers, who_of_turns

from tei_edition.convert import convert_text
from tei_edition.convert.variants import (
    GivenInitial,
    declared_aliases,
    fits_given_initial,
    given_initial,
)


def _aliases(root, person_id: str) -> list[str]:
    person = next(p for p in root.iterfind(".//t:person", NS)
                  if p.get("{http://www.w3.org/XML/1998/namespace}id") == person_id)
    return [n.text for n in person.iterfind("t:persName[@type='alias']", NS)]


def _heads(root) -> list[str]:
    return [" ".join("".join(h.itertext()).split())
            for h in root.iterfind(".//t:body//t:head", NS)]


# ---- a short form declared inside a label --------------------------------------------------

DECLARED = ("Rosa Lindo (RL): Gracias por venir, señor ministro.\n\n"
            "Tomás Vega Ruiz (TVR): Un gusto estar aquí.\n\n"
            "RL: ¿Cómo está?\n\n"
            "TVR: Muy bien, gracias.\n\n"
            "RL: Hablemos del puerto.\n")


def test_initials_in_parentheses_after_a_name_are_that_persons_alias():
    assert declared_aliases("Rosa Lindo (RL)") == ("RL",)
    assert declared_aliases("Tomás Vega Ruiz (T.V.R.)") == ("T.V.R.",)


def test_initials_after_a_comma_role_are_still_declared():
    assert declared_aliases("Rosa Lindo (RL), conductora") == ("RL",)


def test_an_office_or_party_in_parentheses_declares_no_alias():
    assert declared_aliases("Rosa Lindo (Premier)") == ()
    assert declared_aliases("Rosa Lindo (LD)") == ()  # not her initials: a party
    assert declared_aliases("Lindo (RL)") == ()  # one word: nothing to abbreviate


def test_later_turns_under_the_declared_initials_are_the_same_person():
    root = converted_root(DECLARED)
    assert who_of_turns(root) == ["#rosa-lindo", "#tomas-vega-ruiz", "#rosa-lindo",
                          "#tomas-vega-ruiz", "#rosa-lindo"]


def test_the_declared_initials_are_recorded_as_an_alias_of_the_person():
    root = converted_root(DECLARED)
    assert _aliases(root, "rosa-lindo") == ["RL"]
    assert _aliases(root, "tomas-vega-ruiz") == ["TVR"]


def test_a_declaration_settles_initials_two_persons_share():
    text = ("Ana Mora (AM): Buenas noches.\n\n"
            "Alberto Méndez: Buenas noches, Ana.\n\n"
            "AM: Empecemos.\n\n"
            "Alberto Méndez: Adelante.\n")
    assert who_of_turns(converted_root(text)) == ["#ana-mora", "#alberto-mendez", "#ana-mora",
                                          "#alberto-mendez"]


# ---- a given-name initial before a surname -------------------------------------------------

NAMESAKES = ("ROSALIND KEANE, NEWS ANCHOR: Good morning. I'm Rosalind Keane.\n\n"
             "MARTIN KEANE, NEWS CORRESPONDENT: And I'm Martin Keane.\n\n"
             "R. KEANE: No relation, as we always say.\n\n"
             "M. KEANE: None at all.\n\n"
             "R. KEANE: First, the weather.\n")


def test_an_initial_and_surname_fits_the_one_full_name_with_that_initial():
    variant = given_initial("R. KEANE")
    assert variant == GivenInitial("r", "keane")
    assert fits_given_initial(variant, "ROSALIND KEANE")
    assert not fits_given_initial(variant, "MARTIN KEANE")
    assert not fits_given_initial(variant, "R. KEANE")  # the variant itself is no full name


def test_namesakes_told_apart_by_initials_stay_two_persons():
    root = converted_root(NAMESAKES)
    assert who_of_turns(root) == ["#rosalind-keane", "#martin-keane", "#rosalind-keane",
                          "#martin-keane", "#rosalind-keane"]


def test_m_before_a_surname_is_an_initial_where_the_labels_tell_namesakes_apart():
    # "M." is also "Monsieur"; here "R. KEANE" shows the initials tell the Keanes apart
    root = converted_root(NAMESAKES)
    assert who_of_turns(root)[3] == "#martin-keane"


def test_an_initial_that_fits_no_full_name_is_not_linked_to_a_namesake():
    text = ("MARTIN KEANE: Good morning.\n\n"
            "JUDITH OWENS: Good morning, Martin.\n\n"
            "S. KEANE: And good morning from the studio.\n\n"
            "MARTIN KEANE: Thank you.\n")
    who = who_of_turns(converted_root(text))
    assert who[2] != "#martin-keane"


def test_an_initial_that_fits_two_full_names_links_to_neither_and_is_reported():
    text = ("Participants: Robert Keane, Rosalind Keane, Judith Owens\n\n"
            "Robert Keane: We begin.\n\n"
            "Rosalind Keane: Agreed.\n\n"
            "R. Keane: One more point.\n")
    result = convert_text(text)
    root = result.tree.getroot()
    assert who_of_turns(root)[2] not in ("#robert-keane", "#rosalind-keane")
    assert any(d.code == "transcript.unresolved-speaker" and "R. Keane" in d.message
               for d in result.diagnostics)


# ---- a dated headline under the page's title ------------------------------------------------

HEADLINE = ("Mira la entrevista aquí\n\n"
            "Rosa Lindo: Hay que hablar del puerto\n"
            "03/09/2015\n\n"
            "Rosa Lindo (RL): Gracias por venir.\n\n"
            "Tomás Vega Ruiz (TVR): Un gusto.\n\n"
            "RL: Empecemos.\n\n"
            "TVR: Claro.\n\n"
            "RL: Bien.\n")


def test_a_name_and_headline_with_a_date_below_under_the_title_is_a_heading_not_a_turn():
    root = converted_root(HEADLINE)
    assert "Rosa Lindo: Hay que hablar del puerto" in _heads(root)
    assert speakers(root) == ["Rosa Lindo (RL)", "Tomás Vega Ruiz (TVR)", "RL", "TVR", "RL"]


def test_the_date_below_the_headline_is_a_dateline():
    root = converted_root(HEADLINE)
    datelines = ["".join(d.itertext()) for d in root.iterfind(".//t:body//t:dateline", NS)]
    assert datelines == ["03/09/2015"]


def test_a_name_and_short_phrase_without_a_date_below_the_title_is_no_heading():
    text = ("Mira la entrevista aquí\n\n"
            "Rosa Lindo: Hay que hablar del puerto\n\n"
            "Tomás Vega: Sí, hablemos.\n")
    assert _heads(converted_root(text)) == ["Mira la entrevista aquí"]


def test_two_written_out_given_names_with_one_initial_are_two_persons():
    text = ("Participants: Robert Keane, Rosalind Keane, Judith Owens\n\n"
            "Robert Keane: We begin.\n\n"
            "Rosalind Keane: Agreed.\n")
    assert who_of_turns(converted_root(text)) == ["#robert-keane", "#rosalind-keane"]


# ---- page furniture and record-header keys ------------------------------------------------

def _free(root) -> list[str]:
    return [" ".join("".join(p.itertext()).split()) for p in root.iterfind(".//t:body//t:p", NS)
            if not any(a.tag.endswith("}sp") for a in p.iterancestors())]


COUNCIL = ("Council: Minutes of the sitting\n\n"
           "Chamber: Regional Council\n\n"
           "Date of Meeting: 04 May 2019\n\n"
           "The Council met at 10:00.\n\n"
           "Ms R HOLT: Chair, may I raise the matter of the ferry?\n\n"
           "The CHAIR: You may, briefly.\n\n"
           "Ms R HOLT: The timetable has been cut without notice.\n\n"
           "The CHAIR: The member will write to the committee.\n")


def test_key_paragraphs_with_a_meeting_date_before_the_dialogue_are_no_turns():
    root = converted_root(COUNCIL)
    assert speakers(root) == ["Ms R HOLT", "The CHAIR", "Ms R HOLT", "The CHAIR"]
    assert "Chamber: Regional Council" in _free(root)


def test_after_such_a_header_a_lone_key_naming_a_thing_is_no_turn():
    text = COUNCIL.replace("The Council met at 10:00.\n\n",
                           "No summary available.\n\nWatch: Plenary\n\n"
                           "The Council met at 10:00.\n\n")
    root = converted_root(text)
    assert "Watch" not in speakers(root)
    assert "Watch: Plenary" in _free(root)


def test_without_a_dated_header_a_lone_key_line_is_left_to_the_label_rules():
    text = COUNCIL.replace("Date of Meeting: 04 May 2019\n\n", "").replace(
        "The Council met at 10:00.\n\n", "Watch: Plenary\n\nThe Council met at 10:00.\n\n")
    assert "Watch" in speakers(converted_root(text))


RECORD_HEADER = ("Skip to content\n\n"
                 "Abstract of Conversation: Minister Berg Receives Ambassador Holt\n\n"
                 "This page was made possible by a reader's gift\n\n"
                 "Abstract of Conversation: Minister Berg Receives Ambassador Holt\n\n"
                 "Time: 3 March 1961\n\n"
                 "Location: Ministry of Trade\n\n"
                 "Accompanying Attendees: Section Chief Ivo Lenz\n\n"
                 "Translator and Recorder: Mara Stein\n\n"
                 "Ambassador Holt came to the Ministry to take his leave of Minister Berg.\n")


def test_a_record_header_of_keys_and_a_repeated_title_line_invent_no_speakers():
    root = converted_root(RECORD_HEADER)
    assert speakers(root) == []
    assert "Accompanying Attendees: Section Chief Ivo Lenz" in _free(root)


TITLE_PAGE = ("Holt Chambers\n\n"
              "ADVOCATES OF THE COAST BAR\n"
              "SENIOR ADVOCATE:\n"
              "Chief Anna Holt (Head of Chambers)\n"
              "CASE NO.: ICT-05-12-T\n"
              "CHAMBER I\n"
              "Court Reporters:\n"
              "Ms. Ida Lenz\n"
              "Ms. Mara Stein\n"
              "P R O C E E D I N G S\n"
              "MR. PRESIDENT:\n"
              "Good afternoon.\n"
              "Registrar, please call the case.\n"
              "MR. LENZ:\n"
              "Thank you, Mr. President.\n"
              "MR. PRESIDENT:\n"
              "Counsel, you may begin.\n")


def test_title_page_keys_above_the_proceedings_line_are_no_turns():
    assert speakers(converted_root(TITLE_PAGE)) == ["MR. PRESIDENT", "MR. LENZ", "MR. PRESIDENT"]


def test_a_label_above_the_proceedings_line_that_recurs_below_it_keeps_every_label():
    # a speaker who talks above and below the line: the block above is no title page
    text = TITLE_PAGE.replace("Court Reporters:\n", "MR. LENZ:\n")
    assert speakers(converted_root(text))[:3] == ["SENIOR ADVOCATE", "CASE NO.", "MR. LENZ"]


PAGE_HEADS = ("UNREVISED MINUTES\n\n"
              "REGIONAL COUNCIL CHAMBER\n\n"
              "Ms R HOLT: Chair, may I raise the matter of the ferry? The timetable was\n"
              "cut without notice.\n\n"
              "The CHAIR: You may, briefly.\n\n\n"
              "UNREVISED MINUTES\n"
              "REGIONAL COUNCIL CHAMBER\n"
              "PAGE: 2\n"
              "Ms R HOLT: Thank you, Chair. The islanders were not consulted.\n\n"
              "The CHAIR: The member will write to the committee.\n\n"
              "Ms R HOLT: I will.\n")


def test_a_page_head_repeated_in_the_flow_and_its_page_number_are_no_turns():
    assert speakers(converted_root(PAGE_HEADS)) == [
        "Ms R HOLT", "The CHAIR", "Ms R HOLT", "The CHAIR", "Ms R HOLT"]


def test_a_moderator_key_naming_a_person_and_network_in_a_cover_block_is_no_turn():
    text = ("EVENING DESK\n\n"
            "GUESTS: Senator ANN ROE\n\n"
            "MODERATOR: TOM HALE - Channel Four\n\n"
            "This is a rush transcript.\n\n"
            "TOM HALE, host:\n\n"
            "Good evening.\n\n"
            "ROE: Good evening, Tom.\n\n"
            "HALE: Let us begin.\n\n"
            "ROE: Gladly.\n")
    assert "MODERATOR" not in speakers(converted_root(text))


# ---- a presiding office named with the article ----------------------------------------------

def test_the_speaker_of_a_house_is_a_person_not_the_unknown_speaker():
    text = ("Ms R HOLT: Speaker, may I raise the matter of the ferry?\n\n"
            "The SPEAKER: You may, briefly.\n\n"
            "Ms R HOLT: The timetable was cut without notice.\n\n"
            "The SPEAKER: Order. The member will write to the committee.\n")
    root = converted_root(text)
    assert who_of_turns(root) == ["#r-holt", "#speaker", "#r-holt", "#speaker"]
    assert root.find(".//t:person[t:persName='SPEAKER']", NS) is not None


def test_the_deputy_speaker_is_named_by_the_office_as_written():
    text = ("Ms R HOLT: Deputy Speaker, may I raise the matter of the ferry?\n\n"
            "The DEPUTY SPEAKER: You may, briefly.\n\n"
            "Ms R HOLT: The timetable was cut without notice.\n\n"
            "The DEPUTY SPEAKER: Order. The member will write to the committee.\n")
    root = converted_root(text)
    assert who_of_turns(root)[1] != "#unknown-speaker"
    assert root.find(".//t:person[t:persName='DEPUTY SPEAKER']", NS) is not None


def test_a_bare_speaker_label_is_still_the_unknown_speaker():
    text = ("ANN ROE: Welcome, everyone.\n\n"
            "Speaker: Thank you. When does the vote take place?\n\n"
            "ANN ROE: Tomorrow.\n\n"
            "Speaker: Thank you.\n")
    assert who_of_turns(converted_root(text))[1] == "#unknown-speaker"


# ---- with labelcore.py's declared-initials comma label (patch f6-patches/labelcore.patch) ---

def test_a_label_with_declared_initials_and_a_lower_case_role_is_a_turn_of_that_person():
    text = ("Entrevista en la radio\n\n"
            "Rosa Lindo (RL), conductora: Gracias por venir, señor ministro.\n\n"
            "Tomás Vega Ruiz (TVR): Un gusto estar aquí.\n\n"
            "RL: ¿Cómo está?\n\n"
            "TVR: Muy bien, gracias.\n\n"
            "RL: Hablemos del puerto.\n")
    root = converted_root(text)
    assert speakers(root)[0] == "Rosa Lindo (RL), conductora"
    assert who_of_turns(root) == ["#rosa-lindo", "#tomas-vega-ruiz", "#rosa-lindo",
                          "#tomas-vega-ruiz", "#rosa-lindo"]


def test_a_german_interview_title_names_the_interviewer_after_im_gespraech_mit():
    """"Anna Berg im Gespräch mit Paul Vogt" names both voices, so a single "Vogt:" label has
    the title's evidence (QA5 file 76); "mit" alone before capitalised nouns names nobody."""
    text = ("Anna Berg im Gespräch mit Paul Vogt\n\n"
            "Die Regierung hat heute neue Pläne vorgestellt.\n\n"
            "Vogt: Frau Berg, was halten Sie davon?\n\n"
            "Berg: Ich halte sie für richtig.\n")
    root = converted_root(text)
    assert speakers(root)[0] == "Vogt"
