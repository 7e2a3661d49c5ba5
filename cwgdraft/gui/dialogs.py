"""Dialogs: the check before export, what a new report carried over, the trash."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cwgdraft.gui.errors import show_error
from cwgdraft.gui.i18n import t


class CheckDialog(QDialog):
    """The check before export (`drafting.check.check_report`): each finding with a button that goes
    to where it is; a missing fact also with a button to where that fact is entered. Then the
    typography findings (`core.typography`), each with a button that goes there and one that
    fixes it, and one that fixes them all (one undo step)."""

    def __init__(self, findings: list[Any], go_to: Callable[[Any], None],
                 go_to_fact: Callable[[Any], None] | None = None, parent: QWidget | None = None,
                 typography: list[Any] | None = None, fix: Callable[[list[Any]], list[Any]] | None = None) -> None:
        super().__init__(parent)
        self.go_to = go_to
        self.fix = fix
        self.typography = list(typography or [])
        self.setObjectName("checkDialog")
        self.setWindowTitle(t("قبل التصدير: ما يحتاج إلى مراجعة"))
        self.findings = list(findings)
        layout = QVBoxLayout(self)
        blocking = sum(1 for f in findings if getattr(f, "blocking", True))
        intro = QLabel(t("حقول فارغة ومعلومات ناقصة (تظهر في الملف بين معقوفين)، وما يبدو متعارضاً في التقرير. "
                         "انتقل إلى كل منها لإكماله، أو صدّر على أي حال."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.setWindowTitle(f"{t('قبل التصدير: ما يحتاج إلى مراجعة')} — "
                            + t("ناقص: %1، تنبيهات: %2").replace("%1", str(blocking))
                            .replace("%2", str(len(findings) - blocking)))
        area = QScrollArea()
        area.setWidgetResizable(True)
        inner = QWidget()
        grid = QGridLayout(inner)
        self.go_buttons: list[QPushButton] = []
        self.fact_buttons: dict[int, QPushButton] = {}
        self.warning_buttons: list[QPushButton] = []  # the go-to buttons of findings that do not stop the export
        for row, item in enumerate(findings):
            label = QLabel(item.label if getattr(item, "blocking", True) else f"{t('تنبيه')}: {item.label}")
            label.setWordWrap(True)
            if not getattr(item, "blocking", True):
                label.setStyleSheet("color: #7a4b00;")
            grid.addWidget(label, row, 0)
            button = QPushButton(t("انتقل إليه"))
            button.setToolTip(t("إغلاق هذه النافذة والانتقال إلى موضعه في التقرير"))
            button.clicked.connect(lambda _c=False, f=item: (self.done(2), go_to(f)))
            grid.addWidget(button, row, 1)
            self.go_buttons.append(button)
            if not getattr(item, "blocking", True):
                self.warning_buttons.append(button)
            if go_to_fact is not None and getattr(item, "code", "") == "missing_fact":
                fact = QPushButton(t("أدخل المعلومة"))
                fact.setToolTip(t("إغلاق هذه النافذة والانتقال إلى حيث تُدخل هذه المعلومة"))
                fact.clicked.connect(lambda _c=False, f=item: (self.done(2), go_to_fact(f)))
                grid.addWidget(fact, row, 2)
                self.fact_buttons[row] = fact
        grid.setRowStretch(len(findings), 1)
        grid.setColumnStretch(0, 1)  # the finding takes the room; the buttons stay their own size
        area.setWidget(inner)
        layout.addWidget(area, 1)
        self.findings_label = QLabel()
        self.findings_area = QScrollArea()
        self.findings_area.setWidgetResizable(True)
        self.fix_all_button = QPushButton(t("تصحيح الكل"))
        self.fix_all_button.setToolTip(t("تطبيق كل التصحيحات المقترحة (خطوة تراجع واحدة)"))
        self.fix_all_button.clicked.connect(lambda: self._fix(self.typography))
        self.fix_buttons: list[QPushButton] = []
        if self.typography:
            layout.addWidget(self.findings_label)
            layout.addWidget(self.findings_area, 1)
            layout.addWidget(self.fix_all_button, 0, Qt.AlignmentFlag.AlignLeading)
            self._fill_findings()
        buttons = QDialogButtonBox()
        self.export_anyway = buttons.addButton(t("تصدير على أي حال") if self.findings or not self.typography else t("تصدير"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        # Qt's Arabic for Cancel is the imperative «ألغِ»; a dialog's button says «إلغاء».
        buttons.addButton(t("إلغاء"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 520 if self.typography else 460)

    def _fill_findings(self) -> None:
        self.findings_label.setText(t("ملاحظات على الكتابة العربية (%1): لا تمنع التصدير.")
                                    .replace("%1", str(len(self.typography))))
        inner = QWidget()
        inner.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the findings are written in Arabic
        grid = QGridLayout(inner)
        self.fix_buttons = []
        for row, finding in enumerate(self.typography):
            label = QLabel(finding.label)
            label.setWordWrap(True)
            grid.addWidget(label, row, 0)
            go = QPushButton(t("انتقل إليه"))
            go.clicked.connect(lambda _c=False, f=finding: (self.done(2), self.go_to(f)))
            grid.addWidget(go, row, 1)
            fix = QPushButton(t("تصحيح"))
            fix.setEnabled(self.fix is not None and finding.fix is not None)
            fix.clicked.connect(lambda _c=False, f=finding: self._fix([f]))
            grid.addWidget(fix, row, 2)
            self.fix_buttons.append(fix)
        grid.setRowStretch(len(self.typography), 1)
        grid.setColumnStretch(0, 1)
        self.findings_area.setWidget(inner)
        self.fix_all_button.setEnabled(self.fix is not None and any(f.fix is not None for f in self.typography))

    def _fix(self, findings: list[Any]) -> None:
        """Fix these; the list shows what is left (the check is made again)."""
        if self.fix is None:
            return
        self.typography = list(self.fix(findings))
        self._fill_findings()


class CarryDialog(QDialog):
    """What the new report took from the previous one, and what is left to fill in."""

    def __init__(self, carried: list[str], to_fill: list[Any], go_to: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("carryDialog")
        self.setWindowTitle(t("تقرير جديد من التقرير السابق"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(t("نُقل من التقرير السابق:")))
        # The core writes these facts in Arabic: shown right to left and wrapped, whole, in either language.
        self.carried = QListWidget()
        self.carried.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.carried.setWordWrap(True)
        self.carried.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.carried.setSpacing(2)
        self.carried.addItems([str(x) for x in carried])
        layout.addWidget(self.carried)
        layout.addWidget(QLabel(t("يجب ملؤه لهذا الاجتماع (انقر مرتين للانتقال إليه):")))
        self.to_fill = QListWidget()
        self._paths: list[str] = []
        for item in to_fill:
            self.to_fill.addItem(getattr(item, "label", str(item)))
            self._paths.append(getattr(item, "path", ""))
        self.to_fill.itemDoubleClicked.connect(lambda it: go_to(self._paths[self.to_fill.row(it)]))
        layout.addWidget(self.to_fill)
        buttons = QDialogButtonBox()
        buttons.addButton(t("إغلاق"), QDialogButtonBox.ButtonRole.RejectRole)  # not Qt's imperative «أغلق»
        buttons.rejected.connect(self.close)
        buttons.accepted.connect(self.close)
        layout.addWidget(buttons)
        self.resize(560, 480)


class TrashDialog(QDialog):
    """The deleted reports of the store, the last deleted first, each to restore."""

    def __init__(self, store: Callable[[], Any], restore: Callable[[str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle(t("سلة المحذوفات"))
        self._store = store
        self._restore = restore
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(t("التقارير المحذوفة من هذا المخزن. الاستعادة تعيد التقرير كما كان عند حذفه.")))
        self.entries = QTreeWidget()
        self.entries.setObjectName("trashList")
        self.entries.setRootIsDecorated(False)
        self.entries.setHeaderLabels([t("العنوان"), t("الرمز"), t("حُذف في")])
        self.entries.itemSelectionChanged.connect(self._enable)
        self.entries.itemActivated.connect(lambda _item, _col: self.restore_selected())
        layout.addWidget(self.entries, 1)
        self.empty_label = QLabel(t("سلة المحذوفات فارغة."))
        layout.addWidget(self.empty_label)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(t("استعادة"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setToolTip(t("إعادة التقرير المحدد إلى قائمة التقارير وفتحه"))
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.addButton(t("إغلاق"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def refresh(self) -> None:
        self.entries.clear()
        try:
            entries = self._store().trash()
        except Exception as exc:
            show_error(self, t("تعذرت قراءة سلة المحذوفات"), exc)
            entries = []
        for entry in entries:
            when = _local_time(entry.deleted_at)
            item = QTreeWidgetItem([entry.name or entry.report_id[:8], entry.symbol, when])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.report_id)
            self.entries.addTopLevelItem(item)
        if entries:
            self.entries.setCurrentItem(self.entries.topLevelItem(0))
        for column in (1, 2):
            self.entries.resizeColumnToContents(column)
        self.empty_label.setVisible(not entries)
        self._enable()

    def _enable(self) -> None:
        self.restore_button.setEnabled(self.entries.currentItem() is not None)

    def restore_selected(self) -> bool:
        item = self.entries.currentItem()
        if item is None:
            return False
        done = self._restore(str(item.data(0, Qt.ItemDataRole.UserRole)))
        self.refresh()
        return done


def _local_time(stamp: str) -> str:
    """A stored UTC time (ISO 8601) as the user's clock shows it."""
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp
