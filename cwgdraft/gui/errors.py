"""Errors said to the user: a headline in the language of the interface by the error's
class, the error's own line below it, a dialog naming the cause; and the hook that makes
every uncaught error such a dialog (its traceback on stderr only)."""

from __future__ import annotations

import errno
import sys
import traceback
from types import TracebackType
from typing import TYPE_CHECKING

from cwgdraft.core.errors import BadInput, CwgError, FormatError, NotFound, StoreBusy, StoreError, TemplateError
from cwgdraft.gui.i18n import N_, ltr, t

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget


# The system's words for the usual file errors are English: said in the interface's language.
OS_ERRORS = {
    errno.ENOENT: N_("لا يوجد ملف أو مجلد بهذا الاسم"),
    errno.EACCES: N_("لا إذن بالوصول إليه"),
    errno.EPERM: N_("العملية غير مسموح بها"),
    errno.ENOSPC: N_("لا مساحة كافية على القرص"),
    errno.EROFS: N_("القرص للقراءة فقط"),
    errno.EISDIR: N_("هذا مجلد لا ملف"),
    errno.ENOTDIR: N_("جزء من المسار ليس مجلداً"),
    errno.EEXIST: N_("الملف موجود من قبل"),
}


# A core error's message is the command line's: one English line that says what is wrong and where.
# The interface puts a headline in its own language above it, by the error's class (the most specific
# class first), and keeps that line below it as it is, held left to right (it names paths and ids).
HEADLINES: list[tuple[type[BaseException], str]] = [
    (StoreBusy, N_("المخزن مشغول: يستخدمه برنامج آخر. أعد المحاولة بعد قليل")),
    (StoreError, N_("تعذّر فتح المخزن")),
    (FormatError, N_("الملف ليس تقريراً يمكن قراءته")),
    (TemplateError, N_("القالب غير صالح")),
    (NotFound, N_("لا يوجد تقرير أو ملف بهذا الاسم")),
    (BadInput, N_("لا يمكن استخدام ما أُعطي")),
    (CwgError, N_("تعذّرت العملية")),
]
# The importer says what is wrong with a file as BadInput: a file that cannot be imported.
IMPORT_HEADLINE = N_("لا يمكن استيراد هذا الملف")
IMPORTER = "cwgdraft.importer"

LRE, PDF = "\u202a", "\u202c"


def ltr_line(text: str) -> str:
    """A whole line of English held left to right inside Arabic (an embedding, so a report's Arabic
    name inside it keeps its place)."""
    return f"{LRE}{text}{PDF}" if text else ""


def _raised_in(exc: BaseException, module: str) -> bool:
    tb = exc.__traceback__
    while tb is not None:
        name = str(tb.tb_frame.f_globals.get("__name__", ""))
        if name == module or name.startswith(module + "."):
            return True
        tb = tb.tb_next
    return False


def headline(exc: BaseException) -> str:
    """What went wrong, in the language of the interface, by the error's class; "" for an error
    that is not one of cwgdraft's (a file error is already said in the interface's language)."""
    if type(exc) is BadInput and _raised_in(exc, IMPORTER):
        return t(IMPORT_HEADLINE)
    for kind, text in HEADLINES:
        if isinstance(exc, kind):
            return t(text)
    return ""


def detail(exc: BaseException) -> str:
    """The error's own line, as the command line says it (English for cwgdraft's errors)."""
    return str(exc).strip() or exc.__class__.__name__


def describe(exc: BaseException) -> str:
    """The cause, without a traceback: for cwgdraft's errors a headline in the language of the
    interface, and below it the error's own line held left to right; a file error in one line."""
    if isinstance(exc, CwgError):
        return f"{headline(exc)}\n{ltr_line(detail(exc))}"
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{ltr(str(exc.filename))}: " if exc.filename else ""
        cause = OS_ERRORS.get(exc.errno or 0)
        return f"{where}{t(cause) if cause else exc.strerror}"
    text = str(exc) or exc.__class__.__name__
    return f"{exc.__class__.__name__}: {text}"


last_error = ""  # the last error shown, for tests and the status bar


def show_error(parent: QWidget | None, what: str, exc: BaseException | str) -> QMessageBox:
    """A dialog naming the cause. Opened without a nested event loop (`open`),
    so it never blocks the code that failed, nor a test."""
    global last_error
    message = exc if isinstance(exc, str) else describe(exc)
    if isinstance(exc, CwgError) and _same_words(headline(exc), what):
        message = ltr_line(detail(exc))  # «تعذر فتح المخزن» once, not twice
    last_error = f"{what}: {message}"
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, t("خطأ"), what, QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(message)
    box.setObjectName("errorDialog")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _same_words(a: str, b: str) -> bool:
    def fold(text: str) -> str:
        return "".join(ch for ch in text if ch not in "\u0651\u064b\u064e\u064f\u0650\u0652").strip(" .:")

    return fold(a) == fold(b)


def install_excepthook() -> None:
    """Every uncaught error becomes a dialog naming the cause; the traceback goes to stderr only."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        from PySide6.QtWidgets import QApplication

        traceback.print_exception(kind, exc, tb, file=sys.stderr)
        if kind is KeyboardInterrupt:
            QApplication.quit()
            return
        parent = QApplication.activeWindow()
        try:
            show_error(parent, t("حدث خطأ غير متوقع"), exc)
        except Exception:  # never let the hook itself fail
            pass

    sys.excepthook = hook
