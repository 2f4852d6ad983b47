"""Reading copies of a TEI edition: HTML and plain text through the project's XSLT 1.0.

This package owns the choice of stylesheet and parameters for a rendering and the public
`render_tree` function. It must not read or write files (the CLI does) and must not run XSLT
other than through `tei_edition.render.xslt`, the one safe runner.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tei_edition.diagnostics import Diagnostic, Severity
from tei_edition.render.xslt import (
    StylesheetError,
    load_stylesheet,
    messages_of,
    run_stylesheet,
)
from tei_edition.xmlio import TEI_NS

FORMATS = {"html": "html.xsl", "text": "text.xsl"}
VIEWS = ("reading", "diplomatic")

__all__ = ["FORMATS", "VIEWS", "render_tree", "load_stylesheet", "run_stylesheet",
           "StylesheetError"]


def render_tree(tree: etree._ElementTree, *, to: str, view: str = "reading",
                width: int | None = None, stylesheet: Path | None = None,
                strict: bool = False, label: str | None = None,
                ) -> tuple[bytes | None, list[Diagnostic]]:
    """Render a parsed TEI edition to ``to`` ("html" or "text") in ``view``.

    Returns the output bytes (UTF-8) and diagnostics; bytes are None when rendering failed.
    ``stylesheet`` replaces the project's stylesheet for ``to`` (it may import the project's
    with href="tei-edition:html.xsl"); ``strict`` stops at any element without a template.
    """
    where = label or tree.docinfo.URL or "<document>"
    if to not in FORMATS:
        return None, [_usage(where, "render.unknown-format",
                             f"unknown output format {to!r}; expected one of {', '.join(FORMATS)}")]
    if view not in VIEWS:
        return None, [_usage(where, "render.unknown-view",
                             f"unknown view {view!r}; expected one of {', '.join(VIEWS)}")]
    if width is not None and width < 1:
        return None, [_usage(where, "render.bad-width",
                             f"width must be a positive number, not {width}")]
    root = tree.getroot()
    if stylesheet is None and root.tag != f"{{{TEI_NS}}}TEI":
        return None, [Diagnostic(where, root.sourceline or 1, 1, Severity.ERROR, "render.not-tei",
                                 f"root element is <{root.tag}>, not a TEI P5 <TEI> element",
                                 "render an edition made by `tei-edition convert`")]
    try:
        xslt = load_stylesheet(stylesheet if stylesheet is not None else FORMATS[to])
        result = run_stylesheet(xslt, tree, view=view, width=width or 0,
                                strict=1 if strict else 0)
    except StylesheetError as error:
        return None, [_relabel(d, where) for d in error.diagnostics]
    warnings = [_relabel(d, where) for d in messages_of(xslt, tree, where)]
    return _result_bytes(result), warnings


def _result_bytes(result: etree._XSLTResultTree) -> bytes:
    data = bytes(result)
    return data if data.endswith(b"\n") or not data else data + b"\n"


def _usage(where: str, code: str, message: str) -> Diagnostic:
    return Diagnostic(where, 0, 0, Severity.ERROR, code, message)


def _relabel(diagnostic: Diagnostic, where: str) -> Diagnostic:
    if diagnostic.path != "<document>":
        return diagnostic
    return Diagnostic(where, diagnostic.line, diagnostic.column, diagnostic.severity,
                      diagnostic.code, diagnostic.message, diagnostic.hint)
