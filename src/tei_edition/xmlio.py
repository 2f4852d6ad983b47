"""All XML reading and writing of the toolkit: one hardened parser, one canonical serializer,
one atomic writer.

Every command parses XML through `parse_xml_bytes`/`parse_xml_file` so that hostile input
(DTDs, entities, network, XInclude, gzip, size bombs) is handled in one place. This module
must not know about TEI: it deals in bytes, trees and diagnostics.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei_edition.diagnostics import Diagnostic, Severity

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"tei": TEI_NS}

# Default ceiling on a file's size; TEI editions are rarely above a few MB. Overridable so an
# archive with a 200 MB dictionary can still check it deliberately.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
MAX_BYTES_ENV = "TEI_EDITION_MAX_BYTES"

_GZIP_MAGIC = b"\x1f\x8b"


def max_input_bytes() -> int:
    value = os.environ.get(MAX_BYTES_ENV, "")
    return int(value) if value.isdigit() else DEFAULT_MAX_BYTES


def hardened_parser() -> etree.XMLParser:
    """A parser that never loads a DTD, never expands an entity, never touches the network.

    huge_tree stays off so libxml2's own limits (depth 256, text nodes of 10 MB, entity
    amplification) apply as a second line of defence.
    """
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_blank_text=False,
        remove_comments=False,
        remove_pis=False,
        strip_cdata=False,
        collect_ids=True,
    )


@dataclass(frozen=True)
class ParseResult:
    """A parsed tree, or None with the reasons; diagnostics may hold warnings even with a tree."""

    tree: etree._ElementTree | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return self.tree is not None


def _diag(path: str, line: int, col: int, code: str, message: str, hint: str | None = None,
          severity: Severity = Severity.ERROR) -> Diagnostic:
    return Diagnostic(path, line, col, severity, code, message, hint)


def parse_xml_bytes(data: bytes, path: str = "<bytes>") -> ParseResult:
    """Parse ``data`` with the hardened parser; never raises on bad input."""
    if len(data) > max_input_bytes():
        return ParseResult(None, (_diag(
            path, 0, 0, "xml.too-large",
            f"file is {len(data):,} bytes, above the limit of {max_input_bytes():,} bytes",
            f"set {MAX_BYTES_ENV} to a larger number of bytes if the file is trusted"),))
    if data.startswith(_GZIP_MAGIC):
        return ParseResult(None, (_diag(
            path, 1, 1, "xml.compressed",
            "file is gzip-compressed; compressed XML is not decompressed implicitly",
            "decompress it first (gunzip) and check the result"),))
    parser = hardened_parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        return ParseResult(None, tuple(_syntax_diagnostics(error, parser, path)))
    except (ValueError, MemoryError) as error:  # lxml raises ValueError for some encodings
        return ParseResult(None, (_diag(path, 1, 1, "xml.unreadable", str(error)),))
    tree = root.getroottree()
    docinfo = tree.docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        return ParseResult(None, (_diag(
            path, 1, 1, "xml.doctype-refused",
            "document has a DOCTYPE declaration; DTDs and entities are refused for safety",
            "TEI P5 needs no DOCTYPE: remove the <!DOCTYPE ...> declaration"),))
    entity = next(iter(root.iter(etree.Entity)), None)
    if entity is not None:
        return ParseResult(None, (_diag(
            path, entity.sourceline or 1, 1, "xml.entity-refused",
            f"undeclared or external entity reference {entity.text} is not expanded"),))
    return ParseResult(tree, ())


def _syntax_diagnostics(error: etree.XMLSyntaxError, parser: etree.XMLParser,
                        path: str) -> list[Diagnostic]:
    entries = [e for e in parser.error_log if e.level_name in ("ERROR", "FATAL")] or list(
        error.error_log)
    if not entries:
        line, col = error.position if error.position else (1, 1)
        return [_diag(path, line or 1, col or 1, "xml.not-well-formed", str(error))]
    first = entries[0]
    message = first.message.strip()
    code = "xml.not-well-formed"
    hint = None
    lowered = message.lower()
    if "encoding" in lowered or "utf-8" in lowered or "bytes" in lowered:
        code = "xml.bad-encoding"
        hint = "save the file as UTF-8, or make its XML declaration name its real encoding"
    elif "huge" in lowered or "depth" in lowered or "limit" in lowered:
        code = "xml.limit-exceeded"
        hint = "the document exceeds the parser's safety limits (depth, text node size)"
    elif "entity" in lowered:
        code = "xml.entity-refused"
    return [_diag(path, first.line or 1, max(first.column, 1), code, message, hint)]


def parse_xml_file(path: str | os.PathLike[str], label: str | None = None) -> ParseResult:
    """Read and parse a file; reading problems become diagnostics, never exceptions.

    The file is read as bytes by us, never handed to libxml2 by name, so libxml2 cannot
    decompress it or resolve anything relative to it.
    """
    label = label or str(path)
    try:
        size = os.path.getsize(path)
        if size > max_input_bytes():
            return ParseResult(None, (_diag(
                label, 0, 0, "xml.too-large",
                f"file is {size:,} bytes, above the limit of {max_input_bytes():,} bytes",
                f"set {MAX_BYTES_ENV} to a larger number of bytes if the file is trusted"),))
        data = Path(path).read_bytes()
    except OSError as error:
        return ParseResult(None, (_diag(label, 0, 0, "io.unreadable",
                                        f"cannot read file: {error.strerror or error}",
                                        severity=Severity.FATAL),))
    return parse_xml_bytes(data, label)


def serialize(tree: etree._ElementTree | etree._Element) -> bytes:
    """Canonical bytes: UTF-8, XML declaration, two-space indentation, final newline.

    libxml2's formatter indents only elements whose children are all elements, so it never
    adds whitespace inside mixed content; the builder must not create whitespace-only text
    nodes of its own (they would be kept as they are).
    """
    data = etree.tostring(tree, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    data = data.replace(b"<?xml version='1.0' encoding='UTF-8'?>",
                        b'<?xml version="1.0" encoding="UTF-8"?>', 1)
    return data if data.endswith(b"\n") else data + b"\n"


class OutputExistsError(FileExistsError):
    """Raised by `write_atomic` when the target exists and overwriting was not asked for."""


def write_atomic(path: str | os.PathLike[str], data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new, never a part.

    A temporary file in the same folder is written, flushed to disk and then renamed over the
    target (rename is atomic on POSIX within one file system).
    """
    target = Path(path)
    if target.exists() and not force:
        raise OutputExistsError(str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp_name, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
