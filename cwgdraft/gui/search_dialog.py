"""Search across every report in the store (`cwgdraft.core.search`): type,
see the hits (report, section, number, excerpt), click one to open it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from cwgdraft.core import search
from cwgdraft.gui.i18n import t

DEBOUNCE_MS = 150
ROLE = Qt.ItemDataRole.UserRole
# A fact's page in the editor.
FACT_PAGES = {"facts": "front", "people": "people", "contributions": "contributions", "meetings": "meetings"}


class SearchDialog(QDialog):
    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("searchDialog")
        self.window_ = window
        self.setWindowTitle(t("بحث في كل التقارير"))
        layout = QVBoxLayout(self)
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(t("كلمات يُبحث عنها في كل تقارير المخزن (التشكيل وأشكال الحروف لا تهم)"))
        layout.addWidget(self.query)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.hits = QTreeWidget()
        self.hits.setObjectName("searchHits")
        self.hits.setHeaderLabels([t("التقرير"), t("القسم"), t("الرقم"), t("النص")])
        self.hits.setRootIsDecorated(False)
        self.hits.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.hits.setUniformRowHeights(True)
        self.hits.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the reports' Arabic, in either language
        self.hits.setToolTip(t("انقر نتيجة لفتحها"))
        self.hits.itemActivated.connect(self.open_hit)
        self.hits.itemClicked.connect(self.open_hit)
        layout.addWidget(self.hits, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self.run)
        self.found: list[search.Hit] = []
        self.resize(1000, 480)

    def run(self) -> list[search.Hit]:
        self._timer.stop()
        window = self.window_
        if window.session is not None:
            window.session.save_now()  # what was just typed is searched too
        self.hits.clear()
        text = self.query.text()
        try:
            self.found = search.search(window.store, text, limit=200) if search.fts_query(text) else []
        except Exception as exc:
            from cwgdraft.gui.errors import describe

            self.found = []
            self.status.setText(describe(exc))
            return []
        for hit in self.found:
            item = QTreeWidgetItem([hit.report, hit.section, hit.number, hit.excerpt])
            item.setData(0, ROLE, self.found.index(hit))
            item.setToolTip(3, hit.excerpt)
            self.hits.addTopLevelItem(item)
        if not text.strip():
            self.status.setText("")
        elif self.found:
            self.status.setText(t("%1 نتيجة").replace("%1", str(len(self.found))))
        else:
            self.status.setText(t("لا نتائج"))
        # Report, section and number as wide as they need up to a limit (elided past it): the excerpt
        # takes the rest, since it is what the user reads.
        for column, widest in ((0, 180), (1, 200), (2, 70)):
            self.hits.resizeColumnToContents(column)
            self.hits.setColumnWidth(column, min(self.hits.columnWidth(column), widest))
        return self.found

    def open_hit(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        index = item.data(0, ROLE)
        if index is None or not 0 <= int(index) < len(self.found):
            return
        self.go_to(self.found[int(index)])

    def go_to(self, hit: search.Hit) -> None:
        """Open the hit's report (if another one is open) and its paragraph, section or field."""
        window = self.window_
        if window.report is None or window.report.id != hit.report_id:
            if window.session is not None:
                window.session.save_now()
            if not window.open_report(hit.report_id):
                return
        if hit.kind == "paragraph":
            window.go_to("paragraph", hit.ref)
        elif hit.kind == "section":
            window.go_to_source(hit.ref)
        elif hit.kind == "title":
            window.go_to_source(f"report.{hit.ref}")
        else:
            window.go_to(FACT_PAGES.get(hit.ref, "front"))
