"""Fixtures of the conformance tests: a private grammar cache, the schema, the full grammar."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conformance_support import TEI_ALL


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory):
    """Every conformance test writes its grammar cache to a fresh folder, never the user's."""
    folder = tmp_path_factory.mktemp("tei-edition-cache")
    previous = os.environ.get("TEI_EDITION_CACHE_DIR")
    os.environ["TEI_EDITION_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("TEI_EDITION_CACHE_DIR", None)
    else:
        os.environ["TEI_EDITION_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def schema(private_cache: Path):
    from tei_edition.conformance import engine

    assert TEI_ALL.is_file(), f"tei_all.rng not found at {TEI_ALL}"
    return engine.load_schema(TEI_ALL)


@pytest.fixture(scope="session")
def full_grammar(schema):
    """tei_all.rng compiled unreduced by libxml2: about 10 s, once per session."""
    from tei_edition.conformance import engine

    return engine.full_grammar(schema.path, schema.sha256)
