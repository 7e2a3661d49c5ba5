"""The page view: the pages LibreOffice lays out from the current export, made
in the background, zoomed, printed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from cwgdraft.gui.page_view import ZOOMS, PageView

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None, reason="LibreOffice, poppler"),
]


def test_pages_come_in_the_background_zoom_and_print(qtbot: Any, window: Any, tmp_path: Path) -> None:
    page_window = window.show_pages()
    view: PageView = page_window.view
    assert view.busy()  # LibreOffice works in its own process: the window goes on
    with qtbot.waitSignal(view.refreshed, timeout=120_000) as done:
        pass
    pages = done.args[0]
    assert pages >= 2 and len(view.images) == pages
    assert view.images[0].width() < view.images[0].height()  # A4, upright
    # Zoom: Ctrl++ from the fitted width steps to the next zoom up; Ctrl+0 fits again.
    view.set_zoom(1.0)
    QTest.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == ZOOMS[ZOOMS.index(1.0) + 1] and not view.fit
    view.step_zoom(-1)
    assert view.zoom == 1.0
    view.fit_width()
    assert view.fit
    # Print: every page, to a PDF printer.
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert view.print_to(printer) == pages
    import subprocess

    info = subprocess.run(["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True, text=True, check=True).stdout
    assert re.search(rf"^Pages:\s+{pages}$", info, re.MULTILINE), info


def test_closing_the_window_stops_libreoffice(qtbot: Any, window: Any) -> None:
    view: PageView = window.show_pages().view
    assert view.busy()
    work = view._work
    assert work is not None and work.exists()
    window.close()
    assert not view.busy() and not work.exists()


def test_the_live_preview_zooms_too(qtbot: Any, window: Any) -> None:
    preview = window.preview
    preview.setFocus()
    size = preview.font().pointSizeF()
    QTest.keyClick(preview, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(preview, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom_steps == 2 and preview.font().pointSizeF() > size
    QTest.keyClick(preview, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom_steps == 0 and preview.font().pointSizeF() == size
