"""Paragraph and section ids survive export to Word and import back.

The writer wraps each paragraph and section heading in a `cwg_<hex>`
bookmark; the importer gives the paragraph that bookmark's id again. A
reviewer's edited copy therefore lands on the same paragraphs.
"""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest

from cwgdraft.core import portable
from cwgdraft.core.errors import BadInput
from cwgdraft.core.model import Report
from cwgdraft.core.store import Store
from cwgdraft.formats import oxml
from cwgdraft.formats.docx_writer import write_docx
from cwgdraft.formats.render import render
from cwgdraft.importer import import_file, renew_ids, settle_ids
from tests.test_cli import assert_bad_input, run

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "resources" / "samples").glob("*.json"))


def test_bookmark_names_are_words_for_word() -> None:
    name = oxml.id_bookmark_name("0f8fad5b-d9cb-469f-a165-70867728950e")
    assert name == "cwg_0f8fad5bd9cb469fa16570867728950e"
    assert len(name) <= 40 and name.replace("_", "").isalnum()
    assert oxml.id_from_bookmark_name(name) == "0f8fad5b-d9cb-469f-a165-70867728950e"
    assert oxml.id_bookmark_name("not-a-uuid") is None
    assert oxml.id_from_bookmark_name("_GoBack") is None


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_ids_come_back(sample: Path, tmp_path: Path) -> None:
    report = portable.read_file(sample)
    path = write_docx(render(report), tmp_path / "out.docx")
    names = {
        el.get(f"{{{oxml.W_NS}}}name")
        for el in docx.Document(str(path)).element.body.iter(f"{{{oxml.W_NS}}}bookmarkStart")
    }
    assert {oxml.id_bookmark_name(p.id) for p in report.all_paragraphs()} <= names

    again = import_file(path).report
    assert [p.id for p in again.all_paragraphs()] == [p.id for p in report.all_paragraphs()]
    assert [s.id for s in again.sections] == [s.id for s in report.sections]


def test_an_edited_paragraph_keeps_its_id(tmp_path: Path) -> None:
    report = portable.read_file(SAMPLES[0])
    path = write_docx(render(report), tmp_path / "out.docx")
    # A reviewer rewrites the text of one paragraph in Word: the runs change,
    # the bookmark around the paragraph stays.
    document = docx.Document(str(path))
    target = report.sections[-1].paragraphs[0]
    name = oxml.id_bookmark_name(target.id)
    for paragraph in document.paragraphs:
        marks = paragraph._p.findall(f"{{{oxml.W_NS}}}bookmarkStart")
        if any(m.get(f"{{{oxml.W_NS}}}name") == name for m in marks):
            for run in paragraph.runs[2:]:
                run.text = ""
            paragraph.runs[2].text = "نص جديد من المراجع (Reviewer 2) في 3 مارس 2022."
            break
    else:
        pytest.fail("the paragraph's bookmark is not in the file")
    edited = tmp_path / "edited.docx"
    document.save(str(edited))
    again = import_file(edited).report
    paragraph = again.paragraph(target.id)
    assert paragraph is not None
    assert paragraph.text == "نص جديد من المراجع (Reviewer 2) في 3 مارس 2022."


# --- importing a file exported from a report that is in the store ---------------


def _edit_paragraph(path: Path, paragraph_id: str, text: str, out: Path) -> Path:
    """What a reviewer does in Word: rewrite the runs of one paragraph."""
    document = docx.Document(str(path))
    name = oxml.id_bookmark_name(paragraph_id)
    for paragraph in document.paragraphs:
        marks = paragraph._p.findall(f"{{{oxml.W_NS}}}bookmarkStart")
        if any(m.get(f"{{{oxml.W_NS}}}name") == name for m in marks):
            for run in paragraph.runs[2:]:
                run.text = ""
            paragraph.runs[2].text = text
            break
    else:
        pytest.fail("the paragraph's bookmark is not in the file")
    document.save(str(out))
    return out


