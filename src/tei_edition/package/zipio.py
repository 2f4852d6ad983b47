"""Serialised bags (RFC 8493 §4.2): a deterministic zip writer and a safe zip reader.

This module owns the zip bytes of a bag and the limits a zip from elsewhere must respect
before any byte of it is extracted. It must not judge the bag inside (verify.py does).

Determinism: entries are sorted, every entry gets the same timestamp (1980-01-01, the
earliest a zip can hold, or SOURCE_DATE_EPOCH), fixed permissions and a fixed compressor
level, so the same bag always gives the same zip bytes.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import stat
import zipfile
from collections.abc import Mapping
from pathlib import Path

from tei_edition.package.bagfiles import is_unsafe_path, iter_files

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
MAX_MEMBERS = 10_000
DEFAULT_MAX_UNPACKED = 512 * 1024 * 1024
MAX_UNPACKED_ENV = "TEI_EDITION_MAX_BAG_BYTES"


def zip_timestamp(environ: Mapping[str, str] = os.environ) -> tuple[int, int, int, int, int, int]:
    """SOURCE_DATE_EPOCH as a zip time (UTC, clamped to the zip range), else 1980-01-01."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return ZIP_EPOCH
    moment = _dt.datetime.fromtimestamp(int(epoch), _dt.UTC)
    if moment.year < 1980:
        return ZIP_EPOCH
    if moment.year > 2107:
        return (2107, 12, 31, 23, 59, 58)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute,
            moment.second - moment.second % 2)  # zip stores seconds in steps of two


def _entry(name: str, mode: int, date_time: tuple[int, ...]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=date_time)  # type: ignore[arg-type]
    info.create_system = 3  # Unix, so external_attr carries the permissions below
    info.external_attr = mode << 16
    return info


def bag_zip_bytes(bag_dir: Path, top: str, environ: Mapping[str, str] = os.environ) -> bytes:
    """The bag in ``bag_dir`` as zip bytes with one top-level folder ``top``/."""
    date_time = zip_timestamp(environ)
    files = list(iter_files(bag_dir))
    folders = sorted({"/".join(f.split("/")[:depth])
                      for f in files for depth in range(1, f.count("/") + 1)})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(_entry(f"{top}/", stat.S_IFDIR | 0o755, date_time), b"")
        for folder in folders:
            archive.writestr(_entry(f"{top}/{folder}/", stat.S_IFDIR | 0o755, date_time), b"")
        for name in files:
            info = _entry(f"{top}/{name}", stat.S_IFREG | 0o644, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (bag_dir / name).read_bytes(), compresslevel=9)
    return buffer.getvalue()


class UnsafeZipError(ValueError):
    """The zip cannot be extracted safely; ``member`` names the offending entry when known,
    ``code`` is the diagnostic code the verifier reports."""

    def __init__(self, message: str, member: str | None = None,
                 code: str = "package.unsafe-zip") -> None:
        super().__init__(message)
        self.member = member
        self.code = code


def max_unpacked_bytes(environ: Mapping[str, str] = os.environ) -> int:
    value = environ.get(MAX_UNPACKED_ENV, "")
    return int(value) if value.isdigit() else DEFAULT_MAX_UNPACKED


def extract_zip_safely(zip_path: Path, target: Path, *, limit: int | None = None) -> None:
    """Extract ``zip_path`` into the empty folder ``target`` or raise UnsafeZipError.

    Every member is checked before anything is written: no absolute path, no '..', no
    symbolic link, no duplicate, no encryption; at most MAX_MEMBERS entries; and the
    declared and the actual uncompressed sizes must stay under ``limit`` in total (a member
    that inflates past what it declared is cut off and refused, so a zip bomb is caught even
    when its header lies).
    """
    limit = max_unpacked_bytes() if limit is None else limit
    try:
        archive = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError) as error:
        raise UnsafeZipError(f"not a readable zip file: {error}",
                             code="package.not-a-bag") from None
    with archive:
        members = archive.infolist()
        _check_members(members, limit)
        written = 0
        for member in members:
            destination = target.joinpath(*member.filename.rstrip("/").split("/"))
            if member.is_dir():
                destination.mkdir(parents=True, exist_ok=True)
                continue
            destination.parent.mkdir(parents=True, exist_ok=True)
            try:
                with archive.open(member) as source, open(destination, "xb") as sink:
                    remaining = member.file_size
                    while block := source.read(min(1024 * 1024, remaining + 1)):
                        remaining -= len(block)
                        written += len(block)
                        if remaining < 0 or written > limit:
                            raise UnsafeZipError("member inflates beyond its declared size or "
                                                 "the size limit", member.filename)
                        sink.write(block)
            except (zipfile.BadZipFile, OSError, EOFError) as error:
                raise UnsafeZipError(f"cannot extract member: {error}", member.filename) from None


def _check_members(members: list[zipfile.ZipInfo], limit: int) -> None:
    if len(members) > MAX_MEMBERS:
        raise UnsafeZipError(f"zip has {len(members):,} entries, more than {MAX_MEMBERS:,}")
    seen: set[str] = set()
    total = 0
    for member in members:
        name = member.filename
        if is_unsafe_path(name.rstrip("/")):
            raise UnsafeZipError("entry path is absolute or leaves the bag ('..')", name)
        if stat.S_ISLNK(member.external_attr >> 16):
            raise UnsafeZipError("entry is a symbolic link", name)
        if member.flag_bits & 0x1:
            raise UnsafeZipError("entry is encrypted", name)
        if name.rstrip("/").casefold() in seen:
            raise UnsafeZipError("entry appears twice", name)
        seen.add(name.rstrip("/").casefold())
        total += member.file_size
        if total > limit:
            raise UnsafeZipError(f"zip unpacks to more than {limit:,} bytes "
                                 f"(limit: {MAX_UNPACKED_ENV})", name)
