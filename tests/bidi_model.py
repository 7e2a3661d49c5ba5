"""What Word shows for a right-to-left paragraph's runs, by the rules of the standard.

Unicode's bidirectional algorithm (UAX #9) for one right-to-left paragraph
without explicit embeddings, and the change ECMA-376 §17.3.2.30 makes to it:
in a run with `w:rtl`, weak characters other than numbers and their
separators and terminators (EN, ET, CS, AN) and all neutral characters are
right to left (an override, as if they were R). `visual()` gives the
characters left to right as they stand on the line, brackets mirrored.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

_NEUTRAL = {"B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"}
# §17.3.2.30: what `w:rtl` turns right to left (for Arabic; ES only outside Hebrew numbers).
_RTL_RUN_OVERRIDES = {"ES", "NSM", "BN"} | _NEUTRAL
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {v: k for k, v in _BRACKETS.items()}
_MIRROR = {**_BRACKETS, **_CLOSERS, "<": ">", ">": "<", "«": "»", "»": "«"}


def _classes(runs: Sequence[tuple[str, bool]], word: bool) -> tuple[str, list[str]]:
    text = "".join(t for t, _ in runs)
    types: list[str] = []
    for piece, rtl in runs:
        for ch in piece:
            t = unicodedata.bidirectional(ch) or "L"
            if ch == "\u200e":
                t = "L"
            elif ch == "\u200f":
                t = "R"
            if word and rtl and t in _RTL_RUN_OVERRIDES:
                t = "R"
            types.append(t)
    return text, types


def levels(runs: Sequence[tuple[str, bool]], word: bool = True) -> tuple[str, list[int]]:
    """The text and the embedding level of each character (paragraph level 1)."""
    text, t = _classes(runs, word)
    original = [unicodedata.bidirectional(ch) for ch in text]  # L1 looks at the characters themselves
    n = len(t)
    # W1: a mark takes the type of what it marks.
    for i in range(n):
        if t[i] == "NSM":
            t[i] = t[i - 1] if i and t[i - 1] not in ("LRI", "RLI", "FSI", "PDI") else ("ON" if i else "R")
    # W2, W3
    last = "R"
    for i in range(n):
        if t[i] in ("R", "L", "AL"):
            last = t[i]
        elif t[i] == "EN" and last == "AL":
            t[i] = "AN"
    t = ["R" if x == "AL" else x for x in t]
    # W4
    for i in range(1, n - 1):
        if t[i] == "ES" and t[i - 1] == "EN" and t[i + 1] == "EN":
            t[i] = "EN"
        elif t[i] == "CS" and t[i - 1] == t[i + 1] and t[i - 1] in ("EN", "AN"):
            t[i] = t[i - 1]
    # W5: terminators next to a European number become numbers.
    i = 0
    while i < n:
        if t[i] == "ET":
            j = i
            while j < n and t[j] == "ET":
                j += 1
            if (i and t[i - 1] == "EN") or (j < n and t[j] == "EN"):
                for k in range(i, j):
                    t[k] = "EN"
            i = j
        else:
            i += 1
    # W6
    t = ["ON" if x in ("ES", "ET", "CS") else x for x in t]
    # W7
    last = "R"
    for i in range(n):
        if t[i] in ("R", "L"):
            last = t[i]
        elif t[i] == "EN" and last == "L":
            t[i] = "L"

    def strong(x: str) -> str | None:
        return "R" if x in ("R", "EN", "AN") else ("L" if x == "L" else None)

    # N0: paired brackets.
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if t[i] != "ON":
            continue
        if ch in _BRACKETS:
            stack.append(i)
        elif ch in _CLOSERS:
            for depth in range(len(stack) - 1, -1, -1):
                if text[stack[depth]] == _CLOSERS[ch]:
                    pairs.append((stack[depth], i))
                    del stack[depth:]
                    break
    for open_, close in sorted(pairs):
        inside = {strong(t[k]) for k in range(open_ + 1, close)} - {None}
        if "R" in inside:
            direction = "R"
        elif "L" in inside:
            before = next((strong(t[k]) for k in range(open_ - 1, -1, -1) if strong(t[k])), "R")
            direction = "L" if before == "L" else "R"
        else:
            continue
        t[open_] = t[close] = direction
    # N1, N2
    i = 0
    while i < n:
        if t[i] in _NEUTRAL:
            j = i
            while j < n and t[j] in _NEUTRAL:
                j += 1
            before = strong(t[i - 1]) if i else "R"
            after = strong(t[j]) if j < n else "R"
            direction = before if before == after else "R"
            for k in range(i, j):
                t[k] = direction
            i = j
        else:
            i += 1
    # I1, I2 (level 1)
    lv = [1 if x == "R" else 2 for x in t]
    # L1: separators, and whitespace before them and at the end, at the paragraph level.
    for i in range(n):
        if original[i] in ("S", "B"):
            lv[i] = 1
            k = i - 1
            while k >= 0 and original[k] in ("WS", "FSI", "LRI", "RLI", "PDI", "BN"):
                lv[k] = 1
                k -= 1
    k = n - 1
    while k >= 0 and original[k] in ("WS", "FSI", "LRI", "RLI", "PDI", "BN"):
        lv[k] = 1
        k -= 1
    return text, lv


def visual(runs: Sequence[tuple[str, bool]], word: bool = True, mirror: bool = True) -> str:
    """The characters as they stand on the line, left to right (one line, no breaks)."""
    text, lv = levels(runs, word)
    order = list(range(len(text)))
    for level in range(max(lv, default=1), 0, -1):
        i = 0
        while i < len(order):
            if lv[order[i]] >= level:
                j = i
                while j < len(order) and lv[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return "".join(_MIRROR.get(text[k], text[k]) if mirror and lv[k] % 2 else text[k] for k in order)


def plain(text: str, mirror: bool = True) -> str:
    """What Unicode's algorithm shows for the text alone in a right-to-left paragraph."""
    return visual([(text, False)], word=False, mirror=mirror)
