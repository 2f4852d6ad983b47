"""`tei-edition verify`: a sound bag passes; any changed, missing or added file is named
with its bag-relative path and a `package.*` code, exit 1."""

from __future__ import annotations

import re
import shutil
import zipfile

import pytest
from package_support import EDITION, run_cli

from tei_edition.package import bagfiles

SLUG = EDITION.name
PAYLOAD = sorted(p.relative_to(EDITION).name for p in EDITION.iterdir() if p.is_file()) + [
    "dc.xml", "validation.json", f"renderings/{SLUG}.reading.html",
    f"renderings/{SLUG}.reading.txt", f"renderings/{SLUG}.diplomatic.txt"]


def _verify(*paths, tei_all):
    return run_cli("verify", *paths, "--tei-all", tei_all)


def _flip_one_byte(path):
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def test_unmodified_bag_verifies(packaged, tei_all):
    result = _verify(packaged / SLUG, tei_all=tei_all)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == f"{packaged / SLUG}: ok\n"


def test_unmodified_zip_verifies(packaged, tei_all):
    result = _verify(packaged / f"{SLUG}.zip", tei_all=tei_all)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize("name", PAYLOAD)
def test_one_changed_byte_in_any_payload_file_is_named(bag_copy, tei_all, name):
    _flip_one_byte(bag_copy / "data" / name)
    result = _verify(bag_copy, tei_all=tei_all)
    assert result.exit_code == 1
    assert (f"{bag_copy}/data/{name}:0:0: error [package.checksum-mismatch] content differs "
            "from its recorded sha256 and sha512 checksum") in result.stderr


@pytest.mark.parametrize("name", ["bag-info.txt", "bagit.txt", "manifest-sha256.txt"])
def test_one_changed_byte_in_a_tag_file_is_named(bag_copy, tei_all, name):
    _flip_one_byte(bag_copy / name)
    result = _verify(bag_copy, tei_all=tei_all)
    assert result.exit_code == 1
    assert f"{bag_copy}/{name}:0:0: error [package.checksum-mismatch]" in result.stderr


@pytest.mark.parametrize("name", PAYLOAD)
def test_a_deleted_payload_file_is_named(bag_copy, tei_all, name):
    (bag_copy / "data" / name).unlink()
    result = _verify(bag_copy, tei_all=tei_all)
    assert result.exit_code == 1
    assert (f"{bag_copy}/data/{name}:0:0: error [package.missing-file] listed in the sha256, "
            "sha512 manifest but missing from the bag") in result.stderr
    assert "error [package.oxum-mismatch]" in result.stderr


def test_an_added_payload_file_is_named(bag_copy, tei_all):
    (bag_copy / "data" / "extra.txt").write_text("slipped in\n")
    result = _verify(bag_copy, tei_all=tei_all)
    assert result.exit_code == 1
    assert (f"{bag_copy}/data/extra.txt:0:0: error [package.unexpected-file] not listed in the "
            "sha256, sha512 manifest (added or renamed after packaging)") in result.stderr
    assert "[package.oxum-mismatch]" in result.stderr


def test_an_added_tag_file_is_named(bag_copy, tei_all):
    (bag_copy / "notes.txt").write_text("slipped in\n")
    result = _verify(bag_copy, tei_all=tei_all)
    assert result.exit_code == 1
    assert f"{bag_copy}/notes.txt:0:0: error [package.unexpected-file]" in result.stderr


def test_a_deleted_manifest_is_reported(bag_copy, tei_all):
    (bag_copy / "manifest-sha512.txt").unlink()
    result = _verify(bag_copy, tei_all=tei_all)
    assert result.exit_code == 1
    assert f"{bag_copy}/manifest-sha512.txt:0:0: error [package.missing-manifest]" in result.stderr
    assert f"{bag_copy}/manifest-sha512.txt:0:0: error [package.missing-file]" in result.stderr


def test_older_bagit_version_is_reported(bag_copy, tei_all):
    (bag_copy / "bagit.txt").write_text("BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n")
    result = _verify(bag_copy, tei_all=tei_all)
    assert result.exit_code == 1
    assert f"{bag_copy}/bagit.txt:0:0: error [package.bagit-version]" in result.stderr


def test_manifest_entry_leaving_the_bag_is_refused(bag_copy, tei_all):
    manifest = bag_copy / "manifest-sha256.txt"
    manifest.write_text(manifest.read_text() + f"{'0' * 64}  data/../../etc/passwd\n")
    result = _verify(bag_copy, tei_all=tei_all)
    assert result.exit_code == 1
    assert f"{bag_copy}/manifest-sha256.txt:" in result.stderr
    assert "error [package.unsafe-path] entry 'data/../../etc/passwd'" in result.stderr


