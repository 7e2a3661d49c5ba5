"""Start the desktop app: `cwgdraft gui` or `cwgdraft-gui`.

    cwgdraft-gui [--db PATH] [--report REPORT] [--lang ar|en] [--screenshot FILE.png]

Arabic and right to left by default; English when chosen in the settings
(or `--lang en`). Amiri (from `fontpkg-amiri`) is registered at start and
used as the application font. `--screenshot` saves the main window once the
report is loaded and drawn, then quits (for documentation and checks).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cwgdraft.core.paths import REPO_ROOT

STARTED = time.perf_counter()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="cwgdraft-gui", description="cwgdraft desktop app")
    p.add_argument("--db", metavar="PATH", help="the store file (default: the user's data folder)")
    p.add_argument("--report", metavar="REPORT", help="open this report (id or document symbol)")
    p.add_argument("--lang", choices=("ar", "en"), help="language of the interface (default: the settings, else ar)")
    p.add_argument("--screenshot", metavar="FILE.png", help="save the main window to FILE.png once loaded, then quit")
    return p.parse_args(argv)


def register_fonts() -> str | None:
    """Register Amiri's TTFs with Qt; return the family name, or None if unavailable."""
    from PySide6.QtGui import QFontDatabase

    try:
        import fontpkg_amiri
    except ImportError:
        return None
    family = None
    for name in ("Amiri-Regular.ttf", "Amiri-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(Path(fontpkg_amiri.ROOT) / "files" / name))
        if font_id >= 0 and family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    return family


def make_app(lang: str | None = None, argv: list[str] | None = None) -> tuple[object, str]:
    """The QApplication (created once), with fonts, language and direction set."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from cwgdraft.gui import i18n

    QCoreApplication.setOrganizationName("cwgdraft")
    QCoreApplication.setApplicationName("cwgdraft")
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    if lang is None:
        lang = str(QSettings().value("language", "ar"))
    if lang not in i18n.LANGUAGES:
        lang = "ar"
    family = register_fonts()
    if family:
        font = QFont(family)
        font.setPointSizeF(11)
        app.setFont(font)
    app.setLayoutDirection(i18n.install(app, lang))
    app.setProperty("cwgdraft_lang", lang)
    app.setApplicationDisplayName("cwgdraft")
    # The desktop entry (packaging/cwgdraft.desktop) and the window icon.
    app.setDesktopFileName("cwgdraft")
    icon = REPO_ROOT / "resources" / "icons" / "cwgdraft.png"
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    return app, lang


# When cycle collection resumes after the start (the window drawn and previewed long before).
GC_AFTER_START_MS = 2000


def _say_when_drawn(window: Any) -> None:
    """`drawn_at EPOCH` on stderr when the window is first painted (benchmarks)."""
    from PySide6.QtCore import QEvent, QObject

    class Watch(QObject):
        def eventFilter(self, obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(f"drawn_at {time.time():.6f}", file=sys.stderr, flush=True)
                obj.removeEventFilter(self)
            return False

    watch = Watch(window)
    window.installEventFilter(watch)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    # No cycle collection while the app starts: what it builds lives as long
    # as the app, and scanning it again and again delays the first window.
    collecting = gc.isenabled()
    gc.disable()

    def resume() -> None:
        if collecting:
            gc.enable()

    try:
        return _run(args, resume)
    finally:
        resume()


def _run(args: argparse.Namespace, resume_collection: Callable[[], None]) -> int:
    app, _lang = make_app(args.lang)

    from PySide6.QtCore import QTimer

    from cwgdraft.core.store import Store
    from cwgdraft.gui.dialogs import describe, detail, install_excepthook
    from cwgdraft.gui.main_window import MainWindow, remember_store

    try:
        store = Store.open(args.db)
    except Exception as exc:
        print(f"cwgdraft-gui: {detail(exc)}", file=sys.stderr)  # the command line's line
        if not args.screenshot:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, "cwgdraft", describe(exc))
        return 1
    install_excepthook()
    window = MainWindow(store)
    remember_store(window.settings, store.path)
    window._fill_recent()
    ref = args.report or (str(window.settings.value("last_report", "")) or None)
    opened = False
    if ref:
        if args.report:
            opened = window.open_report(ref)
        else:
            try:
                opened = window.open_report(store.resolve(ref))
            except Exception:
                opened = False
    if not opened:
        reports = store.list_reports()
        if reports:
            window.open_report(reports[0].id)
    if args.screenshot:
        # Reproducible pictures: the default size and splitters, whatever the
        # user's saved layout (which the screenshot run does not change).
        window.keep_layout = False
        window.resize(1360, 820)
        window.splitter.setSizes([260, 560, 540])
    if os.environ.get("CWGDRAFT_TIMING"):
        _say_when_drawn(window)
    window.show()
    QTimer.singleShot(GC_AFTER_START_MS, resume_collection)

    if args.screenshot:
        target = Path(args.screenshot)

        waited = [0]

        def shoot() -> None:
            # The window as a user first sees it is drawn first; the preview follows it.
            if not window.drawn and waited[0] < 50:
                waited[0] += 1
                QTimer.singleShot(5, shoot)
                return
            window.flush()
            app.processEvents()  # type: ignore[attr-defined]  # the status bar laid out for its new text
            target.parent.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(target))
            if os.environ.get("CWGDRAFT_TIMING"):
                print(f"startup_ms {(time.perf_counter() - STARTED) * 1000:.0f}", file=sys.stderr)
            window.close()
            app.quit()  # type: ignore[attr-defined]

        QTimer.singleShot(0, shoot)
    code = app.exec()  # type: ignore[attr-defined]
    try:
        store.close()
    except Exception:
        pass
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
