"""The report's people and its list of documents, recovered by the import.

The references are the sample report files (`resources/samples/`), read from the same two real
reports as the seed texts: each sample exported to Word, and each seed text, must give the
sample's contributions, opening speakers and opening remarks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cwgdraft.core import portable
from cwgdraft.core.model import (
    Paragraph,
    ParagraphKind,
    PersonRole,
    Report,
    Section,
    SectionRole,
    Signature,
)
from cwgdraft.formats.docx_writer import write_docx
from cwgdraft.formats.render import render
from cwgdraft.importer import import_file

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "resources" / "samples"
SEEDS = REPO.parent / "shared" / "seeds"
SAMPLE_2022 = SAMPLES / "cwg-cop-18-2022.json"
SAMPLE_2016 = SAMPLES / "cwg-cop-12-13-2016.json"
SEED_2022 = SEEDS / "000_d29490a76c9348c7.txt"
SEED_2016 = SEEDS / "001_0c53b99f94563cb2.txt"


def _seed(path: Path) -> Path:
    if not path.is_file():
        pytest.skip(f"seed text not found: {path}")
    return path


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Report]:
    """(year, 'docx' | 'text') -> the imported report."""
    out: dict[tuple[str, str], Report] = {}
    folder = tmp_path_factory.mktemp("exports")
    for year, sample in (("2022", SAMPLE_2022), ("2016", SAMPLE_2016)):
        docx = write_docx(render(portable.read_file(sample)), folder / f"{year}.docx")
        out[(year, "docx")] = import_file(docx).report
    for year, seed in (("2022", SEED_2022), ("2016", SEED_2016)):
        if seed.is_file():
            out[(year, "text")] = import_file(seed).report
    return out


def _get(imported: dict[tuple[str, str], Report], year: str, form: str) -> Report:
    if (year, form) not in imported:
        _seed(SEED_2022 if year == "2022" else SEED_2016)
    return imported[(year, form)]


def _pairs(report: Report) -> list[tuple[str, str]]:
    return sorted((c.source, c.title) for c in report.contributions)


# --- contributions -----------------------------------------------------------------

# The 2022 sample's one editorial entry: the list item reads `وثيقة من الإطار الاستراتيجي
# لليونيسف ...` (a document's name where the source should stand); the sample takes the source,
# اليونيسف, from section 5 and the item's words as the title. The import keeps what the list says.
UNICEF_SAMPLE = ("اليونيسف", "الإطار الاستراتيجي لليونيسف بشأن حماية الأطفال على الإنترنت والإجراءات المرتبطة بها")
UNICEF_LISTED = (
    "الإطار الاستراتيجي لليونيسف بشأن حماية الأطفال على الإنترنت والإجراءات المرتبطة بها",
    "",  # listed by its source alone: `وثيقة من <source>`
)


@pytest.mark.parametrize("form", ["docx", "text"])
def test_2022_every_contribution_of_the_list(imported, form: str) -> None:
    sample = portable.read_file(SAMPLE_2022)
    report = _get(imported, "2022", form)
    expected = _pairs(sample)
    assert len(expected) == 19 and UNICEF_SAMPLE in expected
    got = _pairs(report)
    assert len(got) == len(expected)
    # Every (source, title) of the sample but the editorial one, exactly; that one as listed.
    assert sorted([*(p for p in expected if p != UNICEF_SAMPLE), UNICEF_LISTED]) == got


@pytest.mark.parametrize("form", ["docx", "text"])
def test_2022_list_items_read_in_full(imported, form: str) -> None:
    report = _get(imported, "2022", form)
    by_source = {c.source: c for c in report.contributions}
    # The first bullet has no `وثيقة من`: the presenter is read from `التي قدمها الاتحاد`, the
    # item's words are the title, and the ITU itself is the secretariat.
    itu = by_source["الاتحاد"]
    assert itu.title.startswith("عرض بشأن آخر المستجدات التي قدمها الاتحاد") and itu.category == "secretariat"
    assert report.paragraph(itu.paragraph_id).kind is ParagraphKind.BULLET
    # Nested parentheses in the source, a colon inside the title.
    assert by_source["موريشيوس (هيئة تكنولوجيا المعلومات والاتصالات (ICTA))"].title == "آلية فرز حالات الاعتداء الجنسي على الأطفال"
    assert by_source["أستراليا"].title == "أفضل الممارسات: نهج أستراليا لضمان سلامة الأطفال على الإنترنت"
    # No title in the list: the title section 5 quotes (`الوثيقة المعنونة "..."`), else none (listed by source).
    assert by_source["الشراكة العالمية من أجل إنهاء العنف ضد الأطفال"].title == "جعل الإنترنت آمناً للأطفال"
    assert by_source["مؤسسة Scort"].title == ""
    # The two group headings (`وثائق ... يقدمها أعضاء الاتحاد:`) are not documents.
    assert not any(c.title.startswith("وثائق") or c.source.startswith("وثائق") for c in report.contributions)
    assert [c.category for c in report.contributions].count("partner") == 5


@pytest.mark.parametrize("form", ["docx", "text"])
def test_2016_no_list_of_documents_no_contribution_guessed(imported, form: str) -> None:
    # The 2016 report has no list of documents: the sample's 14 contributions are the sample's
    # reading of who section 5 says presented, titled `مساهمة <source>` where the report gives no
    # title (editorial). Nothing is guessed from running text: the import finds none.
    assert len(portable.read_file(SAMPLE_2016).contributions) == 14
    assert _get(imported, "2016", form).contributions == []


def _report_with(sections: list[Section]) -> Report:
    return Report(
        summary="يلخّص هذا التقرير النتائج الرئيسية للاجتماع الثامن عشر.",
        sections=sections,
        signature=Signature("السيد", "عبد العزيز الزرعوني", "الإمارات العربية المتحدة", "رئيس فريق العمل التابع للمجلس"),
    )


def test_list_of_documents_in_a_word_file(tmp_path: Path) -> None:
    items = [
        Paragraph("عُرضت الوثائق التالية:"),
        Paragraph("عرض عن أنشطة الفترة المقدمة من أمانة الاتحاد في عام 2021", ParagraphKind.BULLET),
        Paragraph("الدول الأعضاء", ParagraphKind.BULLET),
        Paragraph("الوثيقة CWG\u2011COP/18/5 من المملكة العربية السعودية: الاستراتيجية الوطنية", ParagraphKind.SUB_BULLET),
        Paragraph("تقرير وطني بشأن السلامة على الإنترنت", ParagraphKind.SUB_BULLET),
        Paragraph("وثيقة من كينيا (هيئة الاتصالات (CA)): خطة العمل", ParagraphKind.BULLET),
    ]
    report = _report_with([
        Section("المساهمات", SectionRole.CONTRIBUTIONS, items),
        Section("العروض", SectionRole.PRESENTATIONS, [Paragraph("وعرضت هنغاريا مساهمتها.")]),
    ])  # fmt: skip
    got = import_file(write_docx(render(report), tmp_path / "list.docx")).report
    assert [(c.source, c.title, c.document, c.category) for c in got.contributions] == [
        ("أمانة الاتحاد", items[1].text, "", "secretariat"),
        ("المملكة العربية السعودية", "الاستراتيجية الوطنية", "CWG-COP/18/5", "member_state"),
        ("", "تقرير وطني بشأن السلامة على الإنترنت", "", "member_state"),
        ("كينيا (هيئة الاتصالات (CA))", "خطة العمل", "", ""),
    ]
    # Each item is the list's paragraph for its contribution, and reads as the file did.
    from cwgdraft.drafting.standard import paragraph_text

    texts = {p.id: paragraph_text(got, p) for p in got.all_paragraphs()}
    assert [texts[c.paragraph_id] for c in got.contributions] == [items[1].text, items[3].text, items[4].text, items[5].text]
    listed = {p.ref for p in got.all_paragraphs() if p.standard == "document_item"}
    assert {got.contributions[0].id, got.contributions[3].id} <= listed  # the items in the standard wording


# --- people and opening remarks ---------------------------------------------------------


def _speakers(report: Report) -> list[tuple[str, str]]:
    return [(p.honorific, p.name) for p in report.people if p.role is PersonRole.OPENING_SPEAKER]


def _remarks(report: Report) -> list[tuple[str, str]]:
    """(speaker's name, the paragraph's text) for each opening remark."""
    names = {p.id: p.name for p in report.people}
    texts = {p.id: p.text for p in report.all_paragraphs()}
    return [(names[o.speaker_id], texts[o.paragraph_id]) for o in report.opening_remarks]


@pytest.mark.parametrize("year", ["2022", "2016"])
@pytest.mark.parametrize("form", ["docx", "text"])
def test_opening_speakers_and_their_remarks(imported, year: str, form: str) -> None:
    sample = portable.read_file(SAMPLE_2022 if year == "2022" else SAMPLE_2016)
    report = _get(imported, year, form)
    assert _speakers(report) == _speakers(sample) and _speakers(sample)
    assert _remarks(report) == _remarks(sample)
    assert [p.role for p in report.people] == [p.role for p in sample.people]
    assert report.people[0].role is PersonRole.CHAIR and report.people[0].name == sample.people[0].name
    opening = next(s for s in report.sections if s.role is SectionRole.OPENING)
    assert {o.paragraph_id for o in report.opening_remarks} <= {p.id for p in opening.paragraphs}


@pytest.mark.parametrize("form", ["docx", "text"])
def test_the_function_beside_the_name(imported, form: str) -> None:
    titles_2022 = {p.name: p.title for p in _get(imported, "2022", form).people}
    titles_2016 = {p.name: p.title for p in _get(imported, "2016", form).people}
    assert titles_2022["هولين جاو"] == "الأمين العام للاتحاد"  # title, then name
    # As the report writes it (the sample shortens it to `مديرة مكتب تنمية الاتصالات`).
    assert titles_2022["دورين بوغدان-مارتن"] == "مديرة مكتب تنمية الاتصالات بالاتحاد"
    assert titles_2016["مالكوم جونسون"] == "نائب الأمين العام للاتحاد الدولي للاتصالات"  # name, then title


def test_no_clear_speaker_no_person(tmp_path: Path) -> None:
    opening = [
        Paragraph("افتتح الاجتماع الأمين العام للاتحاد. ورحب بالمشاركين."),  # a function, no name
        Paragraph("وأعطى الكلمة لممثلة اليونيسف، السيدة سارة علي، التي عرضت أنشطتها."),  # not a speaking verb
        Paragraph("وتحدث السيد جونسون عن أهمية الموضوع."),  # a surname of nobody known, no function
        Paragraph("وشدّد على أهمية التعاون، السيد أحمد علي، في هذا المجال."),  # the words before the name: no function
        Paragraph("ورحب الرئيس بالمشاركين."),  # the chair
    ]
    elsewhere = [Paragraph("وأعربت مديرة مكتب تنمية الاتصالات، السيدة دورين بوغدان-مارتن، عن تقديرها.")]
    report = _report_with([
        Section("الملاحظات الافتتاحية", SectionRole.OPENING, opening),
        Section("العروض", SectionRole.PRESENTATIONS, elsewhere),
    ])  # fmt: skip
    got = import_file(write_docx(render(report), tmp_path / "opening.docx")).report
    assert [(p.role, p.name) for p in got.people] == [(PersonRole.CHAIR, "عبد العزيز الزرعوني")]
    assert _remarks(got) == [("عبد العزيز الزرعوني", "ورحب الرئيس بالمشاركين.")]
    # Every paragraph stays, as it was.
    assert [p.text for p in got.sections[0].paragraphs] == [p.text for p in opening]
    assert [p.text for p in got.sections[1].paragraphs] == [elsewhere[0].text]


def test_a_speaker_named_again_is_the_same_person(tmp_path: Path) -> None:
    opening = [
        Paragraph("افتتح السيد مالكوم جونسون، نائب الأمين العام للاتحاد، الاجتماع الثاني عشر."),
        Paragraph("وافتتح السيد جونسون أيضاً الاجتماع الثالث عشر."),
        Paragraph("وأعربت الدكتورة أمينة حسن، مديرة مكتب تنمية الاتصالات، عن تقديرها."),
        Paragraph("ورحب الرئيس، السيد عبد العزيز الزرعوني، بالمشاركين."),
    ]
    report = _report_with([Section("كلمات الترحيب", SectionRole.OPENING, opening)])
    got = import_file(write_docx(render(report), tmp_path / "again.docx")).report
    assert [(p.role, p.honorific, p.name, p.title) for p in got.people] == [
        (PersonRole.CHAIR, "السيد", "عبد العزيز الزرعوني", "رئيس فريق العمل التابع للمجلس"),
        (PersonRole.OPENING_SPEAKER, "السيد", "مالكوم جونسون", "نائب الأمين العام للاتحاد"),
        (PersonRole.OPENING_SPEAKER, "الدكتورة", "أمينة حسن", "مديرة مكتب تنمية الاتصالات"),
    ]
    assert [name for name, _ in _remarks(got)] == ["مالكوم جونسون", "مالكوم جونسون", "أمينة حسن", "عبد العزيز الزرعوني"]
    assert [text for _, text in _remarks(got)] == [p.text for p in opening]
