"""`tei-edition convert` through click's CliRunner: exact lines and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EDITION_TXT, EDITION_XML, SEED
from tei_edition.cli import cli


@pytest.fixture()
def seed_copy(tmp_path: Path) -> Path:
    target = tmp_path / "seed.txt"
    target.write_bytes(SEED.read_bytes())
    return target


def test_convert_to_stdout_writes_the_tei(runner, seed_copy):
    result = runner.invoke(cli, ["convert", str(seed_copy)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI ')
    assert result.stderr == ""


def test_convert_to_file_writes_it_and_prints_nothing(runner, seed_copy, tmp_path):
    out = tmp_path / "seed.xml"
    result = runner.invoke(cli, ["convert", str(seed_copy), "-o", str(out)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert out.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>')


def test_existing_output_is_refused_and_untouched(runner, seed_copy, tmp_path):
    out = tmp_path / "seed.xml"
    out.write_text("keep me")
    result = runner.invoke(cli, ["convert", str(seed_copy), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{out}:0:0: error [output.exists] output file exists; nothing was written "
        "(hint: pass --force to overwrite it)"]
    assert out.read_text() == "keep me"


def test_force_overwrites(runner, seed_copy, tmp_path):
    out = tmp_path / "seed.xml"
    out.write_text("old")
    result = runner.invoke(cli, ["convert", str(seed_copy), "-o", str(out), "--force"])
    assert result.exit_code == 0
    assert out.read_bytes().startswith(b"<?xml")


def test_check_passes_on_the_committed_edition(runner):
    result = runner.invoke(cli, ["convert", str(EDITION_TXT), "-o", str(EDITION_XML), "--check"])
    assert (result.exit_code, result.stderr) == (0, "")


def test_check_reports_a_stale_output_and_writes_nothing(runner, seed_copy, tmp_path):
    out = tmp_path / "seed.xml"
    out.write_text("stale")
    result = runner.invoke(cli, ["convert", str(seed_copy), "-o", str(out), "--check"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{out}:0:0: error [output.stale] output differs from a fresh conversion of the "
        f"transcript (hint: run: tei-edition convert {seed_copy} -o {out} --force)"]
    assert out.read_text() == "stale"


def test_check_without_output_is_a_usage_error(runner, seed_copy):
    result = runner.invoke(cli, ["convert", str(seed_copy), "--check"])
    assert result.exit_code == 2


def test_invalid_utf8_is_positioned_and_nothing_is_written(runner, tmp_path):
    source = tmp_path / "bad.txt"
    source.write_bytes("Q: Where?\nA: Caf\xe9 ok\n".encode("latin-1"))
    out = tmp_path / "bad.xml"
    result = runner.invoke(cli, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{source}:2:7: error [transcript.undecodable] bytes E9 are not valid UTF-8 (hint: if "
        "the file is in another encoding, name it with --encoding (e.g. --encoding cp1252 or "
        "--encoding latin-1))"]
    assert not out.exists()


def test_encoding_option_decodes_other_encodings(runner, tmp_path):
    source = tmp_path / "latin.txt"
    source.write_bytes("Q: Where?\nA: Caf\xe9 ok\n".encode("latin-1"))
    result = runner.invoke(cli, ["convert", str(source), "--encoding", "latin-1"])
    assert result.exit_code == 0, result.stderr
    assert "Café ok" in result.stdout


def test_input_error_is_positioned_and_nothing_is_written(runner, tmp_path):
    source = tmp_path / "control.txt"
    source.write_text("Q: Where were you?\n\nA: At the \x01border post.\n")
    out = tmp_path / "control.xml"
    result = runner.invoke(cli, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{source}:3:11: error [transcript.illegal-char] character U+0001 cannot be carried "
        "by XML 1.0 (hint: remove the control character from the transcript)"]
    assert not out.exists()


def test_unclosed_bracket_is_a_positioned_warning_and_the_text_is_written(runner, tmp_path):
    source = tmp_path / "open.txt"
    source.write_text("Q: Where were you?\n\nA: At the [border post.\n")
    out = tmp_path / "open.xml"
    result = runner.invoke(cli, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{source}:3:11: warning [transcript.unclosed-bracket] '[' is not closed before the "
        "end of the paragraph; kept as text (hint: add the missing ']' (a bracket closes "
        "within its paragraph; a passage over several paragraphs opens each of them with '[' "
        "and closes in the last))"]
    assert "At the [border post." in out.read_text()


def test_existing_output_survives_a_failed_conversion(runner, tmp_path):
    source = tmp_path / "control.txt"
    source.write_text("Q: Where \x01were you?\n")
    out = tmp_path / "control.xml"
    out.write_text("previous edition")
    result = runner.invoke(cli, ["convert", str(source), "-o", str(out), "--force"])
    assert result.exit_code == 1
    assert out.read_text() == "previous edition"


def test_missing_transcript_cannot_run(runner, tmp_path):
    missing = tmp_path / "missing.txt"
    result = runner.invoke(cli, ["convert", str(missing)])
    assert result.exit_code == 3
    assert result.stderr.startswith(f"{missing}:0:0: fatal [transcript.unreadable]")


def test_json_format_gives_one_array(runner, tmp_path):
    import json

    source = tmp_path / "control.txt"
    source.write_text("A: x]\x01\n")
    result = runner.invoke(cli, ["convert", str(source), "--format", "json"])
    assert result.exit_code == 1
    found = json.loads(result.stderr)
    assert [(d["code"], d["severity"], d["line"], d["column"]) for d in found] == [
        ("transcript.illegal-char", "error", 1, 6)]


@pytest.mark.parametrize("text, exit_code, annotation", [
    ("A: [one] \x02three\n", 1, "::error file={},line=1,col=10,title=transcript.illegal-char::"),
    ("A: [one [two] three]\n", 0,
     "::warning file={},line=1,col=9,title=transcript.nested-bracket::"),
])
def test_github_format(runner, tmp_path, text, exit_code, annotation):
    source = tmp_path / "input.txt"
    source.write_text(text)
    result = runner.invoke(cli, ["convert", str(source), "--format", "github"])
    assert result.exit_code == exit_code
    assert result.stderr.splitlines()[0].startswith(annotation.format(source))


def test_explicit_metadata_and_its_errors(runner, seed_copy, tmp_path):
    meta = tmp_path / "m.toml"
    meta.write_text('title = 3\n')
    result = runner.invoke(cli, ["convert", str(seed_copy), "--meta", str(meta)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{meta}:1:1: error [metadata.invalid-value] title must be a string"]


def test_metadata_beside_the_transcript_is_used(runner, seed_copy):
    seed_copy.with_suffix(".toml").write_text('title = "A record"\nlanguage = "en"\n')
    result = runner.invoke(cli, ["convert", str(seed_copy)])
    assert result.exit_code == 0
    assert "<title>A record</title>" in result.stdout


def test_unknown_metadata_key_is_a_warning_only(runner, seed_copy):
    seed_copy.with_suffix(".toml").write_text('colour = "red"\n')
    result = runner.invoke(cli, ["convert", str(seed_copy)])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{seed_copy.with_suffix('.toml')}:1:1: warning [metadata.unknown-key] unknown key "
        "colour is ignored (hint: see docs/metadata.md for the keys tei-edition reads)"]


def test_missing_metadata_file_cannot_run(runner, seed_copy, tmp_path):
    missing = tmp_path / "none.toml"
    result = runner.invoke(cli, ["convert", str(seed_copy), "--meta", str(missing)])
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"{missing}:0:0: fatal [metadata.unreadable] cannot read metadata file: "
        "No such file or directory"]


def test_unresolved_speaker_is_a_warning_with_its_position(runner, tmp_path):
    source = tmp_path / "memo.txt"
    source.write_text("Present: A. Rapacki, J. Cabot\n\nRAPACKI: Yes.\n\nCABOT: No.\n\n"
                      "RAPACKI: Why?\n\nDAVIES: Because.\n")
    result = runner.invoke(cli, ["convert", str(source)])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{source}:9:1: warning [transcript.unresolved-speaker] speaker label 'DAVIES' matches "
        "no declared participant (hint: add the person (or an alias) to the edition metadata's "
        "[[persons]])"]


def test_transcript_from_standard_input(runner):
    result = runner.invoke(cli, ["convert", "-"], input="Q: Where?\nA: Here.\nQ: Sure?\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("<sp ") == 3


def test_errors_on_standard_input_are_positioned(runner):
    result = runner.invoke(cli, ["convert", "-"], input="Q: \x01Where?\n")
    assert result.exit_code == 1
    assert result.stderr.startswith("<stdin>:1:4: error [transcript.illegal-char]")
