"""What an archive's `bag-info.txt` says about an edition, read from its TEI header.

This module owns the mapping TEI header -> BagIt reserved metadata (RFC 8493 §2.2.2) and the
rule that fixes the Bagging-Date without the wall clock. It must not touch the file system
and must not invent a value: a fact the header does not carry is left out.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from tei_edition import __version__
from tei_edition.xmlio import NSMAP

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
SOFTWARE_AGENT = f"tei-edition {__version__}"
_ISO_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")


class BaggingDateError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a whole number of seconds."""


@dataclass(frozen=True)
class HeaderFacts:
    """The header values a bag needs; None or empty when the header does not say."""

    title: str | None
    identifiers: tuple[str, ...]
    publisher: str | None
    rights: str | None
    publication_date: str | None  # publicationStmt/date/@when, a full day only
    latest_change_date: str | None  # the latest revisionDesc/change/@when, a full day only


def _text(node: etree._Element | None) -> str | None:
    if node is None:
        return None
    value = " ".join("".join(node.itertext()).split())
    return value or None


def _first(tree: etree._ElementTree, xpath: str) -> etree._Element | None:
    found = tree.xpath(xpath, namespaces=NSMAP)
    return found[0] if found else None


def _day(value: str | None) -> str | None:
    """The YYYY-MM-DD part of an ISO 8601 @when; None for a year or month alone (BagIt wants
    a day)."""
    match = _ISO_DAY.match(value or "")
    return match.group(1) if match else None


def read_header_facts(tree: etree._ElementTree) -> HeaderFacts:
    """Collect the bag metadata from fileDesc and revisionDesc (TEI P5 §2.2, §2.6)."""
    file_desc = "/tei:TEI/tei:teiHeader/tei:fileDesc"
    title = _first(tree, f"{file_desc}/tei:titleStmt/tei:title[@type='main']")
    if title is None:
        title = _first(tree, f"{file_desc}/tei:titleStmt/tei:title")
    identifiers = tuple(value for value in (
        _text(node) for node in tree.xpath(f"{file_desc}/tei:publicationStmt/tei:idno",
                                           namespaces=NSMAP)) if value)
    # TEI P5 §2.2.4: publisher, distributor or authority is the body responsible for the
    # edition's publication; an archive's Source-Organization is that body.
    publisher = _text(_first(tree, f"{file_desc}/tei:publicationStmt/*[self::tei:publisher or "
                                   "self::tei:distributor or self::tei:authority]"))
    availability = _first(tree, f"{file_desc}/tei:publicationStmt/tei:availability")
    publication = _first(tree, f"{file_desc}/tei:publicationStmt/tei:date")
    changes = [_day(when) for when in tree.xpath(
        "/tei:TEI/tei:teiHeader/tei:revisionDesc//tei:change/@when", namespaces=NSMAP)]
    days = sorted(day for day in changes if day)
    return HeaderFacts(
        title=_text(title),
        identifiers=identifiers,
        publisher=publisher,
        rights=_rights(availability),
        publication_date=_day(publication.get("when")) if publication is not None else None,
        latest_change_date=days[-1] if days else None,
    )


def _rights(availability: etree._Element | None) -> str | None:
    """The licence(s) as 'text <url>' (TEI P5 §2.2.4 licence), else the availability prose."""
    if availability is None:
        return None
    licences = availability.xpath("tei:licence", namespaces=NSMAP)
    parts = []
    for licence in licences:
        text, target = _text(licence), licence.get("target")
        parts.append(" ".join(p for p in (text, f"<{target}>" if target else None) if p))
    return "; ".join(p for p in parts if p) or _text(availability)


def bagging_date(facts: HeaderFacts, environ: Mapping[str, str] = os.environ) -> str | None:
    """The Bagging-Date, never today's: the first of

    1. ``SOURCE_DATE_EPOCH`` (reproducible-builds.org convention), as a UTC day;
    2. the edition's date of publication, publicationStmt/date/@when;
    3. the latest revisionDesc/change/@when (the last time the edition changed);
    4. none: the field is left out (it is optional, RFC 8493 §2.2.2).
    """
    epoch = environ.get(SOURCE_DATE_EPOCH, "").strip()
    if epoch:
        if not epoch.isdigit():
            raise BaggingDateError(f"{SOURCE_DATE_EPOCH}={epoch!r} is not a number of seconds")
        return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC).date().isoformat()
    return facts.publication_date or facts.latest_change_date


def bag_info_fields(facts: HeaderFacts, *, date: str | None,
                    payload_oxum: str) -> list[tuple[str, str]]:
    """bag-info.txt fields in a fixed order; fields without a value are left out."""
    fields: list[tuple[str, str]] = []
    if facts.publisher:
        fields.append(("Source-Organization", facts.publisher))
    if facts.title:
        fields.append(("External-Description", facts.title))
    fields += [("External-Identifier", identifier) for identifier in facts.identifiers]
    if date:
        fields.append(("Bagging-Date", date))
    fields.append(("Bag-Software-Agent", SOFTWARE_AGENT))
    fields.append(("Payload-Oxum", payload_oxum))
    if facts.rights:
        # Not reserved by RFC 8493; "Rights" follows the Dublin Core term archives already use.
        fields.append(("Rights", facts.rights))
    return fields
