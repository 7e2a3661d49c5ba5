"""An empty store: the editor says what to do first (load the samples, import, start an empty report)
instead of a form with nothing behind it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cwgdraft.core.store import Store
from tests.gui.conftest import make_window
from tests.gui.helpers import settle


def _empty_window(qtbot: Any, tmp_path: Path) -> tuple[Any, Store]:
    store = Store.open(tmp_path / "empty.db")
    window = make_window(qtbot, store, None, tmp_path)
    return window, store


def _editors_disabled(window: Any) -> bool:
    return not any(page.isEnabled() for page in window.page_by_name.values())


def test_empty_store_shows_the_empty_state(qtbot: Any, tmp_path: Path) -> None:
    window, store = _empty_window(qtbot, tmp_path)
    try:
        assert window.session is None
        assert window.pages.currentWidget() is window.empty_page
        assert window.empty_page.isVisible()
        assert window.empty_page.samples_button.isEnabled()
        assert window.empty_page.new_button.isEnabled()
        assert _editors_disabled(window)
        assert not window.export_action.isEnabled()
        assert window.navigator.outline.topLevelItemCount() == 0
        assert "ستظهر هنا معاينة التقرير" in window.preview.toPlainText()
    finally:
        store.close()


def test_loading_the_samples_opens_one_and_leaves_the_empty_state(qtbot: Any, tmp_path: Path) -> None:
    window, store = _empty_window(qtbot, tmp_path)
    try:
        qtbot.mouseClick(window.empty_page.samples_button, qtbot_button())
        settle(window)
        assert len(store.list_reports()) == 2
        assert window.session is not None
        assert window.pages.currentWidget() is window.front
        assert not window.empty_page.isVisible()
        assert not _editors_disabled(window)
        assert window.navigator.outline.topLevelItemCount() > 5
        assert "ستظهر هنا" not in window.preview.toPlainText()
        assert window.load_samples() == 0  # a second time adds no copies
        assert len(store.list_reports()) == 2
    finally:
        store.close()


def test_new_empty_report_is_stored_and_opened(qtbot: Any, tmp_path: Path) -> None:
    window, store = _empty_window(qtbot, tmp_path)
    try:
        qtbot.mouseClick(window.empty_page.new_button, qtbot_button())
        settle(window)
        reports = store.list_reports()
        assert len(reports) == 1
        assert window.report is not None and window.report.id == reports[0].id
        assert [m.number for m in window.report.meetings] == [1]
        assert len(window.report.sections) == 1
        assert window.pages.currentWidget() is window.front
        assert window.front.isEnabled()
        # Opening another empty store brings the empty state back.
        other = tmp_path / "other.db"
        assert window.open_store(other)
        assert window.session is None
        assert window.pages.currentWidget() is window.empty_page
        assert _editors_disabled(window)
    finally:
        window.store.close()


def qtbot_button() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_an_empty_paragraph_is_said_so_in_the_list(qtbot: Any, tmp_path: Path) -> None:
    window, store = _empty_window(qtbot, tmp_path)
    try:
        report = window.new_empty_report()
        assert report is not None
        window.go_to("section", report.sections[0].id)
        settle(window)
        assert window.sections.list.item(0).text() == "1.1  [فقرة فارغة]"
    finally:
        store.close()
