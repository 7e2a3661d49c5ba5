"""Rich paragraphs in Word and in the preview: bold and italic with their
complex-script halves, underline, links as real hyperlinks, footnotes in a
footnotes part, right to left; LibreOffice puts the note at the page's foot."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from cwgdraft.core.content import Content, Footnote, Text
from cwgdraft.core.model import Report
from cwgdraft.formats.docx_writer import to_bytes
from cwgdraft.formats.html_writer import to_html
from cwgdraft.formats.render import render
from tests import ooxml_check as oc
from tests.core.test_rich_content import rich_sentence
from tests.report_factory import full_report

W = oc.W
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def rich_report() -> Report:
    report = full_report()
    report.sections[0].paragraphs[0].text = rich_sentence()
    report.sections[1].paragraphs[0].text = Content(
        [Text("نص ثانٍ"), Footnote([Text("حاشية ثانية فيها "), Text("رابط", href="https://www.itu.int/cwg")])]
    )
    return report


@pytest.fixture(scope="module")
def docx() -> bytes:
    return to_bytes(render(rich_report()))


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read(name))


def test_marks_are_complex_script_pairs(docx: bytes) -> None:
    body = _part(docx, "word/document.xml")
    paragraph = next(p for p in body.iter(W + "p") if "بالمشاركين" in "".join(p.itertext()))
    runs = {"".join(r.itertext()): r for r in paragraph.iter(W + "r")}
    bold = runs["بالمشاركين"].find(W + "rPr")
    assert bold.find(W + "b") is not None and bold.find(W + "bCs") is not None and bold.find(W + "rtl") is not None
    # The Latin code keeps its own left-to-right run, italic in both halves.
    code = next(r for t, r in runs.items() if "CWG‑COP" in t).find(W + "rPr")
    assert code.find(W + "i") is not None and code.find(W + "iCs") is not None and code.find(W + "rtl") is None
    date = next(r for t, r in runs.items() if "يناير" in t).find(W + "rPr")
    assert date.find(W + "u").get(W + "val") == "single"


def test_links_are_hyperlinks_to_external_relationships(docx: bytes) -> None:
    body = _part(docx, "word/document.xml")
    links = body.findall(f".//{W}hyperlink")
    assert ["".join(link.itertext()) for link in links] == ["الموقع"]
    rels = {r.get("Id"): r for r in _part(docx, "word/_rels/document.xml.rels")}
    rel = rels[links[0].get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")]
    assert rel.get("Target") == "https://www.itu.int/council" and rel.get("TargetMode") == "External"
    assert rel.get("Type").endswith("/hyperlink")
    # The link inside the second footnote belongs to the footnotes part's relationships.
    note_rels = list(_part(docx, "word/_rels/footnotes.xml.rels"))
    assert [r.get("Target") for r in note_rels] == ["https://www.itu.int/cwg"]


def test_footnotes_part_right_to_left(docx: bytes) -> None:
    body = _part(docx, "word/document.xml")
    refs = [int(r.get(W + "id")) for r in body.iter(W + "footnoteReference")]
    assert refs == [1, 2]
    notes = _part(docx, "word/footnotes.xml")
    kinds = [(n.get(W + "type"), n.get(W + "id")) for n in notes]
    assert kinds == [("separator", "-1"), ("continuationSeparator", "0"), (None, "1"), (None, "2")]
    first = notes[2]
    assert first.find(f"{W}p/{W}pPr/{W}bidi") is not None
    assert first.find(f"{W}p/{W}pPr/{W}pStyle").get(W + "val") == "FootnoteText"
    assert "انظر الوثيقة C22/7-A و" in "".join(first.itertext())
    assert first.find(f".//{W}footnoteRef/../{W}rPr/{W}rStyle").get(W + "val") == "FootnoteReference"
    types = zipfile.ZipFile(io.BytesIO(docx)).read("[Content_Types].xml").decode()
    assert 'PartName="/word/footnotes.xml"' in types
    rels = [r.get("Type") for r in _part(docx, "word/_rels/document.xml.rels")]
    assert sum(t.endswith("/footnotes") for t in rels) == 1


@pytest.mark.skipif(not oc.xsd_available(), reason=f"{oc.WML_XSD} is not there")
def test_rich_export_is_schema_valid(docx: bytes) -> None:
    pkg = oc.Package.from_bytes(docx)
    assert "word/footnotes.xml" in oc.validated_parts(pkg)
    assert oc.schema_errors(pkg) == []
    assert oc.bidi_problems(pkg) == [] and oc.order_problems(pkg) == []


def test_rich_export_is_audit_clean(docx: bytes, tmp_path: Path) -> None:
    audit = pytest.importorskip("openxml_audit")
    path = tmp_path / "rich.docx"
    path.write_bytes(docx)
    result = audit.OpenXmlValidator().validate(str(path))
    errors = [e for e in result.errors if e.severity == audit.ValidationSeverity.ERROR]
    assert errors == [], "\n".join(f"{e.part_uri} {e.path}: {e.description}" for e in errors)


def test_a_reference_without_footnote_styles_gets_direct_formatting(tmp_path: Path) -> None:
    """A user's reference document that has no footnote or link styles: superscript and blue underline by hand."""
    from cwgdraft.formats import docx_writer, oxml

    report = rich_report()
    document = render(report)
    ref = docx_writer._load_reference(docx_writer.load_template())
    bare = ref._replace(style_ids={k: v for k, v in ref.style_ids.items() if k not in (
        "footnote reference", "footnote text", "Hyperlink")})
    rich = docx_writer._rich(document, bare)
    assert rich is not None and rich.styles == oxml.RichStyles()
    xml = oxml.footnote_reference(1, rich.styles)
    assert '<w:vertAlign w:val="superscript"/>' in xml


