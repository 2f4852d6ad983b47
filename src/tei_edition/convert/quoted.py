"""Records copied with every paragraph wrapped in quotation marks.

Owns one layout: a web or database export that puts each paragraph of a stenographic record
between quotation marks ("'El señor presidente: Siguiente punto ...'", "'Gracias.'"), so a
speaker's label follows the opening quote. When nearly every line of the body is such a
quoted paragraph, the opening quote before a label is no part of the speech: the label is
read after it (the quote stays in `speaker`, as written, so nothing is lost). It must not
choose label styles (evidence.py asks it) nor build any structure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

# opening quote -> the closing quote that ends the same paragraph
QUOTE_PAIRS = {"'": "'", '"': '"', "“": "”", "‘": "’", "«": "»", "„": "“"}
# a handful of paragraphs, nearly all of them quoted: a layout, not a quotation in a speech
MIN_QUOTED_LINES = 5
MIN_QUOTED_SHARE = 0.75


def quoted_layout(texts: Sequence[str]) -> str:
    """The opening quote that wraps nearly every line of ``texts`` ("" when none does): at
    least five lines, three quarters of the non-empty ones, open with it and close with its
    pair. A quotation inside a record (FRUS quotes a memorandum with an opening quote on each
    paragraph and none at its end) is not this layout."""
    lines = [t.strip() for t in texts if t.strip()]
    quoted = Counter(t[0] for t in lines if len(t) > 2 and t[0] in QUOTE_PAIRS
                     and t.endswith(QUOTE_PAIRS[t[0]]))
    if not quoted:
        return ""
    quote, count = quoted.most_common(1)[0]
    return quote if count >= MIN_QUOTED_LINES and count >= MIN_QUOTED_SHARE * len(lines) else ""


def unquoted(text: str, quote: str) -> str:
    """``text`` without the layout's opening quote (unchanged when it has none)."""
    return text[len(quote):] if quote and text.startswith(quote) else text
