"""Report -> Document, through the Jinja templates of a template folder.

The template (`report.xml.j2`) decides wording and order and writes a small
XML markup; autoescape keeps user text from becoming markup, and the sandbox
keeps user-edited templates from reaching Python. The markup is parsed with
entity resolution off into the `Document` that every writer reads.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import re
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import field, is_dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any

from cwgdraft.core import arabic, facts, symbols
from cwgdraft.core.content import MARKS, Content, Field, Footnote, Inline, Text
from cwgdraft.core.content import from_data as content_from_data
from cwgdraft.core.content import to_data as content_to_data
from cwgdraft.core.documents import sync_documents
from cwgdraft.core.errors import CwgError, TemplateError
from cwgdraft.core.model import Numbering, Paragraph, ParagraphKind, Report, Section
from cwgdraft.core.records import Record, field_names, record
from cwgdraft.formats.docmodel import STYLES, Block, Document, FieldSpan, MarkSpan, Note

TEMPLATES_DIR = Path(__file__).resolve().parent.parent.parent / "templates"
DEFAULT_TEMPLATE = TEMPLATES_DIR / "council-ar"
# Where compiled templates are kept; empty: nowhere (default: the user's cache folder).
TEMPLATE_CACHE_ENV = "CWGDRAFT_TEMPLATE_CACHE"


# --- numbers and letters ------------------------------------------------------


@record
class LaidParagraph(Record):
    """A paragraph with its place: style, number or letter."""

    paragraph: Paragraph
    label: str  # number or letter, '' for unnumbered paragraphs and bullets
    style: str
    markup: Any = ""  # the content as block markup, facts filled in (set by `render`)

    # Flat names for the template's hot loop (one attribute look-up each).
    @property
    def id(self) -> str:
        return self.paragraph.id

    @property
    def text(self) -> str:
        return self.paragraph.text


@record
class LaidSection(Record):
    """A section with its number and its laid-out paragraphs."""

    section: Section
    number: int
    paragraphs: list[LaidParagraph] = field(default_factory=list)


_KIND_STYLE = {
    ParagraphKind.NUMBERED: "numbered",
    ParagraphKind.UNNUMBERED: "body",
    ParagraphKind.BULLET: "bullet",
    ParagraphKind.SUB_BULLET: "sub_bullet",
    ParagraphKind.LETTERED: "lettered",
    ParagraphKind.LETTERED_BULLET: "lettered_bullet",
}


def paragraph_number(section_no: int, paragraph_no: int, numbering: Numbering) -> str:
    if numbering is Numbering.SECTION_PARAGRAPH:
        return f"{section_no}.{paragraph_no}"
    return f"{paragraph_no}.{section_no}"


def letter_label(index: int) -> str:
    return f"{arabic.abjad_letter(index)})"


def lay_out(report: Report) -> list[LaidSection]:
    """Give every section its number and every paragraph its number or letter.

    Numbers count numbered paragraphs within a section; unnumbered
    paragraphs and lists take none. Letters restart after every numbered or
    unnumbered paragraph (a new block), as in the 2016 outcomes.
    """
    laid: list[LaidSection] = []
    for s_index, section in enumerate(report.sections, start=1):
        out = LaidSection(section, s_index)
        number = 0
        letter = 0
        for paragraph in section.paragraphs:
            label = ""
            if paragraph.kind is ParagraphKind.NUMBERED:
                number += 1
                letter = 0
                label = paragraph_number(s_index, number, report.numbering)
            elif paragraph.kind is ParagraphKind.UNNUMBERED:
                letter = 0
            elif paragraph.kind is ParagraphKind.LETTERED:
                label = letter_label(letter)
                letter += 1
            out.paragraphs.append(LaidParagraph(paragraph, label, _KIND_STYLE[paragraph.kind]))
        laid.append(out)
    return laid


# --- the Jinja environment ----------------------------------------------------

# A template is the user's to edit: what it may cost is bounded. Rendering
# the council template takes well under a second and a few MB of markup per
# report; these are far past that and far below what hurts the machine.
MAX_RENDER_SECONDS = 5.0
MAX_MARKUP_CHARS = 50_000_000  # characters of markup a template may write
MAX_VALUE_CHARS = 2_000_000  # one string or list made by the template (`*`, `+`)
MAX_POWER_BITS = 4096  # `**` on integers
MAX_WIDTH = 10_000  # a width in a format string, `center`, `indent`
_WIDE_FORMAT = re.compile(r"(?:%[-#0 +]*|\{[^{}]*:[^{}]*?)\d{5,}")
_RENDERING = threading.local()  # the deadline of the render running on this thread


def _check_deadline() -> None:
    deadline = getattr(_RENDERING, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        from jinja2.exceptions import SecurityError

        raise SecurityError(f"the template ran for more than {MAX_RENDER_SECONDS:.0f} seconds")


def _check_format(text: object) -> None:
    if isinstance(text, str) and _WIDE_FORMAT.search(text):
        from jinja2.exceptions import SecurityError

        raise SecurityError(f"a width over {MAX_WIDTH} in a format string")


def _sized(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple, bytes)) else 0


def _environment_classes() -> tuple[type, type]:
    from jinja2.exceptions import SecurityError
    from jinja2.loaders import FileSystemLoader
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class FolderLoader(FileSystemLoader):
        """Template files from the folders, never from outside them through a link."""

        def get_source(self, environment: Any, template: str) -> Any:
            source, filename, uptodate = super().get_source(environment, template)
            real = os.path.realpath(filename)
            roots = [os.path.realpath(folder) for folder in self.searchpath]
            if not any(real.startswith(root + os.sep) for root in roots):
                raise SecurityError(f"{template}: the file lies outside the template folder ({real})")
            return source, filename, uptodate

    class BoundedSandbox(ImmutableSandboxedEnvironment):
        """The sandbox, with bounds on time and on the size of what a template makes."""

        intercepted_binops = frozenset({"*", "**", "+", "%", "//"})

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            _check_deadline()
            return super().call(__context, __obj, *args, **kwargs)

        def getattr(self, obj: Any, attribute: str) -> Any:
            _check_deadline()
            return super().getattr(obj, attribute)

        def wrap_str_format(self, value: Any) -> Any:
            wrapped = super().wrap_str_format(value)
            if wrapped is not None:
                _check_format(getattr(value, "__self__", None))
            return wrapped

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            _check_deadline()
            if operator == "*":
                count = right if isinstance(right, int) else left if isinstance(left, int) else 0
                if max(_sized(left), _sized(right)) * max(count, 0) > MAX_VALUE_CHARS:
                    raise SecurityError(f"a value over {MAX_VALUE_CHARS} characters or items")
            elif operator == "+":
                if _sized(left) + _sized(right) > MAX_VALUE_CHARS:
                    raise SecurityError(f"a value over {MAX_VALUE_CHARS} characters or items")
            elif operator == "**":
                if isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
                    if right * max(abs(left).bit_length(), 1) > MAX_POWER_BITS:
                        raise SecurityError(f"a number over {MAX_POWER_BITS} bits")
            elif operator == "%":
                _check_format(left)
            return super().call_binop(context, operator, left, right)

    return BoundedSandbox, FolderLoader


def _bounded_filter(name: str, filter_: Any) -> Any:
    # Filters whose output grows with a number argument: that number is bounded.
    @functools.wraps(filter_)  # keeps Jinja's pass_eval_context mark
    def bounded(*args: Any, **kwargs: Any) -> Any:
        from jinja2.exceptions import SecurityError

        _check_deadline()
        numbers = [a for a in (*args, *kwargs.values()) if isinstance(a, int) and not isinstance(a, bool)]
        if any(abs(n) > MAX_WIDTH for n in numbers):
            raise SecurityError(f"'{name}' with a width over {MAX_WIDTH}")
        if name == "format":
            _check_format(next((a for a in args if isinstance(a, str)), None))
        result = filter_(*args, **kwargs)
        if _sized(result) > MAX_VALUE_CHARS:
            raise SecurityError(f"'{name}' made a value over {MAX_VALUE_CHARS} characters")
        return result

    return bounded


def _environment(folder: Path) -> Any:
    # Jinja is imported here, not at module level: `cwgdraft list` never needs it.
    from jinja2 import StrictUndefined

    environment_class, loader_class = _environment_classes()
    env = environment_class(
        loader=loader_class([str(folder), str(DEFAULT_TEMPLATE)]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        undefined=StrictUndefined,
        finalize=_finalize,
        bytecode_cache=_bytecode_cache(),
    )
    for name in ("center", "indent", "format", "wordwrap", "replace", "truncate", "join"):
        env.filters[name] = _bounded_filter(name, env.filters[name])
    env.filters.update(
        date=lambda d, nbsp=True: arabic.format_date(d, nbsp) if d else "",
        date_range=lambda s, e=None, nbsp=True: arabic.format_date_range(s, e, nbsp) if s else "",
        ordinal=arabic.ordinal,
        language=arabic.language_phrase,
        and_join=arabic.join_and,
        document_line=symbols.document_line,
    )
    env.globals.update(meetings_phrase=arabic.meetings_phrase, ordinal=arabic.ordinal)
    return env


def _user_cache() -> Path:
    """The user's cache folder for cwgdraft, as platformdirs names it. On Linux
    it is computed here as platformdirs does (`$XDG_CACHE_HOME`, else
    `~/.cache`): importing platformdirs for this alone would cost every export
    1-2 ms."""
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_CACHE_HOME", "")
        return Path(base.strip() or os.path.expanduser("~/.cache")) / "cwgdraft"
    import platformdirs

    return platformdirs.user_cache_path("cwgdraft")


def cache_folder() -> Path | None:
    """Where compiled templates (and analysed reference documents) are kept:
    the user's cache folder, `$CWGDRAFT_TEMPLATE_CACHE` if set; None when it
    is set empty or the folder cannot be written."""
    folder = os.environ.get(TEMPLATE_CACHE_ENV)
    if folder is None:
        path = _user_cache() / "templates"
    elif not folder:
        return None
    else:
        path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


# How many compiled templates and analysed reference documents the cache folder keeps: each
# edit of a reference document, and each template folder, adds one; the oldest go.
MAX_CACHED_FILES = 200


def prune_cache(folder: Path, keep: int | None = None) -> int:
    """Remove the least recently written compiled templates and analysed reference
    documents beyond `keep` of each kind; how many were removed. Called when a file is
    added to the cache, not on every run."""
    keep = MAX_CACHED_FILES if keep is None else keep
    removed = 0
    for pattern in ("__jinja2_*.cache", "reference-*.marshal"):
        try:
            found = sorted(folder.glob(pattern), key=lambda f: f.stat().st_mtime_ns, reverse=True)
        except OSError:
            continue
        for old in found[keep:]:
            try:
                old.unlink()
                removed += 1
            except OSError:
                pass
    return removed


def _bytecode_cache() -> Any:
    """The compiled templates, kept in `cache_folder()`: a process then skips
    compiling `report.xml.j2`. Jinja keys an entry by the template's path and
    checks its source's checksum, so an edited template compiles again. None
    (no cache) where that folder cannot be written."""
    from jinja2 import FileSystemBytecodeCache

    class KeptTemplates(FileSystemBytecodeCache):
        def dump_bytecode(self, bucket: Any) -> None:
            super().dump_bytecode(bucket)  # a template compiled anew: the cache grew
            prune_cache(Path(self.directory))

    folder = cache_folder()
    return KeptTemplates(str(folder)) if folder is not None else None


def _finalize(value: Any) -> Any:
    # Last line of defence: whatever reaches the markup must be XML-safe, and
    # a bidi embedding or isolate left open in a field must not reorder what
    # the template writes after it (the stored text keeps what was typed).
    if isinstance(value, str):
        if arabic.needs_cleaning(value):
            value = arabic.clean_text(value)[0]
        return arabic.close_bidi(value)
    return value


@record
class Template(Record):
    """A template folder: `report.xml.j2`, `reference.docx`, `manifest.json`."""

    folder: Path
    reference: Path
    styles: dict[str, str]  # logical style -> style name in the reference document
    env: Any

    @property
    def name(self) -> str:
        return self.folder.name


# A manifest may leave these roles out: they take the style of another role.
# Every other role of STYLES must be named.
STYLE_FALLBACKS = {
    "header": "body",
    "subject": "title",
    "box_rule": "box_text",
    "reference": "box_text",
    "sub_bullet": "bullet",
    "lettered_bullet": "bullet",
    "signature_title": "signature",
    "end_rule": "body",
}


MAX_MANIFEST = 1024 * 1024  # bytes of a manifest (the council one is under 1 KB)


def _read_manifest(path: Path) -> Any:
    """The manifest's JSON; TemplateError for one that cannot be read (a BOM is fine)."""
    from cwgdraft.core.files import is_folder

    if path.is_dir():
        raise is_folder(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_MANIFEST + 1)
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read the template manifest ({exc.strerror})") from exc
    if len(raw) > MAX_MANIFEST:
        raise TemplateError(f"{path}: the template manifest is over {MAX_MANIFEST // 1024} KB")
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise TemplateError(f"{path}: byte {exc.start}: not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise TemplateError(f"{path}: line {exc.lineno} column {exc.colno}: invalid JSON ({exc.msg})") from exc
    except RecursionError as exc:
        raise TemplateError(f"{path}: JSON nested too deep for a template manifest") from exc


def _is_report_file(data: Any) -> bool:
    """A portable report file (`cwgdraft dump`), not a style map."""
    return isinstance(data, dict) and data.get("format") == "cwgdraft-report"


@lru_cache(maxsize=8)
def _load_template(folder: str, reference: str | None) -> Template:
    path = Path(folder)
    manifest_path = path / "manifest.json"
    if reference is not None:
        ref = Path(reference)
        side = ref.with_suffix(".json")
        manifest_path = DEFAULT_TEMPLATE / "manifest.json"
        # NAME.json beside the document is its style map, unless it is a report
        # dumped there (`cwgdraft dump -o NAME.json`): then the council names.
        if side.is_file() and not _is_report_file(_read_manifest(side)):
            manifest_path = side
    else:
        ref = path / "reference.docx"
    if not ref.is_file():
        raise TemplateError(f"{ref}: no reference Word document there")
    manifest = _read_manifest(manifest_path)
    styles = manifest.get("styles") if isinstance(manifest, dict) else None
    if not isinstance(styles, dict) or not all(isinstance(v, str) for v in styles.values()):
        raise TemplateError(f"{manifest_path}: 'styles' must map style roles to style names")
    unknown = sorted(set(styles) - set(STYLES))
    if unknown:
        raise TemplateError(f"{manifest_path}: unknown style role {unknown[0]!r}")
    styles = dict(styles)
    for role in STYLES:  # every fallback is a role that must be named
        if role not in styles and role in STYLE_FALLBACKS and STYLE_FALLBACKS[role] in styles:
            styles[role] = styles[STYLE_FALLBACKS[role]]
    missing = [s for s in STYLES if s not in styles]
    if missing:
        raise TemplateError(f"{manifest_path}: no style given for {missing[0]!r}")
    return Template(path, ref, styles, _environment(path if reference is None else DEFAULT_TEMPLATE))


def load_template(where: str | Path | None = None) -> Template:
    """A template by folder or by reference `.docx` (with `NAME.json` beside it
    as its manifest, else the default style names). None: the council template."""
    from cwgdraft.core.files import no_such_file

    if where is None:
        return _load_template(str(DEFAULT_TEMPLATE), None)
    path = Path(where)
    if path.is_dir():
        return _load_template(str(path.resolve()), None)
    if not path.exists():
        raise TemplateError(str(no_such_file(path)))
    if path.suffix.lower() == ".docx":
        return _load_template(str(DEFAULT_TEMPLATE), str(path.resolve()))
    if path.suffix.lower() in (".docm", ".dotm"):
        raise TemplateError(f"{path}: a macro-enabled Word document; save it as a Word Document (.docx)")
    raise TemplateError(f"{path}: a template is a folder or a .docx file")


# --- rendering ----------------------------------------------------------------


def render(report: Report, template: Template | None = None) -> Document:
    """The report as a `Document`, through the template."""
    template = template or load_template()
    report, notes = clean_report(report)
    if sync_needed(report):
        report = copy.deepcopy(report)
        sync_documents(report)
    writer = ContentWriter(report, template)
    sections = lay_out(report)
    for laid in sections:
        for p in laid.paragraphs:
            p.markup = writer.paragraph(p.paragraph)
    markup = _run_template(
        template,
        report=report,
        sections=sections,
        meeting_numbers=[m.number for m in report.meetings],
        chair=next((p for p in report.people if p.role.value == "chair"), None),
        content=writer.markup,
        standard=writer.standard_markup,
        heading=writer.heading,
    )
    document = parse_markup(markup)
    document.notes.extend(notes)
    return document


def paragraph_block(report: Report, laid: LaidParagraph, template: Template | None = None) -> Block:
    """One paragraph's block as `render` writes it (facts filled in, fields marked),
    for a view that writes a changed paragraph again without rendering the report."""
    writer = ContentWriter(report, template or load_template())
    markup = f"<block>{writer.paragraph(laid.paragraph)}</block>"
    text, spans, marks, notes = _text_of(_parse_xml(markup, "report.xml.j2"))
    if not text:
        return Block(laid.style, "[نص الفقرة]", laid.label, laid.paragraph.id, True)
    return Block(laid.style, text, laid.label, laid.paragraph.id, False, spans, marks, notes)


def sync_needed(report: Report) -> bool:
    """Whether the list of documents is out of step with the contributions."""
    from cwgdraft.core.documents import in_step

    return not in_step(report)


class ContentWriter:
    """Text with fields -> block markup, facts filled in; standard wordings from
    the template folder's `standard/NAME.xml.j2` snippets (cached per render)."""

    def __init__(self, report: Report, template: Template) -> None:
        self.report = report
        self.template = template
        self._standard: dict[tuple[str, str], Content] = {}
        self._fields: dict[Field, str] = {}  # a field's markup: a fact is written once per render

    def markup(self, value: str) -> Any:
        from markupsafe import Markup, escape

        if not isinstance(value, Content):
            return escape(value)
        return Markup("".join(self._inline_markup(item) for item in value.inlines))

    def _inline_markup(self, item: Inline) -> str:
        """`<m b="1" href="...">` around marked or linked text, `<fn>` around a
        footnote's own markup, `<f>` for a fact's text (written once per render)."""
        from markupsafe import escape

        if isinstance(item, Text):
            text = str(escape(item.text))
            if item.is_plain:
                return text
            attrs = "".join(f' {m}="1"' for m in MARKS if m in item.marks)
            if item.href:
                attrs += f' href="{escape(_finalize(item.href))}"'
            return f"<m{attrs}>{text}</m>"
        if isinstance(item, Footnote):
            return "<fn>" + "".join(self._inline_markup(i) for i in item.inlines) + "</fn>"
        written = self._fields.get(item)
        if written is None:
            written = self._fields[item] = self._field(item)
        return written

    def _field(self, item: Field) -> str:
        from markupsafe import escape

        attrs = f' name="{escape(item.name)}"'
        if item.ref:
            attrs += f' ref="{escape(item.ref)}"'
        pieces = facts.resolve_parts(self.report, item)
        if pieces is None:
            return f'<f{attrs} missing="1">{escape(item.token)}</f>'
        out = []
        for piece in pieces:
            hole = ' missing="1"' if piece.missing else ""
            # The report's text was cleaned before rendering (`clean_report`), so are the facts made
            # of it; a bidi embedding a fact leaves open is closed at the field's end.
            out.append(f"<f{attrs}{hole}>{escape(arabic.close_bidi(piece.text))}</f>")
        return "".join(out)

    def standard(self, name: str, ref: str = "") -> Content:
        key = (name, ref)
        if key not in self._standard:
            self._standard[key] = standard_content(self.report, name, ref, self.template)
        return self._standard[key]

    def standard_markup(self, name: str, ref: str = "") -> Any:
        return self.markup(self.standard(name, ref))

    def paragraph(self, paragraph: Paragraph) -> Any:
        if paragraph.follows_standard:
            return self.markup(self.standard(paragraph.standard, paragraph.ref))
        return self.markup(paragraph.text)

    def heading(self, section: Section) -> Any:
        if section.standard and not section.title:
            return self.markup(self.standard(section.standard))
        return self.markup(section.title)


def standard_content(report: Report, name: str, ref: str = "", template: Template | None = None) -> Content:
    """The template's standard wording `name` for this report, as text with fields.

    Snippets are Jinja (sandboxed like the report template) that write text and
    `<field name="..." ref="..." form="..."/>`. They see the number of meetings
    (`count`: the singular, the dual, the plural), `ref`, and for a list item
    the `contribution` it names (its fields); the facts themselves are fields,
    filled in when the report is rendered. What a snippet writes depends on
    nothing else, so it is kept: for the next render (`_SNIPPETS`), and for the
    next process in the cache folder, beside the compiled templates
    (`_kept_snippets`): the app shows a report's standard wording at start
    without loading Jinja, which it needs only for the preview, drawn later."""
    folder = template.folder if template is not None else DEFAULT_TEMPLATE
    contribution = facts.contribution_by_id(report, ref) if ref else None
    seen = tuple((f, getattr(contribution, f)) for f in field_names(type(contribution)) or ()) if contribution else ()
    key = (str(folder), name, _snippet_stamp(folder, name), ref, len(report.meetings), seen)
    found = _SNIPPETS.get(key)
    if found is None:
        kept = _kept_snippets()
        kept_key = json.dumps(key, ensure_ascii=False, default=str)
        data = kept.get(kept_key)
        if data is not None:
            try:
                value = content_from_data(data)
                found = value if isinstance(value, Content) else Content([Text(value)])
            except ValueError:
                found = None
        if found is None:
            count, facts_of = len(report.meetings), dict(seen) if contribution else None
            found = _standard_content(template or load_template(), name, ref, count, facts_of)
            _keep_snippet(kept_key, found)
        if len(_SNIPPETS) > MAX_KEPT_SNIPPETS:
            _SNIPPETS.clear()
        _SNIPPETS[key] = found
    return found


def _snippet_stamp(folder: Path, name: str) -> int:
    """When the snippet's file last changed (looked at once a second at most): an
    edited wording is read again."""
    key = (str(folder), name)
    now = time.monotonic()
    known = _STAMPS.get(key)
    if known is not None and now - known[0] < 1.0:
        return known[1]
    stamp = 0
    for where in (folder, DEFAULT_TEMPLATE):
        try:
            stamp = os.stat(os.path.join(where, "standard", f"{name}.xml.j2")).st_mtime_ns
            break
        except OSError:
            continue
    _STAMPS[key] = (now, stamp)
    return stamp


_STAMPS: dict[tuple[str, str], tuple[float, int]] = {}


# (template folder, name, file time, ref, count, contribution) -> the snippet's content.
_SNIPPETS: dict[tuple[Any, ...], Content] = {}
MAX_KEPT_SNIPPETS = 4096
MAX_SNIPPETS_ON_DISK = 1024
KEPT_SNIPPETS_FILE = "standard-wording.json"
# The same, as kept in the cache folder between processes: the key as JSON -> the content's data.
_KEPT: dict[str, Any] | None = None
_KEPT_CHANGED = False
_KEPT_LOCK = threading.Lock()


def _kept_snippets() -> dict[str, Any]:
    """The snippets kept in the cache folder (read once a process; nothing when
    there is no cache folder or the file is not one of ours)."""
    global _KEPT
    if _KEPT is None:
        kept: dict[str, Any] = {}
        folder = cache_folder()
        if folder is not None:
            try:
                data = json.loads((folder / KEPT_SNIPPETS_FILE).read_text(encoding="utf-8"))
                if isinstance(data, dict) and data.get("version") == 1 and isinstance(data.get("snippets"), dict):
                    kept = data["snippets"]
            except (OSError, ValueError, RecursionError):
                pass
        _KEPT = kept
    return _KEPT


def _keep_snippet(key: str, content: Content) -> None:
    """Kept for later processes: written once, as this one ends."""
    global _KEPT_CHANGED
    kept = _kept_snippets()
    with _KEPT_LOCK:
        if len(kept) >= MAX_SNIPPETS_ON_DISK:  # the older half goes: the file stays small to read
            for old in list(kept)[: len(kept) // 2]:
                del kept[old]
        kept[key] = content_to_data(content)
        if not _KEPT_CHANGED:
            _KEPT_CHANGED = True
            import atexit

            atexit.register(_write_kept_snippets)


def _write_kept_snippets() -> None:
    """The kept snippets to the cache folder, whole or not at all (a cache: a
    failure to write loses nothing but time)."""
    global _KEPT_CHANGED
    folder = cache_folder()
    with _KEPT_LOCK:
        if folder is None or _KEPT is None or not _KEPT_CHANGED:
            return
        text = json.dumps({"version": 1, "snippets": _KEPT}, ensure_ascii=False)
        _KEPT_CHANGED = False
    target = folder / KEPT_SNIPPETS_FILE
    temporary = folder / f".{KEPT_SNIPPETS_FILE}.{os.getpid()}"
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)


def _standard_content(template: Template, name: str, ref: str, count: int, contribution: dict[str, Any] | None) -> Content:
    from types import SimpleNamespace

    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateNotFound

    path = f"standard/{name}.xml.j2"
    try:
        text = template.env.get_template(path).render(
            count=count, ref=ref, contribution=SimpleNamespace(**contribution) if contribution is not None else None
        )
    except TemplateNotFound as exc:
        raise TemplateError(f"{template.folder}: no standard wording {name!r} ({path})") from exc
    except CwgError:
        raise
    except JinjaError as exc:
        line = getattr(exc, "lineno", None)
        raise TemplateError(f"{path}{f':{line}' if line else ''}: {exc}") from exc
    except (ArithmeticError, ValueError, TypeError, LookupError, AttributeError, RecursionError, MemoryError) as exc:
        raise TemplateError(f"{path}: {type(exc).__name__}: {exc}") from exc
    root = _parse_xml(f"<s>{text.strip()}</s>", path)
    items: list[Text | Field] = [Text(root.text or "")]
    for el in root:
        if el.tag != "field" or not el.get("name"):
            raise TemplateError(f"{path}: only <field name=...> may appear in standard wording, not <{el.tag}>")
        items.append(Field(el.get("name", ""), el.get("ref", ""), el.get("form", "")))
        items.append(Text(el.tail or ""))
    return Content(items)


STANDARD_NAMES = (
    "title",
    "subject",
    "summary",
    "introduction",
    "agenda",
    "documents_intro",
    "documents_group",
    "document_item",
    "outcomes_heading",
    "signature_title",
)


def _run_template(template: Template, **context: Any) -> str:
    """The markup `report.xml.j2` writes, within MAX_RENDER_SECONDS and
    MAX_MARKUP_CHARS; TemplateError naming the template file and line."""
    from jinja2 import TemplateError as JinjaError
    from jinja2.exceptions import SecurityError

    outer = getattr(_RENDERING, "deadline", None)
    _RENDERING.deadline = time.monotonic() + MAX_RENDER_SECONDS
    chunks: list[str] = []
    size = 0
    try:
        for chunk in template.env.get_template("report.xml.j2").generate(**context):
            size += len(chunk)
            if size > MAX_MARKUP_CHARS:
                raise SecurityError(f"the template wrote more than {MAX_MARKUP_CHARS} characters")
            _check_deadline()
            chunks.append(chunk)
    except CwgError:
        raise
    except SecurityError as exc:
        raise TemplateError(f"{_template_place(exc, template)}: not allowed in a template: {exc}") from exc
    except JinjaError as exc:
        raise TemplateError(f"{_template_place(exc, template)}: {exc}") from exc
    except (ArithmeticError, ValueError, TypeError, LookupError, AttributeError, RecursionError, MemoryError) as exc:
        raise TemplateError(f"{_template_place(exc, template)}: {type(exc).__name__}: {exc}") from exc
    finally:
        _RENDERING.deadline = outer
    return "".join(chunks)


def _template_place(exc: BaseException, template: Template) -> str:
    """`folder/file.j2:line` where a template failed (Jinja puts the template's
    own lines into the traceback), else the template's main file."""
    import traceback

    filename = getattr(exc, "filename", None)
    line = getattr(exc, "lineno", None)
    if not (filename and line):
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith(".j2"):
                filename, line = frame.filename, frame.lineno
                break
    if not filename:
        filename = str(template.folder / "report.xml.j2")
    return f"{filename}:{line}" if line else str(filename)


def _all_text(obj: Any) -> Iterator[str]:
    """Every string of a report, quickly (no paths): for the common case of nothing to clean."""
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, list):
        for value in obj:
            yield from _all_text(value)
    elif is_dataclass(obj):
        for name in field_names(type(obj)) or ():
            yield from _all_text(getattr(obj, name))


