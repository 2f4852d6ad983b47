"""Helpers of the render tests: the one transcript normalisation, rendering shortcuts."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from tei_edition.render import render_tree
from tei_edition.xmlio import parse_xml_file

ROOT_DIR = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"

_SPACE_AFTER_SEPARATOR = re.compile(r"^(.{1,80}? (?:-|–|—|--)|[^:]{1,60}:) [\s\u00a0]+(?=\S)")

# Each normalisation step, and words of which one must occur in the editorialDecl/normalization
# paragraph that declares it (docs/encoding.md §6).
DECLARATIONS = {
    "bom": ("byte order mark",),
    "line-ends": ("crlf", "line end"),
    "tabs": ("tab",),
    "leading-space": ("start of lines", "start of a line", "leading"),
    "trailing-space": ("end of lines", "end of a line", "trailing"),
    "blank-lines": ("u+00a0", "only whitespace"),
    "empty-runs": ("several empty lines", "runs of"),
    "separator-space": ("separator",),
}


def normalise_transcript(text: str) -> tuple[str, set[str]]:
    """The transcript after the normalisation docs/encoding.md §6 allows, and the steps that
    changed something (the caller checks that the edition declares each of them): BOM dropped,
    CRLF/CR to LF, tabs to spaces, leading and trailing whitespace of each line removed,
    whitespace-only and U+00A0-only lines empty, runs of empty lines one, whitespace between
    a speaker separator and the speech one space. Nothing else (no case, no punctuation)."""
    applied: set[str] = set()

    def step(name: str, before: str, after: str) -> str:
        if before != after:
            applied.add(name)
        return after

    text = step("bom", text, text.removeprefix("\ufeff"))
    text = step("line-ends", text, text.replace("\r\n", "\n").replace("\r", "\n"))
    text = step("tabs", text, text.replace("\t", " "))
    lines: list[str] = []
    for line in text.split("\n"):
        if line.strip(" \u00a0") == "":
            line = step("blank-lines" if "\u00a0" in line else "trailing-space", line, "")
        else:
            line = step("leading-space", line, line.lstrip(" \u00a0"))
            line = step("trailing-space", line, line.rstrip(" \u00a0"))
            line = step("separator-space", line, _SPACE_AFTER_SEPARATOR.sub(r"\1 ", line))
        if line or (lines and lines[-1]):
            lines.append(line)
        elif lines:
            applied.add("empty-runs")
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n", applied


def undeclared_normalisations(applied: set[str], tree) -> list[str]:
    """Steps of `normalise_transcript` that the edition's editorialDecl does not declare."""
    declared = " ".join(tree.xpath("//tei:editorialDecl/tei:normalization//text()",
                                   namespaces={"tei": "http://www.tei-c.org/ns/1.0"})).lower()
    return sorted(name for name in applied
                  if not any(word in declared for word in DECLARATIONS[name]))


def render_file(path: Path, to: str, view: str = "reading", **options) -> str:
    parsed = parse_xml_file(path)
    assert parsed.tree is not None, parsed.diagnostics
    data, diagnostics = render_tree(parsed.tree, to=to, view=view, **options)
    assert data is not None, diagnostics
    assert diagnostics == [], diagnostics
    return data.decode("utf-8")



# Letters and digits apart, so that a glued foot-note mark ("and2") counts as two words.
_WORD = re.compile(r"[^\W\d_]+|\d+")


def words(text: str) -> Counter[str]:
    """The words of a text with their counts (letters and digits; punctuation ignored)."""
    return Counter(_WORD.findall(text))


def missing_words(source: str, rendered: str) -> Counter[str]:
    """Words of ``source`` that ``rendered`` lacks (or has fewer times)."""
    return words(source) - words(rendered)


_TEI = {"t": "http://www.tei-c.org/ns/1.0"}
_LAST_WORD = re.compile(r"(?:[^\W\d_]+|\d+)$")
_FIRST_WORD = re.compile(r"^(?:[^\W\d_]+|\d+)")


def glued_label_words(tree) -> Counter[str]:
    """Source words that a label glued to its speech made ("§ Madam SpeakerThe hon. Lady":
    `SpeakerThe`), mapped to the two words the HTML shows apart (the label in its own
    element): +1 for each part, -1 for the glued word. Only turns whose separator is none
    (sep-none, the label not on a line of its own); both sides letters, or both digits."""
    change: Counter[str] = Counter()
    for sp in tree.iterfind(".//t:body//t:sp", _TEI):
        tokens = (sp.get("rend") or "").split()
        speaker, speech = sp.find("t:speaker", _TEI), sp.find("t:p", _TEI)
        if "sep-none" not in tokens or "label-line" in tokens or speaker is None or \
                speech is None:
            continue
        last = _LAST_WORD.search("".join(speaker.itertext()))
        first = _FIRST_WORD.search("".join(speech.itertext()))
        if last and first and last.group().isdigit() == first.group().isdigit():
            change[last.group()] += 1
            change[first.group()] += 1
            change[last.group() + first.group()] -= 1
    return change


def words_apart_at_glued_labels(source: str, tree) -> Counter[str]:
    """The words of ``source`` with each glued label word counted as its two parts."""
    counted = words(source)
    counted.update(glued_label_words(tree))
    return +counted


def html_text_content(page: str) -> str:
    from lxml import html

    document = html.document_fromstring(page)
    for style in document.iter("style", "title"):
        style.getparent().remove(style)
    # Elements are joined with a space: text_content() would glue "Top Secret" to the next
    # block's first word.
    return " ".join(document.itertext())


SHARED_DIR = ROOT_DIR.parent / "shared"
SEED_TRANSCRIPT = SHARED_DIR / "seed" / "000_4ab801c5d78d1cdd.txt"
SAMPLES_DIR = SHARED_DIR / "samples"


def seed_edition_path() -> Path:
    """The project's seed edition: the editions/<slug>/<slug>.xml beside a copy of the seed."""
    seed = SEED_TRANSCRIPT.read_bytes()
    found = [txt.with_suffix(".xml") for txt in sorted((ROOT_DIR / "editions").glob("*/*.txt"))
             if txt.read_bytes() == seed]
    assert found and found[0].is_file(), "no seed edition in editions/ (tei-edition convert)"
    return found[0]
