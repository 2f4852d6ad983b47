"""scripts/generate_collection.py: deterministic, varied, with a shared cast under aliases."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path

import pytest

from tei_edition.xmlio import OutputExistsError

ROOT = Path(__file__).resolve().parents[2]


def _load_generator():
    spec = importlib.util.spec_from_file_location(
        "generate_collection", ROOT / "scripts" / "generate_collection.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


generator = _load_generator()


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_same_seed_gives_the_same_bytes(tmp_path):
    generator.write_collection(12, tmp_path / "a", seed=7)
    generator.write_collection(12, tmp_path / "b", seed=7)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_other_seed_gives_other_editions(tmp_path):
    generator.write_collection(6, tmp_path / "a", seed=1)
    generator.write_collection(6, tmp_path / "b", seed=2)
    assert _files(tmp_path / "a") != _files(tmp_path / "b")


def test_every_convention_occurs(tmp_path):
    folders = generator.write_collection(12, tmp_path, seed=0)
    kinds = {folder.name.split("-", 1)[1] for folder in folders}
    assert kinds == {"dash", "colon", "hearing", "ownline", "qa", "memo"}
    dash = next(f for f in folders if f.name.endswith("dash"))
    assert " - " in (dash / f"{dash.name}.txt").read_text()


def test_persons_recur_across_editions_under_different_labels(tmp_path):
    folders = generator.write_collection(30, tmp_path, seed=0)
    aliases: dict[str, set[str]] = {}
    editions_of: dict[str, int] = {}
    for folder in folders:
        data = tomllib.loads((folder / f"{folder.name}.toml").read_text())
        for person in data.get("persons", []):
            aliases.setdefault(person["id"], set()).update(person["aliases"])
            editions_of[person["id"]] = editions_of.get(person["id"], 0) + 1
    assert max(editions_of.values()) >= 3
    assert any(len(labels) >= 3 for labels in aliases.values())


def test_existing_editions_are_not_overwritten_without_force(tmp_path):
    generator.write_collection(2, tmp_path, seed=0)
    with pytest.raises(OutputExistsError):
        generator.write_collection(2, tmp_path, seed=0)
    generator.write_collection(2, tmp_path, seed=0, force=True)


def test_command_line_reports_an_existing_edition(tmp_path, capsys):
    assert generator.main(["2", str(tmp_path)]) == 0
    assert generator.main(["2", str(tmp_path)]) == 1
    assert "[output.exists]" in capsys.readouterr().err
