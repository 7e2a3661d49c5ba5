"""Whatever a user types into any field, export gives a valid .docx whose text
reads back unchanged (less the characters XML cannot carry, which are reported),
or a clear `BadInput`; never any other exception.

Text is any Unicode (controls, lone surrogates, bidi marks U+200E/U+200F/
U+2066-U+2069, U+00A0, U+2011), very long words, empty, newlines, tabs, `<`,
`&`, `]]>`, and Jinja syntax (`{{ }}`, `{% %}`), which must come out literally.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cwgdraft.core.arabic import clean_text, close_bidi
from cwgdraft.core.errors import BadInput
from cwgdraft.core.model import ParagraphKind, Report
from cwgdraft.formats.docx_writer import to_bytes
from cwgdraft.formats.oxml import without_bracket_marks
from cwgdraft.formats.render import render
from tests import ooxml_check as oc
from tests.report_factory import full_report

BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
SPECIAL = [
    "\u200e", "\u200f", "\u2066", "\u2067", "\u2068", "\u2069", "\u202b", "\u202c", "\u00a0", "\u2011",
    "\n", "\t", "\r\n", "\r", "<", ">", "&", "&amp;", "]]>", "<![CDATA[x]]>", '"', "'",
    "{{ 7*7 }}", "{{ report.symbol }}", "{% for x in range(3) %}x{% endfor %}", "{# c #}", "{PAGE}",
    "{{ ''.__class__.__mro__ }}", "\x00", "\x01", "\x1f", "\x7f", "\x85", "\ufffe", "\uffff", "\ud800",
    "\ufeff", "\u2028", "CWG\u2011COP", "Zoom", "عقد", " 12\u00a0يناير\u00a02022 ", "x" * 3000, "",
]  # fmt: skip

text_strategy = st.lists(
    st.one_of(
        st.sampled_from(SPECIAL),
        st.text(st.characters(blacklist_categories=()), max_size=20),
        st.text(st.characters(min_codepoint=0x600, max_codepoint=0x6FF), max_size=12),
    ),
    max_size=6,
).map("".join)


@dataclass(frozen=True)
class Field:
    """A field a user can type into: how to set it, and the block that shows it."""

    name: str
    path: str  # as the notes name it
    set: Callable[[Report, str], None]
    source: Callable[[Report], str]  # the block's source


def _paragraph(kind: ParagraphKind) -> tuple[int, int]:
    report = full_report()
    for s_index, section in enumerate(report.sections):
        for p_index, paragraph in enumerate(section.paragraphs):
            if paragraph.kind is kind:
                return s_index, p_index
    raise LookupError(kind)


def _paragraph_field(kind: ParagraphKind) -> Field:
    s, p = _paragraph(kind)

    def setter(r: Report, v: str) -> None:
        r.sections[s].paragraphs[p].text = v

    return Field(f"paragraph {kind.value}", f"report.sections[{s}].paragraphs[{p}].text", setter,
                 lambda r: r.sections[s].paragraphs[p].id)  # fmt: skip


def _setter(attr: str) -> Callable[[Report, str], None]:
    def setter(r: Report, v: str) -> None:
        setattr(r, attr, v)

    return setter


def _set_ref(r: Report, v: str) -> None:
    r.references[0] = v


def _set_section_title(r: Report, v: str) -> None:
    r.sections[0].title = v


def _set_sig(attr: str) -> Callable[[Report, str], None]:
    def setter(r: Report, v: str) -> None:
        setattr(r.signature, attr, v)

    return setter


def _set_group_name(r: Report, v: str) -> None:
    r.subject = ""  # the template writes the subject from the meetings and the group's name
    r.group.name = v


def _set_item(getter: Callable[[Report], object], attr: str) -> Callable[[Report, str], None]:
    def setter(r: Report, v: str) -> None:
        setattr(getter(r), attr, v)

    return setter


def _set_mandate(r: Report, v: str) -> None:
    r.group.mandate = [v]


_UNSHOWN = [
    ("person name", "report.people[0].name", _set_item(lambda r: r.people[0], "name")),
    ("person title", "report.people[0].title", _set_item(lambda r: r.people[0], "title")),
    ("contribution title", "report.contributions[0].title", _set_item(lambda r: r.contributions[0], "title")),
    ("contribution source", "report.contributions[0].source", _set_item(lambda r: r.contributions[0], "source")),
    ("meeting venue", "report.meetings[0].venue", _set_item(lambda r: r.meetings[0], "venue")),
    ("meeting platform", "report.meetings[0].platform", _set_item(lambda r: r.meetings[0], "platform")),
    ("group acronym", "report.group.acronym", _set_item(lambda r: r.group, "acronym")),
    ("mandate", "report.group.mandate[0]", _set_mandate),
]

FIELDS = [
    Field("title", "report.title", _setter("title"), lambda r: "report.title"),
    Field("subject", "report.subject", _setter("subject"), lambda r: "report.subject"),
    Field("summary", "report.summary", _setter("summary"), lambda r: "report.summary"),
    Field("action", "report.action_required", _setter("action_required"), lambda r: "report.action_required"),
    Field("reference", "report.references[0]", _set_ref, lambda r: "report.references.0"),
    Field("section title", "report.sections[0].title", _set_section_title, lambda r: r.sections[0].id),
    *(_paragraph_field(kind) for kind in ParagraphKind),
    Field("signature name", "report.signature.name", _set_sig("name"), lambda r: "report.signature"),
    Field("signature honorific", "report.signature.honorific", _set_sig("honorific"), lambda r: "report.signature"),
    Field("signature country", "report.signature.country", _set_sig("country"), lambda r: "report.signature"),
    Field("signature title", "report.signature.title", _set_sig("title"), lambda r: "report.signature.title"),
    Field("symbol", "report.symbol", _setter("symbol"), lambda r: ""),
    Field("council session", "report.council_session", _setter("council_session"), lambda r: ""),
    Field("session place", "report.session_place", _setter("session_place"), lambda r: ""),
    Field("agenda item", "report.agenda_item", _setter("agenda_item"), lambda r: ""),
    Field("original language", "report.original_language", _setter("original_language"), lambda r: ""),
    Field("group name", "report.group.name", _set_group_name, lambda r: "report.subject"),
    # Typed into the app, not printed by the council template: they must never break the export.
    *(Field(name, path, set_, lambda r: "") for name, path, set_ in _UNSHOWN),
]


def _expected_block_text(field: Field, report: Report, cleaned: str) -> str | None:
    """What the block must say, from the cleaned value; None: a placeholder."""
    sig = report.signature
    if field.name.startswith("signature") and field.name != "signature title":
        name = close_bidi(clean_text(sig.name)[0])
        if not name:
            return None
        honorific, country = close_bidi(clean_text(sig.honorific)[0]), close_bidi(clean_text(sig.country)[0])
        return f"{honorific + ' ' if honorific else ''}{name}{f' ({country})' if country else ''}"
    return cleaned or None


def _document_parts_valid(pkg: oc.Package) -> list[str]:
    schema = oc.wml_schema()
    errors = []
    for name, tree in pkg.story_parts().items():
        if not schema.validate(oc.strip_ignorable(tree)):
            errors.extend(f"{name}:{e.line}: {e.message}" for e in schema.error_log)
    return errors


def _check(field: Field, value: str) -> None:
    import docx

    report = full_report()
    field.set(report, value)
    try:
        document = render(report)
        data = to_bytes(document)
    except BadInput as exc:  # a clear error is allowed: one line that says what
        assert str(exc) and "\n" not in str(exc)
        return
    cleaned, removed = clean_text(value)
    cleaned = close_bidi(cleaned)  # what is left open is closed at the end of the field

    # Stripped characters are reported, with the field and the place.
    for r in removed:
        assert f"{field.path}: removed {r.describe()}" in document.notes, document.notes
    if not removed:
        assert not [n for n in document.notes if n.startswith(field.path + ":")]

    # python-docx opens it; every part that holds text is schema-valid.
    opened = docx.Document(io.BytesIO(data))
    pkg = oc.Package.from_bytes(data)
    errors = _document_parts_valid(pkg)
    assert errors == [], errors[:5]

    # The text reads back: each body paragraph is its block, label and text.
    texts = [without_bracket_marks(p.text) for p in opened.paragraphs]
    assert texts == [b.seen_text for b in document.blocks]
    source = field.source(report)
    if source:
        block = document.block_for(source)
        assert block is not None
        expected = _expected_block_text(field, report, cleaned)
        if field.name == "group name":  # the subject's standard wording: `نتائج الاجتماع ... ل<name>`
            name = cleaned.strip()
            if name:
                (span,) = [f for f in block.fields if f.name == "group.name"]
                shown = block.text[span.start : span.end]

                def letters(text: str) -> str:  # bidi controls closed at the field's end, spaces aside
                    return "".join(ch for ch in text if not ch.isspace() and ch not in BIDI_CONTROLS)

                li = "لل" + name[2:] if name.startswith("ال") else "ل" + name
                assert block.text.startswith("نتائج الاجتماع") and span.end == len(block.text)
                assert letters(shown) == letters(li)
            else:
                assert [f.name for f in block.missing] == ["group.name"]
        elif expected is None:
            # title, subject, summary, signature title: empty is the standard wording; no signature name: the chair
            assert block.placeholder or field.name in ("subject", "title", "summary", "signature title", "signature name")
        else:
            assert block.text == expected
            index = document.blocks.index(block)
            assert texts[index] == (f"{block.label}\t{expected}" if block.label else expected)
    elif field.name == "symbol":
        section = opened.sections[0]
        cells = [c.text for c in section.first_page_header.tables[0].rows[0].cells]
        running = section.header.paragraphs[0].text
        if cleaned:
            assert cells[1].startswith(f"الوثيقة {cleaned}\n")
            assert running == f"{cleaned}\tالصفحة 2"
        else:
            assert "[رمز الوثيقة]" in cells[1]
    elif field.name == "council session":
        cell = opened.sections[0].first_page_header.tables[0].rows[0].cells[0].text
        assert cell.startswith((cleaned or "[دورة المجلس]") + "\n")
    elif field.name in ("session place", "agenda item", "original language"):
        cells = [c.text for c in opened.sections[0].first_page_header.tables[0].rows[0].cells]
        if field.name == "session place":
            assert (cleaned + "، " if cleaned else "") in cells[0]
        elif field.name == "agenda item":
            assert (cleaned or "[بند جدول الأعمال]") in cells[0]
        else:
            assert "الأصل: " in cells[1] if cleaned else "[لغة الأصل]" in cells[1]
    elif field.name in {name for name, _, _ in _UNSHOWN}:
        # Not printed: the body is the report's as it was, whatever the value.
        unchanged = full_report()
        assert texts == [without_bracket_marks(p.text) for p in docx.Document(io.BytesIO(to_bytes(render(unchanged)))).paragraphs]
    # Nothing Jinja-like was executed: `{{ 7*7 }}` never became 49.
    if "{{ 7*7 }}" in cleaned and field.name not in {name for name, _, _ in _UNSHOWN} | {"original language"}:
        assert "{{ 7*7 }}" in "\n".join(texts) + "\n".join(
            c.text for c in opened.sections[0].first_page_header.tables[0].rows[0].cells
        ) + opened.sections[0].header.paragraphs[0].text


pytestmark = pytest.mark.skipif(not oc.xsd_available(), reason=f"{oc.WML_XSD} is not there (shared/ beside the repo)")


@pytest.mark.parametrize("field", FIELDS, ids=[f.name for f in FIELDS])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(value=text_strategy)
@example(value="")
@example(value="\x01")
@example(value="a\x00b\ufffe{{ 7*7 }}\r\n<&]]>\t\u200f\u2066x\u2069")
@example(value="{% for x in range(3) %}x{% endfor %}{{ ''.__class__.__mro__ }}{PAGE}")
def test_any_text_in_any_field(field: Field, value: str) -> None:
    _check(field, value)


def test_jinja_in_text_is_literal() -> None:
    report = full_report()
    report.title = "{{ 7*7 }} {% if true %}yes{% endif %} {{ ''.__class__.__mro__ }}"
    document = render(report)
    assert document.block_for("report.title").text == report.title
    assert document.title == report.title


def test_removed_characters_are_reported() -> None:
    report = full_report()
    report.summary = "a\x01b"
    report.sections[1].paragraphs[0].text = "\x0bنص"
    document = render(report)
    assert "report.summary: removed U+0001 at character 2" in document.notes
    assert "report.sections[1].paragraphs[0].text: removed U+000B at character 1" in document.notes
    assert document.block_for("report.summary").text == "ab"
    # The caller's report is left as it was.
    assert report.summary == "a\x01b"


def test_clean_report_keeps_clean_reports_as_they_are() -> None:
    report = full_report()
    document = render(report)
    assert document.notes == []
