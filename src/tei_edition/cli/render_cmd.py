"""`tei-edition render`: one TEI edition to an HTML or plain-text reading copy.

This module owns the command's options, reading the edition and writing the result
(atomically, never over an existing file without --force). It must not render anything
itself (tei_edition.render does) and imports lxml only inside the command.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tei_edition.cli import emit_diagnostics, format_option


@click.command("render")
@click.argument("edition", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "to", type=click.Choice(["html", "text"]), required=True,
              help="Output format: one self-contained HTML page, or UTF-8 plain text.")
@click.option("--view", type=click.Choice(["reading", "diplomatic"]), default="reading",
              show_default=True,
              help="reading: corrections applied, insertion labels dropped, notes as endnotes; "
                   "diplomatic: the transcript as written. HTML pages carry both views and "
                   "open in this one.")
@click.option("-o", "--output", default="-", show_default=True,
              help="Output file; '-' writes to standard output.")
@click.option("--stylesheet", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="A custom XSLT 1.0 stylesheet instead of the project's; it may import "
                   "href=\"tei-edition:html.xsl\" and files in its own folder, nothing else.")
@click.option("--width", type=click.IntRange(min=1), default=None,
              help="Text only: wrap lines at N characters (default: lines as in the source).")
@click.option("--strict", is_flag=True,
              help="Stop with an error at any element no template handles.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@format_option
def render(edition: Path, to: str, view: str, output: str, stylesheet: Path | None,
           width: int | None, strict: bool, force: bool, output_format: str) -> None:
    """Render EDITION.xml (TEI P5) to an HTML or plain-text reading copy.

    \b
    Exit codes: 0 rendered; 1 output exists (without --force) or the stylesheet
    stopped (e.g. --strict met an unknown element); 3 the edition or stylesheet could not
    be read or compiled.
    """
    from tei_edition.diagnostics import Diagnostic, Severity, exit_code_for
    from tei_edition.render import render_tree
    from tei_edition.xmlio import OutputExistsError, parse_xml_file, write_atomic

    target = None if output == "-" else Path(output)
    if target is not None and target.exists() and not force:
        _finish([Diagnostic(str(target), 0, 0, Severity.ERROR, "output.exists",
                            "output file exists; not overwritten",
                            "pass --force to replace it")], output_format)
    parsed = parse_xml_file(edition)
    diagnostics = list(parsed.diagnostics)
    if parsed.tree is None:
        # An edition that is not well-formed XML cannot be rendered at all.
        _finish([_at_least_fatal(d) for d in diagnostics], output_format)
    data, found = render_tree(parsed.tree, to=to, view=view, width=width, stylesheet=stylesheet,
                              strict=strict, label=str(edition))
    diagnostics += found
    if data is not None:
        if target is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            try:
                write_atomic(target, data, force=force)
            except OutputExistsError:
                diagnostics.append(Diagnostic(str(target), 0, 0, Severity.ERROR, "output.exists",
                                              "output file exists; not overwritten",
                                              "pass --force to replace it"))
            except OSError as error:
                diagnostics.append(Diagnostic(str(target), 0, 0, Severity.FATAL,
                                              "output.unwritable",
                                              f"cannot write output: {error.strerror or error}"))
    emit_diagnostics(diagnostics, output_format)
    raise SystemExit(exit_code_for(diagnostics))


def _at_least_fatal(diagnostic):  # type: ignore[no-untyped-def]
    from tei_edition.diagnostics import Diagnostic, Severity

    return Diagnostic(diagnostic.path, diagnostic.line, diagnostic.column, Severity.FATAL,
                      diagnostic.code, diagnostic.message, diagnostic.hint)


def _finish(diagnostics: list, output_format: str) -> None:
    from tei_edition.diagnostics import exit_code_for

    emit_diagnostics(diagnostics, output_format)
    raise SystemExit(exit_code_for(diagnostics))
