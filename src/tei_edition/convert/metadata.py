"""The edition metadata file (TOML): what the transcript itself cannot say.

Owns the `Metadata` value and `load_metadata`/`read_metadata`, which check every key and
report unknown keys and wrong types as diagnostics (never exceptions). Every key is
documented in docs/metadata.md and docs/examples/edition.toml. It must not infer anything
from a transcript.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tei_edition.diagnostics import Diagnostic, Severity


@dataclass(frozen=True)
class PersonInfo:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    role: str = ""
    affiliation: str = ""
    group: str = ""
    sex: str = ""


@dataclass(frozen=True)
class Agent:
    """A named person or organisation (an editor, the translator)."""

    name: str
    id: str = ""
    kind: str = "person"  # person | organisation
    role: str = ""


@dataclass(frozen=True)
class GroupInfo:
    id: str
    label: str


@dataclass(frozen=True)
class CorrectionInfo:
    sic: str
    corr: str
    line: int = 0
    note: str = ""


@dataclass(frozen=True)
class RevisionInfo:
    when: str
    change: str
    who: str = ""


@dataclass(frozen=True)
class Metadata:
    edition_id: str = ""
    title: str = ""
    language: str = ""
    date: str = ""
    summary: str = ""  # "after-closer": the text after the closer is the archive's summary
    source_title: str = ""
    archive: str = ""
    collection: str = ""
    catalogue_date: str = ""
    url: str = ""
    interventions_by: Agent | None = None
    place: str = ""
    event: str = ""
    publisher: str = ""
    licence: str = ""
    licence_url: str = ""
    editors: tuple[Agent, ...] = ()
    groups: tuple[GroupInfo, ...] = ()
    persons: tuple[PersonInfo, ...] = ()
    mentioned: tuple[PersonInfo, ...] = ()
    corrections: tuple[CorrectionInfo, ...] = ()
    revisions: tuple[RevisionInfo, ...] = ()
    label_style: str = ""
    headings: tuple[str, ...] = ()
    tei_policy: str = "generated"  # how the edition's TEI is kept; read by `build` only


_TOP = {"id", "title", "language", "date", "summary", "tei", "source", "setting", "publication",
        "editors", "groups", "persons", "mentioned", "corrections", "revisions", "conventions"}
# Values of the top-level `tei` key (docs/build.md): "generated" (the build rewrites a stale
# <slug>.xml), "check-only" (it only reports one), "hand-maintained" (the TEI is the master).
TEI_POLICIES = ("generated", "check-only", "hand-maintained")
_SOURCE = {"title", "archive", "collection", "catalogue_date", "url", "interventions_by"}
_AGENT = {"name", "id", "kind", "role"}
_PERSON = {"id", "name", "aliases", "role", "affiliation", "group", "sex"}
_SECTIONS = {"setting": {"place", "event"}, "publication": {"publisher", "licence", "licence_url"},
             "conventions": {"label_style", "headings"}}
_NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class _Reader:
    """Collects diagnostics while taking typed values out of the parsed TOML."""

    def __init__(self, path: str, source: str) -> None:
        self.path, self.lines, self.diagnostics = path, source.splitlines(), []

    def line_of(self, key: str) -> int:
        pattern = re.compile(rf"^\s*(\[+\s*)?{re.escape(key)}\s*(=|\]|\.)")
        return next((n for n, text in enumerate(self.lines, 1) if pattern.match(text)), 0)

    def report(self, key: str, severity: Severity, code: str, message: str,
               hint: str | None = None) -> None:
        line = self.line_of(key.split(".")[-1])
        self.diagnostics.append(Diagnostic(self.path, line, 1 if line else 0, severity, code,
                                           message, hint))

    def table(self, data: dict[str, Any], allowed: set[str], where: str) -> dict[str, Any]:
        for key in sorted(set(data) - allowed):
            self.report(key, Severity.WARNING, "metadata.unknown-key",
                        f"unknown key {where + '.' if where else ''}{key} is ignored",
                        "see docs/metadata.md for the keys tei-edition reads")
        return data

    def ident(self, data: dict[str, Any], where: str) -> str:
        """An id that must be usable as xml:id (an NCName), unique among the editors."""
        value = self.text(data, "id", where)
        if value and not _NCNAME.fullmatch(value):
            self.report("id", Severity.ERROR, "metadata.invalid-value",
                        f"{where}.id {value!r} is not a valid identifier",
                        "use lower-case letters, digits and hyphens, starting with a letter")
            return ""
        return value

    def text(self, data: dict[str, Any], key: str, where: str = "") -> str:
        value = data.get(key, "")
        if isinstance(value, int) and not isinstance(value, bool) and key == "line":
            return str(value)
        if not isinstance(value, str):
            self.report(key, Severity.ERROR, "metadata.invalid-value",
                        f"{where + '.' if where else ''}{key} must be a string")
            return ""
        return value.strip()

    def tables(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.report(key, Severity.ERROR, "metadata.invalid-value",
                        f"{key} must be an array of tables ([[{key}]])")
            return []
        return value

    def agent(self, data: Any, where: str) -> Agent | None:
        if not isinstance(data, dict):
            self.report(where.split(".")[-1], Severity.ERROR, "metadata.invalid-value",
                        f"{where} must be a table with name (and optional id, kind, role)")
            return None
        self.table(data, _AGENT, where)
        name = self.text(data, "name", where)
        kind = self.text(data, "kind", where) or "person"
        if kind not in ("person", "organisation"):
            self.report("kind", Severity.ERROR, "metadata.invalid-value",
                        f"{where}.kind must be 'person' or 'organisation'")
        if not name:
            self.report(where.split(".")[-1], Severity.ERROR, "metadata.invalid-value",
                        f"{where} needs a name")
            return None
        return Agent(name, self.ident(data, where), kind, self.text(data, "role", where))

    def person(self, data: dict[str, Any], where: str) -> PersonInfo | None:
        self.table(data, _PERSON, where)
        name = self.text(data, "name", where)
        aliases = data.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            self.report("aliases", Severity.ERROR, "metadata.invalid-value",
                        f"{where}.aliases must be a list of strings")
            aliases = []
        if not name:
            self.report(where, Severity.ERROR, "metadata.invalid-value", f"{where} needs a name")
            return None
        return PersonInfo(self.ident(data, where), name, tuple(a.strip() for a in aliases),
                          self.text(data, "role", where), self.text(data, "affiliation", where),
                          self.text(data, "group", where), self.text(data, "sex", where))


def read_metadata(source: str, path: str = "<metadata>"
                  ) -> tuple[Metadata | None, list[Diagnostic]]:
    """Parse metadata TOML text; errors make the result None."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+), column (\d+)", str(error))
        line, column = (int(match[1]), int(match[2])) if match else (0, 0)
        return None, [Diagnostic(path, line, column, Severity.ERROR, "metadata.unreadable",
                                 f"not valid TOML: {error}")]
    reader = _Reader(path, source)
    reader.table(data, _TOP, "")
    sections = {}
    for name, allowed in (*_SECTIONS.items(), ("source", _SOURCE)):
        value = data.get(name, {})
        if not isinstance(value, dict):
            reader.report(name, Severity.ERROR, "metadata.invalid-value", f"{name} must be a table")
            value = {}
        sections[name] = reader.table(value, allowed, name)
    source_table = sections["source"]
    interventions = (reader.agent(source_table["interventions_by"], "source.interventions_by")
                     if "interventions_by" in source_table else None)
    editors = tuple(a for i, t in enumerate(reader.tables(data, "editors"))
                    if (a := reader.agent(t, f"editors[{i}]")))
    editor_ids = [e.id for e in editors if e.id]
    if len(editor_ids) != len(set(editor_ids)):
        reader.report("editors", Severity.ERROR, "metadata.invalid-value",
                      "two editors have the same id")
    groups = []
    for i, table in enumerate(reader.tables(data, "groups")):
        reader.table(table, {"id", "label"}, f"groups[{i}]")
        groups.append(GroupInfo(reader.text(table, "id"), reader.text(table, "label")))
    persons = tuple(p for i, t in enumerate(reader.tables(data, "persons"))
                    if (p := reader.person(t, f"persons[{i}]")))
    mentioned = tuple(p for i, t in enumerate(reader.tables(data, "mentioned"))
                      if (p := reader.person(t, f"mentioned[{i}]")))
    corrections = []
    for i, table in enumerate(reader.tables(data, "corrections")):
        reader.table(table, {"sic", "corr", "line", "note"}, f"corrections[{i}]")
        line = table.get("line", 0)
        if not isinstance(line, int) or isinstance(line, bool) or line < 0:
            reader.report("line", Severity.ERROR, "metadata.invalid-value",
                          f"corrections[{i}].line must be a positive integer")
            line = 0
        sic, corr = reader.text(table, "sic"), reader.text(table, "corr")
        if not sic:
            reader.report("sic", Severity.ERROR, "metadata.invalid-value",
                          f"corrections[{i}] needs a non-empty sic")
            continue
        corrections.append(CorrectionInfo(sic, corr, line, reader.text(table, "note")))
    revisions = []
    for i, table in enumerate(reader.tables(data, "revisions")):
        reader.table(table, {"when", "change", "who"}, f"revisions[{i}]")
        when = table.get("when", "")
        when = when.isoformat() if hasattr(when, "isoformat") else str(when)
        if not _ISO_DATE.fullmatch(when):
            reader.report("when", Severity.ERROR, "metadata.invalid-value",
                          f"revisions[{i}].when must be a date like 2026-11-27")
        revisions.append(RevisionInfo(when, reader.text(table, "change"),
                                      reader.text(table, "who")))
    date = data.get("date", "")
    date = date.isoformat() if hasattr(date, "isoformat") else date
    if date and not (isinstance(date, str) and _ISO_DATE.fullmatch(date)):
        reader.report("date", Severity.ERROR, "metadata.invalid-value",
                      "date must be an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
        date = ""
    conventions = sections["conventions"]
    style = reader.text(conventions, "label_style", "conventions")
    if style and style not in ("dash", "colon", "period", "none"):
        reader.report("label_style", Severity.ERROR, "metadata.invalid-value",
                      "conventions.label_style must be dash, colon, period or none")
    headings = conventions.get("headings", [])
    if not isinstance(headings, list) or not all(isinstance(h, str) for h in headings):
        reader.report("headings", Severity.ERROR, "metadata.invalid-value",
                      "conventions.headings must be a list of strings")
        headings = []
    summary = reader.text(data, "summary")
    if summary and summary != "after-closer":
        reader.report("summary", Severity.ERROR, "metadata.invalid-value",
                      "summary must be \"after-closer\" (or absent)")
    tei_policy = reader.text(data, "tei") or "generated"
    if tei_policy not in TEI_POLICIES:
        reader.report("tei", Severity.ERROR, "metadata.invalid-value",
                      f"tei must be one of {', '.join(repr(p) for p in TEI_POLICIES)}",
                      'use tei = "hand-maintained" for a TEI edited by hand')
    publication, setting = sections["publication"], sections["setting"]
    metadata = Metadata(
        edition_id=reader.text(data, "id"), title=reader.text(data, "title"),
        language=reader.text(data, "language"), date=str(date), summary=summary,
        source_title=reader.text(source_table, "title", "source"),
        archive=reader.text(source_table, "archive", "source"),
        collection=reader.text(source_table, "collection", "source"),
        catalogue_date=reader.text(source_table, "catalogue_date", "source"),
        url=reader.text(source_table, "url", "source"), interventions_by=interventions,
        place=reader.text(setting, "place", "setting"),
        event=reader.text(setting, "event", "setting"),
        publisher=reader.text(publication, "publisher", "publication"),
        licence=reader.text(publication, "licence", "publication"),
        licence_url=reader.text(publication, "licence_url", "publication"),
        editors=editors, groups=tuple(groups), persons=persons, mentioned=mentioned,
        corrections=tuple(corrections), revisions=tuple(revisions), label_style=style,
        headings=tuple(h.strip() for h in headings), tei_policy=tei_policy)
    if any(d.severity >= Severity.ERROR for d in reader.diagnostics):
        return None, reader.diagnostics
    return metadata, reader.diagnostics


def load_metadata(path: str | Path) -> tuple[Metadata | None, list[Diagnostic]]:
    """Read an edition's TOML metadata file; problems come back as diagnostics."""
    try:
        source = Path(path).read_bytes().decode("utf-8")
    except OSError as error:  # cannot run: the file named is not there or not readable
        return None, [Diagnostic(str(path), 0, 0, Severity.FATAL, "metadata.unreadable",
                                 f"cannot read metadata file: {error.strerror or error}")]
    except UnicodeDecodeError as error:
        return None, [Diagnostic(str(path), 0, 0, Severity.ERROR, "metadata.unreadable",
                                 f"metadata file is not UTF-8: {error.reason} at byte "
                                 f"{error.start}")]
    return read_metadata(source, str(path))
