"""The collection pages and the progress display, from records and fakes."""

from __future__ import annotations

import io
import re

from build_fakes import FAKE_STAGES, write_edition

from tei_edition.build import BuildOptions, build_collection
from tei_edition.build.pages import index_page
from tei_edition.build.persons import merge_persons
from tei_edition.build.progress import Progress
from tei_edition.build.records import html_ids


def _record(slug: str, date: str, persons: dict, occurrences: list) -> dict:
    return {
        "slug": slug,
        "title": slug.title(),
        "date": date,
        "date_text": date,
        "participants": [],
        "classification": "",
        "summary": "",
        "persons": persons,
        "occurrences": occurrences,
    }


def test_same_person_id_in_two_editions_is_one_person_with_both_appearances():
    first = _record(
        "a",
        "1960-01-01",
        {"varel": {"names": ["T. Varel"], "roles": []}},
        [{"person": "varel", "kind": "turn", "anchor": "turn-1", "label": "Cde. Varel"}],
    )
    second = _record(
        "b",
        "1955-01-01",
        {"varel": {"names": ["T. Varel"], "roles": []}},
        [
            {"person": "varel", "kind": "turn", "anchor": "turn-4", "label": "VAREL"},
            {"person": "varel", "kind": "mention", "anchor": "mention-2", "label": ""},
        ],
    )
    [person] = merge_persons([first, second])
    assert person.name == "T. Varel"
    assert person.variants == ["Cde. Varel", "VAREL"]
    assert [a.slug for a in person.appearances] == ["b", "a"]  # by date
    assert [len(a.turns) for a in person.appearances] == [1, 1]
    assert len(person.appearances[0].mentions) == 1


def test_a_declared_person_who_never_speaks_is_still_listed():
    record = _record("a", "", {"silent": {"names": ["Silent One"], "roles": ["Counsellor"]}}, [])
    [person] = merge_persons([record])
    assert [a.slug for a in person.appearances] == ["a"] and person.roles == ["Counsellor"]


def test_index_orders_editions_by_date_without_script():
    records = [
        _record("late", "1970-05-01", {}, []),
        _record("early", "1950-05-01", {}, []),
        _record("undated", "", {}, []),
    ]
    rows = re.findall(r'<tr id="ed-([^"]+)"', index_page(records, ["broken"], {}).decode())
    assert rows == ["early", "late", "undated", "broken"]


def test_pages_are_deterministic(tmp_path):
    editions = tmp_path / "editions"
    write_edition(editions, "one", "One\nDate: 1961-02-03\nSmith: Hi.\nJones: Hello.\n")
    write_edition(editions, "two", "Two\nSmith: Again.\n")
    for site in ("a", "b"):
        build_collection(
            BuildOptions(editions, tmp_path / site, jobs=1, write_tei=False), stages=FAKE_STAGES
        )
    for name in ("index.html", "persons.html", "diagnostics.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_persons_page_links_every_turn_to_its_anchor(tmp_path):
    editions = tmp_path / "editions"
    write_edition(editions, "one", "One\nSmith: Hi.\nJones: Hello.\nSmith: Bye.\n")
    build_collection(BuildOptions(editions, tmp_path / "site", jobs=1), stages=FAKE_STAGES)
    persons = (tmp_path / "site" / "persons.html").read_text()
    smith = re.search(r'<section id="person-smith">(.*?)</section>', persons).group(1)
    assert re.findall(r'href="one/index.html#([^"]+)"', smith) == ["t1", "t3"]


def test_progress_on_a_terminal_is_one_redrawn_bar():
    stream = io.StringIO()
    progress = Progress(4, stream=stream, tty=True)
    for slug in "abcd":
        progress.advance(slug)
    progress.close()
    assert "\n" not in stream.getvalue() and "[" + "#" * 30 + "] 4/4" in stream.getvalue()


def test_progress_elsewhere_is_at_most_ten_plain_lines():
    stream = io.StringIO()
    progress = Progress(200, stream=stream, tty=False)
    for number in range(200):
        progress.advance(f"e{number}")
    lines = stream.getvalue().splitlines()
    assert len(lines) == 10 and lines[-1] == "build: 200/200 editions built"


def test_anchors_of_an_edition_page_are_its_ids_and_named_links():
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
        '<div id="turn-1">x</div><section id="person-r\u00e9my"><a name="old-style">y</a></section>'
        '<p id="a&amp;b"></p><p id="">empty</p><span name="not-a-link"></span></body></html>'
    ).encode()
    assert html_ids(page) == {"turn-1", "person-r\u00e9my", "old-style", "a&b"}


def test_a_page_with_nothing_in_it_has_no_anchors():
    assert html_ids(b"") == set()
    assert html_ids(b"  \n") == set()
