"""Issue 3, fourth blind QA pass, families D and E: historic Hansard layouts and web-page
chrome between a label and its speech (family D), and brackets that do not pair up, which
are converted with a warning instead of refused (family E). Names and sentences are
invented; docs/conventions.md and docs/encoding.md state the rules."""

from __future__ import annotations

from convert_support import NS, converted_root, free_paragraphs, turns, who_of_turns

from tei_edition.convert import convert_text
from tei_edition.convert.lexer import BreakSegment, TextSegment, scan_brackets
from tei_edition.diagnostics import Severity

# ---- family E: brackets that do not pair up are text with a warning ----------------------


def _codes(text: str) -> list[tuple[str, str, int, int]]:
    return [(d.code, d.severity.name, d.line, d.column) for d in convert_text(text).diagnostics]


TURNS = ("Cde. Varga - We begin with the fair.\n\nCde. Lantos - Agreed.\n\n"
         "Cde. Varga - Then the prices.\n\nCde. Lantos - {line}\n\n"
         "Cde. Varga - Good.\n")


def test_unclosed_bracket_is_a_warning_and_its_words_stay_in_the_turn():
    text = TURNS.format(line="They rose [after the harvest.")
    assert _codes(text) == [("transcript.unclosed-bracket", "WARNING", 7, 25)]
    assert turns(converted_root(text))[3] == ("Cde. Lantos", "They rose [after the harvest.")


def test_closing_bracket_without_opening_is_a_warning_and_kept_as_text():
    text = TURNS.format(line="They rose after] the harvest.")
    assert _codes(text) == [("transcript.unbalanced-bracket", "WARNING", 7, 30)]
    assert turns(converted_root(text))[3][1] == "They rose after] the harvest."


def test_nested_bracket_keeps_the_whole_outer_bracket_as_text_with_one_warning():
    text = TURNS.format(line="They rose [inserted: after the [illegible] harvest] in May.")
    assert _codes(text) == [("transcript.nested-bracket", "WARNING", 7, 46)]
    root = converted_root(text)
    assert turns(root)[3][1] == "They rose [inserted: after the [illegible] harvest] in May."
    assert root.find(".//t:sp//t:add", NS) is None and root.find(".//t:sp//t:gap", NS) is None


def test_a_well_formed_bracket_after_a_stray_one_is_still_read():
    root = converted_root(TURNS.format(line="They rose after] the [second] harvest."))
    assert [s.text for s in root.iterfind(".//t:supplied", NS)] == ["second"]


def test_stamp_split_over_two_paragraphs_converts_with_two_warnings():
    text = ("Journal of the Counsellor\n\n[Archive stamp: 10733\n\n2 June 1971 Secret]\n\n"
            "Copy No. 2\n\nI visited the Minister at his request.\n")
    result = convert_text(text)
    assert result.tree is not None
    assert [(d.code, d.severity) for d in result.diagnostics] == [
        ("transcript.unclosed-bracket", Severity.WARNING),
        ("transcript.unbalanced-bracket", Severity.WARNING)]
    assert {"[Archive stamp: 10733", "2 June 1971 Secret]"} <= set(
        free_paragraphs(converted_root(text)))


def test_brackets_kept_as_text_are_declared_in_the_editorial_decl():
    root = converted_root(TURNS.format(line="They rose after] the harvest."))
    declared = " ".join(root.find(".//t:editorialDecl", NS).itertext())
    assert "kept as text" in declared


def test_unclosed_bracket_over_lines_keeps_its_line_breaks():
    segments, problems = scan_brackets([("a [b", 1, 1), ("c d", 2, 3)], "t")
    assert [p.code for p in problems] == ["transcript.unclosed-bracket"]
    assert segments == [TextSegment("a ", 1, 1), TextSegment("[b", 1, 3), BreakSegment(1),
                        TextSegment("c d", 2, 3)]


def test_nested_bracket_over_lines_keeps_its_line_breaks():
    segments, _ = scan_brackets([("[a [b]", 4, 1), ("c] d", 5, 1)], "t")
    assert segments == [TextSegment("[a [b]", 4, 1), BreakSegment(4), TextSegment("c]", 5, 1),
                        TextSegment(" d", 5, 3)]


# ---- family D: the historic Hansard's label paragraphs -----------------------------------

def _stages(root) -> list[str]:
    return [" ".join("".join(s.itertext()).split())
            for s in root.iterfind(".//t:div/t:stage", NS)]


HISTORIC = (
    "HC Deb 12 March 1957 vol 566 cc201-2\n\n"
    "The following Question stood upon the Order Paper:\n\n"
    "17. MR. OKAFOR\n\n"
    "To ask the Prime Minister whether he will publish the harbour report.\n\n"
    "Mr. Okafor\n\nQuestion No. 17.\n\n"
    "The Prime Minister\n\nNo, Sir.\n\n"
    "Mr. Speaker\n\nThe Prime Minister—a statement.\n\n"
    "Mr. Okafor\n\nOn a point of order. The question was answered.\n\n"
    "The Prime Minister\n\nindicated dissent.\n\n"
    "Mr. Okafor\n\nThen I shall put it down again.\n\n"
    "Mr. Speaker\n\nThe hon. Member may do so.\n")


