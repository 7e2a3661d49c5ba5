"""Arabic-aware matching: fold text so that spellings a reader takes for the
same word compare equal, and find a pattern with offsets in the original text.

Hand-written rather than taken from a library (pyarabic has the letter tables
but not the offsets): find and replace must map every match back to the
characters the user typed, and the search index must fold exactly as find
does. Every folding maps one character to none, one or (a presentation-form
ligature) several, so each folded character remembers where it came from.

What folds, each optional (`FoldOptions`):
- diacritics: tashkeel (fatha, damma, kasra, tanwin, shadda, sukun, dagger
  alef, Quranic marks) removed;
- tatweel (U+0640) removed;
- alef and hamza forms: أ إ آ ٱ -> ا, ؤ -> و, ئ -> ي;
- taa marbuta ة -> ه;
- alef maqsura ى -> ي;
- digits: Arabic-Indic ٠-٩ and Persian ۰-۹ -> 0-9;
- case: Latin letters compare without case.
Always: presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF) read as the letters
they show; no-break space as space; non-breaking hyphen (U+2011) and U+2010 as
`-`; the invisible direction marks (U+200E, U+200F, U+061C) removed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

TASHKEEL = (
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E5)]
    + [chr(c) for c in range(0x06E7, 0x06E9)]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
)
TATWEEL = "\u0640"
ALEF_FORMS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي"}
TAA_MARBUTA = {"ة": "ه"}
ALEF_MAQSURA = {"ى": "ي"}
DIGITS = {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
_ALWAYS = {"\u00a0": " ", "\u202f": " ", "\u2011": "-", "\u2010": "-", "\u200e": "", "\u200f": "", "\u061c": ""}


@dataclass(frozen=True)
class FoldOptions:
    """Which differences find and search ignore (all of them unless told)."""

    diacritics: bool = True
    tatweel: bool = True
    alef_hamza: bool = True
    taa_marbuta: bool = True
    alef_maqsura: bool = True
    digits: bool = True
    case: bool = True


EXACT = FoldOptions(False, False, False, False, False, False, False)
ALL = FoldOptions()


@lru_cache(maxsize=64)
def _table(options: FoldOptions) -> dict[int, str]:
    """The `str.translate` table for these options: code point -> replacement ('' removes)."""
    simple: dict[str, str] = dict(_ALWAYS)
    if options.diacritics:
        simple.update(dict.fromkeys(TASHKEEL, ""))
    if options.tatweel:
        simple[TATWEEL] = ""
    if options.alef_hamza:
        simple.update(ALEF_FORMS)
    if options.taa_marbuta:
        simple.update(TAA_MARBUTA)
    if options.alef_maqsura:
        simple.update(ALEF_MAQSURA)
    if options.digits:
        simple.update(DIGITS)
    table = {ord(k): v for k, v in simple.items()}
    for start, end in ((0xFB50, 0xFE00), (0xFE70, 0xFF00)):
        for code in range(start, end):
            shown = unicodedata.normalize("NFKC", chr(code))
            if shown != chr(code) and shown.strip():
                table[code] = shown.translate(table)
    return table


def fold(text: str, options: FoldOptions = ALL) -> str:
    """The folded text (one C-speed pass, and a lower-casing when case folds)."""
    folded = text.translate(_table(options))
    return folded.lower() if options.case else folded


@dataclass(frozen=True)
class Folded:
    """Folded text and, for each of its characters, the index of the original
    character it came from; `origin[len(text)]` is the original's length."""

    text: str
    origin: list[int]


@lru_cache(maxsize=64)
def _resizing(options: FoldOptions) -> re.Pattern[str]:
    """The characters that fold to none or to several: without them, offsets are the identity."""
    chars = [chr(code) for code, value in _table(options).items() if len(value) != 1]
    if options.case:
        chars.append("\u0130")  # İ lower-cases to two characters
    return re.compile("[" + re.escape("".join(chars)) + "]")


def fold_with_offsets(text: str, options: FoldOptions = ALL) -> Folded:
    if _resizing(options).search(text) is None:
        return Folded(fold(text, options), list(range(len(text) + 1)))
    table = _table(options)
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = table.get(ord(char), char)
        if options.case:
            folded = folded.lower()
        if folded:
            pieces.append(folded)
            origin.extend([index] * len(folded))
    origin.append(len(text))
    return Folded("".join(pieces), origin)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_" or unicodedata.category(char) == "Mn"


@dataclass(frozen=True)
class Match:
    start: int  # in the original text
    end: int


def find_all(pattern: str, text: str, options: FoldOptions = ALL, whole_word: bool = False) -> list[Match]:
    """Every match of `pattern` in `text`, non-overlapping, left to right, as
    offsets in `text`. A match that ends on a letter takes the marks typed
    after it (a fatha on its last letter belongs to it, not to what follows)."""
    needle = fold(pattern, options)
    if not needle or not text:
        return []
    if needle not in fold(text, options):
        return []
    folded = fold_with_offsets(text, options)
    haystack = folded.text
    found: list[Match] = []
    for m in re.finditer(re.escape(needle), haystack):
        a, b = m.start(), m.end()
        if whole_word and (
            (a > 0 and _is_word_char(haystack[a - 1]) and _is_word_char(haystack[a]))
            or (b < len(haystack) and _is_word_char(haystack[b]) and _is_word_char(haystack[b - 1]))
        ):
            continue
        start = folded.origin[a]
        end = folded.origin[b - 1] + 1
        # Marks and tatweel folded away after the last letter belong to the match.
        limit = folded.origin[b] if b < len(haystack) else len(text)
        while end < limit and fold(text[end], options) == "":
            end += 1
        found.append(Match(start, end))
    return found


def replace_all(pattern: str, replacement: str, text: str, options: FoldOptions = ALL,
                whole_word: bool = False) -> tuple[str, int]:
    """`text` with every match replaced, and how many were."""
    matches = find_all(pattern, text, options, whole_word)
    if not matches:
        return text, 0
    out: list[str] = []
    pos = 0
    for m in matches:
        out.append(text[pos : m.start])
        out.append(replacement)
        pos = m.end
    out.append(text[pos:])
    return "".join(out), len(matches)


_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str, options: FoldOptions = ALL) -> list[str]:
    """The folded words of a text, as the search index and queries cut them."""
    return _WORD.findall(fold(text, options))
