"""Import… : pick a Word or text report, see what was found, then store it.

Nothing is stored until the user presses Store: first the dialog shows the
fields found, the outline (sections with their paragraphs by kind), what
could not be placed (kept as unnumbered paragraphs where it stood) and the
notes (comments left out, renumbering). A file that cannot be used shows its
error (`errors.describe`) and cannot be stored.

A Word file exported from a report that is in the store carries that
report's paragraph ids: the dialog says which report, and offers what
`cwgdraft import` offers (`settle_ids`, the same function): update that
report from the file (`--replace`: what Word does not carry is kept as
stored), add it as a new report with new ids (`--new`), or cancel.
"""

from __future__ import annotations

import copy
import re
import threading
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cwgdraft.core.errors import CwgError
from cwgdraft.core.model import MeetingMode, Numbering, Report
from cwgdraft.core.store import Store
from cwgdraft.gui.errors import describe
from cwgdraft.gui.i18n import N_, ltr, t
from cwgdraft.gui.messages import arabic_interface
from cwgdraft.importer import ImportResult, import_file, settle_ids

FIELD_LABELS = {
    "council_session": N_("دورة المجلس"),
    "session": N_("مكان الدورة وتاريخها"),
    "agenda_item": N_("بند جدول الأعمال"),
    "symbol": N_("رمز الوثيقة"),
    "date": N_("تاريخ الوثيقة"),
    "original_language": N_("لغة الأصل"),
    "title": N_("العنوان"),
    "subject": N_("الموضوع"),
    "summary": N_("الملخص"),
    "action_required": N_("الإجراء المطلوب"),
    "references": N_("المراجع"),
    "numbering": N_("ترقيم الفقرات"),
    "group": N_("الفريق"),
    "meetings": N_("الاجتماعات"),
    "contributions": N_("المساهمات"),
    "signature": N_("التوقيع"),
    "signature_title": N_("صفة الموقّع"),
}
KIND_LABELS = {
    "numbered": N_("مرقمة"),
    "unnumbered": N_("غير مرقمة"),
    "bullet": N_("نقطية"),
    "sub_bullet": N_("نقطية فرعية"),
    "lettered": N_("بحروف"),
    "lettered_bullet": N_("نقطية تحت حرف"),
}
# The importer's notes are English sentences; the dialog says them in the language of the
# interface. A note that matches none of these is shown as it is.
NOTES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(\d+) comment\(s\) left out"), N_("تُرك %1 من التعليقات")),
    (re.compile(r"(\d+) embedded document\(s\) \(altChunk\) left out"), N_("تُرك %1 من المستندات المضمّنة (altChunk)")),
    (re.compile(r"(\d+) piece\(s\) of hidden text left out"), N_("تُرك %1 من مقاطع النص المخفي")),
    (re.compile(r"no numbered section headings found: the text is in one untitled section"),
     N_("لم يُعثر على عناوين أقسام مرقّمة: النص كله في قسم واحد بلا عنوان")),
    (re.compile(r"no section heading before the first paragraphs: they are in an untitled section"),
     N_("لا عنوان قسم قبل الفقرات الأولى: وُضعت في قسم بلا عنوان")),
    (re.compile(r"section (\S+) is section (\d+) in order: it is numbered \d+"),
     N_("القسم %1 هو القسم %2 في الترتيب: رُقّم %2")),
    (re.compile(r"paragraph (\S+) is renumbered (\S+)"), N_("أعيد ترقيم الفقرة %1 إلى %2")),
    (re.compile(r"first-page footer not kept \(the template writes its own\): (.*)"),
     N_("لم تُنقل تذييلة الصفحة الأولى (يكتب القالب تذييلته): %1")),
    (re.compile(r"(\d+) control character\(s\) removed \((.*) first\)"), N_("حُذف %1 من محارف التحكم (أولها %2)")),
    (re.compile(r"(\d+) bookmark marker\(s\) of the text extraction dropped"),
     N_("حُذف %1 من علامات الإشارات المرجعية في النص المستخرج")),
]
NUMBERING = {
    Numbering.PARAGRAPH_SECTION: N_("الفقرة ثم القسم (1.2، كما في 2022)"),
    Numbering.SECTION_PARAGRAPH: N_("القسم ثم الفقرة (2.1، كما في 2016)"),
}
FROM_HEADER = " (from the page header)"


def _fill(template: str, values: tuple[str, ...]) -> str:
    text = t(template)
    for i, value in enumerate(values, start=1):
        text = text.replace(f"%{i}", value)
    return text


