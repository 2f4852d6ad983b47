"""The vocabulary of speaker labels: forms of address, particles, and the words that show a
line is something else (front-matter keys, topic headings, reporting verbs, dates).

Owns these word lists only; labels.py (shapes) and evidence.py use them. It must not hold any
rule: a word list here is evidence for a rule stated elsewhere.
"""

from __future__ import annotations

HONORIFICS = frozenset(
    "cde cdes comrade comrades mr mrs ms miss dr prof professor sen senator rep representative "
    "ambassador amb minister deputy general gen col colonel admiral adm marshal secretary sir "
    "lord madame mme m herr frau tov tovarishch chairman president premier mister judge "
    "justice rev father hon honorable the prime vice chief under assistant foreign state "
    "interpreter commissioner governor ambassadors right hon rt genosse genossin towarzysz "
    "soudruh elvtars elvtárs drug monsieur señor senor sr sra signor signora dott chancellor "
    "king queen prince princess emperor shah pope cardinal bishop mayor congressman "
    "congresswoman councillor counsellor counselor consul lieutenant captain major sergeant "
    "commander academician acting delegate envoy attorney excellency highness "
    # peers and titled members of the Lords ("The Minister ... (Baroness Finch):")
    "baroness baron earl viscount dame lady countess marquess "
    # German parliamentary and state titles ("Präsident Prof. Dr. Norbert Lammert:")
    "präsident präsidentin vizepräsident vizepräsidentin bundespräsident bundeskanzler "
    "bundeskanzlerin abgeordneter abgeordnete staatssekretär staatsminister "
    # Spanish, Italian and French records ("El señor presidente:", "La señora Roca:")
    "señora presidente presidenta vicepresidente vicepresidenta consejero consejera diputado "
    "diputada ministro ministra senatore senatrice onorevole président présidente ministre "
    "député".split())
PARTICLES = frozenset("de da di del della der den van von zu bin ibn al el la le du y of"
                       .split())
# Words that open front/back-matter lines or sentences, never a speaker label.
NOT_LABELS = frozenset(
    "date time place location venue subject present participants also copy copies distribution "
    "source note notes attachment enclosure re ref to from cc drafted recorded translated "
    "prepared agenda classification memorandum summary p.s nb archive fond opis delo document "
    "he she they we it this that these those then when after before first second third fourth "
    "fifth finally there here however but and or if as in on at for with by item point "
    "question questions answer answers conclusion result results example i you our my his her "
    "their its yes no comment comments summary subjects background action decision decisions "
    "recommendation recommendations conclusions agreed remarks purpose objective issue issues "
    "topic topics minutes record annex appendix reference references enclosures attachments "
    "file approved cleared drafted transcribed origin folder box collection citation "
    "observation observations assessment analysis outcome decided resolved proposal proposals "
    "telephone tel fax".split())
# A title-case heading with a colon ("Soviet Position:", "Next Steps:") names a topic, not a
# speaker: the last word of a speaker label is a name or a title, never one of these.
TOPIC_NOUNS = frozenset(
    "position positions question questions problem problems issue issues policy situation "
    "relations matters matter steps talks negotiations proposal proposals agreement conference "
    "treaty plan plans program programme aid trade economy security defense defence affairs "
    "report statement declaration communique communiqué visit background summary views "
    "comments points point items agenda results conclusions decisions".split())
NARRATIVE_VERBS = frozenset(
    "said says stated states noted notes informed informs told tells replied replies answered "
    "answers asked asks declared declares emphasized emphasised stressed remarked reported "
    "reports welcomed welcomes expressed expresses announced announces thanked thanks added "
    "adds explained explains agreed agrees suggested suggests proposed proposes".split())
PRONOUNS = frozenset("i we you he she they it this that her his our my your their its".split())
DATING_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec januar februar märz juni juli oktober "
    "dezember janvier février mars avril mai juin juillet août septembre octobre novembre "
    "décembre uhr h hrs hours am pm".split())
# The offices of the one who presides a sitting or a hearing ("The President", "THE
# CHAIRMAN", "The Acting Speaker", "THE COURT"): the last word names the office.
PRESIDING_OFFICES = frozenset("president chairman chairwoman chairperson chair speaker court "
                              "presidente presidenta präsident präsidentin".split())
PRESIDING_QUALIFIERS = frozenset("acting deputy vice temporary presiding".split())
