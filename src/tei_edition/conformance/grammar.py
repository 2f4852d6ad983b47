"""Read a RELAX NG grammar (XML syntax) into a compact intermediate form, lazily.

This module owns the intermediate representation (IR) of a grammar: plain tuples, strings and
dicts. It must not reduce, rewrite or validate anything (see reduce.py, engine.py).

`read_grammar` converts the whole grammar at once. `read_grammar_lazily` (what engine.py
uses) converts a `define` when it is first looked up and an element's content when it is
first forced (`content_of`): a reduction to one document's names touches about a fifth of
tei_all.rng's 13,000 patterns, so reading the schema for a reduction costs ~45 ms instead of
~130 ms, and a run whose reduced grammar is cached on disk reads nothing at all.

Supported: one flat `grammar` with `start` and `define`s (no include/externalRef/parentRef,
no `combine`), which is what TEI's ODD processor emits for tei_all.rng. Anything else raises
`UnsupportedGrammar` (a lazy read may raise it at the first look-up that meets it), and the
caller falls back to the unreduced grammar.

IR patterns (first item is the kind):
  ("element"|"attribute", nameclass, pattern)      ("ref", define_name)
  ("choice"|"group"|"interleave", (pattern, ...))  ("text",) ("empty",) ("notAllowed",)
  ("oneOrMore"|"zeroOrMore"|"optional"|"mixed"|"list", pattern)
  ("data", library, type, ((param, value), ...), except_pattern_or_None)
  ("value", library, type_or_None, ns, text)
  In a lazy IR an element's pattern may be a `LazyContent` until `content_of` forces it.
IR name classes:
  ("name", ns, local)  ("anyName", except_or_None)  ("nsName", ns, except_or_None)
  ("choice", (nameclass, ...))
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from lxml import etree

from tei_edition.xmlio import schema_parser

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_R = "{" + RNG_NS + "}"

Pattern = tuple[Any, ...]
NameClass = tuple[Any, ...]

_WRAPPERS = ("oneOrMore", "zeroOrMore", "optional", "mixed", "list")
_COMBINATORS = ("choice", "group", "interleave")


class UnsupportedGrammar(ValueError):
    """The grammar uses a construct this reader does not handle; use it unreduced."""


_ANY_RNG = _R + "*"  # lxml filters children by this in C: foreign elements, comments and PIs
_CUT = len(_R)       # are skipped (annotations: RELAX NG §4.1)


def _rng_children(node: etree._Element) -> list[etree._Element]:
    return list(node.iterchildren(_ANY_RNG))


def _own_text(node: etree._Element) -> str:
    """The text of a `value`, `param` or `name`, comments and foreign children left out but
    the text around them kept (RELAX NG §4.1). Annotations are not stripped from the tree
    beforehand: the walk skips them, and stripping tei_all.rng's 2,600 cost a pass over it."""
    if not len(node):
        return node.text or ""
    return (node.text or "") + "".join(child.tail or "" for child in node)


