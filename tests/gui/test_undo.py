"""Undo and redo of every kind of edit restore the stored report exactly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from cwgdraft.core.model import ParagraphKind
from tests.gui.helpers import commit_text, settle, stored, type_words


def _front_line(w: Any) -> None:
    w.go_to("front")
    field = w.front.fields[("report", "symbol")]
    field.line.clear()
    commit_text(field.line, "C23/")
    commit_text(field.line, "9-A")


def _front_text(w: Any) -> None:
    w.go_to("front")
    type_words(w.front.fields[("report", "summary")].content_edit, "ملخص جديد للتقرير رقم 19")


def _front_list(w: Any) -> None:
    w.go_to("front")
    editor = w.front.fields[("report", "references")].text
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    commit_text(editor, "\nالقرار 175 (المراجَع في بوخارست، 2022)")


def _front_date(w: Any, qtbot: Any) -> None:
    w.go_to("front")
    line = w.front.fields[("report", "date")].line
    line.clear()
    qtbot.keyClicks(line, "2023-02-01")
    qtbot.keyClick(line, Qt.Key.Key_Return)


def _numbering(w: Any) -> None:
    w.go_to("front")
    w.front.numbering.setCurrentIndex(1 - w.front.numbering.currentIndex())


def _group(w: Any) -> None:
    w.go_to("front")
    type_words(w.front.fields[("group", "acronym")].line, "CWG-COP2")


def _meeting_number(w: Any) -> None:
    w.go_to("meetings", w.report.meetings[0].id)
    w.meetings.number.setValue(w.meetings.number.value() + 2)


def _meeting_date(w: Any, qtbot: Any) -> None:
    w.go_to("meetings", w.report.meetings[0].id)
    line = w.meetings.fields[("meeting", "start")].line
    line.clear()
    qtbot.keyClicks(line, "2023-01-19")
    qtbot.keyClick(line, Qt.Key.Key_Return)


def _meeting_mode(w: Any) -> None:
    w.go_to("meetings", w.report.meetings[0].id)
    w.meetings.mode.setCurrentIndex((w.meetings.mode.currentIndex() + 1) % w.meetings.mode.count())


def _meeting_venue(w: Any) -> None:
    w.go_to("meetings", w.report.meetings[0].id)
    type_words(w.meetings.fields[("meeting", "venue")].line, "مقر الاتحاد في جنيف")


def _meeting_participants(w: Any) -> None:
    w.go_to("meetings", w.report.meetings[0].id)
    w.meetings.participants.setValue(120)


def _add_meeting(w: Any, qtbot: Any) -> None:
    w.go_to("meetings")
    qtbot.mouseClick(w.meetings.add_button, Qt.MouseButton.LeftButton)


def _remove_meeting(w: Any, qtbot: Any) -> None:
    w.go_to("meetings", w.report.meetings[0].id)
    qtbot.mouseClick(w.meetings.remove_button, Qt.MouseButton.LeftButton)


def _add_contribution(w: Any, qtbot: Any) -> None:
    w.go_to("contributions")
    qtbot.mouseClick(w.contributions.add_button, Qt.MouseButton.LeftButton)


def _edit_contribution(w: Any) -> None:
    w.go_to("contributions")
    w.contributions.table.item(0, 3).setText("عنوان معدّل")


def _link_contribution(w: Any) -> None:
    w.go_to("contributions")
    combo = w.contributions.table.cellWidget(0, 6)
    combo.setCurrentIndex((combo.currentIndex() + 2) % combo.count())


def _move_contribution(w: Any, qtbot: Any) -> None:
    w.go_to("contributions")
    w.contributions.table.setCurrentCell(0, 0)
    qtbot.mouseClick(w.contributions.down_button, Qt.MouseButton.LeftButton)


def _remove_contribution(w: Any, qtbot: Any) -> None:
    w.go_to("contributions")
    w.contributions.table.setCurrentCell(1, 0)
    qtbot.mouseClick(w.contributions.remove_button, Qt.MouseButton.LeftButton)


def _add_person(w: Any, qtbot: Any) -> None:
    w.go_to("people")
    qtbot.mouseClick(w.people.add_button, Qt.MouseButton.LeftButton)


def _remove_person(w: Any, qtbot: Any) -> None:
    w.go_to("people")
    w.people.table.setCurrentCell(0, 0)
    qtbot.mouseClick(w.people.remove_button, Qt.MouseButton.LeftButton)


def _add_remark(w: Any, qtbot: Any) -> None:
    w.go_to("remarks")
    qtbot.mouseClick(w.remarks.add_button, Qt.MouseButton.LeftButton)


def _edit_remark(w: Any, qtbot: Any) -> None:
    if not w.report.opening_remarks:
        _add_remark(w, qtbot)
        return
    w.go_to("remarks")
    combo = w.remarks.table.cellWidget(0, 1)
    combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())


def _section(w: Any, index: int = 1) -> None:
    w.go_to("section", w.report.sections[index].id)


def _section_title(w: Any) -> None:
    _section(w)
    type_words(w.sections.fields[("section", "title")].content_edit, " الجديد")


def _section_role(w: Any) -> None:
    _section(w)
    w.sections.role.setCurrentIndex((w.sections.role.currentIndex() + 1) % w.sections.role.count())


def _add_section(w: Any, qtbot: Any) -> None:
    _section(w)
    qtbot.mouseClick(w.sections.add_section_button, Qt.MouseButton.LeftButton)


def _delete_section(w: Any, qtbot: Any) -> None:
    _section(w, 3)
    qtbot.mouseClick(w.sections.delete_section_button, Qt.MouseButton.LeftButton)


def _move_section(w: Any, qtbot: Any) -> None:
    _section(w)
    qtbot.mouseClick(w.sections.section_down_button, Qt.MouseButton.LeftButton)


def _type_paragraph(w: Any) -> None:
    _section(w)
    type_words(w.sections.editor, "نص عربي مع الرمز X.1205 والرقم 42")


def _new_paragraph(w: Any, qtbot: Any) -> None:
    _section(w)
    qtbot.keyClick(w.sections.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    commit_text(w.sections.editor, "فقرة جديدة")


def _delete_paragraph(w: Any, qtbot: Any) -> None:
    w.go_to("paragraph", w.report.contributions[0].paragraph_id or w.report.sections[3].paragraphs[0].id)
    qtbot.mouseClick(w.sections.delete_button, Qt.MouseButton.LeftButton)


def _move_paragraph(w: Any, qtbot: Any) -> None:
    _section(w)
    w.sections.list.setCurrentRow(0)
    qtbot.keyClick(w.sections.editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)


def _change_kind(w: Any) -> None:
    _section(w)
    w.sections.kind.setCurrentIndex(w.sections.kind.findData(ParagraphKind.LETTERED.value))


def _indent(w: Any, qtbot: Any) -> None:
    s = next(s for s in w.report.sections if any(p.kind == ParagraphKind.BULLET for p in s.paragraphs))
    p = next(p for p in s.paragraphs if p.kind == ParagraphKind.BULLET)
    w.go_to("paragraph", p.id)
    qtbot.mouseClick(w.sections.indent_button, Qt.MouseButton.LeftButton)
    assert w.report.paragraph(p.id).kind == ParagraphKind.SUB_BULLET


def _outdent(w: Any, qtbot: Any) -> None:
    s = next(s for s in w.report.sections if any(p.kind == ParagraphKind.SUB_BULLET for p in s.paragraphs))
    p = next(p for p in s.paragraphs if p.kind == ParagraphKind.SUB_BULLET)
    w.go_to("paragraph", p.id)
    qtbot.mouseClick(w.sections.outdent_button, Qt.MouseButton.LeftButton)
    assert w.report.paragraph(p.id).kind == ParagraphKind.BULLET


def _intro(w: Any) -> Any:
    from cwgdraft.core.model import SectionRole

    p = next(s for s in w.report.sections if s.role is SectionRole.INTRODUCTION).paragraphs[0]
    w.go_to("paragraph", p.id)
    return w.sections.editor


def _insert_field(w: Any) -> None:
    from cwgdraft.core.content import Field

    _intro(w).insert_field(Field("meetings.participants"))


def _delete_chip(w: Any, qtbot: Any) -> None:
    editor = _intro(w)
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("\ufffc") + 1)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)


def _reset_standard(w: Any) -> None:
    # A list item the sample words in its own way (its fields live), back to the standard item.
    p = next(p for p in w.report.all_paragraphs() if p.standard == "document_item" and p.text)
    w.go_to("paragraph", p.id)
    w.sections.editor_field.reset_button.click()
    assert w.report.paragraph(p.id).follows_standard


def _signature(w: Any) -> None:
    w.go_to("signature")
    type_words(w.signature.fields[("signature", "title")].text, "\nوالمعني بحماية الأطفال")


EDITS: dict[str, Callable[..., None]] = {
    "front line": _front_line,
    "front text": _front_text,
    "front list": _front_list,
    "front date": _front_date,
    "numbering": _numbering,
    "group": _group,
    "meeting number": _meeting_number,
    "meeting date": _meeting_date,
    "meeting mode": _meeting_mode,
    "meeting venue": _meeting_venue,
    "meeting participants": _meeting_participants,
    "add meeting": _add_meeting,
    "remove meeting": _remove_meeting,
    "add contribution": _add_contribution,
    "edit contribution": _edit_contribution,
    "link contribution": _link_contribution,
    "move contribution": _move_contribution,
    "remove contribution": _remove_contribution,
    "add person": _add_person,
    "remove person": _remove_person,
    "add opening remark": _add_remark,
    "edit opening remark": _edit_remark,
    "section title": _section_title,
    "section role": _section_role,
    "add section": _add_section,
    "delete section": _delete_section,
    "move section": _move_section,
    "type paragraph": _type_paragraph,
    "new paragraph": _new_paragraph,
    "delete paragraph": _delete_paragraph,
    "move paragraph": _move_paragraph,
    "change kind": _change_kind,
    "indent": _indent,
    "outdent": _outdent,
    "signature": _signature,
    "insert field": _insert_field,
    "delete field": _delete_chip,
    "reset to standard wording": _reset_standard,
}


@pytest.mark.parametrize("name", list(EDITS))
def test_undo_redo_restores_the_store(qtbot: Any, window: Any, name: str) -> None:
    store, rid = window.store, window.report.id
    settle(window)
    before = stored(store, rid)
    edit = EDITS[name]
    stack = window.session.undo_stack
    start = stack.index()
    if "qtbot" in edit.__code__.co_varnames[: edit.__code__.co_argcount]:
        edit(window, qtbot)
    else:
        edit(window)
    settle(window)
    after = stored(store, rid)
    assert after != before, f"{name}: the edit did not reach the store"
    steps = stack.index() - start
    assert 1 <= steps <= 2, f"{name}: {steps} undo steps"
    for _ in range(steps):
        window.undo_action.trigger()
    settle(window)
    assert stored(store, rid) == before, f"{name}: undo did not restore the store"
    for _ in range(steps):
        window.redo_action.trigger()
    settle(window)
    assert stored(store, rid) == after, f"{name}: redo did not give the edit back"
    for _ in range(steps):
        window.undo_action.trigger()
    settle(window)
    assert stored(store, rid) == before


def test_typing_is_one_undo_step_per_field(qtbot: Any, window: Any) -> None:
    window.go_to("section", window.report.sections[0].id)
    type_words(window.sections.editor, "كلمة ثانية ثالثة رابعة")
    assert window.session.undo_stack.count() == 1


def test_undo_across_editors(qtbot: Any, window: Any) -> None:
    store, rid = window.store, window.report.id
    settle(window)
    before = stored(store, rid)
    _front_line(window)
    _type_paragraph(window)
    _meeting_venue(window)
    settle(window)
    for _ in range(3):
        window.undo_action.trigger()
    settle(window)
    assert stored(store, rid) == before
