"""`tei-edition build` on the command line: usage errors, refusals and exit codes."""

from __future__ import annotations

from tei_edition.cli import cli


def test_missing_editions_folder_exits_3_with_a_diagnostic(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "site")])
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'nowhere'}:0:0: fatal [build.no-editions] editions folder does not exist "
        "or is not a folder"
    ]
    assert not (tmp_path / "site").exists()


def test_output_option_is_required(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(tmp_path)])
    assert result.exit_code == 2
    assert "Missing option '-o'" in result.stderr


def test_jobs_must_be_positive(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(tmp_path), "-o", str(tmp_path / "site"), "-j", "0"])
    assert result.exit_code == 2


def test_missing_tei_all_exits_3(runner, tmp_path):
    (tmp_path / "editions").mkdir()
    result = runner.invoke(
        cli,
        [
            "build",
            str(tmp_path / "editions"),
            "-o",
            str(tmp_path / "site"),
            "--tei-all",
            str(tmp_path / "missing.rng"),
        ],
    )
    assert result.exit_code == 3
    assert "[build.no-tei-all]" in result.stderr


def test_foreign_output_folder_is_refused_and_left_alone(runner, tmp_path):
    (tmp_path / "editions").mkdir()
    site = tmp_path / "site"
    site.mkdir()
    (site / "notes.txt").write_text("mine")
    result = runner.invoke(cli, ["build", str(tmp_path / "editions"), "-o", str(site)])
    assert result.exit_code == 3
    assert "[build.output-not-ours]" in result.stderr and "--force" in result.stderr
    assert [p.name for p in site.iterdir()] == ["notes.txt"]


def test_empty_collection_builds_empty_pages(runner, tmp_path):
    (tmp_path / "editions").mkdir()
    result = runner.invoke(cli, ["build", str(tmp_path / "editions"), "-o", str(tmp_path / "site")])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "built 0 editions (converted 0, validated 0, rendered 0, unchanged 0, failed 0) in "
    )
    assert "0 editions" in (tmp_path / "site" / "index.html").read_text()


def _copy_of_bundled_editions(root, tmp_path):
    import shutil

    editions = tmp_path / "editions"
    shutil.copytree(root / "editions", editions)
    return editions


def test_bundled_editions_build_cleanly_and_then_do_nothing(runner, root, tmp_path, tei_all):
    editions = _copy_of_bundled_editions(root, tmp_path)
    count = sum(1 for folder in editions.iterdir() if folder.is_dir())
    args = ["build", str(editions), "-o", str(tmp_path / "site"), "--tei-all", str(tei_all)]
    first = runner.invoke(cli, args)
    assert first.exit_code == 0, first.stderr
    assert f"(converted {count}, validated {count}, rendered {count}, unchanged 0, failed 0)" in (
        first.stdout
    )
    second = runner.invoke(cli, args)
    assert second.exit_code == 0
    assert f"(converted 0, validated 0, rendered 0, unchanged {count}, failed 0)" in second.stdout


def test_json_format_prints_one_array_on_stderr(runner, tmp_path):
    import json

    editions = tmp_path / "editions"
    (editions / "bad").mkdir(parents=True)
    (editions / "bad" / "bad.txt").write_bytes(b"Title\n\nA: caf\xe9\n")
    result = runner.invoke(
        cli, ["build", str(editions), "-o", str(tmp_path / "site"), "--format", "json", "-j", "1"]
    )
    assert result.exit_code == 1
    found = json.loads(result.stderr)  # no progress lines mixed in
    assert "transcript.undecodable" in {d["code"] for d in found}
    assert result.stdout.startswith("built 1 edition (converted 1, validated 0, rendered 0, ")
