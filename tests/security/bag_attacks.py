"""Hostile BagIt bags for `tei-edition verify`, built at test time from a sound bag that
`tei-edition package` made: manifests that climb out of the bag, links, fetch.txt, and zips
that slip, link or inflate. Each recipe returns the path to hand to `verify`.

This module asserts nothing; EXPECTATIONS.toml says what verify must report.
"""

from __future__ import annotations

import functools
import hashlib
import io
import shutil
import stat
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path


def reseal_payload(bag: Path) -> None:
    """Payload manifests and Payload-Oxum made consistent with the files under data/."""
    payload = sorted(p for p in (bag / "data").rglob("*") if p.is_file())
    for manifest in bag.glob("manifest-*.txt"):
        algorithm = manifest.stem.split("-", 1)[1]
        manifest.write_text("".join(
            f"{hashlib.new(algorithm, p.read_bytes()).hexdigest()}  {p.relative_to(bag)}\n"
            for p in payload))
    info = bag / "bag-info.txt"
    oxum = f"Payload-Oxum: {sum(p.stat().st_size for p in payload)}.{len(payload)}"
    info.write_text("\n".join(oxum if line.startswith("Payload-Oxum:") else line
                              for line in info.read_text().splitlines()) + "\n")


def reseal_tags(bag: Path, extra: tuple[str, ...] = ()) -> None:
    """Tag manifests made consistent with the tag files they list (plus ``extra``)."""
    for manifest in bag.glob("tagmanifest-*.txt"):
        algorithm = manifest.stem.split("-", 1)[1]
        names = [line.split(None, 1)[1] for line in manifest.read_text().splitlines() if line]
        names += [name for name in extra if name not in names]
        manifest.write_text("".join(
            f"{hashlib.new(algorithm, (bag / name).read_bytes()).hexdigest()}  {name}\n"
            for name in names))


def reseal(bag: Path) -> None:
    reseal_payload(bag)
    reseal_tags(bag)


def _copy(template: Path, dest: Path) -> Path:
    shutil.copytree(template, dest, symlinks=True)
    return dest


def manifest_traversal(template: Path, dest: Path, placeholders: dict[str, str]) -> Path:
    """Manifests list ../../secret.txt (outside the bag) with its true checksums."""
    bag = _copy(template, dest)
    secret = dest.parent.parent / "secret.txt"
    relative = "data/../../../secret.txt"
    for manifest in bag.glob("manifest-*.txt"):
        algorithm = manifest.stem.split("-", 1)[1]
        digest = hashlib.new(algorithm, secret.read_bytes()).hexdigest()
        manifest.write_text(manifest.read_text() + f"{digest}  {relative}\n")
    reseal_tags(bag)
    return bag


def symlink_payload(template: Path, dest: Path, placeholders: dict[str, str]) -> Path:
    """The TEI replaced by a link to a secret outside the bag; manifests follow the link."""
    bag = _copy(template, dest)
    tei = bag / "data" / f"{template.name}.xml"
    tei.unlink()
    tei.symlink_to("../../../secret.xml")
    reseal(bag)
    return bag


def fetch_txt(template: Path, dest: Path, placeholders: dict[str, str]) -> Path:
    """An incomplete bag (RFC 8493 §2.2.3): data/extra.xml is in the manifests and fetch.txt
    says to download it from the server. Verify must report it missing, never fetch it."""
    bag = _copy(template, dest)
    promised = b"<extra/>"
    (bag / "fetch.txt").write_text(
        f"{placeholders['@SERVER@']}/payload.xml {len(promised)} data/extra.xml\n")
    for manifest in bag.glob("manifest-*.txt"):
        digest = hashlib.new(manifest.stem.split("-", 1)[1], promised).hexdigest()
        manifest.write_text(manifest.read_text() + f"{digest}  data/extra.xml\n")
    reseal_tags(bag, extra=("fetch.txt",))
    return bag


def _zipped(template: Path, extra: Callable[[zipfile.ZipFile], None]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(template.rglob("*")):
            if path.is_file():
                archive.write(path, f"{template.name}/{path.relative_to(template)}")
        extra(archive)
    return buffer.getvalue()


def _write_zip(dest: Path, data: bytes) -> Path:
    dest.mkdir(parents=True)
    target = dest / f"{dest.name}.zip"
    target.write_bytes(data)
    return target


def zip_slip(template: Path, dest: Path, placeholders: dict[str, str]) -> Path:
    """Members named ../../…/pwned and /abs/pwned: extraction must never leave its folder."""
    pwned = placeholders["@PWNED_PATH@"]

    def add(archive: zipfile.ZipFile) -> None:
        archive.writestr(f"{template.name}/" + "../" * 12 + pwned.lstrip("/"), b"pwned")
        archive.writestr(pwned, b"pwned")

    return _write_zip(dest, _zipped(template, add))


def zip_symlink(template: Path, dest: Path, placeholders: dict[str, str]) -> Path:
    """A member that is a symbolic link to /etc/passwd, named as the bag's TEI."""

    def add(archive: zipfile.ZipFile) -> None:
        info = zipfile.ZipInfo(f"{template.name}/data/linked.xml")
        info.create_system = 3  # Unix, so external_attr carries the file type
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")

    return _write_zip(dest, _zipped(template, add))


def zip_bomb(template: Path, dest: Path, placeholders: dict[str, str]) -> Path:
    """A sound bag zipped with one more payload member that inflates to 600 MiB (about
    600 KB deflated), above verify's 512 MiB unpacked limit."""
    return _write_zip(dest, _bomb_bytes(str(template)))


class _RepeatedBlock:
    """Stands in for zipfile's compressor: every 1 MiB chunk of zeros deflates to the same
    byte-aligned block (the dictionary is reset by a full flush), so the block is made once
    and repeated; zipfile still computes the true CRC and size. Seconds become milliseconds."""

    def __init__(self, chunk: bytes) -> None:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        self.block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)

    def compress(self, data: bytes) -> bytes:
        return self.block

    def flush(self) -> bytes:
        return b"\x03\x00"  # an empty final block ends the deflate stream


@functools.cache
def _bomb_bytes(template: str) -> bytes:
    chunk = b"\0" * (1 << 20)

    def add(archive: zipfile.ZipFile) -> None:
        info = zipfile.ZipInfo(f"{Path(template).name}/data/zeros.bin")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w") as handle:
            handle._compressor = _RepeatedBlock(chunk)  # noqa: SLF001 (see the class)
            for _ in range(600):
                handle.write(chunk)

    return _zipped(Path(template), add)


def sound_bag(template: Path, dest: Path, placeholders: dict[str, str]) -> Path:
    """The control: the bag as `package` made it."""
    return _copy(template, dest)


BAG_RECIPES: dict[str, Callable[[Path, Path, dict[str, str]], Path]] = {
    "sound_bag": sound_bag,
    "manifest_traversal": manifest_traversal,
    "symlink_payload": symlink_payload,
    "fetch_txt": fetch_txt,
    "zip_slip": zip_slip,
    "zip_symlink": zip_symlink,
    "zip_bomb": zip_bomb,
}
