"""Document -> .docx, over the template's reference Word document.

The reference package is read once per process (zipfile + lxml on its few
small parts); an export then splices the report's XML text, built by
`oxml`, into the serialised parts and zips them. Nothing of the report is
parsed again or moved node by node, so the cost grows linearly with its
length. python-docx only completes a reference document that lacks a part
the report needs (a first-page header or footer, the core properties), once.
"""

from __future__ import annotations

import io
import os
import posixpath
import zipfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from cwgdraft.core.errors import TemplateError
from cwgdraft.formats import oxml
from cwgdraft.formats.docmodel import Block, Document, MarkSpan
from cwgdraft.formats.oxml import ParagraphSpec
from cwgdraft.formats.render import Template, load_template

W = f"{{{oxml.W_NS}}}"
R = f"{{{oxml.R_NS}}}"
PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
DC = "{http://purl.org/dc/elements/1.1/}"
# Where the report's XML goes in a serialised part: a processing instruction
# no reference document carries, replaced as text.
MARK = "cwgdraft-content"
MARK_XML = f"<?{MARK} ?>"  # as lxml writes it
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


class _Rich(NamedTuple):
    """What links and footnotes of an export need: relationship ids by address
    (one table for the main document, one for the footnotes part), the
    reference's styles, and the footnotes as XML, numbered in text order."""

    links: dict[str, str]
    note_links: dict[str, str]
    styles: oxml.RichStyles
    notes: list[str]


def _marks(spans: tuple[MarkSpan, ...], links: dict[str, str]) -> tuple[tuple[int, int, frozenset[str], str], ...]:
    return tuple((m.start, m.end, m.marks, links.get(m.href, "") if m.href else "") for m in spans)


def _spec(block: Block, ids: dict[str, str], index: int, rich: _Rich | None = None) -> ParagraphSpec:
    # Paragraph and section ids travel through Word as bookmarks, so a
    # reviewer's edited copy imports back onto the same paragraphs.
    name = oxml.id_bookmark_name(block.source) if block.source else None
    bookmark = (index, name) if name else None
    notes: tuple[tuple[int, int], ...] = ()
    if rich is not None and block.notes:
        first = len(rich.notes) + 1
        notes = tuple((note.at, first + i) for i, note in enumerate(block.notes))
        for i, note in enumerate(block.notes):
            body = oxml.rich_runs(
                note.text,
                holes=tuple((f.start, f.end) for f in note.fields if f.missing),
                marks=_marks(note.marks, rich.note_links),
                styles=rich.styles,
            )
            rich.notes.append(oxml.footnote(first + i, body, rich.styles))
    return ParagraphSpec(
        ids[block.style], block.text, block.label, block.placeholder, bookmark=bookmark, holes=_holes(block),
        keep_next=is_lead_in(block), marks=_marks(block.marks, rich.links if rich else {}), notes=notes,
        styles=rich.styles if rich else oxml.DIRECT_FORMATTING,
    )


def _holes(block: Block) -> tuple[tuple[int, int], ...]:
    return tuple((f.start, f.end) for f in block.fields if f.missing)


def is_lead_in(block: Block) -> bool:
    """A paragraph that ends with a colon introduces what follows (`عُرضت الوثائق التالية:`):
    it stays on the page of the next paragraph."""
    return block.text.rstrip().endswith((":", "\uff1a"))


# --- the reference package, read once -------------------------------------------


class _Entry(NamedTuple):
    """A part of the package as zipped: name, time stamp, file attributes, content."""

    name: str
    date_time: tuple[int, int, int, int, int, int]
    external_attr: int
    data: bytes


class _Reference(NamedTuple):
    """What an export needs of a reference document, ready to splice into."""

    entries: list[_Entry]
    style_ids: dict[str, str]  # style name (as Word shows it) -> style id
    document: str  # part name of the main document
    document_xml: tuple[str, str]  # serialised main part, before and after the body's content
    first_header: str
    first_header_xml: tuple[str, str]
    header_style: str | None  # the first paragraph style of the running header and of the footer
    running_header: str
    running_header_xml: tuple[str, str]
    footer_style: str | None
    footer: str
    footer_xml: tuple[str, str]
    first_header_has_table: bool  # else the table goes first, then an empty paragraph
    core: str
    core_xml: tuple[str, str]  # core properties, without title and language
    notes: tuple[str, ...] = ()  # what was left out of the reference (external links), for the user


