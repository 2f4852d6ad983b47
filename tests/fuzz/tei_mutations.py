"""Hypothesis strategies that break valid TEI the ways real and hostile files break:
flipped and dropped bytes, truncation, and splices of markup that the hardened parser must
refuse (DOCTYPE, entities, XInclude, forbidden characters, encoding declarations).
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("TEI_EDITION_SHARED", ROOT.parent / "shared"))
# A record of conversation in the project's encoding, and a play from the shared corpus (TEI
# written by others), so mutations hit both our own and foreign markup.
SEED_DOCUMENTS = (
    ROOT / "schema" / "tests" / "valid" / "001-record-of-conversation.xml",
    ROOT / "tests" / "security" / "attacks" / "benign.xml",
    SHARED / "corpus" / "gerdracor__leisewitz-die-pfandung.xml",
)

HOSTILE_SNIPPETS = (
    b'<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    b"&x;", b"&amp;", b"&#0;", b"&#xFFFE;", b"\x00", b"\xff\xfe", b"\xef\xbf\xbe",
    b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd"/>',
    b'<?xml version="1.0" encoding="UTF-16"?>', b"<![CDATA[", b"]]>", b"<!--", b"-->",
    b"<hi>", b"</hi>", b'xml:id="dup"', b"\x1f\x8b", b"<?pi data?>", b"\r\n", b"\xc3",
)


def seed_bytes() -> list[bytes]:
    return [path.read_bytes() for path in SEED_DOCUMENTS]


@st.composite
def mutated(draw: st.DrawFn, documents: list[bytes]) -> bytes:
    """One seed document with one to five mutations applied at drawn positions."""
    data = bytearray(draw(st.sampled_from(documents)))
    for _ in range(draw(st.integers(1, 5))):
        position = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(("flip", "delete", "insert", "splice", "truncate")))
        if kind == "flip" and position < len(data):
            data[position] = draw(st.integers(0, 255))
        elif kind == "delete":
            del data[position:position + draw(st.integers(1, 40))]
        elif kind == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=12))
        elif kind == "splice":
            data[position:position] = draw(st.sampled_from(HOSTILE_SNIPPETS))
        elif kind == "truncate":
            del data[position:]
    return bytes(data)
