"""`cwgdraft import FILE [--dry-run]`: a Word or text report into the store.

Only the standard library is imported at the top (the command line stays
fast); the importer itself is loaded when the command runs. Nothing is
stored when the file cannot be used, nor with `--dry-run`.
"""

from __future__ import annotations

import argparse
from typing import Any


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="a Word .docx, or plain text extracted from Word")
    p.add_argument("--dry-run", action="store_true", help="show what was found; store nothing")


def run(args: argparse.Namespace, ctx: Any) -> int:
    from cwgdraft.importer import import_file

    result = import_file(args.file)
    report = result.report
    for note in result.notes:
        ctx.note(f"{args.file}: {note}")
    if args.dry_run:
        ctx.out(f"{args.file}: {result.source}, nothing stored (--dry-run)")
        for name, value in result.found.items():
            ctx.out(f"found\t{name}\t{value}")
        for line in result.outline():
            ctx.out(f"section\t{line}")
    else:
        ctx.store().save(report)
        ctx.out(f"{report.id}\t{report.label}")
    if result.unplaced:
        ctx.out(f"could not place {len(result.unplaced)} item(s); kept as unnumbered paragraphs where they stood:")
        for item in result.unplaced:
            ctx.out(f"unplaced\t{item}")
    return 0
