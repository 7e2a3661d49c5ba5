"""Seen paragraphs -> a Report: what each line of a chair's report is.

The order of a report (FORMAT.md) drives the reading: header block, title and
subject, the summary box (`ملخص`, `الإجراء المطلوب`, a rule, `المراجع`),
numbered sections, the signature, the end rule. Labels are read from the
text where they were typed and from Word's list numbering where they were
not; the paragraph-number convention is detected from the numbers.
Whatever cannot be mapped stays where it stood as an unnumbered paragraph
and is listed in `unplaced`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from cwgdraft.core import arabic, symbols
from cwgdraft.core.content import rich_piece
from cwgdraft.core.model import (
    Contribution,
    Meeting,
    MeetingMode,
    Numbering,
    OpeningRemark,
    Paragraph,
    ParagraphKind,
    Person,
    PersonRole,
    Report,
    Section,
    SectionRole,
)
from cwgdraft.formats.oxml import id_from_bookmark_name
from cwgdraft.importer.seen import Seen, SeenDocument

NBSP = "\u00a0"
_LETTERS = "\u0621-\u064a"
_TYPED_SECTION = re.compile(r"^[ \t\u00a0]*(\d{1,2})[.)]?[ \t\u00a0]*\t[ \t\u00a0]*(\S.*)$", re.S)
_TYPED_NUMBER = re.compile(r"^[ \t\u00a0]*(\d{1,3})\.(\d{1,3})\.?[ \t\u00a0]*\t[ \t\u00a0]*(.*)$", re.S)
_TYPED_NUMBER_SPACE = re.compile(r"^[ \t\u00a0]*(\d{1,3})\.(\d{1,3})\.?[ " + NBSP + r"]+(\S.*)$", re.S)
_TYPED_LETTER = re.compile(r"^[ \t\u00a0]*\(?[ \t\u00a0]*([" + _LETTERS + r"]{1,2})[ \t\u00a0]*\)[ \t\u00a0]*\t[ \t\u00a0]*(.*)$", re.S)
# Bullet glyphs typed (or inserted as a symbol-font character, `w:sym`) before a tab.
_GLYPHS = "•○●◦▪■▫□◆♦►➢➤❖✓✔\uf0b7\uf0a7"
_TYPED_GLYPH = re.compile(r"^[ \t\u00a0]*([" + _GLYPHS + r"–·o\-])[ \t\u00a0]*\t[ \t\u00a0]*(.*)$", re.S)
_SPACED_LETTER = re.compile(r"^[ \t\u00a0]*\(?([" + _LETTERS + r"])[ \u00a0]?\)[ \u00a0]+(\S.*)$", re.S)
_SPACED_GLYPH = re.compile(r"^[ \t\u00a0]*([" + _GLYPHS + r"])[ \u00a0]+(\S.*)$", re.S)
_SPACED_SECTION = re.compile(r"^[ \t\u00a0]*(\d{1,2})[.)]?[ \u00a0]+(\S[^\n\t]{0,100})$")
_RULE = re.compile(r"^[ \t]*_{3,}[ \t]*$")
_PLACEHOLDER = re.compile(r"^\[[^\[\]]{1,60}\]$")
_HINTS = {
    "دورة المجلس", "مكان الدورة وتاريخها", "بند جدول الأعمال", "رمز الوثيقة", "تاريخ الوثيقة",
    "لغة الأصل", "عنوان التقرير", "موضوع التقرير", "ملخص التقرير", "الإجراء المطلوب من المجلس",
    "مرجع", "المراجع", "عنوان القسم", "نص الفقرة", "اسم الرئيس (البلد)", "صفة الموقّع",
}  # fmt: skip
FOOTER = "• http://www.itu.int/council •"
HONORIFICS = (
    "السيد", "السيدة", "الدكتور", "الدكتورة", "الأستاذ", "الأستاذة", "المهندس", "المهندسة",
    "السفير", "السفيرة", "البروفيسور", "الشيخ", "الشيخة", "معالي", "سعادة",
)  # fmt: skip
_NAME_ONLY = re.compile(r"^(?:(" + "|".join(HONORIFICS) + r")\s+)?([^\W\d_][^()\t\n.:،؛]{1,60})$")
_SIGNATURE = re.compile(r"^(?:(" + "|".join(HONORIFICS) + r")\s+)?([^()\t\n]{2,80}?)\s*\(([^()\n]{2,80})\)\s*$")

_MONTH = "(" + "|".join(arabic.MONTHS) + ")"
_SP = r"[ \u00a0]+"
_HDR_DATE = re.compile(r"^(\d{1,2})" + _SP + _MONTH + _SP + r"(\d{4})$")
_RANGE_SAME_MONTH = re.compile(r"^(\d{1,2})-(\d{1,2})" + _SP + _MONTH + _SP + r"(\d{4})$")
_RANGE_SAME_YEAR = re.compile(r"^(\d{1,2})" + _SP + _MONTH + r" - (\d{1,2})" + _SP + _MONTH + _SP + r"(\d{4})$")
_RANGE_FULL = re.compile(
    r"^(\d{1,2})" + _SP + _MONTH + _SP + r"(\d{4}) - (\d{1,2})" + _SP + _MONTH + _SP + r"(\d{4})$"
)
# A meeting's days in running text: `12 يناير 2022`, `10 و11 أكتوبر 2016`,
# `9-19 يونيو 2020`, `31 ديسمبر 2021 - 2 يناير 2022`, `30 سبتمبر - 2 أكتوبر 2020`.
_DASH = r"\s*[-\u2010\u2011\u2013]\s*"
_MONTHS = "|".join(arabic.MONTHS)
_SPAN = re.compile(
    r"(?<!\d)(?P<d1>\d{1,2})(?:"
    + _SP + r"(?P<m1>" + _MONTHS + r")(?:" + _SP + r"(?P<y1>\d{4}))?" + _DASH + r"(?P<d2a>\d{1,2})"
    + r"|(?:" + _DASH + r"|\s*و\s*)(?P<d2b>\d{1,2}))?"
    + _SP + r"(?P<m2>" + _MONTHS + r")" + _SP + r"(?P<y2>\d{4})"
)  # fmt: skip
_ORIGINAL = re.compile(r"^(?:الأصل|Original)\s*:\s*(.+)$")
_SYMBOL = re.compile(r"^(?:الوثيقة|Document)\s+(\S+)$")
_BARE_SYMBOL = re.compile(r"^C\d{2}/[\w.\-]+$")
_SESSION = re.compile(r"^(?:المجلس|الدورة|مجلس|Council)\b.*\d{4}.*$")
_AGENDA = re.compile(r"^(?:(?:بند جدول الأعمال|Agenda item)\s*:?\s*(.+)|((?:PL|ADM|CL|PLEN|COM)\s*[\d.]+))$")
_ACRONYM = re.compile(r"(فريق العمل التابع للمجلس[^()،,.؛:\n]*?)\s*\(([A-Z][A-Z\-\u2011]+[A-Z])\)")
_GROUP = re.compile(r"(فريق العمل التابع للمجلس(?:\s+و?المعني\s+[^()،,.؛:\n]*)?)")
_PARTICIPANTS = re.compile(r"(?:نحو|حوالي|قرابة|أكثر من)?\s*(\d{1,5})\s+مشارك")
_PLATFORMS = ("Zoom", "Teams", "Webex", "Interprefy", "GoToMeeting", "Skype")
_CONTRIBUTION = re.compile(
    r"^(?:ال)?(?:وثيقة|وثائق|مساهمة)(?:\s+(?P<doc>[A-Z][\w\-\u2011/.]*\d))?\s+(?:من|مقدمة من|مقدّمة من)\s+(?P<rest>.+)$",
    re.S,
)
# Who presented a listed item that does not start `وثيقة من`: `عرض بشأن ... التي قدمها الاتحاد عن ...`.
_PRESENTED_BY = re.compile(
    r"(?:قدمها|قدّمها|قدمته|قدّمته|قدمتها|قدّمتها|يقدمها|يقدّمها|تقدمها|تقدّمها|"
    r"المقدمة من|المقدَّمة من|المقدّمة من|المقدم من|المقدَّم من|المقدّم من|مقدمة من|مقدّمة من|مقدم من)"
    r"\s+(?P<who>[^،,.:؛()]+?)(?=\s+(?:عن|في|بشأن|حول|على|إلى|من|لـ?|بغية|بهدف)\s|[،,.:؛(]|$)"
)
# The opening section's speakers (FORMAT.md: `الملاحظات الافتتاحية` / `كلمات الترحيب`). The
# paragraph's first words are `[و]verb`, then the speaker, set off by commas:
#   `افتتح الاجتماع الأمين العام للاتحاد، السيد هولين جاو، ...`       (title, then name)
#   `وأعربت مديرة مكتب تنمية الاتصالات بالاتحاد، السيدة دورين ...، ...` (title, then name)
#   `افتتح السيد مالكوم جونسون، نائب الأمين العام للاتحاد ...، ...`   (name, then title)
_HON = "(?P<hon>" + "|".join(sorted(HONORIFICS, key=len, reverse=True)) + ")"
_WORD = r"[^\W\d_][^\s\d،,.؛:()\[\]\"“”]*"
_NAME = "(?P<name>" + _WORD + r"(?:\s+" + _WORD + "){1,3})"
_TITLE = r"(?P<title>" + _WORD + r"(?:\s+" + _WORD + "){0,9})"
_VERB = r"^(?P<verb>" + _WORD + r")\s+"
_TITLE_THEN_NAME = re.compile(_VERB + r"(?:الاجتماع\s+)?" + _TITLE + r"\s*[،,]\s*" + _HON + r"\s+" + _NAME + r"\s*(?:[،,.]|$)")
_NAME_THEN_TITLE = re.compile(_VERB + _HON + r"\s+" + _NAME + r"\s*[،,]\s*" + _TITLE + r"\s*[،,]")
# The verbs that open a speaker's paragraph (without diacritics; `و` before and a feminine `ت` after allowed).
_SPEAKING_VERBS = (
    "افتتح", "استهل", "رحب", "أعرب", "ألقى", "ألقت", "أدلى", "أدلت", "قال", "أشار", "تحدث", "تكلم", "شكر",
    "أكد", "شدد", "ذكر", "هنأ", "دعا", "دعت", "أعلن", "ترأس", "نوه", "أثنى", "أثنت", "لفت", "حث", "أبرز",
)  # fmt: skip
_TASHKEEL = re.compile("[\u064b-\u0652\u0670]")


def _speaking_verb(word: str) -> bool:
    w = _TASHKEEL.sub("", word)
    for stem in _SPEAKING_VERBS:
        for form in (stem, stem + "ت"):
            if w == form or w == "و" + form:
                return True
    return False


_NAMED_AGAIN = re.compile(_VERB + _HON + r"\s+(?P<rest>\S.*)$", re.S)  # `وافتتح السيد جونسون أيضاً ...`
_BY_CHAIR = re.compile(_VERB + r"(?:(?:السيد|السيدة)\s+)?(?:الرئيس|الرئيسة)(?=[\s،,.]|$)")  # `ورحب الرئيس ...`
# The title a presenting paragraph quotes for a document: `الوثيقة المعنونة "..."`, `بعنوان "..."`, `مشروعه: "..."`.
_QUOTED_TITLE = re.compile(r'(?:المعنونة|المعنون|بعنوان|[:：])\s*["“”«]([^"“”«»\n]{3,200})["“”»]')
_SECRETARIAT = ("الاتحاد", "أمانة الاتحاد", "الأمانة", "الأمانة العامة", "الاتحاد الدولي للاتصالات", "ITU")

_ROLES = (
    ("مقدمة", SectionRole.INTRODUCTION),
    ("الافتتاحية", SectionRole.OPENING),
    ("الترحيب", SectionRole.OPENING),
    ("افتتاح", SectionRole.OPENING),
    ("جدول الأعمال", SectionRole.AGENDA),
    ("المساهمات", SectionRole.CONTRIBUTIONS),
    ("العروض", SectionRole.PRESENTATIONS),
    ("المناقشات", SectionRole.DISCUSSIONS),
    ("ما يستجد", SectionRole.OTHER_BUSINESS),
    ("أعمال أخرى", SectionRole.OTHER_BUSINESS),
    ("نتائج", SectionRole.OUTCOMES),
    ("نواتج", SectionRole.OUTCOMES),
)


_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
_SPACES = re.compile(r"[ \u00a0]+")


@lru_cache(maxsize=65536)  # the same paragraphs are folded once per contribution
def fold(text: str) -> str:
    """For matching: no-break spaces folded, bidi marks dropped, spaces collapsed."""
    return _SPACES.sub(" ", _MARKS.sub("", text)).strip()


def heading(text: str) -> str:
    """A box heading as typed, without a trailing colon: `ملخص:` is `ملخص`."""
    return fold(text).rstrip(":： ").strip()


def _ordinals() -> list[tuple[str, int]]:
    words: dict[str, int] = {}
    for n in range(1, 100):
        for word in (arabic.ordinal(n), arabic.ordinal(n, feminine=True)):
            words.setdefault(word, n)
            if word.endswith("ون"):  # the tens in the genitive/accusative: `الحادي والعشرين`
                words.setdefault(word[:-2] + "ين", n)
    return sorted(words.items(), key=lambda kv: -len(kv[0]))


_ORDINAL_WORDS = _ordinals()
_ORDINAL_RE = "(?:" + "|".join(re.escape(w) for w, _ in _ORDINAL_WORDS) + ")"
_ORDINAL_VALUE = dict(_ORDINAL_WORDS)
_MEETINGS = re.compile(
    r"(?:ل|و|ب)?(?:للاجتماعين|للاجتماعات|للاجتماع|الاجتماعين|الاجتماعان|الاجتماعات|الاجتماع|اجتماعه|اجتماعها|اجتماعيه)\s+("
    + _ORDINAL_RE
    + r"(?:\s+و"
    + _ORDINAL_RE
    + r")*)(?![\u0621-\u064a])"
)


def ordinal_numbers(phrase: str) -> list[int]:
    """`الثاني عشر والثالث عشر` -> [12, 13]."""
    out = []
    for m in re.finditer(_ORDINAL_RE + r"(?![\u0621-\u064a])", fold(phrase)):
        out.append(_ORDINAL_VALUE[m.group(0)])
    return out


def date_span(m: re.Match[str]) -> tuple[dt.date, dt.date | None] | None:
    """The first and last day of a `_SPAN` match (last None for one day); None if impossible."""
    last = m["d2a"] or m["d2b"]
    if last is None:
        day = parse_date(m["d1"], m["m2"], m["y2"])
        return (day, None) if day else None
    start = parse_date(m["d1"], m["m1"] or m["m2"], m["y1"] or m["y2"])
    end = parse_date(last, m["m2"], m["y2"])
    if start is None or end is None or end <= start:
        return None
    return start, end


def parse_date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), arabic.MONTHS.index(month) + 1, int(day))
    except ValueError:
        return None


# --- lines -------------------------------------------------------------------


@dataclass
class Line:
    text: str  # content, label removed
    raw: str  # as seen, for messages
    kind: str  # section | number | letter | bullet | plain | blank | list
    label: str = ""  # '3', '1.2' (a, b), 'أ', bullet glyph
    numbers: tuple[int, int] | None = None
    level: int = 0
    style: str = ""
    origin: str = "body"
    lead_tab: bool = False  # text: a bare leading tab (a bullet whose glyph was lost, or layout)
    seen: Seen | None = None
    typed_label: str = ""  # a label typed before a tab that is not structure here: kept in `text`


_LETTER_LABEL = re.compile(f"[{_LETTERS}]{{1,2}}")
_SECTION_LABEL = re.compile(r"\d{1,2}")
_NUMBER_LABEL = re.compile(r"(\d{1,3})\.(\d{1,3})")


def to_line(seen: Seen) -> Line:
    text = seen.text
    raw = (seen.label + "\t" if seen.label else "") + text
    style = seen.style
    base = dict(raw=raw, style=style, origin=seen.origin, level=seen.level, seen=seen)
    if seen.list_format:
        body = text
        label = seen.label.strip()
        if seen.list_format == "bullet":
            return Line(body, kind="bullet", label=label or "•", **base)
        if seen.list_format in ("none",) or not label:
            return _typed(text, base)
        core = label.strip("().-– ")
        if seen.list_format in ("arabicAbjad", "arabicAlpha") or _LETTER_LABEL.fullmatch(core):
            return Line(body, kind="letter", label=core, **base)
        if _SECTION_LABEL.fullmatch(core):
            return Line(body, kind="section", label=core, **base)
        m = _NUMBER_LABEL.fullmatch(core)
        if m:
            return Line(body, kind="number", label=core, numbers=(int(m.group(1)), int(m.group(2))), **base)
        return Line(body, kind="list", label=label, **base)
    return _typed(text, base)


def _typed(text: str, base: dict) -> Line:
    if not text.strip(" \t\u00a0\n"):
        return Line("", kind="blank", **base)
    m = _TYPED_NUMBER.match(text) or _TYPED_NUMBER_SPACE.match(text)
    if m:
        return Line(_tail(m.group(3), base), kind="number", label=f"{m.group(1)}.{m.group(2)}",
                    numbers=(int(m.group(1)), int(m.group(2))), **base)  # fmt: skip
    m = _TYPED_SECTION.match(text)
    if m and _sentence(m.group(2)):
        # `2<TAB>عقد الفريق اجتماعه ...`: a sentence is no section heading; its number stays with it.
        return Line(_tail(text, base), kind="plain", typed_label=m.group(1), **base)
    if m:
        return Line(_tail(m.group(2), base), kind="section", label=m.group(1), **base)
    # A letter typed in a presentation form (`ﻫ)`) is the letter (`ه)`).
    probe = _plain_letters(text)
    m = _TYPED_LETTER.match(probe)
    if m:
        return Line(_tail(m.group(2), base), kind="letter", label=m.group(1), **base)
    m = _SPACED_LETTER.match(probe)
    if m:
        return Line(_tail(m.group(2), base), kind="letter", label=m.group(1), **base)
    m = _SPACED_GLYPH.match(text) or _TYPED_GLYPH.match(text)
    if m:
        glyph = {"\uf0b7": "•", "\uf0a7": "▪"}.get(m.group(1), m.group(1))
        return Line(_tail(m.group(2), base), kind="bullet", label=glyph, **base)
    m = _SPACED_SECTION.match(text)
    if m and _looks_like_heading(m.group(2)):
        return Line(m.group(2).strip(" \t\u00a0"), kind="section", label=m.group(1), **base)
    m = _TYPED_GLYPH.match(text)
    if m:
        glyph = {"\uf0b7": "•", "\uf0a7": "▪"}.get(m.group(1), m.group(1))
        return Line(_tail(m.group(2), base), kind="bullet", label=glyph, **base)
    lead = text.startswith("\t") or text.startswith(" \t")
    body = text.lstrip(" \t").rstrip("\t") if base["origin"] == "text" else text
    return Line(body, kind="plain", lead_tab=lead, **base)


def _plain_letters(text: str, head: int = 6) -> str:
    """The text with presentation-form letters (U+FB50-FDFF, U+FE70-FEFF) in its first
    characters as the letters they draw: a label typed with them is still a label."""
    start = text[:head]
    if not arabic.PRESENTATION_FORMS.search(start):
        return text
    return unicodedata.normalize("NFKC", start) + text[head:]


def _sentence(text: str) -> bool:
    """Running text, not a heading: it ends with a full stop and has a few words, or is long."""
    t = text.strip(" \t\u00a0")
    words = t.split()
    return (t.endswith((".", "؛")) and len(words) >= 4) or len(words) > 20


def _looks_like_heading(text: str) -> bool:
    """`1 مقدمة`: a short title, no sentence, no date (`2 فبراير 2017`)."""
    t = text.strip()
    words = t.split()
    return (
        0 < len(words) <= 12
        and t[-1] not in ".،:؛,;"
        and words[0] not in arabic.MONTHS
        and not words[0][0].isdigit()
    )


def _tail(text: str, base: dict) -> str:
    return text.rstrip("\t") if base["origin"] == "text" else text


def _is_placeholder(text: str) -> bool:
    t = fold(text)
    return bool(_PLACEHOLDER.match(t)) and t[1:-1] in _HINTS


# --- the result ----------------------------------------------------------------


@dataclass
class Recognised:
    report: Report
    unplaced: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    found: dict[str, str] = field(default_factory=dict)  # field -> text found, for display


def _short(text: str, limit: int = 70) -> str:
    t = fold(text.replace("\n", " "))
    return t if len(t) <= limit else t[: limit - 1] + "…"


class _Reader:
    def __init__(self, doc: SeenDocument) -> None:
        self.doc = doc
        self.report = Report()
        self.unplaced: list[str] = []
        self.notes: list[str] = list(doc.notes)
        self.found: dict[str, str] = {}
        self.pending_front: list[Line] = []  # unmapped lines before the first section

    # --- header block -----------------------------------------------------------
    def header_field(self, text: str) -> bool:
        r = self.report
        t = fold(text)
        if not t:
            return True
        if _is_placeholder(t):
            return True
        m = _ORIGINAL.match(t)
        if m and not r.original_language:
            word = m.group(1).strip()
            codes = {v: k for k, v in arabic.LANGUAGES.items()}
            english = {"English": "en", "French": "fr", "Spanish": "es", "Russian": "ru", "Chinese": "zh", "Arabic": "ar"}
            r.original_language = codes.get(word) or english.get(word) or word
            self.found["original_language"] = t
            return True
        addendum = symbols.symbol_from_line(t)
        if addendum and not r.symbol:
            r.symbol = addendum
            self.found["symbol"] = t
            return True
        m = _SYMBOL.match(t)
        if m and not r.symbol:
            r.symbol = m.group(1)
            self.found["symbol"] = t
            return True
        if _BARE_SYMBOL.match(t) and not r.symbol:
            r.symbol = t
            self.found["symbol"] = t
            return True
        m = _HDR_DATE.match(t)
        if m and r.date is None:
            r.date = parse_date(*m.groups())
            if r.date is not None:
                self.found["date"] = t
                return True
        m = _AGENDA.match(t)
        if m and not r.agenda_item:
            r.agenda_item = (m.group(1) or m.group(2)).strip()
            self.found["agenda_item"] = t
            return True
        if _SESSION.match(t) and not r.council_session and "،" not in t:
            r.council_session = text.strip()
            self.found["council_session"] = t
            return True
        if "،" in t and not r.session_place and r.session_start is None:
            place, _, when = t.rpartition("،")
            span = self.date_range(when.strip())
            if span is not None:
                r.session_place = place.strip()
                r.session_start, r.session_end = span
                self.found["session"] = t
                return True
        return False

    @staticmethod
    def date_range(text: str) -> tuple[dt.date, dt.date | None] | None:
        t = fold(text)
        if m := _HDR_DATE.match(t):
            d = parse_date(*m.groups())
            return (d, None) if d else None
        if m := _RANGE_SAME_MONTH.match(t):
            a, b = parse_date(m[1], m[3], m[4]), parse_date(m[2], m[3], m[4])
            return (a, b) if a and b else None
        if m := _RANGE_SAME_YEAR.match(t):
            a, b = parse_date(m[1], m[2], m[5]), parse_date(m[3], m[4], m[5])
            return (a, b) if a and b else None
        if m := _RANGE_FULL.match(t):
            a, b = parse_date(m[1], m[2], m[3]), parse_date(m[4], m[5], m[6])
            return (a, b) if a and b else None
        return None

    # --- the whole document ---------------------------------------------------------
    def run(self) -> Recognised:
        doc = self.doc
        for seen in doc.first_header:
            line = to_line(seen)
            if line.kind == "blank":
                continue
            for piece in seen.text.split("\n"):
                if not self.header_field(piece):
                    self.unplaced.append(f"first-page header: {_short(piece)}")
                    self.pending_front.append(Line(piece.strip(), piece, "plain"))
        lines = [to_line(s) for s in doc.paragraphs]
        box = self.find_box(lines)
        first_section = next(
            (i for i, ln in enumerate(lines) if ln.kind == "section" and i >= (box[-1] if box else 0)), None
        )
        if first_section is None:
            first_section = next((i for i, ln in enumerate(lines) if self.is_heading_style(ln)), None)
        body_end, sig_index = self.find_signature(lines, first_section)
        front_end = box[0] if box else (first_section if first_section is not None else body_end)
        self.front(lines[:front_end])
        body_start = first_section
        if body_start is None:
            # No section heading: the box ends after the block of references, the rest is body.
            body_start = self.box_end(lines, box[0], body_end) if box else front_end
            if body_start < body_end:
                self.notes.append("no numbered section headings found: the text is in one untitled section")
        if box:
            self.summary_box(lines[box[0] : body_start])
        self.body(lines[body_start:body_end])
        if sig_index is not None:
            self.signature(lines[sig_index:])
        self.running_header()
        self.footer()
        self.meetings_and_group()
        self.contributions()
        self.opening_speakers()
        return Recognised(self.report, self.unplaced, self.notes, self.found)

    @staticmethod
    def is_heading_style(line: Line) -> bool:
        s = line.style.lower().replace(" ", "")
        return line.kind in ("plain", "section") and (s in ("heading1", "cwgsectionheading") or s.startswith("heading1"))

    @staticmethod
    def find_box(lines: list[Line]) -> list[int]:
        """Indexes of `ملخص`, and of the summary box's end (first line after it)."""
        start = next((i for i, ln in enumerate(lines) if ln.kind == "plain" and heading(ln.text) in ("ملخص", "ملخّص")), None)
        if start is None:
            return []
        return [start, start + 1]

    @staticmethod
    def box_end(lines: list[Line], start: int, end: int) -> int:
        refs = next((i for i in range(start, end) if heading(lines[i].text) == "المراجع"), None)
        if refs is None:
            return end
        i = refs + 1
        while i < end and lines[i].kind == "blank":
            i += 1
        while i < end and lines[i].kind != "blank" and len(lines[i].text) < 150:
            i += 1
            if lines[i - 1].origin != "text" and "box" not in lines[i - 1].style.lower():
                break
        return i

    def find_signature(self, lines: list[Line], first_section: int | None) -> tuple[int, int | None]:
        begin = first_section + 1 if first_section is not None else 0
        candidates = []
        # after[i]: how many non-blank lines follow line i; following[i]: the next one
        after = [0] * (len(lines) + 1)
        following: list[Line | None] = [None] * (len(lines) + 1)
        for i in range(len(lines) - 1, -1, -1):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            blank = nxt is None or nxt.kind == "blank"
            after[i] = after[i + 1] + (0 if blank else 1)
            following[i] = following[i + 1] if blank else nxt
        for i in range(begin, len(lines)):
            ln = lines[i]
            if ln.kind not in ("plain", "bullet") or len(ln.text) >= 200:
                continue
            t = fold(ln.text)
            if not t or len(t) >= 120:
                continue
            nxt = following[i]
            title_next = nxt is not None and fold(nxt.text).startswith("رئيس")
            styled = "signature" in ln.style.lower()
            if _SIGNATURE.match(t) and (title_next or styled or (ln.kind == "plain" and after[i] <= 3)):
                candidates.append(i)
            elif (
                _NAME_ONLY.match(t) and len(t.split()) <= 6 and (title_next or styled) and after[i] <= 5
                and not t.startswith("رئيس")  # the signature's title line (`رئيس فريق العمل ...`), not a name
            ):  # fmt: skip
                candidates.append(i)
        if not candidates:
            return len(lines), None
        return candidates[-1], candidates[-1]

    # --- front matter --------------------------------------------------------------
    def front(self, lines: list[Line]) -> None:
        blocks: list[list[Line]] = []
        current: list[Line] = []
        for ln in lines:
            if ln.kind == "blank":
                if current:
                    blocks.append(current)
                    current = []
                continue
            if ln.origin in ("footnote", "endnote"):
                self.unplaced.append(f"{ln.origin} before the summary: {_short(ln.raw)}")
                self.pending_front.append(Line(ln.raw.strip(), ln.raw, "plain"))
                continue
            if ln.seen and (ln.seen.origin in ("table", "textbox", "header") or (ln.origin != "text" and "\n" in ln.seen.text)):
                pieces = [p for p in ln.seen.text.split("\n") if p.strip()]
                rest = [p for p in pieces if not self.header_field(p)]
                if not rest:
                    continue
                if len(rest) < len(pieces):
                    for p in rest:
                        self.unplaced.append(f"header block: {_short(p)}")
                        self.pending_front.append(Line(p.strip(), p, "plain"))
                    continue
            elif "\n" not in ln.text and self.header_field(ln.seen.text if ln.seen else ln.text):
                if current:
                    blocks.append(current)
                    current = []
                continue
            if _is_placeholder(ln.text):
                if current:
                    blocks.append(current)
                    current = []
                blocks.append([ln])  # an empty field of our own export: keeps its place
                continue
            if ln.origin == "text":
                current.append(ln)
            else:
                if current:
                    blocks.append(current)
                blocks.append([ln])
                current = []
        if current:
            blocks.append(current)
        # A label typed before a line that is not structure here stays with it.
        texts = ["\n".join(_as_typed(ln) for ln in b) for b in blocks]
        styles = [b[0].style.lower() for b in blocks]
        if not any(b[0].origin == "text" for b in blocks):  # in text, blank lines part the blocks already
            texts, styles = _join_title_lines(texts, styles)
        slots = ["title", "subject"]
        for text, style in zip(texts, styles, strict=True):
            target = None
            if "subject" in style and not self.report.subject:
                target = "subject"
            elif ("title" in style or style == "source") and not self.report.title:
                # ITU's templates: `Source` holds the title (`تقرير من رئيس ...`), `Title1` what follows.
                target = "title"
            elif slots:
                target = slots[0]
            if target in slots:
                slots.remove(target)
                if not _is_placeholder(text):
                    setattr(self.report, target, text)
                    self.found[target] = _short(text)
                continue
            self.unplaced.append(f"before the summary: {_short(text)}")
            self.pending_front.append(Line(text, text, "plain"))

    def summary_box(self, lines: list[Line]) -> None:
        part = "start"
        summary: list[str] = []
        action: list[str] = []
        refs: list[str] = []
        for ln in lines:
            t = fold(ln.text)
            if ln.kind == "blank" or not t:
                if part == "refs" and refs and ln.origin == "text":
                    part = "after"  # a blank line closes the references in extracted text
                continue
            if part == "refs" and refs and len(t) > 200:
                part = "after"  # a long paragraph is no reference
            h = heading(ln.text)
            if part == "start" and h in ("ملخص", "ملخّص"):
                part = "summary"
                continue
            if h == "الإجراء المطلوب" and part != "after":
                part = "action"
                continue
            if _RULE.match(ln.text) and part != "after":
                part = "rule"
                continue
            if h == "المراجع" and part != "after":
                part = "refs"
                continue
            text = ln.raw.strip(" \t") if ln.kind not in ("plain",) else ln.text
            if _is_placeholder(text):
                continue
            if ln.origin in ("footnote", "endnote"):
                self.unplaced.append(f"{ln.origin} in the summary box: {_short(text)}")
                self.pending_front.append(Line(text, text, "plain"))
                continue
            if part == "summary":
                summary.append(text)
            elif part == "action":
                action.append(text)
            elif part == "refs":
                refs.extend(x for x in text.split("\n") if x.strip())
            elif part == "after":
                self.unplaced.append(f"after the summary box: {_short(text)}")
                self.pending_front.append(Line(text, text, "plain"))
            else:
                self.unplaced.append(f"summary box: {_short(text)}")
                self.pending_front.append(Line(text, text, "plain"))
        self.report.summary = "\n".join(summary)
        self.report.action_required = "\n".join(action)
        self.report.references = refs
        if summary:
            self.found["summary"] = _short(self.report.summary)
        if action:
            self.found["action_required"] = _short(self.report.action_required)
        if refs:
            self.found["references"] = "; ".join(_short(r, 40) for r in refs)

    # --- body ----------------------------------------------------------------------
    def body(self, lines: list[Line]) -> None:
        report = self.report
        sections = report.sections
        section: Section | None = None
        votes = {Numbering.PARAGRAPH_SECTION: 0, Numbering.SECTION_PARAGRAPH: 0}
        numbered: list[tuple[Paragraph, Line, int, int]] = []  # paragraph, line, section no, index
        section_no = 0
        count = 0
        prev_kind: ParagraphKind | None = None

        def ensure_section() -> Section:
            nonlocal section, section_no
            if section is None:
                section = Section("")
                sections.append(section)
                section_no = len(sections)
                if not any("untitled section" in n for n in self.notes):
                    self.notes.append("no section heading before the first paragraphs: they are in an untitled section")
            return section

        taken: set[str] = set()
        # The ids of the paragraphs already there, for a look-up per paragraph in constant time.
        present = {p.id for s in sections for p in s.paragraphs}

        def add(text: str, kind: ParagraphKind, line: Line | None = None) -> Paragraph:
            nonlocal prev_kind
            if line is not None and line.seen is not None and line.seen.rich is not None:
                text = rich_piece(line.seen.rich, text)  # its bold, italic, links and footnotes
            p = Paragraph(text, kind)
            carried = _carried_id(line)
            if carried and carried not in present and carried not in taken:
                p.id = carried
                taken.add(carried)
            present.add(p.id)
            ensure_section().paragraphs.append(p)
            prev_kind = kind
            return p

        for ln in lines:
            if ln.kind == "blank":
                continue
            if ln.kind == "section" or (ln.kind == "plain" and self.is_heading_style(ln) and not ln.lead_tab):
                section = Section(ln.text, _role(ln.text))
                carried = _carried_id(ln)
                if carried and carried not in taken:
                    section.id = carried
                    taken.add(carried)
                sections.append(section)
                section_no = int(ln.label) if ln.label.isdigit() else len(sections)
                if section_no != len(sections):
                    self.notes.append(f"section {ln.label} is section {len(sections)} in order: it is numbered {len(sections)}")
                    section_no = len(sections)
                count = 0
                prev_kind = None
                continue
            if ln.origin in ("footnote", "endnote"):
                add(ln.raw.strip(), ParagraphKind.UNNUMBERED, ln)
                self.unplaced.append(f"{ln.origin} in section {section_no}: {_short(ln.raw)}")
                continue
            if ln.seen is not None and ln.seen.origin == "table":
                add(ln.raw.strip(), ParagraphKind.UNNUMBERED, ln)
                self.unplaced.append(f"table cell in section {section_no}: {_short(ln.raw)}")
                continue
            if ln.kind == "number" and ln.numbers:
                count += 1
                a, b = ln.numbers
                if b == section_no and a != section_no:
                    votes[Numbering.PARAGRAPH_SECTION] += 1
                elif a == section_no and b != section_no:
                    votes[Numbering.SECTION_PARAGRAPH] += 1
                p = add(ln.text, ParagraphKind.NUMBERED, ln)
                numbered.append((p, ln, section_no, count))
                continue
            if ln.kind == "letter":
                add(ln.text, ParagraphKind.LETTERED, ln)
                continue
            if ln.kind == "bullet" or (ln.kind == "plain" and ln.lead_tab and ln.origin == "text"):
                add(ln.text, self.bullet_kind(ln, prev_kind), ln)
                continue
            if ln.kind == "list":
                text = f"{ln.label} {ln.text}".strip()
                add(text, ParagraphKind.UNNUMBERED, ln)
                self.unplaced.append(f"list item numbered {ln.label!r} in section {section_no}: {_short(ln.text)}")
                continue
            if _is_placeholder(ln.text):
                continue
            if ln.origin == "textbox":
                self.unplaced.append(f"text box in section {section_no}: {_short(ln.text)}")
            elif ln.typed_label:
                self.unplaced.append(f"numbered {ln.typed_label!r} but no heading, kept as text in section {section_no}: {_short(ln.text)}")
            add(ln.text, ParagraphKind.UNNUMBERED, ln)

        if self.pending_front:
            target = sections[0] if sections else ensure_section()
            target.paragraphs[0:0] = [Paragraph(ln.text, ParagraphKind.UNNUMBERED) for ln in self.pending_front]
        if votes[Numbering.SECTION_PARAGRAPH] > votes[Numbering.PARAGRAPH_SECTION]:
            report.numbering = Numbering.SECTION_PARAGRAPH
        else:
            report.numbering = Numbering.PARAGRAPH_SECTION
        if numbered:
            self.found["numbering"] = (
                "1.2 = section 1, paragraph 2" if report.numbering is Numbering.SECTION_PARAGRAPH
                else "1.2 = paragraph 1 of section 2"
            )  # fmt: skip
        for _p, ln, s_no, index in numbered:
            a, b = ln.numbers or (0, 0)
            expected = (s_no, index) if report.numbering is Numbering.SECTION_PARAGRAPH else (index, s_no)
            if (a, b) != expected:
                self.notes.append(f"paragraph {ln.label} is renumbered {expected[0]}.{expected[1]}")

    @staticmethod
    def bullet_kind(ln: Line, prev: ParagraphKind | None) -> ParagraphKind:
        style = ln.style.lower()
        if "sub bullet" in style:
            return ParagraphKind.SUB_BULLET
        if "lettered bullet" in style:
            return ParagraphKind.LETTERED_BULLET
        if ln.label in ("○", "o", "◦") or ln.level >= 1:
            if prev in (ParagraphKind.LETTERED, ParagraphKind.LETTERED_BULLET) and ln.level >= 1 and ln.label == "•":
                return ParagraphKind.LETTERED_BULLET
            return ParagraphKind.SUB_BULLET
        if "bullet" in style and "cwg" in style:
            return ParagraphKind.BULLET
        if prev in (ParagraphKind.LETTERED, ParagraphKind.LETTERED_BULLET):
            return ParagraphKind.LETTERED_BULLET
        return ParagraphKind.BULLET

    # --- signature and end ------------------------------------------------------------
    def signature(self, lines: list[Line]) -> None:
        first = lines[0]
        m = _SIGNATURE.match(fold(first.text)) or _NAME_ONLY.match(fold(first.text))
        sig = self.report.signature
        if m:
            sig.honorific = m.group(1) or ""
            sig.name = m.group(2).strip()
            sig.country = m.group(3).strip() if m.re is _SIGNATURE else ""
            # keep the name as typed (no-break spaces included)
            self.found["signature"] = fold(first.text)
        title: list[str] = []
        after_rule = False
        for ln in lines[1:]:
            if ln.kind == "blank":
                continue
            text = ln.raw.strip(" \t")
            if _RULE.match(ln.text):
                after_rule = True
                continue
            if _is_placeholder(text):
                continue
            if not after_rule and fold(text) != fold(FOOTER):
                title.extend(x.strip(" \t") for x in text.split("\n"))
            elif fold(text) == fold(FOOTER):
                continue
            else:
                self.unplaced.append(f"after the end rule: {_short(text)}")
                self.append_last(text)
        sig.title = "\n".join(title)
        if sig.title:
            self.found["signature_title"] = _short(sig.title)
        if sig.name:
            self.report.people.insert(
                0, Person(sig.name, honorific=sig.honorific, country=sig.country, role=PersonRole.CHAIR, title=sig.title.replace("\n", " "))
            )

    def append_last(self, text: str) -> None:
        if not self.report.sections:
            self.report.sections.append(Section(""))
        self.report.sections[-1].paragraphs.append(Paragraph(text, ParagraphKind.UNNUMBERED))

    def running_header(self) -> None:
        if self.report.symbol:
            return
        for seen in self.doc.running_header:
            first = fold(seen.text).split("\t")[0].split(" ")[0] if seen.text.strip() else ""
            if first and re.match(r"^[A-Z][\w.\-]*/[\w.\-/()]+$", first):
                self.report.symbol = first
                self.found["symbol"] = f"{first} (from the page header)"
                return

    def footer(self) -> None:
        for seen in self.doc.footer:
            t = fold(seen.text)
            if t and t != fold(FOOTER):
                self.notes.append(f"first-page footer not kept (the template writes its own): {_short(t)}")

    # --- meetings, group, contributions ----------------------------------------------
    def meetings_and_group(self) -> None:
        r = self.report
        intro = next((s for s in r.sections if s.role is SectionRole.INTRODUCTION), r.sections[0] if r.sections else None)
        intro_text = " ".join(p.text for p in intro.paragraphs) if intro else ""
        sources = [fold(intro_text), fold(r.summary), fold(r.subject.replace("\n", " ")),
                   fold(" ".join(s.title for s in r.sections))]  # fmt: skip
        numbers: list[int] = []
        for text in sources:
            for m in _MEETINGS.finditer(text):
                for n in ordinal_numbers(m.group(1)):
                    if n not in numbers:
                        numbers.append(n)
            if numbers:
                break
        meetings = [Meeting(n) for n in numbers]
        # A date after each meeting's ordinal: `اجتماعه الثاني عشر في 10 أكتوبر 2016`.
        by_number = {mt.number: mt for mt in meetings}
        for text in sources[:2]:
            for m in _MEETINGS.finditer(text):
                got = ordinal_numbers(m.group(1))
                if len(got) != 1 or got[0] not in by_number or by_number[got[0]].start is not None:
                    continue
                d = re.match(r"[^.؛]{0,40}?في\s+" + _SPAN.pattern, text[m.end() :])
                span = date_span(d) if d else None
                if span:
                    by_number[got[0]].start, by_number[got[0]].end = span
        # Else the dates after `عُقد في` / `عُقدا في`, in order.
        if meetings and any(mt.start is None for mt in meetings):
            for text in sources[:2]:
                m = re.search(r"(?:عُقد|عقد|عُقدا|عقدا)[^.؛]{0,20}?في\s+(.{0,80})", text)
                if not m:
                    continue
                spans = [date_span(d) for d in _SPAN.finditer(m.group(1))]
                dates = [d for d in spans if d]
                for meeting, (start, end) in zip([mt for mt in meetings if mt.start is None], dates, strict=False):
                    meeting.start, meeting.end = start, end
                if all(mt.start for mt in meetings):
                    break
        t = fold(intro_text)
        online = any(w in t for w in ("عبر الإنترنت", "افتراضي", "عن بُعد", "عن بعد")) or any(p in t for p in _PLATFORMS)
        in_person = any(w in t for w in ("حضورياً", "حضوريا", "بمقر", "في مقر"))
        mode = MeetingMode.HYBRID if online and in_person else MeetingMode.ONLINE if online else MeetingMode.IN_PERSON
        mode_text = t
        if "حضورياً وعن بُعد" in t or "حضوريا وعن بعد" in t:
            mode = MeetingMode.HYBRID
        elif "عبر الإنترنت" in t and not in_person:
            mode = MeetingMode.ONLINE
        platform = next((p for p in _PLATFORMS if p in mode_text), "")
        venue = ""
        if m := re.search(r"(?:بمقر|في مقر)\s+([^.،؛]{3,60}?)(?:[.،؛]|$)", t):
            venue = ("مقر " + m.group(1)).strip()
        participants = None
        if m := _PARTICIPANTS.search(t):
            participants = int(m.group(1))
        for meeting in meetings:
            meeting.mode = mode
            meeting.platform = platform if mode is not MeetingMode.IN_PERSON else ""
            meeting.venue = venue
            meeting.participants = participants
        r.meetings = meetings
        if meetings:
            self.found["meetings"] = ", ".join(
                f"{mt.number}" + (f" ({mt.start.isoformat()})" if mt.start else "") for mt in meetings
            ) + f"; {mode.value}" + (f", {platform}" if platform and mode is not MeetingMode.IN_PERSON else "")
        # The group: `فريق العمل التابع للمجلس ... (CWG-COP)`.
        for text in (fold(intro_text), fold(r.summary)):
            if m := _ACRONYM.search(text):
                r.group.name = m.group(1).strip()
                r.group.acronym = m.group(2).replace("\u2011", "-")
                break
        if not r.group.name:
            for text in (fold(r.summary), fold(intro_text)):
                if m := _GROUP.search(text):
                    r.group.name = m.group(1).strip()
                    break
        if r.group.name:
            self.found["group"] = r.group.name + (f" ({r.group.acronym})" if r.group.acronym else "")

    def contributions(self) -> None:
        """The documents of the list: `وثيقة من X: Y` items anywhere; in the
        contributions section every list item that is not a group heading (a
        heading ends with a colon, starts `وثائق`, or has deeper items under it)."""
        r = self.report
        meeting_id = r.meetings[0].id if len(r.meetings) == 1 else None
        items = (ParagraphKind.BULLET, ParagraphKind.SUB_BULLET, ParagraphKind.LETTERED_BULLET)
        for section in r.sections:
            in_list = section.role is SectionRole.CONTRIBUTIONS
            group = ""  # the bullet a `○` item stands under: `وثائق ... يقدمها أعضاء الاتحاد`
            paragraphs = section.paragraphs
            for i, p in enumerate(paragraphs):
                if p.kind not in items:
                    group = ""
                    continue
                text = p.text.strip()
                m = _CONTRIBUTION.match(text)
                heading = _is_group_heading(p, paragraphs[i + 1] if i + 1 < len(paragraphs) else None)
                if p.kind is ParagraphKind.BULLET and (heading or not m):
                    group = text if heading else ""
                if m:
                    rest = m["rest"].strip()
                    source, sep, title = rest.partition(": ")
                    if not sep:  # no title given: the one the presenting paragraph quotes, else none
                        source, title = rest, self.quoted_title(rest)
                    document = (m["doc"] or "").replace("\u2011", "-")
                elif in_list and not heading:
                    who = _PRESENTED_BY.search(fold(text))
                    source, title, document = (who["who"].strip() if who else ""), text, ""
                else:
                    continue
                source = source.strip()
                category = ""
                if p.kind is ParagraphKind.SUB_BULLET and group:
                    if "شركاؤه" in group or "شركاء" in group:
                        category = "partner"
                    elif "أعضاء" in group or "الدول الأعضاء" in group:
                        category = "member_state"
                if not category and source in _SECRETARIAT:
                    category = "secretariat"
                r.contributions.append(
                    Contribution(title.strip(), document=document, source=source, category=category,
                                 meeting_id=meeting_id, paragraph_id=p.id)
                )  # fmt: skip
        if r.contributions:
            self.found["contributions"] = f"{len(r.contributions)} from the list of documents"

    def quoted_title(self, source: str) -> str:
        """The title quoted for `source`'s document by the one paragraph of the
        presentations or discussions that names `source`; "" if none or several."""
        want = fold(source)
        if len(want) < 3:
            return ""
        naming = [
            p for s in self.report.sections if s.role in (SectionRole.PRESENTATIONS, SectionRole.DISCUSSIONS)
            for p in s.paragraphs if want in fold(p.text)
        ]  # fmt: skip
        if len(naming) != 1:
            return ""
        m = _QUOTED_TITLE.search(naming[0].text)
        return m.group(1).strip() if m else ""

    def opening_speakers(self) -> None:
        """The opening section's speakers and their remarks: a person only where the
        paragraph names one clearly (honorific, name, the function beside it); a
        speaker named again (`السيد جونسون`) or the chair (`ورحب الرئيس`) is linked,
        nothing created. Any other paragraph links nobody."""
        r = self.report
        chair = next((person for person in r.people if person.role is PersonRole.CHAIR), None)
        for section in r.sections:
            if section.role is not SectionRole.OPENING:
                continue
            for p in section.paragraphs:
                sentence = re.split(r"[.؟!]\s", fold(p.text) + " ", maxsplit=1)[0].strip()
                speaker = self.speaker(sentence, chair)
                if speaker is not None:
                    r.opening_remarks.append(OpeningRemark(speaker.id, p.id))

    def speaker(self, sentence: str, chair: Person | None) -> Person | None:
        people = self.report.people
        verb = sentence.split(" ", 1)[0]
        if chair is not None and _BY_CHAIR.match(sentence):
            return chair
        if not _speaking_verb(verb):
            return None
        for pattern in (_TITLE_THEN_NAME, _NAME_THEN_TITLE):
            m = pattern.match(sentence)
            if m and _function(m["title"]):
                name = m["name"].strip()
                known = next((person for person in people if person.name == name), None)
                if known is not None:
                    return known
                person = Person(name, honorific=m["hon"], role=PersonRole.OPENING_SPEAKER, title=m["title"].strip())
                people.append(person)
                return person
        m = _NAMED_AGAIN.match(sentence)
        if m:
            words = m["rest"].split()
            for person in people:
                parts = person.name.split()
                if parts and (words[: len(parts)] == parts or words[0].strip("،,.") == parts[-1]):
                    return person
        return None


