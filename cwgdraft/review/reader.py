"""A reviewer's copy, read paragraph by paragraph with its ids.

Unlike import (which wants the report), this keeps what a review needs: the
`cwg_` bookmarks open in each paragraph (one id in two paragraphs is a split,
two ids in one a merge, none a new paragraph), the text with tracked changes
accepted and the changes themselves with their author and date, the comments
anchored in each paragraph, and whether the paragraph lies in an editable
range (`w:permStart`/`w:permEnd`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cwgdraft.core.arabic import clean_text
from cwgdraft.core.errors import BadInput
from cwgdraft.formats.oxml import id_from_bookmark_name, without_bracket_marks
from cwgdraft.importer import safe_xml
from cwgdraft.importer.docx_reader import follow_field_char
from cwgdraft.importer.safe_zip import SafeZip, check_size
from cwgdraft.review.package import round_property

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
DC = "{http://purl.org/dc/elements/1.1/}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_NOT_TEXT = {W + n for n in ("rPr", "sectPr", "instrText", "delInstrText", "fldData", "tblPr", "trPr", "tcPr", "sdtPr")}
_CONTAINERS = {W + n for n in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")}


@dataclass
class Change:
    kind: str  # 'ins' or 'del'
    author: str
    date: str
    text: str


@dataclass
class CopyParagraph:
    text: str = ""  # tracked changes accepted
    ids: list[str] = field(default_factory=list)  # ids of the `cwg_` bookmarks open in it, in order
    changes: list[Change] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # comment ids anchored in it
    editable: bool = False
    mark_deleted: bool = False  # its paragraph mark is a tracked deletion: it joins the next one


@dataclass
class Comment:
    author: str
    date: str
    text: str


@dataclass
class ReviewCopy:
    path: Path
    round_id: str | None
    paragraphs: list[CopyParagraph]
    deleted: dict[str, Change] = field(default_factory=dict)  # ids whose whole paragraph was deleted, tracked
    comments: dict[str, Comment] = field(default_factory=dict)
    last_modified_by: str = ""

    def all_ids(self) -> set[str]:
        return {i for p in self.paragraphs for i in p.ids}


class _Walk:
    def __init__(self) -> None:
        self.out: list[CopyParagraph] = []
        self.open: dict[str, str] = {}  # bookmark w:id -> paragraph id
        self.perms: set[str] = set()
        self.fields: list[str] = []
        self.para = CopyParagraph()

    def blocks(self, container: Any) -> None:
        for child in container:
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child)
            elif tag == W + "tbl":
                for p in child.iter(W + "p"):
                    self.paragraph(p)
            elif tag in _CONTAINERS:
                self.blocks(child)
            elif tag in (W + "bookmarkStart", W + "bookmarkEnd", W + "permStart", W + "permEnd"):
                self.marker(child, between=True)  # between paragraphs: takes effect from the next one

    def paragraph(self, p: Any) -> None:
        self.para = CopyParagraph(ids=list(dict.fromkeys(self.open.values())), editable=bool(self.perms))
        self.inline(p, None)
        ppr = p.find(W + "pPr")
        mark = ppr.find(W + "rPr") if ppr is not None else None
        if mark is not None:
            gone = mark.find(W + "del")
            if gone is None:
                gone = mark.find(W + "moveFrom")
            if gone is not None:
                self.para.mark_deleted = True
                self.para.changes.append(Change("del", gone.get(W + "author", ""), gone.get(W + "date", ""), "¶"))
        self.para.text = clean_text(without_bracket_marks(self.para.text))[0]
        self.out.append(self.para)

    def marker(self, el: Any, between: bool = False) -> None:
        tag, wid = el.tag, el.get(W + "id", "")
        if tag == W + "bookmarkStart":
            pid = id_from_bookmark_name(el.get(W + "name", ""))
            if pid:
                self.open[wid] = pid
                if not between and pid not in self.para.ids:
                    self.para.ids.append(pid)
        elif tag == W + "bookmarkEnd":
            self.open.pop(wid, None)
        elif tag == W + "permStart":
            self.perms.add(wid)
            if not between:
                self.para.editable = True
        elif tag == W + "permEnd":
            self.perms.discard(wid)

    def add(self, text: str, change: tuple[str, str, str] | None) -> None:
        if not text:
            return
        kind = change[0] if change else ""
        if kind != "del":
            self.para.text += text
        if change:
            last = self.para.changes[-1] if self.para.changes else None
            if last and (last.kind, last.author, last.date) == change:
                last.text += text
            else:
                self.para.changes.append(Change(*change, text))

    def inline(self, el: Any, change: tuple[str, str, str] | None) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag == W + "pPr" or tag in _NOT_TEXT:
                continue
            if tag in (W + "bookmarkStart", W + "bookmarkEnd", W + "permStart", W + "permEnd"):
                self.marker(child)
            elif tag in (W + "commentRangeStart", W + "commentReference"):
                cid = child.get(W + "id", "")
                if cid not in self.para.comments:
                    self.para.comments.append(cid)
            elif tag in (W + "ins", W + "moveTo"):
                self.inline(child, ("ins", child.get(W + "author", ""), child.get(W + "date", "")))
            elif tag in (W + "del", W + "moveFrom"):
                self.inline(child, ("del", child.get(W + "author", ""), child.get(W + "date", "")))
            elif tag == W + "r":
                rpr = child.find(W + "rPr")
                vanish = rpr.find(W + "vanish") if rpr is not None else None
                if vanish is not None and vanish.get(W + "val") not in ("0", "false", "off"):
                    continue
                self.inline(child, change)
            elif tag == W + "fldChar":
                follow_field_char(self.fields, child)
            elif "instr" in self.fields:
                continue
            elif tag in (W + "t", W + "delText"):
                self.add(child.text or "", change if tag == W + "t" or change else ("del", "", ""))
            elif tag in (W + "tab", W + "ptab"):
                self.add("\t", change)
            elif tag in (W + "br", W + "cr"):
                if child.get(W + "type") not in ("page", "column"):
                    self.add("\n", change)
            elif tag == W + "noBreakHyphen":
                self.add("\u2011", change)
            elif tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                self.inline(choice if choice is not None else child, change)
            elif tag in (W + "txbxContent", MC + "Fallback"):
                continue
            else:  # hyperlink, smartTag, fldSimple, sdt, sdtContent, customXml, ...
                self.inline(child, change)


def _joined(paragraphs: list[CopyParagraph], deleted: dict[str, Change]) -> list[CopyParagraph]:
    """Tracked changes accepted: a paragraph whose mark was deleted joins the next
    one, or, with nothing left of its text, is gone (its ids deleted)."""
    out: list[CopyParagraph] = []
    carry: CopyParagraph | None = None
    for p in paragraphs:
        if carry is not None:
            p = CopyParagraph(
                carry.text + p.text, list(dict.fromkeys([*carry.ids, *p.ids])), carry.changes + p.changes,
                carry.comments + p.comments, carry.editable or p.editable,
            )  # fmt: skip
            carry = None
        if p.mark_deleted:
            if not p.text.strip():
                mark = next((c for c in p.changes if c.text == "¶"), Change("del", "", "", ""))
                for pid in p.ids:
                    deleted.setdefault(pid, mark)
                continue
            carry = p
            continue
        out.append(p)
    if carry is not None:
        out.append(carry)
    return out


def _rels(zf: SafeZip, part: str) -> dict[str, str]:
    folder, name = posixpath.split(part)
    data = zf.read(posixpath.join(folder, "_rels", name + ".rels"))
    if data is None:
        return {}
    out = {}
    for rel in safe_xml.parse(data, f"{zf.path}: {name}.rels").iter(PKG_REL + "Relationship"):
        if rel.get("TargetMode") != "External":
            out[rel.get("Type", "").rsplit("/", 1)[-1]] = posixpath.normpath(
                posixpath.join(folder, rel.get("Target", ""))
            )
    return out


def read_copy(path: str | Path) -> ReviewCopy:
    """A reviewer's copy; BadInput (one line) for a file that is not a Word document."""
    path = Path(path)
    check_size(path)
    with SafeZip.open(path) as zf:
        package = _rels(zf, "")
        main = package.get("officeDocument", "word/document.xml").lstrip("/")
        data = zf.read(main)
        if data is None:
            raise BadInput(f"{path}: not a Word document (no {main} in the archive)")
        root = safe_xml.parse(data, f"{path}: {main}")
        body = root.find(W + "body")
        if body is None:
            raise BadInput(f"{path}: the Word document has no body")
        walk = _Walk()
        walk.blocks(body)
        deleted: dict[str, Change] = {}
        copy = ReviewCopy(path, None, _joined(walk.out, deleted), deleted)
        props = {}
        custom = package.get("custom-properties")
        if custom:
            props[custom] = zf.read(custom) or b""
            rels_data = zf.read("_rels/.rels") or b""
            props["_rels/.rels"] = rels_data
            copy.round_id = round_property(props)
        core = package.get("core-properties")
        core_data = zf.read(core) if core else None
        if core_data:
            found = safe_xml.parse(core_data, f"{path}: {core}").find(CP + "lastModifiedBy")
            copy.last_modified_by = (found.text or "").strip() if found is not None else ""
        comments_part = _rels(zf, main).get("comments")
        comments_data = zf.read(comments_part) if comments_part else None
        if comments_data:
            for c in safe_xml.parse(comments_data, f"{path}: {comments_part}").iter(W + "comment"):
                text = "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in c.iter(W + "p"))
                copy.comments[c.get(W + "id", "")] = Comment(
                    c.get(W + "author", ""), c.get(W + "date", ""), text.strip()
                )
    return copy
