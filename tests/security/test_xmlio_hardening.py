"""Specification of the one hardened XML parsing path (`tei_edition.xmlio`).

Each test states one refusal or one acceptance; the attack corpus (test_attack_corpus.py)
repeats the refusals through every command.
"""

from __future__ import annotations

import codecs
import os

import pytest

from tei_edition import xmlio
from tei_edition.xmlio import parse_xml_bytes, parse_xml_file

TEI_OPEN = b'<TEI xmlns="http://www.tei-c.org/ns/1.0">'


def codes(result: xmlio.ParseResult) -> list[str]:
    return [d.code for d in result.diagnostics]


def test_a_plain_tei_document_parses_without_diagnostics() -> None:
    result = parse_xml_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n' + TEI_OPEN + b"</TEI>")
    assert result.ok and result.diagnostics == ()


def test_doctype_is_refused_before_libxml2_sees_the_internal_subset(monkeypatch) -> None:
    # If the prolog check let it through, lxml would be called: make that a failure.
    def must_not_parse(*_args, **_kwargs):
        raise AssertionError("libxml2 was handed a document with a DOCTYPE")

    monkeypatch.setattr(xmlio.etree, "fromstring", must_not_parse)
    data = b'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x "y">]>\n' + TEI_OPEN + b"&x;</TEI>"
    result = parse_xml_bytes(data, "e.xml")
    assert codes(result) == ["xml.doctype-refused"]
    assert (result.diagnostics[0].line, result.diagnostics[0].column) == (2, 1)


def test_doctype_after_a_long_comment_is_still_found() -> None:
    data = b"<!--" + b"x" * 200_000 + b"-->\n<!DOCTYPE TEI SYSTEM 'http://127.0.0.1:9/t.dtd'><TEI/>"
    assert codes(parse_xml_bytes(data)) == ["xml.doctype-refused"]


def test_doctype_in_a_utf16_document_is_found() -> None:
    text = '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE TEI [<!ENTITY a "b">]><TEI>&a;</TEI>'
    assert codes(parse_xml_bytes(text.encode("utf-16"))) == ["xml.doctype-refused"]


def test_doctype_text_inside_a_comment_is_not_a_doctype() -> None:
    assert parse_xml_bytes(b"<!-- <!DOCTYPE TEI> -->" + TEI_OPEN + b"</TEI>").ok


def test_an_undeclared_entity_is_refused_not_expanded() -> None:
    assert codes(parse_xml_bytes(TEI_OPEN + b"&x;</TEI>")) == ["xml.entity-refused"]


def test_xinclude_elements_are_refused_not_processed(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("MARKER")
    data = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">'
            b'<xi:include href="' + str(secret).encode() + b'" parse="text"/></TEI>')
    result = parse_xml_bytes(data)
    assert codes(result) == ["xml.xinclude-refused"] and result.tree is None


@pytest.mark.parametrize("magic", [b"\x1f\x8b\x08\x00", b"BZh91AY", b"\xfd7zXZ\x00", b"PK\x03\x04"])
def test_compressed_input_is_refused_not_decompressed(magic: bytes) -> None:
    assert codes(parse_xml_bytes(magic + b"\x00" * 32)) == ["xml.compressed"]


def test_input_above_the_size_limit_is_refused_before_parsing(monkeypatch) -> None:
    monkeypatch.setenv(xmlio.MAX_BYTES_ENV, "100")
    result = parse_xml_bytes(TEI_OPEN + b"x" * 200 + b"</TEI>", "big.xml")
    assert codes(result) == ["xml.too-large"]
    assert "above the limit of 100 bytes" in result.diagnostics[0].message


