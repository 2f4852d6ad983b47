"""Issue 3, fourth blind QA pass: initials labels resolved through the persons the document
names ("K:" under a title naming Secretary of State Kissinger), and page metadata lines at
the top ("Speaker: ...", "Delivered On: ...", "Presenter: ...") read as front matter, never
as turns (docs/conventions.md). Names and sentences are invented."""

from __future__ import annotations

from convert_support import NS, converted_root, free_paragraphs, speakers, who_of_turns

from tei_edition.convert import convert_text
from tei_edition.convert.initials import fits_initials, initials_of_label, title_persons


def _person_names(root) -> dict[str, str]:
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    return {p.get(xml_id): p.findtext("t:persName", namespaces=NS)
            for p in root.iterfind(".//t:particDesc//t:person", NS)}


# ---- family A: initials labels -----------------------------------------------------------

TELCON = (
    "[Page 41]\n\n"
    "112. Transcript of Telephone Conversation Between Secretary of State Brandauer and "
    "President Lindqvist1\n\n"
    "B: Mr. President, the harbour talks are finished.\n\n"
    "L: Are they?\n\n"
    "B: They signed at noon.\n\n"
    "L: Good. Call me in the morning.\n")


def test_one_letter_label_points_to_the_title_person_with_that_surname_initial():
    root = converted_root(TELCON)
    assert who_of_turns(root) == ["#brandauer", "#lindqvist", "#brandauer", "#lindqvist"]


def test_initials_label_keeps_its_speaker_text_as_written():
    root = converted_root(TELCON)
    assert speakers(root) == ["B", "L", "B", "L"]


def test_person_of_an_initials_label_is_named_as_the_title_names_them():
    root = converted_root(TELCON)
    assert _person_names(root) == {"brandauer": "Brandauer", "lindqvist": "Lindqvist"}


def test_two_letter_label_is_given_name_and_surname_initials():
    text = ("Memorandum of Conversation: Henrik Solberg, Ivo Marek\n\n"
            "HS: We can sign the text tomorrow.\n\n"
            "IM: Only if the second article changes.\n\n"
            "HS: Then we change it.\n")
    root = converted_root(text)
    assert who_of_turns(root) == ["#henrik-solberg", "#ivo-marek", "#henrik-solberg"]


def test_two_title_persons_with_the_same_initial_give_no_link():
    text = ("Conversation between Karl Kessler and Karin Kovacs\n\n"
            "K: We start with the budget.\n\n"
            "M: Agreed.\n\n"
            "K: Then the roads.\n")
    root = converted_root(text)
    assert who_of_turns(root)[0] == "#k"
    assert "karl-kessler" not in _person_names(root)


def test_ambiguous_initial_with_declared_persons_is_reported_unresolved():
    text = ("Record of Conversation\n\n"
            "Present: Mr. Karl Kessler, Ms. Karin Kovacs, Mr. Ivo Marek\n\n"
            "K: We start with the budget.\n\n"
            "Marek: Agreed.\n\n"
            "K: Then the roads.\n")
    result = convert_text(text)
    codes = [(d.code, d.line) for d in result.diagnostics]
    assert ("transcript.unresolved-speaker", 5) in codes
    root = result.tree.getroot()
    assert who_of_turns(root)[0] == "#k"


def test_one_letter_label_points_to_the_participant_with_that_surname_initial():
    text = ("Record of Conversation\n\n"
            "Present: Ambassador Henrik Solberg, Mr. Ivo Marek\n\n"
            "S: We can sign the text tomorrow.\n\n"
            "M: Only if the second article changes.\n\n"
            "S: Then we change it.\n")
    root = converted_root(text)
    assert who_of_turns(root) == ["#henrik-solberg", "#ivo-marek", "#henrik-solberg"]


def test_short_label_that_is_a_name_of_the_title_is_not_read_as_initials():
    text = ("Conversation between Li Peng and Lev Ivanov\n\n"
            "LI: We welcome the delegation.\n\n"
            "IVANOV: Thank you.\n\n"
            "LI: Let us begin.\n")
    root = converted_root(text)
    assert who_of_turns(root) == ["#li", "#ivanov", "#li"]


def test_initials_label_before_the_full_label_is_the_same_person():
    text = ("Text of the Tapes Released Today\n\n"
            "P: Tell them it was a comedy of errors.\n\n"
            "The following are edited transcripts of two meetings.\n\n"
            "HALE: The board is not under control.\n\n"
            "PRESIDENT: That's right.\n\n"
            "H: Then we call them.\n\n"
            "P: Do it.\n")
    root = converted_root(text)
    assert who_of_turns(root) == ["#president", "#hale", "#president", "#hale", "#president"]
    assert speakers(root) == ["P", "HALE", "PRESIDENT", "H", "P"]


def test_speakers_are_listed_in_the_order_they_first_speak():
    text = ("Text of the Tapes Released Today\n\n"
            "P: Tell them it was a comedy of errors.\n\n"
            "HALE: The board is not under control.\n\n"
            "PRESIDENT: That's right.\n\n"
            "H: Then we call them.\n")
    root = converted_root(text)
    assert list(_person_names(root)) == ["president", "hale"]


