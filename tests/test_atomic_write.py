"""Specification of `xmlio.write_atomic` under the worst interruption: SIGKILL mid-write.

A child process writes through `write_atomic`; the parent kills it while the bytes are on
their way and then checks that the target holds a complete old or complete new content, and
that the only other thing left is a dot-prefixed ``.tmp`` file (documented in docs/security.md).
"""

from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tei_edition.xmlio import OutputExistsError, write_atomic

SIZE = 16 * 1024 * 1024  # large enough that a write takes a while, small enough for CI
LEFTOVER = re.compile(r"^\.edition\.xml\..+\.tmp$")


def content(tag: bytes) -> bytes:
    """A recognisable complete content: the tag repeated, then an end marker."""
    return tag * (SIZE // len(tag)) + b"<!--END-->\n"


OLD, NEW_A, NEW_B = content(b"OLD-"), content(b"AAAA"), content(b"BBBB")


def run_child(script: str, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def kill(child: subprocess.Popen[bytes]) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL, child.stderr.read().decode() if child.stderr else ""


def others_in(folder: Path, target: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p != target)


def wait_for(path: Path, child: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert child.poll() is None, child.stderr.read().decode() if child.stderr else ""
        assert time.monotonic() < deadline, f"child never reached {path.name}"
        time.sleep(0.01)


def kill_while_stalled_in(tmp_path: Path, stalled: str, durable: bool) -> tuple[Path, Path]:
    """Kill a child that writes a new content over OLD while it stalls in ``os.<stalled>``;
    the output folder and the target."""
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "edition.xml"
    target.write_bytes(OLD)
    reached = tmp_path / f"reached-{stalled}"
    child = run_child("""
        import os, sys, time
        from tei_edition import xmlio
        def stall(*args):
            open(sys.argv[2], "w").close()
            time.sleep(60)
        setattr(xmlio.os, sys.argv[3], stall)
        xmlio.write_atomic(sys.argv[1], b"NEW" * (16 * 1024 * 1024 // 3), force=True,
                           durable=sys.argv[4] == "durable")
    """, str(target), str(reached), stalled, "durable" if durable else "not durable")
    wait_for(reached, child)
    kill(child)
    return folder, target


def test_a_kill_between_writing_and_renaming_leaves_the_old_file(tmp_path: Path) -> None:
    # The child stalls inside fsync, i.e. after every byte of the temporary file is written
    # and before the rename: the widest window a real kill could hit.
    folder, target = kill_while_stalled_in(tmp_path, "fsync", durable=True)
    assert target.read_bytes() == OLD
    leftovers = others_in(folder, target)
    assert len(leftovers) == 1 and LEFTOVER.match(leftovers[0]), leftovers


def test_a_kill_before_renaming_a_non_durable_write_leaves_the_old_file(tmp_path: Path) -> None:
    # Without fsync the last step before the rename is setting the mode: stall there, with
    # every byte of the temporary file written.
    folder, target = kill_while_stalled_in(tmp_path, "chmod", durable=False)
    assert target.read_bytes() == OLD
    leftovers = others_in(folder, target)
    assert len(leftovers) == 1 and LEFTOVER.match(leftovers[0]), leftovers


def test_kills_at_random_moments_never_leave_a_partial_target(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "edition.xml"
    target.write_bytes(OLD)
    started = tmp_path / "started"
    for delay in (0.05, 0.13, 0.21, 0.34, 0.55):
        child = run_child("""
            import sys
            from tei_edition.xmlio import write_atomic
            contents = [b"AAAA" * (16 * 1024 * 1024 // 4) + b"<!--END-->\\n",
                        b"BBBB" * (16 * 1024 * 1024 // 4) + b"<!--END-->\\n"]
            open(sys.argv[2], "w").close()
            i = 0
            while True:
                write_atomic(sys.argv[1], contents[i % 2], force=True)
                i += 1
        """, str(target), str(started))
        wait_for(started, child)
        time.sleep(delay)
        kill(child)
        started.unlink()
        assert target.read_bytes() in (OLD, NEW_A, NEW_B)
        assert all(LEFTOVER.match(name) for name in others_in(folder, target))


def test_an_existing_target_is_not_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "edition.xml"
    target.write_bytes(b"keep me")
    with pytest.raises(OutputExistsError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"keep me"
    assert others_in(tmp_path, target) == []


def test_force_replaces_the_target_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "edition.xml"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600
    assert others_in(tmp_path, target) == []


def test_a_new_target_is_readable_by_others_like_any_output(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "edition.xml"
    write_atomic(target, b"x")
    assert target.read_bytes() == b"x" and target.stat().st_mode & 0o777 == 0o644


def test_a_dangling_symlink_counts_as_an_existing_output(tmp_path: Path) -> None:
    target = tmp_path / "edition.xml"
    target.symlink_to(tmp_path / "nowhere")
    with pytest.raises(OutputExistsError):
        write_atomic(target, b"x")
    assert not (tmp_path / "nowhere").exists()


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "edition.xml"
    target.write_bytes(b"old")

    def failing_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError):
        write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"old"
    assert others_in(tmp_path, target) == []


def _record_fsyncs(monkeypatch) -> list[str]:
    """Replace os.fsync with a recorder of what was synced: 'file' or 'folder'."""
    synced: list[str] = []

    def recording_fsync(fd: int) -> None:
        synced.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")

    monkeypatch.setattr(os, "fsync", recording_fsync)
    return synced


def test_by_default_the_file_and_its_folder_are_synced_before_returning(tmp_path, monkeypatch):
    synced = _record_fsyncs(monkeypatch)
    write_atomic(tmp_path / "edition.xml", b"x")
    assert synced == ["file", "folder"]


def test_a_write_that_need_not_be_durable_syncs_nothing_and_still_replaces_whole(
    tmp_path, monkeypatch
):
    target = tmp_path / "index.html"
    target.write_bytes(b"old")
    target.chmod(0o640)
    synced = _record_fsyncs(monkeypatch)
    write_atomic(target, b"new", force=True, durable=False)
    assert synced == []
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert others_in(tmp_path, target) == []


def test_the_temporary_file_is_private_and_beside_the_target(tmp_path: Path) -> None:
    from tei_edition.xmlio import _create_temporary

    fd, name = _create_temporary(tmp_path / "edition.xml")
    os.close(fd)
    assert Path(name).parent == tmp_path
    assert LEFTOVER.match(Path(name).name)
    assert stat.S_IMODE(os.stat(name).st_mode) == 0o600


def test_a_temporary_name_already_taken_is_never_reused(tmp_path: Path, monkeypatch) -> None:
    from tei_edition import xmlio

    taken = tmp_path / f".edition.xml.{'00' * 6}.tmp"
    taken.write_bytes(b"someone else's")
    tokens = iter([b"\0" * 6, b"\1" * 6])
    monkeypatch.setattr(xmlio.os, "urandom", lambda size: next(tokens))
    fd, name = xmlio._create_temporary(tmp_path / "edition.xml")
    os.close(fd)
    assert name == str(tmp_path / f".edition.xml.{'01' * 6}.tmp")
    assert taken.read_bytes() == b"someone else's"
