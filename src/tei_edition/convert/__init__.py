"""Plain-text transcript to TEI P5: the public entry points of the converter.

`convert_text` is pure (text + metadata -> tree + diagnostics); `convert_file` reads the
transcript (and its `<stem>.toml` metadata when present) and calls it. The pipeline runs one
way: decode -> lexer -> parser -> speakers/annotation -> builder (docs/encoding.md). Nothing
here writes files; the CLI serialises and writes atomically.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tei_edition.convert.builder import RESERVED_IDS, build_tei
from tei_edition.convert.decode import decode_transcript
from tei_edition.convert.labels import label_key
from tei_edition.convert.limits import (
    TranscriptUnreadable,
    illegal_char_diagnostics,
    read_transcript_file,
    size_diagnostics,
    text_node_diagnostics,
)
from tei_edition.convert.metadata import Metadata, load_metadata, read_metadata
from tei_edition.convert.names import IdRegistry
from tei_edition.convert.parser import ParseHints, parse_transcript
from tei_edition.convert.speakers import build_cast
from tei_edition.diagnostics import Diagnostic, Severity, has_errors

__all__ = ["ConversionResult", "Metadata", "convert_bytes", "convert_file", "convert_text",
           "load_metadata", "read_metadata"]


@dataclass
class ConversionResult:
    """The TEI tree (None when there are errors) and every diagnostic of the conversion."""

    tree: etree._ElementTree | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.tree is not None


def _hints(metadata: Metadata | None) -> ParseHints:
    if metadata is None:
        return ParseHints()
    keys = set()
    for person in metadata.persons:
        for name in (person.name, *person.aliases):
            keys.add(label_key(name))
            keys.add(label_key(name.split()[-1]))
    return ParseHints(metadata.label_style, frozenset(k for k in keys if k), metadata.headings)


def convert_text(text: str, *, source_path: str = "<transcript>",
                 metadata: Metadata | None = None,
                 metadata_path: str | None = None) -> ConversionResult:
    """Convert decoded transcript text; never raises on bad input."""
    refused = illegal_char_diagnostics(text, source_path) or text_node_diagnostics(text,
                                                                                    source_path)
    if refused:
        return ConversionResult(None, refused)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").lstrip("\ufeff")
    document, diagnostics = parse_transcript(text, source_path, _hints(metadata))
    if has_errors(diagnostics):
        return ConversionResult(None, sorted(diagnostics))
    ids = IdRegistry(RESERVED_IDS + tuple(e.id for e in (metadata.editors if metadata else ())))
    cast, cast_diagnostics = build_cast(document, metadata, ids, source_path)
    diagnostics += cast_diagnostics
    tree, annotator = build_tei(document, cast, metadata, ids, source_path)
    if metadata is not None:
        for index, correction in enumerate(metadata.corrections):
            if not annotator.used[index]:
                diagnostics.append(Diagnostic(
                    metadata_path or source_path, 0, 0, Severity.WARNING,
                    "metadata.correction-not-found",
                    f"correction {correction.sic!r} -> {correction.corr!r} matches no text"
                    + (f" on line {correction.line}" if correction.line else ""),
                    "check the sic text (and line) against the transcript"))
    return ConversionResult(tree, sorted(diagnostics))


def convert_bytes(data: bytes, *, source_path: str = "<transcript>",
                  metadata: Metadata | None = None, metadata_path: str | None = None,
                  encoding: str | None = None) -> ConversionResult:
    """Decode ``data`` (UTF-8 unless ``encoding``) and convert it, recording normalisations."""
    too_large = size_diagnostics(data, source_path)
    if too_large:
        return ConversionResult(None, too_large)
    decoded, diagnostics = decode_transcript(data, source_path, encoding)
    if decoded is None:
        return ConversionResult(None, diagnostics)
    result = convert_text(decoded.text, source_path=source_path, metadata=metadata,
                          metadata_path=metadata_path)
    if result.tree is not None and decoded.normalisations:
        _declare_byte_normalisations(result.tree, decoded.normalisations)
    return result


def _declare_byte_normalisations(tree: etree._ElementTree, keys: tuple[str, ...]) -> None:
    from tei_edition.convert.header import NORMALISATION_TEXT
    from tei_edition.convert.teixml import sub
    from tei_edition.xmlio import TEI_NS

    normalization = tree.find(f".//{{{TEI_NS}}}editorialDecl/{{{TEI_NS}}}normalization")
    if normalization is None:
        return
    first = normalization[0]
    first.text = "The transcript is reproduced as written, except:"
    for key in reversed(keys):
        paragraph = sub(normalization, "p", NORMALISATION_TEXT[key])
        first.addnext(paragraph)


def convert_file(path: str | os.PathLike[str], *, meta_path: str | os.PathLike[str] | None = None,
                 encoding: str | None = None) -> ConversionResult:
    """Convert a transcript file; ``<stem>.toml`` beside it is the metadata unless given."""
    transcript = Path(path)
    label = str(path)
    try:
        data = read_transcript_file(transcript, label)
    except TranscriptUnreadable as error:
        return ConversionResult(None, [error.diagnostic])
    metadata = None
    diagnostics: list[Diagnostic] = []
    candidate = Path(meta_path) if meta_path is not None else transcript.with_suffix(".toml")
    if meta_path is not None or candidate.is_file():
        metadata, diagnostics = load_metadata(candidate)
        if metadata is None:
            return ConversionResult(None, diagnostics)
    result = convert_bytes(data, source_path=label, metadata=metadata,
                           metadata_path=str(candidate) if metadata else None, encoding=encoding)
    return ConversionResult(result.tree, diagnostics + result.diagnostics)
