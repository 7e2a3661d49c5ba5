"""Lists of things edited as tables: contributions and people.

Each row is one object; text cells are edited in place, links (presenter,
meeting, paragraph) and categories with combo boxes. Add, remove, move up and
down; every change is one undoable command.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from cwgdraft.core.model import Contribution, OpeningRemark, Person, PersonRole, Report, SectionRole
from cwgdraft.formats.render import lay_out
from cwgdraft.gui.commands import SetList, SetValue
from cwgdraft.gui.editors.base import HasSession, Page
from cwgdraft.gui.i18n import N_, t, with_keys
from cwgdraft.gui.widgets import ErrorLabel


@dataclasses.dataclass
class Column:
    attr: str
    header: str
    choices: Callable[[Report], list[tuple[str, Any]]] | None = None  # (label, value)
    editable_choice: bool = False


CATEGORIES = [
    ("—", ""),  # none yet: an empty category looks empty
    (N_("دولة عضو"), "member_state"),
    (N_("عضو قطاع"), "sector_member"),
    (N_("شريك"), "partner"),
    (N_("الأمانة"), "secretariat"),
    (N_("وثيقة معلومات"), "information"),
    (N_("أخرى"), "other"),
]


def _people(report: Report) -> list[tuple[str, Any]]:
    return [("—", None)] + [(f"{p.honorific} {p.name}".strip() or t("[شخص بلا اسم]"), p.id) for p in report.people]


def _meetings(report: Report) -> list[tuple[str, Any]]:
    return [("—", None)] + [(str(m.number), m.id) for m in report.meetings]


def _paragraphs(report: Report) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = [("—", None)]
    for s in lay_out(report):
        for lp in s.paragraphs:
            words = lp.paragraph.text[:40].replace("\n", " ")
            out.append((f"{s.number}: {lp.label} {words}".strip(), lp.paragraph.id))
    return out


def _categories(_report: Report) -> list[tuple[str, Any]]:
    return [(t(label) if value else label, value) for label, value in CATEGORIES]


def _roles(_report: Report) -> list[tuple[str, Any]]:
    return [
        (t("الرئيس"), PersonRole.CHAIR),
        (t("متحدث في الافتتاح"), PersonRole.OPENING_SPEAKER),
        (t("مقدّم عرض"), PersonRole.PRESENTER),
        (t("آخر"), PersonRole.OTHER),
    ]


_ARABIC = re.compile("[\u0600-\u06ff]")


def _cell(text: str) -> QTableWidgetItem:
    """A text cell; Arabic text stays aligned right in an English (left-to-right) table too."""
    item = QTableWidgetItem(text)
    if _ARABIC.search(text):
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                              | Qt.AlignmentFlag.AlignVCenter)
    return item


def _plain(value: Any) -> str:
    if value is None:
        return ""
    return str(getattr(value, "value", value))


class OnResize(QObject):
    """Calls `then` whenever `widget` is resized."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.then()
        return False


