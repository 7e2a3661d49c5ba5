"""Every WordprocessingML detail cwgdraft writes, in one place.

Right to left (FORMAT.md): Arabic paragraphs carry `w:bidi`; the section
`w:bidi`; tables `w:bidiVisual`; list levels `w:bidi`. No bidi paragraph is
aligned `right`/`end`. Children of `w:pPr`, `w:rPr`, `w:sectPr` are written in
schema order. Arabic runs carry `w:rtl`; Latin words, codes and URLs get runs
of their own without it. Sizes and bold come in pairs (`sz`/`szCs`, `b`/`bCs`).

Builders return XML text: a report is built as one string and parsed once,
which is several times faster than element-by-element construction.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSDECL = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'

# A4 in twentieths of a point, 2 cm margins.
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 11906, 16838, 1134
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN

RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath",
)  # fmt: skip
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
    "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
    "cnfStyle", "rPr", "sectPr", "pPrChange",
)  # fmt: skip
SECTPR_ORDER = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign",
    "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings",
    "sectPrChange",
)  # fmt: skip


# Not xml.sax.saxutils: importing it brings in urllib, http, email and ssl,
# which cost more than the export itself in a `cwgdraft export` process.
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
)


def escape(text: str) -> str:
    """Text as XML character data."""
    if "&" in text or "<" in text or ">" in text:
        return text.translate(_TEXT_ESCAPES)
    return text


def quoteattr(value: str) -> str:
    """A value as a double-quoted XML attribute."""
    return f'"{value.translate(_ATTR_ESCAPES)}"'


def ordered(children: dict[str, str], order: tuple[str, ...]) -> str:
    """Children (local name -> XML) joined in schema order; unknown names refuse."""
    unknown = set(children) - set(order)
    if unknown:
        raise ValueError(f"not a known child here: {sorted(unknown)}")
    return "".join(children[name] for name in order if children.get(name))


# Cached: a report asks for the same few property sets thousands of times.
@lru_cache(maxsize=256)
def rpr(
    *,
    bold: bool = False,
    italic: bool = False,
    size: int | None = None,  # half-points, both halves
    rtl: bool = False,
    highlight: str | None = None,
    fonts: tuple[str, str] | None = None,  # (latin, complex script)
    lang: bool = False,
    style: str | None = None,
    underline: bool = False,
    color: str | None = None,
    superscript: bool = False,
) -> str:
    c: dict[str, str] = {}
    if style:
        c["rStyle"] = f"<w:rStyle w:val={quoteattr(style)}/>"
    if fonts:
        latin, cs = fonts
        c["rFonts"] = (
            f"<w:rFonts w:ascii={quoteattr(latin)} w:hAnsi={quoteattr(latin)} "
            f"w:eastAsia={quoteattr(latin)} w:cs={quoteattr(cs)}/>"
        )
    if bold:
        c["b"], c["bCs"] = "<w:b/>", "<w:bCs/>"
    if italic:
        c["i"], c["iCs"] = "<w:i/>", "<w:iCs/>"
    if size:
        c["sz"], c["szCs"] = f'<w:sz w:val="{size}"/>', f'<w:szCs w:val="{size}"/>'
    if color:
        c["color"] = f'<w:color w:val="{color}"/>'
    if highlight:
        c["highlight"] = f'<w:highlight w:val="{highlight}"/>'
    if underline:
        c["u"] = '<w:u w:val="single"/>'
    if superscript:
        c["vertAlign"] = '<w:vertAlign w:val="superscript"/>'
    if rtl:
        c["rtl"] = "<w:rtl/>"
    if lang:
        c["lang"] = '<w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>'
    body = ordered(c, RPR_ORDER)
    return f"<w:rPr>{body}</w:rPr>" if body else ""


def _text_xml(text: str) -> str:
    """Text with tabs and line breaks as their own elements."""
    if "\t" not in text and "\n" not in text:
        return f'<w:t xml:space="preserve">{escape(text)}</w:t>' if text else ""
    out: list[str] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if piece:
                out.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return "".join(out)


# --- runs that Word orders as Unicode's algorithm does ---------------------------
#
# ECMA-376 §17.3.2.30: in a `w:rtl` run, spaces, punctuation, hyphens and
# other neutral or weak characters (all but digits and their separators and
# terminators) are right to left, whatever Unicode's algorithm would make of
# them. A code such as `PL 1.5` split into `PL` and an rtl ` 1.5` would show
# as `1.5 PL`. So a left-to-right unit runs without `w:rtl` from its first
# Latin letter to its last Latin letter or digit before the next Arabic
# letter (`PL 1.5`, `Trend Micro`, `C22/7-A`, `X.1205`); a bracket pair
# around nothing but such a unit goes with it, after a left-to-right mark, so
# that the brackets belong to the unit (LibreOffice would otherwise break the
# line between `(` and the word); and a number with a terminator (`50%`)
# after Arabic runs without `w:rtl` from the Arabic letter on, so that Word
# sees the number after the letter as Unicode does.

LRM = "\u200e"
_BRACKET_PAIRS = {"(": ")", "[": "]"}


class _DirectionCodes(dict[int, str]):
    """One letter per character: L strong left to right, R strong right to left,
    D digit, T number terminator (ET), N anything else. Filled on demand."""

    def __missing__(self, codepoint: int) -> str:
        bidi = unicodedata.bidirectional(chr(codepoint))
        code = {"L": "L", "R": "R", "AL": "R", "EN": "D", "AN": "D", "ET": "T"}.get(bidi, "N")
        self[codepoint] = code
        return code


_DIRECTION_CODES = _DirectionCodes()
_LTR_UNIT = re.compile(r"D*L(?:[^R]*[LD])?")
# A number with a terminator (`50%`, `%50`), and the neutrals before it back to the Arabic letter.
_TERMINATED_NUMBER = re.compile(r"(?<=R)N*(?:T+D+(?:ND+)*|D+(?:ND+)*T+)(?![DT])")


def direction_runs(text: str) -> list[tuple[str, bool]]:
    """`(piece, rtl)` runs that Word, by §17.3.2.30, shows as Unicode's algorithm shows the text."""
    codes = text.translate(_DIRECTION_CODES)
    spans: list[tuple[int, int, bool]] = []  # (start, end, bracketed)
    for m in _LTR_UNIT.finditer(codes):
        start, end = m.start(), m.end()
        opener = text[start - 1] if start else ""
        closer = _BRACKET_PAIRS.get(opener)
        # Only a bracket that opens a word (after a space or an Arabic letter).
        before = codes[start - 2] if start >= 2 else "N"
        bracketed = (
            closer is not None and text[end : end + 1] == closer and (start < 2 or text[start - 2].isspace() or before == "R")
        )
        spans.append((start - 1, end + 1, True) if bracketed else (start, end, False))
    for m in _TERMINATED_NUMBER.finditer(codes):
        if not any(m.start() < e and s < m.end() for s, e, _ in spans):
            spans.append((m.start(), m.end(), False))
    spans.sort()
    out: list[tuple[str, bool]] = []
    pos = 0
    for start, end, bracketed in spans:
        if start > pos:
            out.append((text[pos:start], True))
        out.append(((LRM if bracketed else "") + text[start:end], False))
        pos = end
    if pos < len(text):
        out.append((text[pos:], True))
    return out