def test_participant_with_an_office_of_state_is_named_without_the_office():
    text = ("TELEPHONE CONVERSATION\n\n"
            "PARTICIPANTS: The President\n"
            "Secretary of State Brandauer\n\n"
            "P: Otto, I read your cable.\n\n"
            "B: Yes, Mr. President. They will sign.\n\n"
            "P: Good.\n\n"
            "B: Tomorrow at noon.\n")
    result = convert_text(text)
    assert not [d for d in result.diagnostics if d.code == "transcript.unresolved-speaker"]
    root = result.tree.getroot()
    assert who_of_turns(root) == ["#president", "#brandauer", "#president", "#brandauer"]
    assert _person_names(root)["brandauer"] == "Brandauer"


def test_office_alone_stays_a_designation_not_a_name():
    from tei_edition.convert.participants import read_participants

    persons, _ = read_participants([("PARTICIPANTS", 1), ("The Secretary of State", 2),
                                    ("Minister of Foreign Affairs Ivo Marek", 3)])
    assert [(p.name, p.titles) for p in persons] == [
        ("The Secretary of State", ""), ("Ivo Marek", "Minister of Foreign Affairs")]


def test_one_letter_label_points_to_the_person_the_metadata_declares():
    from tei_edition.convert.metadata import Metadata, PersonInfo

    text = ("Transcript of a telephone call\n\n"
            "W: Is the report ready?\n\n"
            "N: Not yet.\n\n"
            "W: Tomorrow then.\n")
    metadata = Metadata(persons=(PersonInfo("ada-wren", "Ada Wren"),
                                 PersonInfo("ivo-nagel", "Ivo Nagel")))
    result = convert_text(text, metadata=metadata)
    assert who_of_turns(result.tree.getroot()) == ["#ada-wren", "#ivo-nagel", "#ada-wren"]


def test_names_written_only_in_the_narrative_are_never_candidates():
    text = ("Transcript of a telephone call\n\n"
            "Mr. Kessler rang at nine. Mr. Novak took the call.\n\n"
            "K: Is the report ready?\n\n"
            "N: Not yet.\n\n"
            "K: Tomorrow then.\n")
    root = converted_root(text)
    assert who_of_turns(root) == ["#k", "#n", "#k"]


def test_question_and_answer_labels_are_never_a_title_person():
    text = ("Interview with Nora Quist and Emil Avery\n\n"
            "Q: Where were you born?\n\n"
            "A: In the north.\n\n"
            "Q: When?\n")
    root = converted_root(text)
    assert who_of_turns(root) == ["#q", "#a", "#q"]


def test_title_persons_drop_the_office_and_a_glued_footnote_number():
    found = title_persons(["Telephone Conversation Between Secretary of State Brandauer and "
                           "President Lindqvist1"])
    assert [(p.name, p.titles) for p in found] == [("Brandauer", "Secretary of State"),
                                                   ("Lindqvist", "President")]


def test_title_persons_keep_the_fullest_form_of_a_name():
    found = title_persons(["President Otto Lindqvist and H.R. Brandauer discuss the harbour"])
    assert [p.name for p in found] == ["Otto Lindqvist", "H.R. Brandauer"]


def test_title_words_and_capitalised_phrases_are_not_persons():
    assert title_persons(["Secretary Brandauer Media Availability at the Pentagon"]) == []
    assert title_persons(["Text of Transcripts Released Yesterday"]) == []


def test_initials_of_a_label_and_how_they_fit_a_name():
    assert (initials_of_label("K"), initials_of_label("H.K."), initials_of_label("Q")) == (
        "k", "hk", "")
    assert initials_of_label("KESSLER") == ""
    assert fits_initials("k", "Henrik A. Kessler") and fits_initials("hk", "Henrik A. Kessler")
    assert fits_initials("hak", "Henrik A. Kessler")
    assert not fits_initials("ak", "Henrik A. Kessler")


# ---- family B: the page's description of the recording is no turn ------------------------

PAGE_METADATA = (
    "Mayor Edith Roe and Tom Hale discuss the harbour budget MAY 4, 1971\n\n"
    "Speaker: Edith Roe\n"
    "Delivered On: 5/4/1971\n"
    "Place: Garden Room, City Hall\n"
    "Audio/Video Available:\n\n"
    "Description: MAY 4, 1971. Hale reports on his meeting with the harbour board and a\n"
    "call from the treasurer about the budget.\n\n"
    "HALE: The board wants the money by June.\n"
    "ROE: All of it?\n"
    "HALE: Half of it. The rest in the autumn.\n"
    "ROE: Then we ask the council.\n")


def test_page_metadata_lines_at_the_top_are_not_turns():
    root = converted_root(PAGE_METADATA)
    assert speakers(root) == ["HALE", "ROE", "HALE", "ROE"]


