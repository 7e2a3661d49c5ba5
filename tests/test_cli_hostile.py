"""The command line says what and where: modes of written files, `-o -`, one
wording per kind of error, the right command for the file given, bounded
portable files, ids that cannot hijack others, mirrored brackets on terminals
that cannot shape, warnings for bidi controls."""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from cwgdraft.core import portable
from cwgdraft.core.model import new_id
from tests.core.test_store import every_field_report
from tests.test_cli import assert_bad_input, loaded_db, report_file, run

__all__ = ["loaded_db", "report_file"]  # fixtures


def _report_id(report_file: Path) -> str:
    return json.loads(report_file.read_text(encoding="utf-8"))["report"]["id"]


# --- item 11: the files export and dump write --------------------------------------


@pytest.mark.parametrize("command", ["export", "dump"])
def test_a_new_file_follows_the_umask(tmp_path: Path, loaded_db: Path, report_file: Path, command: str) -> None:
    out = tmp_path / f"out.{'docx' if command == 'export' else 'json'}"
    old = os.umask(0o022)
    try:
        result = run(command, _report_id(report_file), "-o", str(out), db=loaded_db)
    finally:
        os.umask(old)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


@pytest.mark.parametrize("command", ["export", "dump"])
def test_a_replaced_file_keeps_its_mode(tmp_path: Path, loaded_db: Path, report_file: Path, command: str) -> None:
    out = tmp_path / "out.bin"
    out.write_bytes(b"old")
    out.chmod(0o640)
    result = run(command, _report_id(report_file), "-o", str(out), db=loaded_db)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and out.read_bytes() != b"old"


@pytest.mark.parametrize("command", ["export", "dump"])
def test_only_a_regular_file_is_replaced(tmp_path: Path, loaded_db: Path, report_file: Path, command: str) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    line = assert_bad_input(run(command, _report_id(report_file), "-o", str(fifo), db=loaded_db), str(fifo))
    assert "not a regular file" in line
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still the pipe it was
    assert_bad_input(run(command, _report_id(report_file), "-o", "/dev/null", db=loaded_db), "not a regular file")


def test_a_link_to_a_file_is_kept_and_its_file_written(tmp_path: Path, loaded_db: Path, report_file: Path) -> None:
    real = tmp_path / "real.docx"
    real.write_bytes(b"old")
    link = tmp_path / "link.docx"
    link.symlink_to(real)
    result = run("export", _report_id(report_file), "-o", str(link), db=loaded_db)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and zipfile.is_zipfile(real)


def test_export_to_stdout(tmp_path: Path, loaded_db: Path, report_file: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "cwgdraft", "--db", str(loaded_db), "export", _report_id(report_file), "-o", "-"],
        capture_output=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if not k.startswith("CWGDRAFT_")},
    )
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "-").exists() and not Path("-").exists()
    with zipfile.ZipFile(io.BytesIO(result.stdout)) as z:
        assert "word/document.xml" in z.namelist()


# --- item 13: one wording per kind of error, the right command ---------------------


def test_a_folder_given_as_a_file_is_said_one_way(tmp_path: Path, loaded_db: Path, report_file: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    report = _report_id(report_file)
    lines = [
        assert_bad_input(run("load", str(folder), db=loaded_db)),
        assert_bad_input(run("import", str(folder), db=loaded_db)),
        assert_bad_input(run("export", report, "-o", str(folder), db=loaded_db)),
        assert_bad_input(run("dump", report, "-o", str(folder), db=loaded_db)),
        assert_bad_input(run("list", db=folder)),
    ]
    assert all(line == f"cwgdraft: {folder}: is a folder, not a file" for line in lines), lines


def test_a_missing_file_is_said_one_way(tmp_path: Path, loaded_db: Path, report_file: Path) -> None:
    missing = tmp_path / "missing.docx"
    lines = [
        assert_bad_input(run("load", str(missing), db=loaded_db)),
        assert_bad_input(run("import", str(missing), db=loaded_db)),
        assert_bad_input(
            run("export", _report_id(report_file), "-o", str(tmp_path / "o.docx"), "--template", str(missing), db=loaded_db)
        ),
    ]
    assert all(line == f"cwgdraft: {missing}: no such file" for line in lines), lines


def test_load_of_a_word_file_says_import(tmp_path: Path, loaded_db: Path, report_file: Path) -> None:
    out = tmp_path / "r.docx"
    assert run("export", _report_id(report_file), "-o", str(out), db=loaded_db).returncode == 0
    assert "cwgdraft import" in assert_bad_input(run("load", str(out), db=loaded_db), str(out))


def test_load_from_stdin_is_bounded_and_says_import_for_word(tmp_path: Path, loaded_db: Path, report_file: Path) -> None:
    out = tmp_path / "r.docx"
    assert run("export", _report_id(report_file), "-o", str(out), db=loaded_db).returncode == 0
    assert "cwgdraft import" in assert_bad_input(run("load", "-", db=loaded_db, stdin=out.read_bytes()), "stdin")
    big = b'{"format": "cwgdraft-report", "x": "' + b"a" * (portable.MAX_FILE + 10) + b'"}'
    assert_bad_input(run("load", "-", db=loaded_db, stdin=big), "stdin", "50 MB")


def test_import_of_a_report_file_says_load(tmp_path: Path, report_file: Path) -> None:
    line = assert_bad_input(run("import", str(report_file), db=tmp_path / "s.db"), str(report_file))
    assert "cwgdraft load" in line
    renamed = tmp_path / "report.txt"
    renamed.write_bytes(report_file.read_bytes())
    assert "cwgdraft load" in assert_bad_input(run("import", str(renamed), db=tmp_path / "s.db"))


def test_a_short_id_says_four_characters(loaded_db: Path, report_file: Path) -> None:
    line = assert_bad_input(run("show", _report_id(report_file)[:2], db=loaded_db))
    assert "4 characters" in line


# --- item 12: brackets on a terminal that cannot shape --------------------------------


def test_visual_order_mirrors_brackets(loaded_db: Path, report_file: Path) -> None:
    from cwgdraft.core.arabic import for_terminal

    assert for_terminal("قرار (C22/7) [أ]") == "[ﺃ] (C22/7) ﺭﺍﺮﻗ"
    assert for_terminal("see (ref) here") == "see (ref) here"
    result = run("--bidi", "visual", "show", _report_id(report_file), db=loaded_db)
    assert result.returncode == 0, result.stderr
    logical = run("--bidi", "logical", "show", _report_id(report_file), db=loaded_db).stdout
    # as many opening as closing brackets on every line that had them balanced
    for shown, stored in zip(result.stdout.splitlines(), logical.splitlines(), strict=True):
        if stored.count("(") == stored.count(")") and "(" in stored:
            opened = shown.index("(") if "(" in shown else len(shown)
            closed = shown.index(")") if ")" in shown else len(shown)
            assert opened < closed, (shown, stored)


# --- item 20: hostile portable files ---------------------------------------------------


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"id": "2f80"}, "$.report.id"),
        ({"id": "a\nb"}, "$.report.id"),
        ({"id": "a\u0000b"}, "$.report.id"),
        ({"sections": [{"id": "x\ny", "title": "t", "paragraphs": []}]}, "$.report.sections[0].id"),
    ],
)
def test_ids_are_restricted(tmp_path: Path, change: dict[str, object], words: str) -> None:
    data = json.loads(portable.dumps(every_field_report()))
    data["report"].update(change)
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "s.db"
    assert_bad_input(run("load", str(path), db=db), words)
    assert run("list", db=db).stdout == ""


