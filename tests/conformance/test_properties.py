"""Property: on random small TEI documents the fast path's verdict is the full grammar's, and
(on a fixed sample) jing's."""

from __future__ import annotations

import random

from conformance_support import jing_rejected
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tei_edition.conformance import engine
from tei_edition.xmlio import parse_xml_bytes

# What may contain what, roughly as TEI P5 prose, drama and verse do (§3, §7.2, §6); a
# generated document follows it except where a mutation draws any name, "bogus" included.
CONTENT = {
    "body": ["div", "p", "sp", "lg", "list", "ab", "head"],
    "div": ["head", "p", "sp", "lg", "div", "stage", "list"],
    "p": ["TEXT", "hi", "persName", "lb", "note", "date", "name", "emph", "pb"],
    "ab": ["TEXT", "hi", "lb"],
    "sp": ["speaker", "p", "l", "stage", "lg"],
    "lg": ["l", "head"],
    "l": ["TEXT", "hi", "lb", "persName"],
    "list": ["item", "head"],
    "item": ["TEXT", "hi", "p"],
    "hi": ["TEXT", "hi", "emph"],
    "emph": ["TEXT"], "speaker": ["TEXT"], "head": ["TEXT", "hi"], "stage": ["TEXT", "hi"],
    "note": ["TEXT", "p"], "persName": ["TEXT"], "name": ["TEXT"], "date": ["TEXT"],
    "lb": [], "pb": [], "bogus": ["TEXT"],
}
NAMES = sorted(CONTENT)
ATTRIBUTES = [("xml:id", "a"), ("n", "1"), ("type", "scene"), ("who", "#a"), ("rend", "i"),
              ("when", "1999-02-30"), ("when", "1801"), ("sex", "F"), ("foo", "bar")]


def sample(rng: random.Random, parent: str = "body", depth: int = 0) -> list:
    """Random children for ``parent``: mostly as CONTENT says, sometimes anything."""
    allowed = CONTENT[parent]
    children: list = []
    for _ in range(rng.randint(1 if parent == "body" else 0, 3 if allowed else 0)):
        name = rng.choice(NAMES) if rng.random() < 0.08 else rng.choice(allowed)
        if name == "TEXT" or depth > 3:
            children.append("some text")
            continue
        attributes = tuple(dict(rng.sample(ATTRIBUTES, rng.choice([0, 0, 0, 1, 2]))).items())
        children.append((name, attributes, sample(rng, name, depth + 1)))
    return children


def render(node, ids: list[int]) -> str:
    if isinstance(node, str):
        return node
    name, attributes, children = node
    attrs = ""
    for key, value in attributes:
        if key == "xml:id":  # unique, or the parser (rightly) refuses the document
            ids.append(len(ids))
            value = f"{value}-{len(ids)}"
        attrs += f' {key}="{value}"'
    return f"<{name}{attrs}>{''.join(render(child, ids) for child in children)}</{name}>"


def document(body: list) -> bytes:
    ids: list[int] = []
    return ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
            "<title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt>"
            "<sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body>"
            + "".join(render(node, ids) for node in body) + "</body></text></TEI>").encode()


@settings(max_examples=100, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_fast_verdict_equals_full_grammar_verdict(schema, full_grammar, rng):
    tree = parse_xml_bytes(document(sample(rng)), "generated.xml").tree
    assert engine.judge(tree, schema).valid == full_grammar.validate(tree)


def test_generated_documents_include_valid_and_invalid_ones(schema):
    rng = random.Random(7)
    verdicts = [engine.judge(parse_xml_bytes(document(sample(rng)), "g").tree, schema).valid
                for _ in range(40)]
    assert 5 <= verdicts.count(True) <= 35


def test_fast_verdicts_equal_jings_on_a_fixed_sample(schema, tmp_path):
    rng = random.Random(2026)
    paths = []
    for number in range(40):
        path = tmp_path / f"g{number:02}.xml"
        path.write_bytes(document(sample(rng)))
        paths.append(path)
    rejected_by_jing = jing_rejected(paths)
    fast = {path.name for path in paths
            if not engine.judge(parse_xml_bytes(path.read_bytes(), path.name).tree,
                                schema).valid}
    assert fast == rejected_by_jing
    assert 0 < len(rejected_by_jing) < len(paths)
