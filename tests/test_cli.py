"""The command line, run as a user runs it: `python -m cwgdraft ...` in a subprocess."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cwgdraft import cli
from cwgdraft.core import portable
from cwgdraft.core.arabic import PRESENTATION_FORMS
from cwgdraft.core.store import Store
from cwgdraft.core.synthetic import synthetic_report
from tests.core.test_store import ZOOM, every_field_report

REPO = Path(__file__).resolve().parent.parent
SAMPLES = sorted((REPO / "resources" / "samples").glob("*.json"))


def run(*args: str, db: Path | None = None, stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CWGDRAFT_") or k == "CWGDRAFT_TEMPLATE_CACHE"}
    full_env.update(env or {})
    argv = [sys.executable, "-m", "cwgdraft"]
    if db is not None:
        argv += ["--db", str(db)]
    result = subprocess.run(
        [*argv, *args],
        input=stdin,
        capture_output=True,
        env=full_env,
        cwd=REPO,
        timeout=120,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    )


def assert_bad_input(result: subprocess.CompletedProcess[str], *words: str) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("cwgdraft: ")
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "report.json"
    path.write_text(portable.dumps(every_field_report()), encoding="utf-8")
    return path


@pytest.fixture
def loaded_db(tmp_path: Path, report_file: Path) -> Path:
    db = tmp_path / "store.db"
    result = run("load", str(report_file), db=db)
    assert result.returncode == 0, result.stderr
    return db


# --- sample, list, show -------------------------------------------------------


@pytest.mark.skipif(not SAMPLES, reason="no bundled samples yet")
def test_sample_twice_adds_no_copies(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first = run("sample", db=db)
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert len(lines) == len(SAMPLES)
    assert all(line.split("\t")[-1] == "added" for line in lines)
    second = run("sample", db=db)
    assert second.returncode == 0
    assert all(line.split("\t")[-1] == "already there" for line in second.stdout.splitlines())
    listed = json.loads(run("list", "--json", db=db).stdout)
    assert len(listed) == len(SAMPLES)
    ids = {portable.read_file(p).id for p in SAMPLES}
    assert {row["id"] for row in listed} == ids


def test_sample_from_folder(tmp_path: Path, report_file: Path) -> None:
    db = tmp_path / "s.db"
    result = run("sample", "--from", str(report_file.parent), db=db)
    assert result.returncode == 0, result.stderr
    report = every_field_report()
    assert result.stdout == f"{report.id}\tC22/7-A\tتقرير من رئيس فريق العمل\tadded\n"


def test_list_lines_and_json(loaded_db: Path) -> None:
    report = every_field_report()
    text = run("list", db=loaded_db)
    assert text.returncode == 0
    assert text.stdout == f"{report.id}\tC22/7-A\t2022-02-03\tتقرير من رئيس فريق العمل\n"  # title: first line
    as_json = run("list", "--json", db=loaded_db)
    assert json.loads(as_json.stdout) == [
        {"id": report.id, "symbol": "C22/7-A", "date": "2022-02-03", "title": report.title}
    ]
    # --db after the subcommand works as well as before it.
    after = run("list", "--db", str(loaded_db))
    assert after.stdout == text.stdout


def test_list_names_a_report_without_title_by_its_meetings(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    assert run("sample", db=db).returncode == 0
    lines = run("list", "--bidi", "logical", db=db).stdout.splitlines()
    # The 2022 sample has no title (its extraction lost it): its meeting and date stand in.
    assert any(line.endswith("\t[الاجتماع الثامن عشر (12 يناير 2022)]") for line in lines), lines
    assert any(line.endswith("\tتقرير من رئيس فريق العمل التابع للمجلس") for line in lines), lines


def test_a_store_in_a_missing_folder_is_refused_unless_create(tmp_path: Path) -> None:
    db = tmp_path / "new" / "x.db"
    for command in (("list", "--json"), ("sample",), ("load", str(SAMPLES[0])), ("trash",)):
        assert_bad_input(run(*command, db=db), str(db), "folder", "does not exist", "--create")
        assert not (tmp_path / "new").exists()
    made = run("--create", "list", "--json", db=db)
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout) == []
    assert db.is_file()
    assert made.stderr == f"cwgdraft: made the folder {db.parent} and a new store {db}\n"


def test_a_missing_store_is_made_only_by_commands_that_add_reports(tmp_path: Path) -> None:
    db = tmp_path / "typo.db"
    for command in (("list",), ("show", "C22/7-A"), ("trash",), ("delete", "C22/7-A")):
        assert_bad_input(run(*command, db=db), str(db), "no store there", "--create")
        assert not db.exists()
    assert assert_bad_input(run("list", env={"CWGDRAFT_DB": str(db)}), "no store there")
    assert not db.exists()
    assert run("list", "--create", db=db).returncode == 0
    assert db.is_file()
    other = tmp_path / "other.db"
    assert run("sample", db=other).returncode == 0
    assert len(json.loads(run("list", "--json", db=other).stdout)) == len(SAMPLES)


def test_show_prints_the_outline(loaded_db: Path) -> None:
    result = run("show", "C22/7-A", db=loaded_db)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "symbol: C22/7-A" in out
    assert "date: 2022-02-03 (3 فبراير 2022)" in out
    assert "18  الثامن عشر  2022-01-12" in out
    assert "19  التاسع عشر" in out
    assert "  1  مقدمة  [introduction]" in out
    assert "      1.1  " + ZOOM[:59] + "…" in out  # 2016 numbering: section first
    assert "      3.2  المساهمة CWG-COP/18/5" in out
    assert "      أ)  نتيجة أولى" in out
    assert "signature: الدكتور شريف هاشم (جمهورية مصر العربية)" in out
    # People, with what the report links to them: where their opening remark stands, what they presented.
    assert "people:\n  chair  السيد عبد العزيز الزرعوني (الإمارات العربية المتحدة)\n" in out
    assert "  opening_speaker  السيد Houlin Zhao  الأمين العام للاتحاد  opening remarks: §2\n" in out
    assert "  presenter  Trend\u00a0Micro  شريك \u200fENI\u200f  presented 1 contribution(s)\n" in out
    assert "3 people, 2 contributions, 3 references" in out
    assert not PRESENTATION_FORMS.search(out)  # piped: logical order, as stored


def test_show_visual_reshapes_for_the_terminal(loaded_db: Path) -> None:
    result = run("--bidi", "visual", "show", "C22/7-A", db=loaded_db)
    assert result.returncode == 0
    assert PRESENTATION_FORMS.search(result.stdout)
    assert "symbol: C22/7-A" in result.stdout  # Latin-only lines are left alone
    logical = run("show", "C22/7-A", "--bidi", "logical", db=loaded_db)
    assert not PRESENTATION_FORMS.search(logical.stdout)


def test_show_by_id_prefix(loaded_db: Path) -> None:
    report = every_field_report()
    result = run("show", report.id[:8], db=loaded_db)
    assert result.returncode == 0
    assert result.stdout.startswith(f"id: {report.id}\n")


# --- export, dump, load ---------------------------------------------------------


def test_export_writes_a_word_document(loaded_db: Path, tmp_path: Path) -> None:
    import docx

    out = tmp_path / "out" / "C22-7.docx"
    out.parent.mkdir()
    result = run("export", "C22/7-A", "-o", str(out), db=loaded_db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Zoom" in text
    assert "الاجتماع" in text or "اجتماعه" in text
    assert not list(out.parent.glob(".cwgdraft-*"))  # no temporary file left


def test_dump_load_dump_is_byte_identical(loaded_db: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    result = run("dump", "C22/7-A", "-o", str(first), db=loaded_db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(first)
    empty = tmp_path / "empty.db"
    loaded = run("load", str(first), db=empty)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == every_field_report().id
    second = tmp_path / "second.json"
    assert run("dump", every_field_report().id, "-o", str(second), db=empty).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    assert first.read_text(encoding="utf-8") == portable.dumps(every_field_report())
    # `-o -`: the same bytes on stdout.
    stdout = subprocess.run(
        [sys.executable, "-m", "cwgdraft", "--db", str(empty), "dump", "C22/7-A", "-o", "-"],
        capture_output=True,
        cwd=REPO,
        check=True,
    ).stdout
    assert stdout == first.read_bytes()


@pytest.mark.skipif(not SAMPLES, reason="no bundled samples yet")
def test_samples_dump_load_dump(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert run("sample", db=db).returncode == 0
    for sample in SAMPLES:
        report_id = portable.read_file(sample).id
        first = tmp_path / f"{sample.stem}.1.json"
        second = tmp_path / f"{sample.stem}.2.json"
        assert run("dump", report_id, "-o", str(first), db=db).returncode == 0
        assert run("load", str(first), db=tmp_path / f"{sample.stem}.db").returncode == 0
        assert run("dump", report_id, "-o", str(second), db=tmp_path / f"{sample.stem}.db").returncode == 0
        assert first.read_bytes() == second.read_bytes()
        assert first.read_text(encoding="utf-8") == portable.dumps(portable.read_file(sample))


def test_synthetic_dump_load_dump(tmp_path: Path) -> None:
    """The 60-page synthetic report: dump, load into an empty store, dump again: the same bytes."""
    report = synthetic_report()
    source = tmp_path / "synthetic.json"
    source.write_text(portable.dumps(report), encoding="utf-8")
    assert run("load", str(source), db=tmp_path / "a.db").returncode == 0
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    assert run("dump", report.id, "-o", str(first), db=tmp_path / "a.db").returncode == 0
    empty = tmp_path / "empty.db"
    assert not empty.exists()
    assert run("load", str(first), db=empty).returncode == 0
    assert run("dump", report.id, "-o", str(second), db=empty).returncode == 0
    assert first.read_bytes() == second.read_bytes() == source.read_bytes()


def test_schema_describes_every_field() -> None:
    schema = json.loads(portable.SCHEMA_PATH.read_text(encoding="utf-8"))
    missing = []

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if not sub.get("description"):
                    missing.append(f"{path}.{name}")
                walk(sub, f"{path}.{name}")

    walk(schema, "$")
    for name, sub in schema["$defs"].items():
        walk(sub, f"$defs.{name}")
    assert not missing
    # Every field of the model is in the schema (dumped data validates with no extra keys).
    names: set[str] = set()

    def keys(node: object) -> None:
        if isinstance(node, dict):
            names.update(node)
            for value in node.values():
                keys(value)
        elif isinstance(node, list):
            for value in node:
                keys(value)

    keys(json.loads(portable.dumps(every_field_report())))
    documented = {n for sub in [schema, *schema["$defs"].values()] for n in _all_properties(sub)}
    assert names <= documented, names - documented


def _all_properties(node: object) -> set[str]:
    out: set[str] = set()
    if isinstance(node, dict):
        out.update(node.get("properties", {}))
        for value in node.values():
            out |= _all_properties(value)
    elif isinstance(node, list):  # oneOf, anyOf
        for value in node:
            out |= _all_properties(value)
    return out


def test_load_refuses_an_existing_id_unless_replace(loaded_db: Path, report_file: Path, tmp_path: Path) -> None:
    changed = every_field_report()
    changed.title = "عنوان مُعدَّل Edited"
    path = tmp_path / "changed.json"
    path.write_text(portable.dumps(changed), encoding="utf-8")
    refused = run("load", str(path), db=loaded_db)
    assert_bad_input(refused, "already in", "--replace", str(path))
    with Store.open(loaded_db) as store:
        assert store.get(changed.id).title == every_field_report().title
    replaced = run("load", "--replace", str(path), db=loaded_db)
    assert replaced.returncode == 0, replaced.stderr
    with Store.open(loaded_db) as store:
        assert store.get(changed.id).title == "عنوان مُعدَّل Edited"


def test_load_from_stdin(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    result = run("load", "-", db=db, stdin=portable.dumps(every_field_report()).encode("utf-8"))
    assert result.returncode == 0, result.stderr
    with Store.open(db) as store:
        assert portable.dumps(store.get("C22/7-A")) == portable.dumps(every_field_report())


# --- bad input: exit 2 and one line ------------------------------------------------


def test_unknown_report(loaded_db: Path) -> None:
    for command in (["show", "C99/1-A"], ["export", "C99/1-A", "-o", "x.docx"], ["dump", "zzzz"]):
        line = assert_bad_input(run(*command, db=loaded_db))
        assert "no report" in line and str(loaded_db) in line


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    assert_bad_input(run("load", str(missing), db=tmp_path / "x.db"), str(missing), "no such file")


def test_unreadable_file_a_folder(tmp_path: Path) -> None:
    assert_bad_input(run("load", str(tmp_path), db=tmp_path / "x.db"), str(tmp_path), "folder")


def test_unreadable_file(tmp_path: Path, report_file: Path) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Root reads files whatever their mode; a file whose read fails
        # (EIO: address 0 of a process is never mapped) stands in for one.
        unreadable = Path("/proc/self/mem")
        if not unreadable.exists():
            pytest.skip("running as root, and no /proc/self/mem to stand in for an unreadable file")
        assert_bad_input(run("load", str(unreadable), db=tmp_path / "x.db"), str(unreadable), "cannot read")
        return
    report_file.chmod(0)
    try:
        assert_bad_input(run("load", str(report_file), db=tmp_path / "x.db"), str(report_file), "cannot read")
    finally:
        report_file.chmod(0o644)


def test_invalid_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": "cwgdraft-report", "version": 1,\n  "report": {', encoding="utf-8")
    assert_bad_input(run("load", str(path), db=tmp_path / "x.db"), str(path), "invalid JSON", "line 2")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"title": "تقرير"}'.encode("cp1256"))
    assert_bad_input(run("load", str(path), db=tmp_path / "x.db"), str(path), "not UTF-8")


def test_wrong_format_version(tmp_path: Path) -> None:
    data = json.loads(portable.dumps(every_field_report()))
    data["version"] = 99
    path = tmp_path / "v99.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert_bad_input(run("load", str(path), db=tmp_path / "x.db"), str(path), "$.version", "99")


def test_json_not_matching_the_schema(tmp_path: Path) -> None:
    data = json.loads(portable.dumps(every_field_report()))
    data["report"]["sections"][2]["paragraphs"][1]["kind"] = "footnote"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "x.db"
    assert_bad_input(run("load", str(path), db=db), str(path), "$.report.sections[2].paragraphs[1].kind")
    assert not db.exists()  # nothing stored, not even an empty store made


def test_the_first_problem_is_the_first_in_the_file(tmp_path: Path) -> None:
    """With several problems, the one named is the one met first reading the file."""
    data = json.loads(portable.dumps(every_field_report()))
    report = data["report"]
    report["signature"]["name"] = 7  # last in the file
    report["sections"][1]["paragraphs"][0]["kind"] = "footnote"
    report["meetings"][1]["number"] = 100  # before the sections, after the title
    report["title"] = ["not", "text"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "x.db"
    assert_bad_input(run("load", str(path), db=db), "$.report.title:")
    report["title"] = "عنوان Title 2022"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert_bad_input(run("load", str(path), db=db), "$.report.meetings[1].number:", "100")
    report["meetings"][1]["number"] = 19
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert_bad_input(run("load", str(path), db=db), "$.report.sections[1].paragraphs[0].kind:")
    report["sections"][1]["paragraphs"][0]["kind"] = "bullet"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert_bad_input(run("load", str(path), db=db), "$.report.signature.name:")
    assert not db.exists()


def test_unwritable_output(loaded_db: Path) -> None:
    assert_bad_input(run("export", "C22/7-A", "-o", "/nonexistent-dir/x.docx", db=loaded_db), "/nonexistent-dir/x.docx")
    assert_bad_input(run("dump", "C22/7-A", "-o", "/nonexistent-dir/x.json", db=loaded_db), "/nonexistent-dir/x.json")


def test_output_is_a_folder(loaded_db: Path, tmp_path: Path) -> None:
    assert_bad_input(run("dump", "C22/7-A", "-o", str(tmp_path), db=loaded_db), "is a folder")


def test_bad_template(loaded_db: Path, tmp_path: Path) -> None:
    assert_bad_input(
        run("export", "C22/7-A", "-o", str(tmp_path / "x.docx"), "--template", str(tmp_path / "nope.docx"), db=loaded_db),
        "nope.docx",
    )
    assert not (tmp_path / "x.docx").exists()


def test_store_that_is_not_a_store(tmp_path: Path) -> None:
    bad = tmp_path / "random.db"
    bad.write_bytes(os.urandom(8192))
    before = bad.read_bytes()
    assert_bad_input(run("list", db=bad), str(bad), "not a SQLite database")
    assert bad.read_bytes() == before


def test_usage_errors_are_one_line(tmp_path: Path) -> None:
    assert_bad_input(run("frobnicate", db=tmp_path / "x.db"), "frobnicate")
    assert_bad_input(run("export", "C22/7-A", db=tmp_path / "x.db"), "-o")
    assert_bad_input(run("--bidi", "sideways", "list"), "sideways")


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for name in ("sample", "list", "show", "export", "dump", "load"):
        assert name in result.stdout


# --- in-process: failures, bidi, startup ---------------------------------------------


def test_unexpected_error_is_one_line_without_traceback(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def boom(args: object, ctx: object) -> int:
        raise RuntimeError("the floor\nfell through")

    monkeypatch.setattr(cli, "COMMANDS", [cli.Command("boom", "fails", lambda p: None, boom)])
    monkeypatch.delenv("CWGDRAFT_DEBUG", raising=False)
    assert cli.main(["boom"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "RuntimeError: the floor fell through" in err
    monkeypatch.setenv("CWGDRAFT_DEBUG", "1")
    with pytest.raises(RuntimeError):
        cli.main(["boom"])


def test_a_locked_store_is_a_failure_exit_1(
    loaded_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another program writing to the store: exit 1 (try again), one line, nothing changed; reads still work."""
    import sqlite3

    from cwgdraft.core import store as store_module

    monkeypatch.setattr(store_module, "BUSY_TIMEOUT", 0.2)
    changed = every_field_report()
    changed.title = "عنوان جديد New title 2022"
    path = tmp_path / "changed.json"
    path.write_text(portable.dumps(changed), encoding="utf-8")
    other = sqlite3.connect(loaded_db)
    other.execute("BEGIN IMMEDIATE")  # holds the write lock
    try:
        capsys.readouterr()
        assert cli.main(["--db", str(loaded_db), "load", "--replace", str(path)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "in use by another program" in err and str(loaded_db) in err
        assert cli.main(["--db", str(loaded_db), "show", "C22/7-A"]) == 0  # reading is not blocked
    finally:
        other.rollback()
        other.close()
    with Store.open(loaded_db) as store:
        assert store.get(changed.id).title == every_field_report().title


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def test_bidi_mode() -> None:
    assert cli.bidi_mode("auto", _Stream(False), {}) == "logical"  # piped
    assert cli.bidi_mode("auto", _Stream(True), {}) == "visual"  # a terminal that cannot shape
    assert cli.bidi_mode("auto", _Stream(True), {"VTE_VERSION": "7002"}) == "logical"
    assert cli.bidi_mode("auto", _Stream(True), {"VTE_VERSION": "5202"}) == "visual"  # before VTE 0.58
    assert cli.bidi_mode("auto", _Stream(True), {"TERM_PROGRAM": "Apple_Terminal"}) == "logical"
    assert cli.bidi_mode("auto", _Stream(True), {"CWGDRAFT_BIDI": "logical"}) == "logical"
    assert cli.bidi_mode("auto", _Stream(True), {"VTE_VERSION": "7002", "CWGDRAFT_BIDI": "visual"}) == "visual"
    assert cli.bidi_mode("visual", _Stream(False), {}) == "visual"
    assert cli.bidi_mode("logical", _Stream(True), {}) == "logical"


def test_list_imports_nothing_heavy(loaded_db: Path) -> None:
    code = (
        "import sys\n"
        "from cwgdraft.cli import main\n"
        f"rc = main(['--db', {str(loaded_db)!r}, 'list'])\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'docx', 'jinja2', 'lxml', 'jsonschema', 'sqlite_utils'})\n"
        "print('HEAVY', rc, heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "HEAVY 0 []"


def test_gui_passes_its_options_on(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    seen: list[list[str]] = []
    app = types.ModuleType("cwgdraft.gui.app")
    app.run = lambda argv: seen.append(list(argv)) or 0  # type: ignore[attr-defined]
    package = types.ModuleType("cwgdraft.gui")
    package.app = app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "cwgdraft.gui", package)
    monkeypatch.setitem(sys.modules, "cwgdraft.gui.app", app)
    assert cli.main(["--db", "x.db", "gui", "--report", "C22/7-A", "--lang", "en"]) == 0
    assert seen == [["--db", "x.db", "--report", "C22/7-A", "--lang", "en"]]


def test_unknown_options_are_refused_outside_gui(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["list", "--frob"])
    assert info.value.code == 2
    assert capsys.readouterr().err == "cwgdraft: unrecognized arguments: --frob (see 'cwgdraft --help')\n"


# --- delete, trash, restore ------------------------------------------------------------


def test_delete_trash_restore(loaded_db: Path, tmp_path: Path) -> None:
    report = every_field_report()
    before = run("dump", "C22/7-A", db=loaded_db)
    assert before.returncode == 0
    deleted = run("delete", "C22/7-A", db=loaded_db)
    assert deleted.returncode == 0, deleted.stderr
    assert deleted.stdout == f"{report.id}\tC22/7-A\tتقرير من رئيس فريق العمل\n"
    assert "moved to the trash" in deleted.stderr and f"cwgdraft restore {report.id}" in deleted.stderr
    # Not listed, shown, exported, dumped or deleted again.
    assert json.loads(run("list", "--json", db=loaded_db).stdout) == []
    for command in (("show", "C22/7-A"), ("dump", report.id), ("export", report.id[:8], "-o", str(tmp_path / "x.docx")),
                    ("delete", "C22/7-A")):
        assert_bad_input(run(*command, db=loaded_db), "no report")
    assert not (tmp_path / "x.docx").exists()
    listed = run("trash", db=loaded_db).stdout.splitlines()
    assert len(listed) == 1 and listed[0].startswith(f"{report.id}\tC22/7-A\tتقرير من رئيس فريق العمل\t20")
    (entry,) = json.loads(run("trash", "--json", db=loaded_db).stdout)
    assert (entry["id"], entry["symbol"]) == (report.id, "C22/7-A")
    restored = run("restore", report.id[:6], db=loaded_db)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout == f"{report.id}\tC22/7-A\n"
    assert run("dump", "C22/7-A", db=loaded_db).stdout == before.stdout
    assert run("trash", db=loaded_db).stdout == ""
    assert_bad_input(run("restore", report.id, db=loaded_db), "no report", "trash")
def test_export_imports_only_what_it_uses(loaded_db: Path, tmp_path: Path) -> None:
    # Each of these costs start-up time and none is needed to export with the
    # council template: saxutils brings urllib, http, email and ssl with it.
    code = (
        "import sys\n"
        "from cwgdraft.cli import main\n"
        f"rc = main(['--db', {str(loaded_db)!r}, 'export', 'C22/7-A', '-o', {str(tmp_path / 'out.docx')!r}])\n"
        "names = {'docx', 'lxml', 'xml.sax', 'urllib.request', 'http', 'email', 'ssl', 'cwgdraft.importer',"
        " 'platformdirs', 'uuid', 'platform'}\n"
        "print('LOADED', rc, sorted(names & set(sys.modules)))\n"
    )
    env = dict(os.environ, CWGDRAFT_TEMPLATE_CACHE=str(tmp_path / "cache"))
    # The first export analyses the reference document (with lxml) and keeps it in the cache folder.
    loaded = []
    for _ in range(2):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env,
                                timeout=60)
        assert result.returncode == 0, result.stderr
        loaded.append(result.stdout.splitlines()[-1])
    assert loaded == ["LOADED 0 ['lxml']", "LOADED 0 []"]
    assert (tmp_path / "out.docx").stat().st_size > 5000
    from cwgdraft.review.package import round_property

    with zipfile.ZipFile(tmp_path / "out.docx") as z:
        assert round_property({n: z.read(n) for n in z.namelist()})  # recorded as a base, its id in the file
    # Reading the arguments loads neither the importer nor uuid (which imports platform).
    code = (
        "import sys\n"
        "from cwgdraft.cli import build_parser\n"
        "argv = ['export', 'C22/7-A', '-o', 'out.docx']\n"
        "build_parser(argv).parse_args(argv)\n"
        "print('LOADED', sorted({'cwgdraft.importer', 'uuid', 'platform'} & set(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert result.stdout.splitlines()[-1] == "LOADED []", result.stderr


def test_list_names_untitled_reports_without_reading_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "x.db"
    assert cli.main(["--db", str(db), "sample"]) == 0
    capsys.readouterr()

    def no_reading(self: Store, report_id: str) -> None:
        raise AssertionError(f"list read report {report_id}")

    monkeypatch.setattr(Store, "_read", no_reading)
    assert cli.main(["--db", str(db), "--bidi", "logical", "list"]) == 0
    assert "\t[الاجتماع الثامن عشر (12 يناير 2022)]" in capsys.readouterr().out


ENDING = """
import atexit, sys
marker = sys.argv.pop()
atexit.register(lambda: open(marker, "w").write("exit handlers ran"))
from cwgdraft.cli import run
run()
"""


@pytest.mark.parametrize(("args", "code"), [(("list",), 0), (("show", "nothere"), 2)])
def test_the_command_ends_fast_but_runs_exit_handlers_and_flushes(
    tmp_path: Path, args: tuple[str, ...], code: int
) -> None:
    """`cwgdraft` skips the interpreter's teardown at the end: the exit status is the
    command's, what it printed is all there, and the exit handlers ran."""
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        for n in range(40):  # more output than one buffer holds
            store.save(synthetic_report(paragraphs=3, meetings=1, contributions=1, seed=n))
    marker = tmp_path / "marker.txt"
    done = subprocess.run([sys.executable, "-c", ENDING, "--db", str(db), *args, str(marker)],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == code, done.stderr
    assert marker.read_text() == "exit handlers ran"
    if code == 0:
        assert len(done.stdout.splitlines()) == 40
    else:
        assert done.stderr.count("\n") == 1 and "nothere" in done.stderr


def test_an_export_keeps_its_standard_wording_for_the_next_process(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    report = portable.read_file(SAMPLES[-1])
    with Store.open(db) as store:
        store.save(report)
    cache = tmp_path / "cache"
    done = run("export", report.id, "-o", str(tmp_path / "out.docx"), db=db,
               env={"CWGDRAFT_TEMPLATE_CACHE": str(cache)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(tmp_path / "out.docx")
    assert json.loads((cache / "standard-wording.json").read_text(encoding="utf-8"))["snippets"]
