"""Synthetic TEI P5 documents with long lists, for tests and benchmarks of conformance speed.

This module owns deterministic generators of documents that stress a RELAX NG validator: a
`listPerson` with thousands of `person`s, a `listBibl` with thousands of `bibl`s (TEI P5
§13.3.2, §3.12.1), and editions of a given size. It must not validate anything or write files.
Every document is valid against tei_all.rng unless ``break_it`` asks for one known error.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

TEI_NS = "http://www.tei-c.org/ns/1.0"

_HEADER = """<teiHeader>
<fileDesc>
<titleStmt><title>{title}</title></titleStmt>
<publicationStmt><p>Synthetic test document made by tei-edition.</p></publicationStmt>
<sourceDesc><p>Generated; no source.</p></sourceDesc>
</fileDesc>
{profile}</teiHeader>
"""


def _document(title: str, profile: str, body: str, back: str = "") -> bytes:
    header = _HEADER.format(title=escape(title), profile=profile)
    text = f"<text>\n<body>\n{body}</body>\n{back}</text>\n"
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="{TEI_NS}">\n'
            f"{header}{text}</TEI>\n").encode()


def person_list_document(count: int, break_it: bool = False) -> bytes:
    """A TEI document whose particDesc lists ``count`` persons (TEI P5 §15.2.2).

    ``break_it`` puts a `placeName` directly in the list after the middle person, which
    listPerson does not allow."""
    people: list[str] = []
    for number in range(1, count + 1):
        people.append(f'<person xml:id="p{number}" sex="{"FEMALE" if number % 2 else "MALE"}">'
                      f"<persName>Person {number}</persName></person>\n")
        if break_it and number == count // 2 + 1:
            people.append("<placeName>Nowhere</placeName>\n")
    profile = ("<profileDesc>\n<particDesc>\n<listPerson>\n" + "".join(people)
               + "</listPerson>\n</particDesc>\n</profileDesc>\n")
    return _document(f"{count} persons", profile, "<p>A list of persons.</p>\n")


def bibl_list_document(count: int, break_it: bool = False) -> bytes:
    """A TEI document whose back matter holds a listBibl of ``count`` bibl entries, with a
    milestone every 100 entries (TEI P5 §3.12.1). ``break_it`` adds a `p` inside the list."""
    entries: list[str] = ["<head>Works cited</head>\n"]
    for number in range(1, count + 1):
        year = 1800 + number % 200
        entries.append(f'<bibl xml:id="b{number}"><author>Author {number}</author>, '
                       f"<title>Work {number}</title>, <date>{year}</date>.</bibl>\n")
        if number % 100 == 0:
            entries.append(f'<milestone unit="page" n="{number // 100}"/>\n')
        if break_it and number == count // 2 + 1:
            entries.append("<p>Not an entry.</p>\n")
    back = "<back>\n<div>\n<listBibl>\n" + "".join(entries) + "</listBibl>\n</div>\n</back>\n"
    return _document(f"{count} works", "", "<p>A bibliography follows.</p>\n", back)


def edition_of_size(target_bytes: int) -> bytes:
    """A drama-like TEI document of about ``target_bytes`` (scenes of speeches, TEI P5 §7.2)."""
    scenes: list[str] = []
    size = 0
    number = 0
    while size < target_bytes:
        number += 1
        speeches = "".join(
            f'<sp who="#s{turn % 3}"><speaker>Speaker {turn % 3}</speaker>'
            f"<p>Line {turn} of scene {number}: words, words, words.</p>"
            f"<stage>pauses</stage></sp>\n" for turn in range(20))
        scene = f'<div type="scene" n="{number}">\n<head>Scene {number}</head>\n{speeches}</div>\n'
        scenes.append(scene)
        size += len(scene)
    return _document(f"about {target_bytes} bytes", "", "".join(scenes))
