"""The participants list ("Present: ...", "Participants:" with groups): who took part.

Owns reading names, groups and the words describing each person (in parentheses or after a
comma) out of the participants block's plain text. It must not build XML nor decide where
the block is (front.py does).
"""

from __future__ import annotations

import re

from tei_edition.convert.labels import HONORIFICS
from tei_edition.convert.model import Participant

# The heading word of the list in the languages of the archives: German "Anwesend:",
# "Teilnehmer:", French "Présents :", Russian "Присутствовали:", "Участники:", Polish "Obecni:".
HEADER = re.compile(r"(?P<word>Present|Participants|Participating|Those taking part|Also present|"
                    r"Persons present|Attending|In attendance|Attendees|Taking part|Those present|"
                    r"Anwesend|Teilnehmer|Teilnehmende|Présents|Etaient présents|Étaient présents|"
                    r"Participants|Присутствовали|Присутствуют|Участники|Obecni"
                    r")\s*[:：]", re.I)
_GROUP_WORDS = (r"side|delegation|party|group|representatives|participants|government|embassy|"
                r"ministry|team|members|guests|staff|also present|present|attending|"
                r"officials|accompanying persons|for the \w+|from the \w+")
# "Soviet side:", "The Korean delegation:", and the group word alone ("Guests:", PRC records)
GROUP_LABEL = re.compile(r"(?P<label>(?:[A-Z][^:;.()\[\]]{0,60}?\s)?\b(?:" + _GROUP_WORDS
                         + r")):\s*",
                         re.I)
_GROUP_SPLIT = re.compile(r"(?:^|(?<=[.;])\s+)(?=" + GROUP_LABEL.pattern.replace("?P<label>", "?:")
                          + ")", re.I)
_ROLE_LINE = re.compile(r"(?P<role>President|Chairman|Chair|Presiding|Interpreter|Interpreters|"
                        r"Rapporteur|Note-?taker|Recorder|Interviewer|Interviewee|Narrator|"
                        r"Moderator)\s*:\s*(?P<rest>\S.*)")
# Minutes' keys for members who were not there ("ABSENT: Member Park.", "Excused: ..."):
# the list keeps the line, but TEI P5 §15.2.2 particDesc describes those who took part.
ABSENCE_KEY = re.compile(r"(?:(?:Members?|Councill?ors?|Commissioners?) )?(?:Absent|Excused|"
                         r"Absent and excused|Not present|Apologies|Regrets)\s*:", re.I)
HEADING_ONLY = re.compile(r"PARTICIPANTS|Participants|PRESENT|Present")
_NAME_WORD = re.compile(r"^(?:[A-Z]\.|[A-Z][\w'’\-]*|de|da|van|von|der|al|bin|el|la|le|du)$")
# "United States:", "Soviet Union:", "Federal Republic of Germany:": a group heading inside
# a participants block (FRUS layout), capitalised words without a group word of their own.
PLAIN_GROUP = re.compile(r"(?P<label>[A-Z][\w'’\-.]*(?: (?:of|the|and|for|[A-Z][\w'’\-.]*))"
                         r"{0,5}):\s*")


def _top_level_split(text: str, separators: str) -> list[str]:
    """Split on any char of ``separators`` outside parentheses and brackets."""
    parts, depth, current = [], 0, []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        if char in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


_ROLE_WORDS = re.compile(r"\b(?:Minister|Secretary|Ambassador|Counsel+or|Deputy|Director|Chairman|"
                        r"Leader|Head|Member|Adviser|Advisor|Assistant|Officer|Attach[eé]|Interpreter|"
                        r"President|Chief|Consul|Premier|General|Commissioner|Staff|Embassy|"
                        r"Department|Committee|Bureau|Section)\b", re.I)


def _is_role(text: str) -> bool:
    words = text.split()
    if _ROLE_WORDS.search(text):
        return True
    # "Abara, Holt and Mercer" (no serial comma) and "Holt, and Mercer" (a serial comma): the
    # names joined by "and" are further persons, not a description of the one before; the
    # lower-case "and" is no role.
    joined = re.split(r"(?:^|\s+)and\s+", text.strip())
    if len(joined) > 1 and all(_clean_name(part)[0] for part in joined if part):
        return False
    return any(
        w[:1].islower() and w not in ("de", "von", "van", "der", "al") for w in words)


# "Messrs. Rusk and Kohler", "Present: Representatives Cole, Ames, and Dunn": a title in the
# plural before the first of several names belongs to none of them.
# Minutes of boards and councils write the office in the plural the same way ("Present:
# Trustees Abara, Holt, and Mercer", "Councilmembers Ortiz and Lam").
_PLURAL_TITLES = frozenset("messrs mmes representatives senators drs delegates trustees members "
                           "councillors councilors councilmembers commissioners directors "
                           "supervisors aldermen alderpersons selectmen regents governors "
                           "justices judges".split())


