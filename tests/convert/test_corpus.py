"""The converter against a corpus of hand-written transcripts with hand-counted expectations.

Every ``*.txt`` in ``corpus/`` (one or two conventions per file) and ``realistic/`` (longer,
archival-style records held out from converter development) is converted once per session
through the public API ``tei_edition.convert.convert_file``. For each transcript these tests
state: no error diagnostics; the TEI is valid against tei_all.rng (lxml via
``check_conformance`` and, in one subprocess for all outputs, jing); no word of the
transcript is lost; the structure stated in ``NAME.expected.toml`` holds. ``corpus/errors/``
holds transcripts the CLI must reject with a positioned diagnostic and exit code 1.
The expectation schema and the count definitions are documented in docs/test-corpus.md.

KNOWN_GAPS lists what the converter is known not to do yet; each listed aspect is asserted
to STILL fail, so the list can only shrink honestly (a fixed gap fails until it is removed).
"""

from __future__ import annotations

import difflib
import re
import subprocess
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from tei_edition.diagnostics import Severity

HERE = Path(__file__).resolve().parent
CORPUS_DIR = HERE / "corpus"
REALISTIC_DIR = HERE / "realistic"
ERRORS_DIR = CORPUS_DIR / "errors"

CASES = sorted(CORPUS_DIR.glob("*.txt")) + sorted(REALISTIC_DIR.glob("*.txt"))
REALISTIC_CASES = sorted(REALISTIC_DIR.glob("*.txt"))
ERROR_CASES = sorted(ERRORS_DIR.glob("*.txt"))
CASE_IDS = [path.name for path in CASES]

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}

# The speaker-attribution bar of the converter (issue 3), measured on realistic/ only.
ATTRIBUTION_BAR = 0.95

ASPECTS = ("diagnostics", "lxml", "jing", "words", "turns", "counts", "api", "cli")

# What the converter does not do yet: {file name: {aspect: why}}. Aspects of a transcript:
# diagnostics, lxml, jing, words, turns, counts; of an error case: api, cli. Every entry is
# asserted to still fail; remove an entry as soon as the converter handles it.
KNOWN_GAPS: dict[str, dict[str, str]] = {}

# Set to a reason while the realistic set stays below ATTRIBUTION_BAR; asserted to still be below.
KNOWN_ATTRIBUTION_GAP: str | None = None

# count name -> XPath (relative to the TEI root) whose node count it is; see docs/test-corpus.md
COUNT_XPATHS: dict[str, str] = {
    "sp": "t:text/t:body//t:sp",
    "joint_turns": "t:text/t:body//t:sp[contains(normalize-space(@who), ' ')]",
    "p_outside_sp": (
        "t:text/t:body//t:p[not(ancestor::t:sp or ancestor::t:note or ancestor::t:opener"
        " or ancestor::t:closer or ancestor::t:list or ancestor::t:stage)]"),
    "supplied": "t:text//t:supplied",
    "add": "t:text//t:add",
    "gap": "t:text//t:gap",
    "note": "t:text//t:note",
    "sic": "t:text//t:sic",
    "pb": "t:text//t:pb",
    "stage": "t:text//*[self::t:stage or self::t:incident or self::t:pause or self::t:vocal"
             " or self::t:kinesic]",
    "head": "t:text/t:body//t:head[not(parent::t:list)]",
    "classification": "t:text//t:seg[@type='classification']",
    "closer": "t:text//t:closer",
    "sp_list_items": "t:text//t:sp//t:item",
    "div_conversation": "t:text//t:div[@type='conversation']",
    "participants": "t:teiHeader//t:particDesc//t:person",
    "participant_groups": "t:teiHeader//t:particDesc//t:listPerson[t:person]",
}
COUNT_NAMES = frozenset(COUNT_XPATHS) | {"speakers"}


# ---- reading the expectations ------------------------------------------------------------


def expectation_path(transcript: Path) -> Path:
    return transcript.with_name(transcript.stem + ".expected.toml")


