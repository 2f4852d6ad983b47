"""The batch route: one grammar reduced to the union of several files' names, judged in
chunked workers with a deadline per file, gives each file its single-document verdict."""

from __future__ import annotations

import time

from conformance_support import CORPUS, TEI_ALL

from tei_edition.conformance import batch, engine, workers
from tei_edition.conformance.synthetic import person_list_document
from tei_edition.xmlio import parse_xml_bytes

TEI = "http://www.tei-c.org/ns/1.0"


def test_chunks_are_balanced_by_weight_and_keep_input_order():
    chunks = workers.balanced_chunks([10, 1, 1, 1, 9, 2], jobs=2)
    assert sorted(i for chunk in chunks for i in chunk) == [0, 1, 2, 3, 4, 5]
    assert all(chunk == sorted(chunk) for chunk in chunks)
    assert sorted(sum([10, 1, 1, 1, 9, 2][i] for i in chunk) for chunk in chunks) == [12, 12]


def test_never_more_chunks_than_items():
    assert workers.balanced_chunks([5], jobs=4) == [[0]]


def _squares(chunk, send):
    for n in chunk:
        send(workers.Outcome("ok", n * n))


def test_chunked_results_come_back_in_item_order():
    outcomes = workers.run_chunked(list(range(7)), [1] * 7, jobs=2, timeout=30,
                                   run_chunk=_squares)
    assert [o.value for o in outcomes] == [0, 1, 4, 9, 16, 25, 36]


def _hangs_on_two(chunk, send):
    for n in chunk:
        if n == 2:
            time.sleep(60)
        send(workers.Outcome("ok", n))


def test_an_item_past_its_deadline_times_out_and_the_rest_of_its_chunk_is_judged():
    started = time.monotonic()
    outcomes = workers.run_chunked([1, 2, 3, 4], [1] * 4, jobs=1, timeout=0.5,
                                   run_chunk=_hangs_on_two)
    assert time.monotonic() - started < 30
    assert [o.status for o in outcomes] == ["ok", "timeout", "ok", "ok"]
    assert [o.value for o in outcomes if o.status == "ok"] == [1, 3, 4]


def test_scanned_names_cover_prefixed_and_default_namespace_tags():
    data = b'<TEI xmlns="x"><tei:persName xmlns:tei="y"/><!-- <p> --></TEI>'
    assert batch.local_names_in(data) == {b"TEI", b"persName", b"p"}


def test_scanned_attributes_cover_every_attribute_in_every_bound_namespace():
    data = (b'<TEI xmlns="x" xmlns:f=\'urn:f\'><p rend="a>b" n = "1" f:key="k"\n'
            b'xml:id="p1"/><lb/></TEI>')
    found = batch.attribute_names_in(data)
    for local in (b"rend", b"n", b"key", b"id"):
        for namespace in (b"", b"urn:f", b"http://www.w3.org/XML/1998/namespace"):
            assert (namespace, local) in found


def test_union_names_are_every_grammar_element_with_those_local_names(schema):
    names = batch.union_names(schema, {b"persName", b"noSuchElement"})
    assert names == frozenset({(TEI, "persName")})


def test_a_rejection_by_the_union_grammar_gets_the_single_document_verdict(schema):
    broken = parse_xml_bytes(person_list_document(5, break_it=True), "broken.xml").tree
    single = engine.judge(broken, schema)
    batched = engine.judge_rejected(broken, schema)
    assert not batched.valid and not single.valid
    assert batched.errors == single.errors


def test_the_union_grammar_accepts_a_valid_document_it_covers(schema, tmp_path):
    valid = tmp_path / "valid.xml"
    valid.write_bytes(person_list_document(5))
    play = sorted(CORPUS.glob("gerdracor__*.xml"))[1]
    grammar = batch.union_grammar(schema, [str(valid), str(play)])
    assert grammar is not None
    assert grammar.validate(parse_xml_bytes(valid.read_bytes(), "valid.xml").tree)


def _diagnostic_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith("validated ")]


def test_validate_over_many_files_prints_what_one_by_one_prints(runner):
    from tei_edition.cli import cli

    files = [str(path) for path in sorted(CORPUS.glob("eltec__ENG18*.xml"))[:4]]
    command = ["validate", "--profile", "tei", "--tei-all", str(TEI_ALL)]
    one_by_one = [line for f in files
                  for line in _diagnostic_lines(runner.invoke(cli, [*command, f]).stderr)]
    together = runner.invoke(cli, [*command, "-j", "2", *files])
    assert one_by_one and _diagnostic_lines(together.stderr) == one_by_one
    assert together.exit_code == 1
