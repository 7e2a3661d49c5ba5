"""Rich reports for tests: every field filled, every paragraph kind, mixed text.

`full_report()` is a 2022-style report (paragraph.section numbering) whose
introduction holds the CWG-COP sentence of the 18th-meeting seed with its
no-break spaces; `two_meetings_report()` a 2016-style one (section.paragraph
numbering, two meetings, lettered outcomes). `sample_paths()` lists the real
samples in `resources/samples/` when they exist.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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

REPO = Path(__file__).resolve().parent.parent
SAMPLES_DIR = REPO / "resources" / "samples"

NBSP = "\u00a0"
NBH = "\u2011"  # non-breaking hyphen, as in `CWG‑COP`

# The first sentence of the 18th-meeting report, with the seed's four no-break spaces.
ZOOM_SENTENCE = (
    "عقد فريق العمل التابع للمجلس والمعني بحماية الأطفال على الإنترنت (CWG\u2011COP) "
    "اجتماعه الثامن\u00a0عشر في\u00a012\u00a0يناير\u00a02022 عبر الإنترنت على المنصة Zoom."
)
URL = "http://www.itu.int/en/council/cwg-cop/Pages/default.aspx"
GROUP_NAME = "فريق العمل التابع للمجلس والمعني بحماية الأطفال على الإنترنت"

# Latin tokens the structure and page tests look for.
LATIN_TOKENS = ("Zoom", "CWG\u2011COP", URL, "C22/7-A", "Trend\u00a0Micro", "WeProtect")


def full_report() -> Report:
    """A report with every field filled and every paragraph kind."""
    chair = Person(
        "عبد العزيز الزرعوني",
        honorific="السيد",
        country="الإمارات العربية المتحدة",
        role=PersonRole.CHAIR,
        title="رئيس فريق العمل",
    )
    sg = Person("هولين جاو", honorific="السيد", role=PersonRole.OPENING_SPEAKER, title="الأمين العام للاتحاد")
    presenter = Person("Jane Doe", honorific="السيدة", country="Trend\u00a0Micro", role=PersonRole.PRESENTER)
    meeting = Meeting(
        18,
        start=dt.date(2022, 1, 12),
        mode=MeetingMode.ONLINE,
        platform="Zoom",
        participants=100,
    )
    intro = Section(
        "مقدمة",
        SectionRole.INTRODUCTION,
        [
            Paragraph(
                ZOOM_SENTENCE
                + " وشارك في الاجتماع عن بُعد نحو 100 مشارك يمثلون الحكومات والقطاع الخاص والمجتمع المدني"
                + " والمؤسسات الأكاديمية والمنظمات الدولية، وترأسه السيد عبد العزيز الزرعوني (الإمارات العربية المتحدة)."
            ),
            Paragraph(
                f"وتتاح جميع وثائق الاجتماع في الموقع {URL} وفي الوثيقة C22/7-A، وقد شارك فيه ممثلو "
                "شركة Trend\u00a0Micro والتحالف العالمي WeProtect."
            ),
        ],
    )
    opening_para = Paragraph(
        "افتتح الاجتماع الأمين العام للاتحاد، السيد هولين جاو، ورحب بجميع المشاركين الحاضرين في القاعة "
        "الافتراضية. وشدّد على أهمية التوصيلية الهادفة والبيئة الإلكترونية الآمنة والتمكينية للأطفال، لا سيما "
        "إثر جائحة فيروس كورونا (كوفيد\u201119) والمخاطر المتزايدة العديدة التي أسفرت عنها على الإنترنت."
    )
    opening = Section(
        "الملاحظات الافتتاحية",
        SectionRole.OPENING,
        [
            opening_para,
            Paragraph(
                "وأعطى الكلمة لشريك الاتحاد في البرنامج، الذي عرض أنشطة الفترة (2024-2021) بإيجاز.",
                ParagraphKind.UNNUMBERED,
            ),
        ],
    )
    contrib_para = Paragraph("وقُدّمت إلى الاجتماع المساهمات التالية:")
    contributions = Section(
        "المساهمات ووثائق المعلومات",
        SectionRole.CONTRIBUTIONS,
        [
            contrib_para,
            Paragraph("الدول الأعضاء", ParagraphKind.BULLET),
            Paragraph("الوثيقة CWG\u2011COP/18/5 من المملكة العربية السعودية (NCA)", ParagraphKind.SUB_BULLET),
            Paragraph("الوثيقة CWG\u2011COP/18/7 من الإمارات العربية المتحدة (ICTA)", ParagraphKind.SUB_BULLET),
            Paragraph("أعضاء القطاعات", ParagraphKind.BULLET),
            Paragraph("عرض شركة Deloitte عن السلامة على الإنترنت", ParagraphKind.SUB_BULLET),
        ],
    )
    outcomes = Section(
        "نتائج الاجتماع الثامن عشر لفريق العمل التابع للمجلس والمعني بحماية الأطفال على الإنترنت (CWG\u2011COP)",
        SectionRole.OUTCOMES,
        [
            Paragraph("خلص الفريق إلى ما يلي:"),
            Paragraph("مواصلة العمل على المبادئ التوجيهية لعام 2020 بالتعاون مع ENI؛", ParagraphKind.LETTERED),
            Paragraph("تعزيز التعاون مع:", ParagraphKind.LETTERED),
            Paragraph("الجهات المعنية في القطاع الخاص؛", ParagraphKind.LETTERED_BULLET),
            Paragraph("المجتمع المدني والمؤسسات الأكاديمية؛", ParagraphKind.LETTERED_BULLET),
            Paragraph("عقد الاجتماع التالي في سبتمبر 2022.", ParagraphKind.LETTERED),
            Paragraph("إعداد تقرير مرحلي عن الاستبيان.", ParagraphKind.LETTERED),
            Paragraph("تحديث الصفحة الإلكترونية للفريق.", ParagraphKind.LETTERED),
            Paragraph("وسيُعرض هذا التقرير على المجلس في دورته لعام 2022.", ParagraphKind.UNNUMBERED),
        ],
    )
    other = Section("ما يستجد من أعمال", SectionRole.OTHER_BUSINESS, [Paragraph("لم تُطرح أي مسائل أخرى.")])
    report = Report(
        council_session="المجلس 2022",
        session_place="جنيف",
        session_start=dt.date(2022, 3, 21),
        session_end=dt.date(2022, 3, 31),
        agenda_item="PL 1.5",
        symbol="C22/7-A",
        date=dt.date(2022, 2, 3),
        original_language="en",
        title=f"تقرير من رئيس {GROUP_NAME}",
        subject=f"نتائج الاجتماع الثامن عشر ل{GROUP_NAME}",
        summary=(
            "يلخّص هذا التقرير النتائج الرئيسية التي توصّل إليها الاجتماع الثامن عشر لفريق العمل التابع للمجلس "
            "والمعني بحماية الأطفال على الإنترنت (CWG-COP)، الذي عُقد في 12\u00a0يناير\u00a02022، وفقاً للقرار 1306 "
            "الصادر عن مجلس الاتحاد في دورته لعام 2010 والقرار 179 (المراجَع في دبي، 2018)."
        ),
        action_required="يُرجى من المجلس الإحاطة علماً بهذا التقرير.",
        references=["القرار 179 (المراجَع في دبي، 2018)", "القرار 1306 للمجلس", URL],
        numbering=Numbering.PARAGRAPH_SECTION,
        group=WorkingGroup(GROUP_NAME, "CWG-COP", ["القرار 179 (المراجَع في دبي، 2018)", "القرار 1306"]),
        meetings=[meeting],
        people=[chair, sg, presenter],
        opening_remarks=[OpeningRemark(sg.id, opening_para.id)],
        contributions=[
            Contribution(
                "حماية الأطفال على الإنترنت في المملكة",
                document="CWG-COP/18/5",
                source="المملكة العربية السعودية",
                category="member_state",
                presenter_id=presenter.id,
                meeting_id=meeting.id,
                paragraph_id=contrib_para.id,
            )
        ],
        sections=[intro, opening, contributions, other, outcomes],
        signature=Signature(
            honorific="السيد",
            name="عبد العزيز الزرعوني",
            country="الإمارات العربية المتحدة",
            title="رئيس فريق العمل التابع للمجلس\nوالمعني بحماية الأطفال على الإنترنت",
        ),
    )
    return report


def two_meetings_report() -> Report:
    """A 2016-style report: two meetings, section.paragraph numbers, no subject (the template writes it)."""
    report = full_report()
    report.numbering = Numbering.SECTION_PARAGRAPH
    report.subject = ""
    report.symbol = "C17/42-A"
    report.meetings = [
        Meeting(12, start=dt.date(2016, 10, 10), venue="مقر الاتحاد في جنيف"),
        Meeting(13, start=dt.date(2017, 2, 2), venue="مقر الاتحاد في جنيف"),
    ]
    # The contributions move to the new meetings: no link may point at a meeting that is gone.
    for index, contribution in enumerate(report.contributions):
        contribution.meeting_id = report.meetings[index % 2].id
    report.signature.honorific = "الدكتور"
    return report


def empty_report() -> Report:
    """Nothing filled: every required field exports as a placeholder."""
    return Report()


def sample_paths() -> list[Path]:
    """The real sample report files, when they exist."""
    return sorted(SAMPLES_DIR.glob("*.json")) if SAMPLES_DIR.is_dir() else []


def all_reports() -> dict[str, Report]:
    """Factory reports and the real samples, by a short name."""
    reports: dict[str, Report] = {
        "full": full_report(),
        "two-meetings": two_meetings_report(),
        "empty": empty_report(),
    }
    from cwgdraft.core.portable import read_file

    for path in sample_paths():
        reports[f"sample-{path.stem}"] = read_file(path)
    return reports


_EXPORTED: dict[str, bytes] = {}


def exported_reports() -> dict[str, bytes]:
    """Every report of `all_reports()` rendered and written as .docx bytes, once per process."""
    if not _EXPORTED:
        from cwgdraft.formats.docx_writer import to_bytes
        from cwgdraft.formats.render import render

        for name, report in all_reports().items():
            _EXPORTED[name] = to_bytes(render(report))
    return _EXPORTED


def report_names() -> list[str]:
    """Names of `all_reports()` without building them (for parametrize)."""
    return ["full", "two-meetings", "empty", *(f"sample-{p.stem}" for p in sample_paths())]
