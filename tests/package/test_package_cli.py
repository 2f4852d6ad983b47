"""`tei-edition package`: a bag bagit-python accepts, filled from the TEI header, made
without touching the edition folder, identical every time."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from package_support import EDITION, run_cli, tree_digest

from tei_edition.package import bagfiles
from tei_edition.xmlio import NSMAP, parse_xml_file

SLUG = EDITION.name


def _tag_fields(path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for field in bagfiles.parse_tag_file(path.read_text("utf-8")):
        found.setdefault(field.label, []).append(field.value)
    return found


def _header_text(xpath: str) -> str:
    tree = parse_xml_file(EDITION / f"{SLUG}.xml").tree
    return " ".join("".join(tree.xpath(xpath, namespaces=NSMAP)[0].itertext()).split())


def test_bagit_python_validates_the_bag(packaged):
    completed = subprocess.run([sys.executable, "-m", "bagit", "--validate",
                                str(packaged / SLUG)], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    assert "is valid" in completed.stderr


def test_bag_declares_bagit_1_0(packaged):
    assert _tag_fields(packaged / SLUG / "bagit.txt") == {
        "BagIt-Version": ["1.0"], "Tag-File-Character-Encoding": ["UTF-8"]}


def test_bag_info_is_drawn_from_the_tei_header(packaged):
    info = _tag_fields(packaged / SLUG / "bag-info.txt")
    publication = "/tei:TEI/tei:teiHeader/tei:fileDesc/tei:publicationStmt"
    assert info["External-Description"] == [
        _header_text("/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1]")]
    assert info["External-Identifier"] == [_header_text(f"{publication}/tei:idno")]
    assert info["Source-Organization"] == [
        _header_text(f"{publication}/*[self::tei:publisher or self::tei:authority]")]
    assert info["Bag-Software-Agent"][0].startswith("tei-edition ")


def test_bagging_date_of_the_seed_is_its_latest_revision(packaged):
    # The seed has no publication date, so its latest revisionDesc change dates the bag.
    tree = parse_xml_file(EDITION / f"{SLUG}.xml").tree
    assert not tree.xpath("//tei:publicationStmt/tei:date", namespaces=NSMAP)
    latest = max(tree.xpath("//tei:revisionDesc/tei:change/@when", namespaces=NSMAP))
    assert _tag_fields(packaged / SLUG / "bag-info.txt")["Bagging-Date"] == [latest]


def test_no_rights_field_when_the_header_names_no_licence(packaged):
    tree = parse_xml_file(EDITION / f"{SLUG}.xml").tree
    assert not tree.xpath("//tei:availability", namespaces=NSMAP)
    assert "Rights" not in _tag_fields(packaged / SLUG / "bag-info.txt")


def test_licence_and_publication_date_reach_bag_info(mini_edition, tmp_path, tei_all):
    result = run_cli("package", mini_edition, "-o", tmp_path, "--tei-all", tei_all)
    assert result.exit_code == 0, result.stderr
    info = _tag_fields(tmp_path / mini_edition.name / "bag-info.txt")
    assert info["Rights"] == ["CC BY 4.0 <https://creativecommons.org/licenses/by/4.0/>"]
    assert info["Bagging-Date"] == ["2024-05-01"]


def test_payload_oxum_counts_the_payload(packaged):
    data = packaged / SLUG / "data"
    files = [p for p in data.rglob("*") if p.is_file()]
    octets = sum(p.stat().st_size for p in files)
    assert _tag_fields(packaged / SLUG / "bag-info.txt")["Payload-Oxum"] == [
        f"{octets}.{len(files)}"]


def test_both_algorithms_have_manifests_and_tag_manifests(packaged):
    names = sorted(p.name for p in (packaged / SLUG).iterdir() if p.is_file())
    assert names == ["bag-info.txt", "bagit.txt", "manifest-sha256.txt", "manifest-sha512.txt",
                     "tagmanifest-sha256.txt", "tagmanifest-sha512.txt"]


def test_payload_holds_sources_renderings_dublin_core_and_provenance(packaged):
    data = packaged / SLUG / "data"
    listed = sorted(p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file())
    sources = sorted(p.name for p in EDITION.iterdir() if p.is_file())
    assert listed == sorted([*sources, "dc.xml", "validation.json",
                             f"renderings/{SLUG}.diplomatic.txt",
                             f"renderings/{SLUG}.reading.html",
                             f"renderings/{SLUG}.reading.txt"])
    for name in sources:
        assert (data / name).read_bytes() == (EDITION / name).read_bytes()


def test_renderings_are_what_render_gives(packaged):
    from tei_edition.render import render_tree

    tree = parse_xml_file(EDITION / f"{SLUG}.xml").tree
    renderings = packaged / SLUG / "data" / "renderings"
    for (to, view), name in {("html", "reading"): "reading.html",
                             ("text", "reading"): "reading.txt",
                             ("text", "diplomatic"): "diplomatic.txt"}.items():
        expected, _ = render_tree(tree, to=to, view=view)
        assert (renderings / f"{SLUG}.{name}").read_bytes() == expected


def test_validation_record_names_schemas_tei_release_and_result(packaged, tei_all):
    from tei_edition import __version__
    from tei_edition.schema_fetch import sha256_file
    from tei_edition.validation import schema_versions

    record = json.loads((packaged / SLUG / "data" / "validation.json").read_text("utf-8"))
    assert record["result"] in ("valid", "valid with warnings", "valid with infos")
    assert record["validated_by"] == {"tool": "tei-edition", "version": __version__,
                                      "profile": "all"}
    assert record["schemas"] == schema_versions(tei_all=tei_all)
    assert record["schemas"]["tei_all.rng"] == sha256_file(tei_all)
    assert record["schemas"]["tei-version"] == "4.12.0"  # the release of ../shared/tei
    assert record["tei"] == {"path": f"data/{SLUG}.xml",
                             "sha256": sha256_file(EDITION / f"{SLUG}.xml")}


def test_edition_folder_is_unchanged_by_packaging(tmp_path, tei_all):
    before = tree_digest(EDITION)
    listing = sorted(p.name for p in EDITION.iterdir())
    result = run_cli("package", EDITION, "-o", tmp_path / "out", "--zip", "--tei-all", tei_all)
    assert result.exit_code == 0, result.stderr
    assert tree_digest(EDITION) == before
    assert sorted(p.name for p in EDITION.iterdir()) == listing


def test_packaging_twice_gives_identical_bags_and_zips(packaged, tmp_path, tei_all):
    result = run_cli("package", EDITION, "-o", tmp_path, "--zip", "--tei-all", tei_all)
    assert result.exit_code == 0, result.stderr
    assert tree_digest(tmp_path / SLUG) == tree_digest(packaged / SLUG)
    assert (tmp_path / f"{SLUG}.zip").read_bytes() == (packaged / f"{SLUG}.zip").read_bytes()


def test_stdout_names_what_was_written(tmp_path, tei_all):
    result = run_cli("package", EDITION, "-o", tmp_path, "--zip", "--tei-all", tei_all)
    assert result.stdout.splitlines() == [str(tmp_path / SLUG), str(tmp_path / f"{SLUG}.zip")]


def test_existing_bag_is_refused_without_force_and_replaced_with_it(packaged, tmp_path, tei_all):
    shutil.copytree(packaged / SLUG, tmp_path / SLUG)
    (tmp_path / SLUG / "bagit.txt").write_text("stale\n")
    refused = run_cli("package", EDITION, "-o", tmp_path, "--tei-all", tei_all)
    assert refused.exit_code == 1
    assert f"{tmp_path / SLUG}:0:0: error [package.output-exists]" in refused.stderr
    assert (tmp_path / SLUG / "bagit.txt").read_text() == "stale\n"
    forced = run_cli("package", EDITION, "-o", tmp_path, "--force", "--tei-all", tei_all)
    assert forced.exit_code == 0, forced.stderr
    assert tree_digest(tmp_path / SLUG) == tree_digest(packaged / SLUG)
    assert sorted(p.name for p in tmp_path.iterdir()) == [SLUG]  # nothing left aside


def test_invalid_edition_is_refused_and_nothing_is_written(mini_edition, tmp_path, tei_all):
    broken = tmp_path / "editions" / mini_edition.name
    shutil.copytree(mini_edition, broken)
    tei = broken / f"{mini_edition.name}.xml"
    tei.write_text(tei.read_text("utf-8").replace('who="#mikoyan"', 'who="#nobody"'), "utf-8")
    result = run_cli("package", broken, "-o", tmp_path / "out", "--tei-all", tei_all)
    assert result.exit_code == 1
    assert f"{tei}:0:0: error [package.refused]" in result.stderr
    assert len(result.stderr.splitlines()) >= 2  # the validation findings are printed too
    assert not (tmp_path / "out" / mini_edition.name).exists()
    assert list((tmp_path / "out").glob(".*")) == []


def test_folder_without_its_tei_file_is_not_an_edition(tmp_path, tei_all):
    (tmp_path / "empty").mkdir()
    result = run_cli("package", tmp_path / "empty", "-o", tmp_path / "out", "--tei-all", tei_all)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tmp_path / 'empty'}:0:0: error [package.no-edition]")


def test_source_date_epoch_sets_the_bagging_date(tmp_path, tei_all, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    result = run_cli("package", EDITION, "-o", tmp_path, "--tei-all", tei_all)
    assert result.exit_code == 0, result.stderr
    assert _tag_fields(tmp_path / SLUG / "bag-info.txt")["Bagging-Date"] == ["2023-11-14"]


def test_output_inside_the_edition_folder_is_refused(mini_edition, tmp_path, tei_all):
    edition = tmp_path / mini_edition.name
    shutil.copytree(mini_edition, edition)
    before = tree_digest(edition)
    result = run_cli("package", edition, "-o", edition / "bags", "--tei-all", tei_all)
    assert result.exit_code == 1
    assert "error [package.output-inside-edition]" in result.stderr
    assert tree_digest(edition) == before and not (edition / "bags").exists()


def _copy_edition(source, folder):
    """The edition ``source`` under another slug (files renamed after the new folder)."""
    folder.mkdir(parents=True)
    for path in source.iterdir():
        (folder / path.name.replace(source.name, folder.name)).write_bytes(path.read_bytes())
    return folder


def test_an_invalid_edition_does_not_stop_the_others(mini_edition, tmp_path, tei_all):
    good = _copy_edition(mini_edition, tmp_path / "editions" / "good-record")
    bad = _copy_edition(mini_edition, tmp_path / "editions" / "bad-record")
    tei = bad / "bad-record.xml"
    tei.write_text(tei.read_text("utf-8").replace('who="#mikoyan"', 'who="#nobody"'), "utf-8")
    result = run_cli("package", bad, good, "-o", tmp_path / "out", "--tei-all", tei_all)
    assert result.exit_code == 1
    assert result.stdout == f"{tmp_path / 'out' / 'good-record'}\n"
    assert f"{tei}:0:0: error [package.refused]" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good-record"]


def test_two_editions_with_one_slug_are_a_usage_error(mini_edition, tmp_path, tei_all):
    twin = _copy_edition(mini_edition, tmp_path / "elsewhere" / mini_edition.name)
    result = run_cli("package", mini_edition, twin, "-o", tmp_path / "out", "--tei-all", tei_all)
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()


def test_dublin_core_in_the_bag_is_the_seed_header(packaged):
    from tei_edition.package.dublin_core import DC_NS

    tree = parse_xml_file(EDITION / f"{SLUG}.xml").tree
    dc = parse_xml_file(packaged / SLUG / "data" / "dc.xml").tree

    def values(name):
        return [" ".join(e.text.split()) for e in dc.iter(f"{{{DC_NS}}}{name}")]

    def header(xpath):
        return [" ".join("".join(n.itertext()).split()) if hasattr(n, "itertext") else str(n)
                for n in tree.xpath(xpath, namespaces=NSMAP)]

    assert values("title") == header("//tei:titleStmt/tei:title")
    assert values("date") == header("//tei:profileDesc/tei:creation/tei:date/@when")
    assert values("contributor") == header(
        "//tei:titleStmt/tei:editor | //tei:titleStmt/tei:respStmt/tei:name"
        " | //tei:sourceDesc//tei:respStmt/tei:persName")
    assert values("subject") == header(
        "//tei:particDesc//tei:person/tei:persName[1] | //tei:standOff//tei:person/tei:persName[1]")
    assert values("language") == header("/tei:TEI/@xml:lang")
    assert values("identifier") == header("//tei:publicationStmt/tei:idno")
    assert values("description") == header("//tei:profileDesc/tei:abstract")
    assert values("rights") == header("//tei:availability/tei:licence")  # none in the seed