def load_expectation(transcript: Path) -> dict:
    with expectation_path(transcript).open("rb") as handle:
        return tomllib.load(handle)


# ---- words: the unit of "nothing lost" ---------------------------------------------------

WORD = re.compile(r"[^\W_]+")
# Bracket labels that docs/encoding.md moves into attributes (pb/@rend, add/@rend, sic/@rend):
# the only transcript words allowed to be absent from the TEI text.
MARKUP_LABEL = re.compile(
    r"(?<=\[)(?:Page|page|inserted|Inserted|added|Added)(?=[\s:])|(?<=\[)sic(?=\])")


def words(text: str) -> list[str]:
    """Maximal runs of letters and digits: the definition of a word for every check here."""
    return WORD.findall(text)


@dataclass(frozen=True)
class SourceWord:
    text: str
    line: int
    optional: bool  # a bracket label the TEI keeps in an attribute


def transcript_words(text: str) -> list[SourceWord]:
    label_starts = {match.start() for match in MARKUP_LABEL.finditer(text)}
    return [SourceWord(match.group(), text.count("\n", 0, match.start()) + 1,
                       match.start() in label_starts)
            for match in WORD.finditer(text)]


def tei_word_streams(root: etree._Element) -> tuple[list[str], Counter[str]]:
    """The words of ``text`` in document order, and a pool of words that may be elsewhere.

    Element boundaries separate words (as brackets do in the transcript), except between a
    glued label and its speech (``sp`` with ``sep-none`` and no ``label-line``). ``corr``/``reg``/
    ``expan`` are editorial alternatives, not transcript text, and are skipped. A footnote's
    words go to the pool (the transcript has them in a notes list at the end, the TEI at the
    mark); its ``@n`` stands at the mark and in the pool (the notes list repeats the number);
    a ``pb`` contributes its ``@n``. The header's ``abstract`` (an archive summary) is pooled.
    """
    main: list[str] = []
    pool: Counter[str] = Counter()

    def walk(element: etree._Element, sink: list[str] | Counter[str]) -> None:
        if not isinstance(element.tag, str):
            return  # comment or processing instruction: not text
        name = etree.QName(element).localname
        if name in ("corr", "reg", "expan"):
            return
        if name == "note" and element.get("place") == "foot":
            number = words(element.get("n", ""))
            _extend(sink, number)
            pool.update(number)
            sink = pool
        elif name == "pb":
            _extend(sink, words(element.get("n", "")))
        elif name == "sp" and "sep-none" in (element.get("rend") or "").split() and "label-line" \
                not in (element.get("rend") or "").split() and len(element) > 1:
            # a label glued to its speech ("§ Madam SpeakerThe hon. Lady", docs/conventions.md)
            # is one word of the transcript: the speaker's last and the speech's first
            label: list[str] = []
            speech: list[str] = []
            walk(element[0], label)
            walk(element[1], speech)
            said, spoken = "".join(element[0].itertext()), "".join(element[1].itertext())
            if label and speech and said[-1:].isalnum() and spoken[:1].isalnum():
                label[-1] += speech.pop(0)
            _extend(sink, label + speech)
            for child in element[2:]:
                walk(child, sink)
                _extend(sink, words(child.tail or ""))
            return
        _extend(sink, words(element.text or ""))
        for child in element:
            walk(child, sink)
            _extend(sink, words(child.tail or ""))

    for text in root.iterfind("t:text", NS):
        walk(text, main)
    for abstract in root.iterfind("t:teiHeader//t:abstract", NS):
        walk(abstract, pool)
    return main, pool


def _extend(sink: list[str] | Counter[str], items: list[str]) -> None:
    if isinstance(sink, Counter):
        sink.update(items)
    else:
        sink.extend(items)


