"""The list of documents follows the contributions.

The contributions section lists the documents of the meeting: bullets for
groups (the member states' documents, the partners' documents) and `○` items
for documents, each item the template's standard wording (`document_item`)
with fields for the contribution's source and title. The items are real
paragraphs, so the drafter can reword one or change its level, but which
documents are listed comes from the contributions: `sync_documents` adds an
item for every contribution that has none and removes the items (and empty
group headings) of contributions that are gone. Items already there keep
their place, wording and level.
"""

from __future__ import annotations

from cwgdraft.core.model import Paragraph, ParagraphKind, Report, Section, SectionRole

DOCUMENT_ITEM = "document_item"
DOCUMENTS_GROUP = "documents_group"
DOCUMENTS_INTRO = "documents_intro"
# Categories listed under a group heading (bullet), their documents as `○`
# items; any other category's documents are bullets of their own. In the
# order the list gives them.
GROUPED = ("member_state", "partner")
ORDER = ("secretariat", "member_state", "partner")
LIST_STANDARDS = (DOCUMENT_ITEM, DOCUMENTS_GROUP, DOCUMENTS_INTRO)


def derived_id(seed: str) -> str:
    """A UUID (version 5 layout) made from `seed`: the paragraph the list makes
    for a contribution has the same id wherever and whenever it is made (the
    app's list, the export's, a re-import), and no `uuid` import is needed."""
    import hashlib

    h = bytearray(hashlib.sha1(seed.encode("utf-8")).digest()[:16])
    h[6] = (h[6] & 0x0F) | 0x50
    h[8] = (h[8] & 0x3F) | 0x80
    x = h.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


def documents_section(report: Report) -> Section | None:
    return next((s for s in report.sections if s.role is SectionRole.CONTRIBUTIONS), None)


def _rank(category: str) -> int:
    return ORDER.index(category) if category in ORDER else len(ORDER)


def listed_ids(report: Report) -> set[str]:
    """The contributions that have an item in the list of documents."""
    return {p.ref for s in report.sections for p in s.paragraphs if p.standard == DOCUMENT_ITEM}


def in_step(report: Report) -> bool:
    """Whether the list of documents matches the contributions (what
    `sync_documents` would leave as it is), without changing anything."""
    section = documents_section(report)
    if section is None or not any(p.standard in LIST_STANDARDS for p in section.paragraphs):
        return True
    ids = {c.id for c in report.contributions}
    listed = [p.ref for p in section.paragraphs if p.standard == DOCUMENT_ITEM]
    if not ids <= set(listed) or not set(listed) <= ids:
        return False
    categories = {c.id: c.category for c in report.contributions}
    paragraphs = section.paragraphs
    for i, p in enumerate(paragraphs):
        if p.standard == DOCUMENTS_GROUP and not any(
            q.standard == DOCUMENT_ITEM and categories.get(q.ref) == p.ref for q in paragraphs[i + 1 :]
        ):
            return False
    return True


def as_exported(report: Report) -> Report:
    """The report as an export writes it: the list of documents following the
    contributions (a copy when that changes anything; else the report itself)."""
    if in_step(report):
        return report
    import copy

    report = copy.deepcopy(report)
    sync_documents(report)
    return report


def sync_documents(report: Report) -> bool:
    """Make the list of documents match the contributions; True when it changed."""
    section = documents_section(report)
    # A report whose contributions section has no list (the 2016 report says
    # "contributions were received" in a sentence) is left as written.
    if section is None or not any(p.standard in LIST_STANDARDS for p in section.paragraphs):
        return False
    changed = False
    by_id = {c.id: c for c in report.contributions}
    # Items of contributions that are gone go.
    kept = [p for p in section.paragraphs if not (p.standard == DOCUMENT_ITEM and p.ref not in by_id)]
    changed |= len(kept) != len(section.paragraphs)
    listed = {p.ref for p in kept if p.standard == DOCUMENT_ITEM}
    for c in report.contributions:
        if c.id in listed:
            continue
        changed = True
        category = c.category if c.category in GROUPED else ""
        item = Paragraph("", ParagraphKind.SUB_BULLET if category else ParagraphKind.BULLET,
                         derived_id(f"{c.id}/listed"), standard=DOCUMENT_ITEM, ref=c.id)
        # After the last item of the same category; else a new group at its place in ORDER.
        same = [i for i, p in enumerate(kept) if p.standard == DOCUMENT_ITEM and _category(report, p.ref) == c.category]
        heading = next((i for i, p in enumerate(kept) if p.standard == DOCUMENTS_GROUP and p.ref == category), None)
        if same:
            kept.insert(same[-1] + 1, item)
            continue
        if heading is not None:
            kept.insert(heading + 1, item)
            continue
        at = _group_position(report, kept, c.category)
        new = [item]
        if category:
            heading_id = derived_id(f"{report.id}/documents/{category}")
            new.insert(0, Paragraph("", ParagraphKind.BULLET, heading_id, standard=DOCUMENTS_GROUP, ref=category))
        kept[at:at] = new
    # Group headings with no item left under them go.
    out: list[Paragraph] = []
    for i, p in enumerate(kept):
        if p.standard == DOCUMENTS_GROUP and not any(
            q.standard == DOCUMENT_ITEM and _category(report, q.ref) == p.ref for q in kept[i + 1 :]
        ):
            changed = True
            continue
        out.append(p)
    section.paragraphs[:] = out
    return changed


def _category(report: Report, contribution_id: str) -> str:
    return next((c.category for c in report.contributions if c.id == contribution_id), "")


def _group_position(report: Report, paragraphs: list[Paragraph], category: str) -> int:
    """Where a new group of `category` goes: before the first list paragraph of a
    later category, else after the last paragraph of the list."""
    rank = _rank(category)
    last = 0
    for i, p in enumerate(paragraphs):
        if p.standard == DOCUMENT_ITEM:
            other = _category(report, p.ref)
        elif p.standard == DOCUMENTS_GROUP:
            other = p.ref
        elif p.standard == DOCUMENTS_INTRO:
            last = i + 1
            continue
        else:
            continue
        if _rank(other) > rank:
            return i
        last = i + 1
    return last
