"""Fields in the app: chips in the paragraph editor (inserted, deleted as one
unit, undone; typing around them keeps them), the standard wording and its
reset, the front page's texts, a fact changed in a form reaching the preview,
the list of documents following the contributions, and the check before
export (the command line's) going to what is missing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cwgdraft.core import facts
from cwgdraft.core.content import Content, Field, Text, has_fields
from cwgdraft.core.model import SectionRole
from cwgdraft.drafting.check import check_report
from cwgdraft.gui.content_edit import OBJECT_CHAR, ContentEdit
from tests.gui.helpers import commit_text, settle


def _intro(window: Any) -> Any:
    return next(s for s in window.report.sections if s.role is SectionRole.INTRODUCTION).paragraphs[0]


def _open_intro(window: Any) -> ContentEdit:
    window.go_to("paragraph", _intro(window).id)
    editor = window.sections.editor
    assert isinstance(editor, ContentEdit)
    return editor


def _stored_paragraph(window: Any, paragraph_id: str) -> Any:
    settle(window)
    return window.store.get(window.report.id).paragraph(paragraph_id)


def _put_cursor(editor: ContentEdit, pos: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(pos)
    editor.setTextCursor(cursor)


def test_standard_paragraph_shows_chips_and_is_marked(qtbot: Any, window: Any) -> None:
    p = _intro(window)
    assert p.follows_standard  # the 2022 sample stores its introduction as the standard wording
    editor = _open_intro(window)
    field = window.sections.editor_field
    assert field.standard_mark.isVisible() and not field.reset_button.isVisible()
    assert editor.following
    shown = editor.content()
    assert isinstance(shown, Content) and Field("meetings.participants") in shown.fields
    assert editor.toPlainText().count(OBJECT_CHAR) == len(shown.fields)
    # A chip shows the fact's value; its tooltip names the fact.
    assert editor.chip_text(Field("meetings.participants")) == ("100", False)
    from cwgdraft.gui.content_edit import field_tooltip

    tip = field_tooltip(window.report, Field("meetings.participants"))
    assert "عدد المشاركين" in tip and "100" in tip


def test_field_inserted_deleted_as_one_unit_and_undone(qtbot: Any, window: Any) -> None:
    p = _intro(window)
    editor = _open_intro(window)
    _put_cursor(editor, 0)
    commit_text(editor, "في ")  # the drafter's own words: the paragraph no longer follows the standard
    count = editor.toPlainText().count(OBJECT_CHAR)
    _put_cursor(editor, 3)
    window.sections.editor.setFocus()
    picker = window.insert_field()
    assert picker is not None and picker.isVisible()
    assert picker.completer.completionCount() >= len([f for f in facts.FACTS.values() if not f.per_contribution])
    picker.line.setText("تاريخ الاج")
    picker.line.returnPressed.emit()  # the first fact whose name holds what was typed
    assert not picker.isVisible()
    assert editor.toPlainText().count(OBJECT_CHAR) == count + 1
    stored = _stored_paragraph(window, p.id)
    assert isinstance(stored.text, Content)
    assert stored.text.inlines[:3] == (Text("في "), Field("meetings.dates"), Text("عقد "))
    assert stored.standard == "introduction"  # the standard is kept behind the drafter's text
    steps = window.session.undo_stack.index()

    # One Backspace right after the chip deletes the whole field, nothing else.
    _put_cursor(editor, 4)
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.toPlainText().count(OBJECT_CHAR) == count
    stored = _stored_paragraph(window, p.id)
    assert Field("meetings.dates") not in stored.text.fields
    assert stored.text.inlines[0] == Text("في عقد ")
    assert window.session.undo_stack.index() == steps + 1  # its own undo step

    window.undo()
    assert Field("meetings.dates") in window.report.paragraph(p.id).text.fields
    assert editor.toPlainText().count(OBJECT_CHAR) == count + 1
    assert _stored_paragraph(window, p.id).text.inlines[1] == Field("meetings.dates")
    window.undo()  # and the insertion is undone in one step too
    assert Field("meetings.dates") not in window.report.paragraph(p.id).text.fields


def test_typing_around_a_chip_keeps_the_field(qtbot: Any, window: Any) -> None:
    p = _intro(window)
    editor = _open_intro(window)
    text = editor.toPlainText()
    at = text.index(OBJECT_CHAR)  # the first chip: the group's name
    _put_cursor(editor, at)
    commit_text(editor, "(CWG) ")  # before the chip, Latin inside Arabic
    _put_cursor(editor, at + len("(CWG) ") + 1)
    commit_text(editor, " 2023")  # right after the chip: plain text, not part of the field
    stored = _stored_paragraph(window, p.id)
    assert has_fields(stored.text)
    first = stored.text.inlines
    assert first[0] == Text("عقد (CWG) ")
    assert first[1] == Field("group.name")
    assert isinstance(first[2], Text) and first[2].text.startswith(" 2023 (")
    # The export writes the fact's value between the typed words.
    shown = facts.text_of(window.report, stored.text)
    assert shown.startswith("عقد (CWG) فريق العمل التابع للمجلس") and " 2023 (" in shown


def test_reset_to_standard_wording_is_undoable(qtbot: Any, window: Any) -> None:
    p = _intro(window)
    editor = _open_intro(window)
    _put_cursor(editor, 0)
    commit_text(editor, "نص خاص ")
    field = window.sections.editor_field
    assert not editor.following and field.reset_button.isVisible()
    assert _stored_paragraph(window, p.id).text.startswith("نص خاص ")
    field.reset_button.click()
    assert _stored_paragraph(window, p.id).text == ""
    assert window.report.paragraph(p.id).follows_standard
    assert editor.following and field.standard_mark.isVisible()
    assert not editor.toPlainText().startswith("نص خاص")
    window.undo()
    assert window.report.paragraph(p.id).text.startswith("نص خاص ")
    assert editor.toPlainText().startswith("نص خاص ")


def test_meeting_date_in_the_form_changes_summary_and_introduction(qtbot: Any, window: Any) -> None:
    settle(window)
    before = window.preview.toPlainText()
    assert "12 يناير 2022" in before.replace("\u00a0", " ")
    window.go_to("meetings")
    date = window.meetings.fields[("meeting", "start")]
    date.line.setText("2023-09-18")
    date.line.editingFinished.emit()
    assert window.report.meetings[0].start == dt.date(2023, 9, 18)
    qtbot.waitUntil(lambda: "18 سبتمبر 2023" in window.preview.toPlainText().replace("\u00a0", " "), timeout=3000)
    text = window.preview.toPlainText().replace("\u00a0", " ")
    assert "12 يناير 2022" not in text
    doc = window.preview.document()
    blocks = [doc.findBlockByNumber(i).text().replace("\u00a0", " ") for i in range(doc.blockCount())]
    introduction = next(b for b in blocks if b.lstrip("0123456789.\t ").startswith("عقد "))
    summary = next(b for b in blocks if b.startswith("يلخّص هذا التقرير"))
    assert "18 سبتمبر 2023" in introduction and "18 سبتمبر 2023" in summary
    assert window.preview.last_ms < 1000  # the preview's own time (the budget is ~100 ms on a quiet machine)
    # The chips of the open paragraph show the new date too.
    editor = _open_intro(window)
    assert editor.chip_text(Field("meetings.held"))[0].replace("\u00a0", " ").endswith("18 سبتمبر 2023")


def test_front_page_summary_follows_the_standard_wording(qtbot: Any, window: Any) -> None:
    window.go_to("front")
    summary = window.front.fields[("report", "summary")]
    assert window.report.summary == ""
    assert summary.content_edit.following and summary.standard_mark.isVisible()
    assert has_fields(summary.value())
    _put_cursor(summary.content_edit, 0)
    commit_text(summary.content_edit, "موجز: ")
    settle(window)
    stored = window.store.get(window.report.id)
    assert isinstance(stored.summary, Content) and stored.summary.inlines[0].text.startswith("موجز: يلخّص")
    assert stored.summary.has_fields
    assert summary.reset_button.isVisible()
    summary.reset_button.click()
    assert window.report.summary == "" and summary.content_edit.following


def test_adding_a_contribution_lists_it_and_undo_unlists_it(qtbot: Any, window: Any) -> None:
    from cwgdraft.core.documents import DOCUMENT_ITEM, listed_ids

    window.go_to("contributions")
    count = len(window.report.contributions)
    window.contributions.add_row()
    assert len(window.report.contributions) == count + 1
    ids = {c.id for c in window.report.contributions}
    assert listed_ids(window.report) == ids  # the new contribution has its item in the list of documents
    items = [p for p in window.report.all_paragraphs() if p.standard == DOCUMENT_ITEM]
    assert len(items) == count + 1
    settle(window)
    assert listed_ids(window.store.get(window.report.id)) == ids
    window.undo()  # one step: the contribution and its item
    assert len(window.report.contributions) == count
    assert listed_ids(window.report) == {c.id for c in window.report.contributions}


def test_check_dialog_shows_a_missing_fact_and_goes_to_it(qtbot: Any, window: Any) -> None:
    # The participants are not known: every sentence stating them shows a placeholder.
    window.go_to("meetings")
    window.meetings.participants.setValue(0)
    assert window.report.meetings[0].participants is None
    settle(window)
    findings = check_report(window.report)
    missing = [f for f in findings if f.code == "missing_fact" and "[عدد المشاركين]" in f.label]
    assert missing
    intro = _intro(window)
    assert any(f.source == intro.id for f in missing)
    seen: list[Any] = []

    def act() -> None:
        dialog = window.check_dialog
        if dialog is None or not dialog.isVisible():
            return
        try:
            seen.append([f.label for f in dialog.findings])
            row = next(i for i, f in enumerate(dialog.findings) if f.code == "missing_fact" and f.source == intro.id)
            assert row in dialog.fact_buttons
            dialog.go_buttons[row].click()
        finally:
            if dialog.isVisible():
                dialog.reject()

    timer = QTimer(window)
    timer.setInterval(50)
    timer.timeout.connect(act)
    timer.start()
    assert window.check_before_export() is False
    timer.stop()
    assert seen and any("[عدد المشاركين]" in label for label in seen[0])
    assert len(seen[0]) == len(findings)
    QApplication.processEvents()
    # It went to the paragraph that states the missing fact.
    assert window.pages.currentWidget() is window.sections
    assert window.sections.paragraph_id == intro.id

    # And from there, the fact's own editor: the participants of the meeting.
    finding = next(f for f in missing if f.source == intro.id)
    window.go_to_fact_of(finding)
    QApplication.processEvents()
    assert window.pages.currentWidget() is window.meetings
    assert window.focusWidget() is window.meetings.participants  # the window's focus, active or not


def test_go_to_fact_from_a_chip(qtbot: Any, window: Any) -> None:
    editor = _open_intro(window)
    text = editor.toPlainText()
    chair_at = max(i for i, ch in enumerate(text) if ch == OBJECT_CHAR)  # the chair, last in the sentence
    assert editor.field_at_position(chair_at) == Field("chair.name")
    _put_cursor(editor, chair_at + 1)
    editor.setFocus()
    window.go_to_field_fact()
    assert window.pages.currentWidget() is window.people
    chair = next(p for p in window.report.people if p.role.value == "chair")
    assert window.people.table.currentRow() == [p.id for p in window.report.people].index(chair.id)


def test_new_report_from_the_templates(qtbot: Any, window: Any) -> None:
    report = window.new_from_templates()
    assert report is not None and window.report.id == report.id
    stored = window.store.get(report.id)
    assert any(p.standard for p in stored.all_paragraphs())
    window.go_to("paragraph", next(p for p in stored.all_paragraphs() if p.standard == "introduction").id)
    assert window.sections.editor.following
    assert window.sections.editor.toPlainText().count(OBJECT_CHAR) > 0


def test_picker_prefers_names_that_start_with_what_is_typed(qtbot: Any, window: Any) -> None:
    editor = _open_intro(window)
    picker = editor.pick_field()
    assert picker.match("تاريخ").field == Field("meetings.dates")  # not «الاجتماع وتاريخه»
    assert picker.match("وتاريخه").field == Field("meetings.held")
    assert picker.match("المشاركين").field == Field("meetings.participants")  # a word of the name
    # A contribution's facts are offered once per contribution, by its source.
    first = window.report.contributions[0]
    choice = picker.match(f"مصدر الوثيقة: {first.source}")
    assert choice is not None and choice.field == Field("contribution.source", first.id)
    picker.reject()


def test_cut_and_paste_moves_a_field_as_one_unit(qtbot: Any, window: Any) -> None:
    p = _intro(window)
    editor = _open_intro(window)
    text = editor.toPlainText()
    at = text.index(OBJECT_CHAR)  # the group's name
    cursor = editor.textCursor()
    cursor.setPosition(at)
    cursor.setPosition(at + 1, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    assert editor.field_near_cursor() == Field("group.name")
    editor.cut()
    assert Field("group.name") not in window.report.paragraph(p.id).text.fields
    editor.moveCursor(cursor.MoveOperation.End)
    editor.paste()
    stored = _stored_paragraph(window, p.id)
    assert stored.text.fields.count(Field("group.name")) == 1
    assert stored.text.inlines[-1] == Field("group.name")
    # Text from elsewhere comes in as plain text (no formatting, no objects).
    QApplication.clipboard().setText("نص (ITU-D) 2023")
    editor.paste()
    assert _stored_paragraph(window, p.id).text.inlines[-1] == Text("نص (ITU-D) 2023")


def test_double_click_on_a_chip_opens_its_fact(qtbot: Any, window: Any) -> None:
    editor = _open_intro(window)
    qtbot.waitExposed(editor)
    text = editor.toPlainText()
    participants = next(i for i, ch in enumerate(text) if ch == OBJECT_CHAR
                        and editor.field_at_position(i) == Field("meetings.participants"))
    left = editor.cursorRect(editor._cursor_at(participants))
    right = editor.cursorRect(editor._cursor_at(participants + 1))
    middle = left.center()
    middle.setX((left.center().x() + right.center().x()) // 2)
    assert editor.field_at(middle) == Field("meetings.participants")
    # Beside the chip there is no field.
    far = left.center()
    far.setX(editor.viewport().width() - 3 if right.x() < left.x() else 3)
    assert editor.field_at(far) != Field("meetings.participants")
    qtbot.mouseDClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    assert window.pages.currentWidget() is window.meetings
    assert window.focusWidget() is window.meetings.participants


def test_a_chip_changes_form_from_its_menu(qtbot: Any, window: Any) -> None:
    """«لفريق العمل ...» or «فريق العمل ...»: the form of the field, chosen by the words it gives."""
    from cwgdraft.gui.content_edit import form_choices

    p = _intro(window)
    editor = _open_intro(window)
    at = editor.toPlainText().index(OBJECT_CHAR)  # the group's name
    choices = dict(form_choices(window.report, Field("group.name")))
    assert choices["li"].startswith("لفريق العمل") and choices[""].startswith("فريق العمل")
    rect = editor.cursorRect(editor._cursor_at(at))
    other = editor.cursorRect(editor._cursor_at(at + 1))
    point = rect.center()
    point.setX((rect.center().x() + other.center().x()) // 2)
    menu = editor.context_menu(point)
    forms = next(a.menu() for a in menu.actions() if a.menu() and a.menu().objectName() == "fieldFormMenu")
    li = next(a for a in forms.actions() if a.text() == choices["li"])
    li.trigger()
    stored = _stored_paragraph(window, p.id)
    assert Field("group.name", "", "li") in stored.text.fields and Field("group.name") not in stored.text.fields
    assert facts.text_of(window.report, stored.text).startswith("عقد لفريق العمل")
    window.undo()
    assert window.report.paragraph(p.id).follows_standard  # one step: the standard wording again


def test_chips_on_the_same_page_follow_a_fact_typed_there(qtbot: Any, window: Any) -> None:
    """The front page: the acronym typed in its field widens the summary's acronym chip at once."""
    window.go_to("front")
    summary = window.front.fields[("report", "summary")].content_edit
    qtbot.waitExposed(summary)
    text = summary.toPlainText()
    at = next(i for i, ch in enumerate(text) if ch == OBJECT_CHAR
              and summary.field_at_position(i) == Field("group.acronym"))

    def width() -> int:
        a = summary.cursorRect(summary._cursor_at(at)).center().x()
        b = summary.cursorRect(summary._cursor_at(at + 1)).center().x()
        return abs(a - b)

    before = width()
    acronym = window.front.fields[("group", "acronym")]
    acronym.line.setFocus()
    acronym.line.end(False)
    commit_text(acronym.line, "-EXTENDED-NAME")
    assert window.report.group.acronym == "CWG-COP-EXTENDED-NAME"
    assert summary.chip_text(Field("group.acronym"))[0] == "CWG-COP-EXTENDED-NAME"
    assert width() > before + 40


