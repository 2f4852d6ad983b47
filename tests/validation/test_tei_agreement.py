"""Agreement with jing, the reference RELAX NG validator, file by file.

The project schema is a strict subset of TEI P5: every document it accepts must be valid
against tei_all.rng. Our conformance verdicts must equal jing's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from validation_support import EDITIONS, NUMBERED, expectation, jing_verdicts

from tei_edition.validation import validate_file

pytestmark = pytest.mark.jing

LEISEWITZ = "gerdracor__leisewitz-die-pfandung.xml"


@pytest.fixture(scope="session")
def jing_on_project_documents(tei_all: Path) -> dict[Path, list[str]]:
    return jing_verdicts(tei_all, NUMBERED + EDITIONS)


def test_documents_the_project_accepts_are_valid_tei(
        jing_on_project_documents: dict[Path, list[str]]) -> None:
    accepted = [p for p in NUMBERED + EDITIONS
                if not any(d.severity >= d.severity.ERROR
                           for d in validate_file(p, profile="project"))]
    assert accepted, "no document is accepted by the project profile"
    assert all(expectation(p)[0] != "invalid" for p in accepted if p in NUMBERED)
    rejected_by_jing = {str(p): jing_on_project_documents[p.resolve()] for p in accepted
                        if jing_on_project_documents[p.resolve()]}
    assert rejected_by_jing == {}


def test_conformance_verdicts_agree_with_jing(
        jing_on_project_documents: dict[Path, list[str]]) -> None:
    disagreements = {}
    for path in NUMBERED + EDITIONS:
        ours = [d for d in validate_file(path, profile="tei") if d.code == "tei.invalid"]
        jing_valid = not jing_on_project_documents[path.resolve()]
        if (not ours) != jing_valid:
            disagreements[path.name] = (jing_on_project_documents[path.resolve()][:2],
                                        [d.format_text() for d in ours[:2]])
    assert disagreements == {}


def test_jing_rejects_some_project_documents(
        jing_on_project_documents: dict[Path, list[str]]) -> None:
    # The agreement above would be empty if every document were valid TEI.
    assert any(jing_on_project_documents.values())


def test_someone_elses_valid_tei_is_clean_under_profile_tei(shared: Path) -> None:
    play = shared / "corpus" / LEISEWITZ
    assert LEISEWITZ not in (shared / "corpus" / "jing-verdicts.txt").read_text()
    assert validate_file(play, profile="tei") == []


def test_someone_elses_tei_breaks_house_rules_under_profile_project(shared: Path) -> None:
    found = validate_file(shared / "corpus" / LEISEWITZ, profile="project")
    assert any(d.code.startswith("schema.") for d in found)


@pytest.fixture(scope="session")
def converted_samples(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The shared sample transcripts as the converter encodes them (more shapes of TEI for
    the strict-subset check than hand-written documents alone)."""
    from click.testing import CliRunner

    from tei_edition.cli import cli

    out = tmp_path_factory.mktemp("converted")
    made = []
    for transcript in sorted((shared / "samples").glob("*.txt")):
        target = out / f"{transcript.stem}.xml"
        CliRunner().invoke(cli, ["convert", str(transcript), "-o", str(target)])
        if target.is_file():
            made.append(target)
    return made


def test_converted_samples_the_project_accepts_are_valid_tei(tei_all: Path,
                                                             converted_samples: list[Path]) -> None:
    accepted = [p for p in converted_samples
                if not any(d.severity >= d.severity.ERROR
                           for d in validate_file(p, profile="project"))]
    assert accepted, "the converter produced no document the project profile accepts"
    verdicts = jing_verdicts(tei_all, accepted)
    assert {str(p): errors for p, errors in verdicts.items() if errors} == {}
