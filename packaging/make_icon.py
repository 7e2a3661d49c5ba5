"""Render the app icon from its SVG: `python packaging/make_icon.py`.

Writes `resources/icons/cwgdraft.png` (256 px) beside `cwgdraft.svg`; with
`--ico`, also `cwgdraft.ico` for a Windows build (not kept in git). Uses QtSvg, which
PySide6-Essentials ships; runs without a display (`QT_QPA_PLATFORM=offscreen`).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(svg: Path, size: int) -> object:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=ICONS / "cwgdraft.svg")
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--out", type=Path, default=None, help="PNG to write (default: beside the SVG)")
    parser.add_argument("--ico", action="store_true", help="also write cwgdraft.ico beside the SVG (Windows)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImageWriter

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs it alive
    png = args.out or args.svg.with_suffix(".png")
    image = render(args.svg, args.size)
    if not image.save(str(png), "PNG"):  # type: ignore[attr-defined]
        raise SystemExit(f"{png}: cannot write")
    print(png)
    if args.ico:
        if b"ico" not in [bytes(f) for f in QImageWriter.supportedImageFormats()]:
            raise SystemExit("this Qt has no ICO writer: let PyInstaller convert the PNG (needs Pillow)")
        ico = args.svg.with_suffix(".ico")
        if not render(args.svg, 256).save(str(ico), "ICO"):  # type: ignore[attr-defined]
            raise SystemExit(f"{ico}: cannot write")
        print(ico)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
