"""Worker processes with deadlines: a hang becomes tei.timeout, never a hung command."""

from __future__ import annotations

import time

from tei_edition.conformance import _outcome_diagnostics, deadline, workers
from tei_edition.diagnostics import Severity


def _fails_on_two(chunk, send):
    for n in chunk:
        if n == 2:
            raise RuntimeError("worker broke")
        send(workers.Outcome("ok", n))


def test_a_worker_that_dies_fails_its_item_and_the_rest_of_its_chunk_is_judged():
    outcomes = workers.run_chunked([1, 2, 3], [1] * 3, jobs=1, timeout=30,
                                   run_chunk=_fails_on_two)
    assert [o.status for o in outcomes] == ["ok", "failed", "ok"]
    assert "without a result" in outcomes[1].value


def test_timeout_becomes_a_fatal_tei_timeout_diagnostic():
    [diagnostic] = _outcome_diagnostics("a.xml", deadline.Outcome("timeout"), 2.5)
    assert diagnostic.code == "tei.timeout" and diagnostic.severity is Severity.FATAL
    assert "2.5 s" in diagnostic.message


def test_timeout_setting_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(deadline.TIMEOUT_ENV, "7")
    assert deadline.default_timeout() == 7.0
    monkeypatch.setenv(deadline.TIMEOUT_ENV, "soon")
    assert deadline.default_timeout() == deadline.DEFAULT_TIMEOUT_S


def test_a_thread_past_its_deadline_gives_a_timeout():
    started = time.monotonic()
    assert deadline.run_in_thread(lambda: time.sleep(30), timeout=0.3).status == "timeout"
    assert time.monotonic() - started < 10


def test_a_thread_within_its_deadline_gives_its_result():
    assert deadline.run_in_thread(lambda: "done", timeout=30) == deadline.Outcome("ok", "done")


def test_check_conformance_reports_a_timeout_as_fatal(monkeypatch):
    from conformance_support import TEI_ALL

    from tei_edition import conformance
    from tei_edition.conformance.synthetic import person_list_document
    from tei_edition.xmlio import parse_xml_bytes

    monkeypatch.setattr(conformance, "_judge_tree", lambda *args: time.sleep(30))
    tree = parse_xml_bytes(person_list_document(3), "slow.xml").tree
    [diagnostic] = conformance.check_conformance(tree, "slow.xml", TEI_ALL, timeout=0.3)
    assert diagnostic.code == "tei.timeout" and diagnostic.severity is Severity.FATAL
