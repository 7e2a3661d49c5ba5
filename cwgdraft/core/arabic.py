"""Arabic words, numbers, dates and letters as ITU documents write them.

Nothing here reshapes or reorders text: Word and Qt shape Arabic themselves
(FORMAT.md). `for_terminal` is the one exception, for terminals that cannot.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

NBSP = "\u00a0"

MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)  # fmt: skip

# Abjad order, as the 2016 report letters its outcomes (FORMAT.md).
ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"

_UNITS_M = ("", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
_UNITS_F = ("", "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة")
_TENS = ("", "", "العشرون", "الثلاثون", "الأربعون", "الخمسون", "الستون", "السبعون", "الثمانون", "التسعون")


def ordinal(n: int, feminine: bool = False, oblique: bool = False) -> str:
    """The ordinal word for 1..99: `ordinal(18)` is `الثامن عشر`, `ordinal(21)` `الحادي والعشرون`.

    `oblique` gives the genitive/accusative, which only the tens mark:
    `نتائج الاجتماع الحادي والعشرين`, `عقد ... اجتماعه العشرين`."""
    if not 1 <= n <= 99:
        raise ValueError(f"ordinal words exist here for 1 to 99, not {n}")
    units = _UNITS_F if feminine else _UNITS_M
    tens, unit = divmod(n, 10)
    if n == 10:
        return "العاشرة" if feminine else "العاشر"
    if tens == 0:
        return units[unit]
    # In compounds 1 is `الحادي` / `الحادية`, not `الأول`.
    compound_unit = ("الحادية" if feminine else "الحادي") if unit == 1 else units[unit]
    if tens == 1:
        return f"{compound_unit} {'عشرة' if feminine else 'عشر'}"
    tens_word = _TENS[tens][:-2] + "ين" if oblique else _TENS[tens]
    if unit == 0:
        return tens_word
    return f"{compound_unit} و{tens_word}"


def join_and(words: list[str]) -> str:
    """`أ` / `أ وب` / `أ وب وج`: Arabic `و` is written joined to the next word."""
    if not words:
        return ""
    return words[0] + "".join(" و" + w for w in words[1:])


def meetings_phrase(numbers: list[int], genitive: bool = True) -> str:
    """`الاجتماع الثامن عشر`, the dual `الاجتماعين الثاني عشر والثالث عشر`, or the plural;
    genitive by default (`نتائج الاجتماع الحادي والعشرين`), as reports use it."""
    words = join_and([ordinal(n, oblique=genitive) for n in numbers])
    if len(numbers) == 1:
        noun = "الاجتماع"
    elif len(numbers) == 2:
        noun = "الاجتماعين" if genitive else "الاجتماعان"
    else:
        noun = "الاجتماعات"
    return f"{noun} {words}" if words else noun


def format_date(day: dt.date, nbsp: bool = True) -> str:
    """`12 يناير 2022`, held together by no-break spaces unless told otherwise."""
    sep = NBSP if nbsp else " "
    return f"{day.day}{sep}{MONTHS[day.month - 1]}{sep}{day.year}"


def format_date_range(start: dt.date, end: dt.date | None, nbsp: bool = True) -> str:
    """`9-19 يونيو 2020`, `20 أكتوبر - 7 نوفمبر 2014`, or one date."""
    sep = NBSP if nbsp else " "
    if end is None or end == start:
        return format_date(start, nbsp)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{end.day}{sep}{MONTHS[end.month - 1]}{sep}{end.year}"
    if start.year == end.year:
        return f"{start.day}{sep}{MONTHS[start.month - 1]} - {format_date(end, nbsp)}"
    return f"{format_date(start, nbsp)} - {format_date(end, nbsp)}"


def abjad_letter(index: int) -> str:
    """The letter of the index-th lettered item (0-based): `أ`, `ب`, ... `غ`, then `أأ`, ..."""
    if index < 0:
        raise ValueError("letter index must be 0 or more")
    count, pos = divmod(index, len(ABJAD))
    return ABJAD[pos] * (count + 1)


LANGUAGES = {
    "en": "بالإنكليزية",
    "fr": "بالفرنسية",
    "es": "بالإسبانية",
    "ru": "بالروسية",
    "zh": "بالصينية",
    "ar": "بالعربية",
}


def language_phrase(code: str) -> str:
    """`en` gives `بالإنكليزية`; an unknown code is shown as given."""
    return LANGUAGES.get(code, code)


# --- text that XML can carry ------------------------------------------------

# What `clean_text` changes: characters XML 1.0 cannot carry, and carriage returns (once
# those are folded into line breaks, the same pattern finds what is removed).
_NEEDS_CLEANING = re.compile("[\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def needs_cleaning(text: str) -> bool:
    """Whether `clean_text` would change the text (one C-speed scan)."""
    return _NEEDS_CLEANING.search(text) is not None


class Stripped(NamedTuple):
    """A character removed from user text because XML cannot carry it."""

    char: str
    offset: int

    def describe(self) -> str:
        return f"U+{ord(self.char):04X} at character {self.offset + 1}"


def clean_text(text: str) -> tuple[str, list[Stripped]]:
    """Text that XML 1.0 can carry, and what was removed.

    Keeps tab and newline (line breaks), folds `\\r\\n` and `\\r` to `\\n`, keeps
    U+00A0, U+2011, U+200E, U+200F and U+2066-U+2069 (FORMAT.md rule 7).
    """
    if not needs_cleaning(text):
        return text, []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    removed = [Stripped(m.group(), m.start()) for m in _NEEDS_CLEANING.finditer(text)]
    if removed:
        text = _NEEDS_CLEANING.sub("", text)
    return text, removed


# --- splitting text into right-to-left and left-to-right runs ---------------

_STRONG_RTL = {"R", "AL"}
# Cached: a report asks for the same few hundred characters thousands of times.
_bidi = lru_cache(maxsize=8192)(unicodedata.bidirectional)
# Characters that glue onto a Latin token when a digit or letter follows:
# `X.1205`, `C22/7-A`, `cwg-cop/Pages`.
_GLUE = frozenset("./-_:#%+&=?~\u2011@")


class _ClassCodes(dict[int, str]):
    """One letter per character for `str.translate`: L (strong left to right),
    R (strong right to left), D (digit), G (glue), N (anything else).
    Filled on demand, so the table holds only characters seen."""

    def __missing__(self, codepoint: int) -> str:
        ch = chr(codepoint)
        bidi = unicodedata.bidirectional(ch)
        if bidi == "L":
            code = "L"
        elif bidi in _STRONG_RTL:
            code = "R"
        elif ch.isdigit():
            code = "D"
        elif ch in _GLUE:
            code = "G"
        else:
            code = "N"
        self[codepoint] = code
        return code


_CLASS_CODES = _ClassCodes()
# A Latin token over the class codes: from a strong-L character to the last
# one before the next right-to-left character, with digits and glue on either
# side (`5G`, `X.1205`). Matching codes, not text, keeps this one C-speed pass.
_LATIN_TOKEN = re.compile(r"D*L(?:[^R]*L)?(?:D|G(?=[DL]))*")


def script_runs(text: str) -> list[tuple[str, bool]]:
    """Split text into `(piece, rtl)` runs: Latin words, codes and URLs get
    runs of their own (`rtl=False`); everything else, Arabic and the neutral
    characters between, is right to left (FORMAT.md rule 5).
    """
    runs: list[tuple[str, bool]] = []
    pos = 0
    for match in _LATIN_TOKEN.finditer(text.translate(_CLASS_CODES)):
        if match.start() > pos:
            runs.append((text[pos : match.start()], True))
        runs.append((text[match.start() : match.end()], False))
        pos = match.end()
    if pos < len(text):
        runs.append((text[pos:], True))
    return runs


def has_arabic(text: str) -> bool:
    return any(_bidi(ch) in _STRONG_RTL for ch in text)


_BIDI_OPENERS = re.compile("[\u202a\u202b\u202d\u202e\u2066-\u2068]")
_EMBEDDINGS = "\u202a\u202b\u202d\u202e"
_ISOLATES = "\u2066\u2067\u2068"


def close_bidi(text: str) -> str:
    """`text` with every embedding, override or isolate it leaves open closed
    at its end (PDF, PDI), so that it cannot reorder what follows the field.
    Closers without an opener are left as they are (they do nothing)."""
    if not _BIDI_OPENERS.search(text):
        return text
    stack: list[str] = []
    for ch in text:
        if ch in _EMBEDDINGS:
            stack.append("\u202c")
        elif ch in _ISOLATES:
            stack.append("\u2069")
        elif ch == "\u202c":
            if stack and stack[-1] == "\u202c":
                stack.pop()
        elif ch == "\u2069":
            # A PDI closes its isolate and every embedding opened inside it.
            if "\u2069" in stack:
                while stack.pop() != "\u2069":
                    pass
    return text + "".join(reversed(stack))


PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def for_terminal(text: str) -> str:
    """Shape and reorder Arabic for a terminal that cannot (visual order).

    Only for printing: never for text that goes into Word or Qt.
    """
    import arabic_reshaper  # lazy: only terminals that cannot shape need it

    return "\n".join(_visual_line(arabic_reshaper.reshape(line)) for line in text.split("\n"))


_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")


def _visual_line(line: str) -> str:
    """One line in visual order, brackets mirrored where they run right to left.

    python-bidi 0.5 and later reorders but no longer mirrors (rule L4), so its
    levels are taken and the line is reordered here (rule L2) with the
    mirrored glyphs of characters at odd (right-to-left) levels."""
    from bidi import get_display
    from bidi.mirror import MIRRORED

    info = str(get_display(line, debug=True))
    start = info.find("levels:")
    end = info.find("paragraphs:", start)
    byte_levels = [int(m) for m in _LEVEL.findall(info[start:end])] if start >= 0 else []
    if len(byte_levels) != len(line.encode("utf-8")):
        return str(get_display(line))  # a layout this code does not know: reordered, not mirrored
    levels: list[int] = []
    offset = 0
    for ch in line:
        levels.append(byte_levels[offset])
        offset += len(ch.encode("utf-8"))
    chars = [MIRRORED.get(ch, ch) if level % 2 else ch for ch, level in zip(line, levels, strict=True)]
    # L1: trailing whitespace takes the paragraph's level.
    base = _paragraph_level(info)
    i = len(chars)
    while i > 0 and chars[i - 1] in " \t":
        i -= 1
        levels[i] = base
    # L2: from the highest level down to the lowest odd one, reverse every run at or above it.
    order = list(range(len(chars)))
    if levels:
        lowest_odd = min(level for level in levels) | 1
        for level in range(max(levels), lowest_odd - 1, -1):
            i = 0
            while i < len(order):
                if levels[order[i]] >= level:
                    j = i
                    while j < len(order) and levels[order[j]] >= level:
                        j += 1
                    order[i:j] = order[i:j][::-1]
                    i = j
                else:
                    i += 1
    return "".join(chars[k] for k in order)


def _paragraph_level(info: str) -> int:
    at = info.find("paragraphs:")
    found = _LEVEL.search(info, at) if at >= 0 else None
    return int(found.group(1)) if found else 0
