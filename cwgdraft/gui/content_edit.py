"""The content editor: text with fields, each field an atomic chip.

A paragraph (and the title, subject, summary and a section's title) is text
with fields (`cwgdraft.core.content`). Here each field is one object character
(U+FFFC) whose character format carries the field; a handler draws it as a
rounded chip showing the fact's current value, or its bracketed name while the
fact is missing. One character is deleted, selected, copied and moved as one
unit; what the editor holds is read back as `Content`, never flattened.

Edits go to the app's undo stack through `edited(value, merge)`: typing merges
into one step; inserting or deleting a field is a step of its own.

A text that follows the template's standard wording (`follows_standard`) is
shown greyed, from the standard wording; the first edit makes it the
drafter's own.

Marks are the characters' formats (bold, italic, underline: Ctrl+B, Ctrl+I,
Ctrl+U, as in Word); a link is an anchor with its address (Ctrl+K), shown
blue with a dotted underline; a footnote is a chip of its own (Ctrl+Alt+F)
holding the note, edited by a double click. Each is an undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QCompleter,
    QDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from cwgdraft.core import facts
from cwgdraft.core.content import (
    Content,
    Field,
    Footnote,
    Inline,
    Text,
    from_data,
    inlines_of,
    plain_or_content,
    to_data,
)
from cwgdraft.core.model import Report
from cwgdraft.gui.i18n import t, with_keys
from cwgdraft.gui.widgets import adopt_viewport, use_app_undo

OBJECT_CHAR = "\ufffc"
FIELD_OBJECT = int(QTextFormat.ObjectTypes.UserObject) + 1
FIELD_PROPERTY = int(QTextFormat.Property.UserProperty) + 1
FOOTNOTE_OBJECT = int(QTextFormat.ObjectTypes.UserObject) + 2
FOOTNOTE_PROPERTY = int(QTextFormat.Property.UserProperty) + 2
MIME = "application/x-cwgdraft-content"
INSERT_KEYS = "Ctrl+Shift+F"
BOLD_KEYS, ITALIC_KEYS, UNDERLINE_KEYS, LINK_KEYS, FOOTNOTE_KEYS = "Ctrl+B", "Ctrl+I", "Ctrl+U", "Ctrl+K", "Ctrl+Alt+F"
LINK_COLOUR = QColor("#0563c1")  # Word's
GO_TO_KEYS = "F12"
_SEP = "\x1f"


def _encode(field: Field) -> str:
    return _SEP.join((field.name, field.ref, field.form))


def field_of(fmt: QTextFormat) -> Field | None:
    """The field a character format carries, if any."""
    if fmt.objectType() != FIELD_OBJECT:
        return None
    value = fmt.property(FIELD_PROPERTY)
    if not isinstance(value, str):
        return None
    name, ref, form = ([*value.split(_SEP), "", ""])[:3]
    return Field(name, ref, form)


def field_format(field: Field) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setObjectType(FIELD_OBJECT)
    fmt.setProperty(FIELD_PROPERTY, _encode(field))
    # The chip sits on the line's baseline like a word.
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignBaseline)
    return fmt


def footnote_of(fmt: QTextFormat) -> Footnote | None:
    """The footnote a character format carries, if any."""
    if fmt.objectType() != FOOTNOTE_OBJECT:
        return None
    import json  # here, after the test: every chip is asked at every layout

    value = fmt.property(FOOTNOTE_PROPERTY)
    try:
        note = from_data(json.loads(value)) if isinstance(value, str) else ""
    except ValueError:
        return None
    return Footnote(i for i in inlines_of(note) if isinstance(i, (Text, Field)))


def footnote_format(note: Footnote) -> QTextCharFormat:
    import json

    fmt = QTextCharFormat()
    fmt.setObjectType(FOOTNOTE_OBJECT)
    fmt.setProperty(FOOTNOTE_PROPERTY, json.dumps(to_data(Content(note.inlines)), ensure_ascii=False))
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignBaseline)
    return fmt


def marks_of(fmt: QTextCharFormat) -> tuple[frozenset[str], str]:
    """The marks and the link's address a character format stands for."""
    marks = set()
    if fmt.fontWeight() >= 600:
        marks.add("b")
    if fmt.fontItalic():
        marks.add("i")
    if fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline:
        marks.add("u")
    return frozenset(marks), fmt.anchorHref() if fmt.isAnchor() else ""


