"""`python -m bench [--quick|--full] [--json OUT] [--only NAME]`: run the registered
benchmarks and print a table of ratios against baselines measured in the same run.

This module owns the command line and the report (table and JSON). It must not measure.
Exit status: 0 when every row with a target met it, 1 otherwise, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from bench import conformance_bench, pipeline_bench  # noqa: F401 - they register benchmarks
from bench.measure import machine
from bench.registry import BENCHMARKS, Context, Row

ROOT = Path(__file__).resolve().parent.parent


def shared_folder() -> Path:
    """The same resolution as the tests: $TEI_EDITION_SHARED, else ../shared."""
    return Path(os.environ.get("TEI_EDITION_SHARED", ROOT.parent / "shared")).resolve()


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _megabytes(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def table(rows: list[Row]) -> str:
    header = ("benchmark", "ours s", "baseline", "base s", "ratio", "ours cpu", "base cpu",
              "ours MB", "base MB", "verdicts", "target", "met")
    lines = [header]
    for row in rows:
        lines.append((row.name, _seconds(row.ours_s), row.baseline or "-",
                      _seconds(row.baseline_s),
                      "-" if row.ratio is None else f"{row.ratio:.3f}",
                      _seconds(row.ours_cpu_s), _seconds(row.baseline_cpu_s),
                      _megabytes(row.ours_peak_mb), _megabytes(row.baseline_peak_mb),
                      {None: "-", True: "agree", False: "DIFFER"}[row.verdicts_agree],
                      row.target or "-", {None: "-", True: "yes", False: "NO"}[row.met]))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    rendered = ["  ".join(cell.ljust(width)
                          for cell, width in zip(line, widths, strict=True)).rstrip()
                for line in lines]
    rendered.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(rendered)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="fewer repetitions, smaller inputs")
    mode.add_argument("--full", action="store_true", help="5 repetitions, full-size inputs "
                      "(the default)")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--only", choices=sorted(BENCHMARKS), action="append",
                        help="run only this benchmark (repeatable)")
    options = parser.parse_args(argv)
    shared = shared_folder()
    if not (shared / "tei" / "tei_all.rng").is_file():
        parser.error(f"shared data not found at {shared} (set TEI_EDITION_SHARED)")
    about = machine()
    print("machine: " + ", ".join(f"{key} {value}" for key, value in about.items()), flush=True)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="tei-edition-bench-") as scratch:
        ctx = Context(quick=options.quick, root=ROOT, shared=shared, scratch=Path(scratch),
                      repeat=3 if options.quick else 5)
        for name, function in BENCHMARKS.items():
            if options.only and name not in options.only:
                continue
            started = time.perf_counter()
            found = function(ctx)
            rows.extend(found)
            print(f"[{name}: {len(found)} row(s) in {time.perf_counter() - started:.1f} s]",
                  flush=True)
        notes = ctx.notes
    print()
    print(table(rows))
    for row in rows:
        if row.note:
            print(f"{row.name}: {row.note}")
    for note in notes:
        print(f"note: {note}")
    if options.json:
        report = {"machine": about, "mode": "quick" if options.quick else "full",
                  "date": time.strftime("%Y-%m-%d", time.gmtime()),
                  "rows": [{**asdict(row), "ratio": row.ratio} for row in rows], "notes": notes}
        options.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0 if all(row.met is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
