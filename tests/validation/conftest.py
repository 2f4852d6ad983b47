"""Fixtures for the validation tests (helpers are in validation_support.py)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _tei_all_from_shared(monkeypatch: pytest.MonkeyPatch, tei_all: Path,
                         tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every test starts with the shared tei_all.rng configured and an empty private cache;
    tests about the unconfigured case remove the variable themselves."""
    monkeypatch.setenv("TEI_EDITION_TEI_ALL", str(tei_all))
    monkeypatch.setenv("TEI_EDITION_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("TEI_EDITION_TEI_BASE_URL", raising=False)
