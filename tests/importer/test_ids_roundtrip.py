"""Paragraph and section ids survive export to Word and import back.

The writer wraps each paragraph and section heading in a `cwg_<hex>`
bookmark; the importer gives the paragraph that bookmark's id again. A
reviewer's edited copy therefore lands on the same paragraphs.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from cwgdraft.core import portable
from cwgdraft.formats import oxml
from cwgdraft.formats.docx_writer import write_docx
from cwgdraft.formats.render import render
from cwgdraft.importer import import_file

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
