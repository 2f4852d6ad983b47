"""The seed edition (16 September 1956): the diplomatic text is the seed transcript after the
declared normalisation; the reading text applies the edition's corrections."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from render_helpers import (
    SEED_TRANSCRIPT,
    html_text_content,
    missing_words,
    normalise_transcript,
    render_file,
    undeclared_normalisations,
)

from tei_edition.xmlio import parse_xml_file

LABEL = re.compile(r"^(Cde\. (?:Cde\. )?(?:Mikoyan|Choe Yong-geon|Rim Hae)) - ", re.MULTILINE)


@pytest.fixture(scope="module")
def transcript() -> str:
    return SEED_TRANSCRIPT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def diplomatic(seed_edition) -> str:
    return render_file(seed_edition, "text", "diplomatic", strict=True)


@pytest.fixture(scope="module")
def reading(seed_edition) -> str:
    return render_file(seed_edition, "text", "reading", strict=True)


def test_diplomatic_text_is_the_transcript_after_declared_normalisation(transcript,
                                                                       diplomatic) -> None:
    expected, _ = normalise_transcript(transcript)
    assert diplomatic == expected


def test_the_edition_declares_every_normalisation_the_comparison_needs(transcript,
                                                                      seed_edition) -> None:
    _, applied = normalise_transcript(transcript)
    assert applied, "the seed needs normalisation (U+00A0 lines), so this check is not empty"
    assert undeclared_normalisations(applied, parse_xml_file(seed_edition).tree) == []


def test_reading_text_says_ussr_where_the_diplomatic_says_usssr(diplomatic, reading) -> None:
    assert "trip to the USSSR and" in diplomatic
    assert "trip to the USSR and" in reading and "USSSR" not in reading


def test_reading_text_applies_every_correction_of_the_metadata(reading) -> None:
    assert "nothing was yet known" in reading and "nothing was yet was known" not in reading
    assert "mistakes through conspiratorial" in reading
    assert "for you to be patient" in reading
    assert "Cde. Cde." not in reading


def test_both_views_show_all_52_speaker_labels(transcript, diplomatic, reading) -> None:
    source_labels = LABEL.findall(transcript)
    assert len(source_labels) == 52
    assert LABEL.findall(diplomatic) == source_labels
    assert [label.replace("Cde. Cde.", "Cde.") for label in source_labels] == LABEL.findall(reading)


def test_reading_text_drops_insertion_labels_and_keeps_supplied_words_marked(reading) -> None:
    assert ("With respect to Yun Kong-hum, a proposal was made to expel him from the Party"
            in reading)
    assert "nserted:" not in reading
    for supplied in ("tell [it] briefly", "Ri [Ju-yeon]", "expel [him]", "right now [?]"):
        assert supplied in reading


def test_html_loses_no_word_of_the_transcript(transcript, seed_edition) -> None:
    for view in ("reading", "diplomatic"):
        page = render_file(seed_edition, "html", view, strict=True)
        assert missing_words(transcript, html_text_content(page)) == Counter()
