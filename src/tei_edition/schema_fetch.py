"""Fetching and describing the TEI P5 schema (tei_all.rng) that conformance checks use.

Owns the pinned releases (version -> sha256), the download (urllib, timeouts, size limit,
sha256 verified BEFORE anything is stored, atomic write into the cache) and the description
of whichever tei_all.rng is configured. It must not validate documents, and it never goes to
the network except from `fetch_tei_all`, which only the `schema fetch` command calls.
"""

from __future__ import annotations

import hashlib
import os
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tei_edition import resources
from tei_edition.diagnostics import Diagnostic, Severity

BASE_URL_ENV = "TEI_EDITION_TEI_BASE_URL"
# The TEI Consortium keeps every release in its Vault; tei_all.rng of release V is at
# <base>/<V>/xml/tei/custom/schema/relaxng/tei_all.rng (the "TEI Edition Location" that
# the schema's own header comment names).
DEFAULT_BASE_URL = "https://www.tei-c.org/Vault/P5"
RELEASE_PATH = "xml/tei/custom/schema/relaxng/tei_all.rng"
DEFAULT_VERSION = "4.12.0"
# Pinned releases: a download whose sha256 differs is refused. Add a release here only after
# checking the file's checksum against a copy obtained independently.
PINNED_SHA256 = {
    "4.12.0": "b0f115095ead2ccc6933aa3365c6f4a82cba3b2ec7eee7f76bb616d7a63b7e48",
}
TIMEOUT_SECONDS = 60
MAX_BYTES = 16 * 1024 * 1024  # tei_all.rng is about 1.1 MB

# The header comment reads "TEI Edition: P5 Version<U+00A0>4.12.0." (a no-break space).
_VERSION_IN_HEADER = re.compile(rb"P5 Version(?:\s|\xc2\xa0)+([0-9]+(?:\.[0-9]+)*)")


@dataclass(frozen=True)
class TeiAllInfo:
    path: Path
    source: str  # "option", "environment" or "cache"
    sha256: str
    version: str | None
    pinned: bool  # its sha256 is the pinned one of its version


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def release_url(version: str, base_url: str | None = None) -> str:
    base = (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
    return f"{base}/{version}/{RELEASE_PATH}"


def cached_path(version: str) -> Path:
    return resources.cache_dir() / "tei" / version / "tei_all.rng"


def describe_tei_all(path: Path, source: str = "option") -> TeiAllInfo:
    """Checksum and TEI version (from the schema's header comment) of a tei_all.rng."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    match = _VERSION_IN_HEADER.search(head)
    version = match.group(1).decode("ascii") if match else None
    digest = sha256_file(path)
    return TeiAllInfo(path, source, digest, version,
                      pinned=version is not None and PINNED_SHA256.get(version) == digest)


def configured_source(explicit: str | os.PathLike[str] | None) -> str:
    """Where `resources.find_tei_all` takes its answer from, for `schema info`."""
    if explicit:
        return "option"
    if os.environ.get(resources.TEI_ALL_ENV):
        return "environment"
    return "cache"


def fetch_tei_all(version: str = DEFAULT_VERSION, base_url: str | None = None,
                  *, force: bool = False) -> tuple[Path | None, list[Diagnostic]]:
    """Download a pinned release's tei_all.rng into the cache; (path, diagnostics).

    Nothing is written unless the bytes have the pinned sha256. An existing cached copy with
    the right checksum is kept as it is (no download) unless ``force``.
    """
    url = release_url(version, base_url)
    expected = PINNED_SHA256.get(version)
    if expected is None:
        return None, [Diagnostic(url, 0, 0, Severity.ERROR, "schema.unknown-version",
                                 f"TEI release {version} is not pinned in tei-edition",
                                 "pinned releases: " + ", ".join(sorted(PINNED_SHA256)))]
    target = cached_path(version)
    if target.is_file() and not force and sha256_file(target) == expected:
        return target, []
    data, problem = _download(url)
    if problem is not None:
        return None, [problem]
    digest = hashlib.sha256(data).hexdigest()
    if digest != expected:
        return None, [Diagnostic(url, 0, 0, Severity.ERROR, "schema.checksum-mismatch",
                                 f"downloaded tei_all.rng has sha256 {digest}, expected "
                                 f"{expected} for TEI {version}; nothing was stored",
                                 "the server did not deliver the pinned release; check "
                                 f"--base-url / {BASE_URL_ENV}")]
    from tei_edition.xmlio import write_atomic

    try:
        write_atomic(target, data, force=True)
    except OSError as error:
        return None, [Diagnostic(str(target), 0, 0, Severity.FATAL, "schema.cache-unwritable",
                                 f"cannot store tei_all.rng: {error}",
                                 f"set {resources.CACHE_ENV} to a writable folder")]
    return target, []


def _download(url: str) -> tuple[bytes, Diagnostic | None]:
    if not url.lower().startswith(("https://", "http://")):
        return b"", Diagnostic(url, 0, 0, Severity.ERROR, "schema.download-failed",
                               "only http(s) URLs are fetched", None)
    request = urllib.request.Request(url, headers={"User-Agent": "tei-edition schema fetch"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            data = response.read(MAX_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        if isinstance(error, urllib.error.HTTPError):
            reason = f"HTTP {error.code} {error.reason}"
        return b"", Diagnostic(url, 0, 0, Severity.FATAL, "schema.download-failed",
                               f"cannot download tei_all.rng: {reason}",
                               "check the network, or download it yourself and pass "
                               "--tei-all PATH")
    if len(data) > MAX_BYTES:
        return b"", Diagnostic(url, 0, 0, Severity.ERROR, "schema.download-failed",
                               f"response is larger than {MAX_BYTES:,} bytes; refused", None)
    return data, None