def test_name_alone_in_its_paragraph_is_a_label_when_the_layout_repeats():
    root = converted_root(HISTORIC)
    assert [s for s, _ in turns(root)] == [
        "17. MR. OKAFOR", "Mr. Okafor", "The Prime Minister", "Mr. Speaker", "Mr. Okafor",
        "Mr. Okafor", "Mr. Speaker"]
    assert turns(root)[2] == ("The Prime Minister", "No, Sir.")


def test_order_paper_question_is_the_members_turn_with_one_who():
    root = converted_root(HISTORIC)
    assert who_of_turns(root)[0] == who_of_turns(root)[1] == who_of_turns(root)[4]
    assert turns(root)[0][1].startswith("To ask the Prime Minister")


def test_member_with_a_gesture_in_lower_case_is_a_stage_direction_not_a_turn():
    root = converted_root(HISTORIC)
    assert _stages(root) == ["The Prime Minister", "indicated dissent."]
    assert all("indicated" not in speech for _, speech in turns(root))


def test_preamble_of_the_order_paper_stays_narrative():
    assert free_paragraphs(converted_root(HISTORIC)) == [
        "The following Question stood upon the Order Paper:"]


def test_two_name_paragraphs_are_no_evidence_for_the_layout():
    text = ("Notes on the visit\n\nMr. Okafor\n\nThe harbour was inspected in the morning.\n\n"
            "Mr. Lind\n\nThe report was sent to the ministry.\n")
    assert turns(converted_root(text)) == []


def test_names_in_consecutive_paragraphs_are_a_list_not_labels():
    text = ("Members present\n\nMr. Okafor\n\nMr. Lind\n\nMr. Okafor\n\nMr. Lind\n\n"
            "The committee met at ten.\n")
    assert turns(converted_root(text)) == []


def test_order_paper_question_glued_to_asked_is_the_members_turn():
    text = ("§ 12. Mr. Okaforasked the Prime Minister whether he will visit the harbour.\n"
            "§ The Prime MinisterI have no plans to do so.\n"
            "§ Mr. OkaforWill he reconsider?\n")
    root = converted_root(text)
    assert turns(root)[0] == ("§ 12. Mr. Okafor",
                              "asked the Prime Minister whether he will visit the harbour.")
    assert who_of_turns(root)[0] == who_of_turns(root)[2]


# ---- family D: web-page chrome between the label and the speech ---------------------------

OPEN_AUSTRALIA = (
    "House debates\n\nWednesday, 7 March 2018\n\nQuestions without Notice\n\n2:15 pm\n\n"
    "Photo of Ann RoeAnn Roe (Eastfield, Labor Party, Shadow Minister for Ports) Share this "
    "| | Hansard source\n\n"
    "My question is to the Minister. When will the harbour open?\n\n"
    "Photo of Mr Ben HaleMr Ben Hale (Northway, Liberal Party, Minister for Ports (Harbours)) "
    "Share this | | Hansard source\n\n"
    "The harbour opens in May.\n\n"
    "Ms Roe interjecting\n\n"
    "Photo of Kim LeeKim Lee (Speaker) Share this | | Hansard source\n\n"
    "The member for Eastfield will cease interjecting.\n")


def test_photo_caption_and_link_words_stay_in_the_speaker_and_the_name_is_the_person():
    root = converted_root(OPEN_AUSTRALIA)
    assert [speech for _, speech in turns(root)] == [
        "My question is to the Minister. When will the harbour open?",
        "The harbour opens in May.", "The member for Eastfield will cease interjecting."]
    assert who_of_turns(root) == ["#ann-roe", "#ben-hale", "#kim-lee"]
    assert turns(root)[1][0].startswith("Photo of Mr Ben HaleMr Ben Hale (Northway")


def test_member_interjecting_is_a_stage_direction_between_the_turns():
    assert _stages(converted_root(OPEN_AUSTRALIA)) == ["Ms Roe interjecting"]


DAIL = (
    "Dáil Éireann Debate\nVol. 901 No. 4\n\n"
    "Deputy Ann Roe: Information on Ann Roe Zoom on Ann Roe On a point of order, the "
    "harbour report was promised for today.\n\n"
    "Deputy Ben Hale: Information on Ben Hale Zoom on Ben Hale The report is ready and will "
    "be laid before the House.\n")


def test_dail_link_texts_after_the_colon_stay_in_the_speaker():
    root = converted_root(DAIL)
    assert turns(root) == [
        ("Deputy Ann Roe: Information on Ann Roe Zoom on Ann Roe",
         "On a point of order, the harbour report was promised for today."),
        ("Deputy Ben Hale: Information on Ben Hale Zoom on Ben Hale",
         "The report is ready and will be laid before the House.")]
    assert who_of_turns(root) == ["#ann-roe", "#ben-hale"]
    assert {sp.get("rend") for sp in root.iterfind(".//t:sp", NS)} == {"sep-space"}


