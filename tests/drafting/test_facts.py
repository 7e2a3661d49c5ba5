"""A fact entered once is written everywhere: change it in the store or in the
portable file, and every place of the export that states it changes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from cwgdraft.core import portable
from cwgdraft.core.model import Contribution, MeetingMode, PersonRole, Report
from cwgdraft.core.store import Store
from cwgdraft.drafting.check import check_report
from cwgdraft.formats.docx_writer import write_docx
from cwgdraft.formats.render import render
from tests.docx_text import docx_lines
from tests.report_factory import SAMPLES_DIR

SAMPLE_2022 = SAMPLES_DIR / "cwg-cop-18-2022.json"


def text_of(report: Report, tmp_path: Path, name: str) -> str:
    path = write_docx(render(report), tmp_path / f"{name}.docx")
    return "\n".join(line.text for line in docx_lines(path)).replace("\u00a0", " ")


def _date(r: Report) -> None:
    r.meetings[0].start = dt.date(2023, 9, 18)


def _participants(r: Report) -> None:
    r.meetings[0].participants = 150


def _platform(r: Report) -> None:
    r.meetings[0].platform = "Webex"


def _chair(r: Report) -> None:
    chair = next(p for p in r.people if p.role is PersonRole.CHAIR)
    chair.name, chair.country = "فاطمة حسن", "مصر"


def _in_person(r: Report) -> None:
    r.meetings[0].mode, r.meetings[0].venue = MeetingMode.IN_PERSON, "مقر الاتحاد في جنيف"


# (what changes, old value seen, new value seen, how many places state it at least)
CHANGES: list[tuple[str, Callable[[Report], None], str, str, int]] = [
    ("meeting date", _date, "12 يناير 2022", "18 سبتمبر 2023", 2),  # summary, introduction
    ("participants", _participants, "نحو 100 مشارك", "نحو 150 مشارك", 1),
    ("platform", _platform, "المنصة Zoom", "المنصة Webex", 1),
    ("chair", _chair, "عبد العزيز الزرعوني", "فاطمة حسن", 2),  # introduction, signature
    ("mode", _in_person, "عبر الإنترنت على المنصة Zoom", "بمقر الاتحاد في جنيف", 1),
]


@pytest.mark.parametrize("what,change,old,new,places", CHANGES, ids=[c[0] for c in CHANGES])
def test_a_fact_changed_in_the_store_changes_everywhere(
    what: str, change: Callable[[Report], None], old: str, new: str, places: int, tmp_path: Path
) -> None:
    with Store.open(tmp_path / "store.db") as store:
        store.save(portable.read_file(SAMPLE_2022))
        report = store.get("21750abf")
        assert text_of(report, tmp_path, "before").count(old) >= places
        change(report)
        store.save(report)
        text = text_of(store.get(report.id), tmp_path, "after")
    assert old not in text, what
    assert text.count(new) >= places, what


@pytest.mark.parametrize("what,change,old,new,places", CHANGES, ids=[c[0] for c in CHANGES])
def test_a_fact_changed_in_the_portable_file_changes_everywhere(
    what: str, change: Callable[[Report], None], old: str, new: str, places: int, tmp_path: Path
) -> None:
    report = portable.read_file(SAMPLE_2022)
    change(report)
    path = tmp_path / "changed.json"
    path.write_text(portable.dumps(report), encoding="utf-8")
    text = text_of(portable.read_file(path), tmp_path, "after")
    assert old not in text and text.count(new) >= places, what


def test_a_new_contribution_is_listed_and_must_be_presented(tmp_path: Path) -> None:
    report = portable.read_file(SAMPLE_2022)
    report.contributions.append(
        Contribution("السلامة على الإنترنت في المدارس", source="جمهورية تونس", category="member_state")
    )
    lines = [(line.label, line.text) for line in docx_lines(write_docx(render(report), tmp_path / "x.docx"))]
    item = ("○", "وثيقة من جمهورية تونس: السلامة على الإنترنت في المدارس")
    assert item in lines
    # listed after the last member state's document, before the partners' group
    at = lines.index(item)
    assert lines[at - 1][1].startswith("وثيقة من موريشيوس")
    assert lines[at + 1][1].startswith("وثائق بشأن جهود التعاون")
    found = [f for f in check_report(report) if f.code == "not_presented"]
    assert [f.source for f in found] == [report.contributions[-1].id]
    # Removing it removes its item.
    report.contributions.pop()
    lines = [(line.label, line.text) for line in docx_lines(write_docx(render(report), tmp_path / "y.docx"))]
    assert item not in lines


def test_the_group_acronym_and_name_follow(tmp_path: Path) -> None:
    report = portable.read_file(SAMPLE_2022)
    report.group.name = "فريق العمل التابع للمجلس المعني بحماية الأطفال في البيئة الرقمية"
    report.group.acronym = "CWG-CDE"
    text = text_of(report, tmp_path, "group")
    assert "على الإنترنت (CWG" not in text
    assert text.count("فريق العمل التابع للمجلس المعني بحماية الأطفال في البيئة الرقمية") >= 5
    assert "(CWG-CDE)" in text and "(CWG\u2011CDE)" in text  # the summary as typed; the introduction held together


def test_a_summary_typed_with_another_meeting_is_found() -> None:
    report = portable.read_file(SAMPLE_2022)
    report.summary = "يلخّص هذا التقرير النتائج الرئيسية للاجتماع السابع عشر الذي عُقد في 3 مارس 2021."
    codes = {f.code for f in check_report(report) if f.source == "report.summary"}
    assert codes == {"other_meeting", "other_date"}


def test_a_field_of_a_deleted_contribution_is_found() -> None:
    report = portable.read_file(SAMPLE_2022)
    custom = next(p for p in report.all_paragraphs() if p.standard == "document_item" and p.text)
    gone = next(c for c in report.contributions if c.id == custom.ref)
    report.contributions = [c for c in report.contributions if c is not gone]
    report.contributions.append(dataclasses.replace(gone, id="0" * 8 + gone.id[8:]))
    # The customised item (its contribution gone) is dropped from the list; nothing dangles.
    assert all(f.code != "unknown_field" for f in check_report(report))
