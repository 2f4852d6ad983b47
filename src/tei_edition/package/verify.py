"""Verify a bag made by `tei-edition package`: structure, completeness, fixity, TEI validity.

This module owns the checks and their `package.*` diagnostic codes (docs/packaging.md). It
must not change the bag it checks (a zipped bag is extracted into a private temporary folder
by zipio.extract_zip_safely) and must not stop at the first problem: every missing,
unexpected or altered file is named, each on its own line, with its bag-relative path.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tei_edition.diagnostics import Diagnostic, Severity
from tei_edition.package import bagfiles, layout
from tei_edition.package.build import validation_profile
from tei_edition.package.zipio import UnsafeZipError, extract_zip_safely
from tei_edition.xmlio import parse_xml_file

_MANIFEST = re.compile(r"^(tag)?manifest-([A-Za-z0-9]+)\.txt$")


@dataclass
class _Check:
    """One bag being checked: where it is, how its files are labelled, what was found."""

    root: Path
    label: str
    found: list[Diagnostic] = field(default_factory=list)

    def report(self, rel: str, code: str, message: str, *, line: int = 0, hint: str | None = None,
               severity: Severity = Severity.ERROR) -> None:
        self.found.append(Diagnostic(self.at(rel), line, 0, severity, code, message, hint))

    def at(self, rel: str) -> str:
        return f"{self.label}/{rel}" if rel else self.label

    def read_text(self, rel: str) -> str | None:
        """A tag file as UTF-8 text without a byte-order mark (RFC 8493 §2.1.1), or None."""
        if (self.root / rel).is_symlink():
            return None  # reported by _regular_files; never read through a link
        try:
            data = (self.root / rel).read_bytes()
        except OSError as error:
            self.report(rel, "package.unreadable", f"cannot read: {error.strerror or error}",
                        severity=Severity.FATAL)
            return None
        if data.startswith(b"\xef\xbb\xbf"):
            self.report(rel, "package.bad-tag-file", "starts with a byte-order mark")
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            self.report(rel, "package.bad-tag-file", f"is not UTF-8: {error.reason}")
            return None


def verify_path(path: Path, *, tei_all: Path | None = None,
                label: str | None = None) -> list[Diagnostic]:
    """All problems of the bag folder or zipped bag at ``path`` (empty when it is sound)."""
    label = label or str(path).rstrip("/")
    if path.is_dir():
        return verify_bag_dir(path, label, tei_all=tei_all)
    if path.is_file() and path.suffix.lower() == ".zip":
        return _verify_zip(path, label, tei_all)
    return [Diagnostic(label, 0, 0, Severity.ERROR, "package.not-a-bag",
                       "neither a bag folder nor a .zip file")]


def _verify_zip(zip_path: Path, label: str, tei_all: Path | None) -> list[Diagnostic]:
    with tempfile.TemporaryDirectory(prefix="tei-edition-verify-") as scratch:
        root = Path(scratch)
        try:
            extract_zip_safely(zip_path, root)
        except UnsafeZipError as error:
            where = f"{label}/{error.member}" if error.member else label
            hint = ("nothing was extracted outside a private temporary folder"
                    if error.code == "package.unsafe-zip" else None)
            return [Diagnostic(where, 0, 0, Severity.ERROR, error.code, str(error), hint)]
        if (root / "bagit.txt").exists():
            return verify_bag_dir(root, label, tei_all=tei_all)
        tops = list(root.iterdir())
        # RFC 8493 §4.2: a serialised bag holds one top-level folder, the bag itself.
        if len(tops) == 1 and tops[0].is_dir() and not tops[0].is_symlink():
            return verify_bag_dir(tops[0], f"{label}/{tops[0].name}", tei_all=tei_all)
        return [Diagnostic(label, 0, 0, Severity.ERROR, "package.not-a-bag",
                           "zip holds no bagit.txt and not exactly one top-level folder")]


def verify_bag_dir(root: Path, label: str, *, tei_all: Path | None = None) -> list[Diagnostic]:
    check = _Check(root, label)
    if not (root / "bagit.txt").is_file():
        check.report("", "package.not-a-bag", "folder has no bagit.txt",
                     hint="a BagIt bag (RFC 8493) starts with bagit.txt beside data/")
        return check.found
    _check_bagit_txt(check)
    files = _regular_files(check)
    payload_files = {f for f in files if f.startswith(f"{bagfiles.PAYLOAD_DIR}/")}
    tag_files = {f for f in files if f not in payload_files and not f.startswith("tagmanifest-")}
    payload_manifests = _load_manifests(check, files, tag=False)
    tag_manifests = _load_manifests(check, files, tag=True)
    _check_complete(check, payload_files, payload_manifests)
    _check_complete(check, tag_files, tag_manifests)
    _check_fixity(check, files, {**_by_file(payload_manifests), **_by_file(tag_manifests)})
    _check_oxum(check, payload_files)
    _revalidate_tei(check, payload_files, tei_all)
    return check.found


def _check_bagit_txt(check: _Check) -> None:
    text = check.read_text("bagit.txt")
    if text is None:
        return
    try:
        fields = {f.label: f.value for f in bagfiles.parse_tag_file(text)}
    except bagfiles.TagFileError as error:
        check.report("bagit.txt", "package.bad-tag-file", str(error), line=error.line)
        return
    version = fields.get("BagIt-Version")
    if version != bagfiles.BAGIT_VERSION:
        check.report("bagit.txt", "package.bagit-version",
                     f"BagIt-Version is {version!r}; tei-edition makes and checks BagIt "
                     f"{bagfiles.BAGIT_VERSION} bags (RFC 8493)")
    if (fields.get("Tag-File-Character-Encoding") or "").upper() != bagfiles.TAG_FILE_ENCODING:
        check.report("bagit.txt", "package.bad-tag-file",
                     "Tag-File-Character-Encoding must be UTF-8")


def _regular_files(check: _Check) -> set[str]:
    """Every regular file of the bag; links and special files are reported and left out."""
    found = set()
    for rel in bagfiles.iter_files(check.root):
        path = check.root / rel
        if path.is_symlink() or not path.is_file():
            check.report(rel, "package.unsafe-path",
                         "is a symbolic link or special file; a bag holds regular files only")
            continue
        found.add(rel)
    return found


def _load_manifests(check: _Check, files: set[str], *, tag: bool) -> dict[str, dict[str, str]]:
    """algorithm -> {bag-relative path -> expected digest} for each (tag)manifest present."""
    manifests: dict[str, dict[str, str]] = {}
    prefix = "tagmanifest" if tag else "manifest"
    for name in sorted(f for f in files if "/" not in f):
        match = _MANIFEST.match(name)
        if not match or bool(match.group(1)) != tag:
            continue
        algorithm = match.group(2).lower()
        if algorithm not in hashlib.algorithms_available:
            check.report(name, "package.bad-manifest", f"unknown checksum algorithm {algorithm!r}")
            continue
        text = check.read_text(name)
        manifests[algorithm] = {} if text is None else _manifest_entries(check, name, text, tag)
    for algorithm in bagfiles.ALGORITHMS:
        if algorithm not in manifests:
            check.report(f"{prefix}-{algorithm}.txt", "package.missing-manifest",
                         f"the bag has no {algorithm} {prefix}; tei-edition bags carry "
                         f"{' and '.join(bagfiles.ALGORITHMS)}")
    return manifests


def _manifest_entries(check: _Check, name: str, text: str, tag: bool) -> dict[str, str]:
    entries, problems = bagfiles.parse_manifest(text)
    for line, problem in problems:
        check.report(name, "package.bad-manifest", problem, line=line)
    listed: dict[str, str] = {}
    for entry in entries:
        in_payload = entry.path.startswith(f"{bagfiles.PAYLOAD_DIR}/")
        if bagfiles.is_unsafe_path(entry.path):
            check.report(name, "package.unsafe-path",
                         f"entry {entry.path!r} is absolute or leaves the bag", line=entry.line)
        elif in_payload == tag or entry.path.startswith("tagmanifest-"):
            check.report(name, "package.bad-manifest",
                         f"entry {entry.path!r} does not belong in this manifest", line=entry.line)
        elif entry.path in listed:
            check.report(name, "package.bad-manifest", f"entry {entry.path!r} is listed twice",
                         line=entry.line)
        else:
            listed[entry.path] = entry.digest
    return listed


def _check_complete(check: _Check, on_disk: set[str],
                    manifests: dict[str, dict[str, str]]) -> None:
    """RFC 8493 §3: every listed file exists; every payload file is listed in every manifest.

    Tag files not listed in a tag manifest are reported too: tei-edition lists every tag
    file, so an unlisted one was added after packaging.
    """
    listed = set().union(*(m.keys() for m in manifests.values())) if manifests else set()
    for rel in sorted(listed - on_disk):
        listing = [alg for alg, m in sorted(manifests.items()) if rel in m]
        check.report(rel, "package.missing-file",
                     f"listed in the {', '.join(listing)} manifest but missing from the bag")
    for rel in sorted(on_disk):
        absent = [alg for alg, m in sorted(manifests.items()) if rel not in m]
        if absent and manifests:
            check.report(rel, "package.unexpected-file",
                         f"not listed in the {', '.join(absent)} manifest "
                         "(added or renamed after packaging)")


def _by_file(manifests: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """path -> {algorithm -> expected digest}."""
    expected: dict[str, dict[str, str]] = {}
    for algorithm, entries in manifests.items():
        for rel, digest in entries.items():
            expected.setdefault(rel, {})[algorithm] = digest
    return expected


def _check_fixity(check: _Check, files: set[str], expected: dict[str, dict[str, str]]) -> None:
    """Every algorithm of every listed file; one line per altered file."""
    for rel in sorted(expected.keys() & files):
        try:
            actual = bagfiles.file_digests(check.root / rel, expected[rel].keys())
        except OSError as error:
            check.report(rel, "package.unreadable", f"cannot read: {error.strerror or error}",
                         severity=Severity.FATAL)
            continue
        differing = [alg for alg, digest in sorted(expected[rel].items()) if actual[alg] != digest]
        if differing:
            check.report(rel, "package.checksum-mismatch",
                         f"content differs from its recorded {' and '.join(differing)} checksum",
                         hint="the file was changed after packaging; restore it from another copy")


def _check_oxum(check: _Check, payload_files: set[str]) -> None:
    """Payload-Oxum (RFC 8493 §2.2.2): '<octets>.<files>' of the payload as packaged."""
    if not (check.root / "bag-info.txt").is_file():
        return
    text = check.read_text("bag-info.txt")
    try:
        fields = bagfiles.parse_tag_file(text) if text is not None else []
    except bagfiles.TagFileError as error:
        check.report("bag-info.txt", "package.bad-tag-file", str(error), line=error.line)
        return
    oxum = next((f for f in fields if f.label == "Payload-Oxum"), None)
    if oxum is None:
        check.report("bag-info.txt", "package.missing-oxum", "bag-info.txt has no Payload-Oxum",
                     severity=Severity.WARNING)
        return
    match = re.fullmatch(r"(\d+)\.(\d+)", oxum.value)
    if not match:
        check.report("bag-info.txt", "package.bad-tag-file",
                     f"Payload-Oxum {oxum.value!r} is not '<octets>.<files>'", line=oxum.line)
        return
    octets = sum((check.root / rel).stat().st_size for rel in payload_files)
    if (int(match.group(1)), int(match.group(2))) != (octets, len(payload_files)):
        check.report("bag-info.txt", "package.oxum-mismatch",
                     f"Payload-Oxum says {match.group(1)} bytes in {match.group(2)} files; the "
                     f"payload has {octets} bytes in {len(payload_files)} files", line=oxum.line)


def _revalidate_tei(check: _Check, payload_files: set[str], tei_all: Path | None) -> None:
    """The TEI files at the top of data/ are validated again, as `tei-edition validate` would."""
    from tei_edition.validation import validate_tree

    dublin_core = f"{bagfiles.PAYLOAD_DIR}/{layout.DUBLIN_CORE}"
    for rel in sorted(payload_files):
        if rel.count("/") != 1 or not rel.endswith(".xml") or rel == dublin_core:
            continue
        parsed = parse_xml_file(check.root / rel, label=check.at(rel))
        check.found.extend(parsed.diagnostics)
        if parsed.tree is not None:
            check.found.extend(validate_tree(parsed.tree, check.at(rel),
                                             profile=validation_profile(tei_all),
                                             tei_all=tei_all))