_BRACKET_MARK = re.compile("\u200e(?=[([])")


def without_bracket_marks(text: str) -> str:
    """Text read back from Word without the marks `direction_runs` put before brackets."""
    return _BRACKET_MARK.sub("", text) if LRM in text else text


def runs(
    text: str,
    *,
    highlight: str | None = None,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    style: str | None = None,
    color: str | None = None,
) -> str:
    """Runs for text: Arabic and neutrals `w:rtl`, left-to-right units without it.
    Bold and italic set both halves (`b`/`bCs`, `i`/`iCs`): Arabic runs take the complex-script ones."""
    out: list[str] = []
    for piece, is_rtl in direction_runs(text):
        props = rpr(
            rtl=is_rtl, highlight=highlight, bold=bold, italic=italic, underline=underline, style=style, color=color
        )
        out.append(f"<w:r>{props}{_text_xml(piece)}</w:r>")
    return "".join(out)


# Where a reference document has no style of its own for links and footnote marks.
LINK_COLOUR = "0563C1"


class RichStyles(NamedTuple):
    """The reference document's style ids for links and footnotes (None: direct formatting)."""

    hyperlink: str | None = None
    footnote_reference: str | None = None
    footnote_text: str | None = None


DIRECT_FORMATTING = RichStyles()  # no styles for links and notes: direct formatting


def footnote_reference(note_id: int, styles: RichStyles) -> str:
    """The footnote's mark in the text: a superscript number Word counts itself."""
    props = rpr(rtl=True, style=styles.footnote_reference, superscript=styles.footnote_reference is None)
    return f'<w:r>{props}<w:footnoteReference w:id="{note_id}"/></w:r>'


