"""A new report from the previous one: the next meeting of the same group.

`next_report(previous)` copies what stands from one meeting to the next
(structure, section titles and roles, references, the group, the chair, the
signature, the text of the standing sections), advances the meeting number,
and clears what belonged to the previous meeting (dates, the document
symbol, contributions, opening remarks, presentations, discussions and
outcomes). Text carried over that names the previous meeting by its ordinal
word names the new one (`الثامن عشر` becomes `التاسع عشر`; the dual
`الاجتماعين الثاني عشر والثالث عشر` becomes `الاجتماع الرابع عشر`), and the
previous meeting's dates become a `[التاريخ]` placeholder. Every such change
is listed for the user in `CarryOver.carried`; `CarryOver.to_fill` lists what
must be filled in before export.

The wording of the new summary and the dual-to-singular rewrites live in the
template folder (`carry.j2`), rendered in the same sandbox as the report.
"""

from __future__ import annotations

import copy
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cwgdraft.core import arabic
from cwgdraft.core.checks import MAX_MEETING, MIN_MEETING, MissingField, missing_fields
from cwgdraft.core.errors import TemplateError
from cwgdraft.core.model import (
    Meeting,
    Paragraph,
    ParagraphKind,
    PersonRole,
    Report,
    Section,
    SectionRole,
    new_id,
)

# Sections whose text stands from one meeting to the next (kept as a starting point).
STANDING_ROLES = frozenset(
    {SectionRole.INTRODUCTION, SectionRole.AGENDA, SectionRole.OTHER_BUSINESS, SectionRole.OTHER}
)
# Sections whose content belongs to one meeting (cleared, one empty numbered paragraph kept).
MEETING_ROLES = frozenset(
    {
        SectionRole.OPENING,
        SectionRole.CONTRIBUTIONS,
        SectionRole.PRESENTATIONS,
        SectionRole.DISCUSSIONS,
        SectionRole.OUTCOMES,
    }
)
STANDING_PEOPLE = frozenset({PersonRole.CHAIR})

DATE_PLACEHOLDER = "[التاريخ]"
CARRY_TEMPLATE = "carry.j2"


@dataclass
class CarryOver:
    """What `next_report` did, for the user: carried over, and still to fill in."""

    carried: list[str] = field(default_factory=list)  # Arabic, one line per fact or change
    to_fill: list[MissingField] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)  # previous id -> id of what was copied from it


# --- ordinal words in text ----------------------------------------------------

_WS = "[ \u00a0]+"
_LETTERS = "\u0621-\u0652"  # Arabic letters and harakat
_NOT_LETTER_AFTER = f"(?![{_LETTERS}])"
_NOT_LETTER_BEFORE = f"(?<![{_LETTERS}])"


def _ordinal_pattern(n: int) -> str:
    """The ordinal word of `n`, its words joined by spaces or no-break spaces,
    tens in either case (`العشرون` / `العشرين`), and not part of a longer ordinal."""
    parts = []
    for word in arabic.ordinal(n).split(" "):
        if word.endswith("ون"):
            parts.append(re.escape(word[:-2]) + "(?:ون|ين)")
        else:
            parts.append(re.escape(word))
    pattern = _WS.join(parts)
    if n < 10:  # `الثاني` alone, not the start of `الثاني عشر` or `الثاني والعشرون`
        pattern += f"(?!{_WS}(?:عشر|و[{_LETTERS}]*ون|و[{_LETTERS}]*ين))"
    return pattern + _NOT_LETTER_AFTER


def _new_ordinal(n: int, old_text: str) -> str:
    """The new ordinal word, tens in the case the old text used (`الحادي والعشرين`)."""
    word = arabic.ordinal(n)
    genitive = any(w.endswith("ين") for w in re.split(_WS, old_text))
    if genitive:
        word = " ".join(w[:-2] + "ين" if w.endswith("ون") else w for w in word.split(" "))
    return word


