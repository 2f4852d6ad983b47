"""What a speaker label names: its core (the person's name), its key, its shape.

Owns reading one label as written ("1. Mr. STEVENSON (United States):", "JULIAN RUSH, ITV
News Correspondent", "[12.] Q", "Hon TOM HALE (Leader of the House) on behalf of the
Minister for X", "(Text) Delmar", "Chairman of the council of ministers Pavel Orel"): the
numbers, source marks, roles, offices, addressees and forms of address around the name, and
whether the words are shaped like a label at all (letters with their combining marks:
"सभापति"). labels.py finds labels in lines with these; it must not look at lines, separators
or the document (labels.py, evidence.py), nor resolve persons (speakers.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from tei_edition.convert.labelwords import (
    HONORIFICS,
    NOT_LABELS,
    PARTICLES,
    TOPIC_NOUNS,
)
from tei_edition.convert.webcopy import caption_end

_QA = {"q": "q", "question": "q", "a": "a", "answer": "a"}


# The parts of the Basic Multilingual Plane that hold combining marks (Unicode 14: every mark
# of U+0300..U+FFFF lies in them; tests/convert/test_convert_qa5_labels.py checks this against
# a scan of the whole plane). Scanning these ~12,000 code points instead of 64,000 keeps the
# converter's import ~13 ms shorter.
MARK_BLOCKS = ((0x0300, 0x1DFF), (0x20D0, 0x20FF), (0x2CEF, 0x2DFF), (0x302A, 0x309A),
               (0xA66F, 0xABFF), (0xFB1E, 0xFB1E), (0xFE00, 0xFE2F))


def _mark_ranges() -> str:
    """The combining marks of the Basic Multilingual Plane as a regex character range.

    The vowel signs and viramas of Indic scripts ("नेता", "सभापति") and decomposed accents
    are marks (Unicode categories Mn, Mc, Me), which Python's ``\\w`` does not match: a
    Hindi speaker's name would never read as a label without them."""
    import unicodedata

    ranges: list[tuple[int, int]] = []
    for code in (code for first, last in MARK_BLOCKS for code in range(first, last + 1)):
        if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if a != b else f"\\u{a:04x}" for a, b in ranges)


# inside a character class beside \w: the letters' combining marks (see _mark_ranges)
MARKS = _mark_ranges()

# "Voice from the hall", "Voices": unidentified speakers of a stenogram.
_VOICE = re.compile(r"(?:A )?Voices?(?: (?:from|in) the (?:hall|floor|audience|room|gallery))?",
                    re.I)
# "Speaker 1", "Participant B", "Man 2": anonymous speakers told apart by a number or letter;
# "spk09", "SPEAKER_01": the ids a machine transcription (speaker diarisation) gives them.
NUMBERED_SPEAKER = re.compile(r"(?:Speaker|Participant|Interviewer|Respondent|Man|Woman|Male|"
                              r"Female|Voice|Unidentified speaker|Unidentified man|"
                              r"Unidentified woman) (?:\d{1,3}|[A-Z])|(?:spk|speaker_)\d{1,3}",
                              re.I)
CAPS_PARTICLES = frozenset("OF AND ON FOR IN TO AT BY WITH THE".split())

# "1. KEVIN HAGUE (Green) to the Minister for Biosecurity:", "Hon ANN ROE (Leader of the
# House) on behalf of the Minister for Trade:": New Zealand Hansard names the member asked
# (or answering for) after the party or office; the words stay in the speaker, the person is
# the name before the parentheses.
ADDRESSEE = r" (?:to|on behalf of) the [A-Z][\w'’\- ]{1,60}?"
ADDRESSEE_END = re.compile(rf"(?<=\)){ADDRESSEE}$")
# "JULIAN RUSH, ITV News Correspondent:", "GEORGE W. BUSH, PRESIDENT OF THE UNITED STATES:",
# "DR. MARTIN LUTHER KING, JR.:", "Ursula von der Leyen, Commission President-elect. –":
# broadcast transcripts and the European Parliament write the speaker's role after a comma.
# The role stays in the speaker as written (like a role in parentheses); the person is the
# name before the comma (label_core), so a later "RUSH:" is the same speaker.
_NAME_PART = r"[^\W\d_][\w.'’\-]*(?: [\w.'’\-]+){1,5}"
_ROLE_PART = r"[^\W\d_][\w.'’\-&]*(?: [\w.'’\-&]+){0,9}"
# "Adela Ruiz (AR), conductora:": a Spanish transcript declares the initials its later labels
# use in parentheses after the name (speakers.py makes them an alias, variants.py) and writes
# the role in lower case; with such initials the role may be lower case (QA5 file 58).
COMMA_LABEL = re.compile(rf"(?P<name>{_NAME_PART})(?P<alias> \((?:[A-ZÀ-Ý]\.?){{2,5}}\))?,"
                         rf"(?P<role> {_ROLE_PART}(?:, {_ROLE_PART})?)"
                         r"(?P<paren>(?: \([^()]{1,60}\)){0,2})")
