"""Reduce a grammar's IR to the element and attribute names one document uses.

This module owns the rewriting of a grammar (IR from grammar.py) into a smaller grammar that
gives the same verdict on every document whose element and attribute names lie in the given
sets (rngwrite.py writes the result as RNG bytes). It must not validate or touch files.

Why it is sound: an `element` or `attribute` pattern whose name class matches no name of the
document can never match any part of that document, so replacing it is invisible to the
document's verdict. Two replacements are offered, which give libxml2 two differently shaped
grammars for the same language over the document's names (engine.py uses the second to
confirm a rejection by the first):

- "prune": the pattern becomes `notAllowed`, and notAllowed is then propagated as RELAX NG
  simplification does (RELAX NG §4.19): a choice drops the branch; group, interleave,
  oneOrMore, mixed, list, element and attribute containing it become notAllowed; zeroOrMore
  and optional of it become empty. Smallest grammar; a broken document may collapse to a
  notAllowed start, so its errors are unpositioned.
- "stub": an absent element keeps its name but gets empty content and no attributes
  (`element x { empty }`); it still never matches, and libxml2 still names it in its errors.

"prune" also writes TEI's attribute classes flat (`flatten_attribute_classes`), which
libxml2 validates faster. Both rewrite nested repetitions `(A+, B*)+` to the equivalent
`A, (A|B)*` (any sequence of A- and B-items that starts with an A-item), when A and B are
element-only: libxml2's backtracking takes time cubic in the list length on the nested form
(TEI listPerson, listPlace, listBibl), linear on the flat one.
"""

from __future__ import annotations

import sys
from typing import Any

from tei_edition.conformance.grammar import NameClass, Pattern, content_of

Name = tuple[str, str]

NOT_ALLOWED: Pattern = ("notAllowed",)
EMPTY: Pattern = ("empty",)
_MODES = ("prune", "stub")


def nameclass_matches(nameclass: NameClass, name: Name) -> bool:
    kind = nameclass[0]
    if kind == "name":
        return (nameclass[1], nameclass[2]) == name
    if kind == "choice":
        return any(nameclass_matches(child, name) for child in nameclass[1])
    if kind == "anyName":
        return nameclass[1] is None or not nameclass_matches(nameclass[1], name)
    # nsName
    return name[0] == nameclass[1] and (nameclass[2] is None
                                        or not nameclass_matches(nameclass[2], name))


