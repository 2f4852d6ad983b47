"""The stage functions a build calls, gathered in one replaceable value.

This module owns the adapters from the build to the converter, validator and renderer, so the
orchestration can be tested with fakes and the real stages are imported only when an edition
is built (in the worker processes, or in the command's own with -j 1). It must not
orchestrate anything: `worker` calls these, `collection` schedules.
A `Stages` value is pickled to the workers, so every function in it must be importable at
module level.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tei_edition.diagnostics import Diagnostic, Severity

Tree = Any  # an lxml ElementTree; kept loose so this module needs no lxml at import time

ConvertFn = Callable[[Path, "Path | None"], tuple["Tree | None", Sequence[Diagnostic]]]
PolicyFn = Callable[[Path], tuple[str, Sequence[Diagnostic]]]
ValidateFn = Callable[[Tree, str, str, "Path | None"], Sequence[Diagnostic]]
RenderFn = Callable[[Tree, str, str], tuple["bytes | None", Sequence[Diagnostic]]]


@dataclass(frozen=True)
class Stages:
    """convert(transcript, metadata) -> (tree | None, diagnostics);
    tei_policy(metadata) -> ("generated" | "check-only" | "hand-maintained", diagnostics);
    validate(tree, path, profile, tei_all) -> diagnostics;
    render(tree, to, view) -> (bytes | None, diagnostics)."""

    convert: ConvertFn
    tei_policy: PolicyFn
    validate: ValidateFn
    render: RenderFn
    # the packages whose source code decides the outputs (hashed into the tool fingerprint)
    code: tuple[str, ...] = ("tei_edition",)

    def identity(self) -> str:
        """Names of the stage functions, part of the tool fingerprint (fakes never share a
        state with the real stages)."""
        return ",".join(
            f"{f.__module__}.{f.__qualname__}"
            for f in (self.convert, self.tei_policy, self.validate, self.render)
        )


def convert_transcript(
    transcript: Path, metadata: Path | None
) -> tuple[Tree | None, list[Diagnostic]]:
    from tei_edition.convert import convert_file

    result = convert_file(transcript, meta_path=metadata)
    return result.tree, list(result.diagnostics)


# The metadata key through which an edition says how its TEI is kept (docs/build.md):
# "generated" (default): the build regenerates <slug>.xml from the transcript when stale;
# "check-only": <slug>.xml is committed generated output; the build converts to check that it is
#   current (build.stale-tei when not) but never rewrites it, and publishes it as it is;
# "hand-maintained": <slug>.xml is the master, edited by hand; it is never converted or rewritten.
TEI_POLICY_KEY = "tei"


def metadata_tei_policy(metadata: Path) -> tuple[str, list[Diagnostic]]:
    """The edition's TEI policy from its metadata (``tei = "..."``), "generated" by default.

    Only this key is looked at; other reading problems are left to the converter, which
    reports them with the rest of the metadata.
    """
    import tomllib

    from tei_edition.convert.metadata import TEI_POLICIES  # one list of policies, the converter's

    try:
        data = tomllib.loads(metadata.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return "generated", []
    value = data.get(TEI_POLICY_KEY, "generated")
    if value not in TEI_POLICIES:
        line = next(
            (
                n
                for n, text in enumerate(metadata.read_text(encoding="utf-8").splitlines(), 1)
                if text.strip().startswith(TEI_POLICY_KEY)
            ),
            0,
        )
        return "generated", [
            Diagnostic(
                str(metadata),
                line,
                1 if line else 0,
                Severity.ERROR,
                "build.bad-tei-policy",
                f"tei = {value!r} is not one of {', '.join(TEI_POLICIES)}",
                'use tei = "hand-maintained" for a TEI edited by hand',
            )
        ]
    return str(value), []


def validate_tei(tree: Tree, path: str, profile: str, tei_all: Path | None) -> list[Diagnostic]:
    from tei_edition.validation import validate_tree

    return list(validate_tree(tree, path, profile=profile, tei_all=tei_all))


def render_tei(tree: Tree, to: str, view: str) -> tuple[bytes | None, list[Diagnostic]]:
    from tei_edition.render import render_tree

    data, diagnostics = render_tree(tree, to=to, view=view)
    return data, list(diagnostics)


REAL_STAGES = Stages(
    convert=convert_transcript,
    tei_policy=metadata_tei_policy,
    validate=validate_tei,
    render=render_tei,
)
