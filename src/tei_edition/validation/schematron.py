"""Compile the project's ISO Schematron (``queryBinding="xslt"``) into one XSLT 1.0 validator.

Why not lxml.isoschematron: its XSLT 1.0 skeleton walks the whole document twice per pattern
(once in the pattern's mode, once more in the default mode for nothing) and matches every
node against every rule context as a template pattern. libxslt matches a one-predicate
wildcard pattern such as ``tei:*[@who or @ref]`` by counting the node's matching siblings,
and its cache of that count is lost whenever the walk comes back from a child: a ``div`` of
3,700 turns made the pointer rules quadratic, 1.5 s on a 1 MB edition.

Here each pattern is compiled one of two ways (docs/validation.md, Speed):

- when every rule context ends in a name (``tei:sp``, ``tei:TEI/tei:teiHeader``, ``@who``),
  one template per rule in the pattern's own mode, applied once to all elements and/or all
  attributes of the document (libxslt finds named templates by hash; template priorities
  give each node the first rule that matches it, as ISO Schematron says);
- otherwise one ``xsl:for-each`` per rule over its context evaluated as the XPath
  ``//context`` (XSLT 1.0 §5.2), one pass in C; a rule skips the nodes of the pattern's
  earlier rules through a key by ``generate-id()``, built only when the two contexts may
  match the same nodes (so such an earlier context may not call ``key()``).

Asserts report when their test is false, reports when it is true; ``sch:let`` becomes a
variable, ``sch:value-of`` and ``sch:name`` are evaluated on the rule's node. The report is
SVRL-shaped: ``svrl:failed-assert`` / ``svrl:successful-report`` with ``id``, ``role`` and
``svrl:text``; instead of an XPath ``location`` each carries the ``line`` of its element
(libxml2's own line number, through libexslt's ``saxon:line-number()``) and that
``element``'s local name (the parent element for an attribute or text node). Findings come
per rule (or pattern), each in document order, not interleaved.

Supported subset (what schema/tei-edition.sch may use): ``sch:ns``, top-level ``xsl:key``,
``sch:title``/``sch:p`` (ignored), ``sch:pattern`` with ``sch:rule`` (``@context``),
``sch:let``, ``sch:assert``/``sch:report`` (``@test``, ``@id``, ``@role``) whose text may
hold ``sch:value-of``, ``sch:name``, ``sch:emph``/``sch:dir``/``sch:span``. Anything else
(abstract patterns, phases, diagnostics, includes) raises `SchematronError`, never a silently
weaker check. This module must not run the validator or read documents.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from tei_edition.validation.patterns import context_expression, context_names

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
XML_NS = "http://www.w3.org/XML/1998/namespace"
SAXON_NS = "http://icl.com/saxon"  # libexslt's Saxon functions: line-number()

# Part of the cache key of compiled validators (validation.rules): bump it whenever the
# XSLT this module writes for the same Schematron changes.
COMPILER_VERSION = "tei-edition-schematron 2"

_IGNORED = {"title", "p"}
_INLINE = {"emph", "dir", "span"}
_QUERY_BINDINGS = {None, "xslt", "xslt1"}


class SchematronError(ValueError):
    """The schema uses something this compiler does not implement, or is malformed."""


def compile_schematron(schema: etree._Element) -> etree._Element:
    """The validator XSLT (a new ``xsl:stylesheet`` element) for a parsed ``sch:schema``."""
    if schema.tag != f"{{{SCH_NS}}}schema":
        raise SchematronError(f"the root is {schema.tag}, not sch:schema")
    binding = schema.get("queryBinding")
    if binding not in _QUERY_BINDINGS:
        raise SchematronError(f'queryBinding="{binding}" is not supported (XSLT 1.0 only)')
    # Prefixes declared on the schema element serve its xsl:key elements; sch:ns declares
    # those of the rules. The validator's own prefixes come last and win.
    namespaces = {prefix: uri for prefix, uri in schema.nsmap.items()
                  if prefix and uri not in (SCH_NS, XSL_NS, SVRL_NS)}
    for ns in schema.iterfind(f"{{{SCH_NS}}}ns"):
        namespaces[_required(ns, "prefix")] = _required(ns, "uri")
    namespaces.update({"xsl": XSL_NS, "svrl": SVRL_NS, "saxon": SAXON_NS})
    stylesheet = etree.Element(f"{{{XSL_NS}}}stylesheet", nsmap=namespaces, version="1.0")
    stylesheet.set("exclude-result-prefixes",
                   " ".join(p for p in namespaces if p not in ("xsl", "svrl")))
    output = etree.Element(f"{{{SVRL_NS}}}schematron-output")
    if schema.findtext(f"{{{SCH_NS}}}title"):
        output.set("title", _literal(" ".join(schema.findtext(f"{{{SCH_NS}}}title").split())))
    rule_number = 0
    for child in schema:
        if not isinstance(child.tag, str):
            continue
        if child.tag == f"{{{XSL_NS}}}key":
            stylesheet.append(_copy(child))
        elif child.tag == f"{{{SCH_NS}}}pattern":
            rule_number = _compile_pattern(child, stylesheet, output, rule_number)
        elif etree.QName(child).localname not in _IGNORED | {"ns"} or \
                etree.QName(child).namespace != SCH_NS:
            raise SchematronError(f"<{etree.QName(child).localname}> (line {child.sourceline})"
                                  " is not supported in tei-edition's Schematron")
    root_template = etree.SubElement(stylesheet, f"{{{XSL_NS}}}template", match="/")
    root_template.append(output)
    return stylesheet


def _compile_pattern(pattern: etree._Element, stylesheet: etree._Element,
                     output: etree._Element, rule_number: int) -> int:
    """Add the pattern's rules to the validator; return the last rule number used."""
    if pattern.get("abstract") or pattern.get("is-a"):
        raise SchematronError(f"abstract pattern (line {pattern.sourceline}) is not supported")
    namespaces = {prefix: uri for prefix, uri in stylesheet.nsmap.items() if prefix}
    namespaces["xml"] = XML_NS
    rules: list[_Rule] = []
    for rule in pattern:
        if not isinstance(rule.tag, str) or etree.QName(rule).localname in _IGNORED:
            continue
        if rule.tag != f"{{{SCH_NS}}}rule" or rule.get("abstract"):
            raise SchematronError(f"<{etree.QName(rule).localname}> (line {rule.sourceline}) "
                                  "in a pattern is not supported")
        context = _required(rule, "context")
        rule_number += 1
        rules.append(_Rule(rule_number, context, context_names(context, namespaces), rule))
    if rules and all(rule.names is not None for rule in rules):
        _dispatch(rules, stylesheet, output)
    else:
        _select(rules, stylesheet, output)
    return rule_number