def test_insert_menu_puts_a_contribution_field_in_the_paragraph(qtbot: Any, window: Any) -> None:
    p = _intro(window)
    editor = _open_intro(window)
    editor.setFocus()
    _put_cursor(editor, 0)
    menu = window.insert_field_menu
    menu.aboutToShow.emit()
    contributions = next(a.menu() for a in menu.actions() if a.menu() and a.text() == "المساهمات")
    first = window.report.contributions[0]
    per = contributions.actions()[0].menu()
    source = next(a for a in per.actions() if a.text() == "مصدر الوثيقة")
    source.trigger()
    stored = _stored_paragraph(window, p.id)
    assert stored.text.inlines[0] == Field("contribution.source", first.id)
    assert facts.text_of(window.report, stored.text).startswith(first.source)


def test_new_report_from_this_one_lists_missing_facts_and_goes_to_them(qtbot: Any, window: Any) -> None:
    new = window.new_from_previous()
    assert new is not None
    dialog = window.carry_dialog
    assert dialog.carried.count() > 0
    texts = [dialog.to_fill.item(i).text() for i in range(dialog.to_fill.count())]
    assert any("[تاريخ الاجتماع]" in x for x in texts)  # the new meeting's date, where sentences state it
    intro = _intro(window)
    row = next(i for i, path in enumerate(dialog._paths) if path == intro.id)
    dialog.to_fill.itemDoubleClicked.emit(dialog.to_fill.item(row))
    assert window.pages.currentWidget() is window.sections and window.sections.paragraph_id == intro.id
    # The chips there name the 19th meeting and show the date as missing.
    editor = window.sections.editor
    assert editor.chip_text(Field("meetings.held")) == ("اجتماعه التاسع عشر في [تاريخ الاجتماع]", True)
    dialog.close()


