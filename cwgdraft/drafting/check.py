"""The check before export: the same findings for the app and the command line.

- required fields that are empty (`core.checks.missing_fields`);
- facts that are missing, so that a field shows its name in brackets
  (`[تاريخ الاجتماع]`), and placeholders of empty fields;
- fields that resolve to nothing: an unknown fact, a contribution that is gone;
- facts that contradict each other: a sentence that names another meeting
  number, or a date other than the meetings' in the summary, the subject or
  the introduction; a contribution listed but never presented, or presented
  but not listed.

Each finding says where (`الفقرة 1.4`, `الملخص`), what, and carries the place
the app's "go to" opens (`source`, as the document model names it).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from cwgdraft.core import arabic, documents, facts
from cwgdraft.core.checks import bidi_control_places, missing_fields
from cwgdraft.core.content import inlines_of
from cwgdraft.core.model import Report
from cwgdraft.formats.docmodel import Block, Document
from cwgdraft.formats.render import Template, render


class Finding(NamedTuple):
    """One thing to put right before export.

    `path` and `source` are as in `core.checks.MissingField` (the app goes
    there); `label` is the Arabic line shown to the user; `code` the kind
    (`missing_field`, `missing_fact`, `placeholder`, `unknown_field`,
    `other_meeting`, `other_date`, `not_presented`, `not_listed`);
    `blocking`: a finding of something missing (the others are warnings)."""

    path: str
    label: str
    source: str
    code: str
    blocking: bool = True


_PLACES = {
    "report.title": "العنوان",
    "report.subject": "الموضوع",
    "report.summary": "الملخص",
    "report.action_required": "الإجراء المطلوب",
    "report.signature": "التوقيع",
    "report.signature.title": "صفة الموقّع",
    "report.symbol": "رمز الوثيقة",
    "report.date": "تاريخ الوثيقة",
    "report.council_session": "دورة المجلس",
    "report.session_place": "مكان الدورة وتاريخها",
    "report.agenda_item": "بند جدول الأعمال",
    "report.original_language": "لغة الأصل",
}


def _where(block: Block, headings: dict[str, str]) -> str:
    if block.source in _PLACES:
        return _PLACES[block.source]
    if block.source.startswith("report.references"):
        return "المراجع"
    if block.style == "section_heading":
        return f"عنوان القسم {block.label}"
    if block.label:
        return f"الفقرة {block.label}"
    return f"فقرة في القسم {headings.get(block.source, '')}".strip()


# `الاجتماع <ordinal>`, `اجتماعه <ordinal>`: a word, or two (`الحادي عشر`, `الحادي والعشرون`),
# not followed by more of the number; which number it is, a look-up says. The words are
# looked at ahead, not taken: `الثالث والاجتماع الرابع` holds a second meeting word.
_ORDINAL_AFTER_MEETING = re.compile(
    "(?:الاجتماع|للاجتماع|بالاجتماع|اجتماعه|الاجتماعين|للاجتماعين|بالاجتماعين|الاجتماعان)[ \u00a0]"
    "(?=([\u0621-\u064a]+(?:[ \u00a0](?:عشر|و[\u0621-\u064a]+))?)(?![\u0621-\u064a]|[ \u00a0](?:عشر|و)))"
)


@cache
def _ordinal_numbers() -> dict[str, int]:
    """Every ordinal word of a meeting number (both cases) -> the number, made once."""
    return {word: n for n in range(1, MAX_ORDINAL + 1) for word in (arabic.ordinal(n), arabic.ordinal(n, oblique=True))}


def _other_meeting(text: str, own: set[int]) -> int | None:
    """The highest meeting number `text` names that is not one of `own`."""
    numbers = _ordinal_numbers()
    found = (numbers.get(m.group(1).replace("\u00a0", " ")) for m in _ORDINAL_AFTER_MEETING.finditer(text))
    others = [n for n in found if n is not None and n not in own]
    return max(others) if others else None


MAX_ORDINAL = 99
_DATE = re.compile(r"\b(\d{1,2})[ \u00a0](" + "|".join(arabic.MONTHS) + r")[ \u00a0](\d{4})\b")


def check_report(report: Report, template: Template | None = None) -> list[Finding]:
    """Every finding, in the order of the report."""
    return prepare_export(report, template)[0]


def prepare_export(report: Report, template: Template | None = None) -> tuple[list[Finding], Report, Document]:
    """Every finding; the report as exported (the list of documents following
    the contributions: a copy when that changes it); and that report rendered."""
    report = documents.as_exported(report)
    out: list[Finding] = []
    for m in missing_fields(report):
        out.append(Finding(m.path, m.label, m.source, "missing_field"))
    document = render(report, template)
    headings: dict[str, str] = {}
    section_no = ""
    for block in document.blocks:
        if block.style == "section_heading":
            section_no = block.label
        elif block.source:
            headings[block.source] = section_no
    blocks = [*document.header_start, *document.header_end, *document.blocks]
    known_sources = {m.source for m in out}
    own_numbers = {m.number for m in report.meetings}
    introduction = _introduction_ids(report)
    own_dates = {(m.start.day, arabic.MONTHS[m.start.month - 1], m.start.year) for m in report.meetings if m.start}
    own_dates |= {(m.end.day, arabic.MONTHS[m.end.month - 1], m.end.year) for m in report.meetings if m.end}
    for block in blocks:
        where = _where(block, headings)
        if block.placeholder and block.source not in known_sources:
            out.append(Finding(block.source, f"{where}: فارغ {block.text}", block.source, "placeholder"))
        for span in block.missing:
            if span.name not in facts.FACTS:
                label = f"{where}: حقل غير معروف «{span.name}»"
                out.append(Finding(block.source, label, block.source, "unknown_field"))
            elif facts.FACTS[span.name].per_contribution and not any(c.id == span.ref for c in report.contributions):
                out.append(Finding(block.source, f"{where}: {block.text[span.start:span.end]} لمساهمة محذوفة",
                                   block.source, "unknown_field"))
            else:
                out.append(Finding(block.source, f"{where}: {block.text[span.start:span.end]} ناقص",
                                   block.source, "missing_fact"))
        for note in block.notes:  # a fact a footnote states is as missing as one in the text
            for span in note.fields:
                if span.missing:
                    out.append(Finding(block.source, f"{where}: {note.text[span.start:span.end]} ناقص في الحاشية",
                                       block.source, "missing_fact"))
        typed = _typed_text(block)
        n = _other_meeting(typed, own_numbers) if report.meetings else None
        if n is not None:
            out.append(Finding(block.source, f"{where}: يذكر {arabic.meetings_phrase([n])} وليس اجتماعات هذا التقرير",
                               block.source, "other_meeting", blocking=False))
        if own_dates and (block.source in ("report.summary", "report.subject") or block.source in introduction):
            for m in _DATE.finditer(typed):
                day, month, year = int(m.group(1)), m.group(2), int(m.group(3))
                if own_dates and (day, month, year) not in own_dates:
                    out.append(Finding(block.source, f"{where}: تاريخ «{m.group(0)}» ليس من تواريخ الاجتماعات",
                                       block.source, "other_date", blocking=False))
    out += _list_findings(report)
    for path, source, places in bidi_control_places(report):
        codes = ", ".join(f"U+{ord(ch):04X}" for _at, ch in places[:3]) + (" …" if len(places) > 3 else "")
        out.append(Finding(path, f"رموز تحكم في اتجاه النص في {path}: {codes} (تبقى كما كُتبت وتُغلق في نهاية الحقل)",
                           source, "bidi_control", blocking=False))
    return out, report, document


def _typed_text(block: Block) -> str:
    """The block's text outside its fields: what the drafter typed (fields are right by construction)."""
    if not block.fields:
        return block.text
    pieces, at = [], 0
    for span in block.fields:
        pieces.append(block.text[at : span.start])
        pieces.append(" \u2063 ")  # keeps words on both sides of a field apart
        at = span.end
    pieces.append(block.text[at:])
    return "".join(pieces)


