"""Judge many items in a few long-lived forked workers, each item within its own deadline.

This module owns the chunked worker pool of `check_conformance_files`: the items are split
into at most ``jobs`` chunks balanced by weight (file size), one forked worker per chunk runs
``run_chunk(chunk, send)``, which calls ``send(outcome)`` once per item in chunk order; each
outcome travels back at once (length-prefixed pickle on a pipe). The deadline is per item: a
worker that sends nothing for ``timeout`` seconds is killed, its current item gets a timeout
and the rest of its chunk goes to a new worker. It must not know what the items are.

Why chunks rather than a process per item (an earlier version): a worker can then compile
one grammar for its whole chunk (batch.py), and 60 files cost 2 forks instead of 60 (a fork
of the warm parent copies its page tables: measured 0.9 s of system time for 60 forks).
"""

from __future__ import annotations

import os
import pickle
import selectors
import struct
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tei_edition.conformance.deadline import (
    Outcome,
    _inline,
    _kill,
    _Running,
    fork_worker,
    write_all,
)

_LENGTH = struct.Struct(">Q")
Send = Callable[[Outcome], None]


def balanced_chunks(weights: Sequence[int], jobs: int) -> list[list[int]]:
    """Indices split into at most ``jobs`` non-empty chunks of similar total weight (the
    heaviest item goes to the lightest chunk first); each chunk keeps input order, so the
    split is deterministic (and so are the grammars the workers build and cache)."""
    count = max(1, min(jobs, len(weights)))
    chunks: list[list[int]] = [[] for _ in range(count)]
    loads = [0] * count
    for index in sorted(range(len(weights)), key=lambda i: (-weights[i], i)):
        lightest = loads.index(min(loads))
        chunks[lightest].append(index)
        loads[lightest] += weights[index]
    return [sorted(chunk) for chunk in chunks if chunk]


@dataclass
class _Worker:
    process: _Running
    items: list[int]  # indices not yet answered, in the order the worker answers them
    buffer: bytearray = field(default_factory=bytearray)


def run_chunked(items: Sequence[Any], weights: Sequence[int], jobs: int, timeout: float,
                run_chunk: Callable[[list[Any], Send], None]) -> list[Outcome]:
    """Each item's outcome, in item order (see the module doc). Results must be picklable."""
    chunks = balanced_chunks(weights, jobs)
    if not hasattr(os, "fork"):
        found: dict[int, Outcome] = {}
        for chunk in chunks:
            answers: list[Outcome] = []
            failure = _inline(lambda chunk=chunk, answers=answers: run_chunk(
                [items[i] for i in chunk], answers.append))
            for position, index in enumerate(chunk):
                found[index] = answers[position] if position < len(answers) else failure
        return [found[index] for index in range(len(items))]
    outcomes: list[Outcome | None] = [None] * len(items)
    workers: dict[int, _Worker] = {}
    selector = selectors.DefaultSelector()

    def start(chunk: list[int]) -> None:
        process = _fork(lambda send: run_chunk([items[i] for i in chunk], send))
        workers[process.fd] = _Worker(process, list(chunk))
        selector.register(process.fd, selectors.EVENT_READ)

    def stop(worker: _Worker, status: Outcome, killed: bool) -> None:
        selector.unregister(worker.process.fd)
        del workers[worker.process.fd]
        if killed:
            _kill(worker.process)
        else:
            os.close(worker.process.fd)
            os.waitpid(worker.process.pid, 0)
        if worker.items:  # the item in progress failed; the rest get a new worker
            outcomes[worker.items[0]] = status
            if worker.items[1:]:
                start(worker.items[1:])

    try:
        for chunk in chunks:
            start(chunk)
        while workers:
            soonest = min(w.process.started + timeout for w in workers.values())
            for key, _ in selector.select(max(0.0, soonest - time.monotonic())):
                worker = workers[key.fd]
                data = os.read(key.fd, 1 << 20)
                if not data:
                    stop(worker, Outcome("failed", "validation worker ended without a result"),
                         killed=False)
                    continue
                worker.buffer += data
                for outcome in _messages(worker.buffer):
                    outcomes[worker.items.pop(0)] = outcome
                    worker.process.started = time.monotonic()
            now = time.monotonic()
            for worker in list(workers.values()):
                if now - worker.process.started >= timeout:
                    stop(worker, Outcome("timeout"), killed=True)
    finally:
        for worker in workers.values():
            _kill(worker.process)
        selector.close()
    return [outcome or Outcome("failed", "no result") for outcome in outcomes]


def _messages(buffer: bytearray) -> list[Outcome]:
    """The complete messages at the head of ``buffer`` (removed from it)."""
    found = []
    while len(buffer) >= _LENGTH.size:
        (length,) = _LENGTH.unpack_from(buffer)
        if len(buffer) < _LENGTH.size + length:
            break
        payload = bytes(buffer[_LENGTH.size:_LENGTH.size + length])
        del buffer[:_LENGTH.size + length]
        try:
            outcome = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a damaged message: say so for that item
            outcome = Outcome("failed", "unreadable worker result")
        found.append(outcome if isinstance(outcome, Outcome)
                     else Outcome("failed", "bad worker result"))
    return found


def _sender(fd: int) -> Send:
    def send(outcome: Outcome) -> None:
        try:
            data = pickle.dumps(outcome)
        except Exception as error:  # noqa: BLE001 - an unpicklable result is a failure
            data = pickle.dumps(Outcome("failed", f"unpicklable result: {error}"))
        write_all(fd, _LENGTH.pack(len(data)) + data)
    return send


def _fork(task: Callable[[Send], None]) -> _Running:
    """Fork a worker running ``task(send)``; what it sends arrives on the returned fd."""
    return fork_worker(lambda fd: task(_sender(fd)))