_ROLE_JOINERS = frozenset("of the for and on in at to & de del la du des der von".split())

# "1. Mr. STEVENSON (United States of America): ...": the paragraph number of a verbatim
# record (UN, parliaments) stands before the label and stays part of it, so the speaker
# label keeps it verbatim (TEI P5 §3.13.2 / §7.2.2: speaker holds the label as written).
PARAGRAPH_NUMBER = re.compile(r"\d{1,4}\.[ \u00a0]+(?=\S)")
# "[1.] Q. Mr. President, ...", "[12.] Robert Pierpoint, CBS News: ...": the Public Papers
# of the Presidents number each question in brackets before the label; kept in the speaker.
BRACKET_NUMBER = re.compile(r"\[\d{1,3}\.?\][ \u00a0]+(?=[A-Z])")
# "(Text) Wanguemert: A very good evening ...": the FBIS Daily Report marks where its verbatim
# text begins ("(Text)", "(Excerpts)", "(Begin recording)") right before the first label. The
# mark stays in the speaker as written, like a paragraph number; it names nobody.
SOURCE_MARK = re.compile(r"\((?:Text|Excerpts?|Begin recording)\)[ \u00a0]+(?=[A-Z])")
# "2Petrov: We agree.", "12 Petrov: ...": numbered records (and their OCR) also write the
# paragraph number without a full stop, glued to the label or after a space. The number is
# kept in the speaker as written, like "1. " above; the label must start with a capital.
# A day before a month or a clock unit ("12 December:", "10 Uhr:") dates, it names nobody.
BARE_PARAGRAPH_NUMBER = re.compile(r"\d{1,3}[ \u00a0]?(?=[A-Z])")
# An office followed by its holder in parentheses, as parliamentary records write ministers:
# "The Secretary of State for Defence (Mr. Tom King)". The parentheses name the speaker.
# Current Hansard names the holder without a form of address: "The Prime Minister (Tom Hale)";
# two to four capitalised words, unless the last one names a state ("The President (United
# States)" in a UN record is a delegation, not a person).
_OFFICE_HOLDER = re.compile(r"The [A-Z][^()]{2,120} \((?P<person>(?:Sir|Dame|Lord|Lady|Mr\.?|"
                            r"Mrs\.?|Ms\.?|Miss|Dr\.?|Madam) [^()]{2,60}"
                            r"|[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){1,3}"
                            r"(?<!States)(?<!Kingdom)(?<!Republic)(?<!Union)(?<!Nations)"
                            r"(?<!Islands)(?<!Emirates)(?<!Federation)(?<!Arabia))\)")


def office_before_name(label: str) -> int:
    """Where the name starts in "Předseda rady ministrů Pavel Orel", "První tajemník strany
    Tomáš Horák" (a record's first label for each speaker: the office,
    then the given name and the surname), or 0 for any other label.

    The office holds a word in lower case that is no particle nor form of address (so "La
    señora Roca Vidal" and "Mr. Ivan Petrov" are not this shape); the name is the last two
    capitalised words. evidence.py asks for the surname as a label of its own elsewhere."""
    words = label.split()
    if not 4 <= len(words) <= 9 or not words[0][:1].isupper() or "(" in label or \
            any(ch.isdigit() or ch in ",;:!?" for ch in label):
        return 0
    office, name = words[:-2], words[-2:]
    if not all(w[:1].isupper() and w.lower().rstrip(".") not in HONORIFICS and
               w.lower() not in PARTICLES for w in name):
        return 0
    if not any(w[:1].islower() and w not in PARTICLES and w.rstrip(".") not in HONORIFICS
               for w in office[1:]):
        return 0
    return len(" ".join(office)) + 1


@lru_cache(maxsize=65536)
def label_core(label: str) -> tuple[str, bool]:
    """The label without paragraph number, role in parentheses, question mark and
    honorifics; and uncertainty."""
    label = BRACKET_NUMBER.sub("", PARAGRAPH_NUMBER.sub("", label, count=1), count=1)
    label = SOURCE_MARK.sub("", label, count=1)
    label = BARE_PARAGRAPH_NUMBER.sub("", label, count=1) if label[:1].isdigit() else label
    label = ADDRESSEE_END.sub("", label)  # "KEVIN HAGUE (Green) to the Minister for X"
    label = re.sub(r"^§\s*", "", label)  # the historic Hansard's paragraph mark
    label = label[caption_end(label, HONORIFICS):]  # a web copy's portrait caption
    office = _OFFICE_HOLDER.fullmatch(label)
    if office:  # "The Lord President of the Council (Sir Geoffrey Howe)": the person
        label = office["person"]
    label = label[office_before_name(label):]  # "Předseda vlády Jan Brod": the person
    core = re.sub(r"(\s*(?:\([^()]*\)|\[[^\[\]]*\]))+\s*$", "", label).strip()
    if comma_role_shape(core):  # "JULIAN RUSH, ITV News Correspondent": the person
        core = COMMA_LABEL.fullmatch(core)["name"]  # type: ignore[index]
    core = re.sub(r"(?<=[^\W\d_]{3})\.$", "", core)  # "Presidente. – ": the EP's period
    core = re.sub(r"(?<=\.)(?=[A-Z][a-z])", " ", core)  # "Cde.Khrushchev"
    core = re.sub(r"^\[([^\[\]]{1,40})\] ", r"\1 ", core)  # "[Oskar] Fischer": one name
    uncertain = core.endswith("?")
    core = core.rstrip("? ").strip()
    words = core.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words), uncertain


