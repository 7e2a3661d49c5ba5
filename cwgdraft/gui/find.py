"""Find and replace across the whole report (Ctrl+F finds, Ctrl+H replaces).

Matching is `cwgdraft.core.find` (Arabic folding: diacritics, tatweel, alef
and hamza forms, taa marbuta, alef maqsura, digits, optional). The dialog
stays open beside the window: Next goes to the next match (opening its page
and selecting it in its field), matches are highlighted in the open
paragraph's editor and in the preview, Replace changes the selected match and
Replace all every match, each as one step of the app's undo stack.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from cwgdraft.core import find, folding
from cwgdraft.core.folding import ALL, EXACT, FoldOptions
from cwgdraft.gui.commands import SetValue
from cwgdraft.gui.i18n import t, with_keys
from cwgdraft.gui.session import resolve, target_of_path

MATCH_COLOUR = QColor("#ffe08a")
CURRENT_COLOUR = QColor("#ffa94d")


def _selection(cursor: QTextCursor, colour: QColor) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor
    fmt = QTextCharFormat()
    fmt.setBackground(colour)
    selection.format = fmt
    return selection


def highlight_text_edit(editor: QPlainTextEdit | QTextEdit, pattern: str, options: FoldOptions, whole_word: bool,
                        current: tuple[int, int] | None = None) -> int:
    """Mark every match in the editor's text (by block, so offsets hold); returns how many."""
    selections: list[QTextEdit.ExtraSelection] = []
    if pattern:
        block = editor.document().begin()
        while block.isValid():
            for m in folding.find_all(pattern, block.text(), options, whole_word):
                cursor = QTextCursor(editor.document())
                cursor.setPosition(block.position() + m.start)
                cursor.setPosition(block.position() + m.end, QTextCursor.MoveMode.KeepAnchor)
                here = current is not None and (block.position() + m.start, block.position() + m.end) == current
                selections.append(_selection(cursor, CURRENT_COLOUR if here else MATCH_COLOUR))
            block = block.next()
    editor.setExtraSelections(selections)
    return len(selections)


