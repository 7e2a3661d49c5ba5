"""Bad input in the editors: a message next to the field, and nothing
already stored is lost."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from tests.gui.helpers import settle, stored


def _shown(label: Any) -> bool:
    return not label.isHidden() and bool(label.text())


def test_impossible_date(qtbot: Any, window: Any) -> None:
    meeting = window.report.meetings[0]
    window.go_to("meetings", meeting.id)
    settle(window)
    before = stored(window.store, window.report.id)
    field = window.meetings.fields[("meeting", "start")]
    field.line.clear()
    qtbot.keyClicks(field.line, "2023-02-30")
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    settle(window)
    assert _shown(field.error)
    assert "تاريخ غير صحيح" in field.error.text()
    # The message is next to the field: in the same row, right under the date.
    assert field.error.parent() is field
    assert stored(window.store, window.report.id) == before
    assert window.report.meetings[0].start == meeting.start
    # Fixing it clears the message and takes the date.
    field.line.clear()
    qtbot.keyClicks(field.line, "2023-02-28")
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    assert not _shown(field.error)
    assert window.report.meetings[0].start.isoformat() == "2023-02-28"


def test_meeting_number_zero(qtbot: Any, window: Any) -> None:
    meeting = window.report.meetings[0]
    window.go_to("meetings", meeting.id)
    settle(window)
    before = stored(window.store, window.report.id)
    number = window.meetings.number
    number.lineEdit().selectAll()
    qtbot.keyClicks(number.lineEdit(), "0")
    assert number.value() == 0
    error = window.meetings.number_field.error
    assert _shown(error)
    assert window.meetings.ordinal.text() == ""
    settle(window)
    assert window.report.meetings[0].number == meeting.number
    assert stored(window.store, window.report.id) == before
    number.lineEdit().selectAll()
    qtbot.keyClicks(number.lineEdit(), "19")
    assert not _shown(error)
    assert window.meetings.ordinal.text() == "التاسع عشر"


def test_required_field_empty_at_export(qtbot: Any, window: Any, tmp_path: Any, monkeypatch: Any) -> None:
    # The signature names the chair entered in the people: the document symbol is required instead.
    window.go_to("front")
    name = window.front.fields[("report", "symbol")]
    name.line.selectAll()
    qtbot.keyClick(name.line, Qt.Key.Key_Delete)
    assert window.report.symbol == ""
    settle(window)
    before = stored(window.store, window.report.id)
    seen: list[int] = []

    def go_to_first() -> None:
        dialog = window.check_dialog
        if dialog is not None and dialog.isVisible():
            from cwgdraft.gui.window_export import check_findings

            try:
                findings = check_findings(window.report)  # the command line's check, labels as shown
                seen.append(len(findings))
                assert len(dialog.go_buttons) == len(findings)
                index = next(i for i, f in enumerate(findings) if f.path == "report.symbol")
                dialog.go_buttons[index].click()
            finally:
                if dialog.isVisible():  # a failed check must not leave the dialog waiting
                    dialog.reject()

    timer = QTimer(window)
    timer.setInterval(50)
    timer.timeout.connect(go_to_first)
    timer.start()
    assert window.action_export_docx() is None  # went to the field instead of exporting
    timer.stop()
    assert seen
    QApplication.processEvents()
    assert window.pages.currentWidget() is window.front
    assert _shown(name.error)
    assert name.error.parent() is name
    assert stored(window.store, window.report.id) == before
    # Typing a name clears the message.
    from tests.gui.helpers import commit_text

    commit_text(name.line, "C23/7-A")
    assert not _shown(name.error)


def test_empty_front_fields_are_marked_at_export(qtbot: Any, window: Any) -> None:
    window.go_to("front")
    symbol = window.front.fields[("report", "symbol")]
    symbol.line.clear()
    QTimer.singleShot(100, lambda: window.check_dialog and window.check_dialog.reject())
    assert window.check_before_export() is False
    if not window.report.symbol:
        assert _shown(symbol.error)


def test_errors_are_dialogs_not_tracebacks(qtbot: Any, window: Any, tmp_path: Any) -> None:
    from cwgdraft.gui import errors

    # Export into a folder that does not exist and cannot be created.
    target = tmp_path / "file-not-folder"
    target.write_text("x", encoding="utf-8")
    assert window.export_docx_to(target / "r.docx") is None
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorDialog" and w.isVisible()]
    assert boxes
    assert "Traceback" not in boxes[-1].informativeText()
    assert errors.last_error
    for box in boxes:
        box.close()
    # An uncaught exception goes through the hook to a dialog.
    errors.install_excepthook()
    import sys

    try:
        raise RuntimeError("boom")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert "boom" in errors.last_error
    for box in [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorDialog"]:
        box.close()
    sys.excepthook = sys.__excepthook__


def test_missing_fields_stay_marked_where_they_are(qtbot: Any, window: Any) -> None:
    """After the check before export, a page shows its empty required fields as it is opened."""
    window.new_from_previous_action.trigger()
    window.carry_dialog.close()
    QTimer.singleShot(100, lambda: window.check_dialog and window.check_dialog.reject())
    assert window.check_before_export() is False
    meeting = window.report.meetings[0]
    assert meeting.start is None
    window.go_to("meetings", meeting.id)
    start = window.meetings.fields[("meeting", "start")]
    assert _shown(start.error)
    # An empty paragraph is marked in the paragraph editor.
    # (A paragraph that follows the standard wording is not empty: its text is the template's.)
    section = next(s for s in window.report.sections
                   if s.paragraphs and not s.paragraphs[0].text and not s.paragraphs[0].standard)
    window.go_to("paragraph", section.paragraphs[0].id)
    assert _shown(window.sections.editor_field.error)
    from tests.gui.helpers import commit_text

    commit_text(window.sections.editor, "نص")
    assert not _shown(window.sections.editor_field.error)


def test_end_before_start(qtbot: Any, window: Any) -> None:
    meeting = window.report.meetings[0]
    window.go_to("meetings", meeting.id)
    settle(window)
    before = stored(window.store, window.report.id)
    end = window.meetings.fields[("meeting", "end")]
    qtbot.keyClicks(end.line, "2021-01-01")
    qtbot.keyClick(end.line, Qt.Key.Key_Return)
    assert _shown(end.error)
    settle(window)
    assert stored(window.store, window.report.id) == before
    end.line.clear()
    qtbot.keyClicks(end.line, "2022-01-13")
    qtbot.keyClick(end.line, Qt.Key.Key_Return)
    assert not _shown(end.error)
    assert window.report.meetings[0].end.isoformat() == "2022-01-13"


def test_a_message_next_to_a_field_is_written_in_red(qtbot: Any, window: Any) -> None:
    field = window.front.fields[("report", "symbol")]
    field.error.show_message("مطلوب (required) 42")
    QApplication.processEvents()
    image = field.error.grab().toImage()
    reds = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    darkest = min(reds, key=lambda c: c.red() + c.green() + c.blue())
    assert darkest.red() > 120 and darkest.green() < 60 and darkest.blue() < 70, darkest.name()
    # Disabled (no report open), still red.
    window.front.setEnabled(False)
    image = field.error.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}
    assert "#b00020" in colours
    window.front.setEnabled(True)
