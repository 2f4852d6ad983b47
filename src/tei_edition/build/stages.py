"""The stage functions a build calls, gathered in one replaceable value.

This module owns the adapters from the build to the converter, validator and renderer, so the
orchestration can be tested with fakes and the real stages are imported only inside worker
processes. It must not orchestrate anything: `worker` calls these, `collection` schedules.
A `Stages` value is pickled to the workers, so every function in it must be importable at
module level.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tei_edition.diagnostics import Diagnostic

Tree = Any  # an lxml ElementTree; kept loose so this module needs no lxml at import time

ConvertFn = Callable[[Path, "Path | None"], tuple["Tree | None", Sequence[Diagnostic]]]
PolicyFn = Callable[[Path], tuple[bool, Sequence[Diagnostic]]]
ValidateFn = Callable[[Tree, str, str, "Path | None"], Sequence[Diagnostic]]
RenderFn = Callable[[Tree, str, str], tuple["bytes | None", Sequence[Diagnostic]]]


@dataclass(frozen=True)
class Stages:
    """convert(transcript, metadata) -> (tree | None, diagnostics);
    tei_check_only(metadata) -> (True when the metadata says the TEI is hand-maintained, diagnostics);
    validate(tree, path, profile, tei_all) -> diagnostics;
    render(tree, to, view) -> (bytes | None, diagnostics)."""

    convert: ConvertFn
    tei_check_only: PolicyFn
    validate: ValidateFn
    render: RenderFn

    def identity(self) -> str:
        """Names of the stage functions, part of the tool fingerprint (fakes never share a
        state with the real stages)."""
        return ",".join(f"{f.__module__}.{f.__qualname__}" for f in
                        (self.convert, self.tei_check_only, self.validate, self.render))


def convert_transcript(transcript: Path, metadata: Path | None) -> tuple[Tree | None, list[Diagnostic]]:
    from tei_edition.convert import convert_file

    result = convert_file(transcript, meta_path=metadata)
    return result.tree, list(result.diagnostics)


# The metadata key through which an edition declares its TEI hand-maintained: the build then
# checks it but never regenerates or rewrites it (docs/build.md).
TEI_POLICY_KEY = "tei"
CHECK_ONLY_VALUES = frozenset({"hand-maintained", "check-only"})


def metadata_says_check_only(metadata: Path) -> tuple[bool, list[Diagnostic]]:
    """True when the metadata has ``tei = "hand-maintained"`` (or ``"check-only"``).

    The file is only looked at for this one key; reading problems are left to the converter,
    which reports them with the rest of the metadata.
    """
    import tomllib

    try:
        data = tomllib.loads(metadata.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False, []
    return str(data.get(TEI_POLICY_KEY, "")).strip().lower() in CHECK_ONLY_VALUES, []


def validate_tei(tree: Tree, path: str, profile: str, tei_all: Path | None) -> list[Diagnostic]:
    from tei_edition.validation import validate_tree

    return list(validate_tree(tree, path, profile=profile, tei_all=tei_all))


def render_tei(tree: Tree, to: str, view: str) -> tuple[bytes | None, list[Diagnostic]]:
    from tei_edition.render import render_tree

    data, diagnostics = render_tree(tree, to=to, view=view)
    return data, list(diagnostics)


REAL_STAGES = Stages(convert=convert_transcript, tei_check_only=metadata_says_check_only,
                     validate=validate_tei, render=render_tei)
