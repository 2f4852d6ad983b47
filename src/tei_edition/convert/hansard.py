"""Parliamentary (Hansard) layouts of speaker labels, which carry no separator at all.

Owns these shapes. A label line that ends in the member's constituency or name in parentheses
("Dr. John Cunningham (Copeland)", "The Lord President of the Council (Sir Geoffrey Howe)"),
alone on its line, the speech below it (directly or after an empty line); and the web copy
of the historic Hansard, where a paragraph mark "§" opens a paragraph whose label is glued
to the speech ("§ Mrs. Maria Fyfe (Glasgow, Maryhill)On a point of order", "§ Madam
SpeakerThe hon. Lady"; an order-paper question "§ 45. Mr. Roeasked the Prime Minister ...").
Both are labels only when the document uses the layout at least twice. Also the historic
Hansard's label paragraphs ("Mr. Hamilton" / empty line / the speech; three at least, one
recurring) and its stage formulas written as paragraphs ("Mr Roe interjecting"; a label
paragraph followed by "indicated assent."). It decides from the lines it is given; it must
not walk the body nor resolve persons.
"""

from __future__ import annotations

import re
from collections import Counter

from tei_edition.convert.labels import HONORIFICS, LabelMatch, label_core, label_key
from tei_edition.convert.webcopy import caption_end, caption_name

# Title-case words (initials, particles, commas inside the parentheses), then "(...)" at the end.
# Modern Hansard adds the party after the constituency: "Mr John Spellar (Warley) (Lab)".
_PAREN_LINE = re.compile(r"(?P<name>[A-Z][\w.'’\-]*(?: (?:[A-Z][\w.'’\-]*|of|the|and|for|de|"
                         r"von|van)){0,14}) \((?P<place>[A-Z][^()]{1,60})\)"
                         r"(?: \((?P<party>[A-Z][^()]{1,30})\))?")
# "§ " and a label glued to the speech: after a closing parenthesis, or where a lower-case
# letter is followed directly by a capital ("SpeakerThe").
_GLUED = re.compile(r"(?P<label>§ [A-Z][\w.'’\- ]{1,60}?(?: \([^()]{1,60}\)|[a-z](?=[A-Z])))"
                    r"(?P<rest>[A-Z\"“(].*)")
# A Member's question on the order paper, its number before the name and the formula
# "asked" glued to it: "§ 45. Sir I. Brookasked the Prime Minister whether ...".
_GLUED_QUESTION = re.compile(r"(?P<label>§ (?:\d{1,3}\. )?[A-Z][\w.'’\- ]{1,60}?[a-z])"
                             r"(?P<rest>asked (?:the|whether|if|what|how|why|when|which) .*)")


def _addressed(name: str) -> bool:
    """Starts with a form of address ("Dr.", "Mr.", "Sir"), or "The" and one ("The Lord
    President ..."): a heading ("The Situation in the Middle East (continued)") does not."""
    words = [w.lower().rstrip(".") for w in name.split()]
    if words and words[0] == "the":
        return len(words) > 1 and words[1] in HONORIFICS
    return bool(words) and words[0] in HONORIFICS


# Current Hansard writes members without a form of address: "Anna Reyes (Northbridge) (Lab)".
# Then the party abbreviation in a second pair of parentheses ("Lab", "Con", "LD", "SNP",
# "Lab/Co-op") is what makes the line a label; a name of two to four capitalised words.
_PARTY = re.compile(r"[A-Z][A-Za-z]{0,5}(?:/[A-Z][\w\-]{0,6})?")
_BARE_NAME = re.compile(r"[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){1,3}")


# "The Parliamentary Under-Secretary of State for Culture, Media and Sport (Mr David
# Evennett)": an office (commas and lower-case words allowed) and its holder, with a form of
# address, in the parentheses; the holder is the speaker (labelcore.py).
_OFFICE_LINE = re.compile(r"(?P<name>The [A-Z][\w.'’\-]*(?:,? (?:[A-Z][\w.'’\-]*|of|the|and|for))"
                          r"{1,16}) \((?P<place>(?:Sir|Dame|Lord|Lady|Baroness|Mr\.?|Mrs\.?|Ms\.?|"
                          r"Miss|Dr\.?) [A-Z][^()]{1,60})\)(?P<party>)")


def match_paren_line(text: str) -> LabelMatch | None:
    """"Dr. John Cunningham (Copeland)" alone on its line: a member's label; in a web copy
    after the member's portrait caption ("Anna Reyes Portrait Anna Reyes (Northbridge) (Lab)",
    webcopy.py), which stays in the label as written."""
    start = caption_end(text, HONORIFICS)
    found = _PAREN_LINE.fullmatch(text, start) or _OFFICE_LINE.fullmatch(text, start)
    if not found or len(text) > 160:
        return None
    if not _addressed(found["name"]) and found.re is not _OFFICE_LINE and not (
            found["party"] and _PARTY.fullmatch(found["party"])
            and _BARE_NAME.fullmatch(found["name"])):
        return None
    _, uncertain = label_core(text)
    return LabelMatch("paren", text, "sep-none", "", alone=True, rest="",
                      rest_offset=len(text), key=label_key(text), uncertain=uncertain)


