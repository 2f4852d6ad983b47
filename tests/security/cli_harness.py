"""Running a `tei-edition` command on one attack, the way a user would, inside bounds.

Each (command, attack) case gets its own folder: the attack laid out as the command expects
it (a file, an edition folder, a BagIt bag), an output folder, its own path on the recording
server. The command runs in a child process with an address-space limit and a timeout; the
run records everything the tests judge: exit code, stdout, stderr, time, the hashes of the
inputs before and after, and any secret marker found in any file the case folder holds.
This module asserts nothing.
"""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from attack_corpus import (
    PASSWD_MARKER,
    SECRET_MARKER,
    Attack,
    materialise,
    plant_secrets,
    valid_edition,
)
from bag_attacks import reseal

MEMORY_LIMIT = 1024 * 1024 * 1024  # 1 GiB of address space per command
TIMEOUT_SECONDS = 20.0  # per input: a safety bound, not a timing test
HERE = Path(__file__).resolve().parent
BENIGN = HERE / "attacks" / "benign.xml"
FULL_ENV = "TEI_EDITION_SECURITY_FULL"


@dataclass(frozen=True)
class CommandSpec:
    """How one command takes inputs: ``layout`` places each attack, ``argv`` calls it.

    ``batched`` commands take many inputs in one run (a collection, several editions or
    bags), so the corpus goes through them in one run, as a collection with hostile members;
    set TEI_EDITION_SECURITY_FULL=1 to run them once per attack instead.
    """

    # "file"; "transcript+tei" (a transcript and, if accepted, its current TEI beside it);
    # "edition" (<slug>/<slug>.xml); "bag" (a sealed BagIt bag holding the attack as its TEI);
    # "prepared" (a hostile bag or zip made by a recipe of bag_attacks.py)
    layout: str
    argv: Callable[[list[Path], Path], list[str]]  # (placed inputs, output folder) -> args
    batched: bool = False


COMMANDS: dict[str, CommandSpec] = {
    "validate": CommandSpec("file", lambda src, out: ["validate", *map(str, src)],
                            batched=True),
    "render": CommandSpec("file", lambda src, out: [
        "render", str(src[0]), "--to", "html", "-o", str(out / "edition.html")]),
    "render-stylesheet": CommandSpec("file", lambda src, out: [
        "render", str(BENIGN), "--to", "html", "--stylesheet", str(src[0]),
        "-o", str(out / "edition.html")]),
    "convert": CommandSpec("file", lambda src, out: [
        "convert", str(src[0]), "-o", str(out / "edition.xml")]),
    # --check compares with the TEI beside the transcript (made fresh for an accepted input).
    "convert-check": CommandSpec("transcript+tei", lambda src, out: [
        "convert", "--check", str(src[0]), "-o", str(src[0].with_suffix(".xml"))]),
    "package": CommandSpec("edition", lambda src, out: [
        "package", *(str(p.parent) for p in src), "-o", str(out)], batched=True),
    "verify": CommandSpec("bag", lambda src, out: ["verify", *map(str, src)], batched=True),
    "verify-bag": CommandSpec("prepared", lambda src, out: ["verify", *map(str, src)],
                              batched=True),
    "build": CommandSpec("edition", lambda src, out: [
        "build", str(src[0].parent.parent), "-o", str(out), "-j", "1"], batched=True),
}


def batched(command: str) -> bool:
    return COMMANDS[command].batched and os.environ.get(FULL_ENV) != "1"


@dataclass(frozen=True)
class Run:
    """One attack's view of a command run (a batched run is shared by its attacks)."""

    command: str
    attack: str
    input_path: Path
    argv: tuple[str, ...]
    returncode: int | None  # None: stopped by the timeout
    stdout: str
    stderr: str
    seconds: float
    timeout: float
    inputs_before: dict[str, str]
    inputs_after: dict[str, str]
    leaked_into: tuple[str, ...]  # files of the run's folder that hold a secret marker
    pwned: bool  # the file an attack tried to create exists

    batch_size: int = 1
    folder_name: str = ""  # the run's folder, also its path prefix on the recording server

    def stderr_lines_about_input(self) -> list[str]:
        """The stderr lines about this attack's input: all of them for a single-input run,
        those naming a path inside the attack's own folder for a batched run."""
        lines = self.stderr.splitlines()
        if self.batch_size == 1:
            return lines
        root = str(self.input_path if self.input_path.is_dir() else self.input_path.parent)
        return [line for line in lines if line.startswith((root + "/", root + ":"))]


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def _files_holding_secrets(folder: Path) -> tuple[str, ...]:
    markers = (SECRET_MARKER.encode(), PASSWD_MARKER.encode())
    found = []
    for path in sorted(folder.rglob("*")) if folder.exists() else ():
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            if any(marker in data for marker in markers):
                found.append(str(path))
    return tuple(found)


