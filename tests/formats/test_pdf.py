"""The PDF path: the fonts LibreOffice lays out with, and the copy it reads."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from cwgdraft.formats import pdf
from cwgdraft.formats.docx_writer import to_bytes
from cwgdraft.formats.reference import FONTS
from cwgdraft.formats.render import render
from tests.report_factory import full_report

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_fontconfig_maps_the_named_fonts_and_keeps_the_system_ones(tmp_path: Path) -> None:
    text = pdf.fontconfig_text(system="/etc/fonts/fonts.conf")
    root = etree.fromstring(text.encode())
    assert root.findtext("include") == "/etc/fonts/fonts.conf"
    mapped = {m.findtext("test/string"): [s.text for s in m.iter("string")][1:] for m in root.iter("match")}
    for named in FONTS:
        assert mapped[named] == list(pdf.STAND_INS[named])
    env = pdf.environment(tmp_path)
    assert Path(env["FONTCONFIG_FILE"]).read_text(encoding="utf-8") == pdf.fontconfig_text()


def _runs(data: bytes) -> list[tuple[bool, str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return [(r.find(f"{W}rPr/{W}rtl") is not None, "".join(t.text or "" for t in r.iter(W + "t"))) for r in root.iter(W + "r")]


def test_the_layout_copy(tmp_path: Path) -> None:
    """In left-to-right runs no-break hyphens become a hyphen and a word joiner, no-break
    spaces narrow ones; Arabic runs keep theirs; the file itself is untouched."""
    data = to_bytes(render(full_report()))
    source = tmp_path / "report.docx"
    source.write_bytes(data)
    (tmp_path / "copies").mkdir()
    copy = pdf.layout_copy(source, tmp_path / "copies")
    assert copy.name == source.name and source.read_bytes() == data
    before, after = _runs(data), _runs(copy.read_bytes())
    assert len(before) == len(after)
    assert any("\u2011" in t for rtl, t in before if not rtl)
    assert not any("\u2011" in t for rtl, t in after if not rtl)
    assert any("\u2011" in t for rtl, t in after if rtl)  # `كوفيد‑19` keeps its no-break hyphen
    assert any("Trend\u202fMicro" in t for rtl, t in after if not rtl)
    assert any("\u00a0" in t for rtl, t in after if rtl)  # `12 يناير 2022` keeps its no-break spaces
    for (rtl, old), (_, new) in zip(before, after, strict=True):
        assert new == (old if rtl else old.replace("\u2011", "-\u2060").replace("\u00a0", "\u202f"))