def rich_runs(
    text: str,
    *,
    highlight: str | None = None,
    holes: tuple[tuple[int, int], ...] = (),
    marks: tuple[tuple[int, int, frozenset[str], str], ...] = (),  # (start, end, marks, relationship id of a link)
    notes: tuple[tuple[int, int], ...] = (),  # (at, footnote id)
    styles: RichStyles = DIRECT_FORMATTING,
) -> str:
    """Runs for text with highlighted holes, marks (bold, italic, underline),
    links (`w:hyperlink` to a relationship) and footnote references."""
    if not holes and not marks and not notes:
        return runs(text, highlight=highlight)
    cuts = {0, len(text)}
    for start, end in holes:
        cuts.update((start, end))
    for start, end, _m, _r in marks:
        cuts.update((start, end))
    cuts.update(at for at, _id in notes)
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    out: list[str] = []
    link_open = ""
    for at, end in zip(points, [*points[1:], None], strict=True):
        rid = ""
        marked: frozenset[str] = frozenset()
        for m_start, m_end, m_marks, m_rid in marks:
            if end is not None and m_start <= at < m_end:
                marked, rid = m_marks, m_rid
                break
        if link_open and (rid != link_open or any(n_at == at for n_at, _id in notes)):
            out.append("</w:hyperlink>")
            link_open = ""
        out.extend(footnote_reference(note_id, styles) for n_at, note_id in notes if n_at == at)
        if end is None or end == at:
            continue
        if rid and not link_open:
            out.append(f"<w:hyperlink r:id={quoteattr(rid)}>")
            link_open = rid
        lit = highlight or (PLACEHOLDER_HIGHLIGHT if any(s <= at < e for s, e in holes) else None)
        link_style = styles.hyperlink if rid else None
        out.append(
            runs(
                text[at:end],
                highlight=lit,
                bold="b" in marked,
                italic="i" in marked,
                underline="u" in marked or (bool(rid) and link_style is None),
                style=link_style,
                color=LINK_COLOUR if rid and link_style is None else None,
            )
        )
    if link_open:
        out.append("</w:hyperlink>")
    return "".join(out)


@lru_cache(maxsize=256)
def ppr(
    *,
    style: str | None = None,
    bidi: bool = True,
    num: tuple[int, int] | None = None,  # (numId, ilvl)
    keep_next: bool = False,
    jc: str | None = None,
    ind: tuple[int, int] | None = None,  # (start, hanging)
    spacing: tuple[int, int] | None = None,  # (before, after)
    tabs: tuple[int, ...] = (),  # start-aligned tab stops
    end_tabs: tuple[int, ...] = (),  # end-aligned tab stops (text ends at the stop)
    borders: bool = False,
    extra_rpr: str = "",
    line: int | None = None,  # exact line height (twentieths of a point)
    keep_lines: bool = False,
    ind_both: int | None = None,  # the same indent on both sides (a bordered box)
) -> str:
    if jc in ("right", "end") and bidi:
        # FORMAT.md rule 2: in a bidi paragraph `right` means the end side.
        raise ValueError("a bidi paragraph is never aligned right/end")
    c: dict[str, str] = {}
    if style:
        c["pStyle"] = f"<w:pStyle w:val={quoteattr(style)}/>"
    if keep_next:
        c["keepNext"] = "<w:keepNext/>"
    if keep_lines:
        c["keepLines"] = "<w:keepLines/>"
    if num:
        c["numPr"] = f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if borders:
        edge = '<w:{0} w:val="single" w:sz="4" w:space="4" w:color="auto"/>'
        c["pBdr"] = "<w:pBdr>" + "".join(edge.format(e) for e in ("top", "left", "bottom", "right")) + "</w:pBdr>"
    if tabs or end_tabs:
        # In a bidi paragraph tab kinds are logical, like `w:jc`: `left` is the
        # start side (the right), `right` the end side. Stops in position order.
        stops = sorted([(t, "left") for t in tabs] + [(t, "right") for t in end_tabs])
        c["tabs"] = "<w:tabs>" + "".join(f'<w:tab w:val="{v}" w:pos="{t}"/>' for t, v in stops) + "</w:tabs>"
    if bidi:
        c["bidi"] = "<w:bidi/>"
    if spacing or line:
        attrs = [f'w:before="{spacing[0]}" w:after="{spacing[1]}"'] if spacing else []
        attrs += [f'w:line="{line}" w:lineRule="exact"'] if line else []
        c["spacing"] = f"<w:spacing {' '.join(attrs)}/>"
    if ind:
        start, hanging = ind
        hang = f' w:hanging="{hanging}"' if hanging else ""
        c["ind"] = f'<w:ind w:left="{start}"{hang}/>'
    elif ind_both:
        c["ind"] = f'<w:ind w:left="{ind_both}" w:right="{ind_both}"/>'
    if jc:
        c["jc"] = f'<w:jc w:val="{jc}"/>'
    if extra_rpr:
        c["rPr"] = extra_rpr
    body = ordered(c, PPR_ORDER)
    return f"<w:pPr>{body}</w:pPr>" if body else ""


