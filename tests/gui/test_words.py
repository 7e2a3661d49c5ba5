"""What a Word user reaches for: find and replace, proofing, search across reports, Ctrl+Y,
dates typed as written, the calendar's week, a report list that stays put, Help."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication

from cwgdraft.core import content, find, folding, portable
from cwgdraft.core.model import Paragraph
from cwgdraft.core.store import Store
from tests.gui.conftest import make_window, sample_2022
from tests.gui.helpers import commit_text, settle, stored

MIXED = "عَقَدَ الفريقُ اجتماعَه في ١٨ يناير مع CWG\u2011COP، وناقش الإنترنـت والوثيقة X.1205 (2022)"


@pytest.fixture(autouse=True)
def own_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's dictionary in a temporary folder."""
    path = tmp_path / "words" / "words.txt"
    monkeypatch.setenv("CWGDRAFT_WORDS", str(path))
    return path


def open_paragraph(window: Any, text: str | None = None) -> Paragraph:
    paragraph = window.report.sections[1].paragraphs[0]
    window.go_to("paragraph", paragraph.id)
    if text is not None:
        editor = window.sections.editor
        editor.selectAll()
        commit_text(editor, text)
        assert paragraph.text == text
    return paragraph


# --- find and replace -----------------------------------------------------------