class _Reader:
    """Walks the grammar tree once. Written for speed (13,700 nodes in tei_all.rng, read on
    every cache miss): children filtered in C, `ref` (40 % of the nodes) answered first, and
    ``ns``/``datatypeLibrary`` looked up only where they can matter."""

    def __init__(self, lazy: bool = False) -> None:
        self.lazy = lazy  # element contents become LazyContent, converted when forced

    def pattern_of(self, children: list[etree._Element], ns: str, lib: str) -> Pattern:
        """Several child patterns mean an implicit group (RELAX NG §4.12)."""
        if len(children) == 1:
            return self.pattern(children[0], ns, lib)
        if not children:
            return ("empty",)
        pattern = self.pattern
        return ("group", tuple([pattern(child, ns, lib) for child in children]))

    def pattern(self, node: etree._Element, ns: str, lib: str) -> Pattern:
        kind = node.tag[_CUT:]
        if kind == "ref":
            return ("ref", node.get("name"))
        if kind in _LEAVES:
            return _LEAVES[kind]
        get = node.get
        ns = get("ns", ns)
        lib = get("datatypeLibrary", lib)
        children = list(node.iterchildren(_ANY_RNG))
        if kind in _WRAPPERS:
            return (kind, self.pattern_of(children, ns, lib))
        if kind in _COMBINATORS:
            pattern = self.pattern
            return (kind, tuple([pattern(child, ns, lib) for child in children]))
        if kind == "element" or kind == "attribute":
            name = get("name")
            if name is not None:
                nameclass = self.qname(name, ns if (kind == "element" or get("ns") is not None)
                                       else "", node)
                body = children
            else:
                nameclass = self.nameclass(children[0], ns)
                body = children[1:]
            if kind == "attribute" and not body:
                return (kind, nameclass, ("text",))  # RELAX NG §4.12: attribute defaults to text
            if self.lazy and kind == "element":
                return (kind, nameclass, LazyContent(self, body, ns, lib))
            return (kind, nameclass, self.pattern_of(body, ns, lib))
        if kind == "value":
            return ("value", lib, get("type"), ns, _own_text(node))
        if kind == "data":
            params = tuple([(p.get("name"), _own_text(p)) for p in children
                            if p.tag[_CUT:] == "param"])
            excepts = [c for c in children if c.tag[_CUT:] == "except"]
            exception = (self.pattern_of(_rng_children(excepts[0]), ns, lib) if excepts
                         else None)
            return ("data", lib, get("type"), params, exception)
        raise UnsupportedGrammar(f"RELAX NG construct <{kind}> at line {node.sourceline}")

    def qname(self, name: str, ns: str, node: etree._Element) -> NameClass:
        name = name.strip()
        if ":" in name:
            prefix, local = name.split(":", 1)
            uri = XML_NS if prefix == "xml" else node.nsmap.get(prefix)
            if uri is None:
                raise UnsupportedGrammar(f"unbound prefix {prefix!r} at line {node.sourceline}")
            return ("name", uri, local)
        return ("name", ns, name)

    def nameclass(self, node: etree._Element, ns: str) -> NameClass:
        ns = node.get("ns", ns)
        kind = node.tag[_CUT:]
        children = _rng_children(node)
        if kind == "name":
            return self.qname(_own_text(node), ns, node)
        if kind == "choice":
            return ("choice", tuple(self.nameclass(child, ns) for child in children))
        if kind in ("anyName", "nsName"):
            excepts = [c for c in children if c.tag[_CUT:] == "except"]
            exception = None
            if excepts:
                inner = [self.nameclass(c, ns) for c in _rng_children(excepts[0])]
                exception = inner[0] if len(inner) == 1 else ("choice", tuple(inner))
            return ("anyName", exception) if kind == "anyName" else ("nsName", ns, exception)
        raise UnsupportedGrammar(f"RELAX NG name class <{kind}> at line {node.sourceline}")


_LEAVES: dict[str, Pattern] = {"text": ("text",), "empty": ("empty",),
                               "notAllowed": ("notAllowed",)}


class LazyContent:
    """An element's content in a lazy IR: converted on the first `content_of`, then kept."""

    __slots__ = ("_reader", "_children", "_ns", "_lib", "_pattern")

    def __init__(self, reader: _Reader, children: list[etree._Element], ns: str,
                 lib: str) -> None:
        self._reader, self._children, self._ns, self._lib = reader, children, ns, lib
        self._pattern: Pattern | None = None

    def force(self) -> Pattern:
        if self._pattern is None:
            self._pattern = self._reader.pattern_of(self._children, self._ns, self._lib)
            self._children = []
        return self._pattern


def content_of(element: Pattern) -> Pattern:
    """The content pattern of an ("element", nameclass, content) pattern, forced if lazy."""
    content = element[2]
    return content.force() if isinstance(content, LazyContent) else content


class _LazyDefines(dict):
    """{define name: pattern}, each body converted on its first look-up."""

    def __init__(self, reader: _Reader, nodes: dict[str, tuple[etree._Element, str, str]]):
        super().__init__()
        self._reader = reader
        self._nodes = nodes

    def __missing__(self, name: str) -> Pattern:
        if name not in self._nodes:
            # Undefined references are found here, when a reduction first follows one,
            # rather than by a pass over every `ref` of the schema on each read.
            raise UnsupportedGrammar(f"reference to an undefined pattern: {name!r}")
        node, ns, lib = self._nodes[name]
        body = self._reader.pattern_of(_rng_children(node), ns, lib)
        self[name] = body
        return body

    def names(self) -> list[str]:
        return list(self._nodes)

    def element_bodies(self) -> list[tuple[str, Pattern]]:
        """(name, body) of every define whose body is one element pattern (its content
        stays lazy), in document order."""
        found = []
        for name, (node, _, _) in self._nodes.items():
            children = _rng_children(node)
            if len(children) == 1 and children[0].tag == _ELEMENT:
                found.append((name, self[name]))
        return found


def parse_schema(data: bytes) -> etree._Element:
    """The root of the schema's tree, parsed as every reader here expects it (comments
    removed; foreign annotation elements kept, the walk skips them: RELAX NG §4.1). Raises
    XMLSyntaxError."""
    return etree.fromstring(data, schema_parser(huge_tree=True, remove_comments=True))


def _open(data: bytes, root: etree._Element | None = None) -> etree._Element:
    if root is None:
        root = parse_schema(data)
    if root.tag != _R + "grammar":
        raise UnsupportedGrammar("the schema's root is not a RELAX NG <grammar>")
    return root


