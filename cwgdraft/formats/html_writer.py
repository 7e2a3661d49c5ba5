"""Document -> HTML, the second writer beside Word: the app's live preview.

The page is written for Qt's rich-text engine (`QTextBrowser`), which reads a
subset of HTML 4 and CSS 2: `dir="rtl"` and `align` on blocks, tables,
`margin-right` and `text-indent` in px, `background-color`, `white-space: pre`
on spans. Numbers and letters come from `Block.label`, exactly as the Word
writer writes them; nothing is recomputed, reshaped or reordered (FORMAT.md
rule 6). A block's label is followed by a tab, as in the `.docx`, so the
preview's plain text equals `Block.seen_text`.

Every block with a `source` is a link `cwgdraft:SOURCE`: the preview emits
`anchorClicked(QUrl)` and the app selects that paragraph or field. `selected`
names one source whose blocks get a light background; `pending` names the
paragraphs with reviewers' proposals pending, shown on an amber background
with the tooltip `pending_tip`.

Marks are `<b>`, `<i>`, `<u>`; a link is shown as Word shows it (blue,
underlined, its address as a tooltip), not as an anchor, since a click on a
paragraph selects it; a footnote is a superscript number in the text and
its note, under a rule, at the end of the page.
"""

from __future__ import annotations

from cwgdraft.formats.docmodel import Block, Document, MarkSpan, Note

# As `html.escape`, written here: importing `html` (and its table of entities) costs the
# app's start more than these few lines.
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_QUOTED_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str, quote: bool = True) -> str:
    """`text` made safe for HTML (also inside attribute values when `quote`)."""
    return text.translate(_QUOTED_ESCAPES if quote else _TEXT_ESCAPES)


SCHEME = "cwgdraft"

# Colours: text, placeholder highlight (as Word's yellow), selection, rules.
TEXT_COLOUR = "#000000"
PLACEHOLDER_BG = "#ffff00"
SELECTED_BG = "#dbe8fb"
PENDING_BG = "#fde3c0"  # a paragraph with reviewers' proposals pending (amber, unlike selection and placeholders)
BOX_BORDER = "#000000"
MUTED = "#666666"
LINK_COLOUR = "#0563c1"  # Word's

# Columns in px from the start (right) edge. A label is followed by a tab, and
# Qt sets tab stops every 80 px from where a paragraph's first line starts
# (`QTextOption.tabStopDistance`), so every hanging paragraph hangs by TAB:
# its label sits TAB before its text, and wrapped lines line up under the
# first line's text. Numbers hang from the edge, letters and bullets from
# STEP, second-level bullets from 2 * STEP: the Word styles' 1.4 cm and 0.7 cm
# steps, a little wider.
TAB = 80
STEP = 40


def _hanging(top: int, bottom: int, margin: int) -> str:
    """A paragraph whose text starts `margin` px from the edge, its label TAB px before."""
    return f"margin-top:{top}px; margin-bottom:{bottom}px; margin-right:{margin}px; text-indent:-{TAB}px;"


# Body text is aligned to the start (right), not justified as in Word: Qt
# justifies a line by widening only its highest-ranked justification points,
# and in a line that mixes Arabic with Latin or digits those are the few
# spaces next to the Latin run (Arabic spaces rank lower), which opens holes
# of several word widths there ("(CWG-COP)      الذي").
BODY_ALIGN = ""

SIGNATURE_STYLES = frozenset({"signature", "signature_title"})
BOX_STYLES = frozenset({"box_heading", "box_text", "box_rule", "reference"})

# style -> (inline CSS of the paragraph, align attribute or '', bullet glyph or '')
_STYLE: dict[str, tuple[str, str, str]] = {
    "header": ("margin:0px;", "", ""),
    "title": ("margin-top:18px; margin-bottom:6px; font-weight:bold; font-size:16pt;", "center", ""),
    "subject": ("margin-top:6px; margin-bottom:18px; font-weight:bold; font-size:14pt;", "center", ""),
    "box_heading": ("margin-top:6px; margin-bottom:0px; font-weight:bold;", "", ""),
    "box_text": ("margin-top:3px; margin-bottom:3px;", BODY_ALIGN, ""),
    "box_rule": ("margin-top:3px; margin-bottom:3px;", "", ""),
    "reference": ("margin-top:0px; margin-bottom:0px;", "", ""),
    "section_heading": ("font-weight:bold; " + _hanging(18, 6, TAB), "", ""),
    "numbered": (_hanging(6, 6, TAB), BODY_ALIGN, ""),
    "body": ("margin-top:6px; margin-bottom:6px;", BODY_ALIGN, ""),
    "bullet": (_hanging(3, 0, STEP + TAB), BODY_ALIGN, "•"),
    "sub_bullet": (_hanging(2, 0, 2 * STEP + TAB), BODY_ALIGN, "○"),
    "lettered": (_hanging(6, 3, STEP + TAB), BODY_ALIGN, ""),
    "lettered_bullet": (_hanging(3, 0, 2 * STEP + TAB), BODY_ALIGN, "•"),
    "signature": ("margin-top:0px; margin-bottom:0px; font-weight:bold;", "center", ""),
    "signature_title": ("margin-top:0px; margin-bottom:0px;", "center", ""),
    "end_rule": ("margin-top:6px; margin-bottom:6px;", "", ""),
}
_DEFAULT_STYLE = ("margin-top:6px; margin-bottom:6px;", "", "")