def _strings(obj: Any, path: str) -> Iterator[tuple[str, Any, Any, str]]:
    """(path, holder, key, text) for every string of a report (enums aside)."""
    if isinstance(obj, str):
        return
    if is_dataclass(obj):
        for name in field_names(type(obj)) or ():
            value = getattr(obj, name)
            if isinstance(value, str) and not isinstance(value, Enum):
                yield f"{path}.{name}", obj, name, value
            else:
                yield from _strings(value, f"{path}.{name}")
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            if isinstance(value, str) and not isinstance(value, Enum):
                yield f"{path}[{i}]", obj, i, value
            else:
                yield from _strings(value, f"{path}[{i}]")


def clean_report(report: Report) -> tuple[Report, list[str]]:
    """The report with text XML can carry (a copy, only when something changes),
    and one note per removed character: `report.title: removed U+0001 at character 5`."""
    if not any(arabic.needs_cleaning(text) for text in _all_text(report)):
        return report, []
    report = copy.deepcopy(report)
    notes: list[str] = []
    for path, holder, key, text in list(_strings(report, "report")):
        if isinstance(text, Content) and not text.is_plain:
            cleaned: str = Content(_cleaned_inlines(text.inlines, path, notes))
        else:
            cleaned, removed = arabic.clean_text(text)
            notes.extend(f"{path}: removed {r.describe()}" for r in removed)
        if isinstance(holder, list):
            holder[key] = cleaned
        else:
            setattr(holder, key, cleaned)
    return report, notes