_NOT_A_FUNCTION = {"على", "عن", "في", "إلى", "من", "مع", "أن", "بأن", "إن", "كما", "حول", "بشأن", "الكلمة", "أيضاً", "أيضا"}


def _as_typed(ln: Line) -> str:
    """A line as typed: with its label when it has one."""
    return ln.raw.strip(" \t") if ln.kind in ("number", "letter", "section", "list") else ln.text


_TITLE_START = re.compile(r"^(?:تقرير|Report)\b")
_SUBJECT_START = re.compile(r"^(?:نتائج|نواتج|حصيلة|ملخص|الاجتماع|اجتماع|Outcomes?|Results?)\b")
_TITLE_STYLES = ("title", "subject", "source")
# How the second line of a title or subject begins: it goes on with the group's name.
_CONTINUES = re.compile(r"^(?:و?المعني|و?التابع|على|في|بشأن|حول|لفريق|للفريق|للمجلس|لحماية|بحماية)\b")


def _join_title_lines(texts: list[str], styles: list[str]) -> tuple[list[str], list[str]]:
    """A title or subject typed over several paragraphs is one, its lines kept.

    A paragraph continues the one before it when both have the same style and
    it starts neither a title (`تقرير ...`) nor a subject (`نتائج ...`): in a
    title style always; in another only a short line that goes on with the
    group's name (`المعني بحماية ...`), after a title or subject line that ends
    no sentence."""
    out_texts: list[str] = []
    out_styles: list[str] = []
    lines: list[int] = []
    for text, style in zip(texts, styles, strict=True):
        t = fold(text)
        # A title's line holds no tab: a line with one is labelled or laid out otherwise.
        starts = bool(_TITLE_START.match(t) or _SUBJECT_START.match(t)) or "\t" in text
        if out_texts and style == out_styles[-1] and not starts:
            before = fold(out_texts[-1])
            titled = any(s in style for s in _TITLE_STYLES)
            opened = bool(_TITLE_START.match(before) or _SUBJECT_START.match(before))
            if titled or (
                opened and lines[-1] < 3 and len(t.split()) <= 12 and not before.endswith((".", ":", "؛", "،"))
                and bool(_CONTINUES.match(t))
                and not _is_placeholder(text) and not _is_placeholder(out_texts[-1])
            ):  # fmt: skip
                out_texts[-1] += "\n" + text
                lines[-1] += 1
                continue
        out_texts.append(text)
        out_styles.append(style)
        lines.append(1)
    return out_texts, out_styles


