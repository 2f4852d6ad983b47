"""What an XSLT pattern (a Schematron rule context) selects, read from its text.

`context_expression` turns a pattern into the XPath expression selecting every node it
matches; `context_names` says which element or attribute names it can match, when that can
be read off its last steps. Both split the text only at top-level ``|`` and ``/`` (outside
brackets, parentheses and string literals); neither evaluates anything. Used by
`schematron` to choose how a pattern is run; this module must not build XSLT.
"""

from __future__ import annotations

import re


def context_expression(context: str) -> str:
    """The XPath expression selecting every node a rule context (an XSLT pattern) matches.

    XSLT 1.0 §5.2: a node matches a pattern when it is in the result of the pattern as an
    expression for some context node; for a relative path that is ``//path`` (the same
    positions: ``//a/b[1]`` is every first b child of an a). Branches of a union are
    converted one by one; absolute paths and id()/key() patterns stay as they are.
    """
    branches = []
    for branch in split_top_level(context, "|"):
        branch = branch.strip()
        absolute = branch.startswith("/") or re.match(r"(id|key)\s*\(", branch)
        branches.append(branch if absolute else "//" + branch)
    return " | ".join(branches)


def context_names(context: str,
                  namespaces: dict[str, str]) -> frozenset[tuple[str, str, str]] | None:
    """The (kind, namespace, local name) triples a context can match, kind "element" or
    "attribute", when every branch ends in a plain name test (``tei:sp``,
    ``tei:TEI/tei:teiHeader``, ``tei:note[@n]``, ``@who``); None when a branch may match
    anything else (``tei:*``, ``@*``, ``text()``, ``node()``, ``id('x')``)."""
    names = set()
    for branch in split_top_level(context, "|"):
        steps = split_top_level(branch.strip(), "/")
        step = steps[-1].strip() if steps else ""
        step = step[:step.index("[")].strip() if "[" in step else step
        kind = "element"
        for prefix, axis in (("@", "attribute"), ("attribute::", "attribute"),
                             ("child::", "element")):
            if step.startswith(prefix):
                step, kind = step[len(prefix):].strip(), axis
        match = re.fullmatch(r"(?:([\w.-]+):)?([\w.-]+)", step)
        if match is None or (match.group(1) and match.group(1) not in namespaces):
            return None
        names.add((kind, namespaces[match.group(1)] if match.group(1) else "", match.group(2)))
    return frozenset(names)


def split_top_level(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` characters outside brackets, parentheses and quotes."""
    parts, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts
