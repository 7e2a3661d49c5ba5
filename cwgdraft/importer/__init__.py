"""Import existing reports: Word (.docx) and plain text extracted from Word.

`import_file(path)` reads the file within size limits, with XML entity
resolution off, and recognises a chair's report in it. Nothing here imports
Qt. Nothing is stored: the caller decides (`Store.save(result.report)`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cwgdraft.core.errors import BadInput, CwgError
from cwgdraft.core.model import Report, new_id

if TYPE_CHECKING:
    from collections.abc import Container

    from cwgdraft.core.store import Store
    from cwgdraft.importer.seen import SeenDocument

__all__ = ["ImportResult", "import_file", "keep_what_word_does_not_carry", "read_seen", "renew_ids", "settle_ids"]

_WORD_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class ImportResult:
    report: Report
    unplaced: list[str] = field(default_factory=list)  # what could not be placed (kept as unnumbered paragraphs)
    notes: list[str] = field(default_factory=list)  # what the import has to say (comments left out, renumbering...)
    found: dict[str, str] = field(default_factory=dict)  # field -> what was read for it, for display
    source: str = ""  # 'docx' or 'text (UTF-8)'

    def outline(self) -> list[str]:
        """One line per section: number, title, paragraph count by kind."""
        from cwgdraft.formats.render import lay_out

        out = []
        for laid in lay_out(self.report):
            kinds: dict[str, int] = {}
            for p in laid.section.paragraphs:
                kinds[p.kind.value] = kinds.get(p.kind.value, 0) + 1
            counts = ", ".join(f"{n} {k}" for k, n in kinds.items())
            out.append(f"{laid.number}\t{laid.section.title or '(untitled)'}\t{counts}")
        return out


def _kind(path: Path) -> str:
    from cwgdraft.importer.safe_zip import check_size

    check_size(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(64)
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc.strerror})") from exc
    if path.suffix.lower() == ".json" or head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{"):
        raise BadInput(f"{path}: a JSON file, not a Word or text report; use 'cwgdraft load' for a portable report file")
    if head.startswith(_OLE):
        raise BadInput(f"{path}: an old Word .doc file or an encrypted document; save it as a Word Document (.docx) first")
    if head.startswith(b"PK") or path.suffix.lower() in _WORD_SUFFIXES:
        return "docx"
    return "text"


# Paragraphs with text a report may have (a long one has under a thousand),
# and the characters of one: what the store takes and the export writes back.
MAX_PARAGRAPHS = 5_000
MAX_PARAGRAPH_CHARS = 100_000


def read_seen(path: str | Path) -> SeenDocument:
    """The file's paragraphs as a reader sees them (Word or text), not yet understood."""
    path = Path(path)
    if _kind(path) == "docx":
        from cwgdraft.importer.docx_reader import read_docx

        seen = read_docx(path)
    else:
        from cwgdraft.importer.text_reader import read_text

        seen = read_text(path)
    paragraphs = [*seen.paragraphs, *seen.first_header, *seen.running_header, *seen.footer]
    filled = sum(1 for p in paragraphs if p.text.strip())
    if filled > MAX_PARAGRAPHS:
        raise BadInput(f"{path}: {filled} paragraphs, more than a report has (the limit is {MAX_PARAGRAPHS})")
    empty = len(paragraphs) - filled
    if empty > 5 * MAX_PARAGRAPHS:
        raise BadInput(f"{path}: {empty} empty paragraphs, more than a report has (the limit is {5 * MAX_PARAGRAPHS})")
    for number, p in enumerate(paragraphs, start=1):
        if len(p.text) > MAX_PARAGRAPH_CHARS:
            raise BadInput(
                f"{path}: paragraph {number} has {len(p.text)} characters, over the {MAX_PARAGRAPH_CHARS} "
                "a paragraph may have"
            )
    return seen


def import_file(path: str | Path) -> ImportResult:
    """Read and recognise `path`; BadInput (one line) for a file that cannot be used."""
    from cwgdraft.importer.recognise import recognise
    from cwgdraft.importer.standard import adopt_standard_wording

    seen = read_seen(path)
    got = recognise(seen)
    # Sentences that are the standard wording filled with the facts found become it, fields live.
    adopt_standard_wording(got.report)
    if not got.report.sections and not got.report.summary:
        found = f"only a title ({got.report.label})" if got.report.title else "no summary, title or sections"
        raise BadInput(f"{path}: no report found in the file ({found}; a report has a summary or sections)")
    source = "docx" if seen.kind == "docx" else f"text ({seen.encoding})"
    return ImportResult(got.report, got.unplaced, got.notes, got.found, source)


def renew_ids(report: Report, only: Container[str] | None = None) -> None:
    """Fresh ids for the report's sections and paragraphs (all, or those in
    `only`); contributions and opening remarks follow their paragraphs."""
    moved: dict[str, str] = {}
    for section in report.sections:
        if only is None or section.id in only:
            section.id = new_id()
        for paragraph in section.paragraphs:
            if only is None or paragraph.id in only:
                moved[paragraph.id] = paragraph.id = new_id()
    for contribution in report.contributions:
        if contribution.paragraph_id in moved:
            contribution.paragraph_id = moved[contribution.paragraph_id]
    for remark in report.opening_remarks:
        if remark.paragraph_id in moved:
            remark.paragraph_id = moved[remark.paragraph_id]


