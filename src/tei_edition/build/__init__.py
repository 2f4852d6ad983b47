"""Building a whole collection: every edition folder to a browsable, checked site.

This package owns `tei-edition build`: discovering editions, deciding incrementally what to
rebuild, running the converter, validator and renderer in a process pool, and writing the
collection pages (index, persons, diagnostics). It must not convert, validate or render by
itself; it calls those stages through `stages.Stages`, which tests replace with fakes.
"""

from tei_edition.build.collection import BuildOptions, BuildReport, BuildStats, build_collection
from tei_edition.build.stages import REAL_STAGES, Stages

__all__ = ["REAL_STAGES", "BuildOptions", "BuildReport", "BuildStats", "Stages", "build_collection"]
