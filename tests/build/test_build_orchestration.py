"""The build's orchestration with fake stages: what is built, rebuilt, kept and reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from build_fakes import FAKE_STAGES, write_collection, write_edition
from build_linkcheck import dead_links

from tei_edition.build import BuildOptions, build_collection
from tei_edition.build.state import STATE_FILE, BuildState
from tei_edition.diagnostics import Severity


def build(editions: Path, out: Path, **options):
    options.setdefault("jobs", 1)
    return build_collection(
        BuildOptions(editions_dir=editions, out_dir=out, **options), stages=FAKE_STAGES
    )


@pytest.fixture()
def collection(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    editions = tmp_path / "editions"
    slugs = write_collection(editions, 6)
    return editions, tmp_path / "site", slugs


def test_first_build_converts_validates_and_renders_every_edition(collection):
    editions, out, slugs = collection
    report = build(editions, out)
    assert (
        report.stats.converted,
        report.stats.validated,
        report.stats.rendered,
        report.stats.unchanged,
        report.stats.failed,
    ) == (6, 6, 6, 0, 0)
    for slug in slugs:
        for name in ("index.html", "reading.txt", "diplomatic.txt", f"{slug}.xml"):
            assert (out / slug / name).is_file()


def test_generated_tei_is_written_into_the_edition_folder(collection):
    editions, out, slugs = collection
    report = build(editions, out)
    assert report.stats.tei_written == 6
    assert (editions / slugs[0] / f"{slugs[0]}.xml").read_bytes() == (
        out / slugs[0] / f"{slugs[0]}.xml"
    ).read_bytes()


def test_no_write_tei_leaves_edition_folders_untouched_and_warns(collection):
    editions, out, slugs = collection
    report = build(editions, out, write_tei=False)
    assert not (editions / slugs[0] / f"{slugs[0]}.xml").exists()
    assert {d.code for d in report.diagnostics} == {"build.stale-tei"}
    assert (out / slugs[0] / f"{slugs[0]}.xml").is_file()


def test_second_build_with_nothing_changed_does_no_work(collection):
    editions, out, _ = collection
    build(editions, out)
    pages = {
        p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file() and p.name != STATE_FILE
    }
    report = build(editions, out)
    assert (
        report.stats.converted,
        report.stats.validated,
        report.stats.rendered,
        report.stats.unchanged,
    ) == (0, 0, 0, 6)
    assert {p: p.stat().st_mtime_ns for p in pages} == pages  # not even rewritten


def test_changing_one_transcript_rebuilds_that_edition_only(collection):
    editions, out, slugs = collection
    build(editions, out)
    transcript = editions / slugs[2] / f"{slugs[2]}.txt"
    transcript.write_text(transcript.read_text() + "Brown: A new turn.\n")
    report = build(editions, out)
    assert (report.stats.converted, report.stats.rendered, report.stats.unchanged) == (1, 1, 5)
    assert "Brown" in (out / "persons.html").read_text()


def test_a_deleted_output_is_rebuilt(collection):
    editions, out, slugs = collection
    build(editions, out)
    (out / slugs[1] / "reading.txt").unlink()
    report = build(editions, out)
    assert report.stats.rendered == 1
    assert (out / slugs[1] / "reading.txt").is_file()


def test_force_rebuilds_everything(collection):
    editions, out, _ = collection
    build(editions, out)
    assert build(editions, out, force=True).stats.rendered == 6


def test_a_removed_edition_disappears_from_the_site(collection):
    editions, out, slugs = collection
    build(editions, out)
    for path in (editions / slugs[0]).iterdir():
        path.unlink()
    (editions / slugs[0]).rmdir()
    report = build(editions, out)
    assert report.stats.removed == 1
    assert not (out / slugs[0]).exists()
    assert slugs[0] not in (out / "index.html").read_text()


def test_parallel_build_gives_the_same_site_as_serial(collection, tmp_path):
    editions, out, _ = collection
    build(editions, out, write_tei=False)
    parallel = tmp_path / "parallel"
    report = build(editions, parallel, jobs=2, write_tei=False)
    assert report.stats.rendered == 6
    for page in out.rglob("*.html"):
        assert (parallel / page.relative_to(out)).read_bytes() == page.read_bytes()


def test_site_has_no_dead_links(collection):
    editions, out, _ = collection
    build(editions, out)
    dead, checked = dead_links(out)
    assert dead == []
    assert checked > 6 * 3


def test_hand_maintained_tei_is_never_converted_or_rewritten(tmp_path):
    editions = tmp_path / "editions"
    folder = write_edition(editions, "hand", "Hand\nSmith: Hi.\n", 'tei = "hand-maintained"\n')
    hand_tei = (
        b'<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>'
        b"<fileDesc><titleStmt><title>Edited by hand</title></titleStmt></fileDesc>"
        b"</teiHeader><text><body/></text></TEI>\n"
    )
    (folder / "hand.xml").write_bytes(hand_tei)
    report = build(editions, tmp_path / "site")
    assert (folder / "hand.xml").read_bytes() == hand_tei
    assert report.stats.converted == 0 and report.stats.rendered == 1
    assert "Edited by hand" in (tmp_path / "site" / "index.html").read_text()


def _check_only_edition(editions: Path, tei: bytes | None) -> Path:
    folder = write_edition(editions, "memo", "Memo\nSmith: Hi.\n", 'tei = "check-only"\n')
    if tei is not None:
        (folder / "memo.xml").write_bytes(tei)
    return folder


def test_check_only_tei_that_is_current_passes_quietly(tmp_path):
    from build_fakes import fake_convert

    from tei_edition.xmlio import serialize

    editions = tmp_path / "editions"
    folder = _check_only_edition(editions, None)
    (folder / "memo.xml").write_bytes(serialize(fake_convert(folder / "memo.txt", None)[0]))
    report = build(editions, tmp_path / "site")
    assert report.diagnostics == [] and report.stats.converted == 1


def test_stale_check_only_tei_is_reported_kept_and_published(tmp_path):
    editions = tmp_path / "editions"
    committed = (
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
        b"<title>Committed</title></titleStmt></fileDesc></teiHeader><text><body/></text>"
        b"</TEI>\n"
    )
    folder = _check_only_edition(editions, committed)
    report = build(editions, tmp_path / "site")
    assert [d.code for d in report.diagnostics] == ["build.stale-tei"]
    assert (folder / "memo.xml").read_bytes() == committed
    assert (tmp_path / "site" / "memo" / "memo.xml").read_bytes() == committed


def test_unknown_tei_policy_is_an_error(tmp_path):
    editions = tmp_path / "editions"
    write_edition(editions, "odd", "Odd\nSmith: Hi.\n", 'title = "x"\ntei = "sometimes"\n')
    report = build(editions, tmp_path / "site")
    bad = [d for d in report.diagnostics if d.code == "build.bad-tei-policy"]
    assert len(bad) == 1 and bad[0].line == 2 and report.stats.failed == 1


def test_tei_only_edition_is_built_from_its_tei(tmp_path):
    editions = tmp_path / "editions"
    (editions / "only").mkdir(parents=True)
    (editions / "only" / "only.xml").write_bytes(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>'
        b"Only TEI</title></titleStmt></fileDesc></teiHeader><text><body/></text></TEI>"
    )
    report = build(editions, tmp_path / "site")
    assert (report.stats.converted, report.stats.rendered) == (0, 1)


def test_output_folder_of_other_content_is_refused_without_force(collection):
    editions, out, _ = collection
    out.mkdir()
    (out / "precious.txt").write_text("mine")
    report = build(editions, out)
    assert [d.code for d in report.diagnostics] == ["build.output-not-ours"]
    assert report.diagnostics[0].severity is Severity.FATAL
    assert sorted(p.name for p in out.iterdir()) == ["precious.txt"]


def test_damaged_state_means_a_full_rebuild_with_a_warning(collection):
    editions, out, _ = collection
    build(editions, out)
    (out / STATE_FILE).write_text("{not json")
    report = build(editions, out)
    assert report.stats.rendered == 6
    assert "build.state-unreadable" in {d.code for d in report.diagnostics}


@pytest.mark.parametrize("inside", [".", "ed-001", "ed-001/site"])
def test_output_in_the_editions_folder_or_an_edition_is_refused_even_with_force(collection, inside):
    editions, _, _ = collection
    before = sorted(p for p in editions.rglob("*"))
    report = build(editions, editions / inside, force=True)
    assert [d.code for d in report.diagnostics] == ["build.output-overlaps"]
    assert sorted(p for p in editions.rglob("*")) == before


def test_the_state_file_has_one_line_per_edition_and_reads_back_the_same(collection):
    editions, out, slugs = collection
    build(editions, out)
    lines = (out / STATE_FILE).read_text(encoding="utf-8").splitlines()
    assert [line.split(":", 1)[0] for line in lines[1:-1]] == [f'"{slug}"' for slug in slugs]
    state, problems = BuildState.load(out)
    assert problems == [] and sorted(state.editions) == slugs
    assert state.encode() == (out / STATE_FILE).read_bytes()
