"""Paths and jing helpers shared by the conformance tests (imported by conftest.py and tests)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

# The same resolution as tests/conftest.py (env TEI_EDITION_SHARED, else ../shared), needed at
# collection time to parametrize over the corpus.
SHARED = Path(os.environ.get("TEI_EDITION_SHARED",
                             Path(__file__).resolve().parents[2].parent / "shared")).resolve()
TEI_ALL = SHARED / "tei" / "tei_all.rng"
CORPUS = SHARED / "corpus"


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.xml"))


def jing_listed_invalid() -> set[str]:
    """Files listed with errors in the corpus's jing-verdicts.txt (`file:line:col: error: ...`);
    every other corpus file is valid by jing."""
    listed = set()
    for line in (CORPUS / "jing-verdicts.txt").read_text(encoding="utf-8").splitlines():
        name, _, rest = line.partition(":")
        if ": error:" in rest or ": fatal:" in rest:
            listed.add(name)
    return listed


def jing_rejected(paths: list[Path]) -> set[str]:
    """Names of the files jing rejects against tei_all.rng, from one jing run over all."""
    jing = shutil.which("jing")
    assert jing, "jing is required (installed by .ci/run)"
    run = subprocess.run([jing, str(TEI_ALL), *map(str, paths)], capture_output=True,
                         text=True, timeout=600)
    rejected = set()
    for line in run.stdout.splitlines() + run.stderr.splitlines():
        if ": error:" in line or ": fatal:" in line:
            rejected.add(Path(line.split(":", 1)[0]).name)
    return rejected
