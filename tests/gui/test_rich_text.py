"""Rich paragraphs in the paragraph editor: Ctrl+B, Ctrl+I, Ctrl+U on the
selection (the store holds the mark; undone in one step), Ctrl+K links it to
an address, Ctrl+Alt+F adds a footnote; the editor reads them back as content."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from cwgdraft.core.content import Content, Footnote, Text, is_rich
from cwgdraft.core.model import SectionRole
from cwgdraft.gui.content_edit import OBJECT_CHAR, ContentEdit, TextDialog
from tests.gui.helpers import settle

BOLD = frozenset({"b"})


def _paragraph(window: Any) -> Any:
    """A paragraph of the drafter's own words (no standard wording behind it)."""
    return next(
        p for s in window.report.sections if s.role is not SectionRole.INTRODUCTION for p in s.paragraphs
        if p.text and not is_rich(p.text) and len(p.text) > 20
    )


def _open(window: Any, paragraph_id: str) -> ContentEdit:
    window.go_to("paragraph", paragraph_id)
    editor = window.sections.editor
    assert isinstance(editor, ContentEdit)
    editor.setFocus()
    return editor


def _select(editor: ContentEdit, start: int, end: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def _stored(window: Any, paragraph_id: str) -> Any:
    settle(window)
    return window.store.get(window.report.id).paragraph(paragraph_id).text


def test_ctrl_b_makes_the_selection_bold_in_the_store_and_undo_takes_it_back(qtbot: Any, window: Any) -> None:
    p = _paragraph(window)
    before = p.text
    editor = _open(window, p.id)
    word = before.split()[1]
    start = before.index(word)
    _select(editor, start, start + len(word))
    steps = window.session.undo_stack.index()
    QTest.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    stored = _stored(window, p.id)
    assert isinstance(stored, Content) and Text(word, BOLD) in stored.inlines
    assert str(stored) == before  # the letters are unchanged
    assert window.session.undo_stack.index() == steps + 1  # one step
    assert editor.textCursor().charFormat().fontWeight() >= 600
    # Ctrl+B again on the same selection takes the mark off.
    QTest.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window, p.id) == before
    window.undo()
    assert Text(word, BOLD) in _stored(window, p.id).inlines
    window.undo()
    assert _stored(window, p.id) == before and not is_rich(_stored(window, p.id))


def test_italic_underline_link_and_footnote(qtbot: Any, window: Any) -> None:
    p = _paragraph(window)
    before = str(p.text)
    editor = _open(window, p.id)
    _select(editor, 0, 4)
    QTest.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # italic here, not import
    QTest.keyClick(editor, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert window.findChild(object, "importDialog") is None or not window.findChild(object, "importDialog").isVisible()
    _select(editor, 6, 10)
    QTest.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = editor.findChild(TextDialog, "linkDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.line.setText("https://www.itu.int/council")
    dialog.accept()
    # A footnote after the paragraph's last letter.
    cursor = editor.textCursor()
    cursor.setPosition(len(before))
    editor.setTextCursor(cursor)
    QTest.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    note = editor.findChild(TextDialog, "footnoteDialog")
    assert note is not None and note.isVisible()
    note.line.setText("انظر الوثيقة C22/7-A")
    note.accept()
    assert editor.toPlainText().endswith(OBJECT_CHAR)
    stored = _stored(window, p.id)
    assert stored.inlines[0] == Text(before[:4], frozenset({"i", "u"}))
    assert Text(before[6:10], href="https://www.itu.int/council") in stored.inlines
    assert stored.inlines[-1] == Footnote([Text("انظر الوثيقة C22/7-A")])
    # What the editor shows is what it reads back.
    assert editor.content() == stored
    # Typing after the footnote's chip is plain text, not part of the note.
    window.undo()
    assert not any(isinstance(i, Footnote) for i in _stored(window, p.id).inlines)


def test_the_preview_shows_the_bold_word(qtbot: Any, window: Any) -> None:
    p = _paragraph(window)
    editor = _open(window, p.id)
    word = str(p.text).split()[1]
    start = str(p.text).index(word)
    _select(editor, start, start + len(word))
    QTest.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    preview = window.preview
    preview.refresh()
    page = preview.document()
    found = page.find(word)
    assert not found.isNull()
    cursor = page.find(word)
    cursor.setPosition(cursor.selectionStart() + 1)
    assert cursor.charFormat().fontWeight() >= 600


def test_qt_reads_the_preview_page_bold(qapp: Any) -> None:
    """What Qt's rich-text engine makes of the page of a rich report: the bold word is bold, the link blue."""
    from PySide6.QtGui import QTextCursor, QTextDocument

    from cwgdraft.formats.html_writer import to_html
    from cwgdraft.formats.render import render
    from tests.formats.test_rich_export import rich_report

    page = QTextDocument()
    page.setHtml(to_html(render(rich_report())))
    for word, check in (
        ("بالمشاركين", lambda f: f.fontWeight() >= 600),
        ("الموقع", lambda f: f.foreground().color().name() == "#0563c1"),
    ):
        found = page.find(word)
        assert not found.isNull()
        cursor = QTextCursor(page)
        cursor.setPosition(found.selectionStart() + 1)
        assert check(cursor.charFormat()), word
