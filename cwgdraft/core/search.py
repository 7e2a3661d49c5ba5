"""Search across every report in the store: SQLite FTS5 over the paragraphs,
the titles and the facts of every report, folded at index time exactly as
find folds (`cwgdraft.core.folding`), so a query with or without diacritics,
hamza or taa marbuta finds the same paragraphs.

`search_docs` holds one row per indexed text: the report, what it is
(`paragraph`, `title`, `fact`), its id (a paragraph's, a section's, or a
field name), the text as shown (for excerpts) and the folded text; the FTS5
table `search_index` indexes the folded text with `search_docs` as its
content, kept in step by triggers. `index_report` runs inside `Store.save`'s
transaction and rewrites only the rows whose text changed; deleting a report
deletes its rows (a trigger). Migration `m006_search` creates the tables and
indexes every stored report.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cwgdraft.core import folding
from cwgdraft.core.model import Report
from cwgdraft.core.plaintext import paragraph_text

SCHEMA = [
    """CREATE TABLE search_docs (
        id INTEGER PRIMARY KEY,
        report_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        ref TEXT NOT NULL,
        shown TEXT NOT NULL,
        folded TEXT NOT NULL
    )""",
    "CREATE INDEX idx_search_docs_report ON search_docs(report_id)",
    """CREATE VIRTUAL TABLE search_index USING fts5(
        folded, content='search_docs', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER search_docs_added AFTER INSERT ON search_docs BEGIN
        INSERT INTO search_index(rowid, folded) VALUES (new.id, new.folded);
    END""",
    """CREATE TRIGGER search_docs_removed AFTER DELETE ON search_docs BEGIN
        INSERT INTO search_index(search_index, rowid, folded) VALUES ('delete', old.id, old.folded);
    END""",
    """CREATE TRIGGER search_docs_changed AFTER UPDATE ON search_docs BEGIN
        INSERT INTO search_index(search_index, rowid, folded) VALUES ('delete', old.id, old.folded);
        INSERT INTO search_index(rowid, folded) VALUES (new.id, new.folded);
    END""",
    # A report that leaves the store leaves the index.
    """CREATE TRIGGER search_report_deleted AFTER DELETE ON reports BEGIN
        DELETE FROM search_docs WHERE report_id = old.id;
    END""",
]

# The report's own fields that a search reads, and what the hit calls them.
TITLE_FIELDS = ("title", "subject", "summary", "action_required")
FIELD_NAMES = {
    "title": "العنوان", "subject": "الموضوع", "summary": "الملخص", "action_required": "الإجراء المطلوب",
    "facts": "بيانات التقرير", "people": "الأشخاص", "contributions": "المساهمات", "meetings": "الاجتماعات",
}  # fmt: skip


def _texts(report: Report) -> Iterator[tuple[str, str, str]]:
    """(kind, ref, text as shown) of everything of the report the index holds. Text with
    fields is indexed as a reader sees it, facts filled in (`facts.text_of`)."""
    from cwgdraft.core.facts import text_of

    for attr in TITLE_FIELDS:
        yield "title", attr, text_of(report, getattr(report, attr))
    for section in report.sections:
        yield "section", section.id, text_of(report, section.title)
        for paragraph in section.paragraphs:
            yield "paragraph", paragraph.id, text_of(report, paragraph_text(paragraph, report))
    facts = [report.symbol, report.council_session, report.session_place, report.agenda_item,
             report.group.name, report.group.acronym, *(text_of(report, r) for r in report.references),
             *report.group.mandate,
             " ".join(x for x in (report.signature.honorific, report.signature.name, report.signature.country) if x),
             report.signature.title]  # fmt: skip
    yield "fact", "facts", " · ".join(x.replace("\n", " ") for x in facts if x and x.strip())
    people = [" ".join(x for x in (p.honorific, p.name, f"({p.country})" if p.country else "", p.title) if x)
              for p in report.people]
    yield "fact", "people", " · ".join(people)
    yield "fact", "contributions", " · ".join(
        " ".join(x for x in (c.document, c.title, c.source) if x) for c in report.contributions)
    yield "fact", "meetings", " · ".join(" ".join(x for x in (m.venue, m.platform) if x) for m in report.meetings)


def index_report(conn: sqlite3.Connection, report: Report) -> int:
    """Bring the report's rows of the index up to date; run inside the save's
    transaction. Returns how many rows changed."""
    stored = {
        (kind, ref): (row_id, shown)
        for row_id, kind, ref, shown in conn.execute(
            "SELECT id, kind, ref, shown FROM search_docs WHERE report_id = ?", [report.id]
        )
    }
    changed = 0
    seen: set[tuple[str, str]] = set()
    for kind, ref, shown in _texts(report):
        key = (kind, ref)
        if key in seen:
            continue
        seen.add(key)
        old = stored.get(key)
        if old is not None and old[1] == shown:
            continue
        folded = folding.fold(shown)
        if old is None:
            conn.execute(
                "INSERT INTO search_docs (report_id, kind, ref, shown, folded) VALUES (?, ?, ?, ?, ?)",
                [report.id, kind, ref, shown, folded],
            )
        else:
            conn.execute("UPDATE search_docs SET shown = ?, folded = ? WHERE id = ?", [shown, folded, old[0]])
        changed += 1
    gone = [[row_id] for key, (row_id, _shown) in stored.items() if key not in seen]
    conn.executemany("DELETE FROM search_docs WHERE id = ?", gone)
    return changed + len(gone)


def rebuild(store: Any) -> int:
    """Index every report of the store afresh (the migration, or a repair). Returns the rows indexed."""
    conn = store.conn
    conn.execute("DELETE FROM search_docs")
    conn.execute("INSERT INTO search_index(search_index) VALUES ('delete-all')")
    for (report_id,) in conn.execute("SELECT id FROM reports").fetchall():
        index_report(conn, store._read(report_id))
    return int(conn.execute("SELECT count(*) FROM search_docs").fetchone()[0])


def has_index(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_docs'").fetchone() is not None


# --- querying ---------------------------------------------------------------------

_QUOTE = re.compile('"')


def fts_query(query: str) -> str:
    """The FTS5 query for what a user typed: every word, folded, must occur; the last
    one may be the start of a word (the user may still be typing it). Empty: no query."""
    words = folding.words(query)
    if not words:
        return ""
    terms = [f'"{_QUOTE.sub("", w)}"' for w in words]
    terms[-1] += "*"
    return " ".join(terms)


@dataclass(frozen=True)
class Hit:
    """One place a query was found."""

    report_id: str
    report: str  # the report's symbol, else its title's first line
    kind: str  # paragraph, section, title, fact
    ref: str  # the paragraph or section id, or the field (`title`, `facts`, ...)
    section: str  # `3 المناقشات`, empty when not in a section
    number: str  # the paragraph's number or letter (`1.3`, `ب)`), or `فقرة 4` when it has none
    excerpt: str  # the text around the first match

    def line(self) -> str:
        """One line: report, section, number, excerpt (tab-separated)."""
        return "\t".join((self.report, self.section, self.number, self.excerpt))


def _excerpt(text: str, query: str, width: int = 90) -> str:
    text = " ".join(text.split())
    start = 0
    for word in folding.words(query):
        matches = folding.find_all(word, text)
        if matches:
            start = matches[0].start
            break
    left = max(0, start - width // 3)
    if left:
        space = text.rfind(" ", 0, left)
        left = space + 1 if space > 0 and left - space < 15 else left
    right = min(len(text), left + width)
    if right < len(text):
        space = text.find(" ", right)
        right = space if 0 < space - right < 15 else right
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _label(kinds: list[str], index: int, section_no: int, numbering: str) -> str:
    """The number or letter of the index-th paragraph of a section, as `render.lay_out` gives it."""
    from cwgdraft.core.model import Numbering, ParagraphKind
    from cwgdraft.formats.render import letter_label, paragraph_number  # pure Python

    number = letter = 0
    label = ""
    for kind in kinds[: index + 1]:
        label = ""
        if kind == ParagraphKind.NUMBERED:
            number += 1
            letter = 0
            label = paragraph_number(section_no, number, Numbering(numbering))
        elif kind == ParagraphKind.UNNUMBERED:
            letter = 0
        elif kind == ParagraphKind.LETTERED:
            label = letter_label(letter)
            letter += 1
    return label or f"فقرة {index + 1}"


RANK_AT_MOST = 5000


def search(store: Any, query: str, limit: int = 50, report_id: str | None = None) -> list[Hit]:
    """The best `limit` hits for a query, best first (FTS5's bm25 rank), or, when the
    query matches more than `RANK_AT_MOST` texts, the most recently written first."""
    match = fts_query(query)
    if not match:
        return []
    conn: sqlite3.Connection = store.conn
    where = "WHERE search_index MATCH ?" + (" AND d.report_id = ?" if report_id else "")
    params: list[Any] = [match, report_id] if report_id else [match]
    base = "FROM search_index JOIN search_docs d ON d.id = search_index.rowid " + where
    try:
        # Ranking reads every match: past RANK_AT_MOST (a word in nearly every paragraph) the
        # hits come newest first instead, which FTS5 gives without reading them all.
        count = conn.execute(f"SELECT count(*) FROM (SELECT 1 {base} LIMIT {RANK_AT_MOST + 1})", params).fetchone()[0]
        order = "rank" if count <= RANK_AT_MOST else "search_index.rowid DESC"
        rows = conn.execute(f"SELECT d.report_id, d.kind, d.ref, d.shown {base} ORDER BY {order} LIMIT ?",
                            [*params, limit]).fetchall()
    except sqlite3.OperationalError as exc:  # a query FTS5 cannot read: nothing found, not a crash
        if "fts5" in str(exc).lower() or "syntax" in str(exc).lower():
            return []
        raise
    reports: dict[str, tuple[str, str]] = {}
    sections: dict[str, tuple[int, str, list[str]]] = {}
    hits: list[Hit] = []
    for rid, kind, ref, shown in rows:
        if rid not in reports:
            row = conn.execute("SELECT symbol, title, subject, numbering FROM reports WHERE id = ?", [rid]).fetchone()
            if row is None:
                continue
            name = row[0] or _first_line(row[1]) or _first_line(row[2]) or store.get(rid).name
            row = (name, row[3])
            reports[rid] = row
        name, numbering = reports[rid]
        section, number = "", FIELD_NAMES.get(ref, "")
        section_id = ref if kind == "section" else None
        position = None
        if kind == "paragraph":
            row = conn.execute("SELECT section_id, position FROM paragraphs WHERE id = ?", [ref]).fetchone()
            if row is None:
                continue  # gone since it was indexed
            section_id, position = row
        if section_id is not None:
            if section_id not in sections:
                srow = conn.execute("SELECT position, title FROM sections WHERE id = ?", [section_id]).fetchone()
                if srow is None:
                    continue
                kinds = [k for (k,) in conn.execute(
                    "SELECT kind FROM paragraphs WHERE section_id = ? ORDER BY position", [section_id])]
                sections[section_id] = (srow[0] + 1, srow[1], kinds)
            section_no, title, kinds = sections[section_id]
            section = f"{section_no} {title}".strip()
            if kind == "section":
                number = "عنوان القسم"
            else:
                number = _label(kinds, int(position or 0), section_no, numbering)  # positions count from 0
        hits.append(Hit(rid, name, kind, ref, section, number, _excerpt(shown, query)))
    return hits
