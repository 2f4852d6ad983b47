"""The house-rules layer: schema/tei-edition.sch, compiled by `schematron` and read through
its SVRL-shaped report.

The validator runs as XSLT with no file or network access (XSLTAccessControl.DENY_ALL).
The report, not lxml's error log, is the source: it keeps each finding's rule id (the
stable code, e.g. ``rules.who-unresolved``), its role (error/warning/info -> severity), the
line of its element and that element's name. The compiled validator is kept in the user's
cache (``<cache>/rules/``, named by the sha256 of the .sch, stored as a verified record of
the compiler's version: `tei_edition.cache_records`), so a new process only parses it (0.3 ms
instead of 3 ms for compiling); a cache that cannot be read or written is compiled around,
and a record whose digest or version does not match is never trusted. This module must not
know about the XSD, the Python checks or tei_all.rng.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lxml import etree

from tei_edition import resources
from tei_edition.cache_records import read_record, sha256_hex, write_record
from tei_edition.diagnostics import Diagnostic, Severity
from tei_edition.validation.findings import LAYER_RULES, Finding, unusable
from tei_edition.validation.schematron import (
    COMPILER_VERSION,
    SVRL_NS,
    XSL_NS,
    SchematronError,
    compile_schematron,
)
from tei_edition.xmlio import schema_parser

SCH_NAME = "tei-edition.sch"

_ROLES = {"error": Severity.ERROR, "fatal": Severity.ERROR, "warning": Severity.WARNING,
          "warn": Severity.WARNING, "info": Severity.INFO, "information": Severity.INFO}
# Rule messages about an attribute start with `@name="value"`: that names the attribute.
_ATTRIBUTE_MESSAGE = re.compile(r'^@([\w:.-]+)=')

# Hints per rule, kept here rather than in the .sch so that the Schematron stays XPath 1.0
# plain and messages stay one sentence.
HINTS = {
    "rules.who-unresolved": "declare the speaker as a person with that xml:id in particDesc, "
                            "or correct the pointer",
    "rules.ref-unresolved": "declare the person/place/org (particDesc or standOff) or remove @ref",
    "rules.resp-unresolved": "declare the responsible party (e.g. respStmt xml:id=\"src-ed\")",
    "rules.corresp-unresolved": "point to an xml:id that exists in this document",
    "rules.target-unresolved": "point to an xml:id that exists in this document",
    "rules.scheme-unresolved": "declare the taxonomy in encodingDesc/classDecl",
    "rules.sp-speaker": "keep the turn's label as written in <speaker>",
    "rules.choice-sic-corr": "write <choice><sic>as written</sic><corr resp=\"#ed\">corrected"
                             "</corr></choice>",
    "rules.supplied-reason": "add reason=\"omitted-in-original\" (or \"query\" for [?])",
    "rules.resp-missing": "add @resp pointing to who made the intervention",
    "rules.date-format": "write dates as YYYY, YYYY-MM or YYYY-MM-DD (16 September 1956 = "
                         "1956-09-16)",
    "rules.bracket-in-speech": "encode the bracket as supplied, add, gap, note or pb "
                               "(docs/encoding.md)",
    "rules.note-nested": "make the inner note a separate note at its own mark",
    "rules.note-id-unique": "give every note its own xml:id (n1, n2, ...)",
    "rules.abstract-missing": "give the archive's summary in the edition metadata",
    "rules.classification-missing": "keep the classification mark (e.g. \"Top Secret\") "
                                    "in the opener",
}


def sch_path() -> Path:
    return resources.schema_dir() / SCH_NAME


@lru_cache(maxsize=2)
def _compiled(path: str, mtime_ns: int) -> etree.XSLT:
    """The Schematron compiled to its validator XSLT, run with no file or network access;
    the XSLT comes from the cache when a valid copy for this .sch and compiler is there.

    Without access control a rule calling document() on a pointer of the document could read
    local files or fetch URLs. Our rules never do, but the sandbox makes sure a changed
    schema cannot either.
    """
    source = Path(path).read_bytes()
    name = f"validator-{sha256_hex(source)[:40]}.xsl"
    folder = resources.cache_dir() / "rules"
    stored = read_record(folder, name, COMPILER_VERSION)
    if stored is not None:
        try:
            return _sandboxed(etree.fromstring(stored, schema_parser()))
        except (etree.XMLSyntaxError, etree.XSLTParseError):
            pass  # verified but unusable (written by a broken compiler): compiled again
    validator = compile_schematron(etree.fromstring(source, schema_parser(), base_url=path))
    compiled = _sandboxed(validator)
    # An unwritable cache costs each process the 3 ms of compiling; a lost file, the same.
    write_record(folder, name, etree.tostring(validator, encoding="utf-8"), COMPILER_VERSION)
    return compiled


def _sandboxed(validator: etree._Element) -> etree.XSLT:
    if validator.tag != f"{{{XSL_NS}}}stylesheet":
        raise etree.XSLTParseError("not a validator stylesheet")
    return etree.XSLT(validator, access_control=etree.XSLTAccessControl.DENY_ALL)


def compiled_rules() -> etree.XSLT:
    path = sch_path()
    return _compiled(str(path), path.stat().st_mtime_ns)


def check_rules(tree: etree._ElementTree, path: str) -> list[Finding]:
    """Findings of the Schematron rules for ``tree``, in report order."""
    try:
        validator = compiled_rules()
    except (OSError, SchematronError, etree.XMLSyntaxError, etree.XSLTParseError) as error:
        return [unusable(sch_path(), "rules.unusable", error, LAYER_RULES)]
    try:
        report = validator(tree)
    except etree.XSLTApplyError as error:  # e.g. a rule reaching outside the sandbox
        return [Finding(Diagnostic(path, 0, 0, Severity.FATAL, "rules.unusable",
                                   f"the rules could not run on this document: {error}",
                                   "the Schematron may not read files or the network"),
                        None, None, LAYER_RULES)]
    root = report.getroot()
    if root is None:
        return []
    findings: list[Finding] = []
    for entry in root:
        if not isinstance(entry.tag, str):
            continue
        kind = etree.QName(entry).localname
        if kind not in ("failed-assert", "successful-report"):
            continue
        findings.append(_finding(entry, path))
    return findings


def _finding(entry: etree._Element, path: str) -> Finding:
    code = entry.get("id") or "rules.unnamed"
    severity = _ROLES.get((entry.get("role") or "error").lower(), Severity.ERROR)
    message = " ".join((entry.findtext(f"{{{SVRL_NS}}}text") or "").split())
    line = entry.get("line") or ""
    # libxml2 has no line for nodes built in memory (and none beyond what it counted).
    line_number = int(line) if line.isdigit() else 0
    attribute = _ATTRIBUTE_MESSAGE.match(message)
    diagnostic = Diagnostic(path, line_number, 0, severity, code, message, HINTS.get(code))
    return Finding(diagnostic, entry.get("element") or None,
                   attribute.group(1) if attribute else None, LAYER_RULES)