def test_a_new_category_moves_the_item_to_its_group(qtbot: Any, window: Any) -> None:
    from cwgdraft.core.documents import DOCUMENT_ITEM, documents_section
    from cwgdraft.core.model import ParagraphKind

    window.go_to("contributions")
    window.contributions.add_row()
    row = window.contributions.current_row()
    added = window.report.contributions[row]
    section = documents_section(window.report)

    def item() -> Any:
        return next(p for p in section.paragraphs if p.standard == DOCUMENT_ITEM and p.ref == added.id)

    first = item()
    assert first.kind is ParagraphKind.BULLET  # no category yet: a bullet of its own
    steps = window.session.undo_stack.index()
    window.contributions.set_cell(row, "category", "member_state", "الفئة")
    moved = item()
    assert moved.id == first.id and moved.kind is ParagraphKind.SUB_BULLET
    members = [p for p in section.paragraphs if p.standard == DOCUMENT_ITEM
               and next(c for c in window.report.contributions if c.id == p.ref).category == "member_state"]
    assert members[-1] is moved  # after the member states' documents, under their heading
    assert window.session.undo_stack.index() == steps + 1
    settle(window)
    stored = window.store.get(window.report.id)
    assert next(p for p in stored.all_paragraphs() if p.id == first.id).kind is ParagraphKind.SUB_BULLET
    window.undo()
    assert item().kind is ParagraphKind.BULLET and added.category == ""


