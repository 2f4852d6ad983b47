"""Fixtures every test area shares: where ../shared is, the TEI schema, the seed, a CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis profiles for every property test of the suite, registered here (the first
# conftest pytest loads) so that each test module's @settings inherits them. "ci", the
# default, is derandomized: the same examples on every run, so CI is stable and a property
# that passed here passes there. Maintainers search further with HYPOTHESIS_PROFILE=long
# (see docs/security.md).
settings.register_profile(
    "ci", max_examples=100, deadline=None, derandomize=True, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile(
    "long", max_examples=5000, deadline=None, derandomize=False, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

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
