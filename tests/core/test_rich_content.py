"""Rich paragraphs in the content model: marks (bold, italic, underline), links
and footnotes, in the store and the portable file as in memory."""

from __future__ import annotations

import json

import pytest

from cwgdraft.core import portable
from cwgdraft.core.content import (
    Content,
    Field,
    Footnote,
    Text,
    edit_spans,
    from_data,
    is_rich,
    plain_or_content,
    to_data,
)
from cwgdraft.core.store import Store
from tests.report_factory import full_report

BOLD = frozenset({"b"})


def rich_sentence() -> Content:
    """Arabic with a bold word, an italic Latin code, a link, an underline and a footnote holding a field."""
    return Content([
        Text("رحّب الرئيس "),
        Text("بالمشاركين", BOLD),
        Text(" في اجتماع "),
        Text("(CWG‑COP)", frozenset({"i"})),
        Text(" وأشار إلى "),
        Text("الموقع", frozenset({"b", "u"}), "https://www.itu.int/council"),
        Text(" حيث "),
        Text("12 يناير 2022", frozenset({"u"})),
        Footnote([Text("انظر الوثيقة "), Text("C22/7-A", BOLD), Text(" و"), Field("group.name")]),
        Text("."),
    ])  # fmt: skip


def test_plain_text_stays_a_string() -> None:
    assert to_data(Content([Text("نص عادي")])) == "نص عادي"
    assert not is_rich(Content([Text("نص")]))
    assert Content([Text("نص")]) == "نص"
    # A mark is enough to make a text rich: it is no longer equal to its letters alone.
    bold = Content([Text("نص", BOLD)])
    assert is_rich(bold) and bold != "نص" and plain_or_content(bold) is bold
    assert to_data(bold) == [{"text": "نص", "marks": ["b"]}]


def test_data_round_trip_keeps_every_inline() -> None:
    value = rich_sentence()
    data = to_data(value)
    assert {"text": "الموقع", "marks": ["b", "u"], "href": "https://www.itu.int/council"} in data
    assert data[-2] == {"note": [{"text": "انظر الوثيقة "}, {"text": "C22/7-A", "marks": ["b"]}, {"text": " و"},
                                 {"field": "group.name"}]}
    back = from_data(json.loads(json.dumps(data)))
    assert back == value and back.inlines == value.inlines
    assert back.footnotes[0].inlines[-1] == Field("group.name")
    assert Field("group.name") in back.fields


def test_adjacent_texts_join_only_with_the_same_marks() -> None:
    c = Content([Text("أ", BOLD), Text("ب", BOLD), Text("ج"), Text("د", href="https://x.org")])
    assert [i.text for i in c.inlines] == ["أب", "ج", "د"]


@pytest.mark.parametrize(
    "bad, says",
    [
        ([{"text": "x", "marks": ["s"]}], "marks"),
        ([{"text": "x", "href": 3}], "address"),
        ([{"note": [{"note": [{"text": "x"}]}]}], "footnote holds text and fields only"),
        ([{"note": "x"}], "list of inlines"),
    ],
)
def test_bad_data_says_what_is_wrong(bad: list, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        from_data(bad, "p")


def test_a_replace_keeps_the_marks_around_it() -> None:
    value = rich_sentence()
    start = str(value).index("بالمشاركين")
    edited, done = edit_spans(value, [(start, start + len("بالمشاركين"), "بالحضور")])
    assert done == 1
    assert Text("بالحضور", BOLD) in edited.inlines


def test_the_schema_takes_marks_links_and_footnotes_and_the_file_is_stable() -> None:
    report = full_report()
    report.sections[0].paragraphs[0].text = rich_sentence()
    report.summary = Content([Text("ملخص "), Text("مهم", frozenset({"i"}))])
    text = portable.dumps(report)
    loaded = portable.loads(text)  # validated against docs/report.schema.json
    assert loaded.sections[0].paragraphs[0].text.inlines == rich_sentence().inlines
    assert portable.dumps(loaded) == text  # dump -> load -> dump: byte-identical
    with pytest.raises(Exception, match="marks"):
        portable.loads(text.replace('"marks": [\n', '"marks": [\n                "x",\n', 1))


def test_the_store_keeps_marks_without_fields(tmp_store: Store) -> None:
    report = full_report()
    report.sections[0].paragraphs[0].text = Content([Text("نص "), Text("عريض", BOLD)])
    report.sections[0].paragraphs[1].text = rich_sentence()
    tmp_store.save(report)
    back = tmp_store.get(report.id)
    assert back.sections[0].paragraphs[0].text.inlines == (Text("نص "), Text("عريض", BOLD))
    assert back.sections[0].paragraphs[1].text.inlines == rich_sentence().inlines
    stored = tmp_store.conn.execute(
        "SELECT content FROM paragraphs WHERE id = ?", [report.sections[0].paragraphs[0].id]
    ).fetchone()[0]
    assert json.loads(stored) == [{"text": "نص "}, {"text": "عريض", "marks": ["b"]}]


def test_a_replace_across_a_change_of_marks_is_made_but_never_across_a_footnote() -> None:
    value = Content([Text("أ "), Text("ب", BOLD), Text(" ج"), Footnote([Text("ن")]), Text("د")])
    edited, done = edit_spans(value, [(0, 3, "X")])  # «أ ب» over the plain and the bold text
    assert done == 1 and edited.inlines[:2] == (Text("X ج"), Footnote([Text("ن")]))
    plain = str(value)
    at = plain.index("[")
    assert edit_spans(value, [(at - 1, at + 2, "Y")]) == (value, 0)