@dataclass(frozen=True)
class _Rule:
    number: int
    context: str
    names: frozenset[tuple[str, str, str]] | None  # see context_names
    source: etree._Element


def _dispatch(rules: list[_Rule], stylesheet: etree._Element, output: etree._Element) -> None:
    """A pattern whose contexts all end in element or attribute names: one template per rule
    in the pattern's own mode, applied once to every element (and/or attribute) of the
    document. libxslt finds named templates through a hash, and a node gets the template of
    the first rule that matches it, by priority, as in ISO Schematron. (Wildcard contexts
    such as ``tei:*[@who]`` are not dispatched: libxslt recounts the siblings of every node
    tested against a one-predicate wildcard pattern, quadratic in a div of 3,700 turns.)"""
    mode = f"tei-edition-pattern-{rules[0].number}"
    for position, rule in enumerate(rules):
        template = etree.SubElement(stylesheet, f"{{{XSL_NS}}}template", match=rule.context,
                                    mode=mode, priority=str(len(rules) - position))
        _compile_rule_body(rule.source, template)
    # Nodes no rule matches produce nothing (and are not descended into: the nodes are
    # all applied from the top, so the built-in recursion would visit them twice).
    etree.SubElement(stylesheet, f"{{{XSL_NS}}}template", match="node() | @*", mode=mode,
                     priority="-1")
    for kind, select in (("element", "//*"), ("attribute", "//@*")):
        if any(name[0] == kind for rule in rules for name in rule.names or ()):
            variable = f"tei-edition-{kind}s"
            if stylesheet.find(f"{{{XSL_NS}}}variable[@name='{variable}']") is None:
                global_variable = etree.Element(f"{{{XSL_NS}}}variable", name=variable,
                                                select=select)
                stylesheet.insert(0, global_variable)
            etree.SubElement(output, f"{{{XSL_NS}}}apply-templates", select=f"${variable}",
                             mode=mode)


