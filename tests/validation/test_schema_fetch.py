"""`tei-edition schema fetch|info`: a pinned tei_all.rng is downloaded, checked against its
sha256 and stored atomically; anything else is refused and nothing is stored. The tests serve
files from a local http.server on 127.0.0.1 only."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from validation_support import serve_directory

from tei_edition.cli import cli
from tei_edition.schema_fetch import PINNED_SHA256, RELEASE_PATH, cached_path, sha256_file
from tei_edition.validation import schema_versions

VERSION = "4.12.0"


@dataclass
class LocalServer:
    url: str
    requests: list[str]


def _serve(root: Path) -> Iterator[LocalServer]:
    with serve_directory(root) as (url, requests):
        yield LocalServer(url, requests)


@pytest.fixture()
def genuine(tmp_path: Path, tei_all: Path) -> Iterator[LocalServer]:
    """A server whose release folder holds the real tei_all.rng (a symlink, not a copy)."""
    target = tmp_path / "www" / VERSION / RELEASE_PATH
    target.parent.mkdir(parents=True)
    target.symlink_to(tei_all)
    yield from _serve(tmp_path / "www")


@pytest.fixture()
def tampered(tmp_path: Path, tei_all: Path) -> Iterator[LocalServer]:
    """A server delivering tei_all.rng with one extra comment: a different sha256."""
    target = tmp_path / "www" / VERSION / RELEASE_PATH
    target.parent.mkdir(parents=True)
    target.write_bytes(tei_all.read_bytes() + b"<!-- tampered -->\n")
    yield from _serve(tmp_path / "www")


def test_fetch_stores_the_pinned_release_in_the_cache(runner, genuine: LocalServer) -> None:
    result = runner.invoke(cli, ["schema", "fetch", "--base-url", genuine.url])
    assert result.exit_code == 0, result.stderr
    stored = cached_path(VERSION)
    assert sha256_file(stored) == PINNED_SHA256[VERSION]
    assert genuine.requests == [f"/{VERSION}/{RELEASE_PATH}"]
    assert str(stored) in result.stdout
    assert [p.name for p in stored.parent.iterdir()] == ["tei_all.rng"]  # no temp files left


def test_the_base_url_can_come_from_the_environment(runner, monkeypatch,
                                                    genuine: LocalServer) -> None:
    monkeypatch.setenv("TEI_EDITION_TEI_BASE_URL", genuine.url + "/")
    assert runner.invoke(cli, ["schema", "fetch", "--version", VERSION]).exit_code == 0
    assert len(genuine.requests) == 1


def test_a_verified_cached_copy_is_not_downloaded_again(runner, genuine: LocalServer) -> None:
    runner.invoke(cli, ["schema", "fetch", "--base-url", genuine.url])
    again = runner.invoke(cli, ["schema", "fetch", "--base-url", genuine.url])
    assert again.exit_code == 0
    assert len(genuine.requests) == 1
    runner.invoke(cli, ["schema", "fetch", "--base-url", genuine.url, "--force"])
    assert len(genuine.requests) == 2


def test_a_checksum_mismatch_is_refused_and_nothing_is_stored(runner,
                                                              tampered: LocalServer) -> None:
    result = runner.invoke(cli, ["schema", "fetch", "--base-url", tampered.url])
    assert result.exit_code == 1
    assert "error [schema.checksum-mismatch]" in result.stderr
    assert "nothing was stored" in result.stderr
    assert not cached_path(VERSION).parent.exists() or not any(
        cached_path(VERSION).parent.iterdir())


def test_a_fetched_schema_is_found_by_validate(runner, monkeypatch, genuine: LocalServer) -> None:
    monkeypatch.delenv("TEI_EDITION_TEI_ALL")
    runner.invoke(cli, ["schema", "fetch", "--base-url", genuine.url])
    info = runner.invoke(cli, ["schema", "info"])
    assert f"tei_all.rng: {cached_path(VERSION)} (from cache)" in info.stdout
    assert "TEI P5 version 4.12.0" in info.stdout and "(pinned release)" in info.stdout
    assert schema_versions()["tei_all.rng"] == PINNED_SHA256[VERSION]


def test_an_unpinned_version_is_refused_without_download(runner, genuine: LocalServer) -> None:
    result = runner.invoke(cli, ["schema", "fetch", "--version", "9.9.9", "--base-url",
                                 genuine.url])
    assert result.exit_code == 1
    assert "[schema.unknown-version]" in result.stderr
    assert genuine.requests == []


def test_a_missing_release_is_a_download_failure(runner, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    for server in _serve(tmp_path / "empty"):
        result = runner.invoke(cli, ["schema", "fetch", "--base-url", server.url])
    assert result.exit_code == 3
    assert "[schema.download-failed]" in result.stderr
    assert "404" in result.stderr


def test_info_names_the_configured_schema_and_its_source(runner, tei_all: Path) -> None:
    result = runner.invoke(cli, ["schema", "info"])
    assert result.exit_code == 0
    assert f"tei_all.rng: {tei_all} (from environment)" in result.stdout
    assert PINNED_SHA256[VERSION] in result.stdout
    for name in ("tei-edition.xsd", "xml.xsd", "tei-edition.sch"):
        assert name in result.stdout


def test_info_without_any_schema_says_how_to_configure(runner, monkeypatch) -> None:
    monkeypatch.delenv("TEI_EDITION_TEI_ALL")
    result = runner.invoke(cli, ["schema", "info", "--json"])
    import json

    described = json.loads(result.stdout)
    assert described["tei_all"] == {"configured": False}
    assert set(described["project"]) == {"tei-edition.xsd", "xml.xsd", "tei-edition.sch"}


def test_schema_versions_names_every_file_and_the_release(tei_all: Path) -> None:
    versions = schema_versions()
    assert set(versions) == {"tei-edition.xsd", "xml.xsd", "tei-edition.sch", "tei_all.rng",
                             "tei-version"}
    assert versions["tei-version"] == VERSION
    assert all(len(versions[name]) == 64 for name in ("tei-edition.xsd", "tei_all.rng"))
