"""The review pane: the open report's pending proposals as right-to-left word
diffs, accepted and rejected from the window (real widgets, offscreen)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from cwgdraft.core.model import SectionRole
from cwgdraft.review import rounds
from tests.gui.conftest import make_window
from tests.report_factory import full_report
from tests.review.test_review import export_copy, read_back
from tests.review.word_edits import WordCopy


def test_review_pane_accepts_and_rejects(qtbot: Any, sample_store: Any, tmp_path: Path) -> None:
    store, report_id = sample_store
    report = store.get(report_id)
    first, second = next(s for s in report.sections if s.role == SectionRole.OUTCOMES).paragraphs[:2]
    export_copy(store, report, tmp_path / "copy.docx", ["outcomes"], reviewer="Amina")
    word = WordCopy(tmp_path / "copy.docx")
    old_words = word.text(first.id).split()
    word.retype(first.id, " ".join(["مقترح", *old_words[1:], "(ITU-T)", "2026"]))
    word.comment(second.id, "تحقق من الرقم 42", author="Layla")
    word.save(tmp_path / "back.docx")
    assert len(read_back(store, tmp_path / "back.docx", "Amina")[1]) == 2
    window = make_window(qtbot, store, report_id, tmp_path)
    pane = window.show_review()
    assert pane.list.count() == 2 and pane.layoutDirection() == Qt.LayoutDirection.RightToLeft
    pane.list.setCurrentRow(0)
    shown = pane.diff.toHtml()
    assert "line-through" in shown and "underline" in shown and "ITU-T" in shown and old_words[0] in shown
    assert pane.accept_button.isVisible() and not pane.theirs_button.isVisible()
    pane.accept_button.click()
    assert window.session.report.paragraph(first.id).text.startswith("مقترح")
    assert store.get(report_id).paragraph(first.id).text.startswith("مقترح")
    assert pane.list.count() == 1 and "تحقق من الرقم 42" in pane.diff.toPlainText()
    pane.reject_button.click()
    assert pane.list.count() == 0 and rounds.proposals(store, report_id) == []
    assert not pane.reject_button.isEnabled()


def _marked_blocks(preview: Any) -> dict[str, str]:
    """Paragraph id -> tooltip, for the preview's blocks on the pending background."""
    from cwgdraft.formats.html_writer import PENDING_BG, SCHEME

    found: dict[str, str] = {}
    block = preview.document().begin()
    while block.isValid():
        it = block.begin()
        if not it.atEnd() and block.blockFormat().background().color().name() == PENDING_BG:
            fmt = it.fragment().charFormat()
            found[fmt.anchorHref().removeprefix(f"{SCHEME}:")] = fmt.toolTip()
        block = block.next()
    return found


def test_preview_marks_paragraphs_with_pending_proposals(qtbot: Any, sample_store: Any, tmp_path: Path) -> None:
    store, report_id = sample_store
    report = store.get(report_id)
    first, second = next(s for s in report.sections if s.role == SectionRole.OUTCOMES).paragraphs[:2]
    export_copy(store, report, tmp_path / "copy.docx", ["outcomes"], reviewer="Amina")
    window = make_window(qtbot, store, report_id, tmp_path)
    window.preview.refresh()
    assert _marked_blocks(window.preview) == {}
    word = WordCopy(tmp_path / "copy.docx")
    word.retype(first.id, word.text(first.id) + " (ITU-T) 2026")
    word.comment(second.id, "تحقق من الرقم 42", author="Layla")
    word.save(tmp_path / "back.docx")
    read_back(store, tmp_path / "back.docx", "Amina")
    pane = window.show_review()  # the marks follow the store's proposals (after an import)
    assert _marked_blocks(window.preview) == {first.id: "مقترحات معلّقة", second.id: "مقترحات معلّقة"}
    # Typing elsewhere still updates the page in place, and the marks stay.
    third = next(s for s in report.sections if s.role == SectionRole.OUTCOMES).paragraphs[2]
    window.session.report.paragraph(third.id).text += " 2026"
    window.preview.refresh()
    assert set(_marked_blocks(window.preview)) == {first.id, second.id}
    pane.list.setCurrentRow(0)
    pane.accept_button.click()  # a decision: the mark goes
    window.preview.refresh()
    assert set(_marked_blocks(window.preview)) == {second.id}