# "Secretary of State Kissinger", "Minister of Foreign Affairs Ivo Marek": the words of an
# office after "of"/"for" belong to the title, not to the name (QA4 A: the person was lost).
_OFFICE_NOUNS = frozenset("state defense defence foreign affairs treasury commerce agriculture "
                          "interior labor labour justice finance health education transport "
                          "energy war navy army trade external home the and".split())


def _office_span(words: list[str]) -> int:
    """How many of ``words`` ("of State Kissinger" -> 2) continue the office just read; 0
    unless a name word follows them ("The Secretary of State" alone is a designation)."""
    if not words or words[0] not in ("of", "for"):
        return 0
    span = 1
    while span < len(words) and words[span].lower() in _OFFICE_NOUNS | HONORIFICS:
        span += 1
    return span if 1 < span < len(words) else 0


def _clean_name(raw: str, designation: bool = False) -> tuple[str, str]:
    """(name, the title words before it) or ("", "") when the words are not a name.
    ``designation`` (one person a line) also takes "The Secretary of State"."""
    words = raw.replace("[", "").replace("]", "").split()
    if words and words[0].lower() == "and":
        words = words[1:]
    titles = []
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS | _PLURAL_TITLES:
        if re.fullmatch(r"[A-Z]\.", words[0]) and re.fullmatch(r"[A-Z]\.", words[1]):
            break  # "M. A. Suslov": an initial before an initial, not "M." (Monsieur)
        titles.append(words.pop(0))
        office = _office_span(words)
        titles += words[:office]
        words = words[office:]
    if designation and titles and words[0] == "of":
        words, titles = titles + words, []  # "The Secretary of State" is one designation
    name = " ".join(words).strip(" .,")
    if not words or len(words) > 6 or not all(
            _NAME_WORD.match(w.strip(".,")) or (designation and w == "of") for w in name.split()):
        return "", ""
    return name, " ".join(titles)


def _entries(group_text: str, one_person: bool = False) -> list[tuple[str, str, str]]:
    """(name, description, titles) for each person in one group's text."""
    text = group_text.strip().rstrip(".")
    if one_person:
        name, _, description = text.partition(",")
        pairs = [(name, description)]
        found = re.match(r"(?P<name>[^(]*?)\s*\((?P<desc>[^()]*)\)\s*$", name)
        if found and not description:
            pairs = [(found["name"], found["desc"])]
    elif ";" in text:
        pairs = []
        for entry in (e for e in _top_level_split(text, ";") if e.strip()):
            # "Mr. A. RAPACKI, Minister of Foreign Affairs" or "Choe Yong-geon, Rim Hae":
            # a comma part is a role when it has a role word or lower-case words.
            for k, part in enumerate(_top_level_split(entry, ",")):
                if k and pairs and part.strip() and _is_role(part):
                    name, description = pairs[-1]
                    pairs[-1] = (name, ", ".join(filter(None, (description, part.strip()))))
                else:
                    pairs += [(name, "") for name in re.split(r"\s+and\s+", part)]
    else:
        pairs = []
        for k, piece in enumerate(_top_level_split(text, ",")):
            bare = re.sub(r"\([^()]*\)", "", piece).strip()  # "D. Rusk (Secretary of State)"
            if k and pairs and bare and _is_role(bare) and not _clean_name(bare)[1] and not \
                    re.match(r"and\s", bare):  # ", and Dunn" names a further person
                # "Tang Wen-sheng, Interpreter": the part after the comma describes the
                # person before it; it is not a further person named "Interpreter" (a titled
                # name, "Ambassador Thompson", is a further person)
                name, description = pairs[-1]
                pairs[-1] = (name, ", ".join(filter(None, (description, piece.strip()))))
                continue
            for entry in re.split(r"\s+and\s+(?![^()]*\))", piece):
                found = re.match(r"(?P<name>[^(]*?)\s*\((?P<desc>[^()]*)\)\s*$", entry)
                pairs.append((found["name"], found["desc"]) if found else (entry, ""))
    out = []
    for name, description in pairs:
        cleaned, titles = _clean_name(name, one_person)
        if cleaned:
            out.append((cleaned, " ".join(description.split()), titles))
    return out


def read_participants(lines: list[tuple[str, int]], one_per_line: bool = False
                      ) -> tuple[list[Participant], list[str | None]]:
    """Persons and group labels from the participants block (text, line) lines.
    ``one_per_line``: the block has no heading but is known to hold one person a line (a
    bulleted list); otherwise a header or group label alone on its line says so."""
    persons: list[Participant] = []
    labels: list[str | None] = []
    for text, line in lines:
        role = _ROLE_LINE.fullmatch(text)
        if role:  # "President: Mr. V. A. ZORIN (...)": one person, the role is a title
            for name, description, titles in _entries(role["rest"], True):
                persons.append(Participant(name, description, max(len(labels) - 1, 0), line,
                                           f"{role['role']} {titles}".strip()))
            continue
        if one_per_line and text.isupper() and len(text.split()) <= 3 and "." not in text:
            labels.append(text)  # "US", "USSR", "SOVIET SIDE": a group heading
            continue
        if HEADER.match(text) or HEADING_ONLY.fullmatch(text):
            text = HEADER.sub("", text, count=1).strip() if HEADER.match(text) else ""
            one_per_line = not text
            if not text:
                continue
        for chunk in _GROUP_SPLIT.split(text):
            if not chunk.strip():
                continue
            if ABSENCE_KEY.match(chunk):
                continue  # "ABSENT: Member Park.": listed verbatim, but took no part
            found = GROUP_LABEL.match(chunk) or PLAIN_GROUP.match(chunk)
            if not found and ":" in chunk.split("(")[0]:
                continue  # "The representatives of the following States: ...": not persons
            label = found["label"] if found else None
            body = chunk[found.end():] if found else chunk
            if label is not None or not labels:
                labels.append(label)
            if label is not None:
                one_per_line = not body.strip()
            group = len(labels) - 1
            for name, description, titles in _entries(body, one_per_line):
                persons.append(Participant(name, description, group, line, titles))
    return persons, labels