def _introduction_ids(report: Report) -> set[str]:
    """The ids of the introduction's paragraphs (looked up once, not per block)."""
    section = next((s for s in report.sections if s.role.value == "introduction"), None)
    return {p.id for p in section.paragraphs} if section is not None else set()


def _list_findings(report: Report) -> list[Finding]:
    section = documents.documents_section(report)
    if section is None or not any(p.standard in documents.LIST_STANDARDS for p in section.paragraphs):
        return []
    listed = documents.listed_ids(report)
    # A list item in the drafter's own words still lists its contribution when a field names it.
    for p in report.all_paragraphs():
        for item in inlines_of(p.text):
            ref = getattr(item, "ref", "")
            if ref:
                listed.add(ref)
    out = []
    for i, c in enumerate(report.contributions):
        name = c.source or c.title or f"المساهمة {i + 1}"
        if c.id in listed and c.paragraph_id is None:
            out.append(Finding(f"contributions[{i}].paragraph_id", f"المساهمات: «{name}» مدرجة في قائمة الوثائق ولم تُعرض",
                               c.id, "not_presented", blocking=False))
        if c.paragraph_id is not None and c.id not in listed:
            out.append(Finding(f"contributions[{i}]", f"المساهمات: «{name}» عُرضت وليست في قائمة الوثائق",
                               c.id, "not_listed", blocking=False))
    return out
