"""An editor's bracketed passage over several paragraphs, as FRUS and American editorial
style write it: every paragraph of the passage opens with "[", only the last one closes.

    [The delegation arrived at the airport at 9 a.m. and was driven to the residence.

    [Coffee was served in the library. Photographers were admitted.]

Owns recognising such a run of paragraphs (``bracketed_passage``). Each paragraph alone is an
unclosed bracket (``transcript.unclosed-bracket``, a warning: the text is kept as written);
the run is one editorial intervention, so body.py gives it a division of its own
(``div[@type="editorial"]``, TEI P5 §4.1: a division of text by another hand than the
dialogue's) with the brackets kept as written.
The shape is narrow: every paragraph opens with "[" and holds no other bracket, the last
one ends with the only "]", and no line of it is a speaker label. A passage whose "]" never
comes is no passage: then a bracket was really left open, and each paragraph keeps its "["
as text with that warning. It judges lines only; it
must not build blocks nor decide about turns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tei_edition.convert.lexer import SourceLine


def _paragraph_end(lines: Sequence[SourceLine], start: int, stop: int) -> int:
    end = start + 1
    while end < stop and lines[end].tight:
        end += 1
    return end


def bracketed_passage(lines: Sequence[SourceLine], start: int, stop: int,
                      is_label: Callable[[int], bool]) -> list[tuple[int, int]]:
    """The paragraphs (start, end) of a bracketed passage opening at ``start``, two at
    least, or [] when the lines there are not one."""
    if start >= stop or not lines[start].text.startswith("[") or (
            lines[start].tight and start > 0 and not lines[start - 1].text.endswith(
                (".", "?", "!", "]", ")"))):
        return []
    paragraphs: list[tuple[int, int]] = []
    begin = start
    while begin < stop:
        end = _paragraph_end(lines, begin, stop)
        text = " ".join(line.text for line in lines[begin:end])
        if not text.startswith("[") or text.count("[") != 1 or any(
                is_label(k) for k in range(begin, end)):
            return []
        paragraphs.append((begin, end))
        if "]" in text:
            closed = text.count("]") == 1 and text.endswith("]")
            return paragraphs if closed and len(paragraphs) >= 2 else []
        begin = end
    return []
