"""The kind of one front-matter line judged on the line alone: classification marks, copy
numbers, page marks, datelines ("Washington, June 3, 1963."), subject lines, the archive's file
reference, routing keys and the first line of a participants list.

Owns these line patterns and ``front_kind``. It must not look at neighbouring lines nor decide
where the front matter ends (front.py walks the lines), nor read the participants' names
(participants.py).
"""

from __future__ import annotations

import re

from tei_edition.convert.dates import find_date, is_date_only
from tei_edition.convert.participants import GROUP_LABEL, HEADER, HEADING_ONLY, is_list_line

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
# "03/09/2015" alone under a news page's headline: a date whose day and month order the line
# does not tell (dates.py gives it no @when), still a dateline, never text of a turn.
NUMERIC_DATE = re.compile(r"\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})")
ROUTING = re.compile(r"(?:FROM|TO|CC|INFO|REF|From|To|Cc|Info|Ref|Distribution|DISTRIBUTION)\s*:\s*"
                     r"\S.{0,150}")
SUBJECT = re.compile(r"(?:Subject|Re|Topic|Subj\.)\s*:\s*\S.*", re.I)
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
SUBJECT_HEADING = re.compile(r"SUBJECTS?|Subjects?")


def front_kind(text: str) -> str | None:
    """The kind of a front-matter line, judged on the line alone."""
    if CLASSIFICATION.fullmatch(text):
        return "classification"
    if COPY.fullmatch(text):
        return "copy"
    if PAGE_LINE.fullmatch(text):
        return "page"
    if DATELINE.fullmatch(text) or is_date_only(text) or _place_and_date(text) or (
            NUMERIC_DATE.fullmatch(text)):
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
    if SUBJECT_HEADING.fullmatch(text):
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

