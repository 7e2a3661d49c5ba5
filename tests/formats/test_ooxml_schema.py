"""Every WordprocessingML part of an exported report, and of the reference
document itself, validates against the OOXML schema (`../shared/ooxml-xsd/wml.xsd`)
after removing `mc:Ignorable` content; openxml-audit finds no error.

openxml-audit 0.8 (Word 2019 rules, schema + semantic) reports nothing on these
files, not even warnings. Before the reference document had `fontTable.xml`
and a theme it reported two errors ("A required relationship type .../fontTable
is missing", the same for theme); with `w:rtl` in styles it reported
"Unexpected element 'rtl'" per style (its style rPr model is stricter than wml.xsd).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tests import ooxml_check as oc
from tests.report_factory import REPO, exported_reports, report_names

REFERENCE = REPO / "templates" / "council-ar" / "reference.docx"
EXPECTED_PARTS = {"word/document.xml", "word/styles.xml", "word/numbering.xml", "word/settings.xml"}

pytestmark = pytest.mark.skipif(not oc.xsd_available(), reason=f"{oc.WML_XSD} is not there (shared/ beside the repo)")


@pytest.fixture(scope="session")
def schema() -> etree.XMLSchema:
    return oc.wml_schema()


def _check_package(pkg: oc.Package) -> None:
    parts = oc.validated_parts(pkg)
    assert EXPECTED_PARTS <= set(parts), parts
    assert any(p.startswith("word/header") for p in parts)
    assert any(p.startswith("word/footer") for p in parts)
    errors = oc.schema_errors(pkg)
    assert errors == [], "\n".join(errors[:20])


@pytest.mark.parametrize("name", report_names())
def test_exported_parts_validate(name: str, schema: etree.XMLSchema) -> None:
    _check_package(oc.Package.from_bytes(exported_reports()[name]))


def test_reference_document_validates(schema: etree.XMLSchema) -> None:
    _check_package(oc.Package.from_path(REFERENCE))


def test_schema_catches_bad_order(schema: etree.XMLSchema) -> None:
    """The check is not vacuous: a `w:jc` before `w:pStyle` in a pPr is refused."""
    pkg = oc.Package.from_bytes(exported_reports()["full"])
    assert oc.schema_errors(pkg) == []
    ppr = next(pkg.document.iter(oc.W + "pPr"))
    jc = etree.Element(oc.W + "jc")
    jc.set(oc.W + "val", "both")
    ppr.insert(0, jc)
    assert any(e.startswith("word/document.xml") for e in oc.schema_errors(pkg))


def test_ignorable_content_is_removed() -> None:
    """A part with a w14 attribute declared ignorable validates once stripped."""
    xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14">'
        '<w:body><w:p w14:paraId="1A2B3C4D"><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>'
    )
    root = etree.fromstring(xml)
    assert not oc.wml_schema().validate(root)
    assert oc.wml_schema().validate(oc.strip_ignorable(root)), oc.wml_schema().error_log


@pytest.mark.parametrize("name", report_names())
def test_openxml_audit_finds_no_error(name: str, tmp_path: Path) -> None:
    audit = pytest.importorskip("openxml_audit")
    path = tmp_path / f"{name}.docx"
    path.write_bytes(exported_reports()[name])
    result = audit.OpenXmlValidator().validate(str(path))
    errors = [e for e in result.errors if e.severity == audit.ValidationSeverity.ERROR]
    assert errors == [], "\n".join(f"{e.part_uri} {e.path}: {e.description}" for e in errors)
    # What it says short of an error (none with 0.8 on these files), shown with -rA.
    for e in result.errors:
        print(f"openxml-audit {e.severity}: {e.part_uri} {e.path}: {e.description}")


def test_openxml_audit_reference_document() -> None:
    audit = pytest.importorskip("openxml_audit")
    result = audit.OpenXmlValidator().validate(str(REFERENCE))
    errors = [e for e in result.errors if e.severity == audit.ValidationSeverity.ERROR]
    assert errors == [], "\n".join(f"{e.part_uri} {e.path}: {e.description}" for e in errors)
