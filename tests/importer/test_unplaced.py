"""Nothing is dropped silently: what cannot be mapped stays where it stood,
as an unnumbered paragraph, and is listed in `unplaced`."""

from __future__ import annotations

from pathlib import Path

import pytest

from cwgdraft.core.model import ParagraphKind
from cwgdraft.importer import import_file
from tests.importer.wordfiles import NS, _table, _textbox, para, run

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _word(path: Path, paragraphs: list[str], numbering: list[str] = ()) -> Path:
    import docx
    from docx.oxml import parse_xml

    doc = docx.Document()
    numbering_el = doc.part.numbering_part.element
    for xml in numbering:
        numbering_el.append(parse_xml(xml))
    sect = doc.element.body.find(f"{{{W_NS}}}sectPr")
    for xml in paragraphs:
        sect.addprevious(parse_xml(xml))
    doc.save(str(path))
    return path


ROMAN = [
    f'<w:abstractNum {NS} w:abstractNumId="31"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
    '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>',
    f'<w:num {NS} w:numId="31"><w:abstractNumId w:val="31"/></w:num>',
]


def test_word_leftovers_are_kept_in_place_and_listed(tmp_path: Path) -> None:
    path = _word(
        tmp_path / "w.docx",
        [
            para(run("ملخص")), para(run("نص الملخص.")),
            para(run("1\tمقدمة")),
            para(run("1.1\tالفقرة الأولى.")),
            _table(["خلية أولى"], ["خلية ثانية"]),
            para(run("بند مرقم بالأرقام الرومانية"), (31, 0)),
            para(_textbox(["نص في إطار"]) + run("الفقرة التي تحمل الإطار.")),
            para(run("1.2\tالفقرة الثانية.")),
            para(run("عبد العزيز الزرعوني (الإمارات العربية المتحدة)")),
            para(run("رئيس فريق العمل")),
            para(run("___________")),
            para(run("سطر بعد الخط")),
        ],
        ROMAN,
    )  # fmt: skip
    result = import_file(path)
    texts = [(p.kind, p.text) for p in result.report.sections[0].paragraphs]
    assert texts == [
        (ParagraphKind.NUMBERED, "الفقرة الأولى."),
        (ParagraphKind.UNNUMBERED, "خلية أولى"),
        (ParagraphKind.UNNUMBERED, "خلية ثانية"),
        (ParagraphKind.UNNUMBERED, "I. بند مرقم بالأرقام الرومانية"),
        (ParagraphKind.UNNUMBERED, "نص في إطار"),
        (ParagraphKind.UNNUMBERED, "الفقرة التي تحمل الإطار."),
        (ParagraphKind.NUMBERED, "الفقرة الثانية."),
        (ParagraphKind.UNNUMBERED, "سطر بعد الخط"),
    ]
    joined = "\n".join(result.unplaced)
    for piece in ("خلية أولى", "خلية ثانية", "بند مرقم", "نص في إطار", "سطر بعد الخط"):
        assert piece in joined
    assert len(result.unplaced) == 5