def test_page_metadata_under_the_title_is_front_matter_line_by_line():
    root = converted_root(PAGE_METADATA)
    opener = root.find(".//t:body//t:opener", NS)
    lines = ["".join(child.itertext()) for child in opener]
    assert lines[:4] == ["Speaker: Edith Roe", "Delivered On: 5/4/1971",
                         "Place: Garden Room, City Hall", "Audio/Video Available:"]
    assert lines[4].startswith("Description: MAY 4, 1971. Hale reports")
    assert [child.get("type") for child in opener][:2] == ["metadata", "metadata"]
    assert opener[2].tag.endswith("}dateline")


def test_page_metadata_after_other_page_text_is_a_paragraph_not_a_turn():
    text = ("You have reached an archived page.\n\n"
            "Please use the form below to report a problem with this page.\n\n"
            "Speaker: Edith Roe\n"
            "Delivered On: 5/4/1971\n\n"
            "HALE: The board wants the money by June.\n\n"
            "ROE: All of it?\n\n"
            "HALE: Half of it.\n\n"
            "ROE: Then we ask the council.\n")
    root = converted_root(text)
    assert speakers(root) == ["HALE", "ROE", "HALE", "ROE"]
    assert "Speaker: Edith Roe Delivered On: 5/4/1971" in free_paragraphs(root)


def test_page_metadata_makes_no_person_of_its_keys():
    root = converted_root(PAGE_METADATA)
    assert set(_person_names(root)) == {"hale", "roe"}


def test_presenter_key_with_a_name_and_a_date_below_is_no_turn():
    text = ("News Transcript\n\n"
            "Minister Ann Roe Media Availability at the Ministry\n\n"
            "Presenter: Minister of Transport Ann Roe\n"
            "March 3, 2004 10:00 AM EST\n\n"
            "Roe: Good morning. I have one announcement.\n\n"
            "Q: Is it about the bridge?\n\n"
            "Roe: It is.\n\n"
            "Q: When does it open?\n")
    root = converted_root(text)
    assert speakers(root) == ["Roe", "Q", "Roe", "Q"]
    assert "Presenter: Minister of Transport Ann Roe March 3, 2004 10:00 AM EST" in \
        free_paragraphs(root)


def test_presenter_saying_a_sentence_is_a_turn():
    text = ("PRESENTER: Good evening. Tonight we talk about the harbour.\n\n"
            "ANNA BERG: Thank you for having me.\n\n"
            "IVO MAREK: Glad to be here.\n\n"
            "ANNA BERG: The harbour needs a new wall.\n\n"
            "IVO MAREK: It needs two.\n")
    root = converted_root(text)
    assert speakers(root)[0] == "PRESENTER"


def test_two_unknown_keys_with_short_values_before_the_dialogue_are_no_turns():
    text = ("Harbour Board Recording\n\n"
            "Studio: North Wing\n"
            "Engineer: Tom Bell\n\n"
            "BERG: We open the meeting.\n\n"
            "MAREK: The minutes first.\n\n"
            "BERG: Agreed.\n\n"
            "MAREK: Thank you.\n")
    root = converted_root(text)
    assert speakers(root) == ["BERG", "MAREK", "BERG", "MAREK"]


def test_recurring_labels_at_the_top_stay_turns():
    text = ("Berg: Good morning\n"
            "Marek: Morning\n\n"
            "Berg: Shall we start?\n\n"
            "Marek: Yes.\n")
    root = converted_root(text)
    assert speakers(root) == ["Berg", "Marek", "Berg", "Marek"]


# ---- a working stenogram reprinted on a web page --------------------------------------------

STENOGRAM = (
    "Archive > Documents > Marta Vogel: Notes on the board meeting of 3 May 1990\n\n"
    "Marta Vogel: Notes on the board meeting\n"
    "of 3 May 1990\n\n"
    "Kurt Adler:\n"
    "- budget for the harbour\n"
    "- no decision before June\n\n"
    "Lenz:\n"
    "- agrees with Adler\n\n"
    "Gen. Hofer:\n"
    "- the ministry must be asked\n")


def test_a_page_that_prints_its_title_again_has_it_once_more_as_a_heading_not_a_turn():
    root = converted_root(STENOGRAM)
    assert "Marta Vogel" not in speakers(root)


def test_three_speakers_each_alone_on_their_line_above_their_notes_prove_the_style():
    root = converted_root(STENOGRAM)
    assert speakers(root) == ["Kurt Adler", "Lenz", "Gen. Hofer"]


def test_two_names_alone_on_their_lines_are_not_yet_a_dialogue():
    two = STENOGRAM.split("Gen. Hofer:")[0]
    assert speakers(converted_root(two)) == []


def test_an_office_with_the_article_and_no_holder_is_named_by_the_office():
    """"The Prime Minister:" and "The Minister of Transport:" name persons by their office
    (persName "Prime Minister", id prime-minister), not by the words left after the title
    words are taken off ("Minister", "of Transport")."""
    root = converted_root("Debate\n\nThe Prime Minister: We will act.\n\nMr. Hale: When?\n\n"
                          "The Prime Minister: Soon.\n\nThe Minister of Transport: Next week.\n")
    assert who_of_turns(root) == ["#prime-minister", "#hale", "#prime-minister",
                          "#minister-of-transport"]
    assert _person_names(root)["minister-of-transport"] == "Minister of Transport"
