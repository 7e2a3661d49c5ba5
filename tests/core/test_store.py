"""The SQLite store: real files, migrations, refusals, lossless round trips."""

from __future__ import annotations

import copy
import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from cwgdraft.core import portable
from cwgdraft.core.content import Content, Field, Text
from cwgdraft.core.errors import BadInput, NotFound, StoreError
from cwgdraft.core.migrations import migrations
from cwgdraft.core.model import (
    Contribution,
    Meeting,
    MeetingMode,
    Numbering,
    OpeningRemark,
    Paragraph,
    ParagraphKind,
    Person,
    PersonRole,
    Report,
    Section,
    SectionRole,
    Signature,
    WorkingGroup,
)
from cwgdraft.core.samples import load_samples
from cwgdraft.core.store import MIGRATION_NAMES, SCHEMA_VERSION, Store
from cwgdraft.core.synthetic import synthetic_report

REPO = Path(__file__).resolve().parent.parent.parent
SAMPLES = sorted((REPO / "resources" / "samples").glob("*.json"))

NBSP = "\u00a0"
ZOOM = (
    "عقد فريق العمل التابع للمجلس والمعني بحماية الأطفال على الإنترنت (CWG\u2011COP) "
    f"اجتماعه الثامن{NBSP}عشر في{NBSP}12{NBSP}يناير{NBSP}2022 عبر الإنترنت على المنصة Zoom."
)
URL = "http://www.itu.int/en/council/cwg-cop/Pages/default.aspx"


def _renumber(text: str, make_id: Callable[[], str] | None = None) -> str:
    """The report file with fresh ids for everything in the report (not the report itself)."""
    import json
    import uuid

    data = json.loads(text)
    mapping: dict[str, str] = {}
    make = make_id or (lambda: str(uuid.uuid4()))

    def fresh(old: str) -> str:
        if old not in mapping:
            mapping[old] = make()
        return mapping[old]

    rep = data["report"]
    for key in ("meetings", "people", "contributions", "opening_remarks", "sections"):
        for item in rep[key]:
            item["id"] = fresh(item["id"])
    for s in rep["sections"]:
        for p in s["paragraphs"]:
            p["id"] = fresh(p["id"])
    for c in rep["contributions"]:
        for k in ("presenter_id", "meeting_id", "paragraph_id"):
            if c[k]:
                c[k] = mapping[c[k]]
    for o in rep["opening_remarks"]:
        o["speaker_id"], o["paragraph_id"] = mapping[o["speaker_id"]], mapping[o["paragraph_id"]]
    return json.dumps(data, ensure_ascii=False)


def every_field_report() -> Report:
    """A report with every field filled, mixed Arabic, Latin, numbers, URLs and marks.

    Its ids are the same on every call (UUIDs made from a counter)."""
    import itertools
    import uuid

    counter = itertools.count(1)
    report = _every_field_report()
    report.id = "5b0f3c2e-8d4a-4c1e-9f7a-2a6d1b9e0c11"
    return portable.loads(_renumber(portable.dumps(report), lambda: str(uuid.UUID(int=next(counter), version=4))))


