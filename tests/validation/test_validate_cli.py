"""`tei-edition validate`: paths, profiles, output formats, --fail-on and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from validation_support import EDITIONS, NUMBERED, ROOT, SCHEMA_TESTS

from tei_edition.cli import cli

VALID = SCHEMA_TESTS / "valid"
WHO = SCHEMA_TESTS / "invalid" / "101-who-unresolved.xml"
BRACKET = SCHEMA_TESTS / "invalid" / "112-bracket-in-speech.xml"
LEISEWITZ = "gerdracor__leisewitz-die-pfandung.xml"


def test_the_editions_folder_validates_clean(runner) -> None:
    assert EDITIONS, "the seed edition is missing from editions/"
    result = runner.invoke(cli, ["validate", str(ROOT / "editions")])
    assert result.exit_code == 0, result.stderr
    assert " error [" not in result.stderr and " fatal [" not in result.stderr
    assert f"validated {len(EDITIONS)} file" in result.stdout


def test_a_folder_is_searched_recursively(runner) -> None:
    result = runner.invoke(cli, ["validate", "--profile", "project", str(SCHEMA_TESTS)])
    assert result.exit_code == 1
    assert f"validated {len(NUMBERED)} files" in result.stdout


def test_a_glob_pattern_is_expanded(runner) -> None:
    result = runner.invoke(cli, ["validate", "--profile", "project", str(VALID / "00*.xml")])
    assert result.exit_code == 0, result.stderr
    assert f"validated {len(list(VALID.glob('00*.xml')))} files" in result.stdout


def test_text_diagnostic_line_has_path_line_code_and_hint(runner) -> None:
    result = runner.invoke(cli, ["validate", str(WHO)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f'{WHO}:70:15: error [rules.who-unresolved] @who="#brown" on sp points to no xml:id in '
        "this document (hint: declare the speaker as a person with that xml:id in particDesc, "
        "or correct the pointer)"]


def test_json_output_is_one_array_with_all_fields(runner) -> None:
    result = runner.invoke(cli, ["validate", "--format", "json", str(WHO), str(BRACKET)])
    reported = json.loads(result.stderr)
    assert [d["code"] for d in reported] == ["rules.who-unresolved", "rules.bracket-in-speech"]
    for entry in reported:
        assert set(entry) >= {"path", "line", "column", "severity", "code", "message", "hint"}
        assert isinstance(entry["line"], int) and entry["line"] > 0
    assert result.stdout == ""


def test_json_output_of_a_clean_run_is_an_empty_array(runner) -> None:
    result = runner.invoke(cli, ["validate", "--format", "json", str(VALID)])
    assert result.exit_code == 0
    assert json.loads(result.stderr) == []


def test_github_format_annotates_the_file(runner) -> None:
    result = runner.invoke(cli, ["validate", "--format", "github", str(WHO)])
    assert result.stderr.startswith(
        f"::error file={WHO},line=70,col=15,title=rules.who-unresolved::")


def test_warnings_pass_by_default_and_fail_with_fail_on_warning(runner) -> None:
    assert runner.invoke(cli, ["validate", str(BRACKET)]).exit_code == 0
    assert runner.invoke(cli, ["validate", "--fail-on", "warning", str(BRACKET)]).exit_code == 1


def test_someone_elses_valid_tei_is_clean_with_profile_tei(runner, shared: Path) -> None:
    play = shared / "corpus" / LEISEWITZ
    result = runner.invoke(cli, ["validate", "--profile", "tei", str(play)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_an_invalid_corpus_file_is_invalid_with_profile_tei(runner, shared: Path) -> None:
    novel = shared / "corpus" / "eltec__ENG18410_Sinclair.xml"
    result = runner.invoke(cli, ["validate", "--profile", "tei", str(novel)])
    assert result.exit_code == 1
    assert "[tei.invalid]" in result.stderr


def test_without_tei_all_the_default_is_project_with_an_info(runner, monkeypatch) -> None:
    monkeypatch.delenv("TEI_EDITION_TEI_ALL")
    result = runner.invoke(cli, ["validate", str(VALID / "002-minimal-record.xml")])
    assert result.exit_code == 0
    assert "info [validate.conformance-skipped]" in result.stderr
    assert "tei-edition schema fetch" in result.stderr


@pytest.mark.parametrize("profile", ["tei", "all"])
def test_asking_for_conformance_without_tei_all_cannot_run(runner, monkeypatch,
                                                           profile: str) -> None:
    monkeypatch.delenv("TEI_EDITION_TEI_ALL")
    result = runner.invoke(cli, ["validate", "--profile", profile, str(VALID)])
    assert result.exit_code == 3
    assert "fatal [validate.tei-all-missing]" in result.stderr


def test_a_missing_tei_all_file_cannot_run(runner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["validate", "--tei-all", str(tmp_path / "none.rng"), str(VALID)])
    assert result.exit_code == 3
    assert "[validate.tei-all-missing]" in result.stderr


def test_a_path_that_matches_nothing_cannot_run(runner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["validate", str(tmp_path / "absent.xml")])
    assert result.exit_code == 3
    assert "fatal [io.not-found]" in result.stderr


def test_a_malformed_file_gives_an_xml_code_and_no_traceback(runner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader></TEI>")
    result = runner.invoke(cli, ["validate", str(broken)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{broken}:1:")
    assert "[xml." in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_no_path_is_a_usage_error(runner) -> None:
    assert runner.invoke(cli, ["validate"]).exit_code == 2


def test_parallel_jobs_give_the_same_diagnostics(runner) -> None:
    serial = runner.invoke(cli, ["validate", "--profile", "project", str(SCHEMA_TESTS)])
    parallel = runner.invoke(cli, ["validate", "--profile", "project", "-j", "2",
                                   str(SCHEMA_TESTS)])
    assert parallel.stderr == serial.stderr
    assert parallel.exit_code == serial.exit_code == 1


def test_the_command_module_does_not_import_lxml() -> None:
    code = ("import sys, tei_edition.cli.validate_cmd, tei_edition.cli.schema_cmd; "
            "print('lxml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


def test_a_folder_without_xml_files_is_a_warning(runner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["validate", str(tmp_path)])
    assert result.exit_code == 0
    assert "warning [validate.no-files]" in result.stderr


def test_an_unexpected_failure_is_one_fatal_line_for_that_file(runner, monkeypatch) -> None:
    import tei_edition.validation as validation

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(validation, "validate_file", explode)
    result = runner.invoke(cli, ["validate", str(WHO)])
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"{WHO}:0:0: fatal [validate.internal-error] validation stopped: RuntimeError: boom "
        "(hint: please report this with the file)"]
