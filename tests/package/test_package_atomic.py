"""A bag appears whole or not at all: an interrupted or failing run leaves nothing behind."""

from __future__ import annotations

import pytest
from package_support import tree_digest

from tei_edition.diagnostics import Severity
from tei_edition.package import build, build_package


def _failing_after(calls: int, error: BaseException):
    real = build.write_atomic
    seen = []

    def write(path, data, **kwargs):
        seen.append(path)
        if len(seen) > calls:
            raise error
        return real(path, data, **kwargs)

    return write


def test_a_failing_write_leaves_no_bag_and_no_staging_folder(mini_edition, tmp_path, tei_all,
                                                             monkeypatch):
    monkeypatch.setattr(build, "write_atomic",
                        _failing_after(3, OSError(28, "No space left on device")))
    result = build_package(mini_edition, tmp_path, tei_all=tei_all)
    assert result.bag_dir is None
    assert [(d.severity, d.code) for d in result.diagnostics] == [
        (Severity.FATAL, "package.cannot-write")]
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_run_leaves_no_bag_and_no_staging_folder(mini_edition, tmp_path, tei_all,
                                                                monkeypatch):
    monkeypatch.setattr(build, "write_atomic", _failing_after(5, KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        build_package(mini_edition, tmp_path, tei_all=tei_all)
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_forced_run_keeps_the_old_bag(mini_edition, tmp_path, tei_all,
                                                     monkeypatch):
    assert build_package(mini_edition, tmp_path, tei_all=tei_all).bag_dir is not None
    before = tree_digest(tmp_path)
    monkeypatch.setattr(build, "write_atomic", _failing_after(5, KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        build_package(mini_edition, tmp_path, force=True, tei_all=tei_all)
    assert tree_digest(tmp_path) == before
    assert [p.name for p in tmp_path.iterdir()] == [mini_edition.name]
