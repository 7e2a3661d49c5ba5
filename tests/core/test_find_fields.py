"""Find matches a field by what it reads as (its fact filled in); a replace never breaks it."""

from __future__ import annotations

from cwgdraft.core import find, portable
from cwgdraft.core.content import Content, Field, Text
from tests.report_factory import SAMPLES_DIR

SAMPLE = SAMPLES_DIR / "cwg-cop-18-2022.json"


def _report_with(value: Content):  # type: ignore[no-untyped-def]
    report = portable.read_file(SAMPLE)
    paragraph = report.sections[6].paragraphs[0]
    paragraph.text = value
    return report, paragraph


def test_a_field_is_found_by_its_fact_and_not_by_its_name() -> None:
    value = Content([Text("شارك في الاجتماع عبر "), Field("meetings.place"), Text(" مشاركون من زووم.")])
    report, paragraph = _report_with(value)
    found = [f for f in find.find_in_report(report, "Zoom") if f.source == paragraph.id]
    assert len(found) == 1  # the platform, as the field reads
    assert not [f for f in find.find_in_report(report, "مكان الاجتماع") if f.source == paragraph.id]


def test_replace_all_edits_the_text_around_fields_and_leaves_them_whole() -> None:
    value = Content([Text("عُقد الاجتماع "), Field("meetings.place"), Text(" وكان الاجتماع مثمراً.")])
    report, paragraph = _report_with(value)
    done = [r for r in find.replace_in_report(report, "الاجتماع", "اللقاء") if r.source == paragraph.id]
    assert len(done) == 1 and done[0].count == 2
    assert done[0].text == Content([Text("عُقد اللقاء "), Field("meetings.place"), Text(" وكان اللقاء مثمراً.")])
    # A match inside the field's words (Zoom) is found but not replaced: the field stays a field.
    assert not [r for r in find.replace_in_report(report, "Zoom", "Webex") if r.source == paragraph.id]


def test_replace_one_counts_a_field_as_its_fact() -> None:
    value = Content([Field("meetings.dates"), Text(" ثم الاجتماع")])
    report, paragraph = _report_with(value)
    (match,) = [f for f in find.find_in_report(report, "الاجتماع") if f.source == paragraph.id]
    new = find.replace_one(paragraph.text, match, "الاجتماع", "اللقاء", report=report)
    assert new == Content([Field("meetings.dates"), Text(" ثم اللقاء")])
