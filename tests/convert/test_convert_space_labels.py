"""Labels separated from the speech only by whitespace (QA F2, F12): `sep-space` in sp/@rend,
each shape only with strong evidence (docs/conventions.md, "Speaker labels")."""

from __future__ import annotations

from convert_support import NS, converted_root

from tei_edition.convert.spacelabels import name_labels, openings, qa_labels


def _turns(root) -> list[tuple[str, str, str]]:
    return [(sp.get("who"), "".join(sp.find("t:speaker", NS).itertext()), sp.get("rend"))
            for sp in root.iterfind(".//t:body//t:sp", NS)]


def _narrative(root) -> list[str]:
    return ["".join(p.itertext()) for p in root.iterfind(".//t:body//t:div/t:p", NS)]


def _lines(*texts: str) -> list:
    return openings(list(texts), [False] * len(texts), 0)


TRIAL = ("Q. Where were you on the morning of the fire?\n"
         "A At the depot, loading the second truck.\n"
         "Q Who else was there with you?\n"
         "A Nobody. The foreman had gone home early.\n")


def test_bare_q_and_a_that_alternate_are_turns_after_a_punctuated_first_question():
    assert _turns(converted_root(TRIAL)) == [
        ("#q", "Q", "sep-period"), ("#a", "A", "sep-space no-blank-before"),
        ("#q", "Q", "sep-space no-blank-before"), ("#a", "A", "sep-space no-blank-before")]


def test_a_bare_a_that_answers_no_question_is_not_a_label():
    found = qa_labels(_lines("Q Who built the camp?", "A Yes.",
                             "A Soviet patrol came later.", "Q Did you see it?"))
    assert sorted(found) == [0, 1, 3]


def test_a_document_without_two_questions_has_no_bare_labels():
    assert qa_labels(_lines("A Soviet delegation arrived on Monday.",
                            "Q Street was closed.")) == {}


def test_a_bare_q_before_lower_case_is_not_a_label():
    assert qa_labels(_lines("Q and A sessions were held.", "Q then followed.")) == {}


BRIEFING = ("MS. HALLORAN:  Good morning.\n\n"
            "Q    Thanks, Ellen.  Can you say when the report comes out?\n\n"
            "MS. HALLORAN:  Not this week.\n\n"
            "Q    Is the minister satisfied?\n\n"
            "MS. HALLORAN:  She is.\n")


def test_white_house_bare_q_is_the_questioner_not_the_press_secretary():
    root = converted_root(BRIEFING)
    assert [who for who, _, _ in _turns(root)] == ["#halloran", "#q", "#halloran", "#q",
                                                   "#halloran"]
    assert _narrative(root) == []


def test_the_width_of_a_whitespace_separator_is_kept_in_rend():
    rends = [rend for who, _, rend in _turns(converted_root(BRIEFING)) if who == "#q"]
    assert rends == ["sep-space spaces-4", "sep-space spaces-4"]


def test_the_edition_declares_the_whitespace_separator():
    root = converted_root(BRIEFING)
    declared = " ".join(root.xpath(".//t:punctuation//text()", namespaces=NS))
    assert "whitespace only" in declared and "sep-space" in declared


RECORD = ("Record of a conversation between A. Novak and Ambassador T. Lind, 9 May 1961\n\n"
          "T. Lind On behalf of my government I thank you for receiving me.\n\n"
          "A. Novak I am glad to see you again.\n\n"
          "T. Lind I have a message from the Prime Minister.\n")


def test_names_of_the_title_opening_paragraphs_are_labels():
    assert _turns(converted_root(RECORD)) == [
        ("#t-lind", "T. Lind", "sep-space"), ("#a-novak", "A. Novak", "sep-space"),
        ("#t-lind", "T. Lind", "sep-space")]


def test_a_name_the_title_does_not_give_is_no_label():
    text = RECORD.replace("between A. Novak and Ambassador T. Lind", "in Prague")
    assert _turns(converted_root(text)) == []


def test_a_surname_alone_starting_a_sentence_is_no_label():
    names = frozenset({"lind", "novak", "t. lind", "a. novak"})
    found = name_labels(_lines("Lind Thanked nobody.", "Novak Said nothing.",
                                "Lind Again."), names)
    assert found == {}


def test_known_names_without_initials_need_one_recurring_and_three_turns():
    names = frozenset({"pak ui-wan", "kim il sung"})
    two = ["Pak Ui-wan On behalf of my government.", "Kim Il Sung We are glad."]
    assert name_labels(_lines(*two), names) == {}
    assert len(name_labels(_lines(*two, "Pak Ui-wan Thank you."), names)) == 3


def test_one_known_name_with_initials_speaking_once_is_no_evidence():
    assert name_labels(_lines("T. Lind On behalf of my government.",
                              "The talks were long."), frozenset({"t. lind"})) == {}


def test_two_persons_with_initials_each_speaking_once_are_labels():
    names = frozenset({"h. kroll", "n. s. khrushchev"})
    found = name_labels(_lines("N. S. Khrushchev I thank [him] for the greetings.",
                               "H. Kroll I am charged with passing you a letter."), names)
    assert [m.label for m in found.values()] == ["N. S. Khrushchev", "H. Kroll"]


def test_a_known_name_followed_by_lower_case_is_narrative():
    names = frozenset({"t. lind"})
    assert name_labels(_lines("T. Lind said he was glad.", "T. Lind went home.",
                              "T. Lind left."), names) == {}


def test_the_diplomatic_text_gives_back_the_whitespace_exactly():
    # converted_root asserts the reference diplomatic reading equals the transcript
    converted_root("Q. First?\nA   Yes.\nQ  Second?\nA No.\n")
