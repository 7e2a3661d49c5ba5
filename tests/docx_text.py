"""Read an exported .docx back as the lines a reader sees, for tests.

`docx_lines(path)` walks the file in reading order: the first-page header
block (the table's first column, then its second), the body, then the
first-page footer. Each paragraph gives one `Line` per visual line (a
`w:br` starts a new one; the label goes on the first):

- `label`: the number (`1`, `1.2`) or letter (`أ)`) typed before the first
  tab; `•` or `○` for a paragraph whose style carries list numbering
  (`CWG Bullet`, `CWG Lettered Bullet`: `•`; `CWG Sub Bullet`: `○`);
- `text`: the rest, tabs as `\\t`;
- `style`: the paragraph style's name;
- `placeholder`: the runs are highlighted (an empty field shown as a hint).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cwgdraft.formats.oxml import without_bracket_marks

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

LABEL = re.compile(r"(\d+(?:\.\d+)*|[\u0621-\u064a]+\))\t")
LIST_GLYPHS = {"CWG Bullet": "•", "CWG Lettered Bullet": "•", "CWG Sub Bullet": "○"}


@dataclass(frozen=True)
class Line:
    label: str
    text: str
    style: str
    placeholder: bool = False


def _paragraph_text(p: Any) -> tuple[str, bool]:
    """The paragraph's text (`\\t` for tabs, `\\n` for breaks) and whether its text is highlighted.

    A placeholder's label (a section number before `[عنوان القسم]`) is not
    highlighted, so one highlighted run with text is enough.
    """
    parts: list[str] = []
    highlighted: list[bool] = []
    for r in p.iter(W + "r"):
        texts = [c for c in r if c.tag in (W + "t", W + "tab", W + "br")]
        for child in texts:
            parts.append({W + "tab": "\t", W + "br": "\n"}.get(child.tag, child.text or ""))
        if any(c.tag == W + "t" and c.text for c in texts):
            highlighted.append(r.find(f"{W}rPr/{W}highlight") is not None)
    # A left-to-right mark is invisible: the writer puts one before a bracket
    # around a Latin word (oxml.direction_runs); a reader does not see it.
    return without_bracket_marks("".join(parts)), any(highlighted)


def _lines(p: Any, style_names: dict[str, str]) -> list[Line]:
    style_el = p.find(f"{W}pPr/{W}pStyle")
    style = style_names.get(style_el.get(W + "val"), "") if style_el is not None else ""
    text, placeholder = _paragraph_text(p)
    label = LIST_GLYPHS.get(style, "")
    if not label and (m := LABEL.match(text)):
        label, text = m.group(1), text[m.end() :]
    pieces = text.split("\n")
    return [Line(label if i == 0 else "", piece, style, placeholder) for i, piece in enumerate(pieces)]


def docx_lines(path: str | Path) -> list[Line]:
    import docx

    document = docx.Document(str(path))
    style_names = {s.style_id: s.name for s in document.styles}
    section = document.sections[0]
    paragraphs: list[Any] = []
    header = section.first_page_header._element
    for tbl in header.findall(W + "tbl"):
        for column in range(2):
            for tr in tbl.findall(W + "tr"):
                cells = tr.findall(W + "tc")
                if column < len(cells):
                    paragraphs += cells[column].findall(W + "p")
    paragraphs += header.findall(W + "p")
    paragraphs += document.element.body.findall(W + "p")
    paragraphs += section.first_page_footer._element.findall(W + "p")
    lines: list[Line] = []
    for p in paragraphs:
        lines += _lines(p, style_names)
    return lines
