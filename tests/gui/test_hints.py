"""An empty field looks empty: what it shows is a hint (lighter, slanted), an example value is
said to be one ("مثال: C22/7-A"), and the field's name is not repeated in it as if it were a value."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from cwgdraft.core.model import Meeting, Paragraph, Report, Section, SectionRole
from cwgdraft.core.store import Store
from cwgdraft.gui.widgets import DateField, LineField, TextField
from tests.gui.conftest import make_window
from tests.gui.helpers import commit_text, settle

# The fields that show an example value when empty, and the example.
EXAMPLES = {
    ("report", "symbol"): "C22/7-A",
    ("report", "council_session"): "المجلس 2022",
    ("report", "session_place"): "جنيف",
    ("report", "agenda_item"): "PL 1.5",
    ("group", "acronym"): "CWG-COP",
    ("meeting", "venue"): "مقر الاتحاد في جنيف",
    ("meeting", "platform"): "Zoom",
    ("signature", "honorific"): "السيد، الدكتور",
}
EMBEDDING = "\u202b\u202c"


@pytest.fixture
def blank(qtbot: Any, tmp_path: Path) -> Iterator[tuple[Any, Path, str]]:
    path = tmp_path / "store.db"
    store = Store.open(path)
    report = Report(meetings=[Meeting(1)], sections=[Section("", SectionRole.INTRODUCTION, [Paragraph("")])])
    store.save(report)
    window = make_window(qtbot, store, report.id, tmp_path)
    try:
        yield window, path, report.id
    finally:
        store.close()


def _editor(field: Any) -> QLineEdit | QPlainTextEdit | None:
    if isinstance(field, LineField | DateField):
        return field.line
    if isinstance(field, TextField):
        return field.text
    return None  # a number, a choice: no hint


def _pages(window: Any) -> list[Any]:
    return [window.front, window.meetings, window.signature, window.sections]


def _lighter(editor: QLineEdit | QPlainTextEdit) -> bool:
    palette = editor.palette()
    hint = palette.color(QPalette.ColorRole.PlaceholderText)
    text = palette.color(QPalette.ColorRole.Text)
    return hint.lightness() - text.lightness() >= 100


def test_empty_fields_show_hints_as_hints(qtbot: Any, blank: tuple[Any, Path, str]) -> None:
    window, _path, _report_id = blank
    seen: set[tuple[str, str]] = set()
    for page in _pages(window):
        window.pages.setCurrentWidget(page)
        page.load()
        labels = {page.forms[0].labelForField(f).text() for f in page.fields.values()
                  if page.forms and page.forms[0].labelForField(f) is not None}
        for key, field in page.fields.items():
            editor = _editor(field)
            placeholder = editor.placeholderText().strip(EMBEDDING) if editor is not None else ""
            if editor is None or not placeholder:
                continue
            seen.add(key)
            empty = not (editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText())
            assert empty, key
            assert editor.font().italic(), key
            assert _lighter(editor), key
            assert placeholder not in labels, f"{key}: the field's name as if it were its value"
            if key in EXAMPLES:
                assert placeholder == f"مثال: {EXAMPLES[key]}", key
            else:
                assert placeholder not in EXAMPLES.values(), key
    assert set(EXAMPLES) <= seen


def test_a_typed_value_looks_like_a_value(qtbot: Any, blank: tuple[Any, Path, str]) -> None:
    window, path, report_id = blank
    window.go_to("front")
    line = window.front.fields[("report", "symbol")].line
    commit_text(line, "C23/9-A")
    assert not line.font().italic()
    summary = window.front.fields[("report", "summary")].content_edit
    commit_text(summary, "ملخص (2023)")
    assert not summary.font().italic()
    settle(window)
    with Store.open(path) as store:
        report = store.get(report_id)
    # The summary followed the standard wording: what was typed is added to it, now the drafter's own.
    assert report.symbol == "C23/9-A" and "ملخص (2023)" in str(report.summary)
    line.selectAll()
    line.del_()
    assert line.font().italic()


def test_examples_in_english(qtbot: Any, blank: tuple[Any, Path, str], english: None, tmp_path: Path) -> None:
    window, _path, _report_id = blank
    other = make_window(qtbot, window.store, window.report.id, tmp_path, lang="en")
    assert other.front.fields[("report", "symbol")].line.placeholderText() == "e.g. C22/7-A"
    assert other.front.fields[("report", "session_place")].line.placeholderText().startswith("e.g. جنيف")
