"""All XML reading and writing of the toolkit: one hardened parser, one canonical serializer,
one atomic writer.

Every command parses XML through `parse_xml_bytes`/`parse_xml_file` so that hostile input
(DTDs, entities, network, XInclude, gzip, size bombs) is handled in one place; the checks
of the raw prolog (DOCTYPE, encoding declaration) live in `tei_edition.xml_prolog`. This
module must not know about TEI: it deals in bytes, trees and diagnostics (docs/security.md).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from tei_edition.diagnostics import Diagnostic, Severity
from tei_edition.xml_prolog import check_prolog

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"tei": TEI_NS}

# Default ceiling on a file's size; TEI editions are rarely above a few MB. Overridable so an
# archive with a 200 MB dictionary can still check it deliberately.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
MAX_BYTES_ENV = "TEI_EDITION_MAX_BYTES"

# Compressed containers are refused, never unpacked: a few KB of gzip can hold gigabytes
# (a "gzip bomb"), and libxml2 would inflate gzip silently if it were handed a file name.
_COMPRESSED_MAGIC = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"PK\x03\x04", "zip"),
)

# libxml2's own limits without XML_PARSE_HUGE (huge_tree stays off): they are the ones we
# enforce, restated here so that our messages can name them.
MAX_DEPTH = 256
MAX_TEXT_NODE_BYTES = 10_000_000

XINCLUDE_NS = "http://www.w3.org/2001/XInclude"



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
        # Off so that a duplicate xml:id is a validation finding (checks.duplicate-id, with both
        # lines), not a parse failure that hides every other problem of the file.
        collect_ids=False,
    )


def schema_parser(*, huge_tree: bool = False, remove_comments: bool = False) -> etree.XMLParser:
    """The parser for schema files the toolkit compiles (schema/, tei_all.rng, grammars).

    They are trusted as to content but still never load a DTD, expand an entity or touch the
    network; ``huge_tree`` is for tei_all.rng, whose size exceeds libxml2's default limits.
    """
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=huge_tree, remove_comments=remove_comments)


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
    """Parse ``data`` with the hardened parser; never raises on bad input.

    Checks run cheapest and most dangerous first: size, compression, then the prolog is read
    by us (a DOCTYPE is refused before libxml2 sees it, so not even an internal subset is
    processed; an encoding declaration that contradicts the bytes is reported), then libxml2
    parses, then the tree is checked for entity references and XInclude elements.
    """
    if len(data) > max_input_bytes():
        return ParseResult(None, (_too_large(path, len(data)),))
    for magic, kind in _COMPRESSED_MAGIC:
        if data.startswith(magic):
            return ParseResult(None, (_diag(
                path, 1, 1, "xml.compressed",
                f"file is {kind}-compressed; compressed XML is not decompressed implicitly",
                "decompress it yourself and check the result"),))
    problem = check_prolog(data)
    if problem is not None:
        if problem.doctype:
            return ParseResult(None, (_doctype_refused(path, problem.line, problem.column),))
        return ParseResult(None, (_diag(
            path, problem.line, problem.column, "xml.encoding-mismatch", problem.message,
            "save the file as UTF-8 with a matching declaration "
            '(<?xml version="1.0" encoding="UTF-8"?>) or none'),))
    parser = hardened_parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        return ParseResult(None, tuple(_syntax_diagnostics(error, parser, path)))
    except (ValueError, LookupError, MemoryError) as error:  # e.g. an unknown encoding
        return ParseResult(None, (_diag(path, 1, 1, "xml.unreadable", str(error)),))
    if root is None:
        return ParseResult(None, (_diag(path, 1, 1, "xml.not-well-formed", "document is empty"),))
    tree = root.getroottree()
    return ParseResult(*_check_tree(tree, path))


def _check_tree(tree: etree._ElementTree,
                path: str) -> tuple[etree._ElementTree | None, tuple[Diagnostic, ...]]:
    """Defence in depth after a successful parse: no DTD, no entity, no XInclude survives."""
    docinfo = tree.docinfo
    root = tree.getroot()
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        return None, (_doctype_refused(path, 1, 1),)
    entity = next(iter(root.iter(etree.Entity)), None)
    if entity is not None:
        return None, (_diag(
            path, entity.sourceline or 1, 1, "xml.entity-refused",
            f"undeclared or external entity reference {entity.text} is not expanded"),)
    # XInclude is never processed: the included text would silently be missing from every
    # rendering and package, so an edition must be self-contained.
    include = next(iter(root.iter(f"{{{XINCLUDE_NS}}}include")), None)
    if include is not None:
        return None, (_diag(
            path, include.sourceline or 1, 1, "xml.xinclude-refused",
            f"XInclude element (href={include.get('href')!r}) is not processed",
            "paste the included content into the document; editions must be self-contained"),)
    return tree, ()


def _too_large(path: str, size: int) -> Diagnostic:
    return _diag(path, 0, 0, "xml.too-large",
                 f"file is {size:,} bytes, above the limit of {max_input_bytes():,} bytes",
                 f"set {MAX_BYTES_ENV} to a larger number of bytes if the file is trusted")


def _doctype_refused(path: str, line: int, col: int) -> Diagnostic:
    return _diag(path, line, col, "xml.doctype-refused",
                 "document has a DOCTYPE declaration; DTDs and entities are refused for safety",
                 "TEI P5 documents and XSLT stylesheets need no DOCTYPE: remove the "
                 "<!DOCTYPE ...> declaration")


def _syntax_diagnostics(error: etree.XMLSyntaxError, parser: etree.XMLParser,
                        path: str) -> list[Diagnostic]:
    entries = [e for e in parser.error_log if e.level_name in ("ERROR", "FATAL")] or list(
        error.error_log)
    if not entries:
        line, col = error.position if error.position else (1, 1)
        return [_diag(path, line or 1, col or 1, "xml.not-well-formed", str(error))]
    first = entries[0]
    code, message, hint = _classify_syntax_error(first.message.strip())
    return [_diag(path, first.line or 1, max(first.column, 1), code, message, hint)]


def _classify_syntax_error(message: str) -> tuple[str, str, str | None]:
    """A stable code and a message a user can act on for libxml2's error text.

    libxml2's limit messages advise "XML_PARSE_HUGE", an option users cannot set here, so
    those are restated in our words.
    """
    lowered = message.lower()
    if "excessive depth" in lowered:
        return ("xml.limit-exceeded",
                f"elements are nested more than {MAX_DEPTH} levels deep, beyond the "
                "hardened parser's depth limit",
                "deep nesting is a denial-of-service pattern; flatten the document")
    if "text node too long" in lowered or "huge" in lowered or "limit" in lowered:
        return ("xml.limit-exceeded",
                f"a text node or name is longer than {MAX_TEXT_NODE_BYTES:,} bytes, beyond the "
                "hardened parser's size limit",
                "split the text; a single text node of that size is not a transcript")
    if "char 0x" in lowered or "invalid char" in lowered or "invalid character" in lowered:
        return ("xml.invalid-character", message,
                "XML 1.0 forbids NUL, most control characters, U+FFFE and U+FFFF")
    if "encoding" in lowered or "utf-8" in lowered or "bytes" in lowered:
        return ("xml.bad-encoding", message,
                "save the file as UTF-8, or make its XML declaration name its real encoding")
    if "entity" in lowered:
        return "xml.entity-refused", message, None
    return "xml.not-well-formed", message, None


def parse_xml_file(path: str | os.PathLike[str], label: str | None = None) -> ParseResult:
    """Read and parse a file; reading problems become diagnostics, never exceptions.

    The file is read as bytes by us, never handed to libxml2 by name, so libxml2 cannot
    decompress it or resolve anything relative to it. Only regular files are read (a FIFO or
    /dev/zero would never end), and never more than the size limit plus one byte (a file
    that grows while it is read cannot get past the limit).
    """
    label = label or str(path)
    limit = max_input_bytes()
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; we refuse it right after.
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return ParseResult(None, (_diag(
                    label, 0, 0, "io.not-a-file", "not a regular file",
                    severity=Severity.FATAL),))
            data = read_at_most(handle, limit + 1)
    except OSError as error:
        return ParseResult(None, (_diag(label, 0, 0, "io.unreadable",
                                        f"cannot read file: {error.strerror or error}",
                                        severity=Severity.FATAL),))
    if len(data) > limit:
        size = max(len(data), _size_or_zero(path))
        return ParseResult(None, (_too_large(label, size),))
    return parse_xml_bytes(data, label)


def read_at_most(handle: BinaryIO, count: int) -> bytes:
    """Up to ``count`` bytes; a buffer of ``count`` bytes is never reserved up front (read(n)
    would allocate the whole limit for every small file)."""
    chunks: list[bytes] = []
    remaining = count
    while remaining > 0:
        chunk = handle.read(min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _size_or_zero(path: str | os.PathLike[str]) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


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


def write_atomic(
    path: str | os.PathLike[str], data: bytes, *, force: bool = False, durable: bool = True
) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new, never a part.

    A temporary file in the same folder (``.<name>.<random>.tmp``) is written, flushed to disk
    and then renamed over the target (rename is atomic on POSIX within one file system). If
    the process is killed mid-write, only that dot-prefixed temporary file is left behind;
    the target keeps its old content. Without ``force`` the new file is hard-linked into place,
    which fails if the target appeared meanwhile, so a file another process creates between
    our check and our write is never clobbered either.

    ``durable=False`` skips the two fsyncs (of the file and of its folder): the write is still
    atomic for readers and against a killed process, but a power loss may lose it. Only for
    outputs that can be made again (a build's site pages), and only when the caller makes them
    durable in one batch before it records them anywhere (`tei_edition.build.durability`):
    fsync waits on the disk, and in a parallel build those waits were ~28 % of the time per
    edition without using the CPU.
    """
    target = Path(path)
    if os.path.lexists(target) and not force:
        raise OutputExistsError(str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = _create_temporary(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        os.chmod(tmp_name, mode)
        if force or not _link_exclusively(tmp_name, target):
            os.replace(tmp_name, target)
        if durable:
            _fsync_folder(target.parent)
    finally:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass


def _create_temporary(target: Path) -> tuple[int, str]:
    """A new, empty, private file ``.<name>.<random>.tmp`` beside ``target``, opened for writing.

    What tempfile.mkstemp does (O_EXCL, mode 0600, retry on a name clash), without importing
    tempfile, which brings shutil, random, bz2 and lzma into every command's start-up."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        name = str(target.parent / f".{target.name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(name, flags, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def _link_exclusively(tmp_name: str, target: Path) -> bool:
    """Hard-link the finished file to ``target`` unless it exists; False where the file system
    has no hard links (the caller then renames, after its own existence check)."""
    try:
        os.link(tmp_name, target)
    except FileExistsError:
        raise OutputExistsError(str(target)) from None
    except OSError:
        return False
    return True


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; best effort (some file systems refuse to open folders)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