def _select(rules: list[_Rule], stylesheet: etree._Element, output: etree._Element) -> None:
    """Any other pattern: one ``xsl:for-each`` per rule over the nodes its context selects as
    an XPath expression (one pass in C). A rule skips the nodes of the pattern's earlier
    rules, found through a key by ``generate-id()``, unless both contexts provably end in
    different names (then no key is built: a key costs one more walk of the document)."""
    keyed: set[str] = set()
    for position, rule in enumerate(rules):
        selection = context_expression(rule.context)
        overlapping = [earlier for earlier in rules[:position]
                       if rule.names is None or earlier.names is None
                       or rule.names & earlier.names]
        if overlapping:
            keys = [f"tei-edition-rule-{earlier.number}" for earlier in overlapping]
            skipped = " or ".join(f"key('{key}', generate-id())" for key in keys)
            selection = f"({selection})[not({skipped})]"
            for key, earlier in zip(keys, overlapping, strict=True):
                if key not in keyed:
                    keyed.add(key)
                    etree.SubElement(stylesheet, f"{{{XSL_NS}}}key", name=key,
                                     match=earlier.context, use="generate-id()")
        each = etree.SubElement(output, f"{{{XSL_NS}}}for-each", select=selection)
        _compile_rule_body(rule.source, each)


def _compile_rule_body(rule: etree._Element, target: etree._Element) -> None:
    for item in rule:
        if isinstance(item.tag, str):
            _compile_rule_item(item, target)


def _compile_rule_item(item: etree._Element, each: etree._Element) -> None:
    kind = etree.QName(item).localname if etree.QName(item).namespace == SCH_NS else None
    if kind == "let":
        etree.SubElement(each, f"{{{XSL_NS}}}variable", name=_required(item, "name"),
                         select=_required(item, "value"))
    elif kind in ("assert", "report"):
        test = _required(item, "test")
        if item.get("diagnostics") or item.get("subject"):
            raise SchematronError(f"@diagnostics/@subject (line {item.sourceline}) are not "
                                  "supported")
        element = "failed-assert" if kind == "assert" else "successful-report"
        # An assert reports when its test is false, a report when it is true.
        condition = f"not({test})" if kind == "assert" else test
        when = etree.SubElement(each, f"{{{XSL_NS}}}if", test=condition)
        finding = etree.SubElement(when, f"{{{SVRL_NS}}}{element}")
        for attribute in ("id", "role"):
            if item.get(attribute) is not None:
                finding.set(attribute, _literal(item.get(attribute)))
        finding.set("element", "{local-name(ancestor-or-self::*[1])}")
        line = etree.SubElement(finding, f"{{{XSL_NS}}}attribute", name="line")
        at = etree.SubElement(line, f"{{{XSL_NS}}}for-each", select="ancestor-or-self::*[1]")
        etree.SubElement(at, f"{{{XSL_NS}}}value-of", select="saxon:line-number()")
        text = etree.SubElement(finding, f"{{{SVRL_NS}}}text")
        _compile_message(item, text)
    elif kind not in _IGNORED:
        raise SchematronError(f"<{etree.QName(item).localname}> (line {item.sourceline}) in a "
                              "rule is not supported")


def _compile_message(source: etree._Element, target: etree._Element) -> None:
    """The assert's text, with value-of and name evaluated on the rule's node."""
    _text(target, source.text)
    for child in source:
        if isinstance(child.tag, str):
            kind = etree.QName(child).localname if etree.QName(child).namespace == SCH_NS \
                else None
            if kind == "value-of":
                etree.SubElement(target, f"{{{XSL_NS}}}value-of",
                                 select=_required(child, "select"))
            elif kind == "name":
                etree.SubElement(target, f"{{{XSL_NS}}}value-of",
                                 select=f"name({child.get('path') or '.'})")
            elif kind in _INLINE:
                _compile_message(child, target)
            else:
                raise SchematronError(f"<{etree.QName(child).localname}> (line "
                                      f"{child.sourceline}) in a message is not supported")
        _text(target, child.tail)


def _text(target: etree._Element, text: str | None) -> None:
    if text:
        etree.SubElement(target, f"{{{XSL_NS}}}text").text = text


def _copy(element: etree._Element) -> etree._Element:
    copied = etree.Element(element.tag, dict(element.attrib))
    if len(element) or (element.text or "").strip():
        raise SchematronError(f"xsl:key (line {element.sourceline}) must be empty")
    return copied


def _required(element: etree._Element, attribute: str) -> str:
    value = element.get(attribute)
    if not value:
        raise SchematronError(f"<{etree.QName(element).localname}> (line {element.sourceline})"
                              f" has no @{attribute}")
    return value


def _literal(value: str) -> str:
    """A literal result attribute is an attribute value template: braces must be doubled."""
    return value.replace("{", "{{").replace("}", "}}")
