"""HTML editions in a real browser (headless Chromium over the DevTools protocol): every
speaker label visible, the CSS-only view switch works by a mouse click, no console error, no
request beyond the file itself. Leaves build/artifacts/<name>-reading.png."""

from __future__ import annotations

import json

import pytest
from chromium_cdp import Browser
from render_helpers import FIXTURES, ROOT_DIR, render_file, seed_edition_path

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT_DIR / "build" / "artifacts"


# name -> (edition, number of turns, of which by "Cde. Mikoyan"); the seed's figures are those
# of ../shared/seed/README.md.
EDITIONS = {"all-elements": (FIXTURES / "all-elements.xml", 12, 3), "seed": (None, 52, 24)}


@pytest.fixture(scope="module", params=sorted(EDITIONS))
def session(request):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    edition, turns, mikoyan = EDITIONS[request.param]
    page = ARTIFACTS / f"{request.param}-reading.html"
    edition = edition or seed_edition_path()
    page.write_text(render_file(edition, "html", "reading", strict=True), encoding="utf-8")
    with Browser(width=1100, height=1500) as browser:
        for domain in ("Page", "Runtime", "Network", "Log"):
            browser.call(f"{domain}.enable")
        browser.call("Emulation.setDeviceMetricsOverride", width=1100, height=1500,
                     deviceScaleFactor=1, mobile=False)
        browser.call("Page.navigate", url=page.as_uri())
        browser.wait_for("Page.loadEventFired")
        browser.screenshot(ARTIFACTS / f"{request.param}-reading.png")
        yield browser, page.as_uri(), (request.param, turns, mikoyan)


def visible_text(browser, selector: str) -> list[str]:
    return browser.evaluate(
        f"Array.from(document.querySelectorAll({json.dumps(selector)}))"
        ".filter(e => e.checkVisibility()).map(e => e.innerText)")


def test_every_speaker_label_is_visible(session) -> None:
    browser, _, (_, turns, mikoyan) = session
    labels = visible_text(browser, ".turn .speaker a")
    assert len(labels) == turns
    assert labels.count("Cde. Mikoyan") == mikoyan
    assert all(label.strip() for label in labels)


def test_the_switch_changes_the_visible_text_of_a_correction(session) -> None:
    browser, _, _ = session
    correction = ("Array.from(document.querySelectorAll('.correction'))"
                  ".find(e => e.textContent.includes('USSSR'))")
    assert browser.evaluate(f"{correction}.innerText") == "USSR"
    browser.click("label[for=view-diplomatic]")
    assert browser.evaluate(f"{correction}.innerText") == "USSSR"
    assert browser.evaluate("document.getElementById('view-diplomatic').checked") is True
    browser.click("label[for=view-reading]")
    assert browser.evaluate(f"{correction}.innerText") == "USSR"


def test_the_page_logs_no_console_error(session) -> None:
    browser, _, _ = session
    browser.evaluate("1")  # flush events that arrived since the last call
    problems = [e for e in browser.events
                if e.get("method") in ("Runtime.exceptionThrown",)
                or (e.get("method") == "Runtime.consoleAPICalled"
                    and e["params"]["type"] in ("error", "warning", "assert"))
                or (e.get("method") == "Log.entryAdded"
                    and e["params"]["entry"]["level"] in ("error", "warning"))]
    assert problems == []


def test_the_page_requests_nothing_but_itself(session) -> None:
    browser, url, _ = session
    browser.evaluate("1")
    requested = {e["params"]["request"]["url"] for e in browser.events
                 if e.get("method") == "Network.requestWillBeSent"}
    assert requested == {url}


def test_a_screenshot_of_the_reading_view_is_kept(session) -> None:
    shot = ARTIFACTS / f"{session[2][0]}-reading.png"
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000
