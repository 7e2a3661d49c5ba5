"""Word files made by people, not by cwgdraft: every word a reader saw comes in.

The rule for every file: each word a reader sees on the page (tracked changes
accepted) is in the imported report, in order, once. "In the report" is read
off the report exported again to Word, so the words are where a reader of
the export finds them. The files are built as Word writes them
(`wordfiles.py`): typed labels, titles over several paragraphs, tracked
paragraph marks and moves, changes in tables and text boxes, symbol-font
bullets, presentation-form letters, framed header paragraphs in ITU's style
names, addenda and revisions.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

from cwgdraft.core.model import ParagraphKind, Report
from cwgdraft.formats.docx_writer import write_docx
from cwgdraft.formats.render import render
from cwgdraft.importer import ImportResult, import_file
from tests.formats.test_seeds import output_pairs
from tests.importer.wordfiles import (
    INS,
    NS,
    TAB,
    _table,
    _textbox,
    deleted,
    framed,
    ins,
    para,
    para_mark,
    run,
    styled_word,
    sym,
)

_WORD = re.compile("[\u0621-\u064aA-Za-z]+|\\d+")
_MARKS = re.compile("[\u064b-\u0652\u0670]")


def words(text: str) -> list[str]:
    """Words as a reader compares them: vowel marks and letter shapes (presentation forms) aside."""
    return _WORD.findall(_MARKS.sub("", unicodedata.normalize("NFKC", text)))


def _template_words(tmp_path: Path) -> set[str]:
    out = write_docx(render(Report()), tmp_path / "empty.docx")
    return {w for label, text in output_pairs(out) for w in words(f"{label} {text}")}


def assert_words_kept(seen: list[str], result: ImportResult, tmp_path: Path) -> list[str]:
    """Each word of `seen` (what a reader sees, in order) is in the imported report,
    in order, once; numbers aside (paragraph numbers are the report's own)."""
    out = write_docx(render(result.report), tmp_path / "imported.docx")
    got = [w for label, text in output_pairs(out) for w in words(f"{label} {text}") if not w.isdigit()]
    want = [w for text in seen for w in words(text) if not w.isdigit()]
    position = 0
    for index, word in enumerate(want):
        try:
            position = got.index(word, position) + 1
        except ValueError:
            context = " ".join(want[max(0, index - 6) : index + 2])
            raise AssertionError(f"{word!r} lost or out of order, after: {context}\nexported: {' '.join(got)}") from None
    template = _template_words(tmp_path)
    have, need = Counter(got), Counter(want)
    twice = {w: have[w] for w in need if w not in template and have[w] != need[w]}
    assert twice == {}, f"words not there exactly once (exported count): {twice}"
    return got


FRONT = ["تقرير من رئيس فريق العمل", "نتائج الاجتماع الثامن عشر", "ملخص", "نص الملخص."]
SIGNATURE = ["عبد العزيز الزرعوني (الإمارات العربية المتحدة)", "رئيس فريق العمل", "___________"]


def _front() -> list[str]:
    return [para(run(t)) for t in FRONT]


def _end() -> list[str]:
    return [para(run(t)) for t in SIGNATURE]


# --- 7: a typed label that cannot be placed stays, label and all ------------------------


def test_typed_labels_that_cannot_be_placed_stay_as_text(tmp_path: Path) -> None:
    body = [
        para(run("أ )\tسطر بعد العنوانين لا مكان له")),
        para(run("ملخص")),
        para(run("نص الملخص.")),
        para(run("1\tمقدمة")),
        para(run("1.1\tالفقرة الأولى.")),
        # `1` + tab before a sentence: not a section heading
        para(run("2\tعقد الفريق اجتماعه التالي في جنيف وناقش المسائل المطروحة.")),
        _table(["4.1\tخلية ذات رقم"], ["ب)\tخلية ذات حرف"]),
        *_end(),
        para(run("ج)\tسطر بعد الخط الأخير")),
    ]
    # The line before the summary box and the one after the end rule have no
    # place there in a report: they come first and last in the body (checked
    # below), the rest in order.
    seen = [
        "تقرير من رئيس فريق العمل", "نتائج الاجتماع الثامن عشر", "ملخص", "نص الملخص.", "1 مقدمة", "1.1 الفقرة الأولى.", "2 عقد الفريق اجتماعه التالي في جنيف وناقش المسائل المطروحة.",
        "4.1 خلية ذات رقم", "ب) خلية ذات حرف", *SIGNATURE,
    ]  # fmt: skip
    path = styled_word(tmp_path / "w.docx", [para(run(FRONT[0])), para(run(FRONT[1])), *body])
    result = import_file(path)
    texts = [p.text for s in result.report.sections for p in s.paragraphs]
    for labelled in ("أ )\tسطر بعد العنوانين", "2\tعقد الفريق", "4.1\tخلية ذات رقم", "ب)\tخلية ذات حرف", "ج)\tسطر بعد الخط"):
        assert any(t.startswith(labelled) for t in texts), (labelled, texts)
    assert [s.title for s in result.report.sections] == ["مقدمة"]
    assert texts[0] == "أ )\tسطر بعد العنوانين لا مكان له"
    assert texts[-1] == "ج)\tسطر بعد الخط الأخير"
    joined = "\n".join(result.unplaced)
    for piece in ("سطر بعد العنوانين", "عقد الفريق اجتماعه", "خلية ذات رقم", "سطر بعد الخط"):
        assert piece in joined
    assert_words_kept(seen, result, tmp_path)


# --- 8: a title or subject over several paragraphs ------------------------------------------


def _two_line_front(style_title: str | None, style_subject: str | None) -> list[str]:
    return [
        para(run("تقرير من رئيس فريق العمل التابع للمجلس"), style=style_title),
        para(run("المعني بحماية الأطفال على الخط"), style=style_title),
        para(run("نواتج الاجتماعين الثاني عشر والثالث عشر لفريق العمل التابع للمجلس"), style=style_subject),
        para(run("المعني بحماية الأطفال على الخط"), style=style_subject),
    ]


TWO_LINE_SEEN = [
    "تقرير من رئيس فريق العمل التابع للمجلس", "المعني بحماية الأطفال على الخط",
    "نواتج الاجتماعين الثاني عشر والثالث عشر لفريق العمل التابع للمجلس", "المعني بحماية الأطفال على الخط",
    "ملخص", "نص الملخص.", "1 مقدمة", "1.1 الفقرة الأولى.", *SIGNATURE,
]  # fmt: skip


def _two_line_report(tmp_path: Path, styles: tuple[str | None, str | None]) -> ImportResult:
    rest = [para(run("ملخص")), para(run("نص الملخص.")), para(run("1\tمقدمة")), para(run("1.1\tالفقرة الأولى.")), *_end()]
    ids = [s for s in styles if s]
    path = styled_word(tmp_path / "w.docx", [*_two_line_front(*styles), *rest], ids)
    return import_file(path)


def test_title_and_subject_over_two_paragraphs_each(tmp_path: Path) -> None:
    result = _two_line_report(tmp_path, (None, None))
    r = result.report
    assert r.title == "تقرير من رئيس فريق العمل التابع للمجلس\nالمعني بحماية الأطفال على الخط"
    assert r.subject == "نواتج الاجتماعين الثاني عشر والثالث عشر لفريق العمل التابع للمجلس\nالمعني بحماية الأطفال على الخط"
    assert result.unplaced == []
    assert_words_kept(TWO_LINE_SEEN, result, tmp_path)


def test_title_and_subject_in_itu_styles(tmp_path: Path) -> None:
    """ITU's templates: `Source` holds the title (`Report by the Chair ...`), `Title1` the subject."""
    result = _two_line_report(tmp_path, ("Source", "Title1"))
    r = result.report
    assert r.title.startswith("تقرير من رئيس") and r.title.count("\n") == 1
    assert r.subject.startswith("نواتج الاجتماعين") and r.subject.count("\n") == 1
    assert result.unplaced == []
    assert_words_kept(TWO_LINE_SEEN, result, tmp_path)


# --- 9: tracked changes, symbol bullets, presentation forms ------------------------------------


MOVED_FROM = run("1.4\tفقرة نقلها المراجع.")
MOVED_TO = run("2.2\tفقرة نقلها المراجع.")


def test_tracked_paragraph_marks_and_moves(tmp_path: Path) -> None:
    body = [
        *_front(),
        para(run("1\tمقدمة")),
        # A deleted paragraph mark: accepted, the two paragraphs are one.
        para_mark(run("1.1\tعقد الفريق اجتماعه الثامن عشر "), "del"),
        para(run("عبر الإنترنت على المنصة Zoom.")),
        # An inserted mark: accepted, the split stays.
        para_mark(run("1.2\tوشارك فيه نحو 100 مشارك."), "ins", n=93),
        para(run("1.3\tوترأسه رئيس الفريق.")),
        # A paragraph moved: read where it went, once.
        f'<w:p {NS}><w:pPr><w:bidi/><w:rPr><w:moveFrom {INS.format(id=94)}/></w:rPr></w:pPr>'
        f'<w:moveFromRangeStart w:id="95" w:name="move1" w:author="Reviewer" w:date="2022-02-01T10:00:00Z"/>'
        f"<w:moveFrom {INS.format(id=96)}>{MOVED_FROM}</w:moveFrom>"
        '<w:moveFromRangeEnd w:id="95"/></w:p>',
        para(run("2\tالمساهمات")),
        para(run("1.2\tعُرضت الوثائق التالية.")),
        f'<w:p {NS}><w:pPr><w:bidi/><w:rPr><w:moveTo {INS.format(id=97)}/></w:rPr></w:pPr>'
        f'<w:moveToRangeStart w:id="98" w:name="move1" w:author="Reviewer" w:date="2022-02-01T10:00:00Z"/>'
        f"<w:moveTo {INS.format(id=99)}>{MOVED_TO}</w:moveTo>"
        '<w:moveToRangeEnd w:id="98"/></w:p>',
        *_end(),
    ]
    seen = [
        *FRONT, "1 مقدمة", "1.1 عقد الفريق اجتماعه الثامن عشر عبر الإنترنت على المنصة Zoom.",
        "1.2 وشارك فيه نحو 100 مشارك.", "1.3 وترأسه رئيس الفريق.", "2 المساهمات", "1.2 عُرضت الوثائق التالية.",
        "2.2 فقرة نقلها المراجع.", *SIGNATURE,
    ]  # fmt: skip
    result = import_file(styled_word(tmp_path / "w.docx", body))
    first = [p.text for p in result.report.sections[0].paragraphs]
    assert first == [
        "عقد الفريق اجتماعه الثامن عشر عبر الإنترنت على المنصة Zoom.",
        "وشارك فيه نحو 100 مشارك.",
        "وترأسه رئيس الفريق.",
    ]
    assert [p.text for p in result.report.sections[1].paragraphs][-1] == "فقرة نقلها المراجع."
    assert_words_kept(seen, result, tmp_path)


def test_tracked_changes_inside_tables_and_text_boxes(tmp_path: Path) -> None:
    deleted_row = (
        '<w:tr><w:trPr><w:del w:id="80" w:author="Reviewer" w:date="2022-02-01T10:00:00Z"/></w:trPr>'
        '<w:tc><w:tcPr><w:tcW w:w="4800" w:type="dxa"/></w:tcPr>'
        f"{para(deleted('صف حذفه المراجع', n=81))}</w:tc></w:tr>"
    )
    table = _table(["خلية " + "أولى"], ["خلية ثانية"])
    table = table.replace("<w:tr>", "<w:tr>", 1).replace("</w:tr></w:tbl>", f"</w:tr>{deleted_row}</w:tbl>")
    # In a cell: an insertion and a deletion, and a deleted paragraph mark (accepted: one paragraph).
    cell_change = (
        para(run("خلية فيها ") + ins(run("إضافة "), 82) + deleted("حذف ", 83) + run("مقبولان."))
        + para_mark(run("خلية مقسومة "), "del", n=86)
        + para(run("على سطرين."))
    )
    table = table.replace(para(run("خلية ثانية")), cell_change)
    box = _textbox(["نص في إطار"]).replace(
        para(run("نص في إطار")),
        para_mark(run("نص ") + deleted("قديم ", 84) + ins(run("جديد "), 85), "del", n=87) + para(run("في إطار")),
    )
    body = [*_front(), para(run("1\tمقدمة")), para(run("1.1\tالفقرة الأولى.")), table, para(box + run("الفقرة التي تحمل الإطار.")), *_end()]
    seen = [
        *FRONT, "1 مقدمة", "1.1 الفقرة الأولى.", "خلية أولى", "خلية فيها إضافة مقبولان.", "خلية مقسومة على سطرين.",
        "نص جديد في إطار",
        "الفقرة التي تحمل الإطار.", *SIGNATURE,
    ]  # fmt: skip
    result = import_file(styled_word(tmp_path / "w.docx", body))
    got = assert_words_kept(seen, result, tmp_path)
    texts = [p.text for s in result.report.sections for p in s.paragraphs]
    assert "خلية مقسومة على سطرين." in texts and "نص جديد في إطار" in texts
    for gone in ("حذفه", "حذف", "قديم"):
        assert gone not in got


def test_symbol_bullets_and_presentation_form_letters(tmp_path: Path) -> None:
    letters = ["أ)", "ب)", "ج)", "د)", "\ufeeb)"]  # the fifth: `ﻫ)` typed as a presentation form
    body = [
        *_front(),
        para(run("1\tمقدمة")),
        para(run("1.1\tعُرضت الوثائق التالية:")),
        para(sym("F0B7") + TAB + run("وثيقة من هنغاريا")),
        para(sym("F0D8", "Wingdings") + TAB + run("وثيقة من أستراليا")),
        para(run("1.2\tخلص الفريق إلى ما يلي:")),
        *(para(run(f"{letter}\tالنتيجة رقم {i}")) for i, letter in enumerate(letters, start=1)),
        *_end(),
    ]
    result = import_file(styled_word(tmp_path / "w.docx", body))
    kinds = [p.kind for p in result.report.sections[0].paragraphs]
    assert kinds == [
        ParagraphKind.NUMBERED, ParagraphKind.BULLET, ParagraphKind.BULLET, ParagraphKind.NUMBERED,
        *[ParagraphKind.LETTERED] * 5,
    ]  # fmt: skip
    texts = [p.text for p in result.report.sections[0].paragraphs]
    assert texts[1:3] == ["وثيقة من هنغاريا", "وثيقة من أستراليا"]
    assert result.unplaced == []
    seen = [
        *FRONT, "1 مقدمة", "1.1 عُرضت الوثائق التالية:", "وثيقة من هنغاريا", "وثيقة من أستراليا",
        "1.2 خلص الفريق إلى ما يلي:", *(f"{letter} النتيجة رقم {i}" for i, letter in enumerate(letters, 1)), *SIGNATURE,
    ]  # fmt: skip
    assert_words_kept(seen, result, tmp_path)


# --- 10: the header block of real ITU documents -------------------------------------------------

ITU_STYLES = ["Source", "Title1", "Call", "Headingb", "enumlev1", "Normalaftertitle", "Agendaitem", "Heading1"]


def _itu_document(tmp_path: Path, document_line: str) -> tuple[Path, list[str]]:
    header = [
        framed("المجلس 2022"),
        framed("جنيف، 21-31 مارس 2022"),
        framed("PL 1.5", "Agendaitem"),
        framed(document_line),
        framed("3 فبراير 2022"),
        framed("الأصل: بالإنكليزية"),
    ]
    body = [
        para(run("تقرير من رئيس فريق العمل التابع للمجلس"), style="Source"),
        para(run("المعني بحماية الأطفال على الإنترنت"), style="Source"),
        para(run("نتائج الاجتماع الثامن عشر"), style="Title1"),
        para(run("ملخص"), style="Headingb"),
        para(run("يلخّص هذا التقرير نتائج الاجتماع."), style="Normalaftertitle"),
        para(run("الإجراء المطلوب"), style="Headingb"),
        para(run("يُرجى من المجلس الإحاطة علماً بهذا التقرير."), style="Call"),
        para(run("1\tمقدمة"), style="Heading1"),
        para(run("1.1\tعرضت الوثائق التالية:"), style="Normalaftertitle"),
        para(run("•\tوثيقة من هنغاريا"), style="enumlev1"),
        para(run("–\tوثيقة من أستراليا"), style="enumlev1"),
        para(run("2\tما يستجد من أعمال"), style="Heading1"),
        para(run("1.2\tلم تُطرح أي مسائل أخرى."), style="Normalaftertitle"),
        *_end(),
    ]
    seen = [
        "المجلس 2022", "جنيف، 21-31 مارس 2022", "PL 1.5", document_line, "3 فبراير 2022", "الأصل: بالإنكليزية",
        "تقرير من رئيس فريق العمل التابع للمجلس", "المعني بحماية الأطفال على الإنترنت", "نتائج الاجتماع الثامن عشر",
        "ملخص", "يلخّص هذا التقرير نتائج الاجتماع.", "الإجراء المطلوب", "يُرجى من المجلس الإحاطة علماً بهذا التقرير.",
        "1 مقدمة", "1.1 عرضت الوثائق التالية:", "وثيقة من هنغاريا", "وثيقة من أستراليا", "2 ما يستجد من أعمال",
        "1.2 لم تُطرح أي مسائل أخرى.", *SIGNATURE,
    ]  # fmt: skip
    return styled_word(tmp_path / "itu.docx", [*header, *body], ITU_STYLES), seen


def test_itu_header_in_frames_and_itu_style_names(tmp_path: Path) -> None:
    path, seen = _itu_document(tmp_path, "الإضافة 1 للوثيقة C22/7-A")
    result = import_file(path)
    r = result.report
    assert (r.council_session, r.session_place, r.agenda_item, r.original_language) == ("المجلس 2022", "جنيف", "PL 1.5", "en")
    assert r.symbol == "C22/7(Add.1)-A"
    assert r.title == "تقرير من رئيس فريق العمل التابع للمجلس\nالمعني بحماية الأطفال على الإنترنت"
    assert r.subject == "نتائج الاجتماع الثامن عشر"
    assert r.summary == "يلخّص هذا التقرير نتائج الاجتماع." and r.action_required.startswith("يُرجى")
    assert [s.title for s in r.sections] == ["مقدمة", "ما يستجد من أعمال"]
    assert [p.kind for p in r.sections[0].paragraphs] == [ParagraphKind.NUMBERED, ParagraphKind.BULLET, ParagraphKind.BULLET]
    assert result.unplaced == []
    assert_words_kept(seen, result, tmp_path)
    # The addendum's line comes back as the document says it.
    out = write_docx(render(r), tmp_path / "again.docx")
    assert ("", "الإضافة 1 للوثيقة C22/7-A") in output_pairs(out)


def test_a_revision_of_a_document(tmp_path: Path) -> None:
    path, _ = _itu_document(tmp_path, "المراجعة 2 للوثيقة C22/7-A")
    r = import_file(path).report
    assert r.symbol == "C22/7(Rev.2)-A"
    out = write_docx(render(r), tmp_path / "again.docx")
    assert ("", "المراجعة 2 للوثيقة C22/7-A") in output_pairs(out)


def test_separate_lines_before_the_summary_stay_separate(tmp_path: Path) -> None:
    """A subject that does not go on with the title's words, and a stray line after it, are not joined."""
    body = [
        para(run("تقرير من رئيس الفريق")),
        para(run("موضوع التقرير")),
        para(run("سطر لا مكان له")),
        para(run("ملخص")),
        para(run("نص الملخص.")),
        para(run("1\tمقدمة")),
        para(run("1.1\tالفقرة الأولى.")),
        *_end(),
    ]
    result = import_file(styled_word(tmp_path / "w.docx", body))
    assert (result.report.title, result.report.subject) == ("تقرير من رئيس الفريق", "موضوع التقرير")
    assert result.unplaced == ["before the summary: سطر لا مكان له"]
