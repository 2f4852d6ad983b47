"""Structures beyond the seed: footnotes, page marks, several label styles, narrative between
turns, empty turns, unknown brackets, the metadata documentation."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

from convert_support import NS, unresolved_pointers

from tei_edition.convert import convert_text
from tei_edition.convert.metadata import load_metadata

ROOT = Path(__file__).resolve().parents[2]


def _root(text: str):
    result = convert_text(text)
    assert result.tree is not None, [d.format_text() for d in result.diagnostics]
    return result.tree.getroot()


def _who(root) -> Counter:
    return Counter(sp.get("who") for sp in root.iterfind(".//t:sp", NS))


def test_bracket_footnotes_move_to_their_marks():
    root = _root("A: One.[1]\n\nB: Two.[2]\n\nA: Three.\n\n[1] First note.\n[2] Second note.\n")
    notes = root.findall(".//t:sp//t:note[@place='foot']", NS)
    assert [(n.get("n"), n.text, n.get("rend")) for n in notes] == [
        ("1", "First note.", "mark-square list-square"),
        ("2", "Second note.", "mark-square list-square no-blank-before")]
    assert "[1]" not in "".join(root.find(".//t:body", NS).itertext())
    assert unresolved_pointers(root) == []


def test_glued_footnote_digits_with_a_numbered_list():
    root = _root("A: At the station.1 Yes.\n\nB: In March.2\n\n1. The first.\n2. The second.\n")
    assert [n.get("rend").split()[0] for n in root.iterfind(".//t:note", NS)] == [
        "mark-glued", "mark-glued"]


def test_notes_list_without_matching_marks_stays_text():
    root = _root("A: One.[1]\n\nB: Two.\n\n[1] First note.\n[2] Second note.\n")
    assert root.findall(".//t:note", NS) == []
    assert "[2] Second note." in "".join(root.find(".//t:text", NS).itertext())


def test_notes_heading_is_a_divgen_head():
    root = _root("A: One./1/\n\nB: Two.\n\nNotes\n/1/ Source: the archive.\n")
    assert root.find(".//t:back/t:divGen[@type='notes']/t:head", NS).text == "Notes"


def test_page_mark_on_its_own_line_is_a_pb_block():
    root = _root("Q: Where?\n\n[Page 2]\n\nA: Here.\n\nQ: Sure?\n")
    pb = root.find(".//t:sp/t:pb", NS)  # between paragraphs of Q's turn
    assert (pb.get("n"), pb.get("rend")) == ("2", "label-Page")


def test_period_and_colon_labels_in_one_document():
    root = _root("Q. Who are you?\nA. A witness.\nTHE PRESIDENT: Go on.\nQ. Where were you?\n"
                 "A. At home.\nTHE PRESIDENT: Thank you.\n")
    assert _who(root) == {"#q": 2, "#a": 2, "#president": 2}


def test_narrative_about_a_speaker_is_not_speech():
    root = _root("K: We came.\n\nZE: We are sorry.\n\nK said that it was late.\n\nZE: Indeed.\n")
    paragraphs = root.findall(".//t:div[@type='conversation']/t:p", NS)
    assert [p.text for p in paragraphs] == ["K said that it was late."]


def test_dash_label_without_speech_is_an_empty_turn():
    result = convert_text("A - Yes.\n\nB -\n\nA - Then no.\n")
    assert result.tree is None
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [
        ("transcript.empty-turn", 3, 1)]


def test_unknown_bracket_is_kept_and_reported():
    result = convert_text("Q: Where?\n\nA: Here [see the sketch: A; B] now.\n")
    assert [d.code for d in result.diagnostics] == ["transcript.unknown-bracket"]
    assert "[see the sketch: A; B]" in "".join(result.tree.getroot().itertext())


def test_title_resolves_to_the_one_listed_person_with_it():
    root = _root("Present: Prime Minister Nehru, Ambassador E. Bunker\n\nNehru: Welcome.\n\n"
                 "The Ambassador: Thank you.\n\nNehru: Sit down.\n")
    assert _who(root) == {"#nehru": 2, "#e-bunker": 1}


def test_uncertain_label_gives_low_certainty():
    root = _root("JFK: Two weeks?\nRusk: Yes.\nJFK?: Two weeks.\nRusk: Indeed.\n")
    assert [sp.get("cert") for sp in root.iterfind(".//t:sp", NS)] == [None, None, "low", None]


def test_example_metadata_file_is_complete_and_clean():
    from tei_edition.convert import metadata

    path = ROOT / "docs" / "examples" / "edition.toml"
    meta, problems = load_metadata(path)
    assert meta is not None and problems == []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert set(data) == metadata._TOP
    assert set(data["source"]) == metadata._SOURCE
    assert set(data["persons"][0]) == metadata._PERSON
    for section, keys in metadata._SECTIONS.items():
        assert set(data[section]) == keys


def test_every_metadata_key_is_documented():
    from tei_edition.convert import metadata

    text = (ROOT / "docs" / "metadata.md").read_text(encoding="utf-8")
    for key in metadata._TOP | metadata._SOURCE | metadata._PERSON:
        assert f"`{key}" in text or f".{key}`" in text or f"[[{key}]]" in text, key


def test_time_code_is_kept_in_the_speaker():
    root = _root("[00:00:12] Speaker 1: On?\n[00:00:15] Speaker 2: Yes.\n"
                 "[00:00:21] Speaker 1: Good.\n")
    speaker = root.find(".//t:sp/t:speaker", NS)
    assert speaker.findtext("t:time", namespaces=NS) == "[00:00:12]"
    assert _who(root) == {"#speaker-1": 2, "#speaker-2": 1}


def test_joint_label_names_both_speakers():
    root = _root("Comrade Petrov:\nOrder!\n\nComrade Sidorova:\nWhy?\n\nComrade Petrov:\nQuiet.\n\n"
                 "Comrade Sidorova and Comrade Lebedev (together):\nWe demand an answer!\n")
    assert root.findall(".//t:sp", NS)[-1].get("who") == "#sidorova #lebedev"


def test_sloppy_dash_spacing_is_recorded_exactly():
    root = _root("Cde.Khrushchev—How?\n\nCde Ulbricht - Badly.\n\nCde. Khrushchev -Why?\n\n"
                 "Cde. Ulbricht- No steel.\n")
    assert [sp.get("rend") for sp in root.iterfind(".//t:sp", NS)] == [
        "sep-em-dash unspaced", "sep-hyphen", "sep-hyphen tight-right", "sep-hyphen tight-left"]
    assert len(set(_who(root))) == 2


def test_script_layout_caps_labels():
    root = _root("KHRUSHCHEV\nWe wait.\n\nMIKOYAN\nThey will answer.\n\nKHRUSHCHEV\nThey will.\n")
    assert _who(root) == {"#khrushchev": 2, "#mikoyan": 1}
    assert root.find(".//t:sp", NS).get("rend") == "sep-none label-line"


def test_parenthesised_line_inside_a_turn_is_a_stage():
    root = _root("A - Look.\n(Goes to the window.)\nThe crowd is large.\n\nB - Yes.\n\nA - So.\n")
    stage = root.find(".//t:sp/t:p/t:stage", NS)
    assert (stage.get("type"), stage.text) == ("action", "(Goes to the window.)")


def test_wrapped_line_that_looks_like_a_label_stays_speech():
    root = _root("Present: Mikoyan, Choe\n\nMikoyan - The harvest in the south of\n"
                 "Korea - there the rains were late.\nChoe - Yes.\nMikoyan - Good.\n")
    assert _who(root) == {"#mikoyan": 2, "#choe": 1}


def test_names_in_either_order_are_one_person():
    root = _root("Present: Nagy Imre, Kádár János\n\nNagy: Yes.\n\nImre Nagy: No.\n\n"
                 "Kádár: Maybe.\n\nNagy Imre: Enough.\n")
    assert _who(root) == {"#nagy-imre": 3, "#kadar-janos": 1}


def test_bracketed_sentence_between_turns_is_a_stage():
    text = "[The representative displayed photographs.]"
    root = _root(f"A: One.\n\nB: Two.\n\n{text}\n\nA: Three.\n")
    stage = root.find(".//t:div/t:stage", NS)
    assert (stage.get("type"), stage.text) == ("action", text)


def test_space_before_a_colon_is_recorded():
    root = _root("M. Couve de Murville : Oui.\n\nM. Debré : Non.\n\nM. Couve de Murville : Bien.\n")
    assert {sp.get("rend") for sp in root.iterfind(".//t:sp", NS)} == {"sep-colon spaced"}
    assert _who(root) == {"#couve-de-murville": 2, "#debre": 1}
