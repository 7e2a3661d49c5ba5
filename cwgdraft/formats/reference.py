"""Builds the council reference document: styles, A4 page, headers, footer.

`python templates/council-ar/build_reference.py` writes
`templates/council-ar/reference.docx` with these settings. An organisation
replaces the file with its own Word template (and the manifest's style names).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from cwgdraft.formats import oxml
from cwgdraft.formats.oxml import ListLevel, ParagraphSpec, StyleSpec

# The organisation's fonts: a template setting (`fonts` in the template's
# manifest.json), by default those of ITU's Arabic documents: Times New Roman
# for Latin, Traditional Arabic for complex script. Word on Windows has both;
# the PDF path maps them to free look-alikes (`cwgdraft.formats.pdf`).
# One pairing: a Naskh with a Times-like Latin face, the Arabic (and the digits
# in Arabic text) at 14 pt beside Latin at 12 pt, as ITU's documents set them:
# a Naskh draws its letters small for its size, and at these sizes an alef
# stands as tall as a Latin capital.
DEFAULT_FONTS = {"latin": "Times New Roman", "complex_script": "Traditional Arabic", "size_latin": 12, "size_complex_script": 14}
MANIFEST = Path(__file__).resolve().parents[2] / "templates" / "council-ar" / "manifest.json"


def template_fonts(manifest: Path = MANIFEST) -> dict[str, Any]:
    """The `fonts` setting of a template manifest, the ITU defaults for what it leaves out."""
    fonts = dict(DEFAULT_FONTS)
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return fonts
    given = data.get("fonts") if isinstance(data, dict) else None
    if isinstance(given, dict):
        fonts.update({k: v for k, v in given.items() if k in DEFAULT_FONTS and isinstance(v, (str, int))})
    return fonts


_FONTS = template_fonts()
FONTS = (str(_FONTS["latin"]), str(_FONTS["complex_script"]))
SIZE_LATIN, SIZE_ARABIC = 2 * int(_FONTS["size_latin"]), 2 * int(_FONTS["size_complex_script"])  # half-points

# Council documents set single spacing with 6 pt before a paragraph. The line
# is given exactly (in twentieths of a point): the stand-in fonts of the PDF path have other ascents than the fonts Word uses,
# and an exact line paginates the same in both.
LINE = 380  # 19 pt: single spacing for 14 pt Arabic, room for a vowel mark over a lam-alef
TITLE_SIZE = 32
# The summary box's rules stand 4 pt from its text and are 0.5 pt wide
# (`oxml.ppr(borders=True)`): its text is indented by as much on both sides,
# so the rules stand on the margins instead of outside them.
BOX_INDENT = 90  # 4.5 pt in twips
SIGNATURE_INDENT = oxml.TEXT_WIDTH // 4

INDENT = 794  # 1.4 cm: number column of numbered paragraphs
STEP = 397  # 0.7 cm: list indent step

STYLES = [
    # Council documents set the header block in bold.
    StyleSpec("CWGHeader", "CWG Header", bold=True, spacing=(0, 0), jc=None),
    StyleSpec(
        "CWGTitle", "CWG Title", bold=True, size=TITLE_SIZE, jc="center", spacing=(360, 120), keep_next=True,
        line=TITLE_SIZE * 14,
    ),
    StyleSpec("CWGSubject", "CWG Subject", bold=True, size=28, jc="center", spacing=(120, 360), keep_next=True),
    StyleSpec(
        "CWGBoxHeading", "CWG Box Heading", bold=True, borders=True, spacing=(120, 0), keep_next=True,
        ind_both=BOX_INDENT,
    ),
    StyleSpec("CWGBoxText", "CWG Box Text", jc="both", borders=True, spacing=(60, 60), ind_both=BOX_INDENT),
    StyleSpec(
        "CWGSectionHeading", "CWG Section Heading", bold=True, ind=(INDENT, INDENT), tabs=(INDENT,),
        spacing=(360, 0), keep_next=True,
    ),
    StyleSpec("CWGNumbered", "CWG Numbered", jc="both", ind=(INDENT, INDENT), tabs=(INDENT,)),
    StyleSpec("CWGBody", "CWG Body", jc="both"),
    StyleSpec("CWGBullet", "CWG Bullet", jc="both", num=(1, 0), spacing=(60, 0)),
    StyleSpec("CWGSubBullet", "CWG Sub Bullet", jc="both", num=(1, 1), spacing=(40, 0)),
    StyleSpec("CWGLettered", "CWG Lettered", jc="both", ind=(INDENT + STEP, STEP), tabs=(INDENT + STEP,)),
    StyleSpec("CWGLetteredBullet", "CWG Lettered Bullet", jc="both", num=(2, 0), spacing=(60, 0)),
    # The signature: centred towards the end of the line (the left), name over
    # title, kept together. Three quarters of the line leave room for a title
    # line of about 70 letters: the lines break where the drafter broke them.
    StyleSpec(
        "CWGSignature", "CWG Signature", bold=True, jc="center", ind=(SIGNATURE_INDENT, 0), spacing=(720, 0),
        keep_next=True, keep_lines=True,
    ),
    StyleSpec(
        "CWGSignatureTitle", "CWG Signature Title", jc="center", ind=(SIGNATURE_INDENT, 0), spacing=(0, 240),
        keep_lines=True,
    ),
    StyleSpec("CWGRunningHeader", "CWG Running Header", spacing=(0, 240)),
    StyleSpec("CWGFooter", "CWG Footer", jc="center", size=18, spacing=(0, 0)),
    # Word's own name: Word and LibreOffice use it for the notes at the page foot.
    StyleSpec("FootnoteText", "footnote text", size=22, spacing=(0, 0), jc="both", line=300),
]  # fmt: skip

# `•` and `○` from one font that has both (the body's Arabic face lacks `○`):
# the Latin face, which Word's Times New Roman and the PDF path's stand-in cover.
LIST_FONT = FONTS[0]
LISTS = [
    # numId 1: bullets under a paragraph, `○` items under them
    [ListLevel("•", INDENT + STEP, STEP, LIST_FONT), ListLevel("○", INDENT + 2 * STEP, STEP, LIST_FONT)],
    # numId 2: bullets under a lettered item
    [ListLevel("•", INDENT + 2 * STEP, STEP, LIST_FONT)],
]

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>\
<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
</Relationships>"""

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="{_REL}styles" Target="styles.xml"/>\
<Relationship Id="rId2" Type="{_REL}numbering" Target="numbering.xml"/>\
<Relationship Id="rId3" Type="{_REL}settings" Target="settings.xml"/>\
<Relationship Id="rId4" Type="{_REL}header" Target="header1.xml"/>\
<Relationship Id="rId5" Type="{_REL}header" Target="header2.xml"/>\
<Relationship Id="rId6" Type="{_REL}footer" Target="footer1.xml"/>\
<Relationship Id="rId7" Type="{_REL}footer" Target="footer2.xml"/>\
<Relationship Id="rId8" Type="{_REL}fontTable" Target="fontTable.xml"/>\
<Relationship Id="rId9" Type="{_REL}theme" Target="theme/theme1.xml"/>\
</Relationships>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
<dc:title>Council working group chair's report</dc:title><dc:creator>cwgdraft</dc:creator>\
<dc:language>ar</dc:language></cp:coreProperties>"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
<Application>cwgdraft</Application></Properties>"""


def build_reference(path: Path) -> None:
    """Write the reference document to `path`."""
    empty_header_line = ParagraphSpec("CWGHeader", "")
    first_header = oxml.header_table([empty_header_line], [empty_header_line]) + f"<w:p>{oxml.ppr(style='CWGHeader')}</w:p>"
    running = oxml.running_header_paragraph("CWGRunningHeader", "\tالصفحة {PAGE}")
    footer = oxml.paragraph(ParagraphSpec("CWGFooter", "• http://www.itu.int/council •"))
    body = f"<w:p>{oxml.ppr(style='CWGBody')}</w:p>" + oxml.sect_pr("rId4", "rId5", "rId6", "rId7")
    parts = {
        "[Content_Types].xml": CONTENT_TYPES.encode(),
        "_rels/.rels": ROOT_RELS.encode(),
        "docProps/core.xml": CORE.encode(),
        "docProps/app.xml": APP.encode(),
        "word/_rels/document.xml.rels": DOCUMENT_RELS.encode(),
        "word/document.xml": oxml.document_part(body),
        "word/styles.xml": oxml.styles_part(
            STYLES, FONTS, SIZE_LATIN, SIZE_ARABIC, LINE, character_styles=oxml.RICH_CHARACTER_STYLES
        ),
        "word/numbering.xml": oxml.numbering_part(LISTS),
        "word/settings.xml": oxml.settings_part(),
        "word/fontTable.xml": oxml.font_table_part(FONTS),
        "word/theme/theme1.xml": oxml.theme_part(FONTS),
        "word/header1.xml": oxml.header_part(first_header),
        "word/header2.xml": oxml.header_part(running),
        "word/footer1.xml": oxml.header_part(footer, "ftr"),
        "word/footer2.xml": oxml.header_part(f"<w:p>{oxml.ppr(style='CWGFooter')}</w:p>", "ftr"),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            # A fixed timestamp: the same settings give the same bytes.
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
