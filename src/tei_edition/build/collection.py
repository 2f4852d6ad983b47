"""One command's worth of work: build every edition of a collection that needs it, then the
collection's pages, and say what was done.

This module owns scheduling (in-process or a process pool), the incremental decision (an
edition is rebuilt when its fingerprint or one of its outputs changed), keeping the build state
in step with finished editions, and the collection pages. It must not convert, validate or
render by itself (that is `worker` through `stages`) and never writes outside the output folder
except the generated TEI that `worker` may write into an edition folder.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tei_edition.build.discovery import discover_editions
from tei_edition.build.fingerprint import InputDigests, edition_fingerprint, tool_fingerprint
from tei_edition.build.progress import Progress, SilentProgress
from tei_edition.build.scheduler import (
    THIS_RUN_ONLY,
    Collector,
    Work,
    remove_outputs,
    run_pool,
    run_serial,
)
from tei_edition.build.stages import REAL_STAGES, Stages
from tei_edition.build.state import STATE_FILE, BuildState
from tei_edition.diagnostics import Diagnostic, Severity, has_errors


@dataclass(frozen=True)
class BuildOptions:
    editions_dir: Path
    out_dir: Path
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    force: bool = False
    write_tei: bool = True
    tei_all: Path | None = None  # None: validate with the project profile only

    @property
    def profile(self) -> str:
        return "all" if self.tei_all is not None else "project"


@dataclass
class BuildStats:
    editions: int = 0
    converted: int = 0
    validated: int = 0
    rendered: int = 0
    unchanged: int = 0
    failed: int = 0
    tei_written: int = 0
    removed: int = 0
    seconds: float = 0.0

    def summary_line(self) -> str:
        return (
            f"built {self.editions} edition{'s' if self.editions != 1 else ''} (converted "
            f"{self.converted}, validated {self.validated}, rendered {self.rendered}, "
            f"unchanged {self.unchanged}, failed {self.failed}) in {self.seconds:.1f} s"
        )


@dataclass
class BuildReport:
    stats: BuildStats
    diagnostics: list[Diagnostic]
    interrupted: bool = False


def _fatal(path: Path, code: str, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(str(path), 0, 0, Severity.FATAL, code, message, hint)


def _check_folders(options: BuildOptions) -> list[Diagnostic]:
    if not options.editions_dir.is_dir():
        return [
            _fatal(
                options.editions_dir,
                "build.no-editions",
                "editions folder does not exist or is not a folder",
            )
        ]
    out = options.out_dir
    if _inside_an_edition(out, options.editions_dir):
        return [
            _fatal(
                out,
                "build.output-overlaps",
                "output folder is the editions folder or inside an edition folder",
                "edition folders are never written to: choose an output folder outside them",
            )
        ]
    if out.exists() and not out.is_dir():
        return [_fatal(out, "build.output-not-folder", "output path exists and is not a folder")]
    if (
        out.is_dir()
        and not (out / STATE_FILE).is_file()
        and any(out.iterdir())
        and not options.force
    ):
        return [
            _fatal(
                out,
                "build.output-not-ours",
                "output folder is not empty and was not made by `tei-edition build`",
                "choose another folder, or pass --force to build into it anyway",
            )
        ]
    if options.tei_all is not None and not options.tei_all.is_file():
        return [
            _fatal(
                options.tei_all,
                "build.no-tei-all",
                "TEI schema (tei_all.rng) not found",
                "pass --tei-all PATH or set TEI_EDITION_TEI_ALL to an existing file",
            )
        ]
    return []


def _inside_an_edition(out: Path, editions: Path) -> bool:
    try:
        relative = out.resolve().relative_to(editions.resolve())
    except ValueError:
        return False
    if not relative.parts:
        return True
    slug = relative.parts[0]
    folder = editions / slug
    return (folder / f"{slug}.txt").is_file() or (folder / f"{slug}.xml").is_file()


def build_collection(
    options: BuildOptions,
    stages: Stages = REAL_STAGES,
    progress: Callable[[int], Progress] | None = None,
) -> BuildReport:
    """Build the collection in ``options.editions_dir`` into ``options.out_dir``."""
    from tei_edition.build.site import COLLECTION_PAGES, write_collection_pages

    started = time.perf_counter()
    stats = BuildStats()
    problems = _check_folders(options)
    if problems:
        return BuildReport(stats, problems)
    sources, diagnostics = discover_editions(options.editions_dir)
    state, found = (BuildState(), []) if options.force else BuildState.load(options.out_dir)
    diagnostics.extend(found)
    options.out_dir.mkdir(parents=True, exist_ok=True)
    state.save(options.out_dir)  # marks the folder as a build folder from the start
    tool = tool_fingerprint(
        tei_all=options.tei_all,
        profile=options.profile,
        code=stages.code,
        settings=[f"write_tei={options.write_tei}", f"stages={stages.identity()}"],
    )
    work: Work = []
    stats.editions = len(sources)
    for source in sources:
        inputs = InputDigests.of(source)
        entry = state.editions.get(source.slug)
        if (
            entry is not None
            and entry.fingerprint == edition_fingerprint(inputs, tool)
            and all((options.out_dir / p).is_file() for p in entry.outputs)
        ):
            stats.unchanged += 1
        else:
            work.append((source, inputs))
    collector = Collector(
        options,
        state,
        tool,
        stats,
        (progress or (lambda n: Progress(n)))(len(work)) if work else SilentProgress(),
    )
    interrupted = False
    try:
        if options.jobs <= 1 or len(work) <= 1:
            run_serial(work, options, stages, collector)
        else:
            run_pool(work, options, stages, collector)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        collector.progress.close()
    present = {source.slug for source in sources}
    for slug in sorted(set(state.editions) - present):
        remove_outputs(options.out_dir, set(state.editions.pop(slug).outputs))
        stats.removed += 1
    per_edition = {
        source.slug: collector.diagnostics.get(source.slug)
        or (
            state.editions[source.slug].load_diagnostics(options.out_dir)
            if source.slug in state.editions
            else []
        )
        for source in sources
    }
    if interrupted:
        diagnostics.append(
            _fatal(
                options.out_dir,
                "build.interrupted",
                "build interrupted; finished editions are kept and the next "
                "build continues with the rest",
            )
        )
    elif (
        work
        or stats.removed
        or state.tool != tool
        or not all((options.out_dir / page).is_file() for page in COLLECTION_PAGES)
    ):
        lasting = {
            slug: [d for d in found if d.code not in THIS_RUN_ONLY]
            for slug, found in per_edition.items()
        }
        written = write_collection_pages(options.out_dir, [s.slug for s in sources], state, lasting)
        collector.pending.add(options.out_dir / name for name in written)
        state.tool = tool
    collector.save()
    stats.failed = sum(has_errors(found) for found in per_edition.values())
    for slug in sorted(per_edition):
        diagnostics.extend(per_edition[slug])
    stats.seconds = time.perf_counter() - started
    return BuildReport(stats, diagnostics, interrupted)