def _every_field_report() -> Report:
    chair = Person("عبد العزيز الزرعوني", honorific="السيد", country="الإمارات العربية المتحدة", role=PersonRole.CHAIR)
    speaker = Person("Houlin Zhao", honorific="السيد", role=PersonRole.OPENING_SPEAKER, title="الأمين العام للاتحاد")
    presenter = Person("Trend\u00a0Micro", role=PersonRole.PRESENTER, title="شريك \u200fENI\u200f")
    meeting = Meeting(18, start=dt.date(2022, 1, 12), mode=MeetingMode.ONLINE, platform="Zoom", participants=123)
    meeting2 = Meeting(
        19, start=dt.date(2022, 9, 20), end=dt.date(2022, 9, 21), mode=MeetingMode.HYBRID, venue="مقر الاتحاد في جنيف"
    )
    p_intro = Paragraph(ZOOM)
    p_open = Paragraph("افتتح الأمين العام الاجتماع.\nسطر ثانٍ\tبعد جدولة", ParagraphKind.UNNUMBERED)
    p_contrib = Paragraph("المساهمة CWG-COP/18/5 من \u2067WeProtect\u2069 – انظر " + URL)
    paragraphs = [
        Paragraph("تلقى الفريق المساهمات التالية:", ParagraphKind.NUMBERED),
        Paragraph("الدول الأعضاء", ParagraphKind.BULLET),
        Paragraph("الإمارات (الوثيقة 5)", ParagraphKind.SUB_BULLET),
        Paragraph("نتيجة أولى", ParagraphKind.LETTERED),
        Paragraph("بند تحت حرف", ParagraphKind.LETTERED_BULLET),
        p_contrib,
        Paragraph("", ParagraphKind.UNNUMBERED),
        Paragraph("", ParagraphKind.BULLET, standard="documents_group", ref="member_state"),
    ]
    return Report(
        council_session="المجلس 2022",
        session_place="جنيف",
        session_start=dt.date(2022, 3, 21),
        session_end=dt.date(2022, 3, 31),
        agenda_item="PL 1.5",
        symbol="C22/7-A",
        date=dt.date(2022, 2, 3),
        original_language="en",
        title="تقرير من رئيس فريق العمل\nالتابع للمجلس",
        subject=Content([Text("نواتج "), Field("meetings.phrase"), Text(" ل"), Field("group.name", form="li,nobreak")]),
        summary="يلخّص هذا التقرير النتائج الرئيسية (2024-2021).",
        action_required="يُرجى من المجلس الإحاطة علماً بهذا التقرير.",
        references=["القرار 179 (المراجَع في دبي، 2018)", "القرار 1306 للمجلس", ""],
        numbering=Numbering.SECTION_PARAGRAPH,
        group=WorkingGroup(
            name="فريق العمل التابع للمجلس والمعني بحماية الأطفال على الإنترنت",
            acronym="CWG\u2011COP",
            mandate=["القرار 179", "Resolution 1306 \u200e(C09)"],
        ),
        meetings=[meeting, meeting2],
        people=[chair, speaker, presenter],
        opening_remarks=[OpeningRemark(speaker.id, p_open.id)],
        contributions=[
            Contribution(
                "Child online protection in 5G",
                document="CWG-COP/18/5",
                source="Deloitte",
                category="partner",
                presenter_id=presenter.id,
                meeting_id=meeting.id,
                paragraph_id=p_contrib.id,
            ),
            Contribution("مساهمة بلا روابط"),
        ],
        sections=[
            Section("مقدمة", SectionRole.INTRODUCTION, [p_intro]),
            Section("الملاحظات الافتتاحية", SectionRole.OPENING, [p_open]),
            Section("المساهمات", SectionRole.CONTRIBUTIONS, paragraphs),
            Section("ما يستجد من أعمال", SectionRole.OTHER_BUSINESS, []),
            Section("", SectionRole.OUTCOMES, [Paragraph("نتيجة")], standard="outcomes_heading"),
        ],
        signature=Signature("الدكتور", "شريف هاشم", "جمهورية مصر العربية", "رئيس فريق العمل التابع للمجلس\nوالمعني بحماية"),
    )


def reports() -> list[tuple[str, Report]]:
    out = [("every-field", every_field_report())]
    out += [(path.stem, portable.read_file(path)) for path in SAMPLES]
    out.append(("synthetic-600", synthetic_report()))
    return out


def count(store: Store, table: str, where: str = "1", params: tuple = ()) -> int:
    return store.conn.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[0]


# --- creating and upgrading -----------------------------------------------------


