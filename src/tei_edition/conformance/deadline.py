"""Run validation tasks with a deadline: one task in a thread of this process (`run_in_thread`),
and the process primitives of the forked workers (`fork_worker`, `_kill`, used by workers.py).

This module owns thread and process handling for conformance; it must not know what the tasks
do. A libxml2 validation cannot be interrupted from Python, but lxml releases the GIL while it
validates, so a thread can be waited for with a time limit: past it the caller gets a timeout
and the thread is abandoned (a daemon: it ends with the process). `run_in_thread` avoids the
cost of a fork per document (measured: 0.9 s of system time over the 60 corpus files). Many
files go to workers.py, whose forked workers are killed at their deadline.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

DEFAULT_TIMEOUT_S = 60.0
TIMEOUT_ENV = "TEI_EDITION_CONFORMANCE_TIMEOUT"


def default_timeout() -> float:
    try:
        value = float(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT_S))
    except ValueError:
        return DEFAULT_TIMEOUT_S
    return value if value > 0 else DEFAULT_TIMEOUT_S


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else (os.cpu_count() or 1))


@dataclass(frozen=True)
class Outcome:
    status: str  # "ok", "timeout" or "failed"
    value: Any = None  # the task's result when ok, a message when failed


@dataclass
class _Running:
    index: int
    pid: int
    fd: int
    started: float
    chunks: list[bytes]


def run_in_thread(task: Callable[[], Any], timeout: float) -> Outcome:
    """The task's outcome, or a timeout once ``timeout`` seconds have passed."""
    box: list[Outcome] = []
    thread = threading.Thread(target=lambda: box.append(_inline(task)), daemon=True,
                              name="tei-edition-conformance")
    thread.start()
    thread.join(timeout)
    if thread.is_alive() or not box:
        return Outcome("timeout")
    return box[0]


def _inline(task: Callable[[], Any]) -> Outcome:
    try:
        return Outcome("ok", task())
    except Exception as error:  # noqa: BLE001 - reported as a diagnostic by the caller
        return Outcome("failed", f"{type(error).__name__}: {error}")


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def fork_worker(body: Callable[[int], None], index: int = -1) -> _Running:
    """Fork a process that runs ``body(write_fd)`` and exits; what it writes arrives on the
    returned fd."""
    read_fd, write_fd = os.pipe()
    # Objects that exist now are never collected by the child: without this its garbage
    # collector would walk (and so copy-on-write) the parent's whole heap.
    gc.freeze()
    pid = os.fork()
    if pid == 0:  # the child: run, leave without cleanup handlers
        gc.disable()
        os.close(read_fd)
        status = 0
        try:
            body(write_fd)
        except BaseException:  # noqa: BLE001 - nothing to report to in a forked child
            status = 1
        finally:
            os._exit(status)
    gc.unfreeze()
    os.close(write_fd)
    return _Running(index, pid, read_fd, time.monotonic(), [])


def _kill(child: _Running) -> None:
    import signal  # only a timed-out worker needs it (start-up time: docs/performance.md)

    try:
        os.kill(child.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        os.close(child.fd)
    except OSError:
        pass
    os.waitpid(child.pid, 0)
