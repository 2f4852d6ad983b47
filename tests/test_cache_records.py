"""The verified record format shared by the toolkit's caches: a record is read back only by
the version that wrote it and only while its payload matches its digest."""

from __future__ import annotations

from tei_edition.cache_records import read_record, write_record


def test_a_record_is_read_back_by_the_version_that_wrote_it(tmp_path) -> None:
    assert write_record(tmp_path, "entry.xsl", b"<x/>", "compiler 2")  # a version with a space
    assert read_record(tmp_path, "entry.xsl", "compiler 2") == b"<x/>"


def test_another_version_does_not_read_the_record(tmp_path) -> None:
    write_record(tmp_path, "entry.xsl", b"<x/>", "compiler 2")
    assert read_record(tmp_path, "entry.xsl", "compiler 3") is None


def test_a_changed_payload_fails_its_digest(tmp_path) -> None:
    write_record(tmp_path, "entry.xsl", b"<x/>", "v1")
    stored = tmp_path / "entry.xsl"
    stored.write_bytes(stored.read_bytes().replace(b"<x/>", b"<y/>"))
    assert read_record(tmp_path, "entry.xsl", "v1") is None


def test_an_absent_record_is_none_and_an_unwritable_cache_is_reported(tmp_path) -> None:
    assert read_record(tmp_path, "missing", "v1") is None
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    assert write_record(blocker, "entry", b"data", "v1") is False  # its folder is a file
