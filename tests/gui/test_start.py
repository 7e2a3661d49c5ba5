"""The start: the window is drawn with the front page alone made, the preview rendered
once after it; every other page is made the first time something reaches it, and
works as if it had always been there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from cwgdraft.core.content import Field
from cwgdraft.core.store import Store
from tests.gui.conftest import REPO, sample_2022
from tests.gui.helpers import commit_text, settle

LATER_PAGES = ("meetings", "people", "contributions", "remarks", "section", "signature")


def _start(tmp_path: Path, script: str, **env: str) -> tuple[dict[str, Any], str]:
    """`script` run as a real start of the app (a screenshot run, offscreen) on the 2022
    sample in a new store: the JSON it prints last, and what it wrote on stderr."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    db = tmp_path / "store.db"
    report = sample_2022()
    with Store.open(db) as store:
        store.save(report)
    environ = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
                   PYTHONPATH=str(REPO), **env)
    done = subprocess.run([sys.executable, "-c", script, "--db", str(db), "--report", report.id,
                           "--screenshot", str(tmp_path / "shot.png")], cwd=REPO, env=environ, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


def _made(window: Any) -> set[str]:
    return {name for name in window.page_by_name if window.pages.made(name) is not None}


def test_the_window_opens_with_the_front_page_alone_made(qtbot: Any, window: Any) -> None:
    assert window.pages.currentWidget() is window.front
    assert _made(window) == {"front"}
    assert window.words._proofer is None  # proofing starts with the paragraph editor
    # Closing saves the layout without making the pages whose layout it keeps.
    window.save_settings()
    assert _made(window) == {"front"}


def test_a_fact_on_a_page_not_yet_made_is_focused_there(qtbot: Any, window: Any) -> None:
    assert window.pages.made("meetings") is None
    window.go_to_fact(Field("meetings.participants"))
    QApplication.processEvents()
    assert window.pages.currentWidget() is window.meetings
    assert window.focusWidget() is window.meetings.participants
    first = window.report.meetings[0]
    assert window.meetings.participants.value() == (first.participants or 0)  # loaded, not an empty form

    window.go_to_fact(Field("chair.name"))
    assert window.pages.currentWidget() is window.people
    chair = next(p for p in window.report.people if p.role.value == "chair")
    assert window.people.table.currentRow() == [p.id for p in window.report.people].index(chair.id)


def test_a_missing_field_on_a_page_not_yet_made_is_marked_and_focused(qtbot: Any, window: Any) -> None:
    window.session.report.signature.name = ""
    assert window.pages.made("signature") is None
    window.go_to_path("signature.name", "مطلوب")
    QApplication.processEvents()
    assert window.pages.currentWidget() is window.signature
    field = window.signature.fields[("signature", "name")]
    assert field.error.isVisible() and "مطلوب" in field.error.text()
    assert window.focusWidget() is field.editor


def test_the_outline_opens_a_paragraph_before_the_sections_page_is_made(qtbot: Any, window: Any) -> None:
    section = window.report.sections[1]
    paragraph = section.paragraphs[0]
    assert window.pages.made("section") is None
    window.navigator.place_chosen.emit("paragraph", paragraph.id)
    QApplication.processEvents()
    sections = window.sections
    assert window.pages.currentWidget() is sections
    assert sections.section_id == section.id and sections.paragraph_id == paragraph.id
    assert sections.editor.toPlainText().strip() != ""
    # Made now, the paragraph editor is proofed as it always was.
    assert window.words.highlighter is not None and window.words.highlighter.document() is sections.editor.document()


def test_a_new_paragraph_from_the_menu_makes_the_sections_page(qtbot: Any, window: Any) -> None:
    count = sum(len(s.paragraphs) for s in window.report.sections)
    window.new_paragraph_action.trigger()
    assert window.pages.currentWidget() is window.sections
    assert sum(len(s.paragraphs) for s in window.report.sections) == count + 1


def test_undo_lands_on_a_page_made_after_the_edit(qtbot: Any, window: Any) -> None:
    """An edit made where the page was on show, the page then left: undo and redo change the report,
    and the page, made or not, shows what the report holds."""
    meeting = window.report.meetings[0]
    window.go_to("meetings", meeting.id)
    field = window.meetings.fields[("meeting", "venue")]
    field.editor.selectAll()
    commit_text(field.editor, "جنيف (CICG) 2022")
    assert meeting.venue == "جنيف (CICG) 2022"
    window.go_to("front")
    window.undo_action.trigger()
    assert meeting.venue != "جنيف (CICG) 2022"
    window.go_to("meetings", meeting.id)
    assert window.meetings.fields[("meeting", "venue")].value() == meeting.venue
    window.redo_action.trigger()
    assert window.meetings.fields[("meeting", "venue")].value() == "جنيف (CICG) 2022"


def test_find_reaches_a_paragraph_before_the_sections_page_is_made(qtbot: Any, window: Any) -> None:
    paragraph = window.report.sections[1].paragraphs[0]
    word = max(paragraph.text.split(), key=len)
    assert window.pages.made("section") is None
    window.find_action.trigger()
    dialog = window.words.find_dialog
    dialog.find_edit.setText(word)
    for _ in range(len(dialog.matches())):
        found = dialog.find_next()
        if found is not None and found.source == paragraph.id:
            break
    else:
        raise AssertionError(f"{word!r} not found in its paragraph")
    QApplication.processEvents()
    assert window.pages.currentWidget() is window.sections
    assert window.sections.paragraph_id == paragraph.id


def test_a_page_made_after_a_check_marks_its_empty_fields(qtbot: Any, window: Any) -> None:
    """The marks of a check before export reach pages made after it."""
    meeting = window.report.meetings[0]
    meeting.start = None
    settle(window)
    window.checked_for_export = True
    assert window.pages.made("meetings") is None
    window.go_to("meetings", meeting.id)
    field = window.meetings.fields[("meeting", "start")]
    assert field.error.isVisible() and field.error.text()


def test_the_paragraph_splitter_keeps_its_place_across_starts(qtbot: Any, sample_store: Any, tmp_path: Path) -> None:
    from tests.gui.conftest import make_window

    store, report_id = sample_store
    first = make_window(qtbot, store, report_id, tmp_path)
    first.go_to("section")
    first.sections.split.setSizes([120, 400])
    sizes = first.sections.split.sizes()
    first.close()
    second = make_window(qtbot, store, report_id, tmp_path)
    assert second.pages.made("section") is None
    second.go_to("section")
    assert second.sections.split.sizes() == sizes
    second.close()


# The real start (`cwgdraft-gui --screenshot`), with the preview's renderer counted.
COUNTING_START = """
import json, sys
from cwgdraft.gui import app, preview
from cwgdraft.gui import main_window
renders = []
real = preview.render
windows = []
real_init = main_window.MainWindow.__init__
def init(self, *a, **k):
    real_init(self, *a, **k)
    windows.append(self)
def render(report, *a, **k):
    renders.append(bool(windows) and windows[0].drawn)
    return real(report, *a, **k)
preview.render = render
main_window.MainWindow.__init__ = init
code = app.main(sys.argv[1:])
made = [n for n in windows[0].page_by_name if windows[0].pages.made(n) is not None]
print(json.dumps({"code": code, "renders": renders, "made": made}))
"""


def test_the_start_draws_the_window_then_renders_the_preview_once(tmp_path: Path) -> None:
    result, said = _start(tmp_path, COUNTING_START, CWGDRAFT_TIMING="1")
    assert result["renders"] == [True], "the preview is rendered once, after the window is first drawn"
    assert result["made"] == ["front"]
    assert any(line.startswith("drawn_at ") for line in said.splitlines())
    assert (tmp_path / "shot.png").stat().st_size > 10_000


def test_the_calendar_is_made_when_first_opened_on_the_date_shown(qtbot: Any, window: Any) -> None:
    import datetime as dt

    from PySide6.QtCore import QDate, QPoint

    meeting = window.report.meetings[0]
    window.go_to("meetings", meeting.id)
    field = window.meetings.fields[("meeting", "start")]
    assert field._calendar is None and meeting.start is not None
    menu = field.button.menu()
    menu.popup(field.button.mapToGlobal(QPoint(0, field.button.height())))
    qtbot.waitUntil(lambda: field._calendar is not None and field._calendar.isVisible())
    shown = meeting.start
    assert field.calendar.selectedDate() == QDate(shown.year, shown.month, shown.day)
    assert menu.sizeHint().width() < 500  # laid out around the calendar made as it opened
    field.calendar.clicked.emit(QDate(shown.year, shown.month, 3))  # a day picked
    assert meeting.start == dt.date(shown.year, shown.month, 3)
    assert not menu.isVisible()


JINJA_AT_FIRST_PAINT = """
import json, sys
from cwgdraft.gui import app
seen = {}
real = app._say_when_drawn
def watch(window):
    real(window)
    from PySide6.QtCore import QEvent, QObject
    class First(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and "jinja" not in seen:
                seen["jinja"] = "jinja2" in sys.modules
                table = getattr(sys.modules.get("__feature__"), "pyside_feature_dict", {})
                seen["marked"] = [table.get(n) for n in ("cwgdraft.core.store", "cwgdraft.gui.main_window")]
            return False
    window._first = First(window)
    window.installEventFilter(window._first)
app._say_when_drawn = watch
code = app.main(sys.argv[1:])
print(json.dumps({"code": code, **seen}))
"""


def test_the_window_is_drawn_before_jinja_is_loaded(tmp_path: Path) -> None:
    """The standard wording the window shows at start comes from the snippets kept
    by an earlier start; Jinja loads for the preview, after the window is drawn.
    And PySide6 was told which modules use it, instead of reading them all."""
    cache = str(tmp_path / "cache")
    results = [_start(tmp_path / f"run{n}", JINJA_AT_FIRST_PAINT, CWGDRAFT_TIMING="1", CWGDRAFT_TEMPLATE_CACHE=cache)[0]
               for n in range(2)]
    assert results[0]["jinja"]  # nothing kept yet: the snippets are rendered
    assert results[1]["jinja"] is False
    assert results[1]["marked"] == [-1, 0]


def test_the_views_viewports_are_known_by_name(qtbot: Any, window: Any) -> None:
    """`adopt_viewport` finds Qt's viewport by the name Qt gives it; were the name to change,
    `viewport()` would again cost the first call its 8 ms, and this says so."""
    from PySide6.QtWidgets import QTextEdit, QTreeWidget, QWidget

    from cwgdraft.gui.widgets import adopt_viewport

    for area in (QTreeWidget(), QTextEdit(), window.navigator.reports, window.front.fields[("report", "title")].content_edit):
        adopt_viewport(area)
        assert area.findChild(QWidget, "qt_scrollarea_viewport") is area.viewport()


def test_work_after_the_first_paint_waits_for_it_or_runs_at_once(qtbot: Any, sample_store: Any, tmp_path: Path) -> None:
    from tests.gui.conftest import make_window

    store, report_id = sample_store
    window = make_window(qtbot, store, report_id, tmp_path)
    qtbot.waitUntil(lambda: window.drawn)
    done: list[str] = []
    window.after_drawn(lambda: done.append("now"))
    assert done == ["now"]  # drawn already: at once

    from PySide6.QtCore import QSettings

    from cwgdraft.gui.main_window import MainWindow

    later = MainWindow(store, QSettings(str(tmp_path / "later.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(later)
    later.after_drawn(lambda: done.append("after"))
    QApplication.processEvents()
    assert done == ["now"]  # not shown, not drawn: waiting
    later.show()
    qtbot.waitUntil(lambda: done == ["now", "after"])
    later.close()


# The real start, noting whether the windows' icon is there when the window is first drawn and when it closes.
ICON_START = """
import json, sys
from PySide6.QtWidgets import QApplication
from cwgdraft.gui import app, main_window
seen = {}
real_paint = main_window.MainWindow.paintEvent
real_close = main_window.MainWindow.closeEvent
def paint(self, event):
    seen.setdefault("painted", QApplication.windowIcon().isNull())
    real_paint(self, event)
def close(self, event):
    seen["closed"] = QApplication.windowIcon().isNull()
    real_close(self, event)
main_window.MainWindow.paintEvent = paint
main_window.MainWindow.closeEvent = close
code = app.main(sys.argv[1:])
print(json.dumps({"code": code, "icon_missing": seen}))
"""


def test_the_start_sets_the_windows_icon_once_the_window_is_drawn(tmp_path: Path) -> None:
    result, _said = _start(tmp_path, ICON_START)
    assert result == {"code": 0, "icon_missing": {"painted": True, "closed": False}}


# The real start, counting how often the report is read from the store.
READS_START = """
import json, sys
from cwgdraft.core.store import Store
from cwgdraft.gui import app, main_window
reads = []
real = Store.get_with_version
def get_with_version(self, ref):
    reads.append(ref)
    return real(self, ref)
Store.get_with_version = get_with_version
versions = []
real_close = main_window.MainWindow.closeEvent
def close(self, event):
    versions.append([self.session.report.id, self.session.version])
    real_close(self, event)
main_window.MainWindow.closeEvent = close
code = app.main(sys.argv[1:])
print(json.dumps({"code": code, "reads": reads, "versions": versions}))
"""


def test_the_start_reads_the_report_it_opens_once(tmp_path: Path) -> None:
    report = sample_2022()
    result, _said = _start(tmp_path, READS_START)
    assert result == {"code": 0, "reads": [report.id], "versions": [[report.id, 1]]}  # a new store: version 1


# The real start, counting the cycle collector's passes until the window is first drawn.
GC_START = """
import gc, json, sys
from cwgdraft.gui import app
passes = []
drawn = []
def count(phase, info):
    if phase == "start" and not drawn:
        passes.append(info["generation"])
real_make_app = app.make_app
def make_app(*args, **kwargs):
    made = real_make_app(*args, **kwargs)
    from cwgdraft.gui import main_window
    real_paint = main_window.MainWindow.paintEvent
    def paint(self, event):
        drawn.append(True)
        real_paint(self, event)
    main_window.MainWindow.paintEvent = paint
    return made
app.make_app = make_app
gc.callbacks.append(count)
code = app.main(sys.argv[1:])
print(json.dumps({"code": code, "passes": passes, "enabled_after": gc.isenabled()}))
"""


def test_the_cycle_collector_waits_from_the_start_to_after_the_first_paint(tmp_path: Path) -> None:
    result, _said = _start(tmp_path, GC_START)
    assert result == {"code": 0, "passes": [], "enabled_after": True}


def test_the_report_filter_gets_its_clear_button_once_the_window_is_drawn(qtbot: Any, sample_store: Any,
                                                                          tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from cwgdraft.gui.main_window import MainWindow

    store, report_id = sample_store
    window = MainWindow(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.open_report(report_id)
    assert not window.navigator.filter.isClearButtonEnabled()  # not in the first picture: later
    window.show()
    qtbot.waitUntil(lambda: window.navigator.filter.isClearButtonEnabled())
    assert window.drawn


def test_settings_are_written_once_the_window_is_drawn_the_newest_last(qtbot: Any, sample_store: Any,
                                                                       tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from cwgdraft.gui.main_window import MainWindow
    from tests.report_factory import full_report

    store, report_id = sample_store
    other = full_report()
    store.save(other)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.open_report(report_id)
    assert settings.value("last_report") is None  # not yet: the file would be written before the first paint
    window.show()
    qtbot.waitUntil(lambda: window.drawn)
    window.open_report(other.id)  # right after the first paint, before what waited for it has run
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not window._after_drawn)
    assert settings.value("last_report") == other.id

    never = MainWindow(store, QSettings(str(tmp_path / "never.ini"), QSettings.Format.IniFormat))
    never.open_report(report_id)
    never.close()  # closed, never drawn: written then
    assert QSettings(str(tmp_path / "never.ini"), QSettings.Format.IniFormat).value("last_report") == report_id


# The real start, looking at the settings file when the window is first drawn and at the end.
SETTINGS_START = """
import json, os, sys
from cwgdraft.gui import app
conf = os.path.join(os.environ["XDG_CONFIG_HOME"], "cwgdraft", "cwgdraft.conf")
seen = {}
real_make_app = app.make_app
def make_app(*args, **kwargs):
    made = real_make_app(*args, **kwargs)
    from cwgdraft.gui import main_window
    real_paint = main_window.MainWindow.paintEvent
    def paint(self, event):
        seen.setdefault("at_first_paint", os.path.exists(conf))
        real_paint(self, event)
    main_window.MainWindow.paintEvent = paint
    return made
app.make_app = make_app
code = app.main(sys.argv[1:])
print(json.dumps({"code": code, "seen": seen, "after": open(conf, encoding="utf-8").read()}))
"""


def test_the_start_writes_its_settings_after_the_first_paint(tmp_path: Path) -> None:
    result, _said = _start(tmp_path, SETTINGS_START)
    assert result["code"] == 0 and result["seen"] == {"at_first_paint": False}
    assert f"last_report={sample_2022().id}" in result["after"]
    assert "recent_stores=" in result["after"] and "store.db" in result["after"]
