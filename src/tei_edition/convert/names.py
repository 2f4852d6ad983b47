"""Identifiers and name matching: NCName slugs, unique ids, and finding declared names in text.

Owns `slugify`, the `IdRegistry` that keeps every xml:id of a document unique, and
`wrap_matches`, which wraps a span of inline nodes (names, corrections) without ever
splitting a bracketed intervention. It must not decide which names are declared
(speakers.py) nor build XML.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from tei_edition.convert.model import Inline, LineBreak, Supplied, Text


def slugify(text: str, prefix: str = "p") -> str:
    """A lower-case NCName: letters of any script, digits and hyphens, starting with a letter.

    Latin letters lose their accents ("Rákosi" -> "rakosi", as before); letters of other
    scripts stay as they are ("毛泽东", "Ким Ир Сен" -> "ким-ир-сен"): an NCName (XML
    Namespaces §3, the type of xml:id) allows them, and dropping them made every such
    person "p", "p-2" (TEI P5 §1.3.1.1 att.global: xml:id)."""
    slug = re.sub(r"-+", "-", "".join(
        char if _name_char(char) else "-" for char in _fold_latin(text).lower())).strip("-")
    if not slug:
        return prefix
    return slug if unicodedata.category(slug[0]).startswith("L") else f"{prefix}-{slug}"


def _fold_latin(text: str) -> str:
    """Accents dropped from letters whose base is ASCII ("é" -> "e"); every other letter,
    with its marks, recomposed as written (NFC), so a Hangul syllable stays one letter."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.category(char).startswith("M") and kept and kept[-1].isascii():
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def _name_char(char: str) -> bool:
    """A letter, a mark that belongs to a letter (Devanagari vowel signs), or a digit; ASCII
    punctuation and symbols become hyphens."""
    category = unicodedata.category(char)
    return category[0] == "L" or category in ("Mn", "Mc", "Nd")


class IdRegistry:
    """Hands out unique ids in a fixed order, so the same input gives the same ids."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self.used: set[str] = set(reserved)

    def claim(self, wanted: str) -> str:
        candidate, number = wanted, 2
        while candidate in self.used:
            candidate, number = f"{wanted}-{number}", number + 1
        self.used.add(candidate)
        return candidate


_BLOCKER = "\x00"


def _flatten(nodes: tuple[Inline, ...], supplied_as: Callable[[Supplied], str]) -> tuple[
        str, list[tuple[int, int, int]]]:
    """The searchable string of ``nodes`` and (node index, start, end) of each node in it."""
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    position = 0
    for index, node in enumerate(nodes):
        if isinstance(node, Text):
            piece = node.text
        elif isinstance(node, Supplied):
            piece = supplied_as(node)
        elif isinstance(node, LineBreak):
            piece = "\n"
        else:
            piece = _BLOCKER
        parts.append(piece)
        spans.append((index, position, position + len(piece)))
        position += len(piece)
    return "".join(parts), spans


def wrap_matches(nodes: tuple[Inline, ...], pattern: re.Pattern[str],
                 make: Callable[[re.Match[str], tuple[Inline, ...]], Inline | None],
                 *, supplied_as: Callable[[Supplied], str] = lambda s: s.text,
                 line_filter: Callable[[re.Match[str], int], bool] | None = None,
                 ) -> tuple[tuple[Inline, ...], int]:
    """Wrap every match of ``pattern`` whose ends fall in text or on node boundaries.

    ``make`` builds the wrapper from the match and the covered nodes (None = leave as is).
    Returns the new nodes and how many matches were wrapped.
    """
    flat, spans = _flatten(nodes, supplied_as)
    cuts: list[tuple[int, int]] = []
    for found in pattern.finditer(flat):
        start, end = found.span()
        if start == end or not (_cuttable(nodes, spans, start) and _cuttable(nodes, spans, end)):
            continue
        if line_filter is not None and not line_filter(found, _line_at(nodes, spans, start)):
            continue
        cuts.append((start, end))
    if not cuts:
        return nodes, 0
    atoms = _atoms(nodes, spans, {p for cut in cuts for p in cut})
    out: list[Inline] = []
    wrapped = 0
    cut_iter = iter(cuts)
    current = next(cut_iter, None)
    collected: list[Inline] | None = None
    for start, end, node in atoms:
        if current and start == current[0]:
            collected = []
        if collected is not None:
            collected.append(node)
            if end == current[1]:
                found = pattern.match(flat, current[0])
                wrapper = make(found, tuple(collected)) if found else None
                if wrapper is None:
                    out.extend(collected)
                else:
                    out.append(wrapper)
                    wrapped += 1
                collected = None
                current = next(cut_iter, None)
            continue
        out.append(node)
    return tuple(out), wrapped


def _cuttable(nodes: tuple[Inline, ...], spans: list[tuple[int, int, int]], position: int) -> bool:
    for index, start, end in spans:
        if start == position or end == position:
            return True
        if start < position < end:
            return isinstance(nodes[index], Text)
    return position == 0


def _line_at(nodes: tuple[Inline, ...], spans: list[tuple[int, int, int]], position: int) -> int:
    line = 0
    for index, start, _end in spans:
        if start > position or (start == position and line):
            break
        node = nodes[index]
        if isinstance(node, Text):
            line = node.line
    return line


def _atoms(nodes: tuple[Inline, ...], spans: list[tuple[int, int, int]],
           cuts: set[int]) -> list[tuple[int, int, Inline]]:
    """Nodes with Text split at the cut positions, each with its span in the flat string."""
    atoms: list[tuple[int, int, Inline]] = []
    for index, start, end in spans:
        node = nodes[index]
        inner = sorted(p for p in cuts if start < p < end) if isinstance(node, Text) else []
        if not inner:
            atoms.append((start, end, node))
            continue
        bounds = [start, *inner, end]
        for left, right in zip(bounds, bounds[1:], strict=False):
            atoms.append((left, right, Text(node.text[left - start: right - start], node.line)))
    return atoms
