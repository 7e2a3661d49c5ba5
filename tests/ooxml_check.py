"""Checks of a generated .docx: the OOXML schema and the right-to-left rules.

Reusable by any test:

    pkg = Package.from_bytes(data)           # or Package.from_path(path)
    assert schema_errors(pkg) == []          # every WordprocessingML part vs wml.xsd
    assert structure_problems(pkg) == []     # FORMAT.md "Right-to-left WordprocessingML"

The schema is `../shared/ooxml-xsd/wml.xsd` (beside the repository), loaded
once per process. Before validating, elements and attributes of namespaces a
part declares `mc:Ignorable` (and `mc:` attributes) are removed, as a consumer
that does not know them would. Element orders inside `w:pPr`, `w:rPr` and
`w:sectPr` are read from the schema itself (not from cwgdraft's own tables):
the transitional schema makes `w:rPr` a choice, so only this check catches a
`w:rtl` written before `w:szCs`.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
XSD_DIR = SHARED / "ooxml-xsd"
WML_XSD = XSD_DIR / "wml.xsd"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XSD_NS = "http://www.w3.org/2001/XMLSchema"
W = f"{{{W_NS}}}"

PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
_STRONG_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_OFF = {"0", "false", "off"}


def has_rtl_letters(text: str) -> bool:
    return bool(_STRONG_RTL.search(text))


# --- the schema ------------------------------------------------------------------


def xsd_available() -> bool:
    return WML_XSD.is_file()


@cache
def wml_schema() -> etree.XMLSchema:
    """wml.xsd, parsed once per process (about 0.1 s)."""
    return etree.XMLSchema(etree.parse(str(WML_XSD)))


@cache
def _xsd_tree() -> etree._ElementTree:
    return etree.parse(str(WML_XSD))


def _names_in(xsd_name: str, kind: str) -> list[str]:
    """Element names, in document order, of a named complexType or group of wml.xsd."""
    x = f"{{{XSD_NS}}}"
    node = _xsd_tree().getroot().find(f"{x}{kind}[@name='{xsd_name}']")
    if node is None:
        raise LookupError(f"wml.xsd has no {kind} {xsd_name}")
    return [el.get("name") for el in node.iter(f"{x}element")]


@cache
def schema_orders() -> dict[str, tuple[str, ...]]:
    """Child order of pPr, rPr, sectPr as the schema gives it (local names)."""
    ppr = [*_names_in("CT_PPrBase", "complexType"), "rPr", "sectPr", "pPrChange"]
    rpr = [*_names_in("EG_RPrBase", "group"), "rPrChange"]
    # Inside w:pPr, the paragraph mark's rPr may start with track changes.
    para_rpr = ["ins", "del", "moveFrom", "moveTo", *rpr]
    sect = ["headerReference", "footerReference", *_names_in("EG_SectPrContents", "group"), "sectPrChange"]
    return {"pPr": tuple(ppr), "rPr": tuple(rpr), "paraRPr": tuple(para_rpr), "sectPr": tuple(sect)}


# --- the package ------------------------------------------------------------------


@dataclass
class Package:
    """The XML parts of a .docx, parsed once."""

    parts: dict[str, bytes]
    trees: dict[str, etree._Element] = field(default_factory=dict)

    @classmethod
    def from_bytes(cls, data: bytes) -> Package:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts = {n: zf.read(n) for n in zf.namelist() if n.endswith(".xml") or n.endswith(".rels")}
        pkg = cls(parts)
        for name, raw in parts.items():
            if name.startswith("word/") and name.endswith(".xml"):
                root = etree.fromstring(raw)
                if root.tag.startswith(W):
                    pkg.trees[name] = root
        return pkg

    @classmethod
    def from_path(cls, path: str | Path) -> Package:
        return cls.from_bytes(Path(path).read_bytes())

    # parts by kind
    @property
    def document(self) -> etree._Element:
        return self.trees["word/document.xml"]

    @property
    def styles(self) -> etree._Element | None:
        return self.trees.get("word/styles.xml")

    @property
    def numbering(self) -> etree._Element | None:
        return self.trees.get("word/numbering.xml")

    def story_parts(self) -> dict[str, etree._Element]:
        """The document, headers and footers: the parts that hold text."""
        return {
            n: t
            for n, t in self.trees.items()
            if n == "word/document.xml" or re.fullmatch(r"word/(header|footer)\d*\.xml", n)
        }

    def paragraphs(self) -> Iterator[tuple[str, etree._Element]]:
        for name, tree in self.story_parts().items():
            for p in tree.iter(W + "p"):
                yield name, p

    # --- styles and effective values -------------------------------------------
    def style(self, style_id: str | None) -> etree._Element | None:
        if self.styles is None or not style_id:
            return None
        for st in self.styles.iter(W + "style"):
            if st.get(W + "styleId") == style_id:
                return st
        return None

    def default_style(self, kind: str) -> etree._Element | None:
        if self.styles is None:
            return None
        for st in self.styles.iter(W + "style"):
            if st.get(W + "type") == kind and st.get(W + "default") in ("1", "true", "on"):
                return st
        return None

    def style_chain(self, style_id: str | None, kind: str = "paragraph") -> list[etree._Element]:
        """The style and the styles it is based on, nearest first; the default style without an id."""
        chain: list[etree._Element] = []
        st = self.style(style_id) if style_id else self.default_style(kind)
        seen: set[str] = set()
        while st is not None and st.get(W + "styleId") not in seen:
            seen.add(st.get(W + "styleId"))
            chain.append(st)
            based = st.find(W + "basedOn")
            st = self.style(based.get(W + "val")) if based is not None else None
        return chain

    def _defaults(self, what: str) -> etree._Element | None:
        if self.styles is None:
            return None
        path = "w:docDefaults/w:pPrDefault/w:pPr" if what == "pPr" else "w:docDefaults/w:rPrDefault/w:rPr"
        return self.styles.find(path, {"w": W_NS})

    def paragraph_style_id(self, p: etree._Element) -> str | None:
        ps = p.find(f"{W}pPr/{W}pStyle")
        return ps.get(W + "val") if ps is not None else None

    def effective_ppr(self, p: etree._Element, name: str) -> etree._Element | None:
        """The element `name` that applies to paragraph p: direct, then style chain, then defaults."""
        direct = p.find(f"{W}pPr/{W}{name}")
        if direct is not None:
            return direct
        for st in self.style_chain(self.paragraph_style_id(p)):
            el = st.find(f"{W}pPr/{W}{name}")
            if el is not None:
                return el
        defaults = self._defaults("pPr")
        return defaults.find(W + name) if defaults is not None else None

    def effective_bidi(self, p: etree._Element) -> bool:
        return _on(self.effective_ppr(p, "bidi"))

    def effective_jc(self, p: etree._Element) -> str | None:
        el = self.effective_ppr(p, "jc")
        return el.get(W + "val") if el is not None else None

    def effective_rtl(self, r: etree._Element, p: etree._Element) -> bool:
        """`w:rtl` of a run: direct, its character style chain, the paragraph style chain, defaults."""
        direct = r.find(f"{W}rPr/{W}rtl")
        if direct is not None:
            return _on(direct)
        rstyle = r.find(f"{W}rPr/{W}rStyle")
        if rstyle is not None:
            for st in self.style_chain(rstyle.get(W + "val"), "character"):
                el = st.find(f"{W}rPr/{W}rtl")
                if el is not None:
                    return _on(el)
        for st in self.style_chain(self.paragraph_style_id(p)):
            el = st.find(f"{W}rPr/{W}rtl")
            if el is not None:
                return _on(el)
        defaults = self._defaults("rPr")
        el = defaults.find(W + "rtl") if defaults is not None else None
        return _on(el)


def _on(el: etree._Element | None) -> bool:
    return el is not None and el.get(W + "val", "true").lower() not in _OFF


def run_text(r: etree._Element) -> str:
    out = []
    for el in r:
        if el.tag == W + "t":
            out.append(el.text or "")
        elif el.tag == W + "tab":
            out.append("\t")
        elif el.tag in (W + "br", W + "cr"):
            out.append("\n")
    return "".join(out)


def paragraph_text(p: etree._Element) -> str:
    return "".join(run_text(r) for r in p.iter(W + "r"))


def _where(part: str, el: etree._Element) -> str:
    return f"{part}:{el.sourceline}"


# --- schema validation ----------------------------------------------------------------


def strip_ignorable(root: etree._Element) -> etree._Element:
    """A copy of root without the content of namespaces it declares mc:Ignorable."""
    root = etree.fromstring(etree.tostring(root))
    ignorable: set[str] = set()
    for el in root.iter():
        value = el.get(f"{{{MC_NS}}}Ignorable")
        if value:
            ignorable.update(el.nsmap.get(prefix) for prefix in value.split() if el.nsmap.get(prefix))
    # mc:AlternateContent: keep what a plain consumer keeps, the Fallback.
    for alt in list(root.iter(f"{{{MC_NS}}}AlternateContent")):
        parent = alt.getparent()
        fallback = alt.find(f"{{{MC_NS}}}Fallback")
        if parent is None:
            continue
        for child in list(fallback) if fallback is not None else []:
            alt.addprevious(child)
        parent.remove(alt)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if etree.QName(el).namespace in ignorable and el.getparent() is not None:
            el.getparent().remove(el)
            continue
        for attr in list(el.attrib):
            ns = etree.QName(attr).namespace
            if ns in ignorable or ns == MC_NS:
                del el.attrib[attr]
    etree.cleanup_namespaces(root)
    return root


# The parts wml.xsd describes (root elements in the w: namespace).
WML_PART = re.compile(r"word/(document|styles|numbering|settings|fontTable|webSettings|footnotes|endnotes|comments|header\d*|footer\d*)\.xml")


def schema_errors(pkg: Package) -> list[str]:
    """Every WordprocessingML part against wml.xsd: `part:line: message` per error."""
    schema = wml_schema()
    errors: list[str] = []
    for name, tree in sorted(pkg.trees.items()):
        if not WML_PART.fullmatch(name):
            continue
        clean = strip_ignorable(tree)
        if not schema.validate(clean):
            errors.extend(f"{name}:{e.line}: {e.message}" for e in schema.error_log)
    return errors


def validated_parts(pkg: Package) -> list[str]:
    return sorted(n for n in pkg.trees if WML_PART.fullmatch(n))


# --- structure: FORMAT.md "Right-to-left WordprocessingML" --------------------------


def bidi_problems(pkg: Package) -> list[str]:
    """Each paragraph with Arabic text is bidi (effective value); no bidi paragraph is aligned right/end."""
    out = []
    for part, p in pkg.paragraphs():
        bidi = pkg.effective_bidi(p)
        text = paragraph_text(p)
        if has_rtl_letters(text) and not bidi:
            out.append(f"{_where(part, p)}: Arabic paragraph without w:bidi: {text[:40]!r}")
        if bidi and pkg.effective_jc(p) in ("right", "end"):
            out.append(f"{_where(part, p)}: bidi paragraph aligned {pkg.effective_jc(p)}: {text[:40]!r}")
    # styles themselves: a bidi style never aligned right/end
    if pkg.styles is not None:
        default_bidi = pkg._defaults("pPr")
        for st in pkg.styles.iter(W + "style"):
            if st.get(W + "type") != "paragraph":
                continue
            chain = pkg.style_chain(st.get(W + "styleId"))
            bidi = next((c.find(f"{W}pPr/{W}bidi") for c in chain if c.find(f"{W}pPr/{W}bidi") is not None), None)
            if bidi is None and default_bidi is not None:
                bidi = default_bidi.find(W + "bidi")
            jc = next((c.find(f"{W}pPr/{W}jc") for c in chain if c.find(f"{W}pPr/{W}jc") is not None), None)
            if _on(bidi) and jc is not None and jc.get(W + "val") in ("right", "end"):
                out.append(f"styles: bidi style {st.get(W + 'styleId')} aligned {jc.get(W + 'val')}")
    return out


_PAIRS = (("sz", "szCs"), ("b", "bCs"), ("i", "iCs"))


def pair_problems(pkg: Package) -> list[str]:
    """Every rPr (runs, paragraph marks, styles, defaults, list levels) sets both halves of sz/b/i."""
    out = []
    for name, tree in pkg.trees.items():
        for rpr in tree.iter(W + "rPr"):
            present = {etree.QName(c).localname for c in rpr if isinstance(c.tag, str)}
            for a, b in _PAIRS:
                if (a in present) != (b in present):
                    have, lack = (a, b) if a in present else (b, a)
                    out.append(f"{_where(name, rpr)}: w:{have} without w:{lack}")
                elif a in present:
                    va, vb = rpr.find(W + a).get(W + "val"), rpr.find(W + b).get(W + "val")
                    if a != "sz" and (va or "1") != (vb or "1"):
                        out.append(f"{_where(name, rpr)}: w:{a}={va} but w:{b}={vb}")
    return out


def section_problems(pkg: Package) -> list[str]:
    out = []
    sects = list(pkg.document.iter(W + "sectPr"))
    if not sects:
        out.append("word/document.xml: no w:sectPr")
    for s in sects:
        if not _on(s.find(W + "bidi")):
            out.append(f"{_where('word/document.xml', s)}: section without w:bidi")
    return out


def table_problems(pkg: Package) -> list[str]:
    out = []
    for part, tree in pkg.story_parts().items():
        for tbl in tree.iter(W + "tbl"):
            direct = tbl.find(f"{W}tblPr/{W}bidiVisual")
            if direct is None:
                style = tbl.find(f"{W}tblPr/{W}tblStyle")
                chain = pkg.style_chain(style.get(W + "val") if style is not None else None, "table")
                direct = next(
                    (c.find(f"{W}tblPr/{W}bidiVisual") for c in chain if c.find(f"{W}tblPr/{W}bidiVisual") is not None),
                    None,
                )
            if not _on(direct):
                out.append(f"{_where(part, tbl)}: table without w:bidiVisual")
    return out


def numbering_problems(pkg: Package) -> list[str]:
    out = []
    if pkg.numbering is None:
        return out
    for lvl in pkg.numbering.iter(W + "lvl"):
        if not _on(lvl.find(f"{W}pPr/{W}bidi")):
            out.append(f"{_where('word/numbering.xml', lvl)}: list level {lvl.get(W + 'ilvl')} without w:bidi")
    return out


def presentation_form_problems(pkg: Package) -> list[str]:
    out = []
    for name, raw in pkg.parts.items():
        text = raw.decode("utf-8", "replace")
        m = PRESENTATION_FORMS.search(text)
        if m:
            out.append(f"{name}: presentation form U+{ord(m.group()):04X} at {m.start()}")
    return out


def run_direction_problems(pkg: Package) -> list[str]:
    """Runs with Arabic letters are w:rtl; runs with Latin letters (and no Arabic) are not."""
    out = []
    for part, p in pkg.paragraphs():
        for r in p.iter(W + "r"):
            text = run_text(r)
            rtl = pkg.effective_rtl(r, p)
            if has_rtl_letters(text) and not rtl:
                out.append(f"{_where(part, r)}: Arabic run without w:rtl: {text[:40]!r}")
            if re.search("[A-Za-z]", text) and rtl:
                out.append(f"{_where(part, r)}: Latin run with w:rtl: {text[:40]!r}")
            if has_rtl_letters(text) and re.search("[A-Za-z]", text):
                out.append(f"{_where(part, r)}: Arabic and Latin letters in one run: {text[:40]!r}")
    return out


def order_problems(pkg: Package) -> list[str]:
    """Children of every pPr, rPr and sectPr in schema order."""
    orders = schema_orders()
    out = []
    for name, tree in pkg.trees.items():
        for el in tree.iter(W + "pPr", W + "rPr", W + "sectPr"):
            local = etree.QName(el).localname
            parent = el.getparent()
            if local == "rPr" and parent is not None and parent.tag == W + "pPr":
                key = "paraRPr"
            else:
                key = local
            order = orders[key]
            last = -1
            for child in el:
                if not isinstance(child.tag, str) or not child.tag.startswith(W):
                    continue
                cname = etree.QName(child).localname
                if cname not in order:
                    out.append(f"{_where(name, child)}: w:{cname} is not a child of w:{local}")
                    continue
                index = order.index(cname)
                if index < last:
                    out.append(f"{_where(name, child)}: w:{cname} out of order in w:{local}")
                last = max(last, index)
    return out


def font_problems(pkg: Package) -> list[str]:
    """Both font halves (FORMAT.md rule 4): the defaults name a complex-script font and
    the Arabic language; every `w:rFonts` that names a Latin font names a `w:cs` one too."""
    out = []
    defaults = pkg._defaults("rPr")
    if defaults is None:
        out.append("word/styles.xml: no w:docDefaults/w:rPrDefault/w:rPr")
    else:
        fonts = defaults.find(W + "rFonts")
        if fonts is None or not (fonts.get(W + "cs") or fonts.get(W + "cstheme")):
            out.append("word/styles.xml: the defaults name no complex-script font (w:rFonts/@w:cs)")
        lang = defaults.find(W + "lang")
        if lang is None or not (lang.get(W + "bidi") or "").startswith("ar"):
            out.append("word/styles.xml: the defaults give no Arabic language (w:lang/@w:bidi)")
    for name, tree in pkg.trees.items():
        for fonts in tree.iter(W + "rFonts"):
            latin = fonts.get(W + "ascii") or fonts.get(W + "hAnsi")
            if latin and not (fonts.get(W + "cs") or fonts.get(W + "cstheme")):
                out.append(f"{_where(name, fonts)}: w:rFonts names {latin!r} but no w:cs font")
    return out


CHECKS = {
    "fonts": font_problems,
    "bidi": bidi_problems,
    "pairs": pair_problems,
    "section": section_problems,
    "tables": table_problems,
    "numbering": numbering_problems,
    "presentation_forms": presentation_form_problems,
    "run_direction": run_direction_problems,
    "order": order_problems,
}


def structure_problems(pkg: Package) -> list[str]:
    return [problem for check in CHECKS.values() for problem in check(pkg)]


# --- text -------------------------------------------------------------------------


def body_texts(pkg: Package) -> list[str]:
    """The text of every paragraph of the body (not headers), in order."""
    body = pkg.document.find(W + "body")
    return [paragraph_text(p) for p in body.iter(W + "p")]


def all_text(pkg: Package) -> str:
    """All text of the document, headers and footers, paragraphs joined by newlines."""
    return "\n".join(paragraph_text(p) for _, p in pkg.paragraphs())
