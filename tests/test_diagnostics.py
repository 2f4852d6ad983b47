"""The Diagnostic value: one line per problem, three formats, exit codes by severity."""

from __future__ import annotations

import json

from tei_edition.diagnostics import (
    EXIT_CANNOT_RUN,
    EXIT_OK,
    EXIT_PROBLEMS,
    Diagnostic,
    Severity,
    exit_code_for,
    format_diagnostics,
)

ERROR = Diagnostic("a.txt", 3, 7, Severity.ERROR, "transcript.unclosed-bracket",
                   "bracket opened here\nis never closed", "close it with ]")
WARNING = Diagnostic("a.txt", 1, 1, Severity.WARNING, "rules.abstract-missing", "no abstract")


def test_text_format_is_one_line_with_position_severity_code_and_hint() -> None:
    assert ERROR.format_text() == (
        "a.txt:3:7: error [transcript.unclosed-bracket] bracket opened here is never closed"
        " (hint: close it with ])")


def test_json_format_is_one_array_with_every_field() -> None:
    data = json.loads(format_diagnostics([ERROR, WARNING], "json"))
    assert [d["code"] for d in data] == ["transcript.unclosed-bracket", "rules.abstract-missing"]
    assert data[0] == {"path": "a.txt", "line": 3, "column": 7, "severity": "error",
                       "code": "transcript.unclosed-bracket",
                       "message": "bracket opened here\nis never closed",
                       "hint": "close it with ]"}


def test_github_format_escapes_and_maps_severity() -> None:
    line = format_diagnostics([WARNING], "github")
    assert line == "::warning file=a.txt,line=1,col=1,title=rules.abstract-missing::no abstract\n"


def test_exit_code_follows_fail_on_and_fatal_means_could_not_run() -> None:
    assert exit_code_for([]) == EXIT_OK
    assert exit_code_for([WARNING]) == EXIT_OK
    assert exit_code_for([WARNING], Severity.WARNING) == EXIT_PROBLEMS
    assert exit_code_for([ERROR, WARNING]) == EXIT_PROBLEMS
    fatal = Diagnostic("x", 0, 0, Severity.FATAL, "io.unreadable", "cannot read")
    assert exit_code_for([ERROR, fatal]) == EXIT_CANNOT_RUN
