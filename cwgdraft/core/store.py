"""The local store: reports in a SQLite file, one table per kind of thing.

The schema is created and upgraded by sqlite-utils' migrations
(`cwgdraft.core.migrations`); a store written by an older cwgdraft is
upgraded in place after a backup copy is taken beside it. Foreign keys are
on, the journal is WAL, and every change runs in one transaction, begun
IMMEDIATE: a writer takes the write lock before it reads, so two programs
writing the same store wait for each other (up to `BUSY_TIMEOUT`) instead
of one failing, and what a write checks (an id is new, the version the
caller read is still the stored one) cannot change before it is written.
The schema is created and upgraded under that lock too, once.

Every save raises the report's version; `save(report, expected_version=v)`
writes only if the stored version is still `v` (else `StoreConflict`), so
an open window never overwrites what another program saved meanwhile.
`delete` moves a report to the trash kept in the store (the report whole,
as a portable report file); `restore` brings it back exactly.

A file that is not a SQLite database, not a cwgdraft store, damaged, or
written by a newer cwgdraft is refused with a one-line `StoreError`, and the
file is left exactly as it was (it is inspected read-only first).

Opening a store that is up to date does not import sqlite-utils: the command
line's `list` stays fast; only creating or upgrading a store does.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from cwgdraft.core import content
from cwgdraft.core.errors import BadInput, NotFound, ReportExists, StoreBusy, StoreConflict, StoreError
from cwgdraft.core.model import (
    Contribution,
    Meeting,
    MeetingMode,
    Numbering,
    OpeningRemark,
    ParagraphKind,
    Person,
    PersonRole,
    Report,
    Section,
    SectionRole,
    Signature,
    WorkingGroup,
)
from cwgdraft.core.model import Paragraph as ParagraphModel

# The migrations of `cwgdraft.core.migrations`, in order (a test checks that
# the two lists agree). Listed here so that opening an up-to-date store needs
# no sqlite-utils import.
MIGRATION_NAMES = (
    "m001_tables",
    "m002_updated_at_and_indexes",
    "m003_versions_and_trash",
    "m004_paragraph_content",
    "m005_report_name",
    "m006_search",
    "m007_review",
)
# Each migration sets `PRAGMA user_version` to its own number.
SCHEMA_VERSION = int(MIGRATION_NAMES[-1][1:4])
SET_NAME = "cwgdraft"
APPLICATION_ID = 0x43574744
SQLITE_MAGIC = b"SQLite format 3\x00"
MIN_PREFIX = 4
# How long a change waits for another program's write to the same store to end (seconds).
BUSY_TIMEOUT = 10.0


class ReportSummary(NamedTuple):
    id: str
    symbol: str
    date: dt.date | None
    title: str
    updated_at: str
    name: str = ""  # `Report.name`: what to call it without a title


class TrashEntry(NamedTuple):
    """A deleted report, kept whole in the store's trash until restored."""

    entry: int
    report_id: str
    symbol: str
    name: str
    deleted_at: str


class NoStoreFolder(StoreError):
    """The store's folder does not exist, and making it was not asked for."""


class _Inspection(NamedTuple):
    fresh: bool  # no cwgdraft tables yet: create the schema, no backup needed
    version: int  # PRAGMA user_version
    applied: list[str]


