"""Small widgets shared by the editors: fields with an error label beside
them, a date field with a calendar, right-to-left text editors."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cwgdraft.core import arabic
from cwgdraft.gui.i18n import t

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCalendarWidget


class AppUndo(QObject):
    """Ctrl+Z and Ctrl+Shift+Z in a field undo and redo the app's edits (one stack across every
    editor), not the field's own typing: the field is kept from claiming those keys."""

    KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
    REDO_Y = QKeySequence("Ctrl+Y")  # Word's redo, on every platform

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if any(event.matches(key) for key in self.KEYS) or QKeySequence(event.keyCombination()) == self.REDO_Y:
                event.ignore()
                return True
        return False


_app_undo = AppUndo()


def use_app_undo(widget: QWidget) -> None:
    widget.installEventFilter(_app_undo)


def adopt_viewport(area: QAbstractScrollArea) -> None:
    """Make Python know the viewport Qt made for `area` as the plain widget it is.

    The first time PySide6 meets a widget Qt made, returned as a QWidget (what
    `viewport()` returns), it makes every widget class of QtWidgets not made yet,
    and their enums, to find the most derived one: some 8 ms, the first time only,
    before the window is first drawn. Found by its name as a QWidget, the viewport
    is known at once, and `viewport()` returns it from then on."""
    area.findChild(QWidget, "qt_scrollarea_viewport")


ERROR_COLOR = QColor("#b00020")


class ErrorLabel(QLabel):
    """A red message shown next to the field it is about."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        # The colour in the palette, not a style sheet: a style sheet on each of the
        # form's labels slows the window's first drawing.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, ERROR_COLOR)
        self.setPalette(palette)
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
        self._last = ""
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
        if self._loading:
            return
        text = self.toPlainText()
        # Qt also says "changed" when only formats change (underlines of the proofing): not an edit.
        if text == self._last:
            return
        self._last = text
        self.edited.emit(text)

    def set_value(self, text: str) -> None:
        self._last = text
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


# Patterns, compiled (and kept by `re`) when a date is first typed rather than at start.
_DMY = r"\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*"
_YMD = r"\s*(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})\s*"
_D_MONTH_Y = r"\s*(\d{1,2})\s+(\w+)\.?,?\s+(\d{4})\s*"
_MONTH_D_Y = r"\s*(\w+)\.?\s+(\d{1,2}),?\s+(\d{4})\s*"
# The month as ITU Arabic writes it (`سبتمبر`), with hamza or without, and in English (`September`, `Sep`).
_ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december")
MONTH_NUMBERS: dict[str, int] = {}
for _number, _name in enumerate(arabic.MONTHS, start=1):
    MONTH_NUMBERS[_name] = _number
    MONTH_NUMBERS[_name.replace("أ", "ا").replace("إ", "ا")] = _number
for _number, _name in enumerate(_ENGLISH_MONTHS, start=1):
    MONTH_NUMBERS[_name] = _number
    MONTH_NUMBERS[_name[:3]] = _number
MONTH_NUMBERS["sept"] = 9


def parse_date(text: str) -> dt.date | None:
    """`2023-01-19`, `19/1/2023`, `19 يناير 2023` or `19 January 2023` (Arabic-Indic digits too);
    empty gives None; anything else raises ValueError."""
    text = text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")).replace("\u00a0", " ")
    if not text.strip():
        return None
    if m := re.fullmatch(_YMD, text):
        y, mo, d = (int(g) for g in m.groups())
    elif m := re.fullmatch(_DMY, text):
        d, mo, y = (int(g) for g in m.groups())
    elif (m := re.fullmatch(_D_MONTH_Y, text)) and m.group(2).casefold() in MONTH_NUMBERS:
        d, mo, y = int(m.group(1)), MONTH_NUMBERS[m.group(2).casefold()], int(m.group(3))
    elif (m := re.fullmatch(_MONTH_D_Y, text)) and m.group(1).casefold() in MONTH_NUMBERS:
        d, mo, y = int(m.group(2)), MONTH_NUMBERS[m.group(1).casefold()], int(m.group(3))
    else:
        raise ValueError(text)
    return dt.date(y, mo, d)


def follow_locale_week(calendar: QCalendarWidget, locale: QLocale) -> None:
    """The calendar's first day and weekend as the locale has them (Qt marks Saturday and Sunday
    whatever the locale): the week of the interface's language."""
    calendar.setLocale(locale)
    calendar.setFirstDayOfWeek(locale.firstDayOfWeek())
    working = set(locale.weekdays())
    weekday = QTextCharFormat()
    weekend = QTextCharFormat()
    weekend.setForeground(QColor("#c62828"))
    for day in Qt.DayOfWeek:
        calendar.setWeekdayTextFormat(day, weekday if day in working else weekend)