def label_key(label: str) -> str:
    core, _ = label_core(label)
    key = " ".join(core.lower().replace("’", "'").split())
    return _QA.get(key, key)


def comma_role_shape(label: str) -> bool:
    """"JULIAN RUSH, ITV News Correspondent", "Robert Pierpoint, CBS News", "DR. MARTIN
    LUTHER KING, JR.": a name of two words at least (no "of", "the": "Department of State,
    Central Files" names no one) and, after the comma, a role of capitalised words (joined
    by "of", "the", "for", ...), no digits ("Geneva, May 14, 1959" is a date)."""
    found = COMMA_LABEL.fullmatch(label)
    if not found or not has_label_shape(found["name"]):
        return False
    if any(w[:1].islower() and w not in PARTICLES - {"of"} for w in found["name"].split()):
        return False
    role = found["role"].replace(",", " ").split()
    if found["alias"] and len(role) <= 4 and not any(ch.isdigit() for ch in found["role"]):
        return True  # "Adela Ruiz (AR), conductora": the declared initials prove the label
    return (not any(ch.isdigit() for ch in found["role"]) and role[0][:1].isupper()
            and all(w[:1].isupper() or w.lower() in _ROLE_JOINERS for w in role))


# "El señor presidente", "La señora Arévalo Araya", "Il presidente": Romance parliamentary
# records write the form of address in lower case after the article.
_ROMANCE_ARTICLES = frozenset("El La Los Las Il Le Lo".split())


def has_label_shape(label: str) -> bool:
    """Short, name-like: capitalised words, initials, honorifics, particles; no digits."""
    label = ADDRESSEE_END.sub("", label)
    bare = re.sub(r"(\s*(?:\([^()]*\)|\[[^\[\]]*\]))+\s*$", "", label).rstrip("? ").strip()
    if _VOICE.fullmatch(bare) or NUMBERED_SPEAKER.fullmatch(bare):
        return True
    joint = re.split(r" (?:and|&) ", bare)
    if len(joint) == 2:  # "Comrade Sidorova and Comrade Lebedev (together)": a joint turn
        return all(has_label_shape(part) for part in joint)
    words = bare.split()
    if words and words[-1].lower().strip(".'’") in TOPIC_NOUNS and len(words) > 1:
        return False
    if not 1 <= len(words) <= 6 or len(bare) > 60 or set(words[1:]) & CAPS_PARTICLES:
        return False  # "CROSS-EXAMINATION BY THE CHAIRMAN": a heading
    if words[0].lower().strip("[]").rstrip(".:") in NOT_LABELS and \
            label_key(label) not in ("q", "a"):
        if not (words[0] in ("The", "THE") and len(words) > 1 and words[1][:1].isupper()):
            return False
    for word in words:
        plain = word.strip(".'’-[]")  # "[Oskar]": a name the editor supplied
        if not plain:
            continue
        if plain.lower() in PARTICLES and word is not words[0]:
            continue
        if words[0] in _ROMANCE_ARTICLES and plain in HONORIFICS:  # "El señor presidente"
            continue
        # A script without letter case (Chinese, Japanese: "毛泽东") has no capitals to show
        # a name; such a word passes here and needs the document's evidence like any label.
        caseless = plain[0].isalpha() and plain[0].upper() == plain[0].lower()
        if caseless and len(plain) > 1 and plain[-1] == "0" and not plain[-2].isdigit():
            # "वी0 हनुमंत राव": Hindi typists write the abbreviation sign (U+0970) as a zero
            # after an initial, "V. Hanumantha Rao"
            plain = plain[:-1]
        if not (plain[0].isupper() or caseless) or any(ch.isdigit() for ch in plain):
            return False
    return True

def title_of(label: str) -> str:
    """The form of address a label starts with ("Cde.", "Ambassador"), or ""."""
    label = label[caption_end(label, HONORIFICS):]
    first = label.split()[0].lower().rstrip(".") if label.split() else ""
    return first if first in HONORIFICS and first != "the" else ""
