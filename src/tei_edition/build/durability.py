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

import os
from collections.abc import Iterable
from pathlib import Path

# best effort for folders, as for each durable write (some file systems refuse to sync them)
from tei_edition.xmlio import _fsync_folder


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
        them. A file removed since it was added needs nothing. Called in the build's own
        process while the workers go on computing, so the disk waits overlap their work."""
        folders: set[Path] = set()
        for path in sorted(self._files):
            if _fsync_file(path):
                folders.add(path.parent)
                folders.add(path.parent.parent)  # the edition folder's own entry in OUT_DIR
        for folder in sorted(folders):
            _fsync_folder(folder)
        self._files.clear()


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
