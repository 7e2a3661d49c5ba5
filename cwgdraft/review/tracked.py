"""`cwgdraft export --tracked [--since ROUND]`: the changes since a round as Word tracked changes.

The report is exported as usual; then every paragraph whose text differs from
what the round's copy showed gets its words as `w:ins`/`w:del` (word by word,
from `difflib` on words and spaces), a paragraph added since is an inserted
one (its mark too), and a paragraph removed since is written back where it
stood, deleted. Accepting every change in Word or LibreOffice gives the report
now; rejecting every change gives the round's text. The runs themselves come
from `cwgdraft.formats.oxml` (`tracked_runs`, `tracked_mark`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
import zipfile
from typing import Any

from lxml import etree

from cwgdraft.core.model import Report
from cwgdraft.formats import oxml
from cwgdraft.review.compare import fold
from cwgdraft.review.rounds import Round

W = f"{{{oxml.W_NS}}}"
_TOKENS = re.compile(r"\s+|[^\s]+")
FIRST_CHANGE_ID = 100_000  # above the bookmarks' ids (one per paragraph)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """`old` into `new`, word by word: (`=`, `+` or `-`, text) segments in reading order."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", "".join(b[j1:j2])))
    return out


def _fragment(xml: str) -> list[Any]:
    root = etree.fromstring(f"<w:x {oxml.NSDECL}>{xml}</w:x>")
    return list(root)


def _paragraphs_by_id(body: Any) -> dict[str, Any]:
    out = {}
    for p in body.iter(W + "p"):
        for mark in p.iter(W + "bookmarkStart"):
            pid = oxml.id_from_bookmark_name(mark.get(W + "name", ""))
            if pid:
                out.setdefault(pid, p)
    return out


def _text_runs(p: Any, labelled: bool) -> list[Any]:
    runs = [c for c in p if c.tag == W + "r"]
    return runs[2:] if labelled else runs


def _set_mark(p: Any, xml: str) -> None:
    ppr = p.find(W + "pPr")
    if ppr is None:
        ppr = etree.Element(W + "pPr")
        p.insert(0, ppr)
    for old in ppr.findall(W + "rPr"):
        ppr.remove(old)
    mark = _fragment(xml)[0]
    # w:rPr comes after every other child of w:pPr but w:sectPr and w:pPrChange.
    tail = next((c for c in ppr if c.tag in (W + "sectPr", W + "pPrChange")), None)
    if tail is None:
        ppr.append(mark)
    else:
        tail.addprevious(mark)


def tracked(data: bytes, report: Report, found: Round, author: str, date: str | None = None) -> tuple[bytes, int]:
    """The exported `data` of `report` with the changes since `found` tracked; how many changes."""
    from cwgdraft.formats.render import render

    date = date or dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    blocks = {b.source: b for b in render(report).blocks if b.source}
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        infos = source.infolist()
        parts = {i.filename: source.read(i) for i in infos}
    root = etree.fromstring(parts["word/document.xml"])
    body = root.find(W + "body")
    by_id = _paragraphs_by_id(body)
    change_id = FIRST_CHANGE_ID
    now_ids = {p.id for p in report.all_paragraphs()}
    for paragraph in report.all_paragraphs():
        block, p = blocks.get(paragraph.id), by_id.get(paragraph.id)
        if block is None or p is None:
            continue
        base = found.base.get(paragraph.id)
        if base is not None and fold(base.shown) == fold(block.text):
            continue
        segments = [("+", block.text)] if base is None else word_diff(base.shown, block.text)
        xml, change_id = oxml.tracked_runs(segments, author, date, change_id)
        old = _text_runs(p, bool(block.label))
        end = p.find(W + "bookmarkEnd")
        for r in old:
            p.remove(r)
        for element in _fragment(xml):
            if end is not None:
                end.addprevious(element)
            else:
                p.append(element)
        if base is None:
            _set_mark(p, oxml.tracked_mark("+", change_id, author, date))
            change_id += 1
    # Paragraphs removed since: written back, deleted, after the one they followed.
    previous: Any = None
    section = ""
    for pid, base in found.base.items():
        if base.section_id != section:  # a section's first paragraph follows its heading
            section = base.section_id
            previous = by_id.get(section, previous)
        if pid in now_ids:
            previous = by_id.get(pid, previous)
            continue
        if previous is None:
            continue
        gone = etree.Element(W + "p")
        # Its look: the paragraph it follows, or the one after a heading.
        like = previous.getnext() if previous is by_id.get(section) and previous.getnext() is not None else previous
        ppr = like.find(W + "pPr")
        if ppr is not None:
            gone.append(etree.fromstring(etree.tostring(ppr)))
        label = f"{base.label}\t" if base.label else ""
        xml, change_id = oxml.tracked_runs([("-", label + base.shown)], author, date, change_id)
        for element in _fragment(xml):
            gone.append(element)
        _set_mark(gone, oxml.tracked_mark("-", change_id, author, date))
        change_id += 1
        previous.addnext(gone)
        previous = gone
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in infos:
            archive.writestr(info.filename, parts[info.filename])
    return buffer.getvalue(), change_id - FIRST_CHANGE_ID
