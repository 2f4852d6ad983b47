"""Helpers of the validation tests: the numbered test documents, the seed edition, jing, a
local HTTP server. (A uniquely named module: `conftest` names clash across test folders.)"""

from __future__ import annotations

import functools
import http.server
import re
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_TESTS = ROOT / "schema" / "tests"
NUMBERED = sorted(SCHEMA_TESTS.glob("*/*.xml"))
EDITIONS = sorted((ROOT / "editions").glob("*/*.xml"))
_EXPECT = re.compile(r"<!--\s*expect:\s*(valid|warning|invalid)((?:\s+[\w.-]+)*)\s*-->")


def expectation(path: Path) -> tuple[str, set[str]]:
    """The verdict and codes a numbered test document states in its first comment."""
    match = _EXPECT.search(path.read_text(encoding="utf-8")[:400])
    assert match, f"{path.name} does not start with an <!-- expect: ... --> comment"
    return match.group(1), set(match.group(2).split())


def jing_verdicts(rng: Path, files: list[Path]) -> dict[Path, list[str]]:
    """jing's error lines per file (empty list: valid), from one jing run over all files."""
    result = subprocess.run(["jing", str(rng), *map(str, files)], capture_output=True,
                            text=True, timeout=300, check=False)
    errors: dict[Path, list[str]] = {f.resolve(): [] for f in files}
    for line in result.stdout.splitlines():
        name = line.split(":", 1)[0]
        if Path(name).resolve() in errors:
            errors[Path(name).resolve()].append(line)
    assert result.returncode in (0, 1), result.stderr
    return errors


class _CountingHandler(http.server.SimpleHTTPRequestHandler):
    requests: list[str]

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.requests.append(self.path)
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass


@contextmanager
def serve_directory(root: Path) -> Iterator[tuple[str, list[str]]]:
    """Serve ``root`` on 127.0.0.1 (ephemeral port, own thread); yields (base URL, the list
    of request paths it receives); shut down and joined on exit."""
    requests: list[str] = []
    handler = type("Handler", (_CountingHandler,), {"requests": requests})
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
