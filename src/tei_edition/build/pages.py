"""The collection's own pages: index.html, persons.html and diagnostics.html.

This module owns turning catalogue records, merged persons and diagnostics into HTML bytes
(deterministic: same records, same bytes). It must not read editions or write files; every
link it makes points to a page the build writes and to an anchor that page has (edition pages
are linked by the anchors `records` found in them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from lxml import etree

from tei_edition.build.persons import CollectionPerson, PersonAppearances
from tei_edition.diagnostics import Diagnostic, Severity

EDITION_PAGE = "index.html"

_STYLE = """
body{font-family:Georgia,serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:.3rem .5rem;
text-align:left;vertical-align:top}th button{font:inherit;font-weight:bold;border:0;background:none;
cursor:pointer;padding:0}td.summary{font-size:.9em;max-width:28rem}.error{color:#a00}
.warning{color:#850}.files{font-size:.85em}nav a{margin-right:1rem}
.variants,.roles{color:#555;font-size:.9em}
""".strip()

# Optional click-to-sort. Without JavaScript the heads are plain text and the table keeps its
# default order (by date); the script turns each head into a button, so no dead control shows.
_SORT_SCRIPT = """
document.querySelectorAll('table.sortable th').forEach(function(th,i){
var b=document.createElement('button');b.type='button';b.textContent=th.textContent;
th.textContent='';th.appendChild(b);
b.addEventListener('click',function(){var body=th.closest('table').tBodies[0],
up=b.dataset.dir!=='asc';var rows=Array.prototype.slice.call(body.rows);
rows.sort(function(x,y){var a=x.cells[i].dataset.key||x.cells[i].textContent,
c=y.cells[i].dataset.key||y.cells[i].textContent;return up?a.localeCompare(c):c.localeCompare(a);});
rows.forEach(function(r){body.appendChild(r);});b.dataset.dir=up?'asc':'desc';});});
""".strip()


def _el(tag: str, attrs: Mapping[str, str] | None = None, *children: Any) -> etree._Element:
    """An HTML element; string children become text, None children are skipped."""
    element = etree.Element(tag, {k: v for k, v in (attrs or {}).items() if v is not None})
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            if len(element):
                last = element[-1]
                last.tail = (last.tail or "") + child
            else:
                element.text = (element.text or "") + child
        else:
            element.append(child)
    return element


def _page(title: str, *body: Any, script: str | None = None) -> bytes:
    head = _el(
        "head",
        None,
        _el("meta", {"charset": "utf-8"}),
        _el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        _el("title", None, title),
        _el("style", None, _STYLE),
    )
    nav = _el(
        "nav",
        None,
        _el("a", {"href": "index.html"}, "Editions"),
        _el("a", {"href": "persons.html"}, "Persons"),
        _el("a", {"href": "diagnostics.html"}, "Diagnostics"),
    )
    page_body = _el("body", None, nav, _el("h1", None, title), *body)
    if script:
        page_body.append(_el("script", None, script))
    html = _el("html", {"lang": "en"}, head, page_body)
    text = etree.tostring(html, method="html", encoding="unicode", doctype="<!DOCTYPE html>")
    return (text + "\n").encode("utf-8")


def edition_href(slug: str, anchor: str | None = None) -> str:
    return f"{slug}/{EDITION_PAGE}" + (f"#{anchor}" if anchor else "")


def _files(slug: str) -> etree._Element:
    """Links to the edition's other outputs: its TEI and its two plain-text renderings."""
    links = _el("span", {"class": "files"}, " (")
    for number, (name, label) in enumerate(
        ((f"{slug}.xml", "TEI"), ("reading.txt", "text"), ("diplomatic.txt", "diplomatic text"))
    ):
        if number:
            links.append(_el("span", None, ", "))
        links.append(_el("a", {"href": f"{slug}/{name}"}, label))
    links.append(_el("span", None, ")"))
    return links


def _counts(diagnostics: Sequence[Diagnostic]) -> Counter[str]:
    return Counter(
        "error" if d.severity >= Severity.ERROR else str(d.severity) for d in diagnostics
    )


def _status_cell(slug: str, diagnostics: Sequence[Diagnostic]) -> etree._Element:
    counts = _counts(diagnostics)
    if not diagnostics:
        return _el("td", {"data-key": "0"}, "none")
    label = ", ".join(
        f"{counts[k]} {k}{'s' if counts[k] > 1 else ''}"
        for k in ("error", "warning", "info")
        if counts[k]
    )
    css = "error" if counts["error"] else ("warning" if counts["warning"] else None)
    key = f"{counts['error']:05d}{counts['warning']:05d}{counts['info']:05d}"
    return _el(
        "td",
        {"data-key": key},
        _el("a", {"href": f"diagnostics.html#diag-{slug}", "class": css}, label),
    )


def index_page(
    records: Sequence[dict[str, Any]],
    failed: Sequence[str],
    diagnostics: Mapping[str, Sequence[Diagnostic]],
) -> bytes:
    """The collection page: one row per edition, ordered by date, then title."""
    head = _el(
        "tr",
        None,
        *(
            _el("th", None, name)
            for name in (
                "Date",
                "Title",
                "Participants",
                "Classification",
                "Summary",
                "Diagnostics",
            )
        ),
    )
    rows = _el("tbody")
    for record in sorted(records, key=lambda r: (r["date"] or "9999", r["title"], r["slug"])):
        slug = record["slug"]
        rows.append(
            _el(
                "tr",
                {"id": f"ed-{slug}"},
                _el(
                    "td",
                    {"data-key": record["date"] or "9999"},
                    record["date_text"] or record["date"],
                ),
                _el(
                    "td",
                    None,
                    _el("a", {"href": edition_href(slug)}, record["title"]),
                    _files(slug),
                ),
                _el("td", None, "; ".join(record["participants"])),
                _el("td", None, record["classification"]),
                _el("td", {"class": "summary"}, record["summary"]),
                _status_cell(slug, diagnostics.get(slug, ())),
            )
        )
    for slug in failed:
        rows.append(
            _el(
                "tr",
                {"id": f"ed-{slug}"},
                _el("td", {"data-key": "9999"}),
                _el("td", None, f"{slug} (not built)"),
                _el("td"),
                _el("td"),
                _el("td"),
                _status_cell(slug, diagnostics.get(slug, ())),
            )
        )
    total = len(records) + len(failed)
    table = _el("table", {"class": "sortable"}, _el("thead", None, head), rows)
    intro = _el("p", None, f"{total} edition{'s' if total != 1 else ''}, ordered by date.")
    return _page("Editions", intro, table, script=_SORT_SCRIPT)


def _occurrence_links(label: str, slug: str, items: list[dict[str, Any]]) -> etree._Element | None:
    if not items:
        return None
    # The persons page of a large collection has hundreds of thousands of these links and is
    # made after every edition is built, while no worker runs: they are made with plain
    # SubElement calls, which take a third of the time of `_el`'s general handling.
    span = _el("span", None, f" {label}: ")
    for number, item in enumerate(items, start=1):
        if number > 1:
            etree.SubElement(span, "span").text = " "
        link = etree.SubElement(span, "a", href=edition_href(slug, item.get("anchor")))
        title = item.get("text") or item.get("label")
        if title:
            link.set("title", title)
        link.text = str(number)
    return span


def _appearance_item(appearance: PersonAppearances) -> etree._Element:
    when = f" ({appearance.date})" if appearance.date else ""
    silent = None if appearance.turns or appearance.mentions else " present, not named in the text"
    return _el(
        "li",
        None,
        _el("a", {"href": edition_href(appearance.slug)}, appearance.title),
        when,
        _el(
            "span",
            None,
            " ",
            _el("a", {"href": edition_href(appearance.slug, appearance.anchor)}, "index entry"),
            ";",
        )
        if appearance.anchor
        else None,
        _occurrence_links("turns", appearance.slug, appearance.turns),
        _occurrence_links("mentions", appearance.slug, appearance.mentions),
        silent,
    )


def persons_page(persons: Iterable[CollectionPerson]) -> bytes:
    sections = []
    for person in persons:
        sections.append(
            _el(
                "section",
                {"id": f"person-{person.key}"},
                _el("h2", None, person.name),
                _el("p", {"class": "variants"}, "also: " + "; ".join(person.variants))
                if person.variants
                else None,
                _el("p", {"class": "roles"}, "; ".join(person.roles)) if person.roles else None,
                _el("ul", None, *(_appearance_item(a) for a in person.appearances)),
            )
        )
    intro = _el(
        "p",
        None,
        f"{len(sections)} persons across the collection. Numbers link to each "
        "turn (the person speaks) and mention (the person is named).",
    )
    return _page("Persons", intro, *sections)


def diagnostics_page(
    diagnostics: Mapping[str, Sequence[Diagnostic]], slugs: Sequence[str]
) -> bytes:
    sections = []
    clean = 0
    for slug in slugs:
        found = diagnostics.get(slug, ())
        if not found:
            clean += 1
            continue
        rows = [
            _el(
                "tr",
                {"class": str(d.severity) if d.severity < Severity.ERROR else "error"},
                _el("td", None, str(d.severity)),
                _el("td", None, d.code),
                _el("td", None, f"{d.path}:{d.line}:{d.column}"),
                _el("td", None, d.message + (f" (hint: {d.hint})" if d.hint else "")),
            )
            for d in found
        ]
        sections.append(
            _el(
                "section",
                {"id": f"diag-{slug}"},
                _el("h2", None, slug),
                _el("table", None, _el("tbody", None, *rows)),
            )
        )
    intro = _el("p", None, f"{clean} of {len(slugs)} editions have no diagnostics.")
    return _page("Diagnostics", intro, *sections)