def test_create_from_empty(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "cwgdraft.db"
    with Store.open(path, create_folders=True) as store:
        assert path.is_file()
        assert store.schema_version() == SCHEMA_VERSION == int(MIGRATION_NAMES[-1][1:4])
        assert store.backup is None
        assert store.list_reports() == []
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"reports", "meetings", "people", "opening_remarks", "contributions", "sections", "paragraphs"} <= tables
        applied = [r[0] for r in store.conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set='cwgdraft'")]
        assert applied == list(MIGRATION_NAMES)
    assert list(tmp_path.glob("deep/er/*.bak*")) == []


def test_a_missing_folder_is_refused_not_made(tmp_path: Path) -> None:
    path = tmp_path / "typo" / "cwgdraft.db"
    with pytest.raises(StoreError, match=r"the folder .*typo does not exist") as info:
        Store.open(path)
    assert info.value.exit_code == 2
    assert not (tmp_path / "typo").exists()


def test_a_folder_named_by_the_environment_is_not_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CWGDRAFT_DB", str(tmp_path / "nope" / "env.db"))
    with pytest.raises(StoreError, match="does not exist"):
        Store.open()
    assert not (tmp_path / "nope").exists()


def test_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "cwgdraft.db"
    path.write_bytes(b"")
    with Store.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.backup is None


def test_migration_names_agree_with_the_migration_set() -> None:
    db = Database(memory=True)
    assert [m.name for m in migrations.pending(db)] == list(MIGRATION_NAMES)


def test_default_path_follows_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cwgdraft.core.paths import default_store_path

    monkeypatch.setenv("CWGDRAFT_DB", str(tmp_path / "env.db"))
    assert default_store_path() == tmp_path / "env.db"
    with Store.open() as store:
        assert store.path == tmp_path / "env.db"
    monkeypatch.delenv("CWGDRAFT_DB")
    assert default_store_path().name == "cwgdraft.db"
    assert "cwgdraft" in str(default_store_path().parent)


def _previous_version_store(path: Path) -> None:
    """A store as the previous cwgdraft wrote it: only m001, with a report in it."""
    db = Database(path)
    migrations.apply(db, stop_before="m002_updated_at_and_indexes")
    with db.atomic():
        db.execute(
            "INSERT INTO reports (id, symbol, date, title, numbering) VALUES (?, ?, ?, ?, ?)",
            ["r-old-1", "C17/7-A", "2017-02-02", f"تقرير{NBSP}قديم (CWG-COP)", "section.paragraph"],
        )
        db.execute("INSERT INTO report_references (report_id, position, text) VALUES ('r-old-1', 0, 'القرار 179')")
        db.execute("INSERT INTO sections (id, report_id, position, title, role) VALUES ('s1', 'r-old-1', 0, 'مقدمة', 'introduction')")
        for i, text in enumerate([ZOOM, "فقرة ثانية http://www.itu.int/council"]):
            db.execute(
                "INSERT INTO paragraphs (id, report_id, section_id, position, text, kind) VALUES (?, 'r-old-1', 's1', ?, ?, ?)",
                [f"p{i}", i, text, "numbered"],
            )
    db.close()


def test_upgrade_from_previous_schema_version_with_backup(tmp_path: Path) -> None:
    path = tmp_path / "cwgdraft.db"
    _previous_version_store(path)
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
        assert "updated_at" not in [r[1] for r in raw.execute("PRAGMA table_info(reports)")]
    raw.close()

    with Store.open(path) as store:
        assert store.backup == tmp_path / "cwgdraft.db.bak-1"
        assert store.schema_version() == SCHEMA_VERSION
        columns = [r[1] for r in store.conn.execute("PRAGMA table_info(reports)")]
        assert "updated_at" in columns
        indexes = {r[1] for r in store.conn.execute("PRAGMA index_list(reports)")}
        assert "idx_reports_symbol" in indexes
        report = store.get("C17/7-A")
        assert report.id == "r-old-1"
        assert report.title == f"تقرير{NBSP}قديم (CWG-COP)"
        assert report.references == ["القرار 179"]
        assert report.numbering is Numbering.SECTION_PARAGRAPH
        assert [p.text for p in report.sections[0].paragraphs] == [ZOOM, "فقرة ثانية http://www.itu.int/council"]
        assert store.list_reports()[0].updated_at == ""
        # The upgraded store takes new saves.
        report.sections[0].paragraphs.append(Paragraph("جديدة"))
        store.save(report)
        assert len(store.get("r-old-1").sections[0].paragraphs) == 3

    # The backup is the previous version, complete and usable on its own.
    backup = sqlite3.connect(tmp_path / "cwgdraft.db.bak-1")
    try:
        assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
        assert backup.execute("SELECT count(*) FROM paragraphs").fetchone()[0] == 2
        assert backup.execute("SELECT title FROM reports").fetchone()[0] == f"تقرير{NBSP}قديم (CWG-COP)"
    finally:
        backup.close()

    # Opening again: nothing pending, no second backup.
    with Store.open(path) as store:
        assert store.backup is None
    assert sorted(p.name for p in tmp_path.glob("*.bak*")) == ["cwgdraft.db.bak-1"]


def test_upgrade_from_version_2_adds_versions_and_the_trash(tmp_path: Path) -> None:
    path = tmp_path / "cwgdraft.db"
    db = Database(path)
    migrations.apply(db, stop_before="m003_versions_and_trash")
    with db.atomic():
        db.execute("INSERT INTO reports (id, symbol, title, updated_at) VALUES ('2f8a7c1e-0000-4000-8000-000000000002', 'C22/7-A', 'تقرير (CWG-COP)', 'x')")
        db.execute("INSERT INTO sections (id, report_id, position, title) VALUES ('s1', '2f8a7c1e-0000-4000-8000-000000000002', 0, 'مقدمة')")
        db.execute("INSERT INTO paragraphs (id, report_id, section_id, position, text) VALUES ('p1', '2f8a7c1e-0000-4000-8000-000000000002', 's1', 0, ?)", [ZOOM])
    db.close()
    with Store.open(path) as store:
        assert store.backup == tmp_path / "cwgdraft.db.bak-2"
        assert store.schema_version() == SCHEMA_VERSION
        report, version = store.get_with_version("C22/7-A")
        assert version == 0  # saved before versions were counted
        assert report.sections[0].paragraphs[0].text == ZOOM
        before = portable.dumps(report)
        assert store.save(report, expected_version=0) == 1
        store.delete(report.id)
        assert [e.report_id for e in store.trash()] == ["2f8a7c1e-0000-4000-8000-000000000002"]
        store.restore("2f8a7c1e-0000-4000-8000-000000000002")
        assert portable.dumps(store.get("2f8a7c1e-0000-4000-8000-000000000002")) == before
    backup = sqlite3.connect(tmp_path / "cwgdraft.db.bak-2")
    try:
        assert backup.execute("PRAGMA user_version").fetchone()[0] == 2
        assert backup.execute("SELECT text FROM paragraphs").fetchall() == [(ZOOM,)]
    finally:
        backup.close()


# --- refusals: the file is left exactly as it was -------------------------------


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _random_bytes(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 64)


def _other_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    conn.commit()
    conn.close()


def _store_then(path: Path, *statements: str) -> None:
    """A filled store, then what a newer cwgdraft would have done to it."""
    with Store.open(path) as store:
        store.save(every_field_report())
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def _newer_version(path: Path) -> None:
    _store_then(
        path,
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('cwgdraft', 'm003_future', 'x')",
        "PRAGMA user_version = 3",
    )


def _newer_version_marker_only(path: Path) -> None:
    _store_then(path, "PRAGMA user_version = 7")


def _corrupt(path: Path) -> None:
    with Store.open(path) as store:
        report = every_field_report()
        report.sections[2].paragraphs += [Paragraph(f"فقرة رقم {i} " + "نص " * 40) for i in range(200)]
        store.save(report)
    data = bytearray(path.read_bytes())
    assert len(data) > 8 * 4096
    page = 4096
    for n in range(2, len(data) // page):  # scribble over every page but the first
        data[n * page + 8 : n * page + 200] = b"\xa5" * 192
    path.write_bytes(bytes(data))


def _truncated(path: Path) -> None:
    with Store.open(path) as store:
        report = every_field_report()
        report.sections[2].paragraphs += [Paragraph("نص " * 50) for _ in range(200)]
        store.save(report)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (_random_bytes, "not a SQLite database"),
        (_other_sqlite, "not a cwgdraft store"),
        (_newer_version, "newer cwgdraft"),
        (_newer_version_marker_only, "newer cwgdraft"),
        (_corrupt, "damaged"),
        (_truncated, "damaged"),
    ],
    ids=["random-bytes", "other-sqlite", "newer-migration", "newer-user-version", "corrupt", "truncated"],
)
def test_refused_file_is_left_untouched(tmp_path: Path, make: object, words: str) -> None:
    path = tmp_path / "cwgdraft.db"
    make(path)  # type: ignore[operator]
    before = _files(tmp_path)
    with pytest.raises(StoreError) as info:
        Store.open(path)
    message = str(info.value)
    assert words in message
    assert str(path) in message
    assert "\n" not in message
    assert info.value.exit_code == 2
    assert _files(tmp_path) == before  # same files, same bytes: no backup, no -wal left


