"""The Arabic typography check: what a careful editor of an ITU Arabic text
would mark, each finding with where it is and the text that fixes it.

- a Latin comma, semicolon or question mark inside Arabic (`,` `;` `?` for
  `،` `؛` `؟`);
- a space before punctuation; two spaces or more;
- a bracket or quotation mark not closed, or closed without being opened;
- Arabic-Indic and Western digits mixed in one text;
- an ordinary hyphen in an acronym the report otherwise writes with a
  non-breaking one (`CWG-COP` where the report writes `CWG‑COP`);
- tatweel; presentation-form letters (text copied from a PDF);
- the group's name spelled otherwise than the report's fact says.

Texts are read through `plaintext.paragraph_text`; no Qt here.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from cwgdraft.core import folding
from cwgdraft.core.model import Report
from cwgdraft.core.plaintext import report_texts

NBH = "\u2011"
ARABIC_PUNCTUATION = {",": "،", ";": "؛", "?": "؟"}
_ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
_PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
_WESTERN = "0123456789"
_TO_WESTERN = str.maketrans(_ARABIC_INDIC + _PERSIAN, _WESTERN * 2)
_TO_ARABIC = str.maketrans(_WESTERN + _PERSIAN, _ARABIC_INDIC * 2)
PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»", "‹": "›"}
# Curly quotes pair in either order: Arabic text often opens with ” (the glyph a right-to-left reader sees open).
QUOTE_FAMILIES = ('"', "“”")
CLOSERS = {v: k for k, v in PAIRS.items()}

_LATIN_PUNCT = re.compile(r"[,;?]")
_SPACE_BEFORE = re.compile(r"(?<=\S)[ \u00a0]+(?=[،؛؟.,;:!?)\]»](?!\d))")
_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
_TATWEEL = re.compile("\u0640+")
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")
_DIGITS = re.compile(r"[0-9]+|[٠-٩۰-۹]+")
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z0-9]*(?:[-\u2011][A-Z0-9][A-Za-z0-9]*)+\b")


@dataclass(frozen=True)
class Finding:
    """One thing to correct in one text.

    `path` names the text as the check before export names fields
    (`sections[2].paragraphs[3]`, `report.title`, `sections[1].title`),
    `source` the paragraph or section id (or the field), `start`/`end` the
    characters concerned; `fix` replaces them (None: no fix can be guessed).
    """

    code: str
    message: str
    start: int
    end: int
    fix: str | None
    path: str = ""
    source: str = ""
    where: str = ""  # in Arabic: `الفقرة 1.2`, `عنوان التقرير`
    found: str = ""  # the characters concerned, as written

    @property
    def label(self) -> str:
        """One line for a list: where, what, and the fix."""
        text = f"{self.where}: {self.message}" if self.where else self.message
        return text


@dataclass
class Context:
    """What the report says elsewhere that decides a finding in one text."""

    nbh_acronyms: set[str] = field(default_factory=set)  # written with U+2011 somewhere, in `-` form
    group_name: str = ""


def _letter_direction(char: str) -> str:
    bidi = unicodedata.bidirectional(char)
    if bidi in ("R", "AL"):
        return "R"
    if bidi == "L":
        return "L"
    return ""


def _previous_strong(text: str, index: int) -> str:
    for i in range(index - 1, -1, -1):
        d = _letter_direction(text[i])
        if d:
            return d
    return ""


def _next_strong(text: str, index: int) -> str:
    for i in range(index + 1, len(text)):
        d = _letter_direction(text[i])
        if d:
            return d
    return ""


def _latin_punctuation(text: str) -> Iterator[Finding]:
    for m in _LATIN_PUNCT.finditer(text):
        i = m.start()
        before, after = _previous_strong(text, i), _next_strong(text, i)
        # `1,000`: a separator between digits is a number's.
        if 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            continue
        if before == "R" or (before == "" and after == "R"):
            char = m.group()
            yield Finding("latin_punctuation",
                          f"«{char}» لاتينية في نص عربي: تُكتب «{ARABIC_PUNCTUATION[char]}»",
                          i, i + 1, ARABIC_PUNCTUATION[char], found=char)


def _space_before_punctuation(text: str) -> Iterator[Finding]:
    for m in _SPACE_BEFORE.finditer(text):
        mark = text[m.end()]
        yield Finding("space_before_punctuation", f"مسافة قبل «{mark}»: تُحذف", m.start(), m.end(), "", found=m.group())


def _double_spaces(text: str) -> Iterator[Finding]:
    for m in _DOUBLE_SPACE.finditer(text):
        yield Finding("double_space", "مسافتان أو أكثر: تكفي مسافة واحدة", m.start(), m.end(), " ", found=m.group())


def _brackets(text: str) -> Iterator[Finding]:
    stack: list[tuple[str, int]] = []
    for i, char in enumerate(text):
        if char in PAIRS:
            stack.append((char, i))
        elif char in CLOSERS:
            if stack and stack[-1][0] == CLOSERS[char]:
                stack.pop()
            else:
                yield Finding("unbalanced", f"«{char}» يُغلق ما لم يُفتح: يُحذف أو يُضاف ما يفتحه",
                              i, i + 1, "", found=char)
    for char, i in stack:
        yield Finding("unbalanced", f"«{char}» لا يُغلق: يُضاف «{PAIRS[char]}» أو يُحذف هو", i, i + 1, "", found=char)
    for family in QUOTE_FAMILIES:
        quotes = [i for i, char in enumerate(text) if char in family]
        if len(quotes) % 2:
            i = quotes[-1]
            yield Finding("unbalanced", f"علامة تنصيص «{text[i]}» بلا نظير: تُحذف أو يُضاف نظيرها",
                          i, i + 1, "", found=text[i])


def _mixed_digits(text: str) -> Iterator[Finding]:
    runs = list(_DIGITS.finditer(text))
    western = [m for m in runs if m.group()[0] in _WESTERN]
    eastern = [m for m in runs if m.group()[0] not in _WESTERN]
    if not western or not eastern:
        return
    # The fewer are the odd ones out; a tie goes to Western digits, as the council's reports write them.
    if len(eastern) <= len(western):
        odd, table, name = eastern, _TO_WESTERN, "أرقام هندية بين أرقام عربية (0-9)"
    else:
        odd, table, name = western, _TO_ARABIC, "أرقام عربية (0-9) بين أرقام هندية"
    for m in odd:
        yield Finding("mixed_digits", f"{name}: تُكتب «{m.group().translate(table)}»",
                      m.start(), m.end(), m.group().translate(table), found=m.group())


def _hyphen_in_acronym(text: str, context: Context) -> Iterator[Finding]:
    if not context.nbh_acronyms:
        return
    for m in _ACRONYM.finditer(text):
        word = m.group()
        if "-" in word and word.replace(NBH, "-") in context.nbh_acronyms:
            fixed = word.replace("-", NBH)
            yield Finding("acronym_hyphen",
                          f"«{word}» بشرطة عادية والتقرير يكتبه بشرطة غير فاصلة (U+2011) فلا ينقسم بين سطرين",
                          m.start(), m.end(), fixed, found=word)


def _tatweel(text: str) -> Iterator[Finding]:
    for m in _TATWEEL.finditer(text):
        yield Finding("tatweel", "تطويل (ـ): يُحذف", m.start(), m.end(), "", found=m.group())


def _presentation_forms(text: str) -> Iterator[Finding]:
    for m in _PRESENTATION.finditer(text):
        fixed = unicodedata.normalize("NFKC", m.group())
        yield Finding("presentation_forms",
                      "حروف بأشكال العرض (منسوخة من PDF غالباً): لا يجدها البحث ولا المدقق، تُكتب حروفاً عادية",
                      m.start(), m.end(), fixed, found=m.group())


_SPACES = re.compile(r"\s+")


def _group_name(text: str, context: Context) -> Iterator[Finding]:
    name = _SPACES.sub(" ", context.group_name.strip())
    words = name.split(" ")
    if len(words) < 3:
        return
    target = folding.fold(name)
    # Windows of the text that start like the name (its first two words, folded) and are about as long.
    head = folding.fold(" ".join(words[:2]))
    folded = folding.fold_with_offsets(text)
    spans = [(m.start(), m.end()) for m in re.finditer(r"\w+", folded.text)]
    i = 0
    while i < len(spans):
        if not folded.text.startswith(head, spans[i][0]):
            i += 1
            continue
        best: tuple[float, int] | None = None
        for n in range(max(2, len(words) - 2), len(words) + 3):
            if i + n > len(spans):
                break
            candidate = folded.text[spans[i][0] : spans[i + n - 1][1]]
            ratio = difflib.SequenceMatcher(None, candidate, target, autojunk=False).ratio()
            if best is None or ratio > best[0]:
                best = (ratio, n)
        if best is None or best[0] < 0.85:
            i += 1
            continue
        ratio, n = best
        start = folded.origin[spans[i][0]]
        end = folded.origin[spans[i + n - 1][1] - 1] + 1
        written = text[start:end]
        if _SPACES.sub(" ", written) != name:
            yield Finding("group_name", f"اسم الفريق مكتوب بغير ما في بيانات التقرير: «{name}»",
                          start, end, context.group_name.strip(), found=written)
        i += n


def check_text(text: str, context: Context | None = None) -> list[Finding]:
    """The findings in one text, in the order of the text."""
    context = context or Context()
    found: list[Finding] = []
    for rule in (_latin_punctuation, _space_before_punctuation, _double_spaces, _brackets, _mixed_digits,
                 _tatweel, _presentation_forms):
        found.extend(rule(text))
    found.extend(_hyphen_in_acronym(text, context))
    found.extend(_group_name(text, context))
    return sorted(found, key=lambda f: (f.start, f.end, f.code))


def context_of(report: Report) -> Context:
    acronyms: set[str] = set()
    texts = [t for *_rest, t in report_texts(report)] + [report.group.acronym]
    for text in texts:
        for m in _ACRONYM.finditer(text):
            if NBH in m.group():
                acronyms.add(m.group().replace(NBH, "-"))
    return Context(acronyms, report.group.name)


def check_report(report: Report) -> list[Finding]:
    """Every finding in the report's texts, in the order of the report."""
    context = context_of(report)
    out: list[Finding] = []
    for path, source, where, text in report_texts(report):
        for f in check_text(text, context):
            out.append(Finding(f.code, f.message, f.start, f.end, f.fix, path, source, where, f.found))
    return out


def apply_fixes(text: str, findings: list[Finding]) -> str:
    """`text` with every finding that has a fix fixed, from the end so that offsets hold;
    of findings that overlap, the first one fixed wins."""
    from cwgdraft.core.content import edit_spans

    plain = str(text)
    limit = len(plain) + 1
    edits: list[tuple[int, int, str]] = []
    for finding in sorted(findings, key=lambda f: (f.start, f.end), reverse=True):
        if finding.fix is None or finding.end > limit:
            continue
        if plain[finding.start : finding.end] == finding.found and finding.fix != finding.found:
            edits.append((finding.start, finding.end, finding.fix))
            limit = finding.start
    # Text with fields is edited inline by inline: a fix never breaks a field.
    return edit_spans(text, edits)[0]


def apply_fix(text: str, finding: Finding) -> str:
    """`text` with the finding fixed; unchanged if the text no longer holds what was found there."""
    if finding.fix is None or text[finding.start : finding.end] != finding.found:
        return text
    return text[: finding.start] + finding.fix + text[finding.end :]
