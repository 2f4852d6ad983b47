"""Properties of the stages behind the parser, fed hostile input: the transcript converter on
arbitrary bytes (control characters, broken UTF-8, brackets, labels), and the validator and
renderers on mutated TEI. None may raise; whatever they produce must be readable by the
toolkit's own hardened parser, and a converted transcript must stay TEI P5 conformant.

The converter's and validator's own property tests (tests/convert, tests/validation) cover
well-behaved input; these cover input written to break things.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from tei_mutations import SHARED, mutated, seed_bytes

from tei_edition.convert import convert_bytes
from tei_edition.diagnostics import Diagnostic, Severity
from tei_edition.render import render_tree
from tei_edition.validation import validate_tree
from tei_edition.xmlio import parse_xml_bytes, serialize

TEI_ALL = Path(os.environ.get("TEI_EDITION_TEI_ALL") or SHARED / "tei" / "tei_all.rng")
SEEDS = seed_bytes()

# Transcript pieces that exercise every rule of the converter, plus bytes XML cannot carry.
PIECES = (
    "Cde. Mikoyan - ", "Cde. Choe Yong-geon - ", "MIKOYAN: ", "Q. ", "A. ", "The CHAIRMAN. ",
    "Present: Cdes. Mikoyan, Ponomarev.", "Top Secret", "[it]", "[?]", "[illegible]",
    "[inserted: a proposal]", "[Page 12]", "[1]", "(clarifies)", "First, ", "Second, ",
    "Recorded by V. Kovyzhenko", "16 September 1956", "\n", "\n\n", "\u00a0\n", "\r\n", "\t",
    "word ", "Kim Il Sung ", "[", "]", "(", ")", "&", "<", ">", "\"", "'", "--", "\u202e",
    "\ufeff", "é", "\u3042",
)
HOSTILE_BYTES = (b"\x00", b"\x07", b"\x1b", b"\xff", b"\xc3", b"\xef\xbf\xbe", b"\xed\xa0\x80")
WORD = re.compile(r"[^\W\d_]{2,}")


@st.composite
def hostile_transcripts(draw: st.DrawFn, carriable: bool = False) -> bytes:
    """Transcripts from converter-rule pieces and random text; unless ``carriable``, also
    bytes that are not UTF-8 or not XML characters (those must be refused, not crash)."""
    text = st.text(st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn")), max_size=12)
    choices = [st.sampled_from(PIECES).map(str.encode), text.map(str.encode)]
    if not carriable:
        choices += [st.sampled_from(HOSTILE_BYTES), st.text(max_size=12).map(str.encode)]
    return b"".join(draw(st.lists(st.one_of(*choices), max_size=40)))


def errors_only_when_refused(tree: object, diagnostics: list[Diagnostic]) -> None:
    if tree is None:
        assert any(d.severity >= Severity.ERROR for d in diagnostics), diagnostics
    for diagnostic in diagnostics:
        assert "\n" not in diagnostic.format_text()


@given(hostile_transcripts())
def test_the_converter_never_raises_and_its_tei_is_readable(data: bytes) -> None:
    result = convert_bytes(data, source_path="fuzz.txt")
    errors_only_when_refused(result.tree, result.diagnostics)
    if result.tree is not None:
        reread = parse_xml_bytes(serialize(result.tree), "fuzz.xml")
        assert reread.ok, reread.diagnostics


@given(hostile_transcripts(carriable=True))
def test_every_word_of_a_converted_transcript_reaches_the_tei(data: bytes) -> None:
    result = convert_bytes(data, source_path="fuzz.txt")
    if result.tree is None:
        return
    text = data.decode("utf-8")  # it converted, so it decoded
    encoded = " ".join(result.tree.getroot().itertext())
    for word in WORD.findall(text):
        assert word in encoded, word


@settings(max_examples=15)
@given(hostile_transcripts(carriable=True))
def test_a_converted_hostile_transcript_is_tei_conformant(data: bytes) -> None:
    from tei_edition.conformance import check_conformance

    assert TEI_ALL.is_file(), f"tei_all.rng not found at {TEI_ALL}"
    result = convert_bytes(data, source_path="fuzz.txt")
    if result.tree is None:
        return
    problems = check_conformance(result.tree, "fuzz.xml", TEI_ALL)
    assert [d for d in problems if d.severity >= Severity.ERROR] == [], problems


@settings(max_examples=50)
@given(mutated(SEEDS))
def test_validation_of_mutated_tei_never_raises(data: bytes) -> None:
    parsed = parse_xml_bytes(data, "fuzz.xml")
    if parsed.tree is None:
        return
    for diagnostic in validate_tree(parsed.tree, "fuzz.xml", profile="project"):
        assert "\n" not in diagnostic.format_text()


@settings(max_examples=50)
@given(mutated(SEEDS), st.sampled_from([("html", "reading"), ("text", "diplomatic")]))
def test_rendering_of_mutated_tei_never_raises(data: bytes, output: tuple[str, str]) -> None:
    parsed = parse_xml_bytes(data, "fuzz.xml")
    if parsed.tree is None:
        return
    rendered, diagnostics = render_tree(parsed.tree, to=output[0], view=output[1])
    errors_only_when_refused(rendered, diagnostics)
