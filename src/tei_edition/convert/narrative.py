"""What the record-keeper writes between turns: narrative, procedure, the closing line.

Owns the sentence shapes that are never a speaker's speech although they stand where a
turn's next paragraph would ("The talk lasted two hours.", "The agenda was adopted.",
"Schluss der Sitzung: 12.30 Uhr", "The Chairman then turned to ..."). It judges one
paragraph's text with what the body knows of the speakers; it must not walk the body
(body.py asks it) nor build any structure.
"""

from __future__ import annotations

import re

from tei_edition.convert.labels import label_key

_RECORD_NARRATIVE = re.compile(r"The (?:talk|conversation|meeting|session|discussion|interview|"
                               r"hearing|audience|sitting|exchange)s? (?:then )?(?:lasted|ended|"
                               r"was|were|continued|closed|adjourned|took|began|concluded|turned|"
                               r"moved|shifted|passed|returned|resumed|touched|focused|dealt|"
                               r"covered)\b")
# "The agenda was adopted.", "The draft resolution was put to the vote.", "A vote was taken by
# show of hands.": the record-keeper noting a step of procedure in the passive voice, one
# short sentence (TEI P5 §7.2.4).
_PROCEDURE = re.compile(r"(?:The|This) (?:[\w-]+ ){0,3}(?:agenda|resolution|motion|item|proposal|"
                        r"amendment|report|question|minutes|draft|text|bill|decision|vote)s? "
                        r"(?:was|were|has been|have been) (?:\w+ )?(?:adopted|approved|carried|"
                        r"rejected|referred|withdrawn|put to the vote|read out|circulated|noted|"
                        r"accepted|postponed|deferred|taken up|agreed to|passed|defeated)\b"
                        r"[^.?!]{0,80}[.]|(?:A|The) (?:recorded )?vote was taken\b[^.?!]{0,80}[.]")
# The record closing the proceedings ("Meeting closed at 4.15 pm.", "The committee adjourned
# at 12:15 p.m.", "End of interview: 3:45 p.m."): narrative of the record-keeper, never speech,
# even without a blank line before it (TEI P5 §7.2.4: not part of any sp).
_CLOSING_LINE = re.compile(r"(?:(?:The )?(?:meeting|session|sitting|hearing|conversation|"
                           r"interview|conference|talks?) (?:was )?(?:closed|ended|adjourned|"
                           r"concluded|terminated)|The (?:committee|subcommittee|commission|"
                           r"board|council|court|tribunal|house|senate|conference) (?:then )?"
                           r"(?:adjourned|rose|recessed)|End of (?:the )?(?:interview|meeting|"
                           r"session|sitting|hearing|conversation|conference)|Whereupon)\b",
                           re.I)


# "Q    Can you say when ...?" (White House house style), "Q Who else was there?": a
# questioner's label with no punctuation, which the converter cannot encode as a separator.
# The paragraph is never the previous speaker's speech (it would put the reporter's question
# in the press secretary's mouth); it stays a paragraph between turns.
_BARE_QUESTION_LABEL = re.compile(r"Q(?: {2,}\S| (?=[A-Z]))")


def is_narrative_paragraph(text: str, speaker_keys: frozenset[str],
                            titles: frozenset[str] = frozenset()) -> bool:
    """"K said that ...", "Comrade Ulbricht then sets out ...", "The talk lasted ...": a
    paragraph about the speakers in the third person is narrative, not a turn's speech.
    ``titles`` are the forms of address of the document's labels: "The Chairman then turned
    to ..." speaks of "Chairman Lu" in the third person."""
    if _RECORD_NARRATIVE.match(text) or is_closing_line(text) or _PROCEDURE.fullmatch(text) or \
            _BARE_QUESTION_LABEL.match(text):
        return True
    words = text.split()
    if len(words) > 2 and words[0] == "The" and words[1].lower().rstrip(".,") in titles \
            and words[2][:1].islower():
        return True
    for length in range(min(4, len(words) - 1), 0, -1):
        if words[length][:1].islower() and label_key(" ".join(words[:length])) in speaker_keys:
            return all(w[:1].isupper() for w in words[:length])
    return False


# The same closing line in any language the archives use: a short line that names the
# meeting, says that it ends, and gives the clock time ("Schluss der Sitzung: 12.30 Uhr",
# "La séance est levée à 18 h 5.", "Заседание закрывается в 13 ч. 40 м.", "Meeting adjourned
# at 4:15 p.m."). All three must be there, so speech about a meeting is not taken for it.
_MEETING_WORD = re.compile(
    r"\b(?:meeting|session|sitting|hearing|conference|conversation|talks?|interview|"
    r"(?:sub)?committee|commission|board|council|court|tribunal|house|senate|assembly|"
    r"Sitzung|Tagung|Besprechung|Beratung|Unterredung|Gespräch|Verhandlung|Konferenz|"
    r"séance|réunion|entretien|conférence|sesión|reunión|posiedzenie|obrady|"
    r"заседани\w*|совещани\w*|бесед\w*|встреч\w*|конференци\w*)\b", re.I)
_ENDING_WORD = re.compile(
    r"\b(?:closed|ended|ends|adjourned|adjourns|adjournment|concluded|terminated|rose|"
    r"recessed|end|close|Schluss|Schluß|Ende|geschlossen|beendet|endet|schlie(?:ss|ß)t|"
    r"lev[ée]e|levée|close|fin|termin[ée]e|suspendue|levanta|levantó|termina|terminó|"
    r"concluye|zamknięto|zakończono|"
    r"закрыва\w*|закрыт\w*|законч\w*|оконч\w*|заверш\w*|конец)\b", re.I)
_CLOCK_TIME = re.compile(
    r"\b\d{1,2}(?:\s?[.:h]\s?\d{2}\b|\s?h\b\s?\d{0,2}|\s?(?:Uhr|hours|o'clock)\b|"
    r"\s?ч\.?|\s?[ap]\.\s?m\.|\s?[ap]m\b)", re.I)

_PROPOSAL = re.compile(r"\?|\b(?:should|would|could|must|might|may|shall|will|can|let)\b", re.I)


def is_closing_line(text: str) -> bool:
    """The record-keeper's line saying the proceedings end (see `_CLOSING_LINE`)."""
    bare = text.lstrip("([")
    if not bare[:1].isupper():
        return False
    if _CLOSING_LINE.match(bare):
        return True
    # the meeting is the line's subject (among its first three words), and nothing is
    # proposed or asked: "I think the meeting should end at 5 p.m.?" is speech
    meeting = _MEETING_WORD.search(" ".join(text.split()[:3]))
    return (len(text.split()) <= 16 and bool(meeting) and not _PROPOSAL.search(text)
            and bool(_ENDING_WORD.search(text)) and bool(_CLOCK_TIME.search(text)))