PLACEHOLDER_HIGHLIGHT = "yellow"


class ParagraphSpec(NamedTuple):
    """What the writer asks for one paragraph."""

    style_id: str
    text: str
    label: str = ""
    placeholder: bool = False
    num: tuple[int, int] | None = None
    bidi: bool = True
    bookmark: tuple[int, str] | None = None  # (w:id, w:name) around the whole paragraph
    holes: tuple[tuple[int, int], ...] = ()  # text[start:end] of facts not known yet: highlighted
    keep_next: bool = False  # on the page of the next paragraph (a lead-in and its list)
    marks: tuple[tuple[int, int, frozenset[str], str], ...] = ()  # (start, end, marks, link's relationship id)
    notes: tuple[tuple[int, int], ...] = ()  # (at, footnote id)
    styles: RichStyles = DIRECT_FORMATTING


def paragraph(spec: ParagraphSpec) -> str:
    """`w:p` for a block: its label and a tab, then its runs."""
    highlight = PLACEHOLDER_HIGHLIGHT if spec.placeholder else None
    label = ""
    if spec.label:
        label = f"<w:r>{rpr(rtl=True)}<w:t>{escape(spec.label)}</w:t></w:r><w:r>{rpr(rtl=True)}<w:tab/></w:r>"
    start = end = ""
    if spec.bookmark:
        mark_id, name = spec.bookmark
        start = f'<w:bookmarkStart w:id="{mark_id}" w:name={quoteattr(name)}/>'
        end = f'<w:bookmarkEnd w:id="{mark_id}"/>'
    props = ppr(style=spec.style_id, bidi=spec.bidi, num=spec.num, keep_next=spec.keep_next)
    text_runs = rich_runs(
        spec.text,
        highlight=highlight,
        holes=spec.holes if highlight is None else (),
        marks=spec.marks,
        notes=spec.notes,
        styles=spec.styles,
    )
    return f"<w:p>{props}{start}{label}{text_runs}{end}</w:p>"


def footnotes_part(notes: list[str], styles: RichStyles) -> bytes:
    """footnotes.xml: Word's separator and continuation separator (ids -1 and 0),
    then each note's XML (from `footnote`)."""
    separators = "".join(
        f'<w:footnote w:type="{kind}" w:id="{note_id}"><w:p>{ppr(spacing=(0, 0))}<w:r><w:{kind}/></w:r></w:p></w:footnote>'
        for kind, note_id in (("separator", -1), ("continuationSeparator", 0))
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {NSDECL}>{separators}'
        + "".join(notes)
        + "</w:footnotes>"
    ).encode()


def footnote(note_id: int, body_runs: str, styles: RichStyles) -> str:
    """One footnote: a right-to-left paragraph, Word's own number mark, a space, the note's runs."""
    props = ppr(style=styles.footnote_text, spacing=None if styles.footnote_text else (0, 0))
    mark_props = rpr(rtl=True, style=styles.footnote_reference, superscript=styles.footnote_reference is None)
    return (
        f'<w:footnote w:id="{note_id}"><w:p>{props}<w:r>{mark_props}<w:footnoteRef/></w:r>'
        f'<w:r>{rpr(rtl=True)}<w:t xml:space="preserve"> </w:t></w:r>{body_runs}</w:p></w:footnote>'
    )


ID_BOOKMARK_PREFIX = "cwg_"


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_BOOKMARK_HEX = re.compile(r"[0-9a-f]{32}")


def id_bookmark_name(item_id: str) -> str | None:
    """The bookmark that carries a paragraph's or section's id through Word:
    `cwg_` and the UUID's 32 hex digits (Word allows letters, digits and `_`
    in names of at most 40 characters). None for an id that is not a UUID in
    its canonical form, which is the only form that comes back unchanged."""
    if _CANONICAL_UUID.fullmatch(item_id):
        return ID_BOOKMARK_PREFIX + item_id.replace("-", "")
    return None


