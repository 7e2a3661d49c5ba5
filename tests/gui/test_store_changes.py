"""The open report and other programs: a `load --replace` meanwhile is never undone by
the window; a delete is asked for, goes to the trash and comes back (Ctrl+Z, the trash dialog)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from cwgdraft.core import portable
from cwgdraft.core.model import Paragraph
from tests.gui.conftest import REPO
from tests.gui.helpers import settle, stored, type_words


def cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CWGDRAFT_") or k == "CWGDRAFT_TEMPLATE_CACHE"}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run([sys.executable, "-m", "cwgdraft", "--db", str(db), *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, cwd=REPO, timeout=120)


def bigger_version(window: Any, tmp_path: Path, paragraphs: int = 312) -> tuple[Path, int]:
    """The open report with many more paragraphs, as a portable file (same id)."""
    report = portable.loads(portable.dumps(window.report))
    section = report.sections[-1]
    section.paragraphs += [Paragraph(f"فقرة مضافة رقم {i} (CWG-COP/{i}) انظر https://www.itu.int/cop/{i}")
                           for i in range(paragraphs - len(report.all_paragraphs()))]
    path = tmp_path / "bigger.json"
    path.write_text(portable.dumps(report), encoding="utf-8")
    return path, len(report.all_paragraphs())


def test_typing_after_a_load_replace_keeps_the_stored_report(window: Any, tmp_path: Path) -> None:
    store = window.store
    report_id = window.report.id
    old_count = len(window.report.all_paragraphs())
    path, count = bigger_version(window, tmp_path)
    assert count == 312 > old_count
    done = cli("load", "--replace", str(path), db=store.path)
    assert done.returncode == 0, done.stderr
    window.go_to("front")
    summary = window.front.fields[("report", "summary")].content_edit
    summary.moveCursor(summary.textCursor().MoveOperation.End)
    type_words(summary, " أُضيفت جملة (CWG-COP 2022).")
    settle(window)
    # The store keeps the bigger report, with the typed words made again on it.
    kept = store.get(report_id)
    assert len(kept.all_paragraphs()) == 312
    assert kept.summary.endswith("أُضيفت جملة (CWG-COP 2022).")
    # The window shows what is stored, and says what happened.
    assert len(window.report.all_paragraphs()) == 312
    assert stored(store, report_id) == portable.dumps(window.report)
    assert window.front.fields[("report", "summary")].value() == kept.summary
    notice = window.notice_label.text()
    assert "برنامج آخر" in notice and "أُعيد تطبيق" in notice, notice
    assert window.notice_label.isVisible()
    window.grab().save(str(tmp_path / "reloaded.png"))
    # Later edits go on from the stored version, without another notice.
    type_words(summary, " ثم أخرى")
    settle(window)
    assert store.get(report_id).summary.endswith("ثم أخرى")
    assert len(store.get(report_id).all_paragraphs()) == 312


def test_an_edit_that_clashes_is_not_written_over_the_other_program(window: Any, tmp_path: Path) -> None:
    store = window.store
    report_id = window.report.id
    theirs = store.get(report_id)
    theirs.summary = "ملخص كتبه برنامج آخر (import --replace)"
    path = tmp_path / "theirs.json"
    path.write_text(portable.dumps(theirs), encoding="utf-8")
    assert cli("load", "--replace", str(path), db=store.path).returncode == 0
    window.go_to("front")
    type_words(window.front.fields[("report", "summary")].content_edit, "ملخص النافذة")
    settle(window)
    assert store.get(report_id).summary == "ملخص كتبه برنامج آخر (import --replace)"
    assert window.report.summary == "ملخص كتبه برنامج آخر (import --replace)"
    assert "لم يُطبَّق" in window.notice_label.text()


def test_a_report_deleted_by_another_program_is_not_written_back(window: Any, tmp_path: Path) -> None:
    store = window.store
    report_id = window.report.id
    assert cli("delete", report_id, db=store.path).returncode == 0
    window.go_to("front")
    type_words(window.front.fields[("report", "summary")].content_edit, "بعد الحذف")
    settle(window)
    assert not store.has(report_id)
    assert window.session is None
    assert "سلة المحذوفات" in window.notice_label.text()
    assert [e.report_id for e in store.trash()] == [report_id]


def _answer(name: str, button_text: str) -> None:
    """Click `button_text` in the modal box `name` once it shows."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() != name:
            QTimer.singleShot(20, click)
            return
        assert isinstance(box, QMessageBox)
        next(b for b in box.buttons() if b.text() == button_text).click()
    QTimer.singleShot(0, click)


def test_delete_asks_then_ctrl_z_restores_exactly(window: Any, qtbot: Any) -> None:
    store = window.store
    report_id = window.report.id
    before = stored(store, report_id)
    _answer("confirmDelete", "إلغاء")
    assert window.delete_report() is False
    assert store.has(report_id)
    _answer("confirmDelete", "حذف")
    assert window.delete_report() is True
    assert not store.has(report_id)
    assert report_id not in [s.id for s in store.list_reports()]
    assert window.session is None
    assert "سلة المحذوفات" in window.notice_label.text()
    assert window.undo_action.isEnabled()
    assert QKeySequence(QKeySequence.StandardKey.Undo) in window.undo_action.shortcuts()
    window.undo_action.trigger()
    assert store.has(report_id)
    assert stored(store, report_id) == before
    assert window.report is not None and window.report.id == report_id
    assert store.trash() == []


def test_delete_from_the_report_list_and_restore_from_the_trash(window: Any, tmp_path: Path) -> None:
    store = window.store
    report_id = window.report.id
    before = stored(store, report_id)
    menu = window.navigator.report_menu(report_id)
    delete = next(a for a in menu.actions() if a.text() == "حذف التقرير…")
    _answer("confirmDelete", "حذف")
    delete.trigger()
    assert not store.has(report_id)
    dialog = window.show_trash()
    assert dialog.entries.topLevelItemCount() == 1
    assert dialog.entries.topLevelItem(0).text(1) == store.trash()[0].symbol
    dialog.grab().save(str(tmp_path / "trash.png"))
    assert dialog.restore_selected()
    assert stored(store, report_id) == before
    assert dialog.entries.topLevelItemCount() == 0
    assert dialog.empty_label.isVisibleTo(dialog)
    assert window.report.id == report_id
    settle(window)