def _busy(path: Path, exc: sqlite3.Error, what: str) -> StoreBusy | None:
    """A `StoreBusy` when `exc` says another connection holds the store's lock."""
    text = str(exc).lower()
    if isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
        return StoreBusy(f"{path}: {what}: the store is in use by another program ({_one_line(exc)}); try again")
    return None


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _inspect(path: Path) -> _Inspection:
    """Look at an existing file without changing it; refuse what is not ours."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store ({exc.strerror})") from exc
    if not head:
        return _Inspection(fresh=True, version=0, applied=[])
    if head != SQLITE_MAGIC:
        raise StoreError(f"{path}: not a SQLite database, so not a cwgdraft store")
    # Read-only. With no write-ahead log beside it the file is complete on its
    # own: open it immutable, so that not even a `-wal`/`-shm` file is created.
    live = path.with_name(path.name + "-wal").exists()
    import urllib.parse  # here: the command line's start-up does not pay for it

    uri = "file:" + urllib.parse.quote(str(path.resolve())) + ("?mode=ro" if live else "?mode=ro&immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the store ({_one_line(exc)})") from exc
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        applied: list[str] = []
        if "_sqlite_migrations" in tables:
            try:
                applied = [
                    row[0]
                    for row in conn.execute(
                        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", [SET_NAME]
                    )
                ]
            except sqlite3.DatabaseError:
                applied = []
        # The whole file is read only when it matters: a write-ahead log left
        # beside it (a program stopped before closing the store, or one that
        # has it open), or an upgrade about to run. Otherwise its header must
        # agree with its length (a truncated copy), which costs nothing.
        upgrade = bool(applied) and any(name not in applied for name in MIGRATION_NAMES)
        if live or upgrade or _truncated(path):
            _quick_check(conn, path)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: the store is damaged ({_one_line(exc)}); it was left untouched") from exc
    finally:
        conn.close()
    user_tables = {t for t in tables if not t.startswith("sqlite_")}
    ours = app_id == APPLICATION_ID or bool(applied)
    if not ours:
        if user_tables or app_id:
            raise StoreError(f"{path}: not a cwgdraft store (a SQLite database of something else); it was left untouched")
        return _Inspection(fresh=True, version=version, applied=[])
    unknown = [name for name in applied if name not in MIGRATION_NAMES]
    if unknown or version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: written by a newer cwgdraft (schema version {max(version, len(applied))}, "
            f"this one reads up to {SCHEMA_VERSION}); it was left untouched"
        )
    return _Inspection(fresh=not applied and not user_tables, version=version, applied=applied)


def _write_ahead(conn: sqlite3.Connection) -> None:
    """Put the store in write-ahead-log mode (once in its life; later a no-op).

    Switching a new store's mode needs it to itself for a moment. SQLite answers "locked"
    at once, without waiting, when another program is creating the same new store at
    that moment (it holds the lock this one would wait for, and waits for this one's
    read): so this waits here, a little at a time, up to BUSY_TIMEOUT."""
    import random
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if _busy(Path(), exc, "") is None or time.monotonic() > deadline:
                raise
            time.sleep(0.005 + random.random() * 0.02)


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(1)")]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: the store is damaged ({_one_line(exc)}); it was left untouched") from exc
    if problems != ["ok"]:
        raise StoreError(
            f"{path}: the store is damaged ({_one_line(problems[0]) if problems else 'check failed'}); "
            "it was left untouched"
        )


def _truncated(path: Path) -> bool:
    """Whether the file is shorter than its header says (page size x page count)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
        size = path.stat().st_size
    except OSError:
        return True
    if len(header) < 100:
        return True
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count is valid only when the change counter matches its copy at offset 92.
    if header[24:28] != header[92:96]:
        return False
    return size < page_size * pages


def _backup_path(path: Path, version: int) -> Path:
    candidate = path.with_name(f"{path.name}.bak-{version}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak-{version}.{n}")
        n += 1
    return candidate


