"""The prolog of raw XML bytes, read before libxml2 sees them: part of xmlio's hardened path.

This module owns two refusals that must happen before parsing: a DOCTYPE before the root
element (so not even an internal subset is processed, in any encoding, after comments of any
length), and an encoding declaration the bytes contradict (a byte order mark or byte pattern
of XML 1.0 Appendix F against the declared name). It must not parse XML or make diagnostics:
`tei_edition.xmlio` turns its findings into diagnostics.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# How much of the start of a file is decoded to look at its prolog; the scan widens to the
# whole file only when the prolog (comments, processing instructions) runs past this window.
_PROLOG_WINDOW = 64 * 1024


@dataclass(frozen=True)
class PrologProblem:
    """``doctype`` True: a DOCTYPE at line/column; False: an encoding mismatch (``message``)."""

    doctype: bool
    line: int
    column: int
    message: str


# Byte order marks, and the first bytes of an unmarked "<?" in wider encodings (XML 1.0
# Appendix F). UTF-32 marks come first: FF FE 00 00 also starts with the UTF-16 LE mark.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_UNMARKED_WIDE = (
    (b"<\0\0\0", "utf-32-le"), (b"\0\0\0<", "utf-32-be"),
    (b"<\0?\0", "utf-16-le"), (b"\0<\0?", "utf-16-be"),
)
_XML_DECLARATION = re.compile(
    r"<\?xml\s+version\s*=\s*([\"'])[^\"']*\1"
    r"(?:\s+encoding\s*=\s*([\"'])([A-Za-z][A-Za-z0-9._-]*)\2)?")


def _sniff_encoding(data: bytes) -> tuple[str, int]:
    """The encoding the bytes show (from a byte order mark or a wide "<?"), and the BOM length.

    "8-bit" stands for any ASCII-compatible encoding (UTF-8, ISO-8859-x, ...): the bytes
    alone cannot tell those apart, the declaration does.
    """
    for mark, name in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return name, len(mark)
    for start, name in _UNMARKED_WIDE:
        if data.startswith(start):
            return name, 0
    return "8-bit", 0


def _width_family(encoding_name: str) -> str:
    try:
        name = codecs.lookup(encoding_name).name
    except LookupError:
        name = encoding_name.lower()
    if name.startswith(("utf-16", "ucs-2", "iso-10646-ucs-2")):
        return "utf-16"
    if name.startswith(("utf-32", "ucs-4", "iso-10646-ucs-4")):
        return "utf-32"
    return "utf-8" if name == "utf-8" else "8-bit"


def _decode_head(data: bytes, encoding: str, bom_length: int, whole: bool) -> str:
    body = data[bom_length:] if whole else data[bom_length:bom_length + _PROLOG_WINDOW]
    # latin-1 maps every byte to one character, so markup in any ASCII-compatible encoding
    # keeps its offsets; a wide encoding is decoded as what it is.
    codec = "latin-1" if encoding in ("8-bit", "utf-8") else encoding
    return body.decode(codec, errors="replace")


def check_prolog(data: bytes) -> PrologProblem | None:
    """A DOCTYPE before the root element, or an encoding declaration the bytes contradict."""
    encoding, bom_length = _sniff_encoding(data)
    head = _decode_head(data, encoding, bom_length, whole=False)
    declaration = _XML_DECLARATION.match(head)
    declared = declaration.group(3) if declaration else None
    if declared is not None:
        mismatch = _encoding_mismatch(encoding, bom_length > 0, declared)
        if mismatch is not None:
            return PrologProblem(False, 1, 1, mismatch)
    text = head
    position = _doctype_position(text)
    if position is None and bom_length + _PROLOG_WINDOW < len(data):
        text = _decode_head(data, encoding, bom_length, whole=True)
        position = _doctype_position(text)
    if position is not None and position >= 0:
        line = text.count("\n", 0, position) + 1
        column = position - text.rfind("\n", 0, position)
        return PrologProblem(True, line, column, "document has a DOCTYPE declaration")
    return None


def _encoding_mismatch(sniffed: str, has_bom: bool, declared: str) -> str | None:
    family = _width_family(declared)
    if sniffed == "utf-8" and has_bom and family != "utf-8":
        return f"the byte order mark says UTF-8 but the XML declaration names {declared}"
    if sniffed.startswith("utf-16") and family != "utf-16":
        shown = "byte order mark" if has_bom else "byte pattern"
        return f"the {shown} says {sniffed.upper()} but the XML declaration names {declared}"
    if sniffed.startswith("utf-32") and family != "utf-32":
        return f"the bytes say {sniffed.upper()} but the XML declaration names {declared}"
    if sniffed == "8-bit" and family in ("utf-16", "utf-32"):
        return (f"the XML declaration names {declared} but the bytes are in an 8-bit "
                "encoding such as UTF-8")
    return None


def _doctype_position(text: str) -> int | None:
    """Offset of a <!DOCTYPE in the prolog; -1 when the prolog ends without one; None when
    the text ends inside the prolog (the caller may look at more of the file)."""
    position = 1 if text.startswith("\ufeff") else 0
    length = len(text)
    while True:
        while position < length and text[position] in " \t\r\n":
            position += 1
        if position >= length:
            return None
        if text.startswith("<?", position):
            end = text.find("?>", position + 2)
            if end < 0:
                return None
            position = end + 2
        elif text.startswith("<!--", position):
            end = text.find("-->", position + 4)
            if end < 0:
                return None
            position = end + 3
        elif text[position:position + 9].upper() == "<!DOCTYPE":
            return position
        else:
            return -1  # the root element (or something libxml2 will report)
