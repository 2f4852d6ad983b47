"""`convert` validates the TEI it made before writing it (issue 4, item 5)."""

from __future__ import annotations

from lxml import etree

import tei_edition.xmlio as xmlio
from tei_edition.cli import cli


def test_output_failing_validation_is_not_written(runner, tmp_path, monkeypatch) -> None:
    transcript = tmp_path / "t.txt"
    transcript.write_text("Q: Where were you?\n\nA: At home.\n", encoding="utf-8")
    out = tmp_path / "t.xml"
    # The command imports serialize when it runs, so patching the module reaches it.

    original = xmlio.serialize

    def serialize_with_a_fault(tree):
        broken = etree.fromstring(original(tree))
        sp = broken.find(".//{http://www.tei-c.org/ns/1.0}sp")
        sp.set("who", "#nobody")
        return original(broken)

    monkeypatch.setattr(xmlio, "serialize", serialize_with_a_fault)
    result = runner.invoke(cli, ["convert", str(transcript), "-o", str(out)])
    assert result.exit_code == 1
    assert "[rules.who-unresolved]" in result.stderr
    assert "[convert.invalid-output]" in result.stderr
    assert not out.exists()


def test_valid_output_is_written(runner, tmp_path) -> None:
    transcript = tmp_path / "t.txt"
    transcript.write_text("Q: Where were you?\n\nA: At home.\n", encoding="utf-8")
    out = tmp_path / "t.xml"
    result = runner.invoke(cli, ["convert", str(transcript), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
