"""Dublin Core for a bag (`data/dc.xml`): the TEI header through xslt/dc.xsl.

This module owns calling that stylesheet through the project's safe XSLT runner and
serialising its result. The mapping itself lives in xslt/dc.xsl, where it can be read and
overridden like the other stylesheets; this module must not add or change any value.
"""

from __future__ import annotations

from lxml import etree

from tei_edition.diagnostics import Diagnostic
from tei_edition.xmlio import serialize

STYLESHEET = "dc.xsl"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"


def dublin_core_tree(tree: etree._ElementTree) -> etree._ElementTree:
    """The oai_dc record of ``tree``; raises StylesheetError when the stylesheet fails."""
    from tei_edition.render.xslt import load_stylesheet, run_stylesheet

    return run_stylesheet(load_stylesheet(STYLESHEET), tree)


def dublin_core_bytes(tree: etree._ElementTree) -> tuple[bytes | None, list[Diagnostic]]:
    """Serialised Dublin Core, or None with the stylesheet's diagnostics."""
    from tei_edition.render.xslt import StylesheetError

    try:
        result = dublin_core_tree(tree)
    except StylesheetError as error:
        return None, list(error.diagnostics)
    return serialize(result), []
