"""Specification of conformance/prefetch.py: tei_all.rng read in the background while the
command loads, handed to the engine once, and never changing a verdict."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conformance_support import TEI_ALL
from lxml import etree

from tei_edition.conformance import grammar, prefetch

VALID = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
<titleStmt><title>T</title></titleStmt><publicationStmt><p>P</p></publicationStmt>
<sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>
<text><body><sp who="#a"><speaker>A</speaker><p>Words.</p></sp></body></text></TEI>"""
INVALID = VALID.replace(b"<p>Words.</p></sp>", b"<p>Words.</p></sp><speaker>B</speaker>")


def test_a_prefetched_schema_is_the_file_s_bytes_and_their_tree() -> None:
    prefetch.start(TEI_ALL)
    data, parsed = prefetch.take(TEI_ALL)
    assert data == TEI_ALL.read_bytes()
    root = parsed()
    assert root.tag == f"{{{grammar.RNG_NS}}}grammar"
    assert etree.tostring(root) == etree.tostring(grammar.parse_schema(data))


def test_a_reading_is_handed_over_once() -> None:
    prefetch.start(TEI_ALL)
    assert prefetch.take(TEI_ALL) is not None
    assert prefetch.take(TEI_ALL) is None


def test_nothing_is_offered_without_a_reading() -> None:
    assert prefetch.take(TEI_ALL.with_name("never-started.rng")) is None


def test_nothing_is_offered_for_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    missing = tmp_path / "missing.rng"
    prefetch.start(missing)
    assert prefetch.take(missing) is None


def test_a_schema_that_is_not_xml_is_offered_unparsed(tmp_path: Path) -> None:
    broken = tmp_path / "broken.rng"
    broken.write_bytes(b"<grammar")
    prefetch.start(broken)
    data, parsed = prefetch.take(broken)
    assert data == b"<grammar" and parsed() is None


# The engine keeps one Schema per file and process, so the prefetched route is judged in
# fresh processes, each with an empty grammar cache.
_JUDGE = """
import json, sys
from lxml import etree
from tei_edition.conformance import check_conformance, prefetch
if sys.argv[3] == "prefetch":
    prefetch.start(sys.argv[1])
tree = etree.ElementTree(etree.fromstring(open(sys.argv[2], "rb").read()))
found = check_conformance(tree, sys.argv[2], sys.argv[1])
print(json.dumps([[d.severity.name, d.code, d.line] for d in found]))
"""


def _judged(document: Path, route: str, cache: Path) -> list:
    env = {**os.environ, "TEI_EDITION_CACHE_DIR": str(cache)}
    run = subprocess.run([sys.executable, "-c", _JUDGE, str(TEI_ALL), str(document), route],
                         capture_output=True, text=True, env=env, check=True, timeout=120)
    return json.loads(run.stdout)


def test_the_verdicts_are_the_same_with_and_without_a_prefetch(tmp_path: Path) -> None:
    for name, data in (("valid.xml", VALID), ("invalid.xml", INVALID)):
        document = tmp_path / name
        document.write_bytes(data)
        verdicts = [_judged(document, route, tmp_path / f"cache-{name}-{route}")
                    for route in ("prefetch", "plain")]
        assert verdicts[0] == verdicts[1]
        assert (verdicts[0] == []) == (name == "valid.xml")
