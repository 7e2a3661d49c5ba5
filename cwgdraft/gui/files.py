"""Choosing files and opening them.

The file dialogs are Qt's own (not the platform's), with every label in the language of the
interface: Qt's Arabic translation misses some of them ("Look in:", "Files of type:") and
splits a word at its shortcut mark ("ا&حفظ"). A file the user asks to open is opened by the
desktop's opener; when that fails, the reason is said in a dialog, not only in a log.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QUrl
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from cwgdraft.gui.i18n import N_, ltr, t


def file_dialog(parent: QWidget | None, title: str, start: Path, filters: list[str], save: bool) -> QFileDialog:
    """Qt's file dialog, every label translated; `start` a folder, or a file name in one."""
    dialog = QFileDialog(parent, title)
    dialog.setObjectName("fileDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setNameFilters(filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn, t("المجلد:"))
    dialog.setLabelText(QFileDialog.DialogLabel.FileName, t("اسم الملف:"))
    dialog.setLabelText(QFileDialog.DialogLabel.FileType, t("نوع الملف:"))
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, t("حفظ") if save else t("فتح"))
    dialog.setLabelText(QFileDialog.DialogLabel.Reject, t("إلغاء"))
    for button in dialog.findChildren(QPushButton):
        # Words only: beside an icon, Arabic letters that reach beyond their advance (Amiri's
        # hamza in «إلغاء») run into it; and room for the words with a margin.
        button.setIcon(QIcon())
        metrics = button.fontMetrics()
        button.setMinimumWidth(max(button.sizeHint().width(),
                                   metrics.horizontalAdvance(button.text()) + 4 * metrics.averageCharWidth()))
    if start.is_dir():
        dialog.setDirectory(str(start))
    else:
        dialog.setDirectory(str(start.parent if start.parent.is_dir() else Path.home()))
        dialog.selectFile(start.name)
    return dialog


def ask_save_path(parent: QWidget | None, title: str, start: Path, filter_label: str, suffix: str) -> Path | None:
    """A file to write, ending in `suffix` (added when the name has another or none, before
    the dialog asks whether to replace an existing file, so the question is about the real name)."""
    dialog = file_dialog(parent, title, start, [filter_label], save=True)
    dialog.setDefaultSuffix(suffix.lstrip("."))
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    path = dialog.selectedFiles()[0]
    if not path.lower().endswith(suffix.lower()):
        path += suffix
    return Path(path)


def ask_open_path(parent: QWidget | None, title: str, start: Path, filters: list[str]) -> Path | None:
    """An existing file to read."""
    dialog = file_dialog(parent, title, start, filters, save=False)
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


# xdg-open's exit statuses (xdg-utils): what each means for the user.
XDG_OPEN_STATUS = {
    1: N_("خطأ في استدعاء xdg-open"),
    2: N_("الملف غير موجود"),
    3: N_("لا يوجد برنامج مثبّت لفتح هذا النوع من الملفات"),
    4: N_("أخفق البرنامج الذي يفتح هذا النوع من الملفات"),
}


class FileOpener(QObject):
    """Opens a file in the program the desktop chooses for it. On Linux `xdg-open` runs in the
    background and its complaint, if it fails, is shown; elsewhere Qt asks the system."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent
        self.process: QProcess | None = None
        self.path: Path | None = None

    def open(self, path: Path) -> bool:
        """False when it failed at once (and the reason is on show); a late failure is shown when it comes."""
        self.path = path
        if not path.exists():
            return self._failed(t("الملف غير موجود"))
        if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
            program = shutil.which("xdg-open")
            if program is None:
                return self._failed(t("لا يوجد برنامج لفتح الملفات (xdg-open غير مثبت)"))
            self.process = QProcess(self)
            self.process.finished.connect(self._finished)
            self.process.errorOccurred.connect(self._error)
            self.process.start(program, [str(path)])
            return True
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return self._failed(t("لا يوجد برنامج مثبّت لفتح هذا النوع من الملفات"))
        return True

    def _finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        if code == 0 or self.process is None:
            return
        said = bytes(self.process.readAllStandardError().data()).decode("utf-8", "replace").strip()
        known = XDG_OPEN_STATUS.get(code)
        reason = said.splitlines()[-1] if said else (t(known) if known else f"xdg-open: {code}")
        self._failed(reason)

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self.process is not None:
            self._failed(self.process.errorString())

    def _failed(self, reason: str) -> bool:
        from cwgdraft.gui.errors import show_error

        name = ltr(str(self.path)) if self.path else ""
        reason = reason.replace("xdg-open", "xdg-\u2060open")  # a word joiner: the name is not wrapped at its hyphen
        show_error(self.window, t("تعذر فتح الملف %1").replace("%1", name), reason)
        return False