def id_from_bookmark_name(name: str) -> str | None:
    """The id a `cwg_` bookmark carries, or None."""
    if not name.startswith(ID_BOOKMARK_PREFIX):
        return None
    h = name[len(ID_BOOKMARK_PREFIX) :]
    if not _BOOKMARK_HEX.fullmatch(h):
        return None
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def field_runs(instruction: str, shown: str) -> str:
    """A simple field (PAGE, ...) as begin/instr/separate/result/end runs."""
    r = rpr(rtl=True)
    return (
        f'<w:r>{r}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{r}<w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
        f'<w:r>{r}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{r}<w:t>{escape(shown)}</w:t></w:r>"
        f'<w:r>{r}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def running_header_paragraph(style_id: str, text: str) -> str:
    """The later-page header: `{PAGE}` in the text becomes a page field."""
    # The last `{PAGE}`: the template puts it after the symbol, which is user text.
    before, _, after = text.rpartition("{PAGE}")
    if not _:
        before, after = text, ""
    inner = runs(before) + (field_runs("PAGE", "2") if _ else "") + runs(after)
    # An end-aligned stop at the far edge: the page number sits flush at the end side.
    return f"<w:p>{ppr(style=style_id, end_tabs=(TEXT_WIDTH,))}{inner}</w:p>"


def header_table(start: list[ParagraphSpec], end: list[ParagraphSpec]) -> str:
    """The first-page header block: a borderless two-column table, right to left."""
    half = TEXT_WIDTH // 2

    def cell(specs: list[ParagraphSpec]) -> str:
        body = "".join(paragraph(s) for s in specs) or f"<w:p>{ppr()}</w:p>"
        return f'<w:tc><w:tcPr><w:tcW w:w="{half}" w:type="dxa"/></w:tcPr>{body}</w:tc>'

    none = "".join(f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (
        "<w:tbl><w:tblPr><w:bidiVisual/>"
        f'<w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:tblBorders>{none}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" '
        'w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{half}"/><w:gridCol w:w="{half}"/></w:tblGrid>'
        f"<w:tr>{cell(start)}{cell(end)}</w:tr></w:tbl>"
    )


def sect_pr(first_header: str | None, default_header: str | None, first_footer: str | None, default_footer: str | None) -> str:
    """The body's section: A4, bidi, a first page of its own (relationship ids given)."""
    c: dict[str, str] = {}
    for kind, default, first in (("header", default_header, first_header), ("footer", default_footer, first_footer)):
        c[f"{kind}Reference"] = "".join(
            f'<w:{kind}Reference w:type="{which}" r:id="{rid}"/>'
            for which, rid in (("default", default), ("first", first))
            if rid
        )
    c["pgSz"] = f'<w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>'
    c["pgMar"] = (
        f'<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" '
        'w:header="567" w:footer="567" w:gutter="0"/>'
    )
    c["cols"] = '<w:cols w:space="720"/>'
    if first_header or first_footer:
        c["titlePg"] = "<w:titlePg/>"
    c["bidi"] = "<w:bidi/>"
    c["docGrid"] = '<w:docGrid w:linePitch="360"/>'
    return f"<w:sectPr>{ordered(c, SECTPR_ORDER)}</w:sectPr>"


# --- parts of the reference document -------------------------------------------


class StyleSpec(NamedTuple):
    """A paragraph style of the reference document."""

    style_id: str
    name: str
    based_on: str | None = "Normal"
    bold: bool = False
    size: int | None = None  # half-points
    jc: str | None = None
    ind: tuple[int, int] | None = None
    spacing: tuple[int, int] | None = None
    keep_next: bool = False
    borders: bool = False
    num: tuple[int, int] | None = None
    tabs: tuple[int, ...] = ()
    highlight: str | None = None
    line: int | None = None  # exact line height, else the document's
    keep_lines: bool = False
    ind_both: int | None = None


def style_xml(spec: StyleSpec) -> str:
    based = f"<w:basedOn w:val={quoteattr(spec.based_on)}/>" if spec.based_on else ""
    p = ppr(
        num=spec.num,
        keep_next=spec.keep_next,
        jc=spec.jc,
        ind=spec.ind,
        spacing=spec.spacing,
        tabs=spec.tabs,
        borders=spec.borders,
        line=spec.line,
        keep_lines=spec.keep_lines,
        ind_both=spec.ind_both,
    )
    # No `w:rtl` in styles: a style's `w:rtl` would reach the Latin runs too,
    # which must stay left to right (FORMAT.md rule 5); Arabic runs carry it.
    r = rpr(bold=spec.bold, size=spec.size, highlight=spec.highlight)
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId={quoteattr(spec.style_id)}>'
        f"<w:name w:val={quoteattr(spec.name)}/>{based}<w:qFormat/>{p}{r}</w:style>"
    )


def character_style_xml(style_id: str, name: str, props: str) -> str:
    """A character style (a link's colour, a footnote's superscript mark)."""
    return (
        f'<w:style w:type="character" w:styleId={quoteattr(style_id)}><w:name w:val={quoteattr(name)}/>'
        f'<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>{props}</w:style>'
    )


# Word's own built-in styles for links and footnotes (their names are Word's).
RICH_CHARACTER_STYLES = (
    ("Hyperlink", "Hyperlink", rpr(color=LINK_COLOUR, underline=True)),
    ("FootnoteReference", "footnote reference", rpr(superscript=True)),
)


def styles_part(
    specs: list[StyleSpec],
    fonts: tuple[str, str],
    size_latin: int,
    size_cs: int,
    line: int | None = None,
    character_styles: tuple[tuple[str, str, str], ...] = (),
) -> bytes:
    """styles.xml: defaults with both font halves and Arabic language, Normal, the given styles.
    `line`: the exact line height of every paragraph (twentieths of a point), else single."""
    latin, cs = fonts
    exact = f' w:line="{line}" w:lineRule="exact"' if line else ""
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f"<w:rFonts w:ascii={quoteattr(latin)} w:hAnsi={quoteattr(latin)} w:eastAsia={quoteattr(latin)} w:cs={quoteattr(cs)}/>"
        f'<w:sz w:val="{size_latin}"/><w:szCs w:val="{size_cs}"/>'
        '<w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        # Widow and orphan control: no paragraph leaves one line alone on a page.
        f'<w:widowControl/><w:bidi/><w:spacing w:before="120" w:after="0"{exact}/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    normal = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        # No `w:jc`: the start side (the right). Justified body styles say `both`
        # themselves; a justified signature or header would stretch lines that end in a break.
        f"{ppr()}</w:style>"
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:bidiVisual/><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    )
    body = "".join(style_xml(s) for s in specs) + "".join(character_style_xml(*c) for c in character_styles)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {NSDECL}>{defaults}{normal}{body}</w:styles>'.encode()