_TAB = '<span style="white-space:pre">\t</span>'

_HEAD = (
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN">\n'
    '<html lang="{lang}" dir="rtl"><head><meta charset="utf-8"/><title>{title}</title>'
    "<style>"
    "body {{ font-size:13pt; color:" + TEXT_COLOUR + "; }}"
    " a {{ color:" + TEXT_COLOUR + "; text-decoration:none; }}"
    " .ph {{ background-color:" + PLACEHOLDER_BG + "; }}"
    "</style></head>\n"
    '<body dir="rtl">\n'
)


def _text(text: str) -> str:
    """Escaped text: `\\n` a line break, `\\t` a kept tab; no-break spaces stay as they are."""
    out = escape(text, quote=False)
    if "\n" in out:
        out = out.replace("\n", "<br/>")
    if "\t" in out:
        out = out.replace("\t", _TAB)
    return out


def _rich_text(
    text: str, fields: tuple = (), marks: tuple[MarkSpan, ...] = (), notes: tuple[Note, ...] = (), first_note: int = 1
) -> str:
    """Text with its fields (a missing one highlighted), marks, links and footnote numbers."""
    if not fields and not marks and not notes:
        return _text(text)
    cuts = {0, len(text)}
    for f in fields:
        cuts.update((f.start, f.end))
    for m in marks:
        cuts.update((m.start, m.end))
    cuts.update(n.at for n in notes)
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    pieces: list[str] = []
    for at, end in zip(points, [*points[1:], None], strict=True):
        for i, note in enumerate(notes):
            if note.at == at:
                pieces.append(f'<sup><span class="note-mark">{first_note + i}</span></sup>')
        if end is None or end == at:
            continue
        piece = _text(text[at:end])
        field = next((f for f in fields if f.start <= at < f.end), None)
        if field is not None:
            tip = escape(field.name, quote=True)
            if field.missing:
                piece = f'<span class="ph field" title="{tip}" style="background-color:{PLACEHOLDER_BG}">{piece}</span>'
            else:
                piece = f'<span class="field" title="{tip}">{piece}</span>'
        mark = next((m for m in marks if m.start <= at < m.end), None)
        if mark is not None:
            for tag in ("u", "i", "b"):
                if tag in mark.marks:
                    piece = f"<{tag}>{piece}</{tag}>"
            if mark.href:
                tip = escape(mark.href, quote=True)
                piece = f'<span class="link" title="{tip}" style="color:{LINK_COLOUR}; text-decoration:underline">{piece}</span>'
        pieces.append(piece)
    return "".join(pieces)


def _inline(block: Block, glyph: str = "", first_note: int = 1, tip: str = "") -> str:
    """A block's content: label or glyph and a tab, then the text; linked to its source."""
    if block.placeholder:
        body = _text(block.text)
    else:
        body = _rich_text(block.text, block.fields, block.marks, block.notes, first_note)
    if block.placeholder:
        body = f'<span class="ph" style="background-color:{PLACEHOLDER_BG}">{body}</span>'
    lead = block.label or glyph
    if lead:
        body = f"{_text(lead)}{_TAB}{body}"
    if tip:
        body = f'<span class="pending" title="{escape(tip, quote=True)}">{body}</span>'
    if block.source:
        href = escape(f"{SCHEME}:{block.source}", quote=True)
        body = f'<a href="{href}" style="color:{TEXT_COLOUR}; text-decoration:none">{body}</a>'
    return body


class Pending:
    """The paragraphs with proposals pending, and the tooltip that says so."""

    def __init__(self, ids: frozenset[str] = frozenset(), tip: str = "") -> None:
        self.ids, self.tip = ids, tip


_NONE_PENDING = Pending()


def _paragraph(
    block: Block, selected: str | None, align: str | None = None, first_note: int = 1,
    pending: Pending = _NONE_PENDING,
) -> str:
    css, default_align, glyph = _STYLE.get(block.style, _DEFAULT_STYLE)
    align = default_align if align is None else align
    marked = bool(block.source) and block.source in pending.ids
    if selected is not None and block.source and block.source == selected:
        css += f" background-color:{SELECTED_BG};"
    elif marked:
        css += f" background-color:{PENDING_BG};"
    align_attr = f' align="{align}"' if align else ""
    tip = pending.tip if marked else ""
    return f'<p dir="rtl"{align_attr} style="{css}">{_inline(block, glyph, first_note, tip)}</p>\n'


