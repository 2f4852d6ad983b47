"""Held-out QA pass 3 (2026-11-27) findings: title-page key lines, label-shaped paragraphs the
document gave no evidence for, capitals headings above label lines, attendance keys. Each
test is one behaviour, with invented text in the layout of the real file that exposed it."""

from __future__ import annotations

from convert_support import NS, converted_root, free_paragraphs, turns

# ---- R1: a "Recorded: <date>" key on the title page is no closer ------------------------

TITLE_PAGE = ("Oral History of Dana Whitfield\nInterviewed by: Omar Castillo\n"
              "Recorded: March 3, 2010\nAustin, Texas\nReference number: AB123.2010\n\n")


def test_recorded_date_on_the_title_page_is_not_a_closer():
    root = converted_root(TITLE_PAGE + "Omar Castillo: Where did you grow up?\n\n"
                          "Dana Whitfield: In a small harbour town.\n")
    assert root.find(".//t:closer", NS) is None
    assert root.find(".//t:back", NS) is None


def test_the_dialogue_below_a_title_page_stays_in_the_body():
    root = converted_root(TITLE_PAGE + "Omar Castillo: Where did you grow up?\n\n"
                          "Dana Whitfield: In a small harbour town.\n")
    body = " ".join("".join(root.find(".//t:body", NS).itertext()).split())
    assert "In a small harbour town." in body


def test_recorded_by_key_in_the_first_paragraph_is_not_a_closer():
    root = converted_root("Interview with Lena Moss\nRecorded by the Oral History Office\n\n"
                          "Lena Moss: I was born in Leeds.\n")
    assert root.find(".//t:closer", NS) is None
    assert root.find(".//t:back", NS) is None


def test_recorded_by_after_the_text_is_still_the_closer():
    root = converted_root("Memorandum\n\nTALBOT: We will meet on Monday.\n\nRUSSO: Agreed.\n\n"
                          "TALBOT: Then it is settled.\n\nRecorded by V. Kovyzhenko\n")
    closer = root.find(".//t:closer", NS)
    assert closer is not None and "Kovyzhenko" in "".join(closer.itertext())


def test_a_closer_at_the_end_of_a_text_without_empty_lines_is_still_a_closer():
    root = converted_root("Memorandum of Conversation\nTALBOT: We will meet on Monday.\n"
                          "RUSSO: Agreed.\nTALBOT: Then it is settled.\nDrafted by: R. Davies\n")
    closer = root.find(".//t:closer", NS)
    assert closer is not None and "Davies" in "".join(closer.itertext())


# ---- P1: a label-shaped paragraph the document gave no evidence for ---------------------

UN_RECORD = ("General Assembly\nSeventieth session\n\n12th plenary meeting\n\n"
             "The meeting was called to order at 10.05 a.m.\n\n"
             "The President (spoke in Spanish): I call on the representative of Norway.\n\n")


def test_a_once_used_full_name_label_is_never_merged_into_the_turn_above():
    root = converted_root("Harbour Towns Oral History Collection\nInterviewed by Omar Castillo"
                          "\n\nOmar Castillo: Dana, where did you grow up?\n\n"
                          "Dana Whitfield: In a small harbour town.\n")
    assert all("harbour" not in speech for _, speech in turns(root))
    assert "Dana Whitfield: In a small harbour town." in free_paragraphs(root)


def test_the_title_page_names_both_voices_of_an_oral_history():
    root = converted_root(TITLE_PAGE + "Omar Castillo: Where did you grow up?\n\n"
                          "Dana Whitfield: In a small harbour town.\n")
    assert turns(root) == [("Omar Castillo", "Where did you grow up?"),
                            ("Dana Whitfield", "In a small harbour town.")]


def test_a_once_used_delegate_label_is_never_merged_into_the_presidents_turn():
    root = converted_root(UN_RECORD + "Mr. Holm (Norway): Thank you, Mr. President.\n")
    assert turns(root)[0] == ("The President (spoke in Spanish)",
                               "I call on the representative of Norway.")
    assert all("Thank you" not in speech for _, speech in turns(root))


def test_delegate_labels_are_turns_when_the_record_uses_that_shape():
    root = converted_root(UN_RECORD + "Mr. Holm (Norway): Thank you, Mr. President.\n\n"
                          "Mr. Sato (Japan): We agree.\n")
    assert [speaker for speaker, _ in turns(root)] == [
        "The President (spoke in Spanish)", "Mr. Holm (Norway)", "Mr. Sato (Japan)"]


def test_a_titled_name_with_a_role_in_parentheses_is_not_merged():
    root = converted_root("Minutes of the board meeting, 4 May 2001\n\nChair Ortega: I call on "
                          "the treasurer.\n\nChair Ortega: Go ahead.\n\nMrs. Blake (Treasurer): "
                          "The accounts are in order.\n")
    assert all("accounts" not in speech for who, speech in turns(root) if who == "Chair Ortega")


def test_a_label_shape_inside_a_hard_wrapped_paragraph_stays_speech():
    root = converted_root("LENA: I met the director and\nAnna Berg: she said nothing.\n\n"
                          "BERG: Read it.\n\nLENA: Fine.\n")
    assert turns(root)[0] == ("LENA", "I met the director and Anna Berg: she said nothing.")


# ---- R6: a capitals heading above script-layout labels ----------------------------------

SCRIPT = ("Transcript of a conversation between Anna Berg, T.R. Collins, and Joe Marsh.\n"
          "The recording starts in the middle of a sentence.\nPART ONE\nBERG\n"
          "Tom, good to see you. Did you get my note?\nCOLLINS\nYes. I read it this morning.\n")


