"""The page view: the report's pages as LibreOffice lays them out, from the PDF
of the current export, refreshed in the background (typing never waits);
zoom with Ctrl+wheel, Ctrl++ and Ctrl+− and fit to the width (Ctrl+0); print
with Ctrl+P.

The export is written in the window's thread (a few tens of milliseconds);
LibreOffice (`PdfJob`) and `pdftoppm` run as processes of their own. An edit
made while they work asks for one more round when they are done.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QProcess, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QShortcut, QWheelEvent
from PySide6.QtWidgets import QLabel, QLayout, QScrollArea, QVBoxLayout, QWidget

from cwgdraft.core.model import Report
from cwgdraft.gui.i18n import t

RESOLUTION = 110  # dots per inch of the page images: sharp at 100 %, small enough to draw fast
ZOOMS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0)
REFRESH_MS = 1500  # quiet time after an edit before the pages are made again


class PageView(QScrollArea):
    """Page images, one under the other, at a zoom."""

    refreshed = Signal(int)  # pages shown
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self.setWidgetResizable(False)  # the pages set the size; the view scrolls
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.images: list[QImage] = []
        self.zoom = 1.0
        self.fit = True  # the zoom follows the width
        self.report: Report | None = None
        self.status = QLabel(t("تظهر هنا الصفحات كما يخرجها LibreOffice."))
        self._box = QWidget()
        self._box.setStyleSheet("background: #e6e6e6;")
        self._layout = QVBoxLayout(self._box)
        self._layout.setSpacing(12)
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # the box is as big as its pages
        self._layout.addWidget(self.status, 0, Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self._box)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._job = None
        self._work: Path | None = None
        self._again = False
        self._raster = QProcess(self)
        self._raster.finished.connect(self._rastered)
        for keys, action in (
            (QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1)),
            (QKeySequence("Ctrl+0"), self.fit_width),
            (QKeySequence.StandardKey.Print, self.print_pages),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    # --- the pages -------------------------------------------------------------------
    def schedule(self, report: Report | None) -> None:
        """The report changed: pages again once the typing pauses."""
        self.report = report
        self._timer.start()

    def busy(self) -> bool:
        return self._job is not None or self._raster.state() != QProcess.ProcessState.NotRunning

    def refresh(self) -> None:
        """Export the report and have LibreOffice lay it out, in the background."""
        self._timer.stop()
        if self.report is None:
            return
        if self.busy():
            self._again = True
            return
        from cwgdraft.gui.export import PdfJob, write_docx

        self._clean()
        self._work = Path(tempfile.mkdtemp(prefix="cwgdraft-pages-"))
        job = PdfJob(self._work / "pages.pdf", self)
        try:
            write_docx(self.report, job.docx)
        except Exception as exc:  # a broken template: said in the view, typing goes on
            from cwgdraft.gui.errors import describe

            job.discard()
            self._failed(describe(exc))
            return
        self._job = job
        job.finished.connect(self._converted)
        self.status.setText(t("تُعدّ الصفحات…"))
        job.start()

    def _converted(self, pdf: str, error: str) -> None:
        self._job = None
        if not pdf:
            self._failed(error or t("لم تُعدّ الصفحات."))
            return
        program = shutil.which("pdftoppm")
        if program is None or self._work is None:
            self._failed("pdftoppm (poppler-utils) is not installed")
            return
        self._raster.start(program, ["-png", "-r", str(RESOLUTION), pdf, str(self._work / "page")])

    def _rastered(self, code: int, _status: QProcess.ExitStatus) -> None:
        if code != 0 or self._work is None:
            self._failed(t("لم تُعدّ الصفحات."))
            return
        pages = sorted(self._work.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        self.images = [QImage(str(p)) for p in pages]
        self._clean()
        self._show()
        self.refreshed.emit(len(self.images))
        self._next()

    def _failed(self, message: str) -> None:
        self.status.setText(message)
        self.status.show()
        self.failed.emit(message)
        self._next()

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    def stop(self) -> None:
        """No more pages: LibreOffice and pdftoppm stopped, their folder removed."""
        self._timer.stop()
        self._again = False
        job, self._job = self._job, None
        if job is not None:
            job.finished.disconnect(self._converted)
            job.cancel()
        if self._raster.state() != QProcess.ProcessState.NotRunning:
            self._raster.kill()
            self._raster.waitForFinished(2000)
        self._clean()

    def _clean(self) -> None:
        if self._work is not None and self._job is None:
            shutil.rmtree(self._work, ignore_errors=True)
            self._work = None

    # --- zoom ---------------------------------------------------------------------------
    def _show(self) -> None:
        while self._layout.count() > 1:
            item = self._layout.takeAt(1)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.status.setVisible(not self.images)
        if self.fit and self.images:
            room = self.viewport().width() - self.verticalScrollBar().sizeHint().width() - 40
            self.zoom = max(0.2, room / self.images[0].width()) if room > 0 else 1.0
        for image in self.images:
            label = QLabel()
            pixmap = QPixmap.fromImage(image).scaledToWidth(
                max(1, int(image.width() * self.zoom)), Qt.TransformationMode.SmoothTransformation
            )
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.size())  # a whole page, never squeezed to the view
            label.setStyleSheet("border: 1px solid #b0b0b0; background: white;")
            self._layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)

    def set_zoom(self, zoom: float) -> None:
        self.fit = False
        self.zoom = min(max(zoom, ZOOMS[0]), ZOOMS[-1])
        self._show()

    def step_zoom(self, steps: int) -> None:
        bigger = [z for z in ZOOMS if z > self.zoom + 1e-6]
        smaller = [z for z in ZOOMS if z < self.zoom - 1e-6]
        if steps > 0:
            self.set_zoom(bigger[0] if bigger else ZOOMS[-1])
        else:
            self.set_zoom(smaller[-1] if smaller else ZOOMS[0])

    def fit_width(self) -> None:
        self.fit = True
        self._show()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.step_zoom(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.fit and self.images:
            self._show()

    # --- print --------------------------------------------------------------------------
    def print_to(self, printer: object) -> int:
        """Each page on a sheet of its own, fitted to it; how many were printed."""
        painter = QPainter()
        if not self.images or not painter.begin(printer):  # type: ignore[arg-type]
            return 0
        try:
            for i, image in enumerate(self.images):
                if i:
                    printer.newPage()  # type: ignore[attr-defined]
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(area.x(), area.y(), size.width(), size.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(area)
        finally:
            painter.end()
        return len(self.images)

    def print_pages(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if not self.images:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(t("طباعة الصفحات"))
        if dialog.exec():
            self.print_to(printer)
