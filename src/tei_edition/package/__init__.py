"""Hand editions to archives: BagIt 1.0 packages (RFC 8493) with Dublin Core from the TEI
header, and their verification.

This package owns the bag layout, its tag files, the deterministic zip serialisation and the
verifier. It must not change an edition folder (it only reads it), must not read the wall
clock into any output, and leaves validation and rendering to `tei_edition.validation` and
`tei_edition.render`, which it calls.

Public entry points:
- `build_package(edition_dir, out_dir, *, make_zip=False, force=False, tei_all=None)`
- `verify_path(path, *, tei_all=None)`
"""

from __future__ import annotations

from tei_edition.package.build import PackageResult, build_package
from tei_edition.package.verify import verify_path

__all__ = ["PackageResult", "build_package", "verify_path"]
