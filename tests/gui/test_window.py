"""The main window in Arabic (right to left) and in English; screenshots
kept in `test-artifacts/`; the entry points with `--screenshot`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

from cwgdraft.core.store import Store
from tests.gui.conftest import ARTIFACTS, REPO, make_window, sample_2022
from tests.gui.helpers import settle


def _shot(window: Any, name: str) -> Path:
    settle(window)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    image = window.grab().toImage()
    assert image.save(str(path))
    return path


def _left(widget: Any, window: Any) -> int:
    return widget.mapTo(window, QPoint(0, 0)).x()


def test_arabic_window_is_right_to_left(qtbot: Any, window: Any) -> None:
    app = QApplication.instance()
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QFontInfo(app.font()).family() == "Amiri"
    # The splitter's first widget (the navigator) is drawn on the right half, the preview on the left.
    nav = window.navigator
    assert _left(nav, window) > window.width() / 2
    assert _left(window.preview, window) < window.width() / 2
    assert window.menuBar().actions()[0].text() == "ملف"
    path = _shot(window, "main-window-ar.png")
    # The grabbed image agrees: the navigator's report filter is in the right half of the picture.
    image = window.grab().toImage()
    assert image.width() == window.width()
    centre = window.navigator.filter.mapTo(window, window.navigator.filter.rect().center())
    assert centre.x() > image.width() / 2
    assert path.stat().st_size > 10_000
    # The paragraph editor, with a paragraph open.
    paragraph = window.report.sections[1].paragraphs[0]
    window.go_to("paragraph", paragraph.id)
    assert window.sections.editor.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.sections.number_label.text() == "1.2"
    _shot(window, "editor-ar.png")


def test_english_window_is_left_to_right(qtbot: Any, sample_store: Any, tmp_path: Path) -> None:
    store, report_id = sample_store
    window = make_window(qtbot, store, report_id, tmp_path, lang="en")
    try:
        assert QApplication.instance().layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert window.menuBar().actions()[0].text() == "File"
        assert window.export_action.text() == "Export to Word…"
        assert _left(window.navigator, window) < window.width() / 2
        _shot(window, "main-window-en.png")
        window.close()
    finally:
        from cwgdraft.gui import i18n

        app = QApplication.instance()
        app.setLayoutDirection(i18n.install(app, "ar"))
        app.setProperty("cwgdraft_lang", "ar")


def test_tooltips_are_arabic(qtbot: Any, window: Any) -> None:
    for action in (window.export_action, window.undo_action, window.new_paragraph_action, window.preview_action):
        assert any("\u0600" <= ch <= "\u06ff" for ch in action.toolTip())


def test_shortcuts(qtbot: Any, window: Any) -> None:
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    assert window.preview_action.shortcut().toString() == "F9"
    assert window.move_up_action.shortcut().toString() == "Alt+Up"
    assert "Ctrl+Return" in [s.toString() for s in window.new_paragraph_action.shortcuts()]
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert not window.preview.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.preview.isVisible()
    window.filter_action.trigger()
    qtbot.keyClicks(window.navigator.filter, "zzz-no-such")
    assert window.navigator.visible_reports() == []
    window.navigator.filter.clear()
    assert window.report.id in window.navigator.visible_reports()


def test_settings_remember_the_window(qtbot: Any, sample_store: Any, tmp_path: Path) -> None:
    store, report_id = sample_store
    window = make_window(qtbot, store, report_id, tmp_path)
    window.splitter.setSizes([300, 500, 560])
    sizes = window.splitter.sizes()
    window.close()
    again = make_window(qtbot, store, report_id, tmp_path)
    assert again.splitter.sizes() == sizes
    from cwgdraft.gui.main_window import recent_stores, remember_store

    remember_store(again.settings, store.path)
    assert recent_stores(again.settings)[0] == str(Path(store.path).resolve())
    again.close()


@pytest.mark.slow
@pytest.mark.parametrize("how", ["cwgdraft gui", "cwgdraft-gui"])
def test_entry_points_take_a_screenshot(tmp_path: Path, how: str) -> None:
    db = tmp_path / "store.db"
    report = sample_2022()
    with Store.open(db) as store:
        store.save(report)
    shot = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    if how == "cwgdraft gui":
        cmd = [sys.executable, "-m", "cwgdraft", "--db", str(db), "gui", "--report", report.id, "--screenshot", str(shot)]
    else:
        cmd = [str(Path(sys.executable).parent / "cwgdraft-gui"), "--db", str(db), "--report", report.id,
               "--screenshot", str(shot)]
        if not Path(cmd[0]).exists():
            pytest.skip("cwgdraft-gui is not installed in this environment")
    done = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert shot.exists() and shot.stat().st_size > 10_000


def test_a_store_that_cannot_be_opened_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-store.db"
    bad.write_text("hello", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-m", "cwgdraft.gui.app", "--db", str(bad), "--screenshot",
                           str(tmp_path / "x.png")], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert str(bad) in done.stderr


def test_many_qt_calls_do_not_kill_python(qtbot: Any, window: Any) -> None:
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None on every Qt call
    returning nothing, and Python aborted after a few thousand (pyproject.toml
    excludes that release). A long editing session makes far more calls."""
    before = sys.getrefcount(None)
    for _ in range(3):
        for _ in range(4000):
            window.undo_action.setEnabled(True)
    window._enable()
    assert sys.getrefcount(None) >= before - 100


