"""The real stages on a generated collection of 200 editions, through the command line.

One module-scoped fixture runs three builds of the same collection: a first full build, a
second with nothing changed, and a third after one transcript was made undecodable. The
tests then read what each build reported and what it left on disk.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from build_linkcheck import dead_links
from test_build_generator import generator

from tei_edition.build.fingerprint import tool_fingerprint
from tei_edition.cli import cli

pytestmark = pytest.mark.slow  # about 30-90 s: two hundred editions, built three times

EDITIONS = 200
SUMMARY = re.compile(
    r"^built (\d+) editions \(converted (\d+), validated (\d+), rendered (\d+), "
    r"unchanged (\d+), failed (\d+)\) in [\d.]+ s$",
    re.MULTILINE,
)


@dataclass
class Run:
    exit_code: int
    counts: dict[str, int]
    stderr: str
    seconds: float


def _build(editions: Path, site: Path) -> Run:
    from click.testing import CliRunner

    started = time.perf_counter()
    result = CliRunner().invoke(cli, ["build", str(editions), "-o", str(site), "-j", "2"])
    seconds = time.perf_counter() - started
    match = SUMMARY.search(result.stdout)
    assert match, (result.stdout, result.stderr, result.exception)
    names = ("editions", "converted", "validated", "rendered", "unchanged", "failed")
    return Run(
        result.exit_code,
        dict(zip(names, map(int, match.groups()), strict=True)),
        result.stderr,
        seconds,
    )


@dataclass
class Builds:
    editions: Path
    site: Path
    broken: str
    first: Run
    second: Run
    third: Run
    tool_stable: bool  # False when tei-edition's own code changed between the builds


def _tool() -> str:
    return tool_fingerprint(tei_all=None, profile="-", code=("tei_edition",), settings=[])


# The build rightly rebuilds everything when tei-edition's own code changes (docs/build.md), so
# a concurrent edit of the package while this module runs shows as rebuilt editions. Say so.
CODE_CHANGED = "tei-edition's source files changed while the builds ran: every edition was rebuilt"


@pytest.fixture(scope="module")
def builds(tmp_path_factory, tei_all, monkeypatch_module) -> Builds:
    monkeypatch_module.setenv("TEI_EDITION_TEI_ALL", str(tei_all))
    root = tmp_path_factory.mktemp("collection")
    editions = root / "editions"
    folders = generator.write_collection(EDITIONS, editions, seed=11)
    site = root / "site"
    tool = _tool()
    first = _build(editions, site)
    second = _build(editions, site)
    broken = folders[37]
    transcript = broken / f"{broken.name}.txt"
    transcript.write_bytes(transcript.read_bytes().replace(b"the ", b"th\xe9 ", 1))
    third = _build(editions, site)
    return Builds(editions, site, broken.name, first, second, third, tool == _tool())


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_first_build_builds_every_edition_cleanly(builds):
    assert builds.first.counts == {
        "editions": EDITIONS,
        "converted": EDITIONS,
        "validated": EDITIONS,
        "rendered": EDITIONS,
        "unchanged": 0,
        "failed": 0,
    }, builds.first.stderr
    assert builds.first.exit_code == 0


def test_second_build_does_no_work_and_is_ten_times_faster(builds):
    assert builds.tool_stable, CODE_CHANGED
    assert builds.second.counts == {
        "editions": EDITIONS,
        "converted": 0,
        "validated": 0,
        "rendered": 0,
        "unchanged": EDITIONS,
        "failed": 0,
    }
    assert builds.second.exit_code == 0
    assert builds.first.seconds >= 10 * builds.second.seconds, (
        builds.first.seconds,
        builds.second.seconds,
    )


def test_a_broken_transcript_fails_its_edition_only(builds):
    assert builds.tool_stable, CODE_CHANGED
    assert builds.third.exit_code == 1
    assert builds.third.counts == {
        "editions": EDITIONS,
        "converted": 1,
        "validated": 0,
        "rendered": 0,
        "unchanged": EDITIONS - 1,
        "failed": 1,
    }
    errors = [line for line in builds.third.stderr.splitlines() if ": error [" in line]
    assert errors and all(f"{builds.broken}.txt:" in line for line in errors)
    assert any("[transcript.undecodable]" in line for line in errors)


def test_every_other_edition_is_still_in_the_site(builds):
    index = (builds.site / "index.html").read_text()
    for folder in sorted(builds.editions.iterdir()):
        if folder.name != builds.broken:
            assert (builds.site / folder.name / "index.html").is_file()
            assert f'href="{folder.name}/index.html"' in index
    assert f"{builds.broken} (not built)" in index


def test_site_has_no_dead_link(builds):
    dead, checked = dead_links(builds.site)
    assert dead == []
    assert checked > EDITIONS * 10


def test_persons_index_merges_aliases_across_editions(builds):
    persons = (builds.site / "persons.html").read_text()
    sections = re.findall(r'<section id="person-([^"]+)">(.*?)</section>', persons, re.S)
    assert sections
    most = max(sections, key=lambda s: s[1].count("<li>"))
    assert most[1].count("<li>") >= 5  # one entry, many editions
    assert "also: " in most[1]  # with its label variants
    assert 'href="' in most[1] and "#turn-" in most[1] and "#mention-" in persons
