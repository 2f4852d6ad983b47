"""Every command that writes refuses to overwrite an existing output without --force: one
diagnostic line, a non-zero exit, the old output byte for byte as it was. With --force the
same command does replace it (so each refusal test could fail).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from attack_corpus import RECIPES, valid_edition
from click.testing import CliRunner

from tei_edition.cli import cli

DIAGNOSTIC = re.compile(r"^.+:\d+:\d+: (error|fatal) \[[a-z.-]+\] .+$")
OLD = b"an output someone cares about\n"


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def assert_refused(result, code: str, exit_code: int = 1) -> None:
    lines = result.stderr.splitlines()
    assert result.exit_code == exit_code, result.stderr
    assert len(lines) == 1 and DIAGNOSTIC.match(lines[0]) and f"[{code}]" in lines[0], lines
    assert "Traceback" not in result.output


@pytest.fixture(autouse=True)
def no_conformance(monkeypatch) -> None:
    """Refusing to overwrite happens before any checking: tei_all.rng would only add time."""
    monkeypatch.delenv("TEI_EDITION_TEI_ALL", raising=False)
    monkeypatch.setenv("TEI_EDITION_CACHE_DIR", "/nonexistent/tei-edition-cache")


@pytest.fixture()
def edition(tmp_path: Path) -> Path:
    folder = tmp_path / "editions" / "sample"
    folder.mkdir(parents=True)
    (folder / "sample.xml").write_bytes(valid_edition())
    return folder


@pytest.mark.parametrize("to", ["html", "text"])
def test_render_keeps_an_existing_output_without_force(edition: Path, tmp_path: Path,
                                                       to: str) -> None:
    target = tmp_path / f"out.{to}"
    target.write_bytes(OLD)
    source = str(edition / "sample.xml")
    assert_refused(invoke("render", source, "--to", to, "-o", str(target)), "output.exists")
    assert target.read_bytes() == OLD
    assert invoke("render", source, "--to", to, "-o", str(target), "--force").exit_code == 0
    assert target.read_bytes() != OLD


def test_convert_keeps_an_existing_output_without_force(tmp_path: Path) -> None:
    transcript = tmp_path / "record.txt"
    transcript.write_bytes(RECIPES["transcript_clean"]())
    target = tmp_path / "record.xml"
    target.write_bytes(OLD)
    assert_refused(invoke("convert", str(transcript), "-o", str(target)), "output.exists")
    assert target.read_bytes() == OLD
    assert invoke("convert", str(transcript), "-o", str(target), "--force").exit_code == 0
    assert target.read_bytes().startswith(b"<?xml")


def test_package_keeps_an_existing_bag_without_force(edition: Path, tmp_path: Path) -> None:
    bags = tmp_path / "bags"
    bag = bags / "sample"
    bag.mkdir(parents=True)
    (bag / "bagit.txt").write_bytes(OLD)
    before = tree_hash(bags)
    assert_refused(invoke("package", str(edition), "-o", str(bags)), "package.output-exists")
    assert tree_hash(bags) == before
    assert invoke("package", str(edition), "-o", str(bags), "--force").exit_code == 0
    assert (bag / "bagit.txt").read_bytes() != OLD


def test_build_keeps_a_folder_it_did_not_make_without_force(edition: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_bytes(OLD)
    result = invoke("build", str(edition.parent), "-o", str(site), "-j", "1")
    assert_refused(result, "build.output-not-ours", exit_code=3)
    assert (site / "index.html").read_bytes() == OLD
    forced = invoke("build", str(edition.parent), "-o", str(site), "-j", "1", "--force")
    assert forced.exit_code == 0, forced.stderr
    assert (site / "index.html").read_bytes() != OLD
