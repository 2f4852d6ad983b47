"""The attack corpus as test data: loading EXPECTATIONS.toml, planting secrets, generating
the large or binary attacks from recipes, and a local HTTP server that counts requests.

This module owns no assertions; the test modules state what must happen. Committed attack
files are small templates: placeholders such as ``@SECRET_URI@`` and ``@SERVER@`` are filled
in per run, so each run has its own secret files and its own server port.
"""

from __future__ import annotations

import codecs
import functools
import gzip
import http.server
import io
import os
import threading
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ATTACKS = Path(__file__).resolve().parent / "attacks"
SHARED = Path(os.environ.get("TEI_EDITION_SHARED", ATTACKS.parents[3] / "shared"))
SEED_TRANSCRIPT = SHARED / "seed" / "000_4ab801c5d78d1cdd.txt"

# Strings that must never appear in any output: the content of our planted secret files,
# and the first line of /etc/passwd on every Linux system.
SECRET_MARKER = "TEI-EDITION-SECRET-MARKER-5b1f"
PASSWD_MARKER = "root:x:0:0"

TEI_HEAD = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>'
    "<titleStmt><title>Attack</title></titleStmt>"
    "<publicationStmt><p>Test corpus of tei-edition.</p></publicationStmt>"
    "<sourceDesc><p>Hostile on purpose.</p></sourceDesc>"
    "</fileDesc></teiHeader><text><body><p>"
)
TEI_TAIL = "</p></body></text></TEI>\n"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def tei_with(body: str, declaration: str = XML_DECLARATION) -> bytes:
    return (declaration + TEI_HEAD + body + TEI_TAIL).encode("utf-8")


