"""QA findings of 2026-11-27 on unseen transcripts: participants lists (F1, F6) and the
record's closing line after the last turn (F5)."""

from __future__ import annotations

from convert_support import NS, converted_root


def _root(text: str):
    return converted_root(text)


def _items(root) -> list[str]:
    return ["".join(item.itertext()) for item in
            root.iterfind(".//t:list[@type='participants']/t:item", NS)]


def _groups(root) -> list[tuple[str, list[str]]]:
    return [("".join(group.find("t:head", NS).itertext()),
             [name.text for name in group.iterfind("t:person/t:persName", NS)])
            for group in root.iterfind(".//t:particDesc/t:listPerson", NS)]


def test_names_after_a_blank_line_below_the_heading_are_the_list():
    root = _root("PARTICIPANTS:\n\nMr. Kohler\n")
    assert _items(root) == ["Mr. Kohler"]
    assert [p.text for p in root.iterfind(".//t:particDesc//t:persName", NS)] == ["Kohler"]


def test_a_heading_with_no_names_below_stays_a_heading_not_an_empty_list():
    root = _root("Participants:\n\nKOHLER: Do you agree?\n\nORLOV: I do.\n\n"
                 "KOHLER: Good.\n")
    assert root.find(".//t:list", NS) is None
    assert root.find(".//t:body/t:div/t:head", NS).text == "Participants:"
    assert len(root.findall(".//t:sp", NS)) == 3


def test_group_lines_with_names_after_the_heading_are_groups():
    root = _root("MEMORANDUM OF CONVERSATION\n\nPARTICIPANTS:\n"
                 "United States: The Secretary; Mr. Kohler; Mr. Akalovsky, Interpreter\n"
                 "Soviet Union: Foreign Minister Gromyko; Ambassador Menshikov\n\n"
                 "The Secretary said that he hoped the talks would be useful.\n")
    assert [label for label, _ in _groups(root)] == ["United States", "Soviet Union"]
    assert _groups(root)[1][1] == ["Gromyko", "Menshikov"]
    assert len(_items(root)) == 2
    assert root.find(".//t:sp", NS) is None


def test_frus_groups_one_name_a_line_become_one_listperson_each():
    root = _root("MEMORANDUM OF CONVERSATION\n\nPARTICIPANTS\nUnited States:\n"
                 "The Secretary of State\nMr. Paul Hardy, Assistant Secretary\n\n"
                 "Soviet Union:\nIvan P. Orlov, Minister of Foreign Affairs\n"
                 "Oleg Belov (Interpreter)\n\n"
                 "The Secretary opened the conversation by welcoming Mr. Orlov.\n")
    assert _groups(root) == [("United States", ["The Secretary of State", "Paul Hardy"]),
                             ("Soviet Union", ["Ivan P. Orlov", "Oleg Belov"])]
    roles = [a.text for a in root.iterfind(".//t:particDesc//t:affiliation", NS)]
    assert roles == ["Assistant Secretary", "Minister of Foreign Affairs", "Interpreter"]
    assert len(_items(root)) == 6  # every line below the head, verbatim


def test_the_narrative_after_the_groups_is_not_taken_into_the_list():
    root = _root("PARTICIPANTS:\n\nMr. Kohler\nMr. Akalovsky\n\n"
                 "Mr. Kohler said that the talks had been useful to both sides.\n")
    assert _items(root) == ["Mr. Kohler", "Mr. Akalovsky"]
    assert len(root.findall(".//t:body//t:p", NS)) == 1


def test_present_line_below_a_title_and_its_dateline_is_the_list():
    root = _root("MINUTES OF THE BOARD\n3 May 1979\n\nPresent: A. Marsh (Chair), P. Quint\n\n"
                 "MARSH: We begin.\n\nQUINT: Agreed.\n")
    assert root.find(".//t:body/t:div/t:head", NS).text == "MINUTES OF THE BOARD"
    assert [p.text for p in root.iterfind(".//t:particDesc//t:persName", NS)] == [
        "A. Marsh", "P. Quint"]


def _after_last_turn(text: str) -> tuple[str, str]:
    root = _root(text)
    last = root.findall(".//t:sp", NS)[-1]
    following = last.getnext()
    return "".join(last.itertext()), following.text if following is not None else ""


def test_meeting_closed_after_a_blank_line_is_not_the_last_speakers():
    spoken, after = _after_last_turn("CARTER: Agreed.\n\nOKAFOR: Circulated.\n\n"
                                     "Meeting closed at 4.15 pm.\n")
    assert "closed" not in spoken and after == "Meeting closed at 4.15 pm."


def test_meeting_closed_in_the_same_block_ends_the_turn():
    spoken, after = _after_last_turn("CARTER: Agreed.\nOKAFOR: Circulated.\n"
                                     "Meeting closed at 4.15 pm.\n")
    assert "closed" not in spoken and after == "Meeting closed at 4.15 pm."


def test_committee_adjourned_and_end_of_interview_are_narrative():
    for closing in ("The committee adjourned at 12:15 p.m.", "End of interview: 3:45 p.m.",
                    "Whereupon the hearing was recessed."):
        spoken, after = _after_last_turn(f"Q: Where?\n\nA: Berlin.\n\n{closing}\n")
        assert after == closing and closing not in spoken


def test_a_speakers_continuation_paragraph_stays_in_the_turn():
    root = _root("KOHLER: The meeting was long.\n\nIt closed late, and we left.\n\n"
                 "ORLOV: Yes.\n\nKOHLER: Good.\n")
    assert len(root.find(".//t:sp", NS).findall("t:p", NS)) == 2


def test_a_participants_heading_without_colon_is_the_lists_head():
    root = _root("PARTICIPANTS\nUnited States:\nMr. Paul Hardy\n\n"
                 "Mr. Hardy said that it was late.\n")
    assert root.find(".//t:list[@type='participants']/t:head", NS).text == "PARTICIPANTS"
    assert _items(root) == ["United States:", "Mr. Paul Hardy"]


def test_an_initial_before_an_initial_is_not_taken_for_monsieur():
    root = _root("Present: Cdes. M. A. Suslov, A. A. Gromyko\n\nSUSLOV: Yes.\n\nGROMYKO: No.\n\n"
                 "SUSLOV: Good.\n")
    assert [p.text for p in root.iterfind(".//t:particDesc//t:persName", NS)] == [
        "M. A. Suslov", "A. A. Gromyko"]
