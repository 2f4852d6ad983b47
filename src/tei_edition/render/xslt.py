"""The one safe way to compile and run an XSLT 1.0 stylesheet in tei-edition.

This module owns stylesheet loading (hardened parse, confined xsl:import/xsl:include, one
compilation per process) and running (no file, network or write access at run time). Errors
become `Diagnostic` values with `render.*` codes, carried by `StylesheetError`. It must not
know about TEI or about any particular stylesheet: the renderers and the packager use it.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from tei_edition import xmlio
from tei_edition.diagnostics import Diagnostic, Severity
from tei_edition.resources import xslt_dir

# A custom stylesheet reaches the project's own stylesheets by this prefix, e.g.
# <xsl:import href="tei-edition:html.xsl"/>, so that it can override the hook templates
# without knowing where the installation keeps its xslt/ folder.
PROJECT_SCHEME = "tei-edition:"


class StylesheetError(Exception):
    """A stylesheet could not be loaded or run; ``diagnostics`` says why, one line each."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.format_text() for d in diagnostics))
        self.diagnostics = diagnostics


@dataclass(frozen=True)
class _Confinement:
    """The folders a stylesheet may import from: the project's xslt/ and at most one more."""

    folders: tuple[Path, ...]

    def allows(self, path: Path) -> bool:
        return any(path == folder or folder in path.parents for folder in self.folders)


class _ConfinedResolver(etree.Resolver):
    """Resolves xsl:import/xsl:include only to files inside the allowed folders.

    libxml2 would otherwise read any path or URL an href names; returning None from a resolver
    falls back to that default loader, so every request is either served here from an allowed
    folder or refused by raising (lxml passes the exception on to the compiling caller).
    """

    def __init__(self, confinement: _Confinement) -> None:
        super().__init__()
        self.confinement = confinement

    def resolve(self, system_url: str | None, public_id: str | None, context: object):  # type: ignore[override]
        path = _local_path(system_url or "")
        if path is None or not self.confinement.allows(path):
            raise _ImportRefused(system_url or "")
        try:
            data = path.read_bytes()
        except OSError as error:
            raise _ImportRefused(system_url or "", error.strerror or str(error)) from None
        return self.resolve_string(data, context, base_url=str(path))


class _ImportRefused(Exception):
    def __init__(self, url: str, reason: str = "outside the allowed stylesheet folders") -> None:
        super().__init__(url)
        self.url = url
        self.reason = reason


def _local_path(url: str) -> Path | None:
    """The resolved local file an import URL names, or None for network and other schemes."""
    if url.startswith(PROJECT_SCHEME):
        return (xslt_dir() / url[len(PROJECT_SCHEME):]).resolve()
    parts = urlsplit(url)
    if parts.scheme == "file" and parts.netloc in ("", "localhost"):
        return Path(unquote(parts.path)).resolve()
    if parts.scheme == "" and not parts.netloc:
        return Path(url).resolve()
    return None  # http:, ftp:, data: and anything else: never fetched


def _resolve_name(path_or_name: str | os.PathLike[str]) -> Path:
    """A str without a folder ("html.xsl") names a project stylesheet, never a file of the
    current directory; a Path, or a str with a folder, is a path."""
    if isinstance(path_or_name, str) and "/" not in path_or_name and os.sep not in path_or_name:
        return (xslt_dir() / path_or_name).resolve()
    return Path(path_or_name).resolve()


_CACHE: dict[tuple[Path, Path | None], etree.XSLT] = {}
_CACHE_LOCK = threading.Lock()


def load_stylesheet(path_or_name: str | os.PathLike[str], *,
                    extra_dir: str | os.PathLike[str] | None = None) -> etree.XSLT:
    """Compile a stylesheet once per process and return it.

    ``path_or_name`` is a file name in the project's xslt/ folder ("text.xsl") or a path to a
    custom stylesheet; a custom stylesheet's own folder is allowed for its imports, as is
    ``extra_dir``. Raises `StylesheetError` with `render.*` diagnostics.
    """
    path = _resolve_name(path_or_name)
    extra = Path(extra_dir).resolve() if extra_dir is not None else None
    key = (path, extra)
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
        if cached is None:
            cached = _compile(path, extra)
            _CACHE[key] = cached
        return cached


def _compile(path: Path, extra: Path | None) -> etree.XSLT:
    label = str(path)
    folders = [xslt_dir().resolve()]
    if folders[0] not in path.parents:
        folders.append(path.parent)
    if extra is not None:
        folders.append(extra)
    parsed = xmlio.parse_xml_file(path)
    if parsed.tree is None:
        raise StylesheetError([_as_render(d) for d in parsed.diagnostics])
    # Re-parse the vetted document (not the file again, which could have changed since) with
    # the hardened parser plus the confining resolver: lxml asks the resolvers of the parser
    # that built a stylesheet for its imports.
    parser = xmlio.hardened_parser()
    parser.resolvers.add(_ConfinedResolver(_Confinement(tuple(folders))))
    vetted = etree.tostring(parsed.tree)
    document = etree.fromstring(vetted, parser, base_url=str(path)).getroottree()
    try:
        return etree.XSLT(document, access_control=etree.XSLTAccessControl.DENY_ALL)
    except _ImportRefused as refused:
        raise StylesheetError([Diagnostic(
            label, 0, 0, Severity.FATAL, "render.import-refused",
            f"stylesheet import {refused.url!r} refused: {refused.reason}",
            f"imports must stay inside {folders[0]} or the custom stylesheet's folder; "
            f"use href=\"{PROJECT_SCHEME}html.xsl\" to build on the project's stylesheets")]
        ) from None
    except etree.XSLTParseError as error:
        raise StylesheetError(_log_diagnostics(error.error_log, label, "render.stylesheet-invalid",
                                               Severity.FATAL, str(error))) from None


