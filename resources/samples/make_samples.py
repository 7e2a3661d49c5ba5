"""Writes the two sample reports of this folder from the two seed reports.

    .venv/bin/python resources/samples/make_samples.py [SEEDS_DIR]

SEEDS_DIR defaults to `../shared/seeds` beside the repository. The seed's
body (sections, paragraphs, lists) and summary box are read off the seed
text; what a reader knows but a parser cannot (meetings, people, the
contributions and the paragraph that presents each, section roles) is
written out below. Text is kept exactly as the seed has it (no-break
spaces, non-breaking hyphens, quotes), less the extraction artefacts of
FORMAT.md (`[bookmark: ...]`, U+F0B7, the bare tab that stands for a lost
bullet glyph) and less the number and letter labels, which the engine
computes. The script checks that the engine's labels equal the seed's.

Every id is a UUID derived from a fixed name (`2022/para/5/16`: section 5,
its 16th paragraph), so the files come out the same on every run and
loading a sample twice adds no copies.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from cwgdraft.core import portable
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
from cwgdraft.formats.render import lay_out, render
from cwgdraft.importer.standard import adopt_standard_wording, with_fields

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
NAMESPACE = uuid.UUID("5b6c0f0e-8f5d-4c1e-9a43-2c1d0b7f0c11")  # fixed: never change it

SEED_2022 = "000_d29490a76c9348c7.txt"
SEED_2016 = "001_0c53b99f94563cb2.txt"

ARTEFACTS = re.compile(r"\[bookmark: [^\]]*\]|\uf0b7")
SECTION = re.compile(r"(\d+)\t(.*)")
NUMBER = re.compile(r"(\d+\.\d+)\t(.*)")
LETTER = re.compile(r"[ \u00a0]*([\u0621-\u064a])[ \u00a0]*\)\t(.*)")


def uid(name: str) -> str:
    return str(uuid.uuid5(NAMESPACE, name))


# --- reading a seed --------------------------------------------------------------


@dataclass
class SeedParagraph:
    kind: ParagraphKind
    text: str
    label: str  # the seed's own number or letter, to check the engine's against


@dataclass
class SeedSection:
    title: str
    paragraphs: list[SeedParagraph]


@dataclass
class Seed:
    lines: list[str]  # artefacts dropped
    summary: str
    action_required: str
    references: list[str]
    sections: list[SeedSection]


def read_seed(path: Path, signature_starts: str) -> Seed:
    lines = [ARTEFACTS.sub("", line) for line in path.read_text(encoding="utf-8").split("\n")]
    stripped = [line.strip(" \t") for line in lines]
    i = stripped.index("ملخص")
    j = stripped.index("الإجراء المطلوب")
    k = stripped.index("_________")
    refs_at = stripped.index("المراجع")
    references = []
    for line in lines[refs_at + 1 :]:
        if not line.strip():
            break
        references.append(line)
    start = next(n for n, line in enumerate(lines) if line.startswith("1\t"))
    end = next(n for n, line in enumerate(lines) if line.strip(" \t").startswith(signature_starts))
    sections: list[SeedSection] = []
    previous = ParagraphKind.NUMBERED
    for line in lines[start:end]:
        if not line.strip(" \t\u00a0"):
            continue
        if m := SECTION.fullmatch(line):
            sections.append(SeedSection(m.group(2), []))
            continue
        if m := NUMBER.fullmatch(line):
            paragraph = SeedParagraph(ParagraphKind.NUMBERED, m.group(2), m.group(1))
        elif m := LETTER.fullmatch(line):
            paragraph = SeedParagraph(ParagraphKind.LETTERED, m.group(2), m.group(1) + ")")
        elif line.startswith("○\t"):
            paragraph = SeedParagraph(ParagraphKind.SUB_BULLET, line[2:], "")
        elif line.startswith("\t"):
            under_letter = previous in (ParagraphKind.LETTERED, ParagraphKind.LETTERED_BULLET)
            kind = ParagraphKind.LETTERED_BULLET if under_letter else ParagraphKind.BULLET
            paragraph = SeedParagraph(kind, line[1:], "")
        else:
            paragraph = SeedParagraph(ParagraphKind.UNNUMBERED, line, "")
        sections[-1].paragraphs.append(paragraph)
        previous = paragraph.kind
    return Seed(
        lines=lines,
        summary="\n".join(lines[i + 1 : j]),
        action_required="\n".join(lines[j + 1 : k]),
        references=references,
        sections=sections,
    )


def build_sections(year: str, seed: Seed, roles: list[SectionRole]) -> list[Section]:
    if len(roles) != len(seed.sections):
        raise SystemExit(f"{year}: {len(seed.sections)} sections in the seed, {len(roles)} roles given")
    sections = []
    for s_no, (seed_section, role) in enumerate(zip(seed.sections, roles, strict=True), start=1):
        paragraphs = [
            Paragraph(p.text, p.kind, uid(f"{year}/para/{s_no}/{p_no}"))
            for p_no, p in enumerate(seed_section.paragraphs, start=1)
        ]
        sections.append(Section(seed_section.title, role, paragraphs, uid(f"{year}/section/{s_no}")))
    return sections


def check_labels(report: Report, seed: Seed) -> None:
    """The engine's numbers and letters must be the seed's."""
    for laid, seed_section in zip(lay_out(report), seed.sections, strict=True):
        for lp, sp in zip(laid.paragraphs, seed_section.paragraphs, strict=True):
            if lp.label != sp.label:
                raise SystemExit(f"section {laid.number}: engine label {lp.label!r}, seed {sp.label!r}: {sp.text[:40]}")


class Finder:
    """Paragraph ids by a phrase of their text, for links."""

    def __init__(self, report: Report) -> None:
        self.report = report

    def __call__(self, section_no: int, starts: str) -> str:
        found = [p.id for p in self.report.sections[section_no - 1].paragraphs if p.text.startswith(starts)]
        if len(found) != 1:
            raise SystemExit(f"section {section_no}: {len(found)} paragraphs start with {starts!r}")
        return found[0]


# --- 2022: the 18th meeting ------------------------------------------------------

GROUP_2022 = "فريق العمل التابع للمجلس والمعني بحماية الأطفال على الإنترنت"

# The list of section 4, item by item: (source, title, category, opening words of the section-5
# paragraph that presents it). Title: the words after the colon; where the list gives none, the
# title section 5 quotes for the document, else the list item's own words.
CONTRIBUTIONS_2022 = [
    ("الاتحاد",
     "عرض بشأن آخر المستجدات التي قدمها الاتحاد عن عمله وأنشطته من أجل مبادرة الاتحاد المتعلقة بحماية "
     "الأطفال على الإنترنت والبرنامج العالمي، بغية تنفيذ المبادئ التوجيهية بشأن حماية الأطفال على الإنترنت لعام 2020",
     "secretariat", "قدم الاتحاد معلومات"),
    ("جمهورية نيجيريا الاتحادية", "أنشطة بشأن حماية الأطفال على الإنترنت", "member_state", "وأعطت المساهمة الأولى"),
    ("المملكة المغربية، وكالة التنمية الرقمية", 'وصف مشروع "الثقافة الرقمية/حماية الأطفال على الإنترنت"',
     "member_state", "وعرضت المساهمة الثانية"),
    ("هنغاريا", "حماية الأطفال على الإنترنت في هنغاريا - الاستراتيجية الرقمية لحماية الأطفال في\u00a0هنغاريا",
     "member_state", "وعرضت المساهمة الثالثة"),
    ("DGYS", "الحماية الرقمية للأطفال، تعريف من إعداد DGYS", "member_state", "وعرضت المساهمة التكميلية"),
    ("لجنة السلامة الإلكترونية", "وثيقة من لجنة السلامة الإلكترونية", "member_state", "وقدمت أستراليا"),
    ("أستراليا", "أفضل الممارسات: نهج أستراليا لضمان سلامة الأطفال على الإنترنت", "member_state", "وقدمت أستراليا"),
    ("الاتحاد الروسي",
     "دعوة الأمانة العامة للاتحاد إلى تعزيز مشاركة الاتحاد في أعمال الهيئات الدولية الأخرى وفي المناقشات ذات الصلة",
     "member_state", "ودعت المساهمة التالية"),
    ("جمهورية مالطة", "سلامة الأطفال والأقارب على الإنترنت", "member_state", "وقدمت جمهورية مالطة"),
    ("مركز التعاون العالمي في مجال تكنولوجيا المعلومات", "وثيقة من مركز التعاون العالمي في مجال تكنولوجيا المعلومات",
     "member_state", "وقدّم هذه المساهمة"),
    ("ألبانيا", "بدء تنفيذ المشروع العالمي لحماية الأطفال على الإنترنت", "member_state", "وأعطت المساهمة التالية"),
    ("جمهورية البرازيل الاتحادية", "أنشطة بشأن مبادرة حماية الأطفال على الإنترنت", "member_state", "وتقدم البرازيل"),
    ("الإمارات العربية المتحدة", "برنامج الرفاهية الرقمية", "member_state", "وقدمت المساهمة التالية الإمارات"),
    ("موريشيوس (هيئة تكنولوجيا المعلومات والاتصالات (ICTA))", "آلية فرز حالات الاعتداء الجنسي على الأطفال",
     "member_state", "وقدمت موريشيوس"),
    ("اليونيسف", "الإطار الاستراتيجي لليونيسف بشأن حماية الأطفال على الإنترنت والإجراءات المرتبطة بها",
     "partner", "وقدمت اليونيسف"),
    ("الشراكة العالمية من أجل إنهاء العنف ضد الأطفال", "جعل الإنترنت آمناً للأطفال", "partner", "وأجرت الشراكة العالمية"),
    ("التحالف العالمي ”WeProtect“", "وثيقة من التحالف العالمي ”WeProtect“", "partner", "وأعطى العرض الثالث"),
    ("مكتب الممثل الخاص للأمين العام المعني بالعنف ضد الأطفال والتابع للأمم المتحدة",
     "فهم كيفية حصول الأطفال على الحماية بالوسائل الإلكترونية", "partner", "وقدّم العرضَ الرابع"),
    ("مؤسسة Scort", "وثيقة من مؤسسة Scort", "partner", "وقدمت مؤسسة SCORT"),
]  # fmt: skip


def report_2022(seeds: Path) -> Report:
    seed = read_seed(seeds / SEED_2022, "عبد العزيز الزرعوني")
    y = "2022"
    meeting = Meeting(18, uid(f"{y}/meeting/18"), dt.date(2022, 1, 12), None, MeetingMode.ONLINE, "", "Zoom", 100)
    chair = Person("عبد العزيز الزرعوني", uid(f"{y}/person/chair"), "السيد", "الإمارات العربية المتحدة",
                   PersonRole.CHAIR, "رئيس فريق العمل التابع للمجلس والمعني بحماية الأطفال على الإنترنت")  # fmt: skip
    zhao = Person("هولين جاو", uid(f"{y}/person/zhao"), "السيد", "", PersonRole.OPENING_SPEAKER, "الأمين العام للاتحاد")
    bogdan = Person("دورين بوغدان-مارتن", uid(f"{y}/person/bogdan-martin"), "السيدة", "",
                    PersonRole.OPENING_SPEAKER, "مديرة مكتب تنمية الاتصالات")  # fmt: skip
    report = Report(
        id=uid(f"{y}/report"),
        summary=seed.summary,
        action_required=seed.action_required,
        references=seed.references,
        numbering=Numbering.PARAGRAPH_SECTION,
        group=WorkingGroup(GROUP_2022, "CWG-COP", ["القرار 1306 للمجلس", "القرار 179 (المراجَع في دبي، 2018)"]),
        meetings=[meeting],
        people=[chair, zhao, bogdan],
        signature=Signature(
            "",
            "عبد العزيز الزرعوني",
            "الإمارات العربية المتحدة",
            "رئيس فريق العمل التابع للمجلس\nوالمعني بحماية الأطفال على الإنترنت",
        ),
    )
    R = SectionRole
    roles = [R.INTRODUCTION, R.OPENING, R.AGENDA, R.CONTRIBUTIONS, R.PRESENTATIONS, R.OTHER_BUSINESS, R.OUTCOMES]
    report.sections = build_sections(y, seed, roles)
    find = Finder(report)
    report.opening_remarks = [
        OpeningRemark(zhao.id, find(2, "افتتح الاجتماع"), uid(f"{y}/remark/1")),
        OpeningRemark(bogdan.id, find(2, "وأعربت مديرة"), uid(f"{y}/remark/2")),
        OpeningRemark(chair.id, find(2, "ورحب الرئيس"), uid(f"{y}/remark/3")),
    ]
    report.contributions = [
        Contribution(title, uid(f"{y}/contribution/{n}"), "", source, category, None, meeting.id, find(5, presents))
        for n, (source, title, category, presents) in enumerate(CONTRIBUTIONS_2022, start=1)
    ]
    check_labels(report, seed)
    for c in report.contributions:  # listed by source alone: `وثيقة من <source>`
        if c.title == f"وثيقة من {c.source}":
            c.title = ""
    return with_facts(report, {"references": ["meetings.phrase", "group.name"]})


# --- 2016: the 12th and 13th meetings --------------------------------------------

GROUP_2016 = "فريق العمل التابع للمجلس المعني بحماية الأطفال على الخط"

# (meeting, source, title, category, opening words of the section-5 paragraph). The 2016 report
# names who presented but not the documents' titles: those are `مساهمة <source>`, or the
# paragraph's own words for what was presented.
CONTRIBUTIONS_2016 = [
    (12, "أمانة الاتحاد", "معلومات محدّثة عن مبادرات الاتحاد المتعلقة بحماية الأطفال على الخط", "secretariat",
     "نوقشت مساهمات"),
    (12, "قطاع تقييس الاتصالات", "تقرير نشاط التنسيق المشترك بشأن حماية الأطفال على الخط (JCA-COP)", "secretariat",
     "وقُدم تقرير"),
    (12, "الشبكة الأوروبية لسلامة الإنترنت (INSAFE)", "مساهمة الشبكة الأوروبية لسلامة الإنترنت (INSAFE)", "partner",
     "وقدمت الدول الأعضاء"),
    (12, "رواندا", "مساهمة رواندا", "member_state", "وقدمت الدول الأعضاء"),
    (12, "الاتحاد الروسي", "مساهمة الاتحاد الروسي", "member_state", "وقدمت الدول الأعضاء"),
    (12, "الأرجنتين", "مساهمة الأرجنتين", "member_state", "وقدمت الدول الأعضاء"),
    (12, "المنظمة الدولية لخطوط مساعدة الأطفال", "حملة فيديوية", "partner", "وعرض ممثل المنظمة الدولية لخطوط مساعدة الأطفال حملة"),
    (13, "أمانة الاتحاد", "تقرير عن التقدم الذي أحرزته مبادرة حماية الأطفال على الخط", "secretariat", "وخلال الاجتماع الثالث عشر"),
    (13, "المنظمة الدولية لخطوط مساعدة الأطفال", "الحملة المشتركة بين الاتحاد والمنظمة بشأن الشراكة من أجل حماية الأطفال",
     "partner", "وعرض ممثل المنظمة الدولية لخطوط مساعدة الأطفال الحملة"),
    (13, "شركة Trend Micro", "مساهمة شركة Trend Micro", "partner", "ووردت مساهمات"),
    (13, "شركة DQ World", "مساهمة شركة DQ World", "partner", "ووردت مساهمات"),
    (13, "الاتحاد الروسي", "مساهمة الاتحاد الروسي", "member_state", "ووردت مساهمات"),
    (13, "الأكاديمية الوطنية للاتصالات في أوديسا (ONAT)", "مساهمة الأكاديمية الوطنية للاتصالات في أوديسا (ONAT)",
     "partner", "ووردت مساهمات"),
    (13, "الأرجنتين", "مساهمة الأرجنتين", "member_state", "ووردت مساهمات"),
]  # fmt: skip


def report_2016(seeds: Path) -> Report:
    seed = read_seed(seeds / SEED_2016, "الدكتور شريف هاشم")
    y = "2016"
    venue = "مقر الاتحاد في جنيف"
    meetings = [
        Meeting(12, uid(f"{y}/meeting/12"), dt.date(2016, 10, 10), None, MeetingMode.HYBRID, venue, "", 100),
        Meeting(13, uid(f"{y}/meeting/13"), dt.date(2017, 2, 2), None, MeetingMode.HYBRID, venue, "", 100),
    ]
    chair = Person("شريف هاشم", uid(f"{y}/person/chair"), "الدكتور", "جمهورية مصر العربية", PersonRole.CHAIR,
                   "رئيس فريق العمل التابع للمجلس المعني بحماية الأطفال على الخط")  # fmt: skip
    johnson = Person("مالكوم جونسون", uid(f"{y}/person/johnson"), "السيد", "", PersonRole.OPENING_SPEAKER,
                     "نائب الأمين العام للاتحاد الدولي للاتصالات")  # fmt: skip
    report = Report(
        id=uid(f"{y}/report"),
        original_language="en",
        title="تقرير من رئيس فريق العمل التابع للمجلس\nالمعني بحماية الأطفال على الخط",
        subject="نواتج الاجتماعين الثاني عشر والثالث عشر لفريق العمل التابع للمجلس\nالمعني بحماية الأطفال على الخط",
        summary=seed.summary,
        action_required=seed.action_required,
        references=seed.references,
        numbering=Numbering.SECTION_PARAGRAPH,
        group=WorkingGroup(GROUP_2016, "CWG-COP", ["القرار 1306 للمجلس", "القرار 179 (المراجَع في بوسان، 2014)"]),
        meetings=meetings,
        people=[chair, johnson],
        signature=Signature(
            "الدكتور",
            "شريف هاشم",
            "جمهورية مصر العربية",
            "رئيس فريق العمل التابع للمجلس المعني بحماية الأطفال على الخط",
        ),
    )
    for field in ("title", "subject"):  # the seed's lines, as typed
        if "\t" + getattr(report, field) not in "\n".join(seed.lines):
            raise SystemExit(f"2016: the {field} is not the seed's")
    R = SectionRole
    roles = [R.INTRODUCTION, R.AGENDA, R.OPENING, R.CONTRIBUTIONS, R.DISCUSSIONS, R.OUTCOMES]
    report.sections = build_sections(y, seed, roles)
    find = Finder(report)
    report.opening_remarks = [
        OpeningRemark(johnson.id, find(3, "افتتح السيد مالكوم جونسون"), uid(f"{y}/remark/1")),
        OpeningRemark(johnson.id, find(3, "وافتتح السيد جونسون"), uid(f"{y}/remark/2")),
    ]
    by_number = {m.number: m.id for m in meetings}
    report.contributions = [
        Contribution(
            title, uid(f"{y}/contribution/{n}"), "", source, category, None, by_number[meeting], find(5, presents)
        )
        for n, (meeting, source, title, category, presents) in enumerate(CONTRIBUTIONS_2016, start=1)
    ]
    check_labels(report, seed)
    # The 2016 wording is not the template's standard: its sentences keep their
    # words, with the facts in them as fields.
    return with_facts(
        report,
        {
            "subject": ["meetings.phrase"],
            "summary": ["meetings.phrase", "group.name", "meetings.which_held", "meetings.dates"],
            "introduction": [
                "group.name", "group.acronym", "meetings.held", "meetings.place", "meetings.mode",
                "meetings.participants", "meetings.noun",
            ],
            "contributions": ["meetings.these"],
            "outcomes": ["meetings.phrase", "group.name", "group.acronym"],
        },
        forms={"summary": {"meetings.phrase": "li", "group.name": "li"}, "outcomes": {"group.name": "li"},
               "introduction": {"group.acronym": "nobreak"}},
    )  # fmt: skip


def with_facts(report: Report, where: dict[str, list[str]], forms: dict[str, dict[str, str]] | None = None) -> Report:
    """The standard wording adopted where the seed's sentence is it; elsewhere
    the facts named in `where` become fields inside the seed's own words. The
    words a reader sees are checked to be unchanged."""
    forms = forms or {}
    def seen() -> list[tuple[str, str, str]]:  # no-break spaces are layout, not words
        return [(b.style, b.label, b.text.replace("\u00a0", " ")) for b in render(report).blocks]

    before = seen()
    adopt_standard_wording(report, signature=True)
    for name in ("subject", "summary"):
        if name in where and getattr(report, name):
            setattr(report, name, with_fields(getattr(report, name), report, where[name], forms=forms.get(name)))
    if "references" in where:
        report.references = [with_fields(r, report, where["references"]) for r in report.references]
    for section in report.sections:
        names = where.get(section.role.value)
        if not names:
            continue
        if section.title and section.role.value == "outcomes":
            section.title = with_fields(section.title, report, names, forms=forms.get("outcomes"))
        for p in section.paragraphs:
            if p.text and section.role.value != "outcomes":
                p.text = with_fields(p.text, report, names, forms=forms.get(section.role.value))
    after = seen()
    if before != after:
        diff = next((a, b) for a, b in zip(before, after, strict=False) if a != b)
        raise SystemExit(f"the facts changed the words: {diff}")
    return report


def main(argv: list[str]) -> int:
    seeds = Path(argv[1]) if len(argv) > 1 else REPO.parent / "shared" / "seeds"
    for name, build in (("cwg-cop-18-2022.json", report_2022), ("cwg-cop-12-13-2016.json", report_2016)):
        path = HERE / name
        text = portable.dumps(build(seeds))
        portable.loads(text, name)  # schema and links
        path.write_text(text, encoding="utf-8")
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
