"""The check before export finds another meeting's number with one small
pattern and a look-up, as it did with a pattern per number."""

from __future__ import annotations

import random
import re
from functools import cache

import pytest

from cwgdraft.core import arabic
from cwgdraft.drafting import check


@cache
def _pattern_for(n: int) -> re.Pattern[str]:
    words = {arabic.ordinal(n), arabic.ordinal(n, oblique=True)}
    alternatives = "|".join(re.escape(w).replace("\\ ", "[ \u00a0]") for w in sorted(words, key=len, reverse=True))
    return re.compile(
        f"(?:الاجتماع|للاجتماع|بالاجتماع|اجتماعه|الاجتماعين|للاجتماعين|بالاجتماعين|الاجتماعان)[ \u00a0](?:{alternatives})"
        "(?![\u0621-\u064a]|[ \u00a0](?:عشر|و))"
    )


def _one_pattern_per_number(text: str, own: set[int]) -> int | None:
    """The check as it was: a pattern per meeting number, highest first."""
    for n in range(check.MAX_ORDINAL, 0, -1):
        if n not in own and _pattern_for(n).search(text):
            return n
    return None


def _texts() -> list[str]:
    out = ["لا ذكر لأي اجتماع هنا (CWG-COP) http://www.itu.int"]
    for n in (1, 2, 10, 11, 12, 13, 20, 21, 22, 99):
        for word in (arabic.ordinal(n), arabic.ordinal(n, oblique=True)):
            out.append(f"عُقد الاجتماع {word} في جنيف.")
            out.append(f"وفي اجتماعه\u00a0{word.replace(' ', chr(0xA0))}، ناقش الفريق ITU\u2011D.")
            out.append(f"الاجتماعين {word} و{arabic.ordinal(n + 1 if n < 99 else 1)} (2022).")
    out.append(f"الاجتماع {arabic.ordinal(18)} والاجتماع {arabic.ordinal(3)} والاجتماع {arabic.ordinal(40)}")
    # Random sentences of meeting words, ordinals, their pieces and connectors, with either space.
    rng = random.Random(11)
    pieces = ["الاجتماع", "للاجتماع", "اجتماعه", "الاجتماعين", "والاجتماع", "عشر", "عشرة", "و", "في", "(CWG-COP)",
              "2022", "الحادي", "الثاني", "والعشرين", "والثلاثون", "ITU\u2011D"]
    pieces += [arabic.ordinal(n, oblique=bool(n % 2)) for n in range(1, 100, 3)]
    for _ in range(2000):
        words = [rng.choice(pieces) for _ in range(rng.randint(2, 9))]
        out.append("".join(w + rng.choice([" ", " ", "\u00a0", "، "]) for w in words).strip())
    return out


@pytest.mark.parametrize("own", [set(), {12}, {2, 12}, {18, 40}, {1, 21}])
def test_one_pattern_finds_what_a_pattern_per_number_found(own: set[int]) -> None:
    for text in _texts():
        assert check._other_meeting(text, own) == _one_pattern_per_number(text, own), text


def test_the_ordinal_words_are_made_once() -> None:
    assert check._ordinal_numbers() is check._ordinal_numbers()
