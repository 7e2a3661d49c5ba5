"""A Word file as PDF, through LibreOffice (`soffice --headless --convert-to pdf`).

The Word file names the organisation's fonts (by default ITU's: Traditional
Arabic, Times New Roman), which Word on Windows has and a Linux machine has
not. Left alone, fontconfig would hand LibreOffice whatever sans-serif face it
likes best, with other widths and other page breaks. The conversion runs
instead under a fontconfig file of its own that includes the system's and maps
each named font to a chosen free face of the same kind: a Naskh for
Traditional Arabic, a face with Times' widths for Times New Roman. Only the
conversion sees the mapping; the Word file keeps the organisation's names.

LibreOffice 7.4 also lays out a no-break hyphen (U+2011, `CWG‑COP`) inside a
left-to-right word that ends a right-to-left line over the words before it,
and breaks lines at a no-break space inside a left-to-right word group
(`Trend Micro`). The conversion reads a copy of the Word file in which, in
left-to-right runs, each no-break hyphen is a hyphen and a word joiner
(U+2060: the same glyph, no line break on either side, and a PDF whose text
says `CWG-COP`) and each no-break space a narrow one (U+202F), which it keeps.
The Word file keeps what the user typed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import zipfile
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


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_STORY = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")
# In left-to-right runs: a no-break hyphen as a hyphen and a word joiner, a
# no-break space as a narrow one. Right-to-left runs keep theirs: LibreOffice
# lays those out well (`كوفيد‑19`), and Amiri has no narrow no-break space.
_FOR_LAYOUT = str.maketrans({"\u2011": "-\u2060", "\u00a0": "\u202f"})


def _ltr_runs_for_layout(data: bytes) -> bytes:
    """The part with the no-break hyphens and spaces of its left-to-right runs replaced."""
    from lxml import etree

    if "\u2011".encode() not in data and "\u00a0".encode() not in data and b"noBreakHyphen" not in data:
        return data
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=True))
    for r in root.iter(_W + "r"):
        if r.find(f"{_W}rPr/{_W}rtl") is not None:
            continue
        for child in list(r):
            if child.tag == _W + "t" and child.text:
                child.text = child.text.translate(_FOR_LAYOUT)
            elif child.tag == _W + "noBreakHyphen":
                child.tag = _W + "t"
                child.text = "-\u2060"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def layout_copy(docx: Path, folder: Path) -> Path:
    """The copy of a Word file that LibreOffice lays out, in `folder`, under the same name."""
    target = folder / Path(docx).name
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if _STORY.fullmatch(info.filename):
                data = _ltr_runs_for_layout(data)
            dst.writestr(info, data)
    return target


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
        copies = folder / "copies"
        copies.mkdir()
        run = subprocess.run(
            command(program, folder / "profile", outdir, [layout_copy(Path(p), copies) for p in docx]),
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
