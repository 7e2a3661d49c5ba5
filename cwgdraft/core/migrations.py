"""The store's schema, created and upgraded by sqlite-utils' `Migrations`.

Each migration runs in a transaction together with the record of it having
been applied, and sets `PRAGMA user_version` to its own number, so that a
store written by a newer cwgdraft (a higher version, or a migration this
version does not know) can be recognised and refused.

Never edit a migration that has shipped: add a new one at the end, have it
set `PRAGMA user_version` to its number, and add its name to
`cwgdraft.core.store.MIGRATION_NAMES` (a test checks that the two agree).
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database, Migrations

SET_NAME = "cwgdraft"
# `PRAGMA application_id`: marks the file as a cwgdraft store ("CWGD").
APPLICATION_ID = 0x43574744

migrations = Migrations(SET_NAME)


def _run(db: Database, statements: list[str]) -> None:
    # One statement at a time: `executescript` would commit the open transaction.
    for sql in statements:
        db.execute(sql)


_TEXT = "TEXT NOT NULL DEFAULT ''"


@migrations()
def m001_tables(db: Database) -> None:
    """The report and everything in it, one table per kind of thing."""
    _run(
        db,
        [
            f"""CREATE TABLE reports (
                id TEXT PRIMARY KEY,
                council_session {_TEXT},
                session_place {_TEXT},
                session_start TEXT,
                session_end TEXT,
                agenda_item {_TEXT},
                symbol {_TEXT},
                date TEXT,
                original_language {_TEXT},
                title {_TEXT},
                subject {_TEXT},
                summary {_TEXT},
                action_required {_TEXT},
                numbering TEXT NOT NULL DEFAULT 'paragraph.section',
                group_name {_TEXT},
                group_acronym {_TEXT},
                signature_honorific {_TEXT},
                signature_name {_TEXT},
                signature_country {_TEXT},
                signature_title {_TEXT}
            )""",
            f"""CREATE TABLE report_references (
                report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                text {_TEXT},
                PRIMARY KEY (report_id, position)
            )""",
            f"""CREATE TABLE mandate_references (
                report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                text {_TEXT},
                PRIMARY KEY (report_id, position)
            )""",
            f"""CREATE TABLE meetings (
                id TEXT PRIMARY KEY,
                report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                number INTEGER NOT NULL,
                starts_on TEXT,
                ends_on TEXT,
                mode TEXT NOT NULL DEFAULT 'in_person',
                venue {_TEXT},
                platform {_TEXT},
                participants INTEGER
            )""",
            f"""CREATE TABLE people (
                id TEXT PRIMARY KEY,
                report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                name {_TEXT},
                honorific {_TEXT},
                country {_TEXT},
                role TEXT NOT NULL DEFAULT 'other',
                title {_TEXT}
            )""",
            f"""CREATE TABLE sections (
                id TEXT PRIMARY KEY,
                report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                title {_TEXT},
                role TEXT NOT NULL DEFAULT 'other'
            )""",
            f"""CREATE TABLE paragraphs (
                id TEXT PRIMARY KEY,
                report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                section_id TEXT NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                text {_TEXT},
                kind TEXT NOT NULL DEFAULT 'numbered'
            )""",
            """CREATE TABLE opening_remarks (
                id TEXT PRIMARY KEY,
                report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                speaker_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                paragraph_id TEXT NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE
            )""",
            f"""CREATE TABLE contributions (
                id TEXT PRIMARY KEY,
                report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                title {_TEXT},
                document {_TEXT},
                source {_TEXT},
                category {_TEXT},
                presenter_id TEXT REFERENCES people(id) ON DELETE SET NULL,
                meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL,
                paragraph_id TEXT REFERENCES paragraphs(id) ON DELETE SET NULL
            )""",
            f"PRAGMA application_id = {APPLICATION_ID}",
            "PRAGMA user_version = 1",
        ],
    )


@migrations()
def m002_updated_at_and_indexes(db: Database) -> None:
    """When each report was last saved, and indexes for look-ups by symbol,
    for reading a report's rows in order, and for the foreign keys."""
    statements = ["ALTER TABLE reports ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''"]
    statements.append("CREATE INDEX idx_reports_symbol ON reports(symbol)")
    statements.append("CREATE INDEX idx_reports_date ON reports(date)")
    for table in ("meetings", "people", "sections", "opening_remarks", "contributions"):
        statements.append(f"CREATE INDEX idx_{table}_report ON {table}(report_id, position)")
    statements.append("CREATE INDEX idx_paragraphs_report ON paragraphs(report_id)")
    statements.append("CREATE INDEX idx_paragraphs_section ON paragraphs(section_id, position)")
    statements.append("CREATE INDEX idx_opening_remarks_speaker ON opening_remarks(speaker_id)")
    statements.append("CREATE INDEX idx_opening_remarks_paragraph ON opening_remarks(paragraph_id)")
    for column in ("presenter_id", "meeting_id", "paragraph_id"):
        statements.append(f"CREATE INDEX idx_contributions_{column} ON contributions({column})")
    statements.append("PRAGMA user_version = 2")
    _run(db, statements)


