"""Speaker labels: what a label looks like.

Owns the shapes of labels ("Cde. Mikoyan - ", "RAPACKI: ", "Mr. BURNS. ", "Q: ", a label
alone on its line) and their separators in a line; what a label names (its core, key and
word shape) is read in labelcore.py. Which of the shapes a document uses is decided from the
evidence in evidence.py. It must not resolve labels to persons (see speakers.py) nor build
any structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tei_edition.convert.labelcore import (  # re-exported: the label API of the converter
    ADDRESSEE,
    BARE_PARAGRAPH_NUMBER,
    BRACKET_NUMBER,
    CAPS_PARTICLES,
    COMMA_LABEL,
    MARKS,
    NUMBERED_SPEAKER,
    PARAGRAPH_NUMBER,
    SOURCE_MARK,
    comma_role_shape,
    has_label_shape,
    label_core,
    label_key,
    office_before_name,
    title_of,
)
from tei_edition.convert.labelwords import (
    DATING_WORDS,
    HONORIFICS,
    NARRATIVE_VERBS,
    PRONOUNS,
)

CLASSIFICATION_WORDS = re.compile(r"(?:top |strictly )?(?:secret|confidential|restricted|"
                                  r"unclassified)|eyes only|nodis|exdis")
DASH_SEPARATORS = {"--": "sep-double-hyphen", "-": "sep-hyphen", "–": "sep-en-dash",
                   "—": "sep-em-dash"}
SEPARATOR_TEXT = {"sep-double-hyphen": " -- ", "sep-hyphen": " - ", "sep-en-dash": " – ",
                  "sep-em-dash": " — ", "sep-colon": ": ", "sep-fullwidth-colon": "： ",
                  "sep-period": ". ", "sep-space": " ", "sep-none": ""}

# a name-like label, its roles in parentheses and a New Zealand addressee (labelcore.py)
_LABEL_CHARS = (rf"[^\W\d_][\w{MARKS}.'’\- ]{{0,58}}?(?: ?\?)?"
                rf"(?:(?: \([^()]{{1,60}}\)){{1,2}}(?:{ADDRESSEE})?)?")
# "MARK STONE, Channel Four Correspondent: ...": a role after a comma (labelcore.py)
_COMMA_COLON = re.compile(rf"(?P<label>{COMMA_LABEL.pattern}):(?:[ \u00a0]+(?P<rest>\S.*)|$)")
# "McNamara:...........or reconnaissance": a tape transcript glues the colon to the ellipsis
# that marks speech trailing in; the ellipsis is speech, the separator "unspaced".
_COLON = re.compile(rf"(?P<label>{_LABEL_CHARS})(?P<before>[ \u00a0]?):"
                    rf"(?:[ \u00a0]+(?P<rest>.*)|(?P<glued>(?:\.{{2,}}|…).*)|$)")
# "Premier Kim Il Sung [henceforth referred to as Kim]. When we ...": a record's translator
# declares the short form of a speaker's name in brackets at the first turn, and a period or
# a colon follows. The bracket stays in the speaker (an editorial note, apparatus.py).
_ALIAS_LABEL = re.compile(rf"(?P<label>{_LABEL_CHARS} \[(?:henceforth|hereafter|hereinafter) "
                          r"[^\[\]]{2,50}\])(?P<sep>[.:])[ \u00a0]+(?P<rest>\S.*)", re.I)
# "毛泽东：..." / "Zhou Enlai：...": the fullwidth colon (U+FF1A) of text typed with a Chinese
# or Japanese input method. It carries its own spacing, so the speech usually follows with
# no space ("unspaced" in sp/@rend); no space is ever written before it.
_WIDE_COLON = re.compile(rf"(?P<label>{_LABEL_CHARS})\uff1a(?P<after>[ \u00a0]*)(?P<rest>.*)")
# A surname in capitals as the Warren Commission and the GPO print it: "BURNS", "McCLOY",
# "MacARTHUR" (the prefix Mc/Mac keeps its lower case).
_CAPS_NAME = r"(?:Mc|Mac)?[A-Z][A-Z'’\-]+"
# The congressional period style: "The CHAIRMAN. ", "Mr. BURNS. " (GPO before ~2000), and the
# current GPO style in title case, which always has the form of address: "Mr. Nadler. ",
# "Ms. Jackson Lee. ", "Chairman Comer. " (the speech then starts with a capital). Soviet
# records in translation write the initials before the surname: "O. DORTICOS. We have ...".
_PERIOD = re.compile(r"(?P<label>(?:(?:The|Mr\.|Mrs\.|Ms\.|Miss|Dr\.|Senator|Representative|"
                     r"General|Admiral|Secretary|Chairman|Judge|Ambassador|Governor) )?"
                     rf"(?:{_CAPS_NAME}|[QA])(?: {_CAPS_NAME}){{0,2}}"
                     # initials, never a lone "A. " (the answer: "A. YES. I was there.")
                     rf"|(?![QA]\. )(?:[A-Z]\. ?){{1,3}}{_CAPS_NAME}"
                     r"|(?:Mr\.|Mrs\.|Ms\.|Dr\.|Senator|Representative|Chairman|Chairwoman|"
                     r"Chair|Madam Chair) [A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+)?(?=\. +[A-Z\"“(]))"
                     r"\.[ \u00a0]+(?P<rest>\S.*)")
# "Mr. Dulles." / "The CHAIRMAN." alone on its line, the speech on the lines below: the
# Warren Commission's hearings as the web prints them. Only a form of address (or the
# article) with a name of one or two words: a sentence's wrapped last line ("Washington.")
# never has that shape; evidence.py asks for it three times in the document.
_PERIOD_ALONE = re.compile(r"(?P<label>(?:The|Mr\.|Mrs\.|Ms\.|Miss|Dr\.|Senator|Representative|"
                           r"General|Admiral|Secretary|Chairman|Judge|Ambassador|Governor) "
                           rf"(?:{_CAPS_NAME}(?: {_CAPS_NAME})?"
                           r"|[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+)?))\.(?P<rest>)")
# "[Oskar] Fischer. The letter ...", "[Hans] Weber.The ...": translated working notes whose
# editor supplied a speaker's first name in brackets before the surname and a period (glued
# to the speech where the print's bold label was lost). The bracket stays in the speaker as
# `supplied` (TEI P5 §11.3.1.1); evidence.py asks for the shape twice in the document.
SUPPLIED_NAME = re.compile(r"\[[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,2}\] (?=[A-Z])")
_SUPPLIED_PERIOD = re.compile(rf"(?P<label>{SUPPLIED_NAME.pattern}[A-Z][\w'’\-]+"
                              r"(?: [A-Z][\w'’\-]+)?)\.(?P<space>[ \u00a0]*)"
                              r"(?P<rest>[A-Z\"“(].*)")
STYLES = ("dash", "colon", "period")


@dataclass(frozen=True)
class LabelMatch:
    """A label at the start of a line: the label as written and where the speech starts."""

    style: str
    label: str
    separator: str  # token, see SEPARATOR_TEXT
    spacing: str  # "", unspaced, tight-left, tight-right (a dash); spaced (" :"); spaces-N
    alone: bool  # the label stands alone on its line
    rest: str
    rest_offset: int  # index in the line where the speech starts
    key: str  # normalised core of the label, for counting and resolution
    uncertain: bool
    prefix: str = ""  # a time code written before the label




# "The Minister of State, Department for Transport (Lord Ashby): The timetable ...": the
# Lords' written answers label each answer with the office and, in parentheses, its holder
# with a form of address; the office may hold commas and lower-case words, so it is matched
# apart from the ordinary colon label. evidence.py asks for the shape twice in the document.
OFFICE_HOLDER_LABEL = re.compile(r"The [A-Z][^():]{2,120} \((?:Sir|Dame|Lord|Lady|Baroness|"
                                 r"Baron|Earl|Viscount|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Madam) "
                                 r"[A-Z][^():]{1,60}\)")
_OFFICE_COLON = re.compile(rf"(?P<label>{OFFICE_HOLDER_LABEL.pattern}):[ \u00a0]+"
                           r"(?P<rest>\S.*)")


def _is_narrative(rest: str) -> bool:
    """"Dobrynin informed us that...": a name followed by a reporting verb."""
    words = re.findall(r"[\w'’.-]+", rest)[:4]
    if not words or words[0] in ("The", "A", "An"):
        return False
    for index, word in enumerate(words[:4]):
        if word.lower() in NARRATIVE_VERBS and word.lower().endswith(("ed", "said", "told")) \
                and 1 <= index <= 3:
            # "MR. KLINE: Objection. Asked and answered.": a capitalised verb after a word that
            # ends a sentence opens a new sentence of the speech (a deposition's short
            # utterances); reported speech has its verb inside the sentence of the name
            # ("Dobrynin informed us that ...").
            before = words[index - 1].rstrip(".")
            if word[:1].isupper() and not word.isupper() and len(before) > 1 and \
                    before.lower() not in HONORIFICS and re.search(
                        rf"{re.escape(before)}[.!?][\"'”’)]*\s+{re.escape(word)}\b", rest):
                return False
            return all(w[:1].isupper() and w.lower() not in PRONOUNS for w in words[:index])
    return False


_TIMECODE = re.compile(r"\[\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\] +")
# "Beginn: 10.00 Uhr", "Schluss der Sitzung: 12.30 Uhr", "Adjourned: 4.15 p.m.": a line
# whose "speech" is only a clock time or a numeric date records when, not who speaks.
_TIME_OR_DATE_ONLY = re.compile(
    r"(?:(?:ca\.|approx\.|um|at|gegen) )?(?:"
    r"\d{1,2}(?:[.:]\d{2}){1,2}(?: ?(?:Uhr|h|hrs?|hours|[ap]\.[ ]?m|[ap]m|[AP]M|[AP]\.M))?"
    r"|\d{1,2} ?(?:Uhr|h|hrs|hours|[ap]\.[ ]?m|[ap]m|[AP]M|[AP]\.M)"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
    r")\.?")
_DASH_AT = re.compile(r"( *)(--|-|–|—)([ \u00a0]*)")
_LABEL_TEXT = re.compile(_LABEL_CHARS)


# "Cde. Molotov-reinforce ...", "Cde. Khrushchev-I don't ...": hasty working notes glue the
# hyphen to both words. A hyphen joins words far more often ("Choe Yong-geon", "Rakosi-Gero"),
# so only this shape counts: a form of address, ONE name word, and after the hyphen a word in
# lower case or a pronoun that starts a sentence. Evidence (recurrence) is still needed.
_PRONOUN_STARTS = frozenset("I We You It This That The There He She They".split())


def _hyphen_glued_label(label: str, rest: str) -> bool:
    words, speech = label.split(), rest.split()
    return (len(words) == 2 and title_of(label) != "" and words[1][:1].isupper()
            and len(speech) >= 3 and (speech[0][:1].islower() or speech[0] in _PRONOUN_STARTS))


def period_dash(label: str, separator: str) -> bool:
    """"Presidente. – ", "Ursula von der Leyen, Commission President-elect. – ": the European
    Parliament's verbatim report ends the label with a period before a spaced dash."""
    return label.endswith(".") and separator.strip() in ("–", "—") and \
        separator.startswith(" ") and separator.endswith(" ")


