"""Write a grammar in the IR of grammar.py back to RELAX NG XML bytes, in the shape libxml2
handles well.

This module owns serialisation only: namespaces and datatype libraries are written out on
every pattern that needs them, and groups are written as the implicit group of their
parent's children. It must not rewrite or reduce patterns (see reduce.py).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from tei_edition.conformance.grammar import RNG_NS, NameClass, Pattern


@cache  # a grammar repeats a few thousand names and values over and over
def escape(text: str) -> str:
    """Character data for XML (xml.sax.saxutils would import urllib: 25 ms at start-up)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@cache
def quoteattr(text: str) -> str:
    return '"' + escape(text).replace('"', "&quot;").replace("\n", "&#10;").replace(
        "\t", "&#9;").replace("\r", "&#13;") + '"'


def to_rng(start: Pattern, defines: dict[str, Pattern], ir: dict[str, Any]) -> bytes:
    """RNG bytes for a reduced grammar; namespaces and datatype libraries are written out."""
    out: list[str] = [f'<grammar xmlns="{RNG_NS}" datatypeLibrary={quoteattr(ir["root_library"])}>'
                      "<start>"]
    _write(start, out)
    out.append("</start>")
    for name, body in defines.items():
        out.append(f"<define name={quoteattr(name)}>")
        _write_members(body, out)
        out.append("</define>")
    out.append("</grammar>")
    return "".join(out).encode("utf-8")


def _write_nameclass(nameclass: NameClass, out: list[str]) -> None:
    kind = nameclass[0]
    if kind == "name":
        out.append(f"<name ns={quoteattr(nameclass[1])}>{escape(nameclass[2])}</name>")
    elif kind == "choice":
        out.append("<choice>")
        for child in nameclass[1]:
            _write_nameclass(child, out)
        out.append("</choice>")
    else:
        exception = nameclass[1] if kind == "anyName" else nameclass[2]
        attrs = "" if kind == "anyName" else f" ns={quoteattr(nameclass[1])}"
        if exception is None:
            out.append(f"<{kind}{attrs}/>")
        else:
            out.append(f"<{kind}{attrs}><except>")
            _write_nameclass(exception, out)
            out.append(f"</except></{kind}>")


def _write_members(pattern: Pattern, out: list[str]) -> None:
    """A group written as the implicit group of its parent's children (RELAX NG §4.12).

    The same language, but libxml2 treats the shapes differently: with attribute refs inside
    an explicit <group> in an element it no longer compiles content models to automata
    (validation about 2x slower) and it wrongly rejects some valid TEI documents."""
    for member in (pattern[1] if pattern[0] == "group" else (pattern,)):
        _write(member, out)


def _write(pattern: Pattern, out: list[str]) -> None:
    kind = pattern[0]
    if kind in ("element", "attribute"):
        nameclass = pattern[1]
        if nameclass[0] == "name":
            out.append(f"<{kind} name={quoteattr(nameclass[2])} ns={quoteattr(nameclass[1])}>")
        else:
            out.append(f"<{kind}>")
            _write_nameclass(nameclass, out)
        _write_members(pattern[2], out)
        out.append(f"</{kind}>")
    elif kind in ("choice", "group", "interleave"):
        out.append(f"<{kind}>")
        for child in pattern[1]:
            _write(child, out)
        out.append(f"</{kind}>")
    elif kind in ("oneOrMore", "zeroOrMore", "optional", "mixed", "list"):
        out.append(f"<{kind}>")
        _write_members(pattern[1], out)
        out.append(f"</{kind}>")
    elif kind == "ref":
        out.append(f"<ref name={quoteattr(pattern[1])}/>")
    elif kind == "data":
        _, library, type_name, params, exception = pattern
        out.append(f"<data type={quoteattr(type_name)} datatypeLibrary={quoteattr(library)}>")
        for param, value in params:
            out.append(f"<param name={quoteattr(param)}>{escape(value)}</param>")
        if exception is not None:
            out.append("<except>")
            _write(exception, out)
            out.append("</except>")
        out.append("</data>")
    elif kind == "value":
        _, library, type_name, ns, text = pattern
        typed = (f" type={quoteattr(type_name)} datatypeLibrary={quoteattr(library)}"
                 if type_name is not None else "")
        out.append(f"<value{typed} ns={quoteattr(ns)}>{escape(text)}</value>")
    else:
        out.append(f"<{kind}/>")