class TablePage(Page):
    list_attr = ""
    kind = ""
    columns: ClassVar[list[Column]] = []
    add_label = ""
    remove_label = ""

    def __init__(self, host: HasSession, title: str, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.heading(title)
        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([t(c.header) for c in self.columns])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setMinimumSectionSize(40)  # Qt's default follows the font's height: 176 px with Amiri
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemChanged.connect(self._item_changed)
        self._on_resize = OnResize(self.table.viewport(), self._refit)  # columns refitted when the table's width changes
        # Tab leaves the table (arrows move between cells), through its choice cells, to the buttons below.
        self.table.setTabKeyNavigation(False)
        self.outer.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(t(self.add_label))
        self.remove_button = QPushButton(t(self.remove_label))
        self.up_button = QPushButton(t("إلى الأعلى"))
        self.down_button = QPushButton(t("إلى الأسفل"))
        self.add_button.setToolTip(t("إضافة صف جديد بعد الصف المحدد"))
        self.remove_button.setToolTip(t("حذف الصف المحدد"))
        self.up_button.setToolTip(with_keys(t("نقل الصف المحدد إلى الأعلى"), "Alt+↑"))
        self.down_button.setToolTip(with_keys(t("نقل الصف المحدد إلى الأسفل"), "Alt+↓"))
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.outer.addLayout(buttons)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))

    # --- model ---------------------------------------------------------------
    def items(self) -> list[Any]:
        return getattr(self.session.report, self.list_attr)

    def new_item(self) -> Any:
        raise NotImplementedError

    def current_row(self) -> int:
        return self.table.currentRow()

    def select(self, item_id: str) -> None:
        ids = [x.id for x in self.items()]
        if item_id in ids:
            self.table.setCurrentCell(ids.index(item_id), 0)

    def add_row(self) -> Any:
        items = self.items()
        row = self.current_row()
        at = row + 1 if 0 <= row < len(items) else len(items)
        new = self.new_item()
        self.session.push(SetList(self.session, ("report",), self.list_attr, [*items[:at], new, *items[at:]],
                                  t(self.add_label)))
        self.table.setCurrentCell(at, 0)
        return new

    def remove_row(self) -> None:
        items = self.items()
        row = self.current_row()
        if not 0 <= row < len(items):
            return
        self.session.push(SetList(self.session, ("report",), self.list_attr, items[:row] + items[row + 1:],
                                  t(self.remove_label)))

    def move(self, step: int) -> None:
        items = list(self.items())
        row = self.current_row()
        to = row + step
        if not (0 <= row < len(items) and 0 <= to < len(items)):
            return
        items[row], items[to] = items[to], items[row]
        self.session.push(SetList(self.session, ("report",), self.list_attr, items, t("نقل")))
        self.table.setCurrentCell(to, max(0, self.table.currentColumn()))

    def set_cell(self, row: int, attr: str, value: Any, label: str, merge: bool = False) -> None:
        items = self.items()
        if 0 <= row < len(items):
            self.set_value(items[row].id, attr, value, label, merge)

    def set_value(self, item_id: str, attr: str, value: Any, label: str, merge: bool = False) -> None:
        """An edit made in the table: the table shows it already, so it is not refilled under the
        cell editor that is still handing the edit over (see `SetValue.shown`)."""
        if self._loading:
            return
        obj = next((x for x in self.items() if x.id == item_id), None)
        if obj is None or getattr(obj, attr) == value:
            return
        self.session.push(SetValue(self.session, (self.kind, item_id), attr, value, label, merge=merge, shown=True))

    # --- widgets -------------------------------------------------------------
    def _item_changed(self, item: QTableWidgetItem) -> None:
        col = self.columns[item.column()]
        self.set_cell(item.row(), col.attr, item.text(), t(col.header))

    def _combo(self, item_id: str, col: Column, value: Any) -> QComboBox:
        """Item data are plain strings ('' for none): no Python objects in QVariants. An editable
        choice (a category) also takes free text: what is typed is stored as typed."""
        combo = QComboBox()
        combo.setEditable(col.editable_choice)
        assert col.choices is not None
        choices = col.choices(self.session.report)
        for label, data in choices:
            combo.addItem(label, _plain(data))
        index = combo.findData(_plain(value))
        if index < 0 and col.editable_choice and value:
            combo.addItem(str(value), _plain(value))
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))
        by_plain = {_plain(data): data for _label, data in choices}

        def changed(*_args: Any) -> None:
            if col.editable_choice:
                text = combo.currentText()
                found = combo.findText(text, Qt.MatchFlag.MatchExactly)
                plain = str(combo.itemData(found) or "") if found >= 0 else None
                data = text.strip() if plain is None else by_plain.get(plain, plain)
            else:
                plain = str(combo.currentData() or "")
                data = by_plain.get(plain, plain or None)
            self.set_value(item_id, col.attr, data, t(col.header))

        combo.currentIndexChanged.connect(changed)
        line = combo.lineEdit()
        if line is not None:
            # Typed text is kept in the field (not added to the list) and stored on Enter or on leaving it.
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            line.editingFinished.connect(changed)
        return combo

    def fill(self) -> None:
        items = self.items()
        row, col = self.current_row(), max(self.table.currentColumn(), 0)
        self.table.blockSignals(True)
        self.table.setRowCount(len(items))
        for r, obj in enumerate(items):
            for c, column in enumerate(self.columns):
                value = getattr(obj, column.attr)
                # A column holds text or choices in every row; a text cell has no widget of its own
                # but its editor while it is edited, which must not be taken from the table.
                if column.choices is None:
                    self.table.setItem(r, c, _cell(value or ""))
                else:
                    under = QTableWidgetItem("")  # behind the choice: never edited as text
                    under.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    self.table.setItem(r, c, under)
                    self.table.setCellWidget(r, c, self._combo(obj.id, column, value))
        self.table.blockSignals(False)
        if items:
            self.table.setCurrentCell(min(max(row, 0), len(items) - 1), col)
        self._tab_order()
        self.fit_columns()
        QTimer.singleShot(0, self, self._refit)  # again once the page is laid out (a scroll bar may have come)

    MIN_TEXT_COLUMN = 90
    MIN_CHOICE_COLUMN = 120

    def _refit(self) -> None:
        if self.host.session is not None:
            self.fit_columns()

    def fit_columns(self) -> None:
        """Columns as wide as their contents (at most 260 px); when that is wider than the table,
        the columns give up room (their cells elided) before a sideways scroll bar is needed."""
        self.table.resizeColumnsToContents()
        widths = [min(self.table.columnWidth(c), 260) for c in range(self.table.columnCount())]
        room = self.table.viewport().width() - 2
        texts = list(range(len(self.columns)))  # every column gives up room, a choice a little less
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        least = {c: max(self.MIN_TEXT_COLUMN if self.columns[c].choices is None else self.MIN_CHOICE_COLUMN,
                        min(170, metrics.horizontalAdvance(self.table.horizontalHeaderItem(c).text())
                            + 2 * metrics.averageCharWidth())) for c in texts}
        excess = sum(widths) - room
        spare = sum(max(0, widths[c] - least[c]) for c in texts)
        if excess > 0 and spare > 0 and room > 0:
            share = min(1.0, excess / spare)
            for c in texts:
                widths[c] -= int(max(0, widths[c] - least[c]) * share)
        for c, width in enumerate(widths):
            self.table.setColumnWidth(c, width)



    def _tab_order(self) -> None:
        """Table, then its choice cells row by row in reading order, then the buttons: as they are seen."""
        chain: list[QWidget] = [self.table]
        for r in range(self.table.rowCount()):
            for c in range(self.table.columnCount()):
                widget = self.table.cellWidget(r, c)
                if widget is not None:
                    chain.append(widget)
        chain += [self.add_button, self.remove_button, self.up_button, self.down_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)


