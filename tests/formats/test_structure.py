"""The right-to-left rules of FORMAT.md hold in every exported report.

Each paragraph with Arabic text is bidi (its effective value: the paragraph,
then its style chain, then the document defaults); no bidi paragraph or
style is aligned right/end; sz/szCs, b/bCs, i/iCs come in pairs; the
section is bidi; tables are bidiVisual; list levels are bidi; no Arabic
presentation forms; Latin tokens sit in runs of their own without w:rtl and
Arabic runs have it; the children of pPr, rPr and sectPr are in schema
order (read from wml.xsd: the transitional schema does not check rPr order).
The checks live in `tests/ooxml_check.py`; the last tests show that each
one catches what it should.
"""

from __future__ import annotations

import re

import pytest
from lxml import etree

from tests import ooxml_check as oc
from tests.report_factory import LATIN_TOKENS, URL, exported_reports, report_names

pytestmark = pytest.mark.skipif(not oc.xsd_available(), reason=f"{oc.WML_XSD} is not there (shared/ beside the repo)")

W = oc.W


def _pkg(name: str = "full") -> oc.Package:
    return oc.Package.from_bytes(exported_reports()[name])


@pytest.mark.parametrize("check", sorted(oc.CHECKS))
@pytest.mark.parametrize("name", report_names())
def test_rule_holds(name: str, check: str) -> None:
    problems = oc.CHECKS[check](_pkg(name))
    assert problems == [], "\n".join(problems[:20])


@pytest.mark.parametrize("name", report_names())
def test_every_paragraph_is_bidi_and_none_right_aligned(name: str) -> None:
    pkg = _pkg(name)
    paragraphs = list(pkg.paragraphs())
    assert paragraphs
    arabic = [p for _, p in paragraphs if oc.has_rtl_letters(oc.paragraph_text(p))]
    assert arabic, "no Arabic paragraph at all"
    for _, p in paragraphs:
        assert pkg.effective_bidi(p), oc.paragraph_text(p)[:40]
        assert pkg.effective_jc(p) not in ("right", "end")


@pytest.mark.parametrize("name", report_names())
def test_section_table_and_lists(name: str) -> None:
    pkg = _pkg(name)
    sect = pkg.document.find(f"{W}body/{W}sectPr")
    assert sect is not None and sect.find(W + "bidi") is not None
    tables = [t for tree in pkg.story_parts().values() for t in tree.iter(W + "tbl")]
    assert tables, "the first-page header block is a table"
    assert all(t.find(f"{W}tblPr/{W}bidiVisual") is not None for t in tables)
    levels = list(pkg.numbering.iter(W + "lvl"))
    assert levels and all(lvl.find(f"{W}pPr/{W}bidi") is not None for lvl in levels)


def _runs_with(pkg: oc.Package, token: str) -> list[tuple[etree._Element, etree._Element]]:
    found = []
    for _, p in pkg.paragraphs():
        for r in p.iter(W + "r"):
            if token in oc.run_text(r):
                found.append((r, p))
    return found


@pytest.mark.parametrize("token", LATIN_TOKENS)
def test_latin_tokens_in_ltr_runs(token: str) -> None:
    pkg = _pkg("full")
    found = _runs_with(pkg, token)
    assert found, f"{token!r} is not whole in any run"
    for r, p in found:
        assert not pkg.effective_rtl(r, p), f"{token!r} in a w:rtl run"
        assert not oc.has_rtl_letters(oc.run_text(r)), oc.run_text(r)


def test_arabic_runs_rtl_and_digits_stay_with_arabic() -> None:
    pkg = _pkg("full")
    runs = [(r, p) for _, p in pkg.paragraphs() for r in p.iter(W + "r")]
    arabic = [(r, p) for r, p in runs if oc.has_rtl_letters(oc.run_text(r))]
    assert len(arabic) > 20
    assert all(pkg.effective_rtl(r, p) for r, p in arabic)
    # `12 يناير 2022` is one right-to-left run: digits next to Arabic stay in it.
    date = "12\u00a0يناير\u00a02022"
    found = _runs_with(pkg, date)
    assert found and all(pkg.effective_rtl(r, p) for r, p in found)
    # The paragraph label (`1.1`) is a right-to-left run too.
    labels = [r for r, _ in runs if oc.run_text(r) == "1.1"]
    assert labels and all(r.find(f"{W}rPr/{W}rtl") is not None for r in labels)


@pytest.mark.parametrize("name", report_names())
def test_no_presentation_forms(name: str) -> None:
    pkg = _pkg(name)
    for part, raw in pkg.parts.items():
        assert not re.search("[\ufb50-\ufdff\ufe70-\ufefe]", raw.decode("utf-8")), part


