"""Export from the main window: the check before export (its findings, each with a way to
where it is, and the typography fixes), then the Word file through the engine, or the PDF
through LibreOffice in the background, and "open it now?"."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from cwgdraft.core.content import Field as FactField
from cwgdraft.core.model import Report
from cwgdraft.gui.errors import show_error
from cwgdraft.gui.export import PdfJob, write_docx
from cwgdraft.gui.i18n import ltr, t
from cwgdraft.gui.session import target_of_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar


def check_findings(report: Report) -> list[Any]:
    """The check before export (`drafting.check.check_report`, as the command line runs it), in the
    language of the interface."""
    from cwgdraft.drafting.check import check_report
    from cwgdraft.gui.findings import translated_findings

    return translated_findings(report, check_report(report))


def fact_of_finding(report: Report, finding: Any) -> FactField | None:
    """The fact a "missing fact" finding is about (its bracketed name is in the finding's label)."""
    from cwgdraft.drafting.standard import paragraph_content
    from cwgdraft.gui.findings import fact_named

    if finding.code != "missing_fact":
        return None
    fact = fact_named(finding.label)  # in Arabic as the check says it, or as translated
    if fact is None:
        return None
    ref = ""
    if fact.per_contribution:
        paragraph = report.paragraph(finding.source)
        content = paragraph_content(report, paragraph) if paragraph else ""
        ref = next((f.ref for f in getattr(content, "fields", []) if f.name == fact.name), "")
    return FactField(fact.name, ref)


def export_warnings(report: Report) -> list[Any]:
    """What the check before export points out without it being missing: fields
    holding bidi embeddings, overrides or isolates (kept as typed, closed at the
    end of the field in the export), in the language of the interface."""
    from cwgdraft.core.checks import MissingField, bidi_control_places

    out = []
    for path, source, places in bidi_control_places(report):
        codes = ", ".join(f"U+{ord(ch):04X}" for _at, ch in places[:3]) + (" …" if len(places) > 3 else "")
        label = t("رموز تحكم في اتجاه النص في %1: %2 (تبقى كما كُتبت وتُغلق في نهاية الحقل)")
        out.append(MissingField(path, label.replace("%1", ltr(path)).replace("%2", ltr(codes)), source))
    return out


class ExportCommands:
    """The main window's export commands (`MainWindow` is one): it gives the session, the
    settings, the pages and the ways to go to a place in the report."""

    if TYPE_CHECKING:
        session: Any
        settings: Any
        pages: Any
        report: Report | None
        check_dialog: Any
        checked_for_export: bool
        pdf_job: PdfJob | None
        progress: Any
        last_export: Path | None
        opener: Any
        front: Any
        signature: Any

        def statusBar(self) -> QStatusBar: ...
        def mark_missing(self) -> None: ...
        def go_to_path(self, path: str, message: str = "") -> None: ...
        def go_to_source(self, source: str) -> None: ...
        def go_to_fact(self, field: FactField) -> None: ...

    def check_before_export(self) -> bool:
        """The check before export (the command line's: `drafting.check.check_report`): mark every
        empty required field, list every finding with a way to it; ask whether to go on. True: export."""
        if self.session is None:
            return False
        self.session.save_now()
        findings = check_findings(self.session.report)
        from cwgdraft.core.checks import typography_findings
        from cwgdraft.gui.finding_text import translated as translated_typography

        typography = translated_typography(self.session.report, typography_findings(self.session.report))
        for page in self.pages.made_pages():
            page.clear_errors()
        if not findings and not typography:
            self.checked_for_export = False
            return True
        self.checked_for_export = any(f.code == "missing_field" for f in findings)
        for item in findings:
            if item.code != "missing_field":
                continue
            target, attr = target_of_path(self.session.report, item.path)
            page = {"report": self.front, "group": self.front, "signature": self.signature}.get(target[0])
            if page is not None:
                page.show_error(target[0], attr, item.label)
        self.mark_missing()
        from cwgdraft.gui.dialogs import CheckDialog

        self.check_dialog = CheckDialog(findings, self.go_to_finding, self.go_to_fact_of, self, typography,
                                        self.fix_typography)
        result = self.check_dialog.exec()
        self.check_dialog = None
        return result == 1

    def go_to_finding(self, finding: Any) -> None:
        """Where a finding of the check is: a required field by its path, else its place in the
        report (a paragraph, a section's title, the summary) or the contribution it names."""
        if self.session is None:
            return
        report = self.session.report
        if finding.code in ("missing_field",) or finding.path.startswith("contributions["):
            self.go_to_path(finding.path, finding.label if finding.code == "missing_field" else "")
            return
        if finding.source and (report.paragraph(finding.source) is not None or finding.source.startswith("report.")
                               or any(s.id == finding.source for s in report.sections)):
            self.go_to_source(finding.source)
            return
        self.go_to_path(finding.path)

    def go_to_fact_of(self, finding: Any) -> None:
        """For a missing fact: where that fact is entered (the meetings, the people, ...)."""
        if self.session is None:
            return
        field = fact_of_finding(self.session.report, finding)
        if field is not None:
            self.go_to_fact(field)

    def fix_typography(self, findings: list[Any]) -> list[Any]:
        """Apply the fixes of typography findings to the report, as one undo step; returns the
        findings left (the check made again)."""
        from cwgdraft.core.checks import typography_findings
        from cwgdraft.core.typography import apply_fixes
        from cwgdraft.gui.commands import SetValue
        from cwgdraft.gui.session import resolve

        if self.session is None:
            return []
        by_path: dict[str, list[Any]] = {}
        for finding in findings:
            if finding.fix is not None:
                by_path.setdefault(finding.path, []).append(finding)
        stack = self.session.undo_stack
        stack.beginMacro(t("تصحيح الكتابة"))
        try:
            for path, found in by_path.items():
                target, attr = target_of_path(self.session.report, path)
                attr = attr or "text"
                text = getattr(resolve(self.session.report, target), attr)
                fixed = apply_fixes(text, found)
                if fixed != text:
                    self.session.push(SetValue(self.session, target, attr, fixed, ""))
        finally:
            stack.endMacro()
        from cwgdraft.gui.finding_text import translated as translated_findings

        return translated_findings(self.session.report, typography_findings(self.session.report))

    def _go_to_missing(self, path: str, missing: list[Any]) -> None:
        label = next((m.label for m in missing if m.path == path), "")
        self.go_to_path(path, label)

    def ask_export_path(self, suffix: str) -> Path | None:
        """Where to write the export (`.docx` or `.pdf`): the dialog says which, and the name ends so."""
        folder = str(self.settings.value("export_folder", str(Path.home())))
        name = (self.report.symbol if self.report and self.report.symbol else "report").replace("/", "-")
        if suffix == ".pdf":
            title, kind = t("تصدير إلى PDF"), t("مستند PDF (*.pdf)")
        else:
            title, kind = t("تصدير إلى Word"), t("مستند Word (*.docx)")
        from cwgdraft.gui.files import ask_save_path

        return ask_save_path(self, title, Path(folder) / f"{name}{suffix}", kind, suffix)

    def ask_docx_path(self) -> Path | None:
        return self.ask_export_path(".docx")

    def export_docx_to(self, path: Path) -> Path | None:
        assert self.session is not None
        try:
            write_docx(self.session.report, path, self.session.store)
        except Exception as exc:
            show_error(self, t("تعذر التصدير إلى Word"), exc)
            return None
        self.settings.setValue("export_folder", str(path.parent))
        self.last_export = path
        self.statusBar().showMessage(t("صُدّر التقرير إلى %1").replace("%1", ltr(str(path))), 8000)
        return path

    def offer_to_open(self, path: Path) -> None:
        """"Open it now?"; a failure to open it is said in a dialog, with its reason."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self, t("تم التصدير"),
                                      t("صُدّر التقرير إلى:\n%1\n\nهل تريد فتحه الآن؟").replace("%1", ltr(str(path))))
        if answer == QMessageBox.StandardButton.Yes:
            self.opener.open(path)

    def action_export_docx(self) -> Path | None:
        if self.session is None or not self.check_before_export():
            return None
        path = self.ask_export_path(".docx")
        if path is None:
            return None
        done = self.export_docx_to(path)
        if done is not None:
            self.offer_to_open(done)
        return done

    def action_export_pdf(self) -> PdfJob | None:
        """The PDF alone is written where the user said: the Word file it is made from stays in
        a temporary folder. LibreOffice works in the background; the window stays usable."""
        if self.session is None or not self.check_before_export():
            return None
        if self.pdf_job is not None and self.pdf_job.running():
            self.statusBar().showMessage(t("تصدير سابق إلى PDF لم ينتهِ بعد"), 8000)
            return None
        path = self.ask_export_path(".pdf")
        if path is None:
            return None
        return self.start_pdf(path)

    def start_pdf(self, pdf: Path) -> PdfJob | None:
        assert self.session is not None
        self.session.save_now()
        job = PdfJob(pdf, self)
        try:
            write_docx(self.session.report, job.docx)
        except Exception as exc:
            job.discard()
            show_error(self, t("تعذر التصدير إلى PDF"), exc)
            return None
        self.pdf_job = job
        from PySide6.QtWidgets import QProgressDialog

        self.progress = QProgressDialog(self)
        self.progress.setWindowTitle(t("تصدير إلى PDF"))
        self.progress.setCancelButtonText(t("إلغاء"))
        self.progress.setRange(0, 0)  # a busy bar: LibreOffice says nothing of how far it is
        self.progress.setMinimumDuration(0)
        self.progress.setAutoReset(False)
        self.progress.setAutoClose(False)
        self.progress.canceled.connect(job.cancel)
        self._pdf_started = time.perf_counter()
        self._pdf_ticks = QTimer(self.progress)
        self._pdf_ticks.setInterval(1000)
        self._pdf_ticks.timeout.connect(self._pdf_tick)
        self._pdf_ticks.start()
        self._pdf_tick()
        self.progress.show()
        job.finished.connect(self._pdf_done)
        job.start()
        return job

    def _pdf_tick(self) -> None:
        """The seconds so far, in the progress dialog and the status bar: work is going on."""
        doing = t("تحويل التقرير إلى PDF عبر LibreOffice…")
        # The seconds after a word of the interface's language, not after "LibreOffice…",
        # which would take the number into its left-to-right run in Arabic.
        elapsed = t("الوقت: %1 ث").replace("%1", str(int(time.perf_counter() - self._pdf_started)))
        if self.progress is not None:
            self.progress.setLabelText(f"{doing}\n{elapsed}")
        self.statusBar().showMessage(f"{doing} — {elapsed}")

    def _pdf_done(self, pdf: str, error: str) -> None:
        self._pdf_ticks.stop()  # before any question below: its own event loop would keep it ticking
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.statusBar().clearMessage()
        if pdf:
            self.settings.setValue("export_folder", str(Path(pdf).parent))
            self.last_export = Path(pdf)
            self.statusBar().showMessage(t("صُدّر التقرير إلى %1").replace("%1", ltr(pdf)), 8000)
            self.offer_to_open(Path(pdf))
        elif error:
            show_error(self, t("تعذر التحويل إلى PDF"), error)
        else:
            self.statusBar().showMessage(t("أُلغي التصدير إلى PDF"), 8000)
