"""Golden files: the exact bytes of each rendering of the committed editions.

Regenerate after an intended change with `TEI_EDITION_REGEN=1 pytest tests/render/test_golden.py`
and review the diff in git. A mismatch fails with a unified diff of the first differences.
"""

from __future__ import annotations

import difflib
import os

import pytest
from render_helpers import FIXTURES, GOLDEN, render_file, seed_edition_path

EDITIONS = {"all-elements": FIXTURES / "all-elements.xml", "seed": None}
RENDERINGS = [("html", "reading", "html"), ("text", "reading", "reading.txt"),
              ("text", "diplomatic", "diplomatic.txt")]


@pytest.mark.parametrize("name", sorted(EDITIONS))
@pytest.mark.parametrize(("to", "view", "suffix"), RENDERINGS)
def test_rendering_matches_its_golden_file(name, to, view, suffix) -> None:
    rendered = render_file(EDITIONS[name] or seed_edition_path(), to, view, strict=True)
    golden = GOLDEN / f"{name}.{suffix}"
    if os.environ.get("TEI_EDITION_REGEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(rendered, encoding="utf-8", newline="\n")
    assert golden.is_file(), f"no golden file {golden}; run with TEI_EDITION_REGEN=1"
    expected = golden.read_text(encoding="utf-8")
    if rendered != expected:
        # HTML is one long line: compare it tag by tag so the diff stays readable.
        split = (lambda s: s.replace("><", ">\n<").splitlines()) if to == "html" else str.splitlines
        diff = difflib.unified_diff(split(expected), split(rendered), str(golden), "rendered",
                                    lineterm="", n=2)
        pytest.fail("rendering differs from its golden file:\n" + "\n".join(list(diff)[:60]))
