"""`cwgdraft review export|import|list|accept|reject`: review rounds on the command line.

Only the standard library at the top (the command line starts fast); the
review modules load when a command runs.
"""

from __future__ import annotations

import argparse
from typing import Any

from cwgdraft.core.errors import BadInput


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    export = sub.add_parser("export", help="write a review copy (only the paragraphs under review editable)")
    export.add_argument("report", metavar="REPORT", help="id, unique id prefix, or document symbol")
    export.add_argument("-o", "--output", required=True, metavar="FILE.docx", help="the review copy to write")
    export.add_argument(
        "--sections", nargs="+", default=["outcomes"], metavar="WHICH",
        help="outcomes (default), all, or section numbers or ids: the paragraphs the reviewer may edit",
    )  # fmt: skip
    export.add_argument("--reviewer", default="", metavar="NAME", help="who the copy is for")
    export.add_argument("--template", metavar="DIR_OR_DOCX", help="as for export")
    read = sub.add_parser("import", help="read a reviewer's copy into proposals (the report is not changed)")
    read.add_argument("file", metavar="FILE.docx")
    read.add_argument("--reviewer", default="", metavar="NAME", help="who reviewed (default: from the copy)")
    listing = sub.add_parser("list", help="the pending proposals of a report, one a line")
    listing.add_argument("report", metavar="REPORT")
    listing.add_argument("--all", action="store_true", help="decided ones too (their status last)")
    accept = sub.add_parser("accept", help="make proposals in the report")
    accept.add_argument("proposals", nargs="+", metavar="PROPOSAL", help="ids or unique id prefixes")
    side = accept.add_mutually_exclusive_group()
    side.add_argument("--theirs", action="store_true", help="a conflict: take the reviewer's text")
    side.add_argument("--ours", action="store_true", help="a conflict: keep the store's text")
    side.add_argument(
        "--text", metavar="TEXT",
        help="accept as edited: TEXT in place of the reviewer's text (one proposal; a split: one paragraph a line)",
    )  # fmt: skip
    reject = sub.add_parser("reject", help="decline proposals (the report is not changed)")
    reject.add_argument("proposals", nargs="+", metavar="PROPOSAL")
    from cwgdraft.cli import _add_global_options

    for parser in (export, read, listing, accept, reject):
        _add_global_options(parser, on_subcommand=True)


def run(args: argparse.Namespace, ctx: Any) -> int:
    return {"export": _export, "import": _import, "list": _list, "accept": _accept, "reject": _reject}[
        args.review_command
    ](args, ctx)


def _export(args: argparse.Namespace, ctx: Any) -> int:
    from cwgdraft.core.files import writable_target, write_atomic
    from cwgdraft.formats.docx_writer import to_bytes
    from cwgdraft.formats.render import load_template, render
    from cwgdraft.review import package, rounds

    store = ctx.store()
    report = store.get(args.report)
    sections = rounds.select_sections(report, args.sections)
    template = load_template(args.template) if args.template else None
    writable_target(args.output)
    found = rounds.record_round(store, report, "review", sections, args.reviewer, " ".join(args.sections))
    editable = {pid for pid, b in found.base.items() if b.editable}
    data, count = package.rewrite(to_bytes(render(report, template), template), found.id, editable)
    write_atomic(args.output, data)
    ctx.note(f"{args.output}: {count} paragraph(s) editable, the rest read-only")
    ctx.out(found.id)
    return 0


def _import(args: argparse.Namespace, ctx: Any) -> int:
    from cwgdraft.review import compare, reader, rounds

    copy = reader.read_copy(args.file)
    store = ctx.store()
    found = _round_of(copy, store, args.file)
    ours = store.get(found.report_id)
    authors = [c.author for p in copy.paragraphs for c in p.changes if c.author]
    reviewer = args.reviewer or (authors[0] if authors else "") or copy.last_modified_by or found.reviewer or "reviewer"
    reading = compare.compare(copy, found, ours, reviewer)
    added = rounds.add_proposals(store, reading.proposals)
    for note in reading.notes:
        ctx.note(f"{args.file}: {note}")
    ctx.note(f"{args.file}: round {found.id[:8]}, {len(added)} new proposal(s) from {reviewer}"
             f" ({len(reading.proposals) - len(added)} read before)")  # fmt: skip
    for p in added:
        ctx.out(_line(p))
    return 0


def _round_of(copy: Any, store: Any, where: str) -> Any:
    from cwgdraft.review import rounds

    if copy.round_id:
        return rounds.get_round(store, copy.round_id, where)
    # No property (a copy resaved by a program that drops it): the report's latest round.
    ids = list(copy.all_ids())
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        row = store.conn.execute(
            f"SELECT report_id FROM paragraphs WHERE id IN ({','.join('?' * len(chunk))}) LIMIT 1", chunk
        ).fetchone()
        if row:
            latest = rounds.latest_round(store, row[0])
            if latest:
                return rounds.get_round(store, latest, where)
    raise BadInput(f"{where}: not a review copy of a report in {store.path} (no round found)")


def _line(p: Any) -> str:
    return "\t".join((p.id, p.paragraph_id, p.kind, p.reviewer, p.excerpt))


def _list(args: argparse.Namespace, ctx: Any) -> int:
    from cwgdraft.review import rounds

    store = ctx.store()
    report_id = store.resolve(args.report)
    for p in rounds.proposals(store, report_id, None if args.all else "pending"):
        ctx.out(_line(p) + (f"\t{p.status}" if args.all else ""))
    return 0


def _accept(args: argparse.Namespace, ctx: Any) -> int:
    from cwgdraft.review import compare, rounds

    store = ctx.store()
    side = "theirs" if args.theirs else "ours" if args.ours else None
    if args.text is not None and len(args.proposals) > 1:
        raise BadInput("review accept --text: give one proposal (the text replaces that proposal's)")
    for ref in args.proposals:
        proposal = rounds.get_proposal(store, ref)
        done = compare.decide(store, proposal, True, side, args.text)
        ctx.out(f"{proposal.id}\t{proposal.paragraph_id}\t{done}")
    return 0


def _reject(args: argparse.Namespace, ctx: Any) -> int:
    from cwgdraft.review import compare, rounds

    store = ctx.store()
    for ref in args.proposals:
        proposal = rounds.get_proposal(store, ref)
        compare.decide(store, proposal, False)
        ctx.out(f"{proposal.id}\t{proposal.paragraph_id}\trejected")
    return 0
