"""Run the app on a store and keep editing, for the crash test.

    python -m tests.gui.crash_app STORE REPORT_ID

Opens the main window (offscreen), then every 150 ms types one more word
into the first paragraph through the same code path as a user (an
input-method event into the paragraph editor), and prints `edited N` after
each. Never exits by itself: the test kills it with SIGKILL.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    store_path, report_id = sys.argv[1], sys.argv[2]
    from PySide6.QtCore import QTimer

    from cwgdraft.core.store import Store
    from cwgdraft.gui.app import make_app
    from cwgdraft.gui.main_window import MainWindow
    from tests.gui.helpers import commit_text

    app, _ = make_app("ar")
    store = Store.open(store_path)
    window = MainWindow(store)
    window.open_report(report_id)
    window.show()
    window.go_to("section", window.report.sections[0].id)
    editor = window.sections.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    count = [0]

    def edit() -> None:
        count[0] += 1
        commit_text(editor, f" كلمة{count[0]}")
        print(f"edited {count[0]}", flush=True)

    timer = QTimer()
    timer.setInterval(150)
    timer.timeout.connect(edit)
    timer.start()
    print("ready", flush=True)
    app.exec()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
