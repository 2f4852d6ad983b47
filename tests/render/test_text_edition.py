"""The plain-text edition: the diplomatic view rebuilds the transcript, the reading view
applies the edition's decisions (docs/rendering.md)."""

from __future__ import annotations

from collections import Counter

from render_helpers import FIXTURES, html_text_content, missing_words, render_file


def test_diplomatic_view_rebuilds_the_fixture_transcript_line_for_line(all_elements) -> None:
    expected = (FIXTURES / "all-elements.diplomatic.txt").read_text(encoding="utf-8")
    assert render_file(all_elements, "text", "diplomatic", strict=True) == expected


def test_diplomatic_view_keeps_source_errors_and_bracket_labels(all_elements) -> None:
    text = render_file(all_elements, "text", "diplomatic")
    assert "USSSR" in text and "USSR." not in text
    assert "[Inserted: With respect to]" in text and "[inserted: a proposal was made]" in text
    assert "Cde. Cde. Rim Hae - " in text


def test_reading_view_applies_corrections(all_elements) -> None:
    text = render_file(all_elements, "text", "reading")
    assert "the trip to the USSR." in text and "USSSR" not in text
    assert "Cde. Rim Hae - " in text and "Cde. Cde." not in text


def test_reading_view_drops_insertion_labels_but_keeps_the_words(all_elements) -> None:
    text = render_file(all_elements, "text", "reading")
    assert "With respect to him, a proposal was made to expel" in text
    assert "nserted:" not in text


def test_reading_view_keeps_supplied_words_marked(all_elements) -> None:
    text = render_file(all_elements, "text", "reading")
    assert "tell [it] briefly" in text and "question[?]" in text


def test_reading_view_puts_notes_as_numbered_endnotes(all_elements) -> None:
    text = render_file(all_elements, "text", "reading")
    body, _, notes = text.partition("\nNotes\n")
    assert "He said so [1] and [2]," in body and "literally" not in body
    assert "[1] Translator's note: literally \"not today\".\n" in notes
    assert "[5] Third.\n" in notes


def test_every_speaker_label_appears_in_both_views(all_elements) -> None:
    labels = ["Cde. Mikoyan - ", "Cde. Choe Yong-geon - ", "Rim Hae - ", "Cde. Mikoyan — ",
              "Rim—", "Comrade Mikoyan:\n", "Mr. Q?. ", "MIKOYAN\n", "RIM HAE -\n",
              "[00:12] Both -- ", "Cde. Mikoyan- ", "Cde. Rim Hae -Agreed"]
    for view in ("reading", "diplomatic"):
        text = render_file(all_elements, "text", view)
        assert [label for label in labels if label not in text] == []


def test_lines_are_not_wrapped_without_a_width(all_elements) -> None:
    text = render_file(all_elements, "text", "diplomatic")
    assert max(len(line) for line in text.splitlines()) > 72


def test_width_wraps_at_spaces_and_loses_no_word(all_elements) -> None:
    plain = render_file(all_elements, "text", "diplomatic")
    wrapped = render_file(all_elements, "text", "diplomatic", width=30)
    assert max(len(line) for line in wrapped.splitlines()) <= 30
    assert wrapped.split() == plain.split()


def test_width_keeps_a_word_longer_than_the_width_whole(all_elements) -> None:
    wrapped = render_file(all_elements, "text", "diplomatic", width=5)
    assert "conversation" in wrapped.split()


def test_rendering_twice_gives_the_same_bytes(all_elements) -> None:
    for view in ("reading", "diplomatic"):
        assert render_file(all_elements, "text", view) == render_file(all_elements, "text", view)


def test_no_word_of_the_transcript_is_lost_in_any_rendering(all_elements) -> None:
    transcript = (FIXTURES / "all-elements.diplomatic.txt").read_text(encoding="utf-8")
    for to, view in (("text", "diplomatic"), ("html", "reading"), ("html", "diplomatic")):
        rendered = render_file(all_elements, to, view)
        if to == "html":
            rendered = html_text_content(rendered)
        assert missing_words(transcript, rendered) == Counter(), (to, view)
