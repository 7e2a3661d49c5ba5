"""Several writers on one store: versions, new ids, the trash, and real parallel processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from cwgdraft.core import portable
from cwgdraft.core.errors import BadInput, NotFound, ReportExists, StoreConflict
from cwgdraft.core.model import Paragraph
from cwgdraft.core.store import Store
from cwgdraft.core.synthetic import synthetic_report
from tests.core.test_store import every_field_report

REPO = Path(__file__).resolve().parent.parent.parent


def cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CWGDRAFT_") or k == "CWGDRAFT_TEMPLATE_CACHE"}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "cwgdraft", "--db", str(db), *args],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=REPO, timeout=180,
    )


def in_parallel(commands: list[tuple[str, ...]], db: Path) -> list[subprocess.CompletedProcess[str]]:
    """Each command in its own process, all started together."""
    with ThreadPoolExecutor(max_workers=len(commands)) as pool:
        return list(pool.map(lambda c: cli(*c, db=db), commands))


# --- versions -------------------------------------------------------------------


def test_every_save_raises_the_version(tmp_store: Store) -> None:
    report = every_field_report()
    assert tmp_store.version(report.id) is None
    assert tmp_store.save(report) == 1
    assert tmp_store.save(report) == 2
    assert tmp_store.get_with_version(report.id)[1] == 2


def test_a_save_over_a_version_that_moved_is_refused(tmp_store: Store) -> None:
    report = every_field_report()
    tmp_store.save(report)
    mine, version = tmp_store.get_with_version(report.id)
    theirs = tmp_store.get(report.id)
    theirs.sections[0].paragraphs += [Paragraph(f"فقرة {i} (CWG-COP/{i})") for i in range(300)]
    assert tmp_store.save(theirs, expected_version=version) == version + 1
    mine.title = "عنوان Title 2022 كتبته النافذة"
    with pytest.raises(StoreConflict) as info:
        tmp_store.save(mine, expected_version=version)
    assert info.value.report_id == report.id
    assert info.value.stored_version == version + 1
    assert "changed by another program" in str(info.value) and str(tmp_store.path) in str(info.value)
    stored = tmp_store.get(report.id)  # the other writer's version is kept whole
    assert portable.dumps(stored) == portable.dumps(theirs)
    assert tmp_store.save(mine, expected_version=version + 1) == version + 2


def test_a_save_over_a_deleted_report_is_refused(tmp_store: Store) -> None:
    report = every_field_report()
    version = tmp_store.save(report)
    tmp_store.delete(report.id)
    with pytest.raises(StoreConflict, match="deleted by another program") as info:
        tmp_store.save(report, expected_version=version)
    assert info.value.stored_version is None
    assert not tmp_store.has(report.id)


def test_only_if_new_refuses_an_id_in_the_store(tmp_store: Store) -> None:
    report = every_field_report()
    tmp_store.save(report, only_if_new=True)
    report.title = "نسخة ثانية"
    with pytest.raises(ReportExists):
        tmp_store.save(report, only_if_new=True)
    assert tmp_store.get(report.id).title == every_field_report().title


# --- the trash ------------------------------------------------------------------


def test_delete_and_restore_give_back_the_report_exactly(tmp_store: Store) -> None:
    report = every_field_report()
    other = synthetic_report(paragraphs=40, seed=3)
    tmp_store.save(report)
    tmp_store.save(other)
    before = portable.dumps(tmp_store.get(report.id))
    entry = tmp_store.delete("C22/7-A")
    assert (entry.report_id, entry.symbol) == (report.id, "C22/7-A")
    assert entry.name == "تقرير من رئيس فريق العمل"
    # Gone from every look-up, listed in the trash.
    assert [s.id for s in tmp_store.list_reports()] == [other.id]
    for ref in (report.id, report.id[:8], "C22/7-A"):
        with pytest.raises(NotFound):
            tmp_store.get(ref)
    assert [(e.report_id, e.symbol) for e in tmp_store.trash()] == [(report.id, "C22/7-A")]
    assert tmp_store.resolve_trash(report.id[:6]).report_id == report.id
    restored = tmp_store.restore("C22/7-A")
    assert restored.id == report.id
    assert portable.dumps(tmp_store.get(report.id)) == before
    assert tmp_store.trash() == []
    with pytest.raises(NotFound, match="trash"):
        tmp_store.restore(report.id)


def test_restore_keeps_counting_versions(tmp_store: Store) -> None:
    report = every_field_report()
    tmp_store.save(report)
    old = tmp_store.save(report)
    tmp_store.delete(report.id)
    tmp_store.restore(report.id)
    assert tmp_store.version(report.id) == old + 1
    with pytest.raises(StoreConflict):  # a window that held it before the delete
        tmp_store.save(report, expected_version=old)


def test_restore_refuses_over_a_report_loaded_since(tmp_store: Store) -> None:
    report = every_field_report()
    tmp_store.save(report)
    tmp_store.delete(report.id)
    again = every_field_report()
    again.title = "حُمّل من جديد"
    tmp_store.save(again)
    with pytest.raises(BadInput, match="again"):
        tmp_store.restore(report.id)
    assert tmp_store.get(report.id).title == "حُمّل من جديد"
    assert len(tmp_store.trash()) == 1


# --- parallel writers: real processes ---------------------------------------------


def test_parallel_replacing_loads_all_succeed(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    files, sizes = [], set()
    for n in range(8):
        report = synthetic_report(paragraphs=60 + 10 * n, seed=1)  # one id, eight versions of it
        sizes.add(len(report.all_paragraphs()))
        path = tmp_path / f"r{n}.json"
        path.write_text(portable.dumps(report), encoding="utf-8")
        files.append(path)
    first = cli("load", str(files[0]), db=db)
    assert first.returncode == 0, first.stderr
    for _round in range(3):
        results = in_parallel([("load", "--replace", str(f)) for f in files], db)
        failed = [r.stderr for r in results if r.returncode != 0]
        assert failed == []
    with Store.open(db) as store:
        (summary,) = store.list_reports()
        report, version = store.get_with_version(summary.id)
        assert version == 1 + 3 * 8
        assert len(report.all_paragraphs()) in sizes  # one of the versions, whole


def test_parallel_samples_on_a_new_store(tmp_path: Path) -> None:
    for n in range(3):
        db = tmp_path / f"new{n}.db"
        results = in_parallel([("sample",)] * 4, db)
        assert [r.stderr for r in results if r.returncode != 0] == []
        added = [line for r in results for line in r.stdout.splitlines() if line.endswith("\tadded")]
        listed = json.loads(cli("list", "--json", db=db).stdout)
        assert len(added) == len(listed) == 2  # each sample added once, by one of the four


def test_of_two_loads_of_one_id_one_is_refused(tmp_path: Path) -> None:
    for n in range(3):
        db = tmp_path / f"s{n}.db"
        one, two = every_field_report(), every_field_report()
        two.title = "الثاني"
        paths = [tmp_path / "one.json", tmp_path / "two.json"]
        for path, report in zip(paths, (one, two), strict=True):
            path.write_text(portable.dumps(report), encoding="utf-8")
        results = in_parallel([("--create", "list")] + [("load", str(p)) for p in paths], db)
        codes = sorted(r.returncode for r in results[1:])
        assert codes == [0, 2], [r.stderr for r in results]
        refused = next(r for r in results[1:] if r.returncode == 2)
        assert "already in" in refused.stderr
        with Store.open(db) as store:
            assert store.version(one.id) == 1


def test_restore_refuses_when_its_ids_were_taken_since(tmp_store: Store) -> None:
    report = every_field_report()
    tmp_store.save(report)
    tmp_store.delete(report.id)
    copy_of_it = every_field_report()
    copy_of_it.id = "another-report-with-the-same-paragraphs"
    tmp_store.save(copy_of_it)
    with pytest.raises(BadInput, match=f"report {report.id} not restored: .*already belongs to report another-report"):
        tmp_store.restore(report.id)
    assert len(tmp_store.trash()) == 1
    assert [s.id for s in tmp_store.list_reports()] == [copy_of_it.id]


def test_a_new_store_waits_for_another_program_making_it(tmp_path: Path) -> None:
    """SQLite answers "locked" at once to a switch to write-ahead logging while another
    program is in the middle of creating the same new store: the switch waits and tries
    again (here with SQLite's own waiting turned off, so only that can succeed)."""
    import sqlite3
    import threading

    from cwgdraft.core import store as store_mod

    path = tmp_path / "new.db"
    maker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    maker.execute("BEGIN IMMEDIATE")
    maker.execute("CREATE TABLE t (x)")
    opener = sqlite3.connect(path, timeout=0, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        opener.execute("PRAGMA journal_mode = WAL")  # what SQLite says without waiting
    threading.Timer(0.3, lambda: maker.execute("COMMIT")).start()
    store_mod._write_ahead(opener)  # waits for the maker, then switches
    assert opener.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert opener.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
    opener.close()
    maker.close()
