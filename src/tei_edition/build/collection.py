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
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path

from tei_edition.build.discovery import EditionSource, discover_editions
from tei_edition.build.fingerprint import (
    InputDigests,
    edition_fingerprint,
    file_digest,
    tool_fingerprint,
)
from tei_edition.build.progress import Progress, SilentProgress
from tei_edition.build.stages import REAL_STAGES, Stages
from tei_edition.build.state import STATE_FILE, BuildState, EditionEntry
from tei_edition.build.worker import (
    EditionJob,
    EditionOutcome,
    guarded_build,
    init_worker,
    run_in_worker,
)
from tei_edition.diagnostics import Diagnostic, Severity, has_errors

_STATE_SAVE_INTERVAL = 1.0  # seconds between state saves while editions complete
# reports of what this run did, not of the edition: not repeated when the edition is unchanged
_THIS_RUN_ONLY = frozenset({"build.tei-written"})


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


class _Collector:
    """Takes each finished edition into the stats and the state, saving the state now and then
    (never before the edition's outputs are all written: the worker returns only after that)."""

    def __init__(
        self,
        options: BuildOptions,
        state: BuildState,
        tool: str,
        stats: BuildStats,
        progress: Progress,
    ) -> None:
        self.options, self.state, self.tool = options, state, tool
        self.stats, self.progress = stats, progress
        self.diagnostics: dict[str, list[Diagnostic]] = {}
        self._saved_at = time.perf_counter()

    def take(self, source: EditionSource, inputs: InputDigests, outcome: EditionOutcome) -> None:
        self.stats.converted += outcome.converted
        self.stats.validated += outcome.validated
        self.stats.rendered += outcome.rendered
        self.stats.tei_written += outcome.tei_written
        self.diagnostics[source.slug] = outcome.diagnostics
        outputs = [p.relative_to(self.options.out_dir).as_posix() for p in outcome.outputs]
        previous = self.state.editions.pop(source.slug, None)
        if previous is not None:
            _remove_outputs(self.options.out_dir, set(previous.outputs) - set(outputs))
        if not any(d.severity is Severity.FATAL for d in outcome.diagnostics):
            # a fatal problem may go away by itself (a crash, a missing schema): not remembered
            fingerprint = edition_fingerprint(
                replace(inputs, tei=file_digest(source.tei)), self.tool
            )
            lasting = [d for d in outcome.diagnostics if d.code not in _THIS_RUN_ONLY]
            self.state.editions[source.slug] = EditionEntry(
                fingerprint, outputs, outcome.record, lasting
            )
        self.progress.advance(source.slug)
        if time.perf_counter() - self._saved_at > _STATE_SAVE_INTERVAL:
            self.save()

    def save(self) -> None:
        self.state.save(self.options.out_dir)
        self._saved_at = time.perf_counter()


def _remove_outputs(out_dir: Path, outputs: set[str]) -> None:
    """Delete outputs of an earlier build that this build does not produce any more."""
    for relative in sorted(outputs):
        target = out_dir / relative
        if target.is_file():
            target.unlink()
        if target.parent != out_dir and target.parent.is_dir() and not any(target.parent.iterdir()):
            target.parent.rmdir()


def _job(source: EditionSource, options: BuildOptions) -> EditionJob:
    return EditionJob(
        slug=source.slug,
        transcript=source.transcript,
        metadata=source.metadata,
        tei=source.tei,
        out_dir=options.out_dir / source.slug,
        write_tei=options.write_tei,
        profile=options.profile,
        tei_all=options.tei_all,
    )


def _run_serial(
    work: list[tuple[EditionSource, InputDigests]],
    options: BuildOptions,
    stages: Stages,
    collector: _Collector,
) -> None:
    for source, inputs in work:
        collector.take(source, inputs, guarded_build(_job(source, options), stages))


def _run_pool(
    work: list[tuple[EditionSource, InputDigests]],
    options: BuildOptions,
    stages: Stages,
    collector: _Collector,
) -> None:
    """Editions in worker processes; each worker compiles schemas and stylesheets once."""
    workers = min(options.jobs, len(work))
    with ProcessPoolExecutor(
        max_workers=workers,
        initializer=init_worker,
        initargs=(stages, options.profile, options.tei_all),
    ) as pool:
        futures: dict[Future[EditionOutcome], tuple[EditionSource, InputDigests]] = {
            pool.submit(run_in_worker, _job(source, options)): (source, inputs)
            for source, inputs in work
        }
        taken: set[Future[EditionOutcome]] = set()
        try:
            for future in as_completed(futures):
                taken.add(future)
                try:
                    outcome = future.result()
                except BrokenProcessPool as error:
                    source, _ = futures[future]
                    outcome = EditionOutcome(
                        source.slug,
                        [
                            _fatal(
                                source.folder,
                                "build.worker-died",
                                f"the worker process building this edition stopped: {error}",
                            )
                        ],
                    )
                collector.take(*futures[future], outcome)
        except KeyboardInterrupt:
            # Queued editions are dropped; editions already running finish (workers ignore
            # Ctrl-C) and are recorded, so the state matches every output that was written.
            pool.shutdown(wait=True, cancel_futures=True)
            for future, (source, inputs) in futures.items():
                if (
                    future not in taken
                    and future.done()
                    and not future.cancelled()
                    and future.exception() is None
                ):
                    collector.take(source, inputs, future.result())
            raise


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
        settings=[f"write_tei={options.write_tei}", f"stages={stages.identity()}"],
    )
    work: list[tuple[EditionSource, InputDigests]] = []
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
    collector = _Collector(
        options,
        state,
        tool,
        stats,
        (progress or (lambda n: Progress(n)))(len(work)) if work else SilentProgress(),
    )
    interrupted = False
    try:
        if options.jobs <= 1 or len(work) <= 1:
            _run_serial(work, options, stages, collector)
        else:
            _run_pool(work, options, stages, collector)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        collector.progress.close()
    present = {source.slug for source in sources}
    for slug in sorted(set(state.editions) - present):
        _remove_outputs(options.out_dir, set(state.editions.pop(slug).outputs))
        stats.removed += 1
    per_edition = {
        source.slug: collector.diagnostics.get(source.slug)
        or (state.editions[source.slug].diagnostics if source.slug in state.editions else [])
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
            slug: [d for d in found if d.code not in _THIS_RUN_ONLY]
            for slug, found in per_edition.items()
        }
        write_collection_pages(options.out_dir, [s.slug for s in sources], state, lasting)
        state.tool = tool
    collector.save()
    stats.failed = sum(has_errors(found) for found in per_edition.values())
    for slug in sorted(per_edition):
        diagnostics.extend(per_edition[slug])
    stats.seconds = time.perf_counter() - started
    return BuildReport(stats, diagnostics, interrupted)
