"""The HTML reading edition: one self-contained, accessible page carrying both views."""

from __future__ import annotations

import re

import pytest
from lxml import html
from render_helpers import render_file


@pytest.fixture(scope="module")
def page(all_elements):
    return html.document_fromstring(render_file(all_elements, "html", "reading", strict=True))


def test_page_is_html5_with_a_language(all_elements) -> None:
    source = render_file(all_elements, "html")
    assert source.startswith("<!DOCTYPE html>\n<html lang=\"en\">")


def test_page_loads_nothing_from_elsewhere(page) -> None:
    assert page.xpath("//script | //link | //img | //iframe | //object | //@src") == []
    assert "url(" not in page.findtext(".//style") and "@import" not in page.findtext(".//style")


def test_page_has_the_landmarks_and_headings_in_order(page) -> None:
    body = page.find("body")
    landmarks = [child.tag for child in body if child.tag != "input"]
    assert landmarks == ["header", "nav", "main", "footer"]
    levels = [int(h.tag[1]) for h in page.iter("h1", "h2", "h3", "h4")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


def test_every_internal_link_has_a_target(page) -> None:
    ids = set(page.xpath("//@id"))
    targets = [href[1:] for href in page.xpath("//a/@href") if href.startswith("#")]
    assert [t for t in targets if t not in ids] == []


def test_speaker_labels_link_to_their_person(page) -> None:
    labels = page.xpath("//div[@class='turn']/p[@class='speaker']/a")
    assert len(labels) == 12
    assert labels[0].get("href") == "#person-mikoyan"
    assert labels[0].text_content() == "Cde. Mikoyan"


def test_supplied_and_inserted_words_say_whose_intervention_they_are(page) -> None:
    [supplied] = page.xpath("//span[@class='supplied'][.='[it]']")
    assert "Gary Translator" in supplied.get("title")
    inserted = page.xpath("//ins[@class='add']")
    assert len(inserted) == 2 and all("Gary Translator" in i.get("title") for i in inserted)


def test_a_correction_carries_both_readings(page) -> None:
    corrections = page.xpath("//span[@class='correction']")
    [correction] = [c for c in corrections if "USSR" in c.text_content()]
    assert correction.xpath("string(span[@class='v-reading'])") == "USSR"
    assert correction.xpath("string(span[@class='v-diplomatic'])") == "USSSR"
    assert "Anna Example" in correction.get("title")


@pytest.mark.parametrize("view", ["reading", "diplomatic"])
def test_the_chosen_view_is_the_checked_switch(all_elements, view) -> None:
    page = html.document_fromstring(render_file(all_elements, "html", view))
    checked = page.xpath("//input[@name='view'][@checked]/@id")
    assert checked == [f"view-{view}"]


def test_the_switch_is_pure_css(page) -> None:
    style = page.findtext(".//style")
    assert "#view-diplomatic:checked ~ * .v-reading { display: none; }" in style
    assert re.search(r"\.v-diplomatic, \.sep \{ display: none; \}", style)


def test_notes_are_numbered_footnotes_with_back_links(page) -> None:
    notes = page.xpath("//section[@id='notes']/ol/li")
    assert [li.get("id") for li in notes] == [f"note-{n}" for n in range(1, 6)]
    assert all(li.xpath("a[@role='doc-backlink']/@href") == [f"#noteref-{n}"]
               for n, li in enumerate(notes, 1))


def test_header_shows_the_archive_summary_as_the_archives(page) -> None:
    [summary] = page.xpath("//header//section[@class='summary']")
    assert "by Example Archive, not part of the record" in summary.text_content()


def test_header_groups_participants_with_roles(page) -> None:
    groups = page.xpath("//section[@class='participants-panel']//div[@class='group']")
    assert [g.findtext("h3") for g in groups] == ["Soviet side", "The Korean delegation",
                                                 "Other speakers"]
    assert "member of the KWP CC Presidium" in groups[1].text_content()


def test_person_index_links_to_turns_and_mentions(page) -> None:
    [entry] = page.xpath("//li[@id='person-mikoyan']")
    links = entry.xpath(".//a/@href")
    assert "#turn-1" in links and "#mention-1" in links
    [kim] = page.xpath("//li[@id='person-kim-il-sung']")
    assert kim.xpath(".//a/@href") == ["#mention-4"]


def test_html_rendering_is_deterministic(all_elements) -> None:
    assert render_file(all_elements, "html") == render_file(all_elements, "html")
