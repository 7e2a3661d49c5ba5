"""Arabic words, numbers, dates, letters and script runs, against hand-written tables."""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cwgdraft.core import arabic
from cwgdraft.core.arabic import (
    ABJAD,
    MONTHS,
    NBSP,
    abjad_letter,
    clean_text,
    format_date,
    format_date_range,
    has_arabic,
    meetings_phrase,
    ordinal,
    script_runs,
)

# Written by hand, not computed: (n, masculine, feminine).
ORDINALS = [
    (1, "الأول", "الأولى"),
    (2, "الثاني", "الثانية"),
    (3, "الثالث", "الثالثة"),
    (10, "العاشر", "العاشرة"),
    (11, "الحادي عشر", "الحادية عشرة"),
    (12, "الثاني عشر", "الثانية عشرة"),
    (13, "الثالث عشر", "الثالثة عشرة"),
    (18, "الثامن عشر", "الثامنة عشرة"),
    (19, "التاسع عشر", "التاسعة عشرة"),
    (20, "العشرون", "العشرون"),
    (21, "الحادي والعشرون", "الحادية والعشرون"),
    (22, "الثاني والعشرون", "الثانية والعشرون"),
    (30, "الثلاثون", "الثلاثون"),
    (45, "الخامس والأربعون", "الخامسة والأربعون"),
    (99, "التاسع والتسعون", "التاسعة والتسعون"),
]


@pytest.mark.parametrize(("n", "masculine", "feminine"), ORDINALS)
def test_ordinals(n: int, masculine: str, feminine: str) -> None:
    assert ordinal(n) == masculine
    assert ordinal(n, feminine=True) == feminine


@pytest.mark.parametrize("n", [0, 100, -1])
def test_ordinal_out_of_range(n: int) -> None:
    with pytest.raises(ValueError):
        ordinal(n)


def test_every_ordinal_is_arabic_words() -> None:
    for n in range(1, 100):
        for feminine in (False, True):
            word = ordinal(n, feminine)
            assert word.startswith("ال") and all(has_arabic(w) for w in word.split())
            assert len(word.split()) == (1 if n <= 10 or n % 10 == 0 else 2)
    # Compounds with 1 use الحادي/الحادية, never الأول.
    assert all("الأول" not in ordinal(n) for n in range(11, 100))


def test_meetings_phrase_single_dual_plural() -> None:
    assert meetings_phrase([18]) == "الاجتماع الثامن عشر"
    assert meetings_phrase([12, 13]) == "الاجتماعين الثاني عشر والثالث عشر"
    assert meetings_phrase([12, 13], genitive=False) == "الاجتماعان الثاني عشر والثالث عشر"
    assert meetings_phrase([1, 2, 3]) == "الاجتماعات الأول والثاني والثالث"


def test_dates_with_no_break_spaces() -> None:
    assert format_date(dt.date(2022, 1, 12)) == "12\u00a0يناير\u00a02022"
    assert format_date(dt.date(2022, 1, 12), nbsp=False) == "12 يناير 2022"
    assert format_date(dt.date(2017, 2, 2)) == f"2{NBSP}فبراير{NBSP}2017"
    assert [format_date(dt.date(2020, m, 1)).split(NBSP)[1] for m in range(1, 13)] == list(MONTHS)
    assert MONTHS == (
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    )  # fmt: skip


def test_date_ranges() -> None:
    d = dt.date
    assert format_date_range(d(2020, 6, 9), d(2020, 6, 19)) == f"9-19{NBSP}يونيو{NBSP}2020"
    assert format_date_range(d(2014, 10, 20), d(2014, 11, 7)) == f"20{NBSP}أكتوبر - 7{NBSP}نوفمبر{NBSP}2014"
    assert format_date_range(d(2021, 12, 30), d(2022, 1, 2)) == f"30{NBSP}ديسمبر{NBSP}2021 - 2{NBSP}يناير{NBSP}2022"
    assert format_date_range(d(2022, 1, 12), None) == f"12{NBSP}يناير{NBSP}2022"
    assert format_date_range(d(2022, 1, 12), d(2022, 1, 12)) == f"12{NBSP}يناير{NBSP}2022"
    assert format_date_range(d(2020, 6, 9), d(2020, 6, 19), nbsp=False) == "9-19 يونيو 2020"


def test_abjad_letters_past_dal() -> None:
    assert [abjad_letter(i) for i in range(4)] == ["أ", "ب", "ج", "د"]
    assert [abjad_letter(i) for i in range(4, 10)] == ["ه", "و", "ز", "ح", "ط", "ي"]
    expected = "أ ب ج د ه و ز ح ط ي ك ل م ن س ع ف ص ق ر ش ت ث خ ذ ض ظ غ".split()
    assert [abjad_letter(i) for i in range(28)] == expected
    assert ABJAD == "".join(expected)
    assert abjad_letter(27) == "غ"
    assert abjad_letter(28) == "أأ"
    assert abjad_letter(29) == "بب"
    assert abjad_letter(56) == "أأأ"
    with pytest.raises(ValueError):
        abjad_letter(-1)


