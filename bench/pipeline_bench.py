"""Benchmarks of the other stages: project-schema validation against lxml's XMLSchema alone,
convert throughput, render against the floor of lxml parse+serialise, build -j1 against -j2.

This module owns those rows and the generated inputs they need (a ~1 MB transcript made by
repeating the seed edition's turns; copies of the seed edition). A stage that does not exist
in this checkout gives a row saying so instead of a figure.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import time
from pathlib import Path

from bench.conformance_bench import environment, tei_edition_command
from bench.measure import run_median, run_once
from bench.registry import Context, Row, benchmark

_XSD_ALONE = """
import sys
from lxml import etree
schema = etree.XMLSchema(etree.parse(sys.argv[1]))
document = etree.parse(sys.argv[2])
sys.exit(0 if schema.validate(document) else 1)
"""


def _missing(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is None
    except ModuleNotFoundError:
        return True


def seed_edition(ctx: Context) -> Path | None:
    found = sorted((ctx.root / "editions").glob("*/*.xml"))
    return found[0] if found else None


def big_transcript(ctx: Context, target_bytes: int) -> tuple[str, Path] | None:
    """The seed transcript with its turns repeated until it has about ``target_bytes``."""
    seed = seed_edition(ctx)
    if seed is None:
        return None
    text = seed.with_suffix(".txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    turns = [line for line in lines if line.startswith("Cde. ") and " - " in line]
    head = "\n".join(lines[: lines.index(turns[0])]) + "\n" if turns else text
    body: list[str] = []
    size = len(head)
    while turns and size < target_bytes:
        for turn in turns:
            body.append(turn + "\n \n")
            size += len(turn) + 3
    return head + "".join(body), seed.with_suffix(".toml")


def one_megabyte_edition(ctx: Context) -> Path | None:
    """The seed edition grown to about 1 MB of TEI (the TEI is ~2x its transcript)."""
    existing = ctx.scratch / "edition-1mb.xml"
    if existing.is_file():
        return existing
    made = big_transcript(ctx, 500_000)
    if made is None or _missing("tei_edition.convert"):
        return None
    from tei_edition.convert import convert_text, load_metadata
    from tei_edition.xmlio import serialize

    text, toml = made
    metadata, _ = load_metadata(toml)
    result = convert_text(text, source_path="big.txt", metadata=metadata)
    if result.tree is None:
        ctx.notes.append("the 1 MB transcript did not convert: "
                         + "; ".join(d.format_text() for d in result.diagnostics[:3]))
        return None
    path = ctx.scratch / "edition-1mb.xml"
    path.write_bytes(serialize(result.tree))
    return path


@benchmark("project-schema")
def project_schema(ctx: Context) -> list[Row]:
    xsd = ctx.root / "schema" / "tei-edition.xsd"
    if not xsd.is_file():
        return [Row("project schema", None, note="schema/tei-edition.xsd does not exist yet")]
    rows = []
    for label, path in (("seed edition", seed_edition(ctx)),
                        ("1 MB edition", one_megabyte_edition(ctx))):
        if path is None:
            rows.append(Row(f"project profile: {label}", None, note="input not available"))
            continue
        env = environment(ctx, "cache-project")
        ours = run_median([*tei_edition_command(), "validate", "--profile", "project",
                           str(path)], ctx.repeat, env)
        base = run_median([sys.executable, "-c", _XSD_ALONE, str(xsd), str(path)], ctx.repeat)
        rows.append(Row(f"project profile: {label} ({path.stat().st_size // 1000} KB)",
                        ours.wall_s, "lxml XMLSchema alone", base.wall_s, ours.peak_mb,
                        base.peak_mb, (ours.returncode == 0) == (base.returncode == 0),
                        note="ours adds Schematron rules and Python checks",
                        ours_cpu_s=ours.cpu_s, baseline_cpu_s=base.cpu_s))
    return rows


@benchmark("convert")
def convert(ctx: Context) -> list[Row]:
    if _missing("tei_edition.convert"):
        return [Row("convert throughput", None, note="tei_edition.convert is missing")]
    from tei_edition.convert import convert_text, load_metadata

    made = big_transcript(ctx, 250_000 if ctx.quick else 1_000_000)
    if made is None:
        return [Row("convert throughput", None, note="no seed edition to grow a transcript")]
    text, toml = made
    metadata, _ = load_metadata(toml)
    times = []
    for _ in range(ctx.repeat):
        started = time.perf_counter()
        result = convert_text(text, source_path="big.txt", metadata=metadata)
        times.append(time.perf_counter() - started)
    best = min(times)
    megabytes = len(text.encode("utf-8")) / 1e6
    return [Row(f"convert_text: {megabytes:.2f} MB transcript", best,
                note=f"{megabytes / best:.2f} MB/s; converted={result.tree is not None}")]


@benchmark("render")
def render(ctx: Context) -> list[Row]:
    if _missing("tei_edition.render"):
        return [Row("render throughput", None, note="tei_edition.render is missing")]
    path = one_megabyte_edition(ctx)
    if path is None:
        return [Row("render html: 1 MB edition", None, note="no 1 MB edition available")]
    from lxml import etree

    from tei_edition.render import render_tree
    from tei_edition.xmlio import parse_xml_bytes

    data = path.read_bytes()
    ours, floor = [], []
    for _ in range(ctx.repeat):
        started = time.perf_counter()
        output, _ = render_tree(parse_xml_bytes(data, str(path)).tree, to="html")
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        etree.tostring(etree.fromstring(data))
        floor.append(time.perf_counter() - started)
    megabytes = len(data) / 1e6
    return [Row(f"render html: {megabytes:.2f} MB edition (in process)", min(ours),
                "lxml parse+serialise", min(floor),
                note=f"{megabytes / min(ours):.1f} MB/s; output "
                     f"{len(output or b'') // 1000} KB")]


@benchmark("build")
def build(ctx: Context) -> list[Row]:
    if _missing("tei_edition.build"):
        return [Row("build -j2 vs -j1", None, note="tei_edition.build is missing")]
    seed = seed_edition(ctx)
    if seed is None:
        return [Row("build -j2 vs -j1", None, note="no seed edition to copy")]
    count = 100 if ctx.quick else 1000
    editions = ctx.scratch / "editions"
    for number in range(count):
        slug = f"{number:04d}-{seed.parent.name}"
        folder = editions / slug
        folder.mkdir(parents=True)
        shutil.copyfile(seed.with_suffix(".txt"), folder / f"{slug}.txt")
        toml = seed.with_suffix(".toml").read_text(encoding="utf-8")
        toml = toml.replace(f'id = "{seed.parent.name}"', f'id = "{slug}"', 1)
        (folder / f"{slug}.toml").write_text(toml, encoding="utf-8")
    env = environment(ctx, "cache-build")
    runs = {}
    for jobs in (1, 2):
        output = ctx.scratch / f"site-j{jobs}"
        runs[jobs] = run_once([*tei_edition_command(), "build", str(editions), "-o", str(output),
                               "-j", str(jobs), "--no-write-tei"], env)
    return [Row(f"build {count} generated editions -j2", runs[2].wall_s, "build -j1",
                runs[1].wall_s, runs[2].peak_mb, runs[1].peak_mb,
                note=f"exit codes j1={runs[1].returncode} j2={runs[2].returncode}; "
                     "ratio < 1 means -j2 is faster",
                ours_cpu_s=runs[2].cpu_s, baseline_cpu_s=runs[1].cpu_s)]