def _cleaned_inlines(items: tuple[Inline, ...], path: str, notes: list[str]) -> list[Inline]:
    out: list[Inline] = []
    for item in items:
        if isinstance(item, Text):
            clean, removed = arabic.clean_text(item.text)
            notes.extend(f"{path}: removed {r.describe()}" for r in removed)
            out.append(item.with_text(clean))
        elif isinstance(item, Footnote):
            out.append(Footnote(_cleaned_inlines(item.inlines, path, notes)))  # type: ignore[arg-type]
        else:
            out.append(item)
    return out


def parse_markup(markup: str) -> Document:
    """Parse the template's XML markup into a `Document`."""
    root = _parse_xml(markup, "report.xml.j2")
    doc = Document(language=root.get("lang", "ar"), title=root.get("title", ""))
    for el in root:
        tag = el.tag
        text, spans, marks, notes = _text_of(el)
        if tag == "block":
            style = el.get("style", "")
            if style not in STYLES:
                raise TemplateError(f"report.xml.j2: unknown block style {style!r}")
            doc.blocks.append(
                Block(style, text, el.get("label", ""), el.get("source", ""), el.get("placeholder") == "1", spans,
                      marks, notes)
            )
        elif tag == "header":
            target = doc.header_start if el.get("side", "start") == "start" else doc.header_end
            for line in el:
                line_text, line_spans, line_marks, _notes = _text_of(line)
                target.append(
                    Block("header", line_text, "", line.get("source", ""), line.get("placeholder") == "1", line_spans,
                          line_marks)
                )
        elif tag == "running-header":
            doc.running_header = text
        elif tag == "footer":
            doc.footer = text
        else:
            raise TemplateError(f"report.xml.j2: unknown element <{tag}>")
    return doc


