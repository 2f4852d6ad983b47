"""Script layout: labels alone on their line without punctuation (convert/linelabels.py)."""

from __future__ import annotations

from tei_edition.convert.linelabels import LineCandidate, choose_name_labels, match_name_line
from tei_edition.convert.model import Turn
from tei_edition.convert.parser import parse_transcript


def _turns(text: str) -> list[Turn]:
    document, _ = parse_transcript(text)
    return [t for s in document.sections for t in s.content if isinstance(t, Turn)]


def _candidate(text: str, following: str = "Good morning.", opens: bool = True) -> LineCandidate:
    return LineCandidate(text, following, opens)


def test_titled_name_line_is_a_label_shape():
    found = match_name_line(_candidate("Ambassador Thompson"))
    assert found is not None and found.key == "thompson" and found.separator == "sep-none"


def test_name_line_with_final_punctuation_is_not_this_style():
    assert match_name_line(_candidate("Ambassador Thompson.")) is None
    assert match_name_line(_candidate("Opening Remarks:")) is None


def test_name_line_inside_a_sentence_is_not_a_label():
    assert match_name_line(_candidate("Ambassador Thompson", opens=False)) is None
    assert match_name_line(_candidate("Ambassador Thompson", "and the secretary.")) is None


def test_name_line_followed_by_another_name_line_is_not_a_label():
    assert match_name_line(_candidate("Ambassador Thompson", "Minister Gromyko")) is None


def test_headings_and_salutations_are_not_name_labels():
    for line in ("Executive Session", "Monday Morning", "Dear Sir", "Soviet Position"):
        assert match_name_line(_candidate(line)) is None, line


def test_a_titled_label_must_recur():
    once = [_candidate("Ambassador Thompson"), _candidate("Minister Gromyko")]
    assert choose_name_labels(once, frozenset()) == frozenset()


def test_recurring_titled_labels_with_three_turns_are_accepted():
    lines = [_candidate(t) for t in ("Ambassador Thompson", "Minister Gromyko",
                                     "Ambassador Thompson", "Minister Gromyko")]
    assert choose_name_labels(lines, frozenset()) == {"thompson", "gromyko"}


def test_recurring_untitled_lines_need_a_declared_person():
    lines = [_candidate(t) for t in ("Soviet Union", "Western Powers") * 2]
    assert choose_name_labels(lines, frozenset()) == frozenset()
    assert choose_name_labels(lines, frozenset({"soviet union"})) == {"soviet union"}


def test_a_declared_person_speaking_once_counts_once_the_style_is_shown():
    lines = [_candidate(t) for t in ("Ambassador Thompson", "Minister Gromyko",
                                     "Ambassador Thompson", "Mr. Sukhodrev")]
    assert choose_name_labels(lines, frozenset({"sukhodrev"})) == {"thompson", "sukhodrev"}


def test_a_titled_speaker_speaking_once_counts_once_three_turns_are_established():
    lines = [_candidate(t) for t in ("Ambassador Thompson", "Minister Gromyko",
                                     "Ambassador Thompson", "Mr. Sukhodrev",
                                     "Minister Gromyko")]
    assert choose_name_labels(lines, frozenset()) == {"thompson", "gromyko", "sukhodrev"}
    untitled = [*lines[:3], lines[4], _candidate("Sukhodrev")]
    assert "sukhodrev" not in choose_name_labels(untitled, frozenset())


def test_title_case_script_layout_gives_turns():
    text = ("Ambassador Thompson\nGood morning.\n\nMinister Gromyko\nGood morning.\n\n"
            "Ambassador Thompson\nShall we begin?\nThe agenda is short.\n\n"
            "Minister Gromyko\nIt is.\n")
    turns = _turns(text)
    assert [t.who for t in turns] == ["thompson", "gromyko", "thompson", "gromyko"]
    assert all(t.separator == "sep-none" for t in turns)


def test_title_case_labels_are_not_read_when_the_metadata_fixes_the_style():
    from tei_edition.convert.body import ParseHints

    text = ("Ambassador Thompson\nGood morning.\n\nMinister Gromyko\nGood morning.\n\n"
            "Ambassador Thompson\nShall we begin?\n")
    document, _ = parse_transcript(text, hints=ParseHints(label_style="colon"))
    assert not [t for s in document.sections for t in s.content if isinstance(t, Turn)]
