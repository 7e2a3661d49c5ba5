"""The HTML preview writer: same labels and texts as the Word document, escaped, linked."""

from __future__ import annotations

import time
from html.parser import HTMLParser

import pytest

from cwgdraft.core.model import Paragraph, ParagraphKind, Report, Section, SectionRole
from cwgdraft.formats.docmodel import Block, Document
from cwgdraft.formats.html_writer import PLACEHOLDER_BG, SELECTED_BG, to_html
from cwgdraft.formats.render import render
from tests.report_factory import all_reports, full_report, two_meetings_report

GLYPHS = {"bullet": "•", "sub_bullet": "○", "lettered_bullet": "•"}


class _Paragraphs(HTMLParser):
    """Each `<p>`'s text (tabs kept, `<br/>` as `\\n`), its style attribute and its link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[dict[str, str]] = []
        self._open: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "p":
            self._open = {"text": "", "style": a.get("style", ""), "href": ""}
        elif tag == "br" and self._open is not None:
            self._open["text"] += "\n"
        elif tag == "a" and self._open is not None:
            self._open["href"] = a.get("href", "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self._open is not None:
            self.items.append(self._open)
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open["text"] += data


def paragraphs(html: str) -> list[dict[str, str]]:
    parser = _Paragraphs()
    parser.feed(html)
    parser.close()
    return parser.items


def expected(document: Document) -> list[Block]:
    """Blocks in the order the page shows them: header end column, start column, body."""
    return [*document.header_end, *document.header_start, *document.blocks]


def seen(block: Block) -> str:
    lead = block.label or GLYPHS.get(block.style, "")
    return f"{lead}\t{block.text}" if lead else block.text


@pytest.mark.parametrize("name", sorted(all_reports()))
def test_labels_and_texts_equal_the_document(name: str) -> None:
    document = render(all_reports()[name])
    items = paragraphs(to_html(document))
    blocks = expected(document)
    got = [i["text"] for i in items[: len(blocks)]]
    assert got == [seen(b) for b in blocks]
    # The labels are the Document's, not recomputed: numbers and letters in order.
    labels = [i["text"].split("\t", 1)[0] for i, b in zip(items, blocks, strict=False) if b.label]
    assert labels == [b.label for b in blocks if b.label]


def test_numbers_and_letters_of_a_rich_report() -> None:
    html = to_html(render(two_meetings_report()))
    texts = [i["text"] for i in paragraphs(html)]
    assert any(t.startswith("1.1\t") for t in texts)  # section.paragraph (2016)
    assert any(t.startswith("5\tنتائج") for t in texts)
    letters = [t.split("\t")[0] for t in texts if t[:2] in {"أ)", "ب)", "ج)", "د)", "ه)"}]
    assert letters == ["أ)", "ب)", "ج)", "د)", "ه)"]
    assert any(t.startswith("○\tالوثيقة CWG\u2011COP/18/5") for t in texts)
    # 2022 convention: paragraph first.
    texts22 = [i["text"] for i in paragraphs(to_html(render(full_report())))]
    assert any(t.startswith("2.1\tوتتاح") for t in texts22)


def test_no_break_spaces_and_line_breaks_are_kept() -> None:
    report = full_report()
    html = to_html(render(report))
    assert "\u00a012\u00a0يناير\u00a02022" in html
    assert "&nbsp;" not in html  # kept as the character itself
    sig = next(i for i in paragraphs(html) if i["href"] == "cwgdraft:report.signature.title")
    assert sig["text"] == report.signature.title  # the `\n` came back from `<br/>`
    assert "رئيس فريق العمل التابع للمجلس<br/>والمعني" in html


def test_escaping_of_markup_and_template_syntax() -> None:
    nasty = "a <b>bold</b> & \"q\" 's' {{ 7*7 }} {% if x %}y{% endif %} </p><script>x</script>"
    report = Report(
        title=nasty,
        sections=[
            Section("<i>عنوان</i> & co", SectionRole.OTHER, [Paragraph(nasty), Paragraph(nasty, ParagraphKind.BULLET)])
        ],
    )
    document = render(report)
    html = to_html(document)
    assert "<b>bold" not in html and "<script>" not in html and "<i>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp;" in html
    assert "{{ 7*7 }}" in html and "{% if x %}y{% endif %}" in html
    texts = [i["text"] for i in paragraphs(html)]
    assert f"1.1\t{nasty}" in texts
    assert f"•\t{nasty}" in texts
    assert "1\t<i>عنوان</i> & co" in texts


def test_escaping_of_sources_in_links() -> None:
    doc = Document(blocks=[Block("body", "x", source='a"b<c>&d')])
    html = to_html(doc)
    assert 'href="cwgdraft:a&quot;b&lt;c&gt;&amp;d"' in html
    assert paragraphs(html)[0]["href"] == 'cwgdraft:a"b<c>&d'


def test_every_paragraph_and_field_is_a_link() -> None:
    report = full_report()
    document = render(report)
    items = paragraphs(to_html(document))
    hrefs = {i["href"] for i in items}
    for p in report.all_paragraphs():
        assert f"cwgdraft:{p.id}" in hrefs
    for s in report.sections:
        assert f"cwgdraft:{s.id}" in hrefs
    for b in expected(document):
        if b.source:
            assert f"cwgdraft:{b.source}" in hrefs
    for field in ("report.symbol", "report.date", "report.title", "report.summary", "report.signature"):
        assert f"cwgdraft:{field}" in hrefs
    # Blocks without a source (the fixed headings of the box) are not links.
    box = next(i for i in items if i["text"] == "ملخص")
    assert box["href"] == ""


def test_selected_marks_one_block() -> None:
    report = full_report()
    target = report.sections[2].paragraphs[1]
    html = to_html(render(report), selected=target.id)
    marked = [i for i in paragraphs(html) if SELECTED_BG in i["style"]]
    assert [i["href"] for i in marked] == [f"cwgdraft:{target.id}"]
    assert marked[0]["text"] == f"•\t{target.text}"
    assert SELECTED_BG not in to_html(render(report))
    assert SELECTED_BG not in to_html(render(report), selected="no-such-id")


def test_placeholders_are_highlighted() -> None:
    html = to_html(render(Report()))
    assert f'<span class="ph" style="background-color:{PLACEHOLDER_BG}">[رمز الوثيقة]</span>' in html
    filled = to_html(render(full_report()))
    assert "[رمز الوثيقة]" not in filled


def test_right_to_left_page() -> None:
    html = to_html(render(full_report()))
    assert '<body dir="rtl">' in html
    body = html.split("<body", 1)[1]
    assert body.count("<p ") == body.count('<p dir="rtl"')


def synthetic_report(sections: int = 60, per_section: int = 10) -> Report:
    """About 60 pages: 600 paragraphs of a few lines each, every kind."""
    kinds = [ParagraphKind.NUMBERED, ParagraphKind.NUMBERED, ParagraphKind.BULLET, ParagraphKind.SUB_BULLET,
             ParagraphKind.NUMBERED, ParagraphKind.LETTERED, ParagraphKind.LETTERED_BULLET, ParagraphKind.LETTERED,
             ParagraphKind.UNNUMBERED, ParagraphKind.NUMBERED]  # fmt: skip
    sentence = full_report().sections[0].paragraphs[0].text
    report = full_report()
    report.sections = [
        Section(
            f"القسم {s + 1}",
            SectionRole.OTHER,
            [Paragraph(sentence, kinds[p % len(kinds)]) for p in range(per_section)],
        )
        for s in range(sections)
    ]
    return report


def test_sixty_pages_convert_fast() -> None:
    document = render(synthetic_report())
    assert sum(1 for b in document.blocks if b.style != "section_heading") >= 600
    to_html(document)  # warm up
    best = min(_timed(document) for _ in range(5))
    print(f"to_html, 600 paragraphs: {best * 1000:.1f} ms")
    assert best < 0.050


def _timed(document: Document) -> float:
    start = time.perf_counter()
    to_html(document, selected=document.blocks[-5].source)
    return time.perf_counter() - start


@pytest.mark.parametrize("name", sorted(all_reports()))
def test_preview_shows_what_the_docx_holds(name: str, tmp_path) -> None:
    """Every line of the exported `.docx`, with its number, letter or bullet, in the preview, in order."""
    from cwgdraft.formats.docx_writer import write_docx
    from tests.docx_text import LABEL, docx_lines

    document = render(all_reports()[name])
    path = write_docx(document, tmp_path / "out.docx")
    header = len(document.header_start) + len(document.header_end)

    def html_lines(texts: list[str]) -> list[tuple[str, str]]:
        out = []
        for text in texts:
            label = ""
            if text[:2] in ("•\t", "○\t"):
                label, text = text[0], text[2:]
            elif m := LABEL.match(text):
                label, text = m.group(1), text[m.end() :]
            out += [(label if i == 0 else "", piece) for i, piece in enumerate(text.split("\n"))]
        return out

    texts = [i["text"] for i in paragraphs(to_html(document))]
    # Word's header part ends with an empty paragraph after the header table: not a line.
    want = [(line.label, line.text) for line in docx_lines(path) if line.label or line.text]
    got_header, got_body = html_lines(texts[:header]), html_lines(texts[header:])
    assert sorted(got_header) == sorted(want[:header])  # the two columns, in their own order
    assert got_body == want[header:]
