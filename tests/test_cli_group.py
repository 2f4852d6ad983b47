"""The top-level command: version, help listing every command, `python -m tei_edition`."""

from __future__ import annotations

import json
import subprocess
import sys

from tei_edition import __version__
from tei_edition.cli import COMMANDS, cli


def test_version(runner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"tei-edition, version {__version__}\n"


def test_help_lists_every_command_and_the_exit_codes(runner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert f"  {name} " in result.output
    assert "3  could not run" in result.output


def test_every_registered_command_loads_and_has_help(runner) -> None:
    for name in COMMANDS:
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert "Usage: " in result.output


def test_unknown_command_is_a_usage_error(runner) -> None:
    assert runner.invoke(cli, ["frobnicate"]).exit_code == 2


def test_help_does_not_import_lxml() -> None:
    """`tei-edition --help` must stay fast: no stage (and so no lxml) is imported for it."""
    code = ("import sys; from tei_edition.cli import cli\n"
            "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
            "print('lxml' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "tei_edition", "--version"],
                            capture_output=True, text=True, check=True)
    assert result.stdout == f"tei-edition, version {__version__}\n"


def test_usage_errors_are_one_line_with_exit_2(tmp_path) -> None:
    result = subprocess.run([sys.executable, "-m", "tei_edition", "render", str(tmp_path),
                             "--to", "html"], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"tei-edition render: error [usage] Invalid value for 'EDITION': File '{tmp_path}' is a"
        " directory. (hint: tei-edition render --help)"]


def test_everything_printed_reaches_a_pipe_before_the_process_ends(tmp_path) -> None:
    """main() leaves without tearing the interpreter down (cli._leave); the streams are flushed
    first, so a long report sent to a pipe arrives whole."""
    missing = [str(tmp_path / f"missing-{n}.xml") for n in range(200)]
    for output_format in ("text", "json"):
        result = subprocess.run([sys.executable, "-m", "tei_edition", "validate", "--format",
                                 output_format, "--profile", "project", *missing],
                                capture_output=True, text=True)
        assert result.returncode == 3
        if output_format == "json":
            assert len(json.loads(result.stderr)) == 200
        else:
            assert len(result.stderr.splitlines()) == 200
            assert result.stdout.startswith("validated 0 files")


def test_exit_handlers_registered_by_others_still_run(tmp_path) -> None:
    marker = tmp_path / "ran"
    code = ("import atexit, pathlib, sys\n"
            f"atexit.register(pathlib.Path({str(marker)!r}).write_text, 'yes')\n"
            "sys.argv = ['tei-edition', '--version']\n"
            "from tei_edition.cli import main\nmain()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout == f"tei-edition, version {__version__}\n"
    assert marker.read_text() == "yes"


def test_a_command_ending_with_sys_exit_also_leaves_without_teardown(tmp_path) -> None:
    """Commands end with sys.exit(status); main() catches it so that the fast exit applies."""
    code = ("import sys\nimport tei_edition.cli as cli\nleave = cli._leave\n"
            "def spy(status):\n    sys.stderr.write(f'LEAVE {status}\\n')\n    leave(status)\n"
            "cli._leave = spy\n"
            f"sys.argv = ['tei-edition', 'validate', '--profile', 'project', "
            f"{str(tmp_path / 'missing.xml')!r}]\n"
            "cli.main()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 3
    assert result.stderr.splitlines()[-1] == "LEAVE 3"


def test_exit_status_follows_sys_exit() -> None:
    from tei_edition.cli import _exit_status

    assert [_exit_status(None), _exit_status(0), _exit_status(2)] == [0, 0, 2]
