"""The navigator: the reports in the store (filter as you type) and the
outline of the open report."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
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

ROLE = Qt.ItemDataRole.UserRole


class ReportList(QTreeWidget):
    """Title, symbol, date: the symbol and date as wide as they need, the title the rest (elided);
    never scrolled sideways."""

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
        self.filter.setClearButtonEnabled(True)
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

    # --- reports -------------------------------------------------------------
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

    def set_outline(self, report: Report | None) -> None:
        expanded = {
            self.outline.topLevelItem(i).data(0, ROLE)
            for i in range(self.outline.topLevelItemCount())
            if self.outline.topLevelItem(i).isExpanded()
        }
        scroll = self.outline.verticalScrollBar().value()
        self.outline.clear()
        if report is None:
            return
        tree = self.outline
        self._node(tree, t("الصفحة الأولى والملخص"), "front")
        meetings = self._node(tree, t("الاجتماعات"), "meetings")
        for m in report.meetings:
            word = arabic.ordinal(m.number) if 1 <= m.number <= 99 and arabic_interface() else str(m.number)
            self._node(meetings, f"{t('الاجتماع')} {word}", "meetings", m.id)
        self._node(tree, t("الأشخاص"), "people")
        self._node(tree, f"{t('الملاحظات الافتتاحية')} ({len(report.opening_remarks)})", "remarks")
        self._node(tree, f"{t('المساهمات')} ({len(report.contributions)})", "contributions")
        for laid in lay_out(report):
            s = laid.section
            node = self._node(tree, f"{laid.number}  {s.title or t('[قسم بلا عنوان]')}", "section", s.id)
            for lp in laid.paragraphs:
                words = lp.paragraph.text.replace("\n", " ")[:60] or t("[فقرة فارغة]")
                self._node(node, f"{lp.label}  {words}" if lp.label else words, "paragraph", lp.paragraph.id)
        self._node(tree, t("التوقيع"), "signature")
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
