"""A new report from the previous one, and a new report from the templates.

`next_report(previous)` advances the facts: one new meeting numbered after
the last one (same mode, venue and platform; no dates, no participants), the
same group, chair, signature, header and structure; contributions, opening
remarks and the text of the meeting's own sections emptied. Nothing is
rewritten by pattern: every sentence that states a fact holds it as a field,
so the carried text names the new meeting by itself (`الثامن عشر` becomes
`التاسع عشر`, the dual of a report on two meetings becomes the singular), and
a fact still missing (the date) shows as a highlighted placeholder and is
listed by the check before export. A sentence the drafter typed without
fields is kept as typed; the check before export points at any that names
another meeting.

`empty_report()` is a new report from the templates: the council's sections,
each with its standard paragraphs.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from cwgdraft.core import arabic
from cwgdraft.core.checks import MAX_MEETING, MIN_MEETING, MissingField
from cwgdraft.core.content import has_fields
from cwgdraft.core.documents import DOCUMENTS_INTRO, LIST_STANDARDS
from cwgdraft.core.model import (
    Meeting,
    Numbering,
    Paragraph,
    ParagraphKind,
    Person,
    PersonRole,
    Report,
    Section,
    SectionRole,
    new_id,
)

# Sections whose text stands from one meeting to the next (kept, fields live).
STANDING_ROLES = frozenset(
    {SectionRole.INTRODUCTION, SectionRole.AGENDA, SectionRole.OTHER_BUSINESS, SectionRole.OTHER}
)
# Sections whose content belongs to one meeting (emptied; the list of documents keeps its lead-in).
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


@dataclass
class CarryOver:
    """What `next_report` did, for the user: carried over, and still to fill in."""

    carried: list[str] = field(default_factory=list)  # Arabic, one line per fact or change
    to_fill: list[MissingField] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)  # previous id -> id of what was copied from it


def next_report(previous: Report, template: Any = None) -> tuple[Report, CarryOver]:
    """The report on the next meeting, and what was carried over and still needs filling in.
    `previous` is not changed."""
    from cwgdraft.drafting.check import check_report

    prev = copy.deepcopy(previous)
    out = CarryOver()
    ids = out.ids

    def renew(old: str) -> str:
        ids[old] = new_id()
        return ids[old]

    # One new meeting after the last one. Numbers run from 1 to 99 (the ordinal
    # words): after 99 the new meeting gets 99 and the user is asked to correct it.
    valid_prev = sorted(m.number for m in prev.meetings if MIN_MEETING <= m.number <= MAX_MEETING)
    last = max(prev.meetings, key=lambda m: m.number, default=None)
    number = max(valid_prev, default=0) + 1
    overflow = number > MAX_MEETING
    meeting = Meeting(min(number, MAX_MEETING))
    if last is not None:
        meeting.mode, meeting.venue, meeting.platform = last.mode, last.venue, last.platform
        ids[last.id] = meeting.id

    carried = out.carried
    reset: list[str] = []

    def keep(value: str, what: str) -> str:
        """Text with fields is kept (its facts follow); typed text that may name
        the previous meeting goes back to the standard wording."""
        if not value or has_fields(value):
            return value
        reset.append(what)
        return ""

    report = Report(
        id=renew(prev.id),
        council_session=prev.council_session,
        session_place=prev.session_place,
        agenda_item=prev.agenda_item,
        original_language=prev.original_language,
        title=prev.title,
        subject=keep(prev.subject, "الموضوع"),
        summary=keep(prev.summary, "الملخص"),
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

    kept_titles: list[str] = []
    cleared_titles: list[str] = []
    for si, old in enumerate(prev.sections):
        section = Section(old.title, old.role, id=renew(old.id), standard=old.standard)
        name = _title_of(report, section) or f"القسم {si + 1}"
        if old.role in MEETING_ROLES:
            # The list of documents keeps its lead-in: the new contributions will fill it.
            lead = [p for p in old.paragraphs if p.standard == DOCUMENTS_INTRO]
            if lead and any(p.standard in LIST_STANDARDS for p in old.paragraphs):
                section.paragraphs = [Paragraph("", lead[0].kind, standard=DOCUMENTS_INTRO)]
            else:
                section.paragraphs = [Paragraph("", ParagraphKind.NUMBERED)]
            cleared_titles.append(name)
        else:
            for p in old.paragraphs:
                section.paragraphs.append(Paragraph(p.text, p.kind, renew(p.id), p.standard, p.ref))
            kept_titles.append(name)
        report.sections.append(section)

    # --- what the user is told -------------------------------------------------
    if not overflow:
        after = f" (بعد {arabic.meetings_phrase(valid_prev)})" if valid_prev else ""
        carried.append(f"الاجتماع الجديد: {arabic.meetings_phrase([number])}{after}؛ تاريخه وعدد المشاركين فيه فارغان.")
    else:
        carried.append(
            f"لا رقم بعد {arabic.meetings_phrase([MAX_MEETING])}: أُعطي الاجتماع الجديد الرقم {MAX_MEETING}، فصحّحه."
        )
    if last is not None:
        where = meeting.platform or meeting.venue
        carried.append(f"نُقلت طريقة انعقاد الاجتماع{f' ومكانه ({where})' if where else ''} من الاجتماع السابق.")
    carried.append(f"نُقلت بنية التقرير: {len(report.sections)} أقسام بعناوينها وأدوارها، وترقيم الفقرات.")
    carried.append(
        "الجمل التي تذكر الاجتماع وتاريخه ومكانه والمشاركين والرئيس والفريق تُكتب من الحقائق، "
        "فتتبع الاجتماع الجديد وحدها."
    )
    if kept_titles:
        carried.append("نُقل نص الأقسام الثابتة نقطةَ بداية، فراجِعه: " + "، ".join(kept_titles) + ".")
    if cleared_titles:
        carried.append("أُفرغت الأقسام الخاصة بالاجتماع السابق: " + "، ".join(cleared_titles) + ".")
    if reset:
        carried.append("أُعيد إلى الصيغة القياسية (كان نصاً مكتوباً عن الاجتماع السابق): " + "، ".join(reset) + ".")
    carried_parts = []
    if report.references:
        carried_parts.append(f"المراجع ({len(report.references)})")
    if report.group.name:
        carried_parts.append("اسم الفريق وولايته")
    if report.people:
        carried_parts.append("الرئيس (" + "، ".join(p.name for p in report.people) + ")")
    if report.signature.name or report.signature.title:
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
    if prev.contributions:
        cleared.append(f"المساهمات ({len(prev.contributions)})")
    if prev.opening_remarks:
        cleared.append(f"الملاحظات الافتتاحية ({len(prev.opening_remarks)})")
    dropped = [p for p in prev.people if p.role not in STANDING_PEOPLE]
    if dropped:
        cleared.append(f"المتكلمون ومقدّمو العروض ({len(dropped)})")
    carried.append("أُفرغ: " + "، ".join(cleared) + ".")

    out.to_fill = [MissingField(f.path, f.label, f.source) for f in check_report(report, template) if f.blocking]
    if overflow:
        out.to_fill.insert(
            0,
            MissingField(
                "meetings[0].number",
                f"رقم الاجتماع: لا رقم بعد {arabic.meetings_phrase([MAX_MEETING])} ({MIN_MEETING} إلى {MAX_MEETING})",
                meeting.id,
            ),
        )
    return report, out


def _title_of(report: Report, section: Section) -> str:
    """A section's title as the reader sees it (a standard heading written out, facts filled in)."""
    from cwgdraft.core.errors import CwgError
    from cwgdraft.drafting.standard import section_title

    try:
        return section_title(report, section).replace("\n", " ")
    except CwgError:  # a template that cannot give it: its name will do
        return str(section.title)


