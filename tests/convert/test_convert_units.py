"""Stage by stage: decoding, lines, brackets, labels, dates, participants, metadata."""

from __future__ import annotations

import pytest

from tei_edition.convert.apparatus import read_bracket
from tei_edition.convert.dates import find_date
from tei_edition.convert.decode import decode_transcript
from tei_edition.convert.evidence import choose_style
from tei_edition.convert.labels import label_key, match_line
from tei_edition.convert.lexer import scan_brackets, split_lines
from tei_edition.convert.metadata import read_metadata
from tei_edition.convert.model import (
    Addition,
    BracketNote,
    FootnoteMark,
    NoteLabel,
    Omission,
    PageBreak,
    Stage,
    Supplied,
    Text,
)
from tei_edition.convert.names import slugify
from tei_edition.convert.participants import read_participants

# ---- decode ------------------------------------------------------------------------------


def test_bom_and_crlf_are_dropped_and_declared():
    decoded, problems = decode_transcript(b"\xef\xbb\xbfQ: a\r\nA: b\r\n", "t")
    assert problems == [] and decoded.text == "Q: a\nA: b\n"
    assert decoded.normalisations == ("bom", "crlf")


def test_tabs_become_spaces():
    decoded, _ = decode_transcript(b"Q:\tWhere?\n", "t")
    assert decoded.text == "Q: Where?\n" and "tabs" in decoded.normalisations


def test_control_character_is_refused_with_position():
    decoded, problems = decode_transcript(b"ok\nab\x0c\n", "t")
    assert decoded is None
    assert [(p.code, p.line, p.column) for p in problems] == [("transcript.illegal-char", 2, 3)]


def test_unknown_encoding_cannot_run():
    _, problems = decode_transcript(b"x", "t", "no-such-codec")
    assert problems[0].code == "transcript.unknown-encoding"


# ---- lines and brackets --------------------------------------------------------------------


def test_nbsp_lines_separate_blocks():
    lines, applied = split_lines("a\n\u00a0\nb\nc  \n")
    assert [(line.text, line.tight) for line in lines] == [("a", False), ("b", False), ("c", True)]
    assert applied == ["nbsp-lines", "trailing-space"]


def test_bracket_may_run_over_a_line_end():
    segments, problems = scan_brackets([("a [b", 1, 1), ("c] d", 2, 1)], "t")
    assert problems == [] and [type(s).__name__ for s in segments] == [
        "TextSegment", "BracketSegment", "TextSegment"]


@pytest.mark.parametrize("pieces, code, position", [
    ([("a [b", 1, 1)], "transcript.unclosed-bracket", (1, 3)),
    ([("a b]", 1, 1)], "transcript.unbalanced-bracket", (1, 4)),
    ([("[a [b]]", 3, 5)], "transcript.nested-bracket", (3, 8)),
])
def test_bracket_errors_are_positioned(pieces, code, position):
    _, problems = scan_brackets(pieces, "t")
    assert (problems[0].code, (problems[0].line, problems[0].column)) == (code, position)


# ---- bracket kinds -------------------------------------------------------------------------


@pytest.mark.parametrize("content, node", [
    ("it", Supplied("it", "omitted-in-original")),
    ("?", Supplied("?", "query")),
    ("inserted: a proposal was made", Addition("a proposal was made", "inserted")),
    ("Inserted: With respect to", Addition("With respect to", "Inserted")),
    ("illegible", Omission("illegible", "illegible")),
    ("words unintelligible", Omission("words unintelligible", "unintelligible")),
    ("inaudible", Omission("inaudible", "inaudible")),
    ("Deleted.", Omission("Deleted.", "withheld")),
    ("laughs", Stage("[laughs]")),
    ("Pause.", Stage("[Pause.]")),
    ("Page 12", PageBreak("12", "Page")),
    ("3", FootnoteMark("3", "mark-square")),
    ("Translator's note: literally", BracketNote("translation", (
        NoteLabel("Translator's note:"), Text(" literally")))),
    ("the Soviet side —trans.", BracketNote("translation", (
        Text("the Soviet side"), NoteLabel(" —trans.")))),
    ("2 lines illegible", Omission("2 lines illegible", "illegible")),
    ("unclear", Omission("unclear", "unclear")),
    ("...", Omission("...", "omitted")),
    ("emphasis in original", BracketNote("editorial", (Text("emphasis in original"),))),
    ("Editor's note: see above", BracketNote("editorial", (
        NoteLabel("Editor's note:"), Text(" see above")))),
])
def test_bracket_kinds(content, node):
    assert read_bracket(content).node == node


def test_unknown_bracket_stays_text():
    reading = read_bracket("Here the speaker turns to the map; see the attached sketch.")
    assert not reading.known
    assert reading.node == Text("[Here the speaker turns to the map; see the attached sketch.]")


# ---- labels --------------------------------------------------------------------------------


@pytest.mark.parametrize("line, style, label, separator", [
    ("Cde. Mikoyan - How does it feel?", "dash", "Cde. Mikoyan", "sep-hyphen"),
    ("GROMYKO — We agree.", "dash", "GROMYKO", "sep-em-dash"),
    ("THE PRESIDENT: Thank you.", "colon", "THE PRESIDENT", "sep-colon"),
    ("Mr. BURNS. I agree.", "period", "Mr. BURNS", "sep-period"),
    ("Q. Where?", "period", "Q", "sep-period"),
    ("DR. SCHILF (For the Defendant): Objection.", "colon", "DR. SCHILF (For the Defendant)",
     "sep-colon"),
    ("JFK?: Who is that?", "colon", "JFK?", "sep-colon"),
])
def test_label_shapes(line, style, label, separator):
    found = match_line(line, style)
    assert (found.label, found.separator) == (label, separator)


