"""Package one edition folder as a BagIt 1.0 bag (RFC 8493), optionally also zipped.

This module owns the order of work: validate, render, describe, stage, self-check, publish.
It must not modify the edition folder (everything is read, then written into a staging folder
inside the output directory), must not leave a half-written bag (the staged bag is renamed
into place in one step) and must not overwrite a bag unless asked to.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tei_edition.diagnostics import Diagnostic, Severity, has_errors
from tei_edition.package import bagfiles, header, layout
from tei_edition.package.zipio import bag_zip_bytes
from tei_edition.xmlio import OutputExistsError, parse_xml_file, write_atomic


@dataclass(frozen=True)
class _Payload:
    """The parsed TEI and the bytes of every payload file by bag-relative path."""

    tree: etree._ElementTree
    files: dict[str, bytes]


@dataclass
class PackageResult:
    """Where the bag went (None when refused) and everything worth telling the user."""

    bag_dir: Path | None = None
    zip_path: Path | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _error(path: object, code: str, message: str, hint: str | None = None,
           severity: Severity = Severity.ERROR) -> Diagnostic:
    return Diagnostic(str(path), 0, 0, severity, code, message, hint)


def validation_profile(tei_all: Path | None) -> str:
    """Full TEI conformance when a tei_all.rng is configured, else the project's own checks."""
    return "all" if tei_all is not None else "project"


def build_package(edition_dir: Path, out_dir: Path, *, make_zip: bool = False,
                  force: bool = False, tei_all: Path | None = None,
                  environ: Mapping[str, str] = os.environ) -> PackageResult:
    """Validate and package the edition in ``edition_dir`` as ``out_dir/<edition-id>/``."""
    result = PackageResult()
    sources, refusal = _preflight(edition_dir, out_dir, make_zip, force)
    if sources is None:
        result.diagnostics += refusal
        return result
    result.diagnostics += [_error(p, "package.file-not-packaged",
                                  "not an edition source file; left out of the bag",
                                  severity=Severity.INFO) for p in sources.not_packaged]
    payload, problems = _payload(sources, tei_all)
    result.diagnostics += problems
    if payload is None:
        return result
    facts = header.read_header_facts(payload.tree)
    try:
        date = header.bagging_date(facts, environ)
    except header.BaggingDateError as error:
        result.diagnostics.append(_error(edition_dir, "package.bad-source-date-epoch", str(error),
                                         "set SOURCE_DATE_EPOCH to seconds since 1970 or unset it"))
        return result
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{sources.edition_id}.", suffix=".partial",
                                        dir=out_dir))
    except OSError as error:
        result.diagnostics.append(_error(out_dir, "package.cannot-write",
                                         f"cannot create output: {error.strerror or error}",
                                         severity=Severity.FATAL))
        return result
    try:
        _write_bag(staging, payload.files, facts, date)
        problem = _self_check(staging)
        if problem:
            result.diagnostics.append(_error(staging, "package.self-check-failed", problem,
                                             severity=Severity.FATAL))
            return result
        if make_zip:
            zip_target = out_dir / f"{sources.edition_id}.zip"
            write_atomic(zip_target, bag_zip_bytes(staging, sources.edition_id, environ),
                         force=force)
            result.zip_path = zip_target
        _publish(staging, out_dir / sources.edition_id, force)
        result.bag_dir = out_dir / sources.edition_id
    except OutputExistsError as error:
        result.diagnostics.append(_error(error.args[0], "package.output-exists",
                                         "output appeared while packaging; nothing replaced",
                                         "pass --force to replace it"))
    except OSError as error:
        result.diagnostics.append(_error(error.filename or out_dir, "package.cannot-write",
                                         f"cannot write the bag: {error.strerror or error}",
                                         severity=Severity.FATAL))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def _preflight(edition_dir: Path, out_dir: Path, make_zip: bool, force: bool,
               ) -> tuple[layout.EditionSources | None, list[Diagnostic]]:
    """The edition's sources, or None with the reason it cannot be packaged into ``out_dir``
    (checked before any work, so that a refusal costs nothing)."""
    sources = layout.find_edition_sources(edition_dir)
    if sources is None:
        return None, [_error(
            edition_dir, "package.no-edition",
            f"folder has no TEI file named after it ({Path(edition_dir).resolve().name}.xml)",
            "an edition folder editions/<slug>/ holds <slug>.xml, <slug>.txt and <slug>.toml")]
    if not layout.is_safe_edition_id(sources.edition_id):
        return None, [_error(edition_dir, "package.bad-edition-id",
                             f"edition folder name {sources.edition_id!r} cannot name a bag",
                             "use letters, digits, '.', '_' and '-' only")]
    if sources.folder.resolve() in (out_dir.resolve(), *out_dir.resolve().parents):
        return None, [_error(
            out_dir, "package.output-inside-edition",
            "the output folder is inside the edition folder, which packaging never changes",
            "choose an output folder outside the edition, e.g. build/bags")]
    targets = [out_dir / sources.edition_id]
    if make_zip:
        targets.append(out_dir / f"{sources.edition_id}.zip")
    existing = [t for t in targets if os.path.lexists(t)]
    if existing and not force:
        return None, [_error(t, "package.output-exists", "output exists; nothing was written",
                             "pass --force to replace it") for t in existing]
    return sources, []


