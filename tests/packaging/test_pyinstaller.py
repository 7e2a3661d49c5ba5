"""The packaged app: PyInstaller builds the one-folder app, and it starts.

Builds `packaging/cwgdraft.spec` into a temporary folder, then runs the built
executable with `--screenshot` on a store holding the samples, offscreen, and
checks it drew the window. Prints the build time and the size of the folder.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
SPEC = REPO / "packaging" / "cwgdraft.spec"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None,
        reason="PyInstaller is not installed (pip install -e '.[package]' or '.[test]')",
    ),
]


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def isolated_env(home: Path) -> dict[str, str]:
    """Offscreen Qt, and settings, data and caches in a temporary home (not the user's)."""
    env = dict(os.environ)
    env.pop("CWGDRAFT_DB", None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        APPDATA=str(home / "appdata"),
        LOCALAPPDATA=str(home / "localappdata"),
    )
    return env


@pytest.fixture(scope="module")
def built_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build once for the module; the folder `dist/cwgdraft`."""
    if not (REPO / "cwgdraft" / "gui" / "app.py").exists():
        pytest.skip("the desktop app (cwgdraft/gui/app.py) is not there")
    tmp = tmp_path_factory.mktemp("pyinstaller")
    dist, work = tmp / "dist", tmp / "work"
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(SPEC)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    assert done.returncode == 0, done.stderr[-4000:]
    folder = dist / "cwgdraft"
    size = folder_size(folder)
    print(f"\npyinstaller build: {seconds:.1f} s; dist/cwgdraft: {size / 1e6:.0f} MB")
    return folder


def executable(folder: Path) -> Path:
    return folder / ("cwgdraft.exe" if sys.platform == "win32" else "cwgdraft")


def data_dir(folder: Path) -> Path:
    internal = folder / "_internal"  # PyInstaller 6; older versions put data beside the executable
    return internal if internal.is_dir() else folder


def test_bundle_holds_the_data_files(built_app: Path) -> None:
    data = data_dir(built_app)
    for part in (
        "templates/council-ar/report.xml.j2",
        "templates/council-ar/standard/introduction.xml.j2",  # the standard wording
        "templates/council-ar/standard/document_item.xml.j2",
        "templates/council-ar/reference.docx",
        "templates/council-ar/manifest.json",
        "docs/report.schema.json",
        "resources/samples/cwg-cop-18-2022.json",
        "resources/icons/cwgdraft.png",
        "fontpkg_amiri/files/Amiri-Regular.ttf",
        "fontpkg_amiri/files/Amiri-Bold.ttf",
    ):
        assert (data / part).is_file(), part
    # The interface translations, compiled while building (the frozen app cannot run lrelease).
    for ts in (REPO / "resources" / "translations").glob("*.ts"):
        assert (data / "resources" / "translations" / f"{ts.stem}.qm").is_file(), ts.name
    assert list((data / "jsonschema_specifications").rglob("*.json")) or list((data / "jsonschema").rglob("*.json"))
    # Only the Qt modules the app uses.
    names = {p.name.split(".")[0] for p in (data / "PySide6").glob("Qt*.*") if p.suffix in {".so", ".pyd"}}
    assert {"QtCore", "QtGui", "QtWidgets"} <= names
    assert not names & {"QtNetwork", "QtQml", "QtQuick", "QtSql", "QtWebEngineCore", "QtPdf", "QtTest"}
    assert not (data / "tkinter").exists()


def test_built_app_starts_and_draws_the_window(built_app: Path, tmp_path: Path) -> None:
    db = tmp_path / "tmp.db"
    shot = tmp_path / "out.png"
    env = isolated_env(tmp_path / "home")
    start = time.perf_counter()
    done = subprocess.run(
        [str(executable(built_app)), "--screenshot", str(shot), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    seconds = time.perf_counter() - start
    print(f"\nbuilt app, start to screenshot: {seconds:.2f} s")
    assert done.returncode == 0, done.stderr[-4000:]
    assert "Traceback" not in done.stderr, done.stderr[-4000:]
    assert shot.is_file() and shot.stat().st_size > 1000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_built_app_opens_a_sample(built_app: Path, tmp_path: Path) -> None:
    """The engine inside the bundle: store, schema, templates; the 2022 sample opened and previewed."""
    db = tmp_path / "samples.db"
    env = isolated_env(tmp_path / "home")
    subprocess.run(
        [sys.executable, "-m", "cwgdraft", "--db", str(db), "sample"], check=True, capture_output=True, env=env
    )
    listed = subprocess.run(
        [sys.executable, "-m", "cwgdraft", "--db", str(db), "list", "--json"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    import json

    report_id = json.loads(listed.stdout)[0]["id"]
    shot = tmp_path / "sample.png"
    done = subprocess.run(
        [str(executable(built_app)), "--db", str(db), "--report", report_id, "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert "Traceback" not in done.stderr, done.stderr[-4000:]
    assert shot.is_file() and shot.stat().st_size > 1000
