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
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from cwgdraft.core.model import ParagraphKind, Report
from cwgdraft.formats.reference import INDENT, STEP
from cwgdraft.formats.render import lay_out
from tests import ooxml_check as oc
from tests.report_factory import REPO, all_reports, exported_reports

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


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    """Every report as PDF, converted in one LibreOffice run; page images in test-artifacts/."""
    folder = tmp_path_factory.mktemp("page")
    reports = all_reports()
    names = [n for n in reports if n in PAGE_REPORTS or n.startswith("sample-")]
    data = exported_reports()
    for name in names:
        (folder / f"{name}.docx").write_bytes(data[name])
    profile = folder / "lo-profile"
    cmd = [
        "soffice",
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        *(str(folder / f"{n}.docx") for n in names),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    ARTIFACTS.mkdir(exist_ok=True)
    out: dict[str, Rendered] = {}
    for name in names:
        pdf = folder / f"{name}.pdf"
        assert pdf.is_file(), f"LibreOffice made no PDF of {name}"
        last = "2" if name in PAGE_REPORTS else "1"
        subprocess.run(
            ["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", last, str(pdf), str(ARTIFACTS / name)],
            check=True,
            capture_output=True,
        )
        out[name] = Rendered(name, reports[name], pdf, _read_lines(pdf), _geometry(data[name]))
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
    stops = [0, INDENT, INDENT + STEP, INDENT + 2 * STEP, INDENT + 3 * STEP]
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
    flush = [ln for ln in start_aligned if abs(ln.x1 - g.right_edge) <= TOL]
    assert len(flush) >= len(_labels(r.report)) + 1, "too few lines at the right margin"
    # Justified paragraphs fill the line: some body lines also reach the left margin.
    assert name == "empty" or any(abs(ln.x0 - g.left_edge) <= TOL for ln in start_aligned)


def _centred(line: Line, g: Geometry) -> bool:
    left, right = line.x0 - g.left_edge, g.right_edge - line.x1
    return abs(left - right) <= 2 * TOL and left > TOL


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
