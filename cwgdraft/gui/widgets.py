"""Small widgets shared by the editors: fields with an error label beside
them, a date field with a calendar, right-to-left text editors."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from cwgdraft.core import arabic
from cwgdraft.gui.i18n import t


class AppUndo(QObject):
    """Ctrl+Z and Ctrl+Shift+Z in a field undo and redo the app's edits (one stack across every
    editor), not the field's own typing: the field is kept from claiming those keys."""

    KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if any(event.matches(key) for key in self.KEYS):
                event.ignore()
                return True
        return False


_app_undo = AppUndo()


def use_app_undo(widget: QWidget) -> None:
    widget.installEventFilter(_app_undo)


class ErrorLabel(QLabel):
    """A red message shown next to the field it is about."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setStyleSheet("color: #b00020;")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


# Hints in empty fields: lighter than any value and slanted, so an empty field looks empty.
HINT_COLOR = QColor(150, 150, 150)


def as_example(value: str) -> str:
    """An example value for an empty field, said to be one ("مثال: C22/7-A"). In a right-to-left
    interface it is held right to left, so a Latin example in a left-to-right field still reads
    "مثال:" first."""
    text = t("مثال: %1").replace("%1", value)
    if QApplication.isRightToLeft():
        return f"\u202b{text}\u202c"  # RLE ... PDF
    return text


def style_hints(editor: QLineEdit | QPlainTextEdit) -> None:
    """The editor's placeholder in the hint colour, and in italics while the editor is empty."""
    palette = editor.palette()
    palette.setColor(QPalette.ColorRole.PlaceholderText, HINT_COLOR)
    editor.setPalette(palette)

    def restyle(*_args: object) -> None:
        empty = not (editor.text() if isinstance(editor, QLineEdit) else editor.document().characterCount() > 1)
        font = editor.font()
        if font.italic() != empty:
            font.setItalic(empty)
            editor.setFont(font)

    editor.textChanged.connect(restyle)
    restyle()


class Field(QWidget):
    """An editor widget with its error label under it."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    def focus(self) -> None:
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)


class LineField(Field):
    """A one-line field of the report. Its text is Arabic, so it is edited right to left whatever
    the language of the interface; `latin` fields (a document symbol, a code) left to right."""

    edited = Signal(str)

    def __init__(self, placeholder: str = "", tooltip: str = "", parent: QWidget | None = None,
                 latin: bool = False, example: str = "") -> None:
        self.line = QLineEdit()
        super().__init__(self.line, parent)
        self.line.setLayoutDirection(Qt.LayoutDirection.LeftToRight if latin else Qt.LayoutDirection.RightToLeft)
        use_app_undo(self.line)
        self.line.setPlaceholderText(as_example(example) if example else placeholder)
        self.line.setToolTip(tooltip or placeholder)
        style_hints(self.line)
        self.line.textEdited.connect(self._edited)
        self.required_message = ""

    def _edited(self, text: str) -> None:
        if text.strip():
            self.error.clear_message()
        self.edited.emit(text)

    def set_value(self, text: str) -> None:
        if self.line.text() != text:
            self.line.setText(text)
            self.line.setCursorPosition(0)  # a long value shows its beginning, not its end

    def value(self) -> str:
        return self.line.text()


class PlainText(QPlainTextEdit):
    """A multi-line right-to-left editor that reports only the user's edits."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)  # the app's undo stack undoes typing too
        use_app_undo(self)
        # The report is Arabic: right to left, aligned right, in either language of the interface.
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.textChanged.connect(self._changed)
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.document().setDefaultTextOption(option)

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit(self.toPlainText())

    def set_value(self, text: str) -> None:
        if self.toPlainText() == text:
            return
        self._loading = True
        try:
            cursor = self.textCursor()
            pos = cursor.position()
            self.setPlainText(text)
            cursor = self.textCursor()
            cursor.setPosition(min(pos, len(text)))
            self.setTextCursor(cursor)
        finally:
            self._loading = False


class TextField(Field):
    edited = Signal(str)

    def __init__(self, placeholder: str = "", lines: int = 3, parent: QWidget | None = None,
                 tooltip: str = "") -> None:
        self.text = PlainText()
        super().__init__(self.text, parent)
        self.text.setPlaceholderText(placeholder)
        self.text.setToolTip(tooltip or placeholder)
        style_hints(self.text)
        metrics = self.text.fontMetrics()
        self.text.setMinimumHeight(int(metrics.lineSpacing() * (lines + 1)))
        self.text.setMaximumHeight(int(metrics.lineSpacing() * (lines + 3)))
        self.text.edited.connect(self._edited)

    def _edited(self, text: str) -> None:
        if text.strip():
            self.error.clear_message()
        self.edited.emit(text)

    def set_value(self, text: str) -> None:
        self.text.set_value(text)

    def value(self) -> str:
        return self.text.toPlainText()


