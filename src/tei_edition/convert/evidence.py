"""Which label styles a document uses: the evidence that a line's label is a speaker's.

Owns the evidence rules of docs/conventions.md ("Speaker labels"): a label that recurs,
names a declared person, has a strong shape, or proves itself (a numbered speaker, a time
code or a UN language note after it, titles before a full name); labels accepted by analogy
once two turns are established; a speaker established in one style counting in the others.
It reads labels through labels.py; it must not resolve persons nor build any structure.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from tei_edition.convert.labels import (
    HONORIFICS,
    NUMBERED_SPEAKER,
    OFFICE_HOLDER_LABEL,
    SOURCE_MARK,
    STYLES,
    SUPPLIED_NAME,
    LabelMatch,
    comma_role_shape,
    label_core,
    label_key,
    match_line,
    office_before_name,
    title_of,
)
from tei_edition.convert.labelwords import PRESIDING_OFFICES, PRESIDING_QUALIFIERS
from tei_edition.convert.quoted import quoted_layout, unquoted

# "Speaker 2 (07:59):", "Madam Chair (00:00):": a transcription service writes the clock
# time of the recording after every label; no heading or sentence has that shape.
_TIME_AFTER_LABEL = re.compile(r"\(\d{1,2}:\d{2}(?::\d{2})?\)")
# "The President (spoke in Spanish):", "Mr. Haas (Germany) (interpretation from French):":
# the language note of UN verbatim records follows only a speaker's label.
_LANGUAGE_NOTE = re.compile(r"\((?:spoke in|interpretation from|speaking in) [A-Z][\w ]{2,30}\)",
                            re.I)


# "(hereafter abbreviated Zhou)", "[henceforth referred to as Kim]": the translator names the
# speaker's short form at the first turn; only a speaker's label carries it.
_ALIAS_NOTE = re.compile(r"[(\[](?:henceforth|hereafter|hereinafter) [^()\[\]]{2,50}[)\]]$",
                         re.I)


# "Ruth Allan (Lothian East) (LD):": a parliament's member, the constituency and the party
# (an abbreviation: "LD", "Lab", "SNP", "Con") in parentheses; the Scottish Parliament's
# Official Report. A heading or a sentence never has that shape before a colon.
_MEMBER_LABEL = re.compile(r"[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){1,3} \([A-Z][^()]{1,60}\) "
                           r"\([A-Z][A-Za-z]{0,4}(?:/[A-Z][A-Za-z]{0,4})?\)")


def _self_evident(match: LabelMatch) -> bool:
    """A self-evident label (below), or a form of address and a full name alone on the line
    before the speech ("Präsidentin Gabriele Brakebusch:", the German Landtag's record):
    a heading or a sentence never ends in a colon after a title and a person's name."""
    if match.alone and match.separator == "sep-colon" and title_of(match.label) and \
            len(label_core(match.label)[0].split()) >= 2 and "(" not in match.label:
        return True
    if match.separator == "sep-colon" and _MEMBER_LABEL.fullmatch(match.label):
        return True
    return _self_evident_label(match.label)


# "Clara Hoffmann (Hoffmann):" ... "Hoffmann:", "Der Kurier (Kurier):" ... "Kurier:": a press
# interview declares at the first turn the short form its later labels use.
_SHORT_FORM = re.compile(r"(?P<name>[^()]+?) \((?P<short>[^()]{1,40})\)")


def short_form(label: str) -> str:
    """The short form a label declares in parentheses after a name of two words at least,
    some of the name's words ("Clara Hoffmann (Hoffmann)" -> "Hoffmann"), or ""."""
    found = _SHORT_FORM.fullmatch(label)
    if not found:
        return ""
    name = [w for w in found["name"].split() if w.lower().rstrip(".") not in HONORIFICS]
    short = found["short"].split()
    if len(name) < 2 or len(short) >= len(name) or not all(
            w[:1].isupper() and w in name for w in short):
        return ""
    return found["short"]


@lru_cache(maxsize=65536)
def _self_evident_label(label: str) -> bool:
    """A label no heading or sentence looks like, so that even one turn proves the style: a
    numbered anonymous speaker ("Speaker 2"), a time code after the label ("Madam Chair
    (00:00)"), a UN language note ("(spoke in Arabic)"), or two titles before a full name
    ("Präsident Prof. Dr. Norbert Lammert", the address of a parliamentary record)."""
    core, _ = label_core(label)
    if NUMBERED_SPEAKER.fullmatch(core) or _TIME_AFTER_LABEL.search(label) or \
            _LANGUAGE_NOTE.search(label) or _ALIAS_NOTE.search(label) or \
            SOURCE_MARK.match(label):
        return True
    words = re.sub(r"(\s*\([^()]*\))+\s*$", "", label).split()
    titles = 0
    while titles < len(words) and words[titles].lower().rstrip(".") in HONORIFICS:
        titles += 1
    return titles >= 2 and len(words) - titles >= 2 and words[0].lower() != "the"


def _strong_shape(match: LabelMatch) -> bool:
    """A label that is a label on its own: an all-capitals word, Q/A, or self-evident."""
    core, _ = label_core(match.label)
    if match.key in ("q", "a") or _self_evident(match):
        return True
    # "McCLOY", "MacLEAN": a surname in capitals keeps the lower case of its prefix
    return any(len(w.strip(".")) >= 2 and re.sub(r"^Ma?c(?=[A-Z]{2})", "", w.strip(".'’-"))
               .isupper() for w in core.split())


@dataclass(frozen=True)
class StyleChoice:
    """The label styles a document uses (best evidence first) and the labels accepted."""

    styles: tuple[str, ...]
    accepted: dict[str, frozenset[str]]
    strong: dict[str, frozenset[str]]  # accepted on their own evidence, not by analogy
    quote: str = ""  # every paragraph is quoted (quoted.py): labels follow this quote

    @property
    def style(self) -> str | None:
        return self.styles[0] if self.styles else None

    def match(self, text: str, *, strong_only: bool = False) -> LabelMatch | None:
        """The accepted label at the start of ``text`` in the first style that has one;
        ``strong_only`` for a line inside a paragraph (a wrapped line "Korea - there ...")."""
        inner = unquoted(text, self.quote)
        for style in self.styles:
            found = match_line(inner, style)
            keys = self.strong[style] if strong_only else self.accepted[style]
            if found and found.key in keys:
                if inner is text:
                    return found
                # "'El señor presidente: ...'": the layout's quote stays in the speaker
                return replace(found, label=self.quote + found.label,
                               rest_offset=found.rest_offset + len(self.quote))
        return None


def _presiding_office(match: LabelMatch) -> bool:
    """"The President", "THE CHAIRMAN", "The Acting Speaker", "The Vice-President": the
    article and the office of the one who presides, speech starting like a sentence ("The
    Prime Minister - facing his last months" is a headline: no office that presides)."""
    words = re.sub(r"(\s*\([^()]*\))+$", "", label_core_unnumbered(match.label)).split()
    parts = [part.lower() for word in words[1:] for part in word.split("-")]
    return 2 <= len(words) <= 3 and words[0] in ("The", "THE") and bool(parts) and \
        parts[-1] in PRESIDING_OFFICES and set(parts[:-1]) <= PRESIDING_QUALIFIERS and \
        all(word[:1].isupper() for word in words[1:]) and not match.rest[:1].islower()


def label_core_unnumbered(label: str) -> str:
    """The label without the item or paragraph number written before it ("[12.] ")."""
    return re.sub(r"^(?:\[\d{1,3}\.?\]|\d{1,4}\.)[ \u00a0]+", "", label)


def _comma_role(match: LabelMatch) -> bool:
    """"[12.] Robert Pierpoint, CBS News": a name and a role after a comma (labelcore.py)."""
    return comma_role_shape(label_core_unnumbered(match.label))


def _period_dash(match: LabelMatch) -> bool:
    """"Presidente. – Oggi ...": a label ending in a period before a spaced en or em dash."""
    return match.label.endswith(".") and match.separator in ("sep-en-dash", "sep-em-dash") \
        and not match.spacing


def _initials_of_known(key: str, known_keys: frozenset[str]) -> bool:
    """"o. dorticos" when the title names "Osvaldo Dorticos" (a key of known_keys): the
    label writes the given names' initials before the same surname."""
    words = key.split()
    letters = [c for w in words[:-1] for c in w.split(".") if c]
    if len(words) < 2 or not all(w.endswith(".") for w in words[:-1]) or \
            not all(len(c) == 1 for c in letters):
        return False
    return any(len(k.split()) >= 2 and k.split()[-1] == words[-1]
               and [w[0] for w in k.split()[:-1]][:len(letters)] == letters
               for k in known_keys)


# "Mr. Dulles." / "Mr. Belmont." alone on their lines (labels.py): a record written so
# writes every label so; fewer such lines are a list's or a wrapped sentence's last words.
_PERIOD_ALONE_LAYOUT = 3


# Label shapes that only labels have; written twice in a record, they prove its style.
_PROVING_SHAPES = (lambda m: bool(SUPPLIED_NAME.search(m.label)),
                   lambda m: bool(OFFICE_HOLDER_LABEL.search(m.label)), _comma_role, _period_dash)


def _accepted_labels(texts: list[str], style: str, known_keys: frozenset[str],
                     forced: bool, proven: bool = False
                     ) -> tuple[frozenset[str], frozenset[str], int]:
    """Labels of ``style`` that count as speakers, and the number of turns they give.

    Evidence: the label recurs, names a declared or listed person, or has a strong shape
    (an all-caps surname, Q/A). Once two turns are established, short name-like labels
    that occur once count too (a speaker who speaks once), as do labels sharing an
    honorific with an established one.
    """
    matches = [m for m in (match_line(t, style) for t in texts) if m]
    if style == "period" and sum(m.alone for m in matches) < _PERIOD_ALONE_LAYOUT:
        # "Mr. Dulles." alone on its line is the layout of a whole record, never one line
        matches = [m for m in matches if not m.alone]
    if style == "dash" and not any(not m.alone for m in matches):
        return frozenset(), frozenset(), 0  # "The Cabinet -" lines alone prove no dialogue
    # "Předseda rady ministrů Pavel Orel:": an office before the full name is
    # a label only where the surname speaks as a label of its own ("Orel:"): the same
    # speaker recurs
    surnames = Counter(m.key for m in matches if not office_before_name(m.label))
    matches = [m for m in matches if not office_before_name(m.label)
               or m.key.split()[-1] in surnames]
    known_keys = known_keys | {m.key for m in matches if _self_evident(m)
                               or _initials_of_known(m.key, known_keys)}
    counts = Counter(m.key for m in matches)
    strong = {m.key for m in matches if m.key in known_keys or counts[m.key] >= 2
              or _strong_shape(m)}
    # "Genosse Ulbricht:" / "Genosse Stoph:", each alone on its line: two speakers who
    # share a form of address are a dialogue even when neither recurs (a short stenogram).
    alone_titles = Counter(title_of(m.label) for m in matches if m.alone)
    strong |= {m.key for m in matches if m.alone and alone_titles[title_of(m.label)] >= 2
               and title_of(m.label) and len(alone_titles) == 1}
    # "Kurt Hager:" / "Krolikowski:" / "Gen. Lorenz:", each alone on its line above its
    # notes: three different speakers written so are a working stenogram's dialogue
    alone_names = {m.key for m in matches if m.alone and style == "colon"
                   and 1 <= len(label_core(m.label)[0].split()) <= 3}
    strong |= alone_names if len(alone_names) >= 3 else set()
    # "[Oskar] Fischer." / "[Willi] Stoph.": an editor supplies a speaker's first name in a
    # label, never in a sentence's first words; "The Minister of State, Treasury (Lord
    # Finch):" names an office and its holder only in a label. Two such labels prove the
    # style (each speaker of a working transcript or of written answers may speak once).
    # "Robert Pierpoint, CBS News:" / "Mrs. Sarah McClendon, El Paso Times:" (a name and a
    # role after a comma), "Presidente. – " / "Ursula von der Leyen, Commission
    # President-elect. – " (the European Parliament's period before the dash): such labels
    # prove the style when the record writes the shape twice.
    # "Clara Hoffmann (Hoffmann):" and later "Hoffmann:": the declared short form is used as a
    # label, which proves both (a heading "World Bank (Bank):" is never answered so)
    declared = {label_key(short): m.key for m in matches if (short := short_form(m.label))}
    strong |= {k for short, full in declared.items() if short in counts
               for k in (short, full)}
    for shape in _PROVING_SHAPES:
        shaped = [m.key for m in matches if shape(m)]
        strong |= set(shaped) if len(shaped) >= 2 else set()
    # "THE PRESIDENT." once in a record whose reporters ask "[12.] Robert Pierpoint, CBS
    # News:", "The President:" opening a UN record whose delegates' labels carry the language
    # note: the presiding officer's office counts once the dialogue is established (another
    # style gives two turns, or a self-evident label). A person's label used once ("MR.
    # HART:" beside Q./A., "Mr. Holm (Norway):") still needs evidence of its own.
    offices = {m.key for m in matches if _presiding_office(m)} if (
        proven or any(_self_evident(m) for m in matches)) else set()
    established = sum(counts[k] for k in strong)
    accepted = set(strong)
    titles = {title_of(m.label) for m in matches if m.key in strong} - {""}
    accepted |= {m.key for m in matches if title_of(m.label) in titles}
    accepted |= offices
    # "(Text) Wanguemert: ...": the FBIS mark opens the verbatim dialogue, so the speakers
    # after it count even when each speaks once ("Vera: ...", "Castro: ...")
    if established >= 2 or forced or any(SOURCE_MARK.match(m.label) for m in matches):
        accepted |= {m.key for m in matches if len(label_core(m.label)[0].split()) <= 4}
    score = sum(counts[k] for k in accepted)
    if not (established >= 2 or accepted & known_keys or forced):
        if offices:
            return frozenset(offices), frozenset(offices), sum(counts[k] for k in offices)
        return frozenset(), frozenset(), 0
    return frozenset(accepted), frozenset(strong), score


def choose_style(lines: Iterable[str], known_keys: frozenset[str] = frozenset(),
                 forced: str | None = None) -> StyleChoice:
    """The document's label styles, from evidence (see `_accepted_labels`); several styles
    may be in use (a hearing's "Q." and "THE PRESIDENT:"); ``forced`` allows only one."""
    texts = list(lines)
    quote = quoted_layout(texts)
    texts = [unquoted(text, quote) for text in texts]
    found: list[tuple[int, str, frozenset[str], frozenset[str]]] = []
    # A speaker established in one style is evidence in the others: working notes write
    # "Cde. Molotov-..." twice and then "Cde. Khrushchev: ..." once, for the same speakers.
    styles = [forced] if forced else STYLES
    first = {style: _accepted_labels(texts, style, known_keys, bool(forced)) for style in styles}
    for style in styles:
        others = frozenset(k for other in styles if other != style
                           for k in first[other][0]) - known_keys
        # another style gives two turns at least: this one's presiding office counts once
        proven = not first[style][0] and any(first[o][2] >= 2 for o in styles if o != style)
        # only a style that has one of those labels can change (most documents: none)
        relevant = proven or others and any(found.key in others for found in (
            match_line(text, style) for text in texts) if found)
        accepted, strong, score = (_accepted_labels(texts, style, known_keys | others,
                                                    bool(forced), proven)
                                   if relevant else first[style])
        if accepted:
            found.append((score, style, accepted, strong))
    found.sort(key=lambda item: (-item[0], STYLES.index(item[1])))
    return StyleChoice(tuple(f[1] for f in found), {f[1]: f[2] for f in found},
                       {f[1]: f[3] for f in found}, quote)
