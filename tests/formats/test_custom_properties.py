"""Custom document properties: an export carries the id of the round it is
recorded as, written with the file (not by rewriting it), and a reference
document's own custom properties are kept beside it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx

from cwgdraft.core import portable
from cwgdraft.formats import oxml
from cwgdraft.formats.docx_writer import to_bytes
from cwgdraft.formats.render import DEFAULT_TEMPLATE, load_template, render
from cwgdraft.review.package import round_property
from tests import ooxml_check as oc
from tests.report_factory import SAMPLES_DIR

REPORT = SAMPLES_DIR / "cwg-cop-18-2022.json"
THEIRS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Properties xmlns="{oxml.CUSTOM_NS}" xmlns:vt="{oxml.VT_NS}">'
    f'<property fmtid="{oxml.USER_DEFINED_FMTID}" pid="2" name="Client"><vt:lpwstr>ITU &amp; Co</vt:lpwstr></property>'
    "</Properties>"
)


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_an_export_carries_its_properties_and_stays_valid(tmp_path: Path) -> None:
    data = to_bytes(render(portable.read_file(REPORT)), properties={"cwgdraft.round": "r-1 «مراجعة»"})
    parts = _parts(data)
    assert round_property(parts) == "r-1 «مراجعة»"
    assert b'PartName="/docProps/custom.xml"' in parts["[Content_Types].xml"]
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    pkg = oc.Package.from_path(out)
    assert oc.schema_errors(pkg) == [] and oc.structure_problems(pkg) == []
    assert docx.Document(str(out)).paragraphs  # python-docx opens it


def test_a_reference_with_custom_properties_keeps_them(tmp_path: Path) -> None:
    reference = tmp_path / "with-custom.docx"
    with zipfile.ZipFile(DEFAULT_TEMPLATE / "reference.docx") as ref, zipfile.ZipFile(reference, "w") as out:
        for info in ref.infolist():
            data = ref.read(info)
            if info.filename == "[Content_Types].xml":
                data = oxml.with_override(data, "docProps/custom.xml", oxml.CUSTOM_PROPERTIES_TYPE)
            if info.filename == "_rels/.rels":
                data = oxml.with_package_relationship(data, oxml.CUSTOM_PROPERTIES_REL, "docProps/custom.xml")
            out.writestr(info, data)
        out.writestr("docProps/custom.xml", THEIRS)
    template = load_template(reference)
    data = to_bytes(render(portable.read_file(REPORT), template), template, {"cwgdraft.round": "r-2"})
    parts = _parts(data)
    custom = parts["docProps/custom.xml"].decode("utf-8")
    assert "ITU &amp; Co" in custom and round_property(parts) == "r-2"
    assert parts["[Content_Types].xml"].count(b"docProps/custom.xml") == 1
    assert parts["_rels/.rels"].count(oxml.CUSTOM_PROPERTIES_REL.encode()) == 1
    assert 'pid="3"' in custom  # after the reference's own
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    assert oc.schema_errors(oc.Package.from_path(out)) == []


def test_the_store_keeps_compact_copies_that_read_back_the_same() -> None:
    report = portable.read_file(REPORT)
    compact = portable.dumps(report, compact=True)
    assert "\n" not in compact and len(compact) < len(portable.dumps(report))
    assert portable.dumps(portable.loads(compact)) == portable.dumps(report)