@dataclass
class _Rewriter:
    """Rewrites text that names the previous meetings, so it names the new one."""

    previous: list[int]  # the previous report's meeting numbers, 1..99
    new: int | None  # the new meeting's number, None if it has no ordinal word
    dual_to_single: dict[str, str]
    dates: list[re.Pattern[str]]  # the previous meetings' dates

    def __post_init__(self) -> None:
        self._rules: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = []
        if self.new is None:
            return
        new = self.new
        if len(self.previous) >= 2:
            # `الاجتماعين الثاني عشر والثالث عشر` (also `بالاجتماعين`, `للاجتماعين`, nominative `الاجتماعان`).
            ords = (_WS + "و").join(_ordinal_pattern(n) for n in self.previous)
            noun = f"{_NOT_LETTER_BEFORE}(?P<pre>[{_LETTERS}]*?)اجتماع(?:ين|ان|ات)(?P<ws>{_WS})"
            pattern = re.compile(noun + f"(?P<ords>{ords})")
            self._rules.append((pattern, lambda m: f"{m['pre']}اجتماع{m['ws']}{_new_ordinal(new, m['ords'])}"))
        for n in self.previous:
            # `الاجتماع الثامن عشر`, `اجتماعه الثامن عشر`, `للاجتماع الثاني عشر`
            noun = f"{_NOT_LETTER_BEFORE}(?P<noun>[{_LETTERS}]*اجتماع[{_LETTERS}]*)(?P<ws>{_WS})"
            pattern = re.compile(noun + f"(?P<ords>{_ordinal_pattern(n)})")
            self._rules.append((pattern, lambda m: f"{m['noun']}{m['ws']}{_new_ordinal(new, m['ords'])}"))

    def ordinals(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        changes: list[tuple[str, str]] = []
        for pattern, replace in self._rules:

            def sub(m: re.Match[str], replace: Callable[[re.Match[str]], str] = replace) -> str:
                after = replace(m)
                if after != m.group(0):
                    changes.append((m.group(0), after))
                return after

            text = pattern.sub(sub, text)
        if changes and len(self.previous) >= 2:
            for before, after in self.dual_to_single.items():
                if before and before in text:
                    text = text.replace(before, after)
                    changes.append((before, after))
        return text, changes

    def collapse(self, text: str, date_mark: str) -> tuple[str, list[tuple[str, str]]]:
        """`اجتماعه الرابع عشر في [التاريخ] واجتماعه الرابع عشر في [التاريخ]` (two previous
        meetings named one by one, both now the new one) once."""
        if self.new is None or len(self.previous) < 2:
            return text, []
        new = _ordinal_pattern(self.new)
        when = f"(?:{_WS}في{_WS}{re.escape(date_mark)})?"
        pattern = re.compile(
            f"{_NOT_LETTER_BEFORE}(?P<first>(?P<noun>[{_LETTERS}]*اجتماع[{_LETTERS}]*){_WS}{new}(?P<when>{when}))"
            f"{_WS}و(?P=noun){_WS}{new}(?P=when){_NOT_LETTER_AFTER}"
        )
        changes: list[tuple[str, str]] = []

        def sub(m: re.Match[str]) -> str:
            changes.append((m.group(0), m["first"]))
            return m["first"]

        return pattern.sub(sub, text), changes

    def dates_out(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        changes: list[tuple[str, str]] = []
        for pattern in self.dates:

            def sub(m: re.Match[str]) -> str:
                changes.append((m.group(0), DATE_PLACEHOLDER))
                return DATE_PLACEHOLDER

            text = pattern.sub(sub, text)
        return text, changes


def _date_patterns(meetings: list[Meeting]) -> list[re.Pattern[str]]:
    """The dates of the previous meetings as they appear in text (longest first)."""
    forms: set[str] = set()
    for m in meetings:
        if m.start is None:
            continue
        forms.add(arabic.format_date_range(m.start, m.end, nbsp=False))
        forms.add(arabic.format_date(m.start, nbsp=False))
        if m.end is not None:
            forms.add(arabic.format_date(m.end, nbsp=False))
    patterns = []
    for form in sorted(forms, key=len, reverse=True):
        tokens = form.split(" ")
        body = _WS.join(re.escape(t) for t in tokens)
        patterns.append(re.compile(f"(?<![0-9]){body}(?![0-9])"))
    return patterns


# --- the template's wording -----------------------------------------------------


def _carry_module(template: Any) -> Any:
    """The module of `carry.j2` (macros and variables), or None if the folder has none."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateNotFound

    try:
        return template.env.get_template(CARRY_TEMPLATE).module
    except TemplateNotFound:
        return None
    except JinjaError as exc:
        raise TemplateError(f"{template.folder}/{CARRY_TEMPLATE}: {exc}") from exc


def _render_summary(module: Any, template: Any, meeting: Meeting, report: Report) -> str:
    from jinja2 import TemplateError as JinjaError

    macro = getattr(module, "summary", None) if module is not None else None
    if macro is None or meeting.number < MIN_MEETING or meeting.number > MAX_MEETING:
        return ""
    try:
        text = str(macro(meeting, report.group, arabic.ordinal(meeting.number)))
    except JinjaError as exc:
        raise TemplateError(f"{template.folder}/{CARRY_TEMPLATE}: {exc}") from exc
    # The environment escapes for the report's XML markup; this is plain text.
    return html.unescape(text).strip()


# --- the new report -------------------------------------------------------------


def _where(laid_labels: list[list[str]], si: int, pi: int) -> str:
    label = laid_labels[si][pi]
    return f"الفقرة {label}" if label else f"فقرة في القسم {si + 1}"


def next_report(previous: Report, template: Any = None) -> tuple[Report, CarryOver]:
    """The report on the next meeting, and what was carried over and still needs filling in.

    `template` is a `render.Template` (its `carry.j2` gives the wording);
    None: the council template. `previous` is not changed.
    """
    from cwgdraft.formats.render import lay_out, load_template  # no Qt, Jinja only when rendering

    template = template or load_template()
    module = _carry_module(template)
    dual_to_single = dict(getattr(module, "dual_to_single", None) or {}) if module is not None else {}
    placeholder = str(getattr(module, "date_placeholder", "") or "") if module is not None else ""

    prev = copy.deepcopy(previous)
    out = CarryOver()
    ids = out.ids

    def renew(old: str) -> str:
        ids[old] = new_id()
        return ids[old]

    # Meetings: one new meeting after the last one, same mode and place, no dates.
    # Numbers run from 1 to 99 (the ordinal words, the schema): after 99 the new
    # meeting gets 99 and the user is asked to correct it.
    numbers = [m.number for m in prev.meetings]
    valid_prev = sorted(n for n in numbers if MIN_MEETING <= n <= MAX_MEETING)
    last = max(prev.meetings, key=lambda m: m.number, default=None)
    number = max(valid_prev, default=0) + 1
    new_number: int | None = number
    if number > MAX_MEETING:
        number, new_number = MAX_MEETING, None
    meeting = Meeting(number)
    if last is not None:
        meeting.mode, meeting.venue, meeting.platform = last.mode, last.venue, last.platform
        ids[last.id] = meeting.id
    rewriter = _Rewriter(valid_prev, new_number, dual_to_single, _date_patterns(prev.meetings))
    date_mark = placeholder or DATE_PLACEHOLDER

    report = Report(
        id=renew(prev.id),
        council_session=prev.council_session,
        session_place=prev.session_place,
        agenda_item=prev.agenda_item,
        original_language=prev.original_language,
        title=prev.title,
        action_required=prev.action_required,
        references=list(prev.references),
        numbering=prev.numbering,
        group=prev.group,
        meetings=[meeting],
        signature=prev.signature,
    )
    for person in prev.people:
        if person.role in STANDING_PEOPLE:
            person.id = renew(person.id)
            report.people.append(person)

    changes: list[tuple[str, str, str]] = []  # (where, before, after)

    def rewrite(text: str, where: str, dates: bool = False) -> str:
        text, found = rewriter.ordinals(text)
        if dates:
            text, more = rewriter.dates_out(text)
            found += more
            if date_mark != DATE_PLACEHOLDER:
                text = text.replace(DATE_PLACEHOLDER, date_mark)
                found = [(b, date_mark if a == DATE_PLACEHOLDER else a) for b, a in found]
            text, more = rewriter.collapse(text, date_mark)
            found += more
        changes.extend((where, before, after) for before, after in found)
        return text

    report.title = rewrite(report.title, "العنوان")
    report.action_required = rewrite(report.action_required, "الإجراء المطلوب")
    report.references = [rewrite(r, f"المرجع {i + 1}") for i, r in enumerate(report.references)]

    kept_titles: list[str] = []
    cleared_titles: list[str] = []
    kept_paragraphs: list[tuple[int, int]] = []
    for si, old in enumerate(prev.sections):
        section = Section(rewrite(old.title, f"عنوان القسم {si + 1}"), old.role, id=renew(old.id))
        if old.role in MEETING_ROLES:
            section.paragraphs = [Paragraph("", ParagraphKind.NUMBERED)]
            cleared_titles.append(section.title or f"القسم {si + 1}")
        else:
            for pi, p in enumerate(old.paragraphs):
                section.paragraphs.append(Paragraph(p.text, p.kind, renew(p.id)))
                kept_paragraphs.append((si, pi))
            kept_titles.append(section.title or f"القسم {si + 1}")
        report.sections.append(section)

    laid = [[lp.label for lp in ls.paragraphs] for ls in lay_out(report)]
    with_dates: list[tuple[int, int]] = []
    for si, pi in kept_paragraphs:
        paragraph = report.sections[si].paragraphs[pi]
        before = paragraph.text
        paragraph.text = rewrite(paragraph.text, _where(laid, si, pi), dates=True)
        if date_mark in paragraph.text and date_mark not in before:
            with_dates.append((si, pi))

    report.summary = _render_summary(module, template, meeting, report) if new_number is not None else ""

    # --- what the user is told -------------------------------------------------
    carried = out.carried
    if new_number is not None:
        phrase = arabic.meetings_phrase([new_number])
        after = f" (بعد {arabic.meetings_phrase(valid_prev)})" if valid_prev else ""
        carried.append(f"الاجتماع الجديد: {phrase}{after}؛ تاريخه وعدد المشاركين فيه فارغان.")
    else:
        carried.append(
            f"لا رقم بعد {arabic.meetings_phrase([MAX_MEETING])}: أُعطي الاجتماع الجديد الرقم {number}، فصحّحه."
        )
    if last is not None:
        where = meeting.platform or meeting.venue
        carried.append(f"نُقلت طريقة انعقاد الاجتماع{f' ومكانه ({where})' if where else ''} من الاجتماع السابق.")
    carried.append(f"نُقلت بنية التقرير: {len(report.sections)} أقسام بعناوينها وأدوارها، وترقيم الفقرات.")
    if kept_titles:
        carried.append("نُقل نص الأقسام الثابتة نقطةَ بداية، فراجِعه: " + "، ".join(kept_titles) + ".")
    if cleared_titles:
        carried.append(
            "أُفرغت الأقسام الخاصة بالاجتماع السابق، وفي كل منها فقرة فارغة: " + "، ".join(cleared_titles) + "."
        )
    carried_parts = []
    if report.references:
        carried_parts.append(f"المراجع ({len(report.references)})")
    if report.group.name:
        carried_parts.append("اسم الفريق وولايته")
    if report.people:
        carried_parts.append("الرئيس (" + "، ".join(p.name for p in report.people) + ")")
    if report.signature.name:
        carried_parts.append("التوقيع")
    if report.title:
        carried_parts.append("العنوان")
    if report.action_required:
        carried_parts.append("الإجراء المطلوب")
    if carried_parts:
        carried.append("نُقل كما هو: " + "، ".join(carried_parts) + ".")
    session = [
        name
        for name, value in (
            ("دورة المجلس", prev.council_session),
            ("مكان الدورة", prev.session_place),
            ("بند جدول الأعمال", prev.agenda_item),
        )
        if value
    ]
    if session:
        carried.append("نُقل من الترويسة، فتحقّق منه للدورة الجديدة: " + "، ".join(session) + ".")
    cleared = ["رمز الوثيقة", "تاريخ الوثيقة", "تواريخ الدورة"]
    if prev.subject:
        cleared.append("الموضوع (يُكتب من الاجتماع الجديد)")
    if prev.contributions:
        cleared.append(f"المساهمات ({len(prev.contributions)})")
    if prev.opening_remarks:
        cleared.append(f"الملاحظات الافتتاحية ({len(prev.opening_remarks)})")
    dropped = [p for p in prev.people if p.role not in STANDING_PEOPLE]
    if dropped:
        cleared.append(f"المتكلمون ومقدّمو العروض ({len(dropped)})")
    carried.append("أُفرغ: " + "، ".join(cleared) + ".")
    if report.summary:
        carried.append(f"كُتب الملخص من جديد للاجتماع الجديد؛ أكمل فيه {date_mark}.")
    elif prev.summary:
        carried.append("أُفرغ الملخص: اكتبه للاجتماع الجديد.")
    for where, before, after in changes:
        carried.append(f"{where}: «{before}» صار «{after}».")

    # --- what must be filled in ------------------------------------------------
    to_fill = missing_fields(report)
    if new_number is None:
        to_fill.insert(
            0,
            MissingField(
                "meetings[0].number",
                f"رقم الاجتماع: لا رقم بعد {arabic.meetings_phrase([MAX_MEETING])} ({MIN_MEETING} إلى {MAX_MEETING})",
                meeting.id,
            ),
        )
    if date_mark in report.summary:
        to_fill.append(MissingField("report.summary", f"تاريخ الاجتماع في الملخص {date_mark}", "report.summary"))
    for si, pi in with_dates:
        paragraph = report.sections[si].paragraphs[pi]
        to_fill.append(
            MissingField(
                f"sections[{si}].paragraphs[{pi}]",
                f"التاريخ في {_where(laid, si, pi)} {date_mark}",
                paragraph.id,
            )
        )
    out.to_fill = to_fill
    return report, out
