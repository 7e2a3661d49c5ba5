"""The main window: navigator | editor | preview, menus, toolbar, status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QWidget

from cwgdraft.core.content import Field as FactField
from cwgdraft.core.model import Report
from cwgdraft.gui.content_edit import GO_TO_KEYS, INSERT_KEYS, ContentEdit, FieldPicker, fill_field_menu
from cwgdraft.gui.editor_pages import EditorPages, PagesByName
from cwgdraft.gui.editors.base import Page
from cwgdraft.gui.errors import show_error
from cwgdraft.gui.export import PdfJob, soffice
from cwgdraft.gui.i18n import ltr, t, with_keys
from cwgdraft.gui.navigator import Navigator
from cwgdraft.gui.preview import DEBOUNCE_MS, Preview
from cwgdraft.gui.session import Reloaded, Session, target_of_path
from cwgdraft.gui.window_export import ExportCommands

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from cwgdraft.gui.dialogs import CarryDialog, CheckDialog, TrashDialog
    from cwgdraft.gui.editors.front import FrontPage
    from cwgdraft.gui.editors.meetings import MeetingsPage
    from cwgdraft.gui.editors.sections import SectionPage
    from cwgdraft.gui.editors.signature import SignaturePage
    from cwgdraft.gui.editors.tables import ContributionsPage, PeoplePage, RemarksPage
    from cwgdraft.gui.empty import EmptyPage
    from cwgdraft.gui.files import FileOpener

MAX_RECENT = 8
# A report opened before the window is shown is previewed once the window is drawn, or after this long.
FIRST_PREVIEW_LATEST_MS = 300


def redo_keys() -> list[QKeySequence]:
    """The platform's redo keys, and Ctrl+Y as Word has it everywhere."""
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
    if QKeySequence("Ctrl+Y") not in keys:
        keys.append(QKeySequence("Ctrl+Y"))
    return keys


def missing_fields(report: Report) -> list[Any]:
    """The check before export, its labels in the language of the interface."""
    from cwgdraft.core.checks import missing_fields as check
    from cwgdraft.gui.messages import translated

    return translated(report, check(report))