@pytest.fixture
def exported(tmp_path: Path) -> tuple[Path, Path, Report]:
    """A store holding the 2022 sample, and that sample exported to Word."""
    report = portable.read_file(REPO / "resources" / "samples" / "cwg-cop-18-2022.json")
    db = tmp_path / "store.db"
    with Store.open(db) as store:
        store.save(report)
    path = write_docx(render(report), tmp_path / "out.docx")
    return db, path, report


def _dump(db: Path, report_id: str) -> str:
    with Store.open(db) as store:
        return portable.dumps(store.get(report_id))


def test_import_of_an_exported_report_already_stored_asks(exported: tuple[Path, Path, Report]) -> None:
    db, path, report = exported
    before = _dump(db, report.id)
    line = assert_bad_input(run("import", str(path), db=db), str(path), report.id, "--replace", "--new")
    assert "exported from" in line
    with Store.open(db) as store:
        assert [r.id for r in store.list_reports()] == [report.id]
    assert _dump(db, report.id) == before
    # A dry run says where the file came from and stores nothing.
    dry = run("import", "--dry-run", str(path), db=db)
    assert dry.returncode == 0, dry.stderr
    assert f"found\texported from\t{report.id}" in dry.stdout
    assert _dump(db, report.id) == before


def test_import_replace_updates_the_report_it_came_from(exported: tuple[Path, Path, Report], tmp_path: Path) -> None:
    db, path, report = exported
    target = report.sections[1].paragraphs[0]
    new_text = "نص راجعه المراجع (Reviewer 2) في 3 مارس 2022 على https://www.itu.int/cop رقم 7."
    edited = _edit_paragraph(path, target.id, new_text, tmp_path / "edited.docx")
    result = run("import", "--replace", str(edited), db=db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].split("\t")[0] == report.id
    assert "updated from the file" in result.stderr
    with Store.open(db) as store:
        assert [r.id for r in store.list_reports()] == [report.id]
        again = store.get(report.id)
    paragraph = again.paragraph(target.id)
    assert paragraph is not None and paragraph.text == new_text
    assert [p.id for p in again.all_paragraphs()] == [p.id for p in report.all_paragraphs()]
    # Everything else is as it was: the stored report changed in that one paragraph only.
    paragraph.text = target.text
    assert portable.dumps(again) == portable.dumps(report)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_replace_with_an_unedited_copy_changes_nothing(sample: Path, tmp_path: Path) -> None:
    """What a Word file does not carry (people, contributions and their links,
    meetings, an empty subject the template writes) is kept from the store."""
    report = portable.read_file(sample)
    db = tmp_path / "store.db"
    with Store.open(db) as store:
        store.save(report)
    path = write_docx(render(report), tmp_path / "out.docx")
    result = run("import", "--replace", str(path), db=db)
    assert result.returncode == 0, result.stderr
    assert _dump(db, report.id) == portable.dumps(report)


def test_replace_drops_links_to_deleted_paragraphs(exported: tuple[Path, Path, Report], tmp_path: Path) -> None:
    db, path, report = exported
    remark = report.opening_remarks[0]
    presented = next(c for c in report.contributions if c.paragraph_id)
    gone = {remark.paragraph_id, presented.paragraph_id}
    document = docx.Document(str(path))
    names = {oxml.id_bookmark_name(i) for i in gone}
    for paragraph in document.paragraphs:
        marks = {m.get(f"{{{oxml.W_NS}}}name") for m in paragraph._p.findall(f"{{{oxml.W_NS}}}bookmarkStart")}
        if marks & names:
            paragraph._p.getparent().remove(paragraph._p)
    edited = tmp_path / "deleted.docx"
    document.save(str(edited))
    result = run("import", "--replace", str(edited), db=db)
    assert result.returncode == 0, result.stderr
    with Store.open(db) as store:
        again = store.get(report.id)
    assert not gone & {p.id for p in again.all_paragraphs()}
    assert [o.id for o in again.opening_remarks] == [o.id for o in report.opening_remarks if o.paragraph_id not in gone]
    assert [c.id for c in again.contributions] == [c.id for c in report.contributions]
    assert next(c for c in again.contributions if c.id == presented.id).paragraph_id is None
    assert [p.id for p in again.people] == [p.id for p in report.people]


