"""Building one edition: TEI (converted or read), validation, renderings, outputs, record.

This module owns the work done for one edition inside a worker process and the worker's
process-wide set-up. It must not look at other editions or at the build state; it returns an
`EditionOutcome` and `collection` decides what to keep. All outputs of an edition are produced
in memory first and written (atomically, one by one) only at the end, so an interruption or a
killed worker leaves each page either old or complete. Pages are not fsynced here: the build
makes them durable in batches before the state records them (`durability`); only a TEI written
into the edition folder, a source file, is fsynced at once.
"""

from __future__ import annotations

import signal
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tei_edition.build.stages import Stages
from tei_edition.build.state import DIAGNOSTICS_FILE
from tei_edition.diagnostics import Diagnostic, Severity, has_errors

# name of each output inside OUT_DIR/<slug>/, with the rendering that produces it
RECORD = "record.json"  # the edition's catalogue record, read by the collection pages
RENDERINGS = (
    ("index.html", "html", "reading"),
    ("reading.txt", "text", "reading"),
    ("diplomatic.txt", "text", "diplomatic"),
)


@dataclass(frozen=True)
class EditionJob:
    slug: str
    transcript: Path | None
    metadata: Path | None
    tei: Path  # the edition folder's TEI, existing or to be written
    out_dir: Path  # OUT_DIR/<slug>
    write_tei: bool  # may a generated TEI be written into the edition folder?
    profile: str
    tei_all: Path | None


@dataclass
class EditionOutcome:
    slug: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    converted: bool = False
    validated: bool = False
    rendered: bool = False
    tei_written: bool = False
    outputs: list[Path] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return has_errors(self.diagnostics)


def _diag(
    path: Path | str, severity: Severity, code: str, message: str, hint: str | None = None
) -> Diagnostic:
    return Diagnostic(str(path), 0, 0, severity, code, message, hint)


def _obtain_tei(
    job: EditionJob, stages: Stages, outcome: EditionOutcome
) -> tuple[bytes | None, Path]:
    """The TEI bytes to build from, and the path their line numbers refer to.

    The edition's TEI policy (metadata key ``tei``) decides: a "hand-maintained" TEI is used as
    it is; otherwise the transcript is converted, and a missing or stale TEI is rewritten for a
    "generated" TEI (when writing is allowed) or reported as `build.stale-tei`. A "check-only"
    TEI that exists is what the site publishes, current or not.
    """
    from tei_edition import xmlio

    policy = "generated"
    if job.metadata is not None:
        policy, found = stages.tei_policy(job.metadata)
        outcome.diagnostics.extend(found)
    try:
        existing = job.tei.read_bytes() if job.tei.is_file() else None
    except OSError as error:
        outcome.diagnostics.append(
            _diag(job.tei, Severity.ERROR, "build.unreadable-tei", f"cannot read TEI: {error}")
        )
        return None, job.tei
    if job.transcript is None or (policy == "hand-maintained" and existing is not None):
        return existing, job.tei
    tree, found = stages.convert(job.transcript, job.metadata)
    outcome.converted = True
    outcome.diagnostics.extend(found)
    if tree is None:
        keep = policy == "check-only" and existing is not None
        return (existing if keep else None), job.tei
    generated = xmlio.serialize(tree)
    if generated == existing:
        return generated, job.tei
    if has_errors(found):
        # a transcript with errors never replaces the edition's TEI; its diagnostics say why
        return generated, job.out_dir / job.tei.name
    if policy == "generated" and job.write_tei:
        outcome.tei_written = True
        return generated, job.tei
    reason = "is missing" if existing is None else "differs from what the transcript gives"
    why = {"generated": "--no-write-tei was given"}.get(
        policy, f'the metadata says tei = "{policy}"'
    )
    outcome.diagnostics.append(
        _diag(
            job.tei,
            Severity.WARNING,
            "build.stale-tei",
            f"TEI {reason}; it is not rewritten because {why}",
            "run `tei-edition convert` on the transcript and commit the result",
        )
    )
    if existing is not None and policy == "check-only":
        return existing, job.tei
    return generated, job.out_dir / job.tei.name


