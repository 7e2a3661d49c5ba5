"""A Word document as a reader sees it: paragraphs, list labels, headers.

Tracked changes are taken as accepted (inserted and moved-to text kept,
deleted and moved-from text dropped); fields show their result, not their
instruction; hyperlinks show their text (and keep their address); bold,
italic and underline are kept; footnotes of body paragraphs become footnotes
of their paragraph; bookmarks are ignored; comments are
left out and counted. Text boxes become paragraphs of their own where their
anchor stands. List labels come from `numbering.xml` (see `numbering.py`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cwgdraft.core.arabic import clean_text
from cwgdraft.core.content import NO_MARKS, Content, Field, Footnote, Inline, Text
from cwgdraft.core.errors import BadInput
from cwgdraft.formats.oxml import without_bracket_marks
from cwgdraft.importer import safe_xml
from cwgdraft.importer.numbering import ListNumbering, pua_glyph, to_int
from cwgdraft.importer.safe_zip import SafeZip
from cwgdraft.importer.seen import Seen, SeenDocument

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"

# Elements whose content a reader never sees.
_SKIP = {
    W + name
    for name in (
        "del", "moveFrom", "delText", "delInstrText", "instrText", "pPr", "rPr", "sectPr",
        "commentReference", "commentRangeStart", "commentRangeEnd", "annotationRef",
        "bookmarkStart", "bookmarkEnd", "proofErr", "footnoteReference", "endnoteReference",
        "fldData", "lastRenderedPageBreak", "footnoteRef", "endnoteRef", "separator", "continuationSeparator", "permStart", "permEnd", "tblPr", "trPr", "tcPr",
        "sdtPr", "sdtEndPr", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    )
} | {MC + "Fallback"}  # fmt: skip


@dataclass
class _Styles:
    names: dict[str, str] = field(default_factory=dict)  # id -> name
    based: dict[str, str] = field(default_factory=dict)
    nums: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)  # id -> (numId, ilvl)
    default: str = ""

    def name(self, style_id: str) -> str:
        return self.names.get(style_id, style_id)

    def num(self, style_id: str) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        sid: str | None = style_id
        while sid and sid not in seen:
            seen.add(sid)
            if sid in self.nums:
                return self.nums[sid]
            sid = self.based.get(sid)
        return None, None


def _read_styles(root: Any | None) -> _Styles:
    styles = _Styles()
    if root is None:
        return styles
    for st in root.iter(W + "style"):
        sid = st.get(W + "styleId", "")
        name = st.find(W + "name")
        styles.names[sid] = name.get(W + "val", sid) if name is not None else sid
        based = st.find(W + "basedOn")
        if based is not None:
            styles.based[sid] = based.get(W + "val", "")
        num_pr = st.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            nid = num_pr.find(W + "numId")
            ilvl = num_pr.find(W + "ilvl")
            styles.nums[sid] = (
                nid.get(W + "val") if nid is not None else None,
                to_int(ilvl.get(W + "val"), 0) if ilvl is not None else None,
            )
        if st.get(W + "type") == "paragraph" and st.get(W + "default") in ("1", "true", "on"):
            styles.default = sid
    return styles


class _Walker:
    """Turns the XML of one part into `Seen` paragraphs, in reading order."""

    def __init__(
        self, styles: _Styles, numbering: ListNumbering, origin: str, links: dict[str, str] | None = None
    ) -> None:
        self.styles = styles
        self.links = links or {}  # relationship id -> a hyperlink's address
        self.run_marks: frozenset[str] = NO_MARKS  # marks of the run being read
        self.href = ""  # address of the hyperlink being read
        # The paragraph's marked pieces (index in its parts, marks, address) and
        # footnotes (index of the part they stand before, None, id): only what is
        # there, so that plain paragraphs cost nothing more.
        self.rich: list[tuple[int, frozenset[str] | None, str]] = []
        self.note_inlines: dict[str, tuple[Text | Field, ...]] = {}  # footnote id -> its inlines
        self.numbering = numbering
        self.origin = origin
        self.out: list[Seen] = []
        self.fields: list[str] = []  # 'instr' | 'result', innermost last
        self.boxes: list[list[Any]] = []  # text-box paragraphs found inside the current paragraph
        self.table = -1
        self.comments = 0
        self.hidden = 0
        self.alt_chunks = 0
        self.note_texts: dict[tuple[str, str], str] = {}  # (kind, id) -> text of a footnote or endnote
        self.note_count = 0
        self.pending_notes: list[tuple[str, str]] = []  # (kind, text)
        self.joined: list[str] = []  # text of paragraphs whose mark was deleted: it joins the next one

    # --- blocks ---------------------------------------------------------------
    def blocks(self, container: Any, origin: str | None = None, cell: tuple[int, int, int] | None = None) -> None:
        self._blocks(container, origin, cell)
        # A deleted paragraph mark with no paragraph after it in this container
        # (a cell's last, a box's last): its text stands on its own.
        self.flush_joined(origin or self.origin, cell)

    def flush_joined(self, origin: str, cell: tuple[int, int, int] | None) -> None:
        if self.joined:
            text, self.joined = "".join(self.joined), []
            if text:
                self.out.append(Seen(text, origin=origin, cell=cell))

    def _blocks(self, container: Any, origin: str | None = None, cell: tuple[int, int, int] | None = None) -> None:
        for child in container:
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child, origin or self.origin, cell)
            elif tag == W + "tbl":
                self.flush_joined(origin or self.origin, cell)
                self.table += 1
                index = self.table
                rows = [x for x in child if x.tag == W + "tr"]
                rows += [x for sdt in child.iter(W + "sdtContent") for x in sdt if x.tag == W + "tr"]
                for r, row in enumerate(rows):
                    cells = [x for x in row if x.tag == W + "tc"]
                    cells += [x for sdt in row.iter(W + "sdtContent") for x in sdt if x.tag == W + "tc"]
                    for c, tc in enumerate(cells):
                        self.blocks(tc, "table", (index, r, c))
            elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo", W + "smartTag"):
                self._blocks(child, origin, cell)
            elif tag == W + "altChunk":
                self.alt_chunks += 1
            elif tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                if choice is None:
                    choice = child.find(MC + "Fallback")
                if choice is not None:
                    self._blocks(choice, origin, cell)

    def paragraph(self, p: Any, origin: str, cell: tuple[int, int, int] | None) -> None:
        ppr = p.find(W + "pPr")
        style_id = ""
        num_id: str | None = None
        ilvl: int | None = None
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            if ps is not None:
                style_id = ps.get(W + "val", "")
            num_pr = ppr.find(W + "numPr")
            if num_pr is not None:
                nid = num_pr.find(W + "numId")
                lv = num_pr.find(W + "ilvl")
                if nid is not None:
                    num_id = nid.get(W + "val")
                if lv is not None:
                    ilvl = to_int(lv.get(W + "val"), 0)
        style_id = style_id or self.styles.default
        if num_id is None:
            num_id, style_ilvl = self.styles.num(style_id)
            if ilvl is None:
                ilvl = style_ilvl
        if num_id is not None and ilvl is None:
            ilvl = self.numbering.level_for_style(num_id, style_id) or 0
        parts: list[str] = []
        bookmarks: list[str] = []
        self.boxes = []
        self.rich = []
        self.inline(p, parts, bookmarks)
        rich_items, self.rich = self.rich, []
        boxes, self.boxes = self.boxes, []
        for box in boxes:  # text boxes stand where their anchor is, before its text
            for bp in box:
                self.paragraph(bp, "textbox" if origin == "body" else origin, cell)
        # The mark the writer puts before a bracket around a Latin word (oxml.direction_runs).
        text = without_bracket_marks("".join(parts))
        if _mark_deleted(ppr):
            # Accepted, a deleted paragraph mark joins this paragraph's text to the next one's.
            self.joined.append(text)
            return
        rich = self._content(parts, rich_items, text) if rich_items and origin == "body" and not self.joined else None
        if self.joined:
            text, self.joined = "".join(self.joined) + text, []
        label = ""
        fmt = ""
        if num_id not in (None, "0") and ilvl is not None:
            got = self.numbering.next_label(num_id, ilvl)
            if got is not None:
                label, level = got
                fmt = level.fmt
        self.out.append(
            Seen(
                text,
                label=label,
                list_format=fmt,
                level=ilvl or 0,
                style=self.styles.name(style_id) if style_id else "",
                origin=origin,
                cell=cell,
                bookmarks=tuple(bookmarks),
                rich=rich,
            )
        )
        notes, self.pending_notes = self.pending_notes, []
        for kind, note in notes:
            if kind == "footnote" and rich is not None:
                continue  # it is a footnote of the paragraph's content
            self.out.append(Seen(note, origin="footnote"))  # it stands after the paragraph that calls it

    def _content(self, parts: list[str], items: list[tuple[int, frozenset[str] | None, str]], text: str) -> Content | None:
        """The paragraph's text with its marks, links and footnotes; None when it has none."""
        marked = {i: (marks, href) for i, marks, href in items if marks is not None}
        notes: dict[int, list[str]] = {}
        for i, marks, note_id in items:
            if marks is None:
                notes.setdefault(i, []).append(note_id)
        inlines: list[Inline] = []
        for i, piece in enumerate([*parts, ""]):
            inlines.extend(Footnote(self.note_inlines.get(n, ())) for n in notes.get(i, ()))
            marks, href = marked.get(i, (frozenset(), ""))
            inlines.append(Text(without_bracket_marks(piece), marks, href))
        content = Content(inlines)
        if content.is_plain or "".join(i.text for i in content.inlines if isinstance(i, Text)) != text:
            return None
        return content

    def _put(self, parts: list[str], text: str) -> None:
        parts.append(text)
        if self.run_marks or self.href:
            self.rich.append((len(parts) - 1, self.run_marks, self.href))

    # --- inline content -------------------------------------------------------
    def inline(self, el: Any, parts: list[str], bookmarks: list[str]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag in _SKIP:
                if tag == W + "commentReference":
                    self.comments += 1
                elif tag in (W + "footnoteReference", W + "endnoteReference"):
                    kind = "footnote" if tag == W + "footnoteReference" else "endnote"
                    text = self.note_texts.get((kind, child.get(W + "id", "")), "")
                    if child.get(W + "customMarkFollows") in ("1", "true", "on"):
                        continue
                    self.note_count += 1
                    self.pending_notes.append((kind, f"({self.note_count}) {text}".rstrip()))
                    if kind == "footnote":
                        self.rich.append((len(parts), None, child.get(W + "id", "")))
                elif tag == W + "bookmarkStart":
                    bookmarks.append(child.get(W + "name", ""))
                continue
            if tag == W + "r":
                rpr = child.find(W + "rPr")
                if rpr is not None:
                    vanish = rpr.find(W + "vanish")
                    if vanish is not None and vanish.get(W + "val") not in ("0", "false", "off"):
                        self.hidden += 1
                        continue
                    self.run_marks = _marks(rpr)
                    self.inline(child, parts, bookmarks)
                    self.run_marks = NO_MARKS
                else:
                    self.inline(child, parts, bookmarks)
            elif tag == W + "t":
                if "instr" not in self.fields:
                    parts.append(child.text or "")
                    if self.run_marks or self.href:
                        self.rich.append((len(parts) - 1, self.run_marks, self.href))
            elif tag == W + "fldChar":
                follow_field_char(self.fields, child)
            elif "instr" in self.fields:
                continue
            elif tag == W + "hyperlink":
                outer = self.href
                self.href = self.links.get(child.get(R + "id", ""), "") or outer
                self.inline(child, parts, bookmarks)
                self.href = outer
            elif tag == W + "tab" or tag == W + "ptab":
                self._put(parts, "\t")
            elif tag == W + "br":
                if child.get(W + "type") not in ("page", "column"):
                    self._put(parts, "\n")
            elif tag == W + "cr":
                self._put(parts, "\n")
            elif tag == W + "noBreakHyphen":
                self._put(parts, "\u2011")
            elif tag == W + "sym":
                code = child.get(W + "char", "")
                try:
                    self._put(parts, pua_glyph(chr(int(code, 16))))
                except (ValueError, OverflowError):
                    pass
            elif tag == W + "txbxContent":
                self.boxes.append(child.findall(W + "p") + [q for t in child.findall(W + "tbl") for q in t.iter(W + "p")])
            elif tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                self.inline(choice if choice is not None else child, parts, bookmarks)
            else:
                # runs' containers: hyperlink, ins, moveTo, smartTag, fldSimple, sdt,
                # customXml, drawing/pict (which may hold text boxes), ...
                self.inline(child, parts, bookmarks)


def _on(el: Any | None) -> bool:
    return el is not None and el.get(W + "val") not in ("0", "false", "off", "none")


def _marks(rpr: Any | None) -> frozenset[str]:
    """Bold, italic, underline set on a run (either half of a pair: Arabic runs use the complex-script one)."""
    if rpr is None or len(rpr) == 0:
        return NO_MARKS
    out = set()
    if _on(rpr.find(W + "b")) or _on(rpr.find(W + "bCs")):
        out.add("b")
    if _on(rpr.find(W + "i")) or _on(rpr.find(W + "iCs")):
        out.add("i")
    if _on(rpr.find(W + "u")):
        out.add("u")
    return frozenset(out) if out else NO_MARKS


def _links(zf: SafeZip, part: str | None) -> dict[str, str]:
    """Relationship id -> address of the part's external hyperlinks."""
    if not part:
        return {}
    folder, name = posixpath.split(part)
    data = zf.read(posixpath.join(folder, "_rels", name + ".rels"))
    if data is None:
        return {}
    root = safe_xml.parse(data, f"{zf.path}: {folder}/_rels/{name}.rels")
    return {
        rel.get("Id", ""): rel.get("Target", "")
        for rel in root.iter(PKG_REL + "Relationship")
        if rel.get("TargetMode") == "External" and rel.get("Type", "").endswith("/hyperlink")
    }


def _mark_deleted(ppr: Any | None) -> bool:
    """The paragraph mark is a tracked deletion (or moved away): accepted, it is gone."""
    if ppr is None:
        return False
    mark = ppr.find(W + "rPr")
    return mark is not None and (mark.find(W + "del") is not None or mark.find(W + "moveFrom") is not None)


def _rels(zf: SafeZip, part: str) -> dict[str, str]:
    folder, name = posixpath.split(part)
    data = zf.read(posixpath.join(folder, "_rels", name + ".rels"))
    if data is None:
        return {}
    root = safe_xml.parse(data, f"{zf.path}: {folder}/_rels/{name}.rels")
    out = {}
    for rel in root.iter(PKG_REL + "Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id", "")] = path
    return out


