"""The Import… dialog: shows what was found before anything is stored."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import Any

import pytest

from cwgdraft.core.store import Store

REPO = Path(__file__).resolve().parent.parent.parent
SEED_2016 = REPO.parent / "shared" / "seeds" / "001_0c53b99f94563cb2.txt"


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "store" / "cwgdraft.db", create_folders=True)
    try:
        yield s
    finally:
        s.close()


def _dialog(qtbot: Any, store: Store) -> Any:
    from cwgdraft.gui.import_dialog import ImportDialog

    dialog = ImportDialog(None, store)
    qtbot.addWidget(dialog)
    return dialog


def test_shows_fields_and_outline_before_storing(qapp: Any, qtbot: Any, store: Store) -> None:
    if not SEED_2016.is_file():
        pytest.skip("the seeds are not beside the repository")
    from PySide6.QtCore import Qt

    dialog = _dialog(qtbot, store)
    assert not dialog.store_button.isEnabled()
    assert dialog.load(SEED_2016)
    values = [dialog.fields.item(r, 1).text() for r in range(dialog.fields.rowCount())]
    assert any("الدكتور شريف هاشم" in v for v in values)
    assert any(v.startswith("12 (2016-10-10), 13 (2017-02-02)") for v in values)
    assert dialog.outline.count() == 6 and "المناقشات" in dialog.outline.item(4).text()
    assert dialog.unplaced.count() == 0
    assert store.list_reports() == []  # nothing stored yet
    assert dialog.store_button.isEnabled()
    qtbot.mouseClick(dialog.store_button, Qt.MouseButton.LeftButton)
    assert dialog.stored_id is not None
    assert [s.id for s in store.list_reports()] == [dialog.stored_id]
    assert store.get(dialog.stored_id).signature.name == "شريف هاشم"


def test_lists_what_could_not_be_placed(qapp: Any, qtbot: Any, store: Store, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "تقرير من رئيس الفريق\n\nموضوع التقرير\n\nسطر لا مكان له\n\nملخص\nنص الملخص.\nالإجراء المطلوب\n"
        "يُرجى من المجلس الإحاطة علماً بهذا التقرير.\n_________\nالمراجع\nالقرار 1306\n"
        "1\tمقدمة\n1.1\tنص الفقرة الأولى.\n"
        "الدكتور شريف هاشم (جمهورية مصر العربية)\nرئيس الفريق\n___________\nسطر بعد الخط\n",
        encoding="utf-8",
    )
    dialog = _dialog(qtbot, store)
    assert dialog.load(path)
    items = [dialog.unplaced.item(i).text() for i in range(dialog.unplaced.count())]
    assert any("سطر لا مكان له" in x for x in items) and any("سطر بعد الخط" in x for x in items)
    assert "(2)" in dialog.tabs.tabText(2)
    assert store.list_reports() == []


def test_hostile_file_shows_its_error_and_cannot_be_stored(qapp: Any, qtbot: Any, store: Store, tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"not a zip at all")
    dialog = _dialog(qtbot, store)
    assert not dialog.load(path)
    assert "not a zip archive" in dialog.status.text()
    assert not dialog.store_button.isEnabled()
    assert dialog.fields.rowCount() == 0
    dialog.store_result()
    assert store.list_reports() == []


def test_choose_file_uses_the_file_dialog(qapp: Any, qtbot: Any, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    if not SEED_2016.is_file():
        pytest.skip("the seeds are not beside the repository")
    from tests.gui.helpers import FileDialogAnswer

    dialog = _dialog(qtbot, store)
    answer = FileDialogAnswer(str(SEED_2016))
    dialog.choose_file()
    assert answer.title == "استيراد تقرير"
    assert dialog.path_edit.text() == str(SEED_2016)
    qtbot.waitUntil(dialog.store_button.isEnabled, timeout=10_000)  # read off the window's thread


def test_import_from_the_main_window_opens_the_stored_report(
    qapp: Any, qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not SEED_2016.is_file():
        pytest.skip("the seeds are not beside the repository")
    from cwgdraft.gui.import_dialog import ImportDialog

    def run(dialog: ImportDialog) -> int:  # what the user does: pick the file, look, press Store
        assert dialog.load(SEED_2016)
        assert window.store.list_reports()[0].id != "" and len(window.store.list_reports()) == 1
        dialog.store_result()
        return dialog.result()

    monkeypatch.setattr(ImportDialog, "exec", run)
    window.import_action.trigger()
    reports = window.store.list_reports()
    assert len(reports) == 2
    assert window.session is not None and window.session.report.signature.name == "شريف هاشم"


def _found(dialog: Any) -> dict[str, str]:
    return {dialog.fields.item(r, 0).text(): dialog.fields.item(r, 1).text() for r in range(dialog.fields.rowCount())}


def test_what_was_found_is_said_in_arabic(qapp: Any, qtbot: Any, store: Store, tmp_path: Path) -> None:
    """The importer writes some findings in English; the Arabic dialog says them in Arabic."""
    from cwgdraft.gui.export import write_docx
    from tests.gui.conftest import sample_2022

    report = sample_2022()
    path = write_docx(report, tmp_path / "r.docx")
    dialog = _dialog(qtbot, store)
    assert dialog.load(path)
    found = _found(dialog)
    assert found["ترقيم الفقرات"] == "الفقرة ثم القسم (1.2، كما في 2022)"
    assert found["المساهمات"] == f"{len(dialog.imported.report.contributions)} من قائمة الوثائق"
    assert found["الاجتماعات"].startswith("18 (2022-01-12); عبر الإنترنت")
    outline = [dialog.outline.item(i).text() for i in range(dialog.outline.count())]
    assert outline and all("untitled" not in x and "numbered" not in x for x in outline)
    assert outline[0].startswith("1  ") and "مرقمة" in outline[0]


def test_importer_notes_in_the_interface_language(qapp: Any, english: None) -> None:
    from cwgdraft.gui.import_dialog import note_text

    assert note_text("3 comment(s) left out") == "3 comment(s) left out"
    assert note_text("paragraph 2.3 is renumbered 1.3") == "paragraph 2.3 is renumbered 1.3"


def test_importer_notes_in_arabic(qapp: Any) -> None:
    from cwgdraft.gui.import_dialog import note_text

    assert note_text("3 comment(s) left out") == "تُرك 3 من التعليقات"
    assert note_text("paragraph 2.3 is renumbered 1.3") == "أعيد ترقيم الفقرة 2.3 إلى 1.3"
    assert note_text("section 4 is section 3 in order: it is numbered 3") == "القسم 4 هو القسم 3 في الترتيب: رُقّم 3"
    assert note_text("something new") == "something new"  # a note not known here is shown as it is


def test_what_was_found_is_said_in_english(qapp: Any, qtbot: Any, store: Store, tmp_path: Path,
                                           english: None) -> None:
    from cwgdraft.gui.export import write_docx
    from tests.gui.conftest import sample_2022

    path = write_docx(sample_2022(), tmp_path / "r.docx")
    dialog = _dialog(qtbot, store)
    assert dialog.load(path)
    found = _found(dialog)
    assert found["Paragraph numbering"] == "Paragraph then section (1.2, as in 2022)"
    assert found["Meetings"].startswith("18 (2022-01-12); Online")
    assert dialog.fields.columnWidth(0) >= dialog.fields.fontMetrics().horizontalAdvance("Paragraph numbering")


def _ilvl_not_a_number(tmp_path: Path) -> Path:
    from tests.importer.test_hostile_bounds import _docx, _list

    body, numbering = _list("decimal", "1", ilvl="abc")
    return _docx(tmp_path / "ilvl.docx", body, numbering)


def test_a_file_is_read_off_the_window_thread_and_can_be_stopped(
    qapp: Any, qtbot: Any, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from cwgdraft.gui import import_dialog

    release = threading.Event()
    reader_threads: list[str] = []
    real_import = import_dialog.import_file

    def slow_import(path: Any) -> Any:  # a reader that takes its time, as a big file does
        reader_threads.append(threading.current_thread().name)
        release.wait(10)
        return real_import(path)

    monkeypatch.setattr(import_dialog, "import_file", slow_import)
    path = _ilvl_not_a_number(tmp_path)
    dialog = _dialog(qtbot, store)
    dialog.load_in_background(path)
    qtbot.waitUntil(lambda: bool(reader_threads), timeout=5_000)
    assert reader_threads == ["cwgdraft-import"]  # not the window's thread
    assert not dialog.progress.isHidden() and not dialog.stop_button.isHidden()
    assert not dialog.choose_button.isEnabled() and not dialog.store_button.isEnabled()
    from PySide6.QtCore import Qt

    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    assert dialog.progress.isHidden() and dialog.choose_button.isEnabled()
    release.set()
    qtbot.wait(300)  # the abandoned reader finishes: its result is dropped
    assert dialog.imported is None and not dialog.store_button.isEnabled()
    assert store.list_reports() == []
    # read again, to the end: the list whose level is not a number is read
    dialog.load_in_background(path)
    qtbot.waitUntil(dialog.store_button.isEnabled, timeout=10_000)
    assert dialog.imported is not None and dialog.progress.isHidden()


def test_an_unexpected_reader_error_is_shown_not_raised(
    qapp: Any, qtbot: Any, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cwgdraft.gui import import_dialog

    def broken(path: Any) -> Any:
        raise ValueError("invalid literal for int() with base 10: 'abc'")

    monkeypatch.setattr(import_dialog, "import_file", broken)
    dialog = _dialog(qtbot, store)
    assert not dialog.load(_ilvl_not_a_number(tmp_path))
    assert "ValueError" in dialog.status.text() and not dialog.store_button.isEnabled()
    dialog.load_in_background(_ilvl_not_a_number(tmp_path))
    qtbot.waitUntil(lambda: "ValueError" in dialog.status.text(), timeout=5_000)