URL = "http://www.itu.int/en/council/cwg-cop/Pages/default.aspx"

SCRIPT_RUNS = [
    (f"انظر {URL} للمزيد", [("انظر ", True), (URL, False), (" للمزيد", True)]),
    ("الإنترنت (CWG\u2011COP) اجتماعه", [("الإنترنت (", True), ("CWG\u2011COP", False), (") اجتماعه", True)]),
    ("الوثيقة C22/7-A، وقد", [("الوثيقة ", True), ("C22/7-A", False), ("، وقد", True)]),
    ("شركة Trend\u00a0Micro والتحالف", [("شركة ", True), ("Trend\u00a0Micro", False), (" والتحالف", True)]),
    ("في\u00a012\u00a0يناير\u00a02022 عبر", [("في\u00a012\u00a0يناير\u00a02022 عبر", True)]),
    ("على المنصة Zoom.", [("على المنصة ", True), ("Zoom", False), (".", True)]),
    ("التوصية ITU-T X.1205 بشأن", [("التوصية ", True), ("ITU-T X.1205", False), (" بشأن", True)]),
    ("الفترة (2024-2021) بإيجاز", [("الفترة (2024-2021) بإيجاز", True)]),
    ("كوفيد\u201119 و5G", [("كوفيد\u201119 و", True), ("5G", False)]),
    ("Zoom", [("Zoom", False)]),
    ("1.2", [("1.2", True)]),
    ("", []),
]


@pytest.mark.parametrize(("text", "runs"), SCRIPT_RUNS)
def test_script_runs(text: str, runs: list[tuple[str, bool]]) -> None:
    assert script_runs(text) == runs


def _strong(ch: str) -> str:
    return unicodedata.bidirectional(ch)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["عقد", "Zoom", "CWG\u2011COP", " ", "\u00a0", "12", "(", ")", ".", "/", "-", URL, "\u200f"]),
            st.text(max_size=8),
        ),
        max_size=12,
    ).map("".join)
)
def test_script_runs_cover_the_text_and_never_mix(text: str) -> None:
    runs = script_runs(text)
    assert "".join(piece for piece, _ in runs) == text
    for (_, a), (_, b) in itertools.pairwise(runs):
        assert a != b  # neighbours differ in direction
    for piece, rtl in runs:
        kinds = {_strong(c) for c in piece}
        if rtl:
            assert "L" not in kinds, piece
        else:
            assert not kinds & {"R", "AL"}, piece


def test_clean_text() -> None:
    assert clean_text("نص عادي") == ("نص عادي", [])
    text, removed = clean_text("a\x01b\x00")
    assert text == "ab"
    assert [(r.char, r.offset) for r in removed] == [("\x01", 1), ("\x00", 3)]
    assert removed[0].describe() == "U+0001 at character 2"
    # Tab and newline stay; carriage returns become newlines.
    assert clean_text("a\tb\nc\r\nd\re") == ("a\tb\nc\nd\ne", [])
    # Kept on purpose (FORMAT.md rule 7).
    keep = "\u00a0\u2011\u200e\u200f\u2066\u2067\u2068\u2069"
    assert clean_text(keep) == (keep, [])
    # What XML 1.0 cannot carry.
    text, removed = clean_text("\ufffe\uffff\ud800x\x1f\x0b\x0c")
    assert text == "x"
    assert {r.char for r in removed} == {"\ufffe", "\uffff", "\ud800", "\x1f", "\x0b", "\x0c"}


def test_nothing_reshaped() -> None:
    """Helpers never produce presentation forms (FORMAT.md rule 6)."""
    words = [ordinal(n, f) for n in range(1, 100) for f in (False, True)]
    words += [format_date(dt.date(2022, m, 1)) for m in range(1, 13)]
    words += [abjad_letter(i) for i in range(60)]
    assert not any(arabic.PRESENTATION_FORMS.search(w) for w in words)


@pytest.mark.parametrize(
    ("n", "feminine", "word"),
    [
        (18, False, "الثامن عشر"),  # the teens do not decline
        (20, False, "العشرين"),
        (21, False, "الحادي والعشرين"),
        (30, False, "الثلاثين"),
        (99, False, "التاسع والتسعين"),
        (22, True, "الثانية والعشرين"),
    ],
)
def test_oblique_ordinals(n: int, feminine: bool, word: str) -> None:
    assert arabic.ordinal(n, feminine=feminine, oblique=True) == word


def test_meeting_phrases_are_genitive_as_reports_use_them() -> None:
    # `نتائج الاجتماع الحادي والعشرين`: the meeting after a noun is genitive.
    assert arabic.meetings_phrase([21]) == "الاجتماع الحادي والعشرين"
    assert arabic.meetings_phrase([21], genitive=False) == "الاجتماع الحادي والعشرون"
    assert arabic.meetings_phrase([20, 21]) == "الاجتماعين العشرين والحادي والعشرين"
