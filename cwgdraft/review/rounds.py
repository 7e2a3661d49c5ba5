"""Review rounds and proposals in the store (tables of migration m007)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import field
from typing import TYPE_CHECKING, Any, NamedTuple

from cwgdraft.core import content as content_mod
from cwgdraft.core.errors import BadInput
from cwgdraft.core.model import Report, SectionRole
from cwgdraft.core.records import Record, record

if TYPE_CHECKING:
    from cwgdraft.core.store import Store
    from cwgdraft.formats.docmodel import Document

# The custom document property that carries a round's id in a copy or an export.
ROUND_PROPERTY = "cwgdraft.round"
KINDS = ("change", "conflict", "insert", "delete", "split", "merge", "comment")


class BaseParagraph(NamedTuple):
    paragraph_id: str
    position: int
    section_id: str
    content: str  # what the paragraph said (standard wording resolved), fields as fields
    shown: str  # what the reader saw of it in the copy (the exported block's text)
    label: str  # its number or letter in the copy
    editable: bool


@record
class Round(Record):
    """What went out in a review copy or an export: the report then, and each paragraph as shown."""

    id: str
    report_id: str
    kind: str  # 'review' or 'export'
    created_at: str
    reviewer: str
    sections: str
    report_json: str
    context: list[str] = field(default_factory=list)  # texts shown without an id (title, summary, signature)
    base: dict[str, BaseParagraph] = field(default_factory=dict)

    def report(self) -> Report:
        from cwgdraft.core.portable import loads

        return loads(self.report_json, f"round {self.id}")


@record
class Proposal(Record):
    """A reviewer's change to one paragraph, waiting for a decision."""

    id: str
    round_id: str
    report_id: str
    paragraph_id: str
    kind: str
    reviewer: str = ""
    author: str = ""
    date: str = ""
    base: str = ""  # what the reader saw in the round
    ours: str = ""  # the store's text when the copy was read
    theirs: list[str] = field(default_factory=list)  # the reviewer's paragraphs (one; several for a split)
    note: str = ""  # a comment's text, or what the import has to say
    outside: bool = False  # edited outside the editable ranges
    status: str = "pending"
    created_at: str = ""
    decided_at: str | None = None
    fingerprint: str = ""

    @property
    def excerpt(self) -> str:
        text = self.note if self.kind == "comment" else " / ".join(self.theirs) or self.base
        flat = " ".join(text.split())
        return flat if len(flat) <= 60 else flat[:59].rstrip() + "…"


def new_id() -> str:
    """A random UUID (version 4) in canonical form, without importing `uuid`
    (which brings `platform`: `cwgdraft export` records a round and stays quick)."""
    import os

    h = bytearray(os.urandom(16))
    h[6] = (h[6] & 0x0F) | 0x40
    h[8] = (h[8] & 0x3F) | 0x80
    x = h.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def select_sections(report: Report, choice: list[str]) -> list[str]:
    """Section ids under review: `outcomes` (default), `all`, or section ids,
    id prefixes or numbers (1 = the first section)."""
    choice = choice or ["outcomes"]
    if choice == ["all"]:
        return [s.id for s in report.sections]
    if choice == ["outcomes"]:
        found = [s.id for s in report.sections if s.role == SectionRole.OUTCOMES]
        if not found:
            raise BadInput(f"report {report.label}: no outcomes section; --sections all, or section ids or numbers")
        return found
    out: list[str] = []
    for item in choice:
        if item.isdigit() and 1 <= int(item) <= len(report.sections):
            out.append(report.sections[int(item) - 1].id)
            continue
        matches = [s.id for s in report.sections if s.id.startswith(item)] if len(item) >= 4 else []
        if len(matches) != 1:
            raise BadInput(
                f"--sections: {item!r} is not a section of report {report.label} "
                f"(outcomes, all, a section's number 1-{len(report.sections)} or its id)"
            )
        out.append(matches[0])
    return out


def record_round(
    store: Store,
    report: Report,
    kind: str,
    editable_sections: list[str],
    reviewer: str = "",
    sections: str = "",
    document: Document | None = None,
) -> Round:
    """Record what goes out now: every paragraph's content and shown text (editable
    or not: an edit outside the ranges is still compared), and the whole report.
    `document`: the report as rendered for the file (else rendered here)."""
    from cwgdraft.core.portable import dumps
    from cwgdraft.drafting.standard import paragraph_content

    if document is None:
        from cwgdraft.formats.render import render

        document = render(report)
    blocks = {b.source: b for b in document.blocks if b.source}
    editable = set(editable_sections)
    ids = {p.id for p in report.all_paragraphs()} | {s.id for s in report.sections}
    context = [b.seen_text for b in document.blocks if b.source not in ids and b.seen_text.strip()]
    found = Round(new_id(), report.id, kind, _now(), reviewer, sections, dumps(report, compact=True), context)
    position = 0
    for section in report.sections:
        for paragraph in section.paragraphs:
            block = blocks.get(paragraph.id)
            found.base[paragraph.id] = BaseParagraph(
                paragraph.id, position, section.id, paragraph_content(report, paragraph),
                block.text if block else "", block.label if block else "", section.id in editable,
            )  # fmt: skip
            position += 1
    with store._writing():
        store.conn.execute(
            "INSERT INTO review_rounds (id, report_id, kind, created_at, reviewer, sections, report, context)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                found.id,
                found.report_id,
                kind,
                found.created_at,
                reviewer,
                sections,
                found.report_json,
                json.dumps(context, ensure_ascii=False),
            ],
        )
        store.conn.executemany(
            "INSERT INTO review_base (round_id, paragraph_id, position, section_id, content, shown, label, editable)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (found.id, b.paragraph_id, b.position, b.section_id, json.dumps(content_mod.to_data(b.content),
                 ensure_ascii=False), b.shown, b.label, int(b.editable))
                for b in found.base.values()
            ],
        )  # fmt: skip
    return found


