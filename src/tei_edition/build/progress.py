"""Progress of a build on stderr: a bar on a terminal, a few plain lines otherwise.

This module owns only how progress looks. It must not print diagnostics or the summary; the
command does that.
"""

from __future__ import annotations

import sys
from typing import TextIO

_BAR_WIDTH = 30
_PLAIN_STEPS = 10  # plain output reports every tenth of the way


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, tty: bool | None = None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self._last_step = 0

    def advance(self, slug: str) -> None:
        self.done += 1
        if self.total <= 0:
            return
        if self.tty:
            filled = _BAR_WIDTH * self.done // self.total
            bar = "#" * filled + "." * (_BAR_WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total} {slug[:30]:<30}")
            self.stream.flush()
            return
        step = _PLAIN_STEPS * self.done // self.total
        if step > self._last_step:
            self._last_step = step
            self.stream.write(f"build: {self.done}/{self.total} editions built\n")
            self.stream.flush()

    def close(self) -> None:
        if self.tty and self.total > 0:
            self.stream.write("\r" + " " * (_BAR_WIDTH + 45) + "\r")
            self.stream.flush()


class SilentProgress(Progress):
    def __init__(self) -> None:
        super().__init__(0, stream=sys.stderr, tty=False)

    def advance(self, slug: str) -> None:
        self.done += 1
