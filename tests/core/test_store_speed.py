"""The store reads only what it needs: report names kept on save for the
list, and the whole-file check only when it matters."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from cwgdraft.core.errors import StoreError
from cwgdraft.core.migrations import migrations
from cwgdraft.core.model import Meeting, Paragraph, Report, Section
from cwgdraft.core.store import MIGRATION_NAMES, SCHEMA_VERSION, Store


def _untitled(number: int = 18) -> Report:
    return Report(
        meetings=[Meeting(number, start=dt.date(2022, 1, 12))],
        sections=[Section("مقدمة", paragraphs=[Paragraph("اجتمع الفريق عبر Zoom (CWG-COP).")])],
    )


def test_the_list_names_an_untitled_report_by_what_was_saved(tmp_path: Path) -> None:
    report = _untitled()
    with Store.open(tmp_path / "s.db") as store:
        store.save(report)
        (summary,) = store.list_reports()
        assert summary.title == ""
        assert summary.name == report.name == "الاجتماع الثامن عشر (12 يناير 2022)"
        # The name follows the report on every save.
        report.subject = "نتائج الاجتماع\nسطر ثان"
        store.save(report)
        assert store.list_reports()[0].name == "نتائج الاجتماع"


def test_upgrade_names_the_reports_already_stored(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before=MIGRATION_NAMES[MIGRATION_NAMES.index("m005_report_name")])
    with db.atomic():
        db.execute("INSERT INTO reports (id, symbol, subject) VALUES ('r1', 'C22/7-A', '')")
        db.execute("INSERT INTO reports (id, symbol, subject) VALUES ('r2', '', 'تقرير مرحلي (ITU)\nثان')")
        db.execute(
            "INSERT INTO meetings (id, report_id, position, number, starts_on, mode) "
            "VALUES ('m1', 'r1', 0, 18, '2022-01-12', 'online')"
        )
    db.close()
    with Store.open(path) as store:
        assert store.backup is not None
        names = {s.id: s.name for s in store.list_reports()}
        assert names == {"r1": "الاجتماع الثامن عشر (12 يناير 2022)", "r2": "تقرير مرحلي (ITU)"}
        assert names["r1"] == store.get("r1").name
        assert store.schema_version() == SCHEMA_VERSION


def _scribble_data_pages(path: Path) -> None:
    """Damage the pages that hold the paragraphs' text; the rest stays readable."""
    with sqlite3.connect(path) as conn:
        pages = [row[0] for row in conn.execute("SELECT pageno FROM dbstat WHERE name = 'paragraphs' AND pagetype = 'leaf'")]
    conn.close()
    assert len(pages) > 10
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    for n in pages:
        start = (n - 1) * size
        data[start : start + 200] = b"\xa5" * 200
    path.write_bytes(bytes(data))


def _big_store(path: Path) -> None:
    report = _untitled()
    report.sections[0].paragraphs += [Paragraph(f"فقرة {i} " + "نص " * 60) for i in range(300)]
    with Store.open(path) as store:
        store.save(report)


def test_a_cleanly_closed_store_opens_without_reading_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _big_store(path)
    _scribble_data_pages(path)
    # No whole-file check on this open: the damage shows only where it is read.
    with Store.open(path) as store:
        with pytest.raises(sqlite3.DatabaseError):
            store.get(store.list_reports()[0].id)


def test_a_store_left_with_its_write_ahead_log_is_checked_whole(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _big_store(path)
    _scribble_data_pages(path)
    # A program stopped before closing the store leaves its `-wal` beside it.
    path.with_name(path.name + "-wal").write_bytes(b"")
    with pytest.raises(StoreError, match="damaged"):
        Store.open(path)