def lost_words(source: list[SourceWord], root: etree._Element) -> list[SourceWord]:
    """Transcript words neither aligned in order with the TEI text nor found in the pool."""
    main, pool = tei_word_streams(root)
    matcher = difflib.SequenceMatcher(None, [w.text for w in source], main, autojunk=False)
    aligned: set[int] = set()
    for block in matcher.get_matching_blocks():
        aligned.update(range(block.a, block.a + block.size))
    lost = []
    for index, word in enumerate(source):
        if index in aligned:
            continue
        if pool[word.text] > 0:
            pool[word.text] -= 1
        elif not word.optional:
            lost.append(word)
    return lost


# ---- turns and counts --------------------------------------------------------------------


def _key_words(text: str) -> list[str]:
    return [w.lower() for w in words(text)]


def _contains(haystack: list[str], needle: list[str]) -> bool:
    starts = range(len(haystack) - len(needle) + 1)
    return any(haystack[i:i + len(needle)] == needle for i in starts)


@dataclass(frozen=True)
class Turn:
    who: str
    label: str

    @property
    def identity(self) -> str:
        """The speaker as the TEI states it: @who, or the label when there is no @who."""
        return self.who or "label:" + " ".join(_key_words(self.label))

    def identity_for(self, key: str) -> str | None:
        """Who ``key`` names in this turn, or None when it does not match the turn.

        ``key``'s words must occur in a row among the words of one @who pointer (then that
        pointer is the identity: a joint turn ``who="#a #b"`` counts for a and for b) or among
        the words of the speaker label (then the whole @who, or the label, is).
        """
        needle = _key_words(key)
        for pointer in self.who.split():
            if _contains(_key_words(pointer), needle):
                return pointer
        return self.identity if _contains(_key_words(self.label), needle) else None

    def matches(self, key: str) -> bool:
        return self.identity_for(key) is not None


def turns_of(root: etree._Element) -> list[Turn]:
    turns = []
    for sp in root.iterfind("t:text/t:body//t:sp", NS):
        speaker = sp.find("t:speaker", NS)
        label = "".join(speaker.itertext()) if speaker is not None else ""
        turns.append(Turn(sp.get("who", ""), label))
    return turns


def turn_problems(expected: dict[str, int], turns: list[Turn]) -> list[str]:
    problems = []
    for key, count in expected.items():
        matched = [turn for turn in turns if turn.matches(key)]
        identities = Counter(turn.identity_for(key) for turn in matched)
        if len(matched) != count:
            problems.append(f"turns[{key!r}]: expected {count}, found {len(matched)} "
                            f"(labels: {sorted(Counter(t.label for t in matched).items())})")
        if len(identities) > 1:
            problems.append(f"turns[{key!r}]: one speaker split over ids {dict(identities)}")
    return problems


def count_of(name: str, root: etree._Element) -> int:
    if name == "speakers":
        return len({turn.identity for turn in turns_of(root)})
    return len(root.xpath(COUNT_XPATHS[name], namespaces=NS))


def attribution_score(expected: dict[str, int], turns: list[Turn]) -> tuple[int, int]:
    """(correctly attributed turns, turns that should exist or do exist) for one transcript.

    A key scores the turns of its largest single identity, at most the expected number;
    the denominator is the larger of the expected and the produced number of turns, so
    invented turns (a "Subject:" line taken for a speaker) cost as much as missed ones.
    """
    correct = 0
    for key, count in expected.items():
        identities = Counter(turn.identity_for(key) for turn in turns if turn.matches(key))
        correct += min(count, max(identities.values(), default=0))
    return correct, max(sum(expected.values()), len(turns))


# ---- converting once per session ---------------------------------------------------------


@dataclass
class Converted:
    source: Path
    root: etree._Element | None
    diagnostics: list
    output: Path | None
    crash: str | None = None


def _root_of(tree: object) -> etree._Element | None:
    if tree is None:
        return None
    return tree.getroot() if hasattr(tree, "getroot") else tree  # type: ignore[union-attr]


