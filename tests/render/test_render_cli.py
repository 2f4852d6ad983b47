"""`tei-edition render`: options, output handling, diagnostics and exit codes."""

from __future__ import annotations

from render_helpers import FIXTURES

from tei_edition.cli import cli

EXPECTED = (FIXTURES / "all-elements.diplomatic.txt").read_text(encoding="utf-8")


def test_text_goes_to_stdout_by_default(runner, all_elements) -> None:
    result = runner.invoke(cli, ["render", str(all_elements), "--to", "text",
                                 "--view", "diplomatic"])
    assert result.exit_code == 0 and result.stdout == EXPECTED


def test_dash_means_stdout(runner, all_elements) -> None:
    result = runner.invoke(cli, ["render", str(all_elements), "--to", "html", "-o", "-"])
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")


def test_output_file_is_written(runner, all_elements, tmp_path) -> None:
    target = tmp_path / "out" / "record.txt"
    result = runner.invoke(cli, ["render", str(all_elements), "--to", "text", "--view",
                                 "diplomatic", "-o", str(target)])
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8") == EXPECTED


def test_an_existing_output_is_refused_without_force(runner, all_elements, tmp_path) -> None:
    target = tmp_path / "record.html"
    target.write_text("keep me")
    result = runner.invoke(cli, ["render", str(all_elements), "--to", "html", "-o", str(target)])
    assert result.exit_code == 1
    assert result.stderr == (f"{target}:0:0: error [output.exists] output file exists; not "
                             "overwritten (hint: pass --force to replace it)\n")
    assert target.read_text() == "keep me"


def test_force_replaces_an_existing_output(runner, all_elements, tmp_path) -> None:
    target = tmp_path / "record.html"
    target.write_text("old")
    result = runner.invoke(cli, ["render", str(all_elements), "--to", "html", "-o", str(target),
                                 "--force"])
    assert result.exit_code == 0 and target.read_text(encoding="utf-8").startswith("<!DOCTYPE")


def test_a_missing_edition_cannot_run(runner, tmp_path) -> None:
    result = runner.invoke(cli, ["render", str(tmp_path / "none.xml"), "--to", "text"])
    assert result.exit_code == 3
    assert "[io.unreadable]" in result.stderr and "Traceback" not in result.stderr


def test_malformed_xml_is_one_diagnostic_line_and_no_output(runner, tmp_path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>\n<p>open</text></TEI>')
    target = tmp_path / "out.txt"
    result = runner.invoke(cli, ["render", str(broken), "--to", "text", "-o", str(target)])
    assert result.exit_code == 3 and not target.exists()
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{broken}:2:") and "fatal [xml." in line


def test_strict_stops_at_an_unknown_element_with_exit_1(runner, all_elements, tmp_path) -> None:
    edited = tmp_path / "edited.xml"
    edited.write_bytes(all_elements.read_bytes().replace(b"Good.</p>", b"Good.<zz/></p>"))
    target = tmp_path / "out.txt"
    result = runner.invoke(cli, ["render", str(edited), "--to", "text", "--strict",
                                 "-o", str(target)])
    assert result.exit_code == 1 and not target.exists()
    assert f"{edited}:" in result.stderr
    assert "[render.terminated] unknown element <zz>" in result.stderr


def test_width_wraps_the_text(runner, all_elements) -> None:
    result = runner.invoke(cli, ["render", str(all_elements), "--to", "text", "--width", "40"])
    assert result.exit_code == 0
    assert max(map(len, result.stdout.splitlines())) <= 40


def test_a_zero_width_is_a_usage_error(runner, all_elements) -> None:
    result = runner.invoke(cli, ["render", str(all_elements), "--to", "text", "--width", "0"])
    assert result.exit_code == 2


def test_a_custom_stylesheet_outside_its_folder_is_refused(runner, all_elements, tmp_path) -> None:
    (tmp_path / "a").mkdir()
    custom = tmp_path / "a" / "custom.xsl"
    custom.write_text('<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" '
                      'version="1.0"><xsl:import href="../other.xsl"/></xsl:stylesheet>')
    result = runner.invoke(cli, ["render", str(all_elements), "--to", "html", "--stylesheet",
                                 str(custom)])
    assert result.exit_code == 3 and "[render.import-refused]" in result.stderr
    assert result.stdout == ""


def test_a_document_that_is_not_tei_is_refused(runner, tmp_path) -> None:
    other = tmp_path / "other.xml"
    other.write_text("<html><body>not TEI</body></html>")
    result = runner.invoke(cli, ["render", str(other), "--to", "text"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"{other}:1:1: error [render.not-tei] root element is <html>")
