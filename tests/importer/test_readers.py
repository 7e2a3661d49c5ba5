"""The readers on their own: text encodings, Word list numbering, Word text."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from cwgdraft.core.model import ParagraphKind
from cwgdraft.importer import import_file
from cwgdraft.importer.numbering import ListNumbering, format_number
from cwgdraft.importer.recognise import ordinal_numbers
from cwgdraft.importer.text_reader import decode

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "seeds" / "001_0c53b99f94563cb2.txt"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _seed_text() -> str:
    if not SEED.is_file():
        pytest.skip("the seeds are not beside the repository")
    return SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encoding, name",
    [("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 with BOM"), ("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"), ("cp1256", "Windows-1256")],
)
def test_text_encodings_give_the_same_report(encoding: str, name: str, tmp_path: Path) -> None:
    text = _seed_text()
    # Windows-1256 has no U+2011 or no-break hyphen; Word's "Arabic (Windows)" text writes a plain hyphen.
    if encoding == "cp1256":
        text = text.replace("\u2011", "-")
    raw = text.encode(encoding)
    if encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw
    path = tmp_path / "report.txt"
    path.write_bytes(raw)
    assert decode(raw, "x")[1] == name
    result = import_file(path)
    assert result.source == f"text ({name})"
    reference = import_file(SEED).report if encoding != "cp1256" else None
    got = result.report
    assert got.signature.name == "شريف هاشم"
    assert [len(s.paragraphs) for s in got.sections] == [1, 1, 2, 1, 7, 12]
    if reference is not None:
        assert [p.text for p in got.all_paragraphs()] == [p.text for p in reference.all_paragraphs()]


def test_ordinal_words() -> None:
    assert ordinal_numbers("الثاني عشر والثالث عشر") == [12, 13]
    assert ordinal_numbers("الحادي والعشرون") == [21]
    assert ordinal_numbers("الثامن\u00a0عشر") == [18]
    assert ordinal_numbers("الأول والثاني") == [1, 2]
    assert ordinal_numbers("الحادي والعشرين والثلاثين") == [21, 30]


def test_number_formats() -> None:
    assert [format_number(n, "arabicAbjad") for n in (1, 2, 3, 4, 5, 28, 29)] == ["أ", "ب", "ج", "د", "ه", "غ", "أأ"]
    assert [format_number(n, "arabicAlpha") for n in (1, 2, 3)] == ["أ", "ب", "ت"]
    assert format_number(4, "lowerRoman") == "iv" and format_number(3, "upperLetter") == "C"
    assert format_number(12, "hindiNumbers") == "١٢"


def _numbering(xml: str) -> ListNumbering:
    return ListNumbering(etree.fromstring(f'<w:numbering xmlns:w="{W}">{xml}</w:numbering>'))


def _lvl(ilvl: int, text: str, fmt: str = "decimal", start: int = 1, restart: int | None = None) -> str:
    r = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{r}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def test_multilevel_numbers_and_restarts() -> None:
    n = _numbering(
        '<w:abstractNum w:abstractNumId="0">' + _lvl(0, "%1") + _lvl(1, "%2.%1") + _lvl(2, "%3)", "arabicAbjad", restart=0)
        + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )  # fmt: skip
    seq = [(0,), (1,), (1,), (2,), (2,), (0,), (1,), (2,)]
    labels = [n.next_label("1", lv)[0] for (lv,) in seq]
    # level 2 never restarts (lvlRestart 0): its letters go on after section 2 begins
    assert labels == ["1", "1.1", "2.1", "أ)", "ب)", "2", "1.2", "ج)"]


def test_instances_share_a_count_unless_they_restart() -> None:
    n = _numbering(
        '<w:abstractNum w:abstractNumId="0">' + _lvl(0, "%1)", "arabicAbjad") + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        '<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>'
    )  # fmt: skip
    got = [n.next_label(num, 0)[0] for num in ("1", "1", "2", "3", "3", "1", "4")]
    assert got == ["أ)", "ب)", "ج)", "أ)", "ب)", "ج)", "ج)"]


def test_level_override_replaces_a_level() -> None:
    n = _numbering(
        '<w:abstractNum w:abstractNumId="0">' + _lvl(0, "%1.") + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">' + _lvl(0, "(%1)", "arabicAbjad", start=2)
        + "</w:lvlOverride></w:num>"
    )  # fmt: skip
    assert [n.next_label("1", 0)[0] for _ in range(2)] == ["(ب)", "(ج)"]


def test_style_numbering_and_bullet_glyphs(tmp_path: Path) -> None:
    """Paragraph styles that carry list numbering (as the council template's bullets do)."""
    from tests.importer.wordfiles import build

    path, _ = build(tmp_path / "w.docx")
    from cwgdraft.formats.docx_writer import write_docx
    from cwgdraft.formats.render import render
    from cwgdraft.importer.docx_reader import read_docx

    exported = write_docx(render(import_file(path).report), tmp_path / "x.docx")
    seen = read_docx(exported)
    bullets = [(s.label, s.style) for s in seen.paragraphs if s.list_format == "bullet"]
    assert ("•", "CWG Bullet") in bullets and ("○", "CWG Sub Bullet") in bullets and ("•", "CWG Lettered Bullet") in bullets
    kinds = [p.kind for p in import_file(exported).report.all_paragraphs()]
    assert ParagraphKind.LETTERED_BULLET in kinds


def test_typed_labels_with_spaces(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(
        "ملخص\nنص.\n1\tالنتائج\n1.1 النواتج:\nأ) البند الأول.\n(ب) البند الثاني.\n• نقطة تحته.\n○ بند فرعي.\n",
        encoding="utf-8",
    )
    paragraphs = import_file(path).report.sections[0].paragraphs
    assert [(p.kind, p.text) for p in paragraphs] == [
        (ParagraphKind.NUMBERED, "النواتج:"),
        (ParagraphKind.LETTERED, "البند الأول."),
        (ParagraphKind.LETTERED, "البند الثاني."),
        (ParagraphKind.LETTERED_BULLET, "نقطة تحته."),
        (ParagraphKind.SUB_BULLET, "بند فرعي."),
    ]
