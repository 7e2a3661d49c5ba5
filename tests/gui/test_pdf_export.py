"""Export to PDF from the app: LibreOffice in the background, with the PDF path's fonts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from cwgdraft.gui.export import write_docx
from tests.gui.conftest import sample_2022

pytestmark = [
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
    pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils (pdffonts) is not installed"),
]


def test_pdf_job_lays_out_with_the_stand_in_fonts(qapp: Any, qtbot: Any, tmp_path: Path) -> None:
    from cwgdraft.formats.pdf import STAND_INS
    from cwgdraft.formats.reference import FONTS
    from cwgdraft.gui.export import PdfJob

    target = tmp_path / "report.pdf"
    job = PdfJob(target)
    write_docx(sample_2022(), job.docx)
    with qtbot.waitSignal(job.finished, timeout=120_000) as signal:
        job.start()
    pdf, error = signal.args
    assert error == "" and Path(pdf) == target and Path(pdf).is_file()
    fonts = subprocess.run(["pdffonts", pdf], check=True, capture_output=True, text=True).stdout
    assert STAND_INS[FONTS[1]][0].replace(" ", "") in fonts
    assert not Path(job.profile).exists()  # the private profile and the copy are gone
    text = subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True, text=True).stdout
    assert "'" not in text
