"""Fake stages for the build's orchestration tests: tiny, deterministic, importable by workers.

A transcript line "Name: words" is a turn of person `name`; the first line is the title. A
line with "[" but no "]" is an error in this fake (the real converter keeps such a bracket as
text with a warning; the build tests only need some input that stops a conversion). The fake
renderer gives each turn the HTML id of its TEI xml:id, as the real one does.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

from lxml import etree

from tei_edition.build import Stages
from tei_edition.build.stages import metadata_tei_policy
from tei_edition.diagnostics import Diagnostic, Severity
from tei_edition.xmlio import TEI_NS, XML_NS

T = f"{{{TEI_NS}}}"


def _sub(parent, tag, text=None, **attrs):
    element = etree.SubElement(
        parent,
        T + tag,
        {k.replace("_", ":") if k != "xml_id" else f"{{{XML_NS}}}id": v for k, v in attrs.items()},
    )
    element.text = text
    return element


def fake_convert(transcript: Path, metadata: Path | None):
    try:
        lines = transcript.read_bytes().decode("utf-8").splitlines()
    except UnicodeDecodeError as error:
        return None, [
            Diagnostic(
                str(transcript),
                1,
                error.start + 1,
                Severity.ERROR,
                "transcript.undecodable",
                "not UTF-8",
            )
        ]
    diagnostics = [
        Diagnostic(
            str(transcript),
            n,
            line.index("[") + 1,
            Severity.ERROR,
            "transcript.unclosed-bracket",
            "[ without ]",
        )
        for n, line in enumerate(lines, 1)
        if "[" in line and "]" not in line
    ]
    root = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    header = _sub(root, "teiHeader")
    title_stmt = _sub(_sub(header, "fileDesc"), "titleStmt")
    _sub(title_stmt, "title", lines[0] if lines else "untitled")
    profile = _sub(header, "profileDesc")
    date = next((line[6:] for line in lines if line.startswith("Date: ")), None)
    if date:
        _sub(_sub(profile, "creation"), "date", date, when=date)
    people = _sub(_sub(profile, "particDesc"), "listPerson", type="delegation")
    body = _sub(_sub(root, "text"), "body")
    declared: set[str] = set()
    for number, line in enumerate(lines[1:], 1):
        if ": " not in line or line.startswith("Date: "):
            continue
        label, speech = line.split(": ", 1)
        key = label.lower().replace(" ", "-")
        if key not in declared:
            declared.add(key)
            _sub(_sub(people, "person", xml_id=key), "persName", label)
        sp = _sub(body, "sp", who=f"#{key}", xml_id=f"t{number}")
        _sub(sp, "speaker", label)
        _sub(sp, "p", speech)
    return root.getroottree(), diagnostics


def fake_validate(tree, path: str, profile: str, tei_all):
    title = tree.getroot().findtext(f".//{T}title") or ""
    if "INVALID" in title:
        return [Diagnostic(path, 1, 1, Severity.ERROR, "fake.invalid", "title says INVALID")]
    return []


def fake_render(tree, to: str, view: str):
    title = tree.getroot().findtext(f".//{T}title") or ""
    if "INTERRUPT" in title and view == "diplomatic":
        raise KeyboardInterrupt
    if "SIGINT" in title and view == "diplomatic" and multiprocessing.parent_process() is not None:
        os.kill(os.getppid(), signal.SIGINT)  # Ctrl-C reaching the build's main process
    if "EXIT" in title and multiprocessing.parent_process() is not None:
        os._exit(1)  # a worker process dying (killed, out of memory)
    if "CRASH" in title:
        raise RuntimeError("renderer bug")
    turns = tree.getroot().iter(T + "sp")
    if to == "text":
        lines = [title] + [f"{sp.findtext(T + 'speaker')}: {sp.findtext(T + 'p')}" for sp in turns]
        return ("\n".join(lines) + "\n").encode(), []
    html = etree.Element("html")
    body = etree.SubElement(html, "body")
    etree.SubElement(body, "h1").text = title
    for sp in turns:
        etree.SubElement(body, "div", id=sp.get(f"{{{XML_NS}}}id")).text = sp.findtext(T + "p")
    return etree.tostring(html, method="html"), []


# the metadata policy is the real one: it reads one TOML key and needs no other stage
FAKE_STAGES = Stages(
    convert=fake_convert,
    tei_policy=metadata_tei_policy,
    validate=fake_validate,
    render=fake_render,
    # the build's own code and these fakes decide the outputs; the real stages' code does not
    code=("tei_edition.build", "build_fakes"),
)


def write_edition(
    editions: Path, slug: str, text: str | bytes, metadata: str | None = None
) -> Path:
    folder = editions / slug
    folder.mkdir(parents=True, exist_ok=True)
    data = text.encode() if isinstance(text, str) else text
    (folder / f"{slug}.txt").write_bytes(data)
    if metadata is not None:
        (folder / f"{slug}.toml").write_text(metadata, encoding="utf-8")
    return folder


def write_collection(editions: Path, count: int) -> list[str]:
    slugs = []
    for n in range(count):
        slug = f"ed-{n:03d}"
        write_edition(
            editions,
            slug,
            f"Meeting {n}\nDate: 1960-01-{n % 28 + 1:02d}\n"
            f"Smith: Hello number {n}.\nJones: Reply {n}.\n"
            f"Person {n % 3}: Aside.\n",
        )
        slugs.append(slug)
    return slugs
