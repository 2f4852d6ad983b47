"""Running the editions that need building: in this process or in a pool of workers, and
taking each finished edition into the stats and the build state.

This module owns the order of events that keeps the state honest: an edition's entry is
replaced only when its outcome arrives, which is after all its outputs were written; Ctrl-C
drops queued editions, lets running ones finish and records them. It must not decide which
editions need building (`collection` does) nor build one itself (`worker` does).
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from tei_edition.build.discovery import EditionSource
from tei_edition.build.durability import OutputBatch
from tei_edition.build.fingerprint import InputDigests, edition_fingerprint, file_digest
from tei_edition.build.progress import Progress
from tei_edition.build.stages import Stages
from tei_edition.build.state import BuildState, EditionEntry, write_diagnostics
from tei_edition.build.worker import (
    EditionJob,
    EditionOutcome,
    guarded_build,
    init_worker,
    run_in_worker,
)
from tei_edition.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from tei_edition.build.collection import BuildOptions, BuildStats

_STATE_SAVE_INTERVAL = 1.0  # seconds between state saves while editions complete
# reports of what this run did, not of the edition: not repeated when the edition is unchanged
THIS_RUN_ONLY = frozenset({"build.tei-written"})

Work = list[tuple[EditionSource, InputDigests]]


class Collector:
    """Takes each finished edition into the stats and the state, saving the state now and then
    (never before the edition's outputs are all written: the worker returns only after that;
    and never before they are durable: `save` flushes the pending outputs first)."""

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
        self.pending = OutputBatch()  # outputs written since the last save, not yet durable
        self._saved_at = time.perf_counter()

    def take(self, source: EditionSource, inputs: InputDigests, outcome: EditionOutcome) -> None:
        self.stats.converted += outcome.converted
        self.stats.validated += outcome.validated
        self.stats.rendered += outcome.rendered
        self.stats.tei_written += outcome.tei_written
        self.diagnostics[source.slug] = outcome.diagnostics
        out_dir = self.options.out_dir
        outputs = [p.relative_to(out_dir).as_posix() for p in outcome.outputs]
        entry = None
        if not any(d.severity is Severity.FATAL for d in outcome.diagnostics):
            # a fatal problem may go away by itself (a crash, a missing schema): not remembered
            fingerprint = edition_fingerprint(
                replace(inputs, tei=file_digest(source.tei)), self.tool
            )
            lasting = [d for d in outcome.diagnostics if d.code not in THIS_RUN_ONLY]
            saved = write_diagnostics(out_dir, source.slug, lasting)
            outputs += [saved] if saved else []
            entry = EditionEntry(fingerprint, outputs, saved)
            self.pending.add(out_dir / relative for relative in outputs)
        previous = self.state.editions.pop(source.slug, None)
        if previous is not None:
            remove_outputs(out_dir, set(previous.outputs) - set(outputs))
        if entry is not None:
            self.state.editions[source.slug] = entry
        self.progress.advance(source.slug)
        if time.perf_counter() - self._saved_at > _STATE_SAVE_INTERVAL:
            self.save()

    def save(self) -> None:
        self.pending.flush()  # the state may name only outputs that are on disk
        self.state.save(self.options.out_dir)
        self._saved_at = time.perf_counter()


def remove_outputs(out_dir: Path, outputs: set[str]) -> None:
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


def run_serial(
    work: Work,
    options: BuildOptions,
    stages: Stages,
    collector: Collector,
) -> None:
    for source, inputs in work:
        collector.take(source, inputs, guarded_build(_job(source, options), stages))


def run_pool(
    work: Work,
    options: BuildOptions,
    stages: Stages,
    collector: Collector,
) -> None:
    """Editions in worker processes; each worker compiles schemas and stylesheets once, for
    its first edition, and keeps them."""
    workers = min(options.jobs, len(work))
    with ProcessPoolExecutor(
        max_workers=workers,
        initializer=init_worker,
        initargs=(stages,),
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
                except Exception as error:  # noqa: BLE001 - a dead worker (BrokenProcessPool)
                    source, _ = futures[future]
                    outcome = EditionOutcome(
                        source.slug,
                        [
                            Diagnostic(
                                str(source.folder),
                                0,
                                0,
                                Severity.FATAL,
                                "build.worker-died",
                                "the worker process building this edition stopped: "
                                f"{type(error).__name__}: {error}",
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
