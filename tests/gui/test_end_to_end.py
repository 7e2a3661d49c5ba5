"""As a user: from the 2022 report to the next one, edited and exported,
then reopened."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from cwgdraft.core import portable
from cwgdraft.core.model import ParagraphKind, SectionRole
from cwgdraft.core.store import Store
from tests.docx_text import docx_lines
from tests.gui.conftest import make_window
from tests.gui.helpers import FileDialogAnswer, commit_text, settle, type_words

ARABIC_WITH_CODE = "قدّمت الإمارات العربية المتحدة الوثيقة CWG-COP/19/3 عن 25 مبادرة في عام 2023."
OUTCOME_INTRO = "خلص الفريق إلى ما يلي:"
LETTERED = "مواصلة العمل على المبادئ التوجيهية لعام 2020 بالتعاون مع ITU-D؛"
BULLET = "الجهات المعنية في القطاع الخاص؛"


def click_when_shown(qtbot: Any, window: Any, log: list[str]) -> QTimer:
    """Answer the check before export with "export anyway" when it appears."""

    def answer() -> None:
        dialog = window.check_dialog
        if dialog is not None and dialog.isVisible():
            log.append(f"{len(dialog.go_buttons)} fields")
            dialog.export_anyway.click()

    timer = QTimer(window)
    timer.setInterval(50)
    timer.timeout.connect(answer)
    timer.start()
    return timer


def outline_click(qtbot: Any, window: Any, page: str, key: str) -> None:
    """Click the outline item for (page, key)."""
    tree = window.navigator.outline
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    it = QTreeWidgetItemIterator(tree)
    while it.value():
        item = it.value()
        if item.data(0, Qt.ItemDataRole.UserRole) == f"{page}|{key}":
            tree.scrollToItem(item)
            rect = tree.visualItemRect(item)
            qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
        it += 1
    raise AssertionError(f"no outline item {page} {key}")


def test_next_report_edit_export_reopen(qtbot: Any, window: Any, store_path: Path, tmp_path: Path,
                                        monkeypatch: Any) -> None:
    store = window.store
    previous_id = window.report.id

    # New report from the previous one.
    window.new_from_previous_action.trigger()
    report = window.report
    assert report.id != previous_id
    assert window.carry_dialog is not None and window.carry_dialog.isVisible()
    assert window.carry_dialog.carried.count() > 0
    window.carry_dialog.close()

    # The meeting: the 19th, on 19 January 2023.
    meeting = report.meetings[0]
    outline_click(qtbot, window, "meetings", meeting.id)
    page = window.meetings
    assert window.pages.currentWidget() is page
    page.number.setValue(18)
    page.number.setValue(19)
    assert page.ordinal.text() == "التاسع عشر"
    date_line = page.fields[("meeting", "start")].line
    date_line.clear()
    qtbot.keyClicks(date_line, "2023-01-19")
    qtbot.keyClick(date_line, Qt.Key.Key_Return)
    assert report.meetings[0].number == 19
    assert report.meetings[0].start == dt.date(2023, 1, 19)
    assert "19" in page.fields[("meeting", "start")].shown.text()

    # A contribution.
    outline_click(qtbot, window, "contributions", "")
    contributions = window.contributions
    before = len(report.contributions)
    qtbot.mouseClick(contributions.add_button, Qt.MouseButton.LeftButton)
    assert len(report.contributions) == before + 1
    row = contributions.current_row()
    contributions.table.item(row, 0).setText("CWG-COP/19/3")
    contributions.table.item(row, 3).setText("مبادرات الإمارات لحماية الأطفال على الإنترنت")
    added = report.contributions[row]
    assert added.document == "CWG-COP/19/3"
    assert added.title.startswith("مبادرات")
    assert added.meeting_id == meeting.id

    # An Arabic paragraph with a Latin code and numbers, in the contributions section.
    contrib_section = next(s for s in report.sections if s.role == SectionRole.CONTRIBUTIONS)
    outline_click(qtbot, window, "section", contrib_section.id)
    sections = window.sections
    assert window.pages.currentWidget() is sections
    # Its first paragraph shows the standard lead-in of the list of documents: typed over, it is replaced.
    assert sections.editor.following
    sections.editor.selectAll()
    type_words(sections.editor, ARABIC_WITH_CODE)
    assert contrib_section.paragraphs[0].text == ARABIC_WITH_CODE
    assert sections.number_label.text() == f"1.{report.sections.index(contrib_section) + 1}"
    # Link the contribution to that paragraph (the table's paragraph column).
    outline_click(qtbot, window, "contributions", "")
    combo = contributions.table.cellWidget(row, 6)
    combo.setCurrentIndex(combo.findData(contrib_section.paragraphs[0].id))
    assert report.contributions[row].paragraph_id == contrib_section.paragraphs[0].id

    # Outcomes: an introduction, a lettered item, a bullet under it.
    outcomes = next(s for s in report.sections if s.role == SectionRole.OUTCOMES)
    outline_click(qtbot, window, "section", outcomes.id)
    commit_text(sections.editor, OUTCOME_INTRO)
    qtbot.keyClick(sections.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(outcomes.paragraphs) == 2
    sections.kind.setCurrentIndex(sections.kind.findData(ParagraphKind.LETTERED.value))
    commit_text(sections.editor, LETTERED)
    assert sections.number_label.text() == "أ)"
    qtbot.keyClick(sections.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(sections.indent_button, Qt.MouseButton.LeftButton)
    commit_text(sections.editor, BULLET)
    assert [p.kind for p in outcomes.paragraphs] == [
        ParagraphKind.NUMBERED, ParagraphKind.LETTERED, ParagraphKind.LETTERED_BULLET,
    ]
    settle(window)

    # Export through the menu action.
    out = tmp_path / "out" / "C23-report.docx"
    out.parent.mkdir()
    answer = FileDialogAnswer(str(out))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    log: list[str] = []
    timer = click_when_shown(qtbot, window, log)
    window.export_action.trigger()
    timer.stop()
    assert log, "the check before export listed the empty required fields"
    assert answer.title == "تصدير إلى Word"
    assert out.exists()
    assert window.settings.value("export_folder") == str(out.parent)

    lines = docx_lines(out)
    texts = [(line.label, line.text) for line in lines]
    o = report.sections.index(outcomes) + 1
    c = report.sections.index(contrib_section) + 1
    assert (f"1.{c}", ARABIC_WITH_CODE) in texts
    start = texts.index((f"1.{o}", OUTCOME_INTRO))
    assert texts[start + 1] == ("أ)", LETTERED)
    assert texts[start + 2] == ("•", BULLET)
    assert texts.index((f"1.{c}", ARABIC_WITH_CODE)) < start
    subject = " ".join(line.text for line in lines if line.style and "Subject" in line.style)
    assert "التاسع عشر" in subject or any("التاسع عشر" in t for _, t in texts)

    # Close, reopen on the same store: the same report.
    expected = portable.dumps(window.report)
    report_id = window.report.id
    window.close()
    QApplication.processEvents()
    assert portable.dumps(store.get(report_id)) == expected
    again = Store.open(store_path)
    try:
        second = make_window(qtbot, again, None, tmp_path)
        # The window reopens the last report by itself (QSettings).
        last = second.settings.value("last_report")
        assert last == report_id
        assert second.open_report(str(last))
        assert portable.dumps(second.report) == expected
        second.close()
    finally:
        again.close()
