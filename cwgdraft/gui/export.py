"""Export: the `.docx` through the engine (`render` + `write_docx`, as the
command line does), then PDF through LibreOffice in the background."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

from cwgdraft.core.model import Report


def write_docx(report: Report, path: Path) -> Path:
    from cwgdraft.formats.docx_writer import write_docx as write
    from cwgdraft.formats.render import render

    write(render(report), path)
    return path


def soffice() -> str | None:
    from cwgdraft.formats.pdf import soffice as find

    return find()


class PdfJob(QObject):
    """`soffice --headless --convert-to pdf` in a QProcess: never blocks the window."""

    finished = Signal(str, str)  # pdf path ('' on failure), error message

    def __init__(self, docx: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.docx = docx
        self.pdf = docx.with_suffix(".pdf")
        self.profile = tempfile.mkdtemp(prefix="cwgdraft-lo-")
        self.process = QProcess(self)
        self.process.finished.connect(self._done)
        self.process.errorOccurred.connect(self._error)
        self._reported = False

    def start(self) -> None:
        program = soffice()
        if program is None:
            self._report("", "LibreOffice (soffice) is not installed")
            return
        from cwgdraft.formats import pdf

        # The PDF lays out with the free stand-ins of the fonts the Word file names.
        env = QProcessEnvironment.systemEnvironment()
        env.insert("FONTCONFIG_FILE", str(pdf.write_fontconfig(Path(self.profile))))
        self.process.setProcessEnvironment(env)
        copies = Path(self.profile) / "copies"
        copies.mkdir(exist_ok=True)
        copy = pdf.layout_copy(self.docx, copies)
        command = pdf.command(program, Path(self.profile) / "profile", self.docx.parent, [copy])
        self.process.start(command[0], command[1:])

    def cancel(self) -> None:
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self.process.kill()
            self.process.waitForFinished(2000)

    def _report(self, pdf: str, error: str) -> None:
        if self._reported:
            return
        self._reported = True
        shutil.rmtree(self.profile, ignore_errors=True)
        self.finished.emit(pdf, error)

    def _done(self, code: int, _status: QProcess.ExitStatus) -> None:
        if code == 0 and self.pdf.exists():
            self._report(str(self.pdf), "")
        else:
            err = bytes(self.process.readAllStandardError().data()).decode("utf-8", "replace").strip()
            self._report("", err or f"soffice exited with code {code}")

    def _error(self, _err: QProcess.ProcessError) -> None:
        if self.process.state() == QProcess.ProcessState.NotRunning:
            self._report("", self.process.errorString())
