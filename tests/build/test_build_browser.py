"""The collection page in a real browser (headless Chromium): the rows come in date order, the
script makes the column heads buttons, a click on one sorts by that column and a second click
reverses it, and the page logs no error. The DevTools client is the render tests'
(tests/render/chromium_cdp.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from build_fakes import FAKE_STAGES, write_edition

from tei_edition.build import BuildOptions, build_collection

pytestmark = pytest.mark.browser


def _chromium_client():
    path = Path(__file__).resolve().parents[1] / "render" / "chromium_cdp.py"
    spec = importlib.util.spec_from_file_location("chromium_cdp", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("chromium_cdp", module)
    spec.loader.exec_module(module)
    return module


ROW_IDS = "Array.from(document.querySelectorAll('tbody tr')).map(r => r.id)"


@pytest.fixture(scope="module")
def index_page(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    for slug, title, date in (
        ("b", "Beta", "1962-01-01"),
        ("a", "Gamma", "1950-01-01"),
        ("c", "Alpha", "1971-01-01"),
    ):
        write_edition(root / "editions", slug, f"{title}\nDate: {date}\nSmith: Hi.\n")
    build_collection(
        BuildOptions(root / "editions", root / "site", jobs=1, write_tei=False), stages=FAKE_STAGES
    )
    return root / "site" / "index.html"


def test_click_on_a_column_head_sorts_and_a_second_click_reverses(index_page):
    with _chromium_client().Browser() as browser:
        for domain in ("Page", "Runtime", "Log"):
            browser.call(f"{domain}.enable")
        browser.call("Page.navigate", url=index_page.as_uri())
        browser.wait_for("Page.loadEventFired")
        assert browser.evaluate(ROW_IDS) == ["ed-a", "ed-b", "ed-c"]  # by date, without a click
        browser.click("thead th:nth-child(2) button")
        assert browser.evaluate(ROW_IDS) == ["ed-c", "ed-b", "ed-a"]  # Alpha, Beta, Gamma
        browser.click("thead th:nth-child(2) button")
        assert browser.evaluate(ROW_IDS) == ["ed-a", "ed-b", "ed-c"]
        errors = [
            e
            for e in browser.events
            if e.get("method") == "Runtime.exceptionThrown"
            or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")
        ]
        assert errors == []
