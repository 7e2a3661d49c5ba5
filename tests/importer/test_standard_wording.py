"""Import keeps the facts live: a sentence that is the template's standard wording
filled with the facts import found becomes that wording (fields and all); any other
sentence stays the text it was. Nothing a reader sees changes (test_seed_roundtrip)."""

from __future__ import annotations

import datetime as dt

import pytest

from cwgdraft.core.model import SectionRole
from cwgdraft.drafting.standard import paragraph_text
from cwgdraft.importer import import_file
from tests.formats.test_seeds import SEEDS


def _imported(name: str):  # type: ignore[no-untyped-def]
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"{path}: the seeds are not beside the repository")
    return import_file(path).report


def test_the_2022_seed_comes_in_with_its_standard_wording_live() -> None:
    report = _imported("000_d29490a76c9348c7.txt")
    by_role = {s.role: s for s in report.sections}
    intro = by_role[SectionRole.INTRODUCTION].paragraphs[0]
    assert intro.follows_standard and intro.standard == "introduction"
    assert by_role[SectionRole.AGENDA].paragraphs[0].standard == "agenda"
    documents = by_role[SectionRole.CONTRIBUTIONS].paragraphs
    assert documents[0].standard == "documents_intro"
    items = [p for p in documents if p.standard == "document_item"]
    assert len(items) >= 15 and {p.ref for p in items} <= {c.id for c in report.contributions}
    assert report.summary == ""  # the standard summary, filled with the facts found
    # Live: the next date shows in the introduction.
    report.meetings[0].start = dt.date(2023, 9, 18)
    assert "18\u00a0سبتمبر\u00a02023" in paragraph_text(report, intro)


def test_the_2016_seed_keeps_its_own_words_and_its_dual_agenda_is_standard() -> None:
    report = _imported("001_0c53b99f94563cb2.txt")
    by_role = {s.role: s for s in report.sections}
    agenda = by_role[SectionRole.AGENDA].paragraphs[0]
    assert agenda.standard == "agenda" and "جدولا الأعمال" in paragraph_text(report, agenda)
    intro = by_role[SectionRole.INTRODUCTION].paragraphs[0]
    assert not intro.standard and "اجتماعه الثاني عشر" in intro.text  # its own wording: text
