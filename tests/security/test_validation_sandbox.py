"""Specification of the validators' sandbox (`tei_edition.validation`), attacked directly:
the Schematron layer must not follow a pointer of the document with document(), and the
xmlschema explainer must never fetch what xsi:schemaLocation names.

The validation colleague owns these layers; this module only attacks them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from attack_corpus import ATTACKS, SECRET_MARKER, RecordingServer, plant_secrets

from tei_edition.validation import rules, validate_tree
from tei_edition.xmlio import parse_xml_bytes

# A Schematron whose rule follows each @target pointer with document(): harmless in a trusted
# schema only if the run cannot read files or the network (the same control as XSLT).
FOLLOWING_RULES = """<?xml version="1.0" encoding="UTF-8"?>
<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt">
  <sch:ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
  <sch:pattern>
    <sch:rule context="tei:ref[@target]">
      <sch:report id="rules.followed" role="error" test="true()">followed: <sch:value-of
        select="document(@target)"/></sch:report>
    </sch:rule>
  </sch:pattern>
</sch:schema>
"""


@pytest.fixture(scope="module")
def server():
    with RecordingServer().running() as running:
        yield running


def edition_pointing_at(target: str) -> bytes:
    benign = (ATTACKS / "benign.xml").read_bytes()
    return benign.replace(b"<p>Ordinary text.</p>",
                          f'<p>See <ref target="{target}">this</ref>.</p>'.encode())


def run_following_rules(tmp_path: Path, monkeypatch, target: str) -> list[str]:
    schematron = tmp_path / "following.sch"
    schematron.write_text(FOLLOWING_RULES)
    monkeypatch.setattr(rules, "sch_path", lambda: schematron)
    tree = parse_xml_bytes(edition_pointing_at(target), "pointer.xml").tree
    return [finding.diagnostic.format_text() for finding in rules.check_rules(tree, "pointer.xml")]


def rule_cannot_read_a_local_file(tmp_path: Path, monkeypatch, server) -> None:
    secret = plant_secrets(tmp_path / "secrets").folder / "secret.xml"
    lines = run_following_rules(tmp_path, monkeypatch, secret.as_uri())
    assert lines, "the rule did not run at all, so the test proves nothing"
    assert not any(SECRET_MARKER in line for line in lines), lines


def rule_cannot_fetch_a_url(tmp_path: Path, monkeypatch, server) -> None:
    lines = run_following_rules(tmp_path, monkeypatch, f"{server.url}/schematron/doc.xml")
    assert server.requests_for("/schematron") == []
    assert lines and not any(SECRET_MARKER in line for line in lines), lines


SCHEMATRON_ATTACKS = {
    "schematron-document-local-file": rule_cannot_read_a_local_file,
    "schematron-document-url": rule_cannot_fetch_a_url,
}
# attack -> why it still fails; asserted to STILL fail, so a fix is noticed. (Both attacks
# failed until the rules layer ran its validator XSLT under DENY_ALL, commit cdd1cc2.)
KNOWN_VULNERABLE: dict[str, str] = {}


@pytest.mark.parametrize("attack", sorted(SCHEMATRON_ATTACKS))
def test_schematron_rules_run_without_file_or_network_access(attack, tmp_path, monkeypatch,
                                                             server) -> None:
    check = SCHEMATRON_ATTACKS[attack]
    if attack in KNOWN_VULNERABLE:
        with pytest.raises(Exception):  # noqa: B017 (an assertion or the escaping error)
            check(tmp_path, monkeypatch, server)
    else:
        check(tmp_path, monkeypatch, server)


def test_the_schema_explainer_never_fetches_the_schema_location(server) -> None:
    """An invalid edition is explained by xmlschema; its xsi:schemaLocation must be ignored."""
    benign = (ATTACKS / "benign.xml").read_bytes()  # invalid: p directly in body
    data = benign.replace(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0">',
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0" '
        b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        + f'xsi:schemaLocation="http://www.tei-c.org/ns/1.0 {server.url}/xsd/tei.xsd" '
          f'xsi:noNamespaceSchemaLocation="{server.url}/xsd/none.xsd">'.encode())
    tree = parse_xml_bytes(data, "located.xml").tree
    diagnostics = validate_tree(tree, "located.xml", profile="project")
    assert any(d.code.startswith("schema.") for d in diagnostics), diagnostics
    assert server.requests_for("/xsd") == []
