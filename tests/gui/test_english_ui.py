"""The English interface around an Arabic report: the report's text is still edited right to left,
codes left to right, and the interface's own words are English."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.gui.conftest import make_window
from tests.gui.helpers import settle

ARABIC = re.compile(r"[\u0600-\u06ff]")


def test_report_text_stays_right_to_left_in_english(qtbot: Any, sample_store: Any, tmp_path: Path,
                                                    english: None) -> None:
    store, report_id = sample_store
    window = make_window(qtbot, store, report_id, tmp_path, lang="en")
    settle(window)
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    front = window.front
    title = front.fields[("report", "title")]
    assert title.content_edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert front.fields[("report", "council_session")].line.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert front.fields[("report", "symbol")].line.layoutDirection() == Qt.LayoutDirection.LeftToRight
    section = window.report.sections[-1]
    window.go_to("section", section.id)
    settle(window)
    assert window.sections.list.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.sections.editor.layoutDirection() == Qt.LayoutDirection.RightToLeft
    option = window.sections.editor.document().defaultTextOption()
    assert option.alignment() & Qt.AlignmentFlag.AlignRight
    # A long title shows its beginning.
    field = window.sections.fields[("section", "title")]
    assert field.content_edit.textCursor().position() == 0
    # Meetings are named in English: "Meeting 18 — 12 January 2022".
    window.go_to("meetings")
    settle(window)
    label = window.meetings.list.item(0).text()
    assert label.startswith("Meeting 18") and not ARABIC.search(label), label
    outline = window.navigator.outline
    meetings = next(outline.topLevelItem(i) for i in range(outline.topLevelItemCount())
                    if outline.topLevelItem(i).text(0) == "Meetings")
    assert meetings.child(0).text(0) == "Meeting 18"
    window.close()


def test_meeting_names_stay_arabic_in_arabic(qtbot: Any, window: Any) -> None:
    window.go_to("meetings")
    settle(window)
    assert window.meetings.list.item(0).text().startswith("الاجتماع الثامن عشر (18)")


def test_switching_language_rebuilds_the_window_at_once(qtbot: Any, window: Any) -> None:
    """Settings → language takes effect now: a new window in the other language,
    on the same store and report, with nothing lost."""
    from PySide6.QtWidgets import QApplication

    from cwgdraft.core import portable

    store, report_id = window.store, window.report.id
    before = portable.dumps(store.get(report_id))
    try:
        english = window.set_language("en")
        qtbot.addWidget(english)
        assert english is not window and not window.isVisible() and english.isVisible()
        assert QApplication.instance().layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert english.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert english.menuBar().actions()[0].text().replace("&", "") == "File"
        assert english.report is not None and english.report.id == report_id
        assert english.lang_actions["en"].isChecked()
        assert portable.dumps(store.get(report_id)) == before
        # The same language again changes nothing.
        assert english.set_language("en") is english
        arabic = english.set_language("ar")
        qtbot.addWidget(arabic)
        assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert arabic.report.id == report_id
    finally:
        from tests.gui.conftest import set_language

        set_language("ar")