class DateField(Field):
    """A date typed as `YYYY-MM-DD`, `D/M/YYYY` or `18 سبتمبر 2023`, or picked from a
    calendar; empty means no date yet. The date is shown as the report will write it,
    and saved as soon as what is typed is a whole date (the text stays as typed).
    An impossible date shows a message here and changes nothing."""

    date_edited = Signal(object)  # dt.date | None

    def __init__(self, parent: QWidget | None = None) -> None:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit()
        self.line.setPlaceholderText(t("سنة-شهر-يوم"))
        style_hints(self.line)
        self.line.setToolTip(t("اكتب التاريخ بالشكل 2023-01-19 أو 19/1/2023 أو 19 يناير 2023، أو اختره من التقويم"))
        self.line.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.line.setMaximumWidth(140)
        self.button = QToolButton()
        self.button.setText(t("تقويم"))
        self.button.setToolTip(t("اختيار التاريخ من التقويم"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # The calendar is made when first opened (`calendar`): a page of dates comes up sooner.
        menu = QMenu(self.button)
        menu.aboutToShow.connect(lambda: self.calendar)
        self.button.setMenu(menu)
        self._calendar: QCalendarWidget | None = None
        self.shown = QLabel()
        row.addWidget(self.line)
        row.addWidget(self.button)
        row.addWidget(self.shown)  # next to the calendar button, not at the far end of the row
        row.addStretch(1)
        super().__init__(box, parent)
        self.line.textEdited.connect(self._typed)
        self.line.editingFinished.connect(self._finished)
        self._menu = menu
        self._value: dt.date | None = None
        self._typed_over: list[dt.date | None] = []

    @property
    def calendar(self) -> QCalendarWidget:
        """The calendar the button opens, made the first time it is needed, on the date shown."""
        if self._calendar is not None:
            return self._calendar
        from PySide6.QtWidgets import QCalendarWidget, QTableView, QWidgetAction

        calendar = self._calendar = QCalendarWidget()
        calendar.setGridVisible(True)
        calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)  # no week numbers
        calendar.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        follow_locale_week(calendar, QLocale())
        # Qt's smallest header section follows the font's height (176 px with Amiri): a 1200 px popup.
        view = calendar.findChild(QTableView)
        if view is not None:
            metrics = view.horizontalHeader().fontMetrics()
            locale = calendar.locale()
            widest = max(metrics.horizontalAdvance(locale.dayName(day, QLocale.FormatType.ShortFormat))
                         for day in range(1, 8))
            view.horizontalHeader().setMinimumSectionSize(widest + 2 * metrics.averageCharWidth())
            view.verticalHeader().setMinimumSectionSize(12)
        action = QWidgetAction(self._menu)
        action.setDefaultWidget(calendar)
        self._menu.addAction(action)
        if self._value is not None:
            calendar.setSelectedDate(QDate(self._value.year, self._value.month, self._value.day))
        calendar.clicked.connect(self._picked)
        return calendar

    def _show(self, value: dt.date | None) -> None:
        self.shown.setText(arabic.format_date(value, nbsp=False) if value else "")

    # True while a date comes from typing: the page merges the steps of one typing into one undo step.
    typing = False

    def _typed(self, text: str) -> None:
        """While typing, show the date as the report will write it, and save it as soon as it is a
        whole date (`2023-09-1` is the 1st until the `8` comes): nothing waits for leaving the field."""
        try:
            value = parse_date(text)
        except ValueError:
            self.shown.setText("")
            return
        self.error.clear_message()
        self._show(value)
        if value is not None and value != self._value:
            if not self._typed_over:
                self._typed_over = [self._value]  # what to go back to if the typing ends on no date
            self._value = value
            self._emit_typing(value)

    def _emit_typing(self, value: dt.date | None) -> None:
        self.typing = True
        try:
            self.date_edited.emit(value)
        finally:
            self.typing = False

    def _finished(self) -> None:
        """Enter or leaving the field: an impossible date is refused here, next to the field."""
        try:
            value = parse_date(self.line.text())
        except ValueError:
            self.error.show_message(t("تاريخ غير صحيح: اكتبه بالشكل 2023-01-19 (سنة-شهر-يوم)"))
            self.shown.setText("")
            if self._typed_over:
                # `2023-02-3` was saved on the way to `2023-02-30`: the date before the typing comes back.
                self._value = self._typed_over[0]
                self._emit_typing(self._value)
            self._typed_over = []
            return
        self._typed_over = []
        self.error.clear_message()
        self._show(value)
        if value != self._value:
            self._value = value
            self.date_edited.emit(value)

    def _picked(self, qdate: QDate) -> None:
        value = dt.date(qdate.year(), qdate.month(), qdate.day())
        self._typed_over = []
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
        if value and self._calendar is not None:
            self._calendar.setSelectedDate(QDate(value.year, value.month, value.day))
