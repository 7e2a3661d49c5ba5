"""The Help menu's windows: every shortcut, and the short manual (`docs/manual.ar.md`,
`docs/manual.en.md`) in the language of the interface."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cwgdraft.core.paths import REPO_ROOT
from cwgdraft.gui.i18n import N_, ltr, t
from cwgdraft.gui.messages import arabic_interface

MANUALS = {"ar": REPO_ROOT / "docs" / "manual.ar.md", "en": REPO_ROOT / "docs" / "manual.en.md"}

# Keys that are not menu commands.
OTHER_KEYS = (
    (N_("في نافذة البحث: المطابقة التالية، السابقة"), "Enter, Shift+Enter"),
    (N_("الانتقال بين الحقول"), "Tab, Shift+Tab"),
    (N_("قائمة التصحيح والاقتراحات لكلمة مسطّرة"), "Menu, Shift+F10"),
    (N_("في نص الفقرة: غامق، مائل، تحته خط"), "Ctrl+B, Ctrl+I, Ctrl+U"),
    (N_("في نص الفقرة: رابط"), "Ctrl+K"),
    (N_("في نص الفقرة: حاشية"), "Ctrl+Alt+F"),
    (N_("في المعاينة والصفحات: تكبير، تصغير، الحجم الأصلي أو ملء العرض"), "Ctrl++, Ctrl+-, Ctrl+0"),
    (N_("في الصفحات: طباعة"), "Ctrl+P"),
)


_ARROWS = {"Up": "↑", "Down": "↓", "Left": "←", "Right": "→"}


def key_text(key: QKeySequence) -> str:
    """A shortcut as a user types it (`Ctrl+Shift+F`, `Alt+↑`, `F9`), in the keyboard's own
    (Latin) names; the dedicated keys of some keyboards (`Undo`, `Find`) left out."""
    text = key.toString(QKeySequence.SequenceFormat.PortableText)
    if not text:
        return ""
    last = text.split("+")[-1]
    if "+" not in text and not (last.startswith("F") and last[1:].isdigit()):
        return ""
    return "+".join(_ARROWS.get(part, part) for part in text.split("+"))


def shortcuts_of(window: Any) -> list[tuple[str, str]]:
    """(command, keys) of every menu command that has a shortcut, in menu order, then the other keys."""
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()

    def walk(actions: list[QAction]) -> None:
        for action in actions:
            if action.menu() is not None:
                walk(action.menu().actions())
                continue
            keys = [shown for k in action.shortcuts() if (shown := key_text(k))]
            if keys and id(action) not in seen:
                seen.add(id(action))
                rows.append((action.text().replace("&", "").rstrip("…"), ", ".join(keys)))

    walk(window.menuBar().actions())
    rows += [(t(text), keys) for text, keys in OTHER_KEYS]
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(t("اختصارات لوحة المفاتيح"))
        layout = QVBoxLayout(self)
        rows = shortcuts_of(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([t("الأمر"), t("المفاتيح")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, (command, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(command))
            # Keys held left to right: (Ctrl+Shift+F), not (F+Shift+Ctrl), in Arabic.
            self.table.setItem(row, 1, QTableWidgetItem(ltr(keys)))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox()
        buttons.addButton(t("إغلاق"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(560, 560)


def manual_text(lang: str) -> str:
    path = MANUALS.get(lang, MANUALS["ar"])
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return t("لم يُعثر على الدليل في هذه النسخة.")


class ManualDialog(QDialog):
    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("manualDialog")
        self.setWindowTitle(t("دليل الاستخدام"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        arabic = arabic_interface()
        self.browser.setLayoutDirection(Qt.LayoutDirection.RightToLeft if arabic else Qt.LayoutDirection.LeftToRight)
        option = self.browser.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft if arabic else Qt.LayoutDirection.LeftToRight)
        self.browser.document().setDefaultTextOption(option)
        self.browser.setMarkdown(manual_text("ar" if arabic else "en"))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox()
        buttons.addButton(t("إغلاق"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(720, 640)
