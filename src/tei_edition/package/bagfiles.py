"""The BagIt 1.0 file formats (RFC 8493): digests, manifests, tag files; writing and reading.

This module owns the bytes of `bagit.txt`, `bag-info.txt`, `manifest-<alg>.txt` and
`tagmanifest-<alg>.txt`, shared by the writer and the verifier so both agree on one format.
It must not decide what goes into a bag (see build.py) nor judge a bag (see verify.py).

Why not bagit-python's `make_bag`: version 1.9 writes `BagIt-Version: 0.97` whatever it is
asked, stamps `Bagging-Date` with today's date when none is given, and lists tag files in
directory order (`os.listdir`), so two runs can differ. We write the tag files ourselves in a
fixed order and let bagit-python check the result (build.py) before a bag is published.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

BAGIT_VERSION = "1.0"
TAG_FILE_ENCODING = "UTF-8"
# RFC 8493 §2.4 recommends SHA-512 and SHA-256; the archive gets both so that one broken
# algorithm does not leave the bag without fixity.
ALGORITHMS = ("sha256", "sha512")
PAYLOAD_DIR = "data"
BLOCK_SIZE = 1024 * 1024


def file_digests(path: Path, algorithms: Iterable[str] = ALGORITHMS) -> dict[str, str]:
    """Hex digests of one file for every algorithm, reading it once."""
    hashers = {name: hashlib.new(name) for name in algorithms}
    with open(path, "rb") as handle:
        while block := handle.read(BLOCK_SIZE):
            for hasher in hashers.values():
                hasher.update(block)
    return {name: hasher.hexdigest() for name, hasher in hashers.items()}


def encode_manifest_path(path: str) -> str:
    """RFC 8493 §2.1.3: CR, LF and % in a file name are percent-encoded in manifests."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def decode_manifest_path(path: str) -> str:
    return re.sub(r"%(0[AD]|25)", lambda m: {"0A": "\n", "0D": "\r", "25": "%"}[m.group(1)],
                  path, flags=re.IGNORECASE)


def iter_files(root: Path) -> Iterator[str]:
    """Every regular file below ``root`` as a sorted '/'-separated relative path.

    Symbolic links are yielded too (never followed), so a verifier can refuse them.
    """
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        base = Path(dirpath).relative_to(root)
        for dirname in list(dirnames):
            if (Path(dirpath) / dirname).is_symlink():
                dirnames.remove(dirname)
                yield (base / dirname).as_posix()
        for filename in sorted(filenames):
            yield (base / filename).as_posix()


def manifest_text(entries: dict[str, dict[str, str]], algorithm: str) -> str:
    """One manifest: ``<digest>  <path>`` lines, sorted by path (RFC 8493 §2.1.3)."""
    return "".join(f"{digests[algorithm]}  {encode_manifest_path(path)}\n"
                   for path, digests in sorted(entries.items()))


def tag_file_text(fields: Iterable[tuple[str, str]]) -> str:
    """A tag file (RFC 8493 §2.2.2): one ``Label: value`` line per field, in the given order.

    Values are single-line here: line breaks inside a value become spaces, since the
    reader would otherwise take them for folded continuation lines.
    """
    return "".join(f"{label}: {' '.join(value.split())}\n" for label, value in fields)


def bagit_txt() -> str:
    return tag_file_text([("BagIt-Version", BAGIT_VERSION),
                          ("Tag-File-Character-Encoding", TAG_FILE_ENCODING)])


def _lines(text: str) -> list[str]:
    """Lines as RFC 8493 §2.1 ends them (LF, CR LF or CR); str.splitlines would also split at
    vertical tab, form feed and other Unicode breaks, which are characters of a line here."""
    lines = re.split(r"\r\n|\r|\n", text)
    return lines[:-1] if lines and lines[-1] == "" else lines


@dataclass(frozen=True)
class TagField:
    label: str
    value: str
    line: int


class TagFileError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def parse_tag_file(text: str) -> list[TagField]:
    """Fields of a tag file, continuation lines folded in; raises TagFileError on a bad line."""
    fields: list[TagField] = []
    for number, line in enumerate(_lines(text), start=1):
        if not line.strip():
            continue
        if line[0] in " \t" and fields:
            last = fields[-1]
            fields[-1] = TagField(last.label, f"{last.value} {line.strip()}", last.line)
            continue
        label, colon, value = line.partition(":")
        if not colon or not label.strip():
            raise TagFileError(number, f"line is not 'Label: value': {line.strip()[:60]!r}")
        fields.append(TagField(label.strip(), value.strip(), number))
    return fields


@dataclass(frozen=True)
class ManifestEntry:
    path: str  # decoded, '/'-separated, relative to the bag root
    digest: str
    line: int


def parse_manifest(text: str) -> tuple[list[ManifestEntry], list[tuple[int, str]]]:
    """Entries of a (tag)manifest and the (line, problem) pairs of lines that are not entries."""
    entries: list[ManifestEntry] = []
    problems: list[tuple[int, str]] = []
    for number, line in enumerate(_lines(text), start=1):
        if not line.strip():
            continue
        parts = line.split(None, 1)
        if len(parts) != 2 or not re.fullmatch(r"[0-9A-Fa-f]+", parts[0]):
            problems.append((number, f"line is not '<digest> <path>': {line[:60]!r}"))
            continue
        # The path is everything after the separating whitespace, kept as it is: stripping
        # it would make a path with a stray control character name an existing file.
        entries.append(ManifestEntry(decode_manifest_path(parts[1]), parts[0].lower(), number))
    return entries, problems


def is_unsafe_path(path: str) -> bool:
    """True for a path that could leave the bag: absolute, drive-lettered, '..', backslashes."""
    if not path or path.startswith(("/", "\\")) or "\\" in path or "\x00" in path:
        return True
    if re.match(r"^[A-Za-z]:", path):
        return True
    return any(part in ("..", ".", "") for part in path.split("/"))
