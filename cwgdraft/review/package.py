"""The Word side of a review copy.

Written after the normal export, part by part: `settings.xml` gets Word's
document protection (read-only, enforced, no password) and change tracking
on; `document.xml` gets editable ranges (`w:permStart`/`w:permEnd`,
`w:edGrp="everyone"`) around each run of paragraphs under review, placed as
Word places them (inside the first and the last paragraph of the run); the
round's id travels as the custom document property `cwgdraft.round`
(`docProps/custom.xml`), which Word and LibreOffice keep on saving.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Container

from lxml import etree

from cwgdraft.formats.oxml import id_from_bookmark_name

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_PART = "docProps/custom.xml"
# The format id every custom document property carries (the user-defined property set).
USER_DEFINED_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
ROUND_PROPERTY = "cwgdraft.round"

# CT_Settings' children, in the schema's order, up to where ours go.
_SETTINGS_BEFORE = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
    "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
    "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors",
    "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate",
    "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
    "revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting", "documentProtection",
)  # fmt: skip


def _insert_in_order(parent: etree._Element, element: etree._Element, order: tuple[str, ...]) -> None:
    """Put `element` after the last child that the schema orders before it (replacing its namesake)."""
    name = etree.QName(element).localname
    for old in parent.findall(W + name):
        parent.remove(old)
    rank = order.index(name)
    at = 0
    for i, child in enumerate(parent):
        if isinstance(child.tag, str) and child.tag.startswith(W) and child.tag[len(W) :] in order[:rank]:
            at = i + 1
    parent.insert(at, element)


def protected_settings(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    _insert_in_order(root, etree.Element(W + "trackRevisions"), _SETTINGS_BEFORE)
    protection = etree.Element(W + "documentProtection")
    protection.set(W + "edit", "readOnly")
    protection.set(W + "enforcement", "1")
    _insert_in_order(root, protection, _SETTINGS_BEFORE)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _paragraph_id(p: etree._Element) -> str | None:
    for mark in p.iter(W + "bookmarkStart"):
        found = id_from_bookmark_name(mark.get(W + "name", ""))
        if found:
            return found
    return None


def with_editable_ranges(xml: bytes, editable: Container[str]) -> tuple[bytes, int]:
    """The document with an editable range around each run of paragraphs whose
    id is in `editable`; how many paragraphs are editable."""
    root = etree.fromstring(xml)
    body = root.find(W + "body")
    if body is None:
        return xml, 0
    runs: list[list[etree._Element]] = []
    current: list[etree._Element] = []
    count = 0
    for child in body:
        pid = _paragraph_id(child) if child.tag == W + "p" else None
        if pid is not None and pid in editable:
            current.append(child)
            count += 1
        elif child.tag == W + "p" and current and pid is None and not "".join(child.itertext()).strip():
            continue  # an empty spacer paragraph does not break a run
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    for number, run in enumerate(runs, start=1):
        first, last = run[0], run[-1]
        start = etree.Element(W + "permStart")
        start.set(W + "id", str(number))
        start.set(W + "edGrp", "everyone")
        ppr = first.find(W + "pPr")
        first.insert(0 if ppr is None else first.index(ppr) + 1, start)
        end = etree.SubElement(last, W + "permEnd")
        end.set(W + "id", str(number))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), count


def _custom_properties(existing: bytes | None, round_id: str) -> bytes:
    if existing:
        root = etree.fromstring(existing)
    else:
        root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    pids = [int(p.get("pid", "1")) for p in root]
    for prop in list(root):
        if prop.get("name") == ROUND_PROPERTY:
            root.remove(prop)
    prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property")
    prop.set("fmtid", USER_DEFINED_FMTID)
    prop.set("pid", str(max([1, *pids]) + 1))  # pids start at 2
    prop.set("name", ROUND_PROPERTY)
    etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = round_id
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _with_custom_part(content_types: bytes, package_rels: bytes) -> tuple[bytes, bytes]:
    types = etree.fromstring(content_types)
    if not any(o.get("PartName") == "/" + CUSTOM_PART for o in types.iter(f"{{{CT_NS}}}Override")):
        override = etree.SubElement(types, f"{{{CT_NS}}}Override")
        override.set("PartName", "/" + CUSTOM_PART)
        override.set("ContentType", CUSTOM_TYPE)
    rels = etree.fromstring(package_rels)
    if not any(r.get("Type") == CUSTOM_REL for r in rels):
        taken = {r.get("Id") for r in rels}
        rid = next(f"rId{n}" for n in range(100, 10_000) if f"rId{n}" not in taken)
        rel = etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship")
        rel.set("Id", rid)
        rel.set("Type", CUSTOM_REL)
        rel.set("Target", CUSTOM_PART)

    def out(root: etree._Element) -> bytes:
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    return out(types), out(rels)


def _custom_part_name(parts: dict[str, bytes]) -> str:
    rels = parts.get("_rels/.rels")
    if rels:
        for rel in etree.fromstring(rels):
            if rel.get("Type") == CUSTOM_REL:
                return rel.get("Target", CUSTOM_PART).lstrip("/")
    return CUSTOM_PART


def rewrite(data: bytes, round_id: str, editable: Container[str] | None = None) -> tuple[bytes, int]:
    """An exported .docx with the round's id in it and, given `editable`, the
    protection and editable ranges of a review copy; how many paragraphs are editable."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        infos = source.infolist()
        parts = {info.filename: source.read(info) for info in infos}
    document = next((n for n in parts if n == "word/document.xml"), "word/document.xml")
    count = 0
    if editable is not None:
        parts[document], count = with_editable_ranges(parts[document], editable)
        if "word/settings.xml" in parts:
            parts["word/settings.xml"] = protected_settings(parts["word/settings.xml"])
    custom = _custom_part_name(parts)
    parts[custom] = _custom_properties(parts.get(custom), round_id)
    parts["[Content_Types].xml"], parts["_rels/.rels"] = _with_custom_part(
        parts["[Content_Types].xml"], parts["_rels/.rels"]
    )
    buffer = io.BytesIO()
    names = [i.filename for i in infos] + ([custom] if custom not in {i.filename for i in infos} else [])
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            archive.writestr(name, parts[name])
    return buffer.getvalue(), count


def round_property(parts: dict[str, bytes]) -> str | None:
    """The round's id a copy carries (its custom property), or None."""
    data = parts.get(_custom_part_name(parts))
    if not data:
        return None
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None
    for prop in root:
        if prop.get("name") == ROUND_PROPERTY:
            value = "".join(prop.itertext()).strip()
            return value or None
    return None
