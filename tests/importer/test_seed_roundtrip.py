"""Each seed text imported and exported gives back the seed, line for line.

The comparison is the seed tests' own (`tests/formats/test_seeds.py`): the
same normalisation of both sides, the same allowed extra lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cwgdraft.core.model import MeetingMode, Numbering, ParagraphKind
from cwgdraft.formats.docx_writer import write_docx
from cwgdraft.formats.render import render
from cwgdraft.importer import import_file
from tests.formats.test_seeds import CASES, SEEDS, _diff, output_pairs, seed_pairs


@pytest.mark.parametrize("case", CASES, ids=[c.seed for c in CASES])
def test_seed_text_imported_and_exported_gives_back_the_seed(case, tmp_path: Path) -> None:
    seed_path = SEEDS / case.seed
    if not seed_path.is_file():
        pytest.skip(f"{seed_path}: the seeds are not beside the repository")
    result = import_file(seed_path)
    assert result.unplaced == []
    report = result.report
    out = write_docx(render(report), tmp_path / "imported.docx")
    signature = f"{report.signature.honorific} {report.signature.name}".strip()
    expected = [*case.before, *seed_pairs(seed_path, signature), *case.after]
    got = output_pairs(out)
    if got != expected:
        pytest.fail(f"{case.seed} imported and exported differs:\n{_diff(expected, got)}", pytrace=False)


def _seed(name: str) -> Path:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"{path}: the seeds are not beside the repository")
    return path


def test_2022_fields() -> None:
    r = import_file(_seed("000_d29490a76c9348c7.txt")).report
    assert r.numbering is Numbering.PARAGRAPH_SECTION
    assert [(m.number, m.start.isoformat(), m.mode, m.platform, m.participants) for m in r.meetings] == [
        (18, "2022-01-12", MeetingMode.ONLINE, "Zoom", 100)
    ]
    assert r.group.acronym == "CWG-COP"
    assert r.group.name == "فريق العمل التابع للمجلس والمعني بحماية الأطفال على الإنترنت"
    assert (r.signature.honorific, r.signature.name, r.signature.country) == (
        "", "عبد العزيز الزرعوني", "الإمارات العربية المتحدة",
    )  # fmt: skip
    assert r.signature.title == "رئيس فريق العمل التابع للمجلس\nوالمعني بحماية الأطفال على الإنترنت"
    assert r.action_required == "يُرجى من المجلس الإحاطة علماً بهذا التقرير."
    assert [s.role.value for s in r.sections] == [
        "introduction", "opening", "agenda", "contributions", "presentations", "other_business", "outcomes",
    ]  # fmt: skip
    kinds = [p.kind for p in r.sections[4].paragraphs]
    assert kinds.count(ParagraphKind.UNNUMBERED) == 1 and kinds.count(ParagraphKind.NUMBERED) == 20
    by_source = {c.source: c.title for c in r.contributions}
    assert by_source["جمهورية نيجيريا الاتحادية"] == "أنشطة بشأن حماية الأطفال على الإنترنت"
    assert by_source["لجنة السلامة الإلكترونية"] == ""  # no title listed: `وثيقة من <source>`
    assert all(c.meeting_id == r.meetings[0].id and r.paragraph(c.paragraph_id) for c in r.contributions)


def test_2016_fields() -> None:
    r = import_file(_seed("001_0c53b99f94563cb2.txt")).report
    assert r.numbering is Numbering.SECTION_PARAGRAPH
    assert r.original_language == "en"
    assert r.title == "تقرير من رئيس فريق العمل التابع للمجلس\nالمعني بحماية الأطفال على الخط"
    assert r.subject.startswith("نواتج الاجتماعين الثاني عشر والثالث عشر")
    assert [(m.number, m.start.isoformat(), m.mode) for m in r.meetings] == [
        (12, "2016-10-10", MeetingMode.HYBRID), (13, "2017-02-02", MeetingMode.HYBRID),
    ]  # fmt: skip
    assert r.meetings[0].venue == "مقر الاتحاد في جنيف"
    assert (r.signature.honorific, r.signature.name, r.signature.country) == ("الدكتور", "شريف هاشم", "جمهورية مصر العربية")
    assert r.references == ["القرار 179 (المراجَع في بوسان، 2014)", "القرار 1306 للمجلس"]
    outcomes = [p.kind for p in r.sections[5].paragraphs]
    assert outcomes.count(ParagraphKind.LETTERED) == 7 and outcomes.count(ParagraphKind.LETTERED_BULLET) == 3
    assert all(p.kind is ParagraphKind.UNNUMBERED for s in r.sections[:3] for p in s.paragraphs)


@pytest.mark.parametrize("case", CASES, ids=[c.seed for c in CASES])
def test_imported_seed_is_a_valid_portable_report(case) -> None:
    from cwgdraft.core import portable

    report = import_file(_seed(case.seed)).report
    text = portable.dumps(report)
    assert portable.dumps(portable.loads(text)) == text
