"""A new report from the previous one, by facts: the samples' next meetings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cwgdraft.core import portable
from cwgdraft.core.model import Contribution, Person, PersonRole, Report, SectionRole
from cwgdraft.drafting.carry import CarryOver, empty_report, next_report
from cwgdraft.drafting.check import check_report
from cwgdraft.formats.docx_writer import write_docx
from cwgdraft.formats.render import render
from tests.docx_text import docx_lines
from tests.report_factory import SAMPLES_DIR

SAMPLE_2022 = SAMPLES_DIR / "cwg-cop-18-2022.json"
SAMPLE_2016 = SAMPLES_DIR / "cwg-cop-12-13-2016.json"


def exported_text(report: Report, tmp_path: Path) -> str:
    path = write_docx(render(report), tmp_path / f"{report.id}.docx")
    return "\n".join(line.text for line in docx_lines(path)).replace("\u00a0", " ")


def fill_facts(report: Report) -> None:
    """What the secretariat fills in for the new meeting."""
    (meeting,) = report.meetings
    meeting.start = dt.date(2023, 9, 18)
    meeting.participants = 150
    report.symbol, report.date = "C24/9-A", dt.date(2024, 1, 5)
    report.council_session, report.session_place, report.agenda_item = "المجلس 2024", "جنيف", "PL 1.5"
    report.session_start = dt.date(2024, 6, 4)
    report.original_language = "ar"
    for section in report.sections:
        for p in section.paragraphs:
            if not p.text and not p.standard:
                p.text = "نص كتبه الرئيس."


def test_2022_next_report_names_the_nineteenth_meeting_everywhere(tmp_path: Path) -> None:
    previous = portable.read_file(SAMPLE_2022)
    before = portable.dumps(previous)
    report, carry = next_report(previous)
    assert portable.dumps(previous) == before  # the previous report is not touched
    assert isinstance(carry, CarryOver)
    (meeting,) = report.meetings
    assert (meeting.number, meeting.start, meeting.participants, meeting.platform) == (19, None, None, "Zoom")

    text = exported_text(report, tmp_path)
    assert "الثامن عشر" not in text
    # subject, summary, reference, introduction, outcomes heading
    assert text.count("التاسع عشر") >= 5, text
    assert "[التاريخ]" not in text and "12 يناير 2022" not in text and "نحو 100" not in text
    # Missing facts are highlighted placeholders naming the fact, and listed.
    assert "[تاريخ الاجتماع]" in text and "[عدد المشاركين]" in text
    codes = {(f.code, f.label.split(":")[0]) for f in check_report(report)}
    assert ("missing_fact", "الملخص") in codes and ("missing_fact", "الفقرة 1.1") in codes
    assert any("تاريخ الاجتماع التاسع عشر" in m.label for m in carry.to_fill)
    # The list of documents kept its lead-in and lists nothing yet.
    documents = next(s for s in report.sections if s.role is SectionRole.CONTRIBUTIONS)
    assert [p.standard for p in documents.paragraphs] == ["documents_intro"]


def test_2016_next_report_is_on_the_fourteenth_meeting_in_the_singular(tmp_path: Path) -> None:
    report, _ = next_report(portable.read_file(SAMPLE_2016))
    text = exported_text(report, tmp_path)
    assert "الثاني عشر" not in text and "الثالث عشر" not in text
    assert text.count("الرابع عشر") >= 4, text  # subject, summary, introduction, outcomes heading
    for dual in ("الاجتماعين", "اللذين", "جدولا", "بصيغتهما", "هذين"):
        assert dual not in text, dual
    assert "اعتُمد جدول الأعمال بصيغته الأصلية." in text
    assert "الذي عُقد في [تاريخ الاجتماع]" in text


@pytest.mark.parametrize("sample", [SAMPLE_2022, SAMPLE_2016], ids=["2022", "2016"])
def test_filling_the_facts_removes_every_finding(sample: Path, tmp_path: Path) -> None:
    report, carry = next_report(portable.read_file(sample))
    assert carry.to_fill
    fill_facts(report)
    assert [f.label for f in check_report(report)] == []
    text = exported_text(report, tmp_path)
    assert "18 سبتمبر 2023" in text and "[" not in text


def test_chained_reports_follow_the_facts(tmp_path: Path) -> None:
    report = portable.read_file(SAMPLE_2022)
    for expected in ("التاسع عشر", "العشرين", "الحادي والعشرين"):
        report, _ = next_report(report)
        fill_facts(report)
        text = exported_text(report, tmp_path)
        assert expected in text, expected


def test_meeting_99_has_no_next_number() -> None:
    report = empty_report(99)
    new, carry = next_report(report)
    assert new.meetings[0].number == 99
    assert carry.to_fill[0].path == "meetings[0].number"


def test_a_report_from_the_templates_is_all_standard_wording(tmp_path: Path) -> None:
    report = empty_report(3)
    report.group.name, report.group.acronym = "فريق العمل التابع للمجلس المعني بحماية الأطفال", "CWG-COP"
    report.people = [Person("مها علي", honorific="السيدة", country="تونس", role=PersonRole.CHAIR)]
    report.meetings[0].start = dt.date(2025, 3, 4)
    report.contributions = [Contribution("خطة العمل", source="تونس", category="member_state")]
    text = exported_text(report, tmp_path)
    assert "عقد فريق العمل التابع للمجلس المعني بحماية الأطفال (CWG‑COP) اجتماعه الثالث في 4 مارس 2025" in text
    assert "وترأسه السيدة مها علي (تونس)" in text
    assert "○" not in text  # the item's glyph is list numbering, the text is the item
    assert "وثيقة من تونس: خطة العمل" in text  # listed from the contribution
    assert "مها علي (تونس)" in text.split("\n")  # the signature names the chair
