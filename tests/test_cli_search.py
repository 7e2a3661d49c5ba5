"""`cwgdraft search`: one hit a line, across every report, index kept by load and import."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.report_factory import sample_paths
from tests.test_cli import run

pytestmark = pytest.mark.skipif(not sample_paths(), reason="the sample reports are not in resources/samples")


def test_search_prints_one_hit_a_line(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert run("sample", db=db).returncode == 0
    plain = run("search", "الانترنت", "--limit", "7", db=db)
    assert plain.returncode == 0, plain.stderr
    lines = plain.stdout.splitlines()
    assert len(lines) == 7
    assert all(line.count("\t") == 3 for line in lines)
    marked = run("search", "الإنترنتِ", "--limit", "7", db=db)
    assert marked.stdout == plain.stdout
    hit = run("search", "WeProtect تقييم", db=db).stdout.splitlines()
    assert any(line.split("\t")[2] == "18.5" and "WeProtect" in line.split("\t")[3] for line in hit)


def test_search_follows_an_import(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    report = tmp_path / "r.txt"
    report.write_text("تقرير من رئيس فريق العمل\n\n1 مقدمة\n\n1.1 ناقش الفريق مسألة الياقوتة الزرقاء بالتفصيل.\n",
                      encoding="utf-8")
    assert run("search", "الياقوته", db=db).stdout == ""
    done = run("import", str(report), db=db)
    assert done.returncode == 0, done.stderr
    found = run("search", "الياقوته", db=db)
    assert "الياقوتة الزرقاء" in found.stdout


def test_bad_queries_say_so(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert run("sample", db=db).returncode == 0
    empty = run("search", "...", db=db)
    assert empty.returncode == 2
    assert empty.stderr.count("\n") == 1 and "no word" in empty.stderr
    none = run("search", "زبرجد", db=db)
    assert none.returncode == 0 and none.stdout == "" and "nothing found" in none.stderr
    assert run("search", "x", "--limit", "0", db=db).returncode == 2
    assert run("search", "x", "--report", "nope-nope", db=db).returncode != 0


def test_search_json_and_one_report(tmp_path: Path) -> None:
    import json

    db = tmp_path / "s.db"
    assert run("sample", db=db).returncode == 0
    hits = json.loads(run("search", "الاتحاد", "--json", "--limit", "500", db=db).stdout)
    reports = {h["report_id"] for h in hits}
    assert len(reports) == 2
    assert {"report", "section", "number", "excerpt", "kind", "ref"} <= set(hits[0])
    one = sorted(reports)[0]
    only = json.loads(run("search", "الاتحاد", "--json", "--report", one, "--limit", "500", db=db).stdout)
    assert only and {h["report_id"] for h in only} == {one}
