"""Speaker separators in the diplomatic text: what stood between label and speech comes back
from sp/@rend (docs/rendering.md), including the rarer tokens."""

from __future__ import annotations

from collections import Counter

from render_helpers import glued_label_words, html_text_content, words

from tei_edition.convert import convert_text
from tei_edition.render import render_tree


def _render(text: str, to: str = "text", view: str = "diplomatic") -> str:
    converted = convert_text(text)
    assert converted.tree is not None, converted.diagnostics
    data, diagnostics = render_tree(converted.tree, to=to, view=view, strict=True)
    assert data is not None and diagnostics == [], diagnostics
    return data.decode("utf-8")


FRENCH = ("M. Couve de Murville : Nous avons reçu la note.\n\n"
          "M. Gromyko : Je vous remercie.\n\n"
          "M. Couve de Murville : Bien.\n")


def test_a_space_before_the_colon_is_kept_in_the_diplomatic_text():
    assert _render(FRENCH) == FRENCH


BRIEFING = ("Q    Thanks, Ellen.  Can you say when the report comes out?\n\n"
            "MS. HALLORAN: Not this week.\n\n"
            "Q    Is the minister satisfied?\n\n"
            "MS. HALLORAN: She is.\n")


def test_a_whitespace_separator_comes_back_at_its_width():
    assert _render(BRIEFING) == BRIEFING


TRIAL = "Q. Where were you?\nA At the depot.\nQ Who else was there?\nA Nobody.\n"


def test_a_single_space_separator_comes_back_as_one_space():
    assert _render(TRIAL) == TRIAL


def test_a_whitespace_separator_keeps_label_and_speech_apart_in_html():
    page = html_text_content(_render(TRIAL, to="html", view="reading"))
    assert words(TRIAL) - words(page) == Counter()


GLUED = ("§ Mr. Alan Pryce (Leeds, North-East)On a point of order.\n\n"
         "§ Madam SpeakerThe hon. Gentleman knows the rule.\n")


def test_only_a_glued_label_word_counts_as_two_words_in_html():
    converted = convert_text(GLUED)
    assert glued_label_words(converted.tree) == Counter(
        {"Speaker": 1, "The": 1, "SpeakerThe": -1})
