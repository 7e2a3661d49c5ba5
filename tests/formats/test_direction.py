"""Codes, symbols and number ranges read in Word as the text reads by Unicode's rules.

The runs the writer makes are run through Word's rules (ECMA-376 §17.3.2.30 on
top of Unicode's bidirectional algorithm, `tests/bidi_model.py`) and must show
what the text alone shows in a right-to-left paragraph. Also: the fonts the
Word file names are the template's.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cwgdraft.core.synthetic import synthetic_report
from cwgdraft.formats import oxml
from cwgdraft.formats.docx_writer import to_bytes
from cwgdraft.formats.reference import FONTS, LIST_FONT, template_fonts
from cwgdraft.formats.render import render
from tests.bidi_model import plain, visual
from tests.report_factory import all_reports

W = f"{{{oxml.W_NS}}}"

SEEDS = [
    "PL 1.5",
    "جنيف، 21-31\u00a0مارس\u00a02022",
    "البرنامج العالمي للفترة (2024-2021) للاتحاد",
    "بوسان، 20 أكتوبر - 7 نوفمبر 2014",
    "عقد الفريق (CWG\u2011COP) اجتماعه على المنصة Zoom.",
    "الوثيقة C22/7-A والوثيقة CWG-COP/18/5 والتوصية X.1205",
    "شركة Trend\u00a0Micro والتحالف WeProtect",
    "بنسبة 50% من المشاركين و%20 منهم",
    "كوفيد\u201119 والقرار 179 (المراجَع في دبي، 2018)",
]


def _texts() -> list[str]:
    reports = all_reports()
    reports["synthetic"] = synthetic_report(paragraphs=150, contributions=40)
    out: set[str] = set(SEEDS)
    for report in reports.values():
        document = render(report)
        for block in [*document.blocks, *document.header_start, *document.header_end]:
            out.update(block.text.split("\n"))
    return sorted(out)


def _word_shows(text: str) -> str:
    return visual(oxml.direction_runs(text)).replace(oxml.LRM, "")


def test_the_model_is_unicodes_algorithm() -> None:
    """The model, without Word's rule, agrees with python-bidi (brackets left unmirrored)."""
    for text in _texts():
        assert plain(text, mirror=False) == get_display(text, base_dir="R"), text


def test_the_rule_of_word_matters() -> None:
    """Split as Latin word and Arabic rest, `PL 1.5` would show as `1.5 PL` in Word."""
    assert visual([("PL", False), (" 1.5", True)]) == "1.5 PL"
    assert plain("PL 1.5") == "PL 1.5"


@pytest.mark.parametrize("text", SEEDS)
def test_seeds_show_in_word_as_written(text: str) -> None:
    assert _word_shows(text) == plain(text)


def test_every_paragraph_of_every_report_shows_in_word_as_written() -> None:
    wrong = [t for t in _texts() if _word_shows(t) != plain(t)]
    assert wrong == [], wrong[:5]


def test_a_code_is_one_left_to_right_run() -> None:
    assert ("PL 1.5", False) in oxml.direction_runs("PL 1.5")
    assert ("C22/7-A", False) in oxml.direction_runs("الوثيقة C22/7-A")
    assert ("Trend\u00a0Micro", False) in oxml.direction_runs("شركة Trend\u00a0Micro والتحالف")
    # A bracket pair around a Latin word goes with it, after a left-to-right mark.
    assert (oxml.LRM + "(CWG\u2011COP)", False) in oxml.direction_runs("الفريق (CWG\u2011COP) اجتماعه")
    # A number range inside Arabic stays in the Arabic run: digits from the Arabic face.
    assert oxml.direction_runs("جنيف، 21-31 مارس 2022") == [("جنيف، 21-31 مارس 2022", True)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab CD19.-/%()،عقدمارس\u00a0\u2011")), max_size=40))
def test_runs_hold_the_text(text: str) -> None:
    """The runs give back the text (the writer's bracket marks taken out)."""
    joined = "".join(piece for piece, _ in oxml.direction_runs(text))
    assert oxml.without_bracket_marks(joined) == text


def test_the_word_file_names_the_template_fonts() -> None:
    """styles.xml, the theme and the font table name the template's fonts; the list glyphs one font."""
    latin, arabic = FONTS
    assert (latin, arabic) == (template_fonts()["latin"], template_fonts()["complex_script"])
    assert (latin, arabic) == ("Times New Roman", "Traditional Arabic")
    data = to_bytes(render(all_reports()["full"]))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        styles = etree.fromstring(zf.read("word/styles.xml"))
        theme = zf.read("word/theme/theme1.xml").decode()
        table = etree.fromstring(zf.read("word/fontTable.xml"))
        numbering = etree.fromstring(zf.read("word/numbering.xml"))
    fonts = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert fonts.get(W + "cs") == arabic and fonts.get(W + "ascii") == latin
    assert f'<a:cs typeface="{arabic}"/>' in theme and "Noto" not in theme
    assert {f.get(W + "name") for f in table.iter(W + "font")} == {latin, arabic}
    glyph_fonts = {lvl.find(f"{W}rPr/{W}rFonts").get(W + "cs") for lvl in numbering.iter(W + "lvl")}
    assert glyph_fonts == {LIST_FONT}
    # Single spacing given exactly, widows and orphans controlled.
    ppr = styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
    assert ppr.find(W + "widowControl") is not None
    assert ppr.find(W + "spacing").get(W + "lineRule") == "exact"


def test_lead_ins_keep_with_their_list() -> None:
    """A paragraph ending with a colon carries `w:keepNext`; the others do not."""
    data = to_bytes(render(all_reports()["full"]))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = etree.fromstring(zf.read("word/document.xml")).find(W + "body")
    kept = {}
    for p in body.iter(W + "p"):
        text = "".join(t.text or "" for t in p.iter(W + "t")).strip()
        if text:
            kept[text] = p.find(f"{W}pPr/{W}keepNext") is not None
    lead_ins = [t for t in kept if t.endswith(":")]
    assert lead_ins and all(kept[t] for t in lead_ins)
    assert not any(kept[t] for t in kept if t.endswith("."))


def test_reference_document_styles() -> None:
    """The header block bold; the summary box's rules on the margins (its text indented by the
    rules' distance and width); the signature's lines kept together."""
    from cwgdraft.formats.reference import BOX_INDENT, STYLES

    by_id = {s.style_id: s for s in STYLES}
    assert by_id["CWGHeader"].bold
    # oxml.ppr(borders=True): rules 4 pt from the text, 0.5 pt wide.
    assert 'w:space="4"' in oxml.ppr(borders=True) and 'w:sz="4"' in oxml.ppr(borders=True)
    assert BOX_INDENT == (4 * 8 + 4) * 20 // 8
    for box in ("CWGBoxHeading", "CWGBoxText"):
        assert by_id[box].borders and by_id[box].ind_both == BOX_INDENT
    assert by_id["CWGSignature"].keep_next and by_id["CWGSignature"].keep_lines
    assert by_id["CWGSignatureTitle"].keep_lines
