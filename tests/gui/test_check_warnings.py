"""The check before export points out bidi controls: a warning that says where,
with a button that goes there; the export may go on, the text stays as typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from tests.gui.helpers import commit_text, settle, stored

RLO = "\u202e"


def test_bidi_controls_are_a_warning_that_goes_to_the_field(qtbot: Any, window: Any) -> None:
    window.go_to("front")
    place = window.front.fields[("report", "session_place")]
    place.line.selectAll()
    qtbot.keyClick(place.line, Qt.Key.Key_Delete)
    commit_text(place.line, "جنيف" + RLO)
    qtbot.keyClick(place.line, Qt.Key.Key_Return)
    settle(window)
    assert window.report.session_place == "جنيف" + RLO  # kept as typed
    assert RLO in stored(window.store, window.report.id)
    seen: list[str] = []

    def look_and_go() -> None:
        dialog = window.check_dialog
        if dialog is None or not dialog.isVisible() or seen:
            return
        seen.extend(w.text() for w in dialog.findChildren(QLabel) if "U+202E" in w.text())
        assert len(dialog.warning_buttons) == 1
        dialog.warning_buttons[0].click()

    timer = QTimer(window)
    timer.setInterval(50)
    timer.timeout.connect(look_and_go)
    timer.start()
    assert window.check_before_export() is False  # went to the field instead of exporting
    timer.stop()
    assert seen and "report.session_place" in seen[0]
    QApplication.processEvents()
    assert window.pages.currentWidget() is window.front


def test_without_bidi_controls_there_is_no_warning(window: Any) -> None:
    from cwgdraft.gui.window_export import export_warnings

    assert export_warnings(window.report) == []
    window.report.meetings[0].venue = "\u2067جنيف"
    warnings = export_warnings(window.report)
    assert [w.path for w in warnings] == ["meetings[0].venue"] and "U+2067" in warnings[0].label