def _main_part(zf: SafeZip) -> str:
    data = zf.read("_rels/.rels")
    if data is not None:
        root = safe_xml.parse(data, f"{zf.path}: _rels/.rels")
        for rel in root.iter(PKG_REL + "Relationship"):
            if rel.get("Type") == OFFICE_DOCUMENT:
                return rel.get("Target", "").lstrip("/")
    return "word/document.xml"


def _part_root(zf: SafeZip, name: str | None) -> Any | None:
    if not name:
        return None
    data = zf.read(name)
    return None if data is None else safe_xml.parse(data, f"{zf.path}: {name}")


def read_docx(path: str | Path) -> SeenDocument:
    path = Path(path)
    with SafeZip.open(path) as zf:
        main = _main_part(zf)
        data = zf.read(main)
        if data is None:
            raise BadInput(f"{path}: not a Word document (no {main} in the archive)")
        if STRICT_W.encode() in data[:2000]:
            raise BadInput(f"{path}: Strict Open XML is not supported; save it as a Word Document (.docx)")
        root = safe_xml.parse(data, f"{path}: {main}")
        body = root.find(W + "body")
        if root.tag != W + "document" or body is None:
            raise BadInput(f"{path}: the Word document has no body")
        rels = _rels(zf, main)
        folder = posixpath.dirname(main)
        by_type: dict[str, str] = {}
        rel_root = _part_root(zf, posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels"))
        if rel_root is not None:
            for rel in rel_root.iter(PKG_REL + "Relationship"):
                kind = rel.get("Type", "").rsplit("/", 1)[-1]
                rid = rel.get("Id", "")
                if rid in rels:
                    by_type.setdefault(kind, rels[rid])
        styles = _read_styles(_part_root(zf, by_type.get("styles")))
        style_nums = {sid: (nid, lv or 0) for sid, (nid, lv) in styles.nums.items() if nid}
        numbering = ListNumbering(_part_root(zf, by_type.get("numbering")), style_nums)
        doc = SeenDocument("docx")

        walker = _Walker(styles, numbering, "body", _links(zf, main))
        for kind in ("footnote", "endnote"):
            notes_root = _part_root(zf, by_type.get(kind + "s"))
            if notes_root is None:
                continue
            note_links = _links(zf, by_type.get(kind + "s"))
            for note in notes_root.findall(W + kind):
                if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                inner = _Walker(styles, ListNumbering(None), "body", note_links)
                inner.blocks(note)
                text = " ".join(x.text.strip() for x in inner.out if x.text.strip())
                walker.note_texts[(kind, note.get(W + "id", ""))] = text
                if kind == "footnote":
                    walker.note_inlines[note.get(W + "id", "")] = _note_inlines(inner.out)
        walker.blocks(body)
        doc.paragraphs = walker.out
        if not any(s.text.strip() or s.label for s in doc.paragraphs):
            raise BadInput(f"{path}: the Word document's body is empty")

        comments_root = _part_root(zf, by_type.get("comments"))
        doc.comments = len(comments_root.findall(W + "comment")) if comments_root is not None else walker.comments
        if doc.comments:
            doc.notes.append(f"{doc.comments} comment(s) left out")
        if walker.alt_chunks:
            doc.notes.append(f"{walker.alt_chunks} embedded document(s) (altChunk) left out")
        if walker.hidden:
            doc.notes.append(f"{walker.hidden} piece(s) of hidden text left out")

        # Headers and footers of the first section (the first page).
        sect = next(iter(body.iter(W + "sectPr")), None)
        if sect is not None:
            title_pg = sect.find(W + "titlePg")
            first_page = title_pg is not None and title_pg.get(W + "val") not in ("0", "false", "off")
            refs: dict[tuple[str, str], str] = {}
            for tag in ("headerReference", "footerReference"):
                for ref in sect.findall(W + tag):
                    target = rels.get(ref.get(R + "id", ""))
                    if target:
                        refs[(tag, ref.get(W + "type", "default"))] = target
            first = refs.get(("headerReference", "first" if first_page else "default"))
            running = refs.get(("headerReference", "default"))
            footer = refs.get(("footerReference", "first" if first_page else "default"))
            doc.first_header = _read_part(zf, first, styles, numbering, "header")
            if running and running != first:
                doc.running_header = _read_part(zf, running, styles, numbering, "header")
            doc.footer = _read_part(zf, footer, styles, numbering, "footer")
    for seen in (*doc.paragraphs, *doc.first_header, *doc.running_header, *doc.footer):
        cleaned, removed = clean_text(seen.text)
        if removed:
            seen.text = cleaned
            seen.rich = None
    return doc


def _note_inlines(paragraphs: list[Seen]) -> tuple[Text | Field, ...]:
    """A footnote's paragraphs as one run of inlines (paragraphs joined by a space, ends stripped)."""
    out: list[Text | Field] = []
    for seen in paragraphs:
        if not seen.text.strip():
            continue
        if out:
            out.append(Text(" "))
        items = seen.rich.inlines if seen.rich is not None else (Text(seen.text),)
        out.extend(i for i in items if isinstance(i, (Text, Field)))
    texts = [i for i in out if isinstance(i, Text)]
    if texts:
        first, last = out.index(texts[0]), len(out) - 1 - out[::-1].index(texts[-1])
        out[first] = texts[0].with_text(texts[0].text.lstrip())
        out[last] = out[last].with_text(out[last].text.rstrip()) if isinstance(out[last], Text) else out[last]
    return Content(out).inlines  # type: ignore[return-value]


def _read_part(zf: SafeZip, name: str | None, styles: _Styles, numbering: ListNumbering, origin: str) -> list[Seen]:
    root = _part_root(zf, name)
    if root is None:
        return []
    walker = _Walker(styles, numbering, origin)
    walker.blocks(root)
    return walker.out


def follow_field_char(fields: list[str], el: Any) -> None:
    """A complex field's `w:fldChar`: `fields` holds, innermost last, whether each open
    field is in its instruction (not text a reader sees) or its result."""
    kind = el.get(W + "fldCharType")
    if kind == "begin":
        fields.append("instr")
    elif kind == "separate" and fields:
        fields[-1] = "result"
    elif kind == "end" and fields:
        fields.pop()