class ContributionsPage(TablePage):
    list_attr = "contributions"
    kind = "contribution"
    add_label = N_("إضافة مساهمة")
    remove_label = N_("حذف المساهمة")
    columns: ClassVar[list[Column]] = [
        Column("document", N_("رقم الوثيقة")),
        Column("category", N_("الفئة"), _categories, editable_choice=True),
        Column("source", N_("المصدر")),
        Column("title", N_("العنوان")),
        Column("presenter_id", N_("المقدِّم"), _people),
        Column("meeting_id", N_("الاجتماع"), _meetings),
        Column("paragraph_id", N_("الفقرة التي تعرضها"), _paragraphs),
    ]

    def __init__(self, host: HasSession, parent: QWidget | None = None) -> None:
        super().__init__(host, t("المساهمات"), parent)
        self.table.setToolTip(t("المساهمات ووثائق المعلومات المقدمة إلى الاجتماع"))

    def new_item(self) -> Contribution:
        meetings = self.session.report.meetings
        return Contribution("", meeting_id=meetings[-1].id if meetings else None)

    # The list of documents follows the contributions: adding or removing one adds or removes its
    # item in the list, in the same undo step.
    def add_row(self) -> Any:
        stack = self.session.undo_stack
        stack.beginMacro(t(self.add_label))
        try:
            new = super().add_row()
            sync_documents_command(self.session)
        finally:
            stack.endMacro()
        return new

    def set_cell(self, row: int, attr: str, value: Any, label: str, merge: bool = False) -> None:
        """A new category moves the contribution's item to its group in the list of documents."""
        items = self.items()
        if attr != "category" or self._loading or not 0 <= row < len(items) or items[row].category == value:
            super().set_cell(row, attr, value, label, merge)
            return
        stack = self.session.undo_stack
        stack.beginMacro(label)
        try:
            super().set_cell(row, attr, value, label, False)
            regroup_command(self.session, items[row].id)
        finally:
            stack.endMacro()

    def remove_row(self) -> None:
        if not 0 <= self.current_row() < len(self.items()):
            return
        stack = self.session.undo_stack
        stack.beginMacro(t(self.remove_label))
        try:
            super().remove_row()
            sync_documents_command(self.session)
        finally:
            stack.endMacro()


def regroup_command(session: Any, contribution_id: str) -> bool:
    """Inside a macro: a contribution's item in the list of documents moved to its category's group
    (its id and wording kept), as an undoable step."""
    from cwgdraft.core.documents import DOCUMENT_ITEM, documents_section, sync_documents

    section = documents_section(session.report)
    if section is None:
        return False
    before = list(section.paragraphs)
    old = next((p for p in before if p.standard == DOCUMENT_ITEM and p.ref == contribution_id), None)
    if old is None:
        return False
    section.paragraphs[:] = [p for p in before if p is not old]
    sync_documents(session.report)  # the item again, where its category puts it; empty groups go
    after = list(section.paragraphs)
    section.paragraphs[:] = before  # the command sets it, so that undo restores it
    at = next((i for i, p in enumerate(after) if p.standard == DOCUMENT_ITEM and p.ref == contribution_id), None)
    if at is None:
        return False
    placed = after[at]
    placed.id, placed.text = old.id, old.text  # the same paragraph, moved (links to it hold)
    if [p.id for p in after] == [p.id for p in before] and placed.kind == old.kind:
        return False
    session.push(SetList(session, ("section", section.id), "paragraphs", after, ""))
    return True


