"""The teiHeader of a converted transcript, from the document model, the cast and metadata.

Owns fileDesc (title, editors, publication, source), encodingDesc (editorialDecl generated
from the conventions actually met, the classification taxonomy), profileDesc (creation,
setting, participants, classification, abstract) and revisionDesc. Facts absent from the
transcript and the metadata are left out, never filled in (docs/encoding.md section 2).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from tei_edition.convert.inlines import plain_text
from tei_edition.convert.labels import SEPARATOR_TEXT
from tei_edition.convert.metadata import Metadata
from tei_edition.convert.model import DateSpan, Document, PlaceSpan
from tei_edition.convert.speakers import Cast, Person
from tei_edition.convert.teixml import sub

# Prose for editorialDecl, one entry per convention the converter may meet (TEI P5 §2.3.3).
NORMALISATION_TEXT = {
    "bom": "The byte order mark at the start of the file was dropped.",
    "crlf": "CRLF and CR line ends were changed to LF.",
    "tabs": "Tab characters were replaced by single spaces.",
    "trailing-space": "Whitespace at the end of lines was removed; lines holding only "
                      "whitespace count as empty lines.",
    "leading-space": "Whitespace at the start of lines was removed.",
    "nbsp-lines": "Lines holding only U+00A0 NO-BREAK SPACE (and other whitespace) count as "
                  "empty lines separating paragraphs.",
    "blank-runs": "Runs of several empty lines count as one.",
    "separator-space": "Whitespace between a speaker label's separator and the speech was "
                       "collapsed to a single space.",
}
INTERPRETATION_TEXT = {
    "supplied": "Words in square brackets added by the source's translator or editor are "
                "encoded as supplied (reason omitted-in-original).",
    "query": "[?] of the source is encoded as supplied with reason query.",
    "addition": "[inserted: ...] reports an insertion made in the original; encoded as add, "
                "the bracket's label kept in @rend (label-WORD).",
    "omission-illegible": "[illegible] is encoded as gap (reason illegible) with its wording "
                          "in desc.",
    "omission-inaudible": "[inaudible] is encoded as gap (reason inaudible) with its wording "
                          "in desc.",
    "omission-unintelligible": "[unintelligible] is encoded as gap (reason unintelligible) "
                               "with its wording in desc.",
    "omission-withheld": "[Deleted.] and similar marks of withheld text are encoded as gap "
                         "(reason withheld) with their wording in desc.",
    "omission-unclear": "[unclear] is encoded as gap (reason unclear) with its wording in desc.",
    "omission-omitted": "[...] marks words the source's editor left out; encoded as gap "
                        "(reason omitted) with its wording in desc.",
    "note-translation": "Translator's and interpreter's notes in brackets are encoded as note "
                        "type translation, their label kept in label.",
    "note-editorial": "Editorial notes in brackets (remarks on the document such as "
                      "[emphasis in original], [stamp: ...], or a bracket alone on its line) are "
                      "encoded as note type editorial, a label such as Editor's note: kept in "
                      "label.",
    "stage": "Bracketed descriptions of delivery ([laughs], [Pause.]) are encoded as stage "
             "type delivery, brackets included.",
    "delivery": "Remarks on delivery in parentheses are encoded as stage type delivery, "
                "parentheses included.",
    "page": "Page marks ([Page 12]) are encoded as pb.",
    "footnote": "Footnote marks are encoded as note place foot at the mark, holding the text "
                "of the note from the transcript's notes section.",
    "sic": "Words followed by [sic] are encoded as sic (rend marked).",
    "unknown": "Brackets of a kind without a rule are kept as text, brackets included.",
    "editorial-passage": "An editor's bracketed passage over several paragraphs (each opens "
                         "with [, the last closes it) is a div type editorial, brackets kept "
                         "as text.",
}


@dataclass(frozen=True)
class HeaderFacts:
    """Ids decided by the builder that the header must carry or point to."""

    source_resp: str  # "#src-ed" or "#source"
    corr_resp: str  # "#editor ids" or "#edition"
    classification: tuple[tuple[str, str], ...]  # (category id, text)
    title: str


def person_element(parent: etree._Element, person: Person) -> None:
    """A person of the cast: persName and aliases, affiliation, occupation (or only @role)."""
    element = sub(parent, "person", attrs={"xml:id": person.id, "role": person.role.replace(
        " ", "-") if not person.named else "", "sex": person.sex})
    if person.named:
        sub(element, "persName", person.name)
        for alias in person.aliases:
            sub(element, "persName", alias, {"type": "alias"})
        if person.affiliation:
            sub(element, "affiliation", person.affiliation)
        if person.role:
            sub(element, "occupation", person.role)


def _file_desc(header: etree._Element, document: Document, cast: Cast, meta: Metadata,
               facts: HeaderFacts) -> None:
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt",
                     attrs={"xml:id": "edition" if facts.corr_resp == "#edition" else ""})
    sub(title_stmt, "title", facts.title)
    for editor in meta.editors:
        element = sub(title_stmt, "editor", attrs={"xml:id": editor.id})
        sub(element, "orgName" if editor.kind == "organisation" else "persName", editor.name)
    resp = sub(title_stmt, "respStmt")
    sub(resp, "resp", "converted to TEI P5 by")
    sub(resp, "name", "tei-edition")
    publication = sub(file_desc, "publicationStmt")
    if meta.publisher or meta.editors:
        if meta.publisher:
            sub(publication, "publisher", meta.publisher)
        else:
            for editor in meta.editors:
                sub(publication, "authority", editor.name)
        if meta.edition_id:
            sub(publication, "idno", meta.edition_id, {"type": "edition"})
        if meta.licence or meta.licence_url:
            availability = sub(publication, "availability")
            sub(availability, "licence", meta.licence or meta.licence_url,
                {"target": meta.licence_url})
    else:
        sub(publication, "p", "The edition metadata names no publisher.")
    bibl = sub(sub(file_desc, "sourceDesc"), "bibl", attrs={"xml:id": "source"})
    sub(bibl, "title", meta.source_title or facts.title)
    if meta.interventions_by:
        agent = meta.interventions_by
        resp_stmt = sub(bibl, "respStmt", attrs={"xml:id": "src-ed"})
        sub(resp_stmt, "resp", agent.role or "bracketed interventions")
        sub(resp_stmt, "orgName" if agent.kind == "organisation" else "persName", agent.name)
    for signer in document.signers:
        resp_stmt = sub(bibl, "respStmt")
        sub(resp_stmt, "resp", signer.role or "signed")
        person_id = cast.signers.get(signer.name, "")
        own = any(p.id == person_id for p in cast.signer_persons)
        sub(resp_stmt, "persName", signer.name,
            {"xml:id": person_id} if own else {"ref": f"#{person_id}"})
    if meta.archive:
        sub(bibl, "orgName", meta.archive, {"xml:id": "archive", "role": "archive"})
    if meta.collection:
        sub(bibl, "idno", meta.collection, {"type": "collection"})
    if meta.catalogue_date:
        sub(bibl, "date", meta.catalogue_date, {"type": "catalogue"})
    if meta.url:
        sub(bibl, "ref", meta.url, {"target": meta.url})


def _encoding_desc(header: etree._Element, document: Document, meta: Metadata,
                   facts: HeaderFacts, used_corrections: list[int]) -> None:
    encoding = sub(header, "encodingDesc")
    decl = sub(encoding, "editorialDecl")
    if used_corrections:
        correction = sub(decl, "correction")
        for index in used_corrections:
            item = meta.corrections[index]
            where = f" (line {item.line})" if item.line else ""
            note = f" {item.note}" if item.note else ""
            sub(correction, "p", f"“{item.sic}” is corrected to “{item.corr}”{where}: sic "
                                 f"keeps the source's reading, corr the editors'.{note}")
    normalisation = sub(decl, "normalization")
    sub(normalisation, "p", "The transcript is reproduced as written, except:"
        if document.normalisations else "The transcript is reproduced as written.")
    for key in document.normalisations:
        sub(normalisation, "p", NORMALISATION_TEXT[key])
    separators = sorted(f[4:] for f in document.features if f.startswith("sep:"))
    if separators:
        punctuation = sub(decl, "punctuation")
        for token in separators:
            shown = SEPARATOR_TEXT[token].strip() or (
                "whitespace only" if token == "sep-space" else "a line end")
            sub(punctuation, "p", f"Speaker labels are separated from the speech by “{shown}”; "
                                  f"each sp records it in @rend as {token}.")
    kinds = [k for k in INTERPRETATION_TEXT if k in document.features]
    if kinds:
        interpretation = sub(decl, "interpretation")
        for kind in kinds:
            sub(interpretation, "p", INTERPRETATION_TEXT[kind])
    segmentation = sub(decl, "segmentation")
    sub(segmentation, "p", "Paragraphs of the transcript (separated by empty lines) are p, "
                           "their inner line breaks lb; a paragraph without a speaker label "
                           "continues the current turn. Blocks that followed the previous one "
                           "without an empty line carry no-blank-before in @rend.")
    if facts.classification:
        taxonomy = sub(sub(encoding, "classDecl"), "taxonomy", attrs={"xml:id": "classification"})
        for category_id, text in facts.classification:
            sub(sub(taxonomy, "category", attrs={"xml:id": category_id}), "catDesc", text)


def _first(document: Document, kind: type) -> object | None:
    blocks = [b for b in (document.title, *document.opener, *document.front) if b is not None]
    for block in blocks:
        for node in block.inlines:
            if isinstance(node, kind) and (kind is not DateSpan or node.when):
                return node
    return None


def _profile_desc(header: etree._Element, document: Document, cast: Cast, meta: Metadata,
                  facts: HeaderFacts) -> None:
    profile = sub(header, "profileDesc")
    date = _first(document, DateSpan)
    when = meta.date or (date.when if isinstance(date, DateSpan) else "")
    if when:
        sub(sub(profile, "creation"), "date",
            date.text if isinstance(date, DateSpan) and date.when == when else None,
            {"when": when})
    place = _first(document, PlaceSpan)
    place_text = meta.place or (place.text if isinstance(place, PlaceSpan) else "")
    if place_text or meta.event:
        setting = sub(sub(profile, "settingDesc"), "setting")
        if place_text:
            sub(setting, "placeName", place_text)
        if when:
            sub(setting, "date", attrs={"when": when})
        if meta.event:
            sub(setting, "activity", meta.event)
    if cast.participants or cast.speakers:
        partic = sub(profile, "particDesc")
        for group, label in cast.groups:
            kind = "delegation" if label or len(cast.groups) > 1 else "participants"
            listing = sub(partic, "listPerson", attrs={"type": kind})
            if label:
                sub(listing, "head", label)
            for person in cast.participants:
                if person.group == group:
                    person_element(listing, person)
        ungrouped = [p for p in cast.participants if not p.group]
        if ungrouped:
            listing = sub(partic, "listPerson", attrs={"type": "participants"})
            for person in ungrouped:
                person_element(listing, person)
        if cast.speakers:
            listing = sub(partic, "listPerson", attrs={"type": "speakers"})
            for person in cast.speakers:
                person_element(listing, person)
    if facts.classification:
        text_class = sub(profile, "textClass")
        for category_id, _ in facts.classification:
            sub(text_class, "catRef", attrs={"scheme": "#classification",
                                             "target": f"#{category_id}"})


def build_header(root: etree._Element, document: Document, cast: Cast, meta: Metadata,
                 facts: HeaderFacts, used_corrections: list[int]) -> etree._Element:
    header = sub(root, "teiHeader")
    _file_desc(header, document, cast, meta, facts)
    _encoding_desc(header, document, meta, facts, used_corrections)
    _profile_desc(header, document, cast, meta, facts)
    if meta.revisions:
        revision = sub(header, "revisionDesc")
        editor_ids = {e.id for e in meta.editors if e.id}
        for change in meta.revisions:
            sub(revision, "change", change.change, {
                "when": change.when, "who": f"#{change.who}" if change.who in editor_ids else ""})
    return header


def title_text(document: Document, meta: Metadata, source_path: str) -> str:
    if meta.title:
        return meta.title
    if document.title is not None:
        return " ".join(plain_text(document.title.inlines).split())
    name = source_path.rsplit("/", 1)[-1]
    return f"Transcript {name}"
