"""A link checker for a built site: every href of every HTML page must reach a file, and its
#fragment an id in that file. External links (with a scheme: the source's URL, a licence) come
from the editions' metadata and are not followed."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value is not None:
                self.hrefs.append(value)

    handle_startendtag = handle_starttag


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def dead_links(site: Path) -> tuple[list[str], int]:
    """(dead links as 'page -> href (reason)', number of local links checked)."""
    pages = {path.resolve(): _parse(path) for path in site.rglob("*.html")}
    dead: list[str] = []
    checked = 0
    for path, page in sorted(pages.items()):
        for href in page.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            checked += 1
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if not target.is_file():
                dead.append(f"{path} -> {href} (no file)")
            elif parts.fragment:
                ids = pages[target].ids if target in pages else set()
                if unquote(parts.fragment) not in ids:
                    dead.append(f"{path} -> {href} (no id)")
    return dead, checked