class _Reducer:
    def __init__(self, ir: dict[str, Any], elements: frozenset[Name],
                 attributes: frozenset[Name] | None, mode: str) -> None:
        if mode not in _MODES:
            raise ValueError(f"mode must be one of {_MODES}")
        self.source: dict[str, Pattern] = ir["defines"]
        self.elements = elements
        self.attributes = attributes
        self.mode = mode
        self.done: dict[str, Pattern] = {}
        self.in_progress: set[str] = set()
        self.assumed_alive: set[str] = set()  # refs kept while their define was unfinished
        self.dead: set[str] = set()
        self.element_only_memo: dict[str, bool] = {}

    def uses(self, nameclass: NameClass, names: frozenset[Name]) -> bool:
        if nameclass[0] == "name":
            return (nameclass[1], nameclass[2]) in names
        return any(nameclass_matches(nameclass, name) for name in names)

    # -- simplification --------------------------------------------------------------------

    def define(self, name: str) -> Pattern:
        if name in self.done:
            return self.done[name]
        self.in_progress.add(name)
        body = self.simplify(self.source[name])
        self.in_progress.discard(name)
        self.done[name] = body
        if body == NOT_ALLOWED:
            self.dead.add(name)
        return body

    def simplify(self, pattern: Pattern) -> Pattern:
        kind = pattern[0]
        if kind == "ref":
            name = pattern[1]
            if name in self.dead:
                return NOT_ALLOWED
            if name in self.in_progress:
                self.assumed_alive.add(name)
                return pattern
            return NOT_ALLOWED if self.define(name) == NOT_ALLOWED else pattern
        if kind == "element":
            if not self.uses(pattern[1], self.elements):
                return NOT_ALLOWED if self.mode == "prune" else ("element", pattern[1], EMPTY)
            content = self.simplify(content_of(pattern))  # a lazy IR converts it only now
            return NOT_ALLOWED if content == NOT_ALLOWED else ("element", pattern[1], content)
        if kind == "attribute":
            if self.attributes is not None and not self.uses(pattern[1], self.attributes):
                return NOT_ALLOWED
            content = self.simplify(pattern[2])
            return NOT_ALLOWED if content == NOT_ALLOWED else ("attribute", pattern[1], content)
        if kind == "choice":
            return self.choice(pattern[1])
        if kind in ("group", "interleave"):
            return self.sequence(kind, pattern[1])
        if kind in ("zeroOrMore", "optional"):
            inner = self.simplify(pattern[1])
            if inner in (NOT_ALLOWED, EMPTY):
                return EMPTY
            if kind == "zeroOrMore" and inner[0] in ("oneOrMore", "zeroOrMore"):
                return ("zeroOrMore", inner[1])  # (A+)* = (A*)* = A*
            if kind == "zeroOrMore":
                flat = self.flatten_nested_repetition(inner)
                if flat is not None:
                    return ("optional", flat)  # (A, B*)* = (A, (A|B)*)?
            return (kind, inner)
        if kind == "oneOrMore":
            inner = self.simplify(pattern[1])
            if inner in (NOT_ALLOWED, EMPTY):
                return inner
            if inner[0] in ("oneOrMore", "zeroOrMore"):
                return inner  # (A+)+ = A+, (A*)+ = A*
            return self.flatten_nested_repetition(inner) or ("oneOrMore", inner)
        if kind in ("mixed", "list"):
            inner = self.simplify(pattern[1])
            return NOT_ALLOWED if inner == NOT_ALLOWED else (kind, inner)
        if kind == "data" and pattern[4] is not None:
            exception = self.simplify(pattern[4])
            return pattern[:4] + ((None if exception == NOT_ALLOWED else exception),)
        return pattern  # text, empty, notAllowed, value, data without except

    def choice(self, branches: tuple[Pattern, ...]) -> Pattern:
        kept: list[Pattern] = []
        for branch in branches:
            simple = self.simplify(branch)
            members = simple[1] if simple[0] == "choice" else (simple,)
            for member in members:
                if member != NOT_ALLOWED and member not in kept:
                    kept.append(member)
        if not kept:
            return NOT_ALLOWED
        return kept[0] if len(kept) == 1 else ("choice", tuple(kept))

    def sequence(self, kind: str, parts: tuple[Pattern, ...]) -> Pattern:
        kept: list[Pattern] = []
        for part in parts:
            simple = self.simplify(part)
            if simple == NOT_ALLOWED:
                return NOT_ALLOWED
            if simple != EMPTY:
                kept.append(simple)
        if not kept:
            return EMPTY
        return kept[0] if len(kept) == 1 else (kind, tuple(kept))

    # -- the nested-repetition rewrite -----------------------------------------------------

    def flatten_nested_repetition(self, inner: Pattern) -> Pattern | None:
        """`(A+, B*)+` and `(A, B*)+` -> `A, (A|B)*` when A and B are element-only: both
        sides match exactly the sequences of A- and B-items that start with an A-item."""
        if inner[0] != "group" or len(inner[1]) != 2:
            return None
        first, second = inner[1]
        if second[0] != "zeroOrMore":
            return None
        item_a = first[1] if first[0] == "oneOrMore" else first
        item_b = second[1]
        if not (self.element_only(item_a) and self.element_only(item_b)):
            return None
        branches: list[Pattern] = []
        for item in (item_a, item_b):
            for member in (item[1] if item[0] == "choice" else (item,)):
                if member not in branches:
                    branches.append(member)
        return ("group", (item_a, ("zeroOrMore", ("choice", tuple(branches)))))

    def element_only(self, pattern: Pattern) -> bool:
        """True when the pattern matches only element children (no text, data, attributes).

        Judged on the source grammar: removing patterns never adds text or attributes."""
        kind = pattern[0]
        if kind == "element":
            return True
        if kind == "ref":
            name = pattern[1]
            if name not in self.element_only_memo:
                self.element_only_memo[name] = False  # a cycle without an element: say no
                self.element_only_memo[name] = self.element_only(self.source[name])
            return self.element_only_memo[name]
        if kind in ("choice", "group", "interleave"):
            return all(self.element_only(child) for child in pattern[1])
        if kind in ("oneOrMore", "zeroOrMore", "optional"):
            return self.element_only(pattern[1])
        return kind in ("empty", "notAllowed")

    # -- result ----------------------------------------------------------------------------

    def run(self, start: Pattern) -> tuple[Pattern, dict[str, Pattern]]:
        simple_start = self.simplify(start)
        # A ref kept while its define was unfinished may point at a define that later turned
        # out notAllowed; redo with that knowledge until nothing changes (dead only grows).
        while self.assumed_alive & self.dead:
            self.done, self.assumed_alive = {}, set()
            simple_start = self.simplify(start)
        if self.mode == "prune":
            return simple_start, _reachable(simple_start,
                                            flatten_attribute_classes(self.done))
        return simple_start, _reachable(simple_start, self.done)