@pytest.fixture(scope="session")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Converted]:
    from tei_edition.convert import convert_file
    from tei_edition.xmlio import serialize

    out_dir = tmp_path_factory.mktemp("corpus-tei")
    results: dict[str, Converted] = {}
    for path in CASES:
        try:
            result = convert_file(path)
        except Exception as error:  # a crash is a finding about this file, not the session
            results[path.name] = Converted(path, None, [], None, f"{type(error).__name__}: {error}")
            continue
        root = _root_of(result.tree)
        output = None
        if root is not None:
            output = out_dir / (path.stem + ".xml")
            output.write_bytes(serialize(root.getroottree()))
        results[path.name] = Converted(path, root, list(result.diagnostics), output)
    return results


@pytest.fixture(scope="session")
def jing_verdicts(converted: dict[str, Converted],
                  tei_all: Path) -> tuple[dict[str, list[str]], list[str]]:
    """One jing run over every output: per file its error lines, and lines about no output."""
    outputs = {str(c.output): name for name, c in converted.items() if c.output is not None}
    run = subprocess.run(["jing", str(tei_all), *outputs], capture_output=True, text=True,
                         timeout=120)
    verdicts: dict[str, list[str]] = {name: [] for name in outputs.values()}
    unattributed: list[str] = []
    # jing reports validation errors on stdout; its launcher's stderr carries classpath
    # warnings, which matter only when jing did not run properly (exit code not 0 or 1).
    if run.returncode not in (0, 1):
        unattributed += run.stderr.splitlines()
    for line in run.stdout.splitlines():
        owner = next((name for path, name in outputs.items() if line.startswith(path + ":")), None)
        if owner is None:
            unattributed.append(line)
        else:
            verdicts[owner].append(line)
    if run.returncode not in (0, 1) or (run.returncode == 1 and not any(verdicts.values())):
        unattributed.append(f"jing exited {run.returncode}")
    return verdicts, unattributed


def _tree_or_problem(case: Converted) -> list[str]:
    if case.crash:
        return [f"converter raised {case.crash}"]
    if case.root is None:
        return ["converter returned no tree"]
    return []


def assert_aspect(name: str, aspect: str, problems: list[str]) -> None:
    """Pass when there are no problems, except for a KNOWN_GAPS entry, which must still fail."""
    reason = KNOWN_GAPS.get(name, {}).get(aspect)
    if reason is None:
        assert not problems, f"{name} [{aspect}]:\n  " + "\n  ".join(problems)
    else:
        assert problems, (f"{name} [{aspect}] passes now: remove it from KNOWN_GAPS "
                          f"(it said: {reason})")


# ---- the expectation files themselves ----------------------------------------------------


def test_case_names_are_unique_across_corpus_and_realistic():
    assert len(CASE_IDS) == len(set(CASE_IDS))


def test_corpus_has_enough_cases():
    assert len(list(CORPUS_DIR.glob("*.txt"))) >= 15
    assert 8 <= len(REALISTIC_CASES) <= 12
    assert ERROR_CASES


@pytest.mark.parametrize("path", CASES, ids=CASE_IDS)
def test_expectation_file_uses_only_documented_keys(path: Path):
    expected = load_expectation(path)
    assert set(expected) <= {"description", "turns", "counts"}, path.name
    assert expected.get("description"), "every case says what it covers"
    assert set(expected.get("counts", {})) <= COUNT_NAMES
    values = [*expected.get("turns", {}).values(), *expected.get("counts", {}).values()]
    assert all(isinstance(v, int) and v >= 0 for v in values)
    counts = expected.get("counts", {})
    if "turns" in expected and "sp" in counts:
        # a joint turn of two speakers counts once for each of them
        assert sum(expected["turns"].values()) == counts["sp"] + counts.get("joint_turns", 0)


@pytest.mark.parametrize("path", ERROR_CASES, ids=[p.name for p in ERROR_CASES])
def test_error_expectation_names_code_position_and_exit_code(path: Path):
    expected = load_expectation(path)
    assert set(expected) == {"description", "code", "line", "column", "exit_code"}
    assert expected["code"].startswith("transcript.") and expected["exit_code"] == 1


