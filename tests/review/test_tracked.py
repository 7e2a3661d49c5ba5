"""`cwgdraft export --tracked`: the changes since a round as Word tracked changes,
word by word; schema-valid and audit-clean; accepting every change gives the
report now, rejecting every change gives the round's text; a tracked copy reads
back (review import) onto the same paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from cwgdraft.core import portable
from cwgdraft.core.model import Paragraph
from cwgdraft.core.store import Store
from cwgdraft.drafting.standard import paragraph_text
from cwgdraft.formats.oxml import id_bookmark_name, without_bracket_marks
from cwgdraft.review import compare, reader, rounds
from tests.review.test_review import SAMPLE
from tests.test_cli import assert_bad_input, run

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"


def view(p: etree._Element, accept: bool) -> str:
    """A paragraph's text with every change accepted, or every change rejected."""
    keep, drop = (W + "ins", W + "del") if accept else (W + "del", W + "ins")
    out = []
    for t in p.iter(W + "t", W + "delText"):
        inside = {a.tag for a in t.iterancestors()}
        if drop in inside or (t.tag == W + "delText" and keep not in inside and accept):
            continue
        out.append(t.text or "")
    return compare.fold(without_bracket_marks("".join(out)))


@pytest.fixture
def edited(tmp_path: Path) -> tuple[Path, dict[str, str], dict[str, str], str, str]:
    """A store whose report was exported, then edited: (db, text then, text now, added id, deleted id)."""
    db = tmp_path / "store.db"
    with Store.open(db) as store:
        report = portable.read_file(SAMPLE)
        store.save(report)
    assert run("export", report.id, "-o", str(tmp_path / "then.docx"), db=db).returncode == 0
    with Store.open(db) as store:
        report, version = store.get_with_version(report.id)
        then = {p.id: paragraph_text(report, p) for p in report.all_paragraphs()}
        own = [p for p in report.all_paragraphs() if not p.standard]
        own[5].text = own[5].text.replace("الرئيس", "رئيس الفريق (CWG-COP)", 1) + " وأضيفت جملة 2026."
        last = report.sections[-1]
        added = Paragraph("فقرة جديدة كلياً عن ITU-D و https://www.itu.int")
        last.paragraphs.insert(1, added)
        gone = last.paragraphs.pop(0)
        report.opening_remarks = [o for o in report.opening_remarks if o.paragraph_id != gone.id]
        for c in report.contributions:
            if c.paragraph_id == gone.id:
                c.paragraph_id = None
        store.save(report, expected_version=version)
        now = {p.id: paragraph_text(report, p) for p in report.all_paragraphs()}
    return db, then, now, added.id, gone.id


def test_tracked_export_accepts_to_now_and_rejects_to_then(
    edited: tuple[Path, dict[str, str], dict[str, str], str, str], tmp_path: Path
) -> None:
    from tests import ooxml_check as oc

    db, then, now, added, gone = edited
    report_id = portable.read_file(SAMPLE).id
    out = tmp_path / "tracked.docx"
    result = run("export", report_id, "-o", str(out), "--tracked", "--author", "الأمانة", db=db)
    assert result.returncode == 0, result.stderr
    assert "tracked change(s) since export round" in result.stderr
    pkg = oc.Package.from_path(out)
    if oc.xsd_available():
        assert oc.schema_errors(pkg) == []
    document = pkg.document
    xml = etree.tostring(document, encoding="unicode")
    assert 'w:author="الأمانة"' in xml
    paragraphs = list(document.iter(W + "p"))

    def find(pid: str) -> etree._Element:
        name = id_bookmark_name(pid)
        return next(p for p in paragraphs if any(b.get(W + "name") == name for b in p.iter(W + "bookmarkStart")))

    changed = next(pid for pid in now if pid in then and now[pid] != then[pid])
    p = find(changed)
    assert p.find(f".//{W}ins") is not None and p.find(f".//{W}del") is not None
    label = next(r for r in p if r.tag == W + "r").findtext(f"{W}t")
    assert view(p, accept=True) == compare.fold(f"{label}{now[changed]}")
    assert view(p, accept=False) == compare.fold(f"{label}{then[changed]}")
    # Word-level: the words both share are not inside a change.
    kept = "".join(t.text or "" for t in p.iter(W + "t") if W + "ins" not in {a.tag for a in t.iterancestors()})
    assert "وأضيفت" not in kept and len(kept) > len(then[changed]) // 2
    new = find(added)
    assert view(new, accept=False).strip() in (
        "",
        compare.fold(next(r for r in new if r.tag == W + "r").findtext(f"{W}t")),
    )
    assert new.find(f"{W}pPr/{W}rPr/{W}ins") is not None
    deleted = [q for q in paragraphs if q.find(f"{W}pPr/{W}rPr/{W}del") is not None]
    assert len(deleted) == 1 and view(deleted[0], accept=True) == ""
    assert compare.fold(then[gone]) in view(deleted[0], accept=False)
    # Unchanged paragraphs have no change in them.
    for pid in list(now)[:10]:
        if pid in then and now[pid] == then[pid]:
            assert find(pid).find(f".//{W}ins") is None and find(pid).find(f".//{W}del") is None
    audit = pytest.importorskip("openxml_audit")
    found = audit.OpenXmlValidator().validate(str(out))
    assert [e for e in found.errors if e.severity == audit.ValidationSeverity.ERROR] == []
    # Read back: the copy's text (changes accepted) is the report now, so nothing is proposed.
    copy = reader.read_copy(out)
    with Store.open(db) as store:
        assert rounds.get_round(store, copy.round_id or "").kind == "export"
    imported = run("review", "import", str(out), db=db)
    assert imported.returncode == 0 and imported.stdout == "", imported.stderr