def test_import_new_adds_a_copy_with_fresh_ids(exported: tuple[Path, Path, Report]) -> None:
    db, path, report = exported
    before = _dump(db, report.id)
    result = run("import", "--new", str(path), db=db)
    assert result.returncode == 0, result.stderr
    copy_id = result.stdout.splitlines()[0].split("\t")[0]
    assert copy_id != report.id
    with Store.open(db) as store:
        assert sorted(r.id for r in store.list_reports()) == sorted([report.id, copy_id])
        copy = store.get(copy_id)
    assert _dump(db, report.id) == before
    # What a reader sees is the same (the copy's facts are those the file states).
    assert [b.text for b in render(copy).blocks if b.style not in ("header",)] == [
        b.text for b in render(report).blocks if b.style not in ("header",)
    ]
    assert not {p.id for p in copy.all_paragraphs()} & {p.id for p in report.all_paragraphs()}
    assert not {s.id for s in copy.sections} & {s.id for s in report.sections}
    # Contributions still point at paragraphs of their own report.
    ids = {p.id for p in copy.all_paragraphs()}
    assert copy.contributions and all(c.paragraph_id in ids for c in copy.contributions if c.paragraph_id)
    # The same file once more is asked about again: its ids are still the first report's.
    assert_bad_input(run("import", str(path), db=db), report.id)


def test_import_into_another_store_keeps_the_ids(exported: tuple[Path, Path, Report], tmp_path: Path) -> None:
    _, path, report = exported
    other = tmp_path / "other.db"
    result = run("import", str(path), db=other)
    assert result.returncode == 0, result.stderr
    stored_id = result.stdout.splitlines()[0].split("\t")[0]
    with Store.open(other) as store:
        again = store.get(stored_id)
    assert [p.id for p in again.all_paragraphs()] == [p.id for p in report.all_paragraphs()]
    # --replace with nothing to replace adds the report, and says so.
    third = tmp_path / "third.db"
    replaced = run("import", "--replace", str(path), db=third)
    assert replaced.returncode == 0, replaced.stderr
    assert "added as a new report" in replaced.stderr


def test_renew_ids_follows_the_links() -> None:
    report = portable.read_file(REPO / "resources" / "samples" / "cwg-cop-12-13-2016.json")
    old = {p.id: p.text for p in report.all_paragraphs()}
    linked = {c.id: old[c.paragraph_id] for c in report.contributions if c.paragraph_id}
    remarks = {o.id: old[o.paragraph_id] for o in report.opening_remarks}
    assert linked and remarks
    renew_ids(report)
    assert not set(old) & {p.id for p in report.all_paragraphs()}
    texts = {p.id: p.text for p in report.all_paragraphs()}
    assert {c.id: texts[c.paragraph_id] for c in report.contributions if c.paragraph_id} == linked
    assert {o.id: texts[o.paragraph_id] for o in report.opening_remarks} == remarks
    portable.check_links(report)


def test_settle_ids_with_paragraphs_of_two_stored_reports(tmp_path: Path) -> None:
    """A reviewer pasted a paragraph from another exported report: it is not taken from that one."""
    first, second = (portable.read_file(p) for p in SAMPLES)
    with Store.open(tmp_path / "s.db") as store:
        store.save(first)
        store.save(second)
        imported = import_file(write_docx(render(first), tmp_path / "a.docx")).report
        pasted = copy.deepcopy(second.sections[0].paragraphs[0])
        imported.sections[0].paragraphs.append(pasted)
        owners = store.owners(imported)
        assert list(owners) == [first.id, second.id] and owners[second.id] == [pasted.id]
        with pytest.raises(BadInput, match=f"exported from report {first.id}"):
            settle_ids(copy.deepcopy(imported), store, "ask", where="a.docx")
        assert settle_ids(imported, store, "replace") == "replace"
        assert imported.id == first.id and pasted.id != second.sections[0].paragraphs[0].id
        store.save(imported)
        assert portable.dumps(store.get(second.id)) == portable.dumps(second)
        again = store.get(first.id)
        assert [p.text for p in again.all_paragraphs()] == [
            *[p.text for p in first.sections[0].paragraphs], pasted.text,
            *[p.text for s in first.sections[1:] for p in s.paragraphs],
        ]  # fmt: skip
