"""Issue 3, fifth blind QA pass, family L: label shapes the converter did not recognise.

A label alone on its line ending in a period (hearings printed as web text), labels in a
script with combining marks (Devanagari), a short form declared in parentheses at the first
turn, an office before the full name at the first turn, speaker diarisation ids, a member with
constituency and party, and the FBIS "(Text)" mark before the first label. Names and
sentences are invented; docs/conventions.md states the rules.
"""

from __future__ import annotations

from convert_support import NS, converted_root, free_paragraphs, speakers, turns, who_of_turns

# ---- a period label alone on its line -------------------------------------------------------

HEARING = ("Mr. Whitcomb.\nIs there anything further?\n"
           "Mr. Abernathy.\nI believe I have asked all that I meant to ask.\n"
           "Mr. Whitcomb.\nI have a few questions.\n"
           "Mr. Ferris.\nThese are the reports printed in the evening papers.\n"
           "Mr. Whitcomb.\nThat is right.\n")


def test_a_form_of_address_and_a_name_alone_on_a_line_with_a_period_label_the_speech_below():
    root = converted_root(HEARING)
    assert turns(root) == [
        ("Mr. Whitcomb", "Is there anything further?"),
        ("Mr. Abernathy", "I believe I have asked all that I meant to ask."),
        ("Mr. Whitcomb", "I have a few questions."),
        ("Mr. Ferris", "These are the reports printed in the evening papers."),
        ("Mr. Whitcomb", "That is right."),
    ]


def test_the_label_line_keeps_its_period_in_the_rendition():
    root = converted_root(HEARING)
    rends = {sp.get("rend") for sp in root.iterfind(".//t:sp", NS)}
    assert {r.split(" no-blank")[0] for r in rends} == {"sep-period label-line"}


def test_two_period_lines_alone_are_no_layout():
    text = ("The letter was handed to\nMr. Whitcomb.\nHe read it twice.\n\n"
            "Later the same letter went to\nMr. Whitcomb.\nHe signed it.\n")
    root = converted_root(text)
    assert speakers(root) == []
    assert len(free_paragraphs(root)) == 2


def test_a_sentence_alone_on_its_line_is_no_period_label():
    text = ("Mr. Whitcomb.\nIs there anything further?\nMr. Ferris.\nNo.\n"
            "Mr. Whitcomb.\nThank you.\n\nThe hearing adjourned in Washington.\n")
    root = converted_root(text)
    assert [s for s, _ in turns(root)] == ["Mr. Whitcomb", "Mr. Ferris", "Mr. Whitcomb"]
    assert free_paragraphs(root) == ["The hearing adjourned in Washington."]


# ---- labels in a script with combining marks (Devanagari) ------------------------------------

def test_a_hindi_name_with_vowel_signs_is_a_label_beside_established_ones():
    text = ("MR. CHAIRMAN: Please listen.\nSHRI K. DEVRAJ: Sir, one minute.\n"
            "MR. CHAIRMAN: Yes.\nसभापति : पहले बात तो सुन लीजिये।...(व्यवधान)\n")
    assert speakers(converted_root(text)) == ["MR. CHAIRMAN", "SHRI K. DEVRAJ", "MR. CHAIRMAN",
                                              "सभापति"]


def test_a_zero_after_a_devanagari_initial_is_the_abbreviation_sign_not_a_number():
    text = ("MR. CHAIRMAN: Please listen.\nSHRI K. DEVRAJ: Sir, one minute.\n"
            "MR. CHAIRMAN: Yes.\nपी0 सुरेश नायर : पहले प्रश्नकाल होना चाहिए।\n")
    assert speakers(converted_root(text))[-1] == "पी0 सुरेश नायर"


def test_a_hindi_line_with_a_colon_in_a_record_without_dialogue_stays_a_paragraph():
    text = "सभा की कार्यवाही\n\nसभापति : पहले बात तो सुन लीजिये।\n"
    root = converted_root(text)
    assert speakers(root) == []
    assert free_paragraphs(root) == ["सभापति : पहले बात तो सुन लीजिये।"]


# ---- a short form declared in parentheses at the first turn ----------------------------------

INTERVIEW = ("Morning Post (Post): Minister, what stays with you?\n\n"
             "Clara Hoffmann (Hoffmann): Very little time to think, to be honest.\n\n"
             "Post: What picture of the country did you find?\n")


def test_a_label_declaring_its_short_form_and_the_short_label_are_turns_of_one_person():
    root = converted_root(INTERVIEW)
    assert [s for s, _ in turns(root)] == ["Morning Post (Post)", "Clara Hoffmann (Hoffmann)",
                                           "Post"]
    assert who_of_turns(root) == [
        "#morning-post", "#clara-hoffmann", "#morning-post"]


