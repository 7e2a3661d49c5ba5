"""Required fields before export, and the editors' field checks."""

from __future__ import annotations

import datetime as dt

import pytest

from cwgdraft.core.checks import MissingField, missing_fields, validate_dates, validate_meeting_number
from cwgdraft.core.model import Meeting, Paragraph, ParagraphKind, Report, Section
from tests.report_factory import full_report, sample_paths, two_meetings_report


def paths(report: Report) -> list[str]:
    return [m.path for m in missing_fields(report)]


def test_a_full_report_needs_nothing() -> None:
    assert missing_fields(full_report()) == []
    assert missing_fields(two_meetings_report()) == []


def test_an_empty_report_lists_every_required_field_in_order() -> None:
    found = missing_fields(Report())
    assert [m.path for m in found] == [
        "report.symbol",
        "report.date",
        "report.action_required",
        "meetings",
        "signature.name",
    ]  # an empty title and summary are the standard wording
    labels = {m.path: m.label for m in found}
    assert labels["report.symbol"] == "رمز الوثيقة"
    assert labels["report.date"] == "تاريخ الوثيقة"
    assert labels["report.action_required"] == "الإجراء المطلوب"
    assert all(m.label for m in found)


def test_missing_field_is_frozen_and_names_its_source() -> None:
    field = MissingField("report.symbol", "رمز الوثيقة")
    with pytest.raises(AttributeError):
        field.path = "x"  # type: ignore[misc]
    assert missing_fields(Report())[0].source == "report.symbol"


def test_blank_text_counts_as_empty() -> None:
    report = full_report()
    report.symbol = "  \n"
    report.summary = "\u00a0"  # fold: a no-break space alone is still nothing
    assert paths(report) == ["report.symbol", "report.summary"]


def test_meetings_dates_and_numbers() -> None:
    report = full_report()
    report.meetings = [
        Meeting(19),
        Meeting(0, start=dt.date(2022, 5, 3)),
        Meeting(20, start=dt.date(2022, 5, 3), end=dt.date(2022, 5, 1)),
        Meeting(21, start=dt.date(2022, 6, 1), end=dt.date(2022, 6, 2)),
    ]
    found = missing_fields(report)
    assert [m.path for m in found] == ["meetings[0].start", "meetings[1].number", "meetings[2].end"]
    assert found[0].label == "تاريخ الاجتماع التاسع عشر"
    assert found[0].source == report.meetings[0].id
    assert "99" in found[1].label
    assert "يسبق" in found[2].label


def test_sections_and_paragraphs() -> None:
    report = full_report()
    report.sections[2].title = ""
    report.sections[2].paragraphs[3].text = " "
    report.sections[0].paragraphs[1].text = ""
    report.sections[4].paragraphs[2].text = ""  # the second lettered item: `ب)`
    found = missing_fields(report)
    assert [m.path for m in found] == [
        "sections[0].paragraphs[1]",
        "sections[2].title",
        "sections[2].paragraphs[3]",
        "sections[4].paragraphs[2]",
    ]
    assert found[0].label == "نص الفقرة 2.1 في القسم 1"
    assert found[0].source == report.sections[0].paragraphs[1].id
    assert found[1].label == "عنوان القسم 3"
    assert found[1].source == report.sections[2].id
    assert found[3].label == "نص البند ب) في القسم 5"


def test_signature_name() -> None:
    report = full_report()
    report.signature.name = ""
    assert missing_fields(report) == []  # the signature names the chair
    report.people = [p for p in report.people if p.role.value != "chair"]
    found = missing_fields(report)
    assert found == [MissingField("signature.name", "اسم الموقّع (الرئيس)", "report.signature")]


def test_unnumbered_and_bullets_get_a_position() -> None:
    report = full_report()
    report.sections = [
        Section("س", paragraphs=[Paragraph("", ParagraphKind.UNNUMBERED), Paragraph("", ParagraphKind.BULLET)])
    ]
    labels = [m.label for m in missing_fields(report)]
    assert labels == ["نص فقرة غير مرقّمة 1 في القسم 1", "نص بند تعداد 2 في القسم 1"]


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_samples_list_only_what_the_seeds_do_not_give(path) -> None:
    from cwgdraft.core.portable import read_file

    found = paths(read_file(path))
    assert set(found) <= {"report.symbol", "report.date", "report.title"}


@pytest.mark.parametrize("value", [1, 18, 99, "19", " 7 "])
def test_good_meeting_numbers(value: object) -> None:
    assert validate_meeting_number(value) is None


@pytest.mark.parametrize("value", [0, -3, 100, 1000, "", "abc", "1.5", None, True, 2.0])
def test_bad_meeting_numbers(value: object) -> None:
    message = validate_meeting_number(value)
    assert message and "رقم الاجتماع" in message


def test_dates() -> None:
    d = dt.date
    assert validate_dates(None, None) is None
    assert validate_dates(d(2022, 1, 12), None) is None
    assert validate_dates(d(2022, 1, 12), d(2022, 1, 12)) is None
    assert validate_dates(d(2022, 1, 12), d(2022, 1, 14)) is None
    assert validate_dates("2022-01-12", "2022-01-13") is None
    message = validate_dates(d(2022, 1, 14), d(2022, 1, 12))
    assert message == "تاريخ النهاية (12 يناير 2022) يسبق تاريخ البداية (14 يناير 2022)."
    assert "أدخل تاريخ البداية" in (validate_dates(None, d(2022, 1, 12)) or "")
    impossible = validate_dates("2022-02-30", None)
    assert impossible and "2022-02-30" in impossible and "تاريخ البداية" in impossible
    assert "تاريخ النهاية" in (validate_dates("2022-02-01", "2022-13-01") or "")
