"""Import keeps what a Word file's paragraphs carry besides their letters:
bold, italic, underline (either half of a pair), hyperlinks with their
address, and footnotes as footnotes of their paragraph."""

from __future__ import annotations

from pathlib import Path

from cwgdraft.core.content import Content, Footnote, Text, is_rich
from cwgdraft.formats.docx_writer import to_bytes
from cwgdraft.formats.render import render
from cwgdraft.importer import import_file
from tests.formats.test_rich_export import rich_report
from tests.importer.wordfiles import NS, para, run

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def marked(text: str, props: str) -> str:
    return f'<w:r><w:rPr>{props}<w:rtl/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def word_file(tmp_path: Path) -> Path:
    """A Word file as Word writes one: marks on runs, a hyperlink, a footnote with its own bold and link."""
    import docx
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    doc = docx.Document()
    link = doc.part.relate_to("https://www.itu.int/cop", RT.HYPERLINK, is_external=True)
    notes = (
        f"<w:footnotes {NS}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> انظر </w:t></w:r>'
        '<w:r><w:rPr><w:b/></w:rPr><w:t>C22/7-A</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    doc.part.relate_to(Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, notes.encode(), doc.part.package), RT.FOOTNOTES)
    sect = doc.element.body.find(f"{{{W_NS}}}sectPr")
    body = (
        run("1.1\tرحّب ")
        + marked("الرئيس", "<w:bCs/>")  # bold for Arabic: the complex-script half alone
        + run(" بالوفود ")
        + marked("كلها", '<w:i/><w:iCs/><w:u w:val="single"/>')
        + run(" وذكر ")
        + f'<w:hyperlink r:id="{link}">{marked("الموقع", "")}</w:hyperlink>'
        + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
        + run(".")
    )
    for xml in (para(run("ملخص")), para(run("نص.")), para(run("1\tمقدمة")), para(body), para(run("2.1\tفقرة."))):
        sect.addprevious(parse_xml(xml))
    path = tmp_path / "word.docx"
    doc.save(str(path))
    return path


def test_a_word_file_gives_its_marks_links_and_footnotes_back(tmp_path: Path) -> None:
    result = import_file(word_file(tmp_path))
    first, second = result.report.sections[0].paragraphs
    assert first.text.inlines == Content([
        Text("رحّب "), Text("الرئيس", frozenset({"b"})), Text(" بالوفود "), Text("كلها", frozenset({"i", "u"})),
        Text(" وذكر "), Text("الموقع", href="https://www.itu.int/cop"),
        Footnote([Text("انظر "), Text("C22/7-A", frozenset({"b"}))]), Text("."),
    ]).inlines  # fmt: skip
    assert not is_rich(second.text) and second.text == "فقرة."
    assert result.unplaced == []


def test_an_export_imports_back_with_its_rich_paragraphs(tmp_path: Path) -> None:
    report = rich_report()
    path = tmp_path / "r.docx"
    path.write_bytes(to_bytes(render(report)))
    back = import_file(path).report
    original = report.sections[0].paragraphs[0].text
    got = back.sections[0].paragraphs[0].text
    # Everything but the field in the note, which Word carries as the fact's words.
    assert got.inlines[:-2] == original.inlines[:-2] and got.inlines[-1] == original.inlines[-1]
    note = got.inlines[-2]
    assert isinstance(note, Footnote) and note.inlines[:2] == original.inlines[-2].inlines[:2]
    second = back.sections[1].paragraphs[0].text
    assert second.inlines == report.sections[1].paragraphs[0].text.inlines
