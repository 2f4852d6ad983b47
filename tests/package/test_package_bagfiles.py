"""The BagIt tag-file and manifest formats (RFC 8493 §2) as written and read back."""

from __future__ import annotations

import hashlib

import pytest

from tei_edition.package import bagfiles


def test_bagit_txt_declares_version_1_0_and_utf8():
    assert bagfiles.bagit_txt() == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"


def test_file_digests_match_hashlib_for_both_algorithms(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"record of conversation\n")
    digests = bagfiles.file_digests(path)
    assert digests == {"sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                       "sha512": hashlib.sha512(path.read_bytes()).hexdigest()}


def test_manifest_lines_are_sorted_by_path_with_two_spaces():
    text = bagfiles.manifest_text({"data/b": {"sha256": "bb"}, "data/a": {"sha256": "aa"}},
                                  "sha256")
    assert text == "aa  data/a\nbb  data/b\n"


def test_manifest_paths_percent_encode_newlines_and_percent_and_read_back():
    name = "data/odd%name\nwith break"
    text = bagfiles.manifest_text({name: {"sha256": "ab"}}, "sha256")
    assert text == "ab  data/odd%25name%0Awith break\n"
    entries, problems = bagfiles.parse_manifest(text)
    assert problems == [] and [e.path for e in entries] == [name]


def test_manifest_line_without_digest_is_a_problem_with_its_line_number():
    entries, problems = bagfiles.parse_manifest("ab  data/x\nnot-hex data/y\n")
    assert [e.path for e in entries] == ["data/x"]
    assert [line for line, _ in problems] == [2]


def test_tag_file_values_stay_on_one_line():
    assert bagfiles.tag_file_text([("External-Description", "two\nlines")]) == (
        "External-Description: two lines\n")


def test_tag_file_folds_continuation_lines():
    fields = bagfiles.parse_tag_file("Label: first\n  second\nOther: x\n")
    assert [(f.label, f.value, f.line) for f in fields] == [
        ("Label", "first second", 1), ("Other", "x", 3)]


def test_tag_file_line_without_colon_is_refused_with_its_line():
    with pytest.raises(bagfiles.TagFileError) as raised:
        bagfiles.parse_tag_file("Label: x\nno colon here\n")
    assert raised.value.line == 2


@pytest.mark.parametrize("path", ["/etc/passwd", "data/../../x", "..", "C:/x", "data\\x",
                                  "data//x", "./data/x", ""])
def test_paths_that_could_leave_the_bag_are_unsafe(path):
    assert bagfiles.is_unsafe_path(path)


@pytest.mark.parametrize("path", ["data/x.xml", "bag-info.txt", "data/renderings/a.b.html"])
def test_ordinary_bag_paths_are_safe(path):
    assert not bagfiles.is_unsafe_path(path)


def test_iter_files_lists_links_without_following_them(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "b.txt").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "data" / "link").symlink_to(tmp_path / "a.txt")
    assert list(bagfiles.iter_files(tmp_path)) == ["a.txt", "data/b.txt", "data/link"]


def test_only_cr_and_lf_end_manifest_lines():
    entries, problems = bagfiles.parse_manifest("ab  data/x\x0b\ncd  data/y\r\nef  data/z\r")
    assert problems == []
    assert [e.path for e in entries] == ["data/x\x0b", "data/y", "data/z"]