def _header_table(document: Document, selected: str | None) -> str:
    if not document.header_start and not document.header_end:
        return ""
    start = "".join(_paragraph(b, selected) for b in document.header_start)
    end = "".join(_paragraph(b, selected, align="left") for b in document.header_end)
    # Qt lays table cells out left to right whatever the direction: the end
    # column (left) comes first, the start column (right) second, as Word's
    # `bidiVisual` table shows them.
    return (
        '<table width="100%" border="0" cellspacing="0" cellpadding="2" style="margin-bottom:12px;">'
        f'<tr><td width="50%" valign="top">{end}</td><td width="50%" valign="top">{start}</td></tr></table>\n'
    )


def _numbered(blocks: list[Block], selected: str | None, counter: list[int], pending: Pending = _NONE_PENDING) -> str:
    """The blocks' paragraphs, footnotes numbered on from `counter[0]` (moved on)."""
    out = []
    for b in blocks:
        out.append(_paragraph(b, selected, first_note=counter[0], pending=pending))
        counter[0] += len(b.notes)
    return "".join(out)


def _notes(document: Document) -> str:
    """The footnotes, numbered, under a short rule at the end of the page."""
    notes = [n for b in document.blocks if not b.placeholder for n in b.notes]
    if not notes:
        return ""
    out = ['<hr width="30%" align="right" style="margin-top:18px;"/>\n']
    for number, note in enumerate(notes, start=1):
        body = _rich_text(note.text, note.fields, note.marks)
        out.append(
            f'<p dir="rtl" class="footnote" style="margin-top:2px; margin-bottom:2px; font-size:10pt;">'
            f"<sup>{number}</sup> {body}</p>\n"
        )
    return "".join(out)


def _box_table(blocks: list[Block], selected: str | None, counter: list[int], pending: Pending) -> str:
    inner = _numbered(blocks, selected, counter, pending)
    return (
        f'<table dir="rtl" width="100%" border="1" cellspacing="0" cellpadding="6" '
        f'style="border-style:solid; border-color:{BOX_BORDER}; margin-top:6px; margin-bottom:12px;">'
        f"<tr><td>{inner}</td></tr></table>\n"
    )


def _signature_table(blocks: list[Block], selected: str | None, counter: list[int], pending: Pending) -> str:
    """The signature centred in the end (left) half of the page, as the Word styles place it
    (indented by half the text width, centred): a fixed margin would squeeze it in a narrow preview."""
    inner = _numbered(blocks, selected, counter, pending)
    # Qt lays table cells out left to right: the end half first.
    return (
        '<table width="100%" border="0" cellspacing="0" cellpadding="0" style="margin-top:36px; margin-bottom:12px;">'
        f'<tr><td width="50%" valign="top">{inner}</td><td width="50%"></td></tr></table>\n'
    )


def to_html(document: Document, selected: str | None = None, pending: Pending = _NONE_PENDING) -> str:
    """The document as a complete HTML page for `QTextBrowser`, right to left."""
    parts = [_HEAD.format(lang=escape(document.language or "ar", quote=True), title=_text(document.title))]
    parts.append(_header_table(document, selected))
    blocks = document.blocks
    counter = [1]  # the next footnote's number
    i = 0
    n = len(blocks)
    while i < n:
        block = blocks[i]
        if block.style in BOX_STYLES:
            j = i
            while j < n and blocks[j].style in BOX_STYLES:
                j += 1
            parts.append(_box_table(blocks[i:j], selected, counter, pending))
            i = j
            continue
        if block.style in SIGNATURE_STYLES:
            j = i
            while j < n and blocks[j].style in SIGNATURE_STYLES:
                j += 1
            parts.append(_signature_table(blocks[i:j], selected, counter, pending))
            i = j
            continue
        parts.append(_numbered([block], selected, counter, pending))
        i += 1
    parts.append(_notes(document))
    if document.footer:
        parts.append(
            f'<p dir="rtl" align="center" style="margin-top:24px; font-size:9pt; color:{MUTED};">'
            f"{_text(document.footer)}</p>\n"
        )
    parts.append("</body></html>\n")
    return "".join(parts)


# --- one paragraph at a time (the preview's in-place updates) -----------------


def paragraph_page(block: Block, selected: str | None = None, pending: Pending = _NONE_PENDING) -> str:
    """A page holding only `block`'s paragraph, written exactly as `to_html`
    writes it: the preview takes its formats and content from it to update
    that paragraph in place."""
    head = _HEAD.format(lang="ar", title="")
    return f"{head}{_paragraph(block, selected, pending=pending).rstrip()}</body></html>"