def test_a_name_with_a_short_form_that_never_labels_a_turn_is_no_evidence():
    text = ("Annual report\n\nWorld Bank (Bank): the lender of last resort for the region.\n\n"
            "The figures follow below.\n")
    root = converted_root(text)
    assert speakers(root) == []


# ---- an office before the full name, later the surname alone ---------------------------------

PROTOCOL = ("Chairman of the council of ministers Pavel Orlov: We have prepared a draft.\n"
            "Orlov: We cannot vouch for the translation.\n"
            "First secretary of the party Tomas Horak: We have some remarks.\n"
            "Orlov: Let us go page by page.\n"
            "Horak: Comrade Novak will begin.\n")


def test_an_office_before_a_full_name_labels_the_first_turn_of_a_surname_label():
    root = converted_root(PROTOCOL)
    assert who_of_turns(root) == [
        "#pavel-orlov", "#pavel-orlov", "#tomas-horak", "#pavel-orlov", "#tomas-horak"]
    assert speakers(root)[0] == "Chairman of the council of ministers Pavel Orlov"


def test_an_office_before_a_name_whose_surname_never_speaks_stays_speech():
    text = ("Orlov: We cannot vouch for the translation.\n"
            "Horak: Comrade Novak will begin.\n"
            "Orlov: Then we begin.\n\n"
            "The head of the trade mission Ivan Belov: he arrived late.\n")
    root = converted_root(text)
    assert [s for s, _ in turns(root)] == ["Orlov", "Horak", "Orlov"]
    assert "Ivan Belov" in turns(root)[-1][1]


# ---- speaker diarisation ids -----------------------------------------------------------------

def test_machine_speaker_ids_are_labels_even_when_each_speaks_once():
    text = ("Results Call\n\nspk09: Good morning, and welcome to the call.\n"
            "spk00: Thank you, and good morning, everyone.\n")
    root = converted_root(text)
    assert who_of_turns(root) == [
        "#spk09", "#spk00"]


def test_a_diarisation_id_in_capitals_with_an_underscore_is_a_label_too():
    text = "SPEAKER_01: Can you hear me?\n\nSPEAKER_02: Yes, loud and clear.\n"
    assert speakers(converted_root(text)) == ["SPEAKER_01", "SPEAKER_02"]


# ---- a member with constituency and party ----------------------------------------------------

def test_a_member_with_constituency_and_party_in_parentheses_proves_the_colon_label():
    text = ("Plenary\n\nGood morning. The first item is a debate.\n\n"
            "Ruth Allan (Lothian East) (LD):\n\nI am pleased to see so many members here.\n")
    root = converted_root(text)
    assert turns(root) == [("Ruth Allan (Lothian East) (LD)",
                            "I am pleased to see so many members here.")]


def test_a_name_with_one_parenthesis_and_a_colon_used_once_is_no_label():
    text = ("Plenary\n\nGood morning. The first item is a debate.\n\n"
            "Ruth Allan (Lothian East):\n\nI am pleased to see so many members here.\n")
    assert speakers(converted_root(text)) == []


# ---- the FBIS "(Text)" mark before the first label ---------------------------------------------

FBIS = ("Riverton Radio in English 2100 GMT 4 May\n\n"
        "(Text) Delmar: Good evening, listeners.\n\n"
        "The minister arrived only this morning.\n\n"
        "Ruiz: Minister, what are your impressions?\n\n"
        "Calder: First of all, I want to thank the provinces.\n")


def test_the_fbis_text_mark_stays_in_the_speaker_and_names_nobody():
    root = converted_root(FBIS)
    assert speakers(root)[0] == "(Text) Delmar"
    assert who_of_turns(root)[0] == "#delmar"


def test_speakers_after_the_fbis_text_mark_count_though_each_speaks_once():
    assert [s for s, _ in turns(converted_root(FBIS))] == ["(Text) Delmar", "Ruiz", "Calder"]


def test_without_the_mark_single_surname_labels_stay_paragraphs():
    text = FBIS.replace("(Text) ", "")
    assert speakers(converted_root(text)) == []


def test_the_mark_blocks_hold_every_combining_mark_of_the_basic_plane():
    """labelcore scans only MARK_BLOCKS for combining marks (import time); a Python whose
    Unicode database puts a mark elsewhere must fail here, not read Hindi labels wrongly."""
    import unicodedata

    from tei_edition.convert.labelcore import MARK_BLOCKS

    def in_blocks(code: int) -> bool:
        return any(first <= code <= last for first, last in MARK_BLOCKS)

    outside = [hex(code) for code in range(0x300, 0x10000)
               if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me") and not in_blocks(code)]
    assert outside == []