def _grammar_parts(root: etree._Element) -> tuple[etree._Element, dict[str, etree._Element]]:
    start: etree._Element | None = None
    defines: dict[str, etree._Element] = {}
    for child in _rng_children(root):
        kind = child.tag[_CUT:]
        if child.get("combine") is not None or kind not in ("start", "define"):
            raise UnsupportedGrammar(f"grammar-level <{kind}> (combine/include/div) is not "
                                     f"supported, at line {child.sourceline}")
        if kind == "start":
            start = child
            continue
        name = child.get("name")
        if name in defines:
            raise UnsupportedGrammar(f"define {name!r} appears twice")
        defines[name] = child
    if start is None:
        raise UnsupportedGrammar("the grammar has no <start>")
    return start, defines


def read_grammar(data: bytes) -> dict[str, Any]:
    """The IR of a grammar given as RNG bytes: {"start": pattern, "defines": {name: pattern},
    "root_ns": ..., "root_library": ...}. Raises UnsupportedGrammar or XMLSyntaxError."""
    root = _open(data)
    ns = root.get("ns", "")
    lib = root.get("datatypeLibrary", "")
    reader = _Reader()
    start_node, define_nodes = _grammar_parts(root)

    def body(node: etree._Element) -> Pattern:
        return reader.pattern_of(_rng_children(node), node.get("ns", ns),
                                 node.get("datatypeLibrary", lib))

    start = body(start_node)
    defines = {name: body(node) for name, node in define_nodes.items()}
    _check_refs([start, *defines.values()], defines)
    return {"start": start, "defines": defines, "root_ns": ns, "root_library": lib}


_ELEMENT = _R + "element"
_NOT_FLAT = tuple(_R + kind for kind in ("include", "externalRef", "parentRef", "grammar",
                                         "div"))


def read_grammar_lazily(data: bytes, root: etree._Element | None = None) -> dict[str, Any]:
    """The IR of `read_grammar`, but each define converted on its first look-up and each
    element's content when forced (`content_of`). The structure (flat grammar, the refs of
    `start`) is checked at once; an unknown construct inside a pattern, or a reference to an
    undefined pattern, raises UnsupportedGrammar when that pattern is converted or looked up.
    ``root``: ``data`` already parsed by `parse_schema` (prefetch.py), else it is parsed here."""
    root = _open(data, root)
    nested = next(root.iterdescendants(*_NOT_FLAT), None)
    if nested is not None:
        raise UnsupportedGrammar(f"RELAX NG construct <{nested.tag[_CUT:]}> at line "
                                 f"{nested.sourceline}")
    ns = root.get("ns", "")
    lib = root.get("datatypeLibrary", "")
    reader = _Reader(lazy=True)
    start_node, define_nodes = _grammar_parts(root)
    nodes = {name: (node, node.get("ns", ns), node.get("datatypeLibrary", lib))
             for name, node in define_nodes.items()}
    start = reader.pattern_of(_rng_children(start_node), start_node.get("ns", ns),
                              start_node.get("datatypeLibrary", lib))
    _check_refs([start], define_nodes)  # start's own refs (element contents stay lazy)
    return {"start": start, "defines": _LazyDefines(reader, nodes), "root_ns": ns,
            "root_library": lib}


def element_defines(ir: dict[str, Any]) -> dict[tuple[str, str], list[str]]:
    """{(namespace, local name): names of the defines whose body is that element}, computed
    once per IR (in a lazy IR without converting any element's content)."""
    if "element_defines" not in ir:
        defines = ir["defines"]
        found: dict[tuple[str, str], list[str]] = {}
        candidates = (defines.element_bodies() if isinstance(defines, _LazyDefines)
                      else defines.items())
        for name, body in candidates:
            if body[0] == "element" and body[1][0] == "name":
                found.setdefault((body[1][1], body[1][2]), []).append(name)
        ir["element_defines"] = found
    return ir["element_defines"]


def _check_refs(patterns: list[Pattern], defined: Container[str]) -> None:
    """UnsupportedGrammar if these patterns (lazy element contents not entered) refer to a
    define not in ``defined``."""
    missing: set[str] = set()
    stack = list(patterns)
    while stack:
        pattern = stack.pop()
        kind = pattern[0]
        if kind == "ref":
            if pattern[1] not in defined:
                missing.add(pattern[1])
        elif kind in _COMBINATORS:
            stack.extend(pattern[1])
        elif kind in _WRAPPERS:
            stack.append(pattern[1])
        elif kind in ("element", "attribute"):
            if not isinstance(pattern[2], LazyContent):
                stack.append(pattern[2])
        elif kind == "data" and pattern[4] is not None:
            stack.append(pattern[4])
    if missing:
        raise UnsupportedGrammar(f"references to undefined patterns: {sorted(missing)[:5]}")
