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

from cwgdraft.formats.oxml import (
    CUSTOM_PROPERTIES_PART,
    CUSTOM_PROPERTIES_REL,
    id_from_bookmark_name,
    package_relationship_target,
    with_custom_properties,
)
from cwgdraft.review.rounds import ROUND_PROPERTY

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"

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
    changed = with_custom_properties(parts, {ROUND_PROPERTY: round_id})
    parts.update(changed)
    buffer = io.BytesIO()
    names = [i.filename for i in infos] + [n for n in changed if n not in {i.filename for i in infos}]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            archive.writestr(name, parts[name])
    return buffer.getvalue(), count


def round_property(parts: dict[str, bytes]) -> str | None:
    """The round's id a copy carries (its custom property), or None."""
    target = package_relationship_target(parts.get("_rels/.rels", b""), CUSTOM_PROPERTIES_REL)
    data = parts.get((target or CUSTOM_PROPERTIES_PART).lstrip("/"))
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
