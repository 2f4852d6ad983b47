"""Read a RELAX NG grammar (XML syntax) into a compact, marshal-able intermediate form.

This module owns the intermediate representation (IR) of a grammar: plain tuples, strings and
dicts, so that the whole of tei_all.rng can be stored on disk with `marshal` and loaded in a few
milliseconds. It must not reduce, rewrite or validate anything (see reduce.py, engine.py).

Supported: one flat `grammar` with `start` and `define`s (no include/externalRef/parentRef,
no `combine`), which is what TEI's ODD processor emits for tei_all.rng. Anything else raises
`UnsupportedGrammar`, and the caller falls back to the unreduced grammar.

IR patterns (first item is the kind):
  ("element"|"attribute", nameclass, pattern)      ("ref", define_name)
  ("choice"|"group"|"interleave", (pattern, ...))  ("text",) ("empty",) ("notAllowed",)
  ("oneOrMore"|"zeroOrMore"|"optional"|"mixed"|"list", pattern)
  ("data", library, type, ((param, value), ...), except_pattern_or_None)
  ("value", library, type_or_None, ns, text)
IR name classes:
  ("name", ns, local)  ("anyName", except_or_None)  ("nsName", ns, except_or_None)
  ("choice", (nameclass, ...))
"""

from __future__ import annotations

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


_ANNOTATION_NAMESPACES = ("{http://relaxng.org/ns/compatibility/annotations/1.0}*",
                          "{http://purl.oclc.org/dsdl/schematron}*",
                          "{http://www.w3.org/1999/xhtml}*",
                          "{http://www.tei-c.org/ns/1.0}*")


class UnsupportedGrammar(ValueError):
    """The grammar uses a construct this reader does not handle; use it unreduced."""


def _rng_children(node: etree._Element) -> list[etree._Element]:
    # Foreign elements (a:documentation, sch:pattern, ...) are annotations: RELAX NG §4.1.
    return [child for child in node if isinstance(child.tag, str) and child.tag.startswith(_R)]


def _local(node: etree._Element) -> str:
    return node.tag[len(_R):]


class _Reader:
    def pattern_of(self, children: list[etree._Element], ns: str, lib: str) -> Pattern:
        """Several child patterns mean an implicit group (RELAX NG §4.12)."""
        patterns = [self.pattern(child, ns, lib) for child in children]
        if not patterns:
            return ("empty",)
        return patterns[0] if len(patterns) == 1 else ("group", tuple(patterns))

    def pattern(self, node: etree._Element, ns: str, lib: str) -> Pattern:
        ns = node.get("ns", ns)
        lib = node.get("datatypeLibrary", lib)
        kind = _local(node)
        children = _rng_children(node)
        if kind in ("element", "attribute"):
            name = node.get("name")
            if name is not None:
                nameclass = self.qname(name, ns if (kind == "element" or "ns" in node.attrib)
                                       else "", node)
                body = children
            else:
                nameclass = self.nameclass(children[0], ns)
                body = children[1:]
            if kind == "attribute" and not body:
                return (kind, nameclass, ("text",))  # RELAX NG §4.12: attribute defaults to text
            return (kind, nameclass, self.pattern_of(body, ns, lib))
        if kind in _COMBINATORS:
            return (kind, tuple(self.pattern(child, ns, lib) for child in children))
        if kind in _WRAPPERS:
            return (kind, self.pattern_of(children, ns, lib))
        if kind == "ref":
            return ("ref", node.get("name"))
        if kind in ("text", "empty", "notAllowed"):
            return (kind,)
        if kind == "data":
            params = tuple((p.get("name"), p.text or "") for p in children if _local(p) == "param")
            excepts = [c for c in children if _local(c) == "except"]
            exception = (self.pattern_of(_rng_children(excepts[0]), ns, lib) if excepts
                         else None)
            return ("data", lib, node.get("type"), params, exception)
        if kind == "value":
            return ("value", lib, node.get("type"), ns, node.text or "")
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
        kind = _local(node)
        children = _rng_children(node)
        if kind == "name":
            return self.qname(node.text or "", ns, node)
        if kind == "choice":
            return ("choice", tuple(self.nameclass(child, ns) for child in children))
        if kind in ("anyName", "nsName"):
            excepts = [c for c in children if _local(c) == "except"]
            exception = None
            if excepts:
                inner = [self.nameclass(c, ns) for c in _rng_children(excepts[0])]
                exception = inner[0] if len(inner) == 1 else ("choice", tuple(inner))
            return ("anyName", exception) if kind == "anyName" else ("nsName", ns, exception)
        raise UnsupportedGrammar(f"RELAX NG name class <{kind}> at line {node.sourceline}")


def read_grammar(data: bytes) -> dict[str, Any]:
    """The IR of a grammar given as RNG bytes: {"start": pattern, "defines": {name: pattern},
    "root_ns": ..., "root_library": ...}. Raises UnsupportedGrammar or XMLSyntaxError."""
    parser = schema_parser(huge_tree=True, remove_comments=True)
    root = etree.fromstring(data, parser)
    if root.tag != _R + "grammar":
        raise UnsupportedGrammar("the schema's root is not a RELAX NG <grammar>")
    # The usual annotations of TEI's schemas, removed in C before the walk below (which skips
    # any other foreign element itself).
    etree.strip_elements(root, *_ANNOTATION_NAMESPACES, with_tail=False)
    ns = root.get("ns", "")
    lib = root.get("datatypeLibrary", "")
    reader = _Reader()
    start: Pattern | None = None
    defines: dict[str, Pattern] = {}
    for child in _rng_children(root):
        kind = _local(child)
        if child.get("combine") is not None or kind not in ("start", "define"):
            raise UnsupportedGrammar(f"grammar-level <{kind}> (combine/include/div) is not "
                                     f"supported, at line {child.sourceline}")
        body = reader.pattern_of(_rng_children(child), child.get("ns", ns),
                                 child.get("datatypeLibrary", lib))
        if kind == "start":
            start = body
        else:
            name = child.get("name")
            if name in defines:
                raise UnsupportedGrammar(f"define {name!r} appears twice")
            defines[name] = body
    if start is None:
        raise UnsupportedGrammar("the grammar has no <start>")
    _check_refs(start, defines)
    return {"start": start, "defines": defines, "root_ns": ns, "root_library": lib}


def _check_refs(start: Pattern, defines: dict[str, Pattern]) -> None:
    missing: set[str] = set()
    stack = [start, *defines.values()]
    while stack:
        pattern = stack.pop()
        kind = pattern[0]
        if kind == "ref":
            if pattern[1] not in defines:
                missing.add(pattern[1])
        elif kind in _COMBINATORS:
            stack.extend(pattern[1])
        elif kind in _WRAPPERS:
            stack.append(pattern[1])
        elif kind in ("element", "attribute"):
            stack.append(pattern[2])
        elif kind == "data" and pattern[4] is not None:
            stack.append(pattern[4])
    if missing:
        raise UnsupportedGrammar(f"references to undefined patterns: {sorted(missing)[:5]}")
