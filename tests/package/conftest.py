"""Shared helpers of the packaging tests: the hand-made minimal edition and file hashing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI_EDITION = FIXTURES / "mini-record"


def tree_digest(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file below ``folder`` (the folder's exact content)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def mini_edition() -> Path:
    return MINI_EDITION


@pytest.fixture(scope="session")
def mini_tree():
    from tei_edition.xmlio import parse_xml_file

    parsed = parse_xml_file(MINI_EDITION / "mini-record.xml")
    assert parsed.tree is not None, parsed.diagnostics
    return parsed.tree
