"""Killing the app with SIGKILL loses at most the last second of typing,
and leaves the store consistent."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cwgdraft.core.store import Store
from tests.gui.conftest import REPO, sample_2022

pytestmark = pytest.mark.slow


def test_sigkill_keeps_every_edit_older_than_a_second(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    report = sample_2022()
    with Store.open(db) as store:
        store.save(report)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-m", "tests.gui.crash_app", str(db), report.id], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen: dict[int, float] = {}
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + 60
        for line in proc.stdout:
            if line.startswith("edited "):
                seen[int(line.split()[1])] = time.monotonic()
            if len(seen) >= 25 or time.monotonic() > deadline:
                break
        killed_at = time.monotonic()
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(10)
    assert len(seen) >= 25, proc.stderr.read() if proc.stderr else ""

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    with Store.open(db) as store:
        text = store.get(report.id).sections[0].paragraphs[0].text
    old_enough = [n for n, at in seen.items() if killed_at - at > 1.0]
    assert old_enough, "the test did not run long enough"
    words = [int(w) for w in text.split(" كلمة")[1:]]
    assert words == list(range(1, len(words) + 1)), "edits saved in order, none torn"
    assert len(words) >= max(old_enough), f"lost edits older than a second: {max(old_enough)} typed, {len(words)} saved"
