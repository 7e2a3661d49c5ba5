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
    """Amiri for the interface: the system's when it has it (Linux packages it; the app
    then skips reading its own copy, a few milliseconds of the start), else the copy
    that comes with the app registered with Qt. The family name, or None if neither."""
    from PySide6.QtGui import QFontDatabase

    if QFontDatabase.hasFamily("Amiri") and "Bold" in QFontDatabase.styles("Amiri"):
        return "Amiri"
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


def set_app_icon(app: Any) -> None:
    """The windows' icon (the desktop entry's, packaging/cwgdraft.desktop)."""
    icon = REPO_ROOT / "resources" / "icons" / "cwgdraft.png"
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))


def make_app(lang: str | None = None, argv: list[str] | None = None, icon: bool = True) -> tuple[object, str]:
    """The QApplication (created once), with fonts, language and direction set, and the
    windows' icon unless not `icon` (the start sets it once the window is drawn)."""
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
    app.setDesktopFileName("cwgdraft")  # the desktop entry: packaging/cwgdraft.desktop
    if icon:
        set_app_icon(app)
    return app, lang


# The window's modules that do not use Qt (the store, the model, the rendering of the
# preview and the outline), imported before PySide6 is, so that `_no_feature_scan`
# enters them in PySide6's table: else PySide6 reads the source of each of them.
# Jinja is not among them: the standard wording the window shows at start comes from
# the snippets kept in the cache folder (`render.standard_content`); the preview,
# rendered once the window is drawn, loads it.
QT_FREE_AT_START = (
    "cwgdraft.core.store",
    "cwgdraft.core.facts",
    "cwgdraft.core.merge",
    "cwgdraft.formats.render",
    "cwgdraft.formats.html_writer",
    "cwgdraft.drafting.standard",
)


# When cycle collection resumes after the start (the window drawn and previewed long before).
GC_AFTER_START_MS = 2000


def _import_before_qt() -> None:
    from importlib import import_module

    if "PySide6" in sys.modules:  # a test, or a second window: nothing to win
        return
    for name in QT_FREE_AT_START:
        try:
            import_module(name)
        except ImportError:  # said where it is used, as without this
            pass


def _no_feature_scan() -> None:
    """Tell PySide6 up front what it would read every module's source to learn.

    Once loaded, PySide6 looks at each module an import statement names for the
    first time, reading its whole source to see whether it uses PySide6 (a
    module that does may select `__feature__`s such as `snake_case`): some 130
    modules, a tenth of the start. cwgdraft selects no feature, and a module
    without one behaves the same whatever it is marked, so the modules loaded
    so far are entered in PySide6's table as its own look would find them (by
    name: the app's windows and Qt use PySide6; the rest does not). Modules
    loaded later are looked at as before."""
    table = getattr(sys.modules.get("__feature__"), "pyside_feature_dict", None)
    if not isinstance(table, dict):  # another PySide6: it looks, as it always did
        return
    uses_pyside = ("cwgdraft.gui", "PySide6", "shiboken6", "__main__")
    for name in list(sys.modules):
        table.setdefault(name, 0 if name.startswith(uses_pyside) else -1)
    # The app's own modules and the Qt modules it loads later use PySide6: entered now too.
    for name in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"):
        table.setdefault(name, 0)
    here = os.path.dirname(__file__)
    if not os.path.isdir(here):  # a built app: the modules are in its archive, looked at as they load
        return
    for folder, prefix in ((here, "cwgdraft.gui"), *((os.path.join(here, sub), f"cwgdraft.gui.{sub}")
                                                      for sub in os.listdir(here) if "." not in sub)):
        if not os.path.isdir(folder):
            continue
        for name in os.listdir(folder):
            if name.endswith(".py"):
                table.setdefault(f"{prefix}.{name[:-3]}".removesuffix(".__init__"), 0)


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


# Platforms that draw without a display server (Qt's names, as in QT_QPA_PLATFORM).
HEADLESS_PLATFORMS = ("offscreen", "minimal", "minimalegl", "linuxfb", "eglfs", "vnc", "vkkhrdisplay")


