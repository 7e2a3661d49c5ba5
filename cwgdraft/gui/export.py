"""Export: the `.docx` through the engine (`render` + `write_docx`, as the
command line does), then PDF through LibreOffice in the background."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from cwgdraft.core.model import Report


def write_docx(report: Report, path: Path, store: Any = None) -> Path:
    """Given the store, the export is recorded as a base (as on the command line):
    `import --replace` of the file then merges instead of overwriting."""
    from cwgdraft.formats.docx_writer import write_docx as write
    from cwgdraft.formats.render import render

    if store is None:
        write(render(report), path)
        return path
    from cwgdraft.core.documents import as_exported
    from cwgdraft.core.files import writable_target, write_atomic
    from cwgdraft.review.exports import recorded_export

    writable_target(path)
    exported = as_exported(report)
    write_atomic(path, recorded_export(store, exported, render(exported)))
    return path


def soffice() -> str | None:
    """LibreOffice, or None (as `formats.pdf.soffice` finds it, without importing the conversion:
    the window asks at start whether PDF export is possible)."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


class PdfJob(QObject):
    """`soffice --headless --convert-to pdf` in a QProcess: never blocks the window.

    The Word file it converts is written to `docx`, in a temporary folder of the job's own;
    the PDF is moved from there to `pdf` (the name the user chose) once LibreOffice is done,
    and the folder removed: no `.docx` beside the PDF, no name made from another."""

    finished = Signal(str, str)  # pdf path ('' on failure or cancel), error message ('' on cancel)

    def __init__(self, pdf: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.target = pdf
        self.work = Path(tempfile.mkdtemp(prefix="cwgdraft-pdf-"))
        self.docx = self.work / f"{pdf.stem or 'report'}.docx"
        self.converted = self.docx.with_suffix(".pdf")
        self.profile = self.work / "profile"
        from PySide6.QtCore import QProcess  # here: the window loads this module at start

        self.process = QProcess(self)
        self.process.finished.connect(self._done)
        self.process.errorOccurred.connect(self._error)
        self._reported = False
        self._cancelled = False

    def start(self) -> None:
        program = soffice()
        if program is None:
            self._report("", "LibreOffice (soffice) is not installed")
            return
        from PySide6.QtCore import QProcessEnvironment

        from cwgdraft.formats import pdf

        # The PDF lays out with the free stand-ins of the fonts the Word file names.
        env = QProcessEnvironment.systemEnvironment()
        env.insert("FONTCONFIG_FILE", str(pdf.write_fontconfig(self.work)))
        self.process.setProcessEnvironment(env)
        copies = self.work / "copies"
        copies.mkdir(exist_ok=True)
        copy = pdf.layout_copy(self.docx, copies)  # same name: the PDF comes out as `converted`
        command = pdf.command(program, self.profile, self.work, [copy])
        self.process.start(command[0], command[1:])

    def running(self) -> bool:
        return not self._reported

    def cancel(self) -> None:
        self._cancelled = True
        if self.process.state() != self.process.ProcessState.NotRunning:
            self.process.kill()
            self.process.waitForFinished(2000)
        self._report("", "")

    def discard(self) -> None:
        """Never started: remove the temporary folder."""
        self._reported = True
        shutil.rmtree(self.work, ignore_errors=True)

    def _report(self, pdf: str, error: str) -> None:
        if self._reported:
            return
        self._reported = True
        shutil.rmtree(self.work, ignore_errors=True)
        self.finished.emit(pdf, error)

    def _done(self, code: int, _status: object) -> None:
        if self._cancelled:
            self._report("", "")
        elif code == 0 and self.converted.exists():
            try:
                shutil.move(str(self.converted), str(self.target))
            except OSError as exc:
                self._report("", f"{self.target}: {exc.strerror or exc}")
                return
            self._report(str(self.target), "")
        else:
            err = bytes(self.process.readAllStandardError().data()).decode("utf-8", "replace").strip()
            self._report("", err or f"soffice exited with code {code}")

    def _error(self, _err: object) -> None:
        if self.process.state() == self.process.ProcessState.NotRunning and not self._cancelled:
            self._report("", self.process.errorString())
