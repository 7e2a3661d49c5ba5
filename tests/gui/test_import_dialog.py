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
    s = Store.open(tmp_path / "store" / "cwgdraft.db")
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
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(SEED_2016), "")))
    dialog = _dialog(qtbot, store)
    dialog.choose_file()
    assert dialog.path_edit.text() == str(SEED_2016) and dialog.store_button.isEnabled()


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
