"""Word files built the way Word writes them, for the import tests.

python-docx makes the package; the paragraphs are raw WordprocessingML put in
with lxml: list numbering (`w:numPr`) instead of typed numbers, multi-level
lists, `arabicAbjad` letters restarted by a new `w:num` with a start
override, tracked changes, a comment, bookmarks, a hyperlink, fields, text
boxes. Each builder returns the path and what a reader sees on the page, as
(label, text) pairs in reading order.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
Pair = tuple[str, str]

# numIds used below
SECTIONS, BULLETS, LETTERS_A, LETTERS_B = 11, 12, 13, 14

HEADER_START = ["المجلس 2022", "جنيف، 21-31 مارس 2022", "PL 1.5"]
HEADER_END = ["الوثيقة C22/7-A", "17 يناير 2022", "الأصل: بالإنكليزية"]
FOOTER = "• http://www.itu.int/council •"
GROUP = "فريق العمل التابع للمجلس والمعني بحماية الأطفال على الإنترنت"


def numbering_xml(paragraph_level_text: str) -> tuple[list[str], list[str]]:
    """abstractNum and num elements: sections and paragraphs as one multi-level list,
    bullets, abjad letters (two instances of one abstract list, the second restarting)."""
    bidi = "<w:pPr><w:bidi/></w:pPr>"
    multi = (
        f'<w:abstractNum {NS} w:abstractNumId="21"><w:multiLevelType w:val="multilevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/>'
        f'<w:lvlJc w:val="left"/>{bidi}</w:lvl>'
        f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{paragraph_level_text}"/><w:lvlJc w:val="left"/>{bidi}</w:lvl>'
        "</w:abstractNum>"
    )
    bullets = (
        f'<w:abstractNum {NS} w:abstractNumId="22"><w:multiLevelType w:val="hybridMultilevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/>'
        f'<w:lvlJc w:val="left"/>{bidi}<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl>'
        f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="○"/>'
        f'<w:lvlJc w:val="left"/>{bidi}</w:lvl>'
        "</w:abstractNum>"
    )
    letters = (
        f'<w:abstractNum {NS} w:abstractNumId="23"><w:multiLevelType w:val="hybridMultilevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="arabicAbjad"/><w:lvlText w:val="%1)"/>'
        f'<w:lvlJc w:val="left"/>{bidi}</w:lvl></w:abstractNum>'
    )
    nums = [
        f'<w:num {NS} w:numId="{SECTIONS}"><w:abstractNumId w:val="21"/></w:num>',
        f'<w:num {NS} w:numId="{BULLETS}"><w:abstractNumId w:val="22"/></w:num>',
        f'<w:num {NS} w:numId="{LETTERS_A}"><w:abstractNumId w:val="23"/></w:num>',
        f'<w:num {NS} w:numId="{LETTERS_B}"><w:abstractNumId w:val="23"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
    ]
    return [multi, bullets, letters], nums


def run(text: str) -> str:
    return f'<w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(inner: str, num: tuple[int, int] | None = None, style: str | None = None) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr += "<w:bidi/>"
    return f"<w:p {NS}><w:pPr>{ppr}</w:pPr>{inner}</w:p>"


def _table(start: list[str], end: list[str]) -> str:
    def cell(lines: list[str]) -> str:
        return "<w:tc><w:tcPr><w:tcW w:w=\"4800\" w:type=\"dxa\"/></w:tcPr>" + "".join(para(run(x)) for x in lines) + "</w:tc>"

    return (
        f"<w:tbl {NS}><w:tblPr><w:bidiVisual/><w:tblW w:w=\"9600\" w:type=\"dxa\"/></w:tblPr>"
        '<w:tblGrid><w:gridCol w:w="4800"/><w:gridCol w:w="4800"/></w:tblGrid>'
        f"<w:tr>{cell(start)}{cell(end)}</w:tr></w:tbl>"
    )


def _textbox(lines: list[str]) -> str:
    """A text box as Word 2010+ writes it: the shape, and a VML fallback holding the same text."""
    inner = "".join(para(run(x)) for x in lines)
    return (
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor distT=\"0\" distB=\"0\" "
        'distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
        '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
        '</wp:positionV><wp:extent cx="2000000" cy="800000"/><wp:wrapNone/><wp:docPr id="1" name="Text Box 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox>'
        "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def build(
    path: Path,
    *,
    convention: str = "2022",
    header: str = "body_table",
    date_field: bool = True,
) -> tuple[Path, list[Pair]]:
    """A chair's report in Word with list numbering; returns (path, what a reader sees).

    `header`: where the header block is: `body_table`, `first_page_header`,
    `textboxes` or `paragraphs`. `date_field`: the meeting date is a DATE field
    (whose shown result LibreOffice updates when it saves the file).
    """
    import docx
    from docx.oxml import parse_xml
    from docx.text.paragraph import Paragraph

    level_text = "%2.%1" if convention == "2022" else "%1.%2"

    def number(section: int, paragraph: int) -> str:
        return f"{paragraph}.{section}" if convention == "2022" else f"{section}.{paragraph}"

    doc = docx.Document()
    numbering = doc.part.numbering_part.element
    abstracts, nums = numbering_xml(level_text)
    first_num = numbering.find(f"{{{W_NS}}}num")
    for a in abstracts:
        el = parse_xml(a)
        if first_num is not None:
            first_num.addprevious(el)
        else:
            numbering.append(el)
    for n in nums:
        numbering.append(parse_xml(n))

    body = doc.element.body
    sect = body.find(f"{{{W_NS}}}sectPr")
    seen: list[Pair] = []
    out: list[str] = []

    def add(xml: str, label: str = "", text: str | None = None, plain: str | None = None) -> None:
        out.append(xml)
        if text is not None:
            for i, line in enumerate(text.split("\n")):
                seen.append((label if i == 0 else "", line))

    if header == "body_table":
        out.append(_table(HEADER_START, HEADER_END))
    elif header == "textboxes":
        out.append(para(_textbox(HEADER_START) + _textbox(HEADER_END)))
    elif header == "paragraphs":
        for line in HEADER_START + HEADER_END:
            out.append(para(run(line)))
    seen += [("", x) for x in HEADER_START + HEADER_END]

    title = "تقرير من رئيس فريق العمل التابع للمجلس\nالمعني بحماية الأطفال على الإنترنت"
    add(para(run("تقرير من رئيس فريق العمل التابع للمجلس") + "<w:r><w:br/></w:r>" + run("المعني بحماية الأطفال على الإنترنت")), "", title)
    subject = f"نتائج الاجتماع الثامن عشر ل{GROUP}"
    add(para(run(subject)), "", subject)
    add(para(run("ملخص")), "", "ملخص")
    # The summary: a tracked insertion, a tracked deletion, a comment on a word.
    summary_xml = (
        run("يلخّص هذا التقرير النتائج ")
        + '<w:ins w:id="1" w:author="A" w:date="2022-01-20T10:00:00Z">' + run("الرئيسية ") + "</w:ins>"
        + '<w:del w:id="2" w:author="A" w:date="2022-01-20T10:00:00Z"><w:r><w:delText xml:space="preserve">'
        "القديمة </w:delText></w:r></w:del>"
        + run("للاجتماع الثامن عشر.")
    )  # fmt: skip
    add(para(summary_xml), "", "يلخّص هذا التقرير النتائج الرئيسية للاجتماع الثامن عشر.")
    add(para(run("الإجراء المطلوب")), "", "الإجراء المطلوب")
    add(para(run("يُرجى من المجلس الإحاطة علماً بهذا التقرير.")), "", "يُرجى من المجلس الإحاطة علماً بهذا التقرير.")
    add(para(run("_________")), "", "_________")
    add(para(run("المراجع")), "", "المراجع")
    ref = (
        '<w:bookmarkStart w:id="5" w:name="_Hlk96392006"/>' + run("القرار 179 (المراجَع في دبي، 2018)")
        + '<w:bookmarkEnd w:id="5"/>'
    )  # fmt: skip
    add(para(ref), "", "القرار 179 (المراجَع في دبي، 2018)")

    # Section 1, its paragraph: a hyperlink and two fields (complex and simple).
    add(para(run("مقدمة"), (SECTIONS, 0)), "1", "مقدمة")
    intro = (
        run(f"عقد {GROUP} (CWG\u2011COP) اجتماعه الثامن عشر في ")
        + (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> DATE \\@ "d MMMM yyyy" </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("12 يناير 2022")
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            if date_field else run("12 يناير 2022")
        )
        + run(" عبر الإنترنت على المنصة ")
        + '<w:hyperlink w:anchor="zoom" w:history="1"><w:r><w:t>Zoom</w:t></w:r></w:hyperlink>'
        + run(". وشارك فيه نحو ")
        + '<w:fldSimple w:instr=" DOCPROPERTY participants "><w:r><w:t>100</w:t></w:r></w:fldSimple>'
        + run(" مشارك.")
    )  # fmt: skip
    intro_text = f"عقد {GROUP} (CWG\u2011COP) اجتماعه الثامن عشر في 12 يناير 2022 عبر الإنترنت على المنصة Zoom. وشارك فيه نحو 100 مشارك."
    add(para(intro, (SECTIONS, 1)), number(1, 1), intro_text)

    # Section 2: two numbered paragraphs and an unnumbered one.
    add(para(run("الملاحظات الافتتاحية"), (SECTIONS, 0)), "2", "الملاحظات الافتتاحية")
    for k, text in enumerate(("افتتح الاجتماع الأمين العام للاتحاد.", "ورحب الرئيس بالمشاركين."), start=1):
        add(para(run(text), (SECTIONS, 1)), number(2, k), text)
    add(para(run("وأعطى الكلمة لفريق الاتحاد.")), "", "وأعطى الكلمة لفريق الاتحاد.")

    # Section 3: contributions as bullets and `○` items.
    add(para(run("المساهمات"), (SECTIONS, 0)), "3", "المساهمات")
    add(para(run("عُرضت الوثائق التالية:"), (SECTIONS, 1)), number(3, 1), "عُرضت الوثائق التالية:")
    add(para(run("وثائق يقدمها أعضاء الاتحاد:"), (BULLETS, 0)), "•", "وثائق يقدمها أعضاء الاتحاد:")
    for text in ("وثيقة من هنغاريا: الاستراتيجية الرقمية", "وثيقة من أستراليا: أفضل الممارسات"):
        add(para(run(text), (BULLETS, 1)), "○", text)

    # Section 4: outcomes, lettered in abjad order, restarting per block; a bullet under a letter.
    add(para(run("نتائج الاجتماع"), (SECTIONS, 0)), "4", "نتائج الاجتماع")
    add(para(run("النواتج الرئيسية:"), (SECTIONS, 1)), number(4, 1), "النواتج الرئيسية:")
    for letter, text in zip("أبج", ("رحب الفريق بالاقتراح.", "اتفق الفريق على ما يلي:", "أوصي أيضاً بالمتابعة."), strict=True):
        add(para(run(text), (LETTERS_A, 0)), f"{letter})", text)
        if letter == "ب":
            add(para(run("مواصلة التركيز على الموضوع."), (BULLETS, 0)), "•", "مواصلة التركيز على الموضوع.")
    add(para(run("النواتج الأخرى:"), (SECTIONS, 1)), number(4, 2), "النواتج الأخرى:")
    for letter, text in zip("أب", ("شُجع على إشراك المكاتب الإقليمية.", "وأخيراً، شُجع على التعاون."), strict=True):
        add(para(run(text), (LETTERS_B, 0)), f"{letter})", text)

    add(para(run("عبد العزيز الزرعوني (الإمارات العربية المتحدة)")), "", "عبد العزيز الزرعوني (الإمارات العربية المتحدة)")
    add(para(run("رئيس فريق العمل التابع للمجلس")), "", "رئيس فريق العمل التابع للمجلس")
    add(para(run("___________")), "", "___________")

    for xml in out:
        sect.addprevious(parse_xml(xml))

    # A comment on the summary's first run: left out of the text, and counted.
    summary_el = next(p for p in body.iter(f"{{{W_NS}}}p") if "يلخّص" in "".join(p.itertext()))
    summary_p = Paragraph(summary_el, doc._body)
    doc.add_comment(summary_p.runs[0], text="تحقق من هذا الرقم", author="Reviewer", initials="R")

    if header == "first_page_header":
        section = doc.sections[0]
        section.different_first_page_header_footer = True
        hdr = section.first_page_header._element
        for child in list(hdr):
            hdr.remove(child)
        hdr.append(parse_xml(_table(HEADER_START, HEADER_END)))
        hdr.append(parse_xml(para("")))
    doc.save(str(path))
    return path, seen


# --- Word files from the wild: what people (not cwgdraft) type into Word ------------

INS = 'w:id="{id}" w:author="Reviewer" w:date="2022-02-01T10:00:00Z"'


def ins(inner: str, n: int = 90) -> str:
    """A tracked insertion around runs."""
    return f"<w:ins {INS.format(id=n)}>{inner}</w:ins>"


def deleted(text: str, n: int = 91) -> str:
    """A tracked deletion: the text a reader does not see once changes are accepted."""
    return f'<w:del {INS.format(id=n)}><w:r><w:rPr><w:rtl/></w:rPr><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>'


def para_mark(inner: str, change: str, n: int = 92, style: str | None = None) -> str:
    """A paragraph whose mark is tracked: `del` (accepting joins it to the next one) or `ins`."""
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    return f'<w:p {NS}><w:pPr>{ppr}<w:bidi/><w:rPr><w:{change} {INS.format(id=n)}/></w:rPr></w:pPr>{inner}</w:p>'


def sym(char: str, font: str = "Symbol") -> str:
    """A symbol-font character as Word writes an inserted symbol."""
    return f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'


TAB = "<w:r><w:tab/></w:r>"


def framed(text: str, style: str | None = None) -> str:
    """A paragraph in a frame (`w:framePr`), as ITU templates hold the header block."""
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    frame = '<w:framePr w:hSpace="180" w:wrap="around" w:vAnchor="page" w:hAnchor="margin" w:y="1135"/>'
    return f"<w:p {NS}><w:pPr>{ppr}{frame}<w:bidi/></w:pPr>{run(text)}</w:p>"


def styled_word(path: Path, paragraphs: list[str], styles: list[str] = (), numbering: list[str] = ()) -> Path:
    """A Word file of the given body paragraphs; `styles` are paragraph style ids
    (named as ITU's templates name them) added to styles.xml first."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    doc = docx.Document()
    for style_id in styles:
        if style_id not in {s.style_id for s in doc.styles}:
            doc.styles.add_style(style_id, WD_STYLE_TYPE.PARAGRAPH)
    numbering_el = doc.part.numbering_part.element
    for xml in numbering:
        numbering_el.append(parse_xml(xml))
    sect = doc.element.body.find(f"{{{W_NS}}}sectPr")
    for xml in paragraphs:
        sect.addprevious(parse_xml(xml))
    doc.save(str(path))
    return path
