"""Every benchmark, one after the other: `make bench`. Figures are printed, never asserted.

At the end, the figures that have a goal are printed again together, each
with the peer it was measured against in the same run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("bench_export.py", "bench_import.py", "bench_store.py", "bench_gui.py", "bench_words.py")

if __name__ == "__main__":
    goals: list[str] = []
    for script in SCRIPTS:
        print(f"\n== {script} ==", flush=True)
        with subprocess.Popen(
            [sys.executable, str(HERE / script)], stdout=subprocess.PIPE, text=True, encoding="utf-8"
        ) as run:
            assert run.stdout is not None
            for line in run.stdout:
                print(line, end="", flush=True)
                if "(goal" in line or "goal <" in line:
                    goals.append(line.rstrip())
    print("\n== the goals ==")
    for line in goals:
        print(line)
