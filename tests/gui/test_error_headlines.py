"""Core errors in the interface: a headline in the interface's language by the error's class, and
below it the error's own line (the command line's, English), held left to right."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QMessageBox

from cwgdraft.core.errors import BadInput, CwgError, FormatError, NotFound, StoreBusy, StoreError, TemplateError
from cwgdraft.core.store import Store
from cwgdraft.gui.errors import describe, detail, headline
from tests.gui.conftest import make_window

LRE, PDF = "\u202a", "\u202c"


def _raise(action: Callable[[], Any]) -> CwgError:
    try:
        action()
    except CwgError as exc:
        return exc
    raise AssertionError("no error")


def _format_error(tmp: Path) -> CwgError:
    from cwgdraft.core import portable

    path = tmp / "report.json"
    path.write_text("[1, 2]", encoding="utf-8")
    return _raise(lambda: portable.read_file(path))


def _store_error(tmp: Path) -> CwgError:
    path = tmp / "not-a-store.db"
    path.write_text("just some text, not SQLite\n" * 40, encoding="utf-8")
    return _raise(lambda: Store.open(path).list_reports())


def _template_error(tmp: Path) -> CwgError:
    from cwgdraft.formats.render import load_template

    return _raise(lambda: load_template(tmp / "ours.docx"))


def _not_found(tmp: Path) -> CwgError:
    store = Store.open(tmp / "s.db")
    try:
        return _raise(lambda: store.resolve("C99/1"))
    finally:
        store.close()


def _import_error(tmp: Path) -> CwgError:
    from cwgdraft.importer import import_file

    path = tmp / "report.docx"
    path.write_bytes(b"not a zip at all")
    return _raise(lambda: import_file(path))


def _bad_input(_tmp: Path) -> CwgError:
    try:
        raise BadInput("meeting 0: a number from 1 to 99")
    except BadInput as exc:
        return exc


def _busy(_tmp: Path) -> CwgError:
    try:
        raise StoreBusy("/data/cwgdraft.db: locked by another program")
    except StoreBusy as exc:
        return exc


# error maker, its class, Arabic headline, English headline
CASES = [
    (_format_error, FormatError, "الملف ليس تقريراً يمكن قراءته", "The file is not a report that can be read"),
    (_store_error, StoreError, "تعذّر فتح المخزن", "Could not open the store"),
    (_template_error, TemplateError, "القالب غير صالح", "The template cannot be used"),
    (_not_found, NotFound, "لا يوجد تقرير أو ملف بهذا الاسم", "No report or file by that name"),
    (_import_error, BadInput, "لا يمكن استيراد هذا الملف", "This file cannot be imported"),
    (_bad_input, BadInput, "لا يمكن استخدام ما أُعطي", "What was given cannot be used"),
    (_busy, StoreBusy, "المخزن مشغول: يستخدمه برنامج آخر. أعد المحاولة بعد قليل",
     "The store is busy: another program is using it. Try again in a moment"),
]
IDS = ["format", "store", "template", "not-found", "import", "bad-input", "busy"]


@pytest.mark.parametrize(("make", "kind", "ar_head", "en_head"), CASES, ids=IDS)
def test_arabic_headline_by_class(qapp: Any, tmp_path: Path, make: Any, kind: type, ar_head: str,
                                  en_head: str) -> None:
    exc = make(tmp_path)
    assert type(exc) is kind
    line = str(exc)
    assert line and "\n" not in line
    assert headline(exc) == ar_head
    assert detail(exc) == line
    assert describe(exc) == f"{ar_head}\n{LRE}{line}{PDF}"


@pytest.mark.parametrize(("make", "kind", "ar_head", "en_head"), CASES, ids=IDS)
def test_english_headline_by_class(qapp: Any, tmp_path: Path, english: None, make: Any, kind: type,
                                   ar_head: str, en_head: str) -> None:
    exc = make(tmp_path)
    assert headline(exc) == en_head
    assert describe(exc) == f"{en_head}\n{LRE}{exc}{PDF}"


def test_headlines_are_distinct() -> None:
    assert len({c[2] for c in CASES}) == len(CASES) and len({c[3] for c in CASES}) == len(CASES)


def test_detail_line_reads_left_to_right_in_arabic(qapp: Any, tmp_path: Path) -> None:
    """In a right-to-left paragraph the path keeps its leading / at the left, the sentence after it."""
    exc = _store_error(tmp_path)
    line = describe(exc).split("\n")[1]
    layout = QTextLayout(line, QApplication.font())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    text_line = layout.createLine()
    text_line.setLineWidth(10000)
    layout.endLayout()

    def x(part: str) -> float:  # the cursor just after the first character of `part`
        return float(text_line.cursorToX(line.index(part) + 1)[0])

    # Unheld, the leading / would sit at the right end, after the sentence.
    assert x("/") < x("not-a-store") < x("SQLite") < x("cwgdraft store")


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()]


def _close_boxes() -> None:
    for box in _boxes():
        box.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_opening_a_file_that_is_not_a_store(qtbot: Any, sample_store: Any, tmp_path: Path, lang: str) -> None:
    from tests.gui.conftest import set_language

    store, report_id = sample_store
    window = make_window(qtbot, store, report_id, tmp_path, lang=lang)
    try:
        bad = tmp_path / "not-a-store.db"
        bad.write_text("just some text, not SQLite\n" * 40, encoding="utf-8")
        _close_boxes()
        assert window.open_store(bad) is False
        box = _boxes()[-1]
        line = str(_store_error(tmp_path))
        # The headline is what failed (said once), the store's own line below it.
        assert box.text() == ("تعذّر فتح المخزن" if lang == "ar" else "Could not open the store")
        assert box.informativeText() == f"{LRE}{line}{PDF}"
        assert window.store is store
    finally:
        _close_boxes()
        set_language("ar")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_export_with_a_broken_template(qtbot: Any, sample_store: Any, tmp_path: Path, lang: str,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from cwgdraft.formats.render import load_template
    from cwgdraft.gui import window_export
    from tests.gui.conftest import set_language

    store, report_id = sample_store
    window = make_window(qtbot, store, report_id, tmp_path, lang=lang)
    missing = tmp_path / "ours.docx"
    monkeypatch.setattr(window_export, "write_docx", lambda report, path, store=None: load_template(missing))
    try:
        _close_boxes()
        assert window.export_docx_to(tmp_path / "r.docx") is None
        box = _boxes()[-1]
        head = "القالب غير صالح" if lang == "ar" else "The template cannot be used"
        assert box.informativeText() == f"{head}\n{LRE}{missing}: no such file{PDF}"
        assert box.text() == ("تعذر التصدير إلى Word" if lang == "ar" else "Could not export to Word")
    finally:
        _close_boxes()
        set_language("ar")


def test_import_dialog_says_why_a_file_cannot_be_imported(qtbot: Any, qapp: Any, tmp_path: Path) -> None:
    from cwgdraft.gui.import_dialog import ImportDialog

    path = tmp_path / "report.docx"
    path.write_bytes(b"not a zip at all")
    store = Store.open(tmp_path / "s.db")
    try:
        dialog = ImportDialog(None, store)
        qtbot.addWidget(dialog)
        assert not dialog.load(path)
        head, line = dialog.status.text().split("\n")
        assert head == "لا يمكن استيراد هذا الملف"
        assert line.startswith(f"{LRE}{path}: ") and "not a zip archive" in line and line.endswith(PDF)
    finally:
        store.close()


def test_a_failed_save_says_why(qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The autosave's error keeps its class: the dialog has its headline."""
    from cwgdraft.gui.commands import SetValue

    def refuse(_report: Any, *_args: Any, **_kwargs: Any) -> None:
        raise StoreError(f"{window.store.path}: cannot write the store (disk I/O error)")

    monkeypatch.setattr(window.store, "save", refuse)
    _close_boxes()
    window.session.push(SetValue(window.session, ("report",), "symbol", "C22/7-B", "symbol"))
    assert window.session.save_now() is False
    box = _boxes()[-1]
    assert box.informativeText().split("\n") == ["تعذّر فتح المخزن",
                                                  f"{LRE}{window.store.path}: cannot write the store (disk I/O error){PDF}"]
    _close_boxes()
    monkeypatch.undo()
