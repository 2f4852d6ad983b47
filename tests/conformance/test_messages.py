"""libxml2's messages become plain sentences that keep the names and gain a column."""

from __future__ import annotations

from tei_edition.conformance.messages import diagnostics_for, position_of, reword


def test_unexpected_element_is_reworded_with_its_name():
    assert reword("Did not expect element stage there") == (
        "element <stage> is not allowed here by TEI P5", "stage")


def test_expected_element_names_both():
    sentence, element = reword("Expecting element channel, got authorGender")
    assert sentence == "expected element <channel> here, found <authorGender>"
    assert element == "authorGender"


def test_unknown_messages_are_kept_as_they_are():
    assert reword("Something new from libxml2") == ("Something new from libxml2", "")


def test_position_points_at_the_start_tag_on_the_line():
    lines = [b"<a>", b'  <tei:stage n="1">x</tei:stage>']
    assert position_of(lines, 2, "stage") == (2, 3)
    assert position_of(lines, 2, "sp") == (2, 1)


def test_position_moves_to_the_child_on_a_following_line():
    lines = [b"<textDesc>", b"    <authorGender/>"]
    assert position_of(lines, 1, "authorGender") == (2, 5)


def test_duplicate_messages_on_one_line_are_reported_once():
    errors = [(3, "Did not expect element p there"), (3, "Did not expect element p there")]
    found = diagnostics_for("f.xml", errors, b"<a>\n<b>\n<p/>\n")
    assert [d.format_text() for d in found] == [
        "f.xml:3:1: error [tei.invalid] element <p> is not allowed here by TEI P5"]
