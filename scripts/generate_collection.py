#!/usr/bin/env python3
"""Write N invented edition folders in varied transcript conventions, for builds and benchmarks.

Usage: python scripts/generate_collection.py N OUT_DIR [--seed S] [--force]

Each edition is `OUT_DIR/<slug>/<slug>.txt` (a transcript) and `<slug>.toml` (its metadata:
title, persons with ids and label aliases, mentioned persons, corrections). The conventions
rotate through dash labels (records of conversation), colon labels (memoranda), caps-period
hearings, labels on their own line (stenograms), Q/A interviews and narrative memos. A fixed
cast of invented persons recurs across editions under varying labels ("Cde. Varel", "VAREL",
"Mr. T. VAREL"); the metadata gives every variant the same id, so a collection's persons index
merges them. Every word is produced here from small invented vocabularies: no real document is
copied. The same N and seed give the same bytes.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ONSETS = ("B", "D", "G", "K", "L", "M", "N", "P", "R", "S", "T", "V", "Z", "Br", "Dr", "Kr", "St")
NUCLEI = ("a", "e", "i", "o", "u", "ai", "ou")
CODAS = ("rel", "nov", "dan", "sek", "mir", "tal", "ros", "vin", "ker", "lan", "bor", "zek")
GIVEN = (
    "Eran",
    "Bela",
    "Cyril",
    "Dana",
    "Emil",
    "Fenna",
    "Goran",
    "Hela",
    "Ivo",
    "Jora",
    "Kasim",
    "Lina",
    "Marek",
    "Nadia",
    "Oren",
    "Petra",
    "Radu",
    "Sora",
    "Timo",
    "Vesna",
)
ROLES = (
    "Minister of Foreign Affairs",
    "Deputy Minister",
    "Ambassador",
    "First Secretary",
    "Counsellor",
    "member of the Presidium",
    "head of the delegation",
    "interpreter",
    "Chairman of the Planning Commission",
    "Deputy Chairman of the Council of Ministers",
)
SUBJECTS = (
    "the trade agreement",
    "the question of the border commission",
    "the grain delivery plan",
    "the visit of the delegation",
    "the credit for the power station",
    "the fishing zone",
    "the exchange of specialists",
    "the position of the press",
    "the railway project",
    "the agenda of the congress",
)
VERBS = (
    "must be discussed",
    "was raised again",
    "should be settled this year",
    "has not yet been decided",
    "was studied with care",
    "depends on the answer of the government",
    "will be reported to the committee",
    "was the subject of long talks",
)
OPENERS = (
    "We think that",
    "In our opinion",
    "It seems to me that",
    "The government considers that",
    "As far as I know,",
    "I must say that",
    "Our comrades believe that",
    "Frankly speaking,",
)
CLOSERS = (
    "We ask you to take this into account.",
    "That is all I wanted to say.",
    "I will inform the capital.",
    "We are ready to continue the conversation.",
    "This is the general opinion.",
    "We will come back to it later.",
)
CLASSIFICATIONS = ("SECRET", "Top Secret", "CONFIDENTIAL", "Strictly confidential!")
ORGANS = (
    "the Executive Committee",
    "the Commission on Foreign Trade",
    "the Council of Ministers",
    "the Committee on Foreign Relations",
    "the Planning Commission",
)


@dataclass(frozen=True)
class Person:
    key: str
    given: str
    surname: str
    role: str

    @property
    def initial(self) -> str:
        return f"{self.given[0]}. {self.surname}"


def make_cast(rng: random.Random, size: int) -> list[Person]:
    """Invented persons with distinct surnames; the same seed gives the same cast."""
    cast: list[Person] = []
    seen: set[str] = set()
    while len(cast) < size:
        surname = rng.choice(ONSETS) + rng.choice(NUCLEI) + rng.choice(CODAS)
        if surname in seen:
            continue
        seen.add(surname)
        given = rng.choice(GIVEN)
        cast.append(Person(surname.lower(), given, surname, rng.choice(ROLES)))
    return cast


def sentence(rng: random.Random, mention: Person | None = None, cite: str = "Cde.") -> str:
    text = f"{rng.choice(OPENERS)} {rng.choice(SUBJECTS)} {rng.choice(VERBS)}."
    if mention is not None:
        when = rng.choice(("last week", "in May", "before"))
        text += f" {cite} {mention.surname} spoke about this {when}."
    return text


def speech(rng: random.Random, others: list[Person], cite: str, brackets: bool) -> str:
    parts = [sentence(rng, rng.choice(others) if others and rng.random() < 0.3 else None, cite)]
    if brackets and rng.random() < 0.25:
        parts.append(
            rng.choice(
                (
                    "We discussed [it] in detail.",
                    "The figure [?] is not final.",
                    "[inserted: The protocol was signed.]",
                    "The answer was [illegible] delayed.",
                    '[Translator\'s note: literally "on this day".]',
                )
            )
        )
    if rng.random() < 0.5:
        parts.append(rng.choice(CLOSERS))
    return " ".join(parts)


def iso_date(rng: random.Random, first_year: int, last_year: int) -> tuple[int, int, int]:
    return rng.randint(first_year, last_year), rng.randint(1, 12), rng.randint(1, 28)


def _long_date(year: int, month: int, day: int) -> str:
    return f"{day} {MONTHS[month - 1]} {year}"


def archive_summary(rng: random.Random, speakers: list[Person]) -> str:
    """A paragraph after the closer, declared in the metadata as the archive's summary."""
    names = " and ".join(f"{p.given} {p.surname}" for p in speakers[:2])
    return (
        f"{names} discussed {rng.choice(SUBJECTS)} and {rng.choice(SUBJECTS)}. "
        f"The record is kept in fond {rng.randint(1, 99)}, file {rng.randint(100, 999)}."
    )


