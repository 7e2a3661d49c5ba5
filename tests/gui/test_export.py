"""Export: the .docx through the menu action remembers its folder; PDF
through LibreOffice runs in the background with a progress dialog."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.docx_text import docx_lines
from tests.gui.helpers import settle


def test_docx_export_remembers_the_folder(qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    out = tmp_path / "exports" / "report.docx"
    out.parent.mkdir()
    asked: list[str] = []

    def save_name(_parent: Any, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return str(out.with_suffix("")), "*.docx"  # the user left the extension out

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    opened: list[Any] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr("cwgdraft.gui.main_window.QDesktopServices.openUrl", lambda url: opened.append(url))
    monkeypatch.setattr(window, "check_before_export", lambda: True)
    assert window.action_export_docx() == out
    assert out.exists() and docx_lines(out)
    assert opened and opened[0].toLocalFile() == str(out)
    window.action_export_docx()
    assert asked[-1].startswith(str(out.parent))


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_in_the_background(qtbot: Any, window: Any, tmp_path: Path) -> None:
    settle(window)
    docx = window.export_docx_to(tmp_path / "r.docx")
    assert docx is not None
    job = window.start_pdf(docx)
    assert window.progress is not None  # the progress dialog is there while LibreOffice works
    with qtbot.waitSignal(job.finished, timeout=120_000) as blocker:
        pass
    pdf, error = blocker.args
    assert error == ""
    assert Path(pdf).exists() and Path(pdf).read_bytes()[:5] == b"%PDF-"
    assert window.progress is None
