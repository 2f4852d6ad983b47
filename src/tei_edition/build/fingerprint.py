"""Content hashes that decide whether an edition must be built again.

This module owns what goes into a fingerprint: the bytes of an edition's transcript, metadata
and TEI, and a tool fingerprint (tei-edition's version, its own code, stylesheets and schemas,
the TEI schema in use and the build options that change outputs). It must not decide anything
itself; `collection` compares fingerprints with the saved state.
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tei_edition
from tei_edition.build.discovery import EditionSource
from tei_edition.resources import data_dir

_CHUNK = 1 << 20


def file_digest(path: Path | None) -> str:
    """SHA-256 of a file's bytes; "-" for a file that does not exist."""
    if path is None or not path.is_file():
        return "-"
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _tree_digest(folder: Path, suffixes: Iterable[str]) -> str:
    """One hash over every file of ``folder`` with one of ``suffixes`` (names and bytes)."""
    wanted = tuple(suffixes)
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in wanted):
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(file_digest(path).encode() + b"\0")
    return digest.hexdigest()


def _optional_data_digest(name: str) -> str:
    try:
        folder = data_dir(name)
    except FileNotFoundError:
        return "-"
    return _tree_digest(folder, (".xsl", ".xslt", ".rng", ".rnc", ".sch", ".xsd", ".xml", ".css"))


def code_digest(modules: Iterable[str]) -> str:
    """One hash over the source files of the named packages or modules (importable names)."""
    digest = hashlib.sha256()
    for name in sorted(modules):
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            digest.update(f"{name}=-\n".encode())
            continue
        origin = Path(spec.origin).resolve()
        if spec.submodule_search_locations:  # a package: all of its folder
            found = _tree_digest(origin.parent, (".py", ".xsl", ".rng", ".sch", ".css"))
        else:
            found = file_digest(origin)
        digest.update(f"{name}={found}\n".encode())
    return digest.hexdigest()


def tool_fingerprint(
    *, tei_all: Path | None, profile: str, code: Iterable[str], settings: Iterable[str]
) -> str:
    """A hash that changes whenever a new version of the tool could produce other outputs.

    The Python sources of the stages in use (``code``: package names, the whole `tei_edition`
    for the real stages) are hashed as well as the version, so an edited converter in a
    development checkout invalidates the state just as a release would.
    """
    digest = hashlib.sha256()
    for part in (
        f"version={tei_edition.__version__}",
        f"code={code_digest(code)}",
        f"xslt={_optional_data_digest('xslt')}",
        f"schema={_optional_data_digest('schema')}",
        f"tei_all={file_digest(tei_all) if tei_all else '-'}",
        f"profile={profile}",
        *sorted(settings),
    ):
        digest.update(part.encode() + b"\n")
    return digest.hexdigest()


@dataclass(frozen=True)
class InputDigests:
    """The hashes of one edition's three input files ("-" when a file is absent)."""

    transcript: str
    metadata: str
    tei: str

    @classmethod
    def of(cls, source: EditionSource) -> InputDigests:
        return cls(
            file_digest(source.transcript), file_digest(source.metadata), file_digest(source.tei)
        )


def edition_fingerprint(inputs: InputDigests, tool: str) -> str:
    """The hash of one edition's inputs under one tool fingerprint.

    The TEI's digest is part of it, so when a build writes a generated TEI into the edition
    folder the fingerprint saved afterwards must use the digest of the TEI as written.
    """
    digest = hashlib.sha256()
    for part in (tool, inputs.transcript, inputs.metadata, inputs.tei):
        digest.update(part.encode() + b"\n")
    return digest.hexdigest()
