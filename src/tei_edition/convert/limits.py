"""Bounds on what the converter will read and carry: file kind, size, line and paragraph length.

Owns the checks that must run BEFORE any work that grows with the input: reading the
transcript file (regular files only, never more than the size limit plus one byte, as
`tei_edition.xmlio.parse_xml_file` does), finding characters XML 1.0 cannot carry (linear
time, whatever their number), and refusing lines and paragraphs that would become a text
node the hardened parser refuses (`xmlio.MAX_TEXT_NODE_BYTES`). It must not interpret the
text; the lexer and parser do that.
"""

from __future__ import annotations

import os
import re
import stat
from itertools import islice

from tei_edition.diagnostics import Diagnostic, Severity
from tei_edition.xmlio import MAX_BYTES_ENV, MAX_TEXT_NODE_BYTES, max_input_bytes, read_at_most

# XML 1.0 section 2.2 Char: everything except these may appear in a document.
ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# Positions are reported for this many illegal characters; one summary line covers the rest.
LISTED_ILLEGAL = 20


class TranscriptUnreadable(Exception):
    """The transcript could not be read; ``diagnostic`` says why (never shown as a traceback)."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


# Bounded reading is xmlio's: one implementation for XML files and transcripts alike.
read_bounded = read_at_most


def read_transcript_file(path: str | os.PathLike[str], label: str) -> bytes:
    """The bytes of a regular file, at most the size limit plus one (so "too large" shows).

    Raises `TranscriptUnreadable` with a fatal `io.not-a-file` (a FIFO, /dev/zero, a socket:
    reading would block or never end) or `transcript.unreadable` diagnostic.
    """
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused right after.
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise TranscriptUnreadable(Diagnostic(
                    label, 0, 0, Severity.FATAL, "io.not-a-file",
                    "not a regular file (a pipe, device or socket is never read)",
                    "save the transcript to a file and convert that"))
            return read_bounded(handle, max_input_bytes() + 1)
    except OSError as error:
        raise TranscriptUnreadable(Diagnostic(
            label, 0, 0, Severity.FATAL, "transcript.unreadable",
            f"cannot read transcript: {error.strerror or error}")) from None


def size_diagnostics(data: bytes, path: str) -> list[Diagnostic]:
    """One `transcript.limit-exceeded` error when ``data`` is above the input size limit."""
    limit = max_input_bytes()
    if len(data) <= limit:
        return []
    return [Diagnostic(path, 0, 0, Severity.ERROR, "transcript.limit-exceeded",
                       f"transcript is more than {limit:,} bytes, the input size limit",
                       f"split the transcript, or set {MAX_BYTES_ENV} if the file is trusted")]


def illegal_char_diagnostics(text: str, path: str) -> list[Diagnostic]:
    """Positioned errors for the first `LISTED_ILLEGAL` illegal characters, then one summary.

    Lines are counted incrementally between matches, so the cost is linear in the text
    whatever the number of illegal characters (two million NULs included).
    """
    diagnostics: list[Diagnostic] = []
    line, line_start, scanned = 1, 0, 0
    for match in islice(ILLEGAL_XML.finditer(text), LISTED_ILLEGAL + 1):
        start = match.start()
        newlines = text.count("\n", scanned, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", scanned, start) + 1
        scanned = start
        if len(diagnostics) == LISTED_ILLEGAL:
            total = len(text) - len(ILLEGAL_XML.sub("", text))
            diagnostics.append(Diagnostic(
                path, line, start - line_start + 1, Severity.ERROR, "transcript.illegal-char",
                f"{total - LISTED_ILLEGAL:,} more characters XML 1.0 cannot carry from here "
                f"({total:,} in all; only the first {LISTED_ILLEGAL} are listed)",
                "remove the control characters from the transcript"))
            break
        diagnostics.append(Diagnostic(
            path, line, start - line_start + 1, Severity.ERROR, "transcript.illegal-char",
            f"character U+{ord(match.group()):04X} cannot be carried by XML 1.0",
            "remove the control character from the transcript"))
    return diagnostics


def text_node_diagnostics(text: str, path: str) -> list[Diagnostic]:
    """A `transcript.limit-exceeded` error for the first line or paragraph (lines up to an
    empty line) above `xmlio.MAX_TEXT_NODE_BYTES` in UTF-8: its TEI would hold a text node
    the hardened parser refuses to read back, so it is refused before any work grows with it.
    """
    if len(text.encode("utf-8", "surrogatepass")) <= MAX_TEXT_NODE_BYTES:
        return []
    paragraph_bytes, paragraph_line = 0, 1
    for number, line in enumerate(text.split("\n"), start=1):
        size = len(line.encode("utf-8", "surrogatepass"))
        if not line.strip():
            paragraph_bytes, paragraph_line = 0, number + 1
            continue
        paragraph_bytes += size + 1
        if size > MAX_TEXT_NODE_BYTES:
            return [_node_too_long(path, number, "line", size)]
        if paragraph_bytes > MAX_TEXT_NODE_BYTES:
            return [_node_too_long(path, paragraph_line, "paragraph", paragraph_bytes)]
    return []


def _node_too_long(path: str, line: int, what: str, size: int) -> Diagnostic:
    return Diagnostic(path, line, 1, Severity.ERROR, "transcript.limit-exceeded",
                      f"a {what} of {size:,} bytes is above the limit of "
                      f"{MAX_TEXT_NODE_BYTES:,} bytes for one text node",
                      f"split the {what}; the hardened XML parser would refuse its TEI")
