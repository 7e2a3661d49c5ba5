"""The tables (contributions, people, opening remarks) used as a user uses them: several edits in
a row, by mouse (double-click a cell) and by keyboard (arrows, typing, Enter, Tab, choices picked
with the keys); every edit reaches the store file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QTableWidget

from cwgdraft.core.model import Meeting, Paragraph, Person, PersonRole, Report, Section, SectionRole
from cwgdraft.core.store import Store
from tests.gui.conftest import make_window
from tests.gui.helpers import commit_text, settle

Key = Qt.Key


@pytest.fixture
def fresh(qtbot: Any, tmp_path: Path) -> Iterator[tuple[Any, Path, str]]:
    """A window on a small report (one meeting, one opening section, one person) in a store file."""
    path = tmp_path / "store.db"
    store = Store.open(path)
    report = Report(meetings=[Meeting(1)],
                    people=[Person("دورين بوغدان-مارتن", role=PersonRole.OPENING_SPEAKER)],
                    sections=[Section("الملاحظات الافتتاحية", SectionRole.OPENING,
                                      [Paragraph("رحبت الأمينة العامة بالمشاركين."), Paragraph("وقالت كذلك.")])])
    store.save(report)
    window = make_window(qtbot, store, report.id, tmp_path)
    window.activateWindow()
    try:
        yield window, path, report.id
    finally:
        if window.session is not None:
            window.session.save_now()
        store.close()


def from_file(path: Path, report_id: str) -> Report:
    """The report as the store file holds it, read through a connection of its own."""
    store = Store.open(path)
    try:
        return store.get(report_id)
    finally:
        store.close()


def _cell_center(table: QTableWidget, row: int, col: int) -> QPoint:
    index = table.model().index(row, col)
    table.scrollTo(index)
    return table.visualRect(index).center()


def _editor(table: QTableWidget) -> QLineEdit:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), f"no cell editor open (focus: {type(editor).__name__})"
    assert table.isAncestorOf(editor)
    return editor


def edit_by_mouse(qtbot: Any, table: QTableWidget, row: int, col: int, text: str, key: Key = Key.Key_Return) -> None:
    """Double-click the cell, type over what it holds, leave it with `key`."""
    pos = _cell_center(table, row, col)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    editor = _editor(table)
    editor.selectAll()
    commit_text(editor, text)
    qtbot.keyClick(editor, key)
    QApplication.processEvents()


def edit_by_keys(qtbot: Any, table: QTableWidget, row: int, col: int, text: str) -> None:
    """Go to the cell with the arrow keys from where the cursor is, type (which opens the editor), Enter."""
    table.setFocus()
    current = table.currentIndex()
    assert current.isValid()
    step_right = Key.Key_Left if table.isRightToLeft() else Key.Key_Right
    step_left = Key.Key_Right if table.isRightToLeft() else Key.Key_Left
    for _ in range(row - current.row()):
        qtbot.keyClick(table, Key.Key_Down)
    for _ in range(current.row() - row):
        qtbot.keyClick(table, Key.Key_Up)
    for _ in range(col - current.column()):
        qtbot.keyClick(table, step_right)
    for _ in range(current.column() - col):
        qtbot.keyClick(table, step_left)
    assert (table.currentRow(), table.currentColumn()) == (row, col)
    qtbot.keyClick(table, Key.Key_F2)
    editor = _editor(table)
    editor.selectAll()
    commit_text(editor, text)
    qtbot.keyClick(editor, Key.Key_Return)
    QApplication.processEvents()


def pick(qtbot: Any, table: QTableWidget, row: int, col: int, label: str) -> None:
    """A choice cell: open its list (a click; F4 where the cell takes typing), walk it with the
    arrow keys to `label`, Enter."""
    combo = table.cellWidget(row, col)
    assert isinstance(combo, QComboBox)
    if combo.isEditable():
        combo.setFocus()
        qtbot.keyClick(combo, Key.Key_F4)
    else:
        qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: combo.view().isVisible())
    view = combo.view()
    target = combo.findText(label)
    assert target >= 0, label
    now = view.currentIndex().row()
    key = Key.Key_Down if target > now else Key.Key_Up
    for _ in range(abs(target - now)):
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Key.Key_Return)
    qtbot.waitUntil(lambda: not combo.view().isVisible())
    assert combo.currentText() == label
    table.window().activateWindow()
    QApplication.processEvents()


def no_foreign_editor_warnings(messages: list[str]) -> None:
    bad = [m for m in messages if "does not belong to this view" in m]
    assert not bad, bad


def test_contributions_keep_every_edit(qtbot: Any, fresh: tuple[Any, Path, str], qtlog: Any) -> None:
    window, path, report_id = fresh
    window.go_to("contributions")
    page = window.contributions
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    table = page.table
    edit_by_mouse(qtbot, table, 0, 0, "CWG-COP/19/3")
    edit_by_mouse(qtbot, table, 0, 2, "الإمارات العربية المتحدة", Key.Key_Tab)
    edit_by_mouse(qtbot, table, 0, 3, "مبادرات (2023) لحماية الأطفال على https://itu.int")
    pick(qtbot, table, 0, 1, "شريك")
    pick(qtbot, table, 0, 4, "دورين بوغدان-مارتن")
    edit_by_keys(qtbot, table, 0, 0, "CWG-COP/19/4")
    edit_by_keys(qtbot, table, 0, 3, "عنوان معدّل مرة ثانية")
    # By keys only: the document, Tab to the category, F4 opens its list.
    edit_by_keys(qtbot, table, 0, 0, "CWG-COP/19/5")
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Key.Key_F2)
    commit_text(_editor(table), "CWG-COP/19/4")
    qtbot.keyClick(_editor(table), Key.Key_Tab)
    assert (table.currentRow(), table.currentColumn()) == (0, 1)
    qtbot.keyClick(table.window().focusWidget(), Key.Key_F4)  # the key goes where the focus is
    combo = table.cellWidget(0, 1)
    qtbot.waitUntil(lambda: combo.view().isVisible())
    qtbot.keyClick(combo.view(), Key.Key_Down)
    qtbot.keyClick(combo.view(), Key.Key_Return)
    assert combo.currentText() == "الأمانة"
    window.activateWindow()
    # A second row, and the first again.
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    edit_by_mouse(qtbot, table, 1, 0, "CWG-COP/19/INF/2")
    edit_by_mouse(qtbot, table, 1, 2, "الأمانة")
    edit_by_mouse(qtbot, table, 0, 2, "دولة الإمارات")
    settle(window)

    first, second = from_file(path, report_id).contributions
    assert first.document == "CWG-COP/19/4"
    assert first.source == "دولة الإمارات"
    assert first.title == "عنوان معدّل مرة ثانية"
    assert first.category == "secretariat"
    assert first.presenter_id == window.report.people[0].id
    assert second.document == "CWG-COP/19/INF/2"
    assert second.source == "الأمانة"
    no_foreign_editor_warnings([r.message for r in qtlog.records])


def test_category_shows_what_is_stored(qtbot: Any, fresh: tuple[Any, Path, str]) -> None:
    """A new row's category is empty and looks empty; a category typed in is stored as typed."""
    window, path, report_id = fresh
    window.go_to("contributions")
    page = window.contributions
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    combo = page.table.cellWidget(0, 1)
    assert isinstance(combo, QComboBox)
    settle(window)
    assert from_file(path, report_id).contributions[0].category == ""
    assert combo.currentText() in ("", "—")

    line = combo.lineEdit()
    assert line is not None
    line.setFocus()
    line.selectAll()
    commit_text(line, "منظمة إقليمية")
    qtbot.keyClick(line, Key.Key_Return)
    QApplication.processEvents()
    assert not combo.view().isVisible(), "Enter in the typed category opened its list"
    settle(window)
    assert from_file(path, report_id).contributions[0].category == "منظمة إقليمية"
    assert page.table.cellWidget(0, 1).currentText() == "منظمة إقليمية"

    pick(qtbot, page.table, 0, 1, "الأمانة")
    settle(window)
    assert from_file(path, report_id).contributions[0].category == "secretariat"


