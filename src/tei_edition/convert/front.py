"""The front-matter walk: title, subtitle, classification, datelines, subject and the
participants block, read from the top until the record begins.

Owns the order of that walk (``read_front``) and its result (``FrontLine``). The rules it
calls live beside it: single-line kinds (frontkinds.py), titles (titles.py), participants list
boundaries (listbounds.py), the page's description of a recording under the title
(frontkeys.description_block); closers (closers.py) and title-page keys (frontkeys.py) are
called by parser.py. It returns line ranges and kinds; it must not read inline content (inlines.py)
nor decide about turns (labels.py, parser.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tei_edition.convert.frontkeys import description_block
from tei_edition.convert.frontkinds import SUBJECT_HEADING, front_kind
from tei_edition.convert.lexer import SourceLine
from tei_edition.convert.listbounds import (
    aligned_list_block,
    bulleted_persons,
    ends_list,
    intro_before_participants,
    list_block,
)
from tei_edition.convert.participants import (
    ABSENCE_KEY,
    GROUP_LABEL,
    HEADER,
    HEADING_ONLY,
    is_list_line,
)
from tei_edition.convert.titles import TITLE_WORDS, colon_title, repeats_title, title_like


@dataclass(frozen=True)
class FrontLine:
    index: int  # index into the list of source lines
    kind: str  # classification | copy | dateline | subject | title | participants | intro



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
                SUBJECT_HEADING.fullmatch(lines[found[-1].index].text)
                and len(line.text.split()) <= 15 and not is_turn(line.text))):
            kind = "subject"  # "SUBJECT" / empty line / "• Germany and Berlin" (browser copy)
        if kind is None and not seen_participants and not line.tight:
            # "Speaker: Ann Roe" / "Delivered On: 5/4/1971" / ...: only where a key looks
            # like a speaker's label (the description would otherwise open the dialogue)
            described = description_block(lines, index)
            if described > index and any(is_turn(lines[k].text)
                                         for k in range(index, described)):
                found += [FrontLine(k, front_kind(lines[k].text) or "metadata")
                          for k in range(index, described)]
                index = described
                subtitle_allowed = False
                continue
        if kind is None and ((not has_title and colon_title(lines, index) and all(
                f.kind in ("classification", "copy", "page") for f in found)) or (
                has_title and subtitle_allowed and colon_title(lines, index, dated=True))):
            # "COURT NOTES: Odd moments"; under a page's title, a dated headline
            found.append(FrontLine(index, "subtitle" if has_title else "title"))
            has_title = True
            index += 1
            continue
        if kind is None and has_title and not seen_participants and not line.tight:
            block = [line]
            while index + len(block) < len(lines) and lines[index + len(block)].tight:
                block.append(lines[index + len(block)])
            if repeats_title(block, [lines[f.index].text for f in found if f.kind == "title"]):
                found += [FrontLine(index + k, "subtitle") for k in range(len(block))]
                index += len(block)
                continue
        if kind is None and not is_turn(line.text) and not seen_participants and (
                not has_title or subtitle_allowed):
            block = [line]
            while index + len(block) < len(lines) and lines[index + len(block)].tight:
                block.append(lines[index + len(block)])
            # "MINUTES OF THE MEETING" / "12 March 1985": a heading with its dateline below
            dated = next((k for k in range(1, len(block)) if front_kind(block[k].text)), 0)
            block = block[:dated] if dated else block
            if title_like(block, strict=has_title) or (
                    dated and TITLE_WORDS.match(block[0].text) and len(block) == 1):
                label = "subtitle" if has_title else "title"
                found += [FrontLine(index + k, label) for k in range(len(block))]
                index += len(block)
                has_title = True
                continue
        if kind is None and has_title and not seen_participants and not line.tight:
            listed = bulleted_persons(lines, index, is_turn)
            if listed > index:  # "• Chou En-lai, Premier" / "• Dr. Henry A. Kissinger, ..."
                found += [FrontLine(k, "participants") for k in range(index, listed)]
                index = listed
                seen_participants = in_participants = True
                continue
        if kind is None and not seen_participants and not line.tight:
            intro = intro_before_participants(lines, index, is_turn)
            if intro > index:
                found += [FrontLine(k, "intro") for k in range(index, intro)]
                index = intro
                subtitle_allowed = False
                continue
        if in_participants and kind is None and not line.tight and heading_only:
            listed = list_block(lines, index, is_turn)
            if listed > index:  # "PARTICIPANTS" / blank line / the names, block by block
                found += [FrontLine(k, "participants") for k in range(index, listed)]
                index = listed
                continue
        if in_participants and kind is None and not line.tight and not heading_only:
            listed = aligned_list_block(lines, index, lines[found[-1].index].column, is_turn)
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
