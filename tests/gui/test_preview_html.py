"""The HTML preview in a real QTextBrowser: every label and text in order, right to left."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QPointF, Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser

from cwgdraft.formats.docmodel import Block, Document
from cwgdraft.formats.html_writer import to_html
from cwgdraft.formats.render import render
from tests.report_factory import all_reports, full_report

GLYPHS = {"bullet": "•", "sub_bullet": "○", "lettered_bullet": "•"}


def fold(text: str) -> str:
    # QTextDocument.toPlainText turns no-break spaces into spaces; `\n` in a block is U+2028 there.
    return text.replace("\u00a0", " ").replace("\u2028", "\n")


def seen(block: Block) -> str:
    lead = block.label or GLYPHS.get(block.style, "")
    return f"{lead}\t{block.text}" if lead else block.text


def browser(qtbot, document: Document, selected: str | None = None) -> QTextBrowser:
    view = QTextBrowser()
    view.setOpenLinks(False)
    qtbot.addWidget(view)
    view.resize(800, 1000)
    view.setHtml(to_html(document, selected))
    return view


@pytest.mark.parametrize("name", sorted(all_reports()))
def test_plain_text_holds_every_label_and_text_in_order(qtbot, name: str) -> None:
    document = render(all_reports()[name])
    view = browser(qtbot, document)
    plain = fold(view.toPlainText())
    position = 0
    for block in [*document.header_end, *document.header_start, *document.blocks]:
        want = fold(seen(block))
        found = plain.find(want, position)
        assert found >= 0, f"{block.style} {block.label!r}: {want[:60]!r} not found after {position}"
        position = found + len(want)
    # Blocks are whole lines of the preview, label and tab first.
    lines = plain.split("\n")
    for block in document.blocks:
        if block.label and "\n" not in block.text:
            assert fold(seen(block)) in lines


def test_body_blocks_are_right_to_left(qtbot) -> None:
    document = render(full_report())
    view = browser(qtbot, document)
    doc = view.document()
    wanted = {fold(seen(b)) for b in document.blocks}
    checked = 0
    block = doc.begin()
    while block.isValid():
        text = fold(block.text())
        if text in wanted:
            assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft, text
            assert block.textDirection() == Qt.LayoutDirection.RightToLeft, text
            checked += 1
        block = block.next()
    assert checked >= len(wanted) - 2  # a few blocks share a text (the rule lines)


def test_header_start_column_is_on_the_right(qtbot) -> None:
    document = render(full_report())
    view = browser(qtbot, document)
    view.show()
    qtbot.waitExposed(view)
    doc = view.document()
    layout = doc.documentLayout()

    def x_of(text: str) -> float:
        block = doc.find(text).block()
        assert block.isValid(), text
        return layout.blockBoundingRect(block).center().x()

    # `المجلس 2022` (start column) right of `الأصل: بالإنكليزية` (end column), as in Word.
    assert x_of(document.header_start[0].text) > x_of(document.header_end[2].text)


def test_clicking_a_paragraph_names_its_source(qtbot) -> None:
    report = full_report()
    target = report.sections[1].paragraphs[0]
    document = render(report)
    view = browser(qtbot, document, selected=target.id)
    view.show()
    qtbot.waitExposed(view)
    doc = view.document()
    cursor = doc.find(target.text[:20])
    assert not cursor.isNull()
    block = cursor.block()
    assert block.blockFormat().background().color().name() == "#dbe8fb"
    rect = doc.documentLayout().blockBoundingRect(block)
    point = QPointF(rect.center().x(), rect.top() + 8)
    assert view.anchorAt(view.viewport().mapFrom(view, point.toPoint())) in (f"cwgdraft:{target.id}", "")
    href = doc.documentLayout().anchorAt(point)
    assert href == f"cwgdraft:{target.id}"
    assert QUrl(href).scheme() == "cwgdraft"
    assert QUrl(href).path() == target.id


def test_wrapped_lines_line_up_under_the_text_after_the_label(qtbot) -> None:
    """Hanging paragraphs: the label's tab reaches the column where wrapped lines start."""
    report = full_report()
    for section in report.sections:
        for paragraph in section.paragraphs:
            paragraph.text = " ".join([paragraph.text] * 3)  # at least two lines each
    view = browser(qtbot, render(report))
    view.resize(700, 1000)
    view.show()
    qtbot.waitExposed(view)
    doc = view.document()
    checked = 0
    block = doc.begin()
    while block.isValid():
        text, layout = block.text(), block.layout()
        if "\t" in text and layout.lineCount() > 1:
            first, second = layout.lineAt(0), layout.lineAt(1)
            x = first.cursorToX(text.index("\t") + 1)
            x = x[0] if isinstance(x, tuple) else x
            # Right to left: the text after the tab starts where wrapped lines end on the right.
            assert abs(x - second.naturalTextRect().right()) <= 10, text[:20]
            checked += 1
        block = block.next()
    assert checked >= 5


def test_body_text_is_not_justified(qtbot) -> None:
    """Qt justifies a line mixing Arabic and Latin by widening only the spaces next to the Latin run,
    which opens holes of several words there: the preview aligns body text to the start instead."""
    report = full_report()
    document = render(report)
    view = browser(qtbot, document)
    doc = view.document()
    checked = 0
    block = doc.begin()
    while block.isValid():
        if block.text().strip():
            align = block.blockFormat().alignment()
            assert not align & Qt.AlignmentFlag.AlignJustify, block.text()[:30]
            checked += 1
        block = block.next()
    assert checked > 20


def test_signature_is_centred_in_the_end_half(qtbot) -> None:
    """As the Word styles place it (indented by half the text width, centred), not squeezed by a fixed margin."""
    document = render(full_report())
    signature = [b for b in document.blocks if b.style in ("signature", "signature_title")]
    assert signature
    view = browser(qtbot, document)
    view.resize(900, 1000)
    view.show()
    qtbot.waitExposed(view)
    doc = view.document()
    layout = doc.documentLayout()
    width = doc.textWidth()
    for block in signature:
        first_line = block.text.split("\n")[0]
        found = doc.find(first_line, doc.characterCount(), QTextDocument.FindFlag.FindBackward).block()
        assert found.isValid(), first_line
        rect = layout.blockBoundingRect(found)
        line = found.layout().lineAt(0).naturalTextRect().translated(rect.topLeft())
        assert line.right() < width / 2 + 4, first_line  # in the end (left) half
        assert abs(line.center().x() - width / 4) < width / 8, first_line  # centred there
