"""Fixtures every test area shares: where ../shared is, the TEI schema, the seed, a CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TEI_EDITION_SHARED", ROOT.parent / "shared")).resolve()
TEI_ALL = SHARED / "tei" / "tei_all.rng"
SEED = SHARED / "seed" / "000_4ab801c5d78d1cdd.txt"
SAMPLES = SHARED / "samples"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def shared() -> Path:
    assert SHARED.is_dir(), f"../shared not found at {SHARED}"
    return SHARED


@pytest.fixture(scope="session")
def tei_all() -> Path:
    assert TEI_ALL.is_file(), f"tei_all.rng not found at {TEI_ALL}"
    return TEI_ALL


@pytest.fixture(scope="session")
def seed_transcript() -> Path:
    return SEED


@pytest.fixture()
def runner():
    from click.testing import CliRunner

    return CliRunner()
