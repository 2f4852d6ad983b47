"""Judge one parsed document against a RELAX NG grammar (tei_all.rng) quickly and soundly.

This module owns the verdict rule and the per-process memory of grammars. It must not fork,
time out or read documents from disk (see deadline.py and __init__.py).

The verdict rule (docs/performance.md explains it at length):
1. Reduce the grammar to the document's element and attribute names ("prune" shape, see
   reduce.py), compile it with libxml2, validate. ACCEPT is final: the reduced grammar
   matches the same documents over those names as the full grammar.
2. On REJECT, confirm with the differently shaped "stub" reduction. Both reject: the document
   is invalid, and the stub grammar's errors (which name the expected elements) are reported.
3. The two disagree: one of them met a libxml2 bug, so the unreduced grammar decides (slow:
   ~10 s to compile tei_all.rng, once per process).
A grammar this module cannot read (include, combine, ...) is used unreduced.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from tei_edition.conformance import cache, prefetch
from tei_edition.conformance.grammar import (
    UnsupportedGrammar,
    element_defines,
    read_grammar_lazily,
)
from tei_edition.conformance.names import (
    Names,
    Tree,
    attribute_names_in,
    element_names_in,
    names_by_part,
    split_name,
)
from tei_edition.conformance.reduce import reduce_grammar
from tei_edition.conformance.rngwrite import to_rng
from tei_edition.xmlio import schema_parser


class SchemaUnusable(Exception):
    """The schema file cannot be read or compiled."""


class Schema:
    """A schema file known by content: its path, its bytes' sha256 and, read only when a
    grammar must be built (the first cache miss), its IR; ``ir`` is None for a shape
    grammar.py cannot read (the schema is then used unreduced)."""

    def __init__(self, path: str, sha256: str, data: bytes | None = None,
                 parsed: Callable[[], etree._Element | None] | None = None) -> None:
        self.path = path
        self.sha256 = sha256
        self._data = data
        self._parsed = parsed  # ``data`` being parsed in the background (prefetch.py)
        self._ir: dict[str, Any] | None = None
        self._read = data is None

    @property
    def ir(self) -> dict[str, Any] | None:
        if not self._read:
            data, self._data = self._data, None
            parsed, self._parsed = self._parsed, None
            try:
                self._ir = read_grammar_lazily(data or b"", parsed() if parsed else None)
            except UnsupportedGrammar:
                self._ir = None
            except etree.XMLSyntaxError as error:
                raise SchemaUnusable(f"TEI schema {self.path} is not well-formed XML: "
                                     f"{error}") from None
            finally:
                self._read = True
        return self._ir

    def __repr__(self) -> str:
        return f"Schema(path={self.path!r}, sha256={self.sha256!r})"


class Unreducible(Exception):
    """The grammar cannot be reduced (its IR is None or met a construct it cannot read)."""


@dataclass(frozen=True)
class Verdict:
    valid: bool
    errors: tuple[tuple[int, str], ...]  # (line, libxml2 message)
    route: str  # which rule decided: "reduced", "confirmed", "full"


# (tree, schema) -> verdict: `judge`, or `judge_rejected` in the batch route.
Decide = Callable[[etree._ElementTree, Schema], Verdict]


def load_schema(rng_path: str | os.PathLike[str]) -> Schema:
    path = Path(rng_path)
    try:
        stat = path.stat()
    except OSError as error:
        raise SchemaUnusable(f"cannot read TEI schema {path}: {error.strerror or error}") from None
    return _load_schema(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load_schema(path: str, mtime_ns: int, size: int) -> Schema:
    reading = prefetch.take(path)
    if reading is not None:  # the bytes, and their tree still being parsed in a thread
        data, parsed = reading
        return Schema(path, cache.sha256_hex(data), data, parsed)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise SchemaUnusable(f"cannot read TEI schema {path}: {error.strerror or error}") from None
    return Schema(path, cache.sha256_hex(data), data)


@lru_cache(maxsize=64)
def _compile(rng_bytes: bytes) -> etree.RelaxNG:
    parser = schema_parser(huge_tree=True)
    return etree.RelaxNG(etree.fromstring(rng_bytes, parser))


def reduced_grammar(schema: Schema, elements: frozenset[tuple[str, str]],
                    attributes: frozenset[tuple[str, str]] | None, mode: str,
                    start_element: tuple[str, str] | None = None,
                    also_store_as: str | None = None) -> etree.RelaxNG:
    """The compiled reduction of ``schema`` to these names (disk-cached as RNG bytes; the
    schema's IR is read only when the cache misses); ``attributes`` None keeps every
    attribute pattern (see reduce.reduce_grammar); ``start_element`` starts the grammar at
    that element's definitions instead of `start`; ``also_store_as`` is a second cache key
    for the same grammar (batch.py's key by local names). Raises Unreducible, LookupError
    (no such start element) or etree.RelaxNGParseError."""
    mode_key = mode if start_element is None else f"{mode}@{start_element[0]} {start_element[1]}"
    key = cache.reduced_key(schema.sha256, mode_key, [f"{ns} {n}" for ns, n in elements],
                            ["*"] if attributes is None
                            else [f"{ns} {n}" for ns, n in attributes])
    compiled = cached_grammar(key)
    if compiled is not None:
        if also_store_as is not None:
            cache.write_record(also_store_as, cache.read_record(key) or b"")
        return compiled
    ir = schema.ir
    if ir is None:
        raise Unreducible(schema.path)
    try:
        if start_element is not None:
            names = element_defines(ir).get(start_element)
            if not names:
                raise LookupError(f"no definition of element {start_element}")
            refs = tuple(("ref", name) for name in names)
            ir = {**ir, "start": refs[0] if len(refs) == 1 else ("choice", refs)}
        start, defines = reduce_grammar(ir, elements, attributes, mode)
    except UnsupportedGrammar as error:
        raise Unreducible(str(error)) from None
    rng_bytes = to_rng(start, defines, ir)
    compiled = _compile(rng_bytes)
    cache.write_record(key, rng_bytes)
    if also_store_as is not None:
        cache.write_record(also_store_as, rng_bytes)
    return compiled


def cached_grammar(key: str) -> etree.RelaxNG | None:
    """The grammar stored under ``key``, compiled; None when absent or damaged."""
    rng_bytes = cache.read_record(key)
    if rng_bytes is None:
        return None
    try:
        return _compile(rng_bytes)
    except (etree.XMLSyntaxError, etree.RelaxNGParseError):
        return None  # damaged beyond its digest (cannot happen by accident); rebuilt


@lru_cache(maxsize=2)
def full_grammar(path: str, sha256: str) -> etree.RelaxNG:
    """tei_all.rng compiled as it is (about 10 s); the arbiter of rule 3."""
    parser = schema_parser(huge_tree=True)
    try:
        return etree.RelaxNG(etree.parse(path, parser))
    except (OSError, etree.XMLSyntaxError, etree.RelaxNGParseError) as error:
        raise SchemaUnusable(f"cannot compile TEI schema {path}: {error}") from None


Errors = tuple[tuple[int, str], ...]


def _run(grammar: etree.RelaxNG, tree: Tree) -> tuple[bool, Errors]:
    if grammar.validate(tree):
        return True, ()
    errors = tuple((entry.line, entry.message) for entry in grammar.error_log)
    return False, errors


def forget_compiled_grammars() -> None:
    """Drop this process's compiled grammars (after a timeout, a thread may still use one)."""
    _compile.cache_clear()
    full_grammar.cache_clear()


_EXTRA_CONTENT = re.compile(r"Element (\S+) has extra content: (\S+)")
MAX_REFINEMENT_DEPTH = 12


def refine_errors(errors: tuple[tuple[int, str], ...], tree: Tree,
                  schema: Schema, attributes: frozenset[tuple[str, str]],
                  depth: int = 0, known: dict[etree._Element, Names] | None = None
                  ) -> tuple[tuple[int, str], ...]:
    """Replace libxml2's vague "Element P has extra content: C" by the errors inside C.

    libxml2 gives up on a whole child C when something deep inside it is wrong (jing points
    at the deep element). C's subtree is validated on its own against the grammar started at
    C's definition: if that fails, its errors are the precise ones (refined again); if C is
    valid on its own, the original message stands (C itself is misplaced). ``known`` holds
    the element names of subtrees already counted (judge_rejected's parts)."""
    refined: list[tuple[int, str]] = []
    for line, message in errors:
        match = _EXTRA_CONTENT.fullmatch(message.strip())
        child = _child_at(tree, match.group(1), match.group(2), line) if match else None
        if child is None or depth >= MAX_REFINEMENT_DEPTH:
            refined.append((line, message))
            continue
        # lxml validates an element as the root of a shallow stand-in document (its own
        # nodes, so libxml2's lines stay the file's): no copy of a part that may be the
        # whole <text> of a novel.
        subtree = child
        names = known[child] if known and child in known else element_names_in(subtree)
        try:
            grammar = reduced_grammar(schema, names, attributes, "stub", split_name(child.tag))
        except (LookupError, etree.RelaxNGParseError, Unreducible):
            refined.append((line, message))
            continue
        valid, inner = _run(grammar, subtree)
        refined.extend([(line, message)] if valid or not inner
                       else refine_errors(inner, subtree, schema, attributes, depth + 1))
    return tuple(refined)


def furthest_errors(errors: tuple[tuple[int, str], ...]) -> tuple[tuple[int, str], ...]:
    """The errors at the furthest line libxml2 reached.

    libxml2 logs an error for every alternative it tried before giving up (e.g. "expected
    <div1>, found <div>" beside the real "<stage> is not allowed here"); the point where
    the last alternative failed is the one jing reports."""
    if not errors:
        return errors
    furthest = max(line for line, _ in errors)
    return tuple(error for error in errors if error[0] == furthest)


def _child_at(tree: Tree, parent: str, child: str,
              line: int) -> etree._Element | None:
    for element in tree.iter("{*}" + child):
        owner = element.getparent()
        if (element.sourceline == line and owner is not None
                and etree.QName(owner).localname == parent.split(":")[-1]):
            return element
    return None


def judge(tree: etree._ElementTree, schema: Schema) -> Verdict:
    """The verdict of ``schema`` on ``tree`` by the rule in the module doc."""
    elements = element_names_in(tree)
    attributes = attribute_names_in(tree)
    try:
        # Both shapes reduced to the document's attributes too (docs/performance.md): with
        # the attribute classes written flat, the prune grammar then validates ~2x faster
        # and compiles faster; the "stub" grammar compiles in milliseconds only so.
        valid, _ = _run(reduced_grammar(schema, elements, attributes, "prune"), tree)
        if valid:
            return Verdict(True, (), "reduced")
        stub = reduced_grammar(schema, elements, attributes, "stub")
        confirmed, errors = _run(stub, tree)
        if not confirmed:
            refined = refine_errors(errors, tree, schema, attributes)
            return Verdict(False, furthest_errors(refined), "confirmed")
    except etree.RelaxNGParseError:
        pass  # libxml2 refused a reduced grammar: let the full grammar decide
    except Unreducible:
        pass  # a grammar shape grammar.py cannot read: used unreduced
    valid, errors = _run(full_grammar(schema.path, schema.sha256), tree)
    return Verdict(valid, errors, "full")


def judge_rejected(tree: etree._ElementTree, schema: Schema) -> Verdict:
    """The verdict on a document that a prune grammar reduced to a SUPERSET of its names (the
    union grammar of batch.py) rejected: cheaper than `judge`, by the same rule.

    The document's own prune reduction decides first (an acceptance is final). When it
    rejects too, the stub shape confirms on the top-level part of the document where it
    failed (a part valid against no definition of its element makes the document invalid),
    which also gives jing-like errors without validating the whole document a third time
    (the stub grammar validates ~8x slower than the prune grammar: 0.21 s against 0.026 s
    on a 1 MB novel). Anything less clear-cut goes through `judge`."""
    elements, attributes, part_names = names_by_part(tree)
    try:
        valid, errors = _run(reduced_grammar(schema, elements, attributes, "prune"), tree)
    except (etree.RelaxNGParseError, Unreducible):
        return judge(tree, schema)
    if valid:
        return Verdict(True, (), "reduced")
    part = _top_level_part_at(tree, max((line for line, _ in errors), default=0))
    if part is None:
        return judge(tree, schema)
    root = tree.getroot()
    vague = ((part.sourceline, f"Element {etree.QName(root).localname} has extra content: "
              f"{etree.QName(part).localname}"),)
    refined = refine_errors(vague, tree, schema, attributes, known=part_names)
    if refined == vague:  # the part is valid on its own: let the whole rule decide
        return judge(tree, schema)
    return Verdict(False, furthest_errors(refined), "confirmed")


def _top_level_part_at(tree: etree._ElementTree, line: int) -> etree._Element | None:
    """The child of the root element whose subtree holds ``line`` (None if none does)."""
    found = None
    for child in tree.getroot().iterchildren(tag=etree.Element):
        if child.sourceline is None or child.sourceline > line:
            break
        found = child
    return found if line > 0 else None