def test_an_id_cannot_take_over_a_prefix(tmp_path: Path, report_file: Path) -> None:
    db = tmp_path / "s.db"
    assert run("load", str(report_file), db=db).returncode == 0
    data = json.loads(portable.dumps(every_field_report()))
    data["report"]["id"] = _report_id(report_file)[:4]
    other = tmp_path / "other.json"
    other.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert_bad_input(run("load", str(other), db=db), "$.report.id")
    shown = run("show", _report_id(report_file)[:4], db=db)
    assert shown.returncode == 0 and _report_id(report_file) in shown.stdout


def test_json_nested_deep_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"format": "cwgdraft-report", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    assert_bad_input(run("load", str(path), db=tmp_path / "s.db"), "nested too deep")


# --- item 18: what is stored can be exported, and read back ---------------------------


def test_a_field_too_long_to_export_is_refused_at_load(tmp_path: Path) -> None:
    report = every_field_report()
    report.sections[0].paragraphs[0].text = "ب" * (portable.MAX_TEXT + 1)
    path = tmp_path / "big.json"
    path.write_text(portable.dumps(report), encoding="utf-8")
    db = tmp_path / "s.db"
    assert_bad_input(run("load", str(path), db=db), "$.report.sections[0].paragraphs[0].text", "characters")
    assert run("list", db=db).stdout == ""


def test_the_longest_field_exports_and_imports_back(tmp_path: Path) -> None:
    report = every_field_report()
    report.id = new_id()
    text = "aب" * (portable.MAX_TEXT // 2)  # the script changes at every character: a run each
    report.sections[1].paragraphs[0].text = text
    path = tmp_path / "big.json"
    path.write_text(portable.dumps(report), encoding="utf-8")
    db = tmp_path / "s.db"
    assert run("load", str(path), db=db).returncode == 0
    out = tmp_path / "big.docx"
    exported = run("export", report.id, "-o", str(out), db=db)
    assert exported.returncode == 0, exported.stderr
    again = run("import", "--replace", str(out), db=db)
    assert again.returncode == 0, again.stderr
    assert "unexpected" not in again.stderr


# --- item 19: bidi controls are announced -----------------------------------------------


def test_export_warns_of_bidi_controls(tmp_path: Path) -> None:
    report = every_field_report()
    report.session_place = "جنيف\u202e"
    path = tmp_path / "r.json"
    path.write_text(portable.dumps(report), encoding="utf-8")
    db = tmp_path / "s.db"
    assert run("load", str(path), db=db).returncode == 0
    result = run("export", report.id, "-o", str(tmp_path / "r.docx"), db=db)
    assert result.returncode == 0, result.stderr
    assert "report.session_place" in result.stderr and "U+202E" in result.stderr


def test_import_warns_of_bidi_controls(tmp_path: Path) -> None:
    text = tmp_path / "r.txt"
    text.write_text("ملخص\nيلخّص هذا التقرير نتائج الاجتماع في جنيف\u202e (C22/7).\n", encoding="utf-8")
    result = run("import", "--dry-run", str(text), db=tmp_path / "s.db")
    assert result.returncode == 0, result.stderr
    assert "U+202E" in result.stderr and "warning" in result.stderr