def _function(title: str) -> bool:
    """A function beside a name (`الأمين العام للاتحاد`), not the rest of a sentence
    (`على أهمية التعاون`): no honorific in it, and not starting with a particle."""
    words = title.split()
    return bool(words) and words[0] not in _NOT_A_FUNCTION and not any(w in HONORIFICS for w in words)


def _is_group_heading(p: Paragraph, following: Paragraph | None) -> bool:
    """A list item that heads a group of documents, not a document itself."""
    text = fold(p.text)
    deeper = {
        ParagraphKind.BULLET: (ParagraphKind.SUB_BULLET,),
        ParagraphKind.LETTERED_BULLET: (),
        ParagraphKind.SUB_BULLET: (),
    }[p.kind]
    return text.endswith((":", "：")) or text.startswith("وثائق ") or (following is not None and following.kind in deeper)


def _role(title: str) -> SectionRole:
    t = fold(title)
    for word, role in _ROLES:
        if word in t:
            return role
    return SectionRole.OTHER


def recognise(doc: SeenDocument) -> Recognised:
    return _Reader(doc).run()


def _carried_id(line: Line | None) -> str | None:
    """The paragraph or section id an exported file carried in a `cwg_` bookmark."""
    if line is None or line.seen is None:
        return None
    for name in line.seen.bookmarks:
        found = id_from_bookmark_name(name)
        if found:
            return found
    return None
