"""The checks' messages in the language of the interface.

`cwgdraft.core.checks` says in Arabic what is missing (`MissingField.label`)
and why a value is refused. The app shows those Arabic sentences as they are
in the Arabic interface (they name meetings by their ordinal words, as the
report does); in any other language it words the same facts itself, from the
field's path (`report.symbol`, `meetings[0].start`, `sections[2].paragraphs[3]`)
and the report, with translatable strings.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtWidgets import QApplication

from cwgdraft.core.model import ParagraphKind, Report
from cwgdraft.gui.i18n import N_, fill, t

# Whole-field paths: the field's name.
FIELD_NAMES = {
    "report.symbol": N_("رمز الوثيقة"),
    "report.date": N_("تاريخ الوثيقة"),
    "report.title": N_("عنوان التقرير"),
    "report.summary": N_("الملخص"),
    "report.action_required": N_("الإجراء المطلوب"),
    "meetings": N_("اجتماع واحد على الأقل بتاريخه"),
    "signature.name": N_("اسم الموقّع (الرئيس)"),
}

# What an empty paragraph is called, by kind: %1 its number (or place), %2 its section.
EMPTY_PARAGRAPH = {
    ParagraphKind.NUMBERED: N_("نص الفقرة %1 في القسم %2"),
    ParagraphKind.UNNUMBERED: N_("نص الفقرة غير المرقّمة %1 في القسم %2"),
    ParagraphKind.BULLET: N_("نص بند التعداد %1 في القسم %2"),
    ParagraphKind.SUB_BULLET: N_("نص البند الفرعي %1 في القسم %2"),
    ParagraphKind.LETTERED: N_("نص البند المرقّم بحرف %1 في القسم %2"),
    ParagraphKind.LETTERED_BULLET: N_("نص بند التعداد تحت بند بحرف %1 في القسم %2"),
}

# Patterns, compiled (and kept by `re`) when first used rather than at start.
_MEETING = r"meetings\[(\d+)\]\.(\w+)"
_SECTION = r"sections\[(\d+)\]\.title"
_PARAGRAPH = r"sections\[(\d+)\]\.paragraphs\[(\d+)\]"


def arabic_interface() -> bool:
    app = QApplication.instance()
    lang = app.property("cwgdraft_lang") if app is not None else None
    return not lang or str(lang) == "ar"




def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def missing_label(report: Report, path: str, label: str) -> str:
    """What to fill in at `path`, in the language of the interface (`label`: the check's Arabic)."""
    if arabic_interface():
        return label
    if path in FIELD_NAMES:
        if path == "report.summary" and report.summary.strip():
            return t("تاريخ الاجتماع في الملخص")  # a new report's summary waits for the new date
        return t(FIELD_NAMES[path])
    m = re.fullmatch(_MEETING, path)
    if m and int(m.group(1)) < len(report.meetings):
        meeting = report.meetings[int(m.group(1))]
        attr = m.group(2)
        if attr == "number":
            return fill(N_("رقم الاجتماع %1: عدد صحيح من 1 إلى 99"), meeting.number)
        if attr == "start":
            return fill(N_("تاريخ الاجتماع %1"), meeting.number)
        if attr == "end":
            return fill(N_("تاريخ انتهاء الاجتماع %1: %2"), meeting.number,
                         dates_message(meeting.start, meeting.end) or t("غير صحيح"))
    m = re.fullmatch(_SECTION, path)
    if m:
        return fill(N_("عنوان القسم %1"), int(m.group(1)) + 1)
    m = re.fullmatch(_PARAGRAPH, path)
    if m:
        si, pi = int(m.group(1)), int(m.group(2))
        if si < len(report.sections) and pi < len(report.sections[si].paragraphs):
            paragraph = report.sections[si].paragraphs[pi]
            where = _paragraph_number(report, si, pi)
            if paragraph.text.strip():  # not empty: a new report's paragraph waits for the new date
                return fill(N_("التاريخ في الفقرة %1 في القسم %2"), where, si + 1)
            return fill(EMPTY_PARAGRAPH[paragraph.kind], where, si + 1)
    return fill(N_("حقل مطلوب: %1"), path)


def _paragraph_number(report: Report, si: int, pi: int) -> str:
    """The paragraph's number as exported when it is one (`1.2`), else its place in the section."""
    from cwgdraft.formats.render import lay_out

    try:
        label = lay_out(report)[si].paragraphs[pi].label
    except (IndexError, ValueError):
        label = ""
    if label and label[0].isdigit() and label.isascii():
        return label
    return str(pi + 1)


def translated(report: Report, missing: list[Any]) -> list[Any]:
    """`MissingField`s with their labels in the language of the interface."""
    return [item._replace(label=missing_label(report, item.path, item.label)) for item in missing]


def dates_message(start: dt.date | str | None, end: dt.date | str | None) -> str | None:
    """Why a pair of dates is refused, in the language of the interface; None when possible."""
    from cwgdraft.core.checks import parse_date, validate_dates

    message = validate_dates(start, end)
    if message is None or arabic_interface():
        return message
    try:
        first, last = parse_date(start), parse_date(end)
    except (ValueError, TypeError):
        return t("تاريخ غير صحيح: اكتبه بالشكل 2023-01-19 (سنة-شهر-يوم)")
    if last is not None and first is None:
        return t("أدخل تاريخ البداية قبل تاريخ النهاية.")
    return fill(N_("تاريخ النهاية (%1) يسبق تاريخ البداية (%2)."), _date(last), _date(first))
