"""A Word file as PDF, through LibreOffice (`soffice --headless --convert-to pdf`).

The Word file names the organisation's fonts (by default ITU's: Traditional
Arabic, Times New Roman), which Word on Windows has and a Linux machine has
not. Left alone, fontconfig would hand LibreOffice whatever sans-serif face it
likes best, with other widths and other page breaks. The conversion runs
instead under a fontconfig file of its own that includes the system's and maps
each named font to a chosen free face of the same kind: a Naskh for
Traditional Arabic, a face with Times' widths for Times New Roman. Only the
conversion sees the mapping; the Word file keeps the organisation's names.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from cwgdraft.core.errors import CwgError

# Named font -> free stand-ins, best first (Debian fonts-hosny-amiri,
# fonts-liberation2, fonts-noto-core). Amiri: a Naskh like Traditional Arabic,
# with Latin letters, digits, `•`, U+00A0 and U+2011 of its own. Liberation
# Serif: Times New Roman's widths, and `•` and `○` both.
STAND_INS: dict[str, tuple[str, ...]] = {
    "Traditional Arabic": ("Amiri", "Noto Naskh Arabic"),
    "Simplified Arabic": ("Amiri", "Noto Naskh Arabic"),
    "Times New Roman": ("Liberation Serif", "Noto Serif"),
}

SYSTEM_FONTCONFIG = "/etc/fonts/fonts.conf"


def soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def fontconfig_text(stand_ins: dict[str, tuple[str, ...]] = STAND_INS, system: str | None = None) -> str:
    """A fonts.conf that includes the system's and puts each stand-in before its named font."""
    system = system or os.environ.get("FONTCONFIG_FILE") or SYSTEM_FONTCONFIG
    rules = []
    for named, faces in stand_ins.items():
        prefer = "".join(f"<string>{escape(face)}</string>" for face in faces)
        rules.append(
            '  <match target="pattern">\n'
            f'    <test name="family" qual="any"><string>{escape(named)}</string></test>\n'
            f'    <edit name="family" mode="prepend" binding="strong">{prefer}</edit>\n'
            "  </match>\n"
        )
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        f'  <include ignore_missing="yes">{escape(system)}</include>\n' + "".join(rules) + "</fontconfig>\n"
    )


def write_fontconfig(folder: Path) -> Path:
    """fonts.conf for the conversion, written into `folder`."""
    path = folder / "fonts.conf"
    path.write_text(fontconfig_text(), encoding="utf-8")
    return path


def environment(folder: Path) -> dict[str, str]:
    """The environment for a conversion: this process's, with the fontconfig file in `folder`."""
    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = str(write_fontconfig(folder))
    return env


def command(program: str, profile: Path, outdir: Path, docx: Sequence[Path]) -> list[str]:
    """The soffice command line: a private profile (parallel runs do not clash)."""
    return [
        program,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *(str(p) for p in docx),
    ]


def convert(docx: Sequence[Path], outdir: Path, timeout: float = 300) -> list[Path]:
    """Convert Word files to PDF in `outdir` in one LibreOffice run; the PDFs' paths."""
    program = soffice()
    if program is None:
        raise CwgError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="cwgdraft-lo-") as tmp:
        folder = Path(tmp)
        run = subprocess.run(
            command(program, folder / "profile", outdir, docx),
            env=environment(folder),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    pdfs = [outdir / (Path(p).stem + ".pdf") for p in docx]
    missing = [p for p in pdfs if not p.is_file()]
    if run.returncode != 0 or missing:
        err = run.stderr.decode("utf-8", "replace").strip().splitlines()
        raise CwgError(
            f"{missing[0] if missing else outdir}: LibreOffice made no PDF ({err[-1] if err else run.returncode})"
        )
    return pdfs