def test_people_keep_every_edit(qtbot: Any, fresh: tuple[Any, Path, str], qtlog: Any) -> None:
    window, path, report_id = fresh
    window.go_to("people")
    page = window.people
    table = page.table
    table.setCurrentCell(0, 0)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert table.rowCount() == 2
    edit_by_mouse(qtbot, table, 1, 0, "السيد")
    edit_by_mouse(qtbot, table, 1, 1, "أحمد الخليفة", Key.Key_Tab)
    edit_by_mouse(qtbot, table, 1, 2, "الإمارات العربية المتحدة")
    pick(qtbot, table, 1, 3, "مقدّم عرض")
    edit_by_mouse(qtbot, table, 1, 4, "رئيس الفريق (CWG-COP)")
    edit_by_keys(qtbot, table, 1, 1, "أحمد بن علي")
    edit_by_keys(qtbot, table, 0, 2, "الاتحاد الدولي للاتصالات")
    edit_by_mouse(qtbot, table, 0, 0, "السيدة")
    settle(window)

    first, second = from_file(path, report_id).people
    assert (first.honorific, first.name, first.country) == ("السيدة", "دورين بوغدان-مارتن", "الاتحاد الدولي للاتصالات")
    assert (second.honorific, second.name, second.country) == ("السيد", "أحمد بن علي", "الإمارات العربية المتحدة")
    assert second.role == PersonRole.PRESENTER
    assert second.title == "رئيس الفريق (CWG-COP)"
    no_foreign_editor_warnings([r.message for r in qtlog.records])


