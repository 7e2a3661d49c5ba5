"""The navigator: the reports in the store (filter as you type) and the
outline of the open report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from cwgdraft.core import arabic
from cwgdraft.core.model import Report
from cwgdraft.formats.render import lay_out
from cwgdraft.gui.i18n import t, with_keys
from cwgdraft.gui.messages import arabic_interface
from cwgdraft.gui.widgets import adopt_viewport

ROLE = Qt.ItemDataRole.UserRole


class ReportList(QTreeWidget):
    """Title, symbol, date: the symbol and date as wide as they need, the title the rest (elided);
    never scrolled sideways."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        adopt_viewport(self)  # `fit_columns` asks for it before the window is drawn

    def _needed(self, column: int) -> int:
        metrics = self.fontMetrics()
        texts = [self.headerItem().text(column)]
        texts += [self.topLevelItem(i).text(column) for i in range(self.topLevelItemCount())]
        return max(metrics.horizontalAdvance(text) for text in texts) + 2 * metrics.averageCharWidth() + 6

    def fit_columns(self) -> None:
        symbol, date = self._needed(1), self._needed(2)
        self.setColumnWidth(1, symbol)
        self.setColumnWidth(2, date)
        self.setColumnWidth(0, max(80, self.viewport().width() - symbol - date))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()