class Store:
    """A cwgdraft store. Use `Store.open(path)`, preferably as a context manager."""

    path: Path
    conn: sqlite3.Connection
    backup: Path | None  # the copy taken before an upgrade, if one was

    def __init__(self, path: Path, conn: sqlite3.Connection, backup: Path | None = None) -> None:
        self.path = path
        self.conn = conn
        self.backup = backup
        self._db: Any = None

    # --- opening ------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None, *, create_folders: bool = False) -> Store:
        """Open the store at `path`, creating it (an empty store) if the file is not there.

        The folder it goes in must exist unless `create_folders`: a mistyped
        path is refused, not made. With no path, the default store's folder
        (the user's data folder) is made on first use, but not a folder
        named by `$CWGDRAFT_DB`."""
        if path is None:
            from cwgdraft.core.paths import DB_ENV, default_store_path

            path = default_store_path()
            create_folders = create_folders or not os.environ.get(DB_ENV)
        path = Path(path).expanduser()
        if path.is_dir():
            raise StoreError(f"{path}: is a folder, not a file")
        existed = path.exists()
        if existed:
            found = _inspect(path)
        else:
            folder = path.parent
            if not folder.is_dir():
                if not create_folders:
                    raise NoStoreFolder(f"{path}: the folder {folder} does not exist")
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreError(f"{folder}: cannot create the store's folder ({exc.strerror})") from exc
            found = _Inspection(fresh=True, version=0, applied=[])
        try:
            # check_same_thread off: the app may save from a worker thread (one at a time).
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open the store ({_one_line(exc)})") from exc
        store = cls(path, conn)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            _write_ahead(conn)
            if any(name not in found.applied for name in MIGRATION_NAMES):
                store._migrate()
        except StoreError:
            conn.close()
            raise
        except (sqlite3.Error, OSError, ValueError) as exc:
            conn.close()
            kept = f"; the previous file is kept as {store.backup}" if store.backup else ""
            if isinstance(exc, sqlite3.Error) and (busy := _busy(path, exc, "not opened")):
                raise busy from exc
            raise StoreError(f"{path}: cannot prepare the store ({_one_line(exc)}){kept}") from exc
        return store

    def _migrate(self) -> None:
        """Create or upgrade the schema, in one transaction under the write lock.

        What was applied is read again once the lock is held: another program
        opening the same new store at the same moment has either done it all
        (nothing left to do) or not begun (no "table already exists")."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            applied: list[str] = []
            if "_sqlite_migrations" in tables:
                applied = [
                    row[0]
                    for row in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [SET_NAME])
                ]
            if all(name in applied for name in MIGRATION_NAMES):
                conn.execute("COMMIT")
                return
            if applied:  # a store of an older version: keep a copy of it first
                self.backup = _backup_path(self.path, self.schema_version())
                self._backup_to(self.backup)
            from cwgdraft.core.migrations import migrations

            migrations.apply(self.db)  # each migration in a savepoint of this transaction
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """A write transaction, begun IMMEDIATE: the write lock is taken (waiting for
        another writer up to `BUSY_TIMEOUT`) before anything is read, so that what
        is checked inside stays true until it is committed."""
        conn = self.conn
        if conn.in_transaction:  # inside a caller's transaction: a savepoint of it
            conn.execute("SAVEPOINT cwgdraft_write")
            try:
                yield
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK TO SAVEPOINT cwgdraft_write")
                    conn.execute("RELEASE SAVEPOINT cwgdraft_write")
                raise
            conn.execute("RELEASE SAVEPOINT cwgdraft_write")
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """A read transaction: every row of a report from the same committed state."""
        conn = self.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    def _backup_to(self, target: Path) -> None:
        # Read through a connection of its own: this one holds the write lock
        # (the upgrade's transaction), and a backup from it would wait on itself.
        source = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT)
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
            source.close()
        # The copy is a plain file a user can open on its own.

        import shutil

        shutil.copymode(self.path, target)

    @property
    def db(self) -> Any:
        """The sqlite-utils `Database` on this store's connection (imported on first use)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading ------------------------------------------------------------

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
        cursor = self.conn.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def list_reports(self) -> list[ReportSummary]:
        return [
            ReportSummary(r["id"], r["symbol"], _date(r["date"]), r["title"], r["updated_at"], r["name"])
            for r in self._rows(
                "SELECT id, symbol, date, title, updated_at, name FROM reports "
                "ORDER BY date IS NULL, date DESC, symbol, title, id"
            )
        ]

    def has(self, report_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM reports WHERE id = ?", [report_id]).fetchone() is not None

    def resolve(self, ref: str) -> str:
        """An id, a unique id prefix (4 characters or more) or a document symbol -> the id."""
        ref = ref.strip()
        if ref and self.has(ref):
            return ref
        if ref:
            ids = [r[0] for r in self.conn.execute("SELECT id FROM reports WHERE symbol = ? ORDER BY id", [ref])]
            if not ids:
                folded = _fold(ref)
                ids = [r[0] for r in self.conn.execute("SELECT id, symbol FROM reports") if _fold(r[1]) == folded and r[1]]
            if len(ids) == 1:
                return ids[0]
            if len(ids) > 1:
                raise BadInput(f"{ref!r} is the symbol of {len(ids)} reports in {self.path}: give an id instead")
            if len(ref) >= MIN_PREFIX:
                pattern = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                ids = [r[0] for r in self.conn.execute("SELECT id FROM reports WHERE id LIKE ? ESCAPE '\\'", [pattern])]
                ids = [i for i in ids if i.startswith(ref)]  # LIKE is case-insensitive
                if len(ids) == 1:
                    return ids[0]
                if len(ids) > 1:
                    raise BadInput(f"{ref!r} is the start of {len(ids)} report ids in {self.path}: give more of it")
        if 0 < len(ref) < MIN_PREFIX:
            raise NotFound(f"no report {ref!r} in {self.path} (the start of an id needs {MIN_PREFIX} characters or more)")
        raise NotFound(f"no report {ref!r} in {self.path}")

    def version(self, report_id: str) -> int | None:
        """The stored version of a report (raised by every save); None if it is not in the store."""
        row = self.conn.execute("SELECT version FROM reports WHERE id = ?", [report_id]).fetchone()
        return None if row is None else int(row[0])

    def get(self, ref: str) -> Report:
        return self.get_with_version(ref)[0]

    def get_with_version(self, ref: str) -> tuple[Report, int]:
        """The report and its stored version, read together: pass the version to
        `save(..., expected_version=)` to write only over what was read."""
        with self._reading():
            report_id = self.resolve(ref)
            try:
                report = self._read(report_id)
            except (ValueError, TypeError) as exc:
                raise StoreError(f"{self.path}: report {report_id}: cannot be read ({_one_line(exc)})") from exc
            return report, self.version(report_id) or 0

    def _read(self, report_id: str) -> Report:
        (r,) = list(self._rows("SELECT * FROM reports WHERE id = ?", [report_id]))
        by_report = [report_id]

        def texts(table: str) -> list[str]:
            extra = ", content" if table == "report_references" else ", NULL"
            return [
                _content(row[0], row[1])
                for row in self.conn.execute(
                    f"SELECT text{extra} FROM {table} WHERE report_id = ? ORDER BY position", by_report
                )
            ]

        def rows(table: str) -> list[dict[str, Any]]:
            return list(self._rows(f"SELECT * FROM {table} WHERE report_id = ? ORDER BY position", by_report))

        paragraphs: dict[str, list[ParagraphModel]] = {}
        for p in self._rows(
            "SELECT id, section_id, text, content, kind, standard, ref FROM paragraphs "
            "WHERE report_id = ? ORDER BY section_id, position",
            by_report,
        ):
            paragraphs.setdefault(p["section_id"], []).append(
                ParagraphModel(
                    text=_content(p["text"], p["content"]),
                    kind=ParagraphKind(p["kind"]),
                    id=p["id"],
                    standard=p["standard"],
                    ref=p["ref"],
                )
            )
        return Report(
            id=r["id"],
            council_session=r["council_session"],
            session_place=r["session_place"],
            session_start=_date(r["session_start"]),
            session_end=_date(r["session_end"]),
            agenda_item=r["agenda_item"],
            symbol=r["symbol"],
            date=_date(r["date"]),
            original_language=r["original_language"],
            title=_content(r["title"], r["title_content"]),
            subject=_content(r["subject"], r["subject_content"]),
            summary=_content(r["summary"], r["summary_content"]),
            action_required=r["action_required"],
            references=texts("report_references"),
            numbering=Numbering(r["numbering"]),
            group=WorkingGroup(name=r["group_name"], acronym=r["group_acronym"], mandate=texts("mandate_references")),
            meetings=[
                Meeting(
                    number=m["number"],
                    id=m["id"],
                    start=_date(m["starts_on"]),
                    end=_date(m["ends_on"]),
                    mode=MeetingMode(m["mode"]),
                    venue=m["venue"],
                    platform=m["platform"],
                    participants=m["participants"],
                )
                for m in rows("meetings")
            ],
            people=[
                Person(
                    name=p["name"],
                    id=p["id"],
                    honorific=p["honorific"],
                    country=p["country"],
                    role=PersonRole(p["role"]),
                    title=p["title"],
                )
                for p in rows("people")
            ],
            opening_remarks=[
                OpeningRemark(speaker_id=o["speaker_id"], paragraph_id=o["paragraph_id"], id=o["id"])
                for o in rows("opening_remarks")
            ],
            contributions=[
                Contribution(
                    title=c["title"],
                    id=c["id"],
                    document=c["document"],
                    source=c["source"],
                    category=c["category"],
                    presenter_id=c["presenter_id"],
                    meeting_id=c["meeting_id"],
                    paragraph_id=c["paragraph_id"],
                )
                for c in rows("contributions")
            ],
            sections=[
                Section(
                    title=_content(s["title"], s["title_content"]),
                    role=SectionRole(s["role"]),
                    paragraphs=paragraphs.get(s["id"], []),
                    id=s["id"],
                    standard=s["standard"],
                )
                for s in rows("sections")
            ],
            signature=Signature(
                honorific=r["signature_honorific"],
                name=r["signature_name"],
                country=r["signature_country"],
                title=r["signature_title"],
            ),
        )

    # --- writing ------------------------------------------------------------

    def save(self, report: Report, expected_version: int | None = None, *, only_if_new: bool = False) -> int:
        """Insert or replace the whole report, in one transaction; return its new version.

        Rows keep their ids: a paragraph that is still in the report keeps
        its row (and whatever refers to it); one that is gone is deleted.
        `expected_version`: write only if the stored version is still this one
        (`StoreConflict` otherwise, also when the report was deleted meanwhile).
        `only_if_new`: write only if no report has this id (`ReportExists`).
        Both are checked in the transaction that writes.
        """
        from cwgdraft.core.portable import check_links

        check_links(report, f"report {report.id}")
        try:
            with self._writing():
                stored = self.version(report.id)
                if only_if_new and stored is not None:
                    raise ReportExists(f"report {report.id} is already in {self.path}")
                if expected_version is not None and stored != expected_version:
                    self._conflict(report.id, expected_version, stored)
                self._check_owner(report)
                self._write(report)
                self._index(report)
                version = (stored or 0) + 1
                self.conn.execute("UPDATE reports SET version = ? WHERE id = ?", [version, report.id])
            return version
        except sqlite3.IntegrityError as exc:
            raise StoreError(
                f"{self.path}: report {report.id} not saved ({_one_line(exc)}); the stored version is unchanged"
            ) from exc
        except sqlite3.Error as exc:
            if busy := _busy(self.path, exc, f"report {report.id} not saved, the stored version is unchanged"):
                raise busy from exc
            raise StoreError(
                f"{self.path}: report {report.id} not saved ({_one_line(exc)}); the stored version is unchanged"
            ) from exc
        except (UnicodeEncodeError, OverflowError) as exc:
            raise BadInput(
                f"report {report.id}: cannot be stored ({_one_line(exc)}); the stored version is unchanged"
            ) from exc

    def _owned(self, table: str, ids: list[str], not_by: str = "") -> Iterator[tuple[str, str]]:
        """(id, report id) of the rows of `table` with these ids owned by a report other than `not_by`."""
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            yield from self.conn.execute(
                f"SELECT id, report_id FROM {table} WHERE report_id != ? AND id IN ({marks})", [not_by, *chunk]
            )

    def owners(self, report: Report) -> dict[str, list[str]]:
        """The stored reports other than `report` that own sections or
        paragraphs with `report`'s ids: report id -> those ids, most first.

        A Word file exported by cwgdraft carries its paragraph and section
        ids, so an imported one says which stored report it came from."""
        owned: dict[str, list[str]] = {}
        for table, ids in (("sections", [s.id for s in report.sections]),
                           ("paragraphs", [p.id for p in report.all_paragraphs()])):
            for item, owner in self._owned(table, ids, report.id):
                owned.setdefault(owner, []).append(item)
        return dict(sorted(owned.items(), key=lambda kv: (-len(kv[1]), kv[0])))

    def _check_owner(self, report: Report) -> None:
        """Ids are unique across the store: refuse to take rows of another report."""
        groups = {
            "meetings": [m.id for m in report.meetings],
            "people": [p.id for p in report.people],
            "sections": [s.id for s in report.sections],
            "paragraphs": [p.id for p in report.all_paragraphs()],
            "opening_remarks": [o.id for o in report.opening_remarks],
            "contributions": [c.id for c in report.contributions],
        }
        for table, ids in groups.items():
            for row in self._owned(table, ids, report.id):
                raise BadInput(
                    f"report {report.id}: {table[:-1] if table != 'people' else 'person'} id {row[0]} "
                    f"already belongs to report {row[1]} in {self.path}"
                )

    def _upsert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        columns = list(rows[0])
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
            f"ON CONFLICT(id) DO UPDATE SET {updates}"
        )
        self.conn.executemany(sql, [[row[c] for c in columns] for row in rows])

    def _prune(self, table: str, report_id: str, keep: list[str]) -> None:
        kept = set(keep)
        stale = [
            row[0]
            for row in self.conn.execute(f"SELECT id FROM {table} WHERE report_id = ?", [report_id])
            if row[0] not in kept
        ]
        self.conn.executemany(f"DELETE FROM {table} WHERE id = ?", [[i] for i in stale])

    def _write(self, report: Report) -> None:
        rid = report.id
        self._upsert(
            "reports",
            [
                {
                    "id": rid,
                    "council_session": report.council_session,
                    "session_place": report.session_place,
                    "session_start": _iso(report.session_start),
                    "session_end": _iso(report.session_end),
                    "agenda_item": report.agenda_item,
                    "symbol": report.symbol,
                    "date": _iso(report.date),
                    "original_language": report.original_language,
                    "title": str(report.title),
                    "title_content": _content_json(report.title),
                    "subject": str(report.subject),
                    "subject_content": _content_json(report.subject),
                    "summary": str(report.summary),
                    "summary_content": _content_json(report.summary),
                    "action_required": report.action_required,
                    "numbering": Numbering(report.numbering).value,
                    "group_name": report.group.name,
                    "group_acronym": report.group.acronym,
                    "signature_honorific": report.signature.honorific,
                    "signature_name": report.signature.name,
                    "signature_country": report.signature.country,
                    "signature_title": report.signature.title,
                    "updated_at": _now(),
                    "name": report.name,
                }
            ],
        )
        self.conn.execute("DELETE FROM report_references WHERE report_id = ?", [rid])
        self.conn.executemany(
            "INSERT INTO report_references (report_id, position, text, content) VALUES (?, ?, ?, ?)",
            [[rid, i, str(text), _content_json(text)] for i, text in enumerate(report.references)],
        )
        self.conn.execute("DELETE FROM mandate_references WHERE report_id = ?", [rid])
        self.conn.executemany(
            "INSERT INTO mandate_references (report_id, position, text) VALUES (?, ?, ?)",
            [[rid, i, str(text)] for i, text in enumerate(report.group.mandate)],
        )
        # Parents before children, so that every foreign key holds at once.
        self._upsert(
            "meetings",
            [
                {
                    "id": m.id,
                    "report_id": rid,
                    "position": i,
                    "number": m.number,
                    "starts_on": _iso(m.start),
                    "ends_on": _iso(m.end),
                    "mode": MeetingMode(m.mode).value,
                    "venue": m.venue,
                    "platform": m.platform,
                    "participants": m.participants,
                }
                for i, m in enumerate(report.meetings)
            ],
        )
        self._upsert(
            "people",
            [
                {
                    "id": p.id,
                    "report_id": rid,
                    "position": i,
                    "name": p.name,
                    "honorific": p.honorific,
                    "country": p.country,
                    "role": PersonRole(p.role).value,
                    "title": p.title,
                }
                for i, p in enumerate(report.people)
            ],
        )
        self._upsert(
            "sections",
            [
                {
                    "id": s.id,
                    "report_id": rid,
                    "position": i,
                    "title": str(s.title),
                    "title_content": _content_json(s.title),
                    "role": SectionRole(s.role).value,
                    "standard": s.standard,
                }
                for i, s in enumerate(report.sections)
            ],
        )
        self._upsert(
            "paragraphs",
            [
                {
                    "id": p.id,
                    "report_id": rid,
                    "section_id": s.id,
                    "position": i,
                    "text": str(p.text),
                    "content": _content_json(p.text),
                    "kind": ParagraphKind(p.kind).value,
                    "standard": p.standard,
                    "ref": p.ref,
                }
                for s in report.sections
                for i, p in enumerate(s.paragraphs)
            ],
        )
        self._upsert(
            "opening_remarks",
            [
                {"id": o.id, "report_id": rid, "position": i, "speaker_id": o.speaker_id, "paragraph_id": o.paragraph_id}
                for i, o in enumerate(report.opening_remarks)
            ],
        )
        self._upsert(
            "contributions",
            [
                {
                    "id": c.id,
                    "report_id": rid,
                    "position": i,
                    "title": c.title,
                    "document": c.document,
                    "source": c.source,
                    "category": c.category,
                    "presenter_id": c.presenter_id,
                    "meeting_id": c.meeting_id,
                    "paragraph_id": c.paragraph_id,
                }
                for i, c in enumerate(report.contributions)
            ],
        )
        # Children before parents: what is no longer in the report goes.
        self._prune("contributions", rid, [c.id for c in report.contributions])
        self._prune("opening_remarks", rid, [o.id for o in report.opening_remarks])
        self._prune("paragraphs", rid, [p.id for p in report.all_paragraphs()])
        self._prune("sections", rid, [s.id for s in report.sections])
        self._prune("people", rid, [p.id for p in report.people])
        self._prune("meetings", rid, [m.id for m in report.meetings])

    def _conflict(self, report_id: str, expected: int, stored: int | None) -> None:
        if stored is None:
            raise StoreConflict(
                f"{self.path}: report {report_id} was deleted by another program since it was read; not saved",
                report_id, None,
            )
        raise StoreConflict(
            f"{self.path}: report {report_id} was changed by another program since it was read "
            f"(version {expected}, now {stored}); not saved",
            report_id, stored,
        )

    def _index(self, report: Report) -> None:
        """The search index follows the save, in its transaction (`cwgdraft.core.search`)."""
        from cwgdraft.core import search

        search.index_report(self.conn, report)

    # --- the trash ----------------------------------------------------------

    def delete(self, ref: str) -> TrashEntry:
        """Move a report to the trash: out of every list and look-up, kept whole until restored."""
        from cwgdraft.core import portable

        report_id = ref
        try:
            with self._writing():
                report_id = self.resolve(ref)
                try:
                    report = self._read(report_id)
                except (ValueError, TypeError) as exc:
                    raise StoreError(f"{self.path}: report {report_id}: cannot be read ({_one_line(exc)})") from exc
                name = report.title.strip().split("\n")[0].strip() or report.name
                deleted_at = _now()
                cursor = self.conn.execute(
                    "INSERT INTO trash (report_id, symbol, name, deleted_at, version, report) VALUES (?, ?, ?, ?, ?, ?)",
                    [report_id, report.symbol, name, deleted_at, self.version(report_id) or 0,
                     portable.dumps(report, compact=True)],
                )
                entry = TrashEntry(int(cursor.lastrowid or 0), report_id, report.symbol, name, deleted_at)
                self.conn.execute("DELETE FROM reports WHERE id = ?", [report_id])
            return entry
        except sqlite3.Error as exc:
            if busy := _busy(self.path, exc, f"report {report_id} not deleted"):
                raise busy from exc
            raise StoreError(f"{self.path}: report {report_id} not deleted ({_one_line(exc)})") from exc

    def trash(self) -> list[TrashEntry]:
        """The deleted reports, the last deleted first."""
        return [
            TrashEntry(r["entry"], r["report_id"], r["symbol"], r["name"], r["deleted_at"])
            for r in self._rows("SELECT entry, report_id, symbol, name, deleted_at FROM trash ORDER BY entry DESC")
        ]

    def resolve_trash(self, ref: str) -> TrashEntry:
        """A deleted report by id, unique id prefix (4 characters or more) or symbol;
        of a report deleted more than once, its last deletion."""
        ref = ref.strip()
        entries = self.trash()
        if ref:
            for match in (
                lambda e: e.report_id == ref,
                lambda e: bool(e.symbol) and _fold(e.symbol) == _fold(ref),
                lambda e: len(ref) >= MIN_PREFIX and e.report_id.startswith(ref),
            ):
                found = [e for e in entries if match(e)]
                ids = {e.report_id for e in found}
                if len(ids) == 1:
                    return found[0]
                if len(ids) > 1:
                    raise BadInput(f"{ref!r} names {len(ids)} reports in the trash of {self.path}: give an id instead")
        raise NotFound(f"no report {ref!r} in the trash of {self.path}")

    def restore(self, ref: str) -> Report:
        """Bring a deleted report back from the trash, exactly as it was deleted."""
        from cwgdraft.core import portable

        report_id = ref
        try:
            with self._writing():
                entry = self.resolve_trash(ref)
                report_id = entry.report_id
                text, version = self.conn.execute(
                    "SELECT report, version FROM trash WHERE entry = ?", [entry.entry]
                ).fetchone()
                report = portable.loads(text, f"{self.path}: the trash's copy of report {report_id}")
                if self.has(report_id):
                    raise BadInput(
                        f"report {report_id} is in {self.path} again (loaded since it was deleted); "
                        "delete that one first to restore this one"
                    )
                try:
                    self._check_owner(report)
                except BadInput as exc:  # its ids were taken meanwhile (its Word file imported, say)
                    raise BadInput(f"report {report_id} not restored: {exc}") from exc
                self._write(report)
                # The version goes on from where it was: a window that held the report before it
                # was deleted still cannot write over it.
                self.conn.execute("UPDATE reports SET version = ? WHERE id = ?", [int(version) + 1, report_id])
                self.conn.execute("DELETE FROM trash WHERE entry = ?", [entry.entry])
            return report
        except sqlite3.Error as exc:
            if busy := _busy(self.path, exc, f"report {report_id} not restored"):
                raise busy from exc
            raise StoreError(f"{self.path}: report {report_id} not restored ({_one_line(exc)})") from exc


def _content_json(text: str) -> str | None:
    """The inlines of a rich text (fields, marks, links, footnotes), as JSON; None for plain text."""
    if not content.is_rich(text):
        return None
    return json.dumps(content.to_data(text), ensure_ascii=False, separators=(",", ":"))


def _content(text: str, data: str | None) -> str:
    """A stored text: its inlines when it is rich, else the text itself."""
    if data is None:
        return text
    return content.from_data(json.loads(data), "stored text")


def _fold(text: str) -> str:
    """Symbols compare without case, with no-break spaces and hyphens folded."""
    return text.replace("\u00a0", " ").replace("\u2011", "-").replace("\u2010", "-").strip().casefold()
