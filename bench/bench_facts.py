"""Facts written everywhere: what fields and standard wording cost.

- Export of the 2022 sample in process (render + Word file), its sentences
  held as standard wording and fields, against the same report with every
  sentence flattened to the text it shows (as reports were stored before
  fields): alternating runs, medians, and the ratio (goal: at most 1.10).
- Preview refresh after a fact changes (the meeting's date) in the app, for
  the 2022 sample and a 600-paragraph report whose introduction, agenda and
  list of documents are standard wording with fields (goal: < 100 ms).

Printed, never asserted: `make bench`.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cwgdraft.core import facts, portable
from cwgdraft.core.model import Report
from cwgdraft.drafting.standard import paragraph_text, section_title
from cwgdraft.formats.docx_writer import to_bytes
from cwgdraft.formats.render import render, standard_content

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "samples" / "cwg-cop-18-2022.json"


def flattened(report: Report) -> Report:
    """The report with every sentence as the plain text it shows: no fields, no standard wording."""
    flat = copy.deepcopy(report)
    for name in ("title", "subject", "summary"):
        value = getattr(report, name) or standard_content(report, name)
        setattr(flat, name, facts.text_of(report, value))
    flat.references = [facts.text_of(report, r) for r in report.references]
    for old, new in zip(report.sections, flat.sections, strict=True):
        new.title, new.standard = section_title(report, old), ""
        for p_old, p_new in zip(old.paragraphs, new.paragraphs, strict=True):
            p_new.text, p_new.standard, p_new.ref = paragraph_text(report, p_old), "", ""
    return flat


def alternate(a, b, runs: int = 41, warm: int = 3) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median CPU ms of each, taking turns: the process's own time, whatever else the machine runs."""
    clock = time.process_time
    for _ in range(warm):
        a(), b()
    ta, tb = [], []
    for _ in range(runs):
        start = clock()
        a()
        ta.append(clock() - start)
        start = clock()
        b()
        tb.append(clock() - start)
    return statistics.median(ta) * 1000, statistics.median(tb) * 1000


def export_figures() -> None:
    report = portable.read_file(SAMPLE)
    flat = flattened(report)
    words = [b.text for b in render(report).blocks]
    assert words == [b.text for b in render(flat).blocks], "the flattened report must read the same"
    with_fields, as_text = alternate(lambda: to_bytes(render(report)), lambda: to_bytes(render(flat)))
    print(f"export 2022 in process, with fields and standard wording: {with_fields:.1f} ms")
    print(f"export 2022 in process, the same words as plain text:      {as_text:.1f} ms")
    print(f"ratio {with_fields / as_text:.2f} (goal <= 1.10)")


def with_standard_wording(paragraphs: int) -> Report:
    """A synthetic report whose standing sentences are the standard wording, with the 2022 facts."""
    from cwgdraft.core.synthetic import synthetic_report

    sample = portable.read_file(SAMPLE)
    report = synthetic_report(paragraphs=paragraphs, seed=3)
    report.meetings = copy.deepcopy(sample.meetings)
    report.people = [p for p in copy.deepcopy(sample.people) if p.role.value == "chair"]
    report.group = copy.deepcopy(sample.group)
    report.opening_remarks = []
    for c in report.contributions:
        c.presenter_id = None
        c.meeting_id = report.meetings[0].id
    report.summary = report.subject = ""
    for section in report.sections:
        if section.paragraphs and section.role.value in ("introduction", "agenda"):
            section.paragraphs[0].text, section.paragraphs[0].standard = "", section.role.value
    return report


def refresh_after_fact_change(report: Report, runs: int = 9) -> float:
    """Median ms from a changed meeting date to the preview laid out again."""
    from PySide6.QtWidgets import QApplication

    from cwgdraft.core.store import Store
    from cwgdraft.gui.app import make_app
    from cwgdraft.gui.commands import SetValue
    from cwgdraft.gui.main_window import MainWindow

    app = QApplication.instance() or make_app("ar")[0]
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "bench.db", create_folders=True)
        store.save(report)
        window = MainWindow(store)
        window.open_report(report.id)
        window.resize(1360, 820)
        window.show()
        QApplication.processEvents()
        window.flush()
        meeting = window.report.meetings[0]
        times = []
        for i in range(runs):
            day = dt.date(2023, 9, 1 + i)
            window.session.push(SetValue(window.session, ("meeting", meeting.id), "start", day, ""))
            start = time.perf_counter()
            window.refresh_views()
            window.preview.document().size()
            window.preview.viewport().repaint()
            times.append((time.perf_counter() - start) * 1000)
        window.session.save_now()
        window.close()
        window.deleteLater()
        QApplication.processEvents()
        store.close()
    del app
    return statistics.median(times)


def main() -> None:
    export_figures()
    sample = portable.read_file(SAMPLE)
    print(f"preview refresh after a fact change, 2022 sample: {refresh_after_fact_change(sample):.1f} ms (goal < 100 ms)")
    big = with_standard_wording(600)
    print(f"preview refresh after a fact change, 600 paragraphs: {refresh_after_fact_change(big):.1f} ms (goal < 100 ms)")


if __name__ == "__main__":
    main()
