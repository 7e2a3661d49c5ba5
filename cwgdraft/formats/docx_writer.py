"""Document -> .docx, over the template's reference Word document.

python-docx opens and saves the package; the XML itself comes from `oxml`.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from cwgdraft.core.errors import TemplateError
from cwgdraft.formats import oxml
from cwgdraft.formats.docmodel import Block, Document
from cwgdraft.formats.oxml import ParagraphSpec
from cwgdraft.formats.render import Template, load_template

W = f"{{{oxml.W_NS}}}"


def _style_ids(doc: Any, template: Template) -> dict[str, str]:
    ids: dict[str, str] = {}
    by_name = {s.name: s.style_id for s in doc.styles}
    for role, name in template.styles.items():
        if name not in by_name:
            raise TemplateError(f"{template.reference}: no style named {name!r} (for {role})")
        ids[role] = by_name[name]
    return ids


def _spec(block: Block, ids: dict[str, str], index: int) -> ParagraphSpec:
    # Paragraph and section ids travel through Word as bookmarks, so a
    # reviewer's edited copy imports back onto the same paragraphs.
    name = oxml.id_bookmark_name(block.source) if block.source else None
    bookmark = (index, name) if name else None
    return ParagraphSpec(
        ids[block.style], block.text, block.label, block.placeholder, bookmark=bookmark, holes=_holes(block),
        keep_next=is_lead_in(block),
    )


def _holes(block: Block) -> tuple[tuple[int, int], ...]:
    return tuple((f.start, f.end) for f in block.fields if f.missing)


def is_lead_in(block: Block) -> bool:
    """A paragraph that ends with a colon introduces what follows (`عُرضت الوثائق التالية:`):
    it stays on the page of the next paragraph."""
    return block.text.rstrip().endswith((":", "\uff1a"))


def _replace_content(container: Any, xml: str, keep_last: str | None = None) -> None:
    """Replace the block content of a body, header or footer with `xml`.

    The new content is parsed inside a copy of the container's own element
    and swapped in whole: moving hundreds of paragraphs one by one between
    lxml documents costs more than the rest of the export."""
    from docx.oxml import parse_xml
    from lxml import etree

    kept = ""
    if keep_last:
        last = container.find(W + keep_last)
        if last is not None:
            kept = etree.tostring(last, encoding="unicode")
    tag = etree.QName(container).localname
    fresh = parse_xml(f"<w:{tag} {oxml.NSDECL}>{xml}{kept}</w:{tag}>")
    parent = container.getparent()
    if parent is None:
        # A header or footer part's root: keep the element, take the children.
        for child in list(container):
            container.remove(child)
        container.extend(list(fresh))
        return
    for name, value in container.attrib.items():
        fresh.set(name, value)
    parent.replace(container, fresh)


def _first_paragraph_style(container: Any, fallback: str) -> str:
    for p in container.iter(W + "p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None:
            return style.get(W + "val")
    return fallback


def _ensure_bidi_section(sect_pr: Any) -> None:
    """The section must carry `w:bidi`, in schema order (an organisation's template may lack it)."""
    if sect_pr.find(W + "bidi") is not None:
        return
    from docx.oxml import OxmlElement

    bidi = OxmlElement("w:bidi")
    later = oxml.SECTPR_ORDER[oxml.SECTPR_ORDER.index("bidi") + 1 :]
    for child in sect_pr:
        if child.tag.startswith(W) and child.tag[len(W) :] in later:
            child.addprevious(bidi)
            return
    sect_pr.append(bidi)


HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def open_reference(template: Template) -> tuple[Any, list[str]]:
    """The template's reference document, opened within the limits of any
    untrusted package (parts, sizes, ratios), with its external relationships
    other than hyperlinks dropped (an attached template on a server, a linked
    image: Word would fetch them when the export is opened), and the notes
    saying what was dropped. TemplateError for a file that cannot be filled."""
    import zipfile

    import docx
    from lxml import etree

    from cwgdraft.core.errors import BadInput
    from cwgdraft.core.safe_zip import open_archive

    where = template.reference
    try:
        open_archive(where, "a Word document").close()
    except BadInput as exc:
        raise TemplateError(str(exc)) from exc
    try:
        doc = docx.Document(str(where))
    except (ValueError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError) as exc:
        message = " ".join(str(exc).split())
        if "macroEnabled" in message:
            raise TemplateError(f"{where}: a macro-enabled Word document; save it as a Word Document (.docx)") from exc
        raise TemplateError(f"{where}: not a Word document the export can fill ({message})") from exc
    if doc.element.body is None or doc.element.body.find(W + "sectPr") is None:
        raise TemplateError(f"{where}: the Word document has no section properties (page size, margins) in its body")
    if not any(rel.reltype.endswith("/styles") for rel in doc.part.rels.values()):
        raise TemplateError(f"{where}: the Word document has no styles")
    return doc, _drop_external_links(doc, where)


def _drop_external_links(doc: Any, where: Path) -> list[str]:
    notes: list[str] = []
    package = doc.part.package
    sources = [package, *package.iter_parts()]
    for source in sources:
        rels = source.rels
        for rid, rel in list(rels.items()):
            if not rel.is_external or rel.reltype == HYPERLINK:
                continue
            kind = rel.reltype.rsplit("/", 1)[-1]
            element = getattr(source, "_element", None)
            if element is not None:  # what refers to it goes with it (w:attachedTemplate r:id=...)
                for el in list(element.iter()):
                    if any(v == rid for k, v in el.attrib.items() if k.startswith(f"{{{R_NS}}}")):
                        parent = el.getparent()
                        if parent is not None:
                            parent.remove(el)
            del rels[rid]
            notes.append(f"{where}: left out its external link to {rel.target_ref} ({kind}), which Word would fetch")
    return notes


def build_docx(document: Document, template: Template | None = None) -> Any:
    """The python-docx Document for `document` (not yet saved)."""
    template = template or load_template()
    doc, notes = open_reference(template)
    document.notes.extend(n for n in notes if n not in document.notes)
    ids = _style_ids(doc, template)

    body = doc.element.body
    xml = "".join(oxml.paragraph(_spec(b, ids, i)) for i, b in enumerate(document.blocks, start=1))
    _replace_content(body, xml, keep_last="sectPr")
    sect_pr = doc.element.body.find(W + "sectPr")
    _ensure_bidi_section(sect_pr)

    section = doc.sections[0]
    section.different_first_page_header_footer = True
    # First page: the header block, in the reference's table if it has one.
    first = section.first_page_header._element
    start = [ParagraphSpec(ids["header"], b.text, "", b.placeholder, holes=_holes(b)) for b in document.header_start]
    end = [ParagraphSpec(ids["header"], b.text, "", b.placeholder, holes=_holes(b)) for b in document.header_end]
    table_xml = oxml.header_table(start, end)
    existing = first.find(W + "tbl")
    if existing is not None:
        from docx.oxml import parse_xml

        existing.addprevious(parse_xml(table_xml.replace("<w:tbl>", f"<w:tbl {oxml.NSDECL}>", 1)))
        first.remove(existing)
    else:
        _replace_content(first, table_xml + f"<w:p>{oxml.ppr(style=ids['header'])}</w:p>")
    # Later pages: symbol and page number.
    running = section.header._element
    style = _first_paragraph_style(running, ids["header"])
    _replace_content(running, oxml.running_header_paragraph(style, document.running_header))
    # First-page footer.
    footer = section.first_page_footer._element
    style = _first_paragraph_style(footer, ids["header"])
    _replace_content(footer, oxml.paragraph(ParagraphSpec(style, document.footer)))

    props = doc.core_properties
    props.title = document.title[:255]
    props.language = document.language
    return doc


def to_bytes(document: Document, template: Template | None = None) -> bytes:
    buffer = io.BytesIO()
    build_docx(document, template).save(buffer)
    return buffer.getvalue()


def write_docx(document: Document, path: str | Path, template: Template | None = None) -> Path:
    """Write the .docx atomically: a reader never sees half a file. A new file
    follows the umask, a replaced one keeps its mode; only a regular file or a
    new path is replaced."""
    from cwgdraft.core.files import writable_target, write_atomic

    writable_target(path)  # refused before the work of building it
    return write_atomic(path, to_bytes(document, template))
