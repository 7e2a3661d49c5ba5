"""Three ways: the round's base, the store now (ours), the reviewer's copy (theirs).

The texts compared are what a reader sees: the copy's text against what the
round's copy showed of each paragraph (facts filled in), so a paragraph with
fields whose words the reviewer left alone proposes nothing. Word-level
merging is `merge3` (the three-way merge of Bazaar/Breezy, on words instead
of lines); keeping a base's fields in a reviewer's text aligns words with the
standard library's `difflib`.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from merge3 import Merge3

from cwgdraft.core import content as content_mod
from cwgdraft.core import facts
from cwgdraft.core.content import Content, Field, Inline, Text
from cwgdraft.core.errors import BadInput
from cwgdraft.core.model import Paragraph, Report
from cwgdraft.review.reader import Change, ReviewCopy
from cwgdraft.review.rounds import Proposal, Round, new_id

_TOKENS = re.compile(r"\s+|[^\s]+")


def fold(text: str) -> str:
    """Text as compared: no-break spaces and hyphens as plain ones, runs of spaces as one."""
    return " ".join(text.replace("\u00a0", " ").replace("\u2011", "-").split())


def words(text: str) -> list[str]:
    return fold(text).split()


def without_label(text: str, label: str) -> str:
    if label and text.startswith(label + "\t"):
        return text[len(label) + 1 :]
    if label and text.startswith(label):
        return text[len(label) :].lstrip("\t")
    return text


def merge_words(base: str, ours: str, theirs: str) -> str | None:
    """`base` with the edits of both sides, word by word; None when they overlap."""
    out: list[str] = []
    for group in Merge3(words(base), words(ours), words(theirs)).merge_groups():
        if group[0] == "conflict":
            return None
        out.extend(group[1])
    return " ".join(out)


def keep_fields(report: Report, base: str, text: str) -> str:
    """`text` (a reviewer's) as content: the fields of `base` whose words it
    still has where they were stand as fields again; the rest is text."""
    if not content_mod.has_fields(base):
        return text
    tokens: list[tuple[str, int]] = []  # (token, index of its field or -1)
    fields: list[Field] = []
    for item in content_mod.inlines_of(base):
        if isinstance(item, Text):
            tokens += [(t, -1) for t in _TOKENS.findall(item.text)]
        else:
            fields.append(item)
            shown = facts.text_of(report, Content([item]))
            tokens += [(t, len(fields) - 1) for t in _TOKENS.findall(shown)]
    theirs = _TOKENS.findall(text)
    ops = difflib.SequenceMatcher(None, [t for t, _ in tokens], theirs, autojunk=False).get_opcodes()
    kept = set(range(len(fields)))
    for tag, i1, i2, _j1, _j2 in ops:
        if tag != "equal":
            kept -= {f for _t, f in tokens[i1:i2] if f >= 0}
    out: list[Inline] = []
    done: set[int] = set()
    for tag, i1, i2, j1, j2 in ops:
        if tag != "equal":
            out.append(Text("".join(theirs[j1:j2])))
            continue
        for token, f in tokens[i1:i2]:
            if f in kept:
                if f not in done:
                    out.append(fields[f])
                    done.add(f)
            else:
                out.append(Text(token))
    result = Content(out)
    if fold(facts.text_of(report, result)) != fold(text):
        return text  # alignment went wrong: the reviewer's words as they are
    return result if result.has_fields else text


@dataclass
class Reading:
    proposals: list[Proposal] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)  # paragraph ids edited outside the editable ranges


def _fingerprint(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


def _who(changes: list[Change], reviewer: str) -> tuple[str, str]:
    made = [c for c in changes if c.author or c.date]
    return (made[0].author or reviewer, made[0].date) if made else (reviewer, "")


def compare(copy: ReviewCopy, found: Round, ours: Report, reviewer: str) -> Reading:
    """The proposals a reviewer's copy makes against the round and the store now."""
    from cwgdraft.drafting.standard import paragraph_content, paragraph_text

    reading = Reading()
    base = found.base
    section_ids = {s.id for s in found.report().sections}
    ours_paragraphs = {p.id: p for p in ours.all_paragraphs()}

    def ours_changed(pid: str) -> bool:
        p = ours_paragraphs.get(pid)
        if p is None:
            return True
        return content_mod.to_data(paragraph_content(ours, p)) != content_mod.to_data(base[pid].content)

    def ours_text(pid: str) -> str:
        p = ours_paragraphs.get(pid)
        return paragraph_text(ours, p) if p is not None else ""

    def propose(pid: str, kind: str, theirs: list[str], changes: list[Change], *, note: str = "",
                editable: bool = True, author: str = "", date: str = "") -> None:  # fmt: skip
        who, when = _who(changes, reviewer)
        outside = pid in base and not (base[pid].editable and editable) and kind != "comment"
        reading.proposals.append(
            Proposal(
                new_id(), found.id, found.report_id, pid, kind, reviewer, author or who, date or when,
                base[pid].shown if pid in base else "", ours_text(pid), theirs, note, outside,
                fingerprint=_fingerprint(found.id, reviewer, pid, kind, theirs, note),
            )
        )  # fmt: skip
        if outside:
            reading.outside.append(pid)

    from collections import Counter

    context = Counter(fold(t) for t in found.context)
    where: dict[str, list[int]] = {}
    comments_seen: set[str] = set()
    anchor = ""
    for i, p in enumerate(copy.paragraphs):
        known = [x for x in p.ids if x in base]
        for x in known:
            where.setdefault(x, []).append(i)
        if len(known) > 1 and all(len(where[x]) == 1 for x in known):
            text = without_label(p.text, base[known[0]].label)
            propose(known[0], "merge", [text], p.changes, note=" ".join(known[1:]), editable=p.editable)
        elif not p.ids and p.text.strip():
            if context[fold(p.text)] > 0:  # the title, the summary, the signature...: not new
                context[fold(p.text)] -= 1
            elif anchor:
                propose(anchor, "insert", [p.text], p.changes, note="after", editable=p.editable)
            else:
                reading.notes.append(f"a new paragraph before the report's first one: {p.text[:40]}")
        for cid in p.comments:
            comment = copy.comments.get(cid)
            if comment is None or cid in comments_seen:
                continue
            comments_seen.add(cid)  # its range may start in one paragraph and end in another
            target = known[0] if known else anchor
            if target:
                propose(target, "comment", [], [], note=comment.text, author=comment.author, date=comment.date)
        anchor = (known or [x for x in p.ids if x in section_ids] or [anchor])[-1]

    merged = {x for prop in reading.proposals if prop.kind == "merge" for x in [prop.paragraph_id, *prop.note.split()]}
    for pid, b in base.items():
        if pid in merged:
            continue
        at = [i for i in where.get(pid, []) if copy.paragraphs[i].text.strip()]
        if not at:
            if pid in where or pid in copy.deleted or pid not in copy.all_ids():
                change = copy.deleted.get(pid)
                propose(pid, "delete", [], [change] if change else [],
                        editable=all(copy.paragraphs[i].editable for i in where.get(pid, [])) and b.editable)  # fmt: skip
            continue
        paragraphs = [copy.paragraphs[i] for i in at]
        changes = [c for p in paragraphs for c in p.changes]
        editable = all(p.editable for p in paragraphs)
        texts = [without_label(p.text, b.label) if n == 0 else p.text for n, p in enumerate(paragraphs)]
        if len(texts) > 1:
            propose(pid, "split", texts, changes, editable=editable)
        elif fold(texts[0]) != fold(b.shown):
            propose(pid, "conflict" if ours_changed(pid) else "change", texts, changes, editable=editable)
    for pid in dict.fromkeys(reading.outside):
        reading.notes.append(f"paragraph {pid[:8]}: edited outside the editable ranges (read all the same)")
    return reading


# --- deciding -------------------------------------------------------------------


def _place(report: Report, pid: str) -> tuple[list[Paragraph], int]:
    for section in report.sections:
        for i, p in enumerate(section.paragraphs):
            if p.id == pid:
                return section.paragraphs, i
    raise BadInput(f"paragraph {pid}: no longer in the report")


def _forget(report: Report, gone: set[str]) -> None:
    """Links to deleted paragraphs dropped (an opening remark's, a contribution's)."""
    report.opening_remarks = [o for o in report.opening_remarks if o.paragraph_id not in gone]
    for contribution in report.contributions:
        if contribution.paragraph_id in gone:
            contribution.paragraph_id = None


def apply(report: Report, proposal: Proposal, found: Round, side: str | None) -> str:
    """Make an accepted proposal in `report`; what was done, in a few words.
    `side` ('theirs' or 'ours') decides a conflict, or a change whose paragraph
    the store changed since the copy was read and the words overlap."""
    from cwgdraft.drafting.standard import paragraph_content, paragraph_text

    pid = proposal.paragraph_id
    b = found.base.get(pid)
    base_content = b.content if b else ""
    if proposal.kind == "comment":
        return "comment noted"
    if proposal.kind == "insert":
        if any(s.id == pid for s in report.sections):
            section = next(s for s in report.sections if s.id == pid)
            section.paragraphs.insert(0, Paragraph(proposal.theirs[0]))
            return "paragraph added"
        paragraphs, i = _place(report, pid)
        paragraphs.insert(i + 1, Paragraph(proposal.theirs[0], kind=paragraphs[i].kind))
        return "paragraph added"
    paragraphs, i = _place(report, pid)
    paragraph = paragraphs[i]
    now = paragraph_text(report, paragraph)
    store_moved = fold(now) != fold(proposal.ours)
    if proposal.kind == "delete":
        if store_moved and side != "theirs":
            raise BadInput(f"proposal {proposal.id[:8]}: the paragraph changed since; --theirs deletes it all the same")
        del paragraphs[i]
        _forget(report, {pid})
        return "paragraph deleted"
    if proposal.kind == "merge":
        others = proposal.note.split()
        paragraph.text = keep_fields(report, base_content, proposal.theirs[0])
        for section in report.sections:
            section.paragraphs[:] = [p for p in section.paragraphs if p.id not in others]
        _forget(report, set(others))
        return f"{len(others) + 1} paragraphs merged"
    if proposal.kind == "split":
        paragraph.text = keep_fields(report, base_content, proposal.theirs[0])
        for n, text in enumerate(proposal.theirs[1:], start=1):
            paragraphs.insert(i + n, Paragraph(text, kind=paragraph.kind))
        return f"split in {len(proposal.theirs)}"
    theirs = proposal.theirs[0]
    if proposal.kind == "conflict" or store_moved:
        if side == "ours":
            return "the store's text kept"
        if side != "theirs":
            merged = (
                merge_words(b.shown if b else "", now, theirs) if store_moved and proposal.kind == "change" else None
            )
            if merged is None:
                raise BadInput(
                    f"proposal {proposal.id[:8]}: the store's text and the reviewer's differ; "
                    "--theirs takes the reviewer's, --ours keeps the store's"
                )
            theirs = merged
            base_content = paragraph_content(report, paragraph)
    paragraph.text = keep_fields(report, base_content, theirs)
    return "text changed"


def decide(store: Any, proposal: Proposal, accept: bool, side: str | None = None, text: str | None = None) -> str:
    """Accept (the report changed, saved with the decision in one transaction) or
    reject a pending proposal; what was done, in a few words. `text`: accepted as
    edited (the reviewer's text replaced by it)."""
    from cwgdraft.review import rounds

    if proposal.status != "pending":
        raise BadInput(f"proposal {proposal.id[:8]}: already {proposal.status}")
    if text is not None and accept:
        proposal, side = with_text(proposal, text), "theirs"
    if not accept:
        rounds.decide(store, proposal.id, "rejected")
        return "rejected"
    found = rounds.get_round(store, proposal.round_id)
    report, version = store.get_with_version(proposal.report_id)
    done = apply(report, proposal, found, side)
    with store._writing():
        if changes_report(done):
            store.save(report, expected_version=version)
        rounds.decide(store, proposal.id, status_after(proposal, side, done))
    return done


def with_text(proposal: Proposal, text: str) -> Proposal:
    """The proposal as edited before it is accepted: `text` in place of the reviewer's
    (a split: one paragraph a line). Accepted with side 'theirs'."""
    import dataclasses

    if proposal.kind not in ("change", "conflict", "insert", "split", "merge"):
        raise BadInput(f"proposal {proposal.id[:8]}: a {proposal.kind} has no text to edit")
    lines = [line.strip() for line in text.split("\n")] if proposal.kind == "split" else [text.strip()]
    lines = [line for line in lines if line]
    if not lines:
        raise BadInput(f"proposal {proposal.id[:8]}: the edited text is empty (reject the proposal instead)")
    return dataclasses.replace(proposal, theirs=lines)


def changes_report(done: str) -> bool:
    """Whether an accepted proposal (`apply` said `done`) changed the report."""
    return done not in ("the store's text kept", "comment noted")


def status_after(proposal: Proposal, side: str | None, done: str) -> str:
    """An accepted proposal's status: keeping the store's text rejects it."""
    kept_ours = side == "ours" and (proposal.kind == "conflict" or done == "the store's text kept")
    return "rejected" if kept_ours else "accepted"