# The council report's sections, in order, and the standard paragraphs each starts with.
EMPTY_SECTIONS: tuple[tuple[str, SectionRole, str, tuple[str, ...]], ...] = (
    ("مقدمة", SectionRole.INTRODUCTION, "", ("introduction",)),
    ("الملاحظات الافتتاحية", SectionRole.OPENING, "", ("",)),
    ("اعتماد جدول الأعمال", SectionRole.AGENDA, "", ("agenda",)),
    ("المساهمات ووثائق المعلومات", SectionRole.CONTRIBUTIONS, "", (DOCUMENTS_INTRO,)),
    ("العروض", SectionRole.PRESENTATIONS, "", ("",)),
    ("ما يستجد من أعمال", SectionRole.OTHER_BUSINESS, "", ("",)),
    ("", SectionRole.OUTCOMES, "outcomes_heading", ("",)),
)


def empty_report(number: int = 1) -> Report:
    """A new report from the templates: one meeting, the council's sections with
    their standard paragraphs, the standard title, subject and summary."""
    report = Report(
        numbering=Numbering.PARAGRAPH_SECTION,
        original_language="ar",
        action_required="يُرجى من المجلس الإحاطة علماً بهذا التقرير.",
        meetings=[Meeting(number)],
        people=[Person("", role=PersonRole.CHAIR)],
    )
    for title, role, standard, paragraphs in EMPTY_SECTIONS:
        section = Section(title, role, standard=standard)
        section.paragraphs = [Paragraph("", ParagraphKind.NUMBERED, standard=name) for name in paragraphs]
        report.sections.append(section)
    return report
