"""Export from the window: the file dialog says what it writes and in the interface's language;
the name the user types is the file written; PDF through LibreOffice runs in the background
with its progress on show; "open it now?" says why when the file cannot be opened."""

from __future__ import annotations

import os
import re
import shutil
import stat
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from cwgdraft.gui import errors
from tests.docx_text import docx_lines
from tests.gui.conftest import ARTIFACTS
from tests.gui.helpers import FileDialogAnswer, settle

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture
def no_check(window: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The check before export is its own subject (test_end_to_end): passed here."""
    monkeypatch.setattr(window, "check_before_export", lambda: True)
    return window


def test_docx_export_writes_the_name_typed_and_remembers_the_folder(
        qtbot: Any, no_check: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = no_check
    out = tmp_path / "exports" / "report.docx"
    out.parent.mkdir()
    opened: list[Path] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(window.opener, "open", lambda path: opened.append(path) or True)
    answer = FileDialogAnswer(str(out.with_suffix("")))  # the user leaves the extension out
    assert window.action_export_docx() == out
    assert answer.title == "تصدير إلى Word" and answer.filters == ["مستند Word (*.docx)"]
    assert out.exists() and docx_lines(out)
    assert opened == [out]
    again = FileDialogAnswer("")
    window.action_export_docx()
    assert again.dialog.directory().absolutePath() == str(out.parent)


@pytest.mark.parametrize("how", ["export_docx", "export_pdf", "open_store", "import"])
def test_file_dialogs_are_in_arabic_and_whole(qtbot: Any, no_check: Any, how: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Every label and button of the dialog in Arabic (no "Look in:", no "Files of type:"), each
    button wide enough for its words; a picture of the dialog in test-artifacts/."""
    window = no_check
    monkeypatch.setattr("cwgdraft.gui.main_window.soffice", lambda: "/usr/bin/soffice")
    answer = FileDialogAnswer("")
    if how == "export_docx":
        window.action_export_docx()
    elif how == "export_pdf":
        window.action_export_pdf()
    elif how == "open_store":
        window.action_open_store()
    else:
        from cwgdraft.gui.import_dialog import ImportDialog

        dialog = ImportDialog(window, window.store)
        qtbot.addWidget(dialog)
        dialog.choose_file()
    assert answer.dialog is not None, "no file dialog was shown"
    english = [text for text in answer.texts if LATIN_WORD.search(text.replace("Word", "").replace("PDF", "")
                                                                    .replace("cwgdraft", ""))]
    assert not english, english
    assert all("&" not in text for text in answer.texts)
    for button in answer.dialog.findChildren(QPushButton):
        if button.isVisible() and button.text():
            metrics = button.fontMetrics()
            assert button.icon().isNull(), f"{button.text()}: an icon beside Arabic words cuts into them"
            assert metrics.horizontalAdvance(button.text()) + 2 * metrics.averageCharWidth() <= button.width(), button.text()


def test_file_dialog_picture(qtbot: Any, no_check: Any, tmp_path: Path) -> None:
    """The export dialog as the user sees it (test-artifacts/file-dialog.png)."""
    from PySide6.QtCore import QTimer

    from cwgdraft.gui.files import file_dialog

    dialog = file_dialog(no_check, "تصدير إلى PDF", tmp_path / "C23-9-A.pdf", ["مستند PDF (*.pdf)"], save=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QTimer.singleShot(0, lambda: None)
    QApplication.processEvents()
    ARTIFACTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "file-dialog.png"))
    dialog.reject()


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_export_writes_the_pdf_named_in_the_background(
        qtbot: Any, no_check: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = no_check
    settle(window)
    status: list[str] = []

    def no(*_args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
        # The user reads the question (a loop of its own, as the real question runs): the status bar
        # says the PDF is written, and stays so.
        loop = QEventLoop()
        QTimer.singleShot(1500, loop.quit)
        loop.exec()
        status.append(window.statusBar().currentMessage())
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    out = tmp_path / "out"
    out.mkdir()
    answer = FileDialogAnswer(str(out / "x.pdf"))
    started = time.perf_counter()
    job = window.action_export_pdf()
    assert job is not None
    assert answer.title == "تصدير إلى PDF" and answer.filters == ["مستند PDF (*.pdf)"]
    # While LibreOffice works: a busy indicator and the seconds so far; the window takes input.
    assert window.progress is not None and window.progress.isVisible()
    assert "PDF" in window.statusBar().currentMessage()
    assert window.isEnabled() and not window.progress.isModal()
    with qtbot.waitSignal(job.finished, timeout=120_000) as blocker:
        pass
    print(f"\nPDF export: {time.perf_counter() - started:.1f} s")
    pdf, error = blocker.args
    assert error == ""
    assert pdf == str(out / "x.pdf")
    assert Path(pdf).read_bytes()[:5] == b"%PDF-"
    assert sorted(p.name for p in out.iterdir()) == ["x.pdf"]  # no x.pdf.docx, no x.pdf.pdf
    assert window.progress is None
    assert not job.work.exists()
    assert status and "x.pdf" in status[0]


def test_pdf_export_cancelled(qtbot: Any, no_check: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cancel in the progress dialog: nothing written, the temporary folder gone, no error."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    window = no_check
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("the PDF was written"))
    before = errors.last_error
    FileDialogAnswer(str(tmp_path / "y"))
    job = window.action_export_pdf()
    assert job is not None
    cancel = window.progress.findChild(QPushButton)
    assert cancel.text() == "إلغاء"
    with qtbot.waitSignal(job.finished, timeout=10_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not (tmp_path / "y.pdf").exists() and not job.work.exists()
    assert window.progress is None and errors.last_error == before


def _error_box() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == "errorDialog" and widget.isVisible():
            return widget
    return None


def test_open_now_without_an_opener_says_why(qtbot: Any, no_check: Any, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    window = no_check
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    FileDialogAnswer(str(tmp_path / "r.docx"))
    assert window.action_export_docx() == tmp_path / "r.docx"
    box = _error_box()
    assert box is not None
    assert "xdg-open" in box.informativeText().replace("\u2060", "") and "r.docx" in box.text()
    box.close()


@pytest.mark.skipif(os.name != "posix", reason="xdg-open is the opener of Linux desktops")
def test_open_now_failing_later_says_why(qtbot: Any, no_check: Any, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The desktop's opener runs and fails (no program for .docx): its own words are shown."""
    window = no_check
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    opener = bin_dir / "xdg-open"
    opener.write_text("#!/bin/sh\necho \"xdg-open: no method available for opening '$1'\" >&2\nexit 3\n",
                      encoding="utf-8")
    opener.chmod(opener.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    FileDialogAnswer(str(tmp_path / "r.docx"))
    assert window.action_export_docx() == tmp_path / "r.docx"
    qtbot.waitUntil(lambda: _error_box() is not None, timeout=10_000)
    box = _error_box()
    assert "no method available" in box.informativeText()
    box.close()
