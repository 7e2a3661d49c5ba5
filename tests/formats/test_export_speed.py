"""The export path's speed-ups keep their promises: a reference document
that lacks a first-page header or footer is completed, the compiled template
is reused until the template changes, and the body is written in pieces."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from cwgdraft.formats import docx_writer, render
from cwgdraft.formats.docmodel import Block, Document
from cwgdraft.formats.render import DEFAULT_TEMPLATE, load_template
from tests import ooxml_check as oc
from tests.report_factory import full_report


def _without_first_page_parts(source: Path, target: Path) -> None:
    """The council reference with no first-page header or footer, no title page and no core properties."""
    with zipfile.ZipFile(source) as ref, zipfile.ZipFile(target, "w") as out:
        for info in ref.infolist():
            data = ref.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                text = re.sub(r'<w:(header|footer)Reference w:type="first" r:id="rId\d+"/>', "", text)
                data = text.replace("<w:titlePg/>", "").encode("utf-8")
            if info.filename == "docProps/core.xml":
                continue
            if info.filename in ("[Content_Types].xml", "_rels/.rels"):
                text = data.decode("utf-8")
                text = re.sub(r"<(Override|Relationship) [^>]*core[^>]*/>", "", text)
                data = text.encode("utf-8")
            out.writestr(info, data)


def test_a_reference_without_first_page_parts_is_completed(tmp_path: Path) -> None:
    reference = tmp_path / "bare.docx"
    _without_first_page_parts(DEFAULT_TEMPLATE / "reference.docx", reference)
    template = load_template(reference)
    report = full_report()
    out = docx_writer.write_docx(render.render(report, template), tmp_path / "out.docx", template)
    opened = docx.Document(str(out))
    section = opened.sections[0]
    assert section.different_first_page_header_footer
    header_text = " ".join(
        p.text for t in section.first_page_header.tables for row in t.rows for c in row.cells for p in c.paragraphs
    )
    assert report.symbol in header_text
    assert opened.core_properties.language == "ar"
    pkg = oc.Package.from_path(out)
    assert oc.schema_errors(pkg) == []
    assert oc.structure_problems(pkg) == []


def test_a_long_body_is_written_whole_across_pieces(tmp_path: Path) -> None:
    count = docx_writer.CHUNK * 2 + 3
    texts = [f"الفقرة {i} عن ITU\u2011D و<Zoom> & {i}" for i in range(count)]
    document = Document(blocks=[Block("body", t) for t in texts], title="عنوان & <ما>")
    data = docx_writer.to_bytes(document)
    path = tmp_path / "long.docx"
    path.write_bytes(data)
    opened = docx.Document(str(path))
    body = [p.text for p in opened.paragraphs]
    assert body == texts
    assert opened.core_properties.title == "عنوان & <ما>"


@pytest.fixture
def template_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "ours"
    shutil.copytree(DEFAULT_TEMPLATE, folder)
    monkeypatch.setenv(render.TEMPLATE_CACHE_ENV, str(tmp_path / "cache"))
    render._load_template.cache_clear()
    yield folder
    render._load_template.cache_clear()


def test_the_compiled_template_is_kept_until_the_template_changes(template_folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    report = full_report()

    def words() -> str:
        render._load_template.cache_clear()  # a new process: a new environment
        return " ".join(b.text for b in render.render(report, load_template(template_folder)).blocks)

    assert "ملخص" in words()
    (entry,) = cache.iterdir()
    compiled_at = entry.stat().st_mtime_ns
    words()
    assert entry.stat().st_mtime_ns == compiled_at  # read, not compiled again

    source = template_folder / "report.xml.j2"
    source.write_text(source.read_text(encoding="utf-8").replace("ملخص", "خلاصة"), encoding="utf-8")
    changed = words()
    assert "خلاصة" in changed and "ملخص" not in changed
    assert entry.stat().st_mtime_ns != compiled_at


def test_no_cache_where_none_can_be_written(template_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(render.TEMPLATE_CACHE_ENV, "")
    assert render._bytecode_cache() is None
    assert render.render(full_report(), load_template(template_folder)).blocks


def test_the_analysed_reference_kept_on_disk_gives_the_same_file(template_folder: Path, tmp_path: Path) -> None:
    template = load_template(template_folder)
    document = render.render(full_report(), template)
    docx_writer._reference.cache_clear()
    first = docx_writer.to_bytes(document, template)  # analyses the reference and keeps it
    (kept,) = (tmp_path / "cache").glob("reference-*.marshal")
    docx_writer._reference.cache_clear()  # a new process: read from the disk
    assert docx_writer.to_bytes(document, template) == first
    kept.write_bytes(b"not what was kept")  # damaged: analysed again, and kept again
    docx_writer._reference.cache_clear()
    assert docx_writer.to_bytes(document, template) == first
    assert kept.read_bytes() != b"not what was kept"
    docx_writer._reference.cache_clear()


@pytest.mark.parametrize("xdg", [None, "/tmp/elsewhere", "  "])
def test_the_cache_folder_is_where_platformdirs_puts_it(monkeypatch: pytest.MonkeyPatch, xdg: str | None) -> None:
    import platformdirs

    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert render._user_cache() == platformdirs.user_cache_path("cwgdraft")