@pytest.mark.parametrize("name", report_names())
def test_property_children_in_schema_order(name: str) -> None:
    """Explicitly, per element kind, against the order wml.xsd gives."""
    pkg = _pkg(name)
    orders = oc.schema_orders()
    assert orders["pPr"].index("bidi") < orders["pPr"].index("jc")
    assert orders["rPr"].index("szCs") < orders["rPr"].index("rtl") < orders["rPr"].index("lang")
    assert orders["sectPr"].index("titlePg") < orders["sectPr"].index("bidi") < orders["sectPr"].index("docGrid")
    counted = {"pPr": 0, "rPr": 0, "sectPr": 0}
    for part, tree in pkg.trees.items():
        for el in tree.iter(W + "pPr", W + "rPr", W + "sectPr"):
            local = etree.QName(el).localname
            key = "paraRPr" if local == "rPr" and el.getparent().tag == W + "pPr" else local
            names = [etree.QName(c).localname for c in el]
            positions = [orders[key].index(n) for n in names]
            assert positions == sorted(positions), f"{part}:{el.sourceline}: {names}"
            counted[local] += 1
    assert all(counted.values()), counted


def test_url_is_one_ltr_run() -> None:
    pkg = _pkg("full")
    found = _runs_with(pkg, URL)
    assert len(found) >= 2  # in a paragraph and as a reference line
    for r, _ in found:
        assert oc.run_text(r).strip(" ،,.") == URL or URL in oc.run_text(r)


# --- the checks catch what they should ------------------------------------------------


def _first_arabic_paragraph(pkg: oc.Package) -> etree._Element:
    body = pkg.document.find(W + "body")
    return next(p for p in body.iter(W + "p") if oc.has_rtl_letters(oc.paragraph_text(p)))


def _remove_bidi_everywhere(pkg: oc.Package, p: etree._Element) -> None:
    for el in [p.find(f"{W}pPr/{W}bidi")]:
        if el is not None:
            el.getparent().remove(el)
    for st in pkg.style_chain(pkg.paragraph_style_id(p)):
        el = st.find(f"{W}pPr/{W}bidi")
        if el is not None:
            el.getparent().remove(el)


def test_bidi_check_follows_styles_and_defaults() -> None:
    pkg = _pkg()
    p = _first_arabic_paragraph(pkg)
    _remove_bidi_everywhere(pkg, p)
    assert oc.bidi_problems(pkg) == []  # still bidi through docDefaults
    defaults = pkg.styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr/{W}bidi")
    defaults.getparent().remove(defaults)
    assert any("without w:bidi" in x for x in oc.bidi_problems(pkg))


def test_bidi_check_catches_right_alignment() -> None:
    pkg = _pkg()
    p = _first_arabic_paragraph(pkg)
    jc = etree.SubElement(p.find(W + "pPr"), W + "jc")
    jc.set(W + "val", "right")
    assert any("aligned right" in x for x in oc.bidi_problems(pkg))


def test_pair_check() -> None:
    pkg = _pkg()
    rpr = pkg.styles.find(f".//{W}style/{W}rPr/{W}szCs").getparent()
    rpr.remove(rpr.find(W + "szCs"))
    assert any("w:sz without w:szCs" in x for x in oc.pair_problems(pkg))
    rpr = pkg.styles.find(f".//{W}style/{W}rPr/{W}bCs").getparent()
    rpr.remove(rpr.find(W + "b"))
    assert any("w:bCs without w:b" in x for x in oc.pair_problems(pkg))


def test_order_check_catches_rtl_before_szcs() -> None:
    pkg = _pkg()
    rpr = next(r for r in pkg.styles.iter(W + "rPr") if r.find(W + "szCs") is not None)
    rtl = etree.SubElement(rpr, W + "rtl")
    rpr.remove(rtl)
    rpr.insert(0, rtl)
    assert oc.schema_errors(pkg) == []  # the transitional schema lets this pass...
    assert any("w:rFonts out of order" in x or "out of order" in x for x in oc.order_problems(pkg))  # ...this does not


def test_section_table_numbering_checks() -> None:
    pkg = _pkg()
    for el in pkg.document.iter(W + "bidi"):
        if el.getparent().tag == W + "sectPr":
            el.getparent().remove(el)
    assert oc.section_problems(pkg)
    for tree in pkg.story_parts().values():
        for el in list(tree.iter(W + "bidiVisual")):
            el.getparent().remove(el)
    for el in list(pkg.styles.iter(W + "bidiVisual")):
        el.getparent().remove(el)
    assert oc.table_problems(pkg)
    lvl_bidi = next(pkg.numbering.iter(W + "lvl")).find(f"{W}pPr/{W}bidi")
    lvl_bidi.getparent().remove(lvl_bidi)
    assert oc.numbering_problems(pkg)


def test_run_direction_and_presentation_form_checks() -> None:
    pkg = _pkg()
    zoom = _runs_with(pkg, "Zoom")[0][0]
    rpr = zoom.find(W + "rPr")
    if rpr is None:
        rpr = etree.Element(W + "rPr")
        zoom.insert(0, rpr)
    etree.SubElement(rpr, W + "rtl")
    assert any("Latin run with w:rtl" in x for x in oc.run_direction_problems(pkg))
    pkg.parts["word/document.xml"] = "\ufefb".encode()  # LAM WITH ALEF ISOLATED FORM
    assert oc.presentation_form_problems(pkg)


def test_font_check() -> None:
    pkg = _pkg()
    fonts = pkg.styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    del fonts.attrib[W + "cs"]
    problems = oc.font_problems(pkg)
    assert any("complex-script font" in x for x in problems)
    assert any("but no w:cs font" in x for x in problems)
