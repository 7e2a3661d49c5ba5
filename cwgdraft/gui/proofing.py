"""Proofing while typing: misspelled words (red) and Arabic typography (blue)
underlined in the paragraph editor, with suggestions, "add to dictionary" and
the typography fixes in its context menu.

Checking runs on a worker thread (`QThreadPool` of one thread): the
highlighter only reads results already computed for a line's text, and asks
for the others; when they arrive, the line is underlined again. Typing never
waits for a dictionary, not even the first time it is loaded.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QPoint, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from cwgdraft.core import typography
from cwgdraft.gui import finding_text
from cwgdraft.gui.i18n import t

SPELLING_COLOUR = QColor("#d00000")
TYPOGRAPHY_COLOUR = QColor("#1565c0")
CACHE_SIZE = 4000


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # "spelling" or "typography"
    word: str = ""
    finding: typography.Finding | None = None


class _Signals(QObject):
    done = Signal(str, object)  # text, list[Mark]


class _Job(QRunnable):
    def __init__(self, proofer: Proofer, text: str, context: typography.Context) -> None:
        super().__init__()
        self.proofer = proofer
        self.text = text
        self.context = context

    def run(self) -> None:
        marks = self.proofer.compute(self.text, self.context)
        try:
            self.proofer.signals.done.emit(self.text, marks)
        except RuntimeError:  # the window went away meanwhile
            pass


class Proofer(QObject):
    """Checks texts off the GUI thread and keeps the results by text."""

    updated = Signal()
    unavailable = Signal(str)  # why spell checking is off (once)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.signals = _Signals(self)
        self.signals.done.connect(self._done)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.context = typography.Context()
        self.cache: OrderedDict[str, list[Mark]] = OrderedDict()
        self.pending: set[str] = set()
        self.checker: Any = None
        self._load_error = ""
        self._loaded = False
        self.enabled = True

    def compute(self, text: str, context: typography.Context) -> list[Mark]:
        """Runs on the worker thread."""
        if not self._loaded:
            self._loaded = True
            try:
                from cwgdraft.core.spelling import Checker

                self.checker = Checker.default()
            except Exception as exc:  # no dictionary here: typography still works
                self._load_error = str(exc)
        marks: list[Mark] = []
        if self.checker is not None:
            marks += [Mark(m.start, m.end, "spelling", m.word) for m in self.checker.check(text)]
        marks += [Mark(f.start, f.end, "typography", f.found, f) for f in typography.check_text(text, context)]
        return marks

    def marks(self, text: str) -> list[Mark] | None:
        """The marks of a text if known; otherwise None, and a check is started."""
        found = self.cache.get(text)
        if found is not None:
            self.cache.move_to_end(text)
            return found
        if self.enabled and text not in self.pending:
            self.pending.add(text)
            self.pool.start(_Job(self, text, self.context))
        return None

    def _done(self, text: str, marks: list[Mark]) -> None:
        self.pending.discard(text)
        self.cache[text] = marks
        while len(self.cache) > CACHE_SIZE:
            self.cache.popitem(last=False)
        if self._load_error:
            self.unavailable.emit(self._load_error)
            self._load_error = ""
        self.updated.emit()

    def set_context(self, context: typography.Context) -> None:
        if context != self.context:
            self.context = context
            self.cache.clear()
            self.updated.emit()

    def add_word(self, word: str) -> None:
        if self.checker is None:
            return
        self.pool.waitForDone()  # the checker is not being read while the word list changes
        self.checker.add(word)
        self.cache.clear()
        self.updated.emit()

    def wait(self) -> None:
        """Every check asked for is done and its result delivered (tests, screenshots)."""
        from PySide6.QtWidgets import QApplication

        self.pool.waitForDone()
        QApplication.processEvents()


class ProofingHighlighter(QSyntaxHighlighter):
    def __init__(self, editor: QPlainTextEdit, proofer: Proofer) -> None:
        super().__init__(editor.document())
        self.editor = editor
        self.proofer = proofer
        self.formats: dict[str, QTextCharFormat] = {}
        for kind, colour in (("spelling", SPELLING_COLOUR), ("typography", TYPOGRAPHY_COLOUR)):
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
            fmt.setUnderlineColor(colour)
            self.formats[kind] = fmt
        proofer.updated.connect(self._rehighlight)
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(self._menu)

    def _rehighlight(self) -> None:
        # New underlines are formats, not edits: the editor must not report them as typing.
        blocked = self.editor.blockSignals(True)
        try:
            self.rehighlight()
        finally:
            self.editor.blockSignals(blocked)

    def highlightBlock(self, text: str) -> None:
        marks = self.proofer.marks(text)
        for mark in marks or []:
            if mark.end <= len(text):
                self.setFormat(mark.start, mark.end - mark.start, self.formats[mark.kind])

    def marks_at(self, position: int) -> tuple[list[Mark], int]:
        """The marks under a position of the document, and where their line starts."""
        block = self.editor.document().findBlock(position)
        marks = self.proofer.cache.get(block.text()) or []
        offset = position - block.position()
        return [m for m in marks if m.start <= offset <= m.end], block.position()

    # Set by the window: stores the paragraph's new text as its own undo step (not merged into typing).
    apply: Any = None

    def _replace(self, base: int, mark: Mark, text: str) -> None:
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(base + mark.start)
        cursor.setPosition(base + mark.end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != (mark.finding.found if mark.finding else mark.word):
            return  # the text changed since it was checked
        if self.apply is not None and hasattr(self.editor, "content"):
            # An editor with fields (chips): the correction is made in the text around them.
            from cwgdraft.core.content import edit_spans, plain_offset

            value = self.editor.content()
            start, end = plain_offset(value, base + mark.start), plain_offset(value, base + mark.end)
            new, done = edit_spans(value, [(start, end, text)])
            if done:
                self.apply(new)
        elif self.apply is not None:
            whole = self.editor.toPlainText()
            self.apply(whole[: base + mark.start] + text + whole[base + mark.end :])
        else:
            cursor.insertText(text)

    def menu_for(self, position: int) -> QMenu:
        menu = self.editor.createStandardContextMenu()
        marks, base = self.marks_at(position)
        first = menu.actions()[0] if menu.actions() else None
        added = []
        for mark in marks:
            if mark.kind == "spelling":
                suggestions = self.proofer.checker.suggest(mark.word) if self.proofer.checker else []
                for word in suggestions:
                    action = menu.addAction(word)
                    action.triggered.connect(lambda _c=False, m=mark, w=word: self._replace(base, m, w))
                    added.append(action)
                if not suggestions:
                    none = menu.addAction(t("لا اقتراحات"))
                    none.setEnabled(False)
                    added.append(none)
                add = menu.addAction(t("إضافة «%1» إلى القاموس").replace("%1", mark.word))
                add.setObjectName("addToDictionary")
                add.triggered.connect(lambda _c=False, w=mark.word: self.proofer.add_word(w))
                added.append(add)
            elif mark.finding is not None and mark.finding.fix is not None:
                fix = mark.finding.fix
                shown = fix if fix.strip() else (t("حذف") if not fix else t("مسافة واحدة"))
                action = menu.addAction(t("تصحيح: %1").replace("%1", shown))
                action.setToolTip(finding_text.message(mark.finding))
                action.setObjectName("typographyFix")
                action.triggered.connect(lambda _c=False, m=mark, f=fix: self._replace(base, m, f))
                added.append(action)
            elif mark.finding is not None:
                note = menu.addAction(finding_text.message(mark.finding))
                note.setEnabled(False)
                added.append(note)
        if added and first is not None:
            for action in added:
                menu.removeAction(action)
            menu.insertActions(first, added)
            menu.insertSeparator(first)
        return menu

    def _menu(self, point: QPoint) -> None:
        position = self.editor.cursorForPosition(point).position()
        self.menu_for(position).exec(self.editor.viewport().mapToGlobal(point))