def place(spec: CommandSpec, attack: Attack, inputs: Path, placeholders: dict[str, str],
          template_bag: Path | None) -> Path:
    """Lay the attack out in its own folder ``inputs``/<slug>/ as the command expects it;
    return the argument. The run's planted secrets sit two levels up: ../../secret.xsl."""
    slug = attack.name.replace("_", "-")
    if spec.layout == "file":
        return materialise(attack, inputs / slug, placeholders)
    if spec.layout == "transcript+tei":
        transcript = materialise(attack, inputs / slug, placeholders)
        # The TEI beside: current for an accepted transcript, some other edition for an
        # attack, so that --check has to convert the transcript to compare.
        beside = transcript.with_suffix(".xml")
        if attack.accept:  # made by the command itself, so both runs use the same code
            subprocess.run([sys.executable, "-m", "tei_edition", "convert", str(transcript),
                            "-o", str(beside)], check=True, capture_output=True)
        else:
            beside.write_bytes(valid_edition())
        return transcript
    if spec.layout == "prepared":
        from bag_attacks import BAG_RECIPES

        assert template_bag is not None and attack.recipe is not None
        return BAG_RECIPES[attack.recipe](template_bag, inputs / slug, placeholders)
    if spec.layout == "edition":
        source = materialise(attack, inputs / slug, placeholders)
        return source.rename(source.with_name(f"{slug}.xml"))
    # A bag an archive might receive: the TEI swapped for the attack, checksums made
    # consistent again, so only the TEI itself can give it away.
    assert template_bag is not None
    bag = inputs / slug
    shutil.copytree(template_bag, bag)
    materialise(attack, bag, placeholders).replace(bag / "data" / f"{template_bag.name}.xml")
    reseal(bag)
    return bag


def run_command(command: str, attacks: list[Attack], folder: Path, server_url: str,
                env: dict[str, str], template_bag: Path | None = None,
                timeout: float | None = None) -> dict[str, Run]:
    """Run ``command`` once on ``attacks`` (one, or the whole batch) inside ``folder``:
    secrets planted in ``folder``, inputs in ``folder``/in, outputs in ``folder``/out."""
    spec = COMMANDS[command]
    secrets = plant_secrets(folder)
    out = folder / "out"
    placed: dict[str, Path] = {}
    for attack in attacks:
        placeholders = secrets.placeholders(f"{server_url}/{folder.name}/{attack.name}",
                                            folder / f"pwned-{attack.name}.txt")
        placed[attack.name] = place(spec, attack, folder / "in", placeholders, template_bag)
    argv = (sys.executable, "-m", "tei_edition", *spec.argv(list(placed.values()), out))
    before = {name: _hashes(p if p.is_dir() else p.parent) for name, p in placed.items()}
    timeout = timeout or TIMEOUT_SECONDS * (1 + len(attacks) // 4)
    started = time.monotonic()
    try:
        child = subprocess.run(argv, cwd=folder, env=env, capture_output=True, timeout=timeout,
                               preexec_fn=_limit_memory, check=False)
        returncode, stdout, stderr = child.returncode, child.stdout, child.stderr
    except subprocess.TimeoutExpired as expired:
        returncode, stdout, stderr = None, expired.stdout or b"", expired.stderr or b""
    seconds = time.monotonic() - started
    leaked = _files_holding_secrets(folder / "in") + _files_holding_secrets(out)
    return {name: Run(command, name, path, argv[3:], returncode,
                      stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"),
                      seconds, timeout, before[name],
                      _hashes(path if path.is_dir() else path.parent), leaked,
                      (folder / f"pwned-{name}.txt").exists(), batch_size=len(attacks),
                      folder_name=folder.name)
            for name, path in placed.items()}


def child_environment(work: Path) -> dict[str, str]:
    """The user's environment without proxies, with a private cache. tei_all.rng is left out:
    every attack is refused before conformance would run, and compiling it in each of the
    many child processes would cost minutes (the valid control still runs every check)."""
    env = {key: value for key, value in os.environ.items()
           if not key.lower().endswith("_proxy") and not key.startswith(("PYTEST", "HYPOTHESIS"))}
    env["TEI_EDITION_CACHE_DIR"] = str(work / "cache")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("TEI_EDITION_TEI_ALL", None)
    return env