class ListLevel(NamedTuple):
    glyph: str
    start: int  # indent at the start side (twips)
    hanging: int
    font: str | None = None


def numbering_part(lists: list[list[ListLevel]]) -> bytes:
    """numbering.xml: one bullet list per entry (numId = index + 1); every level bidi."""
    abstracts = []
    nums = []
    for index, levels in enumerate(lists):
        lvls = []
        for ilvl, level in enumerate(levels):
            font = (
                f"<w:rPr><w:rFonts w:ascii={quoteattr(level.font)} w:hAnsi={quoteattr(level.font)} "
                f"w:cs={quoteattr(level.font)} w:hint=\"default\"/></w:rPr>"
                if level.font
                else ""
            )
            lvls.append(
                f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
                f"<w:lvlText w:val={quoteattr(level.glyph)}/><w:lvlJc w:val=\"left\"/>"
                f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{level.start}"/></w:tabs><w:bidi/>'
                f'<w:ind w:left="{level.start}" w:hanging="{level.hanging}"/></w:pPr>{font}</w:lvl>'
            )
        abstracts.append(
            f'<w:abstractNum w:abstractNumId="{index}"><w:multiLevelType w:val="hybridMultilevel"/>'
            + "".join(lvls)
            + "</w:abstractNum>"
        )
        nums.append(f'<w:num w:numId="{index + 1}"><w:abstractNumId w:val="{index}"/></w:num>')
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {NSDECL}>'
        + "".join(abstracts)
        + "".join(nums)
        + "</w:numbering>"
    ).encode()


def settings_part() -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {NSDECL}>'
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="794"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-GB" w:bidi="ar-SA"/>'
        "</w:settings>"
    ).encode()


def header_part(inner: str, tag: str = "hdr") -> bytes:
    """A header (`hdr`) or footer (`ftr`) part holding the given block XML."""
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{tag} {NSDECL}>{inner}</w:{tag}>'.encode()


def document_part(body: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NSDECL}><w:body>{body}</w:body></w:document>'.encode()


