"""The command line: `cwgdraft` and `python -m cwgdraft`.

Startup stays fast: this module imports only the standard library and
`cwgdraft.core.errors` at the top. Everything heavy (python-docx, Jinja,
lxml, jsonschema, sqlite-utils) is imported inside the command that needs
it, and Qt only by `gui`.

Adding a subcommand is one small edit: write `_add_NAME(parser)` (its
arguments) and `_run_NAME(args, ctx) -> int` (what it does; raise `CwgError`
for a one-line failure), import your own module lazily inside `_run_NAME`,
and add a `Command(...)` line to `COMMANDS` below. `ctx.store()` opens the
store (`--db`), `ctx.out(line)` prints a line to stdout (through the bidi
rule for terminals), `ctx.note(line)` prints a note to stderr.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn, TextIO

from cwgdraft.core.errors import BadInput, CwgError

if TYPE_CHECKING:
    from cwgdraft.core.model import Report
    from cwgdraft.core.store import Store

PROG = "cwgdraft"
BIDI_CHOICES = ("auto", "visual", "logical")
# Terminals that shape and reorder Arabic themselves (TERM_PROGRAM values).
BIDI_TERMINALS = frozenset({"Apple_Terminal", "mlterm"})
PREVIEW_CHARS = 60


# --- the terminal and right-to-left text ---------------------------------------


def terminal_does_bidi(environ: os._Environ[str] | dict[str, str]) -> bool:
    """Whether the terminal is known to shape and reorder Arabic on its own."""
    choice = environ.get("CWGDRAFT_BIDI", "").strip().lower()
    if choice in ("logical", "visual"):
        return choice == "logical"
    vte = environ.get("VTE_VERSION", "")
    if vte.isdigit() and int(vte) >= 5800:  # VTE 0.58 brought bidi (GNOME Terminal, Tilix, ...)
        return True
    if environ.get("KONSOLE_VERSION") or environ.get("MLTERM"):
        return True
    return environ.get("TERM_PROGRAM", "") in BIDI_TERMINALS


def bidi_mode(choice: str, stream: TextIO, environ: os._Environ[str] | dict[str, str] | None = None) -> str:
    """`visual` (shape and reorder for the terminal) or `logical` (print as stored).

    `auto`: visual only on a terminal that cannot shape; piped output is
    always logical, so scripts get the text as it is stored.
    """
    if choice in ("visual", "logical"):
        return choice
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    if not tty:
        return "logical"
    return "logical" if terminal_does_bidi(os.environ if environ is None else environ) else "visual"


# --- the context a command runs in --------------------------------------------


class Context:
    """What a command gets besides its arguments: the store and the output."""

    def __init__(self, args: argparse.Namespace, stdout: TextIO | None = None, stderr: TextIO | None = None) -> None:
        self.args = args
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.bidi = bidi_mode(getattr(args, "bidi", "auto") or "auto", self.stdout)
        self._store: Store | None = None

    @property
    def db_path(self) -> str | None:
        return getattr(self.args, "db", None)

    def store(self) -> Store:
        if self._store is None:
            from cwgdraft.core.paths import DB_ENV
            from cwgdraft.core.store import Store

            # A store the user names (--db, $CWGDRAFT_DB) that is not there is made only
            # when asked for: by --create (folders too), or by a command that adds
            # reports (in a folder that exists). A typo does not become an empty store.
            named = self.db_path or os.environ.get(DB_ENV)
            create = bool(getattr(self.args, "create", False))
            new_folder: Path | None = None
            if named:
                path = Path(named).expanduser()
                if not path.exists() and not path.is_symlink():
                    if not path.parent.is_dir():
                        if not create:
                            raise BadInput(
                                f"{path}: the folder {path.parent} does not exist "
                                "(--create makes it and a new store there)"
                            )
                        new_folder = path.parent
                    elif not create and not getattr(self.args, "_makes_store", False):
                        raise BadInput(f"{path}: no store there (--create makes a new, empty one)")
            self._store = Store.open(named, create_folders=create)
            if new_folder is not None:
                self.note(f"made the folder {new_folder} and a new store {self._store.path}")
            if self._store.backup is not None:
                self.note(f"upgraded the store; the previous version is kept as {self._store.backup}")
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def display(self, text: str) -> str:
        if self.bidi != "visual":
            return text
        from cwgdraft.core import arabic

        if not arabic.has_arabic(text):
            return text
        return arabic.for_terminal(text)

    def out(self, line: str = "") -> None:
        """One line on stdout, shaped for the terminal if it cannot shape."""
        self.stdout.write(self.display(line) + "\n")

    def raw(self, text: str) -> None:
        """Text for scripts (JSON): always logical order."""
        self.stdout.write(text)

    def note(self, line: str) -> None:
        self.stderr.write(f"{PROG}: {line}\n")


# --- helpers ------------------------------------------------------------------


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def _preview(text: str, limit: int = PREVIEW_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _write_output(path: str, data: bytes, stdout: TextIO) -> Path | None:
    """Write data to a file atomically, or to stdout for `-`."""
    if path == "-":
        stdout.flush()
        buffer = getattr(stdout, "buffer", None)
        if buffer is not None:
            buffer.write(data)
            buffer.flush()
        else:
            stdout.write(data.decode("utf-8"))
        return None
    from cwgdraft.core.files import write_atomic

    return write_atomic(path, data)


# --- commands -----------------------------------------------------------------


def _add_sample(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="folder", metavar="DIR", help="load the sample reports of this folder instead")


def _run_sample(args: argparse.Namespace, ctx: Context) -> int:
    from cwgdraft.core.samples import load_samples

    for report, added in load_samples(ctx.store(), args.folder):
        state = "added" if added else "already there"
        ctx.out(f"{report.id}\t{report.symbol}\t{_first_line(report.title)}\t{state}")
    return 0


def _add_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print a JSON array for scripts")


def _run_list(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    summaries = store.list_reports()
    if args.json:
        import json

        rows = [
            {"id": s.id, "symbol": s.symbol, "date": s.date.isoformat() if s.date else None, "title": s.title}
            for s in summaries
        ]
        ctx.raw(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    for s in summaries:
        date = s.date.isoformat() if s.date else ""
        # A report without a title is named by its subject or meetings, in brackets.
        title = _first_line(s.title) or f"[{s.name}]"
        ctx.out(f"{s.id}\t{s.symbol}\t{date}\t{title}")
    return 0


def _add_report(p: argparse.ArgumentParser) -> None:
    p.add_argument("report", metavar="REPORT", help="report id, the start of it (4 characters or more), or document symbol")


def outline(report: Report) -> list[str]:
    """The outline `show` prints: header fields, meetings, sections and paragraphs."""
    from cwgdraft.core import arabic
    from cwgdraft.formats.render import lay_out

    def date(value: Any) -> str:
        return f"{value.isoformat()} ({arabic.format_date(value, nbsp=False)})" if value else ""

    lines = [f"id: {report.id}"]
    fields = [
        ("symbol", report.symbol),
        ("date", date(report.date)),
        ("council session", report.council_session),
        ("session place", report.session_place),
        (
            "session dates",
            arabic.format_date_range(report.session_start, report.session_end, nbsp=False) if report.session_start else "",
        ),
        ("agenda item", report.agenda_item),
        (
            "original",
            f"{report.original_language} ({arabic.language_phrase(report.original_language)})"
            if report.original_language
            else "",
        ),
        ("numbering", report.numbering.value),
        ("group", f"{report.group.name} ({report.group.acronym})" if report.group.acronym else report.group.name),
    ]
    lines += [f"{name}: {value}" for name, value in fields if value]
    from cwgdraft.core import facts
    from cwgdraft.drafting.standard import paragraph_text, section_title
    from cwgdraft.formats.render import standard_content

    for name, text in (("title", report.title), ("subject", report.subject)):
        text = facts.text_of(report, text or standard_content(report, name))
        for i, line in enumerate(text.splitlines()):
            lines.append(f"{name if i == 0 else ' ' * len(name)}: {line}")
    if report.meetings:
        lines.append("meetings:")
        for m in report.meetings:
            try:
                word = arabic.ordinal(m.number)
            except ValueError:
                word = ""
            when = arabic.format_date_range(m.start, m.end, nbsp=False) if m.start else ""
            where = " ".join(x for x in (m.venue, m.platform) if x)
            parts = [str(m.number), word, m.start.isoformat() if m.start else "", when, m.mode.value, where]
            if m.participants is not None:
                parts.append(f"{m.participants} participants")
            lines.append("  " + "  ".join(p for p in parts if p))
    laid_out = lay_out(report)
    # Where each paragraph stands, as a reader finds it: its number, else its section's.
    where = {lp.paragraph.id: lp.label or f"§{laid.number}" for laid in laid_out for lp in laid.paragraphs}
    if report.people:
        lines.append("people:")
        for person in report.people:
            who = " ".join(x for x in (person.honorific, person.name) if x)
            if person.country:
                who += f" ({person.country})"
            remarks = [where.get(o.paragraph_id, "?") for o in report.opening_remarks if o.speaker_id == person.id]
            presented = sum(1 for c in report.contributions if c.presenter_id == person.id)
            parts = [person.role.value, who, person.title.replace("\n", " ")]
            if remarks:
                parts.append("opening remarks: " + ", ".join(remarks))
            if presented:
                parts.append(f"presented {presented} contribution(s)")
            lines.append("  " + "  ".join(x for x in parts if x))
    counts = [
        (len(report.people), "people"),
        (len(report.contributions), "contributions"),
        (len(report.references), "references"),
    ]
    lines.append(", ".join(f"{n} {what}" for n, what in counts))
    lines.append("sections:")
    marks = {"bullet": "•", "sub_bullet": "  ○", "lettered_bullet": "  •"}
    for laid in laid_out:
        lines.append(f"  {laid.number}  {_preview(section_title(report, laid.section))}  [{laid.section.role.value}]")
        for lp in laid.paragraphs:
            label = lp.label or marks.get(lp.paragraph.kind.value, "-")
            standard = f"  [standard: {lp.paragraph.standard}]" if lp.paragraph.follows_standard else ""
            lines.append(f"      {label}  {_preview(paragraph_text(report, lp.paragraph))}{standard}")
    sig = report.signature
    chair = next((p for p in report.people if p.role.value == "chair" and p.name), None)
    if sig.name or chair:
        name, country = (sig.name, sig.country) if sig.name else (chair.name, chair.country)  # type: ignore[union-attr]
        who = " ".join(x for x in (sig.honorific, name) if x)
        lines.append(f"signature: {who} ({country})" if country else f"signature: {who}")
    return lines


def _run_show(args: argparse.Namespace, ctx: Context) -> int:
    for line in outline(ctx.store().get(args.report)):
        ctx.out(line)
    return 0


def _add_export(p: argparse.ArgumentParser) -> None:
    _add_report(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE.docx", help="the Word file to write; - for stdout")
    p.add_argument(
        "--template",
        metavar="DIR_OR_DOCX",
        help="a template folder, or a reference .docx (NAME.json beside it maps its style names)",
    )
    p.add_argument(
        "--strict", action="store_true", help="write nothing (exit 1) when the check before export finds anything"
    )
    p.add_argument(
        "--tracked", action="store_true", help="the changes since a round (or export) as Word tracked changes"
    )
    p.add_argument("--since", metavar="ROUND", help="with --tracked: this round's id (default: the last round)")
    p.add_argument("--author", default="cwgdraft", metavar="NAME", help="with --tracked: the changes' author")


def _findings(report: Report, template: Any, ctx: Context, found: list[Any] | None = None) -> int:
    """The check before export, one line each on stderr; how many there were."""
    from cwgdraft.drafting.check import check_report

    found = check_report(report, template) if found is None else found
    name = report.symbol or report.id[:8]
    for finding in found:
        kind = "missing" if finding.blocking else "warning"
        ctx.note(f"{name}: {kind}: {finding.label}")
    return len(found)


def _run_export(args: argparse.Namespace, ctx: Context) -> int:
    report = ctx.store().get(args.report)
    from cwgdraft.drafting.check import prepare_export
    from cwgdraft.formats.render import load_template

    template = load_template(args.template) if args.template else None
    found, exported, document = prepare_export(report, template)
    if found and args.strict:
        _findings(report, template, ctx, found)
        raise CwgError(
            f"{args.output}: not written: the check before export found {len(found)} thing(s) to put right (--strict)"
        )
    if args.since and not args.tracked:
        raise BadInput("export: --since goes with --tracked")
    since = None
    if args.tracked:
        from cwgdraft.review import rounds

        since = rounds.get_round(ctx.store(), rounds.resolve_round(ctx.store(), report.id, args.since), "--since")
    if args.output == "-":
        from cwgdraft.formats.docx_writer import to_bytes

        data = to_bytes(document, template)
    else:
        from cwgdraft.core.files import writable_target
        from cwgdraft.review.exports import recorded_export

        writable_target(args.output)
        # The export is recorded as a base (import --replace then merges), its id in the file.
        data = recorded_export(ctx.store(), exported, document, template)
    if since is not None:
        from cwgdraft.review import tracked

        data, changes = tracked.tracked(data, report, since, args.author)
        ctx.note(f"{changes} tracked change(s) since {since.kind} round {since.id[:8]} of {since.created_at}")
    if args.output == "-":
        _write_output("-", data, ctx.stdout)
        where = "stdout"
    else:
        where = str(_write_output(args.output, data, ctx.stdout))
    # Written all the same: said after, so that a failure stays one line (bidi controls: below).
    _findings(report, template, ctx, [f for f in found if f.code != "bidi_control"])
    for note in document.notes:
        ctx.note(f"{where}: {note}")
    warn_bidi_controls(report, where, ctx)
    if args.output != "-":
        ctx.out(where)
    return 0


def _add_check(p: argparse.ArgumentParser) -> None:
    _add_report(p)
    p.add_argument("--template", metavar="DIR_OR_DOCX", help="check against this template's standard wording")


def _run_check(args: argparse.Namespace, ctx: Context) -> int:
    """Findings on stderr as `export` prints them; exit 1 when there are any."""
    from cwgdraft.formats.render import load_template

    report = ctx.store().get(args.report)
    template = load_template(args.template) if args.template else None
    found = _findings(report, template, ctx)
    if found:
        return 1
    ctx.out(f"{report.symbol or report.id}: nothing to put right")
    return 0


def _add_new(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="previous", metavar="REPORT", help="the previous report: the new one is on its next meeting")
    p.add_argument("--number", type=int, metavar="N", help="the meeting's number, for a report from the templates (default 1)")


def _run_new(args: argparse.Namespace, ctx: Context) -> int:
    """A new report: the id on stdout, then what was carried over and what needs filling in."""
    from cwgdraft.drafting.carry import empty_report, next_report
    from cwgdraft.drafting.check import check_report

    store = ctx.store()
    if args.previous:
        if args.number is not None:
            raise BadInput("--number goes with a report from the templates, not with --from (the number follows)")
        report, carry = next_report(store.get(args.previous))
        carried, to_fill = carry.carried, [m.label for m in carry.to_fill]
    else:
        number = 1 if args.number is None else args.number
        if not 1 <= number <= 99:
            raise BadInput(f"--number {number}: a meeting number is 1 to 99")
        report = empty_report(number)
        carried = ["تقرير جديد من القوالب: الأقسام والصيغ القياسية، والحقائق فارغة."]
        to_fill = [f.label for f in check_report(report) if f.blocking]
    store.save(report)
    ctx.out(report.id)
    for line in carried:
        ctx.out(f"carried: {line}")
    for line in to_fill:
        ctx.out(f"to fill: {line}")
    return 0


def warn_bidi_controls(report: Report, where: str, ctx: Context) -> None:
    """A warning per field holding bidi embeddings, overrides or isolates (kept as typed)."""
    from cwgdraft.core.checks import bidi_control_places

    for path, _source, places in bidi_control_places(report):
        shown = ", ".join(f"U+{ord(ch):04X} at character {at + 1}" for at, ch in places[:3])
        more = f" and {len(places) - 3} more" if len(places) > 3 else ""
        ctx.note(f"{where}: warning: {path}: bidi control characters ({shown}{more}); kept as typed, closed at the end of the field")


def _add_dump(p: argparse.ArgumentParser) -> None:
    _add_report(p)
    p.add_argument("-o", "--output", default="-", metavar="FILE.json", help="the file to write; - for stdout (default)")


def _run_dump(args: argparse.Namespace, ctx: Context) -> int:
    from cwgdraft.core import portable

    report = ctx.store().get(args.report)
    path = _write_output(args.output, portable.dumps(report).encode("utf-8"), ctx.stdout)
    if path is not None:
        ctx.out(str(path))
    return 0


def _add_load(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE.json", help="a portable report file; - for stdin")
    p.add_argument("--replace", action="store_true", help="replace the stored report with the same id")


def _run_load(args: argparse.Namespace, ctx: Context) -> int:
    from cwgdraft.core import portable

    if args.file == "-":
        report = portable.loads_bytes(sys.stdin.buffer.read(portable.MAX_FILE + 1), "stdin")
    else:
        report = portable.read_file(args.file)
    from cwgdraft.core.errors import ReportExists

    store = ctx.store()
    try:
        # Whether the id is new is checked in the transaction that writes: of two
        # loads of one id at the same moment, one is refused.
        store.save(report, only_if_new=not args.replace)
    except ReportExists as exc:
        raise BadInput(f"{args.file}: report {report.id} is already in {store.path} (--replace to overwrite it)") from exc
    ctx.out(report.id)
    return 0


def _run_delete(args: argparse.Namespace, ctx: Context) -> int:
    entry = ctx.store().delete(args.report)
    ctx.out(f"{entry.report_id}\t{entry.symbol}\t{entry.name}")
    ctx.note(f"report {entry.report_id} moved to the trash; 'cwgdraft restore {entry.report_id}' brings it back")
    return 0


def _add_trash(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print a JSON array for scripts")


def _run_trash(args: argparse.Namespace, ctx: Context) -> int:
    entries = ctx.store().trash()
    if args.json:
        import json

        rows = [
            {"id": e.report_id, "symbol": e.symbol, "name": e.name, "deleted_at": e.deleted_at} for e in entries
        ]
        ctx.raw(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    for e in entries:
        ctx.out(f"{e.report_id}\t{e.symbol}\t{e.name}\t{e.deleted_at}")
    return 0


def _add_restore(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "report", metavar="REPORT", help="id of a deleted report, the start of it (4 characters or more), or its symbol"
    )


def _run_restore(args: argparse.Namespace, ctx: Context) -> int:
    report = ctx.store().restore(args.report)
    ctx.out(f"{report.id}\t{report.label}")
    return 0


def _add_gui(p: argparse.ArgumentParser) -> None:
    p.add_argument("--report", metavar="REPORT", help="open this report")
    p.epilog = "Other options (--lang, ...) go to the app: see 'cwgdraft-gui --help'."


def _run_gui(args: argparse.Namespace, ctx: Context) -> int:
    gc.enable()  # the app runs for hours (see `main`)
    try:
        from cwgdraft.gui import app
    except ImportError as exc:
        raise CwgError(f"the desktop app is not available here ({exc})") from exc
    argv = ["--db", ctx.db_path] if ctx.db_path else []
    if args.report:
        argv += ["--report", args.report]
    try:
        result = app.run([*argv, *args.extra])
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in ("PySide6", "shiboken6", "fontpkg_amiri"):
            raise
        raise CwgError(f"the desktop app needs {exc.name}: pip install 'cwgdraft[gui]'") from exc
    return int(result or 0)


def _add_import(p: argparse.ArgumentParser) -> None:
    from cwgdraft.importer.command import add_arguments

    add_arguments(p)


def _run_import(args: argparse.Namespace, ctx: Context) -> int:
    from cwgdraft.importer.command import run

    return run(args, ctx)


def _add_search(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", metavar="QUERY", help="words to find; diacritics, hamza and letter forms need not match")
    p.add_argument("--report", metavar="REPORT", help="only in this report (id, id prefix or symbol)")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N hits (default 50)")
    p.add_argument("--json", action="store_true", help="the hits as a JSON list")


def _run_search(args: argparse.Namespace, ctx: Context) -> int:
    from cwgdraft.core import search

    if not search.fts_query(args.query):
        raise BadInput(f"search: {args.query!r} has no word to look for")
    if args.limit < 1:
        raise BadInput(f"search: --limit must be 1 or more, not {args.limit}")
    store = ctx.store()
    report_id = store.resolve(args.report) if args.report else None
    hits = search.search(store, args.query, limit=args.limit, report_id=report_id)
    if args.json:
        import dataclasses
        import json

        ctx.raw(json.dumps([dataclasses.asdict(h) for h in hits], ensure_ascii=False, indent=1) + "\n")
        return 0
    for hit in hits:
        ctx.out(hit.line())
    if not hits:
        ctx.note(f"nothing found for {args.query!r}")
    return 0


def _add_review(p: argparse.ArgumentParser) -> None:
    from cwgdraft.review.command import add_arguments

    add_arguments(p)


def _run_review(args: argparse.Namespace, ctx: Context) -> int:
    from cwgdraft.review.command import run

    return run(args, ctx)


class Command(NamedTuple):
    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, Context], int]
    pass_through: bool = False  # arguments it does not know go to `args.extra` (for `gui`)
    makes_store: bool = False  # adds reports: a --db file that is not there yet is made (its folder must exist)


COMMANDS: list[Command] = [
    Command("sample", "load the bundled sample reports into the store", _add_sample, _run_sample, makes_store=True),
    Command("list", "list the reports in the store", _add_list, _run_list),
    Command("show", "print the outline of a report", _add_report, _run_show),
    Command("export", "write a report as a Word .docx", _add_export, _run_export),
    Command("new", "start a report: on the next meeting of REPORT (--from), or from the templates", _add_new, _run_new),
    Command("check", "the check before export: what is missing or contradicts the facts", _add_check, _run_check),
    Command("dump", "write a report as a portable JSON file", _add_dump, _run_dump),
    Command("load", "read a portable JSON report file into the store", _add_load, _run_load, makes_store=True),
    Command(
        "import", "read a Word .docx or extracted text report into the store", _add_import, _run_import, makes_store=True
    ),
    Command("delete", "move a report to the trash (restore brings it back)", _add_report, _run_delete),
    Command("trash", "list the deleted reports", _add_trash, _run_trash),
    Command("restore", "bring a deleted report back from the trash", _add_restore, _run_restore),
    Command("search", "find words in every report of the store (one hit a line)", _add_search, _run_search),
    Command("review", "review rounds: copies for reviewers, their proposals, accept or reject", _add_review, _run_review),
    Command("gui", "start the desktop app", _add_gui, _run_gui, pass_through=True),
]


# --- parsing and running ------------------------------------------------------


def _terminal_columns() -> int:
    """The terminal's width as `shutil.get_terminal_size` finds it ($COLUMNS, the
    terminal, else 80), without importing `shutil`: argparse makes a help
    formatter for every argument added, and that import costs every command."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class _HelpFormatter(argparse.HelpFormatter):
    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, width or _terminal_columns() - 2)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (exit 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{PROG}: {message} (see '{self.prog} --help')\n")


def _add_global_options(parser: argparse.ArgumentParser, on_subcommand: bool) -> None:
    # Given on a subcommand, the options must not reset what was given before it.
    keep = argparse.SUPPRESS
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=keep if on_subcommand else None,
        help="the store file (default: $CWGDRAFT_DB, else cwgdraft.db in the user's data folder)",
    )
    parser.add_argument(
        "--create",
        action="store_true",
        default=keep if on_subcommand else False,
        help="make a new store at --db if there is none, and the folders it goes in",
    )
    parser.add_argument(
        "--bidi",
        choices=BIDI_CHOICES,
        default=keep if on_subcommand else "auto",
        help="Arabic on the terminal: auto (shape it when the terminal cannot), visual, logical",
    )


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser. Given the arguments, a command they name is the only one
    made (a parser per command costs start-up time, and a command's arguments
    may import modules the run never needs); all are made for help or when
    none is named, so that the list of commands and the errors stay whole."""
    named = None if argv is None else set(argv)
    if named is not None and ("-h" in named or "--help" in named or not any(c.name in named for c in COMMANDS)):
        named = None
    parser = _Parser(prog=PROG, description="Draft the Arabic chair's report of an ITU Council working group.")
    _add_global_options(parser, on_subcommand=False)
    from cwgdraft import __version__

    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        if named is not None and command.name not in named:
            continue
        sub = subparsers.add_parser(command.name, help=command.help, description=command.help)
        _add_global_options(sub, on_subcommand=True)
        command.add_arguments(sub)
        sub.set_defaults(_run=command.run, _pass_through=command.pass_through, _makes_store=command.makes_store)
    return parser


def _one_line(text: object) -> str:
    return " ".join(str(text).split()) or "(no message)"


def run() -> NoReturn:
    """The `cwgdraft` command (and `python -m cwgdraft`): `main`, then the end of the
    process without the interpreter's teardown.

    By the time `main` returns, everything the command wrote is closed (files, the
    store); the interpreter would then free every module and object one by one, which
    cost an export a tenth of its time. The exit handlers still run (they keep the
    standard wording for the next process) and the standard streams are flushed. A
    process that loaded Qt (`gui`) ends as usual: Qt writes settings as it closes."""
    code = main()
    if "PySide6" in sys.modules:
        sys.exit(code)
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    # A command is a short process that loads many modules and makes many objects,
    # and leaves little cyclic garbage: the cycle collector's passes over all of
    # them were a twentieth of an export's time. It is paused while the command
    # runs and set back after; `gui`, a long-running process, turns it back on.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(argv)
    finally:
        if collecting:
            gc.enable()


def _main(argv: Sequence[str] | None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not stream.isatty():
            reconfigure(encoding="utf-8")
        elif reconfigure is not None:
            reconfigure(errors="replace")
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv)
    args, extra = parser.parse_known_args(argv)
    if extra and not getattr(args, "_pass_through", False):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.extra = extra
    ctx = Context(args)
    try:
        return args._run(args, ctx)
    except CwgError as exc:
        ctx.note(_one_line(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        ctx.note("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (`cwgdraft list | head`): not an error worth a word.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as exc:
        if os.environ.get("CWGDRAFT_DEBUG") == "1":
            raise
        import sqlite3

        if isinstance(exc, sqlite3.Error):
            where = ctx._store.path if ctx._store is not None else (ctx.db_path or "the store")
            ctx.note(f"{where}: {_one_line(exc)}")
        else:
            ctx.note(f"unexpected error: {type(exc).__name__}: {_one_line(exc)} (CWGDRAFT_DEBUG=1 shows where)")
        return 1
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
