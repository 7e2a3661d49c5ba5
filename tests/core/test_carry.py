"""A new report from the previous one: on the real samples and on built reports."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest

from cwgdraft.core import portable
from cwgdraft.core.model import Meeting, MeetingMode, Paragraph, ParagraphKind, Report, Section, SectionRole
from cwgdraft.drafting.carry import CarryOver, next_report
from cwgdraft.formats.render import DEFAULT_TEMPLATE, load_template, render
from tests.report_factory import SAMPLES_DIR, full_report, two_meetings_report

SAMPLE_2022 = SAMPLES_DIR / "cwg-cop-18-2022.json"
SAMPLE_2016 = SAMPLES_DIR / "cwg-cop-12-13-2016.json"


def previous_2022() -> Report:
    """The 2022 sample, or the factory's 18th-meeting report until the sample exists."""
    return portable.read_file(SAMPLE_2022) if SAMPLE_2022.exists() else full_report()


def previous_2016() -> Report:
    if SAMPLE_2016.exists():
        return portable.read_file(SAMPLE_2016)
    report = two_meetings_report()
    report.sections[0].paragraphs[
        0
    ].text = (
        "عقد الفريق اجتماعه الثاني عشر في 10 أكتوبر 2016 واجتماعه الثالث عشر في 2 فبراير 2017 بمقر الاتحاد في جنيف."
    )
    report.sections[-1].title = "نواتج الاجتماعين الثاني عشر والثالث عشر لفريق العمل"
    return report


def all_ids(report: Report) -> list[str]:
    ids = [report.id]
    ids += [m.id for m in report.meetings] + [p.id for p in report.people]
    ids += [c.id for c in report.contributions] + [o.id for o in report.opening_remarks]
    for s in report.sections:
        ids.append(s.id)
        ids += [p.id for p in s.paragraphs]
    return ids


def test_2022_next_meeting_is_the_nineteenth() -> None:
    previous = previous_2022()
    before = portable.dumps(previous)
    report, carry = next_report(previous)
    assert portable.dumps(previous) == before  # the previous report is not touched
    assert isinstance(carry, CarryOver)

    (meeting,) = report.meetings
    assert meeting.number == 19
    assert (meeting.start, meeting.end, meeting.participants) == (None, None, None)
    assert meeting.mode is MeetingMode.ONLINE and meeting.platform == "Zoom"

    outcomes = next(s for s in report.sections if s.role is SectionRole.OUTCOMES)
    assert "التاسع عشر" in outcomes.title and "الثامن عشر" not in outcomes.title
    assert any("«الاجتماع الثامن عشر» صار «الاجتماع التاسع عشر»" in line for line in carry.carried)

    # Header: session-specific fields cleared, the rest kept.
    assert (report.symbol, report.date, report.session_start, report.session_end) == ("", None, None, None)
    assert report.subject == ""
    assert report.numbering == previous.numbering
    assert report.original_language == previous.original_language
    assert report.references and report.group == previous.group and report.signature == previous.signature
    assert report.action_required == previous.action_required
    # The template writes the subject from the new meeting.
    subject = next(b for b in render(report).blocks if b.style == "subject")
    assert subject.text.startswith("نتائج الاجتماع التاسع عشر ل")
    assert "التاسع عشر" in report.summary and "[التاريخ]" in report.summary
    assert "الثامن عشر" not in report.summary


def test_2022_ids_are_new_unique_and_links_consistent() -> None:
    previous = previous_2022()
    report, carry = next_report(previous)
    new_ids = all_ids(report)
    assert len(new_ids) == len(set(new_ids))
    assert not set(new_ids) & set(all_ids(previous))
    portable.check_links(report)
    # The mapping names what each new object was copied from.
    for old, new in carry.ids.items():
        assert old in all_ids(previous) and new in new_ids
    for old, new in zip(previous.sections, report.sections, strict=True):
        assert carry.ids[old.id] == new.id
    assert report.contributions == [] and report.opening_remarks == []
    assert [p.role.value for p in report.people] == ["chair"]
    assert carry.ids[next(p.id for p in previous.people if p.role.value == "chair")] == report.people[0].id


def test_2022_round_trip_is_valid() -> None:
    report, _ = next_report(previous_2022())
    text = portable.dumps(report)
    again = portable.loads(text)
    assert portable.dumps(again) == text


