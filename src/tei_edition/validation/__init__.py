"""Validation of TEI documents: project schema, house rules, Python checks, TEI conformance.

Public API (used by the CLI, the builder and the packager):

- `validate_tree(tree, path, *, profile="all", tei_all=None) -> list[Diagnostic]`
- `validate_file(path, *, profile="all", tei_all=None) -> list[Diagnostic]` (parse + validate;
  a pure function of the file, so many files can be validated in parallel)
- `schema_versions() -> dict[str, str]` (schema files and TEI release, with sha256)

Profiles: ``project`` = tei-edition.xsd + tei-edition.sch + Python checks (our encoding);
``tei`` = conformance to tei_all.rng only (anyone's TEI); ``all`` = both, merged so that one
fault gives one diagnostic (see findings.merge_findings). This package must not print or exit:
the CLI does that.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from lxml import etree

from tei_edition import resources
from tei_edition.diagnostics import Diagnostic, Severity
from tei_edition.validation.findings import LAYER_TEI, Finding, merge_findings, with_columns

PROFILES = ("project", "tei", "all")

__all__ = ["PROFILES", "schema_versions", "validate_file", "validate_tree"]

# Which element (and attribute) a conformance message is about, for merging with the
# project's findings. Both libxml2's own wording and the conformance package's rewording.
_RNG_FAULTS = (
    (re.compile(r"attribute @(\S+) is not allowed on <([^>]+)>"), 2, 1),
    (re.compile(r"Invalid attribute (\S+) for element (\S+)"), 2, 1),
    (re.compile(r"found <([^>]+)>"), 1, None),
    (re.compile(r"inside <([^>]+)>"), 1, None),
    (re.compile(r"<([^>]+)>"), 1, None),
    (re.compile(r"Did not expect element (\S+) there"), 1, None),
    (re.compile(r"Expecting element \S+, got (\S+)"), 1, None),
    (re.compile(r"[Ee]lement (\S+)"), 1, None),
)


def validate_tree(tree: etree._ElementTree, path: str, *, profile: str = "all",
                  tei_all: Path | None = None) -> list[Diagnostic]:
    """Diagnostics for a parsed document, in document order, one per fault.

    With profile ``all`` and no tei_all.rng configured (argument, $TEI_EDITION_TEI_ALL or the
    cache), the project profile runs and an info diagnostic says conformance was skipped.
    Profile ``tei`` without a tei_all.rng is a fatal diagnostic (the check cannot run).
    Columns are 0 (unknown) unless a layer knows them: a tree has no source text.
    """
    return merge_findings(_findings(tree, path, profile, tei_all))


def validate_file(path: str | os.PathLike[str], *, profile: str = "all",
                  tei_all: Path | None = None) -> list[Diagnostic]:
    """Parse ``path`` with the hardened parser and validate it; never raises on bad input.

    Unlike `validate_tree`, diagnostics carry the column of the element (or attribute) at
    fault, found in the file's text.
    """
    from tei_edition.xmlio import parse_xml_file

    label = str(path)
    parsed = parse_xml_file(path, label)
    if parsed.tree is None:
        return list(parsed.diagnostics)
    findings = _findings(parsed.tree, label, profile, tei_all)
    if any(f.diagnostic.column == 0 and f.diagnostic.line and f.element for f in findings):
        try:  # read again only when a column is to be found (a clean 1 MB file: 3 ms saved)
            findings = with_columns(findings, Path(path).read_bytes())
        except OSError:
            pass  # the file went away after parsing: columns stay unknown
    return list(parsed.diagnostics) + merge_findings(findings)


def _findings(tree: etree._ElementTree, path: str, profile: str,
              tei_all: Path | None) -> list[Finding]:
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; expected one of {PROFILES}")
    if not isinstance(tree, etree._ElementTree):
        tree = tree.getroottree()
    findings: list[Finding] = []
    schema_rejected = False
    if profile in ("project", "all"):
        # Imported here: `validate --profile tei` (anyone's TEI) never needs the project's
        # XSD, Schematron or Python checks, and importing them costs every such command.
        from tei_edition.validation.checks import run_checks
        from tei_edition.validation.project_schema import check_project_schema
        from tei_edition.validation.rules import check_rules

        schema_findings = check_project_schema(tree, path)
        schema_rejected = any(f.diagnostic.severity is Severity.ERROR for f in schema_findings)
        findings += schema_findings
        findings += check_rules(tree, path)
        findings += run_checks(tree, path)
    # The project schema is a strict subset of TEI P5: when it rejects the document, its
    # findings already name every place tei_all.rng would reject, and merge_findings would
    # drop conformance's restatements of them, so conformance is not run (it is the slow part).
    if profile == "tei" or (profile == "all" and not schema_rejected):
        rng = resources.find_tei_all(tei_all)
        if rng is None:
            findings.append(_conformance_not_configured(path, profile))
        else:
            findings += _conformance_findings(tree, path, rng)
    return findings


def schema_versions(*, tei_all: Path | None = None) -> dict[str, str]:
    """Names and sha256 of the schema files in use and the TEI release, for provenance.

    Keys: ``tei-edition.xsd``, ``xml.xsd``, ``tei-edition.sch`` (sha256 of each),
    ``tei_all.rng`` (sha256, or "" when none is configured) and ``tei-version`` (e.g.
    "4.12.0", or "" when unknown).
    """
    from tei_edition.schema_fetch import describe_tei_all, sha256_file

    folder = resources.schema_dir()
    versions = {name: sha256_file(folder / name)
                for name in ("tei-edition.xsd", "xml.xsd", "tei-edition.sch")}
    rng = resources.find_tei_all(tei_all)
    info = describe_tei_all(rng) if rng is not None and rng.is_file() else None
    versions["tei_all.rng"] = info.sha256 if info else ""
    versions["tei-version"] = (info.version or "") if info else ""
    return versions


def _conformance_not_configured(path: str, profile: str) -> Finding:
    hint = ("run `tei-edition schema fetch`, or pass --tei-all PATH, or set "
            f"{resources.TEI_ALL_ENV}")
    if profile == "tei":
        diagnostic = Diagnostic(path, 0, 0, Severity.FATAL, "validate.tei-all-missing",
                                "TEI conformance cannot be checked: no tei_all.rng is "
                                "configured", hint)
    else:
        diagnostic = Diagnostic(path, 0, 0, Severity.INFO, "validate.conformance-skipped",
                                "TEI conformance (tei_all.rng) was not checked: none is "
                                "configured", hint)
    return Finding(diagnostic, None, None, LAYER_TEI)


def _conformance_findings(tree: etree._ElementTree, path: str, rng: Path) -> list[Finding]:
    from tei_edition.conformance import check_conformance

    findings = []
    for diagnostic in check_conformance(tree, path, rng):
        element = attribute = None
        for pattern, element_group, attribute_group in _RNG_FAULTS:
            match = pattern.search(diagnostic.message)
            if match:
                element = match.group(element_group).strip("\"'").split(":")[-1]
                attribute = match.group(attribute_group) if attribute_group else None
                break
        findings.append(Finding(diagnostic, element, attribute, LAYER_TEI))
    return findings
