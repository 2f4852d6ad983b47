"""Front and back matter: classification marks, copy numbers, title, datelines, the
participants block, closers ("Recorded by", "Drafted by:", a signature block).

Owns the line patterns of front/back matter and where front matter ends and back matter
begins. It returns line ranges and kinds; it must not read inline content (inlines.py) nor
decide about turns (labels.py, parser.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tei_edition.convert.dates import MONTHS as MONTH_NAMES
from tei_edition.convert.dates import find_date, is_date_only
from tei_edition.convert.labels import HONORIFICS
from tei_edition.convert.lexer import SourceLine
from tei_edition.convert.participants import (
    ABSENCE_KEY,
    GROUP_LABEL,
    HEADER,
    HEADING_ONLY,
    is_list_line,
)

_CLASS_WORDS = (r"top secret|secret|confidential|restricted|strictly confidential|"
                r"strictly secret|unclassified|declassified|for official use only|eyes only|"
                r"personal and confidential|not for publication|classified|limited official use|"
                r"nodis|exdis|limdis|sensitive|official use only")
CLASSIFICATION = re.compile(r"(?:" + _CLASS_WORDS + r")(?:(?:\s*[-–—/,;]\s*|\s+)(?:"
                            + _CLASS_WORDS + r"))*[!.]?", re.I)
COPY = re.compile(r"(?:Copy|Copies|Exemplar|Ex\.|Copy No\.?)\s*(?:No\.?|Nr\.?|#)?\s*\d+"
                  r"(?:\s*(?:of|/)\s*\d+)?(?:\s*copies)?\.?", re.I)
PAGE_LINE = re.compile(r"\[(?:Page|page|PAGE|p\.|P\.) \d+[a-z]?\]")
DATELINE = re.compile(r"(?:Date|Time|Place|Location|Venue|Day)\s*:\s*\S.*", re.I)
ROUTING = re.compile(r"(?:FROM|TO|CC|INFO|REF|From|To|Cc|Info|Ref|Distribution|DISTRIBUTION)\s*:\s*"
                     r"\S.{0,150}")
SUBJECT = re.compile(r"(?:Subject|Re|Topic|Subj\.)\s*:\s*\S.*", re.I)
_TITLE_WORDS = re.compile(r"(?:Record|Memorandum|Minutes|Transcript|Conversation|Stenogram|"
                          r"Stenographic|Interview|Hearing|Notes|Report|Meeting|Summary|Telegram|"
                          r"Letter|From the diary|Verbatim|Protocol|Excerpt|The conversation)\b",
                          re.I)
# "President: Mr. V. A. ZORIN (...)": who chaired or interpreted, named in the front matter.
FRONT_ROLE = re.compile(r"(?:President|Chairman|Chair|Presiding|Interpreter|Interpreters|"
                        r"Rapporteur|Note-?taker|Recorder)\s*:\s*\S.{0,150}")
# "Interviewer: Tom Reyes" in an oral history's front matter names a participant; the same
# word with speech after it ("Interviewer: When did you ...?") is the first turn.
_INTERVIEW_ROLE = re.compile(r"(?:Interviewer|Interviewee|Narrator|Moderator)\s*:\s*"
                             r"(?P<rest>\S.{0,150})")
# The archive's file reference printed above a FRUS document: a decimal file number
# ("611.61/3-1254", "740.00119 Council/3–646") or a lot file ("Conference files, lot 60 D 627,
# CF 203"). It identifies the source; taking it for the title made the real title a paragraph
# and hid the classification below it (QA F8). Kept verbatim in the opener (TEI P5 §4.2.2).
FILE_REFERENCE = re.compile(r"\d{3}\.\d{1,6}[A-Z]{0,3}(?: [A-Z][\w.]*){0,2}/\S{1,20}|"
                            r"[A-Z][\w’'./–\- ]{0,60},\s*lot \d{2}\s?[A-Z]\s?\d{1,4}"
                            r"(?:,\s*[\w./–\- ]{1,30})?")
_SUBJECT_HEADING = re.compile(r"SUBJECTS?|Subjects?")
CLOSER = re.compile(r"(?P<role>(?:Recorded|Drafted|Prepared|Written|Compiled|Transcribed|Typed|"
                    r"Noted|Taken down|Minutes taken|Translated|Approved|Cleared|Interpreted|"
                    r"Record made|Notes taken)(?: by)?)\s*:?\s+(?P<name>\S.{0,80})")
SURNAME_SIGNATURE = re.compile(r"[A-Z][A-Z'’\-]{2,}")
NAME = re.compile(r"(?:/s/\s*)?(?:(?:[A-Z]\.\s?){1,3}\s?[A-Z][\w'’\-]+|[A-Z][a-z]+(?: [A-Z]\.)?"
                  r" [A-Z][\w'’\-]+)")


@dataclass(frozen=True)
class FrontLine:
    index: int  # index into the list of source lines
    kind: str  # classification | copy | dateline | subject | title | participants | intro


def front_kind(text: str) -> str | None:
    """The kind of a front-matter line, judged on the line alone."""
    if CLASSIFICATION.fullmatch(text):
        return "classification"
    if COPY.fullmatch(text):
        return "copy"
    if PAGE_LINE.fullmatch(text):
        return "page"
    if DATELINE.fullmatch(text) or is_date_only(text) or _place_and_date(text):
        return "dateline"
    if SUBJECT.fullmatch(text):
        return "subject"
    if FILE_REFERENCE.fullmatch(text):
        return "file"
    if ROUTING.fullmatch(text):
        return "routing"
    if HEADER.match(text) or HEADING_ONLY.fullmatch(text) or FRONT_ROLE.fullmatch(
            text) or GROUP_LABEL.match(text):
        return "participants"
    role = _INTERVIEW_ROLE.fullmatch(text)
    if role and is_list_line(role["rest"]):
        return "participants"
    if _SUBJECT_HEADING.fullmatch(text):
        return "subject"
    return None


# ", 10:15 a.m.", ", 3 p.m." (FRUS: "Washington, September 25, 1961, 10 a.m."), " at 14.00 hours"
_TIME_TAIL = re.compile(r"(?:,? (?:at )?\d{1,2}(?:[:.]\d{2}(?: ?[ap]\.m\.| hours)?|"
                        r" ?[ap]\.m\.))?\.?")


def _place_and_date(text: str) -> bool:
    """"Washington, June 3, 1963.": a short line that ends with a date."""
    found = find_date(text)
    place = text[: found.start].split() if found else []
    return bool(found) and found.start > 0 and bool(_TIME_TAIL.fullmatch(text[found.end:])) and len(
        place) <= 3 and place[-1].endswith(",") and all(w[:1].isupper() for w in place)


def _title_like(block: list[SourceLine], strict: bool = False) -> bool:
    """A title: short, one sentence or dated; ``strict`` (a second heading) wants capitals
    or a date, so that the first paragraph of a memorandum is not taken for a heading."""
    text = " ".join(line.text for line in block)
    if strict:
        if _prose(text):
            return False  # "The conversation took place on 12 March 1958 and lasted ..."
        return len(text.split()) <= 25 and not text.endswith(":") and (
            bool(find_date(text)) or (len(block) == 1 and text.isupper()))
    words = text.split()
    if len(block) > 3 or not words or len(words) > 40 or text.endswith((":", "?", ";", ",")):
        return False
    if find_date(text) or _TITLE_WORDS.match(text):
        return True
    return _sentences(text) <= 1 and (text.isupper() or not text.endswith("."))


def _prose(text: str) -> bool:
    """A sentence of running text: eight words or more, ending with a period, most of them
    in lower case (a heading capitalises its words or is all capitals)."""
    words = text.split()
    lower = sum(1 for word in words if word[:1].islower())
    return len(words) >= 8 and text.endswith(".") and lower * 2 > len(words)


def _sentences(text: str) -> int:
    """Sentence ends, not counting the period of an initial or an abbreviation ("Cde.")."""
    ends = 0
    for found in re.finditer(r"(\S+?)[.!?](?=\s|$)", text):
        word = found.group(1)
        if len(word) > 3 and word.lower() not in HONORIFICS:
            ends += 1
    return ends


def read_front(lines: list[SourceLine], is_turn: Callable[[str], bool]) -> tuple[
        list[FrontLine], int]:
    """Front-matter lines from the top, and the index of the first line after them."""
    found: list[FrontLine] = []
    index = 0
    has_title = False
    subtitle_allowed = True  # a second heading block directly after the title
    in_participants = in_subject = seen_participants = heading_only = False
    while index < len(lines):
        line = lines[index]
        kind = front_kind(line.text)
        if in_participants and kind is None and line.tight and heading_only and is_list_line(
                line.text):
            kind = "participants"  # "United States: The Secretary; Mr. Kohler" under the head
        if in_participants and kind is None and not is_turn(line.text) and (
                line.tight or GROUP_LABEL.match(line.text)) and not ends_list(
                [lines[f.index].text for f in found if f.kind == "participants"], line.text,
                line.column > lines[found[-1].index].column):
            kind = "participants"
        if in_subject and kind is None and (line.tight or (
                _SUBJECT_HEADING.fullmatch(lines[found[-1].index].text)
                and len(line.text.split()) <= 15 and not is_turn(line.text))):
            kind = "subject"  # "SUBJECT" / empty line / "• Germany and Berlin" (browser copy)
        if kind is None and not has_title and _colon_title(lines, index) and all(
                f.kind in ("classification", "copy", "page") for f in found):
            found.append(FrontLine(index, "title"))  # "COURT NOTES: Odd moments"
            has_title = True
            index += 1
            continue
        if kind is None and not is_turn(line.text) and not seen_participants and (
                not has_title or subtitle_allowed):
            block = [line]
            while index + len(block) < len(lines) and lines[index + len(block)].tight:
                block.append(lines[index + len(block)])
            # "MINUTES OF THE MEETING" / "12 March 1985": a heading with its dateline below
            dated = next((k for k in range(1, len(block)) if front_kind(block[k].text)), 0)
            block = block[:dated] if dated else block
            if _title_like(block, strict=has_title) or (
                    dated and _TITLE_WORDS.match(block[0].text) and len(block) == 1):
                label = "subtitle" if has_title else "title"
                found += [FrontLine(index + k, label) for k in range(len(block))]
                index += len(block)
                has_title = True
                continue
        if kind is None and has_title and not seen_participants and not line.tight:
            listed = _bulleted_persons(lines, index, is_turn)
            if listed > index:  # "• Chou En-lai, Premier" / "• Dr. Henry A. Kissinger, ..."
                found += [FrontLine(k, "participants") for k in range(index, listed)]
                index = listed
                seen_participants = in_participants = True
                continue
        if kind is None and not seen_participants and not line.tight:
            intro = _intro_before_participants(lines, index, is_turn)
            if intro > index:
                found += [FrontLine(k, "intro") for k in range(index, intro)]
                index = intro
                subtitle_allowed = False
                continue
        if in_participants and kind is None and not line.tight and heading_only:
            listed = _list_block(lines, index, is_turn)
            if listed > index:  # "PARTICIPANTS" / blank line / the names, block by block
                found += [FrontLine(k, "participants") for k in range(index, listed)]
                index = listed
                continue
        if in_participants and kind is None and not line.tight and not heading_only:
            listed = _aligned_list_block(lines, index, lines[found[-1].index].column, is_turn)
            if listed > index:  # column-aligned "PARTICIPANTS:  Name" / blank / more names
                found += [FrontLine(k, "participants") for k in range(index, listed)]
                index = listed
                continue
        if in_participants and kind is None and ABSENCE_KEY.match(line.text):
            # Minutes: "PRESENT: ..." / blank / "ABSENT: Member Park." / blank / "STAFF
            # PRESENT: ...": each attendance key in a paragraph of its own continues the
            # list (who was and was not there), never a speaker's turn (QA N2: "ABSENT" and
            # "STAFF PRESENT" became invented speakers)
            kind = "participants"
        if kind is None or (in_participants and kind != "participants") or (
                seen_participants and not in_participants):
            break  # the participants list closes the front matter (TEI: head before list)
        subtitle_allowed = not has_title
        if kind == "participants" and not in_participants:
            heading_only = bool(HEADING_ONLY.fullmatch(line.text) or (
                HEADER.match(line.text) and not HEADER.sub("", line.text, count=1).strip()))
        in_participants = kind == "participants"
        seen_participants = seen_participants or in_participants
        in_subject = kind == "subject"
        found.append(FrontLine(index, kind))
        index += 1
    return found, index


_BULLET = re.compile(r"[-•*–·]\s+(?=\S)")


def ends_list(listed: list[str], text: str, indented: bool = False) -> bool:
    """True when ``text``, written directly under the participants lines ``listed`` (no
    empty line between), is not one of them: a copy without empty lines (a browser paste of
    a FRUS memorandum) runs from the names straight into the record. The list ends at a
    line that breaks its bullets ("- Mr. Dale" / "I told the Ambassador ...") unless it is
    ``indented`` deeper than the line above (a wrapped entry's second line), or that is a
    sentence of running text ("Varga said he was glad to hear it."), so narrative is never
    encoded as participants (TEI P5 §3.8: a list's items are its entries)."""
    entries = listed[1:] if listed and (HEADING_ONLY.fullmatch(listed[0]) or HEADER.fullmatch(
        listed[0].strip())) else listed
    if entries and all(_BULLET.match(entry) for entry in entries) and not _BULLET.match(
            text) and not indented:
        return True
    bare = _BULLET.sub("", text, count=1)
    if is_list_line(bare):
        return False
    words = bare.split()
    lower = sum(1 for word in words if word[:1].islower())
    return len(words) > 16 or (len(words) >= 4 and bare.endswith(('.', '?', '!', '."', '.”'))
                               and lower * 2 > len(words))


_COLON_TITLE = re.compile(r"(?P<key>[^:]{2,60}):\s+(?P<rest>[A-Z]\S*(?: \S+){0,7})")


def _colon_title(lines: list[SourceLine], index: int) -> bool:
    """"COURT NOTES: Odd moments", "THE LAST PAGE: Just for fun": a title written like a
    label, at the top, alone in its paragraph. It is no turn: the words after the colon are a
    short phrase (at most eight words, no sentence end) and the "label" never starts another
    line of the record, so no speaker is invented from it (TEI P5 §4.2.1: a head)."""
    found = _COLON_TITLE.fullmatch(lines[index].text)
    if not found or len(found["key"].split()) > 6 or found["rest"].endswith(
            (".", "?", "!", "…", ",", ";", ":", '"', "”")):
        return False
    if index + 1 < len(lines) and lines[index + 1].tight:
        return False
    key = found["key"] + ":"
    return not any(line.text.startswith(key) for k, line in enumerate(lines) if k != index)


def _intro_before_participants(lines: list[SourceLine], start: int,
                               is_turn: Callable[[str], bool]) -> int:
    """The end of a short narrative paragraph ("The conversation took place in the Kremlin
    ...") that directly precedes the participants list ("Present: ..."), or ``start``.
    Records often say where and when before who: the list after it is still the list."""
    stop = start + 1
    while stop < len(lines) and lines[stop].tight:
        stop += 1
    block = lines[start:stop]
    text = " ".join(line.text for line in block)
    if stop >= len(lines) or len(block) > 6 or len(text.split()) > 120:
        return start
    if any(is_turn(line.text) or front_kind(line.text) for line in block):
        return start
    return stop if HEADER.match(lines[stop].text) else start


_DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,6}")


def _list_block(lines: list[SourceLine], start: int, is_turn: Callable[[str], bool]) -> int:
    """The end of the name-list blocks from ``start`` (``start`` when the first block is not
    one): every line a participant line, none a turn unless it is a group with its names."""
    end = start
    while end < len(lines):
        stop = end + 1
        while stop < len(lines) and lines[stop].tight:
            stop += 1
        block = [line.text for line in lines[end:stop]]
        # "• U.S." / "• The Secretary": a bulleted name is a name (browser copy of FRUS), a
        # dotted acronym the delegation's heading
        bare = [_BULLET.sub("", text, count=1) for text in block]
        if not all((is_list_line(text) or _DOTTED_ACRONYM.fullmatch(text)) and (
                not is_turn(text) or ":" in text) for text in bare):
            break
        end = stop
    return end


def _bulleted_persons(lines: list[SourceLine], start: int,
                      is_turn: Callable[[str], bool]) -> int:
    """The end of a bulleted block of persons under the title, without a heading (the current
    FRUS layout: "• Chou En-lai, Premier, State Council"), or ``start``. Every line of the
    block is a bullet, at least two, and each names a person by a title or with a role after
    a comma: "• Germany and Berlin" (a subject) or "- United States" alone are no such list."""
    stop = start + 1
    while stop < len(lines) and lines[stop].tight:
        stop += 1
    block = [line.text for line in lines[start:stop]]
    if len(block) < 2 or not all(_BULLET.match(text) for text in block):
        return start
    for text in block:
        bare = _BULLET.sub("", text, count=1)
        first = bare.split()[0].lower().rstrip(".")
        if is_turn(bare) or not is_list_line(bare) or not ("," in bare or first in HONORIFICS):
            return start
    return stop


def _aligned_list_block(lines: list[SourceLine], start: int, column: int,
                        is_turn: Callable[[str], bool]) -> int:
    """The end of the name blocks from ``start`` written at the indentation ``column`` of the
    participants list above them (a typed memorandum aligns the second delegation's names
    under the first's, after an empty line); ``start`` when there is none. An unindented
    list has no such evidence and ends at its empty line, as before."""
    if column <= 1:
        return start
    end = start
    while end < len(lines) and lines[end].column == column:
        stop = end + 1
        while stop < len(lines) and lines[stop].tight:
            stop += 1
        block = lines[end:stop]
        if not all(line.column == column and is_list_line(line.text) and not is_turn(line.text)
                   for line in block):
            break
        end = stop
    return end


def closer_start(lines: list[SourceLine], start: int, last_turn: int) -> tuple[int, int]:
    """(first closer line, first line after the closer) or (len, len) when there is none.

    A closer is a "Recorded by ..." line after the last turn, with the closer-like lines
    directly below it; or, at the very end, a signature block: a short role line and a name.
    """
    end = len(lines)
    first_candidate = max(start, last_turn + 1)
    for index in range(first_candidate, end):
        if _is_signer_line(lines[index].text) and _near_end(lines, index) and not (
                _in_first_paragraph(lines, index)):
            stop = index + 1
            while stop < end and lines[stop].tight and (
                    CLOSER.fullmatch(lines[stop].text) or NAME.fullmatch(lines[stop].text)):
                stop += 1
            return index, stop
    block_start = end - 1
    while block_start > first_candidate and lines[block_start].tight:
        block_start -= 1
    block = lines[block_start:end]
    if block_start >= first_candidate and len(block) == 1 and SURNAME_SIGNATURE.fullmatch(
            block[0].text) and block_start > first_candidate:
        return block_start, end  # a telegram's signature: "KOHLER"
    if block_start >= first_candidate and 1 <= len(block) <= 3 and NAME.fullmatch(block[-1].text):
        roles_ok = all(len(b.text.split()) <= 8 and not b.text.endswith((".", ":", "?"))
                       and b.text[:1].isupper() for b in block[:-1])
        if roles_ok and (len(block) > 1 or "." in block[-1].text):
            return block_start, end
    return end, end


def _is_signer_line(text: str) -> bool:
    """"Recorded by V. Kovyzhenko", "Drafted by: J. Ames": a closer line naming who wrote the
    record. "Recorded: March 3, 2010" (also "Date recorded:", "Interview date:") dates the
    recording on a title page; a date is no signer (QA R1: taking it for one moved the
    whole interview below it into the back matter)."""
    found = CLOSER.fullmatch(text)
    if not found:
        return False
    name = found.group("name")
    return not (find_date(name) or re.match(r"\d|(?:" + "|".join(MONTH_NAMES) + r")\b", name,
                                             re.I))


def _in_first_paragraph(lines: list[SourceLine], index: int) -> bool:
    """True when no empty line separates line ``index`` from the document's first line and
    other paragraphs follow: the title page. A closer closes the record; a key line on the
    title page ("Recorded by the Oral History Office") sits above the text and never makes
    the text below it back matter (QA R1). A text without empty lines (a browser copy) is
    one paragraph: its closer at the end stays a closer."""
    return all(line.tight for line in lines[1:index + 1]) and not all(
        line.tight for line in lines[index + 1:])


def _near_end(lines: list[SourceLine], index: int) -> bool:
    """Only the last few blocks can hold a closer (a "Drafted by" mid-text is speech)."""
    blocks_after = sum(1 for line in lines[index + 1:] if not line.tight)
    return blocks_after <= 2


# Keys of front lines that name people rather than speak: "Interpreter: Han Chang-xi",
# "Recording officials: Miao Qun", "Accompanying persons: ...", "Assisting: Kelli Coughlin".
_NAMING_KEYS = frozenset("interpreter interpreters interviewer interviewers interviewee narrator "
                         "moderator guests officials persons assisting assistant recorder "
                         "recorders transcriber transcription audiotape videotape".split())
_VALUE_WORD = re.compile(r"[(\[]?(?:[^\W\d_][\w.'’\-]*|\d{4}),?[)\]]?|and|of|the|de|von|van|&|©")


def _value_like(rest: str) -> bool:
    """"Kelli Coughlin", "Miller Center", "Li Dequan, Zhang Zhixiang": a name or a list of
    names (capitalised words, no sentence end), not speech."""
    words = rest.split()
    if not 1 <= len(words) <= 12 or rest.endswith(("?", "!")) or (
            rest.endswith(".") and not re.search(r"\b[A-Z]\.$", rest)):
        return False
    return all(_VALUE_WORD.fullmatch(w) and (w[:1].isupper() or not w[:1].isalpha()
                                             or w in ("and", "of", "the", "de", "von", "van"))
               for w in words)


# The UN verbatim record's masthead: "President: Mr. Alvarez Ruiz ........ (Chile)", a role,
# a name, a dotted leader (full stops or U+2026) and the delegation. A leader is typesetting
# of a masthead or a list, never speech: the line names who presided, it is no turn of
# "President" (QA N3), even where "The President:" labels recur below it.
_MASTHEAD_ROLE = re.compile(r"[A-Z][\w\-]*(?: [\w\-]+){0,3}\s*:\s*\S.{0,80}?\s*"
                            r"(?:\.{3,}|…+|(?:\. ){3,})[.…\s]*\([^()]{2,60}\)")


def front_key_lines(lines: list[SourceLine], start: int,
                    label_at: Callable[[int], object | None]) -> frozenset[int]:
    """Lines before the first turn that look like "Key: Name" labels but are front matter:
    a block of two or more such lines whose keys are each used once ("Assisting: Kelli
    Coughlin" / "Audiotape: Miller Center" / "Transcription: Martha W. Healy"), or one such
    line whose key names a role ("Interpreter: Han Chang-xi"). A dialogue's labels recur and
    say sentences, so they are not taken."""
    candidates: dict[int, str] = {}
    counts: dict[str, int] = {}
    for index in range(start, len(lines)):
        found = label_at(index)
        key = getattr(found, "key", None)
        if key is not None:
            counts[key] = counts.get(key, 0) + 1
            rest = getattr(found, "rest", "")
            if rest and _value_like(rest):
                candidates[index] = key
    chosen: set[int] = set()
    index = start
    while index < len(lines):
        stop = index + 1
        while stop < len(lines) and lines[stop].tight:
            stop += 1
        masthead = [k for k in range(index, stop) if label_at(k) is not None
                    and _MASTHEAD_ROLE.fullmatch(lines[k].text)]
        chosen.update(masthead)
        block = [k for k in range(index, stop) if k in candidates and counts[candidates[k]] == 1]
        turns = [k for k in range(index, stop) if label_at(k) is not None and k not in block
                 and k not in masthead]
        if turns:
            break  # the dialogue has begun
        if len(block) >= 2:
            chosen.update(block)
        chosen.update(k for k in block if candidates[k].split()[-1] in _NAMING_KEYS)
        index = stop
    # "Interviewer: Anne Louise Bayly Berman" under the title of a later interview (a
    # collection of openings): a role key used once with only a name after it names a person
    # wherever it stands; a turn would be an invented speaker saying a name (QA3 N1)
    chosen.update(k for k, key in candidates.items()
                  if counts[key] == 1 and key.split()[-1] in _NAMING_KEYS)
    return frozenset(chosen)
