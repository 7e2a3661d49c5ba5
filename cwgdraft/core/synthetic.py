"""A large, deterministic report for benchmarks and round-trip tests.

`synthetic_report()` builds a chair's report of about 60 pages: every header
field, several meetings, a list of contributions (bullets and `○` items),
numbered and unnumbered paragraphs, lettered outcomes with bullets under
them, mixed Arabic and Latin text (codes, names, URLs, no-break spaces and
hyphens). The same arguments always give the same report, ids included.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from cwgdraft.core import arabic
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
    Signature,
    WorkingGroup,
)

_NS = uuid.UUID("6f1d3c2e-9a8b-4c7d-8e6f-5a4b3c2d1e0f")

_WORDS = (
    "الاتحاد", "الأطفال", "حماية", "على", "الإنترنت", "المبادئ", "التوجيهية", "تنفيذ", "الدول", "الأعضاء",
    "الشركاء", "المجتمع", "المدني", "القطاع", "الخاص", "بناء", "القدرات", "التوعية", "السلامة", "الرقمية",
    "البرنامج", "العالمي", "الإقليمي", "الوطني", "التعاون", "أصحاب", "المصلحة", "السياسات", "الأطر", "القانونية",
    "المخاطر", "الاستغلال", "التدريب", "المدارس", "الأهل", "المربين", "المنصة", "التقرير", "المشروع", "المبادرة",
    "وعرض", "وأكد", "وشدد", "وأشار", "إلى", "في", "من", "مع", "بشأن", "لدعم", "أهمية", "ضرورة", "جهود", "نتائج",
)  # fmt: skip
_LATIN = (
    "Zoom", "ITU\u2011D", "CWG\u2011COP", "UNICEF", "WeProtect", "Deloitte", "ENI", "ICTA", "SbD", "IEEE",
    "http://www.itu.int/cop", "X.1205", "5G", "Trend\u00a0Micro", "DQ World",
)  # fmt: skip
_SOURCES = (
    "جمهورية نيجيريا الاتحادية", "المملكة المغربية", "هنغاريا", "أستراليا", "الاتحاد الروسي", "جمهورية مالطة",
    "ألبانيا", "جمهورية البرازيل الاتحادية", "الإمارات العربية المتحدة", "موريشيوس", "اليونيسف", "DGYS",
    "مؤسسة SCORT", "التحالف العالمي WeProtect", "الأرجنتين", "رواندا", "المملكة العربية السعودية", "الهند",
)  # fmt: skip
_SECTIONS = (
    ("مقدمة", SectionRole.INTRODUCTION),
    ("الملاحظات الافتتاحية", SectionRole.OPENING),
    ("اعتماد جدول الأعمال", SectionRole.AGENDA),
    ("المساهمات ووثائق المعلومات", SectionRole.CONTRIBUTIONS),
    ("العروض", SectionRole.PRESENTATIONS),
    ("المناقشات", SectionRole.DISCUSSIONS),
    ("ما يستجد من أعمال", SectionRole.OTHER_BUSINESS),
    ("نتائج الاجتماعات", SectionRole.OUTCOMES),
)
GROUP_NAME = "فريق العمل التابع للمجلس والمعني بحماية الأطفال على الإنترنت"


class _Ids:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.n = 0

    def __call__(self) -> str:
        self.n += 1
        return str(uuid.uuid5(_NS, f"{self.seed}:{self.n}"))


def _sentence(rng: random.Random, words: int) -> str:
    out = []
    for i in range(words):
        if i and rng.random() < 0.08:
            out.append(rng.choice(_LATIN))
        else:
            out.append(rng.choice(_WORDS))
    return " ".join(out)


def _text(rng: random.Random, sentences: int) -> str:
    parts = []
    for _ in range(sentences):
        s = _sentence(rng, rng.randint(8, 22))
        if rng.random() < 0.15:
            day = dt.date(2022, rng.randint(1, 12), rng.randint(1, 28))
            s += " في " + arabic.format_date(day)
        parts.append(s + rng.choice((".", ".", "؛", ".")))
    return " ".join(parts)


def synthetic_report(
    paragraphs: int = 600,
    meetings: int = 5,
    contributions: int = 200,
    seed: int = 0,
    numbering: Numbering = Numbering.PARAGRAPH_SECTION,
) -> Report:
    """A report of `paragraphs` paragraphs (about ten a page), deterministic for a seed.

    Every contribution is a `○` item of the list of documents, so the
    contributions are capped at a third of the paragraphs: the total stays
    `paragraphs` (unless the meetings' own paragraphs alone are more).
    """
    rng = random.Random(seed)
    contributions = min(contributions, paragraphs // 3)
    new = _Ids(seed)
    first = 20 + rng.randint(0, 10)
    numbers = list(range(first, first + meetings))
    start = dt.date(2022, 1, 12)
    meeting_list = [
        Meeting(
            n,
            id=new(),
            start=start + dt.timedelta(days=60 * i),
            mode=(MeetingMode.ONLINE, MeetingMode.HYBRID, MeetingMode.IN_PERSON)[i % 3],
            platform="Zoom" if i % 3 != 2 else "",
            venue="مقر الاتحاد في جنيف" if i % 3 else "",
            participants=80 + 10 * i,
        )
        for i, n in enumerate(numbers)
    ]
    chair = Person("عبد العزيز الزرعوني", id=new(), honorific="السيد", country="الإمارات العربية المتحدة",
                   role=PersonRole.CHAIR, title="رئيس فريق العمل")  # fmt: skip
    sg = Person("هولين جاو", id=new(), honorific="السيد", role=PersonRole.OPENING_SPEAKER, title="الأمين العام للاتحاد")
    report = Report(
        id=new(),
        council_session="المجلس 2023",
        session_place="جنيف",
        session_start=dt.date(2023, 7, 11),
        session_end=dt.date(2023, 7, 21),
        agenda_item="PL 1.5",
        symbol=f"C23/{40 + seed % 50}-A",
        date=dt.date(2023, 5, 3),
        original_language="en",
        title="تقرير من رئيس فريق العمل التابع للمجلس\nوالمعني بحماية الأطفال على الإنترنت",
        subject=f"نتائج {arabic.meetings_phrase(numbers)} ل{GROUP_NAME} (CWG\u2011COP)",
        summary=(
            f"يلخّص هذا التقرير النتائج الرئيسية التي توصّلت إليها {arabic.meetings_phrase(numbers)} "
            f"ل{GROUP_NAME} (CWG-COP)، وفقاً للقرار\u00a01306 للمجلس والقرار 179 (المراجَع في دبي، 2018)."
        ),
        action_required="يُرجى من المجلس الإحاطة علماً بهذا التقرير.",
        references=["القرار 179 (المراجَع في دبي، 2018)", "القرار 1306 للمجلس", "الوثيقة C22/7-A"],
        numbering=numbering,
        group=WorkingGroup(GROUP_NAME, "CWG-COP", ["القرار 1306 للمجلس"]),
        meetings=meeting_list,
        people=[chair, sg],
        signature=Signature(
            "",
            "عبد العزيز الزرعوني",
            "الإمارات العربية المتحدة",
            "رئيس فريق العمل التابع للمجلس\nوالمعني بحماية الأطفال على الإنترنت",
        ),
    )
    sections = [Section(title, role, id=new()) for title, role in _SECTIONS]
    report.sections = sections
    by_role = {s.role: s for s in sections}

    def para(section: Section, kind: ParagraphKind, text: str) -> Paragraph:
        p = Paragraph(text, kind, id=new())
        section.paragraphs.append(p)
        return p

    # Introduction: one paragraph per meeting, the way real reports state them.
    intro = by_role[SectionRole.INTRODUCTION]
    for m in meeting_list:
        how = "عبر الإنترنت على المنصة Zoom" if m.mode is MeetingMode.ONLINE else "بمقر الاتحاد في جنيف"
        para(intro, ParagraphKind.NUMBERED,
             f"عقد {GROUP_NAME} (CWG\u2011COP) اجتماعه {arabic.ordinal(m.number)} في "
             f"{arabic.format_date(m.start)} {how}. وشارك في الاجتماع نحو {m.participants} مشارك.")  # fmt: skip
    opening = by_role[SectionRole.OPENING]
    p = para(opening, ParagraphKind.NUMBERED, "افتتح الاجتماع الأمين العام للاتحاد، السيد هولين جاو. " + _text(rng, 3))
    report.opening_remarks.append(OpeningRemark(sg.id, p.id, id=new()))
    para(by_role[SectionRole.AGENDA], ParagraphKind.NUMBERED, "اعتُمد جدول الأعمال بصيغته الأصلية.")

    # Contributions: groups (bullets) of documents (`○` items).
    contrib = by_role[SectionRole.CONTRIBUTIONS]
    para(contrib, ParagraphKind.NUMBERED, "عُرضت في الاجتماعات الوثائق التالية:")
    groups = max(1, contributions // 20)
    made = 0
    for g in range(groups):
        para(contrib, ParagraphKind.BULLET, f"وثائق المجموعة {g + 1} بشأن " + _sentence(rng, 6))
        share = contributions // groups + (1 if g < contributions % groups else 0)
        for _ in range(share):
            made += 1
            source = rng.choice(_SOURCES)
            title = _sentence(rng, rng.randint(4, 10))
            item = para(contrib, ParagraphKind.SUB_BULLET, f"وثيقة من {source}: {title}")
            report.contributions.append(
                Contribution(
                    title,
                    id=new(),
                    document=f"CWG-COP/{numbers[made % meetings]}/{made}",
                    source=source,
                    category="member_state",
                    meeting_id=meeting_list[made % meetings].id,
                    paragraph_id=item.id,
                )
            )
    used = sum(len(s.paragraphs) for s in sections)

    # Outcomes: per meeting a numbered lead, lettered items, bullets under one of them.
    outcomes = by_role[SectionRole.OUTCOMES]
    for m in meeting_list:
        para(outcomes, ParagraphKind.NUMBERED, f"النواتج الرئيسية {arabic.meetings_phrase([m.number])}:")
        for k in range(5):
            para(outcomes, ParagraphKind.LETTERED, _text(rng, 1))
            if k == 2:
                for _ in range(2):
                    para(outcomes, ParagraphKind.LETTERED_BULLET, _text(rng, 1))
    para(outcomes, ParagraphKind.UNNUMBERED, "وسيُعرض هذا التقرير على المجلس في دورته المقبلة.")
    used += len(outcomes.paragraphs)
    para(by_role[SectionRole.OTHER_BUSINESS], ParagraphKind.NUMBERED, "أشار الرئيس إلى عدم وجود أعمال أخرى للمناقشة.")
    used += 1

    # The rest: presentations and discussions, mostly numbered, some unnumbered.
    rest = max(0, paragraphs - used)
    targets = (by_role[SectionRole.PRESENTATIONS], by_role[SectionRole.DISCUSSIONS])
    for i in range(rest):
        section = targets[0] if i < rest * 3 // 5 else targets[1]
        kind = ParagraphKind.UNNUMBERED if rng.random() < 0.08 else ParagraphKind.NUMBERED
        text = _text(rng, rng.randint(2, 4))
        if i == 7:
            text += "\n" + _text(rng, 1)  # a line break inside a paragraph
        para(section, kind, text)
    return report