def _gzip_bomb() -> bytes:
    """A few hundred KB of gzip that inflate to 256 MiB of XML (whitespace in one element)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0) as packed:
        packed.write(XML_DECLARATION.encode() + TEI_HEAD.encode())
        chunk = b" " * (1024 * 1024)
        for _ in range(256):
            packed.write(chunk)
        packed.write(TEI_TAIL.encode())
    return buffer.getvalue()


def _quadratic_blowup() -> bytes:
    """One 100 KB entity referenced 50,000 times: 5 GB if expanded, no nesting to detect."""
    entity = "a" * 100_000
    doctype = f'<!DOCTYPE TEI [<!ENTITY a "{entity}">]>\n'
    return tei_with("&a;" * 50_000, XML_DECLARATION + doctype)


def _utf16_doctype() -> bytes:
    doctype = '<!DOCTYPE TEI [<!ENTITY secret SYSTEM "@SECRET_URI@">]>\n'
    text = '<?xml version="1.0" encoding="UTF-16"?>\n' + doctype + TEI_HEAD + "&secret;" + TEI_TAIL
    return text.encode("utf-16")


@functools.cache
def valid_edition() -> bytes:
    """The seed transcript as `tei-edition convert` encodes it: the edition every command
    must accept (the control), the base of attacks that must be accepted, and the edition
    the template bag for `verify` is packaged from. Made by the converter, not committed,
    so it always is what the toolkit produces today."""
    from tei_edition.convert import convert_file
    from tei_edition.xmlio import serialize

    converted = convert_file(SEED_TRANSCRIPT)
    assert converted.tree is not None, [d.format_text() for d in converted.diagnostics]
    return serialize(converted.tree)


def _schema_location() -> bytes:
    """The valid edition, pointing validators at the server for its schema (SSRF bait)."""
    return valid_edition().replace(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"',
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0" '
        b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        b'xsi:schemaLocation="http://www.tei-c.org/ns/1.0 @SERVER@/tei.xsd"', 1)


def _schema_location_invalid() -> bytes:
    """An invalid edition pointing at the server: the xmlschema explainer runs on it."""
    return (ATTACKS / "benign.xml").read_bytes().replace(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"',
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0" '
        b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        b'xsi:schemaLocation="http://www.tei-c.org/ns/1.0 @SERVER@/tei.xsd" '
        b'xsi:noNamespaceSchemaLocation="@SERVER@/none.xsd"', 1)


def _transcript(middle: bytes) -> bytes:
    return (b"Record of conversation, 16 September 1956\n\n"
            b"Present: Cdes. Mikoyan and Choe Yong-geon.\n\n"
            b"Cde. Mikoyan - How are you?\n\n" + middle +
            b"\n\nCde. Choe Yong-geon - Well, thank you.\n")


RECIPES: dict[str, Callable[[], bytes]] = {
    "gzip_bomb": _gzip_bomb,
    "valid_edition": valid_edition,
    "schema_location": _schema_location,
    "schema_location_invalid": _schema_location_invalid,
    "quadratic_blowup": _quadratic_blowup,
    "utf16_doctype": _utf16_doctype,
    "deep_nesting": lambda: tei_with("<hi>" * 5000 + "deep" + "</hi>" * 5000),
    # TEI > text > body > p is 4 levels; 240 more stays under libxml2's 256: must be handled
    # by every command without a RecursionError or a crash.
    "deep_but_allowed": lambda: tei_with("<hi>" * 240 + "deep" + "</hi>" * 240),
    "huge_text_node": lambda: tei_with("x" * (20 * 1024 * 1024)),
    "above_size_limit": lambda: tei_with(" " * (65 * 1024 * 1024)),
    "invalid_utf8": lambda: tei_with("@@").replace(b"@@", b"bro\xc3\x28ken \xff"),
    "bom_disagrees": lambda: codecs.BOM_UTF8 + tei_with(
        "bom", '<?xml version="1.0" encoding="ISO-8859-1"?>\n'),
    "declared_utf16_utf8_bytes": lambda: tei_with(
        "eight-bit", '<?xml version="1.0" encoding="UTF-16"?>\n'),
    "utf16_bom_declared_utf8": lambda: codecs.BOM_UTF16_LE + tei_with("wide").decode().encode(
        "utf-16-le"),
    "noncharacter_fffe": lambda: tei_with("non\ufffecharacter"),
    "nul_byte": lambda: tei_with("nul\x00byte"),
    "transcript_nul": lambda: _transcript(b"Cde. Mikoyan - A\x00B and \x00 more."),
    "transcript_invalid_utf8": lambda: _transcript(b"Cde. Mikoyan - caf\xe9 and \xff\xfe\xc3\x28."),
    "transcript_huge_line": lambda: _transcript(b"Cde. Mikoyan - " + b"word " * (4 * 1024 * 1024)),
    "transcript_clean": lambda: _transcript(b"Cde. Mikoyan - All is well, then."),
    # Two million NUL bytes: each is an error; finding them must stay linear in the size.
    "transcript_many_nuls": lambda: _transcript(b"Cde. Mikoyan - " + b"\x00" * 2_000_000),
    "transcript_control_chars": lambda: _transcript(
        "Cde. Mikoyan - bell\x07 escape\x1b[31m delete\x7f nel\x85 bidi\u202eevil\u202c "
        "nonchar\ufffe form\x0cfeed.".encode()),
}


@dataclass(frozen=True)
class Expectation:
    exit_codes: tuple[int, ...]
    code: str | None  # the diagnostic code that must be reported, if one is
    one_line: bool = True  # exactly one line with that code (False: one per fault, several)


@dataclass(frozen=True)
class Attack:
    name: str
    kind: str  # "tei", "stylesheet" or "transcript": which commands accept it
    threat: str
    suffix: str
    file: str | None = None
    recipe: str | None = None
    parse: str | None = None  # what xmlio.parse_xml_file reports, for XML kinds
    expect: dict[str, Expectation] = field(default_factory=dict)
    accept: bool = False  # a control, or an input that must pass with no error
    special: str | None = None  # placed as a symbolic link to this path (e.g. /dev/zero)

    def template_bytes(self) -> bytes:
        assert self.kind != "bag", "bags are built by bag_attacks.BAG_RECIPES"
        if self.file is not None:
            return (ATTACKS / self.file).read_bytes()
        assert self.recipe is not None, self.name
        return _cooked(self.recipe)


@functools.cache
def _cooked(recipe: str) -> bytes:
    """Recipes run once per process: the gzip bomb alone takes a second to make."""
    return RECIPES[recipe]()


@dataclass(frozen=True)
class Corpus:
    attacks: dict[str, Attack]
    commands: dict[str, tuple[str, ...]]  # kind -> commands that accept it

    def cases(self) -> Iterator[tuple[str, Attack]]:
        for attack in self.attacks.values():
            for command in self.commands.get(attack.kind, ()):
                yield command, attack


def load_corpus() -> Corpus:
    table = tomllib.loads((ATTACKS / "EXPECTATIONS.toml").read_text(encoding="utf-8"))
    defaults = table.pop("defaults")
    commands = {kind: tuple(names) for kind, names in table.pop("commands").items()}
    attacks: dict[str, Attack] = {}
    for name, entry in table.items():
        expect = {}
        for command in commands.get(entry["kind"], ()):
            override = entry.get("expect", {}).get(command, {})
            default_exit = defaults["exit_by_command"].get(command, defaults["exit"])
            expect[command] = Expectation(
                tuple(override.get("exit", entry.get("exit", default_exit))),
                override.get("code", entry.get("code", entry.get("parse"))),
                entry.get("one_line", True))
        suffix = entry.get("suffix") or Path(entry.get("file", "")).suffix or ".xml"
        attacks[name] = Attack(name, entry["kind"], entry["threat"], suffix, entry.get("file"),
                               entry.get("recipe"), entry.get("parse"), expect,
                               entry.get("accept", False), entry.get("special"))
    return Corpus(attacks, commands)


@dataclass(frozen=True)
class Secrets:
    """Files an attack tries to read, placed two levels above every materialised attack."""

    folder: Path

    def placeholders(self, server_url: str, pwned_path: Path) -> dict[str, str]:
        return {
            "@SECRET_URI@": (self.folder / "secret.txt").as_uri(),
            "@SECRET_XML_URI@": (self.folder / "secret.xml").as_uri(),
            "@SECRET_DTD_URI@": (self.folder / "secret.dtd").as_uri(),
            "@SERVER@": server_url,
            "@PWNED_PATH@": str(pwned_path),
        }


def plant_secrets(folder: Path) -> Secrets:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "secret.txt").write_text(SECRET_MARKER + "\n")
    (folder / "secret.xml").write_text(f"<secret>{SECRET_MARKER}</secret>\n")
    (folder / "secret.dtd").write_text(f'<!ENTITY leak "{SECRET_MARKER}">\n')
    (folder / "secret.xsl").write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        f'<xsl:template match="/"><html><body>{SECRET_MARKER}</body></html></xsl:template>'
        "</xsl:stylesheet>\n")
    return Secrets(folder)


def materialise(attack: Attack, folder: Path, placeholders: dict[str, str]) -> Path:
    """Write the attack with its placeholders filled in to ``folder``/<name><suffix>."""
    path = folder / f"{attack.name}{attack.suffix}"
    if attack.special is not None:
        folder.mkdir(parents=True, exist_ok=True)
        path.symlink_to(attack.special)
        return path
    data = attack.template_bytes()
    for placeholder, value in placeholders.items():
        data = data.replace(placeholder.encode(), value.encode())
        if attack.recipe == "utf16_doctype":  # placeholders inside a UTF-16 document
            data = data.replace(placeholder.encode("utf-16-le"), value.encode("utf-16-le"))
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


class RecordingServer:
    """An HTTP server on 127.0.0.1 (ephemeral port) that remembers every path asked for and
    answers with the secret marker, so a followed request would also show up as a leak."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        recorder = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (name fixed by http.server)
                recorder.append(self.path)
                body = f'<!ENTITY leak "{SECRET_MARKER}"><x>{SECRET_MARKER}</x>'.encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET  # noqa: N815

            def log_message(self, *args: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def requests_for(self, prefix: str) -> list[str]:
        return [path for path in self.requests if path.startswith(prefix)]

    @contextmanager
    def running(self) -> Iterator[RecordingServer]:
        self._thread.start()
        try:
            yield self
        finally:
            self._server.shutdown()
            self._server.server_close()