OPENPARLIAMENT = (
    "House of Commons Hansard #12 of the 45th Parliament\n\n"
    "Resuming debate on the harbour motionHarbourOrders of the Day\n\n10:05 a.m.\n\nLiberal\n\n"
    "Ann Roe Liberal Eastfield—North, ON\n\n"
    "Madam Speaker, the harbour must reopen.\n\n"
    "It has been closed for a year.\n\n"
    "Resuming debate on the harbour motionHarbourOrders of the Day\n\n10:07 a.m.\n\n"
    "Conservative\n\n"
    "Ben Hale Conservative Northway—Lake, AB\n\n"
    "Madam Speaker, the costs are too high.\n")


def test_openparliament_label_line_under_clock_and_party_is_a_label():
    root = converted_root(OPENPARLIAMENT)
    assert [s for s, _ in turns(root)] == ["Ann Roe Liberal Eastfield—North, ON",
                                           "Ben Hale Conservative Northway—Lake, AB"]
    assert who_of_turns(root) == ["#ann-roe", "#ben-hale"]


def test_openparliament_breadcrumb_clock_and_party_are_no_speech():
    root = converted_root(OPENPARLIAMENT)
    assert turns(root)[0][1] == ("Madam Speaker, the harbour must reopen. "
                                 "It has been closed for a year.")
    assert free_paragraphs(root)[-3:] == [
        "Resuming debate on the harbour motionHarbourOrders of the Day", "10:07 a.m.",
        "Conservative"]


def test_one_clock_and_party_block_is_no_evidence():
    text = OPENPARLIAMENT.split("Resuming debate on the harbour motionHarbourOrders of the "
                                "Day\n\n10:07")[0]
    assert turns(converted_root(text)) == []


def test_member_without_a_photo_is_a_label_by_the_hansard_link_words():
    text = OPEN_AUSTRALIA.replace("Photo of Kim LeeKim Lee (Speaker)", "Kim Lee (Speaker)")
    root = converted_root(text)
    assert turns(root)[2] == ("Kim Lee (Speaker) Share this | | Hansard source",
                              "The member for Eastfield will cease interjecting.")
    assert who_of_turns(root)[2] == "#kim-lee"


def test_name_line_without_the_link_words_is_no_web_label():
    text = OPEN_AUSTRALIA.replace("Photo of Kim LeeKim Lee (Speaker) Share this | | Hansard "
                                  "source", "Kim Lee (Speaker)")
    assert len(turns(converted_root(text))) == 2


def test_dail_office_label_is_the_person_the_links_name():
    root = converted_root(DAIL + "\nAn Ceann Comhairle: Information on Seán Doyle Zoom on Seán "
                                 "Doyle We will hear the Minister next.\n")
    assert who_of_turns(root) == ["#ann-roe", "#ben-hale", "#sean-doyle"]


def test_speaker_after_the_paragraph_mark_is_the_presiding_officer_not_an_unknown_voice():
    text = ("§ 12. Mr. Okaforasked the Prime Minister whether he will visit the harbour.\n"
            "§ Mr. SpeakerMr. Lind.\n"
            "§ Mr. LindWill he reconsider?\n§ Mr. SpeakerOrder.\n")
    root = converted_root(text)
    assert who_of_turns(root)[1] == who_of_turns(root)[3] != "#unknown-speaker"


def test_openparliament_block_copied_without_empty_lines_is_still_recognised():
    text = OPENPARLIAMENT.replace("\n\n10:05", "\n10:05").replace("m.\n\nLiberal\n\n", (
        "m.\nLiberal\n")).replace("Day\n\n10:07 a.m.\n\nConservative\n\n", (
            "Day\n10:07 a.m.\nConservative\n"))
    root = converted_root(text)
    assert who_of_turns(root) == ["#ann-roe", "#ben-hale"]
    assert all("10:07" not in speech for _, speech in turns(root))


def test_office_with_its_holder_in_parentheses_is_a_label_paragraph_of_the_layout():
    text = HISTORIC.replace("The Prime Minister\n\nNo, Sir.",
                            "The Prime Minister (Mr. Ivo Brandt)\n\nNo, Sir.")
    root = converted_root(text)
    assert turns(root)[2] == ("The Prime Minister (Mr. Ivo Brandt)", "No, Sir.")
    assert who_of_turns(root)[2] == "#ivo-brandt"


def test_gesture_under_a_constituency_label_is_a_stage_direction_too():
    text = ("Mr. Ian Roe (Eastfield)\n\nWill the Minister act?\n\n"
            "The Minister of Ports (Mr. Ben Hale)\n\nindicated assent.\n\n"
            "Mr. Ian Roe (Eastfield)\n\nI am grateful.\n")
    root = converted_root(text)
    assert _stages(root) == ["The Minister of Ports (Mr. Ben Hale)", "indicated assent."]
    assert len(turns(root)) == 2
