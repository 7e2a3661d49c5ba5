"""Review benchmark: printed, not asserted.

`review import` of a 600-paragraph report's review copy with 100 paragraphs
edited the way Word edits them (every word its own run with an rsid): in
process (read the copy, compare three ways, store the proposals; the median
of runs each starting with no proposals), and as a whole `cwgdraft review
import` process. Goal: under 1 s.

Run: `.venv/bin/python bench/bench_review.py` (or `make bench`).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from timing import median_ms, sized_report  # noqa: E402

from cwgdraft.core.store import Store  # noqa: E402
from cwgdraft.formats.docx_writer import to_bytes  # noqa: E402
from cwgdraft.formats.render import render  # noqa: E402
from cwgdraft.review import compare, package, reader, rounds  # noqa: E402
from tests.review.word_edits import WordCopy  # noqa: E402

PARAGRAPHS = 600
EDITED = 100


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        db = tmp / "store.db"
        report = sized_report(PARAGRAPHS)
        with Store.open(db) as store:
            store.save(report)
            found = rounds.record_round(store, report, "review", [s.id for s in report.sections], "bench")
            data, editable = package.rewrite(to_bytes(render(report)), found.id, set(found.base))
            (tmp / "copy.docx").write_bytes(data)
            word = WordCopy(tmp / "copy.docx")
            paragraphs = [p for p in report.all_paragraphs() if word.text(p.id).strip()]
            step = max(1, len(paragraphs) // EDITED)
            for p in paragraphs[::step][:EDITED]:
                word.retype(p.id, word.text(p.id) + " تعديل المراجع (ITU) 2026")
            word.save(tmp / "back.docx")

            def once() -> int:
                store.conn.execute("DELETE FROM review_proposals")
                store.conn.commit()
                copy = reader.read_copy(tmp / "back.docx")
                reading = compare.compare(copy, rounds.get_round(store, copy.round_id or ""), store.get(report.id), "b")
                return len(rounds.add_proposals(store, reading.proposals))

            made = once()
            ms = median_ms(once, runs=7, warm=1)
            store.conn.execute("DELETE FROM review_proposals")
            store.conn.commit()
        print(f"review copy: {len(report.all_paragraphs())} paragraphs ({editable} editable), {EDITED} edited")
        print(f"review import in process: {made} proposals, median {ms:.0f} ms (goal < 1000 ms)")
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "cwgdraft", "--db", str(db), "review", "import", str(tmp / "back.docx")],
            check=True, capture_output=True, env=env,
        )  # fmt: skip
        print(f"cwgdraft review import, whole process: {(time.perf_counter() - start) * 1000:.0f} ms (goal < 1000 ms)")


if __name__ == "__main__":
    main()