class FindDialog(QDialog):
    """Find (and replace) in the open report; not modal, so the user goes on editing."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("findDialog")
        self.window_ = window
        self.setWindowTitle(t("بحث واستبدال"))
        self.setModal(False)
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("findText")
        self.find_edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.find_edit.setClearButtonEnabled(True)
        self.replace_edit = QLineEdit()
        self.replace_edit.setObjectName("replaceText")
        self.replace_edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.replace_label = QLabel(t("استبدال بـ:"))
        grid.addWidget(QLabel(t("البحث عن:")), 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        layout.addLayout(grid)
        self.fold_box = QCheckBox(t("تجاهل التشكيل والتطويل وأشكال الألف والهمزة والتاء المربوطة والياء والأرقام"))
        self.fold_box.setChecked(True)
        self.whole_box = QCheckBox(t("كلمات كاملة فقط"))
        layout.addWidget(self.fold_box)
        layout.addWidget(self.whole_box)
        self.status = QLabel()
        self.status.setObjectName("findStatus")
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.previous_button = QPushButton(t("السابق"))
        self.previous_button.setToolTip(with_keys(t("المطابقة السابقة"), "Shift+Enter"))
        self.next_button = QPushButton(t("التالي"))
        self.next_button.setToolTip(with_keys(t("المطابقة التالية"), "Enter"))
        self.next_button.setDefault(True)
        self.replace_button = QPushButton(t("استبدال"))
        self.replace_button.setToolTip(t("استبدال المطابقة المحددة والانتقال إلى التالية"))
        self.replace_all_button = QPushButton(t("استبدال الكل"))
        self.replace_all_button.setToolTip(t("استبدال كل المطابقات في التقرير (خطوة تراجع واحدة)"))
        self.close_button = QPushButton(t("إغلاق"))
        for b in (self.previous_button, self.next_button, self.replace_button, self.replace_all_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.previous_button.clicked.connect(lambda: self.find_next(-1))
        self.next_button.clicked.connect(lambda: self.find_next(1))
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close)
        self.find_edit.textChanged.connect(self._pattern_changed)
        self.fold_box.toggled.connect(lambda _on: self._pattern_changed())
        self.whole_box.toggled.connect(lambda _on: self._pattern_changed())
        # Enter: the next match; Shift+Enter: the previous one (the line edit would take both for Enter).
        self.find_edit.installEventFilter(self)
        self.current: find.Found | None = None
        window.preview.refreshed.connect(lambda _ms: self.highlight())
        window.sections.paragraph_selected.connect(lambda _id: self.highlight())
        self.resize(560, 200)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.find_edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                back = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.find_next(-1 if back else 1)
                return True
        return super().eventFilter(watched, event)

    # --- options -------------------------------------------------------------
    @property
    def pattern(self) -> str:
        return self.find_edit.text()

    @property
    def options(self) -> FoldOptions:
        return ALL if self.fold_box.isChecked() else EXACT

    @property
    def whole_word(self) -> bool:
        return self.whole_box.isChecked()

    def show_mode(self, replace: bool) -> None:
        """Open as Find (Ctrl+F) or as Replace (Ctrl+H), with the selected text as the pattern."""
        self.replace_label.setVisible(replace)
        self.replace_edit.setVisible(replace)
        self.replace_button.setVisible(replace)
        self.replace_all_button.setVisible(replace)
        self.setWindowTitle(t("بحث واستبدال") if replace else t("بحث في التقرير"))
        selected = self._selected_text()
        if selected:
            self.find_edit.setText(selected)
        self.show()
        self.raise_()
        self.activateWindow()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self._pattern_changed()

    def _selected_text(self) -> str:
        editor = self.window_.sections.editor
        if editor.hasFocus() or self.window_.pages.currentWidget() is self.window_.sections:
            text = editor.textCursor().selectedText()
            if text and "\u2029" not in text:
                return text
        return ""

    # --- finding -------------------------------------------------------------
    def matches(self) -> list[find.Found]:
        report = self.window_.report
        if report is None or not self.pattern:
            return []
        return find.find_in_report(report, self.pattern, self.options, self.whole_word)

    def _pattern_changed(self) -> None:
        self.current = None
        count = len(self.matches())
        self._say_count(count)
        self.highlight()

    def _say_count(self, count: int, at: int | None = None) -> None:
        if not self.pattern:
            self.status.setText("")
        elif count == 0:
            self.status.setText(t("لا توجد مطابقة في التقرير"))
        elif at is None:
            self.status.setText(t("%1 مطابقة في التقرير").replace("%1", str(count)))
        else:
            self.status.setText(t("المطابقة %1 من %2").replace("%1", str(at + 1)).replace("%2", str(count)))

    def find_next(self, step: int = 1) -> find.Found | None:
        """Go to the next (or previous) match after the current one, wrapping at the end."""
        found = self.matches()
        if not found:
            self.current = None
            self._say_count(0)
            self.highlight()
            return None

        def key(f: find.Found) -> tuple[int, int]:
            return (f.index, f.start)

        here = key(self.current) if self.current is not None else self._here()
        if here is None:
            index = 0 if step > 0 else len(found) - 1
        else:
            if step > 0:
                index = next((i for i, f in enumerate(found) if key(f) > here), 0)
            else:
                index = next((i for i in range(len(found) - 1, -1, -1) if key(found[i]) < here), len(found) - 1)
        self.current = found[index]
        self._say_count(len(found), index)
        self._show(self.current)
        return self.current

    def _here(self) -> tuple[int, int] | None:
        """Where the user is, as (text index, offset) just before the cursor of the open paragraph:
        a first search starts there, as Word's does."""
        window = self.window_
        if window.pages.currentWidget() is not window.sections or window.sections.paragraph() is None:
            return None
        from cwgdraft.core.plaintext import report_texts

        source = window.sections.paragraph_id
        index = next((i for i, (_p, s, _w, _t) in enumerate(report_texts(window.report)) if s == source), None)
        if index is None:
            return None
        return (index, window.sections.editor.textCursor().selectionStart() - 1)

    def _show(self, found: find.Found) -> None:
        """Open the match's page and select it in its field; keep typing in the dialog."""
        window = self.window_
        window.go_to_path(found.path)
        target, attr = target_of_path(window.report, found.path)
        editor = self._editor_of(target[0], attr)
        if isinstance(editor, QLineEdit):
            editor.setSelection(found.start, found.end - found.start)
        elif isinstance(editor, (QPlainTextEdit, QTextEdit)):
            start, end = found.start, found.end
            if hasattr(editor, "content"):  # fields are one chip each in the editor
                from cwgdraft.core.content import view_offset

                value = editor.content()
                shown = find.shown_inline(window.report)  # the offsets count a field as its fact
                start, end = view_offset(value, start, shown), view_offset(value, end, shown, end=True)
            cursor = editor.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
            editor.ensureCursorVisible()
        self.highlight()
        if self.isVisible():
            self.activateWindow()
            self.find_edit.setFocus()

    def _editor_of(self, kind: str, attr: str | None) -> QWidget | None:
        page = self.window_.pages.currentWidget()
        fields = getattr(page, "fields", {})
        field = fields.get((kind, attr or ""))
        return getattr(field, "editor", None)

    def highlight(self) -> None:
        """Matches marked in the open paragraph's editor and in the preview."""
        window = self.window_
        pattern = self.pattern if self.isVisible() else ""
        current = None
        editor = window.sections.editor
        if self.current is not None and self.current.source == window.sections.paragraph_id:
            current = (self.current.start, self.current.end)
        highlight_text_edit(editor, pattern, self.options, self.whole_word, current)
        highlight_text_edit(window.preview, pattern, self.options, self.whole_word)

    # --- replacing -----------------------------------------------------------
    def replace_current(self) -> bool:
        """Replace the selected match (one undo step) and go to the next one."""
        window = self.window_
        if window.session is None:
            return False
        if self.current is None:
            self.find_next(1)
            return False
        found = self.current
        target, attr = target_of_path(window.report, found.path)
        attr = attr or "text"
        text = getattr(resolve(window.report, target), attr)
        new = find.replace_one(text, found, self.pattern, self.replace_edit.text(), self.options, window.report)
        if new is None:  # the text changed since: look again
            self.current = None
            self.find_next(1)
            return False
        window.session.push(SetValue(window.session, target, attr, new, t("استبدال")))
        # The next match is looked for after the replacement (also when the replacement is empty).
        after = found.start + len(self.replace_edit.text()) - 1
        self.current = find.Found(found.path, found.source, found.where, after, after, found.index)
        self.find_next(1)
        return True

    def replace_all(self) -> int:
        """Replace every match in the report as one step of the undo stack; returns how many."""
        window = self.window_
        if window.session is None or not self.pattern:
            return 0
        changes = find.replace_in_report(window.report, self.pattern, self.replace_edit.text(), self.options,
                                         self.whole_word)
        if not changes:
            self._say_count(0)
            return 0
        stack = window.session.undo_stack
        stack.beginMacro(t("استبدال الكل"))
        try:
            for change in changes:
                target, attr = target_of_path(window.report, change.path)
                window.session.push(SetValue(window.session, target, attr or "text", change.text, ""))
        finally:
            stack.endMacro()
        count = sum(c.count for c in changes)
        self.current = None
        self.status.setText(t("استُبدلت %1 مطابقة").replace("%1", str(count)))
        self.highlight()
        return count

    def closeEvent(self, event: Any) -> None:
        super().closeEvent(event)
        self.highlight()

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        self.highlight()
