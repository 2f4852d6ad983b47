"""The grammar cache: keyed by schema content and tool version, never trusting a bad record."""

from __future__ import annotations

import shutil

from conformance_support import TEI_ALL

from tei_edition.cli import cli
from tei_edition.conformance import cache, engine
from tei_edition.conformance.synthetic import person_list_document
from tei_edition.xmlio import parse_xml_bytes

SMALL = parse_xml_bytes(person_list_document(3), "small.xml").tree


def _fresh(monkeypatch, tmp_path):
    monkeypatch.setenv("TEI_EDITION_CACHE_DIR", str(tmp_path / "cache"))
    engine._load_schema.cache_clear()
    engine._compile.cache_clear()


def test_a_record_reads_back_its_payload(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    cache.write_record("reduced-x.rng", b"<grammar/>")
    assert cache.read_record("reduced-x.rng") == b"<grammar/>"


def test_a_corrupted_record_is_ignored(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    cache.write_record("reduced-x.rng", b"<grammar/>")
    target = cache.grammar_cache_dir() / "reduced-x.rng"
    target.write_bytes(target.read_bytes().replace(b"<grammar/>", b"<grammar>"))
    assert cache.read_record("reduced-x.rng") is None


def test_a_record_of_another_tool_version_is_ignored(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    cache.write_record("reduced-x.rng", b"<grammar/>")
    monkeypatch.setattr(cache, "CACHE_VERSION", cache.CACHE_VERSION + "-next")
    assert cache.read_record("reduced-x.rng") is None


def test_changing_the_schema_bytes_changes_every_key(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    copy = tmp_path / "tei_all.rng"
    shutil.copyfile(TEI_ALL, copy)
    before = engine.load_schema(copy)
    copy.write_bytes(copy.read_bytes() + b"\n<!-- changed -->\n")
    after = engine.load_schema(copy)
    assert before.sha256 != after.sha256
    names = (["x p"], ["y q"])
    assert cache.reduced_key(before.sha256, "prune", *names) != \
        cache.reduced_key(after.sha256, "prune", *names)


def test_reduced_key_depends_on_mode_and_names(schema):
    base = cache.reduced_key(schema.sha256, "prune", ["a b"], [])
    assert base != cache.reduced_key(schema.sha256, "stub", ["a b"], [])
    assert base != cache.reduced_key(schema.sha256, "prune", ["a b", "a c"], [])
    assert base != cache.reduced_key(schema.sha256, "prune", ["a b"], [" id"])
    assert base == cache.reduced_key(schema.sha256, "prune", ["a b"], [])


def test_a_cached_reduction_is_used_without_reading_the_schema(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    assert engine.judge(SMALL, engine.load_schema(TEI_ALL)).valid
    engine._load_schema.cache_clear()
    engine._compile.cache_clear()
    schema = engine.load_schema(TEI_ALL)

    def no_reading(data: bytes):
        raise AssertionError("the schema was read although its reduction is cached")

    monkeypatch.setattr(engine, "read_grammar_lazily", no_reading)
    assert engine.judge(SMALL, schema).valid


def test_corrupted_reduced_grammar_is_rebuilt_and_verdict_unchanged(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    schema = engine.load_schema(TEI_ALL)
    assert engine.judge(SMALL, schema).valid
    for record in cache.grammar_cache_dir().glob("reduced-*.rng"):
        record.write_bytes(record.read_bytes().replace(b"<start>", b"<start><notAllowed/>"))
    engine._compile.cache_clear()
    assert engine.judge(SMALL, schema).valid


def test_cache_info_lists_grammars_and_clear_empties_them(monkeypatch, tmp_path, runner):
    _fresh(monkeypatch, tmp_path)
    engine.judge(SMALL, engine.load_schema(TEI_ALL))
    shown = runner.invoke(cli, ["cache", "info"])
    assert shown.exit_code == 0
    assert "rng/" in shown.output and "entries" in shown.output
    cleared = runner.invoke(cli, ["cache", "clear"])
    assert cleared.exit_code == 0 and cleared.output.startswith("removed ")
    assert not cache.grammar_cache_dir().exists()


def test_cache_clear_keeps_fetched_schemas_unless_all(monkeypatch, tmp_path, runner):
    _fresh(monkeypatch, tmp_path)
    fetched = tmp_path / "cache" / "tei" / "4.12.0" / "tei_all.rng"
    fetched.parent.mkdir(parents=True)
    fetched.write_bytes(b"<grammar/>")
    assert runner.invoke(cli, ["cache", "clear"]).exit_code == 0
    assert fetched.is_file()
    assert runner.invoke(cli, ["cache", "clear", "--all"]).exit_code == 0
    assert not fetched.exists()
