"""Desktop app benchmarks: printed, not asserted.

- whole process, start to the main window drawn with the 2022 sample loaded
  (`python -m cwgdraft.gui.app --screenshot`, offscreen): median of 5;
- preview refresh after a keystroke (render + HTML + QTextBrowser.setHtml +
  laying out the whole page + painting, and the outline),
  on the 2022 sample and on the 60-page synthetic report (600 paragraphs),
  and the time the keystroke itself takes (the undo command, no rendering:
  the preview waits for a pause in typing).

Run: `.venv/bin/python bench/bench_gui.py`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from cwgdraft.core import portable  # noqa: E402
from cwgdraft.core.model import Report  # noqa: E402
from cwgdraft.core.store import Store  # noqa: E402

SAMPLE_2022 = REPO / "resources" / "samples" / "cwg-cop-18-2022.json"


def startup(db: Path, report_id: str, tmp: Path, runs: int = 5) -> list[float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp / "config"))
    times = []
    for i in range(runs + 1):
        shot = tmp / f"shot-{i}.png"
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "cwgdraft.gui.app", "--db", str(db), "--report", report_id, "--screenshot", str(shot)],
            cwd=REPO, env=env, check=True, capture_output=True,
        )
        elapsed = time.perf_counter() - start
        assert shot.exists()
        if i:  # the first run warms the disk cache and builds nothing else
            times.append(elapsed * 1000)
    return times


def keystrokes(store: Store, report: Report, runs: int = 15) -> tuple[float, float]:
    """(median keystroke ms, median preview refresh ms) typing into the longest paragraph."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from cwgdraft.gui.app import make_app
    from cwgdraft.gui.main_window import MainWindow

    app, _ = make_app("ar")
    window = MainWindow(store)
    window.open_report(report.id)
    window.resize(1360, 820)
    window.show()
    QApplication.processEvents()
    longest = max(report.all_paragraphs(), key=lambda p: len(p.text))
    window.go_to("paragraph", longest.id)
    editor = window.sections.editor
    keys, refresh = [], []
    for i in range(runs):
        event = QInputMethodEvent("", [])
        event.setCommitString("ب" if i % 2 else " ")
        start = time.perf_counter()
        QApplication.sendEvent(editor, event)
        keys.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        window.refresh_views()  # preview and outline, as the timer does after a pause
        window.preview.document().size()  # the whole page laid out, not just the part in view
        window.preview.viewport().repaint()
        refresh.append((time.perf_counter() - start) * 1000)
    window.session.save_now()
    window.close()
    del app
    return statistics.median(keys), statistics.median(refresh)


def main() -> None:
    report = portable.read_file(SAMPLE_2022)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "store.db"
        with Store.open(db) as store:
            store.save(report)
        times = startup(db, report.id, tmp)
        print(f"start to window drawn, 2022 sample (--screenshot, offscreen): median {statistics.median(times):6.0f} ms"
              f"  (runs: {', '.join(f'{t:.0f}' for t in times)}; target < 1000 ms)")
        from cwgdraft.core.synthetic import synthetic_report

        big = synthetic_report(600)
        with Store.open(db) as store:
            store.save(big)
            key, ms = keystrokes(store, store.get(report.id))
            print(f"2022 sample: keystroke {key:5.1f} ms, preview refresh {ms:6.1f} ms  (target < 100 ms)")
            key, ms = keystrokes(store, store.get(big.id))
            print(f"60-page synthetic report: keystroke {key:5.1f} ms, preview refresh {ms:6.1f} ms  (target < 300 ms)")


if __name__ == "__main__":
    main()
