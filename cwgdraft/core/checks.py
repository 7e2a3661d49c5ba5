"""What must be filled in before a report is exported, and field checks for the editors.

`missing_fields` lists the empty or impossible required fields of a report,
each with a path the app can go to (`report.symbol`, `meetings[0].start`,
`sections[2].paragraphs[3]`) and a label in Arabic. The validators return an
Arabic message for the field's editor, or None when the value is fine.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Any, NamedTuple

from cwgdraft.core import arabic
from cwgdraft.core.model import Meeting, ParagraphKind, PersonRole, Report

MIN_MEETING, MAX_MEETING = 1, 99  # the ordinal words exist for these


class MissingField(NamedTuple):
    """A required field that is empty or impossible.

    `path` names the field (`report.symbol`, `meetings[0].start`,
    `sections[2].title`, `sections[2].paragraphs[3]`, `signature.name`);
    `label` says in Arabic what to fill in; `source` is the same place as the
    document model names it (`Block.source`: a paragraph or section id, or a
    field such as `report.symbol`), so the preview and the check can share
    one "go to" action.
    """

    path: str
    label: str
    source: str = ""


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def validate_meeting_number(n: object) -> str | None:
    """An Arabic message when `n` cannot be a meeting number (1 to 99), else None."""
    if isinstance(n, str):
        text = n.strip()
        if not text:
            return "أدخل رقم الاجتماع."
        if not text.isdigit():
            return f"رقم الاجتماع عدد صحيح من {MIN_MEETING} إلى {MAX_MEETING}، لا «{text}»."
        n = int(text)
    if isinstance(n, bool) or not isinstance(n, int):
        return "أدخل رقم الاجتماع."
    if not MIN_MEETING <= n <= MAX_MEETING:
        return f"رقم الاجتماع يجب أن يكون بين {MIN_MEETING} و{MAX_MEETING}، لا {n}."
    return None


def parse_date(value: dt.date | str | None) -> dt.date | None:
    """A date from a date or an ISO string (`2022-01-12`); ValueError if impossible."""
    if value is None or isinstance(value, dt.date):
        return value
    text = value.strip()
    if not text:
        return None
    return dt.date.fromisoformat(text)


def validate_dates(start: dt.date | str | None, end: dt.date | str | None) -> str | None:
    """An Arabic message when the dates of a meeting (or session) are impossible, else None.

    Either may be empty (not yet known); an end needs a start and may not
    come before it. Strings are read as ISO dates (`YYYY-MM-DD`).
    """
    parsed: list[dt.date | None] = []
    for value, name in ((start, "تاريخ البداية"), (end, "تاريخ النهاية")):
        try:
            parsed.append(parse_date(value))
        except (ValueError, TypeError):
            return f"{name} غير صحيح: «{value}» ليس تاريخاً موجوداً (سنة-شهر-يوم)."
    first, last = parsed
    if last is not None and first is None:
        return "أدخل تاريخ البداية قبل تاريخ النهاية."
    if first is not None and last is not None and last < first:
        return (
            f"تاريخ النهاية ({arabic.format_date(last, nbsp=False)}) يسبق "
            f"تاريخ البداية ({arabic.format_date(first, nbsp=False)})."
        )
    return None


def _meeting_name(meeting: Meeting) -> str:
    if MIN_MEETING <= meeting.number <= MAX_MEETING:
        return arabic.meetings_phrase([meeting.number])
    return f"الاجتماع رقم {meeting.number}"


def _paragraph_labels(report: Report) -> list[list[str]]:
    """The number or letter each paragraph shows, as `render.lay_out` gives them."""
    from cwgdraft.formats.render import lay_out  # pure Python; no Jinja, no Qt

    return [[lp.label for lp in ls.paragraphs] for ls in lay_out(report)]


_KIND_WORD = {
    ParagraphKind.NUMBERED: "الفقرة",
    ParagraphKind.UNNUMBERED: "فقرة غير مرقّمة",
    ParagraphKind.BULLET: "بند تعداد",
    ParagraphKind.SUB_BULLET: "بند فرعي",
    ParagraphKind.LETTERED: "البند",
    ParagraphKind.LETTERED_BULLET: "بند تعداد تحت بند مرقّم بحرف",
}


def missing_fields(report: Report) -> list[MissingField]:
    """The required fields that are empty or impossible, in the order of the report."""
    out: list[MissingField] = []

    def need(value: str | None, path: str, label: str, source: str) -> None:
        if _blank(value):
            out.append(MissingField(path, label, source))

    need(report.symbol, "report.symbol", "رمز الوثيقة", "report.symbol")
    if report.date is None:
        out.append(MissingField("report.date", "تاريخ الوثيقة", "report.date"))
    # An empty title or summary is the template's standard wording: not missing;
    # one typed as nothing but spaces is.
    if report.title and _blank(report.title):
        out.append(MissingField("report.title", "عنوان التقرير", "report.title"))
    if report.summary and _blank(report.summary):
        out.append(MissingField("report.summary", "الملخص", "report.summary"))
    need(report.action_required, "report.action_required", "الإجراء المطلوب", "report.action_required")

    if not report.meetings:
        out.append(MissingField("meetings", "اجتماع واحد على الأقل بتاريخه", "meetings"))
    for i, meeting in enumerate(report.meetings):
        base = f"meetings[{i}]"
        error = validate_meeting_number(meeting.number)
        if error:
            out.append(MissingField(f"{base}.number", f"رقم الاجتماع: {error}", meeting.id))
        name = _meeting_name(meeting)
        if meeting.start is None:
            out.append(MissingField(f"{base}.start", f"تاريخ {name}", meeting.id))
        if meeting.end is not None:
            error = validate_dates(meeting.start, meeting.end)
            if error:
                out.append(MissingField(f"{base}.end", f"تاريخ انتهاء {name}: {error}", meeting.id))

    chair = next((p for p in report.people if p.role is PersonRole.CHAIR and not _blank(p.name)), None)
    if chair is None:  # the signature names the chair unless a name is typed for it
        need(report.signature.name, "signature.name", "اسم الموقّع (الرئيس)", "report.signature")

    labels = _paragraph_labels(report)
    for si, section in enumerate(report.sections):
        if not section.standard:
            need(section.title, f"sections[{si}].title", f"عنوان القسم {si + 1}", section.id)
        for pi, paragraph in enumerate(section.paragraphs):
            if not _blank(paragraph.text) or paragraph.standard:
                continue
            label = labels[si][pi]
            what = _KIND_WORD[paragraph.kind]
            where = f"{what} {label}" if label else f"{what} {pi + 1}"
            out.append(MissingField(f"sections[{si}].paragraphs[{pi}]", f"نص {where} في القسم {si + 1}", paragraph.id))
    return out


# --- bidi controls (a warning, not a missing field) -------------------------------

# Embeddings, overrides and isolates change how Word orders the text around
# them; typed or pasted by mistake (U+202E reverses what follows), they are
# invisible. Marks (U+200E, U+200F, U+061C) only nudge neutral characters.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_CONTROL_NAMES = {
    "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
    "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
}  # fmt: skip


def bidi_controls(report: Report) -> list[MissingField]:
    """Every field holding bidi embedding, override or isolate controls: a
    warning before export (the text is kept as typed; the export closes what
    is left open at the end of the field). `path` names the field
    (`report.title`, `sections[2].paragraphs[3]`, `meetings[0].venue`), `label`
    says in Arabic which controls stand where, `source` as in `missing_fields`."""
    out: list[MissingField] = []
    for path, source, found in bidi_control_places(report):
        first = ", ".join(f"U+{ord(ch):04X} {_CONTROL_NAMES[ch]} عند الحرف {at + 1}" for at, ch in found[:3])
        more = f" و{len(found) - 3} غيرها" if len(found) > 3 else ""
        out.append(MissingField(path, f"رموز تحكم في اتجاه النص في {path}: {first}{more}", source))
    return out


def bidi_control_places(report: Report) -> list[tuple[str, str, list[tuple[int, str]]]]:
    """(path, source, [(index, control), ...]) for every field holding bidi controls."""
    out = []
    for path, source, text in _texts(report):
        found = [(m.start(), m.group()) for m in BIDI_CONTROLS.finditer(text)]
        if found:
            out.append((path, source, found))
    return out


def _texts(report: Report) -> list[tuple[str, str, str]]:
    """(path, source, text) of every text field of the report, in the order of the report."""
    import dataclasses

    found: list[tuple[str, str, str]] = []

    def walk(obj: object, path: str, source: str) -> None:
        if isinstance(obj, str):
            if not isinstance(obj, Enum):
                found.append((path, source, obj))
        elif isinstance(obj, list):
            for i, item in enumerate(obj):
                walk(item, f"{path}[{i}]", source)
        elif dataclasses.is_dataclass(obj):
            own = getattr(obj, "id", None)
            for f in dataclasses.fields(obj):
                if f.name.endswith("id"):
                    continue
                value = getattr(obj, f.name)
                name = f"{path}.{f.name}" if path else f.name
                walk(value, name, own if isinstance(own, str) and own != report.id else source)

    for f in dataclasses.fields(report):
        if f.name == "id":
            continue
        base = "report" if f.name not in ("meetings", "people", "contributions", "opening_remarks", "sections", "signature") else ""
        walk(getattr(report, f.name), f"{base}.{f.name}" if base else f.name, f"report.{f.name}")
    # A paragraph's text is named as the check of empty fields names it.
    return [(p[: -len(".text")] if _PARAGRAPH_TEXT.fullmatch(p) else p, s, t) for p, s, t in found]


_PARAGRAPH_TEXT = re.compile(r"sections\[\d+\]\.paragraphs\[\d+\]\.text")
def typography_findings(report: Report) -> list[Any]:
    """What the check before export also points out, without requiring it: the
    Arabic typography of the report's texts (`typography.Finding`, each with its fix)."""
    from cwgdraft.core.typography import check_report

    return check_report(report)
