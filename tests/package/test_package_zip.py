"""Serialised bags: deterministic zip bytes, and a zip reader that refuses hostile archives."""

from __future__ import annotations

import os
import shutil
import stat
import zipfile

import pytest

from tei_edition.package.zipio import (
    ZIP_EPOCH,
    UnsafeZipError,
    bag_zip_bytes,
    extract_zip_safely,
    zip_timestamp,
)


@pytest.fixture()
def small_bag(tmp_path):
    bag = tmp_path / "bag"
    (bag / "data" / "renderings").mkdir(parents=True)
    (bag / "bagit.txt").write_text("BagIt-Version: 1.0\n")
    (bag / "data" / "b.xml").write_text("<b/>")
    (bag / "data" / "renderings" / "a.html").write_text("<p/>")
    return bag


def test_same_bag_gives_same_zip_bytes_whatever_the_file_times(small_bag, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(small_bag, copy)
    os.utime(copy / "data" / "b.xml", (1_000_000_000, 1_000_000_000))
    os.chmod(copy / "data" / "b.xml", 0o600)
    assert bag_zip_bytes(small_bag, "ed", {}) == bag_zip_bytes(copy, "ed", {})


def test_zip_entries_are_sorted_under_one_top_folder_with_fixed_time_and_modes(small_bag):
    import io

    with zipfile.ZipFile(io.BytesIO(bag_zip_bytes(small_bag, "ed", {}))) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == [
        "ed/", "ed/data/", "ed/data/renderings/", "ed/bagit.txt", "ed/data/b.xml",
        "ed/data/renderings/a.html"]
    assert {i.date_time for i in infos} == {ZIP_EPOCH}
    assert {stat.S_IMODE(i.external_attr >> 16) for i in infos if not i.is_dir()} == {0o644}
    assert {stat.S_IMODE(i.external_attr >> 16) for i in infos if i.is_dir()} == {0o755}


def test_source_date_epoch_sets_the_zip_time():
    assert zip_timestamp({"SOURCE_DATE_EPOCH": "1700000000"}) == (2023, 11, 14, 22, 13, 20)
    assert zip_timestamp({"SOURCE_DATE_EPOCH": "0"}) == ZIP_EPOCH  # zip cannot hold 1970


def test_round_trip_extracts_every_file(small_bag, tmp_path):
    archive = tmp_path / "bag.zip"
    archive.write_bytes(bag_zip_bytes(small_bag, "ed", {}))
    target = tmp_path / "out"
    target.mkdir()
    extract_zip_safely(archive, target)
    assert (target / "ed" / "data" / "renderings" / "a.html").read_text() == "<p/>"


def _zip_with(tmp_path, name: str, data: bytes = b"x", mode: int | None = None):
    archive = tmp_path / "hostile.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        info = zipfile.ZipInfo(name)
        if mode is not None:
            info.create_system = 3
            info.external_attr = mode << 16
        handle.writestr(info, data)
    return archive


@pytest.mark.parametrize("name", ["/etc/evil", "bag/../../evil", "..\\evil", "C:/evil"])
def test_members_leaving_the_folder_are_refused_before_extraction(tmp_path, name):
    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(UnsafeZipError) as raised:
        extract_zip_safely(_zip_with(tmp_path, name), target)
    assert raised.value.member == name
    assert list(target.iterdir()) == []
    assert not (tmp_path.parent / "evil").exists()


def test_symbolic_link_members_are_refused(tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    archive = _zip_with(tmp_path, "bag/data/link", b"/etc/passwd", stat.S_IFLNK | 0o777)
    with pytest.raises(UnsafeZipError, match="symbolic link"):
        extract_zip_safely(archive, target)


def test_total_unpacked_size_is_capped(tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    archive = _zip_with(tmp_path, "bag/data/big", b"\0" * 10_000)
    with pytest.raises(UnsafeZipError, match="more than 1,000 bytes"):
        extract_zip_safely(archive, target, limit=1_000)
    assert list(target.iterdir()) == []


def test_a_file_that_is_not_a_zip_is_not_a_bag(tmp_path):
    bogus = tmp_path / "bag.zip"
    bogus.write_text("not a zip")
    with pytest.raises(UnsafeZipError) as raised:
        extract_zip_safely(bogus, tmp_path)
    assert raised.value.code == "package.not-a-bag"