def test_realistic_transcripts_are_long_and_state_turns():
    for path in REALISTIC_CASES:
        lines = path.read_text(encoding="utf-8").count("\n")
        assert 40 <= lines <= 150, f"{path.name} has {lines} lines"
        assert "sp" in load_expectation(path)["counts"], path.name


def test_known_gaps_name_existing_cases_and_aspects():
    for name, aspects in KNOWN_GAPS.items():
        assert name in CASE_IDS or name in {p.name for p in ERROR_CASES}, name
        assert set(aspects) <= set(ASPECTS), aspects


# ---- per transcript ----------------------------------------------------------------------


@pytest.mark.parametrize("name", CASE_IDS)
def test_converts_without_error_diagnostics(name: str, converted: dict[str, Converted]):
    case = converted[name]
    problems = [f"converter raised {case.crash}"] if case.crash else []
    problems += [d.format_text() for d in case.diagnostics if d.severity >= Severity.ERROR]
    assert_aspect(name, "diagnostics", problems)


@pytest.mark.parametrize("name", CASE_IDS)
def test_output_is_valid_tei_for_lxml(name: str, converted: dict[str, Converted], tei_all: Path):
    from tei_edition.conformance import check_conformance

    case = converted[name]
    problems = _tree_or_problem(case)
    if not problems:
        found = check_conformance(case.root.getroottree(), str(case.output), tei_all)
        problems = [d.format_text() for d in found]
    assert_aspect(name, "lxml", problems)


@pytest.mark.parametrize("name", CASE_IDS)
def test_output_is_valid_tei_for_jing(name: str, converted: dict[str, Converted], jing_verdicts):
    verdicts, _ = jing_verdicts
    problems = _tree_or_problem(converted[name]) or verdicts.get(name, ["no jing verdict"])
    assert_aspect(name, "jing", problems)


def test_jing_reported_nothing_outside_the_outputs(jing_verdicts):
    _, unattributed = jing_verdicts
    assert not unattributed


@pytest.mark.parametrize("name", CASE_IDS)
def test_no_word_of_the_transcript_is_lost(name: str, converted: dict[str, Converted]):
    case = converted[name]
    problems = _tree_or_problem(case)
    if not problems:
        text = case.source.read_bytes().decode("utf-8-sig")
        lost = lost_words(transcript_words(text), case.root)
        problems = [f"line {word.line}: {word.text!r}" for word in lost]
    assert_aspect(name, "words", problems[:15])


@pytest.mark.parametrize("name", CASE_IDS)
def test_turns_per_speaker_are_as_expected(name: str, converted: dict[str, Converted]):
    case = converted[name]
    expected = load_expectation(case.source).get("turns", {})
    problems = _tree_or_problem(case) or turn_problems(expected, turns_of(case.root))
    assert_aspect(name, "turns", problems)


@pytest.mark.parametrize("name", CASE_IDS)
def test_element_counts_are_as_expected(name: str, converted: dict[str, Converted]):
    case = converted[name]
    expected = load_expectation(case.source).get("counts", {})
    problems = _tree_or_problem(case)
    if not problems:
        problems = [f"{count}: expected {value}, found {found}"
                    for count, value in expected.items()
                    if (found := count_of(count, case.root)) != value]
    assert_aspect(name, "counts", problems)


def test_converting_again_gives_the_same_bytes(converted: dict[str, Converted]):
    from tei_edition.convert import convert_file
    from tei_edition.xmlio import serialize

    differing = []
    for name, case in converted.items():
        again = _root_of(convert_file(case.source).tree)
        if case.output is not None and (again is None or
                                        serialize(again.getroottree()) != case.output.read_bytes()):
            differing.append(name)
    assert not differing


def test_speaker_attribution_on_the_realistic_set_reaches_the_bar(converted: dict[str, Converted]):
    correct = total = 0
    for path in REALISTIC_CASES:
        case = converted[path.name]
        turns = turns_of(case.root) if case.root is not None else []
        file_correct, file_total = attribution_score(load_expectation(path).get("turns", {}), turns)
        correct, total = correct + file_correct, total + file_total
    accuracy = correct / total
    if KNOWN_ATTRIBUTION_GAP is None:
        assert accuracy >= ATTRIBUTION_BAR, f"attribution {accuracy:.3f} ({correct}/{total})"
    else:
        assert accuracy < ATTRIBUTION_BAR, (
            f"attribution {accuracy:.3f} reaches the bar: clear KNOWN_ATTRIBUTION_GAP")