def test_2022_standing_and_cleared_sections() -> None:
    previous = previous_2022()
    report, carry = next_report(previous)
    assert [(s.title.replace("الثامن عشر", "التاسع عشر"), s.role) for s in previous.sections] == [
        (s.title, s.role) for s in report.sections
    ]
    for old, new in zip(previous.sections, report.sections, strict=True):
        if old.role in {SectionRole.AGENDA, SectionRole.OTHER_BUSINESS}:
            assert [p.text for p in new.paragraphs] == [p.text for p in old.paragraphs]
            assert [p.kind for p in new.paragraphs] == [p.kind for p in old.paragraphs]
        elif old.role is SectionRole.INTRODUCTION:
            text = new.paragraphs[0].text
            assert "اجتماعه التاسع عشر" in text and "[التاريخ]" in text
            assert "يناير" not in text
        else:
            assert [(p.text, p.kind) for p in new.paragraphs] == [("", ParagraphKind.NUMBERED)]
    # What must be filled in: the header, the meeting's date, each cleared section, the date placeholders.
    paths = [m.path for m in carry.to_fill]
    for path in ("report.symbol", "report.date", "meetings[0].start"):
        assert path in paths
    cleared = [
        i
        for i, s in enumerate(report.sections)
        if s.role not in {SectionRole.INTRODUCTION, SectionRole.AGENDA, SectionRole.OTHER_BUSINESS, SectionRole.OTHER}
    ]
    for i in cleared:
        assert f"sections[{i}].paragraphs[0]" in paths
    assert "report.summary" in paths
    assert all(m.label for m in carry.to_fill)
    assert any(line.startswith("الاجتماع الجديد: الاجتماع التاسع عشر") for line in carry.carried)


def test_2016_dual_becomes_one_meeting() -> None:
    previous = previous_2016()
    report, carry = next_report(previous)
    assert [m.number for m in report.meetings] == [14]
    assert report.numbering == previous.numbering
    outcomes = report.sections[-1]
    assert outcomes.title.startswith("نتائج الاجتماع الرابع عشر")
    assert "الاجتماعين" not in outcomes.title
    assert any("«الاجتماعين الثاني عشر والثالث عشر» صار «الاجتماع الرابع عشر»" in line for line in carry.carried)
    intro = report.sections[0].paragraphs[0].text
    assert "اجتماعه الرابع عشر في [التاريخ]" in intro
    assert intro.count("الرابع عشر") == 1  # the two meetings named one by one become one
    assert "2016" not in intro and "2017" not in intro
    subject = next(b for b in render(report).blocks if b.style == "subject")
    assert subject.text.startswith("نتائج الاجتماع الرابع عشر ل")
    portable.loads(portable.dumps(report))


@pytest.mark.skipif(not SAMPLE_2016.exists(), reason="the 2016 sample is not written yet")
def test_2016_agenda_in_the_singular() -> None:
    report, carry = next_report(portable.read_file(SAMPLE_2016))
    agenda = next(s for s in report.sections if s.role is SectionRole.AGENDA)
    assert agenda.paragraphs[0].text == "اعتُمد جدول الأعمال الخاص بالاجتماع الرابع عشر بصيغته الأصلية."
    assert any("«بصيغتهما الأصلية» صار «بصيغته الأصلية»" in line for line in carry.carried)


def test_chained_reports_follow_the_ordinals() -> None:
    report = previous_2022()
    for number, word in ((19, "التاسع عشر"), (20, "العشرون"), (21, "الحادي والعشرون")):
        report, _ = next_report(report)
        assert report.meetings[0].number == number
        assert word in report.summary
        assert word in report.sections[-1].title or word in next(
            s.title for s in report.sections if s.role is SectionRole.OUTCOMES
        )


def _one_meeting(number: int, text: str, title: str = "نتائج") -> Report:
    return Report(
        meetings=[Meeting(number, start=dt.date(2022, 1, 12))],
        sections=[
            Section("مقدمة", SectionRole.INTRODUCTION, [Paragraph(text)]),
            Section(title, SectionRole.OUTCOMES, [Paragraph("x")]),
        ],
    )


@pytest.mark.parametrize(
    ("number", "text", "expected"),
    [
        # A previous ordinal that begins a longer one is left alone.
        (
            2,
            "قرر الاجتماع الثاني عشر وعقد الفريق اجتماعه الثاني.",
            "قرر الاجتماع الثاني عشر وعقد الفريق اجتماعه الثالث.",
        ),
        (2, "في الاجتماع الثاني والعشرين", "في الاجتماع الثاني والعشرين"),
        # No-break spaces inside the ordinal, as the seeds type them.
        (18, "اجتماعه الثامن\u00a0عشر في\u00a012\u00a0يناير\u00a02022", "اجتماعه التاسع عشر في\u00a0[التاريخ]"),
        # The genitive of the tens is kept.
        (21, "نتائج الاجتماع الحادي والعشرين للفريق", "نتائج الاجتماع الثاني والعشرين للفريق"),
        (21, "الاجتماع الحادي والعشرون", "الاجتماع الثاني والعشرون"),
        # An ordinal that does not name a meeting is not a meeting number.
        (18, "في القرن الثامن عشر", "في القرن الثامن عشر"),
        (19, "الاجتماع التاسع عشرة", "الاجتماع التاسع عشرة"),
    ],
)
def test_ordinal_rewrites(number: int, text: str, expected: str) -> None:
    report, carry = next_report(_one_meeting(number, text))
    assert report.sections[0].paragraphs[0].text == expected
    if text == expected:
        assert not any("صار" in line for line in carry.carried)


