"""Property tests: for generated transcripts the converter never raises, always gives
well-formed (and, for a bounded number of examples, tei_all-valid) TEI, loses no word, and
gives the same bytes twice."""

from __future__ import annotations

from convert_support import (
    body_words,
    diplomatic_text,
    normalised_transcript,
    unresolved_pointers,
    words,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tei_edition.convert import convert_text
from tei_edition.xmlio import parse_xml_bytes, serialize

NAMES = ["Cde. Mikoyan", "Cde. Choe Yong-geon", "RAPACKI", "Mr. BURNS", "Senator GREEN",
         "The CHAIRMAN", "Q", "A", "Comrade Ionescu", "Dr. Schilf", "GROMYKO"]
SEPARATORS = [" - ", ": ", " — "]
WORDS = st.sampled_from(["the", "plenum", "was", "Party", "we", "report", "1956", "agreed",
                         "Kim", "it", "not", "comrades", "Peking", "USSR", "said", "that",
                         "naïve", "Ügyes", "déjà", "x2"])
BRACKETS = st.sampled_from(["[it]", "[?]", "[inserted: a proposal]", "[Inserted: he]",
                            "[illegible]", "[laughs]", "[Pause.]", "[Deleted.]",
                            "[Translator's note: literally so]", "[Page 4]"])


@st.composite
def sentences(draw) -> str:
    parts = draw(st.lists(st.one_of(WORDS, WORDS, WORDS, BRACKETS), min_size=1, max_size=12))
    text = " ".join(parts)
    return text[:1].upper() + text[1:] + draw(st.sampled_from([".", "?", "!", ""]))


@st.composite
def transcripts(draw) -> str:
    separator = draw(st.sampled_from(SEPARATORS))
    speakers = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True))
    blank = draw(st.sampled_from(["\n", "\u00a0\n", "  \n"]))
    blocks = []
    if draw(st.booleans()):
        blocks.append(draw(st.sampled_from(["Top Secret", "CONFIDENTIAL"])))
    if draw(st.booleans()):
        blocks.append("Record of a conversation, 16 September 1956")
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["turn", "turn", "turn", "continuation", "narrative"]))
        body = " ".join(draw(st.lists(sentences(), min_size=1, max_size=3)))
        if kind == "turn":
            blocks.append(draw(st.sampled_from(speakers)) + separator + body)
        else:
            blocks.append(body)
    return blank.join(block + "\n" for block in blocks)


TITLED_NAMES = ["Ambassador Thompson", "Foreign Minister Gromyko", "Mr. Sukhodrev",
                "Comrade Ionescu", "Senator Green"]


@st.composite
def script_transcripts(draw) -> tuple[str, int, bool]:
    """Title-case script layout ("Ambassador Thompson" alone on its line, speech below) with
    narrative paragraphs between turns; also the number of turns and whether the evidence
    the converter needs is there (docs/conventions.md: a titled label recurring, three such
    turns in all)."""
    speakers = draw(st.lists(st.sampled_from(TITLED_NAMES), min_size=1, max_size=3, unique=True))
    blocks, labels = [], []
    for _ in range(draw(st.integers(1, 8))):
        speech = [draw(sentences()).rstrip(".?!") + "." for _ in range(draw(st.integers(1, 2)))]
        if draw(st.integers(0, 3)):
            label = draw(st.sampled_from(speakers))
            labels.append(label)
            blocks.append("\n".join([label, *speech]))
        else:
            blocks.append(" ".join(speech))
    counts = {label: labels.count(label) for label in labels}
    evidence = sum(c for c in counts.values() if c >= 2) >= 3
    return "\n\n".join(blocks) + "\n", len(labels), evidence


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script_transcripts())
def test_title_case_script_layout_loses_no_word_and_round_trips(case):
    text, _, _ = case
    result = convert_text(text)
    assert result.tree is not None, [d.format_text() for d in result.diagnostics]
    root = result.tree.getroot()
    assert body_words(root) == words(text)
    assert unresolved_pointers(root) == []
    assert diplomatic_text(root) == normalised_transcript(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script_transcripts())
def test_title_case_labels_become_turns_exactly_when_the_evidence_is_there(case):
    text, turns, evidence = case
    root = convert_text(text).tree.getroot()
    found = root.findall(".//{http://www.tei-c.org/ns/1.0}sp")
    assert len(found) == (turns if evidence else 0)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(script_transcripts())
def test_title_case_script_layout_is_valid_tei(conforms, case):
    assert conforms(convert_text(case[0]).tree, "<generated>") == []


ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_any_text_never_raises_and_output_is_well_formed(text):
    result = convert_text(text)
    if result.tree is not None:
        assert parse_xml_bytes(serialize(result.tree)).ok
        assert unresolved_pointers(result.tree.getroot()) == []
    else:
        assert any(d.severity >= 30 for d in result.diagnostics)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcripts())
def test_generated_transcript_loses_no_word(text):
    result = convert_text(text)
    assert result.tree is not None, [d.format_text() for d in result.diagnostics]
    assert body_words(result.tree.getroot()) == words(text)
    assert unresolved_pointers(result.tree.getroot()) == []


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcripts())
def test_generated_transcript_diplomatic_text_round_trips(text):
    result = convert_text(text)
    assert diplomatic_text(result.tree.getroot()) == normalised_transcript(text)


@settings(max_examples=50, deadline=None)
@given(transcripts())
def test_conversion_is_deterministic(text):
    assert serialize(convert_text(text).tree) == serialize(convert_text(text).tree)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(transcripts())
def test_generated_transcript_is_valid_tei(conforms, text):
    result = convert_text(text)
    assert conforms(result.tree, "<generated>") == []


PIECES = st.sampled_from(
    list("abc ABC:-–—.[]()?!\n\n\u00a0\t1/*\"'") + [
        "Cde. ", "Q: ", "A: ", "Mr. X. ", "[1]", "/1/", "Present: ", "Recorded by A. B",
        "[inserted: ", "[Page 3]", "First, ", "KHRUSHCHEV\n", "\n1. note", "\n[1] note",
        "\n/1/ note", "Notes\n", "Top Secret\n", "16 September 1956", "Date: ", "Drafted by: ",
        "* * *\n", "(laughs)", "[sic]", "JFK?: ", "Speaker 1: ", "[00:00:01] ", " and ",
        "Voices: ", "Head of Department\nN. Petrov", "\nAmbassador Thompson\n"])


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(PIECES, max_size=80).map("".join))
def test_fragment_soup_never_raises_and_round_trips(text):
    """Fragments of every convention, shuffled: never an exception; with a tree, every word
    kept and the diplomatic text equal to the transcript (both sides normalised, since a
    line that is not a turn keeps its spaces after a colon)."""
    result = convert_text(text)
    if result.tree is None:
        assert any(d.severity >= 30 for d in result.diagnostics)
        return
    root = result.tree.getroot()
    assert parse_xml_bytes(serialize(result.tree)).ok
    assert unresolved_pointers(root) == []
    assert body_words(root) == words(text)
    assert normalised_transcript(diplomatic_text(root)) == normalised_transcript(text)