def test_remarks_keep_every_edit(qtbot: Any, fresh: tuple[Any, Path, str]) -> None:
    window, path, report_id = fresh
    window.go_to("people")
    qtbot.mouseClick(window.people.add_button, Qt.MouseButton.LeftButton)
    edit_by_mouse(qtbot, window.people.table, 1, 1, "متحدث ثان")
    window.go_to("remarks")
    page = window.remarks
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    table = page.table
    pick(qtbot, table, 0, 0, "متحدث ثان")
    pick(qtbot, table, 1, 1, table.cellWidget(1, 1).itemText(1))
    pick(qtbot, table, 0, 1, table.cellWidget(0, 1).itemText(1))
    pick(qtbot, table, 0, 0, "دورين بوغدان-مارتن")
    settle(window)
    report = from_file(path, report_id)
    people = [p.id for p in report.people]
    paragraphs = [p.id for p in report.all_paragraphs()]
    assert [(r.speaker_id, r.paragraph_id) for r in report.opening_remarks] == [
        (people[0], paragraphs[1]), (people[0], paragraphs[1])]


def test_keys_open_a_choice_cell(qtbot: Any, fresh: tuple[Any, Path, str]) -> None:
    """Arrows onto a choice cell take the focus into its list; Space opens it; Down, Enter picks."""
    window, path, report_id = fresh
    window.go_to("people")
    table = window.people.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=_cell_center(table, 0, 2))
    assert table.window().focusWidget() is table
    qtbot.keyClick(table, Key.Key_Left if table.isRightToLeft() else Key.Key_Right)
    assert table.currentColumn() == 3
    combo = table.cellWidget(0, 3)
    assert table.window().focusWidget() is combo
    qtbot.keyClick(combo, Key.Key_Space)
    qtbot.waitUntil(lambda: combo.view().isVisible())
    qtbot.keyClick(combo.view(), Key.Key_Down)
    qtbot.keyClick(combo.view(), Key.Key_Return)
    settle(window)
    assert from_file(path, report_id).people[0].role == PersonRole.PRESENTER