# Each convention returns (title, transcript lines, participants, labels per person key).
def dash_record(rng, date, speakers, others):
    title = f"The conversation with the delegation on {rng.choice(SUBJECTS)}, {_long_date(*date)}"
    sep = "\u00a0"
    present = ", ".join(f"{p.surname} ({p.role})" for p in speakers[1:])
    lines = [
        "Top Secret",
        sep,
        title,
        sep,
        f"Present: Cde. {speakers[0].surname}. The delegation: {present}.",
        sep,
    ]
    labels = {p.key: {f"Cde. {p.surname}"} for p in speakers}
    for turn in range(rng.randint(4, 9)):
        person = speakers[turn % len(speakers)]
        label = f"Cde. {person.surname}" if rng.random() < 0.8 else person.surname.upper()
        labels[person.key].add(label)
        delivery = "(clarifies) " if rng.random() < 0.1 else ""
        lines += [f"{label} - {delivery}{speech(rng, others, 'Cde.', True)}", sep]
    lines += [f"Recorded by {speakers[0].initial}", sep, archive_summary(rng, speakers)]
    return title, lines, labels


def colon_memo(rng, date, speakers, others):
    # the metadata title names the memorandum; the transcript's own heading is generic
    head = speakers[0]
    title = f"Memorandum of conversation with {head.given} {head.surname}, {_long_date(*date)}"
    lines = [
        "CONFIDENTIAL",
        "",
        "MEMORANDUM OF CONVERSATION",
        "",
        f"Date: {_long_date(*date)}",
        f"Place: {rng.choice(('Embassy residence', 'Ministry building', 'Guest house'))}",
        "",
        "Participants:",
        "; ".join(f"Mr. {p.initial.split()[0]} {p.surname.upper()}, {p.role}" for p in speakers),
        "",
    ]
    labels = {p.key: {p.surname.upper()} for p in speakers}
    for turn in range(rng.randint(4, 8)):
        person = speakers[turn % len(speakers)]
        lines += [f"{person.surname.upper()}: {speech(rng, others, 'Mr.', True)}", ""]
    lines += [f"Drafted by: {speakers[-1].initial}", "", archive_summary(rng, speakers)]
    return title, lines, labels