def test_meeting_99_has_no_next_ordinal() -> None:
    report, carry = next_report(_one_meeting(99, "اجتماعه التاسع والتسعون"))
    assert report.meetings[0].number == 99  # the schema's and the ordinal words' last number
    assert report.summary == ""
    assert carry.to_fill[0].path == "meetings[0].number"
    portable.loads(portable.dumps(report))
    assert report.sections[0].paragraphs[0].text == "اجتماعه التاسع والتسعون"
    assert "meetings[0].number" in [m.path for m in carry.to_fill]


def test_no_meetings_starts_at_one() -> None:
    report, carry = next_report(Report(sections=[Section("مقدمة", SectionRole.INTRODUCTION)]))
    assert [m.number for m in report.meetings] == [1]
    assert report.summary.startswith("يلخّص هذا التقرير النتائج الرئيسية التي توصّل إليها الاجتماع الأول لفريق العمل")
    assert carry.carried


def test_built_report_with_links() -> None:
    previous = full_report()
    assert previous.contributions and previous.opening_remarks
    report, _ = next_report(previous)
    portable.check_links(report)
    assert portable.dumps(portable.loads(portable.dumps(report))) == portable.dumps(report)
    from cwgdraft.formats.docx_writer import to_bytes

    assert to_bytes(render(report))[:2] == b"PK"


def test_summary_wording_comes_from_the_template(tmp_path: Path) -> None:
    folder = tmp_path / "my-template"
    shutil.copytree(DEFAULT_TEMPLATE, folder)
    carry_j2 = folder / "carry.j2"
    text = carry_j2.read_text(encoding="utf-8")
    text = text.replace("يلخّص هذا التقرير النتائج الرئيسية", "موجز <نتائج> &")
    carry_j2.write_text(text, encoding="utf-8")
    report, _ = next_report(previous_2022(), load_template(folder))
    assert report.summary.startswith("موجز <نتائج> & التي توصّل إليها الاجتماع التاسع عشر")


def test_summary_with_dates_and_no_mandate() -> None:
    previous = full_report()
    previous.group = dataclasses.replace(previous.group, mandate=[], acronym="")
    report, _ = next_report(previous)
    assert report.summary.endswith("الذي عُقد في [التاريخ].")


# --- any report: no crash, valid result ------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cwgdraft.core import arabic  # noqa: E402

_WORDS = st.sampled_from(
    ["الاجتماع", "اجتماعه", "الاجتماعين", "بالاجتماعين", "و", "في", "عشر", "عشرة", "\u00a0", " ", "[التاريخ]",
     "12 يناير 2022", "جدولا الأعمال", "<&>", "{{ x }}", "(CWG\u2011COP)"]
    + [arabic.ordinal(n) for n in (1, 2, 3, 9, 10, 11, 12, 13, 18, 19, 20, 21, 99)]
    + [arabic.meetings_phrase([12, 13]), arabic.meetings_phrase([12, 13], genitive=False)]
)  # fmt: skip
_TEXT = st.one_of(st.lists(_WORDS, max_size=12).map(" ".join), st.text(max_size=40))
_KINDS = st.sampled_from(list(ParagraphKind))
_ROLES = st.sampled_from(list(SectionRole))


@st.composite
def reports(draw: st.DrawFn) -> Report:
    numbers = draw(st.lists(st.integers(min_value=-3, max_value=120), max_size=3))
    meetings = [
        Meeting(n, start=draw(st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)))))
        for n in numbers
    ]
    sections = [
        Section(
            draw(_TEXT),
            draw(_ROLES),
            [Paragraph(draw(_TEXT), draw(_KINDS)) for _ in range(draw(st.integers(0, 3)))],
        )
        for _ in range(draw(st.integers(0, 4)))
    ]
    return Report(
        title=draw(_TEXT),
        summary=draw(_TEXT),
        references=draw(st.lists(_TEXT, max_size=2)),
        meetings=meetings,
        sections=sections,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_any_report_gives_a_valid_next_report(previous: Report) -> None:
    report, carry = next_report(previous)
    valid = [m.number for m in previous.meetings if 1 <= m.number <= 99]
    assert [m.number for m in report.meetings] == [min(max(valid, default=0) + 1, 99)]
    ids = all_ids(report)
    assert len(ids) == len(set(ids)) and not set(ids) & set(all_ids(previous))
    assert [
        (
            s.role,
            len(s.paragraphs)
            if s.role in {SectionRole.INTRODUCTION, SectionRole.AGENDA, SectionRole.OTHER_BUSINESS, SectionRole.OTHER}
            else 1,
        )
        for s in report.sections
    ] == [
        (
            s.role,
            len(s.paragraphs)
            if s.role in {SectionRole.INTRODUCTION, SectionRole.AGENDA, SectionRole.OTHER_BUSINESS, SectionRole.OTHER}
            else 1,
        )
        for s in previous.sections
    ]
    text = portable.dumps(report)
    assert portable.dumps(portable.loads(text)) == text
    assert all(isinstance(line, str) and line for line in carry.carried)