def note_text(note: str) -> str:
    """An importer's note in the language of the interface."""
    for pattern, template in NOTES:
        m = pattern.fullmatch(note)
        if m:
            return _fill(template, m.groups())
    return note


def found_text(key: str, value: str, report: Report) -> str:
    """What the import found for `key`, in the language of the interface where the importer wrote English."""
    if key == "numbering":
        return t(NUMBERING[report.numbering])
    if key == "contributions":
        return _fill(N_("%1 من قائمة الوثائق"), (str(len(report.contributions)),))
    if key == "meetings" and report.meetings:
        from cwgdraft.gui.editors.meetings import MODES

        parts = ", ".join(f"{m.number}" + (f" ({m.start.isoformat()})" if m.start else "") for m in report.meetings)
        first = report.meetings[0]
        mode = t(MODES.get(first.mode, first.mode.value))
        platform = f", {first.platform}" if first.platform and first.mode is not MeetingMode.IN_PERSON else ""
        return f"{parts}; {mode}{platform}"
    if key == "symbol" and value.endswith(FROM_HEADER):
        return _fill(N_("%1 (من ترويسة الصفحة)"), (value[: -len(FROM_HEADER)],))
    return value


def report_name(report: Report) -> str:
    """A stored report as the user knows it: its symbol, its title's first line and its date."""
    from cwgdraft.core import arabic

    arabic_ui = arabic_interface()

    def held(text: str) -> str:  # Arabic inside an English sentence keeps its own order (its brackets, its date)
        return text if arabic_ui else f"\u202b{text}\u202c"

    parts = []
    if report.symbol:
        parts.append(ltr(report.symbol))
    title = report.title.splitlines()[0].strip() if report.title.strip() else ""
    if title:
        parts.append(f"«{title}»" if arabic_ui else f"“{held(title)}”")
    if not parts:
        parts.append(held(report.name))
    if report.date:
        parts.append(f"({arabic.format_date(report.date, nbsp=False) if arabic_ui else report.date.isoformat()})")
    return " ".join(parts)


FILE_FILTER = N_("تقارير (*.docx *.txt);;Word (*.docx);;نص (*.txt);;كل الملفات (*)")