def is_list_line(text: str) -> bool:
    """A line that can stand in a participants list after its heading: a group heading
    ("United States:"), a group with its names ("Soviet Union: Gromyko; Menshikov"), or one
    person ("Mr. Foy D. Kohler, Assistant Secretary"). Speech and narrative are not."""
    words = text.split()
    if not words or len(words) > 16 or text.endswith(("?", "!")):
        return False
    found = GROUP_LABEL.match(text) or PLAIN_GROUP.match(text)
    if found:
        body = text[found.end():].strip()
        if not body:
            return len(found["label"].split()) <= 6
        entries = [e for e in _top_level_split(body.rstrip("."), ";,") if e.strip()]
        names = [e for e in entries if _entries(e, True) or _is_role(e)]
        # "KENNEDY: Yes." is a turn: a group lists names, one of them at least two words long
        return len(names) == len(entries) and any(len(e.split()) >= 2 for e in entries) and \
            bool(_entries(entries[0], True))
    if ":" in text:
        return False
    return bool(_entries(text, True))


# Persons a record's title or front lines name: "Conversation of Comrade N.S. Khrushchev with
# Comrade W. Ulbricht", "Record of a conversation between N. S. Khrushchev and H. Kroll",
# "INTERVIEW WITH ADA PELL", "Interviewed by Rebecca Wright", "Oral History of Jay Last".
# Initials with a surname, a form of address with a name, or a full name after
# "with"/"by"/"and"/"between".
_INITIALS_NAME = re.compile(r"\b(?:[A-Z]\.\s?){1,3}[A-Z][\w'’\-]+")
_ADDRESSED_NAME = re.compile(r"\b(?:Comrade|Cde\.|Mr\.|Mrs\.|Ms\.|Dr\.|Ambassador|Premier|"
                             r"Chairman|Chancellor|President|Minister|Secretary|Senator|General)"
                             r"\s+((?:[A-Z]\.\s?)*[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?)")
# "Interviewed by: Craig Addison" (a title page's key with a colon) and "Oral History of Jay
# Last" (the narrator the title is about) name the two voices of an oral history (QA3 R1).
_LINKED_NAME = re.compile(r"\b(?:with|by|and|between|WITH|BY|AND|BETWEEN|by:|"
                          # German "Armin Laschet im Gespräch mit Stephan Detjen" (a noun
                          # before "mit": German capitalises nouns, so "mit" alone is no cue)
                          r"(?:Gespräch|Interview|Unterhaltung|Gespräche) mit|"
                          r"(?:Oral History|Oral history|ORAL HISTORY|Interview|Memoir) of) +"
                          r"([A-Z][\w'’\-]+(?: [A-Z]\.)?(?: [A-Z][\w'’\-]+){1,2})\b")


# "... between Erich Weber and Eduard Brandt June 9, 1989": a title's date may follow a name
# without a comma; the month is no part of the name.
_MONTHS = frozenset("January February March April May June July August September October "
                    "November December".split())


def _without_month(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1] in _MONTHS:
        words.pop()
    return " ".join(words)


def names_in_front(texts: list[str]) -> list[str]:
    """Names of persons written in the title and front lines, as written."""
    found: list[str] = []
    for text in texts:
        found += _INITIALS_NAME.findall(text)
        found += [m.group(1) for m in _ADDRESSED_NAME.finditer(text)]
        found += [_without_month(m.group(1)) for m in _LINKED_NAME.finditer(text)]
    return found


# Role words of a front line naming one person ("President: Mr. Okoro"): a speaker label
# "The President" means that person, so the role is evidence for the label.
def role_of_line(text: str) -> str:
    """"President:Mr. Wehbe (Syrian Arab Republic)": the role word (lower case) of a line
    naming who held a role, wherever it stands, or ""."""
    found = _ROLE_LINE.fullmatch(text)
    return found["role"].lower() if found and _entries(found["rest"], True) else ""


ROLE_WORDS = frozenset("president chairman chair presiding interpreter interpreters rapporteur "
                       "notetaker note-taker recorder interviewer interviewee narrator "
                       "moderator".split())