def test_find_folds_and_goes_to_each_match_across_paragraphs(qtbot: Any, window: Any) -> None:
    paragraph = open_paragraph(window, MIXED)
    settle(window)
    window.go_to("front")  # not in a paragraph: the search starts at the top of the report
    window.find_action.trigger()
    dialog = window.words.find_dialog
    assert dialog.isVisible() and not dialog.replace_edit.isVisible()
    dialog.find_edit.setText("الانترنت")
    expected = find.find_in_report(window.report, "الانترنت")
    assert len(expected) > 2
    assert len({f.path for f in expected}) > 2  # several paragraphs (and titles)
    seen = []
    for _ in expected:
        found = dialog.find_next()
        seen.append((found.path, found.start))
        target = window.report.paragraph(found.source)
        if target is not None:
            assert window.sections.paragraph_id == found.source
            cursor = window.sections.editor.textCursor()
            if content.is_rich(target.text):  # a match in a field's words selects its chip
                shown = find.shown_inline(window.report)
                want = (content.view_offset(target.text, found.start, shown),
                        content.view_offset(target.text, found.end, shown, end=True))
                assert (cursor.selectionStart(), cursor.selectionEnd()) == want and want[1] > want[0]
            else:
                assert (cursor.selectionStart(), cursor.selectionEnd()) == (found.start, found.end)
                assert folding.fold(cursor.selectedText()) == folding.fold("الانترنت")
    assert seen == [(f.path, f.start) for f in expected]
    assert dialog.find_next().path == expected[0].path  # wraps to the first
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    qtbot.keyClick(dialog.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # back, wrapping
    assert (dialog.current.path, dialog.current.start) == (expected[-1].path, expected[-1].start)
    # Diacritics, digits and codes in the paragraph typed above.
    dialog.find_edit.setText("18 يناير مع cwg-cop")
    found = dialog.find_next()
    assert found.source == paragraph.id and MIXED[found.start : found.end] == "١٨ يناير مع CWG\u2011COP"
    dialog.whole_box.setChecked(True)
    dialog.find_edit.setText("الفريق اجتماعه")
    found = dialog.find_next()
    assert found.source == paragraph.id and MIXED[found.start : found.end] == "الفريقُ اجتماعَه"
    # Highlighted in the editor and in the preview.
    assert window.sections.editor.extraSelections()
    settle(window)
    assert window.preview.extraSelections()
    dialog.find_edit.setText("لفريق اجتماعه")  # inside a word: not a whole word
    assert all(f.source != paragraph.id for f in dialog.matches())
    dialog.fold_box.setChecked(False)
    dialog.find_edit.setText("الانترنت")
    assert dialog.find_next() is None and "لا توجد" in dialog.status.text()
    dialog.close()
    assert not window.sections.editor.extraSelections()


def test_replace_all_is_one_undo_step(qtbot: Any, window: Any) -> None:
    open_paragraph(window, MIXED)
    settle(window)
    before = portable.dumps(window.report)
    # Every match but those in a field's words (a replace never breaks a field).
    count = sum(r.count for r in find.replace_in_report(window.report, "الانترنت", "الشبكة"))
    assert count < len(find.find_in_report(window.report, "الانترنت"))
    window.replace_action.trigger()
    dialog = window.words.find_dialog
    assert dialog.replace_edit.isVisible()
    dialog.find_edit.setText("الانترنت")
    dialog.replace_edit.setText("الشبكة")
    assert dialog.replace_all() == count
    left = find.find_in_report(window.report, "الانترنت")
    assert left and all(content.is_rich(window.report.paragraph(f.source).text) for f in left)  # in a field
    assert "وناقش الشبكة والوثيقة" in window.report.sections[1].paragraphs[0].text
    settle(window)
    assert "وناقش الشبكة" in stored(window.store, window.report.id)
    window.undo_action.trigger()
    assert portable.dumps(window.report) == before
    window.redo_action.trigger()
    assert find.find_in_report(window.report, "الانترنت") == left


def test_replace_one_then_the_next(qtbot: Any, window: Any) -> None:
    paragraph = open_paragraph(window, "اجتماعه الأول واجتماعُه الثاني واجتماعة الثالث")
    cursor = window.sections.editor.textCursor()
    cursor.setPosition(0)
    window.sections.editor.setTextCursor(cursor)  # the search starts where the user is, as Word's does
    window.replace_action.trigger()
    dialog = window.words.find_dialog
    dialog.find_edit.setText("اجتماعه")
    dialog.replace_edit.setText("جلسته")
    first = dialog.find_next()
    assert first.source == paragraph.id and first.start == 0
    assert dialog.replace_current()
    assert paragraph.text == "جلسته الأول واجتماعُه الثاني واجتماعة الثالث"
    assert dialog.current is not None and dialog.current.start == paragraph.text.index("اجتماعُه")
    assert dialog.replace_current()
    assert paragraph.text == "جلسته الأول وجلسته الثاني واجتماعة الثالث"
    window.undo_action.trigger()
    assert paragraph.text == "جلسته الأول واجتماعُه الثاني واجتماعة الثالث"


# --- proofing -------------------------------------------------------------------


def underlines(window: Any) -> list[tuple[str, str]]:
    """(underlined text, colour) in the paragraph editor."""
    editor = window.sections.editor
    out = []
    block = editor.document().begin()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                out.append((block.text()[r.start : r.start + r.length], r.format.underlineColor().name()))
        block = block.next()
    return out


def proofed(window: Any) -> list[tuple[str, str]]:
    for _ in range(3):
        window.words.proofer.wait()
        QApplication.processEvents()
    return underlines(window)


def test_misspelled_words_are_underlined_with_suggestions_off_the_gui_thread(qtbot: Any, window: Any,
                                                                            own_words: Path) -> None:
    paragraph = open_paragraph(window, "ناقش الفريق تقريير الاجتماع عبر Zoom و recieve الوثيقة CWG-COP/18/5")
    marks = proofed(window)
    spelling = [text for text, colour in marks if colour == "#d00000"]
    assert spelling == ["تقريير", "recieve"]
    editor = window.sections.editor
    menu = window.words.highlighter.menu_for(paragraph.text.index("تقريير") + 2)
    names = [a.text() for a in menu.actions()]
    assert "تقرير" in names
    next(a for a in menu.actions() if a.text() == "تقرير").trigger()
    assert paragraph.text.startswith("ناقش الفريق تقرير الاجتماع")
    window.undo_action.trigger()
    assert "تقريير" in paragraph.text
    editor.document().setPlainText(editor.toPlainText())  # the editor shows the model again
    window.go_to("paragraph", paragraph.id)
    menu = window.words.highlighter.menu_for(paragraph.text.index("recieve") + 1)
    add = next(a for a in menu.actions() if a.objectName() == "addToDictionary")
    add.trigger()
    assert own_words.read_text(encoding="utf-8") == "recieve\n"
    assert [text for text, colour in proofed(window) if colour == "#d00000"] == ["تقريير"]


def test_typography_is_underlined_and_fixed_from_the_menu(qtbot: Any, window: Any) -> None:
    paragraph = open_paragraph(window, "ناقش الفريق المسألة, ثم الاجتمـــاع")
    marks = [text for text, colour in proofed(window) if colour == "#1565c0"]
    assert marks == [",", "ـــ"]
    menu = window.words.highlighter.menu_for(paragraph.text.index(","))
    fix = next(a for a in menu.actions() if a.objectName() == "typographyFix")
    fix.trigger()
    assert paragraph.text == "ناقش الفريق المسألة، ثم الاجتمـــاع"


def test_the_check_before_export_lists_typography_with_fixes(qtbot: Any, window: Any) -> None:
    from cwgdraft.core.checks import missing_fields

    report = window.report
    report.symbol, report.date, report.title = "C22/7-A", dt.date(2022, 2, 1), "تقرير الرئيس"
    assert missing_fields(report) == []  # the typography alone opens the check
    paragraph = open_paragraph(window, "ناقش  الفريق المسألة , ثم الاجتمـــاع")
    settle(window)
    before = portable.dumps(window.report)
    seen: list[Any] = []

    def answer() -> None:
        dialog = window.check_dialog
        if dialog is None or not dialog.isVisible() or seen:
            return
        try:
            seen.append(list(dialog.typography))
            seen.append([f.code for f in dialog.findings])  # the check's own findings, above
            dialog.fix_all_button.click()
            seen.append(list(dialog.typography))
        finally:
            dialog.reject()

    timer = QTimer(window)
    timer.setInterval(50)
    timer.timeout.connect(answer)
    timer.start()
    assert window.check_before_export() is False
    timer.stop()
    findings, codes, left = seen
    assert "missing_field" not in codes  # the typography alone (and header placeholders) opened it
    assert any(f.source == paragraph.id and f.path.endswith("paragraphs[0]") for f in findings)
    assert {f.code for f in findings if f.source == paragraph.id} == {"double_space", "space_before_punctuation",
                                                                       "latin_punctuation", "tatweel"}
    assert len(left) < len(findings)
    assert paragraph.text == "ناقش الفريق المسألة، ثم الاجتماع"
    window.undo_action.trigger()
    assert portable.dumps(window.report) == before


# --- search across reports ------------------------------------------------------


def test_search_dialog_opens_a_hit_in_another_report(qtbot: Any, store_path: Path, tmp_path: Path) -> None:
    from cwgdraft.core.samples import load_samples

    store = Store.open(store_path)
    try:
        loaded = load_samples(store)
        if len(loaded) < 2:
            pytest.skip("the sample reports are not in resources/samples")
        first, second = loaded[0][0], loaded[1][0]
        window = make_window(qtbot, store, first.id, tmp_path)
        window.search_action.trigger()
        dialog = window.words.search_dialog
        dialog.query.setText("حمايةُ الاطفال")
        hits = dialog.run()
        assert {h.report_id for h in hits} == {first.id, second.id}
        index = next(i for i, h in enumerate(hits) if h.report_id == second.id and h.kind == "paragraph")
        dialog.open_hit(dialog.hits.topLevelItem(index))
        assert window.report.id == second.id
        assert window.sections.paragraph_id == hits[index].ref
        # What was just typed is found.
        commit_text(window.sections.editor, " زبرجد")
        dialog.query.setText("زبرجد")
        assert [h.ref for h in dialog.run()] == [hits[index].ref]
        window.close()
    finally:
        store.close()


# --- keys and small comforts -----------------------------------------------------


def test_ctrl_y_redoes_in_a_field(qtbot: Any, window: Any) -> None:
    paragraph = open_paragraph(window)
    editor = window.sections.editor
    before = paragraph.text
    commit_text(editor, "كلمة ")
    typed = paragraph.text
    assert typed != before and "كلمة " in typed
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert paragraph.text == before
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert paragraph.text == typed


@pytest.mark.parametrize("typed", ["18/9/2023", "18 سبتمبر 2023", "2023-09-18", "١٨ سبتمبر ٢٠٢٣"])
def test_dates_are_saved_as_typed(qtbot: Any, window: Any, typed: str) -> None:
    window.go_to("front")
    field = window.front.fields[("report", "date")]
    field.line.clear()
    field.line.setFocus()
    left: list[bool] = []
    field.line.editingFinished.connect(lambda: left.append(True))
    for i in range(len(typed)):  # character by character, as typed, never leaving the field
        field.line.setText(typed[:i])
        commit_text(field.line, typed[i])
    assert window.report.date == dt.date(2023, 9, 18)
    assert field.line.text() == typed  # kept as typed
    assert not left  # saved without leaving the field
    settle(window)
    assert window.store.get(window.report.id).date == dt.date(2023, 9, 18)
    window.undo_action.trigger()  # the typing is one step
    assert window.report.date == sample_2022().date != dt.date(2023, 9, 18)


def test_the_calendar_week_follows_the_interface_locale(qtbot: Any, qapp: Any) -> None:
    from cwgdraft.gui.widgets import DateField, follow_locale_week

    field = DateField()
    qtbot.addWidget(field)
    assert field.calendar.firstDayOfWeek() == QLocale().firstDayOfWeek()
    saudi = QLocale("ar_SA")
    follow_locale_week(field.calendar, saudi)
    assert field.calendar.firstDayOfWeek() == Qt.DayOfWeek.Sunday
    weekend = field.calendar.weekdayTextFormat(Qt.DayOfWeek.Friday).foreground().color().name()
    working = field.calendar.weekdayTextFormat(Qt.DayOfWeek.Sunday).foreground().color().name()
    assert weekend != working
    assert Qt.DayOfWeek.Friday not in saudi.weekdays() and Qt.DayOfWeek.Sunday in saudi.weekdays()


def test_the_report_list_does_not_move_while_typing(qtbot: Any, sample_store: Any, tmp_path: Path) -> None:
    store, report_id = sample_store
    other = portable.from_data(portable.to_data(sample_2022()))
    other.id = "00000000-0000-4000-8000-000000000001"
    for s in other.sections:
        s.id = f"{s.id[:-4]}beef"
        for p in s.paragraphs:
            p.id = f"{p.id[:-4]}beef"
    other.meetings, other.people, other.contributions, other.opening_remarks = [], [], [], []
    other.date = dt.date(2020, 1, 1)
    store.save(other)
    mine = store.get(report_id)
    mine.date = dt.date(2022, 2, 1)
    store.save(mine)
    window = make_window(qtbot, store, report_id, tmp_path)
    order = window.navigator.visible_reports()
    assert order.index(report_id) == 0  # the newer report first
    window.go_to("front")
    field = window.front.fields[("report", "date")]
    field.line.setFocus()
    field.line.setText("")
    commit_text(field.line, "2019-01-01")  # would now sort after the other
    settle(window)
    assert window.navigator.visible_reports() == order
    window.refresh_reports()  # asked for: sorted again
    assert window.navigator.visible_reports() == order[::-1]
    window.close()


def test_help_lists_shortcuts_and_opens_the_manual(qtbot: Any, window: Any) -> None:
    from cwgdraft.gui.help import MANUALS, shortcuts_of

    help_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and window.manual_action in
                     a.menu().actions())
    assert window.shortcuts_action in help_menu.actions()
    rows = dict(shortcuts_of(window))
    keys = " ".join(rows.values())
    for key in ("Ctrl+F", "Ctrl+H", "Ctrl+Y", "Ctrl+Shift+F", "Ctrl+L", "Ctrl+Z", "F9"):
        assert key in keys, key
    window.shortcuts_action.trigger()
    assert window.words.shortcuts_dialog.table.rowCount() == len(rows)
    window.manual_action.trigger()
    text = window.words.manual_dialog.browser.toPlainText()
    assert "Ctrl+H" in text and "البحث والاستبدال" in text
    for path in MANUALS.values():
        assert "Ctrl+Shift+F" in path.read_text(encoding="utf-8")


def test_typography_findings_in_the_english_interface(qtbot: Any, english: None) -> None:
    from cwgdraft.core.typography import check_report
    from cwgdraft.gui.finding_text import translated
    from tests.report_factory import full_report

    report = full_report()
    report.sections[1].paragraphs[0].text = "ناقش الفريق المسألة, ثم الاجتمـــاع"
    findings = translated(report, [f for f in check_report(report) if f.path == "sections[1].paragraphs[0]"])
    assert [f.label for f in findings] == [
        "Paragraph 1.2 of section 2: Latin “,” in Arabic text: write “،”",
        "Paragraph 1.2 of section 2: Tatweel (ـ): remove it",
    ]
