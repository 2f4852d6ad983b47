"""Fixtures of the render tests: the all-elements fixture and the seed edition."""

from __future__ import annotations

from pathlib import Path

import pytest
from render_helpers import FIXTURES, seed_edition_path


@pytest.fixture(scope="session")
def all_elements() -> Path:
    return FIXTURES / "all-elements.xml"


@pytest.fixture(scope="session")
def seed_edition() -> Path:
    return seed_edition_path()
