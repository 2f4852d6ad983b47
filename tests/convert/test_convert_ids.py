"""Person ids of names in any script: NCName allows letters of every script, so a Chinese,
Korean or Cyrillic name keeps its letters in its xml:id (it was "p", "p-2" before)."""

from __future__ import annotations

from convert_support import NS, converted_root
from lxml import etree

from tei_edition.convert.names import slugify


def test_latin_letters_lose_their_accents_as_before():
    assert slugify("Rákosi Mátyás") == "rakosi-matyas"
    assert slugify("İnönü") == "inonu"


def test_chinese_names_keep_their_characters():
    assert slugify("毛泽东") == "毛泽东"


def test_words_of_other_scripts_are_joined_by_hyphens_in_lower_case():
    assert slugify("Ким Ир Сен") == "ким-ир-сен"
    assert slugify("김일성") == "김일성"


def test_a_devanagari_vowel_sign_stays_with_its_letter():
    assert slugify("नरेंद्र मोदी") == "नरेंद्र-मोदी"


def test_an_id_still_starts_with_a_letter():
    assert slugify("٣ Speaker") == "p-٣-speaker"


def test_punctuation_of_any_script_becomes_a_hyphen():
    assert slugify("周恩来（总理）") == "周恩来-总理"


CHINESE = "毛泽东：我们欢迎你们。\n\n赫鲁晓夫：谢谢。\n\n毛泽东：请坐。\n"


def test_two_chinese_speakers_get_two_ids_of_their_names():
    root = converted_root(CHINESE)
    ids = root.xpath(".//t:particDesc//t:person/@xml:id", namespaces=NS)
    assert ids == ["毛泽东", "赫鲁晓夫"]
    assert root.xpath(".//t:body//t:sp/@who", namespaces=NS) == ["#毛泽东", "#赫鲁晓夫",
                                                                 "#毛泽东"]


def test_ids_of_non_latin_names_are_the_same_on_every_conversion():
    first = etree.tostring(converted_root(CHINESE))
    assert etree.tostring(converted_root(CHINESE)) == first


def test_the_same_name_twice_still_gets_unique_ids():
    from tei_edition.convert.names import IdRegistry

    registry = IdRegistry()
    assert [registry.claim(slugify(n)) for n in ("毛泽东", "毛泽东")] == ["毛泽东", "毛泽东-2"]
