"""The keyboard: Tab goes through every page in the order it is read (right to left in Arabic,
left to right in English, top to bottom), and the shortcuts of the frequent actions work and are
shown in the menus and tooltips."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

from tests.gui.conftest import make_window
from tests.gui.helpers import settle

PAGES = ["front", "meetings", "people", "remarks", "contributions", "section", "signature"]


def focus_chain(window: Any, page: QWidget) -> list[QWidget]:
    """The widgets Tab reaches inside `page`, in order (the inner editor of a spin or combo box left out)."""
    # Cell widgets replaced by a reload are deleted by the event loop: let it do so first.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    out: list[QWidget] = []
    widget = page.nextInFocusChain()
    seen: set[int] = set()
    while widget is not None and id(widget) not in seen and widget is not page:
        seen.add(id(widget))
        inner = isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)
        if (page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled() and not inner
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            out.append(widget)
        widget = widget.nextInFocusChain()
    return out


def check_reading_order(window: Any, page: QWidget, right_to_left: bool) -> int:
    chain = focus_chain(window, page)
    assert len(chain) >= 4
    previous = None
    for widget in chain:
        top = widget.mapTo(window, QPoint(0, 0)).y()
        x = widget.mapTo(window, widget.rect().center()).x()
        if previous is not None:
            p_widget, p_top, p_x = previous
            where = f"{type(p_widget).__name__} -> {type(widget).__name__}"
            if abs(top - p_top) <= 8:  # the same row: the reading direction
                assert (x < p_x) if right_to_left else (x > p_x), where
            else:
                assert top > p_top, where
        previous = (widget, top, x)
    return len(chain)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_tab_follows_the_reading_order(qtbot: Any, sample_store: Any, tmp_path: Path, lang: str) -> None:
    store, report_id = sample_store
    window = make_window(qtbot, store, report_id, tmp_path, lang=lang)
    try:
        window.resize(1360, 1400)  # every field on screen
        for name in PAGES:
            window.go_to(name, window.report.sections[-1].id if name == "section" else "")
            settle(window)
            check_reading_order(window, window.pages.currentWidget(), right_to_left=lang == "ar")
        # Tables: Tab leaves the table for its choice cells and then the buttons below it.
        window.go_to("contributions")
        settle(window)
        chain = focus_chain(window, window.contributions)
        assert chain[0] is window.contributions.table
        assert chain[-4:] == [window.contributions.add_button, window.contributions.remove_button,
                              window.contributions.up_button, window.contributions.down_button]
        window.close()
    finally:
        from tests.gui.conftest import set_language

        set_language("ar")


SHORTCUTS = {
    "new_paragraph_action": "Ctrl+Return",
    "move_up_action": "Alt+Up",
    "move_down_action": "Alt+Down",
    "export_action": "Ctrl+E",
    "undo_action": "Ctrl+Z",
    "find_action": "Ctrl+F",
    "replace_action": "Ctrl+H",
    "search_action": "Ctrl+Shift+F",
    "filter_action": "Ctrl+L",
    "preview_action": "F9",
    "import_action": "Ctrl+I",
    "new_from_previous_action": "Ctrl+N",
}


def test_shortcuts_are_set_and_shown(qtbot: Any, window: Any) -> None:
    menus = [a for m in window.menuBar().actions() if m.menu() for a in m.menu().actions()]
    for name, keys in SHORTCUTS.items():
        action = getattr(window, name)
        assert action.shortcut() == QKeySequence(keys), name
        assert action in menus, name  # a menu shows the shortcut beside the command
        shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = action.toolTip()
        assert shown in tip or keys.replace("Up", "↑").replace("Down", "↓") in tip, (name, tip)
    # The keys are held left to right inside the Arabic tooltip: (Alt+↑), not (↑+Alt).
    assert window.move_up_action.toolTip().endswith("(\u200eAlt+↑\u200e)")
    assert window.sections.up_button.toolTip().endswith("(\u200eAlt+↑\u200e)")
    # Redo follows the platform (Ctrl+Shift+Z on Linux desktops and macOS, Ctrl+Y on Windows), and Ctrl+Y as in Word.
    platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    assert window.redo_action.shortcuts()[: len(platform)] == platform
    assert QKeySequence("Ctrl+Y") in window.redo_action.shortcuts()
    assert window.redo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) in \
        window.redo_action.toolTip()


def test_shortcuts_work(qtbot: Any, window: Any) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    section = window.report.sections[1]
    first = section.paragraphs[0]
    window.go_to("paragraph", first.id)
    editor = window.sections.editor
    editor.setFocus()
    count = len(section.paragraphs)
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(window.report.sections[1].paragraphs) == count + 1
    new_id = window.sections.paragraph_id
    assert window.report.sections[1].paragraphs[1].id == new_id
    qtbot.keyClick(window.sections.editor, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.report.sections[1].paragraphs[0].id == new_id
    qtbot.keyClick(window.sections.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.report.sections[1].paragraphs[1].id == new_id
    redo = window.redo_action.shortcut()[0]
    qtbot.keyClick(window.sections.editor, redo.key(), redo.keyboardModifiers())
    assert window.report.sections[1].paragraphs[0].id == new_id
    assert window.preview.isVisible()
    qtbot.keyClick(window.sections.editor, Qt.Key.Key_F9)
    assert not window.preview.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.preview.isVisible()
    qtbot.keyClick(window.sections.editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.navigator.filter
    # Ctrl+F finds in the report (Word's key); the report list has Ctrl+L.
    window.sections.editor.setFocus()
    qtbot.keyClick(window.sections.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.words.find_dialog is not None and window.words.find_dialog.isVisible()
    assert not window.words.find_dialog.replace_edit.isVisible()
    qtbot.keyClick(window.sections.editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert window.words.find_dialog.replace_edit.isVisible()
    window.words.find_dialog.close()