# ---- transcripts the CLI must reject ------------------------------------------------------


def _expected_error_line(path: Path) -> str:
    expected = load_expectation(path)
    return f"{path}:{expected['line']}:{expected['column']}: error [{expected['code']}]"


@pytest.mark.parametrize("path", ERROR_CASES, ids=[p.name for p in ERROR_CASES])
def test_api_rejects_bad_transcript_with_positioned_error(path: Path):
    from tei_edition.convert import convert_file

    result = convert_file(path)
    found = [d.format_text() for d in result.diagnostics]
    problems = [] if result.tree is None else ["a tree was returned"]
    if not any(line.startswith(_expected_error_line(path)) for line in found):
        problems.append(f"wanted {_expected_error_line(path)}, got {found}")
    assert_aspect(path.name, "api", problems)


@pytest.mark.parametrize("path", ERROR_CASES, ids=[p.name for p in ERROR_CASES])
def test_cli_rejects_bad_transcript_with_positioned_error(path: Path, runner, tmp_path: Path):
    from tei_edition.cli import cli

    output = tmp_path / "out.xml"
    result = runner.invoke(cli, ["convert", str(path), "-o", str(output)])
    problems = []
    if result.exit_code != load_expectation(path)["exit_code"]:
        problems.append(f"exit code {result.exit_code}: {result.output.strip()}")
    if not any(line.startswith(_expected_error_line(path)) for line in result.stderr.splitlines()):
        problems.append(f"wanted {_expected_error_line(path)} on stderr, got {result.stderr!r}")
    if output.exists():
        problems.append("an output file was written")
    if "Traceback" in result.output:
        problems.append("a traceback was printed")
    assert_aspect(path.name, "cli", problems)


# ---- the checker checks itself ------------------------------------------------------------


def _tei(body: str) -> etree._Element:
    return etree.fromstring(
        f'<TEI xmlns="{TEI}"><teiHeader/><text><body>{body}</body></text></TEI>')


def test_word_check_finds_a_dropped_word():
    source = transcript_words("Cde. Mikoyan - How does he feel?")
    root = _tei('<sp who="#mikoyan"><speaker>Cde. Mikoyan</speaker><p>How he feel?</p></sp>')
    assert [w.text for w in lost_words(source, root)] == ["does"]


def test_word_check_accepts_footnotes_moved_to_their_marks_and_attribute_labels():
    source = transcript_words(
        "He agreed.1 [Page 7] It was [inserted: very] late [sic].\n\n1. Not found.")
    root = _tei('<p>He agreed.<note place="foot" n="1">Not found.</note><pb n="7"/> It was '
                '<add rend="label-inserted">very</add> <sic rend="marked">late</sic>.</p>')
    assert lost_words(source, root) == []


def test_word_check_requires_order_outside_footnotes():
    source = transcript_words("first second third")
    assert [w.text for w in lost_words(source, _tei("<p>third first second</p>"))] == ["third"]


def test_turn_keys_match_whole_words_of_who_or_label():
    turn = Turn("#rim-hae", "Cde. Cde. Rim Hae")
    assert turn.matches("rim hae") and turn.matches("RIM") and not turn.matches("ha")
    assert Turn("", "Q").matches("q") and not Turn("#gromyko", "GROMYKO").matches("q")


def test_a_joint_turn_counts_for_each_person_it_names():
    joint = Turn("#sidorova #lebedev", "Comrade Sidorova and Comrade Lebedev (together)")
    assert joint.identity_for("lebedev") == "#lebedev"
    assert turn_problems({"sidorova": 2}, [Turn("#sidorova", "Comrade Sidorova"), joint]) == []
