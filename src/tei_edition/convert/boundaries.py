"""Where a turn ends: lines and paragraphs written around the dialogue that are not speech.

Owns the shapes of the material a transcript's editor, reporter or publisher puts between
and after the turns: examination headings inside a turn's paragraph ("CROSS EXAMINATION BY
MR. DALE:"), a reporter's byline ("Lena Ortiz, RPR" / "Tulsa, Okla."), a short section title
right above a turn, a source or editor's note after the turns ("Source: County Archive ...").
Each predicate looks at plain line texts only; body.py decides what to build from them. It
must not choose label styles (labels.py) nor know about XML; it uses the label shape of
labels.py only to see a label the document gave no evidence for.

Why: TEI P5 §7.2.2 (speeches and speakers) puts in an ``sp`` only what the speaker says; a
heading opens a new division (§4.2.1) and the editor's or reporter's words are narrative
paragraphs between the turns. Attributing them to the last speaker is the worst error an
edition of a dialogue can make, so each shape below is narrow and needs a finished sentence
(or an empty line) before it: speech is never cut in the middle of a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tei_edition.convert.labels import match_line, title_of

SENTENCE_END = tuple('.?!"”’)]…')

# "CROSS EXAMINATION BY MR. DALE:", "REDIRECT EXAMINATION:", "BY MR. HART:": an all-capitals
# line ending in a colon, two to ten words (one word is a label: "WITNESS:").
_CAPS_COLON_HEADING = re.compile(r"[^a-z]*[A-Z][^a-z]*:")

# Court reporters' and similar credentials after a name: "Lena Ortiz, RPR", "J. Ames, CSR, RMR".
_CREDENTIAL = (r"(?:RPR|RMR|CRR|CSR|RDR|CRI|CCR|CLR|CRC|CCP|CBC|FAPR|RSA|RPPR|Esq\.|Ph\.\s?D\.|"
               r"M\.\s?D\.|J\.\s?D\.)")
_NAME = r"(?:[A-Z]\.\s?){0,2}[A-Z][\w'’\-]+(?: (?:[A-Z]\.|[A-Z][\w'’\-]+)){1,3}"
_CREDITED_NAME = re.compile(_NAME + r"(?:,\s*" + _CREDENTIAL + r")+")
_BARE_NAME = re.compile(_NAME)
# "Tulsa, Okla.", "The Colony, Texas", "Hicksville, N.Y.", "Daly City, Calif.": a place line.
_PLACE_WORD = r"[A-Z][\w'’\-]*\.?(?:[A-Z]\.)*"
_PLACE = re.compile(_PLACE_WORD + r"(?: " + _PLACE_WORD + r"){0,3}, " + _PLACE_WORD
                    + r"(?: " + _PLACE_WORD + r"){0,2}")

# The editor's or archive's note after (or between) the turns: "Source: Kennedy Library, ...",
# "Editor's note: ...", "Transcriber's note: ...". The key ends with a colon and something
# follows it. docs/conventions.md lists `Note:`, `Comment:` among the keys that are no labels.
_APPARATUS_KEY = re.compile(
    r"(?:Sources?|Provenance|Citation|Copyright|Original|Archive|Archival source|Reference|"
    r"References|Editor['’]s note|Editorial note|Ed\. note|Transcriber['’]s note|"
    r"Translator['’]s note|Note|Comment)\s*:\s+\S")


def is_exam_heading(text: str) -> bool:
    """"CROSS EXAMINATION BY MR. DALE:": an all-capitals heading line ending in a colon."""
    return bool(_CAPS_COLON_HEADING.fullmatch(text)) and 2 <= len(text.split()) <= 10


def byline_length(texts: Sequence[str]) -> int:
    """The number of leading lines of ``texts`` that are a byline or a signature: a name with
    credentials ("Lena Ortiz, RPR") and up to two place lines, or a bare name with one or two
    place lines ("Dominique Ruiz" / "Daly City, Calif."); 0 when ``texts`` does not start so.
    The block must be all of ``texts`` (the rest of a paragraph): a name inside speech is
    followed by more speech."""
    if not texts or len(texts) > 3:
        return 0
    places = texts[1:]
    if not all(_PLACE.fullmatch(text) and len(text.split()) <= 6 for text in places):
        return 0
    if _CREDITED_NAME.fullmatch(texts[0]):
        return len(texts)
    if places and _BARE_NAME.fullmatch(texts[0]) and not texts[0].isupper():
        return len(texts)
    return 0


def is_other_speakers_label(text: str) -> bool:
    """"MR. HART: Nothing further." where the document gave the label no evidence (used once
    beside `Q.`/`A.`): capitals with a form of address and a colon are another person
    speaking, never more speech of the turn above. The caller keeps such a line out of the
    turn (a paragraph between turns): a missed turn, not words put in the wrong mouth."""
    found = match_line(text, "colon")
    return bool(found and not found.alone and found.label.isupper() and title_of(found.label))


# "Mr. Holm (Norway)", "Dana Whitfield", "Cde. Kania": a person's name (two or more
# capitalised words, or a form of address and a name), possibly with a delegation or role in
# parentheses. One capitalised word ("Note", "Answer") is too weak to call a person.
_PERSON_WORD = re.compile(r"[A-Z][\w'’\-]*\.?|(?:[A-Z]\.){1,3}|de|van|von|der|da|del|la|le|bin|al")


def is_label_paragraph(text: str) -> bool:
    """"Mr. Holm (Norway): Thank you." or "Dana Whitfield: In a small harbour town." opening
    a paragraph, where the document gave the label no evidence (used once): a person's name
    and a colon at the start of a paragraph is another person speaking, never more speech of
    the turn above (QA P1: the narrator's answer and two delegates' speeches were put in the
    interviewer's and the President's mouths). The caller keeps the paragraph out of the turn
    (a paragraph between turns), the same protection as ``is_other_speakers_label`` gives
    capitals; only at a paragraph's start, where a label stands, not inside hard-wrapped
    speech."""
    found = match_line(text, "colon")
    if not found or found.uncertain:
        return False
    if is_other_speakers_label(text):
        return True
    label = re.sub(r"(\s*\([^()]*\))+\s*$", "", found.label).strip()
    words = label.split()
    # Capitals ("DANGER AHEAD: keep out.") are a sign's or a heading's words as often as a
    # name: they count only with a form of address (``is_other_speakers_label``).
    if label.isupper() or not words or not all(_PERSON_WORD.fullmatch(word) for word in words):
        return False
    delegation = label != found.label
    return bool(title_of(label)) or delegation or len(words) >= 2


# "Mr. Holm (Norway)", "Mrs. Ortiz Vega (Dominican Republic)", "The President (spoke in
# Spanish)": a name or office and, in parentheses, a delegation or a language note; the
# UN verbatim record's label (A/63/PV.20 and every General Assembly record).
_DELEGATION_LABEL = re.compile(r"(?:[A-Z][\w'’\-]*\.? ){1,4}"
                               r"\((?:spoke in [A-Z][a-z]+|[A-Z][\w'’.\-]*"
                               r"(?: (?:of|and|the|[A-Z][\w'’.\-]*)){0,5})\)")


def delegation_label_keys(paragraph_starts: Sequence[str]) -> frozenset[str]:
    """The keys of the ``Mr. Holm (Norway):`` labels that open paragraphs, when at least
    three paragraphs open with such a label: then the shape is the record's own convention
    and a delegate who speaks once ("Mr. Holm (Norway): Thank you, Mr. President.") is a
    turn, self-evident like a language note (QA P1). Fewer, and each is at most a paragraph
    between turns (``is_label_paragraph``)."""
    found = [m for text in paragraph_starts if (m := match_line(text, "colon"))
             and not m.alone and _DELEGATION_LABEL.fullmatch(m.label.replace("( ", "(")
                                                              .replace(" )", ")"))]
    if len(found) < 3:
        return frozenset()
    return frozenset(m.key for m in found if title_of(m.label))


# "To ask Her Majesty's Government whether ...[HL9224]": a parliamentary written question
# (the formula "To ask", the question's reference in brackets at its end) stands between the
# answers of written-answer records; it is the asking member's, never the answer's words.
_WRITTEN_QUESTION = re.compile(r"To ask \S.*\[[A-Z]{0,4}\d{1,6}\]\.?")


def is_written_question(text: str) -> bool:
    """"To ask the Government whether ...[Q101]": a written question, not speech."""
    return bool(_WRITTEN_QUESTION.fullmatch(text))


def turn_ends_inside(texts: Sequence[str], start: int) -> int:
    """Inside one paragraph (lines ``texts``, a turn's first line at 0), the index of the first
    line from ``start`` that is no longer the speaker's: an examination heading that stands
    last in the paragraph, a byline block that ends it, or another person's label; each only
    after a finished sentence. ``len(texts)`` when the whole paragraph is speech."""
    for k in range(max(start, 1), len(texts)):
        if not texts[k - 1].endswith(SENTENCE_END):
            continue
        if k == len(texts) - 1 and is_exam_heading(texts[k]):
            return k
        if byline_length(texts[k:]) or is_other_speakers_label(texts[k]) or \
                is_written_question(texts[k]):
            return k
    return len(texts)


def is_caps_heading_line(text: str, previous: str) -> bool:
    """"PART ONE", "SEGMENT TWO" on its own line after a finished sentence and directly above
    a label line: an all-capitals line of at most six words without a sentence end is a
    heading of what follows (TEI P5 §4.2.1), not the last words of the paragraph above it
    (QA R6). The caller checks that a label follows. Not in a text written all in capitals
    (a telegram, an old court record), where such a line may be speech."""
    words = text.split()
    return (text.isupper() and not previous.isupper() and 1 <= len(words) <= 6
            and previous.endswith(SENTENCE_END)
            and not text.endswith((*SENTENCE_END, ",", ";", ":")))


# "Interview with Sam Okafor, conducted by Leo Park, 1995", "Lloyd Goodrich Oral History
# Interview Conducted by Harlan Phillips for the Archives of American Art, 1962": the title of
# the next interview in a collection of openings.
_INTERVIEW_TITLE = re.compile(r"(?:.*\b)?(?:Oral [Hh]istory [Ii]nterview|Interview (?:with|of)|"
                              r"INTERVIEW (?:WITH|OF)|[Ii]nterview [Cc]onducted by|"
                              r"[Cc]onducted by)\b.*")


def is_interview_title(text: str) -> bool:
    """"Interview with Sam Okafor, conducted by Leo Park, 1995" alone in its paragraph: the
    title of the next interview (a new part, TEI P5 §4.2.1), not the last speaker's words
    (QA3 N1: each title between the openings of several interviews ended in the turn above).
    At most forty words and no sentence end: "I gave an interview with the BBC." is speech."""
    return (bool(_INTERVIEW_TITLE.fullmatch(text)) and len(text.split()) <= 40
            and not text.endswith(('.', '?', '!', '"', '”', ':', ',', ';')))


def is_apparatus_paragraph(text: str) -> bool:
    """"Source: County Archive, Council tapes, reel 4.": the editor's or archive's note, not
    the last speaker's next paragraph."""
    return bool(_APPARATUS_KEY.match(text))


def is_title_above_turn(text: str, after_blank: bool) -> bool:
    """"A slow afternoon" alone after an empty line: shaped like the title of the excerpt
    that follows when the next line (no empty line between) is a turn, which the caller
    checks; then it is not speech of the previous speaker. Short (at most ten words),
    capitalised, without a sentence end or a clause mark at its end."""
    words = text.split()
    return (after_blank and 1 <= len(words) <= 10 and text[:1].isupper()
            and not text.endswith((*SENTENCE_END, ",", ";", ":", "-", "—", "–")))


# The note-taker's sentences about the meeting itself or about both sides at once: "After a
# short break the talks resumed.", "Both sides agreed to meet again in May." Only without a
# first or second person anywhere in the paragraph: a speaker saying "Both sides agreed last
# year ... We expect ..." stays speech.
_PERSONAL = re.compile(r"\b(?:I|I'm|I’m|me|my|mine|we|us|our|ours|you|your|yours)\b", re.I)
_MEETING_MOVES_ON = re.compile(
    r"(?:After|Following|During|At|Later|Then|Next|Thereupon)\b[^.?!]{0,60}?\bthe "
    r"(?:talk|conversation|meeting|session|discussion|sitting|hearing|negotiation|interview)s? "
    r"(?:then |again )?(?:resumed|continued|lasted|ended|closed|adjourned|began|concluded|"
    r"moved|shifted|turned|returned)\b")
_BOTH_SIDES = re.compile(
    r"(?:Both|The two) (?:sides|delegations|parties|leaders|ministers|governments|heads of "
    r"(?:state|government)) (?:then |also |further |finally )?(?:agreed|noted|expressed|exchanged|"
    r"discussed|stressed|reaffirmed|confirmed|welcomed|signed|decided|parted|toasted)\b")


def is_reported_narrative(text: str) -> bool:
    """The record-keeper's sentence about the meeting or about both sides (see above)."""
    if _PERSONAL.search(text.replace("I.", "")):
        return False
    return bool(_MEETING_MOVES_ON.match(text) or _BOTH_SIDES.match(text))
