"""Property: whatever byte of whatever checksummed file of a bag changes, `verify` names it.

Every file except the tag manifests is covered by a checksum, so any change to its bytes is
caught with certainty (short of a SHA-256 and SHA-512 collision at once). The tag manifests
are the root of the bag's fixity (RFC 8493 §2.2.1): their changes are caught through what
they then claim, which the CLI tests check.
"""

from __future__ import annotations

import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from package_support import EDITION

from tei_edition.package import bagfiles, verify_path


def _checksummed(bag):
    return [rel for rel in bagfiles.iter_files(bag) if not rel.startswith("tagmanifest-")]


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(choice=st.integers(min_value=0), offset=st.integers(min_value=0),
       mask=st.integers(min_value=1, max_value=255))
def test_any_changed_byte_of_a_checksummed_file_is_named(packaged, tmp_path_factory, tei_all,
                                                         choice, offset, mask):
    bag = tmp_path_factory.mktemp("tampered") / EDITION.name
    shutil.copytree(packaged / EDITION.name, bag)
    files = _checksummed(bag)
    rel = files[choice % len(files)]
    data = bytearray((bag / rel).read_bytes())
    data[offset % len(data)] ^= mask
    (bag / rel).write_bytes(bytes(data))
    found = verify_path(bag, tei_all=tei_all)
    assert any(d.path == f"{bag}/{rel}" and d.code == "package.checksum-mismatch"
               for d in found), [d.format_text() for d in found]
    shutil.rmtree(bag.parent)
