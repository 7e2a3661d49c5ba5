"""Word's list numbering computed the way Word draws it.

`numbering.xml` holds abstract lists (levels: start, format, text such as
`%2.%1`, restart rule) and list instances (`w:num`) pointing at them, with
overrides (`w:lvlOverride/w:startOverride`, or a whole replacement level).
Instances of one abstract list continue one count unless an instance
restarts it with a start override, as Word does.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from cwgdraft.core.arabic import ABJAD

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ALPHA = "أبتثجحخدذرزسشصضطظعغفقكلمنهوي"  # Word's arabicAlpha order
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip
_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# Bullets drawn in the Symbol or Wingdings fonts are private-use characters.
_PUA_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf06f": "o", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓", "\uf0a8": "□"}


def pua_glyph(ch: str) -> str:
    if ch in _PUA_BULLETS:
        return _PUA_BULLETS[ch]
    if "\uf000" <= ch <= "\uf0ff":
        return "•"
    return ch


def _val(el: Any, name: str) -> str | None:
    if el is None:
        return None
    child = el.find(W + name)
    return None if child is None else child.get(W + "val")


# Word keeps a list's start value and start override within 0..32767 (what
# its dialog accepts); a file may say anything, so the same bound is applied
# here, and a label is cut at MAX_LABEL characters (letters repeat, Roman
# numerals grow with the value).
MAX_START = 32767
MAX_LABEL = 40


def to_int(value: str | None, default: int) -> int:
    """`value` as an int, `default` when it is missing or not a number."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


_int = to_int


def _start(value: str | None) -> int:
    return min(max(to_int(value, 1), 0), MAX_START)


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # None: restart after any higher level; 0: never
    suffix: str = "tab"
    legal: bool = False
    style: str | None = None  # paragraph style id linked to this level


@dataclass
class Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


def _level(el: Any) -> Level:
    restart_el = el.find(W + "lvlRestart")
    return Level(
        start=_start(_val(el, "start")),
        fmt=_val(el, "numFmt") or "decimal",
        text=_val(el, "lvlText") if el.find(W + "lvlText") is not None else "",
        restart=None if restart_el is None else _int(restart_el.get(W + "val"), 0),
        suffix=_val(el, "suff") or "tab",
        legal=el.find(W + "isLgl") is not None and el.find(W + "isLgl").get(W + "val") not in ("0", "false"),
        style=_val(el, "pStyle"),
    )


def format_number(n: int, fmt: str) -> str:
    """`n` written in Word's number format `fmt`, at most MAX_LABEL characters."""
    return _format_number(n, fmt)[:MAX_LABEL]


def _format_number(n: int, fmt: str) -> str:
    n = min(n, 100 * MAX_START)  # a counter past any start value Word allows: bounded work
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "arabicAbjad":
        count, pos = divmod(max(n, 1) - 1, len(ABJAD))
        return ABJAD[pos] * min(count + 1, MAX_LABEL)
    if fmt == "arabicAlpha":
        count, pos = divmod(max(n, 1) - 1, len(ALPHA))
        return ALPHA[pos] * min(count + 1, MAX_LABEL)
    if fmt in ("lowerLetter", "upperLetter"):
        count, pos = divmod(max(n, 1) - 1, 26)
        letter = chr(ord("a") + pos) * min(count + 1, MAX_LABEL)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        out, rest = "", max(n, 1)
        for value, digits in _ROMAN:
            times, rest = divmod(rest, value)
            out += digits * times
        out = out[:MAX_LABEL]
        return out.upper() if fmt == "upperRoman" else out
    if fmt in ("hindiNumbers", "arabicIndic"):
        return str(n).translate(_INDIC)
    if fmt == "none":
        return ""
    return str(n)


class ListNumbering:
    """Counts list items in document order and gives each its label."""

    def __init__(self, root: Any | None, style_nums: dict[str, tuple[str, int]] | None = None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}  # abstract id -> numbering style id
        self.nums: dict[str, Num] = {}
        self.style_nums = style_nums or {}
        self.counters: dict[str, list[int | None]] = {}
        self.pending: dict[tuple[str, int], int] = {}
        self.applied: set[str] = set()
        if root is None:
            return
        for ab in root.iter(W + "abstractNum"):
            aid = ab.get(W + "abstractNumId", "")
            self.abstracts[aid] = {_int(lv.get(W + "ilvl"), 0): _level(lv) for lv in ab.findall(W + "lvl")}
            link = _val(ab, "numStyleLink")
            if link:
                self.style_links[aid] = link
        for num in root.iter(W + "num"):
            nid = num.get(W + "numId", "")
            item = Num(_val(num, "abstractNumId") or "")
            for ov in num.findall(W + "lvlOverride"):
                ilvl = _int(ov.get(W + "ilvl"), 0)
                start = _val(ov, "startOverride")
                if start is not None:
                    item.starts[ilvl] = _start(start)
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    item.levels[ilvl] = _level(lvl)
            self.nums[nid] = item

    def _abstract_of(self, num: Num, depth: int = 0) -> str:
        aid = num.abstract
        link = self.style_links.get(aid)
        if link and depth < 4 and link in self.style_nums:
            target = self.nums.get(self.style_nums[link][0])
            if target is not None and target is not num:
                return self._abstract_of(target, depth + 1)
        return aid

    def levels(self, num_id: str) -> tuple[str, dict[int, Level]] | None:
        num = self.nums.get(num_id)
        if num is None:
            return None
        aid = self._abstract_of(num)
        levels = dict(self.abstracts.get(aid, {}))
        levels.update(num.levels)
        return aid, levels

    def level_for_style(self, num_id: str, style_id: str) -> int | None:
        found = self.levels(num_id)
        if found is None:
            return None
        for ilvl, level in found[1].items():
            if level.style == style_id:
                return ilvl
        return None

    def next_label(self, num_id: str, ilvl: int) -> tuple[str, Level] | None:
        """The label of the next item of list `num_id` at level `ilvl`, counted."""
        found = self.levels(num_id)
        if found is None:
            return None
        aid, levels = found
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(aid, [None] * 9)
        num = self.nums[num_id]
        if num_id not in self.applied:
            self.applied.add(num_id)
            for lv, start in num.starts.items():
                if 0 <= lv < 9:
                    counters[lv] = None
                    self.pending[(aid, lv)] = start
            for lv, replaced in num.levels.items():
                if 0 <= lv < 9 and (aid, lv) not in self.pending:
                    counters[lv] = None
                    self.pending[(aid, lv)] = replaced.start
        if not 0 <= ilvl < 9:
            return None
        current = counters[ilvl]
        if current is None:
            counters[ilvl] = self.pending.pop((aid, ilvl), level.start)
        else:
            counters[ilvl] = current + 1
        for deeper in range(ilvl + 1, 9):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if level.fmt == "bullet":
            return "".join(pua_glyph(c) for c in level.text[:MAX_LABEL]), level
        text = level.text
        out = []
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                k = int(text[i + 1]) - 1
                lv = levels.get(k, Level())
                value = counters[k] if 0 <= k < 9 and counters[k] is not None else lv.start
                fmt = "decimal" if (level.legal and lv.fmt not in ("decimal", "decimalZero")) else lv.fmt
                out.append(format_number(value, fmt))
                i += 2
                continue
            out.append(ch)
            i += 1
        return "".join(out)[: 4 * MAX_LABEL], replace(level)