def _dash(text: str) -> tuple[str, str, str, int] | None:
    """(label, separator token, spacing token, index where speech starts) of a dash label.

    A hyphen needs a space on at least one side (else it joins a word: "Yong-geon"); an en
    or em dash may stand between label and speech without spaces ("Cde.Khrushchev—How").
    """
    for found in _DASH_AT.finditer(text, 0, 72):
        label = text[: found.start()]
        before, dash, after = found.groups()
        if not label or not (_LABEL_TEXT.fullmatch(label) or (
                period_dash(label, found.group()) and COMMA_LABEL.fullmatch(label[:-1]))):
            continue
        if dash in ("-", "--") and not before and not after and not (
                dash == "-" and _hyphen_glued_label(label, text[found.end():])):
            continue
        spacing = ("unspaced" if not before and not after else "tight-left" if not before
                   else "tight-right" if not after and found.end() < len(text) else "")
        return label, DASH_SEPARATORS[dash], spacing, found.end()
    return None


@lru_cache(maxsize=65536)
def match_line(text: str, style: str) -> LabelMatch | None:
    """The label of ``style`` at the start of ``text``, if the line has one of label shape.

    A time code before the label ("[00:00:12] Speaker 1: ...") belongs to the label.
    """
    timecode = _TIMECODE.match(text)
    prefix = timecode.group() if timecode else ""
    numbered = PARAGRAPH_NUMBER.match(text, len(prefix)) or BRACKET_NUMBER.match(
        text, len(prefix)) or SOURCE_MARK.match(text, len(prefix))
    if not numbered and style in ("colon", "period"):
        numbered = BARE_PARAGRAPH_NUMBER.match(text, len(prefix))
        first_word = text[numbered.end():].split(maxsplit=1)[0] if numbered else ""
        if numbered and first_word.lower().rstrip(".:") in DATING_WORDS:
            numbered = None
    number = numbered.group() if numbered else ""
    line = text[len(prefix) + len(number):]
    spacing = ""
    if style == "dash":
        found_dash = _dash(line)
        if found_dash is None:
            return None
        label, sep, spacing, offset = found_dash
        rest = line[offset:]
    elif (alias := _ALIAS_LABEL.fullmatch(line)) and alias["sep"] == (
            ":" if style == "colon" else "." if style == "period" else ""):
        label, rest, offset = alias["label"], alias["rest"], alias.start("rest")
        sep = "sep-colon" if style == "colon" else "sep-period"
    elif style == "colon" and (wide := _WIDE_COLON.fullmatch(line)):
        label, rest, sep = wide["label"], wide["rest"], "sep-fullwidth-colon"
        offset = wide.start("rest") if rest else len(line)
        spacing = "unspaced" if rest and not wide["after"] else ""
    elif style == "colon" and (office := _OFFICE_COLON.fullmatch(line)):
        label, rest, offset = office["label"], office["rest"], office.start("rest")
        sep = "sep-colon"
    elif style == "colon" and not _COLON.fullmatch(line) and (
            comma := _COMMA_COLON.fullmatch(line)):
        label, rest, sep = comma["label"], comma["rest"] or "", "sep-colon"
        offset = comma.start("rest") if rest else len(line)
    elif style == "period" and (supplied := _SUPPLIED_PERIOD.fullmatch(line)):
        label, rest, offset = supplied["label"], supplied["rest"], supplied.start("rest")
        sep, spacing = "sep-period", "" if supplied["space"] else "unspaced"
    else:
        found = (_COLON if style == "colon" else _PERIOD).fullmatch(line) or (
            style == "period" and _PERIOD_ALONE.fullmatch(line))
        if not found:
            return None
        glued = style == "colon" and found["glued"]
        label, rest = found["label"], (found["glued"] if glued else found["rest"]) or ""
        offset = found.start("glued" if glued else "rest") if rest else len(line)
        sep = "sep-colon" if style == "colon" else "sep-period"
        if style == "colon" and found["before"]:
            spacing = "spaced"  # "M. Couve de Murville : ..." (French typography)
        elif glued:
            spacing = "unspaced"
        if style == "period" and (label.lower() in HONORIFICS  # "DR. SCHILF (...):"
                                  or set(label.split()[1:]) & CAPS_PARTICLES
                                  or rest.isupper()):  # "STATEMENT OF HON. JOHN B. ...": heading
            return None
    if "," in re.sub(r"\([^()]*\)", "", label) and not OFFICE_HOLDER_LABEL.fullmatch(label):
        if not comma_role_shape(label) or (style == "colon" and _is_narrative(rest)):
            return None
    elif not (has_label_shape(label) or OFFICE_HOLDER_LABEL.fullmatch(label) or (
            style == "colon" and office_before_name(label))) or (
            style == "colon" and _is_narrative(rest)):
        return None
    if _TIME_OR_DATE_ONLY.fullmatch(rest.strip()):
        return None
    _, uncertain = label_core(label)
    return LabelMatch(style, prefix + number + label, sep, spacing, alone=not rest, rest=rest,
                      rest_offset=len(prefix) + len(number) + offset, key=label_key(label),
                      uncertain=uncertain, prefix=prefix)


def separator_text(token: str, spacing: str = "", alone: bool = False) -> str:
    """The separator as the diplomatic text writes it (docs/encoding.md section 4)."""
    text = SEPARATOR_TEXT[token]
    if spacing.startswith("spaces-"):  # "Q    Thanks": the width of a whitespace separator
        text = " " * int(spacing[len("spaces-"):])
    elif spacing == "spaced":
        text = " " + text
    elif spacing == "unspaced":
        text = text.strip()
    elif spacing == "tight-left":
        text = text.lstrip()
    elif spacing == "tight-right":
        text = text.rstrip()
    return text.rstrip() if alone else text



__all__ = ["CAPS_PARTICLES", "CLASSIFICATION_WORDS", "HONORIFICS", "NUMBERED_SPEAKER",
           "OFFICE_HOLDER_LABEL", "SEPARATOR_TEXT", "SOURCE_MARK", "STYLES", "SUPPLIED_NAME",
           "LabelMatch", "comma_role_shape", "has_label_shape", "label_core", "label_key",
           "match_line", "office_before_name", "period_dash", "separator_text", "title_of"]