def test_typing_in_a_paragraph_with_fields_keeps_the_facts_in_the_preview(qtbot: Any, window: Any) -> None:
    """The preview writes a typed-in paragraph again as the export does: its fields show the facts."""
    editor = _open_intro(window)
    _put_cursor(editor, editor.document().characterCount() - 1)
    commit_text(editor, " أُضيفت جملة.")
    settle(window)
    intro = _intro(window)
    assert not intro.follows_standard and Field("meetings.participants") in intro.text.fields
    window.refresh_views()
    shown = window.preview.toPlainText()
    assert "نحو 100 مشارك" in shown and "أُضيفت جملة." in shown
    assert "[عدد المشاركين]" not in shown  # a field's value, not its name
    # Then one more word: written in place, the facts still filled in.
    commit_text(editor, " ثانية")
    window.refresh_views()
    shown = window.preview.toPlainText()
    assert "جملة. ثانية" in shown and "نحو 100 مشارك" in shown and "[عدد المشاركين]" not in shown


def test_a_chip_is_as_wide_as_the_value_it_shows_now(qtbot: Any, window: Any) -> None:
    """Chip widths are kept by text between layouts: a fact whose value grows widens its chip."""
    from PySide6.QtGui import QTextCharFormat

    from cwgdraft.gui.content_edit import field_format

    editor = _open_intro(window)
    handler = editor.handler
    fmt: QTextCharFormat = field_format(Field("meetings.participants"))
    doc = editor.document()
    before = handler.intrinsicSize(doc, 0, fmt).width()
    assert handler.intrinsicSize(doc, 0, fmt).width() == before  # measured again: the same
    window.report.meetings[0].participants = 1234567  # "100" -> "1234567"
    editor.refresh_chips()
    after = handler.intrinsicSize(doc, 0, fmt).width()
    metrics = handler._metrics()
    assert after - before == pytest.approx(metrics.horizontalAdvance("1234567") - metrics.horizontalAdvance("100"), abs=0.01)
    assert after > before
