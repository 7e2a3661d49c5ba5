"""Store benchmarks: printed, not asserted.

- `cwgdraft list` as a whole process on a store of 200 untitled reports
  (goal: at most 100 ms), against an empty Python process of the same run;
- opening a 25 MB store: the whole-file check (`PRAGMA quick_check`) costs
  what it costs, and an open of a store closed cleanly skips it;
- the growth of save and load at 150, 600, 2,400 and 9,600 paragraphs.

Run: `.venv/bin/python bench/bench_store.py`.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from timing import alternate, cpu_ms, growth, median_ms, process_env, sized_report  # noqa: E402

from cwgdraft.core.model import Meeting, Paragraph, Report, Section  # noqa: E402
from cwgdraft.core.store import Store  # noqa: E402
from cwgdraft.core.synthetic import synthetic_report  # noqa: E402


def untitled(i: int) -> Report:
    import datetime as dt

    return Report(
        meetings=[Meeting(1 + i % 40, start=dt.date(2020, 1, 1) + dt.timedelta(days=i))],
        sections=[Section("مقدمة", paragraphs=[Paragraph(f"فقرة {k} " + "نص " * 30) for k in range(30)])],
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "list.db"
        with Store.open(db) as store:
            for i in range(200):
                store.save(untitled(i))
        env = process_env(tmp)
        ours, empty = alternate(
            [[sys.executable, "-m", "cwgdraft", "--db", str(db), "list"], [sys.executable, "-c", "pass"]], env
        )
        print(f"`cwgdraft list`, 200 untitled reports, whole process: {ours:.0f} ms  (goal <= 100 ms; "
              f"an empty Python process in the same run: {empty:.0f} ms)")

        big = tmp / "big.db"
        with Store.open(big) as store:
            seed = 1
            while big.stat().st_size < 25_000_000:
                store.save(synthetic_report(2400, meetings=5, contributions=600, seed=seed))
                seed += 1
        size = big.stat().st_size / 1e6

        def check() -> None:
            conn = sqlite3.connect(f"file:{big}?mode=ro&immutable=1", uri=True)
            conn.execute("PRAGMA quick_check(1)").fetchall()
            conn.close()

        def open_close() -> None:
            Store.open(big).close()

        print(f"PRAGMA quick_check on a {size:.0f} MB store: {median_ms(check, runs=7, warm=1):.1f} ms; "
              f"opening it (closed cleanly, no check): {median_ms(open_close, runs=7, warm=1):.1f} ms "
              "(the check runs only after an unclean shutdown or before an upgrade)")
        print()

        with Store.open(tmp / "growth.db") as store:

            def save(n: int) -> float:
                report = sized_report(n)
                store.save(report)  # the first save inserts; the measured ones update in place
                return median_ms(lambda: store.save(report), runs=5 if n < 5000 else 3, warm=1, clock=cpu_ms)

            def load(n: int) -> float:
                report = sized_report(n)
                store.save(report)
                return median_ms(lambda: store.get(report.id), runs=5 if n < 5000 else 3, warm=1, clock=cpu_ms)

            growth("store save (a whole report, in process)", save)
            print()
            growth("store load (a whole report, in process)", load)


if __name__ == "__main__":
    main()