def test_text_with_spaced_headings_and_a_name_only_signature(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(
        "ملخص\nنص الملخص.\n"
        "1 مقدمة\nعقد الفريق اجتماعه الحادي والعشرين في 2 فبراير 2017.\n"
        "2 النتائج\n2.1 النتيجة الأولى.\n2.2\tالنتيجة الثانية.\n"
        "شريف هاشم\nرئيس فريق العمل\n",
        encoding="utf-8",
    )
    result = import_file(path)
    r = result.report
    assert [s.title for s in r.sections] == ["مقدمة", "النتائج"]
    assert [p.kind for p in r.sections[1].paragraphs] == [ParagraphKind.NUMBERED, ParagraphKind.NUMBERED]
    assert r.sections[0].paragraphs[0].kind is ParagraphKind.UNNUMBERED
    assert (r.signature.name, r.signature.country, r.signature.title) == ("شريف هاشم", "", "رئيس فريق العمل")
    assert [(m.number, m.start.isoformat()) for m in r.meetings] == [(21, "2017-02-02")]
    assert result.unplaced == []


def test_front_matter_leftovers(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(
        "الوثيقة C22/7-A\n17 يناير 2022\nسطر مجهول في الترويسة\n\nالعنوان\n\nالموضوع\n\nسطر زائد\n\n"
        "ملخص\nنص.\n1\tمقدمة\n1.1\tفقرة.\n",
        encoding="utf-8",
    )
    result = import_file(path)
    r = result.report
    assert (r.symbol, r.date.isoformat()) == ("C22/7-A", "2022-01-17")
    # one block of lines up to the blank line: the unknown header line starts the title block
    assert r.title == "سطر مجهول في الترويسة" and r.subject == "العنوان"
    assert [p.text for p in r.sections[0].paragraphs[:2]] == ["الموضوع", "سطر زائد"]
    assert len(result.unplaced) == 2


BOX = "ملخص\nنص الملخص.\nالإجراء المطلوب\nيُرجى.\n_________\nالمراجع\nالقرار 1306\n\n"


def test_paragraphs_between_the_references_and_the_first_section(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(BOX + "فقرة بلا قسم.\n1\tمقدمة\n1.1\tنص.\n", encoding="utf-8")
    result = import_file(path)
    r = result.report
    assert r.references == ["القرار 1306"]
    assert [(p.kind, p.text) for p in r.sections[0].paragraphs] == [
        (ParagraphKind.UNNUMBERED, "فقرة بلا قسم."), (ParagraphKind.NUMBERED, "نص."),
    ]  # fmt: skip
    assert result.unplaced == ["after the summary box: فقرة بلا قسم."]


def test_no_section_headings_at_all(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(BOX + "فقرة أولى.\nفقرة ثانية.\n", encoding="utf-8")
    result = import_file(path)
    r = result.report
    assert r.references == ["القرار 1306"] and r.summary == "نص الملخص."
    assert [s.title for s in r.sections] == [""]
    assert [p.text for p in r.sections[0].paragraphs] == ["فقرة أولى.", "فقرة ثانية."]
    assert sum("untitled section" in n for n in result.notes) == 1


def test_header_lines_in_one_paragraph_with_bidi_marks_and_colon_headings(tmp_path: Path) -> None:
    path = _word(
        tmp_path / "w.docx",
        [
            para(run("المجلس 2022") + "<w:r><w:br/></w:r>" + run("الوثيقة\u00a0C22/7-A\u200f")),
            para(run("العنوان")),
            para(run("ملخص:")), para(run("نص الملخص.")),
            para(run("الإجراء المطلوب:")), para(run("يُرجى.")),
            para(run("المراجع:")), para(run("القرار 1306")),
            para(run("1\tمقدمة")), para(run("1.1\tنص.")),
        ],
    )  # fmt: skip
    result = import_file(path)
    r = result.report
    assert (r.council_session, r.symbol, r.title) == ("المجلس 2022", "C22/7-A", "العنوان")
    assert (r.summary, r.action_required, r.references) == ("نص الملخص.", "يُرجى.", ["القرار 1306"])
    assert result.unplaced == []


def test_footnotes_become_footnotes_of_their_paragraph(tmp_path: Path) -> None:
    """A body paragraph's footnote is a footnote of its content (no longer a paragraph of its own after it)."""
    import docx
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    from cwgdraft.core.content import Footnote, Text

    notes = (
        f'<w:footnotes {NS}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> http://www.itu.int/cop</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    doc = docx.Document()
    doc.part.relate_to(Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, notes.encode(), doc.part.package), RT.FOOTNOTES)
    sect = doc.element.body.find(f"{{{W_NS}}}sectPr")
    for xml in (
        para(run("ملخص")), para(run("نص.")), para(run("1\tمقدمة")),
        para(run("1.1\tانظر الموقع.") + '<w:r><w:footnoteReference w:id="1"/></w:r>'), para(run("2.1\tفقرة.")),
    ):  # fmt: skip
        sect.addprevious(parse_xml(xml))
    doc.save(str(tmp_path / "f.docx"))
    result = import_file(tmp_path / "f.docx")
    assert [(p.kind, str(p.text)) for p in result.report.sections[0].paragraphs] == [
        (ParagraphKind.NUMBERED, "انظر الموقع.[http://www.itu.int/cop]"),
        (ParagraphKind.NUMBERED, "فقرة."),
    ]
    first = result.report.sections[0].paragraphs[0].text
    assert first.inlines == (Text("انظر الموقع."), Footnote([Text("http://www.itu.int/cop")]))
    assert result.unplaced == []


@pytest.mark.parametrize(
    ("intro", "meetings"),
    [
        # The dual and days given as `10 و11`, then a single day.
        (
            "عقد الفريق (CWG-COP) اجتماعه الثاني عشر في 10 و11 أكتوبر 2016 واجتماعه الثالث عشر في 2 فبراير 2017 "
            "بمقر الاتحاد في جنيف.",
            [(12, "2016-10-10", "2016-10-11"), (13, "2017-02-02", None)],
        ),
        # A range in one month, the genitive tens, a Latin platform name and a URL.
        (
            "عقد الفريق اجتماعه الحادي والعشرين في 9-19 يونيو 2020 عبر الإنترنت على المنصة Zoom "
            "(https://www.itu.int/cwg-cop).",
            [(21, "2020-06-09", "2020-06-19")],
        ),
        # Across months, with no-break spaces as Word keeps them.
        (
            "عقد الفريق اجتماعه الثلاثين في 30\u00a0سبتمبر - 2\u00a0أكتوبر\u00a02020.",
            [(30, "2020-09-30", "2020-10-02")],
        ),
        # `عُقدا في ...`: the dates in order, a range among them.
        (
            "نتائج الاجتماعين الرابع والعشرين والخامس والعشرين اللذين عُقدا في 31 ديسمبر 2021 - 2 يناير 2022 "
            "و14 مارس 2022.",
            [(24, "2021-12-31", "2022-01-02"), (25, "2022-03-14", None)],
        ),
    ],
    ids=["dual-and-days", "range", "across-months", "held-on"],
)
def test_meeting_days_and_ranges(tmp_path: Path, intro: str, meetings: list[tuple[int, str, str | None]]) -> None:
    path = tmp_path / "r.txt"
    path.write_text(f"ملخص\nنص الملخص.\n1\tمقدمة\n{intro}\n2\tالنتائج\n2.1\tنتيجة.\n", encoding="utf-8")
    r = import_file(path).report
    got = [(m.number, m.start.isoformat() if m.start else None, m.end.isoformat() if m.end else None) for m in r.meetings]
    assert got == meetings
    # Exported and imported again, the days come back.
    from cwgdraft.formats.docx_writer import write_docx
    from cwgdraft.formats.render import render

    again = import_file(write_docx(render(r), tmp_path / "r.docx")).report
    assert [(m.number, m.start, m.end) for m in again.meetings] == [(m.number, m.start, m.end) for m in r.meetings]
