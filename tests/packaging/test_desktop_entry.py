"""The Linux desktop entry and the icon: well formed, and pointing at what exists."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import tomllib
from pathlib import Path
from xml.etree import ElementTree

REPO = Path(__file__).resolve().parent.parent.parent
DESKTOP = REPO / "packaging" / "cwgdraft.desktop"
ICONS = REPO / "resources" / "icons"


def entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_names_and_command() -> None:
    e = entry()
    assert e["Type"] == "Application"
    assert e["Name"] and e["Name[ar]"] and e["Comment[ar]"]
    assert any("\u0600" <= ch <= "\u06ff" for ch in e["Name[ar]"])
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["gui-scripts"]
    assert e["Exec"].split()[0] in scripts  # `cwgdraft-gui`, what pip installs and the README links
    assert e["Icon"] == "cwgdraft" and (ICONS / "cwgdraft.svg").is_file() and (ICONS / "cwgdraft.png").is_file()
    assert e["Terminal"] == "false"


def test_desktop_entry_validates() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        import pytest

        pytest.skip("desktop-file-validate (Debian: desktop-file-utils) is not installed")
    done = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_icon_svg_and_png() -> None:
    root = ElementTree.parse(ICONS / "cwgdraft.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"
    data = (ICONS / "cwgdraft.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])  # IHDR
    assert (width, height) == (256, 256)


def test_make_icon_renders_the_svg(tmp_path: Path) -> None:
    import os
    import sys

    out = tmp_path / "icon.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "make_icon.py"), "--out", str(out), "--size", "64"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert struct.unpack(">II", data[16:24]) == (64, 64)
