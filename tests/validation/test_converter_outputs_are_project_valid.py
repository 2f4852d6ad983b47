"""Every TEI the converter writes passes the project's own profile (XSD, rules, checks).

The XSD is a strict subset of TEI P5 fitted to what the converter emits; this test keeps the
two in step: a new construct in the converter that the schema does not know fails here
(e.g. a notes section's back/divGen). Warnings (no abstract, no classification) are allowed:
they are house-style advice, and many transcripts state neither.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tei_edition.convert import convert_file
from tei_edition.diagnostics import Severity
from tei_edition.validation import validate_tree
from tei_edition.xmlio import parse_xml_bytes, serialize

TESTS = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TEI_EDITION_SHARED", TESTS.parent.parent / "shared"))
SEED = SHARED / "seed" / "000_4ab801c5d78d1cdd.txt"
SAMPLES = SHARED / "samples"
CONVERT_TESTS = TESTS / "convert"
TRANSCRIPTS = [SEED, *sorted(SAMPLES.glob("*.txt")),
               *sorted((CONVERT_TESTS / "corpus").glob("*.txt")),
               *sorted((CONVERT_TESTS / "realistic").glob("*.txt"))]


@pytest.mark.parametrize("transcript", TRANSCRIPTS, ids=lambda path: path.name)
def test_converted_transcript_passes_the_project_profile(transcript: Path) -> None:
    result = convert_file(transcript)
    assert result.tree is not None, [d.format_text() for d in result.diagnostics]
    # Validate the serialised bytes, as `validate` would see the written file.
    label = f"{transcript.name}.xml"
    parsed = parse_xml_bytes(serialize(result.tree), label)
    assert parsed.tree is not None
    errors = [d.format_text() for d in validate_tree(parsed.tree, label, profile="project")
              if d.severity >= Severity.ERROR]
    assert errors == []