def settle_ids(report: Report, store: Store, how: str, where: str = "") -> str:
    """Make an imported report storable in `store`, before `store.save(report)`.

    A Word file exported by cwgdraft carries its paragraph and section ids
    (`cwg_` bookmarks), which still belong to the stored report it came from.
    `how` decides: "ask" refuses (BadInput naming that report and the two
    choices), "replace" gives the imported report that report's id and what
    Word does not carry of it (`keep_what_word_does_not_carry`; saving it
    updates the stored version), "new" gives it fresh ids (saving adds a
    copy). A report from no stored one is left as it is. Returns what was
    done: "new", "replace" (that report's id is now `report.id`) or "copy".
    """
    owners = store.owners(report)
    if not owners:
        return "new"
    first = next(iter(owners))
    if how == "replace":
        report.id = first
        others = {item for ids in store.owners(report).values() for item in ids}
        if others:  # ids of a third report: not taken from it
            renew_ids(report, others)
        keep_what_word_does_not_carry(report, store.get(first))
        return "replace"
    if how == "new":
        renew_ids(report)
        return "copy"
    try:
        label = store.get(first).label
    except CwgError:
        label = first[:8]
    raise BadInput(
        f"{where or 'the file'}: exported from report {first} ({label}), which is already in {store.path}; "
        "--replace to update that report from the file, or --new to add it as another report"
    )


# Header and summary fields: a file that does not give one (an empty field
# exports as a placeholder) leaves the stored value.
_KEPT_WHEN_EMPTY = (
    "council_session", "session_place", "session_start", "session_end", "agenda_item",
    "symbol", "date", "original_language", "title", "summary", "action_required",
)  # fmt: skip


def keep_what_word_does_not_carry(report: Report, stored: Report) -> None:
    """An imported copy of `stored` (a reviewer's, edited in Word) takes from
    `stored` what a Word file does not carry: the meetings (mode, venue,
    participants), the people, the contributions and opening remarks with
    their links (to paragraphs still in the file; a link to a paragraph the
    reviewer deleted is dropped), the group's mandate, and any header field
    the file leaves empty. The text (title, summary, sections, paragraphs,
    signature) is the file's. A subject the template wrote from the meetings
    (stored empty) stays empty while the file shows that same wording."""
    import copy

    from cwgdraft.formats.render import render

    present = {p.id for p in report.all_paragraphs()}
    # What the file shows, read before its facts give way to the stored ones.
    seen = {b.source: b.text for b in render(report).blocks if b.source and not b.placeholder}
    kept = copy.deepcopy(stored)
    report.meetings = kept.meetings
    report.people = kept.people
    report.opening_remarks = [o for o in kept.opening_remarks if o.paragraph_id in present]
    for contribution in kept.contributions:
        if contribution.paragraph_id not in present:
            contribution.paragraph_id = None
    report.contributions = kept.contributions
    report.group.mandate = report.group.mandate or kept.group.mandate
    report.group.name = report.group.name or kept.group.name
    report.group.acronym = report.group.acronym or kept.group.acronym
    for name in _KEPT_WHEN_EMPTY:
        if not getattr(report, name):
            setattr(report, name, getattr(kept, name))
    report.references = report.references or kept.references
    _keep_unchanged_wording(report, stored, seen)


def _keep_unchanged_wording(report: Report, stored: Report, seen: dict[str, str]) -> None:
    """What the file shows exactly as the stored report renders it keeps the
    stored wording: standard wording stays standard, fields stay fields. What a
    reviewer changed is the reviewer's text (a standard paragraph keeps the name
    of its standard wording, for "reset")."""
    from cwgdraft.core.content import has_fields
    from cwgdraft.formats.render import render

    document = render(stored)
    shown = {b.source: b.text for b in document.blocks if b.source and not b.placeholder}
    stored_paragraphs = {p.id: p for p in stored.all_paragraphs()}
    stored_sections = {s.id: s for s in stored.sections}
    for name in ("title", "subject", "summary"):
        before = getattr(stored, name)
        if (not before or has_fields(before)) and _same_text(shown.get(f"report.{name}", ""), seen.get(f"report.{name}", "")):
            setattr(report, name, before)
    for i in range(len(report.references)):
        if i < len(stored.references) and has_fields(stored.references[i]):
            key = f"report.references.{i}"
            if _same_text(shown.get(key, ""), seen.get(key, "")):
                report.references[i] = stored.references[i]
    for section in report.sections:
        old_section = stored_sections.get(section.id)
        if old_section is not None and (old_section.standard or has_fields(old_section.title)):
            if _same_text(shown.get(section.id, ""), seen.get(section.id, "")):
                section.title, section.standard = old_section.title, old_section.standard
        for paragraph in section.paragraphs:
            old = stored_paragraphs.get(paragraph.id)
            if old is None:
                continue
            if _same_text(shown.get(paragraph.id, ""), seen.get(paragraph.id, "")):
                # Unchanged in the file: the stored wording, standard or with fields, stays.
                paragraph.text, paragraph.standard, paragraph.ref = old.text, old.standard, old.ref
            elif old.standard:
                paragraph.standard, paragraph.ref = old.standard, old.ref
                paragraph.text = paragraph.text or seen.get(paragraph.id, "")
    signature, chair = report.signature, next((p for p in report.people if p.role.value == "chair"), None)
    if not stored.signature.name and chair and (signature.name, signature.country) == (chair.name, chair.country):
        signature.name = signature.country = ""


def _same_text(a: str, b: str) -> bool:
    def fold(text: str) -> str:
        return " ".join(text.replace("\u00a0", " ").replace("\u2011", "-").split())

    return fold(a) == fold(b)
