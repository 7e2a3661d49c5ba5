"""The page as LibreOffice lays it out: text on the right, numbers on the right,
Latin words in their places inside Arabic sentences.

Every report (the factory's and the real samples) is exported, converted to
PDF in one `soffice --headless --convert-to pdf` call (a private profile, so
parallel runs do not clash), and read back with `pdftotext -bbox-layout`.
The first pages are also drawn as PNG into `test-artifacts/` (gitignored) for
people to look at.

pdftotext gives Arabic words in visual order (the letters of `عقد` come out
as `دقع`); `_norm` reverses them and keeps letters and digits only, so words
compare with the logical text.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from cwgdraft.core.model import ParagraphKind, Report
from cwgdraft.formats.reference import BOX_INDENT, INDENT, SIGNATURE_INDENT, STEP
from cwgdraft.formats.render import lay_out
from tests import ooxml_check as oc
from tests.report_factory import REPO, all_reports, exported_reports, full_report

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"),
]

ARTIFACTS = REPO / "test-artifacts"
TOL = 3.0  # points
LIST_GLYPHS = ("•", "○")
TWIP = 1 / 20  # points
PAGE_REPORTS = ("full", "two-meetings", "empty")  # plus every sample

XHTML = "{http://www.w3.org/1999/xhtml}"
_ARABIC = re.compile("[\u0600-\u06ff]")
_KEEP = re.compile("[^\u0621-\u064a\u0660-\u0669A-Za-z0-9./-]")


def _norm(word: str) -> str:
    """A pdftotext word as logical text: letters, digits, `./-` only; Arabic reversed."""
    kept = _logical(word)
    return kept[::-1] if _ARABIC.search(kept) else kept


def _logical(text: str) -> str:
    """Logical text reduced the same way: letters, digits, `./-` only."""
    return _KEEP.sub("", text.replace("\u2011", "-"))


@dataclass
class Word:
    text: str  # as pdftotext gives it
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def norm(self) -> str:
        return _norm(self.text)


@dataclass
class Line:
    page: int
    words: list[Word]

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def y0(self) -> float:
        return min(w.y0 for w in self.words)

    @property
    def y1(self) -> float:
        return max(w.y1 for w in self.words)

    @property
    def arabic(self) -> bool:
        return any(_ARABIC.search(w.text) for w in self.words)

    @property
    def rightmost(self) -> Word:
        return max(self.words, key=lambda w: w.x1)

    def __str__(self) -> str:
        return f"p{self.page} y={self.y0:.0f} [{self.x0:.1f}-{self.x1:.1f}] " + " ".join(
            w.norm for w in sorted(self.words, key=lambda w: -w.x1)
        )


@dataclass
class Geometry:
    width: float
    height: float
    top: float
    right: float
    bottom: float
    left: float

    @property
    def right_edge(self) -> float:
        return self.width - self.right

    @property
    def left_edge(self) -> float:
        return self.left


@dataclass
class Rendered:
    name: str
    report: Report
    pdf: Path
    lines: list[Line]
    geometry: Geometry

    def body_lines(self) -> list[Line]:
        """Lines of the body: below the top margin (and, on page 1, below the header
        block: from the title's line on), above the bottom margin."""
        g = self.geometry
        title_y = _title_y(self)
        out = []
        for line in self.lines:
            if line.y1 > g.height - g.bottom + TOL:
                continue  # footer
            if line.y0 < g.top - TOL:
                continue  # header
            if line.page == 1 and line.y0 < title_y - TOL:
                continue  # the first-page header block
            out.append(line)
        return out


def _geometry(data: bytes) -> Geometry:
    pkg = oc.Package.from_bytes(data)
    sect = pkg.document.find(f"{oc.W}body/{oc.W}sectPr")
    size, mar = sect.find(oc.W + "pgSz"), sect.find(oc.W + "pgMar")

    def tw(el: etree._Element, attr: str) -> float:
        return int(el.get(oc.W + attr)) * TWIP

    return Geometry(tw(size, "w"), tw(size, "h"), tw(mar, "top"), tw(mar, "right"), tw(mar, "bottom"), tw(mar, "left"))


def _read_lines(pdf: Path) -> list[Line]:
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True).stdout
    root = etree.fromstring(out, etree.XMLParser(recover=True, huge_tree=True))
    lines: list[Line] = []
    for page_no, page in enumerate(root.iter(XHTML + "page"), start=1):
        page_lines: list[Line] = []
        for line in page.iter(XHTML + "line"):
            words = [
                Word(w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
                for w in line.iter(XHTML + "word")
            ]
            # Lone diacritics and stray marks come as words of their own: drop them.
            words = [w for w in words if not all(unicodedata.category(c) == "Mn" or c.isspace() for c in w.text)]
            if not words:
                continue
            # pdftotext splits one visual line into several (the label, each flow):
            # join those whose middles are at the same height.
            mid = (min(w.y0 for w in words) + max(w.y1 for w in words)) / 2
            for other in page_lines:
                if abs((other.y0 + other.y1) / 2 - mid) < 6:
                    other.words.extend(words)
                    break
            else:
                page_lines.append(Line(page_no, words))
        page_lines.sort(key=lambda ln: ln.y0)
        lines.extend(page_lines)
    return lines


def _title_y(rendered: Rendered) -> float:
    """Top of the first line of page 1 that holds the title's (or its placeholder's) first word."""
    title = rendered.report.title.split()[0] if rendered.report.title.strip() else "تقرير"  # the standard title
    target = _logical(title)
    for line in rendered.lines:
        if line.page == 1 and any(w.norm == target for w in line.words):
            return line.y0
    raise AssertionError(f"{rendered.name}: the title ({title}) is not on page 1")


SYNTHETIC = "synthetic"  # the 60-page report
LEAD_INS = "lead-ins"  # lead-ins and headings at every height of a page


def lead_ins_report() -> Report:
    """Sections of one-line paragraphs, a lead-in and its list, in counts that move
    the lead-ins and the headings down the page a line at a time: without keep-with-next
    some would end a page. And `Trend Micro` at every place in a line."""
    from cwgdraft.core.model import Paragraph, Section

    report = full_report()
    report.sections = []
    for number in range(1, 25):
        paragraphs = [Paragraph(f"فقرة قصيرة رقم {k} من القسم {number}.") for k in range(1 + number % 7)]
        # A Latin name joined by a no-break space, at a different place in the line each time.
        filler = " ".join(["وقدمت"] + ["المنظمات"] * (number % 12) + ["عرضاً"] * (number // 12))
        paragraphs.append(Paragraph(f"{filler} عن برامجها في المدارس والجامعات ثم عرضت شركة Trend\u00a0Micro أدواتها."))
        paragraphs.append(Paragraph("عُرضت في الاجتماع الوثائق التالية:"))
        paragraphs += [Paragraph(f"وثيقة من البلد {k}", ParagraphKind.BULLET) for k in range(2)]
        report.sections.append(Section(f"القسم {number}", paragraphs=paragraphs))
    return report


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    """Every report as PDF, converted in one LibreOffice run through the export's PDF
    path (its fonts mapped to the free stand-ins); page images in test-artifacts/."""
    from cwgdraft.core.synthetic import synthetic_report
    from cwgdraft.formats import pdf
    from cwgdraft.formats.docx_writer import to_bytes
    from cwgdraft.formats.render import render

    folder = tmp_path_factory.mktemp("page")
    reports = all_reports()
    names = [n for n in reports if n in PAGE_REPORTS or n.startswith("sample-")]
    data = {n: exported_reports()[n] for n in names}
    reports[SYNTHETIC] = synthetic_report()
    reports[LEAD_INS] = lead_ins_report()
    for name in (SYNTHETIC, LEAD_INS):
        data[name] = to_bytes(render(reports[name]))
        names.append(name)
    for name in names:
        (folder / f"{name}.docx").write_bytes(data[name])
    pdf.convert([folder / f"{n}.docx" for n in names], folder, timeout=300)
    ARTIFACTS.mkdir(exist_ok=True)
    out: dict[str, Rendered] = {}
    for name in names:
        path = folder / f"{name}.pdf"
        assert path.is_file(), f"LibreOffice made no PDF of {name}"
        last = "2" if name in PAGE_REPORTS else "1"
        subprocess.run(
            ["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", last, str(path), str(ARTIFACTS / name)],
            check=True,
            capture_output=True,
        )
        out[name] = Rendered(name, reports[name], path, _read_lines(path), _geometry(data[name]))
    return out


def _page_names() -> list[str]:
    from tests.report_factory import sample_paths

    return [*PAGE_REPORTS, *(f"sample-{p.stem}" for p in sample_paths())]


# --- the tests --------------------------------------------------------------------


@pytest.mark.parametrize("name", _page_names())
def test_body_lines_end_at_the_right_margin(name: str, rendered: dict[str, Rendered]) -> None:
    """Every Arabic body line ends at the right margin, or at one of the indents
    the styles give (the text of numbered paragraphs, lettered items, bullets):
    never flush left, never at a stray position."""
    r = rendered[name]
    g = r.geometry
    stops = [0, BOX_INDENT, INDENT, INDENT + STEP, INDENT + 2 * STEP, INDENT + 3 * STEP]
    allowed = [g.right_edge - s * TWIP for s in stops]
    lines = [ln for ln in r.body_lines() if ln.arabic]
    assert len(lines) >= 8, "\n".join(map(str, r.lines[:40]))
    # Centred lines (title, subject, signature) are not start-aligned: leave them out.
    half = g.left_edge + (g.right_edge - g.left_edge) / 2
    start_aligned = [ln for ln in lines if ln.x1 > half + 20 and not _centred(ln, g)]
    def at_stop(x: float) -> bool:
        return min(abs(x - a) for a in allowed) <= TOL

    def in_place(line: Line) -> bool:
        words = sorted(line.words, key=lambda w: -w.x1)
        if words[0].text in LIST_GLYPHS and len(words) > 1:
            # A list item: the glyph at its indent (LibreOffice puts the glyph's left
            # edge there, Word its right edge: either), the text at the next stop.
            return (at_stop(words[0].x0) or at_stop(words[0].x1)) and at_stop(words[1].x1)
        return at_stop(line.x1)

    stray = [str(ln) for ln in start_aligned if not in_place(ln)]
    assert stray == [], "lines that end away from the right margin and the indents:\n" + "\n".join(stray)
    flush = [ln for ln in start_aligned if min(abs(ln.x1 - g.right_edge + s * TWIP) for s in (0, BOX_INDENT)) <= TOL]
    assert len(flush) >= len(_labels(r.report)) + 1, "too few lines at the right margin"
    # Justified paragraphs fill the line: some body lines also reach the left margin.
    assert name == "empty" or any(abs(ln.x0 - g.left_edge) <= TOL for ln in start_aligned)


def _centred(line: Line, g: Geometry) -> bool:
    """Centred on the text block, or (the signature) on its part after the signature's indent."""
    left = line.x0 - g.left_edge
    for right in (g.right_edge - line.x1, g.right_edge - SIGNATURE_INDENT * TWIP - line.x1):
        if abs(left - right) <= 2 * TOL and left > TOL:
            return True
    return False


def _labels(report: Report) -> list[str]:
    return [p.label for s in lay_out(report) for p in s.paragraphs if p.paragraph.kind is ParagraphKind.NUMBERED]


def _section_numbers(report: Report) -> list[str]:
    return [str(s.number) for s in lay_out(report)]


@pytest.mark.parametrize("name", _page_names())
def test_paragraph_numbers_at_the_right(name: str, rendered: dict[str, Rendered]) -> None:
    """Each paragraph number (`1.1`, `5.2`) and section number is the rightmost word
    of a line and sits at the right margin, in document order."""
    r = rendered[name]
    g = r.geometry
    lines = r.body_lines()
    position = 0
    for label in [*_labels(r.report)]:
        for index in range(position, len(lines)):
            line = lines[index]
            word = line.rightmost
            if word.norm == label:
                assert abs(word.x1 - g.right_edge) <= TOL, f"{label} not at the right margin: {line}"
                position = index + 1
                break
        else:
            listing = "\n".join(map(str, lines[position : position + 15]))
            raise AssertionError(f"{name}: no line starts (at the right) with {label} after line {position}:\n{listing}")
    # Section headings: `N<TAB>title`, N at the right margin.
    heads = [ln for ln in lines if ln.rightmost.norm in _section_numbers(r.report) and len(ln.words) > 1]
    found = {ln.rightmost.norm for ln in heads if abs(ln.rightmost.x1 - g.right_edge) <= TOL}
    assert set(_section_numbers(r.report)) <= found


def _find(lines: list[Line], target: str, start: int = 0) -> tuple[int, Word]:
    for index in range(start, len(lines)):
        for word in lines[index].words:
            if word.norm == _logical(target) or (target.isascii() and target in word.norm):
                return index, word
    raise AssertionError(f"{target!r} not found from line {start}:\n" + "\n".join(map(str, lines[start : start + 6])))


def _reading_key(index: int, word: Word) -> tuple[int, float]:
    # Reading order in a right-to-left page: line by line, each from the right.
    return (index, -word.x1)


@pytest.mark.parametrize("name", ["full", "sample-cwg-cop-18-2022"])
def test_cwg_cop_sentence_words_in_place(name: str, rendered: dict[str, Rendered]) -> None:
    """`عقد ... (CWG‑COP) ... 12 يناير 2022 ... Zoom.`: read from the right, the
    words come in their logical order, the Latin words read left to right."""
    if name not in rendered:
        pytest.skip(f"{name} is not there")
    lines = rendered[name].body_lines()
    start, aqada = _find(lines, "عقد")
    sequence = [("عقد", start, aqada)]
    at = start
    for target in ("CWG-COP", "12", "يناير", "2022", "Zoom"):
        at, word = _find(lines, target, at)
        sequence.append((target, at, word))
    context = "\n".join(map(str, lines[start : at + 1]))
    for (a, ia, wa), (b, ib, wb) in itertools.pairwise(sequence):
        assert _reading_key(ia, wa) < _reading_key(ib, wb), f"{a} should come before {b} (from the right):\n{context}"
        if ia == ib:
            assert wa.x0 >= wb.x1 - 0.5, f"{a} should be right of {b}:\n{context}"
    # The Latin words are not reversed: `CWG-COP`, `Zoom` read left to right.
    cwg = sequence[1][2].norm
    assert "CWG-COP" in cwg, cwg
    assert sequence[-1][2].norm.startswith("Zoom"), sequence[-1][2].text
    # All of it in one paragraph: at most three lines.
    assert at - start <= 2, context


def test_header_block_and_running_header(rendered: dict[str, Rendered]) -> None:
    """First page: the session column on the right, the symbol column on the left.
    Page 2: the symbol at the right, the page number at the left."""
    r = rendered["full"]
    g = r.geometry
    half = g.width / 2
    lines = [ln for ln in r.lines if ln.page == 1]
    _, council = _find(lines, "المجلس")
    _, symbol = _find(lines, "C22/7-A")
    assert council.x0 > half and symbol.x1 < half
    page2 = [ln for ln in r.lines if ln.page == 2 and ln.y1 < g.top + TOL]
    assert page2, "no running header on page 2"
    _, sym2 = _find(page2, "C22/7-A")
    _, page_no = _find(page2, "2")
    assert abs(sym2.x1 - g.right_edge) <= TOL
    assert abs(page_no.x0 - g.left_edge) <= TOL


def test_placeholders_are_shown(rendered: dict[str, Rendered]) -> None:
    """An empty report still lays out: its placeholders are on page 1."""
    text = " ".join(w.norm for ln in rendered["empty"].lines if ln.page == 1 for w in ln.words)
    for hint in ("الفريق", "التقرير", "الوثيقة"):
        assert _logical(hint) in text


def test_page_images_written(rendered: dict[str, Rendered]) -> None:
    for name in rendered:
        assert (ARTIFACTS / f"{name}-1.png").is_file() or (ARTIFACTS / f"{name}-01.png").is_file()


# --- the printed page as the Council publishes it -----------------------------------

_TOKEN = re.compile("[\u0621-\u064aA-Za-z0-9]+")
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")  # vowel marks and the tatweel: not words


# pdftotext guesses word gaps from glyph positions: after a vowel mark, which
# has no width of its own, it may see one that the PDF does not hold (`يلخّ ص`).
_GAP_AFTER_MARK = re.compile("(?<=[\u064b-\u0652]) (?=[\u0621-\u064a])")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_MARKS.sub("", _GAP_AFTER_MARK.sub("", text.replace("\u00a0", " "))))


def _all_names() -> list[str]:
    return [*_page_names(), SYNTHETIC, LEAD_INS]


def _letters(text: str) -> str:
    """Letters only: pdftotext guesses word gaps from glyph positions
    (after a vowel mark, which has no width, it may see one the PDF does not hold)."""
    return _LETTERS.sub("", _MARKS.sub("", text))


# Letters only: pdftotext reads a paragraph's number (`6.2`), a flow of its own,
# after the line it stands on; numbers are checked where they stand (above).
_LETTERS = re.compile("[^\u0621-\u064aA-Za-z]")


@pytest.mark.parametrize("name", _all_names())
def test_pdf_text_is_the_report_words_in_order(name: str, rendered: dict[str, Rendered]) -> None:
    """`pdftotext` of the PDF's body (the page inside its margins) gives the report's
    words: each paragraph whole, in order, with nothing inside it that is not its own
    (no kashida apostrophes, no stray characters)."""
    from cwgdraft.formats.render import render

    r = rendered[name]
    g = r.geometry
    crop = ["-x", "0", "-y", str(int(g.top)), "-W", str(int(g.width)), "-H", str(int(g.height - g.top - g.bottom))]
    text = subprocess.run(["pdftotext", *crop, str(r.pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "'" not in text and "\u0640" not in text, "stretched joins in the text layer"
    got = _letters(text)
    blocks = [b for b in render(r.report).blocks if _letters(b.seen_text)]
    position = got.find(_letters(blocks[0].seen_text))
    assert position >= 0, f"{name}: the title is not in the text layer"
    # Paragraph by paragraph, in order, each exactly its own letters and digits.
    # Within a line that mixes Arabic and Latin, pdftotext's own reordering may
    # move words, so a paragraph's letters are compared as a multiset.
    for block in blocks:
        want = _letters(block.seen_text)
        window = got[position : position + len(want)]
        assert Counter(window) == Counter(want), f"{name}: not whole or not in order: {block.seen_text[:80]}\n{window[:120]}"
        position += len(want)


@pytest.mark.parametrize("name", _all_names())
def test_brackets_stay_with_their_words(name: str, rendered: dict[str, Rendered]) -> None:
    """No line ends with an opening bracket, none starts with a closing one.
    pdftotext gives characters in logical order: the line's end is its leftmost word."""
    bad = []
    for line in rendered[name].lines:
        if not line.arabic:
            continue
        words = sorted(line.words, key=lambda w: w.x0)
        if words[0].text in ("(", "[") or words[-1].text in (")", "]"):
            bad.append(str(line))
    assert bad == [], "\n".join(bad[:5])


@pytest.mark.parametrize("name", _all_names())
def test_headings_and_lead_ins_never_last_on_a_page(name: str, rendered: dict[str, Rendered]) -> None:
    """The last body line of a page is never the end of a section heading or of a
    paragraph that leads into a list (`...الوثائق التالية:`)."""
    from cwgdraft.formats.docx_writer import is_lead_in
    from cwgdraft.formats.render import render

    r = rendered[name]
    document = render(r.report)
    endings = [
        _letters(b.seen_text)
        for b in document.blocks
        if b.style in ("section_heading", "title", "subject", "box_heading") or is_lead_in(b)
    ]
    lines = r.body_lines()
    last_page = max(ln.page for ln in lines)
    bad = []
    for page in range(1, last_page):
        on_page = [ln for ln in lines if ln.page == page]
        if not on_page:
            continue
        last = on_page[-1]
        # The line's letters in reading order (words from the right, each as logical text).
        letters = "".join(_letters(w.norm) for w in sorted(last.words, key=lambda w: -w.x1))
        if len(letters) >= 4 and any(e.endswith(letters) for e in endings):
            bad.append(str(last))
    assert bad == [], "headings or lead-ins left at a page foot:\n" + "\n".join(bad)


def test_list_glyphs_from_one_font(rendered: dict[str, Rendered]) -> None:
    """`•` and `○` are drawn from the same font (pdftohtml names each piece's font)."""
    pdf = rendered["full"].pdf
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", str(pdf)], check=True, capture_output=True).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True, huge_tree=True))
    families = {f.get("id"): f.get("family", "").split("+")[-1] for f in root.iter("fontspec")}
    fonts: dict[str, set[str]] = {"•": set(), "○": set()}
    page_height = float(next(root.iter("page")).get("height"))
    for piece in root.iter("text"):
        glyph = "".join(piece.itertext()).strip()
        if glyph in fonts and float(piece.get("top")) < 0.9 * page_height:  # not the footer's `•`
            fonts[glyph].add(families[piece.get("font")])
    assert fonts["•"] and fonts["○"], fonts
    assert fonts["•"] == fonts["○"], fonts


def test_body_font_is_the_stand_in_of_the_named_one(rendered: dict[str, Rendered]) -> None:
    """The PDF path lays out the fonts the Word file names with their chosen stand-ins."""
    from cwgdraft.formats.pdf import STAND_INS
    from cwgdraft.formats.reference import FONTS

    out = subprocess.run(["pdffonts", str(rendered["full"].pdf)], check=True, capture_output=True, text=True).stdout
    used = {line.split()[0].split("+")[-1].split("-")[0] for line in out.splitlines()[2:] if line.strip()}
    latin, arabic = FONTS
    assert STAND_INS[arabic][0].replace(" ", "") in used, used
    assert STAND_INS[latin][0].replace(" ", "") in used, used
    assert not {"DejaVuSans", "NotoSans", "NotoSerif"} & used, used


@pytest.mark.parametrize("name", _all_names())
def test_no_words_drawn_over_each_other(name: str, rendered: dict[str, Rendered]) -> None:
    """No word of a line stands over another (LibreOffice once laid `(CWG‑COP)` at a
    line's end over the words before it)."""
    bad = []
    for line in rendered[name].lines:
        words = sorted(line.words, key=lambda w: w.x0)
        for a, b in itertools.pairwise(words):
            if a.x1 - b.x0 > 2 and abs(a.y0 - b.y0) < 4:
                bad.append(f"{a.text} | {b.text}: {line}")
    assert bad == [], "\n".join(bad[:5])


def _script(word: str) -> str:
    return "arabic" if _ARABIC.search(word) else "latin" if re.search("[A-Za-z]", word) else "digits"


@pytest.mark.parametrize("name", _all_names())
def test_no_break_spaces_hold(name: str, rendered: dict[str, Rendered]) -> None:
    """Words joined by a no-break space (`Trend Micro`, `12 يناير 2022`) or a no-break
    hyphen (`كوفيد‑19`, `CWG‑COP`) stand on one line.

    Left out: an Arabic word joined to a Latin word or a number
    (`والإلكترونيات (IEEE)`, `كوفيد‑19`). LibreOffice 7.4 breaks a line where
    the direction changes whenever what follows does not fit, whatever joins
    them (Word keeps them together: the Word file has the no-break characters).
    And a pair that the text also joins with an ordinary space elsewhere, which
    may break there."""
    from cwgdraft.formats.render import render

    def core(word: str) -> str:
        return re.sub(r"[\W_]", "", word)

    pairs, spaced = set(), set()
    for block in render(rendered[name].report).blocks:
        for m in re.finditer("([^\\s\u2011]+)([ \u00a0\u2011])(?=([^\\s\u2011]+))", block.text):
            before, after = core(m.group(1)), core(m.group(3))
            scripts = {_script(before), _script(after)}
            if not (before and after) or ("arabic" in scripts and len(scripts) > 1):
                continue
            (spaced if m.group(2) == " " else pairs).add((before, after))
    pairs -= spaced
    assert name in ("empty", LEAD_INS) or pairs, "no no-break spaces to look at"
    lines = [ln for ln in rendered[name].lines if ln.arabic]
    bad = []
    for line, following in itertools.pairwise(lines):
        # pdftotext gives logical text: a line ends with its leftmost word, starts with its rightmost.
        end = core(min(line.words, key=lambda w: w.x0).norm)
        start = core(max(following.words, key=lambda w: w.x1).norm)
        if (end, start) in pairs:
            bad.append(f"{end} / {start}: {line}")
    assert bad == [], "\n".join(bad)


@pytest.mark.parametrize("name", ["full", *(n for n in _page_names() if n.startswith("sample-"))])
def test_signature_title_breaks_where_the_drafter_broke_it(name: str, rendered: dict[str, Rendered]) -> None:
    """Each line of the signature's title, as drafted, is one line on the page."""
    title = rendered[name].report.signature.title
    assert title
    lines = {"".join(_letters(w.norm) for w in sorted(ln.words, key=lambda w: -w.x1)) for ln in rendered[name].lines}
    for drafted in title.split("\n"):
        assert _letters(drafted) in lines, f"{drafted!r} is not one line"
