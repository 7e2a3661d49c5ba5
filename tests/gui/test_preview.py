"""The preview shows the same paragraphs, numbers and letters as the `.docx`;
it follows edits without blocking typing; clicking a paragraph selects it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl

from cwgdraft.gui.export import write_docx
from tests.docx_text import docx_lines
from tests.gui.helpers import commit_text, settle
from tests.report_factory import two_meetings_report

LABEL = re.compile(r"(\d+(?:\.\d+)*|[\u0621-\u064a]+\)|[•○])\t")


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def preview_lines(window: Any) -> list[tuple[str, str]]:
    """(label, text) for every visual line of the preview, in reading order."""
    out: list[tuple[str, str]] = []
    block = window.preview.document().begin()
    while block.isValid():
        text = block.text()
        label = ""
        m = LABEL.match(text)
        if m:
            label, text = m.group(1), text[m.end():]
        for i, piece in enumerate(text.split("\u2028")):
            if piece.strip():
                out.append((label if i == 0 else "", _norm(piece)))
        block = block.next()
    return out


def word_lines(path: Path) -> list[tuple[str, str]]:
    return [(line.label, _norm(line.text)) for line in docx_lines(path) if line.text.strip()]


@pytest.mark.parametrize("which", ["2022 sample", "two meetings"])
def test_preview_matches_docx(qtbot: Any, window: Any, tmp_path: Path, which: str) -> None:
    if which == "two meetings":
        report = two_meetings_report()
        window.store.save(report)
        window.open_report(report.id)
    settle(window)
    out = write_docx(window.report, tmp_path / "r.docx")
    word = word_lines(out)
    shown = preview_lines(window)
    labelled_word = [x for x in word if x[0]]
    labelled_shown = [x for x in shown if x[0]]
    assert labelled_shown == labelled_word
    assert sorted(t for _, t in shown) == sorted(t for _, t in word)
    # Body order (after the header block): the same lines in the same order.
    body_word = [x for x in word if x[0] or x[1] in {t for _, t in labelled_word}]
    assert body_word == [x for x in shown if x in body_word]


def test_preview_follows_typing_without_blocking(qtbot: Any, window: Any) -> None:
    settle(window)
    paragraph = window.report.sections[0].paragraphs[0]
    window.go_to("paragraph", paragraph.id)
    commit_text(window.sections.editor, " ABC-123")
    # Typing only starts the timer: the preview has not been rebuilt yet.
    assert window._views_timer.isActive()
    assert "ABC-123" not in window.preview.toPlainText()
    qtbot.waitUntil(lambda: "ABC-123" in window.preview.toPlainText(), timeout=2000)
    assert window.preview.last_ms < 1000


def test_clicking_a_paragraph_selects_it(qtbot: Any, window: Any) -> None:
    settle(window)
    section = window.report.sections[1]
    paragraph = section.paragraphs[-1]
    window.go_to("front")
    window.preview.anchorClicked.emit(QUrl(f"cwgdraft:{paragraph.id}"))
    assert window.pages.currentWidget() is window.sections
    assert window.sections.paragraph_id == paragraph.id
    assert window.sections.editor.toPlainText() == paragraph.text
    assert window.preview.selected == paragraph.id
    window.preview.anchorClicked.emit(QUrl("cwgdraft:report.summary"))
    assert window.pages.currentWidget() is window.front


def test_preview_uses_the_full_width_without_clipping(qtbot: Any, window: Any) -> None:
    """The page is laid out at the viewport's width, every line inside it, and never scrolled sideways."""
    settle(window)
    paragraph = window.report.sections[-1].paragraphs[-1]
    window.go_to("paragraph", paragraph.id)  # selects and scrolls, as a user would
    settle(window)
    preview = window.preview
    width = preview.viewport().width()
    doc = preview.document()
    assert doc.textWidth() == width
    assert preview.horizontalScrollBar().maximum() == 0
    layout = doc.documentLayout()
    lines = 0
    widest = 0.0
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        text_layout = block.layout()
        for i in range(text_layout.lineCount()):
            line = text_layout.lineAt(i).naturalTextRect().translated(rect.topLeft())
            assert line.left() >= -1 and line.right() <= width + 3, block.text()[:30]
            widest = max(widest, line.width())
            lines += 1
        block = block.next()
    assert lines > 50
    assert widest > width - 80  # wrapped paragraphs use the whole width, not a strip of it


def test_a_fact_change_is_written_in_place_as_a_full_render_writes_it(qtbot: Any, window: Any) -> None:
    """A changed date rewrites, in place, the sentences that state it; the page then reads
    (text and paragraph formats) exactly as a page rendered whole from the same report."""
    import datetime as dt

    from cwgdraft.gui.commands import SetValue
    from cwgdraft.gui.preview import Preview

    window.refresh_views()
    meeting = window.report.meetings[0]
    page = window.preview
    before = page.document()
    window.session.push(SetValue(window.session, ("meeting", meeting.id), "start", dt.date(2023, 9, 18), ""))
    from cwgdraft.formats.render import render

    written = page._update_by_diff(render(window.report))
    assert written is not None and written >= 2  # the summary and the introduction at least
    assert page.document() is before  # the same page, written in place
    whole = Preview()
    whole.set_report(window.report)
    whole.refresh()
    assert page.toPlainText() == whole.toPlainText()
    assert "18 سبتمبر 2023" in page.toPlainText().replace("\u00a0", " ")
    assert "12 يناير 2022" not in page.toPlainText().replace("\u00a0", " ")
    for a, b in zip(_blocks(page), _blocks(whole), strict=True):
        assert a == b


def _blocks(preview: Any) -> list[tuple[str, int, float, float]]:
    out = []
    block = preview.document().begin()
    while block.isValid():
        fmt = block.blockFormat()
        out.append((block.text(), int(fmt.alignment()), fmt.rightMargin(), fmt.textIndent()))
        block = block.next()
    return out
