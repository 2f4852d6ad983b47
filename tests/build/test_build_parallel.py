"""The real stages in worker processes give the same site, byte for byte, as in the command's
own process: scheduling, batching and the order in which editions finish never show in an
output."""

from __future__ import annotations

from pathlib import Path

from test_build_generator import generator

from tei_edition.build import REAL_STAGES, BuildOptions, build_collection
from tei_edition.diagnostics import Severity


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_serial_and_parallel_builds_write_the_same_bytes(tmp_path, tei_all):
    editions = tmp_path / "editions"
    generator.write_collection(7, editions, seed=5)
    site = tmp_path / "site"  # one path: diagnostics name files in it
    sites = {}
    for jobs in (1, 2):
        options = BuildOptions(editions, site, jobs=jobs, write_tei=False, tei_all=tei_all)
        report = build_collection(options, REAL_STAGES, progress=None)
        assert report.stats.rendered == 7
        assert not [d for d in report.diagnostics if d.severity >= Severity.ERROR]
        sites[jobs] = _files(site)
        site.rename(tmp_path / f"site-j{jobs}")
    assert sorted(sites[1]) == sorted(sites[2])
    assert len(sites[1]) > 7 * 5
    differing = [name for name in sites[1] if sites[1][name] != sites[2][name]]
    assert differing == []