def hearing(rng, date, speakers, others):
    organ = rng.choice(ORGANS)
    title = f"Hearing before {organ}, {_long_date(*date)}"  # the metadata's; the heading is caps
    year, month, day = date
    lines = [
        rng.choice(CLASSIFICATIONS),
        "",
        f"HEARING BEFORE {organ.upper()}",
        "",
        f"{rng.choice(WEEKDAYS)}, {MONTHS[month - 1]} {day}, {year}",
        "",
    ]
    labels = {speakers[0].key: {"The CHAIRMAN"}}
    labels.update({p.key: {f"Mr. {p.surname.upper()}"} for p in speakers[1:]})
    for turn in range(rng.randint(4, 9)):
        person = speakers[turn % len(speakers)]
        label = "The CHAIRMAN" if person is speakers[0] else f"Mr. {person.surname.upper()}"
        lines.append(f"{label}. {speech(rng, others, 'Mr.', False)}")
    return title, lines, labels


def own_line(rng, date, speakers, others):
    title = f"Stenogram of the meeting of {rng.choice(ORGANS)}, {_long_date(*date)}"
    lines = [rng.choice(CLASSIFICATIONS), "", title, ""]
    labels = {speakers[0].key: {"Comrade Chairman"}}
    labels.update({p.key: {f"Comrade {p.surname}"} for p in speakers[1:]})
    for turn in range(rng.randint(3, 7)):
        person = speakers[turn % len(speakers)]
        label = "Comrade Chairman" if person is speakers[0] else f"Comrade {person.surname}"
        lines += [f"{label}:", speech(rng, others, "Comrade", True), ""]
    lines.append("(The meeting ended at 13.40.)")
    return title, lines, labels


def interview(rng, date, speakers, others):
    title = (
        f"Interview with {speakers[1].given} {speakers[1].surname}, recorded {_long_date(*date)}"
    )
    lines = [title, ""]
    for _ in range(rng.randint(2, 5)):
        lines.append(
            f"Q: {rng.choice(('When', 'Where', 'Why'))} was {rng.choice(SUBJECTS)} discussed?"
        )
        lines.append(f"A: {speech(rng, others, 'Mr.', True)}")
    return title, lines, {speakers[0].key: {"Q"}, speakers[1].key: {"A"}}


def narrative(rng, date, speakers, others):
    visitor = speakers[1]
    title = f"Record of a conversation with {visitor.given} {visitor.surname}, {_long_date(*date)}"
    lines = [
        "Secret",
        "",
        title,
        "",
        f"{visitor.given} {visitor.surname} called on me at his own request. He said that "
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)}.",
        "",
        f"I answered that {rng.choice(SUBJECTS)} {rng.choice(VERBS)} [at the next session].",
        "",
        f"{visitor.surname} thanked me and said that he would inform the capital.",
        "",
        speakers[0].role[0].upper() + speakers[0].role[1:],
        speakers[0].initial,
    ]
    return title, lines, {}


CONVENTIONS = (
    ("dash", dash_record, 1950, 1962),
    ("colon", colon_memo, 1960, 1975),
    ("hearing", hearing, 1950, 1960),
    ("ownline", own_line, 1965, 1972),
    ("qa", interview, 1995, 2005),
    ("memo", narrative, 1955, 1965),
)


def toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def metadata_toml(
    title: str,
    speakers: list[Person],
    labels: dict[str, set[str]],
    mentioned: list[Person],
    corrections: list[tuple[str, str]],
    summary_after_closer: bool,
) -> str:
    out = [f"title = {toml_string(title)}"]
    if summary_after_closer:
        out.append('summary = "after-closer"')
    out.append("")
    for person in speakers:
        out += [
            "[[persons]]",
            f"id = {toml_string(person.key)}",
            f"name = {toml_string(f'{person.given} {person.surname}')}",
            f"role = {toml_string(person.role)}",
            "aliases = ["
            + ", ".join(toml_string(a) for a in sorted(labels.get(person.key, ())))
            + "]",
            "",
        ]
    for person in mentioned:
        out += [
            "[[mentioned]]",
            f"id = {toml_string(person.key)}",
            f"name = {toml_string(f'{person.given} {person.surname}')}",
            f"aliases = [{toml_string(person.surname)}]",
            "",
        ]
    for sic, corr in corrections:
        out += ["[[corrections]]", f"sic = {toml_string(sic)}", f"corr = {toml_string(corr)}", ""]
    return "\n".join(out)


def introduce_typo(rng: random.Random, lines: list[str]) -> tuple[str, str] | None:
    """Double a letter in one word of speech (like "USSSR"), for a metadata correction."""
    candidates = [
        (i, w)
        for i, line in enumerate(lines)
        for w in line.split()
        if w.isalpha() and w.islower() and len(w) > 6
    ]
    if not candidates:
        return None
    index, word = rng.choice(candidates)
    typo = word[:3] + word[2] + word[3:]
    if typo in " ".join(lines):
        return None
    lines[index] = lines[index].replace(word, typo, 1)
    return typo, word


def generate_edition(number: int, seed: int, cast: list[Person]) -> tuple[str, str, str]:
    """(slug, transcript, metadata) of edition ``number``."""
    rng = random.Random(f"{seed}:{number}")
    name, make, first, last = CONVENTIONS[number % len(CONVENTIONS)]
    speakers = rng.sample(cast, 2 if name in ("qa", "memo") else rng.randint(2, 4))
    others = [p for p in rng.sample(cast, 3) if p not in speakers]
    title, lines, labels = make(rng, iso_date(rng, first, last), speakers, others)
    corrections = []
    if rng.random() < 0.3 and (typo := introduce_typo(rng, lines)):
        corrections.append(typo)
    transcript = "\n".join(lines) + "\n"
    mentioned = [p for p in others if p.surname in transcript]
    slug = f"{number:04d}-{name}"
    return (
        slug,
        transcript,
        metadata_toml(
            title,
            speakers,
            labels,
            mentioned,
            corrections,
            summary_after_closer=name in ("dash", "colon"),
        ),
    )


def write_collection(count: int, out_dir: Path, seed: int = 0, force: bool = False) -> list[Path]:
    from tei_edition.xmlio import write_atomic

    cast = make_cast(random.Random(f"{seed}:cast"), max(12, count // 4))
    folders = []
    for number in range(count):
        slug, transcript, metadata = generate_edition(number, seed, cast)
        folder = out_dir / slug
        write_atomic(folder / f"{slug}.txt", transcript.encode("utf-8"), force=force)
        write_atomic(folder / f"{slug}.toml", metadata.encode("utf-8"), force=force)
        folders.append(folder)
    return folders


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="number of editions to write")
    parser.add_argument("out_dir", type=Path, help="folder that receives the edition folders")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same collection")
    parser.add_argument("--force", action="store_true", help="overwrite existing edition files")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("N must be at least 1")
    from tei_edition.xmlio import OutputExistsError

    try:
        folders = write_collection(args.count, args.out_dir, args.seed, args.force)
    except OutputExistsError as error:
        print(
            f"{error}:0:0: error [output.exists] file exists (hint: pass --force to overwrite)",
            file=sys.stderr,
        )
        return 1
    except OSError as error:
        print(
            f"{args.out_dir}:0:0: fatal [io.unwritable] {error.strerror or error}", file=sys.stderr
        )
        return 3
    print(f"wrote {len(folders)} editions to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