def display_problem(environ: dict[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """Why Qt will find no display, before it aborts the process saying so: None when it may.

    On Linux and the BSDs Qt draws on X11 (DISPLAY) or Wayland (WAYLAND_DISPLAY) unless
    QT_QPA_PLATFORM names a platform that needs neither."""
    env = os.environ if environ is None else environ
    if platform.startswith(("win", "darwin", "cygwin")):
        return None
    wanted = [name.split(":")[0].strip() for name in env.get("QT_QPA_PLATFORM", "").split(";") if name.strip()]
    if any(name in HEADLESS_PLATFORMS for name in wanted):
        return None
    if env.get("WAYLAND_DISPLAY") and (not wanted or any(name.startswith("wayland") for name in wanted)):
        return None
    display = env.get("DISPLAY", "")
    if display and (not wanted or "xcb" in wanted):
        return _x_display_problem(display)
    return ("no display found: the desktop app needs a graphical session (DISPLAY or WAYLAND_DISPLAY "
            "is not set; QT_QPA_PLATFORM=offscreen draws without one)")


def _x_display_problem(display: str) -> str | None:
    """A local X display (`:N`) whose socket is missing is not there; others are left to Qt."""
    import re

    match = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
    if match is None or not Path("/tmp/.X11-unix").is_dir():
        return None
    if Path(f"/tmp/.X11-unix/X{match.group(1)}").exists():
        return None
    return f"no display found: nothing answers on DISPLAY {display}"


# Formats Qt writes a window's picture in, by the file's suffix.
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".ppm")


def screenshot_target(text: str) -> Path:
    """The path `--screenshot` names, if a picture can be written there; else BadInput saying why."""
    from cwgdraft.core.errors import BadInput

    path = Path(text)
    if path.is_dir():
        raise BadInput(f"{path}: is a folder; the screenshot needs a file name (FILE.png)")
    if path.suffix.lower() not in PICTURE_SUFFIXES:
        raise BadInput(f"{path}: a screenshot is a picture: end the name with {', '.join(PICTURE_SUFFIXES)}")
    folder = path.parent
    if not folder.exists():
        raise BadInput(f"{path}: folder {folder} does not exist")
    if not folder.is_dir():
        raise BadInput(f"{path}: {folder} is not a folder")
    if path.exists() and not path.is_file():
        raise BadInput(f"{path}: not a regular file")
    existed = path.exists()
    try:
        with path.open("ab"):  # can it be written? (permissions, a read-only or special file system)
            pass
    except OSError as exc:
        raise BadInput(f"{path}: cannot be written ({exc.strerror or exc})") from exc
    if not existed:
        path.unlink(missing_ok=True)
    return path


class _QtMessages:
    """Qt's messages while the app runs. A fatal one at start (a display that refuses us) becomes
    our one line and exit 1 instead of Qt's lines and an abort; those of the start are held until
    then; what the offscreen platform says of every window (it cannot raise or resize one) is dropped."""

    OFFSCREEN_NOISE = ("does not support propagateSizeHints", "does not support raise",
                       "does not support grabbing")

    def __init__(self, prog: str) -> None:
        self.prog = prog
        self.held: list[str] | None = []

    def __call__(self, kind: object, context: object, message: str) -> None:
        from PySide6.QtCore import QtMsgType

        if kind == QtMsgType.QtFatalMsg and self.held is not None:
            display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or ""
            where = f" {display}" if display else ""
            sys.stderr.write(f"{self.prog}: no display found: cannot connect to the display{where}\n")
            sys.stderr.flush()
            os._exit(1)
        if any(noise in message for noise in self.OFFSCREEN_NOISE):
            return
        category = getattr(context, "category", "") or ""
        line = f"{category}: {message}" if category and category != "default" else message
        if self.held is not None:
            self.held.append(line)
        else:
            sys.stderr.write(line + "\n")

    def started(self) -> None:
        for line in self.held or []:
            sys.stderr.write(line + "\n")
        self.held = None


def run(argv: list[str] | None = None, prog: str = "cwgdraft") -> int:
    """The app, start to end. What cannot work raises `CwgError` (its one line for the caller
    to print) before a window is made: no display, a report that is not there or not one,
    a screenshot that cannot be written."""
    # No cycle collection while the app starts, from its first import on: what it
    # loads and builds lives as long as the app, and scanning it again and again
    # (some 30 times while the modules and PySide6 load) delays the first window.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _start(argv, prog)
    finally:
        if collecting:
            gc.enable()


def _start(argv: list[str] | None, prog: str) -> int:
    from cwgdraft.core.errors import CwgError

    args = parse_args(sys.argv[1:] if argv is None else argv)
    problem = display_problem()
    if problem:
        raise CwgError(problem)
    shot = screenshot_target(args.screenshot) if args.screenshot else None
    _import_before_qt()

    from PySide6.QtCore import qInstallMessageHandler

    _no_feature_scan()
    messages = _QtMessages(prog)
    previous = qInstallMessageHandler(messages)
    try:
        return _run(args, shot, messages)
    finally:
        qInstallMessageHandler(previous)


def _run(args: argparse.Namespace, shot: Path | None, messages: _QtMessages) -> int:
    from cwgdraft.core.errors import CwgError

    app, _lang = make_app(args.lang, icon=False)  # the icon once the window is drawn (`_show`)
    messages.started()

    from cwgdraft.core.store import Store
    from cwgdraft.gui.errors import describe, detail

    try:
        store = Store.open(args.db)
    except Exception as exc:
        if not shot:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, "cwgdraft", describe(exc))
        raise CwgError(detail(exc)) from exc
    try:
        return _show(app, store, args.report, shot)
    finally:
        try:
            store.close()
        except Exception:
            pass