_ADDRESS_LINE = re.compile(r"[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){1,4}")


def match_paren_layout_line(text: str) -> LabelMatch | None:
    """In a document of "(Constituency)" label lines, also the presiding officer's label
    without parentheses: "Mr. Speaker", "Madam Deputy Speaker", alone on its line; and in a
    web copy a member named again without the constituency under the portrait caption
    ("Anna Reyes Portrait Anna Reyes", Hansard's form for a member's later speeches)."""
    found = match_paren_line(text)
    if found:
        return found
    label = text[caption_end(text, HONORIFICS):]
    repeated = label != text and label == caption_name(text)
    if not repeated and (not (_ADDRESS_LINE.fullmatch(label) and _addressed(label))
                         or text.endswith(".")):
        return None
    _, uncertain = label_core(text)
    return LabelMatch("paren", text, "sep-none", "", alone=True, rest="",
                      rest_offset=len(text), key=label_key(text), uncertain=uncertain)


def match_glued_line(text: str) -> LabelMatch | None:
    """"§ Mr. Tony Benn (Chesterfield)On a point of order": label and speech glued."""
    found = _GLUED.fullmatch(text) or _GLUED_QUESTION.fullmatch(text)
    if not found:
        return None
    label = found["label"]
    _, uncertain = label_core(label[2:])
    return LabelMatch("glued", label, "sep-none", "", alone=False, rest=found["rest"],
                      rest_offset=found.start("rest"), key=label_key(label),
                      uncertain=uncertain)


# An office or a member alone in its paragraph, no punctuation (historic Hansard on the web:
# "Mr. Hamilton", "The Prime Minister", "Mr. Speaker"; lower-case words inside an office:
# "The Secretary of State for the Home Department"), the constituency or the office's holder
# in parentheses where the record gives them ("The Prime Minister (Mr. Harold Roe)"); on the
# order paper with the question's number, the name in capitals ("52. MR. HAMILTON").
_ADDRESS_PARAGRAPH = re.compile(r"(?P<number>\d{1,3}\. )?(?P<name>[A-Z][\w.'’\-]*"
                                r"(?: (?:[A-Z][\w.'’\-]*|of|for|the|and)){1,8})"
                                r"(?: \([A-Z][^()]{1,60}\))?")
_MIN_ADDRESS_LABELS = 3


def match_address_paragraph(text: str) -> LabelMatch | None:
    """"Mr. Hamilton" or "The Prime Minister" as a whole paragraph: a label of the historic
    Hansard's web layout when ``address_paragraph_labels`` finds the document uses it."""
    found = _ADDRESS_PARAGRAPH.fullmatch(text)
    if not found or len(text) > 120 or not found["name"][-1].isalpha() or not _addressed(
            found["name"]):
        return None
    _, uncertain = label_core(text)
    return LabelMatch("address", text, "sep-none", "", alone=True, rest="",
                      rest_offset=len(text), key=label_key(text), uncertain=uncertain)


def address_paragraph_labels(texts: list[str], tight: list[bool],
                             start: int) -> dict[int, LabelMatch]:
    """Label paragraphs of the historic Hansard's web layout in ``texts[start:]``: a form of
    address or an office alone in its paragraph, the speech in the next paragraph. A
    heading or a salutation looks the same, so the layout needs its own evidence: three such
    paragraphs at least, one member or office named twice, and no two in a row (each is
    followed by the speech it introduces)."""
    found: dict[int, LabelMatch] = {}
    for index in range(start, len(texts) - 1):
        if not tight[index] and not tight[index + 1] and (
                label := match_address_paragraph(texts[index])):
            found[index] = label
    keys = Counter(label.key for label in found.values())
    if len(found) < _MIN_ADDRESS_LABELS or max(keys.values(), default=0) < 2 or any(
            index + 1 in found for index in found):
        return {}
    return found


# Hansard's record of a heckle, written as a paragraph of its own: "Mr Roe interjecting",
# "Honourable members interjecting", "Opposition members interjecting—".
_INTERJECTING = re.compile(r"(?:[A-Z][\w.'’\-]*|members|member)(?: [\w.'’\-]+){0,5} "
                           r"interjecting[.—–-]?")


def is_interjection(text: str) -> bool:
    """"Mr Roe interjecting" as a paragraph: a stage direction (TEI P5 §7.2.4), never speech."""
    return bool(_INTERJECTING.fullmatch(text))


def is_gesture(text: str) -> bool:
    """"indicated assent.", "indicated dissent.": the historic Hansard records a member's
    gesture as a label paragraph and one short clause in lower case, where a speech starts
    like a sentence."""
    return text[:1].islower() and len(text.split()) <= 6 and text.endswith((".", "—"))


def uses_layout(texts: list[str]) -> tuple[bool, bool]:
    """(paren lines, glued lines): whether the document uses each layout (twice at least)."""
    paren = sum(1 for t in texts if match_paren_line(t))
    glued = sum(1 for t in texts if match_glued_line(t))
    return paren >= 2, glued >= 2
