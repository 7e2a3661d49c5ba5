"""Rendering through templates: placeholders, literal user text, the sandbox,
and an organisation's own Word template with its own style names."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import docx
import pytest

from cwgdraft.core.errors import TemplateError
from cwgdraft.formats.docmodel import STYLES
from cwgdraft.formats.docx_writer import to_bytes, write_docx
from cwgdraft.formats.render import DEFAULT_TEMPLATE, load_template, render
from tests import ooxml_check as oc
from tests.report_factory import empty_report, full_report

W = oc.W

REQUIRED = [
    "report.action_required",
    "report.references",
    "report.signature",
]
# Empty, these are the template's standard wording: the facts it needs show as
# highlighted field names.
STANDARD = ["report.title", "report.subject", "report.summary", "report.signature.title"]
HEADER_FIELDS = [
    "report.council_session",
    "report.session_place",
    "report.agenda_item",
    "report.symbol",
    "report.date",
    "report.original_language",
]


def test_empty_required_fields_render_as_placeholders() -> None:
    document = render(empty_report())
    for source in REQUIRED:
        block = document.block_for(source)
        assert block is not None, source
        assert block.placeholder, source
        assert block.text.startswith("[") and block.text.endswith("]") and len(block.text) > 2
    for source in STANDARD:
        block = document.block_for(source)
        assert block is not None and block.missing, source
        assert all(block.text[f.start] == "[" and block.text[f.end - 1] == "]" for f in block.missing), source
    header = {b.source: b for b in document.header_start + document.header_end}
    for source in HEADER_FIELDS:
        assert header[source].placeholder, source
        assert header[source].text.startswith("[")
    # Filled fields are not placeholders.
    full = render(full_report())
    assert not any(b.placeholder for b in full.blocks)
    assert not any(b.placeholder for b in full.header_start + full.header_end)


def test_placeholders_are_highlighted_in_word() -> None:
    data = to_bytes(render(empty_report()))
    pkg = oc.Package.from_bytes(data)
    highlighted = []
    for _, p in pkg.paragraphs():
        for r in p.iter(W + "r"):
            hl = r.find(f"{W}rPr/{W}highlight")
            if hl is not None:
                highlighted.append(oc.run_text(r))
    assert any("اسم الفريق" in t for t in highlighted)  # a fact the standard title needs
    assert any("رمز الوثيقة" in t for t in highlighted)
    # Filled text is never highlighted.
    pkg = oc.Package.from_bytes(to_bytes(render(full_report())))
    body = pkg.document.find(W + "body")
    assert body.find(f".//{W}highlight") is None


def test_subject_is_written_from_the_meetings_when_empty() -> None:
    report = full_report()
    report.subject = ""
    assert render(report).block_for("report.subject").text.startswith("نتائج الاجتماع الثامن عشر ل")
    report.meetings.append(type(report.meetings[0])(19))
    text = render(report).block_for("report.subject").text
    assert text.startswith("نواتج الاجتماعين الثامن عشر والتاسع عشر ل")


def test_jinja_syntax_in_user_text_comes_out_literally() -> None:
    report = full_report()
    tricky = "{{ 7*7 }} {% for x in range(3) %}x{% endfor %} {# c #} {{ ''.__class__.__mro__ }} <b>&amp;</b> ]]>"
    report.title = tricky
    report.sections[0].paragraphs[0].text = tricky
    report.symbol = tricky
    document = render(report)
    assert document.block_for("report.title").text == tricky
    assert document.block_for(report.sections[0].paragraphs[0].id).text == tricky
    assert document.running_header.startswith(tricky)
    opened = docx.Document(io.BytesIO(to_bytes(document)))
    texts = [p.text for p in opened.paragraphs]
    assert tricky in texts
    assert f"1.1\t{tricky}" in texts
    assert not any("49" in t for t in texts)


def _template_folder(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "report.xml.j2").write_text(body, encoding="utf-8")
    shutil.copy(DEFAULT_TEMPLATE / "manifest.json", folder / "manifest.json")
    shutil.copy(DEFAULT_TEMPLATE / "reference.docx", folder / "reference.docx")
    return folder


@pytest.mark.parametrize(
    "body",
    [
        "<document>{{ ''.__class__.__mro__ }}</document>",
        "<document>{{ ''.__class__.__mro__[1].__subclasses__() }}</document>",
        "<document>{{ report.__class__.__init__.__globals__ }}</document>",
        "<document>{% set _ = report.references.append('x') %}</document>",
        "<document>{{ report.sections.pop() }}</document>",
        "<document>{{ cycler.__init__.__globals__.os }}</document>",
    ],
)
def test_sandbox_refuses_python_access(tmp_path: Path, body: str) -> None:
    template = load_template(_template_folder(tmp_path, body))
    report = full_report()
    references = list(report.references)
    with pytest.raises(TemplateError) as info:
        render(report, template)
    assert "report.xml.j2" in str(info.value)
    assert report.references == references  # nothing changed


def test_own_template_folder_renders(tmp_path: Path) -> None:
    body = (
        '<document lang="ar" title="{{ report.title }}">'
        '<block style="title" source="report.title">{{ report.title }}</block>'
        '<block style="body">{{ meetings_phrase(meeting_numbers) }} {{ report.date|date }}</block>'
        "</document>"
    )
    template = load_template(_template_folder(tmp_path, body))
    document = render(full_report(), template)
    assert [b.style for b in document.blocks] == ["title", "body"]
    assert document.blocks[1].text == "الاجتماع الثامن عشر 3\u00a0فبراير\u00a02022"


def test_template_errors_are_clear(tmp_path: Path) -> None:
    folder = _template_folder(tmp_path, "<document><block style='nope'>x</block></document>")
    with pytest.raises(TemplateError, match="unknown block style"):
        render(full_report(), load_template(folder))
    bad = tmp_path / "bad"
    shutil.copytree(folder, bad)
    (bad / "manifest.json").write_text('{"styles": {"title": 1}}', encoding="utf-8")
    with pytest.raises(TemplateError, match="manifest"):
        load_template(bad)
    with pytest.raises(TemplateError):
        load_template(tmp_path / "missing.docx")


def _organisation_reference(tmp_path: Path) -> Path:
    """The council reference with every custom style renamed, and its manifest beside it."""
    manifest = json.loads((DEFAULT_TEMPLATE / "manifest.json").read_text(encoding="utf-8"))
    doc = docx.Document(str(DEFAULT_TEMPLATE / "reference.docx"))
    renamed: dict[str, str] = {}
    for style in doc.styles:
        if style.name and style.name.startswith("CWG "):
            new = "Org " + style.name[4:] + " ع"
            renamed[style.name] = new
            style.name = new
    path = tmp_path / "org-template.docx"
    doc.save(str(path))
    styles = {role: renamed[name] for role, name in manifest["styles"].items()}
    path.with_suffix(".json").write_text(json.dumps({"name": "org", "styles": styles}, ensure_ascii=False), encoding="utf-8")
    return path


def test_export_with_an_organisation_reference_docx(tmp_path: Path) -> None:
    reference = _organisation_reference(tmp_path)
    template = load_template(reference)
    assert set(template.styles) == set(STYLES)
    assert all(name.startswith("Org ") for name in template.styles.values())
    out = write_docx(render(full_report(), template), tmp_path / "out.docx", template)
    opened = docx.Document(str(out))
    used = {p.style.name for p in opened.paragraphs}
    assert "Org Numbered ع" in used and "Org Title ع" in used
    assert not any(name.startswith("CWG ") for name in used)
    pkg = oc.Package.from_path(out)
    assert oc.schema_errors(pkg) == []
    assert oc.structure_problems(pkg) == []


def test_export_command_with_template(tmp_path: Path) -> None:
    """`cwgdraft export REPORT -o FILE --template ORG.docx`."""
    from cwgdraft import cli
    from cwgdraft.core.portable import dumps

    reference = _organisation_reference(tmp_path)
    report = full_report()
    source = tmp_path / "report.json"
    source.write_text(dumps(report), encoding="utf-8")
    db = str(tmp_path / "store.db")
    assert cli.main(["--db", db, "load", str(source)]) == 0
    out = tmp_path / "org.docx"
    assert cli.main(["--db", db, "export", report.symbol, "-o", str(out), "--template", str(reference)]) == 0
    used = {p.style.name for p in docx.Document(str(out)).paragraphs}
    assert "Org Numbered ع" in used


def test_reference_without_a_mapped_style_is_refused(tmp_path: Path) -> None:
    reference = _organisation_reference(tmp_path)
    manifest = json.loads(reference.with_suffix(".json").read_text(encoding="utf-8"))
    manifest["styles"]["title"] = "No Such Style"
    reference.with_suffix(".json").write_text(json.dumps(manifest), encoding="utf-8")
    template = load_template(reference)
    with pytest.raises(TemplateError, match="No Such Style"):
        to_bytes(render(full_report(), template), template)


def test_small_manifest_names_only_the_roles_without_fallback(tmp_path: Path) -> None:
    """A manifest may leave out the roles that fall back to another role's style."""
    from cwgdraft.formats.render import STYLE_FALLBACKS

    reference = _organisation_reference(tmp_path)
    manifest = json.loads(reference.with_suffix(".json").read_text(encoding="utf-8"))
    small = {role: name for role, name in manifest["styles"].items() if role not in STYLE_FALLBACKS}
    assert len(small) == len(STYLES) - len(STYLE_FALLBACKS) == 9
    reference.with_suffix(".json").write_text(json.dumps({"styles": small}, ensure_ascii=False), encoding="utf-8")
    template = load_template(reference)
    for role, target in STYLE_FALLBACKS.items():
        assert template.styles[role] == small[target]
    out = write_docx(render(full_report(), template), tmp_path / "out.docx", template)
    used = {p.style.name for p in docx.Document(str(out)).paragraphs}
    assert "Org Bullet ع" in used and "Org Sub Bullet ع" not in used
    pkg = oc.Package.from_path(out)
    assert oc.schema_errors(pkg) == []
    # Leave out a role that has no fallback: refused, naming it.
    del small["bullet"]
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(reference, other / reference.name)
    (other / reference.with_suffix(".json").name).write_text(json.dumps({"styles": small}), encoding="utf-8")
    with pytest.raises(TemplateError, match="no style given for 'bullet'"):
        load_template(other / reference.name)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"title": "No Such Style"}, ["org-template.docx", "no style named 'No Such Style'", "title"]),
        ({"bullet": None}, ["org-template.json", "no style given for 'bullet'"]),
        ({"footnote": "Org Body ع"}, ["org-template.json", "unknown style role 'footnote'"]),
    ],
    ids=["style-missing-from-docx", "role-missing", "unknown-role"],
)
def test_export_with_a_bad_manifest_is_one_line_exit_2(tmp_path: Path, change: dict[str, str | None], words: list[str]) -> None:
    from cwgdraft.core.portable import dumps
    from tests.test_cli import assert_bad_input, run

    reference = _organisation_reference(tmp_path)
    manifest = json.loads(reference.with_suffix(".json").read_text(encoding="utf-8"))
    for role, name in change.items():
        if name is None:
            del manifest["styles"][role]
        else:
            manifest["styles"][role] = name
    reference.with_suffix(".json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    report = full_report()
    source = tmp_path / "report.json"
    source.write_text(dumps(report), encoding="utf-8")
    db = tmp_path / "store.db"
    assert run("load", str(source), db=db).returncode == 0
    out = tmp_path / "out.docx"
    assert_bad_input(run("export", report.id, "-o", str(out), "--template", str(reference), db=db), *words)
    assert not out.exists()
    assert not list(tmp_path.glob(".cwgdraft-*"))