def _payload(sources: layout.EditionSources, tei_all: Path | None,
             ) -> tuple[_Payload | None, list[Diagnostic]]:
    """The validated edition's payload, or None with the reasons the edition is refused."""
    from tei_edition.package.dublin_core import dublin_core_bytes
    from tei_edition.package.provenance import validation_record
    from tei_edition.render import render_tree
    from tei_edition.schema_fetch import sha256_file
    from tei_edition.validation import schema_versions, validate_tree

    label = str(sources.tei)
    parsed = parse_xml_file(sources.tei)
    if parsed.tree is None:
        return None, [*parsed.diagnostics, _refused(label)]
    profile = validation_profile(tei_all)
    found = list(validate_tree(parsed.tree, label, profile=profile, tei_all=tei_all))
    if has_errors(found):
        return None, [*found, _refused(label)]

    payload: dict[str, bytes] = {}
    for bag_path, source in sources.payload_sources().items():
        try:
            payload[bag_path] = source.read_bytes()
        except OSError as error:
            return None, [*found, _error(source, "package.cannot-read",
                                         f"cannot read: {error.strerror or error}",
                                         severity=Severity.FATAL)]
    for (to, view), bag_path in layout.rendering_payload_paths(sources.edition_id).items():
        rendered, render_diagnostics = render_tree(parsed.tree, to=to, view=view, label=label)
        found += render_diagnostics
        if rendered is None or has_errors(render_diagnostics):
            return None, [*found, _refused(label, f"the {view} {to} rendering failed")]
        payload[bag_path] = rendered
    dublin_core, dc_diagnostics = dublin_core_bytes(parsed.tree)
    found += dc_diagnostics
    if dublin_core is None:
        return None, [*found, _refused(label, "the Dublin Core record could not be made")]
    payload[f"data/{layout.DUBLIN_CORE}"] = dublin_core
    tei_payload = layout.tei_payload_path(sources.edition_id)
    payload[f"data/{layout.PROVENANCE}"] = validation_record(
        edition_id=sources.edition_id, tei_payload=tei_payload,
        tei_sha256=sha256_file(sources.tei), profile=profile,
        schemas=schema_versions(tei_all=tei_all), diagnostics=[d for d in found if d.path == label])
    return _Payload(parsed.tree, payload), found


def _refused(label: str, why: str = "the edition is not valid") -> Diagnostic:
    return _error(label, "package.refused", f"{why}; no bag was written")


def _write_bag(staging: Path, payload: dict[str, bytes], facts: header.HeaderFacts,
               date: str | None) -> None:
    """Payload files, then manifests, bag-info.txt, bagit.txt and tag manifests (RFC 8493 §2)."""
    os.chmod(staging, 0o755)  # mkdtemp makes 0700; an archive's bag is world-readable
    digests: dict[str, dict[str, str]] = {}
    for bag_path, data in sorted(payload.items()):
        target = staging / bag_path
        write_atomic(target, data)
        digests[bag_path] = bagfiles.file_digests(target)
    for folder in sorted({p.parent for p in staging.rglob("*") if p.is_file()}):
        os.chmod(folder, 0o755)
    oxum = f"{sum(len(data) for data in payload.values())}.{len(payload)}"
    tag_files = {f"manifest-{alg}.txt": bagfiles.manifest_text(digests, alg)
                 for alg in bagfiles.ALGORITHMS}
    tag_files["bag-info.txt"] = bagfiles.tag_file_text(
        header.bag_info_fields(facts, date=date, payload_oxum=oxum))
    tag_files["bagit.txt"] = bagfiles.bagit_txt()
    tag_digests: dict[str, dict[str, str]] = {}
    for name, text in sorted(tag_files.items()):
        write_atomic(staging / name, text.encode("utf-8"))
        tag_digests[name] = bagfiles.file_digests(staging / name)
    for alg in bagfiles.ALGORITHMS:
        write_atomic(staging / f"tagmanifest-{alg}.txt",
                     bagfiles.manifest_text(tag_digests, alg).encode("utf-8"))


def _self_check(bag_dir: Path) -> str | None:
    """Ask the reference implementation (bagit-python) whether the bag is valid, before anyone
    sees it; returns its complaint or None."""
    import bagit

    try:
        bagit.Bag(str(bag_dir)).validate()
    except bagit.BagError as error:
        details = "; ".join(str(d) for d in getattr(error, "details", None) or [])
        return f"bagit-python rejects the new bag: {error}{': ' + details if details else ''}"
    return None


def _publish(staging: Path, target: Path, force: bool) -> None:
    """Rename the finished bag into place; with ``force``, an old bag is moved aside first and
    removed only once the new one is in place."""
    if not target.exists():
        os.rename(staging, target)
        return
    if not force:
        raise OutputExistsError(str(target))
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
    os.rename(target, old / target.name)
    os.rename(staging, target)
    shutil.rmtree(old, ignore_errors=True)