def test_every_decision_is_undoable(qtbot: Any, sample_store: Any, tmp_path: Path) -> None:
    store, report_id = sample_store
    report = store.get(report_id)
    first, second = next(s for s in report.sections if s.role == SectionRole.OUTCOMES).paragraphs[:2]
    export_copy(store, report, tmp_path / "copy.docx", ["outcomes"], reviewer="Amina")
    word = WordCopy(tmp_path / "copy.docx")
    word.retype(first.id, "مقترح (ITU-T) 2026 " + word.text(first.id))
    word.comment(second.id, "تحقق من الرقم 42", author="Layla")
    word.save(tmp_path / "back.docx")
    read_back(store, tmp_path / "back.docx", "Amina")
    window = make_window(qtbot, store, report_id, tmp_path)
    pane = window.show_review()
    pane.list.setCurrentRow(0)
    change = pane.proposals[0]
    assert change.paragraph_id == first.id
    pane.accept_button.click()
    accepted = window.session.report.paragraph(first.id).text
    assert accepted.startswith("مقترح (ITU-T) 2026")
    assert [p.id for p in rounds.proposals(store, report_id)] != [] and change.id not in {
        p.id for p in rounds.proposals(store, report_id)}
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()  # Ctrl+Z
    assert window.session.report.paragraph(first.id).text == first.text
    assert change.id in {p.id for p in rounds.proposals(store, report_id)} and pane.list.count() == 2
    assert first.id in window.preview.marked
    window.redo_action.trigger()
    assert window.session.report.paragraph(first.id).text == accepted
    assert change.id not in {p.id for p in rounds.proposals(store, report_id)} and pane.list.count() == 1
    assert window.session.save_now() and store.get(report_id).paragraph(first.id).text == accepted
    pane.reject_button.click()  # a rejection too
    assert rounds.proposals(store, report_id) == []
    window.undo_action.trigger()
    assert [p.kind for p in rounds.proposals(store, report_id)] == ["comment"] and pane.list.count() == 1


def test_a_conflict_decided_by_editing(qtbot: Any, sample_store: Any, tmp_path: Path) -> None:
    store, report_id = sample_store
    report = store.get(report_id)
    first = next(s for s in report.sections if s.role == SectionRole.OUTCOMES).paragraphs[0]
    export_copy(store, report, tmp_path / "copy.docx", ["outcomes"], reviewer="Amina")
    word = WordCopy(tmp_path / "copy.docx")
    word.retype(first.id, "صيغة المراجعة (ITU) 2022")
    word.save(tmp_path / "back.docx")
    ours, version = store.get_with_version(report_id)
    ours.paragraph(first.id).text = "صيغة الأمانة (ITU) 2023"
    store.save(ours, expected_version=version)
    read_back(store, tmp_path / "back.docx", "Amina")
    window = make_window(qtbot, store, report_id, tmp_path)
    pane = window.show_review()
    pane.list.setCurrentRow(0)
    assert pane.proposals[0].kind == "conflict" and pane.edit_button.isEnabled()
    assert not pane.editor.isVisible() and not pane.accept_edit_button.isVisible()
    pane.edit_button.click()
    assert pane.editor.isVisible() and pane.editor.toPlainText() == "صيغة المراجعة (ITU) 2022"
    pane.editor.setPlainText("صيغة متفق عليها (ITU) 2023")
    pane.accept_edit_button.click()
    assert window.session.report.paragraph(first.id).text == "صيغة متفق عليها (ITU) 2023"
    assert store.get(report_id).paragraph(first.id).text == "صيغة متفق عليها (ITU) 2023"
    assert pane.list.count() == 0 and rounds.proposals(store, report_id) == []
    window.undo_action.trigger()  # undoable as any decision
    assert window.session.report.paragraph(first.id).text == "صيغة الأمانة (ITU) 2023" and pane.list.count() == 1


def test_the_edit_box_is_right_to_left(qtbot: Any, window: Any) -> None:
    from cwgdraft.gui.review_pane import ReviewPane

    pane = ReviewPane(window)
    qtbot.addWidget(pane)
    option = pane.editor.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert option.alignment() & Qt.AlignmentFlag.AlignRight


def test_a_report_opened_before_the_window_is_drawn_is_previewed_with_its_marks(
        qtbot: Any, sample_store: Any, tmp_path: Path) -> None:
    """The window opens the report before it is drawn, and renders the preview after: the
    marks are asked for then, and are on the page."""
    store, report_id = sample_store
    report = store.get(report_id)
    first, second = next(s for s in report.sections if s.role == SectionRole.OUTCOMES).paragraphs[:2]
    export_copy(store, report, tmp_path / "copy.docx", ["outcomes"], reviewer="Amina")
    word = WordCopy(tmp_path / "copy.docx")
    word.retype(first.id, word.text(first.id) + " (ITU-T) 2026")
    word.comment(second.id, "تحقق من الرقم 42", author="Layla")
    word.save(tmp_path / "back.docx")
    read_back(store, tmp_path / "back.docx", "Amina")
    window = make_window(qtbot, store, report_id, tmp_path)
    qtbot.waitUntil(lambda: window.drawn and not window._views_after_show)
    assert window.preview.marked == {first.id, second.id}
    assert _marked_blocks(window.preview) == {first.id: "مقترحات معلّقة", second.id: "مقترحات معلّقة"}
    # Another report opened in the drawn window: its marks (none) at once.
    other = full_report()
    store.save(other)
    window.open_report(other.id)
    assert window.preview.marked == frozenset()
    assert _marked_blocks(window.preview) == {}


def test_a_window_never_drawn_renders_its_preview_without_marks_once_its_store_is_closed(
        qtbot: Any, store_path: Path, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from cwgdraft.core.store import Store
    from cwgdraft.gui.main_window import MainWindow

    store = Store.open(store_path)
    report = full_report()
    store.save(report)
    window = MainWindow(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.open_report(report.id)
    store.close()
    window.preview.refresh()  # what the window's timer does, were it shown and never drawn
    assert window.preview.marked == frozenset()
    assert window.preview.toPlainText().strip() != ""