def text_format(marks: frozenset[str] = frozenset(), href: str = "") -> QTextCharFormat:
    """The character format of text with these marks and link."""
    fmt = QTextCharFormat()
    if "b" in marks:
        fmt.setFontWeight(700)
    if "i" in marks:
        fmt.setFontItalic(True)
    if href:
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setForeground(LINK_COLOUR)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    if "u" in marks:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    return fmt


def fact_label(name: str) -> str:
    """A fact's name in the language of the interface (the Arabic labels are translated)."""
    fact = facts.FACTS.get(name)
    return t(fact.label) if fact else name


def contribution_name(report: Report | None, ref: str) -> str:
    c = next((c for c in report.contributions if c.id == ref), None) if report else None
    if c is None:
        return ""
    return c.source or c.title or c.document or t("مساهمة بلا اسم")


def field_tooltip(report: Report | None, field: Field) -> str:
    """What the chip stands for: the fact, its value or that it is missing, and how to edit it."""
    name = fact_label(field.name)
    if field.name not in facts.FACTS:
        return t("حقل غير معروف: %1").replace("%1", field.name)
    if field.ref:
        owner = contribution_name(report, field.ref)
        name = f"{name} — {owner}" if owner else f"{name} — {t('مساهمة محذوفة')}"
    value = facts.resolve(report, field) if report is not None else None
    state = value if value is not None else t("لم تُدخل بعد")
    how = with_keys(t("انقر نقراً مزدوجاً للانتقال إلى حيث تُدخل"), GO_TO_KEYS)
    return f"{t('حقل')}: {name}\n{state}\n{how}"


class Choice:
    """A field the user can insert, as the picker and the menus list it."""

    __slots__ = ("field", "text")

    def __init__(self, text: str, field: Field) -> None:
        self.text = text
        self.field = field


def field_choices(report: Report | None) -> list[Choice]:
    """Every fact, and every per-contribution fact once per contribution."""
    out: list[Choice] = []
    for fact in facts.FACTS.values():
        if not fact.per_contribution:
            out.append(Choice(t(fact.label), Field(fact.name)))
    for fact in facts.FACTS.values():
        if fact.per_contribution and report is not None:
            for c in report.contributions:
                out.append(Choice(f"{t(fact.label)}: {contribution_name(report, c.id)}", Field(fact.name, c.id)))
    return out


class ChipHandler(QPyTextObject):
    """Lays out and draws the field chips of one editor."""

    PAD = 5.0
    GAP = 2.0  # room between a chip and the letters next to it

    def __init__(self, edit: ContentEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        # (font, text) -> width: Qt measures a chip at every layout of its line (three times
        # before the window is first drawn), and shaping its text is most of the measuring.
        self._widths: dict[tuple[str, str], float] = {}

    def _text(self, fmt: QTextFormat) -> tuple[str, bool]:
        note = footnote_of(fmt)
        if note is not None:
            report = self.edit.report()
            shown = facts.text_of(report, Content(note.inlines)) if report is not None else str(Content(note.inlines))
            return f"{t('حاشية')}: {shown.replace(chr(10), ' ')}", False
        field = field_of(fmt)
        if field is None:
            return "?", True
        return self.edit.chip_text(field)

    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.edit.document().defaultFont())

    def _max_width(self, doc: QTextDocument) -> float:
        width = doc.textWidth() if doc.textWidth() > 0 else float(self.edit.viewport().width())
        return max(80.0, width * 0.9 - 2 * doc.documentMargin())

    def _advance(self, metrics: QFontMetricsF, text: str) -> float:
        key = (self.edit.document().defaultFont().key(), text)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) > 512:
                self._widths.clear()
            width = self._widths[key] = metrics.horizontalAdvance(text)
        return width

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        text, _missing = self._text(fmt)
        metrics = self._metrics()
        widest = self._max_width(doc) if fmt.objectType() != FOOTNOTE_OBJECT else min(220.0, self._max_width(doc))
        width = min(self._advance(metrics, text) + 2 * (self.PAD + self.GAP) + 1, widest)
        return QSizeF(width, metrics.height() + 2)

    def drawObject(self, painter: QPainter, rect: QRectF, doc: QTextDocument, pos: int,
                   fmt: QTextFormat) -> None:
        text, missing = self._text(fmt)
        metrics = self._metrics()
        selected = self.edit.is_selected(pos)
        if selected:
            fill, border, ink = self.edit.palette().highlight().color(), QColor("#1f4e8c"), \
                self.edit.palette().highlightedText().color()
        elif fmt.objectType() == FOOTNOTE_OBJECT:
            fill, border, ink = QColor("#eef6e9"), QColor("#8fb77a"), QColor("#2f5a1c")
        elif missing:
            fill, border, ink = QColor("#fff1c2"), QColor("#c98a00"), QColor("#7a4b00")
        else:
            fill, border, ink = QColor("#e3edf9"), QColor("#7aa2d6"), QColor("#17365d")
        if self.edit.following and not selected:
            ink = QColor("#6b7c93")
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = rect.adjusted(self.GAP, 1.0, -self.GAP, -0.5)
        painter.setPen(QPen(border, 1.0))
        painter.setBrush(fill)
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(ink)
        painter.setFont(doc.defaultFont())
        # A note keeps its beginning ("حاشية: ..."); a fact, as before, its end.
        elide = Qt.TextElideMode.ElideRight if fmt.objectType() == FOOTNOTE_OBJECT else Qt.TextElideMode.ElideLeft
        shown = metrics.elidedText(text, elide, box.width() - 2 * self.PAD + 1)
        option = QTextOption(Qt.AlignmentFlag.AlignCenter)
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        painter.drawText(box, shown, option)
        painter.restore()


