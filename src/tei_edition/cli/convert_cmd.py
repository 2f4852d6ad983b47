"""`tei-edition convert`: a plain-text transcript to TEI P5 (docs/encoding.md).

This module only parses options, calls `tei_edition.convert.convert_file`, serialises and
writes (atomically, never over an existing file without --force). It imports lxml and the
converter inside the command so `tei-edition --help` stays fast.
"""

from __future__ import annotations

import sys

import click

from tei_edition.cli import emit_diagnostics, format_option


@click.command(epilog="Exit codes: 0 converted, 1 problems in the input (or --check: stale), "
                      "2 usage, 3 could not run.")
@click.argument("transcript", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "output", default="-", show_default=True,
              help="Where to write the TEI; '-' is standard output.")
@click.option("--meta", "meta_path", type=click.Path(dir_okay=False), default=None,
              help="Edition metadata (TOML). Default: <stem>.toml beside the transcript.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option("--check", is_flag=True,
              help="Write nothing; exit 1 when OUT differs from a fresh conversion (stale).")
@click.option("--encoding", default=None, help="Encoding of the transcript (default UTF-8).")
@format_option
def convert(transcript: str, output: str, meta_path: str | None, force: bool, check: bool,
            encoding: str | None, output_format: str) -> None:
    """Convert the plain-text TRANSCRIPT ('-' for standard input) to TEI P5 XML.

    The TEI is validated (project profile, and TEI P5 conformance when a tei_all.rng is
    configured) before it is written; errors there mean nothing is written (exit 1).
    """
    from pathlib import Path

    from tei_edition.convert import ConversionResult, convert_bytes, convert_file, load_metadata
    from tei_edition.convert.limits import read_bounded
    from tei_edition.diagnostics import EXIT_OK, EXIT_PROBLEMS, Diagnostic, Severity, exit_code_for
    from tei_edition.xmlio import OutputExistsError, max_input_bytes, serialize, write_atomic

    if transcript == "-":
        metadata, meta_diagnostics = load_metadata(meta_path) if meta_path else (None, [])
        if meta_path and metadata is None:
            result = ConversionResult(None, meta_diagnostics)
        else:
            # Bounded like a file: one byte over the limit is enough to refuse it.
            data = read_bounded(sys.stdin.buffer, max_input_bytes() + 1)
            result = convert_bytes(data, source_path="<stdin>",
                                   metadata=metadata, metadata_path=meta_path,
                                   encoding=encoding)
            result.diagnostics[:0] = meta_diagnostics
    else:
        result = convert_file(transcript, meta_path=meta_path, encoding=encoding)
    diagnostics = list(result.diagnostics)
    if result.tree is None:
        emit_diagnostics(diagnostics, output_format)
        sys.exit(exit_code_for(diagnostics) or EXIT_PROBLEMS)
    data = serialize(result.tree)
    invalid = _validate_output(data, output if output != "-" else f"{transcript}.xml")
    if invalid:
        diagnostics.extend(invalid)
        diagnostics.append(Diagnostic(
            transcript, 0, 0, Severity.ERROR, "convert.invalid-output",
            "the TEI made from this transcript fails validation (above); nothing was written",
            "this is a converter limitation: please report the transcript; --meta overrides "
            "(e.g. conventions.label_style) may avoid it"))
    if any(d.severity >= Severity.ERROR for d in diagnostics):
        # The converter made TEI that its own schema or TEI P5 rejects: a bug to report, and
        # never a file to write (issue: convert validates what it produced before writing).
        emit_diagnostics(diagnostics, output_format)
        sys.exit(exit_code_for(diagnostics))
    if check:
        if output == "-":
            raise click.UsageError("--check needs -o OUT (the file to compare)")
        target = Path(output)
        current = target.read_bytes() if target.is_file() else None
        if current != data:
            diagnostics.append(Diagnostic(
                output, 0, 0, Severity.ERROR, "output.stale",
                "output is missing" if current is None else
                "output differs from a fresh conversion of the transcript",
                f"run: tei-edition convert {transcript} -o {output} --force"))
        emit_diagnostics(diagnostics, output_format)
        sys.exit(exit_code_for(diagnostics))
    if output == "-":
        emit_diagnostics(diagnostics, output_format)
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        sys.exit(EXIT_OK if exit_code_for(diagnostics) == EXIT_OK else exit_code_for(diagnostics))
    try:
        write_atomic(output, data, force=force)
    except OutputExistsError:
        diagnostics.append(Diagnostic(output, 0, 0, Severity.ERROR, "output.exists",
                                      "output file exists; nothing was written",
                                      "pass --force to overwrite it"))
    except OSError as error:
        diagnostics.append(Diagnostic(output, 0, 0, Severity.FATAL, "output.unwritable",
                                      f"cannot write output: {error.strerror or error}"))
    emit_diagnostics(diagnostics, output_format)
    sys.exit(exit_code_for(diagnostics))


def _validate_output(data: bytes, label: str) -> list:
    """Errors of the project profile (and TEI conformance when a tei_all.rng is configured)
    on the bytes about to be written; warnings are left to `tei-edition validate`."""
    from tei_edition.diagnostics import Severity
    from tei_edition.resources import find_tei_all
    from tei_edition.validation import validate_tree
    from tei_edition.xmlio import parse_xml_bytes

    parsed = parse_xml_bytes(data, label)
    if parsed.tree is None:
        return list(parsed.diagnostics)
    tei_all = find_tei_all()
    profile = "all" if tei_all is not None and tei_all.is_file() else "project"
    found = validate_tree(parsed.tree, label, profile=profile,
                          tei_all=tei_all if profile == "all" else None)
    return [d for d in found if d.severity >= Severity.ERROR]
