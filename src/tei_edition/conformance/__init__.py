"""TEI P5 conformance: is a document valid against tei_all.rng?

Public entry point: `check_conformance(tree, path, rng_path) -> list[Diagnostic]` with codes
``tei.invalid`` (a RELAX NG error, positioned) and ``tei.schema-unusable`` (fatal).
This first version compiles the full grammar with libxml2 (about 10 s per process); the fast
engine replaces the inside and keeps this signature.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from lxml import etree

from tei_edition.diagnostics import Diagnostic, Severity


@lru_cache(maxsize=4)
def _compiled(rng_path: str, mtime_ns: int) -> etree.RelaxNG:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.RelaxNG(etree.parse(rng_path, parser))


def check_conformance(tree: etree._ElementTree, path: str,
                      rng_path: str | os.PathLike[str]) -> list[Diagnostic]:
    rng = Path(rng_path)
    try:
        schema = _compiled(str(rng.resolve()), rng.stat().st_mtime_ns)
    except (OSError, etree.XMLSyntaxError, etree.RelaxNGParseError) as error:
        return [Diagnostic(str(rng), 0, 0, Severity.FATAL, "tei.schema-unusable",
                           f"cannot use TEI schema: {error}",
                           "run `tei-edition schema fetch` or pass --tei-all PATH")]
    if schema.validate(tree):
        return []
    return [Diagnostic(path, entry.line, entry.column, Severity.ERROR, "tei.invalid",
                       entry.message) for entry in schema.error_log]