def _rebag(bag):
    """Recompute every manifest as a forger would, so only re-validation can notice."""
    payload = {rel: bagfiles.file_digests(bag / rel) for rel in bagfiles.iter_files(bag)
               if rel.startswith("data/")}
    for alg in bagfiles.ALGORITHMS:
        (bag / f"manifest-{alg}.txt").write_text(bagfiles.manifest_text(payload, alg))
    oxum = f"{sum((bag / rel).stat().st_size for rel in payload)}.{len(payload)}"
    info = bag / "bag-info.txt"
    info.write_text(re.sub(r"(?m)^Payload-Oxum: .*$", f"Payload-Oxum: {oxum}", info.read_text()))
    tags = {rel: bagfiles.file_digests(bag / rel) for rel in bagfiles.iter_files(bag)
            if "/" not in rel and not rel.startswith("tagmanifest-")}
    for alg in bagfiles.ALGORITHMS:
        (bag / f"tagmanifest-{alg}.txt").write_text(bagfiles.manifest_text(tags, alg))


def test_invalid_tei_with_forged_manifests_is_caught_by_revalidation(bag_copy, tei_all):
    tei = bag_copy / "data" / f"{SLUG}.xml"
    text = tei.read_text("utf-8")
    tei.write_text(text.replace("<teiHeader>", "<teiHeader><bogus/>", 1), "utf-8")
    _rebag(bag_copy)
    result = _verify(bag_copy, tei_all=tei_all)
    assert result.exit_code == 1
    findings = result.stderr.splitlines()
    assert findings and all(line.startswith(f"{bag_copy}/data/{SLUG}.xml:") for line in findings)
    assert "[package." not in result.stderr


def test_changed_byte_inside_a_zip_is_named_with_its_path_in_the_zip(packaged, tmp_path, tei_all):
    source = packaged / f"{SLUG}.zip"
    damaged = tmp_path / f"{SLUG}.zip"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(damaged, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == f"{SLUG}/data/dc.xml":
                data = data.replace(b"<dc:", b"<dc:", 1) + b" "
            copy.writestr(info, data)
    result = _verify(damaged, tei_all=tei_all)
    assert result.exit_code == 1
    assert f"{damaged}/{SLUG}/data/dc.xml:0:0: error [package.checksum-mismatch]" in result.stderr


def test_zip_with_a_path_leaving_the_folder_is_refused_unextracted(tmp_path, tei_all):
    hostile = tmp_path / "hostile.zip"
    with zipfile.ZipFile(hostile, "w") as archive:
        archive.writestr("bag/bagit.txt", "BagIt-Version: 1.0\n")
        archive.writestr("bag/../../escaped.txt", "x")
    result = _verify(hostile, tei_all=tei_all)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"{hostile}/bag/../../escaped.txt:0:0: error [package.unsafe-zip]")
    assert not (tmp_path.parent / "escaped.txt").exists()


def test_folder_without_bagit_txt_is_not_a_bag(tmp_path, tei_all):
    result = _verify(tmp_path, tei_all=tei_all)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tmp_path}:0:0: error [package.not-a-bag]")


def test_every_bag_is_checked_and_reported(packaged, bag_copy, tei_all):
    shutil.rmtree(bag_copy / "data" / "renderings")
    result = _verify(packaged / SLUG, bag_copy, tei_all=tei_all)
    assert result.exit_code == 1
    assert result.stdout == f"{packaged / SLUG}: ok\n"
    assert f"{bag_copy}/data/renderings/" in result.stderr


def test_a_file_that_is_not_a_zip_is_not_a_bag(tmp_path, tei_all):
    bogus = tmp_path / "bag.zip"
    bogus.write_text("not a zip")
    result = _verify(bogus, tei_all=tei_all)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{bogus}:0:0: error [package.not-a-bag] not a readable zip")


def test_a_symbolic_link_in_the_bag_is_refused_not_followed(bag_copy, tmp_path, tei_all):
    secret = tmp_path / "outside.txt"
    secret.write_text("outside the bag\n")
    target = bag_copy / "data" / "dc.xml"
    target.unlink()
    target.symlink_to(secret)
    result = _verify(bag_copy, tei_all=tei_all)
    assert result.exit_code == 1
    assert f"{bag_copy}/data/dc.xml:0:0: error [package.unsafe-path]" in result.stderr
    assert f"{bag_copy}/data/dc.xml:0:0: error [package.missing-file]" in result.stderr
