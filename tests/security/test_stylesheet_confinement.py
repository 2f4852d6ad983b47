"""Specification of the XSLT sandbox (`tei_edition.render.xslt`), tested with the corpus's
hostile custom stylesheets: no file read, no file write, no network, imports confined.

The render colleague owns the runner; this module only attacks it. The same stylesheets go
through `tei-edition render --stylesheet` in test_attack_corpus.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from attack_corpus import (
    ATTACKS,
    PASSWD_MARKER,
    SECRET_MARKER,
    RecordingServer,
    load_corpus,
    materialise,
    plant_secrets,
)
from lxml import etree

from tei_edition.render.xslt import StylesheetError, load_stylesheet, run_stylesheet
from tei_edition.xmlio import parse_xml_file

STYLESHEETS = [a for a in load_corpus().attacks.values() if a.kind == "stylesheet" and not a.accept]

# Refused while compiling (the stylesheet never runs) or while running.
REFUSED_AT_LOAD = {"evil_include_passwd", "evil_include_relative", "evil_import_http",
                   "evil_doctype"}


@pytest.fixture(scope="module")
def server():
    with RecordingServer().running() as running:
        yield running


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("xslt-attacks")
    plant_secrets(folder)
    return folder


@pytest.fixture(scope="module")
def benign_tree():
    return parse_xml_file(ATTACKS / "benign.xml").tree


def place(attack, work: Path, server) -> Path:
    placeholders = plant_secrets(work).placeholders(f"{server.url}/{attack.name}",
                                                    work / f"pwned-{attack.name}.txt")
    # Two levels below the secrets, so "../../secret.xsl" names the planted secret.
    return materialise(attack, work / "c" / attack.name, placeholders)


def attempt(path: Path, tree) -> tuple[str, list[str]]:
    """Load and run; the stage where it was refused and the diagnostic lines."""
    try:
        stylesheet = load_stylesheet(path)
    except StylesheetError as error:
        return "load", [d.format_text() for d in error.diagnostics]
    try:
        result = run_stylesheet(stylesheet, tree)
    except StylesheetError as error:
        return "run", [d.format_text() for d in error.diagnostics]
    return "ran", [etree.tostring(result, encoding="unicode")]


@pytest.mark.parametrize("attack", STYLESHEETS, ids=lambda a: a.name)
def test_a_hostile_stylesheet_is_refused(attack, work, server, benign_tree) -> None:
    stage, lines = attempt(place(attack, work, server), benign_tree)
    assert stage == ("load" if attack.name in REFUSED_AT_LOAD else "run"), lines
    assert any("refused" in line or "denied" in line for line in lines), lines
    assert all("[render." in line or "[xml." in line for line in lines), lines


@pytest.mark.parametrize("attack", STYLESHEETS, ids=lambda a: a.name)
def test_a_hostile_stylesheet_leaks_nothing_and_asks_no_server(attack, work, server,
                                                               benign_tree) -> None:
    _, lines = attempt(place(attack, work, server), benign_tree)
    shown = "\n".join(lines)
    assert SECRET_MARKER not in shown and PASSWD_MARKER not in shown
    assert server.requests_for(f"/{attack.name}") == []


def test_exsl_document_creates_no_file(work, server, benign_tree) -> None:
    attack = next(a for a in STYLESHEETS if a.name == "evil_exsl_document")
    attempt(place(attack, work, server), benign_tree)
    assert not (work / "pwned-evil_exsl_document.txt").exists()


def test_an_import_inside_the_custom_stylesheets_folder_is_allowed(tmp_path, benign_tree) -> None:
    """The confinement is not a blanket refusal: a sibling module of the stylesheet loads."""
    (tmp_path / "part.xsl").write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:template name="part">sibling</xsl:template></xsl:stylesheet>')
    main = tmp_path / "main.xsl"
    main.write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:include href="part.xsl"/><xsl:output method="text"/>'
        '<xsl:template match="/"><xsl:call-template name="part"/></xsl:template>'
        "</xsl:stylesheet>")
    assert str(run_stylesheet(load_stylesheet(main), benign_tree)) == "sibling"