def test_a_capitals_heading_above_a_label_line_is_not_an_empty_turn():
    root = converted_root(SCRIPT)
    assert [speaker for speaker, _ in turns(root)] == ["BERG", "COLLINS"]


def test_a_capitals_heading_above_a_label_line_is_a_head():
    root = converted_root(SCRIPT)
    heads = ["".join(h.itertext()) for h in root.iterfind(".//t:body//t:head", NS)]
    assert heads == ["PART ONE"]


def test_the_heading_is_not_part_of_the_paragraph_above_it():
    root = converted_root(SCRIPT)
    assert all("PART ONE" not in p for p in free_paragraphs(root))


# ---- N2: attendance keys in paragraphs of their own -------------------------------------

MINUTES = ("MINUTES\nREGULAR MEETING\nMAY 4, 2001\n\n"
           "The meeting was called to order by Chair Ortega at 6:30 p.m.\n\n"
           "PRESENT: Chair Ortega; Members Blake, Singh, and Turner.\n\n"
           "ABSENT: Member Park.\n\nSTAFF PRESENT: Clerk Wong, Engineer Diaz.\n\n"
           "ITEM 1 - PARK LIGHTING\n\nMember Blake asked about the lighting schedule.\n")


def _list_items(root) -> list[str]:
    return [" ".join("".join(i.itertext()).split())
            for i in root.iterfind(".//t:list[@type='participants']/t:item", NS)]


def test_attendance_keys_in_their_own_paragraphs_are_no_turns():
    assert turns(converted_root(MINUTES)) == []


def test_attendance_keys_continue_the_participants_list():
    assert _list_items(converted_root(MINUTES)) == [
        "PRESENT: Chair Ortega; Members Blake, Singh, and Turner.", "ABSENT: Member Park.",
        "STAFF PRESENT: Clerk Wong, Engineer Diaz."]


def test_an_absent_member_is_not_a_participant():
    root = converted_root(MINUTES)
    names = ["".join(p.itertext()) for p in root.iterfind(".//t:particDesc//t:persName", NS)]
    assert "Clerk Wong" in names and not any("Park" in name for name in names)


def test_excused_key_continues_the_list_too():
    root = converted_root(MINUTES.replace("ABSENT:", "EXCUSED:"))
    assert "EXCUSED: Member Park." in _list_items(root)


# ---- N3: the UN masthead line "President: Mr. X ....... (Country)" ----------------------

MASTHEAD = ("Budget debate – Verbatim record (excerpts)\n\nOfficial Records\n\n\n"
            "General Assembly\nSeventieth session\n\n12th plenary meeting\n"
            "Monday, 5 October 2015, 10 a.m.\nNew York\n\n"
            "President: Mr. Alvarez Ruiz {leader} (Chile)\n\n"
            "The meeting was called to order at 10.05 a.m.\n\n"
            "The President (spoke in Spanish): Members will recall the report.\n\n"
            "Mr. Holm (Norway): The report shows that floods have doubled.\n\n"
            "The President (spoke in Spanish): I thank the representative of Norway.\n")


def test_a_masthead_president_line_with_an_ellipsis_leader_is_no_turn():
    root = converted_root(MASTHEAD.format(leader="…" * 12))
    assert all("Alvarez" not in speech for _, speech in turns(root))
    assert len(turns(root)) == 3


def test_a_masthead_president_line_with_a_dotted_leader_is_no_turn():
    root = converted_root(MASTHEAD.format(leader="." * 20))
    assert all("Alvarez" not in speech for _, speech in turns(root))


def test_the_masthead_line_keeps_its_words():
    root = converted_root(MASTHEAD.format(leader="…" * 12))
    assert "Alvarez Ruiz" in " ".join("".join(root.find(".//t:text", NS).itertext()).split())


# ---- N1: titles between the openings of several interviews -----------------------------

OPENINGS = ("Selected openings from our interview collection.\n\n"
            "Interview with Ruth Ames, conducted by Leo Park, 1990\n\n"
            "LEO PARK: Let us begin with your first studio.\n\n"
            "RUTH AMES: It was a garage with one window.\n\n"
            "Interview with Sam Okafor, conducted by Leo Park, 1995\n\n"
            "LEO PARK: Where were you born?\n\nSAM OKAFOR: In Lagos, in 1950.\n\n"
            "Interview with Mira Holt, conducted by Ada Quinn, 2001\n\nInterviewer: Ada Quinn\n")


def test_an_interview_title_between_turns_is_not_the_last_speakers_words():
    assert all("Interview with" not in speech for _, speech in turns(converted_root(OPENINGS)))


def test_an_interview_title_between_turns_is_a_head():
    heads = ["".join(h.itertext()) for h in converted_root(OPENINGS).iterfind(".//t:body//t:head",
                                                                               NS)]
    assert "Interview with Sam Okafor, conducted by Leo Park, 1995" in heads


def test_a_once_used_interviewer_key_with_a_name_is_no_turn():
    root = converted_root(OPENINGS)
    assert "Interviewer" not in [speaker for speaker, _ in turns(root)]
    assert "Interviewer: Ada Quinn" in free_paragraphs(root)


def test_speech_mentioning_an_interview_stays_speech():
    root = converted_root("LEO PARK: Did the press call?\n\nRUTH AMES: Yes.\n\n"
                          "LEO PARK: And then?\n\nI gave an interview with the BBC.\n")
    assert turns(root)[-1] == ("LEO PARK", "And then? I gave an interview with the BBC.")