def _show(app: Any, store: Any, report: str | None, shot: Path | None) -> int:
    """The window on `report` (else the last one, else the first); with `shot`, its picture, then quit."""
    from PySide6.QtCore import QTimer

    from cwgdraft.core.errors import CwgError
    from cwgdraft.gui.errors import install_excepthook
    from cwgdraft.gui.main_window import MainWindow, remember_store

    read = store.get_with_version(report) if report else None  # not there, or not one: the caller's line
    install_excepthook()
    window = MainWindow(store)

    def remember() -> None:  # once the window is drawn: see `MainWindow.remember`
        remember_store(window.settings, store.path)
        window._fill_recent()

    window.after_drawn(remember)
    if read is not None:
        window.open_read(*read)
        opened = True
    else:
        last = str(window.settings.value("last_report", "")) or None
        try:
            opened = bool(last) and window.open_report(store.resolve(last))
        except Exception:
            opened = False
    if not opened:
        reports = store.list_reports()
        if reports:
            window.open_report(reports[0].id)
    if shot is not None:
        # Reproducible pictures: the default size and splitters, whatever the
        # user's saved layout (which the screenshot run does not change).
        window.keep_layout = False
        window.resize(1360, 820)
        window.splitter.setSizes([260, 560, 540])
    if os.environ.get("CWGDRAFT_TIMING"):
        _say_when_drawn(window)
    # Not in the first picture (the window's frame is the desktop's): loaded once it is drawn.
    window.after_drawn(lambda: set_app_icon(app))
    window.show()
    QTimer.singleShot(GC_AFTER_START_MS, gc.enable)

    written: list[bool] = []
    if shot is not None:
        waited = [0]

        def take() -> None:
            # The window as a user first sees it is drawn first; the preview follows it.
            if not window.drawn and waited[0] < 50:
                waited[0] += 1
                QTimer.singleShot(5, take)
                return
            window.flush()
            app.processEvents()  # the status bar laid out for its new text
            written.append(window.grab().save(str(shot)))
            if os.environ.get("CWGDRAFT_TIMING"):
                print(f"startup_ms {(time.perf_counter() - STARTED) * 1000:.0f}", file=sys.stderr)
            window.close()
            app.quit()

        QTimer.singleShot(0, take)
    code = int(app.exec())
    if shot is not None and not all(written or [False]):
        raise CwgError(f"{shot}: the screenshot could not be written")
    return code


def main(argv: list[str] | None = None) -> int:
    """`cwgdraft-gui`: the app; what stops it is one line on stderr and the exit status."""
    from cwgdraft.core.errors import CwgError

    try:
        return run(argv, prog="cwgdraft-gui")
    except CwgError as exc:
        print(f"cwgdraft-gui: {exc}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":
    raise SystemExit(main())