def test_preview_shows_marks_links_and_notes() -> None:
    html = to_html(render(rich_report()))
    assert "<b>بالمشاركين</b>" in html
    assert re.search(r'<span class="link" title="https://www.itu.int/council"[^>]*><b><u>الموقع</u></b></span>', html)
    assert '<sup><span class="note-mark">1</span></sup>' in html
    assert '<sup><span class="note-mark">2</span></sup>' in html
    notes = html[html.index('class="footnote"'):]
    assert "انظر الوثيقة <b>C22/7-A</b> و" in notes and "<sup>2</sup>" in notes


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="LibreOffice or poppler")
def test_libreoffice_puts_the_note_at_the_page_foot(docx: bytes, tmp_path: Path) -> None:
    from cwgdraft.formats.pdf import convert

    path = tmp_path / "rich.docx"
    path.write_bytes(docx)
    (pdf,) = convert([path], tmp_path)
    page = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    # Without the bidi embeddings pdftotext puts around directional runs.
    lines = [re.sub("[\u202a-\u202e]", " ", line) for line in page.splitlines() if line.strip()]
    # pdftotext writes Arabic in visual order: the Latin code of the note identifies its line.
    note = max(i for i, line in enumerate(lines) if "C22/7-A" in line and "itu.int" not in line)
    body = min(i for i, line in enumerate(lines) if "CWG" in line and "COP" in line)
    footer = max(i for i, line in enumerate(lines) if "itu.int/council" in line)
    assert body < note < footer  # after the body, above the page's footer: at the foot
    assert re.search(r"(^|\s)1(\s|$)", lines[note])  # with its number
    # Every numbered paragraph of the page stands above the note: below it, only the second note and the footer.
    numbered = [i for i, line in enumerate(lines) if re.search(r"(^|\s)\d+\.\d+(\s|$)", line)]
    assert numbered and max(numbered) < note
    assert len(lines) - note - 1 <= 2


def test_a_reference_with_its_own_footnotes_part(tmp_path: Path) -> None:
    """A reference made by Word already has a footnotes part (its separators): the export fills that one."""
    from cwgdraft.formats.render import load_template
    from tests.report_factory import REPO

    source = REPO / "templates" / "council-ar" / "reference.docx"
    word_like = tmp_path / "word-like.docx"
    notes = (
        f'<w:footnotes xmlns:w="{oc.W[1:-1]}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
        '</w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>"
    )
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(word_like, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/notes1.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.openxmlformats'
                                    b'.org/officeDocument/2006/relationships/footnotes" Target="notes1.xml"/></Relationships>')
            dst.writestr(info, data)
        dst.writestr("word/notes1.xml", notes)
    data = to_bytes(render(rich_report()), load_template(word_like))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        assert "word/footnotes.xml" not in names and names.count("word/notes1.xml") == 1
        filled = etree.fromstring(zf.read("word/notes1.xml"))
        assert [n.get(W + "id") for n in filled] == ["-1", "0", "1", "2"]
        types = zf.read("[Content_Types].xml").decode()
        assert types.count("footnotes+xml") == 1
        rels = etree.fromstring(zf.read("word/_rels/document.xml.rels"))
        assert sum(r.get("Type").endswith("/footnotes") for r in rels) == 1
    if oc.xsd_available():
        assert oc.schema_errors(oc.Package.from_bytes(data)) == []


def test_the_check_before_export_sees_a_missing_fact_in_a_footnote() -> None:
    from cwgdraft.core.content import Field
    from cwgdraft.drafting.check import check_report

    report = rich_report()
    p = report.sections[1].paragraphs[0]
    p.text = Content([Text("نص"), Footnote([Text("انظر "), Field("contribution.source", "no-such-contribution")])])
    findings = [f for f in check_report(report) if f.source == p.id]
    assert any("الحاشية" in f.label for f in findings), findings
