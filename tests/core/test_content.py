"""Paragraph content: text and fields, in any order and any Unicode, round-trips
through the store, the portable file, and a Word copy imported back onto its report."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cwgdraft.core import content, portable
from cwgdraft.core.content import MARKS, Content, Field, Text
from cwgdraft.core.facts import FACTS
from cwgdraft.core.model import Paragraph, ParagraphKind
from cwgdraft.core.store import Store
from cwgdraft.formats.docx_writer import write_docx
from cwgdraft.formats.render import render
from cwgdraft.importer import import_file, settle_ids
from tests.report_factory import SAMPLES_DIR

SAMPLE = SAMPLES_DIR / "cwg-cop-18-2022.json"
# Text a store and a JSON file keep as it is (XML's impossible characters are another test's).
TYPED = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=30)
FIELDS = st.builds(Field, st.sampled_from(sorted(FACTS)), st.just(""), st.sampled_from(["", "li", "nominative", "nobreak"]))
TEXTS = st.builds(Text, TYPED, st.frozensets(st.sampled_from(MARKS)), st.sampled_from(["", "https://www.itu.int/cwg-cop"]))
INLINES = st.lists(st.one_of(TEXTS, FIELDS), min_size=1, max_size=8)


def test_content_is_its_plain_view_and_its_inlines() -> None:
    value = Content([Text("عقد "), Field("group.name"), Text(" اجتماعه"), Text("")])
    assert value.inlines == (Text("عقد "), Field("group.name"), Text(" اجتماعه"))  # one spelling
    assert str(value) == "عقد [اسم الفريق] اجتماعه" and value.has_fields
    assert value != "عقد [اسم الفريق] اجتماعه"  # a field is not the text of its name
    assert Content([Text("نص")]) == "نص" and not content.has_fields("نص")
    assert content.from_data(content.to_data(value)) == value


def test_an_edit_never_cuts_a_field() -> None:
    value = Content([Text("في "), Field("meetings.dates"), Text(" ,عبر")])
    plain = str(value)
    comma = plain.index(" ,")
    fixed, done = content.edit_spans(value, [(comma, comma + 2, "،"), (3, 5, "x")])
    assert done == 1 and fixed == Content([Text("في "), Field("meetings.dates"), Text("،عبر")])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(INLINES)
def test_any_content_round_trips_through_the_portable_file_and_the_store(inlines: list[Text | Field]) -> None:
    value = Content(inlines)
    report = portable.read_file(SAMPLE)
    paragraph = report.sections[5].paragraphs[0]
    paragraph.text = value if value.has_fields else str(value)
    again = portable.loads(portable.dumps(report))
    assert again.paragraph(paragraph.id).text == paragraph.text
    with tempfile.TemporaryDirectory() as folder:
        with Store.open(Path(folder) / "s.db") as store:
            store.save(report)
            assert store.get(report.id).paragraph(paragraph.id).text == paragraph.text
            assert portable.dumps(store.get(report.id)) == portable.dumps(report)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.one_of(st.builds(Text, st.text("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ()-،.0123456789ABCxyz", min_size=1,
                                                          max_size=12), st.just(frozenset()), st.just("")),
                          st.sampled_from([Field("meetings.dates"), Field("group.name"), Field("chair.name"),
                                           Field("meetings.participants"), Field("group.acronym", form="nobreak")])),
                min_size=1, max_size=6))
def test_a_word_copy_imported_onto_its_report_keeps_the_fields(inlines: list[Text | Field]) -> None:
    """What Word carries is text: a copy of an exported report, imported with --replace,
    takes back the stored fields of every paragraph whose words it did not change."""
    value = Content(inlines)
    report = portable.read_file(SAMPLE)
    paragraph = report.sections[6].paragraphs[1]
    paragraph.text = value if value.has_fields else str(value)
    with tempfile.TemporaryDirectory() as folder:
        with Store.open(Path(folder) / "s.db") as store:
            store.save(report)
            copy = write_docx(render(report), Path(folder) / "copy.docx")
            imported = import_file(copy).report
            assert settle_ids(imported, store, "replace") == "replace"
            assert imported.paragraph(paragraph.id).text == paragraph.text


def test_a_portable_file_of_version_1_loads() -> None:
    data = json.loads(portable.dumps(portable.read_file(SAMPLE)))
    data["version"] = 1
    report = data["report"]
    # Version 1 knew text only: no standard wording, no fields.
    for section in report["sections"]:
        section.pop("standard", None)
        if not isinstance(section["title"], str):
            section["title"] = "نتائج الاجتماع"
        for p in section["paragraphs"]:
            p.pop("standard", None)
            p.pop("ref", None)
            if not isinstance(p["text"], str) or not p["text"]:
                p["text"] = "فقرة"
    report["references"] = ["مرجع"]
    loaded = portable.loads(json.dumps(data, ensure_ascii=False))
    assert all(isinstance(p.text, str) and not p.standard for p in loaded.all_paragraphs())
    assert json.loads(portable.dumps(loaded))["version"] == portable.FORMAT_VERSION == 2
    assert Paragraph("x").kind is ParagraphKind.NUMBERED