def _serialise(root: Any) -> tuple[str, str]:
    from lxml import etree

    text = DECLARATION + etree.tostring(root, encoding="unicode")
    before, found, after = text.partition(MARK_XML)
    assert found, "the mark is in the part"
    return before, after


def _parse(data: bytes, name: str, where: Path) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(f"{where}: {name} is not well-formed XML ({exc})") from exc


def _relationships(parts: dict[str, bytes], source: str, where: Path) -> dict[str, tuple[str, str]]:
    """Id -> (type, part name) of the relationships of `source` ('' for the package)."""
    folder, base = posixpath.split(source)
    rels_name = posixpath.join(folder, "_rels", base + ".rels") if source else "_rels/.rels"
    if rels_name not in parts:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for rel in _parse(parts[rels_name], rels_name, where):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id", "")] = (rel.get("Type", ""), name)
    return out


def _set_child_in_order(sect_pr: Any, name: str) -> Any:
    """`w:NAME` in the section properties, added in schema order when missing."""
    existing = sect_pr.find(W + name)
    if existing is not None:
        return existing
    child = sect_pr.makeelement(W + name, {})
    later = oxml.SECTPR_ORDER[oxml.SECTPR_ORDER.index(name) + 1 :]
    for sibling in sect_pr:
        if isinstance(sibling.tag, str) and sibling.tag.startswith(W) and sibling.tag[len(W) :] in later:
            sibling.addprevious(child)
            return child
    sect_pr.append(child)
    return child


