"""What a Word user reaches for, added to the main window in one call
(`install`): Find (Ctrl+F) and Replace (Ctrl+H) in the report, search across
every report (Ctrl+Shift+F), proofing underlines in the paragraph editor, and
the Help menu's shortcuts and manual. Proofing starts when the paragraph
editor is first made (`attach`), not with the window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from cwgdraft.gui.i18n import t


class WordTools(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.find_dialog: Any = None
        self.search_dialog: Any = None
        self.shortcuts_dialog: Any = None
        self.manual_dialog: Any = None
        self._proofer: Any = None  # a Proofer once the paragraph editor is made
        self._highlighter: Any = None
        window.preview.refreshed.connect(lambda _ms: self.update_context())
        sections = window.pages.made("section")
        if sections is not None:
            self.attach(sections)

    def attach(self, sections: Any) -> None:
        """Proofing in the paragraph editor of the sections page, just made."""
        from cwgdraft.gui.proofing import Proofer, ProofingHighlighter

        window = self.window
        proofer = self._proofer = Proofer(self)
        self._highlighter = ProofingHighlighter(sections.editor, proofer)
        proofer.unavailable.connect(
            lambda why: window.statusBar().showMessage(t("التدقيق الإملائي غير متاح: %1").replace("%1", why), 15000))
        self._highlighter.apply = self.set_paragraph_text
        sections.paragraph_selected.connect(lambda _id: self.update_context())
        self.update_context()

    @property
    def proofer(self) -> Any:
        """The proofer of the paragraph editor (which is made for it if it was not yet)."""
        if self._proofer is None:
            self.window.sections  # noqa: B018  (made, it is attached here)
        return self._proofer

    @property
    def highlighter(self) -> Any:
        if self._highlighter is None:
            self.window.sections  # noqa: B018
        return self._highlighter

    def set_paragraph_text(self, text: str) -> None:
        """A correction from the editor's menu: one step of the undo stack of its own."""
        from cwgdraft.gui.commands import SetValue

        window = self.window
        paragraph_id = window.sections.paragraph_id
        if window.session is None or paragraph_id is None or window.report.paragraph(paragraph_id) is None:
            return
        window.session.push(SetValue(window.session, ("paragraph", paragraph_id), "text", text, t("تصحيح")))

    def update_context(self) -> None:
        """What the live typography check needs to know of the whole report (its acronyms, the group's name)."""
        report = self.window.report
        if report is not None and self._proofer is not None:
            from cwgdraft.core import typography

            self._proofer.set_context(typography.context_of(report))

    # --- commands ------------------------------------------------------------
    def find(self, replace: bool = False) -> Any:
        if self.window.session is None:
            return None
        if self.find_dialog is None:
            from cwgdraft.gui.find import FindDialog

            self.find_dialog = FindDialog(self.window)
        self.find_dialog.show_mode(replace)
        return self.find_dialog

    def search(self) -> Any:
        if self.search_dialog is None:
            from cwgdraft.gui.search_dialog import SearchDialog

            self.search_dialog = SearchDialog(self.window)
        self.search_dialog.show()
        self.search_dialog.raise_()
        self.search_dialog.activateWindow()
        self.search_dialog.query.setFocus()
        self.search_dialog.query.selectAll()
        return self.search_dialog

    def shortcuts(self) -> Any:
        from cwgdraft.gui.help import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self.window)
        self.shortcuts_dialog.show()
        return self.shortcuts_dialog

    def manual(self) -> Any:
        from cwgdraft.gui.help import ManualDialog

        self.manual_dialog = ManualDialog(self.window)
        self.manual_dialog.show()
        return self.manual_dialog


def install(window: Any, edit_menu: QMenu, help_menu: QMenu) -> WordTools:
    """The actions go on the window (`find_action`, `replace_action`, `search_action`,
    `shortcuts_action`, `manual_action`), into the Edit and Help menus."""
    tools = WordTools(window)
    window.find_action = window._action(t("بحث في التقرير…"), lambda: tools.find(False),
                                        QKeySequence.StandardKey.Find, t("البحث في نص التقرير كله"), "Ctrl+F")
    window.replace_action = window._action(t("استبدال…"), lambda: tools.find(True), "Ctrl+H",
                                           t("البحث والاستبدال في نص التقرير كله"))
    window.search_action = window._action(t("بحث في كل التقارير…"), tools.search, "Ctrl+Shift+F",
                                          t("البحث في كل تقارير المخزن وفتح ما يُعثر عليه"))
    window.shortcuts_action = window._action(t("اختصارات لوحة المفاتيح"), tools.shortcuts, None,
                                             t("قائمة الاختصارات كلها"))
    window.manual_action = window._action(t("دليل الاستخدام"), tools.manual, QKeySequence.StandardKey.HelpContents,
                                          t("دليل قصير لاستخدام البرنامج"), "F1")
    for action in (window.find_action, window.replace_action, window.search_action):
        edit_menu.addAction(action)
    first = help_menu.actions()[0] if help_menu.actions() else None
    if first is None:
        help_menu.addActions([window.manual_action, window.shortcuts_action])
    else:
        help_menu.insertActions(first, [window.manual_action, window.shortcuts_action])
        help_menu.insertSeparator(first)
    return tools