@migrations()
def m003_versions_and_trash(db: Database) -> None:
    """A version counter per report (raised by every save, so that a writer
    holding an older version is told instead of overwriting), and the trash:
    a deleted report kept whole as a portable report file until restored."""
    _run(
        db,
        [
            "ALTER TABLE reports ADD COLUMN version INTEGER NOT NULL DEFAULT 0",
            """CREATE TABLE trash (
                entry INTEGER PRIMARY KEY,
                report_id TEXT NOT NULL,
                symbol TEXT NOT NULL DEFAULT '',
                name TEXT NOT NULL DEFAULT '',
                deleted_at TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 0,
                report TEXT NOT NULL
            )""",
            "CREATE INDEX idx_trash_report ON trash(report_id)",
            "PRAGMA user_version = 3",
        ],
    )


@migrations()
def m004_paragraph_content(db: Database) -> None:
    """Text with fields, and standard wording.

    A text that holds fields keeps its plain view in its text column (fields
    shown by name, for listing and searching) and its inlines, as JSON, in a
    `*content` column beside it; plain text leaves that column NULL, so every
    text stored before stays text. Paragraphs and sections name the standard
    wording they stand for."""
    _run(
        db,
        [
            "ALTER TABLE paragraphs ADD COLUMN content TEXT",
            f"ALTER TABLE paragraphs ADD COLUMN standard {_TEXT}",
            f"ALTER TABLE paragraphs ADD COLUMN ref {_TEXT}",
            "ALTER TABLE sections ADD COLUMN title_content TEXT",
            f"ALTER TABLE sections ADD COLUMN standard {_TEXT}",
            "ALTER TABLE reports ADD COLUMN title_content TEXT",
            "ALTER TABLE reports ADD COLUMN subject_content TEXT",
            "ALTER TABLE reports ADD COLUMN summary_content TEXT",
            "ALTER TABLE report_references ADD COLUMN content TEXT",
            "PRAGMA user_version = 4",
        ],
    )


@migrations()
def m005_report_name(db: Database) -> None:
    """What a report is called where it has no title (`Report.name`), kept on
    save, so that listing the reports reads one row each and no report."""
    import datetime as dt

    from cwgdraft.core.model import Meeting, Report

    statements = ["ALTER TABLE reports ADD COLUMN name TEXT NOT NULL DEFAULT ''"]
    _run(db, statements)
    for report_id, subject in list(db.execute("SELECT id, subject FROM reports")):
        meetings = [
            Meeting(number, start=dt.date.fromisoformat(start) if start else None)
            for number, start in db.execute(
                "SELECT number, starts_on FROM meetings WHERE report_id = ? ORDER BY position", [report_id]
            )
        ]
        name = Report(id=report_id, subject=subject, meetings=meetings).name
        db.execute("UPDATE reports SET name = ? WHERE id = ?", [name, report_id])
    _run(db, ["PRAGMA user_version = 5"])


@migrations()
def m006_search(db: Database) -> None:
    """Search across every report (`cwgdraft.core.search`): the folded texts and their
    FTS5 index, kept in step by triggers, filled from every stored report."""
    from cwgdraft.core import search
    from cwgdraft.core.store import MIGRATION_NAMES, Store

    _run(db, search.SCHEMA)
    search.rebuild(Store(Path(""), db.conn))
    # Its own place in the list is its number, wherever it ends up in it.
    _run(db, [f"PRAGMA user_version = {MIGRATION_NAMES.index('m006_search') + 1}"])
