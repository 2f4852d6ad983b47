"""Judge a batch of files with ONE reduced grammar: the reduction to the union of their names.

This module owns the batch route of `check_conformance_files` (run in each worker by
workers.py): scan the chunk's files for the element names they may use, reduce tei_all.rng
to all of those names at once ("prune" shape, engine.reduced_grammar: disk-cached, so a warm
run compiles ~100 KB of RNG in ~25 ms), and validate every file with that one grammar. It
must not fork, time out, or decide a rejection (engine.judge does, file by file).

Why it is sound (docs/performance.md):
- The prune reduction only replaces patterns by notAllowed (and rewrites nested repetitions
  to equivalent ones), so the reduced grammar's language is contained in tei_all.rng's: an
  ACCEPTANCE by it is tei_all.rng's acceptance, whatever names it was reduced to.
- It keeps every element and attribute pattern that can match a name of the sets, so for a
  document whose names lie in the sets it accepts exactly what tei_all.rng accepts. The
  sets are over-approximations read from the bytes (every `<prefix:local` or `<local`,
  mapped to every element name of the grammar with that local name; every `name=`, in no
  namespace, the xml namespace and every namespace bound to a prefix), so they cover the
  documents' names.
- A REJECTION by the union grammar is never reported as such: the file then goes through
  engine.judge_rejected (its own reduction, confirmed by the stub shape, arbitrated by the
  full grammar: the rule engine.judge applies to a single document).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from tei_edition.conformance import cache, engine
from tei_edition.conformance.deadline import Outcome, _inline
from tei_edition.conformance.grammar import element_defines
from tei_edition.diagnostics import Diagnostic
from tei_edition.xmlio import parse_xml_file  # imported before the workers fork: once

Name = tuple[str, str]
Decide = engine.Decide
# (tree, path, schema, decide) -> diagnostics: __init__ words the verdict of ``decide``.
JudgeTree = Callable[[etree._ElementTree, str, engine.Schema, Decide], list[Diagnostic]]

# A start tag's name (also matches inside comments and CDATA: harmless, the set only grows).
_START_TAG = re.compile(rb"<([^\s/>!?=\"'<]+)")


# The attributes of a start tag (quoted values may hold ">"; possessive, so never slow).
_TAG_ATTRIBUTES = re.compile(rb"<[^\s/>!?=\"'<][^\s/>]*+"
                             rb"(\s(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)/?>")
# An attribute's name: whatever stands before "=" (no XML name holds space, quotes, <, >, =
# or /). Matches inside values only add names.
_ATTRIBUTE = re.compile(rb"([^\s<>=\"'/]++)\s*+=")
# Every namespace a prefix is bound to (an attribute's namespace is one of these, none, or
# the xml namespace).
_PREFIX_BINDING = re.compile(rb"xmlns:[^\s=]+\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_XML_NS = b"http://www.w3.org/XML/1998/namespace"


def local_names_in(data: bytes) -> set[bytes]:
    """Local names of everything that looks like a start tag in ``data``."""
    return {tag.rpartition(b":")[2] for tag in set(_START_TAG.findall(data))}


def attribute_names_in(data: bytes) -> set[tuple[bytes, bytes]]:
    """(namespace, local name) of every attribute ``data`` may hold: each local name of
    something that looks like an attribute in something that looks like a start tag, in no
    namespace, the xml namespace and every namespace the tags bind a prefix to (a superset
    for well-formed data; a name missed would only make the union grammar reject, and a
    rejection is always judged again)."""
    regions = b" ".join(set(_TAG_ATTRIBUTES.findall(data)))  # then two searches, not 2 per tag
    namespaces = {b"", _XML_NS}
    for double, single in set(_PREFIX_BINDING.findall(regions)):
        namespaces.add(double or single)
    locals_ = {name.rpartition(b":")[2] for name in set(_ATTRIBUTE.findall(regions))}
    return {(namespace, local) for namespace in namespaces for local in locals_}


_NAMES_BY_LOCAL: dict[str, dict[bytes, set[Name]]] = {}  # per schema sha256


def _grammar_names_by_local(schema: engine.Schema) -> dict[bytes, set[Name]]:
    if schema.sha256 in _NAMES_BY_LOCAL:
        return _NAMES_BY_LOCAL[schema.sha256]
    assert schema.ir is not None
    by_local: dict[bytes, set[Name]] = {}
    for namespace, local in element_defines(schema.ir):
        by_local.setdefault(local.encode("utf-8"), set()).add((namespace, local))
    _NAMES_BY_LOCAL[schema.sha256] = by_local
    return by_local


def union_names(schema: engine.Schema, local_names: set[bytes]) -> frozenset[Name]:
    """Every element name of the grammar whose local name is among ``local_names``."""
    by_local = _grammar_names_by_local(schema)
    return frozenset(name for local in local_names for name in by_local.get(local, ()))


def _scan(path: str) -> tuple[set[bytes], set[tuple[bytes, bytes]]]:
    try:
        data = Path(path).read_bytes()
    except OSError:
        return set(), set()  # parse_xml_file reports it
    return local_names_in(data), attribute_names_in(data)


def union_grammar(schema: engine.Schema, paths: list[str]) -> etree.RelaxNG | None:
    """The prune grammar for the union of the files' element and attribute names; None when
    libxml2 refuses it or the schema cannot be reduced (every file then takes the
    single-document route).

    It is also cached under a key made of the scanned local names themselves, so that a
    warm run finds it without reading the schema's IR (which maps local names to names)."""
    local_names: set[bytes] = set()
    scanned_attributes: set[tuple[bytes, bytes]] = set()
    for path in paths:
        elements, attributes = _scan(path)
        local_names |= elements
        scanned_attributes |= attributes
    # Bytes that are no UTF-8 name match no pattern (TEI's names are ASCII); a name missed so
    # can only make the union grammar reject, and a rejection is always judged again.
    attribute_names = frozenset((namespace.decode("utf-8", "replace"),
                                 local.decode("utf-8", "replace"))
                                for namespace, local in scanned_attributes)
    # latin-1 maps every byte to one character: any scanned bytes make a key.
    by_local = cache.reduced_key(schema.sha256, "prune-union-by-local",
                                 [name.decode("latin-1") for name in local_names],
                                 [f"{namespace} {local}" for namespace, local in attribute_names])
    found = engine.cached_grammar(by_local)
    if found is not None:
        return found
    try:
        if schema.ir is None:
            return None
        return engine.reduced_grammar(schema, union_names(schema, local_names), attribute_names,
                                      "prune", also_store_as=by_local)
    except (etree.RelaxNGParseError, engine.Unreducible):
        return None


def judge_file_with(grammar: etree.RelaxNG | None, path: str, schema: engine.Schema,
                    judge_tree: JudgeTree) -> list[Diagnostic]:
    """Parse problems of ``path`` and its conformance diagnostics: [] when the shared grammar
    accepts it, else the verdict of engine.judge_rejected."""
    parsed = parse_xml_file(path)
    if parsed.tree is None:
        return list(parsed.diagnostics)
    if grammar is not None and grammar.validate(parsed.tree):
        return list(parsed.diagnostics)
    decide = engine.judge_rejected if grammar is not None else engine.judge
    return list(parsed.diagnostics) + judge_tree(parsed.tree, path, schema, decide)


def judge_chunk(paths: list[str], schema: engine.Schema, judge_tree: JudgeTree,
                send: Callable[[Outcome], None]) -> None:
    """Send the outcome of every file of ``paths``, in order (the body of one worker)."""
    built = _inline(lambda: union_grammar(schema, paths))
    # A failure to build it only costs time: every file then takes the single-document route.
    grammar = built.value if built.status == "ok" else None
    for path in paths:
        send(_inline(lambda path=path: judge_file_with(grammar, path, schema, judge_tree)))
