"""Starting the app (`cwgdraft gui`, `cwgdraft-gui`): what cannot work is said in one line on
stderr before any window is made: no display (exit 1), a report that is not there or not one,
a screenshot that cannot be written (exit 2)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cwgdraft.core.model import Report
from cwgdraft.core.store import Store
from tests.gui.conftest import REPO, sample_2022

ENTRY_POINTS = ["cwgdraft gui", "cwgdraft-gui"]


def _command(how: str, db: Path, *args: str) -> list[str]:
    if how == "cwgdraft gui":
        return [sys.executable, "-m", "cwgdraft", "--db", str(db), "gui", *args]
    return [sys.executable, "-m", "cwgdraft.gui.app", "--db", str(db), *args]


def _run(cmd: list[str], tmp_path: Path, **env: str | None) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
                       PYTHONPATH=str(REPO))
    for name, value in env.items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return subprocess.run(cmd, cwd=REPO, env=environment, capture_output=True, text=True, timeout=60)


def _one_line(done: subprocess.CompletedProcess[str]) -> str:
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr and "qt.qpa" not in done.stderr
    return lines[0]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    with Store.open(path) as store:
        store.save(sample_2022())
        store.save(Report(symbol="C23/9-A"))
        store.save(Report(symbol="C23/9-A"))
    return path


def _unused_display() -> str:
    number = 77
    while Path(f"/tmp/.X11-unix/X{number}").exists():
        number += 1
    return f":{number}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays as Linux names them")
@pytest.mark.parametrize("how", ENTRY_POINTS)
def test_no_display_is_one_line(tmp_path: Path, db: Path, how: str) -> None:
    done = _run(_command(how, db), tmp_path, QT_QPA_PLATFORM=None, DISPLAY=None, WAYLAND_DISPLAY=None)
    assert done.returncode == 1
    line = _one_line(done)
    assert "display" in line and "DISPLAY" in line


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays as Linux names them")
@pytest.mark.parametrize("how", ENTRY_POINTS)
@pytest.mark.parametrize("where", ["local", "network"])
def test_a_display_that_is_not_there_is_one_line(tmp_path: Path, db: Path, how: str, where: str) -> None:
    """A local display whose socket is missing is found before Qt starts; one Qt cannot reach
    (here a closed port) is Qt's fatal message, which becomes the same one line."""
    display = _unused_display() if where == "local" else "127.0.0.1" + _unused_display()
    done = _run(_command(how, db), tmp_path, QT_QPA_PLATFORM=None, DISPLAY=display, WAYLAND_DISPLAY=None)
    assert done.returncode == 1
    line = _one_line(done)
    assert display in line
    assert line.startswith(how.split()[0] + ": no display found")


def test_which_environments_have_a_display() -> None:
    from cwgdraft.gui.app import display_problem

    assert display_problem({}, "linux")
    assert display_problem({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert display_problem({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert display_problem({}, "win32") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "minimal:enable_fonts"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({"DISPLAY": "remote.example.org:0"}, "linux") is None


@pytest.mark.parametrize("how", ENTRY_POINTS)
def test_a_report_that_is_not_there_is_refused(tmp_path: Path, db: Path, how: str) -> None:
    shot = tmp_path / "x.png"
    done = _run(_command(how, db, "--report", "nope", "--screenshot", str(shot)), tmp_path)
    assert done.returncode == 2
    assert "nope" in _one_line(done)
    assert not shot.exists()


def test_an_ambiguous_report_is_refused(tmp_path: Path, db: Path) -> None:
    shot = tmp_path / "x.png"
    done = _run(_command("cwgdraft gui", db, "--report", "C23/9-A", "--screenshot", str(shot)), tmp_path)
    assert done.returncode == 2
    assert "C23/9-A" in _one_line(done)
    assert not shot.exists()


@pytest.mark.parametrize("where", ["folder", "no folder", "file as folder", "not a picture", "not writable"])
def test_a_screenshot_that_cannot_be_written_is_refused(tmp_path: Path, db: Path, where: str) -> None:
    (tmp_path / "a-file.txt").write_text("x", encoding="utf-8")
    if where == "not writable" and not Path("/proc/self").is_dir():
        pytest.skip("no /proc here (a folder nobody can write in, not even root)")
    shot = {"folder": tmp_path, "no folder": tmp_path / "missing" / "x.png",
            "file as folder": tmp_path / "a-file.txt" / "x.png", "not a picture": tmp_path / "x.docx",
            "not writable": Path("/proc/self/x.png")}[where]
    done = _run(_command("cwgdraft gui", db, "--screenshot", str(shot)), tmp_path)
    assert done.returncode == 2, done.stderr
    assert str(shot) in _one_line(done)
    assert not (tmp_path / "missing").exists()
    assert not (tmp_path / "x.docx").exists()


def test_a_report_by_its_symbol_is_the_one_shown(tmp_path: Path, db: Path) -> None:
    """The report opened (remembered in the settings as the last one) is the one asked for."""
    shot = tmp_path / "x.png"
    report = sample_2022()
    done = _run(_command("cwgdraft-gui", db, "--report", report.symbol, "--screenshot", str(shot)), tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # nothing said when all is well (not even the offscreen platform's notes)
    assert shot.stat().st_size > 10_000
    settings = (tmp_path / "config" / "cwgdraft" / "cwgdraft.conf").read_text(encoding="utf-8")
    assert f"last_report={report.id}" in settings
