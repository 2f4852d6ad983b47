"""Input bounds: illegal characters found in linear time, size and text-node limits, file kinds."""

from __future__ import annotations

import os
import time

from tei_edition.cli import cli
from tei_edition.convert import convert_bytes, convert_file, convert_text
from tei_edition.convert.limits import LISTED_ILLEGAL
from tei_edition.xmlio import MAX_BYTES_ENV, MAX_TEXT_NODE_BYTES


def test_illegal_characters_are_listed_up_to_twenty_then_summarised():
    result = convert_text("Q: ok\nA: " + "\x00" * 25, source_path="t")
    assert result.tree is None
    codes = [p.code for p in result.diagnostics]
    assert codes == ["transcript.illegal-char"] * (LISTED_ILLEGAL + 1)
    assert [(p.line, p.column) for p in result.diagnostics[:2]] == [(2, 4), (2, 5)]
    summary = result.diagnostics[-1].message
    assert "5 more" in summary and "25 in all" in summary


def test_illegal_character_positions_count_lines_between_matches():
    result = convert_text("a\x01\nb\n\nc  \x02", source_path="t")
    assert [(p.line, p.column) for p in result.diagnostics] == [(1, 2), (4, 4)]


def test_a_million_nul_bytes_are_reported_quickly():
    started = time.monotonic()
    result = convert_bytes(b"Cde. Mikoyan - " + b"\x00" * 1_000_000, source_path="t")
    assert time.monotonic() - started < 3
    assert len(result.diagnostics) == LISTED_ILLEGAL + 1


def test_a_line_above_the_text_node_limit_is_refused_with_its_line():
    text = "Q: short\n\nA: " + "x" * MAX_TEXT_NODE_BYTES + "\n"
    result = convert_text(text, source_path="t")
    assert result.tree is None
    assert [(p.code, p.line) for p in result.diagnostics] == [("transcript.limit-exceeded", 3)]


def test_a_paragraph_above_the_text_node_limit_is_refused_at_its_first_line():
    line = "word " * 200_000
    text = "Q: short\n\n" + "\n".join(["A: " + line] + [line] * 10)
    result = convert_text(text, source_path="t")
    assert [(p.code, p.line) for p in result.diagnostics] == [("transcript.limit-exceeded", 3)]


def test_a_transcript_above_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setenv(MAX_BYTES_ENV, "100")
    result = convert_bytes(b"Q: " + b"a" * 200, source_path="t")
    assert [(p.code, p.severity.name) for p in result.diagnostics] == [
        ("transcript.limit-exceeded", "ERROR")]


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = convert_file(fifo)
    assert [(p.code, p.severity.name) for p in result.diagnostics] == [("io.not-a-file", "FATAL")]


def test_dev_zero_cannot_run(runner):
    result = runner.invoke(cli, ["convert", "/dev/zero"])
    assert result.exit_code == 3
    assert result.stderr.startswith("/dev/zero:0:0: fatal [io.not-a-file]")


def test_standard_input_above_the_size_limit_is_refused(runner, monkeypatch):
    monkeypatch.setenv(MAX_BYTES_ENV, "100")
    result = runner.invoke(cli, ["convert", "-"], input=b"Q: " + b"a" * 500)
    assert result.exit_code == 1
    assert "[transcript.limit-exceeded]" in result.stderr
