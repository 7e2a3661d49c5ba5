"""Spell checking with the real Hunspell dictionaries that .ci/run installs (hunspell-ar, hunspell-en-us)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cwgdraft.core.spelling import Checker, SpellingUnavailable, tokens


@pytest.fixture
def checker(tmp_path: Path) -> Checker:
    try:
        return Checker.default(tmp_path / "words.txt")
    except SpellingUnavailable as exc:
        pytest.fail(f"spell checking must work where .ci/run installed its packages: {exc}")


MIXED = ("ناقش الفريق تقريير الاجتماعَ الثامن عشر عبر المنصة Zoom، وقدّمت Trend\u00a0Micro الوثيقة CWG\u2011COP/18/5 "
         "(انظر http://www.itu.int/en/council/cwg-cop وX.1205) بشأن حماية الأطفال على الإنترنت في 12\u00a0يناير\u00a02022؛ "
         "the recieve policy of ITU.")


def test_a_misspelled_arabic_word_is_marked_and_correct_ones_are_not(checker: Checker) -> None:
    found = checker.check(MIXED)
    assert [m.word for m in found] == ["تقريير", "recieve"]
    first = found[0]
    assert MIXED[first.start : first.end] == "تقريير"
    assert "تقرير" in checker.suggest("تقريير")
    assert "receive" in checker.suggest("recieve")


def test_diacritics_and_tatweel_do_not_make_a_word_wrong(checker: Checker) -> None:
    assert checker.check("عَقَدَ الفريقُ اجتمـــاعَه") == []


def test_codes_addresses_and_acronyms_are_not_words() -> None:
    words = [t.word for t in tokens(MIXED)]
    assert "CWG" not in words and "ITU" not in words and "X" not in words
    assert not any("itu" in w or "council" in w for w in words)
    assert "Zoom" in words and "Trend" in words


def test_added_words_are_kept_per_user(checker: Checker, tmp_path: Path) -> None:
    assert [m.word for m in checker.check("قدّم السيد الزرعوني الزرعونيّ العرض")] == ["الزرعوني", "الزرعونيّ"]
    checker.add("الزرعوني")
    assert checker.check("قدّم السيد الزرعوني الزرعونيّ العرض") == []
    again = Checker.default(tmp_path / "words.txt")
    assert again.check("الزرعوني") == []
    assert (tmp_path / "words.txt").read_text(encoding="utf-8") == "الزرعوني\n"
