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
    """A lower-case NCName: ascii letters, digits and hyphens, starting with a letter."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if not slug:
        return prefix
    return slug if slug[0].isalpha() else f"{prefix}-{slug}"


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