def test_folder_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)


# --- round trips ----------------------------------------------------------------


@pytest.mark.parametrize(("name", "report"), reports(), ids=[name for name, _ in reports()])
def test_round_trip_is_exact(tmp_path: Path, name: str, report: Report) -> None:
    original = portable.dumps(report)
    with Store.open(tmp_path / "a.db") as store:
        store.save(report)
    with Store.open(tmp_path / "a.db") as store:  # a fresh connection reads from the file
        again = store.get(report.id)
    assert portable.dumps(again) == original
    # And through a second, empty store.
    with Store.open(tmp_path / "b.db") as other:
        other.save(portable.loads(portable.dumps(again)))
        assert portable.dumps(other.get(report.id)) == original


def test_text_is_stored_as_given(tmp_store: Store) -> None:
    report = every_field_report()
    odd = "a\u00a0b\u200e\u200f\u2066x\u2069 \u2011 ﷺ\ttab  two  spaces \U0001f600 " + "طويلة" * 500
    report.sections[0].paragraphs[0].text = odd
    report.summary = odd
    tmp_store.save(report)
    again = tmp_store.get(report.id)
    assert again.sections[0].paragraphs[0].text == odd
    assert again.summary == odd


def _unfilled(value: object, where: str) -> list[str]:
    """Paths of fields left empty; in a list of objects a field counts if any item fills it."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _unfilled(v, f"{where}.{k}")]
    if isinstance(value, list):
        if not value:
            return [where]
        if not all(isinstance(v, dict) for v in value):
            return []
        out: list[str] = []
        if "field" in value[0] or ("text" in value[0] and len(value[0]) == 1):
            return []  # text with fields: its inlines are filled by construction
        for key in value[0]:
            per_item = [_unfilled(v[key], f"{where}[*].{key}") for v in value]
            if all(per_item):
                out += per_item[0]
        return out
    return [where] if value is None or value == "" else []


def test_every_model_field_is_filled_and_stored(tmp_store: Store) -> None:
    """`every_field_report` fills every field of the model: a field the store drops fails here."""
    report = every_field_report()
    data = portable.to_data(report)
    assert _unfilled(data, "$") == []
    tmp_store.save(report)
    assert portable.to_data(tmp_store.get(report.id)) == data


# --- saving ---------------------------------------------------------------------


def test_save_replaces_the_whole_report(tmp_store: Store) -> None:
    report = every_field_report()
    tmp_store.save(report)
    section = report.sections[2]
    gone = section.paragraphs.pop(1)
    section.paragraphs.reverse()
    moved = report.sections[0].paragraphs.pop()
    report.sections[3].paragraphs.append(moved)
    report.sections[3].paragraphs.append(Paragraph("فقرة جديدة New"))
    report.references = ["القرار 179"]
    report.people.pop()  # the presenter: the contribution must not point at it any more
    report.contributions[0].presenter_id = None
    report.meetings.pop()
    report.sections.pop(1)  # the opening section, and the remark that pointed at its paragraph
    report.opening_remarks = []
    tmp_store.save(report)

    again = tmp_store.get(report.id)
    assert portable.dumps(again) == portable.dumps(report)
    assert count(tmp_store, "paragraphs", "id = ?", (gone.id,)) == 0
    assert count(tmp_store, "paragraphs", "report_id = ?", (report.id,)) == len(report.all_paragraphs())
    assert count(tmp_store, "people") == 2
    assert count(tmp_store, "meetings") == 1
    assert count(tmp_store, "sections") == len(report.sections) == 4
    assert count(tmp_store, "opening_remarks") == 0
    assert count(tmp_store, "report_references") == 1
    assert count(tmp_store, "reports") == 1
    # A moved paragraph keeps its row (and its id), in its new section.
    row = tmp_store.conn.execute("SELECT section_id FROM paragraphs WHERE id = ?", [moved.id]).fetchone()
    assert row == (report.sections[2].id,)


def test_updated_at_is_stamped(tmp_store: Store) -> None:
    report = every_field_report()
    tmp_store.save(report)
    (summary,) = tmp_store.list_reports()
    assert summary.updated_at.startswith(str(dt.datetime.now(dt.UTC).year))
    assert summary.date == dt.date(2022, 2, 3)
    assert summary.symbol == "C22/7-A"


def test_foreign_keys_and_wal_are_on(tmp_store: Store) -> None:
    assert tmp_store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert tmp_store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with pytest.raises(sqlite3.IntegrityError):
        with tmp_store.db.atomic():
            tmp_store.conn.execute(
                "INSERT INTO paragraphs (id, report_id, section_id, position, text) VALUES ('p', 'nope', 'nope', 0, 'x')"
            )
    assert count(tmp_store, "paragraphs") == 0


def test_delete_cascades(tmp_store: Store) -> None:
    report = every_field_report()
    tmp_store.save(report)
    tmp_store.delete("C22/7-A")
    assert not tmp_store.has(report.id)
    for table in ("meetings", "people", "sections", "paragraphs", "contributions", "opening_remarks", "report_references"):
        assert count(tmp_store, table) == 0, table


def test_failed_save_keeps_the_previous_version(tmp_store: Store) -> None:
    report = every_field_report()
    tmp_store.save(report)
    before = portable.dumps(tmp_store.get(report.id))

    broken = copy.deepcopy(report)
    broken.sections[0].paragraphs[0].text = "تغيير لن يُحفظ"
    broken.contributions[0].paragraph_id = "no-such-paragraph"
    with pytest.raises(BadInput, match="paragraph_id"):
        tmp_store.save(broken)
    assert portable.dumps(tmp_store.get(report.id)) == before

    # A failure in the middle of the transaction: the last paragraph cannot be
    # encoded, after the report row and earlier rows were already written.
    late = copy.deepcopy(report)
    late.title = "عنوان جديد"
    late.sections[0].paragraphs.append(Paragraph("نص جديد"))
    late.sections[2].paragraphs[-1].text = "bad \ud800 surrogate"
    with pytest.raises(BadInput, match="unchanged"):
        tmp_store.save(late)
    assert portable.dumps(tmp_store.get(report.id)) == before
    assert tmp_store.conn.in_transaction is False


def test_ids_of_another_report_are_refused(tmp_store: Store) -> None:
    first = every_field_report()
    tmp_store.save(first)
    second = copy.deepcopy(first)
    second.id = "another-report"
    with pytest.raises(BadInput, match="already belongs to report"):
        tmp_store.save(second)
    assert not tmp_store.has("another-report")
    assert portable.dumps(tmp_store.get(first.id)) == portable.dumps(first)


# --- finding reports --------------------------------------------------------------


def test_resolve_by_id_prefix_and_symbol(tmp_store: Store) -> None:
    a = every_field_report()
    a.id = "aaaa1111-0000-4000-8000-000000000001"
    b = portable.loads(portable.dumps(every_field_report()))
    b.id, b.symbol = "aaaa2222-0000-4000-8000-000000000002", "C17/35-A"
    # fresh ids for b's rows, so that both reports can live in one store
    b = portable.loads(_renumber(portable.dumps(b)))
    tmp_store.save(a)
    tmp_store.save(b)
    assert tmp_store.resolve("aaaa1111-0000-4000-8000-000000000001") == a.id
    assert tmp_store.resolve("aaaa1") == a.id
    assert tmp_store.resolve("C22/7-A") == a.id
    assert tmp_store.resolve("c17/35\u2011a") == b.id  # case and non-breaking hyphen folded
    with pytest.raises(BadInput, match="start of 2 report ids"):
        tmp_store.resolve("aaaa")
    with pytest.raises(NotFound) as info:
        tmp_store.resolve("aaa")  # too short for a prefix
    assert str(info.value) == f"no report 'aaa' in {tmp_store.path} (the start of an id needs 4 characters or more)"
    with pytest.raises(NotFound):
        tmp_store.get("C99/1-A")
    assert [s.symbol for s in tmp_store.list_reports()] == ["C17/35-A", "C22/7-A"]  # same date: by symbol


def test_list_orders_by_date_then_symbol(tmp_store: Store) -> None:
    for i, (symbol, date) in enumerate([("C16/2-A", "2016-10-10"), ("C22/9-A", None), ("C22/7-A", "2022-02-03"), ("C22/8-A", "2022-02-03")]):
        tmp_store.save(Report(id=f"r{i}", symbol=symbol, date=dt.date.fromisoformat(date) if date else None, title=f"تقرير {i}"))
    assert [s.symbol for s in tmp_store.list_reports()] == ["C22/7-A", "C22/8-A", "C16/2-A", "C22/9-A"]


# --- samples ----------------------------------------------------------------------


def test_load_samples_twice_adds_no_copies(tmp_store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "samples"
    folder.mkdir()
    report = every_field_report()
    (folder / "one.json").write_text(portable.dumps(report), encoding="utf-8")
    first = load_samples(tmp_store, folder)
    assert [(r.id, added) for r, added in first] == [(report.id, True)]
    second = load_samples(tmp_store, folder)
    assert [(r.id, added) for r, added in second] == [(report.id, False)]
    assert len(tmp_store.list_reports()) == 1
    assert portable.dumps(tmp_store.get(report.id)) == portable.dumps(report)


@pytest.mark.skipif(not SAMPLES, reason="no bundled samples yet")
def test_bundled_samples_load(tmp_store: Store) -> None:
    loaded = load_samples(tmp_store)
    assert len(loaded) == len(SAMPLES) >= 2
    assert all(added for _, added in loaded)
    assert not any(added for _, added in load_samples(tmp_store))
    assert len(tmp_store.list_reports()) == len(SAMPLES)


# --- any text a user can type -------------------------------------------------------

_typed = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_typed, paragraph=_typed, reference=_typed, name=_typed)
def test_any_text_comes_back_unchanged(tmp_store: Store, title: str, paragraph: str, reference: str, name: str) -> None:
    report = every_field_report()
    report.title = title
    report.sections[0].paragraphs[0].text = paragraph
    report.references.append(reference)
    report.people[0].name = name
    report.symbol = title[:20]
    tmp_store.save(report)
    again = tmp_store.get(report.id)
    assert portable.dumps(again) == portable.dumps(report)