@pytest.mark.parametrize("line", [
    "The conflict arose for the following three reasons:",
    "He said: we do not want to listen.",
    "1. Governors' Conference Delegation: Dobrynin informed us of the plan.",
    "Date: 14 October 1964",
])
def test_narrative_lines_have_no_label(line):
    assert match_line(line, "colon") is None


def test_label_keys_ignore_honorifics_and_repetition():
    assert label_key("Cde. Cde. Rim Hae") == label_key("Rim Hae") == "rim hae"
    assert label_key("The CHAIRMAN") == label_key("Comrade Chairman") == "chairman"
    assert label_key("Question") == "q"


def test_one_colon_line_in_prose_is_not_a_dialogue():
    lines = ["He came in.", "Mikoyan: welcomed the guests warmly.", "Then he left."]
    assert choose_style(lines).styles == ()


# ---- dates, participants, ids -------------------------------------------------------------


@pytest.mark.parametrize("text, when", [
    ("talks, 16 September 1956", "1956-09-16"),
    ("Tuesday, March 2, 1954", "1954-03-02"),
    ("on 1956-09-16", "1956-09-16"),
    ("16.09.1956", "1956-09-16"),
    ("05.06.1956", None),
])
def test_dates(text, when):
    assert find_date(text).when == when


def test_participants_with_groups_and_roles():
    persons, groups = read_participants([(
        "Those taking part: Soviet side: N. S. Khrushchev (Chairman), A. A. Gromyko. "
        "American side: J. F. Kennedy, D. Rusk (Secretary of State)", 3)])
    assert groups == ["Soviet side", "American side"]
    assert [(p.name, p.description, p.group) for p in persons] == [
        ("N. S. Khrushchev", "Chairman", 0), ("A. A. Gromyko", "", 0),
        ("J. F. Kennedy", "", 1), ("D. Rusk", "Secretary of State", 1)]


def test_slugs_are_ncnames():
    assert slugify("Choe Yong-geon") == "choe-yong-geon"
    assert slugify("Ri [Ju-yeon]") == "ri-ju-yeon"
    assert slugify("8th") == "p-8th"
    assert slugify("Žukov") == "zukov"
    assert slugify("毛泽东") == "毛泽东"  # NCName: letters of any script


# ---- metadata ------------------------------------------------------------------------------


def test_metadata_reads_every_section():
    meta, problems = read_metadata('''
id = "x"
summary = "after-closer"
[source]
archive = "An Archive"
interventions_by = { name = "A. Translator", role = "translator" }
[[persons]]
name = "Rim Hae"
aliases = ["RIM"]
[[corrections]]
sic = "USSSR"
corr = "USSR"
line = 3
[[revisions]]
when = 2026-11-27
change = "created"
''')
    assert problems == []
    assert meta.archive == "An Archive" and meta.interventions_by.name == "A. Translator"
    assert meta.persons[0].aliases == ("RIM",) and meta.corrections[0].line == 3
    assert meta.revisions[0].when == "2026-11-27"


def test_metadata_unknown_key_warns_with_line():
    meta, problems = read_metadata('title = "t"\n\n[source]\nshelf = "x"\n', "m.toml")
    assert meta is not None
    assert [(p.code, p.line, p.message) for p in problems] == [
        ("metadata.unknown-key", 4, "unknown key source.shelf is ignored")]


@pytest.mark.parametrize("policy", ["generated", "check-only", "hand-maintained"])
def test_metadata_tei_policy_is_a_known_key(policy):
    meta, problems = read_metadata(f'title = "t"\ntei = "{policy}"\n', "m.toml")
    assert problems == [] and meta.tei_policy == policy


def test_metadata_tei_policy_defaults_to_generated():
    meta, _ = read_metadata('title = "t"\n', "m.toml")
    assert meta.tei_policy == "generated"


def test_metadata_unknown_tei_policy_is_an_invalid_value():
    meta, problems = read_metadata('title = "t"\ntei = "manual"\n', "m.toml")
    assert meta is None
    assert [(p.code, p.line) for p in problems] == [("metadata.invalid-value", 2)]


def test_metadata_syntax_error_is_positioned():
    meta, problems = read_metadata('title = \n', "m.toml")
    assert meta is None and problems[0].code == "metadata.unreadable" and problems[0].line == 1


@pytest.mark.parametrize("label", ["Soviet Position", "Next Steps", "Purpose", "Comment",
                                   "CROSS-EXAMINATION BY THE CHAIRMAN"])
def test_topic_headings_are_not_speaker_labels(label):
    from tei_edition.convert.labels import has_label_shape

    assert not has_label_shape(label)


@pytest.mark.parametrize("label", ["Secretary of State", "The Secretary", "Voice from the hall",
                                   "Speaker 2", "Comrade Sidorova and Comrade Lebedev"])
def test_speaker_labels_of_many_shapes(label):
    from tei_edition.convert.labels import has_label_shape

    assert has_label_shape(label)


def test_metadata_ids_must_be_identifiers():
    meta, problems = read_metadata('[[editors]]\nid = "two words"\nname = "X"\n', "m.toml")
    assert meta is None
    assert [(p.code, p.line) for p in problems] == [("metadata.invalid-value", 2)]


def test_utf16_file_gets_a_utf16_hint():
    _, problems = decode_transcript("Q: Hi\n".encode("utf-16"), "t")
    assert problems[0].code == "transcript.undecodable"
    assert "--encoding utf-16" in problems[0].hint
