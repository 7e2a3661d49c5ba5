"""Import… of a Word file exported from a report that is in the store (a reviewer's copy): the
dialog names that report and offers what `cwgdraft import` offers: update it from the file, add
the file as a new report, or cancel."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtCore import Qt

from cwgdraft.core import portable
from cwgdraft.core.store import Store
from cwgdraft.formats.docx_writer import write_docx
from cwgdraft.formats.render import render
from cwgdraft.gui.commands import SetValue
from tests.gui.helpers import stored

ADDED = " وأضاف المراجع هذه الجملة."
KEPT = ("meetings", "people", "contributions", "opening_remarks")  # what a Word file does not carry


def reviewed_copy(store: Store, report_id: str, tmp_path: Path) -> tuple[Path, str]:
    """The stored report exported to Word, then one paragraph edited in the copy with python-docx
    (a sentence added to its last run; its bookmark stays). Returns the file and that paragraph's id."""
    report = store.get(report_id)
    path = tmp_path / "reviewed.docx"
    write_docx(render(report), path)
    paragraph = report.sections[1].paragraphs[0]
    mark = "cwg_" + paragraph.id.replace("-", "")
    document = docx.Document(str(path))
    for para in document.paragraphs:
        if any(b.get(docx.oxml.ns.qn("w:name")) == mark for b in para._p.iter(docx.oxml.ns.qn("w:bookmarkStart"))):
            last = [run for run in para.runs if run.text.strip()][-1]
            last.text = last.text + ADDED
            break
    else:
        raise AssertionError(f"no paragraph with the bookmark {mark}")
    document.save(str(path))
    return path, paragraph.id


def parts(store: Store, report_id: str) -> dict[str, Any]:
    return dict(json.loads(stored(store, report_id))["report"])


