"""`cwgdraft import FILE [--dry-run] [--replace | --new]`: a Word or text report into the store.

Only the standard library is imported at the top (the command line stays
fast); the importer itself is loaded when the command runs. Nothing is
stored when the file cannot be used, nor with `--dry-run`. A file exported
from a report that is in the store is refused unless `--replace` (update
that report) or `--new` (add another one) says what to do.
"""

from __future__ import annotations

import argparse
from typing import Any


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="a Word .docx, or plain text extracted from Word")
    p.add_argument("--dry-run", action="store_true", help="show what was found; store nothing")
    again = p.add_mutually_exclusive_group()
    again.add_argument(
        "--replace", action="store_true",
        help="a file exported from a report in the store: update that report from the file",
    )
    again.add_argument(
        "--new", action="store_true",
        help="a file exported from a report in the store: add it as another report, with new ids",
    )


def run(args: argparse.Namespace, ctx: Any) -> int:
    from cwgdraft.importer import import_file, settle_ids

    result = import_file(args.file)
    report = result.report
    for note in result.notes:
        ctx.note(f"{args.file}: {note}")
    from cwgdraft.cli import warn_bidi_controls

    warn_bidi_controls(report, args.file, ctx)
    if args.dry_run:
        ctx.out(f"{args.file}: {result.source}, nothing stored (--dry-run)")
        for name, value in result.found.items():
            ctx.out(f"found\t{name}\t{value}")
        if _store_exists(ctx):  # a dry run creates no store
            owners = ctx.store().owners(report)
            if owners:
                ctx.out(f"found\texported from\t{next(iter(owners))} (already in the store: --replace or --new)")
        for line in result.outline():
            ctx.out(f"section\t{line}")
    else:
        store = ctx.store()
        how = "replace" if args.replace else "new" if args.new else "ask"
        done = settle_ids(report, store, how, where=args.file)
        if done == "replace":
            ctx.note(f"{args.file}: report {report.id} updated from the file (what Word does not carry kept as stored)")
        elif how == "replace":
            ctx.note(f"{args.file}: not exported from a report in the store; added as a new report")
        store.save(report)
        ctx.out(f"{report.id}\t{report.label}")
    if result.unplaced:
        ctx.out(f"could not place {len(result.unplaced)} item(s); kept as unnumbered paragraphs where they stood:")
        for item in result.unplaced:
            ctx.out(f"unplaced\t{item}")
    return 0


def _store_exists(ctx: Any) -> bool:
    from pathlib import Path

    from cwgdraft.core.paths import default_store_path

    return Path(ctx.db_path or default_store_path()).expanduser().is_file()