def font_table_part(fonts: tuple[str, str]) -> bytes:
    """fontTable.xml: the two fonts, with what Word needs to pick a stand-in when one is missing."""
    latin, cs = fonts
    entry = (
        '<w:font w:name={name}><w:charset w:val="{charset}"/><w:family w:val="roman"/>'
        '<w:pitch w:val="variable"/></w:font>'
    )
    body = entry.format(name=quoteattr(latin), charset="00")
    if cs != latin:
        body += entry.format(name=quoteattr(cs), charset="B2")  # B2: Arabic
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts {NSDECL}>{body}</w:fonts>'.encode()


_THEME_COLOURS = (
    ("dk1", '<a:sysClr val="windowText" lastClr="000000"/>'),
    ("lt1", '<a:sysClr val="window" lastClr="FFFFFF"/>'),
    ("dk2", '<a:srgbClr val="1F497D"/>'),
    ("lt2", '<a:srgbClr val="EEECE1"/>'),
    ("accent1", '<a:srgbClr val="4F81BD"/>'),
    ("accent2", '<a:srgbClr val="C0504D"/>'),
    ("accent3", '<a:srgbClr val="9BBB59"/>'),
    ("accent4", '<a:srgbClr val="8064A2"/>'),
    ("accent5", '<a:srgbClr val="4BACC6"/>'),
    ("accent6", '<a:srgbClr val="F79646"/>'),
    ("hlink", '<a:srgbClr val="0000FF"/>'),
    ("folHlink", '<a:srgbClr val="800080"/>'),
)


def theme_part(fonts: tuple[str, str]) -> bytes:
    """A minimal Office theme (Word expects one): colours, the two fonts, plain formats."""
    latin, cs = fonts
    colours = "".join(f"<a:{name}>{value}</a:{name}>" for name, value in _THEME_COLOURS)
    font = (
        f"<a:latin typeface={quoteattr(latin)}/><a:ea typeface=\"\"/><a:cs typeface={quoteattr(cs)}/>"
        f'<a:font script="Arab" typeface={quoteattr(cs)}/>'
    )
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = '<a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>'
    effect = "<a:effectStyle><a:effectLst/></a:effectStyle>"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="cwgdraft">'
        f'<a:themeElements><a:clrScheme name="cwgdraft">{colours}</a:clrScheme>'
        f'<a:fontScheme name="cwgdraft"><a:majorFont>{font}</a:majorFont><a:minorFont>{font}</a:minorFont></a:fontScheme>'
        f'<a:fmtScheme name="cwgdraft"><a:fillStyleLst>{fill * 3}</a:fillStyleLst>'
        f"<a:lnStyleLst>{line * 3}</a:lnStyleLst><a:effectStyleLst>{effect * 3}</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst></a:fmtScheme></a:themeElements>"
        "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    ).encode()


# --- tracked changes -------------------------------------------------------------


def _change_attrs(change_id: int, author: str, date: str) -> str:
    return f'w:id="{change_id}" w:author={quoteattr(author)} w:date="{escape(date)}"'


def deleted_runs(text: str) -> str:
    """Runs for deleted text: as `runs`, with `w:delText` for `w:t`."""
    return runs(text).replace("<w:t ", "<w:delText ").replace("</w:t>", "</w:delText>")


def tracked_runs(segments: list[tuple[str, str]], author: str, date: str, first_id: int) -> tuple[str, int]:
    """Runs for a paragraph's text with Word tracked changes: `segments` are
    (`=` kept, `+` inserted, `-` deleted; text) in reading order; each change
    is a `w:ins` or `w:del` with its author and date (ISO 8601, UTC). Returns
    the XML and the next free change id."""
    out: list[str] = []
    change_id = first_id
    for op, text in segments:
        if not text:
            continue
        if op == "=":
            out.append(runs(text))
        elif op == "+":
            out.append(f"<w:ins {_change_attrs(change_id, author, date)}>{runs(text)}</w:ins>")
            change_id += 1
        else:
            out.append(f"<w:del {_change_attrs(change_id, author, date)}>{deleted_runs(text)}</w:del>")
            change_id += 1
    return "".join(out), change_id


def tracked_mark(op: str, change_id: int, author: str, date: str) -> str:
    """The `w:rPr` of a paragraph mark inserted (`+`) or deleted (`-`) with changes tracked."""
    tag = "ins" if op == "+" else "del"
    return f"<w:rPr><w:{tag} {_change_attrs(change_id, author, date)}/></w:rPr>"


# --- custom document properties (docProps/custom.xml) ---------------------------