class ContentEdit(QTextEdit):
    """Right-to-left text with field chips (see the module's doc)."""

    edited = Signal(object, bool)  # the new value (str or Content), merge into the last step
    fact_requested = Signal(object)  # a Field: go to where its fact is entered
    reset_requested = Signal()  # "reset to the standard wording"
    last_focused: ContentEdit | None = None

    def __init__(self, report: Callable[[], Report | None], single_line: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.single_line = single_line
        self.following = False  # showing the standard wording, not the drafter's own
        self.can_reset = False  # a standard wording stands behind this text
        self._loading = False
        self._last_content: str = ""  # what the editor held after its last load or edit
        self._step = False  # the next change is an undo step of its own
        self._fields_before = 0
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)  # the app's undo stack undoes typing too
        self.setTabChangesFocus(True)
        use_app_undo(self)
        adopt_viewport(self)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.document().setDefaultTextOption(option)
        self.handler = ChipHandler(self)
        self.document().documentLayout().registerHandler(FIELD_OBJECT, self.handler)
        self.document().documentLayout().registerHandler(FOOTNOTE_OBJECT, self.handler)
        self.document().contentsChanged.connect(self._changed)
        # Text typed right after a chip must not take the chip's format.
        self.currentCharFormatChanged.connect(self._plain_typing)
        self.selectionChanged.connect(self.viewport().update)
        if single_line:
            self.setLineWrapMode(QTextEdit.LineWrapMode.NoWrap)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            metrics = self.fontMetrics()
            self.setFixedHeight(int(metrics.lineSpacing() + 2 * self.document().documentMargin() + 10))

    # --- reading and showing -------------------------------------------------
    def chip_text(self, field: Field) -> tuple[str, bool]:
        """What a chip shows (the fact's value, else its bracketed name) and whether it is missing."""
        report = self.report()
        parts = facts.resolve_parts(report, field) if report is not None else None
        if parts is None:
            return f"[{facts.label(field.name)}]", True
        # As the export writes it: a hole in the fact (a date not known yet) shows its name in brackets.
        return "".join(p.text for p in parts).replace("\n", " "), any(p.missing for p in parts)

    def content(self, start: int = 0, end: int | None = None) -> str:
        """What the editor holds (from `start` to `end`): a `str`, or `Content` when it has
        fields, marks, links or footnotes."""
        items: list[Inline] = []
        block = self.document().begin()
        while block.isValid():
            gap = block.position() - 1  # the break before this block
            if gap >= start and (end is None or gap < end):
                items.append(Text("\n"))
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                at = fragment.position()
                fmt = fragment.charFormat()
                field = field_of(fmt)
                note = footnote_of(fmt)
                marks, href = marks_of(fmt)
                for i, ch in enumerate(fragment.text()):
                    if at + i < start or (end is not None and at + i >= end):
                        continue
                    if ch == OBJECT_CHAR:
                        # An object that is neither a field nor a footnote (a pasted image) is dropped.
                        if field is not None:
                            items.append(field)
                        elif note is not None:
                            items.append(note)
                    else:
                        items.append(Text("\n" if ch == "\u2028" else ch, marks, href))
                it += 1
            block = block.next()
        return plain_or_content(Content(items))

    def _insert(self, cursor: QTextCursor, value: str) -> None:
        for item in inlines_of(value):
            if isinstance(item, Field):
                cursor.insertText(OBJECT_CHAR, field_format(item))
            elif isinstance(item, Footnote):
                cursor.insertText(OBJECT_CHAR, footnote_format(item))
            else:
                text = item.text.replace("\n", " ") if self.single_line else item.text
                cursor.insertText(text, text_format(item.marks, item.href))
        cursor.setCharFormat(QTextCharFormat())

    def set_value(self, value: str, standard: str | None = None) -> None:
        """Show `value`; when it is empty and `standard` is given, show that
        standard wording greyed, as what the text follows."""
        following = not value and bool(standard)
        shown = standard if following and standard else value
        self.can_reset = standard is not None and bool(value)
        if following != self.following:
            self.following = following
            self._grey(following)
        self._last_content = shown
        if self.content() == shown:
            self.refresh_chips()
            return
        self._loading = True
        try:
            pos = self.textCursor().position()
            self.document().clear()
            cursor = QTextCursor(self.document())
            cursor.beginEditBlock()
            self._insert(cursor, shown)
            cursor.endEditBlock()
            cursor.setPosition(min(pos, self.document().characterCount() - 1))
            self.setTextCursor(cursor)
            self.setCurrentCharFormat(QTextCharFormat())
        finally:
            self._loading = False
        self._fields_before = self._field_count()

    def _grey(self, grey: bool) -> None:
        palette = self.palette()
        base = self.parentWidget().palette() if self.parentWidget() else QPalette()
        palette.setColor(QPalette.ColorRole.Text,
                         QColor("#6b7c93") if grey else base.color(QPalette.ColorRole.Text))
        self.setPalette(palette)
        self.setToolTip(t("الصيغة القياسية من القالب، تُملأ بالمعلومات المدخلة. اكتب فيها لتجعلها صيغتك.")
                        if grey else self._tip)

    _tip = ""

    def set_tip(self, text: str) -> None:
        self._tip = text
        if not self.following:
            self.setToolTip(text)

    def refresh_chips(self) -> None:
        """The facts changed: chips show their new values (their widths are laid out again)."""
        doc = self.document()
        doc.markContentsDirty(0, doc.characterCount())
        self.viewport().update()

    def _field_count(self) -> int:
        return self.toPlainText().count(OBJECT_CHAR)

    def _changed(self) -> None:
        if self._loading:
            return
        now = self.content()
        if now == self._last_content:
            # Formats only (the proofing underlines, a chip laid out again): not an edit.
            return
        self._last_content = now
        count = self._field_count()
        # A field inserted or deleted is an undo step of its own; typing merges.
        merge = not self._step and count >= self._fields_before
        self._step = False
        self._fields_before = count
        if self.following:
            self.following = False
            self._grey(False)
        self.edited.emit(now, merge)

    def _plain_typing(self, fmt: QTextCharFormat) -> None:
        # Only with no selection: with one, Qt would apply the plain format to what is selected
        # and strip a selected chip of its field. (Text typed with a chip's format is still read
        # back as text: only the object character is a field.)
        if fmt.objectType() in (FIELD_OBJECT, FOOTNOTE_OBJECT) and not self.textCursor().hasSelection():
            self.setCurrentCharFormat(QTextCharFormat())

    # --- marks, links, footnotes ------------------------------------------------
    def toggle_mark(self, mark: str) -> None:
        """Bold, italic or underline on the selection (off when all of it has it), one undo step;
        with no selection, for what is typed next."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            fmt = self.currentCharFormat()
            marks, href = marks_of(fmt)
            self.setCurrentCharFormat(text_format(marks ^ {mark}, href))
            return
        on = not all(mark in m for m, _h in self._selected_marks(cursor))
        self._step = True
        cursor.beginEditBlock()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        for pos in range(start, end):
            one = self._cursor_at(pos)
            one.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
            fmt = one.charFormat()
            if fmt.objectType() in (FIELD_OBJECT, FOOTNOTE_OBJECT):
                continue
            marks, href = marks_of(fmt)
            one.setCharFormat(text_format(marks | {mark} if on else marks - {mark}, href))
        cursor.endEditBlock()
        self._step = False

    def _selected_marks(self, cursor: QTextCursor) -> list[tuple[frozenset[str], str]]:
        out = []
        for pos in range(cursor.selectionStart(), cursor.selectionEnd()):
            one = self._cursor_at(pos)
            one.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
            if one.charFormat().objectType() not in (FIELD_OBJECT, FOOTNOTE_OBJECT):
                out.append(marks_of(one.charFormat()))
        return out

    def link_at_cursor(self) -> str:
        """The address of the link at the cursor or selection ('' when none)."""
        cursor = self.textCursor()
        found = self._selected_marks(cursor) if cursor.hasSelection() else [marks_of(cursor.charFormat())]
        return next((href for _m, href in found if href), "")

    def set_link(self, href: str) -> None:
        """The selection links to `href` ('' removes the link); with no selection the address is
        inserted as its own linked text. One undo step."""
        href = href.strip()
        cursor = self.textCursor()
        self._step = True
        cursor.beginEditBlock()
        if not cursor.hasSelection():
            if href:
                cursor.insertText(href, text_format(marks_of(self.currentCharFormat())[0], href))
                self.setCurrentCharFormat(QTextCharFormat())
        else:
            for pos in range(cursor.selectionStart(), cursor.selectionEnd()):
                one = self._cursor_at(pos)
                one.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
                fmt = one.charFormat()
                if fmt.objectType() in (FIELD_OBJECT, FOOTNOTE_OBJECT):
                    continue
                one.setCharFormat(text_format(marks_of(fmt)[0], href))
        cursor.endEditBlock()
        self._step = False

    def ask_link(self) -> TextDialog:
        """Ask for the link's address (the current one filled in) and set it."""
        dialog = TextDialog(t("رابط"), t("عنوان الرابط (اتركه فارغاً لإزالة الرابط):"), self.link_at_cursor(), self)
        dialog.setObjectName("linkDialog")
        dialog.chosen.connect(self.set_link)
        dialog.open()
        return dialog

    def insert_footnote(self, note: str) -> None:
        """A footnote at the cursor (after the selection), one undo step."""
        if not note.strip():
            return
        cursor = self.textCursor()
        cursor.setPosition(cursor.selectionEnd())
        self._step = True
        cursor.beginEditBlock()
        cursor.insertText(OBJECT_CHAR, footnote_format(Footnote(i for i in inlines_of(note) if not isinstance(i, Footnote))))
        cursor.endEditBlock()
        self._step = False
        self.setTextCursor(cursor)
        self.setCurrentCharFormat(QTextCharFormat())

    def ask_footnote(self, pos: int | None = None) -> TextDialog:
        """Ask for a footnote's text: a new one at the cursor, or the one at `pos` edited."""
        old = self.footnote_at_position(pos) if pos is not None else None
        report = self.report()
        note = Content(old.inlines) if old is not None else Content()
        shown = facts.text_of(report, note) if report is not None else str(note)
        dialog = TextDialog(t("حاشية"), t("نص الحاشية في أسفل الصفحة:"), shown, self)
        dialog.setObjectName("footnoteDialog")
        if pos is not None and old is not None:
            dialog.chosen.connect(lambda text, p=pos: self.replace_footnote(p, text))
        else:
            dialog.chosen.connect(self.insert_footnote)
        dialog.open()
        return dialog

    def footnote_at_position(self, pos: int | None) -> Footnote | None:
        if pos is None or not 0 <= pos < self.document().characterCount() - 1:
            return None
        cursor = self._cursor_at(pos)
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
        return footnote_of(cursor.charFormat()) if cursor.selectedText() == OBJECT_CHAR else None

    def replace_footnote(self, pos: int, text: str) -> None:
        """The footnote at `pos` reads `text` now (removed when empty): one undo step."""
        cursor = self._cursor_at(pos)
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
        self._step = True
        cursor.beginEditBlock()
        if text.strip():
            cursor.insertText(OBJECT_CHAR, footnote_format(Footnote([Text(text.strip())])))
        else:
            cursor.removeSelectedText()
        cursor.endEditBlock()
        self._step = False

    def chip_at_point(self, point: QPoint) -> int | None:
        """The position of the footnote chip under a point of the viewport."""
        layout = self.document().documentLayout()
        offset = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        hit = layout.hitTest(point + offset, Qt.HitTestAccuracy.FuzzyHit)
        return next((pos for pos in (hit, hit - 1) if self.footnote_at_position(pos) is not None), None)

    # --- fields ----------------------------------------------------------------
    def insert_field(self, field: Field) -> None:
        """A chip at the cursor (replacing the selection), one undo step."""
        cursor = self.textCursor()
        self._step = True
        cursor.beginEditBlock()
        cursor.insertText(OBJECT_CHAR, field_format(field))
        cursor.endEditBlock()
        self.setCurrentCharFormat(QTextCharFormat())
        self._step = False
        self.window().activateWindow()  # back from the picker: the window's shortcuts work again
        self.setFocus()

    def is_selected(self, pos: int) -> bool:
        cursor = self.textCursor()
        return cursor.hasSelection() and cursor.selectionStart() <= pos < cursor.selectionEnd()

    def field_at_position(self, pos: int) -> Field | None:
        """The field of the character at document position `pos`."""
        if not 0 <= pos < self.document().characterCount() - 1:
            return None
        cursor = QTextCursor(self.document())
        cursor.setPosition(pos)
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != OBJECT_CHAR:
            return None
        return field_of(cursor.charFormat())

    def field_at(self, point: QPoint) -> Field | None:
        """The field of the chip under a point of the viewport."""
        pos = self.chip_at(point)
        return None if pos is None else self.field_at_position(pos)

    def chip_at(self, point: QPoint) -> int | None:
        """The document position of the chip under a point of the viewport."""
        layout = self.document().documentLayout()
        offset = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        hit = layout.hitTest(point + offset, Qt.HitTestAccuracy.FuzzyHit)
        for pos in (hit, hit - 1):
            field = self.field_at_position(pos)
            if field is None:
                continue
            left = self.cursorRect(self._cursor_at(pos))
            right = self.cursorRect(self._cursor_at(pos + 1))
            x0, x1 = sorted((left.center().x(), right.center().x()))
            if x0 - 1 <= point.x() <= x1 + 1 and left.top() - 2 <= point.y() <= left.bottom() + 2:
                return pos
        return None

    def replace_field(self, pos: int, field: Field) -> None:
        """The chip at `pos` stands for `field` now (another form of the same fact): one undo step."""
        cursor = self._cursor_at(pos)
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
        self._step = True
        cursor.beginEditBlock()
        cursor.insertText(OBJECT_CHAR, field_format(field))
        cursor.endEditBlock()
        self._step = False

    def _cursor_at(self, pos: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(pos)
        return cursor

    def field_near_cursor(self) -> Field | None:
        """The chip just before the cursor, else just after it (or the selected one)."""
        cursor = self.textCursor()
        if cursor.hasSelection() and cursor.selectionEnd() - cursor.selectionStart() == 1:
            return self.field_at_position(cursor.selectionStart())
        return self.field_at_position(cursor.position() - 1) or self.field_at_position(cursor.position())

    # --- copy and paste keep the fields ---------------------------------------
    def selected_content(self) -> str:
        cursor = self.textCursor()
        return self.content(cursor.selectionStart(), cursor.selectionEnd())

    def createMimeDataFromSelection(self) -> QMimeData:
        import json

        mime = QMimeData()
        value = self.selected_content()
        mime.setText(facts.text_of(self.report(), value) if self.report() is not None else str(value))
        mime.setData(MIME, json.dumps(to_data(value), ensure_ascii=False).encode())
        return mime

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasFormat(MIME) or source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        import json

        value: str = ""
        if source.hasFormat(MIME):
            try:
                value = from_data(json.loads(bytes(source.data(MIME).data()).decode()))
            except (ValueError, UnicodeDecodeError):
                value = source.text()
        else:
            value = source.text()  # text from elsewhere comes in as plain text
        self._step = True
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        self._insert(cursor, value)
        cursor.endEditBlock()
        self._step = False

    # --- keys, mouse, menus, tooltips -------------------------------------------
    def _format_command(self, event: QKeyEvent) -> Callable[[], object] | None:
        """The formatting command of a key (Word's keys), if it is one."""
        combo = QKeySequence(event.keyCombination())
        commands: dict[str, Callable[[], object]] = {
            BOLD_KEYS: lambda: self.toggle_mark("b"),
            ITALIC_KEYS: lambda: self.toggle_mark("i"),
            UNDERLINE_KEYS: lambda: self.toggle_mark("u"),
            LINK_KEYS: self.ask_link,
            FOOTNOTE_KEYS: self.ask_footnote,
        }
        for keys, command in commands.items():
            if combo.matches(QKeySequence(keys)) == QKeySequence.SequenceMatch.ExactMatch:
                return command
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.single_line and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()
            return
        command = self._format_command(event)
        if command is not None:
            command()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Paste) or event.matches(QKeySequence.StandardKey.Cut):
            self._step = True  # a paste or cut is a step of its own
        super().keyPressEvent(event)
        self._step = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        ContentEdit.last_focused = self
        super().focusInEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        note = self.chip_at_point(event.position().toPoint())
        if note is not None:
            self.ask_footnote(note)
            return
        field = self.field_at(event.position().toPoint())
        if field is not None:
            self.fact_requested.emit(field)
            return
        super().mouseDoubleClickEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            field = self.field_at(event.position().toPoint())
            if field is not None:
                self.fact_requested.emit(field)
                return
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        # The editor's formatting keys win over the window's shortcuts while it has the focus
        # (Ctrl+I is italic here, as in Word, and imports elsewhere).
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._format_command(event) is not None:
                event.accept()
                return True
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            field = self.field_at(self.viewport().mapFromGlobal(event.globalPos()))
            if field is not None:
                QToolTip.showText(event.globalPos(), field_tooltip(self.report(), field), self)
                return True
        return super().event(event)

    def go_to_fact(self) -> bool:
        field = self.field_near_cursor()
        if field is None:
            return False
        self.fact_requested.emit(field)
        return True

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        menu = self.createStandardContextMenu(pos)
        # The menu speaks the interface's language, in its direction (the text is Arabic either way).
        menu.setLayoutDirection(QApplication.layoutDirection())
        # The editor's own undo is off (the app's undo covers every edit, in the Edit menu).
        actions = menu.actions()
        for i, action in enumerate(actions):
            if action.objectName() in ("edit-undo", "edit-redo"):
                menu.removeAction(action)
                if i + 1 < len(actions) and actions[i + 1].isSeparator() and action.objectName() == "edit-redo":
                    menu.removeAction(actions[i + 1])
        menu.addSeparator()
        at = self.chip_at(pos)
        field = self.field_at_position(at) if at is not None else None
        if at is not None and field is not None:
            go = menu.addAction(t("الانتقال إلى حيث تُدخل هذه المعلومة"))
            go.triggered.connect(lambda _c=False, f=field: self.fact_requested.emit(f))
            forms = form_choices(self.report(), field)
            if forms:
                sub = menu.addMenu(t("صيغة الحقل"))
                sub.setObjectName("fieldFormMenu")
                for form, shown in forms:
                    action = sub.addAction(shown)
                    action.setCheckable(True)
                    action.setChecked(form == field.form)
                    other = Field(field.name, field.ref, form)
                    action.triggered.connect(lambda _c=False, p=at, f=other: self.replace_field(p, f))
        formats = menu.addMenu(t("تنسيق"))
        formats.setObjectName("formatMenu")
        for label, keys, mark in ((t("غامق"), BOLD_KEYS, "b"), (t("مائل"), ITALIC_KEYS, "i"),
                                  (t("تحته خط"), UNDERLINE_KEYS, "u")):
            action = formats.addAction(with_keys(label, keys))
            action.triggered.connect(lambda _c=False, m=mark: self.toggle_mark(m))
        link = formats.addAction(with_keys(t("رابط…"), LINK_KEYS))
        link.triggered.connect(lambda _c=False: self.ask_link())
        note_at = self.chip_at_point(pos)
        if note_at is not None:
            edit_note = menu.addAction(t("تعديل الحاشية…"))
            edit_note.triggered.connect(lambda _c=False, p=note_at: self.ask_footnote(p))
        else:
            note = menu.addAction(with_keys(t("إدراج حاشية…"), FOOTNOTE_KEYS))
            note.triggered.connect(lambda _c=False: self.ask_footnote())
        insert = menu.addMenu(t("إدراج حقل"))
        insert.setObjectName("insertFieldMenu")
        fill_field_menu(insert, self.report(), self.insert_field)
        picker = menu.addAction(with_keys(t("إدراج حقل بالبحث…"), INSERT_KEYS))
        picker.triggered.connect(lambda _c=False: self.pick_field())
        if self.can_reset:
            reset = menu.addAction(t("العودة إلى الصيغة القياسية"))
            reset.triggered.connect(lambda _c=False: self.reset_requested.emit())
        return menu

    def pick_field(self) -> FieldPicker:
        """The picker with completion, at the cursor; the chosen field is inserted there."""
        picker = FieldPicker(self.report(), self)
        picker.chosen.connect(self.insert_field)
        rect = self.cursorRect()
        picker.move(self.viewport().mapToGlobal(rect.bottomLeft()))
        picker.open()
        picker.line.setFocus()
        return picker


