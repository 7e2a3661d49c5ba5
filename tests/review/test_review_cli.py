"""`cwgdraft review ...` and `import --replace` as a user runs them (subprocesses)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cwgdraft.core import portable
from cwgdraft.core.model import Report
from cwgdraft.core.store import Store
from cwgdraft.drafting.standard import paragraph_text
from tests.review.word_edits import WordCopy
from tests.test_cli import assert_bad_input, run

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "cwg-cop-18-2022.json"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    with Store.open(path) as store:
        store.save(portable.read_file(SAMPLE))
    return path


def stored(db: Path) -> Report:
    with Store.open(db) as store:
        return store.get(portable.read_file(SAMPLE).id)


def edit_in_store(db: Path, pid: str, text: str) -> None:
    with Store.open(db) as store:
        report, version = store.get_with_version(portable.read_file(SAMPLE).id)
        paragraph = report.paragraph(pid)
        assert paragraph is not None
        paragraph.text = text
        store.save(report, expected_version=version)


def own_paragraphs(report: Report) -> list[str]:
    return [p.id for p in report.all_paragraphs() if not p.standard]


def test_import_replace_never_overwrites_what_the_store_changed_since_the_export(db: Path, tmp_path: Path) -> None:
    report = stored(db)
    mine, theirs, both = own_paragraphs(report)[2:5]
    exported = tmp_path / "report.docx"
    assert run("export", report.id, "-o", str(exported), db=db).returncode == 0
    edit_in_store(db, mine, "نص عدلته الأمانة بعد التصدير (CWG-COP)")
    edit_in_store(db, both, "نص الأمانة للفقرة نفسها")
    word = WordCopy(exported)
    word.retype(theirs, "نص عدله المراجع في Word رقم 7")
    word.retype(both, "نص المراجع للفقرة نفسها")
    word.save(tmp_path / "back.docx")
    result = run("import", "--replace", str(tmp_path / "back.docx"), db=db)
    assert result.returncode == 0, result.stderr
    assert "merged" in result.stderr and "the store's text kept" in result.stderr
    after = stored(db)
    assert after.paragraph(mine).text == "نص عدلته الأمانة بعد التصدير (CWG-COP)"  # the store's edit stays
    assert after.paragraph(theirs).text == "نص عدله المراجع في Word رقم 7"  # the file's edit is made
    assert after.paragraph(both).text == "نص الأمانة للفقرة نفسها"  # both: the store's kept...
    listed = run("review", "list", report.id, db=db)
    assert listed.returncode == 0
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert [(r[1], r[2]) for r in rows] == [(both, "conflict")]  # ...and the file's a proposal
    assert "نص المراجع" in rows[0][4]
    # Untouched paragraphs with fields and standard wording stay as they were.
    assert [paragraph_text(after, p) for p in after.all_paragraphs() if p.id not in (mine, theirs, both)] == [
        paragraph_text(report, p) for p in report.all_paragraphs() if p.id not in (mine, theirs, both)
    ]


def test_review_commands(db: Path, tmp_path: Path) -> None:
    report = stored(db)
    copy = tmp_path / "copy.docx"
    result = run("review", "export", report.id[:8], "-o", str(copy), "--reviewer", "Amina", db=db)
    assert result.returncode == 0, result.stderr
    round_id = result.stdout.strip()
    assert re.fullmatch(r"[0-9a-f-]{36}", round_id)
    target = next(s for s in report.sections if s.role.value == "outcomes").paragraphs[0]
    word = WordCopy(copy)
    word.retype(target.id, "صيغة المراجعة (ITU) 2022")
    word.save(tmp_path / "back.docx")
    before = portable.dumps(stored(db))
    imported = run("review", "import", str(tmp_path / "back.docx"), db=db)
    assert imported.returncode == 0, imported.stderr
    assert portable.dumps(stored(db)) == before
    again = run("review", "import", str(tmp_path / "back.docx"), db=db)
    assert again.returncode == 0 and again.stdout == "" and "0 new proposal(s)" in again.stderr
    rows = [line.split("\t") for line in run("review", "list", report.id, db=db).stdout.splitlines()]
    assert [(r[1], r[2], r[3], r[4]) for r in rows] == [(target.id, "change", "Amina", "صيغة المراجعة (ITU) 2022")]
    assert_bad_input(run("review", "accept", "zzzz", db=db), "zzzz")
    accepted = run("review", "accept", rows[0][0][:8], db=db)
    assert accepted.returncode == 0, accepted.stderr
    assert stored(db).paragraph(target.id).text == "صيغة المراجعة (ITU) 2022"
    assert run("review", "list", report.id, db=db).stdout == ""
    assert_bad_input(run("review", "reject", rows[0][0], db=db), "already accepted")
    assert_bad_input(run("review", "export", report.id, "-o", str(copy), "--sections", "99", db=db), "99")
    assert_bad_input(run("review", "import", str(SAMPLE), db=db))


def test_accept_a_conflict_as_edited(db: Path, tmp_path: Path) -> None:
    report = stored(db)
    copy = tmp_path / "copy.docx"
    assert run("review", "export", report.id, "-o", str(copy), "--reviewer", "Amina", db=db).returncode == 0
    first, second = next(s for s in report.sections if s.role.value == "outcomes").paragraphs[:2]
    word = WordCopy(copy)
    word.retype(first.id, "صيغة المراجعة (ITU) 2022")
    word.retype(second.id, "فقرة ثانية (CWG-COP) 7")
    word.save(tmp_path / "back.docx")
    edit_in_store(db, first.id, "صيغة الأمانة (ITU) 2023")  # both changed it: a conflict
    assert run("review", "import", str(tmp_path / "back.docx"), db=db).returncode == 0
    rows = {r.split("\t")[1]: r.split("\t") for r in run("review", "list", report.id, db=db).stdout.splitlines()}
    assert rows[first.id][2] == "conflict"
    edited = "صيغة متفق عليها (ITU) 2023، انظر https://www.itu.int/cop"
    assert_bad_input(run("review", "accept", rows[first.id][0], rows[second.id][0], "--text", edited, db=db), "--text")
    assert_bad_input(run("review", "accept", rows[first.id][0], "--text", "  ", db=db), "empty")
    done = run("review", "accept", rows[first.id][0], "--text", edited, db=db)
    assert done.returncode == 0, done.stderr
    assert stored(db).paragraph(first.id).text == edited
    left = run("review", "list", report.id, "--all", db=db).stdout.splitlines()
    assert {(r.split("\t")[1], r.split("\t")[-1]) for r in left} == {(first.id, "accepted"), (second.id, "pending")}
