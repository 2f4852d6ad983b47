"""Fixtures of the converter tests: the seed edition's paths, conversions done once per session,
and a conformance checker compiled once per session."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("TEI_EDITION_SHARED", ROOT.parent / "shared")).resolve()
SEED = SHARED / "seed" / "000_4ab801c5d78d1cdd.txt"
SAMPLES = SHARED / "samples"

EDITION_SLUG = "1956-09-16-mikoyan-korean-delegation"
EDITION_DIR = ROOT / "editions" / EDITION_SLUG
EDITION_TXT = EDITION_DIR / f"{EDITION_SLUG}.txt"
EDITION_TOML = EDITION_DIR / f"{EDITION_SLUG}.toml"
EDITION_XML = EDITION_DIR / f"{EDITION_SLUG}.xml"
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


@pytest.fixture(scope="session")
def conforms(tei_all: Path) -> Callable[[etree._ElementTree, str], list]:
    """check_conformance bound to tei_all.rng (compiled once per process, then cached)."""
    from tei_edition.conformance import check_conformance

    def check(tree: etree._ElementTree, label: str = "<tree>") -> list:
        return check_conformance(tree, label, tei_all)

    return check


@pytest.fixture(scope="session")
def seed_edition_tree() -> etree._ElementTree:
    """The seed converted with the edition's metadata (what editions/ commits)."""
    from tei_edition.convert import convert_file

    result = convert_file(EDITION_TXT)
    assert result.tree is not None, [d.format_text() for d in result.diagnostics]
    return result.tree


@pytest.fixture(scope="session")
def seed_edition_root(seed_edition_tree: etree._ElementTree) -> etree._Element:
    return seed_edition_tree.getroot()


@pytest.fixture(scope="session")
def sample_trees() -> dict[str, etree._ElementTree]:
    from tei_edition.convert import convert_file

    trees = {}
    for path in [SEED, *SAMPLE_FILES]:
        result = convert_file(path)
        assert result.tree is not None, [d.format_text() for d in result.diagnostics]
        trees[path.name] = result.tree
    return trees
