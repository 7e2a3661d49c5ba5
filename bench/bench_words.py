"""Search across reports and spell checking: printed, not asserted.

- a store of 200 synthetic reports of 600 paragraphs (120,000 paragraphs):
  how long it takes to fill, and the median time of a query (a common word,
  a rarer one, two words, a Latin code, with and without diacritics);
- spell checking a 600-paragraph report with the Arabic and English
  dictionaries (cold: every word looked up once; and warm);
- typing in the app's paragraph editor while every paragraph of that report
  is being proofed on the worker thread: how long each keystroke takes, and
  when the background proofing is done.

Run: `.venv/bin/python bench/bench_words.py` (or `make bench`). The store is
kept in a temporary folder; `--reports N` makes a smaller one.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from timing import median_ms  # noqa: E402

from cwgdraft.core import search  # noqa: E402
from cwgdraft.core.store import Store  # noqa: E402
from cwgdraft.core.synthetic import synthetic_report  # noqa: E402

QUERIES = ("الإنترنت", "الانترنت", "حمايةُ الأطفال", "المبادرة الإقليمي", "WeProtect", "التوجيهية تنفيذ الدول", "زززز")


def bench_search(reports: int, paragraphs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        start = time.perf_counter()
        with Store.open(path) as store:
            for seed in range(reports):
                store.save(synthetic_report(paragraphs=paragraphs, seed=seed))
        filled = time.perf_counter() - start
        with Store.open(path) as store:
            total = store.conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
            print(f"store: {reports} reports, {total} paragraphs, saved and indexed in {filled:.1f} s "
                  f"({filled / reports * 1000:.0f} ms a report); {path.stat().st_size / 1e6:.0f} MB")
            for query in QUERIES:
                hits = search.search(store, query, limit=50)
                ms = median_ms(lambda q=query: search.search(store, q, limit=50), runs=9, warm=2)
                print(f"  search {query!r:32} {len(hits):3} hits  {ms:6.1f} ms")
            report = store.get(store.list_reports()[0].id)
            report.sections[1].paragraphs[0].text += " تعديل"
            ms = median_ms(lambda: store.save(report), runs=5, warm=1)
            print(f"  save of one 600-paragraph report after a one-word edit (index kept up to date): {ms:.0f} ms")


def bench_spelling(paragraphs: int) -> None:
    from cwgdraft.core import spelling
    from cwgdraft.core.plaintext import paragraph_text

    report = synthetic_report(paragraphs=paragraphs, seed=7)
    texts = [paragraph_text(p, report) for p in report.all_paragraphs()]
    start = time.perf_counter()
    checker = spelling.Checker.default()
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    found = sum(len(checker.check(text)) for text in texts)
    cold = time.perf_counter() - start
    warm = median_ms(lambda: [checker.check(text) for text in texts], runs=5, warm=1)
    words = sum(len(spelling.tokens(text)) for text in texts)
    print(f"spell check: {len(texts)} paragraphs, {words} words, {found} flagged; dictionaries loaded in "
          f"{loaded * 1000:.0f} ms; checked in {cold * 1000:.0f} ms cold, {warm:.0f} ms warm")


def bench_typing(paragraphs: int) -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from cwgdraft.gui.app import make_app
    from cwgdraft.gui.main_window import MainWindow

    app, _ = make_app("ar")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["CWGDRAFT_WORDS"] = str(Path(folder) / "words.txt")
        store = Store.open(Path(folder) / "typing.db")
        report = synthetic_report(paragraphs=paragraphs, seed=11)
        store.save(report)
        window = MainWindow(store, QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        window.keep_layout = False
        window.open_report(report.id)
        window.show()
        paragraph = max(report.all_paragraphs(), key=lambda p: len(p.text))
        window.go_to("paragraph", paragraph.id)
        proofer = window.words.proofer
        start = time.perf_counter()
        for p in report.all_paragraphs():  # every paragraph queued for proofing at once
            proofer.marks(p.text)
        editor = window.sections.editor
        times = []
        for char in "وناقش الفريق التقرير المقدم بشأن حماية الأطفال":
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            t0 = time.perf_counter()
            QApplication.sendEvent(editor, event)
            times.append((time.perf_counter() - t0) * 1000)
            app.processEvents()
        proofer.pool.waitForDone()
        background = time.perf_counter() - start
        times.sort()
        print(f"typing while {paragraphs} paragraphs are proofed in the background: keystroke median "
              f"{times[len(times) // 2]:.1f} ms, slowest {times[-1]:.1f} ms; all proofed after {background * 1000:.0f} ms")
        window.close()
        store.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--paragraphs", type=int, default=600)
    parser.add_argument("--no-spelling", action="store_true")
    args = parser.parse_args()
    bench_search(args.reports, args.paragraphs)
    if not args.no_spelling:
        bench_spelling(args.paragraphs)
        bench_typing(args.paragraphs)
