"""Where a turn, a list or the front matter ends (QA of 2026-11-27, boundary findings): what
is written around the dialogue (participants lists without empty lines, examination
headings, source notes, bylines, titles with a colon) is never a speaker's speech, and
speech is never cut out of its turn."""

from __future__ import annotations

from convert_support import NS, converted_root


def _items(root) -> list[str]:
    return ["".join(i.itertext()) for i in root.iterfind(".//t:list[@type='participants']/t:item",
                                                         NS)]


def _free_paragraphs(root) -> list[str]:
    return [" ".join("".join(p.itertext()).split()) for p in root.iterfind(
        ".//t:body//t:p", NS) if not any(a.tag.endswith(("}sp", "}list")) for a in p.iterancestors())]


def _turns(root) -> list[tuple[str, str]]:
    """(speaker, speech) of every turn, whitespace normalised."""
    out = []
    for sp in root.iterfind(".//t:sp", NS):
        speech = " ".join("".join(x.itertext()) for x in sp if not x.tag.endswith("}speaker"))
        out.append(("".join(sp.find("t:speaker", NS).itertext()), " ".join(speech.split())))
    return out


# ---- F11: a participants list without empty lines after it ------------------------------


def test_bulleted_participants_end_where_the_bullets_end():
    root = converted_root("Memorandum of Conversation\nPARTICIPANTS\n- Consul A. Brenner, Austria\n"
                          "- M. Tolle, Department of Trade\nThe Consul asked about the licences.\n"
                          "Tolle promised an answer within the week.\n")
    assert _items(root) == ["- Consul A. Brenner, Austria", "- M. Tolle, Department of Trade"]
    assert _free_paragraphs(root) == ["The Consul asked about the licences. Tolle promised an "
                                      "answer within the week."]


def test_a_sentence_under_unbulleted_names_is_not_a_participant():
    root = converted_root("Record of a Meeting\nPresent:\nMr. O. Lindqvist\nMrs. H. Baro\n"
                          "The meeting opened with a report on the harbour works.\n")
    assert _items(root) == ["Mr. O. Lindqvist", "Mrs. H. Baro"]
    assert _free_paragraphs(root) == ["The meeting opened with a report on the harbour works."]


def test_names_with_roles_under_the_heading_stay_in_the_list():
    root = converted_root("Record of a Meeting\nPresent:\nMr. O. Lindqvist, Director of the Port "
                          "Authority\nMrs. H. Baro, Counsellor of the Embassy\n\n"
                          "LINDQVIST: Welcome.\n\nBARO: Thank you.\n")
    assert len(_items(root)) == 2
