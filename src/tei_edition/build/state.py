"""The build state saved in the output folder: what each edition was built from and what it gave.

This module owns `.build-state.json`: reading it (a missing or damaged file means "build
everything"), and writing it atomically. An edition's entry is replaced only once all of that
edition's outputs are written, so the state never claims an output that is not complete. It
must not decide what to rebuild; `collection` does that.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tei_edition.diagnostics import Diagnostic, Severity
from tei_edition.xmlio import write_atomic

STATE_FILE = ".build-state.json"
STATE_FORMAT = 2
DIAGNOSTICS_FILE = "diagnostics.json"


@dataclass
class EditionEntry:
    """What the last build of one edition used and produced.

    ``outputs`` are paths relative to the output folder, among them the edition's catalogue
    record (`<slug>/record.json`, from which the collection pages are made without reading an
    unchanged edition again) and, when it has any, its diagnostics (`<slug>/diagnostics.json`,
    reported again on every run). Both live beside the pages rather than in the state, so the
    state stays small however many turns and problems the editions have.
    """

    fingerprint: str
    outputs: list[str]
    diagnostics_file: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "outputs": self.outputs,
            "diagnostics": self.diagnostics_file,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EditionEntry:
        found = data.get("diagnostics")
        return cls(
            fingerprint=str(data["fingerprint"]),
            outputs=[str(p) for p in data["outputs"]],
            diagnostics_file=str(found) if found else None,
        )

    def load_diagnostics(self, out_dir: Path) -> list[Diagnostic]:
        if self.diagnostics_file is None:
            return []
        path = out_dir / self.diagnostics_file
        try:
            return [_diagnostic_from_json(d) for d in json.loads(path.read_text(encoding="utf-8"))]
        except (OSError, ValueError, KeyError, TypeError) as error:
            return [
                Diagnostic(
                    str(path),
                    0,
                    0,
                    Severity.WARNING,
                    "build.state-unreadable",
                    f"saved diagnostics are unreadable ({error}); build with --force to redo them",
                )
            ]


def write_diagnostics(out_dir: Path, slug: str, diagnostics: list[Diagnostic]) -> str | None:
    """Save an edition's diagnostics beside its pages (not yet durable: the caller flushes it
    with the pages); the relative path, None when none."""
    if not diagnostics:
        return None
    relative = f"{slug}/{DIAGNOSTICS_FILE}"
    data = json.dumps([d.to_json() for d in diagnostics], ensure_ascii=False, indent=1) + "\n"
    # an output like the pages: made durable with them, before the state names it
    write_atomic(out_dir / relative, data.encode("utf-8"), force=True, durable=False)
    return relative


def _diagnostic_from_json(data: dict[str, Any]) -> Diagnostic:
    return Diagnostic(
        str(data["path"]),
        int(data["line"]),
        int(data["column"]),
        Severity.parse(str(data["severity"])),
        str(data["code"]),
        str(data["message"]),
        data.get("hint"),
    )


@dataclass
class BuildState:
    editions: dict[str, EditionEntry] = field(default_factory=dict)
    tool: str = ""  # the tool fingerprint the collection pages were last written with

    @classmethod
    def load(cls, out_dir: Path) -> tuple[BuildState, list[Diagnostic]]:
        """The saved state, or an empty one (with a warning when the file is damaged)."""
        path = out_dir / STATE_FILE
        if not path.is_file():
            return cls(), []
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != STATE_FORMAT:
                return cls(), []  # written by another version: rebuild, silently
            editions = {
                slug: EditionEntry.from_json(entry) for slug, entry in data["editions"].items()
            }
            tool = str(data.get("tool", ""))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            return cls(), [
                Diagnostic(
                    str(path),
                    0,
                    0,
                    Severity.WARNING,
                    "build.state-unreadable",
                    f"build state is unreadable ({error}); every edition is built again",
                )
            ]
        return cls(editions, tool), []

    def save(self, out_dir: Path) -> None:
        path = out_dir / STATE_FILE
        encoded = self.encode()
        if not path.is_file() or path.read_bytes() != encoded:  # a no-op build writes nothing
            write_atomic(path, encoded, force=True)

    def encode(self) -> bytes:
        """The state file's bytes: JSON with one line per edition, in slug order.

        The state is saved about once a second while a build runs; `indent` would send every
        save through json's pure-Python encoder (a fifth of the build process's CPU for 1,000
        editions, taken from the workers' cores), so each line is encoded compactly, by C."""
        lines = [
            f"{json.dumps(slug, ensure_ascii=False)}:"
            f"{json.dumps(self.editions[slug].to_json(), ensure_ascii=False, sort_keys=True)}"
            for slug in sorted(self.editions)
        ]
        head = json.dumps({"format": STATE_FORMAT, "tool": self.tool}, sort_keys=True)[:-1]
        body = ",\n".join(lines)
        return f'{head}, "editions": {{\n{body}\n}}}}\n'.encode()