# The forms a fact can take where grammar asks for them (`core.facts`): each offered as the words it gives.
FORMS = {
    "meetings.phrase": ("", "nominative", "li", "bi"),
    "meetings.ordinals": ("", "nominative"),
    "meetings.noun": ("", "li", "bi"),
    "group.name": ("", "li", "bi"),
    "group.acronym": ("", "nobreak"),
    "chair.name": ("", "bare"),
}


def form_choices(report: Report | None, field: Field) -> list[tuple[str, str]]:
    """(form, the fact written in that form) for each form that reads differently; [] when none."""
    if report is None:
        return []
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for form in FORMS.get(field.name, ()):
        value = facts.resolve(report, Field(field.name, field.ref, form))
        if value is None or value in seen:
            continue
        seen.add(value)
        # A no-break hyphen looks like a hyphen: say what it does.
        out.append((form, f"{value} ({t('لا يُقسم عند نهاية السطر')})" if form == "nobreak" else value))
    return out if len(out) > 1 else []


def fill_field_menu(menu: QMenu, report: Report | None, insert: Callable[[Field], None]) -> None:
    """Every fact, by what it is about; a contribution's facts under each contribution."""
    groups = {
        "meetings": t("الاجتماعات"),
        "group": t("الفريق"),
        "chair": t("الرئيس"),
        "report": t("الوثيقة"),
    }
    for source, title in groups.items():
        sub = menu.addMenu(title)
        for fact in facts.FACTS.values():
            if fact.source == source and not fact.per_contribution:
                action = sub.addAction(t(fact.label))
                action.triggered.connect(lambda _c=False, n=fact.name: insert(Field(n)))
    sub = menu.addMenu(t("المساهمات"))
    contributions = report.contributions if report else []
    sub.setEnabled(bool(contributions))
    for c in contributions:
        per = sub.addMenu(contribution_name(report, c.id))
        for fact in facts.FACTS.values():
            if fact.per_contribution:
                action = per.addAction(t(fact.label))
                action.triggered.connect(lambda _c=False, n=fact.name, r=c.id: insert(Field(n, r)))


