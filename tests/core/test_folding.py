"""Arabic-aware matching: folding and offsets back to the text as typed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cwgdraft.core.folding import EXACT, FoldOptions, find_all, fold, fold_with_offsets, replace_all, words

MIXED = "عَقَدَ الفريقُ اجتماعَه الثامنَ عشرَ في ١٨ سبتمبر ٢٠٢٣ (CWG\u2011COP) حول الإنترنـــت، انظر X.1205 والمسؤولية"


def found(pattern: str, text: str = MIXED, **kw: object) -> list[str]:
    return [text[m.start : m.end] for m in find_all(pattern, text, **kw)]  # type: ignore[arg-type]


def test_diacritics_tatweel_and_letter_forms_fold() -> None:
    assert found("عقد") == ["عَقَدَ"]
    assert found("اجتماعة") == ["اجتماعَه"]  # taa marbuta / haa, and the fatha on the last letter kept
    assert found("الانترنت") == ["الإنترنـــت"]  # hamza on alef, and tatweel
    assert found("إجتماعه") == ["اجتماعَه"]
    assert found("على", "جلس علي الكرسي") == ["علي"]  # alef maqsura / yaa


def test_digits_latin_codes_and_hyphens() -> None:
    assert found("18") == ["١٨"]
    assert found("٢٠٢٣") == ["٢٠٢٣"]
    assert found("2023") == ["٢٠٢٣"]
    assert found("cwg-cop") == ["CWG\u2011COP"]
    assert found("x.1205") == ["X.1205"]


def test_each_folding_can_be_turned_off() -> None:
    assert found("عقد", options=FoldOptions(diacritics=False)) == []
    assert found("18", options=FoldOptions(digits=False)) == []
    assert found("اجتماعة", options=FoldOptions(taa_marbuta=False)) == []
    assert found("cwg", options=FoldOptions(case=False)) == []
    assert found("الانترنت", options=FoldOptions(tatweel=False)) == []
    assert found("الانترنت", options=EXACT) == []
    assert found("الإنترنـــت", options=EXACT) == ["الإنترنـــت"]


def test_whole_words() -> None:
    assert found("فريق") == ["فريقُ"]
    assert found("فريق", whole_word=True) == []
    assert found("الفريق", whole_word=True) == ["الفريقُ"]
    assert found("COP", whole_word=True) == ["COP"]  # a hyphen separates words


def test_replace_keeps_what_is_around() -> None:
    text, n = replace_all("الانترنت", "الشبكة", MIXED)
    assert n == 1
    assert "حول الشبكة، انظر" in text
    assert text.startswith("عَقَدَ")


def test_presentation_forms_read_as_letters() -> None:
    assert fold("\ufefb") == "لا"
    assert found("لا", "ﻻ بد") == ["ﻻ"]


@given(st.text(alphabet="اأإآةهىيـَُِّ ١2aBX\u2011-", max_size=40))
def test_offsets_point_into_the_original(text: str) -> None:
    folded = fold_with_offsets(text)
    assert folded.text == fold(text)
    assert len(folded.origin) == len(folded.text) + 1
    assert all(0 <= o <= len(text) for o in folded.origin)
    assert folded.origin == sorted(folded.origin)
    for w in words(text)[:3]:
        for m in find_all(w, text):
            assert fold(text[m.start : m.end]) == w