class ImportJob:
    """One import read on a thread of its own, so that the window stays live.

    The reader is bounded (`docs/import.md`: a file is read or refused within
    seconds); cancelling abandons the job: its result, when it comes, is
    dropped, and nothing is stored."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.result: ImportResult | None = None
        self.error: BaseException | None = None
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, name="cwgdraft-import", daemon=True)

    def _run(self) -> None:
        try:
            self.result = import_file(self.path)
        except BaseException as exc:  # handed to the window, which says what it is
            self.error = exc
        finally:
            self.done.set()


class ImportDialog(QDialog):
    """Pick a file, review what the import found, store it (or not)."""

    def __init__(self, parent: QWidget | None, store: Store) -> None:
        super().__init__(parent)
        self.store = store
        self.imported: ImportResult | None = None
        self.stored_id: str | None = None
        self.owner_id: str | None = None  # the stored report the file was exported from
        self.outcome = ""  # after storing: "new", "replace" (owner_id updated) or "copy"
        self.setWindowTitle(t("استيراد تقرير"))
        self.setObjectName("importDialog")
        self.resize(860, 620)

        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(t("ملف Word ‎(.docx)‎ أو نص مستخرج منه ‎(.txt)‎"))
        self.path_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.choose_button = QPushButton(t("اختيار ملف…"), self)
        self.choose_button.setObjectName("chooseFile")
        self.choose_button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)

        # While a file is read: a busy bar and a button that stops waiting for it.
        self.job: ImportJob | None = None
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.stop_button = QPushButton(t("إيقاف القراءة"), self)
        self.stop_button.setObjectName("stopImport")
        self.stop_button.clicked.connect(self.cancel_load)
        self.stop_button.hide()
        row.addWidget(self.progress)
        row.addWidget(self.stop_button)
        self.poll = QTimer(self)
        self.poll.setInterval(50)
        self.poll.timeout.connect(self._check_job)

        self.status = QLabel(t("اختر ملفاً لعرض ما يُعثر عليه فيه قبل تخزينه."), self)
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.fields = QTableWidget(0, 2, self)
        self.fields.setObjectName("importFields")
        self.fields.setHorizontalHeaderLabels([t("الحقل"), t("ما عُثر عليه")])
        self.fields.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.fields.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.fields.verticalHeader().setVisible(False)
        self.fields.horizontalHeader().setMinimumSectionSize(40)
        self.fields.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.outline = QListWidget(self)
        self.outline.setObjectName("importOutline")
        self.unplaced = QListWidget(self)
        self.unplaced.setObjectName("importUnplaced")
        self.notes = QListWidget(self)
        self.notes.setObjectName("importNotes")

        # A file exported from a stored report: which one, and what each choice does.
        self.conflict = QLabel(self)
        self.conflict.setObjectName("importConflict")
        self.conflict.setWordWrap(True)
        self.conflict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conflict.setFrameShape(QLabel.Shape.StyledPanel)
        self.conflict.setMargin(6)
        self.conflict.hide()

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.fields, t("الحقول"))
        self.tabs.addTab(self.outline, t("المخطط"))
        self.tabs.addTab(self.unplaced, t("ما تعذر وضعه"))
        self.tabs.addTab(self.notes, t("ملاحظات"))

        self.buttons = QDialogButtonBox(self)
        self.store_button = self.buttons.addButton(t("تخزين"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.store_button.setObjectName("storeImport")
        self.store_button.setEnabled(False)
        self.replace_button = self.buttons.addButton(t("تحديث التقرير المخزَّن من الملف"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.replace_button.setObjectName("replaceImport")
        self.replace_button.setToolTip(t("يأخذ التقرير المخزَّن نص الملف ويبقى معرّفه؛ وتبقى الاجتماعات والأشخاص "
                                         "والمساهمات والكلمات الافتتاحية كما هي مخزَّنة"))
        self.new_button = self.buttons.addButton(t("إضافته تقريراً جديداً"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.new_button.setObjectName("newImport")
        self.new_button.setToolTip(t("يُضاف الملف تقريراً آخر بمعرّفات جديدة، ولا يُمسّ التقرير المخزَّن"))
        self.replace_button.hide()
        self.new_button.hide()
        self.cancel_button = self.buttons.addButton(t("إلغاء"), QDialogButtonBox.ButtonRole.RejectRole)
        self.store_button.clicked.connect(lambda: self.store_result())
        self.replace_button.clicked.connect(lambda: self.store_result("replace"))
        self.new_button.clicked.connect(lambda: self.store_result("new"))
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.conflict)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

    # --- actions ------------------------------------------------------------------
    def choose_file(self) -> None:
        from cwgdraft.gui.files import ask_open_path

        path = ask_open_path(self, t("استيراد تقرير"), Path.home(), t(FILE_FILTER).split(";;"))
        if path is not None:
            self.load_in_background(str(path))

    def load(self, path: str | Path) -> bool:
        """Import `path` without storing it and show the result. True when it can be stored."""
        self.cancel_load(quiet=True)
        self.path_edit.setText(str(path))
        self._clear()
        try:
            result = import_file(path)
        except Exception as exc:  # whatever the reader raised is said, never escapes
            return self._finish(None, exc)
        return self._finish(result, None)

    def load_in_background(self, path: str | Path) -> None:
        """Import `path` on a thread; the window stays live, with a busy bar and a stop button."""
        self.cancel_load(quiet=True)
        self.path_edit.setText(str(path))
        self._clear()
        self.imported = None
        self._offer(None)
        self.store_button.setEnabled(False)
        self.status.setProperty("error", False)
        self.status.setText(t("جارٍ قراءة الملف…"))
        self.job = ImportJob(Path(path))
        self.job.thread.start()
        self._busy(True)
        self.poll.start()

    def cancel_load(self, quiet: bool = False) -> None:
        """Stop waiting for the file being read; nothing of it is shown or stored."""
        if self.job is None:
            return
        self.job = None
        self.poll.stop()
        self._busy(False)
        if not quiet:
            self.status.setText(t("أُوقفت القراءة؛ لم يُخزَّن شيء."))

    def reject(self) -> None:
        self.cancel_load(quiet=True)
        super().reject()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.stop_button.setVisible(busy)
        self.choose_button.setEnabled(not busy)

    def _check_job(self) -> None:
        job = self.job
        if job is None or not job.done.is_set():
            return
        self.job = None
        self.poll.stop()
        self._busy(False)
        self._finish(job.result, job.error)

    def _finish(self, result: ImportResult | None, error: BaseException | None) -> bool:
        """Show what was read (or why it cannot be used). True when it can be stored."""
        owners: dict[str, object] = {}
        if result is not None:
            try:
                owners = dict(self.store.owners(result.report))
            except CwgError as exc:
                result, error = None, exc
        if result is None:
            self.imported = None
            self.status.setText(describe(error if error is not None else CwgError("no result")))
            self.status.setProperty("error", True)
            self._offer(None)
            self.store_button.setEnabled(False)
            return False
        self.imported = result
        self.status.setProperty("error", False)
        self._show(result)
        self._offer(next(iter(owners), None))
        self.store_button.setEnabled(True)
        return True

    def store_result(self, how: str = "") -> None:
        """Store what was imported. A file exported from a stored report needs `how`:
        "replace" (update that report from the file) or "new" (add another report)."""
        if self.imported is None:
            return
        if self.owner_id is not None and how not in ("replace", "new"):
            return  # the user chooses with the buttons that say what happens
        report = copy.deepcopy(self.imported.report)  # a failed attempt leaves the import as it was read
        try:
            done = settle_ids(report, self.store, how or "ask", where=self.path_edit.text())
            merged = None
            if done == "replace":  # exported with a recorded base: merged, nothing typed since overwritten
                from cwgdraft.review.exports import merge_replace

                merged = merge_replace(self.store, report, self.path_edit.text())
            if merged is not None:
                self.store.save(merged.report, expected_version=merged.version)
            else:
                self.store.save(report)
        except CwgError as exc:
            self.status.setText(t("لم يُخزَّن شيء.") + "\n" + describe(exc))
            self.status.setProperty("error", True)
            return
        self.outcome = done
        self.stored_id = report.id
        self.accept()

    def _offer(self, owner_id: str | None) -> None:
        """Store, or (a file exported from a stored report) update that report or add a new one."""
        self.owner_id = owner_id
        conflict = owner_id is not None
        self.store_button.setVisible(not conflict)
        self.replace_button.setVisible(conflict)
        self.new_button.setVisible(conflict)
        self.conflict.setVisible(conflict)
        if owner_id is None:
            self.conflict.clear()
            return
        try:
            name = report_name(self.store.get(owner_id))
        except CwgError:
            name = ltr(owner_id[:8])
        self.conflict.setText(
            t("هذا الملف مُصدَّر من تقرير موجود في المخزن: %1.").replace("%1", name) + "\n"
            + t("«تحديث التقرير المخزَّن من الملف» يأخذ نص الملف ويُبقي ما لا يحمله ملف Word كما هو مخزَّن: "
                "الاجتماعات والأشخاص والمساهمات والكلمات الافتتاحية. «إضافته تقريراً جديداً» يخزّنه تقريراً "
                "آخر بمعرّفات جديدة ولا يمسّ التقرير المخزَّن.")
        )

    # --- display ------------------------------------------------------------------
    def _clear(self) -> None:
        self.fields.setRowCount(0)
        self.outline.clear()
        self.unplaced.clear()
        self.notes.clear()

    def _show(self, result: ImportResult) -> None:
        found = [(key, value) for key, value in result.found.items() if value]
        self.fields.setRowCount(len(found))
        for row, (key, value) in enumerate(found):
            self.fields.setItem(row, 0, QTableWidgetItem(t(FIELD_LABELS.get(key, key))))
            self.fields.setItem(row, 1, QTableWidgetItem(found_text(key, value, result.report)))
        from cwgdraft.formats.render import lay_out

        comma = "، " if arabic_interface() else ", "
        for laid in lay_out(result.report):
            kinds: dict[str, int] = {}
            for paragraph in laid.section.paragraphs:
                kinds[paragraph.kind.value] = kinds.get(paragraph.kind.value, 0) + 1
            parts = comma.join(f"{n} {t(KIND_LABELS.get(kind, kind))}" for kind, n in kinds.items())
            title = laid.section.title.replace("\n", " ") or t("[قسم بلا عنوان]")
            self.outline.addItem(f"{laid.number}  {title} — {parts}")
        for item in result.unplaced:
            self.unplaced.addItem(item)
        for note in result.notes:
            self.notes.addItem(note_text(note))
        sections = len(result.report.sections)
        summary = t("عُثر على {fields} حقلاً و{sections} أقسام.").format(fields=len(found), sections=sections)
        if result.unplaced:
            summary += " " + t("تعذر وضع {n} عنصراً: بقيت فقرات غير مرقمة حيث كانت.").format(n=len(result.unplaced))
            self.tabs.setTabText(2, t("ما تعذر وضعه") + f" ({len(result.unplaced)})")
        else:
            self.tabs.setTabText(2, t("ما تعذر وضعه"))
        self.status.setText(summary + " " + t("لم يُخزَّن شيء بعد."))