def test_lists_fit_their_width(qtbot: Any, window: Any) -> None:
    """The report list shows title, symbol and date side by side, the title elided; the paragraph
    list and the outline elide long paragraphs: nothing needs a sideways scroll bar."""
    settle(window)
    reports = window.navigator.reports
    widths = [reports.columnWidth(c) for c in range(3)]
    assert sum(widths) <= reports.viewport().width()
    metrics = reports.fontMetrics()
    for c in (1, 2):
        assert widths[c] >= metrics.horizontalAdvance(reports.headerItem().text(c))
    assert widths[0] > widths[1] and widths[0] > widths[2]
    section = window.report.sections[-1]
    window.go_to("section", section.id)
    settle(window)
    for view in (reports, window.sections.list, window.navigator.outline):
        assert view.horizontalScrollBar().maximum() == 0 or not view.horizontalScrollBar().isVisible()
        assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


@pytest.mark.parametrize("page_name", ["front", "meetings", "signature"])
def test_form_fields_line_up(qtbot: Any, window: Any, page_name: str) -> None:
    """A page's forms share one label column: every field starts at the same distance from the edge."""
    from PySide6.QtWidgets import QFormLayout

    window.go_to(page_name)
    settle(window)
    page = window.page_by_name[page_name]
    starts = set()
    for form in page.forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if item is None or item.widget() is None:
                continue
            widget = item.widget()
            right = widget.mapTo(page.body, QPoint(widget.width(), 0)).x()  # the start edge, right to left
            starts.add(right)
    assert len(starts) == 1, starts


def test_people_table_fits_its_width(qtbot: Any, window: Any) -> None:
    """Text columns give up room (elided) before the table needs a sideways scroll bar; headers stay whole."""
    window.go_to("people")
    settle(window)
    qtbot.wait(10)  # the refit after the page is laid out
    table = window.people.table
    widths = [table.columnWidth(c) for c in range(table.columnCount())]
    assert sum(widths) <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    metrics = table.horizontalHeader().fontMetrics()
    for c in range(table.columnCount()):
        assert widths[c] >= min(170, metrics.horizontalAdvance(table.horizontalHeaderItem(c).text())), c


def test_calendar_popup_is_compact_with_whole_day_names(qtbot: Any, window: Any) -> None:
    """Qt's smallest header column follows the font's height (176 px with Amiri): not a 1200 px calendar."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QTableView

    calendar = window.front.fields[("report", "date")].calendar
    assert calendar.sizeHint().width() < 500
    view = calendar.findChild(QTableView)
    metrics = view.horizontalHeader().fontMetrics()
    locale = calendar.locale()
    for day in range(1, 8):
        name = locale.dayName(day, QLocale.FormatType.ShortFormat)
        assert view.horizontalHeader().minimumSectionSize() >= metrics.horizontalAdvance(name), name