def sync_documents_command(session: Any) -> bool:
    """Inside a macro: the list of documents made to match the contributions, as an undoable step."""
    from cwgdraft.core.documents import documents_section, sync_documents

    section = documents_section(session.report)
    if section is None:
        return False
    before = list(section.paragraphs)
    if not sync_documents(session.report):
        return False
    after = list(section.paragraphs)
    section.paragraphs[:] = before  # the command sets it, so that undo restores it
    session.push(SetList(session, ("section", section.id), "paragraphs", after, ""))
    return True


class PeoplePage(TablePage):
    list_attr = "people"
    kind = "person"
    add_label = N_("إضافة شخص")
    remove_label = N_("حذف الشخص")
    columns: ClassVar[list[Column]] = [
        Column("honorific", N_("اللقب")),
        Column("name", N_("الاسم")),
        Column("country", N_("البلد أو الجهة")),
        Column("role", N_("الدور"), _roles),
        Column("title", N_("الصفة")),
    ]

    def __init__(self, host: HasSession, parent: QWidget | None = None) -> None:
        super().__init__(host, t("الأشخاص"), parent)
        self.table.setToolTip(t("الرئيس والمتحدثون ومقدّمو العروض"))

    def new_item(self) -> Person:
        return Person("")

    def remove_row(self) -> None:
        items = self.items()
        row = self.current_row()
        if not 0 <= row < len(items):
            return
        person = items[row]
        r = self.session.report
        stack = self.session.undo_stack
        stack.beginMacro(t(self.remove_label))
        for c in r.contributions:
            if c.presenter_id == person.id:
                self.session.push(SetValue(self.session, ("contribution", c.id), "presenter_id", None, ""))
        remarks = [o for o in r.opening_remarks if o.speaker_id != person.id]
        if len(remarks) != len(r.opening_remarks):
            self.session.push(SetList(self.session, ("report",), "opening_remarks", remarks, ""))
        self.session.push(SetList(self.session, ("report",), "people", items[:row] + items[row + 1:], ""))
        stack.endMacro()


def _speakers(report: Report) -> list[tuple[str, Any]]:
    return [(f"{p.honorific} {p.name}".strip() or t("[شخص بلا اسم]"), p.id) for p in report.people]


def _paragraphs_only(report: Report) -> list[tuple[str, Any]]:
    return _paragraphs(report)[1:]


class RemarksPage(TablePage):
    """Opening remarks: who spoke, and the paragraph that reports it."""

    list_attr = "opening_remarks"
    kind = "remark"
    add_label = N_("إضافة كلمة افتتاحية")
    remove_label = N_("حذف الكلمة الافتتاحية")
    columns: ClassVar[list[Column]] = [
        Column("speaker_id", N_("المتحدث"), _speakers),
        Column("paragraph_id", N_("الفقرة التي تنقل الكلمة"), _paragraphs_only),
    ]

    def __init__(self, host: HasSession, parent: QWidget | None = None) -> None:
        super().__init__(host, t("الملاحظات الافتتاحية"), parent)
        self.table.setToolTip(t("من ألقى كلمة في الافتتاح، والفقرة التي تنقلها"))
        self.note = ErrorLabel()
        self.outer.addWidget(self.note)

    def new_item(self) -> OpeningRemark | None:
        r = self.session.report
        opening = next((s for s in r.sections if s.role == SectionRole.OPENING and s.paragraphs), None)
        paragraphs = opening.paragraphs if opening else r.all_paragraphs()
        speaker = next((p for p in r.people if p.role == PersonRole.OPENING_SPEAKER), r.people[0] if r.people else None)
        if speaker is None or not paragraphs:
            return None
        return OpeningRemark(speaker.id, paragraphs[0].id)

    def add_row(self) -> Any:
        if self.new_item() is None:
            self.note.show_message(t("أضف أولاً شخصاً (صفحة الأشخاص) وفقرة في قسم الملاحظات الافتتاحية"))
            return None
        self.note.clear_message()
        return super().add_row()
