"""The one problem report every stage returns: converter, validators, renderers, packager.

This module owns the `Diagnostic` value, its text/JSON/GitHub formats and the exit-code
policy. It must not know about any stage in particular: stages create diagnostics, the CLI
prints them. Codes (e.g. ``transcript.unclosed-bracket``) are stable once published; each
stage documents its own codes where it defines them (see docs/diagnostics.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import IntEnum

# Exit codes, documented in the README and in every command's --help.
EXIT_OK = 0  # no problem at or above --fail-on
EXIT_PROBLEMS = 1  # problems in the input at or above --fail-on
EXIT_USAGE = 2  # wrong command line (click uses 2 as well)
EXIT_CANNOT_RUN = 3  # the tool could not run: missing schema, unreadable file, internal limit


class Severity(IntEnum):
    """Ordered so that `severity >= Severity.WARNING` reads naturally."""

    INFO = 10
    WARNING = 20
    ERROR = 30
    FATAL = 40  # the stage could not continue (cannot-run); always at least an error

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Severity:
        return cls[name.upper()]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem, positioned in the file that shows it.

    ``line`` and ``column`` are 1-based; 0 means "unknown" (a whole-file problem).
    ``hint`` says what the user can do about it, when we know.
    """

    path: str
    line: int
    column: int
    severity: Severity = field(compare=False)
    code: str = field(compare=False)
    message: str = field(compare=False)
    hint: str | None = field(default=None, compare=False)

    def format_text(self) -> str:
        """`path:line:col: severity [code] message` on one line, then ` (hint: ...)` if any."""
        message = _one_line(self.message)
        if self.hint:
            message += f" (hint: {_one_line(self.hint)})"
        return f"{self.path}:{self.line}:{self.column}: {self.severity} [{self.code}] {message}"

    def format_github(self) -> str:
        """A GitHub Actions workflow command, so findings annotate the pull request."""
        level = {Severity.INFO: "notice", Severity.WARNING: "warning"}.get(self.severity, "error")
        message = _one_line(self.message)
        if self.hint:
            message += f" (hint: {_one_line(self.hint)})"
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = self.path.replace(",", "%2C").replace(":", "%3A")
        return (
            f"::{level} file={path},line={max(self.line, 1)},col={max(self.column, 1)},"
            f"title={self.code}::{message}"
        )

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data


def _one_line(text: str) -> str:
    return " ".join(text.split())


def worst(diagnostics: Iterable[Diagnostic]) -> Severity | None:
    """The highest severity among the diagnostics, or None when there are none."""
    return max((d.severity for d in diagnostics), default=None)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity >= Severity.ERROR for d in diagnostics)


def exit_code_for(diagnostics: Iterable[Diagnostic], fail_on: Severity = Severity.ERROR) -> int:
    """0 when nothing reaches ``fail_on``; 3 when a stage could not run; 1 otherwise."""
    found = list(diagnostics)
    if any(d.severity is Severity.FATAL for d in found):
        return EXIT_CANNOT_RUN
    if any(d.severity >= fail_on for d in found):
        return EXIT_PROBLEMS
    return EXIT_OK


FORMATS = ("text", "json", "github")


def format_diagnostics(diagnostics: Iterable[Diagnostic], fmt: str = "text") -> str:
    """All diagnostics in one of FORMATS; text and github give one line each, json one array."""
    found = list(diagnostics)
    if fmt == "json":
        import json  # only this format needs it (start-up time: docs/performance.md)

        return json.dumps([d.to_json() for d in found], ensure_ascii=False, indent=2) + "\n"
    if fmt == "github":
        return "".join(d.format_github() + "\n" for d in found)
    return "".join(d.format_text() + "\n" for d in found)
