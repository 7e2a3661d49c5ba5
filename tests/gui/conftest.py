"""Fixtures for the desktop app tests: offscreen Qt, the app set up as
`cwgdraft-gui` sets it up, settings in a temporary folder, a store holding
the 2022 sample."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cwgdraft.core import portable
from cwgdraft.core.model import Report
from cwgdraft.core.store import Store
from tests.report_factory import full_report

REPO = Path(__file__).resolve().parent.parent.parent
SAMPLE_2022 = REPO / "resources" / "samples" / "cwg-cop-18-2022.json"
ARTIFACTS = REPO / "test-artifacts"


def sample_2022() -> Report:
    """The 2022 sample report (a rich factory report while it is not there)."""
    if SAMPLE_2022.exists():
        return portable.read_file(SAMPLE_2022)
    return full_report()


@pytest.fixture(scope="session")
def qapp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The QApplication as the app makes it (Amiri, Arabic, right to left); settings kept apart."""
    from PySide6.QtCore import QSettings

    settings_dir = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    from cwgdraft.gui.app import make_app

    app, _lang = make_app("ar")
    yield app


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store" / "cwgdraft.db"
    path.parent.mkdir()  # a store's folder is never made by opening it
    return path


@pytest.fixture
def sample_store(store_path: Path) -> Iterator[tuple[Store, str]]:
    """A store holding the 2022 sample; yields it and the report's id."""
    store = Store.open(store_path)
    report = sample_2022()
    store.save(report)
    try:
        yield store, report.id
    finally:
        store.close()


def make_window(qtbot: Any, store: Store, report_id: str | None, tmp_path: Path, lang: str = "ar") -> Any:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from cwgdraft.gui import i18n
    from cwgdraft.gui.main_window import MainWindow

    app = QApplication.instance()
    app.setLayoutDirection(i18n.install(app, lang))
    app.setProperty("cwgdraft_lang", lang)
    settings = QSettings(str(tmp_path / f"settings-{lang}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    if report_id:
        assert window.open_report(report_id)
    window.resize(1360, 820)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot: Any, sample_store: tuple[Store, str], tmp_path: Path) -> Iterator[Any]:
    store, report_id = sample_store
    win = make_window(qtbot, store, report_id, tmp_path)
    yield win
    if win.session is not None:
        win.session.save_now()


def set_language(lang: str) -> None:
    """The interface language, as the app sets it at start (translations, direction)."""
    from PySide6.QtWidgets import QApplication

    from cwgdraft.gui import i18n

    app = QApplication.instance()
    app.setLayoutDirection(i18n.install(app, lang))
    app.setProperty("cwgdraft_lang", lang)


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    """The English interface for one test; Arabic again after it."""
    set_language("en")
    try:
        yield
    finally:
        set_language("ar")