def build_edition(job: EditionJob, stages: Stages) -> EditionOutcome:
    """Everything for one edition; input problems become diagnostics, never exceptions."""
    from tei_edition import xmlio

    outcome = EditionOutcome(job.slug)
    data, label = _obtain_tei(job, stages, outcome)
    if data is None:
        if not outcome.failed:
            outcome.diagnostics.append(
                _diag(
                    job.tei,
                    Severity.ERROR,
                    "build.no-tei",
                    "no TEI could be obtained for this edition",
                )
            )
        return outcome
    parsed = xmlio.parse_xml_bytes(data, str(label))  # line numbers for the validator
    outcome.diagnostics.extend(parsed.diagnostics)
    if parsed.tree is None:
        return outcome
    outcome.diagnostics.extend(stages.validate(parsed.tree, str(label), job.profile, job.tei_all))
    outcome.validated = True
    pages: dict[str, bytes] = {}
    for name, to, view in RENDERINGS:
        page, found = stages.render(parsed.tree, to, view)
        outcome.diagnostics.extend(found)
        if page is None:
            outcome.diagnostics.append(
                _diag(
                    job.out_dir / name,
                    Severity.ERROR,
                    "build.render-failed",
                    f"the {view} {to} rendering could not be produced",
                )
            )
            return outcome
        pages[name] = page
    outcome.rendered = True
    pages[RECORD] = catalogue(parsed.tree, job.slug, pages["index.html"])
    pages[job.tei.name] = data
    _write_outputs(job, outcome, pages, data)
    return outcome


def catalogue(tree: Any, slug: str, page: bytes) -> bytes:
    """The edition's catalogue record as JSON bytes, an output like the pages (one small file
    per edition keeps the build state small however many turns the editions hold)."""
    import json

    from tei_edition.build.records import catalogue_record

    record = catalogue_record(tree, slug, page)
    return (json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write a site page atomically unless the file already holds exactly these bytes (a
    rebuild that changes nothing then costs a read instead of a write); True when written.

    Pages are regenerable, so they are written without fsync; whoever records them (the
    state) must first flush them with `durability.OutputBatch`."""
    from tei_edition.xmlio import write_atomic

    if path.is_file() and path.read_bytes() == data:
        return False
    write_atomic(path, data, force=True, durable=False)
    return True


def _remove_temporaries(folder: Path, names: Iterable[str]) -> None:
    """A worker killed while writing (out of memory, SIGKILL) leaves the temporary file of
    `write_atomic` behind; the page itself is old or whole. The temporary goes when the
    edition is built again (two builds never share an output folder, so none is in use)."""
    if not folder.is_dir():
        return
    prefixes = tuple(f".{name}." for name in names)
    for path in folder.iterdir():
        if path.name.startswith(prefixes) and path.name.endswith(".tmp"):
            path.unlink(missing_ok=True)


def _write_outputs(
    job: EditionJob, outcome: EditionOutcome, pages: dict[str, bytes], tei: bytes
) -> None:
    from tei_edition.xmlio import write_atomic

    _remove_temporaries(job.out_dir, [*pages, DIAGNOSTICS_FILE])
    for name, page in pages.items():
        target = job.out_dir / name
        write_if_changed(target, page)
        outcome.outputs.append(target)
    if outcome.tei_written:
        write_atomic(job.tei, tei, force=True)
        outcome.diagnostics.append(
            _diag(
                job.tei,
                Severity.INFO,
                "build.tei-written",
                "generated TEI written into the edition folder",
            )
        )


# ---- worker processes ------------------------------------------------------------------------

_WORKER_STAGES: Stages | None = None


def init_worker(stages: Stages) -> None:
    """Run once in each worker process: keep the stages; leave Ctrl-C to the parent, which
    cancels the queue and lets running editions finish, so no worker dies halfway through
    writing an edition.

    There is no warm-up document: validating one cost each worker 0.6-0.8 s of CPU before its
    first edition and saved that edition nothing (0.18-0.24 s either way, measured), because
    schemas are compiled per vocabulary and stylesheets take ~0.02 s. The first edition of
    each worker compiles what it needs, as with -j 1.
    """
    global _WORKER_STAGES
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_STAGES = stages


def run_in_worker(job: EditionJob) -> EditionOutcome:
    assert _WORKER_STAGES is not None, "init_worker was not run"
    return guarded_build(job, _WORKER_STAGES)


def guarded_build(job: EditionJob, stages: Stages) -> EditionOutcome:
    """`build_edition`, with a crash of a stage turned into a fatal diagnostic for this edition
    only, so one edition's bug does not stop the collection."""
    try:
        return build_edition(job, stages)
    except Exception as error:  # noqa: BLE001 - reported, never swallowed
        outcome = EditionOutcome(job.slug)
        outcome.diagnostics.append(
            _diag(
                job.transcript or job.tei,
                Severity.FATAL,
                "build.internal-error",
                f"building this edition failed: {type(error).__name__}: {error}",
                "this is a bug in tei-edition; please report it with this edition",
            )
        )
        return outcome
