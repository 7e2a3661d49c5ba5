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


def _run_python(code: str, cache: Path) -> str:
    """`code` in a new process with its own template cache; what it prints."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, CWGDRAFT_TEMPLATE_CACHE=str(cache), PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


STANDARD_WORDING = """
import json, sys
from cwgdraft.core import portable, content
from cwgdraft.formats.render import standard_content
from tests.report_factory import SAMPLES_DIR
report = portable.read_file(SAMPLES_DIR / "cwg-cop-18-2022.json")
ref = report.contributions[0].id
out = {name: content.to_data(standard_content(report, name, r)) for name, r in
       (("title", ""), ("summary", ""), ("introduction", ""), ("document_item", ref))}
print(json.dumps({"jinja": "jinja2" in sys.modules, "wording": out}, ensure_ascii=False))
"""


def test_standard_wording_is_kept_for_the_next_process_without_jinja(tmp_path: Path) -> None:
    import json

    first = json.loads(_run_python(STANDARD_WORDING, tmp_path))
    assert first["jinja"]  # rendered from the snippets
    assert (tmp_path / render.KEPT_SNIPPETS_FILE).is_file()
    second = json.loads(_run_python(STANDARD_WORDING, tmp_path))
    assert not second["jinja"]  # read back as it was kept: Jinja not even loaded
    assert second["wording"] == first["wording"]
    assert any(isinstance(v, list) for v in second["wording"].values())  # fields kept as fields


def test_an_edited_snippet_is_not_served_from_what_was_kept(tmp_path: Path) -> None:
    import json

    folder = tmp_path / "template"
    shutil.copytree(DEFAULT_TEMPLATE, folder)
    code = STANDARD_WORDING.replace(
        "from cwgdraft.formats.render import standard_content",
        f"from cwgdraft.formats.render import standard_content as _s, load_template\n"
        f"standard_content = lambda r, n, ref='': _s(r, n, ref, load_template({str(folder)!r}))",
    )
    cache = tmp_path / "cache"
    before = json.loads(_run_python(code, cache))["wording"]["title"]
    snippet = folder / "standard" / "title.xml.j2"
    snippet.write_text("عنوان معدّل (CWG-COP) للاجتماع", encoding="utf-8")
    after = json.loads(_run_python(code, cache))["wording"]["title"]
    assert after == "عنوان معدّل (CWG-COP) للاجتماع" != before


def test_a_broken_kept_file_is_ignored(tmp_path: Path) -> None:
    import json

    (tmp_path / render.KEPT_SNIPPETS_FILE).write_text("{not json", encoding="utf-8")
    out = json.loads(_run_python(STANDARD_WORDING, tmp_path))
    assert out["jinja"] and out["wording"]["title"]
    kept = json.loads((tmp_path / render.KEPT_SNIPPETS_FILE).read_text(encoding="utf-8"))
    assert kept["version"] == 1 and len(kept["snippets"]) == 4


def test_the_cache_folder_keeps_the_newest_files_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each edit of a reference document adds an analysed copy to the cache folder: the
    oldest go once there are more than MAX_CACHED_FILES of a kind."""
    import os

    cache = tmp_path / "cache"
    monkeypatch.setenv(render.TEMPLATE_CACHE_ENV, str(cache))
    monkeypatch.setattr(render, "MAX_CACHED_FILES", 3)
    cache.mkdir()
    for n in range(5):
        old = cache / f"reference-old{n}.marshal"
        old.write_bytes(b"x")
        os.utime(old, ns=(n * 10**9, n * 10**9))
    (cache / "standard-wording.json").write_text("{}", encoding="utf-8")  # not a kind pruned
    reference = tmp_path / "edited.docx"
    shutil.copy(DEFAULT_TEMPLATE / "reference.docx", reference)
    template = load_template(reference)
    docx_writer._reference.cache_clear()
    docx_writer.to_bytes(render.render(full_report(), template), template)  # analysed and kept: a sixth file
    docx_writer._reference.cache_clear()
    kept = sorted(p.name for p in cache.glob("reference-*.marshal"))
    assert len(kept) == 3 and "reference-old4.marshal" in kept and "reference-old0.marshal" not in kept
    assert (cache / "standard-wording.json").exists()