def get_round(store: Store, round_id: str, where: str = "") -> Round:
    row = store.conn.execute(
        "SELECT id, report_id, kind, created_at, reviewer, sections, report, context FROM review_rounds WHERE id = ?",
        [round_id],
    ).fetchone()
    if row is None:
        raise BadInput(f"{where or 'round'}: round {round_id} is not in {store.path}")
    found = Round(*row[:7], json.loads(row[7]))
    for pid, position, section_id, data, shown, label, editable in store.conn.execute(
        "SELECT paragraph_id, position, section_id, content, shown, label, editable FROM review_base"
        " WHERE round_id = ? ORDER BY position",
        [round_id],
    ):
        found.base[pid] = BaseParagraph(
            pid, position, section_id, content_mod.from_data(json.loads(data)), shown, label, bool(editable)
        )
    return found


def latest_round(store: Store, report_id: str, kind: str | None = None) -> str | None:
    sql = "SELECT id FROM review_rounds WHERE report_id = ?"
    params: list[Any] = [report_id]
    if kind:
        sql += " AND kind = ?"
        params.append(kind)
    row = store.conn.execute(sql + " ORDER BY created_at DESC, rowid DESC LIMIT 1", params).fetchone()
    return row[0] if row else None


def resolve_round(store: Store, report_id: str, ref: str | None) -> str:
    """A round of the report by id or unique id prefix; None: its last round."""
    if not ref:
        latest = latest_round(store, report_id)
        if latest is None:
            raise BadInput(f"report {report_id[:8]}: no export or review round yet to compare with")
        return latest
    rows = [r[0] for r in store.conn.execute(
        "SELECT id FROM review_rounds WHERE report_id = ? AND id LIKE ? LIMIT 2", [report_id, ref + "%"])]  # fmt: skip
    if len(rows) != 1 or len(ref) < 4:
        raise BadInput(
            f"--since {ref}: not a round of report {report_id[:8]}" + (" (give more of its id)" if rows else "")
        )
    return rows[0]


_COLUMNS = (
    "id, round_id, report_id, paragraph_id, kind, reviewer, author, date, base, ours, theirs, note, outside,"
    " status, created_at, decided_at, fingerprint"
)


def _proposal(row: tuple[Any, ...]) -> Proposal:
    values = list(row)
    values[10] = json.loads(values[10])
    values[12] = bool(values[12])
    return Proposal(*values)


def add_proposals(store: Store, proposals: list[Proposal]) -> list[Proposal]:
    """Store the proposals not stored before (by fingerprint); the ones added."""
    added: list[Proposal] = []
    with store._writing():
        for p in proposals:
            p.created_at = p.created_at or _now()
            cursor = store.conn.execute(
                f"INSERT OR IGNORE INTO review_proposals ({_COLUMNS}) VALUES ({','.join('?' * 17)})",
                [p.id, p.round_id, p.report_id, p.paragraph_id, p.kind, p.reviewer, p.author, p.date, p.base, p.ours,
                 json.dumps(p.theirs, ensure_ascii=False), p.note, int(p.outside), p.status, p.created_at,
                 p.decided_at, p.fingerprint],
            )  # fmt: skip
            if cursor.rowcount:
                added.append(p)
    return added


def proposals(store: Store, report_id: str | None = None, status: str | None = "pending") -> list[Proposal]:
    sql = f"SELECT {_COLUMNS} FROM review_proposals WHERE 1"
    params: list[Any] = []
    if report_id:
        sql += " AND report_id = ?"
        params.append(report_id)
    if status:
        sql += " AND status = ?"
        params.append(status)
    return [_proposal(r) for r in store.conn.execute(sql + " ORDER BY created_at, rowid", params)]


def get_proposal(store: Store, ref: str) -> Proposal:
    """A proposal by id or unique id prefix (at least 4 characters)."""
    if len(ref) < 4:
        raise BadInput(f"proposal {ref!r}: give at least 4 characters of its id")
    rows = list(store.conn.execute(f"SELECT {_COLUMNS} FROM review_proposals WHERE id LIKE ? LIMIT 2", [ref + "%"]))
    if not rows:
        raise BadInput(f"proposal {ref}: not in {store.path} ('cwgdraft review list REPORT' lists them)")
    if len(rows) > 1:
        raise BadInput(f"proposal {ref}: more than one proposal starts so; give more of its id")
    return _proposal(rows[0])


def decide(store: Store, proposal_id: str, status: str) -> None:
    with store._writing():
        store.conn.execute(
            "UPDATE review_proposals SET status = ?, decided_at = ? WHERE id = ?", [status, _now(), proposal_id]
        )


def set_pending(store: Store, proposal_id: str) -> None:
    """A decision undone: the proposal is pending again."""
    with store._writing():
        store.conn.execute(
            "UPDATE review_proposals SET status = 'pending', decided_at = NULL WHERE id = ?", [proposal_id]
        )
