"""Report -> Document, through the Jinja templates of a template folder.

The template (`report.xml.j2`) decides wording and order and writes a small
XML markup; autoescape keeps user text from becoming markup, and the sandbox
keeps user-edited templates from reaching Python. The markup is parsed with
entity resolution off into the `Document` that every writer reads.
"""

from __future__ import annotations

import copy
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, is_dataclass
from enum import Enum
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from cwgdraft.core import arabic, facts
from cwgdraft.core.content import Content, Field, Text, inlines_of
from cwgdraft.core.documents import sync_documents
from cwgdraft.core.errors import TemplateError
from cwgdraft.core.model import Numbering, Paragraph, ParagraphKind, Report, Section
from cwgdraft.formats.docmodel import STYLES, Block, Document, FieldSpan

TEMPLATES_DIR = Path(__file__).resolve().parent.parent.parent / "templates"
DEFAULT_TEMPLATE = TEMPLATES_DIR / "council-ar"
# Where compiled templates are kept; empty: nowhere (default: the user's cache folder).
TEMPLATE_CACHE_ENV = "CWGDRAFT_TEMPLATE_CACHE"


# --- numbers and letters ------------------------------------------------------


@dataclass
class LaidParagraph:
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


@dataclass
class LaidSection:
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


def _environment(folder: Path) -> Any:
    # Jinja is imported here, not at module level: `cwgdraft list` never needs it.
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader([str(folder), str(DEFAULT_TEMPLATE)]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        undefined=StrictUndefined,
        finalize=_finalize,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters.update(
        date=lambda d, nbsp=True: arabic.format_date(d, nbsp) if d else "",
        date_range=lambda s, e=None, nbsp=True: arabic.format_date_range(s, e, nbsp) if s else "",
        ordinal=arabic.ordinal,
        language=arabic.language_phrase,
        and_join=arabic.join_and,
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


def _bytecode_cache() -> Any:
    """The compiled templates, kept in `cache_folder()`: a process then skips
    compiling `report.xml.j2`. Jinja keys an entry by the template's path and
    checks its source's checksum, so an edited template compiles again. None
    (no cache) where that folder cannot be written."""
    from jinja2 import FileSystemBytecodeCache

    folder = cache_folder()
    return FileSystemBytecodeCache(str(folder)) if folder is not None else None


def _finalize(value: Any) -> Any:
    # Last line of defence: whatever reaches the markup must be XML-safe.
    if isinstance(value, str) and arabic.needs_cleaning(value):
        return arabic.clean_text(value)[0]
    return value


@dataclass
class Template:
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


@lru_cache(maxsize=8)
def _load_template(folder: str, reference: str | None) -> Template:
    path = Path(folder)
    manifest_path = path / "manifest.json"
    if reference is not None:
        ref = Path(reference)
        side = ref.with_suffix(".json")
        manifest_path = side if side.exists() else DEFAULT_TEMPLATE / "manifest.json"
    else:
        ref = path / "reference.docx"
    if not ref.is_file():
        raise TemplateError(f"{ref}: no reference Word document there")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TemplateError(f"{manifest_path}: cannot read the template manifest ({exc})") from exc
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
    if where is None:
        return _load_template(str(DEFAULT_TEMPLATE), None)
    path = Path(where)
    if path.is_dir():
        return _load_template(str(path.resolve()), None)
    if path.suffix.lower() == ".docx":
        if not path.is_file():
            raise TemplateError(f"{path}: no such Word document")
        return _load_template(str(DEFAULT_TEMPLATE), str(path.resolve()))
    raise TemplateError(f"{path}: a template is a folder or a .docx file")


# --- rendering ----------------------------------------------------------------


def render(report: Report, template: Template | None = None) -> Document:
    """The report as a `Document`, through the template."""
    from jinja2 import TemplateError as JinjaError
    from jinja2.exceptions import SecurityError

    template = template or load_template()
    report, notes = clean_report(report)
    if sync_needed(report):
        report = copy.deepcopy(report)
        sync_documents(report)
    try:
        writer = ContentWriter(report, template)
        sections = lay_out(report)
        for laid in sections:
            for p in laid.paragraphs:
                p.markup = writer.paragraph(p.paragraph)
        markup = template.env.get_template("report.xml.j2").render(
            report=report,
            sections=sections,
            meeting_numbers=[m.number for m in report.meetings],
            chair=next((p for p in report.people if p.role.value == "chair"), None),
            content=writer.markup,
            standard=writer.standard_markup,
            heading=writer.heading,
        )
    except SecurityError as exc:
        raise TemplateError(f"{template.folder}/report.xml.j2: not allowed in a template: {exc}") from exc
    except JinjaError as exc:
        where = f"{getattr(exc, 'filename', None) or 'report.xml.j2'}"
        line = getattr(exc, "lineno", None)
        raise TemplateError(f"{where}{f':{line}' if line else ''}: {exc}") from exc
    document = parse_markup(markup)
    document.notes.extend(notes)
    return document


def sync_needed(report: Report) -> bool:
    """Whether the list of documents is out of step with the contributions."""
    probe = copy.deepcopy(report)
    return sync_documents(probe)


class ContentWriter:
    """Text with fields -> block markup, facts filled in; standard wordings from
    the template folder's `standard/NAME.xml.j2` snippets (cached per render)."""

    def __init__(self, report: Report, template: Template) -> None:
        self.report = report
        self.template = template
        self._standard: dict[tuple[str, str], Content] = {}

    def markup(self, value: str) -> Any:
        from markupsafe import Markup, escape

        parts: list[str] = []
        for item in inlines_of(value):
            if isinstance(item, Text):
                parts.append(str(escape(item.text)))
                continue
            attrs = f' name="{escape(item.name)}"'
            if item.ref:
                attrs += f' ref="{escape(item.ref)}"'
            pieces = facts.resolve_parts(self.report, item)
            if pieces is None:
                parts.append(f'<f{attrs} missing="1">{escape(item.token)}</f>')
                continue
            for piece in pieces:
                hole = ' missing="1"' if piece.missing else ""
                parts.append(f"<f{attrs}{hole}>{escape(_finalize(piece.text))}</f>")
        return Markup("".join(parts))

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
    `<field name="..." ref="..." form="..."/>`; they see the report, the number
    of meetings (`count`), `ref`, and the contribution `ref` names."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateNotFound
    from lxml import etree

    template = template or load_template()
    path = f"standard/{name}.xml.j2"
    contribution = facts.contribution_by_id(report, ref) if ref else None
    try:
        text = template.env.get_template(path).render(
            report=report, count=len(report.meetings), ref=ref, contribution=contribution
        )
    except TemplateNotFound as exc:
        raise TemplateError(f"{template.folder}: no standard wording {name!r} ({path})") from exc
    except JinjaError as exc:
        line = getattr(exc, "lineno", None)
        raise TemplateError(f"{path}{f':{line}' if line else ''}: {exc}") from exc
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    try:
        root = etree.fromstring(f"<s>{text.strip()}</s>".encode(), parser)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(f"{path}: not well formed ({exc})") from exc
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


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _all_text(obj: Any) -> Iterator[str]:
    """Every string of a report, quickly (no paths): for the common case of nothing to clean."""
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, list):
        for value in obj:
            yield from _all_text(value)
    elif is_dataclass(obj):
        for name in _field_names(type(obj)):
            yield from _all_text(getattr(obj, name))


def _strings(obj: Any, path: str) -> Iterator[tuple[str, Any, Any, str]]:
    """(path, holder, key, text) for every string of a report (enums aside)."""
    if isinstance(obj, str):
        return
    if is_dataclass(obj):
        for name in _field_names(type(obj)):
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
        if isinstance(text, Content) and text.has_fields:
            items: list[Text | Field] = []
            for item in text.inlines:
                if isinstance(item, Text):
                    clean, removed = arabic.clean_text(item.text)
                    notes.extend(f"{path}: removed {r.describe()}" for r in removed)
                    items.append(Text(clean))
                else:
                    items.append(item)
            cleaned: str = Content(items)
        else:
            cleaned, removed = arabic.clean_text(text)
            notes.extend(f"{path}: removed {r.describe()}" for r in removed)
        if isinstance(holder, list):
            holder[key] = cleaned
        else:
            setattr(holder, key, cleaned)
    return report, notes


def parse_markup(markup: str) -> Document:
    """Parse the template's XML markup into a `Document`."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)
    try:
        root = etree.fromstring(markup.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(f"report.xml.j2 produced markup that is not well formed: {exc}") from exc
    doc = Document(language=root.get("lang", "ar"), title=root.get("title", ""))
    for el in root:
        tag = el.tag
        text, spans = _text_of(el)
        if tag == "block":
            style = el.get("style", "")
            if style not in STYLES:
                raise TemplateError(f"report.xml.j2: unknown block style {style!r}")
            doc.blocks.append(
                Block(style, text, el.get("label", ""), el.get("source", ""), el.get("placeholder") == "1", spans)
            )
        elif tag == "header":
            target = doc.header_start if el.get("side", "start") == "start" else doc.header_end
            for line in el:
                line_text, line_spans = _text_of(line)
                target.append(
                    Block("header", line_text, "", line.get("source", ""), line.get("placeholder") == "1", line_spans)
                )
        elif tag == "running-header":
            doc.running_header = text
        elif tag == "footer":
            doc.footer = text
        else:
            raise TemplateError(f"report.xml.j2: unknown element <{tag}>")
    return doc


def _text_of(el: Any) -> tuple[str, tuple[FieldSpan, ...]]:
    """A block's text and where its fields stand in it. `<br/>` is a line
    break, `<f name=... ref=... missing="1">` a field's text."""
    parts = [el.text or ""]
    spans: list[FieldSpan] = []
    at = len(parts[0])
    for child in el:
        if child.tag == "br":
            parts.append("\n")
            at += 1
        elif child.tag == "f":
            shown = child.text or ""
            spans.append(FieldSpan(at, at + len(shown), child.get("name", ""), child.get("ref", ""),
                                   child.get("missing") == "1"))
            parts.append(shown)
            at += len(shown)
        tail = child.tail or ""
        parts.append(tail)
        at += len(tail)
    return "".join(parts), tuple(spans)