def _parse_xml(markup: str, where: str) -> Any:
    """The markup a template wrote, as elements (comments and processing
    instructions left out). The standard library's parser, not lxml: an export
    that needs nothing else of lxml does not load it. A template writes no
    document type, so no entity is ever declared (nor expanded)."""
    from xml.etree.ElementTree import ParseError, XMLParser

    if "<!DOCTYPE" in markup or "<!ENTITY" in markup:
        raise TemplateError(f"{where}: a document type or entity declaration is not allowed in a template's markup")
    parser = XMLParser()
    try:
        parser.feed(markup)
        return parser.close()
    except ParseError as exc:
        raise TemplateError(f"{where}: the markup written is not well formed ({exc})") from exc


def _text_of(el: Any) -> tuple[str, tuple[FieldSpan, ...], tuple[MarkSpan, ...], tuple[Note, ...]]:
    """A block's text, where its fields and marks stand in it, and its footnotes.
    `<br/>` is a line break, `<f name=... ref=... missing="1">` a field's text,
    `<m b="1" i="1" u="1" href=...>` marked or linked text, `<fn>` a footnote."""
    parts: list[str] = []
    spans: list[FieldSpan] = []
    marks: list[MarkSpan] = []
    notes: list[Note] = []

    def walk(node: Any, at: int, marked: frozenset[str], href: str) -> int:
        def add(text: str, at: int) -> int:
            if text:
                parts.append(text)
                if marked or href:
                    marks.append(MarkSpan(at, at + len(text), marked, href))
            return at + len(text)

        at = add(node.text or "", at)
        for child in node:
            if child.tag == "br":
                at = add("\n", at)
            elif child.tag == "f":
                shown = child.text or ""
                spans.append(FieldSpan(at, at + len(shown), child.get("name", ""), child.get("ref", ""),
                                       child.get("missing") == "1"))
                at = add(shown, at)
            elif child.tag == "m":
                inner = marked | {m for m in MARKS if child.get(m) == "1"}
                at = walk(child, at, frozenset(inner), child.get("href", href))
            elif child.tag == "fn" and node is el:
                text, fields, note_marks, _inner = _text_of(child)
                notes.append(Note(at, text, fields, note_marks))
            at = add(child.tail or "", at)
        return at

    walk(el, 0, frozenset(), "")
    return "".join(parts), tuple(spans), _merged(marks), tuple(notes)


def _merged(marks: list[MarkSpan]) -> tuple[MarkSpan, ...]:
    """Adjacent spans of the same marks and link as one."""
    out: list[MarkSpan] = []
    for span in marks:
        if out and out[-1].end == span.start and out[-1].marks == span.marks and out[-1].href == span.href:
            out[-1] = MarkSpan(out[-1].start, span.end, span.marks, span.href)
        else:
            out.append(span)
    return tuple(out)