def test_tracked_needs_a_round(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    with Store.open(db) as store:
        store.save(portable.read_file(SAMPLE))
    report_id = portable.read_file(SAMPLE).id
    assert_bad_input(
        run("export", report_id, "-o", str(tmp_path / "x.docx"), "--tracked", db=db), "no export or review round"
    )
    assert_bad_input(run("export", report_id, "-o", str(tmp_path / "x.docx"), "--since", "abcd", db=db), "--tracked")
    assert not (tmp_path / "x.docx").exists()


_DECIDE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Decide(path As String, what As String, target As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(path), &quot;_blank&quot;, 0, args())
  dispatcher = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  dispatcher.executeDispatch(doc.getCurrentController().getFrame(), &quot;.uno:&quot; &amp; what, &quot;&quot;, 0, Array())
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = &quot;Text (encoded)&quot;
  doc.storeToURL(ConvertToURL(target), out())
  doc.close(True)
End Sub
</script:module>
"""


def test_libreoffice_accepts_all_to_now_and_rejects_all_to_then(
    edited: tuple[Path, dict[str, str], dict[str, str], str, str], tmp_path: Path
) -> None:
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    db, then, now, added, gone = edited
    out = tmp_path / "tracked.docx"
    assert run("export", portable.read_file(SAMPLE).id, "-o", str(out), "--tracked", db=db).returncode == 0
    profile = tmp_path / "profile"
    env = f"-env:UserInstallation={profile.as_uri()}"
    subprocess.run([soffice, env, "--headless", "--terminate_after_init"], capture_output=True, timeout=180)
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    if not module.is_file():
        pytest.skip("LibreOffice made no Basic library in its profile")
    module.write_text(_DECIDE, encoding="utf-8")
    texts = {}
    for what in ("AcceptAllTrackedChanges", "RejectAllTrackedChanges"):
        target = tmp_path / f"{what}.txt"
        macro = f'macro:///Standard.Module1.Decide("{out}","{what}","{target}")'
        subprocess.run([soffice, env, "--headless", macro], capture_output=True, timeout=180)
        texts[what] = compare.fold(without_bracket_marks(target.read_text(encoding="utf-8-sig")))
    accepted, rejected = texts["AcceptAllTrackedChanges"], texts["RejectAllTrackedChanges"]
    changed = next(pid for pid in now if pid in then and now[pid] != then[pid])
    assert compare.fold(now[changed]) in accepted and compare.fold(then[changed]) not in accepted
    assert compare.fold(then[changed]) in rejected and compare.fold(now[changed]) not in rejected
    assert compare.fold(now[added]) in accepted and compare.fold(now[added]) not in rejected
    assert compare.fold(then[gone]) in rejected and compare.fold(then[gone]) not in accepted
