"""Acting as a user in tests: Arabic text through input-method events
(`qtbot.keyClicks` aborts on text outside Latin-1), store dumps."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from cwgdraft.core import portable


def commit_text(widget: QWidget, text: str) -> None:
    """Type `text` into `widget` as an input method would (any script)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_words(widget: QWidget, text: str) -> None:
    """Type word by word (several edits, merged into one undo step)."""
    for i, word in enumerate(text.split(" ")):
        commit_text(widget, word if i == 0 else " " + word)


def stored(store: Any, report_id: str) -> str:
    """The stored report as its canonical portable JSON."""
    return portable.dumps(store.get(report_id))


def settle(window: Any) -> None:
    """Views refreshed and the report saved, as the timers would do."""
    QApplication.processEvents()
    window.flush()


class FileDialogAnswer:
    """Answers the next file dialog as a user does: types `name` into its name field and presses
    Enter (an empty name: presses Cancel). What the dialog showed is kept for the test to look at."""

    def __init__(self, name: str) -> None:
        from PySide6.QtCore import QTimer

        self.name = name
        self.title = ""
        self.filters: list[str] = []
        self.texts: list[str] = []
        self.dialog: Any = None
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._answer)
        self.timer.start()
        _waiting.append(self)  # kept until it has answered, even when the test keeps no name for it

    def _answer(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QLineEdit

        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog) or not dialog.isVisible():
            return
        self.timer.stop()
        if self in _waiting:
            _waiting.remove(self)
        self.dialog = dialog
        self.title = dialog.windowTitle()
        self.filters = dialog.nameFilters()
        self.texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
                      if w.isVisible() and w.text()]
        if not self.name:
            dialog.reject()
            return
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        edit.setFocus()
        edit.selectAll()
        commit_text(edit, self.name)
        QTest.keyClick(edit, Qt.Key.Key_Return)


_waiting: list[FileDialogAnswer] = []