CUSTOM_PROPERTIES_PART = "docProps/custom.xml"
CUSTOM_PROPERTIES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM_PROPERTIES_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# The format id every custom document property carries (the user-defined property set).
USER_DEFINED_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def custom_properties(existing: bytes | None, properties: dict[str, str]) -> bytes:
    """The custom properties part with `properties` (text values) set: written
    as text when there is no part yet (an export's usual case, without lxml),
    else the existing part with those names replaced and the others kept."""
    if not existing:
        props = "".join(
            f'<property fmtid="{USER_DEFINED_FMTID}" pid="{pid}" name={quoteattr(name)}>'
            f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
            for pid, (name, value) in enumerate(properties.items(), start=2)  # pids start at 2
        )
        return f'{_XML_DECLARATION}<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}">{props}</Properties>'.encode()
    from lxml import etree

    root = etree.fromstring(existing, etree.XMLParser(resolve_entities=False, no_network=True))
    for prop in list(root):
        if prop.get("name") in properties:
            root.remove(prop)
    pids = [int(p.get("pid", "1")) for p in root if (p.get("pid") or "").isdigit()]
    for i, (name, value) in enumerate(properties.items()):
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property")
        prop.set("fmtid", USER_DEFINED_FMTID)
        prop.set("pid", str(max([1, *pids]) + 1 + i))
        prop.set("name", name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def with_override(content_types: bytes, part: str, content_type: str) -> bytes:
    """`[Content_Types].xml` with an override for `/part` (unchanged if it has one)."""
    text = content_types.decode("utf-8")
    if f'PartName="/{part}"' in text:
        return content_types
    override = f'<Override PartName="/{part}" ContentType={quoteattr(content_type)}/>'
    if "</Types>" in text:
        return text.replace("</Types>", override + "</Types>", 1).encode("utf-8")
    from lxml import etree  # a prefixed root, as no common writer makes it

    ns = "http://schemas.openxmlformats.org/package/2006/content-types"
    root = etree.fromstring(content_types, etree.XMLParser(resolve_entities=False, no_network=True))
    if not any(o.get("PartName") == "/" + part for o in root.iter(f"{{{ns}}}Override")):
        etree.SubElement(root, f"{{{ns}}}Override", {"PartName": "/" + part, "ContentType": content_type})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def package_relationship_target(rels: bytes, kind: str) -> str | None:
    """The target of the package's first relationship of type `kind`, or None."""
    for match in re.finditer(rb"<(?:\w+:)?Relationship\b[^>]*>", rels):
        tag = match.group(0).decode("utf-8")
        if f'Type="{kind}"' in tag or f"Type='{kind}'" in tag:
            found = re.search(r"""Target=["']([^"']*)["']""", tag)
            return found.group(1) if found else None
    return None


def with_package_relationship(rels: bytes, kind: str, target: str) -> bytes:
    """The package's relationships with one of type `kind` to `target` (unchanged if there is one)."""
    if package_relationship_target(rels, kind) is not None:
        return rels
    text = rels.decode("utf-8")
    taken = set(re.findall(r"""Id=["']([^"']*)["']""", text))
    rid = next(f"rId{n}" for n in range(100, 100_000) if f"rId{n}" not in taken)
    relationship = f'<Relationship Id="{rid}" Type={quoteattr(kind)} Target={quoteattr(target)}/>'
    if "</Relationships>" in text:
        return text.replace("</Relationships>", relationship + "</Relationships>", 1).encode("utf-8")
    from lxml import etree  # a prefixed root, as no common writer makes it

    ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    root = etree.fromstring(rels, etree.XMLParser(resolve_entities=False, no_network=True))
    etree.SubElement(root, f"{{{ns}}}Relationship", {"Id": rid, "Type": kind, "Target": target})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def with_custom_properties(parts: dict[str, bytes], properties: dict[str, str]) -> dict[str, bytes]:
    """The parts to change (custom properties part, content types, package
    relationships) so that a package of `parts` carries `properties`."""
    rels = parts.get("_rels/.rels", b"")
    target = package_relationship_target(rels, CUSTOM_PROPERTIES_REL)
    name = (target or CUSTOM_PROPERTIES_PART).lstrip("/")
    return {
        name: custom_properties(parts.get(name), properties),
        "[Content_Types].xml": with_override(parts["[Content_Types].xml"], name, CUSTOM_PROPERTIES_TYPE),
        "_rels/.rels": with_package_relationship(rels, CUSTOM_PROPERTIES_REL, name),
    }
