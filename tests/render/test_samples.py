"""Every sample transcript of ../shared/samples, and the converter's own transcripts in other
conventions (tests/convert/realistic and tests/convert/corpus), converted here, render in both
views: the diplomatic text is the transcript after its declared normalisation, and no word is
lost."""

from __future__ import annotations

from collections import Counter

import pytest
from render_helpers import (
    ROOT_DIR,
    SAMPLES_DIR,
    html_text_content,
    missing_words,
    normalise_transcript,
    undeclared_normalisations,
    words,
    words_apart_at_glued_labels,
)

from tei_edition.convert import convert_file
from tei_edition.render import render_tree

SAMPLES = sorted(SAMPLES_DIR.glob("*.txt"))
REALISTIC = sorted((ROOT_DIR / "tests" / "convert" / "realistic").glob("*.txt")) + sorted(
    (ROOT_DIR / "tests" / "convert" / "corpus").glob("*.txt"))

TEI = "http://www.tei-c.org/ns/1.0"


@pytest.fixture(scope="module", params=SAMPLES + REALISTIC, ids=lambda path: path.stem)
def sample(request):
    converted = convert_file(request.param)
    assert converted.tree is not None, converted.diagnostics
    return request.param.read_text(encoding="utf-8"), converted.tree


def rendered(tree, to: str, view: str) -> str:
    data, diagnostics = render_tree(tree, to=to, view=view, strict=True)
    assert diagnostics == [] and data is not None, diagnostics
    return data.decode("utf-8")


def test_there_are_samples_to_check() -> None:
    assert len(SAMPLES) >= 5 and len(REALISTIC) >= 5


def test_diplomatic_text_is_the_transcript_after_declared_normalisation(sample) -> None:
    transcript, tree = sample
    expected, applied = normalise_transcript(transcript)
    assert rendered(tree, "text", "diplomatic") == expected
    assert undeclared_normalisations(applied, tree) == []


def _label_as_read(speaker) -> str:
    """A speaker label as the reading view prints it: words the editor supplied in brackets
    (`[Greta] Lund`, `[1.] Q.`), as everywhere in the reading text."""
    parts = [speaker.text or ""]
    for child in speaker:
        inner = "".join(child.itertext())
        parts.append(f"[{inner}]" if child.tag == f"{{{TEI}}}supplied" else inner)
        parts.append(child.tail or "")
    return "".join(parts)


def test_reading_text_renders_and_keeps_every_speaker_label(sample) -> None:
    _, tree = sample
    reading = rendered(tree, "text", "reading")
    speakers = [_label_as_read(s) for s in tree.iter(f"{{{TEI}}}speaker")]
    assert [label for label in speakers if label not in reading] == []
    assert reading.count("\n") >= rendered(tree, "text", "diplomatic").count("\n")


@pytest.mark.parametrize("view", ["reading", "diplomatic"])
def test_no_word_is_lost_in_text_or_html(sample, view) -> None:
    transcript, tree = sample
    if view == "diplomatic":
        assert missing_words(transcript, rendered(tree, "text", view)) == Counter()
    # The HTML shows a label glued to its speech (sep-none) apart from it: there only, the
    # glued source word counts as its two parts.
    page = html_text_content(rendered(tree, "html", view))
    assert words_apart_at_glued_labels(transcript, tree) - words(page) == Counter()
