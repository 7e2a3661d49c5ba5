"""Every benchmark, one after the other: `make bench`. Figures are printed, never asserted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    for script in ("bench_export.py", "bench_import.py", "bench_gui.py", "bench_words.py"):
        print(f"\n== {script} ==", flush=True)
        subprocess.run([sys.executable, str(HERE / script)], check=False)
