"""The fast conformance check gives jing's verdict on every file of the shared corpus."""

from __future__ import annotations

import pytest
from conformance_support import TEI_ALL, corpus_files, jing_listed_invalid

from tei_edition.diagnostics import Severity

FILES = corpus_files()


@pytest.fixture(scope="module")
def diagnostics_by_file() -> dict[str, list]:
    from tei_edition.conformance import check_conformance_files

    found: dict[str, list] = {path.name: [] for path in FILES}
    for diagnostic in check_conformance_files(FILES, TEI_ALL, jobs=2):
        found.setdefault(diagnostic.path.rsplit("/", 1)[-1], []).append(diagnostic)
    return found


def test_the_corpus_has_its_sixty_files_and_nine_jing_rejections():
    assert len(FILES) == 60
    assert len(jing_listed_invalid()) == 9


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_verdict_equals_jings(path, diagnostics_by_file):
    found = diagnostics_by_file[path.name]
    assert all(d.code == "tei.invalid" for d in found), [d.format_text() for d in found]
    assert bool(found) == (path.name in jing_listed_invalid())


def test_rejections_are_positioned_errors(diagnostics_by_file):
    for name in jing_listed_invalid():
        for diagnostic in diagnostics_by_file[name]:
            assert diagnostic.severity is Severity.ERROR
            assert diagnostic.line >= 1 and diagnostic.column >= 1


def test_missing_channel_is_reported_as_jing_does(diagnostics_by_file):
    messages = [d.message for d in diagnostics_by_file["eltec__ENG18931_Harraden.xml"]]
    assert "expected element <channel> here, found <authorGender>" in messages
    assert [d.line for d in diagnostics_by_file["eltec__ENG18931_Harraden.xml"]] == [45, 46]


def test_error_deep_inside_text_is_reported_where_jing_reports_it(diagnostics_by_file):
    found = diagnostics_by_file["gerdracor__andre-cremeri-die-leiden-des-jungen-werthers.xml"]
    assert [(d.line, d.message) for d in found][:1] == [
        (692, "element <stage> is not allowed here by TEI P5")]
