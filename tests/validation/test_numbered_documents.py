"""The numbered documents in schema/tests state their expected result in a first comment;
the project profile (XSD + rules + checks) must give exactly that result."""

from __future__ import annotations

from pathlib import Path

import pytest
from validation_support import NUMBERED, expectation

from tei_edition.diagnostics import Severity
from tei_edition.validation import validate_file


def test_there_are_valid_and_invalid_documents() -> None:
    verdicts = {expectation(path)[0] for path in NUMBERED}
    assert verdicts == {"valid", "warning", "invalid"}
    assert len(NUMBERED) >= 25


@pytest.mark.parametrize("document", NUMBERED, ids=lambda p: p.name)
def test_document_gives_its_stated_result(document: Path) -> None:
    verdict, codes = expectation(document)
    found = validate_file(document, profile="project")
    assert {d.code for d in found} == codes, [d.format_text() for d in found]
    worst = max((d.severity for d in found), default=None)
    expected_worst = {"valid": None, "warning": Severity.WARNING, "invalid": Severity.ERROR}
    assert worst == expected_worst[verdict]


@pytest.mark.parametrize("document", [p for p in NUMBERED if expectation(p)[0] != "valid"],
                         ids=lambda p: p.name)
def test_each_invalid_document_has_one_positioned_diagnostic(document: Path) -> None:
    found = validate_file(document, profile="project")
    assert len(found) == 1
    assert found[0].line > 0


@pytest.mark.parametrize("document", NUMBERED, ids=lambda p: p.name)
def test_folder_matches_verdict(document: Path) -> None:
    verdict, _ = expectation(document)
    assert document.parent.name == ("valid" if verdict == "valid" else "invalid")