class Navigator(QSplitter):
    report_chosen = Signal(str)  # report id
    place_chosen = Signal(str, str)  # page, key (meeting id, section id, paragraph id...)
    delete_requested = Signal(str)  # report id: the window asks, then moves it to the trash

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setObjectName("navigator")
        top = QWidget()
        layout = QVBoxLayout(top)
        layout.setContentsMargins(6, 6, 6, 0)  # off the window's edge
        layout.addWidget(QLabel(t("التقارير")))
        self.filter = QLineEdit()
        self.filter.setObjectName("reportFilter")
        self.filter.setPlaceholderText(with_keys(t("بحث في التقارير"), "Ctrl+L"))
        self.filter.setToolTip(t("اكتب جزءاً من الرمز أو التاريخ أو العنوان"))
        # Its clear button (hidden while the filter is empty, its icon loaded from the style)
        # comes with `add_clear_button`, once the window is drawn.
        self.filter.textChanged.connect(self.apply_filter)
        layout.addWidget(self.filter)
        self.reports = ReportList()
        self.reports.setObjectName("reportList")
        self.reports.setHeaderLabels([t("العنوان"), t("الرمز"), t("التاريخ")])
        self.reports.setRootIsDecorated(False)
        self.reports.header().setStretchLastSection(False)
        self.reports.header().setMinimumSectionSize(32)  # Qt's default follows the font's height: 176 px with Amiri
        self.reports.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reports.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.reports.setToolTip(t("انقر تقريراً لفتحه"))
        self.reports.itemActivated.connect(self._report_item)
        self.reports.itemClicked.connect(self._report_item)
        self.reports.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.reports.customContextMenuRequested.connect(self._report_menu)
        layout.addWidget(self.reports)
        self.addWidget(top)

        bottom = QWidget()
        layout = QVBoxLayout(bottom)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(QLabel(t("مخطط التقرير")))
        self.outline = QTreeWidget()
        self.outline.setObjectName("outline")
        self.outline.setHeaderHidden(True)
        self.outline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.outline.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.outline.setToolTip(t("انقر جزءاً من التقرير لتحريره"))
        self.outline.itemClicked.connect(self._outline_item)
        self.outline.itemActivated.connect(self._outline_item)
        layout.addWidget(self.outline)
        self.addWidget(bottom)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 2)
        self._open_id: str | None = None
        self._place = ""  # "page|key" of the part open in the editor
        # The outline as last built, so that typing only sets the texts that changed.
        self._outline_shape: list[tuple[int, str, str]] = []
        self._outline_texts: list[str] = []
        self._outline_items: list[QTreeWidgetItem] = []

    def add_clear_button(self) -> None:
        """The filter's clear button (shown once something is typed)."""
        self.filter.setClearButtonEnabled(True)

    # --- reports -------------------------------------------------------------
    def report_menu(self, report_id: str) -> QMenu:
        """The context menu of a report in the list."""
        menu = QMenu(self)
        menu.setObjectName("reportMenu")
        menu.addAction(t("فتح"), lambda: self.report_chosen.emit(report_id))
        menu.addAction(t("حذف التقرير…"), lambda: self.delete_requested.emit(report_id))
        return menu

    def _report_menu(self, pos: QPoint) -> None:
        item = self.reports.itemAt(pos)
        if item is None:
            return
        self.report_menu(str(item.data(0, ROLE))).exec(self.reports.viewport().mapToGlobal(pos))

    def set_reports(self, summaries: list[Any], open_id: str | None, titles: dict[str, str] | None = None,
                    keep_order: bool = False) -> None:
        """The reports; `titles` names those without a title (by their subject or meetings).
        `keep_order`: the same reports keep their rows (a save while the user types in a
        title or date must not move the report under them); new or deleted ones re-sort."""
        if keep_order:
            rows = {self.reports.topLevelItem(i).data(0, ROLE): i for i in range(self.reports.topLevelItemCount())}
            if set(rows) == {s.id for s in summaries}:
                summaries = sorted(summaries, key=lambda s: rows[s.id])
        self._open_id = open_id
        self.reports.clear()
        for s in summaries:
            title = (s.title or "").replace("\n", " ") or (titles or {}).get(s.id, "")
            item = QTreeWidgetItem([title or "—", s.symbol or "", s.date.isoformat() if s.date else ""])
            item.setData(0, ROLE, s.id)
            item.setToolTip(0, title)
            self.reports.addTopLevelItem(item)
            if s.id == open_id:
                self.reports.setCurrentItem(item)
                font = item.font(0)
                font.setBold(True)
                for c in range(3):
                    item.setFont(c, font)
        self.apply_filter(self.filter.text())
        self.reports.fit_columns()

    def apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.reports.topLevelItemCount()):
            item = self.reports.topLevelItem(i)
            hay = " ".join(item.text(c) for c in range(3)).casefold()
            item.setHidden(bool(needle) and needle not in hay)

    def visible_reports(self) -> list[str]:
        return [
            self.reports.topLevelItem(i).data(0, ROLE)
            for i in range(self.reports.topLevelItemCount())
            if not self.reports.topLevelItem(i).isHidden()
        ]

    def _report_item(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        report_id = item.data(0, ROLE)
        if report_id and report_id != self._open_id:
            self.report_chosen.emit(report_id)

    # --- outline -------------------------------------------------------------
    def _node(self, parent: Any, text: str, page: str, key: str = "") -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setData(0, ROLE, f"{page}|{key}")  # plain strings: no Python objects in QVariants
        item.setToolTip(0, text)
        if isinstance(parent, QTreeWidget):
            parent.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def _outline_rows(self, report: Report) -> list[tuple[int, str, str, str]]:
        """(parent row or -1, text, page, key) of every line of the outline, in order."""
        rows: list[tuple[int, str, str, str]] = []

        def node(parent: int, text: str, page: str, key: str = "") -> int:
            rows.append((parent, text, page, key))
            return len(rows) - 1

        node(-1, t("الصفحة الأولى والملخص"), "front")
        meetings = node(-1, t("الاجتماعات"), "meetings")
        for m in report.meetings:
            word = arabic.ordinal(m.number) if 1 <= m.number <= 99 and arabic_interface() else str(m.number)
            node(meetings, f"{t('الاجتماع')} {word}", "meetings", m.id)
        node(-1, t("الأشخاص"), "people")
        node(-1, f"{t('الملاحظات الافتتاحية')} ({len(report.opening_remarks)})", "remarks")
        node(-1, f"{t('المساهمات')} ({len(report.contributions)})", "contributions")
        from cwgdraft.drafting.standard import paragraph_text, section_title

        for laid in lay_out(report):
            s = laid.section
            title = _or_typed(lambda s=s: section_title(report, s), s.title)
            section = node(-1, f"{laid.number}  {title or t('[قسم بلا عنوان]')}", "section", s.id)
            for lp in laid.paragraphs:
                # What the reader sees: facts filled in, a standard paragraph's wording included.
                p = lp.paragraph
                if type(p.text) is str and not p.follows_standard:
                    shown = p.text  # plain typed text reads as typed: no facts to fill in (the common case, per keystroke)
                else:
                    shown = _or_typed(lambda p=p: paragraph_text(report, p), p.text)
                words = shown.replace("\n", " ")[:60] or t("[فقرة فارغة]")
                node(section, f"{lp.label}  {words}" if lp.label else words, "paragraph", lp.paragraph.id)
        node(-1, t("التوقيع"), "signature")
        return rows

    def set_outline(self, report: Report | None) -> None:
        rows = self._outline_rows(report) if report is not None else []
        shape = [(parent, page, key) for parent, _text, page, key in rows]
        if report is not None and shape == self._outline_shape and len(self._outline_items) == len(rows):
            # The same lines (typing in a paragraph): only the texts that changed are set.
            for item, old, (_parent, text, _page, _key) in zip(self._outline_items, self._outline_texts, rows, strict=True):
                if text != old:
                    item.setText(0, text)
                    item.setToolTip(0, text)
            self._outline_texts = [row[1] for row in rows]
            return
        expanded = {
            self.outline.topLevelItem(i).data(0, ROLE)
            for i in range(self.outline.topLevelItemCount())
            if self.outline.topLevelItem(i).isExpanded()
        }
        scroll = self.outline.verticalScrollBar().value()
        self.outline.clear()
        self._outline_shape, self._outline_texts, self._outline_items = [], [], []
        if report is None:
            return
        tree = self.outline
        items: list[QTreeWidgetItem] = []
        for parent, text, page, key in rows:
            items.append(self._node(tree if parent < 0 else items[parent], text, page, key))
        self._outline_shape, self._outline_texts, self._outline_items = shape, [row[1] for row in rows], items
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            if item.data(0, ROLE) in expanded:
                item.setExpanded(True)
        self.outline.verticalScrollBar().setValue(scroll)
        self._show_place(scroll_to=False)

    def select_place(self, page: str, key: str = "") -> None:
        """Highlight the part open in the editor (without opening it again)."""
        self._place = f"{page}|{key}"
        self._show_place(scroll_to=True)

    def _show_place(self, scroll_to: bool) -> None:
        it = QTreeWidgetItemIterator(self.outline)
        while it.value():
            item = it.value()
            if item.data(0, ROLE) == self._place:
                self.outline.blockSignals(True)
                self.outline.setCurrentItem(item)
                self.outline.blockSignals(False)
                if scroll_to:
                    self.outline.scrollToItem(item)
                return
            it += 1

    def _outline_item(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        page, _, key = str(item.data(0, ROLE)).partition("|")
        self.place_chosen.emit(page, key)


def _or_typed(shown: Callable[[], str], typed: str) -> str:
    """The text as shown, or as typed when the template cannot give its standard wording."""
    from cwgdraft.core.errors import CwgError

    try:
        return shown()
    except CwgError:
        return typed
