"""Review rounds end to end: a review copy goes out, comes back edited the way
Word edits, is read into proposals without changing the report, and the
proposals accepted or rejected give the expected report."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from cwgdraft.core import portable
from cwgdraft.core.content import Content, Field, has_fields
from cwgdraft.core.model import Paragraph, Report, SectionRole
from cwgdraft.core.store import Store
from cwgdraft.drafting.standard import paragraph_text
from cwgdraft.review import compare, reader, rounds
from cwgdraft.review.command import _round_of
from tests.review.word_edits import DATE, WordCopy

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "cwg-cop-18-2022.json"


def export_copy(store: Store, report: Report, path: Path, sections: list[str], reviewer: str = "") -> rounds.Round:
    """What `cwgdraft review export` does."""
    from cwgdraft.formats.docx_writer import to_bytes
    from cwgdraft.formats.render import render
    from cwgdraft.review import package

    found = rounds.record_round(store, report, "review", rounds.select_sections(report, sections), reviewer)
    editable = {pid for pid, b in found.base.items() if b.editable}
    data, _ = package.rewrite(to_bytes(render(report)), found.id, editable)
    path.write_bytes(data)
    return found


def read_back(store: Store, path: Path, reviewer: str = "") -> tuple[compare.Reading, list[rounds.Proposal]]:
    """What `cwgdraft review import` does."""
    copy = reader.read_copy(path)
    found = _round_of(copy, store, str(path))
    reading = compare.compare(copy, found, store.get(found.report_id), reviewer or "reviewer")
    return reading, rounds.add_proposals(store, reading.proposals)


def accept(store: Store, proposal: rounds.Proposal, side: str | None = None) -> str:
    report, version = store.get_with_version(proposal.report_id)
    done = compare.apply(report, proposal, rounds.get_round(store, proposal.round_id), side)
    store.save(report, expected_version=version)
    rounds.decide(store, proposal.id, "accepted")
    return done


@pytest.fixture
def stored(tmp_store: Store) -> tuple[Store, Report]:
    report = portable.read_file(SAMPLE)
    tmp_store.save(report)
    return tmp_store, tmp_store.get(report.id)


def outcomes(report: Report) -> list[Paragraph]:
    return next(s for s in report.sections if s.role == SectionRole.OUTCOMES).paragraphs


def test_an_untouched_copy_proposes_nothing_even_with_fields(stored: tuple[Store, Report], tmp_path: Path) -> None:
    store, report = stored
    assert any(has_fields(paragraph_text_content(report, p)) for p in report.all_paragraphs())
    export_copy(store, report, tmp_path / "copy.docx", ["all"])
    reading, added = read_back(store, tmp_path / "copy.docx")
    assert reading.proposals == [] and added == [] and reading.notes == []


def paragraph_text_content(report: Report, p: Paragraph) -> str:
    from cwgdraft.drafting.standard import paragraph_content

    return paragraph_content(report, p)


def test_the_copy_is_protected_with_editable_ranges_and_schema_valid(
    stored: tuple[Store, Report], tmp_path: Path
) -> None:
    from tests import ooxml_check as oc

    store, report = stored
    found = export_copy(store, report, tmp_path / "copy.docx", ["outcomes"])
    with zipfile.ZipFile(tmp_path / "copy.docx") as archive:
        settings = etree.fromstring(archive.read("word/settings.xml"))
        document = archive.read("word/document.xml")
        custom = archive.read("docProps/custom.xml").decode()
    protection = settings.find(oc.W + "documentProtection")
    assert protection is not None and protection.get(oc.W + "edit") == "readOnly"
    assert protection.get(oc.W + "enforcement") == "1" and protection.get(oc.W + "hash") is None
    assert found.id in custom
    starts = document.count(b"<w:permStart")
    assert starts >= 1 and starts == document.count(b"<w:permEnd") and b'w:edGrp="everyone"' in document
    copy = reader.read_copy(tmp_path / "copy.docx")
    assert copy.round_id == found.id
    editable = {i for p in copy.paragraphs if p.editable for i in p.ids}
    assert editable == {p.id for p in outcomes(report)}
    if oc.xsd_available():
        assert oc.schema_errors(oc.Package.from_path(tmp_path / "copy.docx")) == []
    audit = pytest.importorskip("openxml_audit")
    result = audit.OpenXmlValidator().validate(str(tmp_path / "copy.docx"))
    assert [e for e in result.errors if e.severity == audit.ValidationSeverity.ERROR] == []


def test_word_edits_become_proposals_and_nothing_is_lost(stored: tuple[Store, Report], tmp_path: Path) -> None:
    store, report = stored
    found = export_copy(store, report, tmp_path / "copy.docx", ["all"], reviewer="Amina")
    out = outcomes(report)
    assert len(out) >= 4
    retyped, tracked, commented, split_one = out[0], out[1], out[2], out[3]
    deleted = report.sections[1].paragraphs[1]
    after = report.sections[1].paragraphs[0]
    word = WordCopy(tmp_path / "copy.docx")
    word.retype(retyped.id, "نص جديد للفقرة (CWG-COP) مع رقم 42 ورابط https://www.itu.int/cop")
    track_old = word.text(tracked.id).split()[1]
    word.track(tracked.id, track_old, "عبارة مقترحة", author="Omar Haddad")
    word.comment(commented.id, "يرجى التحقق من التاريخ", author="Layla")
    split_words = word.text(split_one.id).split()
    word.split(split_one.id, split_words[len(split_words) // 2])
    word.delete(deleted.id)
    word.add_after(after.id, "فقرة جديدة أضافها المراجع (ITU-D)")
    word.save(tmp_path / "back.docx")
    before = portable.dumps(store.get(report.id))

    added = read_back(store, tmp_path / "back.docx", "Amina")[1]
    assert portable.dumps(store.get(report.id)) == before  # the report is not changed
    kinds = {(p.paragraph_id, p.kind) for p in added}
    assert kinds == {
        (retyped.id, "change"), (tracked.id, "change"), (commented.id, "comment"), (split_one.id, "split"),
        (deleted.id, "delete"), (after.id, "insert"),
    }  # fmt: skip
    by_kind = {p.kind: p for p in added if p.paragraph_id != tracked.id}
    change = next(p for p in added if p.paragraph_id == tracked.id)
    assert change.author == "Omar Haddad" and change.date == DATE and "عبارة مقترحة" in change.theirs[0]
    assert track_old not in change.theirs[0].split()
    assert by_kind["comment"].note == "يرجى التحقق من التاريخ" and by_kind["comment"].author == "Layla"
    assert len(by_kind["split"].theirs) == 2
    assert " ".join(by_kind["split"].theirs).split() == paragraph_text(report, split_one).split()
    assert by_kind["delete"].ours == paragraph_text(report, deleted)  # what is deleted is kept in the proposal
    assert all(p.round_id == found.id and p.reviewer == "Amina" for p in added)
    # The same copy again: nothing new.
    assert read_back(store, tmp_path / "back.docx", "Amina")[1] == []

    for p in added:
        accept(store, p)
    after_report = store.get(report.id)
    texts = [paragraph_text(after_report, p) for p in after_report.all_paragraphs()]
    assert "نص جديد للفقرة (CWG-COP) مع رقم 42 ورابط https://www.itu.int/cop" in texts
    assert any("عبارة مقترحة" in t for t in texts)
    assert "فقرة جديدة أضافها المراجع (ITU-D)" in texts
    assert after_report.paragraph(deleted.id) is None
    assert by_kind["split"].theirs[1] in texts and by_kind["split"].theirs[0] in texts
    assert rounds.proposals(store, report.id) == []


def test_edits_outside_the_editable_ranges_are_read_and_said(stored: tuple[Store, Report], tmp_path: Path) -> None:
    store, report = stored
    export_copy(store, report, tmp_path / "copy.docx", ["outcomes"])
    outside = report.sections[0].paragraphs[0]
    word = WordCopy(tmp_path / "copy.docx")
    word.unprotect()
    word.retype(outside.id, "فقرة عدلت خارج النطاق المسموح")
    word.save(tmp_path / "back.docx")
    reading, added = read_back(store, tmp_path / "back.docx")
    assert [(p.paragraph_id, p.kind, p.outside) for p in added] == [(outside.id, "change", True)]
    assert any("outside the editable ranges" in n for n in reading.notes)


def test_two_reviewers_side_by_side_and_a_conflict(stored: tuple[Store, Report], tmp_path: Path) -> None:
    store, report = stored
    export_copy(store, report, tmp_path / "copy.docx", ["outcomes"])
    target = outcomes(report)[0]
    for name, text in (("Amina", "صيغة أمينة للفقرة"), ("Omar", "صيغة عمر للفقرة")):
        word = WordCopy(tmp_path / "copy.docx")
        word.retype(target.id, text)
        word.save(tmp_path / f"{name}.docx")
    # The secretariat edits the same paragraph in the store meanwhile.
    mine, version = store.get_with_version(report.id)
    mine.paragraph(target.id).text = "صيغة الأمانة بعد الإرسال"
    store.save(mine, expected_version=version)
    one = read_back(store, tmp_path / "Amina.docx", "Amina")[1]
    two = read_back(store, tmp_path / "Omar.docx", "Omar")[1]
    assert [(p.kind, p.reviewer) for p in one + two] == [("conflict", "Amina"), ("conflict", "Omar")]
    assert one[0].ours == two[0].ours == "صيغة الأمانة بعد الإرسال"
    listed = rounds.proposals(store, report.id)
    assert {p.theirs[0] for p in listed} == {"صيغة أمينة للفقرة", "صيغة عمر للفقرة"}
    with pytest.raises(Exception, match="--theirs"):
        accept(store, one[0])
    assert store.get(report.id).paragraph(target.id).text == "صيغة الأمانة بعد الإرسال"
    accept(store, two[0], "theirs")
    assert store.get(report.id).paragraph(target.id).text == "صيغة عمر للفقرة"


def test_a_changed_word_keeps_the_fields_around_it(stored: tuple[Store, Report], tmp_path: Path) -> None:
    store, report = stored
    target = outcomes(report)[0]
    mine, version = store.get_with_version(report.id)
    mine.paragraph(target.id).text = Content(
        [*Content.of("عُقد الاجتماع في ").inlines, Field("meetings.dates"), *Content.of(" عبر الإنترنت بنجاح.").inlines]
    )
    store.save(mine, expected_version=version)
    report = store.get(report.id)
    export_copy(store, report, tmp_path / "copy.docx", ["outcomes"])
    shown = paragraph_text(report, report.paragraph(target.id))
    word = WordCopy(tmp_path / "copy.docx")
    word.retype(target.id, shown.replace("بنجاح", "بنجاح كبير"))
    word.save(tmp_path / "back.docx")
    added = read_back(store, tmp_path / "back.docx")[1]
    assert [p.kind for p in added] == ["change"]
    accept(store, added[0])
    text = store.get(report.id).paragraph(target.id).text
    assert has_fields(text) and Field("meetings.dates") in text.inlines
    assert str(text).endswith("بنجاح كبير.")


def test_tracked_merge_and_tracked_deletion(stored: tuple[Store, Report], tmp_path: Path) -> None:
    store, report = stored
    export_copy(store, report, tmp_path / "copy.docx", ["all"])
    first, second, third = report.sections[1].paragraphs[:3]
    gone = outcomes(report)[0]
    word = WordCopy(tmp_path / "copy.docx")
    word.join_with_next(first.id, author="Omar")
    word.track_delete(gone.id, author="Omar")
    word.save(tmp_path / "back.docx")
    added = read_back(store, tmp_path / "back.docx")[1]
    assert sorted((p.paragraph_id, p.kind) for p in added) == sorted([(first.id, "merge"), (gone.id, "delete")])
    merge = next(p for p in added if p.kind == "merge")
    assert merge.note == second.id and merge.author == "Omar" and merge.date == DATE
    delete = next(p for p in added if p.kind == "delete")
    assert delete.author == "Omar" and delete.ours == paragraph_text(report, gone)
    joined = merge.theirs[0]
    assert paragraph_text(report, first) in joined
    for p in added:
        accept(store, p)
    after = store.get(report.id)
    assert after.paragraph(second.id) is None and after.paragraph(gone.id) is None
    assert after.paragraph(third.id) is not None
    assert compare.fold(paragraph_text(after, after.paragraph(first.id))) == compare.fold(joined)


def test_a_copy_resaved_by_libreoffice_reads_onto_the_same_paragraphs(
    stored: tuple[Store, Report], tmp_path: Path
) -> None:
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    store, report = stored
    found = export_copy(store, report, tmp_path / "copy.docx", ["outcomes"])
    target = outcomes(report)[1]
    word = WordCopy(tmp_path / "copy.docx")
    word.retype(target.id, "صيغة عدلت ثم حفظها LibreOffice (ITU-T)")
    word.save(tmp_path / "edited.docx")
    out = tmp_path / "lo"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "docx",
         "--outdir", str(out), str(tmp_path / "edited.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    copy = reader.read_copy(out / "edited.docx")
    assert copy.round_id == found.id
    added = read_back(store, out / "edited.docx")[1]
    assert [(p.paragraph_id, p.kind, p.theirs) for p in added] == [
        (target.id, "change", ["صيغة عدلت ثم حفظها LibreOffice (ITU-T)"])
    ]


def test_an_export_is_written_when_the_store_cannot_record_its_base(stored: tuple[Store, Report]) -> None:
    import io
    import zipfile

    from cwgdraft.formats.docx_writer import to_bytes
    from cwgdraft.formats.render import render
    from cwgdraft.review.exports import recorded_export
    from cwgdraft.review.package import round_property

    def round_of(data: bytes) -> str | None:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return round_property({n: z.read(n) for n in z.namelist()})

    store, report = stored
    document = render(report)
    store.conn.execute("PRAGMA query_only = ON")  # as a read-only store
    data = recorded_export(store, report, document)
    assert data == to_bytes(render(report)) and round_of(data) is None  # written all the same, without a base
    assert [n for n in document.notes if "not recorded as a base" in n] == document.notes[-1:]
    store.conn.execute("PRAGMA query_only = OFF")
    document = render(report)
    stamped = recorded_export(store, report, document)
    assert round_of(stamped) == rounds.latest_round(store, report.id, "export")
    assert not any("not recorded" in n for n in document.notes)


def test_bookmarks_between_paragraphs_and_a_comment_over_two(stored: tuple[Store, Report], tmp_path: Path) -> None:
    """Some programs write a paragraph's bookmark start before it, at body level;
    a comment's range may cover two paragraphs: one comment, on the first."""
    store, report = stored
    export_copy(store, report, tmp_path / "copy.docx", ["outcomes"])
    first, second = outcomes(report)[:2]
    word = WordCopy(tmp_path / "copy.docx")
    word.comment(first.id, "ملاحظة على فقرتين", author="Layla")
    end = next(e for e in word.paragraph(first.id) if e.tag.endswith("commentRangeEnd"))
    ref = end.getnext()
    word.paragraph(second.id).append(end)
    word.paragraph(second.id).append(ref)
    for p in (word.paragraph(first.id), word.paragraph(second.id)):
        mark = next(p.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bookmarkStart"))
        p.remove(mark)
        p.addprevious(mark)
    word.save(tmp_path / "back.docx")
    added = read_back(store, tmp_path / "back.docx")[1]
    assert [(p.paragraph_id, p.kind, p.note) for p in added] == [(first.id, "comment", "ملاحظة على فقرتين")]
