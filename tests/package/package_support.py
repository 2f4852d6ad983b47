"""Constants and helpers of the packaging tests (imported by conftest.py and the tests)."""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI_EDITION = FIXTURES / "mini-record"
# The end-to-end tests package the project's seed edition, the real thing an archive gets.
EDITION = ROOT / "editions" / "1956-09-16-mikoyan-korean-delegation"


def tree_digest(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file below ``folder`` (the folder's exact content)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run_cli(*args: object):
    """Run the tei-edition CLI in-process; stdout and stderr stay apart."""
    from click.testing import CliRunner

    from tei_edition.cli import cli

    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
