"""The registry of benchmarks and the row each one reports.

This module owns the `@benchmark` decorator and the `Row` value; it must not measure
anything itself. A benchmark is a function `(ctx: Context) -> list[Row]`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Row:
    """One comparison: our wall time against a baseline's, measured in the same run."""

    name: str
    ours_s: float | None
    baseline: str = ""
    baseline_s: float | None = None
    ours_peak_mb: float | None = None
    baseline_peak_mb: float | None = None
    verdicts_agree: bool | None = None  # None: no verdict involved
    target: str = ""  # e.g. "ratio <= 0.25" or "ours < 1 s"
    ours_cpu_s: float | None = None  # user + system CPU, for machines shared with other work
    baseline_cpu_s: float | None = None
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.ours_s is None or not self.baseline_s:
            return None
        return self.ours_s / self.baseline_s


@dataclass
class Context:
    """What every benchmark may use: the mode, the repository, shared data, a scratch folder."""

    quick: bool
    root: Path
    shared: Path
    scratch: Path
    repeat: int
    notes: list[str] = field(default_factory=list)


Benchmark = Callable[[Context], list[Row]]
BENCHMARKS: dict[str, Benchmark] = {}


def benchmark(name: str) -> Callable[[Benchmark], Benchmark]:
    """Register a benchmark under ``name`` (run in registration order)."""

    def register(function: Benchmark) -> Benchmark:
        BENCHMARKS[name] = function
        return function

    return register
