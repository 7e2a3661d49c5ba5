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
