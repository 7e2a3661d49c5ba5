"""A review copy edited the way Word edits it: runs split at every edit with
rsid attributes, tracked insertions and deletions with author and date, a
comment, a paragraph split in two (the bookmark then spans both), a
paragraph deleted, protection removed and text added outside the ranges."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from cwgdraft.formats.oxml import id_bookmark_name

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
DATE = "2026-11-20T10:15:00Z"


class WordCopy:
    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as archive:
            self.parts = {n: archive.read(n) for n in archive.namelist()}
        self.root = etree.fromstring(self.parts["word/document.xml"])
        self.body = self.root.find(W + "body")
        self.comments: list[tuple[str, str, str]] = []
        self.rsid = 0

    def _rsid(self) -> str:
        self.rsid += 1
        return f"00A{self.rsid:05X}"

    def paragraph(self, pid: str) -> etree._Element:
        name = id_bookmark_name(pid)
        for p in self.body.iter(W + "p"):
            if any(b.get(W + "name") == name for b in p.iter(W + "bookmarkStart")):
                return p
        raise KeyError(pid)

    @staticmethod
    def _text_runs(p: etree._Element) -> list[etree._Element]:
        """The runs of the paragraph's text (after the label and its tab)."""
        runs = [r for r in p if r.tag == W + "r"]
        tab = next((i for i, r in enumerate(runs) if r.find(W + "tab") is not None), -1)
        return runs[tab + 1 :]

    def text(self, pid: str) -> str:
        return "".join(t.text or "" for r in self._text_runs(self.paragraph(pid)) for t in r.iter(W + "t"))

    def _run(self, text: str, rsid: str | None = None) -> etree._Element:
        r = etree.Element(W + "r")
        if rsid:
            r.set(W + "rsidR", rsid)
            r.set(W + "rsidRPr", rsid)
        rpr = etree.SubElement(r, W + "rPr")
        etree.SubElement(rpr, W + "rtl")
        t = etree.SubElement(r, W + "t")
        t.text = text
        t.set(XML_SPACE, "preserve")
        return r

    def _replace_runs(self, p: etree._Element, new: list[etree._Element]) -> None:
        old = self._text_runs(p)
        at = list(p).index(old[0]) if old else len(p) - 1
        for r in old:
            p.remove(r)
        for offset, r in enumerate(new):
            p.insert(at + offset, r)

    def retype(self, pid: str, text: str) -> None:
        """Untracked typing: every word its own run, each with a new rsid (as Word
        leaves a paragraph typed over in several sittings)."""
        p = self.paragraph(pid)
        p.set(W + "rsidR", self._rsid())
        words = text.split(" ")
        runs = [self._run(w + (" " if i < len(words) - 1 else ""), self._rsid()) for i, w in enumerate(words)]
        self._replace_runs(p, runs)

    def track(self, pid: str, old: str, new: str, author: str, date: str = DATE) -> None:
        """A tracked replacement of `old` by `new` (w:del then w:ins)."""
        p = self.paragraph(pid)
        text = self.text(pid)
        at = text.index(old)
        runs = [self._run(text[:at], self._rsid())]
        gone = etree.Element(W + "del", {W + "id": str(900 + self.rsid), W + "author": author, W + "date": date})
        deleted = self._run("", self._rsid())
        t = deleted.find(W + "t")
        t.tag = W + "delText"
        t.text = old
        gone.append(deleted)
        added = etree.Element(W + "ins", {W + "id": str(901 + self.rsid), W + "author": author, W + "date": date})
        added.append(self._run(new, self._rsid()))
        runs += [gone, added, self._run(text[at + len(old) :], self._rsid())]
        self._replace_runs(p, runs)

    def comment(self, pid: str, text: str, author: str) -> None:
        p = self.paragraph(pid)
        cid = str(len(self.comments))
        self.comments.append((cid, author, text))
        runs = self._text_runs(p)
        p.insert(list(p).index(runs[0]), etree.Element(W + "commentRangeStart", {W + "id": cid}))
        end = etree.Element(W + "commentRangeEnd", {W + "id": cid})
        runs[-1].addnext(end)
        ref = etree.Element(W + "r")
        etree.SubElement(ref, W + "commentReference", {W + "id": cid})
        end.addnext(ref)

    def split(self, pid: str, before: str) -> None:
        """Enter pressed before `before`: the second half is a new w:p, and the
        id's bookmark now ends in it."""
        p = self.paragraph(pid)
        text = self.text(pid)
        at = text.index(before)
        self._replace_runs(p, [self._run(text[:at].rstrip(" "), self._rsid())])
        second = etree.Element(W + "p")
        ppr = p.find(W + "pPr")
        if ppr is not None:
            second.append(etree.fromstring(etree.tostring(ppr)))
        second.append(self._run(text[at:], self._rsid()))
        end = p.find(W + "bookmarkEnd")
        if end is not None:
            p.remove(end)
            second.append(end)
        perm_end = p.find(W + "permEnd")
        if perm_end is not None:
            p.remove(perm_end)
            second.append(perm_end)
        p.addnext(second)

    def delete(self, pid: str) -> None:
        """The paragraph selected whole and deleted (untracked): gone with its
        bookmark; an editable range it ended moves to the paragraph before."""
        p = self.paragraph(pid)
        start, end = p.find(W + "permStart"), p.find(W + "permEnd")
        nxt, prev = p.getnext(), p.getprevious()
        if start is not None and nxt is not None:
            ppr = nxt.find(W + "pPr")
            nxt.insert(0 if ppr is None else 1, start)
        if end is not None and prev is not None:
            prev.append(end)
        p.getparent().remove(p)

    def add_after(self, pid: str, text: str) -> None:
        p = self.paragraph(pid)
        new = etree.Element(W + "p")
        ppr = p.find(W + "pPr")
        if ppr is not None:
            new.append(etree.fromstring(etree.tostring(ppr)))
        new.append(self._run(text, self._rsid()))
        p.addnext(new)

    def _delete_mark(self, p: etree._Element, author: str) -> None:
        ppr = p.find(W + "pPr")
        if ppr is None:
            ppr = etree.Element(W + "pPr")
            p.insert(0, ppr)
        mark = ppr.find(W + "rPr")
        if mark is None:
            mark = etree.SubElement(ppr, W + "rPr")  # last in pPr
        etree.SubElement(mark, W + "del", {W + "id": str(950 + self.rsid), W + "author": author, W + "date": DATE})
        self.rsid += 1

    def join_with_next(self, pid: str, author: str) -> None:
        """Delete pressed at the end of the paragraph with changes tracked: its mark is a deletion."""
        self._delete_mark(self.paragraph(pid), author)

    def track_delete(self, pid: str, author: str) -> None:
        """The whole paragraph deleted with changes tracked: its number, its text and its mark."""
        p = self.paragraph(pid)
        runs = [r for r in p if r.tag == W + "r"]
        gone = etree.Element(W + "del", {W + "id": str(970 + self.rsid), W + "author": author, W + "date": DATE})
        runs[0].addprevious(gone)
        for r in runs:
            for t in r.findall(W + "t"):
                t.tag = W + "delText"
            gone.append(r)
        self._delete_mark(p, author)

    def unprotect(self) -> None:
        settings = etree.fromstring(self.parts["word/settings.xml"])
        for el in settings.findall(W + "documentProtection"):
            settings.remove(el)
        self.parts["word/settings.xml"] = etree.tostring(settings)

    def save(self, path: Path) -> Path:
        self.parts["word/document.xml"] = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8")
        if self.comments:
            xml = (
                f'<w:comments xmlns:w="{W_NS}">'
                + "".join(
                    f'<w:comment w:id="{c}" w:author="{a}" w:date="{DATE}"><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:comment>'
                    for c, a, t in self.comments
                )
                + "</w:comments>"
            )
            self.parts["word/comments.xml"] = xml.encode()
            rels = self.parts["word/_rels/document.xml.rels"].decode()
            rels = rels.replace(
                "</Relationships>",
                '<Relationship Id="rIdComments9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/comments" Target="comments.xml"/></Relationships>',
            )
            self.parts["word/_rels/document.xml.rels"] = rels.encode()
            types = (
                self.parts["[Content_Types].xml"]
                .decode()
                .replace(
                    "</Types>",
                    '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                    'wordprocessingml.comments+xml"/></Types>',
                )
            )
            self.parts["[Content_Types].xml"] = types.encode()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.parts.items():
                archive.writestr(name, data)
        path.write_bytes(buffer.getvalue())
        return path