def _as_render(diagnostic: Diagnostic) -> Diagnostic:
    """A stylesheet that cannot be read or parsed stops rendering: the tool cannot run."""
    return Diagnostic(diagnostic.path, diagnostic.line, diagnostic.column, Severity.FATAL,
                      "render.stylesheet-unreadable", diagnostic.message, diagnostic.hint)


def _log_diagnostics(log: etree._ListErrorLog, label: str, code: str, severity: Severity,
                     fallback: str) -> list[Diagnostic]:
    entries = [e for e in log if e.message.strip()]
    if not entries:
        return [Diagnostic(label, 0, 0, severity, code, fallback or "stylesheet failed")]
    return [Diagnostic(entry.filename if entry.filename and entry.filename != "<string>" else label,
                       entry.line or 0, entry.column or 0, severity, code, entry.message.strip())
            for entry in entries]


def run_stylesheet(xslt: etree.XSLT, tree: etree._ElementTree | etree._Element,
                   **params: str | int) -> etree._XSLTResultTree:
    """Apply ``xslt`` with string parameters (quoted here, so values are never XPath).

    Raises `StylesheetError`: `render.terminated` when the stylesheet stops itself with
    xsl:message terminate="yes" (e.g. strict mode meeting an unknown element),
    `render.failed` for any other run-time error (including refused file access).
    """
    quoted = {name.replace("_", "-"): etree.XSLT.strparam(str(value))
              for name, value in params.items() if value is not None}
    label = _document_label(tree)
    try:
        return xslt(tree, **quoted)
    except etree.XSLTApplyError as error:
        entries = [e for e in xslt.error_log if e.message.strip()]
        # libxslt reports a failing instruction as "runtime error, element ..." next to the
        # reason; xsl:message terminate="yes" leaves only the message itself.
        failed = any(e.message.startswith("runtime error") for e in entries)
        messages = [e for e in entries if not e.message.startswith("runtime error")]
        if failed:
            # One fault, one line: libxslt logs a refused read twice ("Local file read for X
            # refused", then "xsltLoadDocument: read rights for X denied"); keep the first.
            raise StylesheetError(_message_diagnostics(messages[:1], tree, label,
                                                       "render.failed", str(error))) from None
        diagnostics = _message_diagnostics(messages, tree, label, "render.terminated",
                                           str(error))
        raise StylesheetError(diagnostics) from None


def _message_diagnostics(entries: list, tree: etree._ElementTree | etree._Element | None,
                         label: str, code: str, fallback: str) -> list[Diagnostic]:
    """One diagnostic per xsl:message; a message ending in " at /XPATH" (the project's
    stylesheets say where, see xslt/README.md) gets the line of the element it names."""
    found = []
    for entry in entries:
        text = entry.message.strip()
        if not text or text.lower().startswith("terminating"):
            continue
        found.append(Diagnostic(label, _line_of(tree, text), 0, Severity.ERROR, code, text))
    return found or [Diagnostic(label, 0, 0, Severity.ERROR, code, fallback)]


def _line_of(tree: etree._ElementTree | etree._Element | None, message: str) -> int:
    _, found, where = message.rpartition(" at /")
    if tree is None or not found:
        return 0
    try:
        nodes = tree.xpath("/" + where, namespaces=xmlio.NSMAP)
    except etree.XPathError:
        return 0
    first = nodes[0] if isinstance(nodes, list) and nodes else None
    return getattr(first, "sourceline", 0) or 0


def messages_of(xslt: etree.XSLT, tree: etree._ElementTree | etree._Element | None,
                label: str) -> list[Diagnostic]:
    """Non-terminating xsl:message output of the last run, as warnings."""
    return [replace_severity(d, Severity.WARNING) for d in _message_diagnostics(
        [e for e in xslt.error_log if e.message.strip()], tree, label, "render.message", "")
        if d.message]


def replace_severity(diagnostic: Diagnostic, severity: Severity) -> Diagnostic:
    return Diagnostic(diagnostic.path, diagnostic.line, diagnostic.column, severity,
                      diagnostic.code, diagnostic.message, diagnostic.hint)


def _document_label(tree: etree._ElementTree | etree._Element) -> str:
    document = tree.getroottree() if isinstance(tree, etree._Element) else tree
    return document.docinfo.URL or "<document>"
