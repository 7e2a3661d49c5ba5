"""The peer of the app's start: an empty PySide6 main window of the same size,
shown and grabbed to a PNG, then quit. `python bench/peer_empty_window.py OUT.png`
prints `drawn_at EPOCH` on stderr once the window is grabbed."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main(target: str) -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1360, 820)
    window.show()

    def shoot() -> None:
        shot = window.grab()
        print(f"drawn_at {time.time():.6f}", file=sys.stderr, flush=True)
        shot.save(target)
        window.close()
        app.quit()

    QTimer.singleShot(0, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