def _first_paragraph_style(container: Any) -> str | None:
    for p in container.iter(W + "p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None:
            return style.get(W + "val")
    return None


def _mark() -> Any:
    from lxml import etree

    return etree.ProcessingInstruction(MARK)


def _replace_children(container: Any, keep_last: str | None = None) -> None:
    """Every child of `container` (but its last `keep_last`) makes way for the mark."""
    kept = container.find(W + keep_last) if keep_last else None
    for child in list(container):
        if child is not kept:
            container.remove(child)
    if kept is not None:
        kept.addprevious(_mark())
    else:
        container.append(_mark())


def _complete_with_python_docx(path: Path) -> list[_Entry]:
    """The reference with a first-page header and footer, a running header and
    core properties: python-docx adds what a reference document lacks."""
    import docx

    doc = docx.Document(str(path))
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    for part in (section.first_page_header, section.header, section.first_page_footer):
        part._element  # noqa: B018 - the property adds the part when it is missing
    doc.core_properties.title = doc.core_properties.title or ""
    buffer = io.BytesIO()
    doc.save(buffer)
    return _read_entries(buffer)


def _read_entries(source: Any) -> list[_Entry]:
    """The parts of a reference document: read within the limits of any untrusted
    package (parts, sizes, compression ratios) when it is a file."""
    if isinstance(source, (str, Path)):
        from cwgdraft.core.errors import BadInput
        from cwgdraft.core.safe_zip import open_archive

        try:
            archive = open_archive(Path(source), "a Word document")
        except BadInput as exc:
            raise TemplateError(str(exc)) from exc
    else:
        archive = zipfile.ZipFile(source)
    with archive:
        return [
            _Entry(info.filename, info.date_time, info.external_attr, archive.read(info))
            for info in archive.infolist()
            if not info.is_dir()
        ]


HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
MACRO_ENABLED = b"macroEnabled"


def _without_external_links(entries: list[_Entry], where: Path) -> tuple[list[_Entry], list[str]]:
    """The parts with their external relationships other than hyperlinks left out
    (an attached template on a server, a linked image: Word would fetch them when
    the export is opened), and what refers to them; a note for each."""
    from lxml import etree

    parts = {e.name: e for e in entries}
    notes: list[str] = []
    changed: dict[str, bytes] = {}
    for entry in entries:
        if not entry.name.endswith(".rels"):
            continue
        root = _parse(entry.data, entry.name, where)
        dropped = []
        for rel in list(root):
            if rel.get("TargetMode") == "External" and rel.get("Type") != HYPERLINK:
                root.remove(rel)
                dropped.append(rel.get("Id", ""))
                kind = rel.get("Type", "").rsplit("/", 1)[-1]
                notes.append(f"{where}: left out its external link to {rel.get('Target', '')} ({kind}), which Word would fetch")
        if not dropped:
            continue
        changed[entry.name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        folder = posixpath.dirname(posixpath.dirname(entry.name))
        source = posixpath.join(folder, posixpath.basename(entry.name)[: -len(".rels")])
        if source in parts:
            part = _parse(changed.get(source, parts[source].data), source, where)
            for el in list(part.iter()):
                if any(v in dropped for k, v in el.attrib.items() if k.startswith(R)):
                    parent = el.getparent()
                    if parent is not None:
                        parent.remove(el)
            changed[source] = etree.tostring(part, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = [e._replace(data=changed[e.name]) if e.name in changed else e for e in entries]
    return out, notes


def _with_prefixes(root: Any, where: Path) -> Any:
    """`root`, declaring `w:` and `r:` as the report's XML writes them (a copy when it did not)."""
    from lxml import etree

    wanted = {"w": oxml.W_NS, "r": oxml.R_NS}
    if all(root.nsmap.get(prefix) == uri for prefix, uri in wanted.items()):
        return root
    if any(root.nsmap.get(prefix) not in (None, uri) for prefix, uri in wanted.items()):
        raise TemplateError(f"{where}: the prefixes w: and r: name other namespaces than WordprocessingML's")
    copy = etree.Element(root.tag, root.attrib, nsmap={**root.nsmap, **wanted})
    copy.text = root.text
    copy.extend(list(root))
    return copy


class _Incomplete(Exception):
    """The reference document lacks a part the export fills."""


def _analyse(entries: list[_Entry], where: Path) -> _Reference:
    entries, notes = _without_external_links(entries, where)
    parts = {e.name: e.data for e in entries}
    if MACRO_ENABLED in parts.get("[Content_Types].xml", b""):
        raise TemplateError(f"{where}: a macro-enabled Word document; save it as a Word Document (.docx)")
    document = next(
        (name for kind, name in _relationships(parts, "", where).values() if kind == OFFICE_DOCUMENT), "word/document.xml"
    )
    if document not in parts:
        raise TemplateError(f"{where}: not a Word document (no {document})")
    rels = _relationships(parts, document, where)
    root = _with_prefixes(_parse(parts[document], document, where), where)
    body = root.find(W + "body")
    sect_pr = body.find(W + "sectPr") if body is not None else None
    if sect_pr is None:
        raise TemplateError(f"{where}: the Word document has no section properties (page size, margins) in its body")
    if not any(kind.endswith("/styles") for kind, _name in rels.values()):
        raise TemplateError(f"{where}: the Word document has no styles")

    def referenced(kind: str, which: str) -> str:
        for ref in sect_pr.findall(f"{W}{kind}Reference"):
            if ref.get(W + "type", "default") == which:
                name = rels.get(ref.get(R + "id", ""), ("", ""))[1]
                if name in parts:
                    return name
        raise _Incomplete

    first_header = referenced("header", "first")
    running_header = referenced("header", "default")
    footer = referenced("footer", "first")
    core = next((name for name in parts if name.lower() == "docprops/core.xml"), None)
    if core is None or len({first_header, running_header, footer}) < 3:
        raise _Incomplete

    # Header references before footer references (python-docx appends what it adds).
    references = sect_pr.findall(W + "headerReference") + sect_pr.findall(W + "footerReference")
    for ref in reversed(references):
        sect_pr.insert(0, ref)
    _set_child_in_order(sect_pr, "titlePg").attrib.pop(W + "val", None)
    _set_child_in_order(sect_pr, "bidi").attrib.pop(W + "val", None)
    _replace_children(body, keep_last="sectPr")

    # First page: the header block, in the reference's table if it has one.
    first = _with_prefixes(_parse(parts[first_header], first_header, where), where)
    table = first.find(W + "tbl")
    first_with_table = table is not None
    if first_with_table:
        table.addprevious(_mark())
        first.remove(table)
    else:
        _replace_children(first)
    running = _with_prefixes(_parse(parts[running_header], running_header, where), where)
    header_style = _first_paragraph_style(running)
    _replace_children(running)
    foot = _with_prefixes(_parse(parts[footer], footer, where), where)
    footer_style = _first_paragraph_style(foot)
    _replace_children(foot)

    core_root = _parse(parts[core], core, where)
    for name in ("title", "language"):
        for old in core_root.findall(DC + name):
            core_root.remove(old)
    core_root.append(_mark())

    style_ids: dict[str, str] = {}
    styles = next((name for kind, name in rels.values() if kind.endswith("/styles")), None)
    if styles in parts:
        for style in _parse(parts[styles], styles, where).iter(W + "style"):
            name = style.find(W + "name")
            if name is not None and name.get(W + "val") is not None:
                style_ids[_ui_style_name(name.get(W + "val"))] = style.get(W + "styleId", "")
    return _Reference(
        entries,
        style_ids,
        document,
        _serialise(root),
        first_header,
        _serialise(first),
        header_style,
        running_header,
        _serialise(running),
        footer_style,
        footer,
        _serialise(foot),
        first_with_table,
        core,
        _serialise(core_root),
        tuple(notes),
    )


# python-docx names a few built-in styles as Word shows them ('heading 1' -> 'Heading 1').
_UI_NAMES = {"caption": "Caption", "footer": "Footer", "header": "Header"} | {
    f"heading {n}": f"Heading {n}" for n in range(1, 10)
}


def _ui_style_name(name: str) -> str:
    return _UI_NAMES.get(name, name)


# The layout of a `_Reference` kept on disk; a change of the layout changes it.
REFERENCE_CACHE_VERSION = 2


def _cache_file(path: str, mtime_ns: int, size: int) -> Path | None:
    """Where the analysed reference document is kept between processes (None: nowhere)."""
    import hashlib

    from cwgdraft.formats.render import cache_folder

    folder = cache_folder()
    if folder is None:
        return None
    key = f"{REFERENCE_CACHE_VERSION}|{path}|{mtime_ns}|{size}".encode()
    return folder / f"reference-{hashlib.sha1(key).hexdigest()}.marshal"


def _loaded(cache: Path) -> _Reference | None:
    """The reference kept in `cache` (marshal: data only, nothing in it runs), or None."""
    import marshal

    try:
        data = marshal.loads(cache.read_bytes())
        if not isinstance(data, tuple) or len(data) != len(_Reference._fields):
            return None
        entries = [_Entry(name, tuple(when), attr, content) for name, when, attr, content in data[0]]
        return _Reference(entries, *data[1:])
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _keep(cache: Path, ref: _Reference) -> None:
    import marshal

    data = marshal.dumps(([tuple(e) for e in ref.entries], *ref[1:]))
    tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, cache)
    except OSError:
        tmp.unlink(missing_ok=True)
        return
    from cwgdraft.formats.render import prune_cache

    prune_cache(cache.parent)  # each edit of a reference document adds a file: the oldest go


@lru_cache(maxsize=8)
def _reference(path: str, mtime_ns: int, size: int) -> _Reference:
    """The reference document analysed; kept on disk, so that a process reads it
    in one go rather than parsing its parts (keyed by path, time and size)."""
    cache = _cache_file(path, mtime_ns, size)
    if cache is not None and cache.exists():
        kept = _loaded(cache)
        if kept is not None:
            return kept
    ref = _analysed(path)
    if cache is not None:
        _keep(cache, ref)
    return ref


def _analysed(path: str) -> _Reference:
    where = Path(path)
    try:
        entries = _read_entries(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise TemplateError(f"{where}: not a Word document ({exc})") from exc
    try:
        return _analyse(entries, where)
    except _Incomplete:
        pass
    try:
        return _analyse(_complete_with_python_docx(where), where)
    except _Incomplete as exc:
        raise TemplateError(
            f"{where}: the reference document needs a section with a first-page header and footer "
            "and a header of its own for later pages"
        ) from exc


def _load_reference(template: Template) -> _Reference:
    path = Path(template.reference)
    try:
        stat = path.stat()
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read the reference Word document ({exc.strerror})") from exc
    return _reference(str(path), stat.st_mtime_ns, stat.st_size)


def _style_ids(reference: _Reference, template: Template) -> dict[str, str]:
    ids: dict[str, str] = {}
    for role, name in template.styles.items():
        if name not in reference.style_ids:
            raise TemplateError(f"{template.reference}: no style named {name!r} (for {role})")
        ids[role] = reference.style_ids[name]
    return ids


# --- the export -------------------------------------------------------------------


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Paragraphs written to the zip stream at a time: the working set stays
# small, so the cost per paragraph does not grow with the report.
CHUNK = 256


def _body_chunks(document: Document, ids: dict[str, str], rich: _Rich | None = None) -> Iterator[bytes]:
    blocks = document.blocks
    for first in range(0, len(blocks), CHUNK):
        chunk = blocks[first : first + CHUNK]
        yield "".join(oxml.paragraph(_spec(b, ids, i, rich)) for i, b in enumerate(chunk, start=first + 1)).encode(
            "utf-8"
        )


def _parts(document: Document, ref: _Reference, ids: dict[str, str]) -> dict[str, bytes]:
    """The parts the report fills, by part name (the main document's body apart)."""

    def line(b: Block) -> ParagraphSpec:
        return ParagraphSpec(ids["header"], b.text, "", b.placeholder, holes=_holes(b), marks=_marks(b.marks, {}))

    start = [line(b) for b in document.header_start]
    end = [line(b) for b in document.header_end]
    table = oxml.header_table(start, end)
    if not ref.first_header_has_table:
        table += f"<w:p>{oxml.ppr(style=ids['header'])}</w:p>"

    def spliced(halves: tuple[str, str], xml: str) -> bytes:
        return (halves[0] + xml + halves[1]).encode("utf-8")

    running = oxml.running_header_paragraph(ref.header_style or ids["header"], document.running_header)
    footer = oxml.paragraph(ParagraphSpec(ref.footer_style or ids["header"], document.footer))
    dc = f'xmlns:dc="{DC[1:-1]}"'
    core = (
        f"<dc:title {dc}>{_escape(document.title[:255])}</dc:title>"
        f"<dc:language {dc}>{_escape(document.language)}</dc:language>"
    )
    return {
        ref.first_header: spliced(ref.first_header_xml, table),
        ref.running_header: spliced(ref.running_header_xml, running),
        ref.footer: spliced(ref.footer_xml, footer),
        ref.core: spliced(ref.core_xml, core),
    }


def to_bytes(document: Document, template: Template | None = None, properties: dict[str, str] | None = None) -> bytes:
    """The .docx of `document`; `properties`: custom document properties it carries
    (the id of the round an export is recorded as)."""
    template = template or load_template()
    ref = _load_reference(template)
    document.notes.extend(n for n in ref.notes if n not in document.notes)
    ids = _style_ids(ref, template)
    filled = _parts(document, ref, ids)
    rich = _rich(document, ref)
    if rich is not None:
        # The body is written first: it numbers the footnotes the footnotes part then holds.
        body = b"".join(_body_chunks(document, ids, rich))
        filled.update(_rich_parts(ref, rich))
    if properties:
        now = {e.name: e.data for e in ref.entries} | filled
        filled.update(oxml.with_custom_properties(now, properties))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in ref.entries:
            info = zipfile.ZipInfo(entry.name, entry.date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = entry.external_attr
            if entry.name == ref.document:
                with archive.open(info, "w") as part:
                    part.write(ref.document_xml[0].encode("utf-8"))
                    for chunk in [body] if rich is not None else _body_chunks(document, ids):
                        part.write(chunk)
                    part.write(ref.document_xml[1].encode("utf-8"))
            else:
                archive.writestr(info, filled.pop(entry.name, entry.data))
        known = {e.name for e in ref.entries}
        for name, data in filled.items():
            if name not in known:  # parts the reference lacks: footnotes, their links, custom properties
                info = zipfile.ZipInfo(name, ref.entries[0].date_time)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
    return buffer.getvalue()


# --- links and footnotes -------------------------------------------------------------

FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


def _rich(document: Document, ref: _Reference) -> _Rich | None:
    """What the document's links and footnotes need, or None when it has none (the plain, fast path)."""
    links: dict[str, str] = {}
    note_links: dict[str, str] = {}
    any_note = False
    for block in document.blocks:
        for span in block.marks:
            if span.href:
                links.setdefault(span.href, f"rIdCwgLink{len(links) + 1}")
        for note in block.notes:
            any_note = True
            for span in note.marks:
                if span.href:
                    note_links.setdefault(span.href, f"rIdCwgLink{len(note_links) + 1}")
    if not links and not any_note:
        return None

    def style(*names: str) -> str | None:
        return next((ref.style_ids[n] for n in names if n in ref.style_ids), None)

    styles = oxml.RichStyles(
        hyperlink=style("Hyperlink", "hyperlink"),
        footnote_reference=style("footnote reference", "Footnote Reference"),
        footnote_text=style("footnote text", "Footnote Text"),
    )
    return _Rich(links, note_links, styles, [])


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _relationships_xml(existing: bytes | None, add: list[tuple[str, str, str, bool]]) -> bytes:
    """A relationships part with `(id, type, target, external)` added."""
    from lxml import etree

    root = (
        etree.fromstring(existing, etree.XMLParser(resolve_entities=False, no_network=True))
        if existing
        else etree.Element(f"{{{PKG_RELS_NS}}}Relationships", nsmap={None: PKG_RELS_NS})
    )
    for rid, kind, target, external in add:
        attrs = {"Id": rid, "Type": kind, "Target": target}
        if external:
            attrs["TargetMode"] = "External"
        etree.SubElement(root, f"{{{PKG_RELS_NS}}}Relationship", attrs)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rich_parts(ref: _Reference, rich: _Rich) -> dict[str, bytes]:
    """The main document's relationships with the links (and the footnotes part),
    the footnotes part, its relationships, and its content type."""
    from lxml import etree

    parts = {e.name: e.data for e in ref.entries}
    rels_name = _rels_name(ref.document)
    existing = _relationships(parts, ref.document, Path(ref.document))
    add = [(rid, HYPERLINK, href, True) for href, rid in rich.links.items()]
    out: dict[str, bytes] = {}
    if rich.notes:
        footnotes = next((name for kind, name in existing.values() if kind == FOOTNOTES), None)
        if footnotes is None:
            footnotes = posixpath.join(posixpath.dirname(ref.document), "footnotes.xml")
            add.append(("rIdCwgFootnotes", FOOTNOTES, posixpath.basename(footnotes), False))
            types = etree.fromstring(parts["[Content_Types].xml"], etree.XMLParser(resolve_entities=False))
            etree.SubElement(types, f"{{{CONTENT_TYPES_NS}}}Override", {"PartName": "/" + footnotes, "ContentType": FOOTNOTES_TYPE})
            out["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
        out[footnotes] = oxml.footnotes_part(rich.notes, rich.styles)
        # The reference's own footnotes go, and with them their relationships.
        note_rels = [(rid, HYPERLINK, href, True) for href, rid in rich.note_links.items()]
        if note_rels or _rels_name(footnotes) in parts:
            out[_rels_name(footnotes)] = _relationships_xml(None, note_rels)
    out[rels_name] = _relationships_xml(parts.get(rels_name), add)
    return out


def write_docx(document: Document, path: str | Path, template: Template | None = None) -> Path:
    """Write the .docx atomically: a reader never sees half a file. A new file
    follows the umask, a replaced one keeps its mode; only a regular file or a
    new path is replaced."""
    from cwgdraft.core.files import writable_target, write_atomic

    writable_target(path)  # refused before the work of building it
    return write_atomic(path, to_bytes(document, template))
