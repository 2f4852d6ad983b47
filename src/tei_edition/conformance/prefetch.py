"""Start reading a schema (tei_all.rng) in the background while the command is still loading.

This module owns one background read per schema file per process: its bytes, then its tree
parsed by grammar.parse_schema. It must not interpret the schema (grammar.py) or decide
anything (engine.py); a read that failed is simply not offered, and the engine reads the file
itself, with its own diagnostics.

Why: with an empty cache, `validate --profile tei FILE` must read tei_all.rng (1.1 MB, ~12 ms
of libxml2 parsing) before it can reduce it. lxml releases the GIL while it parses, so the
parse runs on the second core while the main thread imports the validation modules and parses
the document (~30 ms of Python that cannot overlap with anything else). When the reduced
grammar is already cached the read is wasted, but only on the other core.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

from lxml import etree


class _Reading:
    def __init__(self, path: str) -> None:
        self.path = path
        self.data: bytes | None = None
        self.root: etree._Element | None = None
        self.have_data = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True,
                                       name="tei-edition-schema-read")

    def _run(self) -> None:
        from tei_edition.conformance.grammar import parse_schema

        try:
            with open(self.path, "rb") as handle:
                self.data = handle.read()
        except OSError:
            return
        finally:
            self.have_data.set()
        try:
            self.root = parse_schema(self.data)
        except Exception:  # noqa: BLE001 (the engine parses again and reports the error)
            self.root = None

    def parsed(self) -> etree._Element | None:
        self.thread.join()
        root, self.root = self.root, None  # handed over once: the tree is not shared
        return root


_readings: dict[str, _Reading] = {}


def start(path: str | os.PathLike[str]) -> None:
    """Begin reading ``path`` in a daemon thread (once per path and process)."""
    key = os.path.realpath(path)
    if key not in _readings:
        reading = _readings[key] = _Reading(key)
        reading.thread.start()


def take(path: str | os.PathLike[str]) -> tuple[bytes, Callable[[], etree._Element | None]] | None:
    """The bytes read from ``path`` and a function giving their parsed tree (waiting for the
    parse, None if it failed), or None when no read was started or the file could not be read.
    A reading is taken once."""
    reading = _readings.pop(os.path.realpath(path), None)
    if reading is None:
        return None
    reading.have_data.wait()
    if reading.data is None:
        return None
    return reading.data, reading.parsed