def test_a_file_above_the_size_limit_is_not_read_whole(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(xmlio.MAX_BYTES_ENV, "100")
    big = tmp_path / "big.xml"
    big.write_bytes(TEI_OPEN + b"x" * 10_000 + b"</TEI>")
    result = parse_xml_file(big)
    assert codes(result) == ["xml.too-large"] and "10,0" in result.diagnostics[0].message


def test_invalid_utf8_is_a_diagnostic() -> None:
    declaration = b'<?xml version="1.0" encoding="UTF-8"?>'
    result = parse_xml_bytes(declaration + TEI_OPEN + b"\xff\xfe</TEI>")
    assert codes(result) == ["xml.bad-encoding"]


def test_declared_utf16_over_utf8_bytes_is_an_encoding_mismatch() -> None:
    result = parse_xml_bytes(b'<?xml version="1.0" encoding="UTF-16"?>' + TEI_OPEN + b"</TEI>")
    assert codes(result) == ["xml.encoding-mismatch"]
    assert "UTF-16" in result.diagnostics[0].message


def test_utf8_bom_with_a_latin1_declaration_is_an_encoding_mismatch() -> None:
    data = codecs.BOM_UTF8 + b'<?xml version="1.0" encoding="ISO-8859-1"?>' + TEI_OPEN + b"</TEI>"
    assert codes(parse_xml_bytes(data)) == ["xml.encoding-mismatch"]


def test_utf16_bom_with_a_utf8_declaration_is_an_encoding_mismatch() -> None:
    text = '<?xml version="1.0" encoding="UTF-8"?><TEI/>'
    assert codes(parse_xml_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))) == [
        "xml.encoding-mismatch"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_honest_utf16_documents_parse(encoding: str) -> None:
    text = '<?xml version="1.0" encoding="UTF-16"?><TEI xmlns="http://www.tei-c.org/ns/1.0">é</TEI>'
    data = text.encode(encoding)
    if encoding != "utf-16":
        data = (codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE) + data
    result = parse_xml_bytes(data)
    assert result.ok and result.tree.getroot().text == "é"


def test_honest_latin1_documents_parse() -> None:
    data = '<?xml version="1.0" encoding="ISO-8859-1"?><TEI>é</TEI>'.encode("latin-1")
    assert parse_xml_bytes(data).tree.getroot().text == "é"


def test_unknown_declared_encoding_is_a_diagnostic() -> None:
    assert codes(parse_xml_bytes(b'<?xml version="1.0" encoding="X-NOPE"?><TEI/>')) == [
        "xml.bad-encoding"]


@pytest.mark.parametrize("character", ["\ufffe", "\uffff", "\x00", "\x01", "\x1b"])
def test_characters_xml_forbids_are_invalid_character_diagnostics(character: str) -> None:
    result = parse_xml_bytes(("<TEI>a" + character + "b</TEI>").encode())
    assert codes(result) == ["xml.invalid-character"]
    assert (result.diagnostics[0].line, result.diagnostics[0].column) == (1, 7)


def test_nesting_beyond_the_depth_limit_is_a_limit_diagnostic() -> None:
    depth = xmlio.MAX_DEPTH + 10
    result = parse_xml_bytes(b"<hi>" * depth + b"</hi>" * depth)
    assert codes(result) == ["xml.limit-exceeded"]
    assert f"more than {xmlio.MAX_DEPTH} levels deep" in result.diagnostics[0].message
    assert "XML_PARSE_HUGE" not in result.diagnostics[0].format_text()


def test_nesting_just_inside_the_depth_limit_parses() -> None:
    depth = xmlio.MAX_DEPTH - 2
    assert parse_xml_bytes(b"<hi>" * depth + b"</hi>" * depth).ok


def test_a_20_mb_text_node_is_a_limit_diagnostic() -> None:
    result = parse_xml_bytes(b"<p>" + b"x" * (20 * 1024 * 1024) + b"</p>")
    assert codes(result) == ["xml.limit-exceeded"]
    assert "10,000,000 bytes" in result.diagnostics[0].message


def test_an_empty_file_is_not_well_formed() -> None:
    assert codes(parse_xml_bytes(b"")) == ["xml.not-well-formed"]


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path) -> None:
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    assert codes(parse_xml_file(fifo)) == ["io.not-a-file"]


def test_a_device_that_never_ends_is_refused() -> None:
    assert codes(parse_xml_file("/dev/zero")) == ["io.not-a-file"]


def test_a_missing_file_cannot_run() -> None:
    result = parse_xml_file("/nonexistent/edition.xml")
    assert codes(result) == ["io.unreadable"]
    assert result.diagnostics[0].severity is xmlio.Severity.FATAL


def test_the_hardened_parser_alone_neither_expands_nor_loads(tmp_path) -> None:
    """Second line of defence: even if a DOCTYPE reached libxml2, nothing would be read."""
    secret = tmp_path / "secret.txt"
    secret.write_text("HARDENED-PARSER-MARKER")
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY leak "HARDENED-PARSER-MARKER">')
    data = (f'<!DOCTYPE a SYSTEM "{dtd.as_uri()}" [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
            "<a>&x;</a>").encode()
    root = xmlio.etree.fromstring(data, xmlio.hardened_parser())
    assert b"HARDENED-PARSER-MARKER" not in xmlio.etree.tostring(root)
    assert b"HARDENED-PARSER-MARKER" not in xmlio.etree.tostring(root, method="text")
