"""A base at every export, and `import --replace` that merges instead of overwriting.

Every `cwgdraft export` to a file records a round of kind `export` (the
report as written) and carries its id in the file, as a review copy does. A
copy of that file coming back through `import --replace` is then merged
three ways, with `cwgdraft.core.merge.reapply` (base: the export; mine: the
file; theirs: the store now): what the file changed where the store did not
is applied; what both changed keeps the store's text and becomes a
`conflict` proposal with the file's text (`cwgdraft review list`); nothing
typed in the store since the export is overwritten.
"""

from __future__ import annotations

import sqlite3
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from cwgdraft.core.model import Report
from cwgdraft.core.records import Record, record

if TYPE_CHECKING:
    from cwgdraft.core.store import Store
    from cwgdraft.formats.docmodel import Document
    from cwgdraft.formats.render import Template


def recorded_export(store: Store, report: Report, document: Document, template: Template | None = None) -> bytes:
    """The .docx of `document` (`report` as rendered for export), recorded as a
    round of kind `export` whose id the file carries: the file is written
    once, with its id, not written and then rewritten. A store that cannot be
    written does not stop the export: the file goes without a base, and the
    document's notes say so."""
    from cwgdraft.core.errors import StoreBusy, StoreError
    from cwgdraft.formats.docx_writer import to_bytes
    from cwgdraft.review import rounds

    try:
        found = rounds.record_round(store, report, "export", [s.id for s in report.sections], document=document)
    except (StoreError, StoreBusy, sqlite3.Error) as exc:
        document.notes.append(f"not recorded as a base for import --replace ({' '.join(str(exc).split())})")
        return to_bytes(document, template)
    return to_bytes(document, template, {rounds.ROUND_PROPERTY: found.id})


@record
class Merged(Record):
    """A copy merged onto the stored report: what was applied and what was kept."""

    report: Report
    version: int
    applied: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # paragraph ids both changed: the store's text kept
    notes: list[str] = field(default_factory=list)


def merge_replace(store: Store, imported: Report, path: str | Path) -> Merged | None:
    """`imported` (a copy of an exported report, ids settled onto the stored
    one) merged onto the stored report from the export's base; None when the
    file carries no export round of that report (the caller then replaces)."""
    from cwgdraft.core.merge import reapply
    from cwgdraft.review import compare, reader, rounds

    copy = reader.read_copy(path)
    if not copy.round_id:
        return None
    try:
        found = rounds.get_round(store, copy.round_id, str(path))
    except Exception:
        return None
    if found.report_id != imported.id:
        return None
    base = found.report()
    base_paragraphs = {p.id: p for p in base.all_paragraphs()}
    # What the file shows as it was exported is the export's wording, fields and standard wording as they were.
    where: dict[str, list[int]] = {}
    for i, p in enumerate(copy.paragraphs):
        for pid in p.ids:
            where.setdefault(pid, []).append(i)
    for paragraph in imported.all_paragraphs():
        b = found.base.get(paragraph.id)
        at = where.get(paragraph.id, [])
        if b is None or len(at) != 1 or paragraph.id not in base_paragraphs:
            continue
        if compare.fold(compare.without_label(copy.paragraphs[at[0]].text, b.label)) == compare.fold(b.shown):
            old = base_paragraphs[paragraph.id]
            paragraph.text, paragraph.standard, paragraph.ref = old.text, old.standard, old.ref
    stored, version = store.get_with_version(imported.id)
    before = stored
    import copy as copy_mod

    merged = copy_mod.deepcopy(stored)
    result = reapply(base, imported, merged)
    out = Merged(merged, version, result.applied)
    clashed = {pid for clash in result.clashes for pid in found.base if pid in clash}
    out.kept = sorted(clashed, key=lambda pid: found.base[pid].position)
    if clashed:
        reading = compare.compare(copy, found, before, "import --replace")
        conflicts = [p for p in reading.proposals if p.paragraph_id in clashed and p.kind != "comment"]
        rounds.add_proposals(store, conflicts)
        out.notes.append(
            f"{len(clashed)} paragraph(s) changed both in the store since the export and in the file: the store's "
            f"text kept, the file's recorded as proposals ('cwgdraft review list {imported.id[:8]}')"
        )
    others = [c for c in result.clashes if not any(pid in c for pid in clashed)]
    if others:
        out.notes.append(f"changed in the store since the export, kept: {', '.join(others[:5])}"
                         + (" ..." if len(others) > 5 else ""))  # fmt: skip
    return out
