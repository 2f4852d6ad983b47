"""Fixtures of the render tests: the all-elements fixture and the seed edition."""

from __future__ import annotations

from pathlib import Path

import pytest
from render_helpers import FIXTURES


@pytest.fixture(scope="session")
def all_elements() -> Path:
    return FIXTURES / "all-elements.xml"