_DMY = re.compile(r"\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*")
_YMD = re.compile(r"\s*(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})\s*")


def parse_date(text: str) -> dt.date | None:
    """`2023-01-19` or `19/1/2023`; empty gives None; anything else raises ValueError."""
    text = text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    if not text.strip():
        return None
    m = _YMD.fullmatch(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _DMY.fullmatch(text)
        if not m:
            raise ValueError(text)
        d, mo, y = (int(g) for g in m.groups())
    return dt.date(y, mo, d)


class DateField(Field):
    """A date typed as `YYYY-MM-DD` (or `D/M/YYYY`), or picked from a calendar;
    empty means no date yet. The date is shown as the report will write it.
    An impossible date shows a message here and changes nothing."""

    date_edited = Signal(object)  # dt.date | None

    def __init__(self, parent: QWidget | None = None) -> None:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit()
        self.line.setPlaceholderText(t("سنة-شهر-يوم"))
        style_hints(self.line)
        self.line.setToolTip(t("اكتب التاريخ بالشكل 2023-01-19 أو اختره من التقويم"))
        self.line.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.line.setMaximumWidth(140)
        self.button = QToolButton()
        self.button.setText(t("تقويم"))
        self.button.setToolTip(t("اختيار التاريخ من التقويم"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)  # no week numbers
        self.calendar.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        # Qt's smallest header section follows the font's height (176 px with Amiri): a 1200 px popup.
        view = self.calendar.findChild(QTableView)
        if view is not None:
            metrics = view.horizontalHeader().fontMetrics()
            locale = self.calendar.locale()
            widest = max(metrics.horizontalAdvance(locale.dayName(day, QLocale.FormatType.ShortFormat))
                         for day in range(1, 8))
            view.horizontalHeader().setMinimumSectionSize(widest + 2 * metrics.averageCharWidth())
            view.verticalHeader().setMinimumSectionSize(12)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.button.setMenu(menu)
        self.shown = QLabel()
        row.addWidget(self.line)
        row.addWidget(self.button)
        row.addWidget(self.shown)  # next to the calendar button, not at the far end of the row
        row.addStretch(1)
        super().__init__(box, parent)
        self.line.textEdited.connect(self._typed)
        self.line.editingFinished.connect(self._finished)
        self.calendar.clicked.connect(self._picked)
        self._menu = menu
        self._value: dt.date | None = None

    def _show(self, value: dt.date | None) -> None:
        self.shown.setText(arabic.format_date(value, nbsp=False) if value else "")

    def _typed(self, text: str) -> None:
        """While typing, show the date as the report will write it; it is taken when typing ends."""
        try:
            value = parse_date(text)
        except ValueError:
            self.shown.setText("")
            return
        self.error.clear_message()
        self._show(value)

    def _finished(self) -> None:
        """Enter or leaving the field: an impossible date is refused here, next to the field."""
        try:
            value = parse_date(self.line.text())
        except ValueError:
            self.error.show_message(t("تاريخ غير صحيح: اكتبه بالشكل 2023-01-19 (سنة-شهر-يوم)"))
            self.shown.setText("")
            return
        self.error.clear_message()
        self._show(value)
        if value != self._value:
            self._value = value
            self.date_edited.emit(value)

    def _picked(self, qdate: QDate) -> None:
        value = dt.date(qdate.year(), qdate.month(), qdate.day())
        self.line.setText(value.isoformat())
        self.error.clear_message()
        self._show(value)
        self._menu.hide()
        self._value = value
        self.date_edited.emit(value)

    def forget(self, stored: dt.date | None) -> None:
        """The date shown was refused: remember the stored one, so typing it again counts."""
        self._value = stored

    def set_value(self, value: dt.date | None) -> None:
        try:
            same = parse_date(self.line.text()) == value
        except ValueError:
            same = False
        self._value = value
        if not same:
            self.line.setText(value.isoformat() if value else "")
        self.error.clear_message()
        self._show(value)
        if value:
            self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))