class FieldPicker(QDialog):
    """Type part of a fact's name; the completer lists the facts that contain it."""

    chosen = Signal(object)  # Field

    def __init__(self, report: Report | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldPicker")
        self.setWindowTitle(t("إدراج حقل"))
        self.choices = field_choices(report)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(t("اكتب جزءاً من اسم المعلومة ثم اختر:")))
        self.line = QLineEdit()
        # The facts are named in the interface's language: typed and listed in its direction.
        self.line.setLayoutDirection(QApplication.layoutDirection())
        self.line.setPlaceholderText(t("مثلاً: تاريخ الاجتماع"))
        self.completer = QCompleter([c.text for c in self.choices], self)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(12)
        self.completer.popup().setLayoutDirection(QApplication.layoutDirection())
        self.line.setCompleter(self.completer)
        self.completer.activated.connect(self.choose)
        self.line.returnPressed.connect(lambda: self.choose(self.line.text()))
        layout.addWidget(self.line)
        self.resize(420, 80)

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.completer.setCompletionPrefix("")
        self.completer.complete()  # every fact at once, before anything is typed

    def match(self, text: str) -> Choice | None:
        """The choice named exactly, else the first that starts with the text, else the first with a
        word that starts with it, else the first that contains it (`تاريخ`: «تاريخ الاجتماع»)."""
        text = text.strip().casefold()
        if not text:
            return None
        names = [(c, c.text.casefold()) for c in self.choices]
        for test in (
            lambda name: name == text,
            lambda name: name.startswith(text),
            lambda name: any(word.startswith(text) for word in name.split()),
            lambda name: text in name,
        ):
            found = next((c for c, name in names if test(name)), None)
            if found is not None:
                return found
        return None

    def choose(self, text: str) -> Field | None:
        choice = self.match(text)
        if choice is None:
            return None
        self.completer.popup().hide()
        self.accept()
        self.chosen.emit(choice.field)
        return choice.field


class TextDialog(QDialog):
    """One line of text asked for (a link's address, a footnote's text); `chosen` on Enter or OK."""

    chosen = Signal(str)

    def __init__(self, title: str, prompt: str, value: str, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QDialogButtonBox

        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt))
        self.line = QLineEdit(value)
        self.line.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        layout.addWidget(self.line)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("موافق"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("إلغاء"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 100)

    def accept(self) -> None:
        super().accept()
        self.chosen.emit(self.line.text())