class MainWindow(QMainWindow, ExportCommands):
    def __init__(self, store: Any, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.store = store
        self.settings = settings or QSettings()
        self.session: Session | None = None
        self.check_dialog: CheckDialog | None = None
        self.carry_dialog: CarryDialog | None = None
        self.pdf_job: PdfJob | None = None
        self.progress: QProgressDialog | None = None
        self.last_export: Path | None = None
        self._opener: FileOpener | None = None
        self._descriptions: dict[str, str] = {}
        self.checked_for_export = False  # after a check, empty required fields stay marked where they are shown
        # The report last deleted here: Ctrl+Z brings it back while nothing else is to undo.
        self.deleted_report_id: str | None = None
        self.trash_dialog: TrashDialog | None = None
        self.drawn = False  # painted at least once
        self._after_drawn: list[Callable[[], None]] = []  # `after_drawn`
        self._settings_later: dict[str, Any] = {}  # `remember`

        self.navigator = Navigator()
        self.after_drawn(self.navigator.add_clear_button)  # not seen while the filter is empty
        # The editor pages are made when first shown (`editor_pages.EditorPages`): the window
        # opens on the front page, and is drawn sooner for not making the others first.
        self.pages = EditorPages(self, self._page_made)
        self.page_by_name = PagesByName(self.pages)
        self._empty_page: EmptyPage | None = None
        self.preview = Preview()
        self.preview.setMinimumWidth(260)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.pages)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([260, 560, 560])
        self.setCentralWidget(self.splitter)

        self.save_label = QLabel()
        self.timing_label = QLabel()
        # What happened to the open report outside this window; stays until another report is opened.
        self.notice_label = QLabel()
        self.notice_label.setObjectName("storeNotice")
        bold = self.notice_label.font()
        bold.setBold(True)
        self.notice_label.setFont(bold)
        self.notice_label.setWordWrap(True)
        self.statusBar().addWidget(self.save_label)
        self.statusBar().addWidget(self.notice_label, 1)
        self.statusBar().addPermanentWidget(self.timing_label)

        self._views_timer = QTimer(self)
        self._views_timer.setSingleShot(True)
        self._views_timer.setInterval(DEBOUNCE_MS)
        self._views_timer.timeout.connect(self.refresh_views)
        self._views_after_show = False  # a report opened before the window was shown

        self._make_actions()
        self.navigator.report_chosen.connect(self.open_report)
        self.navigator.delete_requested.connect(lambda report_id: self.delete_report(report_id))
        self.navigator.place_chosen.connect(self.go_to)
        self.preview.source_clicked.connect(self.go_to_source)
        self.preview.refreshed.connect(lambda ms: self.timing_label.setText(t("المعاينة: %1 م.ث").replace("%1", f"{ms:.0f}")))
        self.resize(1360, 820)
        self.restore_settings()
        self.refresh_reports()
        self._update_title()
        self._enable()

    # --- the editor pages, each made when first reached --------------------------
    @property
    def front(self) -> FrontPage:
        return self.pages.page("front")  # type: ignore[return-value]

    @property
    def meetings(self) -> MeetingsPage:
        return self.pages.page("meetings")  # type: ignore[return-value]

    @property
    def people(self) -> PeoplePage:
        return self.pages.page("people")  # type: ignore[return-value]

    @property
    def contributions(self) -> ContributionsPage:
        return self.pages.page("contributions")  # type: ignore[return-value]

    @property
    def remarks(self) -> RemarksPage:
        return self.pages.page("remarks")  # type: ignore[return-value]

    @property
    def sections(self) -> SectionPage:
        return self.pages.page("section")  # type: ignore[return-value]

    @property
    def signature(self) -> SignaturePage:
        return self.pages.page("signature")  # type: ignore[return-value]

    def _page_made(self, name: str, page: Page) -> None:
        """A page made on first use: enabled as the others, and given what the window keeps for it."""
        page.setEnabled(self.session is not None)
        if name == "section":
            sections: SectionPage = page  # type: ignore[assignment]
            report = self.report
            sections.section_id = report.sections[0].id if report and report.sections else None
            sections.paragraph_id = None
            value = self.settings.value("paragraph_splitter")
            if isinstance(value, QByteArray | bytes):
                sections.split.restoreState(value)
            sections.paragraph_selected.connect(self._paragraph_selected)
            words = getattr(self, "words", None)
            if words is not None:
                words.attach(sections)

    @property
    def empty_page(self) -> EmptyPage:
        """What the window shows with no report open (an empty store): what to do first, instead
        of a form with nothing behind it."""
        if self._empty_page is None:
            from cwgdraft.gui.empty import EmptyPage

            page = self._empty_page = EmptyPage()
            page.samples_button.clicked.connect(lambda: self.load_samples())
            page.import_button.clicked.connect(lambda: self.import_document())
            page.new_button.clicked.connect(lambda: self.new_empty_report())
            page.import_button.setEnabled(self.import_action.isEnabled())
            self.pages.addWidget(page)
        return self._empty_page

    @property
    def opener(self) -> FileOpener:
        if self._opener is None:
            from cwgdraft.gui.files import FileOpener

            self._opener = FileOpener(self)
        return self._opener

    # --- actions, menus, toolbar --------------------------------------------
    def _action(self, text: str, slot: Any, shortcut: Any = None, tip: str = "", keys: str = "") -> QAction:
        """A command; its tooltip names its shortcut (`keys`, else the shortcut as the platform writes it)."""
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list | QKeySequence.StandardKey):
                action.setShortcuts(shortcut)  # a standard key: every binding of the platform (Ctrl+Y and Ctrl+Shift+Z)
            else:
                action.setShortcut(QKeySequence(shortcut))
        tip = with_keys(tip or text, keys or action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _make_actions(self) -> None:
        self.new_from_previous_action = self._action(
            t("تقرير جديد من هذا التقرير…"), self.new_from_previous, QKeySequence.StandardKey.New,
            t("إنشاء تقرير الاجتماع التالي: يُنقل الهيكل والمراجع والفريق والتوقيع، ويُترك الجديد فارغاً"))
        self.import_action = self._action(t("استيراد…"), self.import_document, "Ctrl+I",
                                          t("استيراد تقرير من ملف Word"))
        self.new_empty_action = self._action(t("تقرير فارغ جديد"), self.new_empty_report, "Ctrl+Shift+N",
                                             t("إنشاء تقرير فارغ فيه اجتماع واحد وقسم واحد"))
        self.new_from_templates_action = self._action(
            t("تقرير جديد من القوالب"), self.new_from_templates, None,
            t("إنشاء تقرير بأقسام المجلس وصيغه القياسية، تُملأ من المعلومات التي تدخلها"))
        self.insert_field_action = self._action(
            t("إدراج حقل…"), self.insert_field, INSERT_KEYS,
            t("إدراج معلومة من التقرير في النص (تاريخ الاجتماع، عدد المشاركين، الرئيس…) تتحدث حيثما تغيّرت"))
        self.go_to_fact_action = self._action(
            t("الانتقال إلى معلومة الحقل"), self.go_to_field_fact, GO_TO_KEYS,
            t("فتح الصفحة التي تُدخل فيها معلومة الحقل المجاور للمؤشر"))
        self.reset_standard_action = self._action(
            t("العودة إلى الصيغة القياسية"), self.reset_standard, None,
            t("استبدال نص الفقرة بالصيغة القياسية من القالب"))
        self.samples_action = self._action(t("تحميل التقارير النموذجية"), self.load_samples, None,
                                           t("إضافة التقريرين النموذجيين إلى المخزن إن لم يكونا فيه"))
        # Whether the importer is there, without loading it: the window comes up sooner.
        from importlib.util import find_spec

        if find_spec("cwgdraft.importer") is None or find_spec("cwgdraft.gui.import_dialog") is None:
            self.import_action.setEnabled(False)
            self.import_action.setToolTip(t("الاستيراد غير متاح في هذه النسخة"))
        self.export_action = self._action(t("تصدير إلى Word…"), self.action_export_docx, "Ctrl+E",
                                          t("تصدير التقرير ملفاً بصيغة Word"))
        self.pdf_action = self._action(t("تصدير إلى PDF…"), self.action_export_pdf, "Ctrl+Shift+E",
                                       t("تصدير التقرير ملف PDF عبر LibreOffice"))
        self.pdf_action.setEnabled(soffice() is not None)
        self.open_store_action = self._action(t("فتح مخزن…"), self.action_open_store, QKeySequence.StandardKey.Open,
                                              t("فتح ملف مخزن تقارير آخر"))
        self.quit_action = self._action(t("خروج"), self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self._action(t("تراجع"), self.undo, QKeySequence.StandardKey.Undo, t("التراجع عن آخر تعديل"))
        self.redo_action = self._action(t("إعادة"), self.redo, redo_keys(), t("إعادة التعديل"))
        self.new_paragraph_action = self._action(t("فقرة جديدة"), self.new_paragraph, ["Ctrl+Return", "Ctrl+Enter"],
                                                 t("إضافة فقرة بعد الفقرة الحالية"))
        self.move_up_action = self._action(t("نقل إلى الأعلى"), lambda: self.move(-1), "Alt+Up",
                                           t("نقل الفقرة أو الصف إلى الأعلى"), "Alt+↑")
        self.move_down_action = self._action(t("نقل إلى الأسفل"), lambda: self.move(1), "Alt+Down",
                                             t("نقل الفقرة أو الصف إلى الأسفل"), "Alt+↓")
        self.filter_action = self._action(t("تصفية قائمة التقارير"), self.filter_reports, "Ctrl+L",
                                          t("البحث في قائمة التقارير"))
        self.preview_action = self._action(t("المعاينة"), self.toggle_preview, "F9", t("إظهار المعاينة أو إخفاؤها"))
        self.preview_action.setCheckable(True)
        self.preview_action.setChecked(True)
        self.pages_action = self._action(t("الصفحات"), self.show_pages, "Ctrl+F2",
                                         t("الصفحات كما يخرجها LibreOffice، للتكبير والطباعة"))
        self.page_window: QWidget | None = None
        self.lang_actions: dict[str, QAction] = {}
        for code, name in (("ar", "العربية"), ("en", "English")):
            action = self._action(name, lambda c=code: self.set_language(c))
            action.setCheckable(True)
            self.lang_actions[code] = action
        current = str(self.settings.value("language", "ar"))
        app = QApplication.instance()
        if app is not None and app.property("cwgdraft_lang"):
            current = str(app.property("cwgdraft_lang"))
        self.lang_actions.get(current, self.lang_actions["ar"]).setChecked(True)
        self.about_action = self._action(t("حول cwgdraft"), self.about)
        self.delete_action = self._action(t("حذف التقرير…"), self.delete_report, None,
                                          t("نقل التقرير المفتوح إلى سلة المحذوفات (يمكن استعادته)"))
        self.trash_action = self._action(t("سلة المحذوفات…"), self.show_trash, None,
                                         t("التقارير المحذوفة، لاستعادتها"))
        self.review_action = self._action(t("مقترحات المراجعين…"), self.show_review, None,
                                          t("ما اقترحه المراجعون في نسخهم: قبول أو رفض"))

        bar = self.menuBar()
        file_menu = bar.addMenu(t("ملف"))
        file_menu.addAction(self.new_from_previous_action)
        file_menu.addAction(self.new_empty_action)
        file_menu.addAction(self.new_from_templates_action)
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.samples_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.pdf_action)
        file_menu.addSeparator()
        file_menu.addAction(self.delete_action)
        file_menu.addAction(self.trash_action)
        file_menu.addSeparator()
        file_menu.addAction(self.open_store_action)
        self.recent_menu = file_menu.addMenu(t("المخازن الأخيرة"))
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(t("تحرير"))
        for a in (self.undo_action, self.redo_action):
            edit_menu.addAction(a)
        edit_menu.addSeparator()
        for a in (self.new_paragraph_action, self.move_up_action, self.move_down_action):
            edit_menu.addAction(a)
        edit_menu.addSeparator()
        edit_menu.addAction(self.filter_action)
        edit_menu.addAction(self.review_action)
        insert_menu = bar.addMenu(t("إدراج"))
        insert_menu.setObjectName("insertMenu")
        insert_menu.addAction(self.insert_field_action)
        self.insert_field_menu = insert_menu.addMenu(t("حقل"))
        self.insert_field_menu.aboutToShow.connect(self._fill_insert_menu)
        insert_menu.addSeparator()
        insert_menu.addAction(self.go_to_fact_action)
        insert_menu.addAction(self.reset_standard_action)
        view_menu = bar.addMenu(t("عرض"))
        view_menu.addAction(self.preview_action)
        view_menu.addAction(self.pages_action)
        settings_menu = bar.addMenu(t("الإعدادات"))
        lang_menu = settings_menu.addMenu(t("لغة الواجهة"))
        for a in self.lang_actions.values():
            lang_menu.addAction(a)
        help_menu = bar.addMenu(t("مساعدة"))
        help_menu.addAction(self.about_action)
        from cwgdraft.gui import words  # find and replace, search across reports, proofing, help

        self.words = words.install(self, edit_menu, help_menu)

        tools = self.addToolBar(t("الأدوات"))
        tools.setObjectName("mainToolbar")
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.undo_action, self.redo_action, None, self.new_from_previous_action, self.new_paragraph_action,
                  None, self.export_action, self.pdf_action, None, self.preview_action):
            if a is None:
                tools.addSeparator()
            else:
                tools.addAction(a)

    def _enable(self) -> None:
        has = self.session is not None
        for a in (self.export_action, self.new_from_previous_action, self.new_paragraph_action,
                  self.move_up_action, self.move_down_action, self.delete_action, self.insert_field_action,
                  self.go_to_fact_action, self.reset_standard_action):
            a.setEnabled(has)
        self.pdf_action.setEnabled(has and soffice() is not None)
        stack = self.session.undo_stack if self.session else None
        self.undo_action.setEnabled(bool(stack and stack.canUndo()) or self.deleted_report_id is not None)
        self.redo_action.setEnabled(bool(stack and stack.canRedo()))
        for page in self.pages.made_pages():
            page.setEnabled(has)
        if not has:
            if self.isVisible():  # else when it is shown (`showEvent`): a report may be opened first
                self.pages.setCurrentWidget(self.empty_page)
            if self.preview.report is not None or not self.preview.toPlainText():
                self.preview.set_report(None)
        elif self._empty_page is not None and self.pages.currentWidget() is self._empty_page:
            self.pages.setCurrentWidget(self.front)

    # --- reports ------------------------------------------------------------
    @property
    def report(self) -> Report | None:
        return self.session.report if self.session else None

    def refresh_reports(self, keep_order: bool = False) -> None:
        try:
            summaries = self.store.list_reports()
        except Exception as exc:
            show_error(self, t("تعذرت قراءة قائمة التقارير"), exc)
            summaries = []
        titles: dict[str, str] = {}
        for summary in summaries:
            if not (summary.title or "").strip():
                titles[summary.id] = summary.name or self._describe(summary.id)
        self.navigator.set_reports(summaries, self.report.id if self.report else None, titles, keep_order)

    def _describe(self, report_id: str) -> str:
        """A name for a report without a title (`Report.name`: its subject, else its meetings)."""
        if report_id in self._descriptions:
            return self._descriptions[report_id]
        try:
            text = self.store.get(report_id).name
        except Exception:
            return ""
        self._descriptions[report_id] = text
        return text

    def open_report(self, ref: str) -> bool:
        try:
            report, version = self.store.get_with_version(ref)
        except Exception as exc:
            show_error(self, t("تعذر فتح التقرير"), exc)
            return False
        self.open_read(report, version)
        return True

    def open_read(self, report: Report, version: int) -> None:
        """Open a report just read from the store, at the version it was read at (the start
        reads the report it is asked for before the window is made: it is not read twice)."""
        self._set_session(Session(self.store, report, self, version))

    def _set_session(self, session: Session) -> None:
        if self.session is not None:
            self.session.close()
            self.session.deleteLater()
        self.session = session
        session.changed.connect(self._changed)
        session.saved.connect(self._after_save)
        session.save_failed.connect(lambda exc: show_error(self, t("لم يُحفظ التعديل الأخير"), exc))
        session.reloaded.connect(self._store_changed)
        session.undo_stack.indexChanged.connect(self._edited)
        self.notice_label.clear()
        self.remember("last_report", session.report.id)
        self.preview.report = session.report
        self.preview.selected = None
        if self.isVisible():
            self.update_review_marks()
        else:  # the preview is rendered once the window is drawn, and asks for its marks then
            self.preview.mark_later(self._first_review_marks)
        for page in self.pages.made_pages():
            page.clear_errors()
        self.checked_for_export = False
        sections = self.pages.made("section")
        if sections is not None:  # else it starts on the first section when it is made
            sections.section_id = session.report.sections[0].id if session.report.sections else None  # type: ignore[attr-defined]
            sections.paragraph_id = None  # type: ignore[attr-defined]
        self.go_to("front")
        if self.isVisible():
            self.refresh_views()
        else:
            # The window is drawn first; the preview is rendered once it is (`showEvent`).
            self._views_after_show = True
            self.navigator.set_outline(self.report)
            self._update_title()
        self.refresh_reports()
        self._update_title()
        self._saved_state(True)
        self._enable()

    def _edited(self, _index: int) -> None:
        # An edit after a delete: Ctrl+Z now undoes the edit, no longer the delete.
        if self.session is not None and self.session.undo_stack.canUndo():
            self.deleted_report_id = None
        self._enable()

    def _store_changed(self, what: Reloaded) -> None:
        """Another program saved or deleted the open report: show what the store holds, and say so."""
        session = self.session
        if session is None:
            return
        if what.deleted:
            self.session = None
            session.deleteLater()
            self.preview.set_report(None)
            self.navigator.set_outline(None)
            self.refresh_reports()
            self._update_title()
            self._enable()
            self.notice_label.setText(t("حذف برنامج آخر هذا التقرير من المخزن، فلم يُحفظ فيه آخر تعديل. "
                                        "هو في سلة المحذوفات (ملف ← سلة المحذوفات)."))
            return
        report = session.report
        self.preview.report = report
        self.update_review_marks()
        sections: Any = self.pages.made("section")
        if sections is not None:
            if not any(s.id == sections.section_id for s in report.sections):
                sections.section_id = report.sections[0].id if report.sections else None
            if sections.paragraph_id is not None and report.paragraph(sections.paragraph_id) is None:
                sections.paragraph_id = None
        page = self.pages.currentWidget()
        if isinstance(page, Page):
            page.load()
        self.refresh_views()
        self.refresh_reports()
        text = t("غيّر برنامج آخر هذا التقرير في المخزن، فأُعيد تحميله كما حُفظ هناك.")
        if what.applied:
            text += " " + t("وأُعيد تطبيق تعديلاتك غير المحفوظة عليه.")
        if what.clashes:
            text += " " + t("لم يُطبَّق من تعديلاتك %1 لأن البرنامج الآخر غيّر الموضع نفسه.").replace(
                "%1", str(len(what.clashes)))
        self.notice_label.setText(text)
        self._saved_state(not session.dirty)
        self._enable()

    # --- delete and restore -----------------------------------------------------
    def confirm_delete(self, label: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, t("حذف التقرير"),
                          t("نقل التقرير «%1» إلى سلة المحذوفات؟\nيمكن استعادته من ملف ← سلة المحذوفات، "
                            "أو بالتراجع (Ctrl+Z) مباشرة بعد الحذف.").replace("%1", label),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("confirmDelete")
        delete = box.addButton(t("حذف"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(t("إلغاء"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is delete

    def delete_report(self, report_id: str | None = None, ask: bool = True) -> bool:
        """Move a report (the open one by default) to the trash, after asking. True if it was."""
        if report_id is None:
            if self.session is None:
                return False
            report_id = self.session.report.id
        is_open = self.session is not None and self.session.report.id == report_id
        if is_open:
            assert self.session is not None
            label = self.session.report.label
        else:
            label = self._describe(report_id)
            try:
                label = self.store.get(report_id).label
            except Exception:
                pass
        if ask and not self.confirm_delete(label):
            return False
        if is_open and self.session is not None:
            if not self.session.save_now():  # the trash keeps the report with every edit
                return False
            if self.session is None:  # deleted meanwhile by another program
                return False
        try:
            entry = self.store.delete(report_id)
        except Exception as exc:
            show_error(self, t("تعذر حذف التقرير"), exc)
            return False
        self._descriptions.pop(report_id, None)
        if is_open and self.session is not None:
            session = self.session
            session.stopped = True
            session.forget()
            self.session = None
            session.deleteLater()
            reports = self.store.list_reports()
            if reports:
                self.open_report(reports[0].id)
            else:
                self.preview.set_report(None)
                self.navigator.set_outline(None)
        self.deleted_report_id = entry.report_id
        self.refresh_reports()
        self._update_title()
        self._enable()
        self.notice_label.setText(t("نُقل التقرير «%1» إلى سلة المحذوفات. للتراجع: Ctrl+Z.").replace("%1", label))
        if self.trash_dialog is not None:
            self.trash_dialog.refresh()
        return True

    def restore_report(self, report_id: str) -> bool:
        """Bring a deleted report back from the trash and open it."""
        try:
            report = self.store.restore(report_id)
        except Exception as exc:
            show_error(self, t("تعذرت استعادة التقرير"), exc)
            return False
        if self.deleted_report_id == report.id:
            self.deleted_report_id = None
        self.open_report(report.id)
        self.notice_label.setText(t("استُعيد التقرير «%1» من سلة المحذوفات.").replace("%1", report.label))
        if self.trash_dialog is not None:
            self.trash_dialog.refresh()
        return True

    def update_review_marks(self, refresh: bool = True) -> None:
        """The preview marks the paragraphs of the open report with reviewers' proposals pending
        (written now, or with the preview's next refresh when not `refresh`)."""
        self.preview.set_marked(self._review_mark_ids(), refresh)

    def _first_review_marks(self) -> set[str]:
        """The marks the preview asks for when first rendered, once the window is drawn: none
        if the store was closed meanwhile (the window closed before it was ever drawn)."""
        import sqlite3

        try:
            return self._review_mark_ids()
        except sqlite3.ProgrammingError:  # "Cannot operate on a closed database"
            return set()

    def _review_mark_ids(self) -> set[str]:
        """The paragraphs of the open report with reviewers' proposals pending."""
        if self.session is None:
            return set()
        from cwgdraft.review import rounds

        return {p.paragraph_id for p in rounds.proposals(self.store, self.session.report.id)}

    def show_review(self) -> Any:
        from cwgdraft.gui.review_pane import ReviewPane

        if getattr(self, "review_pane", None) is None:
            self.review_pane = ReviewPane(self)
        self.review_pane.refresh()
        self.review_pane.show()
        self.review_pane.raise_()
        return self.review_pane

    def show_trash(self) -> TrashDialog:
        if self.trash_dialog is None:
            from cwgdraft.gui.dialogs import TrashDialog

            self.trash_dialog = TrashDialog(lambda: self.store, self.restore_report, self)
        self.trash_dialog.refresh()
        self.trash_dialog.show()
        self.trash_dialog.raise_()
        return self.trash_dialog

    def _after_save(self) -> None:
        self._saved_state(True)
        self.refresh_reports(keep_order=True)  # the list does not move under the user while they type

    def _update_title(self) -> None:
        name = self.report.label if self.report else ""
        self.setWindowTitle(f"{name} — cwgdraft" if name else "cwgdraft")

    def _saved_state(self, saved: bool) -> None:
        self.save_label.setText(t("محفوظ") if saved else t("جارٍ الحفظ…"))

    def _changed(self, reload: bool) -> None:
        if self.session is not None:
            self._descriptions.pop(self.session.report.id, None)
        self._saved_state(False)
        page = self.pages.currentWidget()
        if reload and isinstance(page, Page):
            page.load()
            self.mark_missing()
        elif isinstance(page, QWidget):
            # A fact typed on this page (the group's name on the front page): the chips beside it
            # show its new value at once.
            for edit in page.findChildren(ContentEdit):
                edit.refresh_chips()
        self._views_timer.start()
        self._enable()

    def refresh_views(self) -> None:
        """Preview and outline, after the user pauses."""
        self._views_timer.stop()
        self._views_after_show = False
        if self.preview.isVisible() or not self.isVisible():
            self.preview.refresh()
        self.navigator.set_outline(self.report)
        if self.pages.showing("meetings") and self.session:
            self.meetings.refresh_labels()
        self._update_title()

    def showEvent(self, event: QShowEvent) -> None:
        if self.session is None:
            self.pages.setCurrentWidget(self.empty_page)
        super().showEvent(event)
        if self._views_after_show:
            # Where no paint comes (a window never exposed), the preview comes anyway.
            QTimer.singleShot(FIRST_PREVIEW_LATEST_MS, self._views_once_drawn)
        if self._after_drawn:
            QTimer.singleShot(FIRST_PREVIEW_LATEST_MS, self._run_after_drawn)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.drawn = True
        if self._views_after_show:
            QTimer.singleShot(0, self._views_once_drawn)
        if self._after_drawn:
            QTimer.singleShot(0, self._run_after_drawn)

    def after_drawn(self, work: Callable[[], None]) -> None:
        """`work` done once the window is first drawn (at the latest `FIRST_PREVIEW_LATEST_MS`
        after it is shown, should no paint come), or now if it was: what the first picture
        does not show waits for it."""
        if self.drawn:
            work()
        else:
            self._after_drawn.append(work)

    def remember(self, key: str, value: Any) -> None:
        """A setting written now, or once the window is drawn (at the latest when it closes):
        a setting written makes Qt save the settings file, a locked and synced write, in the
        next turn of the event loop, which would come before the first paint."""
        if self.drawn:
            self._settings_later.pop(key, None)  # an older value still waiting is not written after this
            self.settings.setValue(key, value)
            return
        if not self._settings_later:
            self.after_drawn(self._write_settings_later)
        self._settings_later[key] = value

    def _write_settings_later(self) -> None:
        waiting, self._settings_later = self._settings_later, {}
        for key, value in waiting.items():
            self.settings.setValue(key, value)

    def _run_after_drawn(self) -> None:
        waiting, self._after_drawn = self._after_drawn, []
        for work in waiting:
            work()

    def _views_once_drawn(self) -> None:
        if self._views_after_show:
            self.refresh_views()

    def flush(self) -> None:
        """Bring every view and the store up to date now (tests, screenshots, close)."""
        self.refresh_views()
        if self.session:
            self.session.save_now()

    # --- going places --------------------------------------------------------
    def _paragraph_selected(self, paragraph_id: str) -> None:
        self.preview.select(paragraph_id)
        self.navigator.select_place("paragraph", paragraph_id)

    def mark_missing(self) -> None:
        """After a check before export: the page on show marks its empty required fields."""
        page = self.pages.currentWidget()
        if not self.checked_for_export or self.session is None or not isinstance(page, Page):
            return
        report = self.session.report
        for item in missing_fields(report):
            target, attr = target_of_path(report, item.path)
            if page.current_target(target[0]) == target:
                page.show_error(target[0], attr, item.label)

    def go_to(self, page: str, key: str = "") -> None:
        self._go_to(page, key)
        self.navigator.select_place(page, key)
        self.mark_missing()

    def _go_to(self, page: str, key: str = "") -> None:
        if self.session is None:
            return
        r = self.session.report
        if page == "paragraph":
            for s in r.sections:
                if any(p.id == key for p in s.paragraphs):
                    self.sections.open(s.id, key)
                    self.pages.setCurrentWidget(self.sections)
                    self.preview.select(key)
                    self.sections.editor.setFocus()
                    return
            return
        widget = self.page_by_name.get(page)
        if widget is None:
            return
        if page == "section":
            self.sections.open(key or self.sections.section_id or (r.sections[0].id if r.sections else ""))
            self.preview.select(key or None)
        else:
            widget.load()
        if page == "meetings" and key:
            self.meetings.select(key)
        self.pages.setCurrentWidget(widget)

    def go_to_source(self, source: str) -> None:
        """A block clicked in the preview: a paragraph or section id, or a field path."""
        if self.session is None or not source:
            return
        r = self.session.report
        if r.paragraph(source) is not None:
            self.go_to("paragraph", source)
            return
        if any(s.id == source for s in r.sections):
            self.go_to("section", source)
            self.sections.focus("section", "title")
            return
        if source.startswith("report.signature"):
            self.go_to("signature")
            self.signature.focus("signature", source.split(".")[-1] if source.count(".") > 1 else "name")
            return
        if source.startswith("report."):
            attr = source.split(".")[1]
            self.go_to("front")
            self.front.focus("report", attr)
            self.preview.select(source, scroll=False)

    def _is_place(self, path: str) -> bool:
        report = self.report
        return report is not None and (report.paragraph(path) is not None or any(s.id == path for s in report.sections))

    def go_to_place(self, path: str) -> None:
        """A field path, or the place of a finding in the report (a paragraph or section id)."""
        if self._is_place(path):
            self.go_to_source(path)
        else:
            self.go_to_path(path)

    def go_to_path(self, path: str, message: str = "") -> None:
        """A field path from `checks.missing_fields`: open its page, focus it, say what is wrong next to it."""
        if self.session is None:
            return
        target, attr = target_of_path(self.session.report, path)
        kind = target[0]
        page_name = {"report": "front", "group": "front", "signature": "signature", "meeting": "meetings",
                     "person": "people", "contribution": "contributions", "section": "section",
                     "paragraph": "paragraph"}.get(kind, "front")
        key = target[1] if len(target) > 1 else ""
        self.go_to(page_name, key)
        page = self.pages.currentWidget()
        if isinstance(page, Page):
            if kind == "contribution":
                self.contributions.select(key)
            if message:
                page.show_error(kind, attr, message)
            page.focus(kind, attr)

    # --- edits from menus and shortcuts --------------------------------------
    def undo(self) -> None:
        if self.session and self.session.undo_stack.canUndo():
            self.session.undo_stack.undo()
        elif self.deleted_report_id is not None:
            self.restore_report(self.deleted_report_id)

    def redo(self) -> None:
        if self.session:
            self.session.undo_stack.redo()

    def new_paragraph(self) -> None:
        if self.session is None:
            return
        if not self.pages.showing("section"):
            self.go_to("section")
        self.sections.new_paragraph()

    def move(self, step: int) -> None:
        if self.pages.showing("section"):
            self.sections.move_paragraph(step)
            return
        for name in ("contributions", "people", "remarks"):
            if self.pages.showing(name):
                self.pages.page(name).move(step)  # type: ignore[attr-defined]

    def filter_reports(self) -> None:
        self.navigator.filter.setFocus()
        self.navigator.filter.selectAll()

    def show_pages(self) -> QWidget:
        """The page view in a window of its own beside this one, made again after each edit."""
        from cwgdraft.gui.page_view import PageView

        if self.page_window is None:
            window = QWidget(self, Qt.WindowType.Window)
            window.setObjectName("pageWindow")
            window.setWindowTitle(t("الصفحات"))
            from PySide6.QtWidgets import QVBoxLayout

            layout = QVBoxLayout(window)
            layout.setContentsMargins(0, 0, 0, 0)
            window.view = PageView(window)  # type: ignore[attr-defined]
            layout.addWidget(window.view)  # type: ignore[attr-defined]
            window.resize(760, 900)
            self.preview.refreshed.connect(
                lambda _ms: window.view.schedule(self.report) if window.isVisible() else None  # type: ignore[attr-defined]
            )
            self.page_window = window
        window = self.page_window
        window.show()
        window.raise_()
        window.view.report = self.report  # type: ignore[attr-defined]
        window.view.refresh()  # type: ignore[attr-defined]
        return window

    def toggle_preview(self) -> None:
        visible = not self.preview.isVisible()
        self.preview.setVisible(visible)
        self.preview_action.setChecked(visible)
        if visible:
            self.preview.refresh()

    # --- fields ----------------------------------------------------------------
    def _content_target(self) -> ContentEdit | None:
        """The text a field goes into: the one last typed in, if still on show, else the paragraph's."""
        last = self._last_content_edit()
        if last is not None and last.isVisible() and last.isEnabled():
            return last
        if self.session is None:
            return None
        if not self.pages.showing("section"):
            self.go_to("section")
        return self.sections.editor if self.sections.paragraph() is not None else None

    def _last_content_edit(self) -> ContentEdit | None:
        """The text editor last typed in, if it is this window's (and still exists)."""
        from shiboken6 import isValid

        last = ContentEdit.last_focused
        if last is None or not isValid(last) or last.window() is not self:
            return None
        return last

    def insert_field(self) -> FieldPicker | None:
        """Ctrl+Shift+F: the field picker (type part of a fact's name) at the cursor."""
        target = self._content_target()
        if target is None:
            self.statusBar().showMessage(t("ضع المؤشر في نص لإدراج حقل فيه"), 6000)
            return None
        return target.pick_field()

    def _fill_insert_menu(self) -> None:
        self.insert_field_menu.clear()
        report = self.report

        def insert(field: FactField) -> None:
            target = self._content_target()
            if target is not None:
                target.insert_field(field)

        fill_field_menu(self.insert_field_menu, report, insert)

    def go_to_field_fact(self) -> None:
        """F12: from the field next to the cursor to where its fact is entered."""
        target = self._last_content_edit()
        if target is None or not target.go_to_fact():
            self.statusBar().showMessage(t("ضع المؤشر بجانب حقل للانتقال إلى معلومته"), 6000)

    def reset_standard(self) -> None:
        if self.pages.showing("section"):
            self.sections.reset_paragraph()
        elif self.pages.showing("front"):
            target = self._last_content_edit()
            for (_kind, attr), field in self.front.fields.items():
                if getattr(field, "content_edit", None) is target and self.report and getattr(self.report, attr):
                    field.reset_requested.emit()  # type: ignore[attr-defined]

    def go_to_fact(self, field: FactField) -> None:
        """Where a field's fact is entered: the meetings for meetings.*, the people for the chair,
        the front page for the group and the document, the contributions for a contribution's."""
        from cwgdraft.core import facts
        from cwgdraft.core.model import MeetingMode, PersonRole

        if self.session is None:
            return
        report = self.session.report
        fact = facts.FACTS.get(field.name)
        source = fact.source if fact else "report"
        attr = field.name.split(".", 1)[-1]
        if source == "meetings":
            attrs = {"dates": "start", "held": "start", "participants": "participants", "mode": "mode"}
            attr = attrs.get(attr, "number")
            if field.name == "meetings.place":
                online = all(m.mode is MeetingMode.ONLINE for m in report.meetings)
                attr = "platform" if online else "venue"
            # The first meeting that lacks the fact, else the first.
            empty = {"start": lambda m: m.start is None, "participants": lambda m: m.participants is None,
                     "venue": lambda m: not m.venue, "platform": lambda m: not m.platform}.get(attr)
            meeting = next((m for m in report.meetings if empty and empty(m)), report.meetings[0] if report.meetings else None)
            self.go_to("meetings", meeting.id if meeting else "")
            if attr in ("participants", "mode"):
                widget = self.meetings.participants if attr == "participants" else self.meetings.mode
                self.meetings.ensureWidgetVisible(widget)
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.meetings.focus("meeting", attr)
        elif source == "chair":
            self.go_to("people")
            chair = next((p for p in report.people if p.role is PersonRole.CHAIR), None)
            if chair is not None:
                self.people.select(chair.id)
            else:
                self.statusBar().showMessage(t("أضف الرئيس في جدول الأشخاص واختر له الدور «رئيس»"), 8000)
            self.people.table.setFocus()
        elif source == "contribution":
            self.go_to("contributions")
            if field.ref:
                self.contributions.select(field.ref)
            self.contributions.table.setFocus()
        elif source == "group":
            self.go_to("front")
            self.front.focus("group", {"name": "name", "acronym": "acronym", "mandate": "mandate"}.get(attr, "name"))
        else:
            self.go_to("front")
            self.front.focus("report", attr if ("report", attr) in self.front.fields else "symbol")

    # --- new report from the previous one -------------------------------------
    def new_from_previous(self) -> Report | None:
        if self.session is None:
            return None
        from cwgdraft.drafting.carry import next_report

        self.session.save_now()
        try:
            new, carry = next_report(self.session.report)
            version = self.store.save(new)
        except Exception as exc:
            show_error(self, t("تعذر إنشاء التقرير الجديد"), exc)
            return None
        self._set_session(Session(self.store, new, self, version))
        from cwgdraft.gui.findings import translated_findings

        to_fill = translated_findings(new, list(carry.to_fill))
        from cwgdraft.gui.dialogs import CarryDialog

        self.carry_dialog = CarryDialog(list(carry.carried), to_fill, self.go_to_place, self)
        self.carry_dialog.show()
        return new

    def new_empty_report(self) -> Report | None:
        """A report with one meeting and one section, opened on its first page."""
        from cwgdraft.core.model import Meeting, Paragraph, Section, SectionRole

        return self._store_and_open(
            Report(meetings=[Meeting(1)], sections=[Section("مقدمة", SectionRole.INTRODUCTION, [Paragraph("")])])
        )

    def new_from_templates(self) -> Report | None:
        """A report from the templates: the council's sections, each with its standard wording."""
        from cwgdraft.drafting.carry import empty_report

        return self._store_and_open(empty_report())

    def _store_and_open(self, report: Report) -> Report | None:
        """A new report stored (the open one saved first) and opened; None, and said why, if it cannot be."""
        if self.session is not None:
            self.session.save_now()
        try:
            self.store.save(report)
        except Exception as exc:
            show_error(self, t("تعذر إنشاء التقرير الجديد"), exc)
            return None
        self.open_report(report.id)
        return report

    def load_samples(self) -> int:
        """The bundled sample reports into the store (no copies); the first one opens. Returns how many were added."""
        from cwgdraft.core.samples import load_samples

        try:
            loaded = load_samples(self.store)
        except Exception as exc:
            show_error(self, t("تعذر تحميل التقارير النموذجية"), exc)
            return 0
        added = sum(1 for _report, new in loaded if new)
        self.refresh_reports()
        if loaded and self.session is None:
            self.open_report(loaded[-1][0].id)
        self.statusBar().showMessage(t("أُضيف %1 من التقارير النموذجية إلى المخزن").replace("%1", str(added)), 8000)
        return added

    def import_document(self) -> None:
        try:
            from cwgdraft.gui.import_dialog import ImportDialog
        except ImportError as exc:
            show_error(self, t("الاستيراد غير متاح"), exc)
            return
        if self.session is not None:
            self.session.save_now()  # the import reads the store as the user left it
        dialog = ImportDialog(self, self.store)
        accepted = dialog.exec()
        stored_id = getattr(dialog, "stored_id", None)
        if accepted and stored_id:
            self._descriptions.pop(stored_id, None)
            if self.session is not None and self.session.report.id == stored_id:
                # The open report was updated from the file: its model and undo history are the
                # old version's. Drop them unsaved; the report is opened again from the store.
                self.session.forget()
            self.open_report(stored_id)
        self.refresh_reports()

    # --- stores, settings, language -------------------------------------------
    def action_open_store(self) -> None:
        from cwgdraft.gui.files import ask_open_path

        path = ask_open_path(self, t("فتح مخزن"), Path.home(), [t("مخزن cwgdraft (*.db)"), t("كل الملفات (*)")])
        if path is not None:
            self.open_store(path)

    def open_store(self, path: Path) -> bool:
        from cwgdraft.core.store import Store

        try:
            store = Store.open(path)
        except Exception as exc:
            show_error(self, t("تعذّر فتح المخزن"), exc)
            return False
        if self.session is not None:
            self.session.close()
            self.session = None
        old = self.store
        self.store = store
        self.deleted_report_id = None  # of the other store
        if self.trash_dialog is not None:
            self.trash_dialog.close()
            self.trash_dialog = None
        try:
            old.close()
        except Exception:
            pass
        remember_store(self.settings, path)
        self._fill_recent()
        self.refresh_reports()
        reports = store.list_reports()
        if reports:
            self.open_report(reports[0].id)
        else:
            self.preview.set_report(None)
            self.navigator.set_outline(None)
            self._enable()
        return True

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_stores(self.settings):
            self.recent_menu.addAction(ltr(path), lambda p=path: self.open_store(Path(p)))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def set_language(self, code: str) -> MainWindow:
        """Switch the interface language now and return the window that shows it.

        Every text is set when a widget is made, so the window is made again in
        the new language, on the same store and report; every edit is already
        stored, and the new window starts with an empty undo history."""
        from PySide6.QtWidgets import QApplication

        from cwgdraft.gui import i18n

        for c, a in self.lang_actions.items():
            a.setChecked(c == code)
        self.settings.setValue("language", code)
        app = QApplication.instance()
        if app is None or app.property("cwgdraft_lang") == code:
            return self
        report_id = self.report.id if self.report else None
        self.flush()
        self.save_settings()
        app.setLayoutDirection(i18n.install(app, code))
        app.setProperty("cwgdraft_lang", code)
        successor = MainWindow(self.store, self.settings)
        successor.keep_layout = self.keep_layout
        if report_id is not None:
            successor.open_report(report_id)
        successor.setGeometry(self.geometry())
        if self.isVisible():
            successor.show()
        _windows.append(successor)
        self.close()
        if self in _windows:
            _windows.remove(self)
        return successor

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from cwgdraft import __version__

        QMessageBox.about(self, t("حول cwgdraft"),
                          t("برنامج cwgdraft، الإصدار %1\n\nيصوغ تقرير رئيس فريق عمل تابع للمجلس بالعربية، "
                            "من اليمين إلى اليسار، ويصدّره ملفاً بصيغة Word.")
                          .replace("%1", __version__))

    def restore_settings(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(geometry)
        state = self.settings.value("window_state")
        if isinstance(state, QByteArray | bytes):
            self.restoreState(state)
        # The paragraph splitter's place is given to the sections page when it is made.
        for name, splitter in (("splitter", self.splitter), ("navigator_splitter", self.navigator)):
            value = self.settings.value(name)
            if isinstance(value, QByteArray | bytes):
                splitter.restoreState(value)
        if self.settings.value("preview_visible", "true") in ("false", False):
            self.preview.hide()
            self.preview_action.setChecked(False)
        self._fill_recent()

    # A screenshot run shows the window at its default size and leaves the
    # user's saved layout alone.
    keep_layout = True

    def save_settings(self) -> None:
        if not self.keep_layout:
            return
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.setValue("navigator_splitter", self.navigator.saveState())
        sections: Any = self.pages.made("section")
        if sections is not None:  # else the place saved before stays
            self.settings.setValue("paragraph_splitter", sections.split.saveState())
        self.settings.setValue("preview_visible", self.preview.isVisible() or not self.isVisible())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session is not None:
            self.session.close()
        if self._settings_later:  # closed before it was drawn
            self._write_settings_later()
            self.settings.sync()
        self.save_settings()
        if self.pdf_job is not None:
            self.pdf_job.cancel()
        if self.page_window is not None:
            self.page_window.view.stop()  # type: ignore[attr-defined]
            self.page_window.close()
        super().closeEvent(event)


# Windows made by a language switch: Python keeps them alive, Qt shows them.
_windows: list[MainWindow] = []


def recent_stores(settings: QSettings) -> list[str]:
    value = settings.value("recent_stores", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or [])][:MAX_RECENT]


def remember_store(settings: QSettings, path: Path) -> None:
    text = str(Path(path).resolve())
    items = [text, *[p for p in recent_stores(settings) if p != text]][:MAX_RECENT]
    settings.setValue("recent_stores", items)
