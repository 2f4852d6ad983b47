"""A broken, crashing or interrupted edition never costs the rest of the collection, and never
leaves a half-written page or a state that claims more than was written."""

from __future__ import annotations

from pathlib import Path

from build_fakes import FAKE_STAGES, write_collection, write_edition
from build_linkcheck import dead_links

from tei_edition.build import BuildOptions, build_collection
from tei_edition.build.state import BuildState
from tei_edition.diagnostics import Severity, exit_code_for


def build(editions: Path, out: Path, **options):
    options.setdefault("jobs", 1)
    return build_collection(
        BuildOptions(editions_dir=editions, out_dir=out, **options), stages=FAKE_STAGES
    )


def test_undecodable_transcript_fails_its_edition_only(tmp_path):
    editions = tmp_path / "editions"
    write_collection(editions, 4)
    write_edition(editions, "broken", b"Title\nSmith: caf\xe9\n")
    report = build(editions, tmp_path / "site", jobs=2, write_tei=False)
    assert (report.stats.failed, report.stats.rendered) == (1, 4)
    assert exit_code_for(report.diagnostics) == 1
    assert [
        (d.code, Path(d.path).name) for d in report.diagnostics if d.severity >= Severity.ERROR
    ] == [("transcript.undecodable", "broken.txt")]
    assert not (tmp_path / "site" / "broken" / "index.html").exists()
    index = (tmp_path / "site" / "index.html").read_text()
    assert "broken (not built)" in index and 'href="diagnostics.html#diag-broken"' in index
    assert dead_links(tmp_path / "site")[0] == []


def test_edition_with_errors_is_still_rendered_and_reported(tmp_path):
    editions = tmp_path / "editions"
    write_edition(editions, "bracket", "Title\nSmith: an [unclosed bracket\n")
    report = build(editions, tmp_path / "site")
    assert (report.stats.failed, report.stats.rendered) == (1, 1)
    assert [d.code for d in report.diagnostics if d.severity >= Severity.ERROR] == [
        "transcript.unclosed-bracket"
    ]


def test_errors_of_an_unchanged_edition_are_reported_again(tmp_path):
    editions = tmp_path / "editions"
    write_edition(editions, "bracket", "Title\nSmith: an [unclosed bracket\n")
    build(editions, tmp_path / "site")
    again = build(editions, tmp_path / "site")
    assert (again.stats.unchanged, again.stats.failed) == (1, 1)
    assert exit_code_for(again.diagnostics) == 1


def test_a_crashing_stage_is_fatal_for_its_edition_and_not_remembered(tmp_path):
    editions = tmp_path / "editions"
    write_collection(editions, 3)
    write_edition(editions, "crash", "CRASH\nSmith: hi\n")
    report = build(editions, tmp_path / "site")
    assert report.stats.rendered == 3
    assert [d.code for d in report.diagnostics if d.severity >= Severity.ERROR] == [
        "build.internal-error"
    ]
    assert exit_code_for(report.diagnostics) == 3
    assert "crash" not in BuildState.load(tmp_path / "site")[0].editions


def _temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob(".*.tmp")]


def test_interrupted_build_keeps_finished_editions_and_no_partial_page(tmp_path):
    editions = tmp_path / "editions"
    slugs = write_collection(editions, 5)
    interrupting = write_edition(editions, "ed-002b", "INTERRUPT\nSmith: hi\n")
    out = tmp_path / "site"
    report = build(editions, out)
    assert report.interrupted
    assert [d.code for d in report.diagnostics if d.severity >= Severity.ERROR] == [
        "build.interrupted"
    ]
    assert exit_code_for(report.diagnostics) == 3
    assert _temporaries(out) == [] and not (out / "ed-002b" / "index.html").exists()
    assert not (out / "index.html").exists()  # collection pages wait for a complete build
    state = BuildState.load(out)[0]
    assert sorted(state.editions) == slugs[:3]  # the editions before the interrupting one
    for slug in state.editions:
        assert all((out / p).is_file() for p in state.editions[slug].outputs)
    # the next build goes on from where the interrupted one stopped
    (interrupting / "ed-002b.txt").write_text("Resumed\nSmith: hi\n")
    resumed = build(editions, out)
    assert (resumed.stats.unchanged, resumed.stats.rendered) == (3, 3)
    assert dead_links(out)[0] == []


def test_ctrl_c_during_a_parallel_build_keeps_the_state_true_to_the_outputs(tmp_path):
    editions = tmp_path / "editions"
    write_collection(editions, 12)
    write_edition(editions, "ed-004b", "SIGINT\nSmith: hi\n")
    out = tmp_path / "site"
    report = build(editions, out, jobs=2)
    assert report.interrupted
    assert _temporaries(out) == []
    state = BuildState.load(out)[0]
    for entry in state.editions.values():
        assert all((out / p).is_file() for p in entry.outputs)
    # the editions running at Ctrl-C finished and were recorded; the next build does the rest
    resumed = build(editions, out, jobs=1)
    assert not resumed.interrupted
    assert resumed.stats.unchanged == len(state.editions) < 13
    assert resumed.stats.unchanged + resumed.stats.rendered == 13


def test_fixing_an_edition_clears_its_saved_diagnostics(tmp_path):
    editions = tmp_path / "editions"
    folder = write_edition(editions, "bracket", "Title\nSmith: an [unclosed bracket\n")
    out = tmp_path / "site"
    build(editions, out)
    assert (out / "bracket" / "diagnostics.json").is_file()
    (folder / "bracket.txt").write_text("Title\nSmith: a [closed] bracket\n")
    report = build(editions, out)
    assert report.stats.failed == 0
    assert [d.code for d in report.diagnostics] == ["build.tei-written"]
    assert not (out / "bracket" / "diagnostics.json").exists()
    assert build(editions, out).diagnostics == []


def test_a_transcript_with_errors_never_replaces_the_editions_tei(tmp_path):
    editions = tmp_path / "editions"
    folder = write_edition(editions, "good", "Title\nSmith: fine\n")
    build(editions, tmp_path / "site")
    committed = (folder / "good.xml").read_bytes()
    (folder / "good.txt").write_text("Title\nSmith: now an [unclosed bracket\n")
    report = build(editions, tmp_path / "site")
    assert report.stats.failed == 1 and report.stats.rendered == 1
    assert (folder / "good.xml").read_bytes() == committed
    assert b"unclosed" in (tmp_path / "site" / "good" / "good.xml").read_bytes()


def test_a_worker_process_that_dies_is_a_fatal_diagnostic_not_a_traceback(tmp_path):
    editions = tmp_path / "editions"
    write_collection(editions, 3)
    write_edition(editions, "killer", "EXIT\nSmith: hi\n")
    out = tmp_path / "site"
    report = build(editions, out, jobs=2)
    # the pool is lost with the worker: every edition it had not finished is reported, none is
    # remembered as built, and the collection pages still list the whole collection
    died = [d for d in report.diagnostics if d.code == "build.worker-died"]
    assert died and exit_code_for(report.diagnostics) == 3
    assert len(BuildState.load(out)[0].editions) == 4 - len(died)
    assert "killer (not built)" in (out / "index.html").read_text()