def flatten_attribute_classes(defines: dict[str, Pattern]) -> dict[str, Pattern]:
    """Each define made only of attributes (a TEI attribute class such as
    att.global.attributes, a group of refs to other classes and optional attributes) written
    as the flat group of its attribute patterns: refs to attribute-only defines replaced by
    their bodies, nested groups opened, `empty` members dropped. The same language (a ref
    means its define; group is associative, `empty` its unit), but libxml2 validates the
    corpus 25-40 % faster (measured: it walks one group per element instead of a tree of
    class definitions for every element it checks). Elements still refer to the classes,
    so the grammar does not grow."""
    memo: dict[str, bool] = {}

    def attribute_only(pattern: Pattern) -> bool:
        kind = pattern[0]
        if kind in ("attribute", "empty"):
            return True
        if kind == "ref":
            name = pattern[1]
            if name not in memo:
                memo[name] = False  # a cycle without an element: not a class
                memo[name] = attribute_only(defines[name])
            return memo[name]
        if kind in ("optional", "zeroOrMore", "oneOrMore"):
            return attribute_only(pattern[1])
        if kind in ("group", "choice", "interleave"):
            return all(attribute_only(child) for child in pattern[1])
        return False

    def members(pattern: Pattern) -> list[Pattern]:
        kind = pattern[0]
        if kind == "ref":
            return members(defines[pattern[1]])
        if kind == "group":
            return [member for child in pattern[1] for member in members(child)]
        return [] if kind == "empty" else [pattern]

    flat: dict[str, Pattern] = {}
    for name, body in defines.items():
        if body[0] in ("group", "ref") and attribute_only(body):
            found = members(body)
            body = (found[0] if len(found) == 1 else ("group", tuple(found)) if found
                    else EMPTY)
        flat[name] = body
    return flat


def _reachable(start: Pattern, bodies: dict[str, Pattern]) -> dict[str, Pattern]:
    found: dict[str, Pattern] = {}
    stack = [start]
    while stack:
        pattern = stack.pop()
        kind = pattern[0]
        if kind == "ref":
            if pattern[1] not in found:
                found[pattern[1]] = bodies[pattern[1]]
                stack.append(bodies[pattern[1]])
        elif kind in ("choice", "group", "interleave"):
            stack.extend(pattern[1])
        elif kind in ("element", "attribute"):
            stack.append(pattern[2])
        elif kind in ("oneOrMore", "zeroOrMore", "optional", "mixed", "list"):
            stack.append(pattern[1])
        elif kind == "data" and pattern[4] is not None:
            stack.append(pattern[4])
    return dict(sorted(found.items()))


def reduce_grammar(ir: dict[str, Any], elements: frozenset[Name],
                   attributes: frozenset[Name] | None = None,
                   mode: str = "prune") -> tuple[Pattern, dict[str, Pattern]]:
    """(start, defines) of the grammar reduced to the given names; see the module doc.

    ``attributes`` None keeps every attribute pattern. engine.py does so: oddly, libxml2
    validates TEI documents 2-3 times faster when the attribute patterns stay (measured on
    corpus plays: 0.046 s pruned, 0.018 s kept, 0.020 s with the full grammar)."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20000))  # define chains nest a few hundred deep
    try:
        return _Reducer(ir, elements, attributes, mode).run(ir["start"])
    finally:
        sys.setrecursionlimit(limit)
