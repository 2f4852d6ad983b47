"""The safe XSLT runner (tei_edition.render.xslt): compiled once, confined imports, no file
or network access at run time, errors as render.* diagnostics. The hostile corpus is in
tests/security/; these are the runner's own promises."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei_edition.render import render_tree
from tei_edition.render.xslt import StylesheetError, load_stylesheet, run_stylesheet
from tei_edition.xmlio import parse_xml_bytes, parse_xml_file

XSL = 'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0"'


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"<xsl:stylesheet {XSL}>{body}</xsl:stylesheet>", encoding="utf-8")
    return path


def tree_of(xml: str):
    return parse_xml_bytes(xml.encode()).tree


def test_a_project_stylesheet_is_compiled_once_per_process() -> None:
    assert load_stylesheet("text.xsl") is load_stylesheet("text.xsl")


def test_a_custom_stylesheet_may_import_the_project_stylesheets_by_scheme(tmp_path,
                                                                         all_elements) -> None:
    custom = write(tmp_path, "custom.xsl",
                   '<xsl:import href="tei-edition:text.xsl"/>'
                   '<xsl:template name="hook-line-break">|</xsl:template>'
                   '<xsl:template name="hook-inline"><xsl:param name="content"/>'
                   '<xsl:value-of select="translate($content, \'abcdefghijklmnopqrstuvwxyz\','
                   ' \'ABCDEFGHIJKLMNOPQRSTUVWXYZ\')"/></xsl:template>')
    data, diagnostics = render_tree(parse_xml_file(all_elements).tree, to="text",
                                    view="diplomatic", stylesheet=custom)
    assert diagnostics == []
    assert "Cde. Mikoyan - How does Cde. KIM IL SUNG feel?" in data.decode()


def test_an_import_outside_the_allowed_folders_is_refused(tmp_path) -> None:
    (tmp_path / "elsewhere").mkdir()
    write(tmp_path / "elsewhere", "lib.xsl", "")
    (tmp_path / "mine").mkdir()
    custom = write(tmp_path / "mine", "custom.xsl", '<xsl:import href="../elsewhere/lib.xsl"/>')
    with pytest.raises(StylesheetError) as refused:
        load_stylesheet(custom)
    [diagnostic] = refused.value.diagnostics
    assert diagnostic.code == "render.import-refused" and "lib.xsl" in diagnostic.message


def test_a_network_import_is_refused_without_a_request(tmp_path) -> None:
    custom = write(tmp_path, "net.xsl", '<xsl:include href="http://127.0.0.1:9/x.xsl"/>')
    with pytest.raises(StylesheetError) as refused:
        load_stylesheet(custom)
    assert refused.value.diagnostics[0].code == "render.import-refused"


def test_reading_a_file_at_run_time_is_denied(tmp_path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_text("<secret>s3cr3t</secret>")
    custom = write(tmp_path, "read.xsl",
                   '<xsl:template match="/">'
                   f'<xsl:copy-of select="document(\'{secret.as_uri()}\')"/></xsl:template>')
    with pytest.raises(StylesheetError) as denied:
        run_stylesheet(load_stylesheet(custom), tree_of("<a/>"))
    [diagnostic] = denied.value.diagnostics
    assert diagnostic.code == "render.failed" and "refused" in diagnostic.message
    assert "s3cr3t" not in diagnostic.message


def test_a_broken_stylesheet_is_a_fatal_diagnostic(tmp_path) -> None:
    broken = write(tmp_path, "broken.xsl", '<xsl:template match="/"><xsl:value-of/></xsl:template>')
    with pytest.raises(StylesheetError) as failed:
        load_stylesheet(broken)
    assert {d.code for d in failed.value.diagnostics} == {"render.stylesheet-invalid"}


def test_parameters_are_passed_as_strings_never_as_xpath(tmp_path) -> None:
    echo = write(tmp_path, "echo.xsl", '<xsl:output method="text"/><xsl:param name="view"/>'
                 '<xsl:template match="/"><xsl:value-of select="$view"/></xsl:template>')
    value = "x' or document('/etc/passwd') or '"
    assert str(run_stylesheet(load_stylesheet(echo), tree_of("<a/>"), view=value)) == value


def test_strict_mode_stops_at_an_unknown_element_with_its_line(all_elements) -> None:
    source = all_elements.read_bytes().replace(b"<p>To patience!</p>",
                                              b"<p>To <foreign>patience</foreign><mystery/>!</p>")
    tree = parse_xml_bytes(source, "edited.xml").tree
    line = source[:source.index(b"<mystery/>")].count(b"\n") + 1
    for to in ("text", "html"):
        data, diagnostics = render_tree(tree, to=to, strict=True, label="edited.xml")
        assert data is None
        [diagnostic] = diagnostics
        assert (diagnostic.code, diagnostic.line) == ("render.terminated", line)
        assert "<mystery>" in diagnostic.message


def test_without_strict_an_unknown_element_keeps_its_words_and_warns(all_elements) -> None:
    source = all_elements.read_bytes().replace(b"<p>To patience!</p>",
                                              b"<p>To <mystery>patience</mystery>!</p>")
    data, diagnostics = render_tree(parse_xml_bytes(source).tree, to="text", view="diplomatic")
    assert "Both -- To patience!" in data.decode()
    assert [(d.code, str(d.severity)) for d in diagnostics] == [("render.message", "warning")]


def test_unknown_format_and_view_are_diagnostics(all_elements) -> None:
    tree = parse_xml_file(all_elements).tree
    assert render_tree(tree, to="pdf")[1][0].code == "render.unknown-format"
    assert render_tree(tree, to="text", view="modern")[1][0].code == "render.unknown-view"


def test_the_result_of_a_run_is_an_xslt_result_tree(all_elements) -> None:
    result = run_stylesheet(load_stylesheet("html.xsl"), parse_xml_file(all_elements).tree)
    assert isinstance(result, etree._XSLTResultTree)


def test_a_bare_name_never_picks_a_file_of_the_current_directory(tmp_path, monkeypatch) -> None:
    write(tmp_path, "text.xsl", '<xsl:template match="/">hijacked</xsl:template>')
    monkeypatch.chdir(tmp_path)
    assert load_stylesheet("text.xsl") is not load_stylesheet(tmp_path / "text.xsl")
    assert "hijacked" not in str(run_stylesheet(load_stylesheet("text.xsl"), tree_of("<a/>")))
