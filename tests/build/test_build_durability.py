"""How a build makes its outputs durable: pages are renamed into place whole but synced in
batches, and the build state never names a page that is not yet on disk; only the state file
and a TEI written into an edition folder are synced one by one."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from build_fakes import FAKE_STAGES, write_collection, write_edition

from tei_edition import xmlio
from tei_edition.build import BuildOptions, build_collection, durability, scheduler, state
from tei_edition.build.durability import OutputBatch
from tei_edition.build.state import STATE_FILE, BuildState
from tei_edition.diagnostics import exit_code_for


def build(editions: Path, out: Path, **options):
    options.setdefault("jobs", 1)
    return build_collection(
        BuildOptions(editions_dir=editions, out_dir=out, **options), stages=FAKE_STAGES
    )


def _temporaries(folder: Path) -> list[Path]:
    return list(folder.rglob(".*.tmp"))


def test_only_the_state_and_an_editions_tei_are_synced_as_they_are_written(tmp_path, monkeypatch):
    writes: list[tuple[str, bool]] = []
    original = xmlio.write_atomic

    def recording_write(path, data, *, force=False, durable=True):
        writes.append((Path(path).name, durable))
        original(path, data, force=force, durable=durable)

    monkeypatch.setattr(xmlio, "write_atomic", recording_write)
    monkeypatch.setattr(state, "write_atomic", recording_write)
    editions = tmp_path / "editions"
    write_edition(editions, "bracket", "Title\nSmith: an [unclosed bracket\n")
    write_edition(editions, "clean", "Title\nSmith: fine\n")
    build(editions, tmp_path / "site")
    durable = {name for name, synced in writes if synced}
    assert durable == {STATE_FILE, "clean.xml"}  # the TEI written into the edition folder
    batched = {name for name, synced in writes if not synced}
    assert {"index.html", "reading.txt", "record.json", "diagnostics.json"} <= batched
    assert {"persons.html", "diagnostics.html"} <= batched


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_output_the_state_names_was_flushed_before_the_state_was_saved(
    tmp_path, monkeypatch, jobs
):
    flushed: set[Path] = set()
    original_flush = OutputBatch.flush

    def recording_flush(self: OutputBatch) -> None:
        flushed.update(self._files)
        original_flush(self)

    saves: list[int] = []
    original_save = BuildState.save

    def checking_save(self, out_dir: Path) -> None:
        for entry in self.editions.values():
            assert {out_dir / p for p in entry.outputs} <= flushed
        if (out_dir / "index.html").exists():
            assert out_dir / "index.html" in flushed
        saves.append(len(self.editions))
        original_save(self, out_dir)

    monkeypatch.setattr(OutputBatch, "flush", recording_flush)
    monkeypatch.setattr(BuildState, "save", checking_save)
    editions = tmp_path / "editions"
    write_collection(editions, 8)
    write_edition(editions, "bracket", "Title\nSmith: an [unclosed bracket\n")
    build(editions, tmp_path / "site", jobs=jobs)
    assert saves[-1] == 9


def _pending_pages(tmp_path: Path) -> tuple[OutputBatch, list[Path]]:
    page, gone = tmp_path / "ed" / "index.html", tmp_path / "ed" / "old.txt"
    page.parent.mkdir()
    page.write_bytes(b"page")
    batch = OutputBatch()
    batch.add([page, gone])
    batch.add([page])
    return batch, [page, gone]


@pytest.mark.skipif(durability._SYNCFS is None, reason="syncfs(2) is Linux's")
def test_a_flush_on_linux_is_one_syncfs_for_the_file_system(tmp_path, monkeypatch):
    calls: list[int] = []
    monkeypatch.setattr(durability, "_SYNCFS", lambda fd: calls.append(fd) or 0)
    monkeypatch.setattr(os, "fsync", lambda fd: pytest.fail("fsync called"))
    batch, _ = _pending_pages(tmp_path)
    assert len(batch) == 2
    batch.flush()
    assert len(calls) == 1 and len(batch) == 0


def test_without_syncfs_a_flush_syncs_each_remaining_file_and_its_folders(tmp_path, monkeypatch):
    synced: list[int] = []  # inode numbers
    monkeypatch.setattr(durability, "_SYNCFS", None)
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(os.fstat(fd).st_ino))
    batch, (page, _gone) = _pending_pages(tmp_path)
    batch.flush()
    assert synced == [p.stat().st_ino for p in (page, tmp_path, page.parent)]
    batch.flush()
    assert len(synced) == 3


def test_a_worker_killed_while_renaming_a_page_leaves_the_old_page_whole(tmp_path, monkeypatch):
    editions = tmp_path / "editions"
    write_collection(editions, 4)
    victim = write_edition(editions, "victim", "Victim\nSmith: first words\n")
    out = tmp_path / "site"
    assert exit_code_for(build(editions, out, jobs=2).diagnostics) == 0
    old_page = (out / "victim" / "index.html").read_bytes()
    (victim / "victim.txt").write_text("Victim\nSmith: second words\n")
    (editions / "ed-000" / "ed-000.txt").write_text("Other\nJones: also changed\n")
    # (two editions to build, so that they go to worker processes)
    build_process = os.getpid()
    original_replace = os.replace

    def killing_replace(source, target, *args, **kwargs):
        # in a worker (forked from this process), at the widest window: the new page is
        # entirely in its temporary file and the rename has not happened
        if os.getpid() != build_process and str(target).endswith("victim/index.html"):
            os.kill(os.getpid(), signal.SIGKILL)
        return original_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", killing_replace)
    # the build drops the outputs of an edition that failed; keep them to see what the dead
    # worker left on disk
    monkeypatch.setattr(scheduler, "remove_outputs", lambda out_dir, outputs: None)
    report = build(editions, out, jobs=2)
    assert "build.worker-died" in {d.code for d in report.diagnostics}
    assert (out / "victim" / "index.html").read_bytes() == old_page
    assert [p.name for p in _temporaries(out / "victim")][0].startswith(".index.html.")
    assert "victim" not in BuildState.load(out)[0].editions
    monkeypatch.undo()
    # the next build redoes the edition and clears what the killed worker left behind
    report = build(editions, out, jobs=2)
    assert exit_code_for(report.diagnostics) == 0
    assert b"second words" in (out / "victim" / "index.html").read_bytes()
    assert _temporaries(out) == []
