"""Fixtures of the packaging tests: the editions and one packaged bag per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from package_support import EDITION, MINI_EDITION, run_cli


@pytest.fixture(scope="session")
def mini_edition() -> Path:
    return MINI_EDITION


@pytest.fixture(scope="session")
def mini_tree():
    from tei_edition.xmlio import parse_xml_file

    parsed = parse_xml_file(MINI_EDITION / "mini-record.xml")
    assert parsed.tree is not None, parsed.diagnostics
    return parsed.tree


@pytest.fixture(scope="session")
def packaged(tmp_path_factory, tei_all) -> Path:
    """OUT_DIR holding the edition's bag and zip, made once per session through the CLI."""
    out = tmp_path_factory.mktemp("packaged")
    result = run_cli("package", EDITION, "-o", out, "--zip", "--tei-all", tei_all)
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture()
def bag_copy(packaged, tmp_path) -> Path:
    """A private copy of the packaged bag that a test may damage."""
    return Path(shutil.copytree(packaged / EDITION.name, tmp_path / EDITION.name))
