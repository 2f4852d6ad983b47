"""Bytes to text: the first stage of the converter.

Owns decoding (UTF-8 with or without BOM, or an encoding the user names), the check for
characters XML 1.0 cannot carry, and the byte-level normalisations (BOM, CRLF, tabs), each
recorded so the TEI header can declare it. It must not interpret the text in any way.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from tei_edition.convert.limits import illegal_char_diagnostics
from tei_edition.diagnostics import Diagnostic, Severity

NORMALISED_BOM = "bom"
NORMALISED_CRLF = "crlf"
NORMALISED_TABS = "tabs"


@dataclass(frozen=True)
class DecodedText:
    """The transcript as text with LF line ends and what was normalised to get there."""

    text: str
    normalisations: tuple[str, ...]


def _position(text_before: str) -> tuple[int, int]:
    """1-based line and column of the character following ``text_before``."""
    line = text_before.count("\n") + 1
    column = len(text_before) - (text_before.rfind("\n") + 1) + 1
    return line, column


def decode_transcript(data: bytes, path: str,
                      encoding: str | None = None) -> tuple[DecodedText | None, list[Diagnostic]]:
    """Decode ``data``; on failure return None and a positioned diagnostic, never raise."""
    normalisations: list[str] = []
    name = encoding or "utf-8"
    try:
        codecs.lookup(name)
    except LookupError:
        return None, [Diagnostic(path, 0, 0, Severity.FATAL, "transcript.unknown-encoding",
                                 f"unknown encoding {name!r}",
                                 "name a Python codec, e.g. --encoding cp1252")]
    if data.startswith(codecs.BOM_UTF8) and name.replace("_", "-").lower() in ("utf-8", "utf8"):
        data = data[len(codecs.BOM_UTF8):]
        normalisations.append(NORMALISED_BOM)
    try:
        text = data.decode(name)
    except UnicodeDecodeError as error:
        good = data[: error.start].decode(name, errors="replace")
        line, column = _position(good)
        bad = data[error.start: error.end].hex(" ").upper()
        hint = ("if the file is in another encoding, name it with --encoding "
                "(e.g. --encoding cp1252 or --encoding latin-1)")
        if encoding is None and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            hint = "the file starts with a UTF-16 byte order mark: pass --encoding utf-16"
        return None, [Diagnostic(
            path, line, column, Severity.ERROR, "transcript.undecodable",
            f"bytes {bad} are not valid {name.upper() if name.startswith('utf') else name}",
            hint)]
    if text.startswith("\ufeff"):
        text = text[1:]
        normalisations.append(NORMALISED_BOM)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        normalisations.append(NORMALISED_CRLF)
    diagnostics = illegal_char_diagnostics(text, path)
    if diagnostics:
        return None, diagnostics
    if "\t" in text:
        text = text.replace("\t", " ")
        normalisations.append(NORMALISED_TABS)
    return DecodedText(text, tuple(dict.fromkeys(normalisations))), []
