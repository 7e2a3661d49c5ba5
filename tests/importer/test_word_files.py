"""Word files as people make them: imported and exported, the reader's text comes back.

The files (`wordfiles.py`) use Word's list numbering instead of typed
numbers, in both paragraph-number conventions, abjad letters restarting per
block, the header block in a body table, the first-page header, text boxes or
plain paragraphs, a tracked insertion and deletion, a comment, a bookmark, a
hyperlink and fields.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cwgdraft.core.model import MeetingMode, Numbering, ParagraphKind
from cwgdraft.formats.docx_writer import write_docx
from cwgdraft.formats.render import render
from cwgdraft.importer import import_file
from tests.formats.test_seeds import _diff, output_pairs
from tests.importer.wordfiles import FOOTER, build


def _fold(pairs):
    return [(label, " ".join(text.replace("\u00a0", " ").split())) for label, text in pairs]


@pytest.mark.parametrize("convention", ["2022", "2016"])
@pytest.mark.parametrize("header", ["body_table", "first_page_header", "textboxes", "paragraphs"])
def test_word_file_round_trip(convention: str, header: str, tmp_path: Path) -> None:
    path, seen = build(tmp_path / "word.docx", convention=convention, header=header)
    result = import_file(path)
    assert result.unplaced == []
    assert "1 comment(s) left out" in result.notes
    report = result.report
    expected = Numbering.PARAGRAPH_SECTION if convention == "2022" else Numbering.SECTION_PARAGRAPH
    assert report.numbering is expected
    out = write_docx(render(report), tmp_path / "again.docx")
    want = _fold([*seen, ("", FOOTER)])
    got = _fold(output_pairs(out))
    if got != want:
        pytest.fail(f"{header}/{convention}: the reader's text did not come back:\n{_diff(want, got)}", pytrace=False)


def test_word_file_fields(tmp_path: Path) -> None:
    path, _ = build(tmp_path / "word.docx", header="first_page_header")
    r = import_file(path).report
    assert (r.council_session, r.session_place, r.agenda_item, r.symbol, r.original_language) == (
        "المجلس 2022", "جنيف", "PL 1.5", "C22/7-A", "en",
    )  # fmt: skip
    assert (r.session_start.isoformat(), r.session_end.isoformat(), r.date.isoformat()) == (
        "2022-03-21", "2022-03-31", "2022-01-17",
    )  # fmt: skip
    # tracked changes accepted, the comment left out
    assert r.summary == "يلخّص هذا التقرير النتائج الرئيسية للاجتماع الثامن عشر."
    assert r.references == ["القرار 179 (المراجَع في دبي، 2018)"]
    # fields and hyperlinks: their displayed text
    intro = r.sections[0].paragraphs[0].text
    assert "12 يناير 2022" in intro and "DATE" not in intro and "Zoom." in intro and "100 مشارك" in intro
    assert [(m.number, m.start.isoformat(), m.mode, m.platform, m.participants) for m in r.meetings] == [
        (18, "2022-01-12", MeetingMode.ONLINE, "Zoom", 100)
    ]
    kinds = [p.kind for p in r.sections[3].paragraphs]
    assert kinds == [
        ParagraphKind.NUMBERED, ParagraphKind.LETTERED, ParagraphKind.LETTERED, ParagraphKind.LETTERED_BULLET,
        ParagraphKind.LETTERED, ParagraphKind.NUMBERED, ParagraphKind.LETTERED, ParagraphKind.LETTERED,
    ]  # fmt: skip
    assert [p.kind for p in r.sections[2].paragraphs] == [
        ParagraphKind.NUMBERED, ParagraphKind.BULLET, ParagraphKind.SUB_BULLET, ParagraphKind.SUB_BULLET,
    ]  # fmt: skip
    assert [(c.source, c.title) for c in r.contributions] == [
        ("هنغاريا", "الاستراتيجية الرقمية"), ("أستراليا", "أفضل الممارسات"),
    ]  # fmt: skip
    assert r.signature.name == "عبد العزيز الزرعوني" and r.signature.title == "رئيس فريق العمل التابع للمجلس"
