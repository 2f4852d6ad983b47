"""Making a build's outputs durable in batches instead of one fsync per page.

The build's pages can be made again from the editions, so they are written atomically (a
temporary file renamed into place: a reader or a killed worker never sees half a page) but
without the per-file fsync of `xmlio.write_atomic` (``durable=False``). Durability is then
owed before anything *records* those pages: the build state says "this edition's outputs are
complete", so every page it lists must be on disk before a state that lists it is written.
`OutputBatch` holds the pages written since the last state save and flushes them all at once
just before the save.

This module owns that batch and how it is flushed. It must not decide what is written or when
the state is saved (`scheduler` and `collection` do); the state file itself and a TEI written
into an edition folder stay durable one by one (`write_atomic`'s default).
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

# best effort for folders, as for each durable write (some file systems refuse to sync them)
from tei_edition.xmlio import _fsync_folder


def _find_syncfs() -> Callable[[int], int] | None:
    """Linux's syncfs(2): everything written to one file system, durable in one call. Measured
    on the build machine for the pages of ~100 editions (600 files): 18-50 ms, against
    250-1,700 ms for an fsync of each file (each waits for its own journal commit)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int]
    function.restype = ctypes.c_int
    return function


_SYNCFS = _find_syncfs()


class OutputBatch:
    """Files written without fsync that must be durable before the next state save."""

    def __init__(self) -> None:
        self._files: set[Path] = set()

    def __len__(self) -> int:
        return len(self._files)

    def add(self, paths: Iterable[Path]) -> None:
        self._files.update(paths)

    def flush(self) -> None:
        """Make every pending file and the folder entries naming them durable, then forget
        them: one syncfs per file system where there is one, else an fsync of each file and
        folder. A file removed since it was added needs nothing."""
        by_device: dict[int, list[Path]] = {}
        for path in sorted(self._files):
            try:
                by_device.setdefault(os.stat(path).st_dev, []).append(path)
            except FileNotFoundError:
                continue
        for paths in by_device.values():
            if not _sync_file_system(paths[0]):
                _fsync_each(paths)
        self._files.clear()


def _sync_file_system(member: Path) -> bool:
    """syncfs on the file system holding ``member``; False when there is no syncfs or it
    failed (the caller then syncs file by file)."""
    if _SYNCFS is None:
        return False
    try:
        fd = os.open(member, os.O_RDONLY)
    except OSError:
        return False
    try:
        return _SYNCFS(fd) == 0
    finally:
        os.close(fd)


def _fsync_each(paths: list[Path]) -> None:
    folders: set[Path] = set()
    for path in paths:
        if _fsync_file(path):
            folders.add(path.parent)
            folders.add(path.parent.parent)  # the edition folder's own entry in OUT_DIR
    for folder in sorted(folders):
        _fsync_folder(folder)


def _fsync_file(path: Path) -> bool:
    """fsync one file; False when it no longer exists (removed since: nothing to keep)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return True
