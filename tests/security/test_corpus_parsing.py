"""Every XML attack of the corpus, straight through `xmlio.parse_xml_file`: refused with the
code EXPECTATIONS.toml names, no secret in any diagnostic, no request to the server.

The same files go through every command in test_attack_corpus.py; this module pins the one
parsing path they all share.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from attack_corpus import (
    PASSWD_MARKER,
    SECRET_MARKER,
    RecordingServer,
    load_corpus,
    materialise,
    plant_secrets,
)

from tei_edition.xmlio import parse_xml_file

CORPUS = load_corpus()
XML_ATTACKS = [a for a in CORPUS.attacks.values() if a.kind in ("tei", "special") and a.parse]


@pytest.fixture(scope="module")
def server():
    with RecordingServer().running() as running:
        yield running


@pytest.fixture(scope="module")
def placed(tmp_path_factory, server):
    work = tmp_path_factory.mktemp("parse-attacks")
    secrets = plant_secrets(work)
    paths = {}
    for attack in XML_ATTACKS:
        placeholders = secrets.placeholders(f"{server.url}/{attack.name}", work / "pwned")
        paths[attack.name] = materialise(attack, work / "c" / attack.name, placeholders)
    return paths


def test_the_corpus_covers_every_threat_the_issue_names() -> None:
    recipes_and_files = {a.recipe or a.file for a in CORPUS.attacks.values()}
    for needed in ("xxe_passwd.xml", "xxe_secret.xml", "parameter_entity.xml",
                   "billion_laughs.xml", "quadratic_blowup", "external_dtd_http.xml",
                   "xinclude_secret.xml", "evil_document.xsl", "evil_exsl_document.xsl",
                   "evil_include_passwd.xsl", "evil_include_relative.xsl",
                   "schema_location", "gzip_bomb", "deep_nesting", "huge_text_node",
                   "invalid_utf8", "bom_disagrees", "noncharacter_fffe", "nul_byte",
                   "transcript_nul", "transcript_invalid_utf8", "transcript_huge_line",
                   "transcript_control_chars"):
        assert needed in recipes_and_files, needed


def test_every_committed_attack_file_is_small() -> None:
    for path in Path(__file__).parent.joinpath("attacks").iterdir():
        assert path.stat().st_size < 16 * 1024, path.name


@pytest.mark.parametrize("attack", XML_ATTACKS, ids=lambda a: a.name)
def test_the_parser_refuses_the_attack_with_its_code(attack, placed, server) -> None:
    tracemalloc.start()
    result = parse_xml_file(placed[attack.name])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.tree is None
    assert [d.code for d in result.diagnostics] == [attack.parse]
    shown = "".join(d.format_text() for d in result.diagnostics)
    assert SECRET_MARKER not in shown and PASSWD_MARKER not in shown
    assert server.requests_for(f"/{attack.name}") == []
    # Python-side allocations stay near the input's own size (no expansion, no inflation).
    size = 0 if attack.special else placed[attack.name].stat().st_size
    assert peak < 3 * size + 16 * 1024 * 1024


def test_the_secret_files_are_really_readable_so_a_leak_would_show(placed) -> None:
    secret = Path(placed["xxe_secret"]).parent.parent.parent / "secret.txt"
    assert SECRET_MARKER in secret.read_text()


def test_the_server_really_counts_requests(server) -> None:
    from urllib.request import urlopen

    with urlopen(f"{server.url}/self-check/probe") as response:
        assert SECRET_MARKER.encode() in response.read()
    assert server.requests_for("/self-check") == ["/self-check/probe"]
