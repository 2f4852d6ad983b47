"""The compiled house rules are kept in the user's cache between processes: used when valid,
compiled again when absent, damaged or made for another .sch, and never required."""

from __future__ import annotations

from pathlib import Path

import pytest
from validation_support import SCHEMA_TESTS

from tei_edition.validation import rules
from tei_edition.xmlio import parse_xml_file

WHO_UNRESOLVED = SCHEMA_TESTS / "invalid" / "101-who-unresolved.xml"


@pytest.fixture(autouse=True)
def _fresh_process():
    """Each test starts as a new process would: nothing compiled in memory."""
    rules._compiled.cache_clear()
    yield
    rules._compiled.cache_clear()


def codes() -> list[str]:
    tree = parse_xml_file(WHO_UNRESOLVED).tree
    return [finding.diagnostic.code for finding in rules.check_rules(tree, "doc.xml")]


def cached_validators(cache: Path) -> list[Path]:
    return sorted((cache / "rules").glob("validator-*.xsl"))


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TEI_EDITION_CACHE_DIR", str(folder))
    return folder


def test_the_first_process_stores_the_compiled_rules(cache) -> None:
    assert codes() == ["rules.who-unresolved"]
    assert len(cached_validators(cache)) == 1


def test_a_later_process_uses_the_stored_rules_without_compiling(cache, monkeypatch) -> None:
    codes()
    rules._compiled.cache_clear()

    def no_compiling(*_: object) -> None:
        raise AssertionError("compiled although a cached validator exists")

    monkeypatch.setattr(rules, "compile_schematron", no_compiling)
    assert codes() == ["rules.who-unresolved"]


@pytest.mark.parametrize("damage", [b"<xsl:stylesheet", b"<other/>", b"",
                                    b'<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/'
                                    b'Transform" version="1.0"><xsl:bogus/></xsl:stylesheet>'])
def test_a_damaged_cache_file_is_compiled_again_and_replaced(cache, damage) -> None:
    codes()
    [stored] = cached_validators(cache)
    good = stored.read_bytes()
    stored.write_bytes(damage)
    rules._compiled.cache_clear()
    assert codes() == ["rules.who-unresolved"]
    assert stored.read_bytes() == good


def test_a_changed_schematron_is_never_answered_from_an_old_entry(cache, tmp_path,
                                                                  monkeypatch) -> None:
    codes()
    changed = tmp_path / "changed.sch"
    text = rules.sch_path().read_text(encoding="utf-8")
    changed.write_text(text.replace(
        '<sch:pattern id="brackets">',
        '<sch:pattern id="extra"><sch:rule context="tei:TEI"><sch:report id="rules.extra" '
        'role="info" test="true()">extra</sch:report></sch:rule></sch:pattern>'
        '<sch:pattern id="brackets">'), encoding="utf-8")
    monkeypatch.setattr(rules, "sch_path", lambda: changed)
    assert "rules.extra" in codes()
    assert len(cached_validators(cache)) == 2


def test_an_unusable_cache_folder_only_costs_compiling(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("TEI_EDITION_CACHE_DIR", str(blocker))
    assert codes() == ["rules.who-unresolved"]
    assert codes() == ["rules.who-unresolved"]


def test_the_installed_schema_folder_is_not_written(cache) -> None:
    before = sorted(p.name for p in rules.sch_path().parent.iterdir())
    codes()
    assert sorted(p.name for p in rules.sch_path().parent.iterdir()) == before
    assert cached_validators(cache)
