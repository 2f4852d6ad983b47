"""Nothing lost: the TEI reproduces the transcript (docs/encoding.md sections 5 and 6).

Two definitions, both strict:
- words: the maximal runs of letters and digits of the transcript (``[^\\W_]+``) equal, in
  order, the words of the TEI ``text`` (the ``sic`` side of every ``choice``; bracket labels
  that the encoding moves into ``@rend`` restored) followed by the words of an ``abstract``
  marked ``trailing``. Header text other than that abstract is not compared.
- diplomatic text: the reference reading of docs/encoding.md section 5 equals the transcript
  after exactly the normalisations of section 6.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from convert_support import body_words, diplomatic_text, normalised_transcript, words

from conftest import EDITION_TXT, SAMPLE_FILES, SEED

CASES = [SEED, *SAMPLE_FILES]


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_every_word_is_kept_in_order(path, sample_trees):
    source = path.read_bytes().decode("utf-8-sig")
    assert body_words(sample_trees[path.name].getroot()) == words(source)


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_diplomatic_text_reproduces_the_transcript(path, sample_trees):
    source = path.read_bytes().decode("utf-8-sig")
    assert diplomatic_text(sample_trees[path.name].getroot()) == normalised_transcript(source)


def test_edition_with_metadata_keeps_every_word(seed_edition_root):
    source = EDITION_TXT.read_text(encoding="utf-8")
    assert body_words(seed_edition_root) == words(source)


def test_edition_with_metadata_reproduces_the_transcript(seed_edition_root):
    source = EDITION_TXT.read_text(encoding="utf-8")
    assert diplomatic_text(seed_edition_root) == normalised_transcript(source)


CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.txt")) + sorted(
    (Path(__file__).parent / "realistic").glob("*.txt"))


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_diplomatic_text_reproduces_every_corpus_transcript(path):
    from tei_edition.convert import convert_file

    result = convert_file(path)
    assert result.tree is not None, [d.format_text() for d in result.diagnostics]
    source = path.read_bytes().decode("utf-8-sig")
    assert diplomatic_text(result.tree.getroot()) == normalised_transcript(source)