def _dialog(qtbot: Any, store: Store) -> Any:
    from cwgdraft.gui.import_dialog import ImportDialog

    dialog = ImportDialog(None, store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _conflict_offered(dialog: Any, report_id: str) -> None:
    from cwgdraft.gui.import_dialog import report_name

    assert dialog.owner_id == report_id
    name = report_name(dialog.store.get(report_id))
    assert "الاجتماع الثامن عشر" in name  # the sample has no symbol: its meeting and date name it
    assert dialog.conflict.isVisible()
    assert dialog.conflict.text().startswith(f"هذا الملف مُصدَّر من تقرير موجود في المخزن: {name}.")
    assert dialog.replace_button.isVisible() and dialog.new_button.isVisible() and dialog.cancel_button.isVisible()
    assert not dialog.store_button.isVisible()
    assert "already belongs" not in dialog.status.text()


def test_replace_updates_the_stored_report_and_keeps_what_word_does_not_carry(
    qapp: Any, qtbot: Any, sample_store: tuple[Store, str], tmp_path: Path
) -> None:
    store, report_id = sample_store
    path, paragraph_id = reviewed_copy(store, report_id, tmp_path)
    before = parts(store, report_id)
    old_text = store.get(report_id).paragraph(paragraph_id).text
    dialog = _dialog(qtbot, store)
    assert dialog.load(path)
    _conflict_offered(dialog, report_id)
    assert parts(store, report_id) == before  # nothing stored before the choice
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1 and dialog.stored_id == report_id and dialog.outcome == "replace"
    assert [s.id for s in store.list_reports()] == [report_id]
    after = store.get(report_id)
    text = after.paragraph(paragraph_id).text
    assert text != old_text and text.endswith(ADDED.strip())
    now = parts(store, report_id)
    for key in KEPT:
        assert now[key] == before[key], key
    assert before["contributions"] and before["meetings"] and before["opening_remarks"]


def test_new_adds_a_second_report_with_new_ids(
    qapp: Any, qtbot: Any, sample_store: tuple[Store, str], tmp_path: Path
) -> None:
    store, report_id = sample_store
    path, paragraph_id = reviewed_copy(store, report_id, tmp_path)
    before = stored(store, report_id)
    dialog = _dialog(qtbot, store)
    assert dialog.load(path)
    _conflict_offered(dialog, report_id)
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1 and dialog.outcome == "copy"
    ids = {s.id for s in store.list_reports()}
    assert ids == {report_id, dialog.stored_id} and dialog.stored_id != report_id
    assert stored(store, report_id) == before  # the stored report is not touched
    original, copy = store.get(report_id), store.get(dialog.stored_id)
    old_ids = {p.id for p in original.all_paragraphs()} | {s.id for s in original.sections}
    new_ids = {p.id for p in copy.all_paragraphs()} | {s.id for s in copy.sections}
    assert new_ids and not old_ids & new_ids
    assert any(p.text.endswith(ADDED.strip()) for p in copy.all_paragraphs())
    assert not original.paragraph(paragraph_id).text.endswith(ADDED.strip())


def test_cancel_stores_nothing(qapp: Any, qtbot: Any, sample_store: tuple[Store, str], tmp_path: Path) -> None:
    store, report_id = sample_store
    path, _ = reviewed_copy(store, report_id, tmp_path)
    before = stored(store, report_id)
    dialog = _dialog(qtbot, store)
    assert dialog.load(path)
    _conflict_offered(dialog, report_id)
    dialog.store_result()  # Store (Enter on the hidden button) does not choose for the user
    assert dialog.stored_id is None and dialog.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 0 and dialog.stored_id is None
    assert [s.id for s in store.list_reports()] == [report_id]
    assert stored(store, report_id) == before


def test_a_file_from_no_stored_report_is_stored_as_before(qapp: Any, qtbot: Any, tmp_path: Path) -> None:
    from tests.gui.conftest import sample_2022

    path = tmp_path / "r.docx"
    write_docx(render(sample_2022()), path)
    store = Store.open(tmp_path / "empty.db")
    try:
        dialog = _dialog(qtbot, store)
        assert dialog.load(path)
        assert dialog.owner_id is None and not dialog.conflict.isVisible()
        assert dialog.store_button.isVisible() and not dialog.replace_button.isVisible()
        qtbot.mouseClick(dialog.store_button, Qt.MouseButton.LeftButton)
        assert dialog.outcome == "new" and [s.id for s in store.list_reports()] == [dialog.stored_id]
    finally:
        store.close()


def test_english_dialog_names_the_report_and_the_choices(
    qapp: Any, qtbot: Any, sample_store: tuple[Store, str], tmp_path: Path, english: None
) -> None:
    import datetime as dt

    store, report_id = sample_store
    report = store.get(report_id)
    report.symbol, report.title, report.date = "C22/7-A", "تقرير رئيس الفريق\nسطر ثانٍ", dt.date(2022, 1, 17)
    store.save(report)
    path, _ = reviewed_copy(store, report_id, tmp_path)
    dialog = _dialog(qtbot, store)
    assert dialog.load(path)
    assert dialog.conflict.text().startswith(
        "This file was exported from a report that is already in the store: "
        "\u200eC22/7-A\u200e “\u202bتقرير رئيس الفريق\u202c” (2022-01-17)."
    )
    assert dialog.replace_button.text() == "Update the stored report from the file"
    assert dialog.new_button.text() == "Add as a new report"


@pytest.mark.parametrize("edit_first", [False, True])
@pytest.mark.parametrize("late_edit", [False, True])
def test_replace_from_the_main_window_reloads_the_open_report(
    qapp: Any, qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit_first: bool,
    late_edit: bool,
) -> None:
    """The open report updated from the file: the window shows the stored version, with an undo
    history that starts there (undoing an edit made before would write the old version back).
    An edit not yet saved when Import… is chosen reaches the store first and is kept; one that
    reaches the old version while the dialog is open never writes it over the file's."""
    from cwgdraft.gui.import_dialog import ImportDialog

    store, report_id = window.store, window.report.id
    path, paragraph_id = reviewed_copy(store, report_id, tmp_path)
    old_session = window.session
    if edit_first:  # an edit Word does not carry, still waiting for the autosave
        meeting = window.report.meetings[0]
        window.session.push(SetValue(window.session, ("meeting", meeting.id), "venue", "قاعة المراجعة", "venue"))
        assert window.session.dirty and window.session.undo_stack.count() == 1

    def run(dialog: ImportDialog) -> int:  # the user picks the file and presses «update»
        assert dialog.load(path)
        assert dialog.owner_id == report_id
        if late_edit:
            window.session.push(SetValue(window.session, ("paragraph", paragraph_id), "text", "نص قديم", "text"))
        dialog.replace_button.click()
        return dialog.result()

    monkeypatch.setattr(ImportDialog, "exec", run)
    window.import_action.trigger()
    assert window.session is not old_session
    assert window.report.id == report_id and len(store.list_reports()) == 1
    assert window.report.paragraph(paragraph_id).text.endswith(ADDED.strip())
    assert window.session.undo_stack.count() == 0 and not window.undo_action.isEnabled()
    assert portable.dumps(window.report) == stored(store, report_id)
    assert (window.report.meetings[0].venue == "قاعة المراجعة") is edit_first
    window.flush()
    assert store.get(report_id).paragraph(paragraph_id).text.endswith(ADDED.strip())
