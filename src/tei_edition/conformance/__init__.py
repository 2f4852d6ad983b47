"""TEI P5 conformance: is a document valid against tei_all.rng, with jing's verdict, fast?

Public entry points:
- `check_conformance(tree, path, rng_path, timeout=None) -> list[Diagnostic]` for one parsed
  document;
- `check_conformance_files(paths, rng_path, jobs=None, timeout=None) -> list[Diagnostic]`
  for many files, parsed and judged in up to ``jobs`` worker processes.
Codes: ``tei.invalid`` (error, positioned), ``tei.schema-unusable`` (fatal),
``tei.timeout`` (fatal: no verdict within the time limit), ``tei.internal-error`` (fatal).

How it is fast and why it is right: engine.py (the verdict rule), names.py (the names a
document uses), grammar.py (reading the schema, lazily), reduce.py (the grammar reduction),
rngwrite.py (writing it back), cache.py (what is kept on disk), deadline.py (time limits),
batch.py (one grammar for many files) and workers.py (the chunked worker processes). This
module only wires them together and must not grow logic of its own.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tei_edition.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from lxml import etree

    from tei_edition.conformance import deadline, engine

# The stages (engine, deadline, batch, workers) are imported where they are used, so that
# importing a light submodule such as prefetch.py does not load them all (start-up time).

__all__ = ["check_conformance", "check_conformance_files"]

_TEI_NS = "http://www.tei-c.org/ns/1.0"
_SCHEMA_HINT = "run `tei-edition schema fetch` or pass --tei-all PATH"


def _unusable(rng_path: str | os.PathLike[str], error: Exception) -> Diagnostic:
    return Diagnostic(str(rng_path), 0, 0, Severity.FATAL, "tei.schema-unusable",
                      f"cannot use TEI schema: {error}", _SCHEMA_HINT)


def _read_source(path: str) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except OSError:
        return None


def _judge_tree(tree: etree._ElementTree, path: str, schema: engine.Schema,
                source: bytes | None, decide: engine.Decide | None = None) -> list[Diagnostic]:
    from lxml import etree

    from tei_edition.conformance import engine

    try:
        verdict = (decide or engine.judge)(tree, schema)
    except engine.SchemaUnusable as error:
        return [_unusable(schema.path, error)]
    if verdict.valid:
        return []
    from tei_edition.conformance import messages  # only an invalid document needs it

    if source is None:
        source = _read_source(path)
    found = messages.diagnostics_for(path, verdict.errors, source)
    root = tree.getroot()
    if etree.QName(root).namespace is None and root.tag in ("TEI", "teiCorpus"):
        # The commonest mistake of all, which libxml2 words as a misplaced element.
        found.insert(0, Diagnostic(path, root.sourceline or 1, 1, Severity.ERROR, "tei.invalid",
                                   f"<{root.tag}> is in no namespace; TEI P5 elements are in "
                                   f"the namespace {_TEI_NS}",
                                   f'write <{root.tag} xmlns="{_TEI_NS}">'))
    return found


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _outcome_diagnostics(path: str, outcome: deadline.Outcome,
                         timeout: float) -> list[Diagnostic]:
    from tei_edition.conformance import deadline

    if outcome.status == "ok":
        return list(outcome.value)
    if outcome.status == "timeout":
        return [Diagnostic(path, 0, 0, Severity.FATAL, "tei.timeout",
                           f"TEI conformance check gave no verdict within {timeout:g} s",
                           f"allow more time with {deadline.TIMEOUT_ENV}=SECONDS, or check the "
                           "file with jing")]
    return [Diagnostic(path, 0, 0, Severity.FATAL, "tei.internal-error",
                       f"TEI conformance check failed: {outcome.value}",
                       "please report this with the file")]


def check_conformance(tree: etree._ElementTree, path: str, rng_path: str | os.PathLike[str],
                      timeout: float | None = None) -> list[Diagnostic]:
    """Diagnostics of ``tree`` (read from ``path``) against the RELAX NG schema ``rng_path``;
    [] when valid. Never raises on bad input; returns within ``timeout`` seconds (default
    $TEI_EDITION_CONFORMANCE_TIMEOUT or 60), with tei.timeout when validation took longer
    (it then goes on in a daemon thread until done or until the process exits)."""
    from tei_edition.conformance import deadline, engine

    try:
        schema = engine.load_schema(rng_path)
    except engine.SchemaUnusable as error:
        return [_unusable(rng_path, error)]
    limit = timeout if timeout is not None else deadline.default_timeout()
    outcome = deadline.run_in_thread(lambda: _judge_tree(tree, path, schema, None), limit)
    if outcome.status == "timeout":
        # The abandoned thread may still be using compiled grammars: never share them.
        engine.forget_compiled_grammars()
    return _outcome_diagnostics(path, outcome, limit)


def check_conformance_files(paths: Sequence[str | os.PathLike[str]],
                            rng_path: str | os.PathLike[str], jobs: int | None = None,
                            timeout: float | None = None) -> list[Diagnostic]:
    """Diagnostics of every file in ``paths`` (parse problems included), in input order,
    judged in up to ``jobs`` worker processes (default: the usable CPUs), each with one
    grammar reduced to the union of its files' names (batch.py), each file within
    ``timeout`` seconds. A schema that cannot be used gives one fatal diagnostic."""
    # Imported here, not at the top: the single-document route needs neither (start-up time).
    from tei_edition.conformance import batch, deadline, engine, workers

    try:
        schema = engine.load_schema(rng_path)
    except engine.SchemaUnusable as error:
        return [_unusable(rng_path, error)]
    limit = timeout if timeout is not None else deadline.default_timeout()
    names = [str(path) for path in paths]

    def judge_tree(tree: etree._ElementTree, path: str, schema: engine.Schema,
                   decide: engine.Decide) -> list[Diagnostic]:
        return _judge_tree(tree, path, schema, None, decide)  # source read only if invalid

    outcomes = workers.run_chunked(
        names, [_size(name) for name in names], jobs or deadline.default_jobs(), limit,
        lambda chunk, send: batch.judge_chunk(chunk, schema, judge_tree, send))
    found: list[Diagnostic] = []
    for name, outcome in zip(names, outcomes, strict=True):
        found.extend(_outcome_diagnostics(name, outcome, limit))
    return found
