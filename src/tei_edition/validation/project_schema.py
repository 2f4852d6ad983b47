"""The project schema layer: schema/tei-edition.xsd, decided by lxml, explained by xmlschema.

lxml's `XMLSchema` (libxml2) decides whether a document is valid: it is ~70 times faster than
xmlschema (guide/PERFORMANCE.md). Only when it fails does xmlschema run, to give each error the
element's path (``/TEI/text/body/div/sp[3]/p[2]``); it gets the already parsed lxml tree, so
line numbers survive, runs sandboxed (no network, no entity expansion) and never follows
``xsi:schemaLocation``. Codes (``schema.*``) come from libxml2's error types, which are
stable. This module must not know about the rules, the checks or tei_all.rng.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from tei_edition import resources
from tei_edition.diagnostics import Diagnostic, Severity
from tei_edition.validation.findings import LAYER_SCHEMA, Finding, clean_name, unusable
from tei_edition.xmlio import schema_parser

XSD_NAME = "tei-edition.xsd"
_TEI_ROOT = "{http://www.tei-c.org/ns/1.0}TEI"

# Above this many elements the explanation pass (xmlschema, about 0.5 ms per element) is
# skipped: the verdict and the paths are the same, only xmlschema's wording is missing.
EXPLAIN_MAX_ELEMENTS = 1_000

_ELEMENT_ATTR = re.compile(r"^Element '([^']+)'(?:, attribute '([^']+)')?: ?(.*)$", re.S)
_ID_VALUE = re.compile(r"attribute '\{http://www\.w3\.org/XML/1998/namespace\}id': '([^']*)' "
                       r"is not a valid value of the atomic type 'xs:ID'")
_NCNAME = re.compile(r"^[A-Za-z_][\w.-]*$")
_NAMED_ATTRIBUTE = re.compile(r"attribute '([^']+)'")
_EXPECTED = re.compile(r"Expected is (?:one of )?\(?\s*(.*?)\s*\)?\.?$", re.S)


def xsd_path() -> Path:
    return resources.schema_dir() / XSD_NAME


@lru_cache(maxsize=2)
def _compiled(path: str, mtime_ns: int) -> etree.XMLSchema:
    parser = schema_parser()
    return etree.XMLSchema(etree.parse(path, parser))


@lru_cache(maxsize=2)
def _explainer(path: str, mtime_ns: int) -> Any:
    import xmlschema  # heavy (0.5 s to build the schema): only when a document failed

    # sandbox: only files under schema/ (xml.xsd); defuse: parse schema files safely.
    return xmlschema.XMLSchema(path, allow="sandbox", defuse="always")


def compiled_schema() -> etree.XMLSchema:
    path = xsd_path()
    return _compiled(str(path), path.stat().st_mtime_ns)


def check_project_schema(tree: etree._ElementTree, path: str) -> list[Finding]:
    """Findings of the project XSD for ``tree``; empty when it is valid."""
    try:
        schema = compiled_schema()
    except (OSError, etree.XMLSchemaParseError, etree.XMLSyntaxError) as error:
        return [unusable(xsd_path(), "schema.unusable", error, LAYER_SCHEMA)]
    root = tree.getroot()
    if root.tag != _TEI_ROOT:
        # Every element of the XSD is a global declaration (that is how the content models
        # are shared), so XSD would accept any of them as the root; TEI P5 starts at TEI.
        code, text, hint = _describe("SCHEMAV_CVC_ELT_1", "", clean_name(str(root.tag)), None)
        return [Finding(Diagnostic(path, root.sourceline or 0, 0, Severity.ERROR, code, text,
                                   hint), clean_name(str(root.tag)), None, LAYER_SCHEMA)]
    if schema.validate(tree):
        return []
    entries = [entry for entry in schema.error_log if not _is_duplicate_id(entry.message)]
    if not entries:
        return []
    explained = _explanations(tree)
    return [_finding(tree, entry, path, explained) for entry in entries]


def _is_duplicate_id(message: str) -> bool:
    """libxml2's xs:ID error for a well-formed NCName: the value is used twice.

    Left to checks.duplicate-id, which names both lines; libxml2 points at whichever
    occurrence its ID table met second, which for trees edited in memory may be the first.
    """
    match = _ID_VALUE.search(message)
    return bool(match and _NCNAME.match(match.group(1)))


def readable_path(node: etree._Element) -> str:
    """`/TEI/text/body/div/div[1]/sp[3]/p[3]`: local names, with the position among siblings
    of the same name when there are several (the form xmlschema uses)."""
    steps = []
    while node is not None:
        parent = node.getparent()
        name = etree.QName(node).localname
        if parent is not None:
            same = [sibling for sibling in parent if sibling.tag == node.tag]
            if len(same) > 1:
                name += f"[{same.index(node) + 1}]"
        steps.append(name)
        node = parent
    return "/" + "/".join(reversed(steps))


def _explanations(tree: etree._ElementTree) -> dict[str, str]:
    """element path -> xmlschema's reason for the first error there (small documents only).

    xmlschema validates the whole document before it yields its first error (~0.5 ms per
    element), so documents above EXPLAIN_MAX_ELEMENTS keep libxml2's messages alone.
    """
    root = tree.getroot()
    if sum(1 for _ in root.iter()) > EXPLAIN_MAX_ELEMENTS:
        return {}
    import xmlschema

    xsd = xsd_path()
    schema = _explainer(str(xsd), xsd.stat().st_mtime_ns)
    resource = xmlschema.XMLResource(root, allow="none", defuse="always")
    explained: dict[str, str] = {}
    for error in schema.iter_errors(resource, use_location_hints=False):
        if error.path and error.reason:
            explained.setdefault(error.path, clean_name(error.reason) or error.reason)
    return explained


def _finding(tree: etree._ElementTree, entry: Any, path: str,
             explained: dict[str, str]) -> Finding:
    message = entry.message.strip()
    element = attribute = None
    detail = message
    match = _ELEMENT_ATTR.match(message)
    if match:
        element, attribute = clean_name(match.group(1)), clean_name(match.group(2))
        detail = match.group(3)
    code, text, hint = _describe(entry.type_name, detail, element, attribute)
    node = _node_at(tree, entry.path)
    if node is not None:
        where = readable_path(node)
        text += f" (at {where})"
        if hint is None and where in explained:
            hint = explained[where]
    diagnostic = Diagnostic(path, entry.line or 0, max(entry.column, 0), Severity.ERROR,
                            code, text, hint)
    return Finding(diagnostic, element, attribute, LAYER_SCHEMA)


def _node_at(tree: etree._ElementTree, location: str | None) -> etree._Element | None:
    if not location:
        return None
    try:
        found = tree.xpath(location)
    except etree.XPathError:
        return None
    return found[0] if isinstance(found, list) and found and isinstance(
        found[0], etree._Element) else None


def _describe(type_name: str, detail: str, element: str | None,
              attribute: str | None) -> tuple[str, str, str | None]:
    """(code, message, hint) for one libxml2 schema error."""
    tag = f"<{element}>" if element else "element"
    expected = _expected(detail)
    if type_name == "SCHEMAV_CVC_ELT_1":
        return ("schema.wrong-root", f"root element {tag} is not a TEI document of this project",
                "the root must be <TEI xmlns=\"http://www.tei-c.org/ns/1.0\">; "
                "use --profile tei for TEI that does not follow the project's encoding")
    if type_name == "SCHEMAV_ELEMENT_CONTENT" and "not expected" in detail:
        return ("schema.unexpected-element",
                f"element {tag} is not allowed here by the project schema",
                f"allowed here: {expected}" if expected else None)
    if type_name == "SCHEMAV_ELEMENT_CONTENT" and "Missing child" in detail:
        return ("schema.missing-element", f"{tag} is incomplete: a required child is missing",
                f"expected: {expected}" if expected else None)
    if type_name.startswith("SCHEMAV_CVC_COMPLEX_TYPE_3_2"):
        return ("schema.unexpected-attribute",
                f"attribute {attribute} is not allowed on {tag} by the project schema",
                "see docs/encoding.md for the attributes each element takes")
    if type_name == "SCHEMAV_CVC_COMPLEX_TYPE_4":
        named = _NAMED_ATTRIBUTE.search(detail)
        name = named.group(1) if named else ""
        return ("schema.missing-attribute", f"{tag} lacks its required attribute {name}".rstrip(),
                f"add @{name} (docs/encoding.md says what it holds)" if name else None)
    if type_name in ("SCHEMAV_CVC_COMPLEX_TYPE_2_3", "SCHEMAV_CVC_COMPLEX_TYPE_2_1"):
        return ("schema.unexpected-text", f"text is not allowed directly inside {tag}",
                "wrap the words in a paragraph-level element such as <p>")
    if attribute:
        return ("schema.invalid-attribute",
                f"attribute {attribute} on {tag} has an invalid value: {_short(detail)}", None)
    return ("schema.invalid", f"{tag}: {_short(detail)}", None)


def _expected(detail: str) -> str | None:
    match = _EXPECTED.search(detail)
    if not match:
        return None
    names = [clean_name(name.strip()) or "" for name in match.group(1).split(",")]
    return ", ".join(name for name in names if name)


def _short(detail: str) -> str:
    return clean_name(detail) or detail
