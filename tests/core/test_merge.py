"""Edits made again on a version another writer stored meanwhile: applied where that
writer left the place alone, never over what it changed."""

from __future__ import annotations

import copy

from cwgdraft.core import portable
from cwgdraft.core.merge import reapply
from cwgdraft.core.model import Paragraph, Person, Report
from tests.core.test_store import every_field_report


def three() -> tuple[Report, Report, Report]:
    base = every_field_report()
    return base, copy.deepcopy(base), copy.deepcopy(base)


def test_edits_elsewhere_are_made_again() -> None:
    base, mine, theirs = three()
    mine.summary = "ملخص النافذة (CWG-COP 2022)"
    mine.signature.name = "Houlin Zhao"
    mine.sections[0].paragraphs[0].text = "نص النافذة http://www.itu.int/council"
    theirs.title = "عنوان البرنامج الآخر"
    theirs.sections[2].paragraphs.append(Paragraph("فقرة أضافها البرنامج الآخر"))
    result = reapply(base, mine, theirs)
    assert result.clashes == []
    assert len(result.applied) == 3
    assert theirs.summary == "ملخص النافذة (CWG-COP 2022)"
    assert theirs.signature.name == "Houlin Zhao"
    assert theirs.sections[0].paragraphs[0].text == "نص النافذة http://www.itu.int/council"
    assert theirs.title == "عنوان البرنامج الآخر"  # theirs kept
    assert theirs.sections[2].paragraphs[-1].text == "فقرة أضافها البرنامج الآخر"


def test_a_place_both_changed_keeps_theirs() -> None:
    base, mine, theirs = three()
    mine.summary = "ملخص النافذة"
    theirs.summary = "ملخص البرنامج الآخر"
    mine.sections[1].paragraphs[0].text = "نص النافذة"
    theirs.sections[1].paragraphs[0].text = "نص البرنامج الآخر"
    result = reapply(base, mine, theirs)
    assert result.applied == []
    assert len(result.clashes) == 2
    assert theirs.summary == "ملخص البرنامج الآخر"
    assert theirs.sections[1].paragraphs[0].text == "نص البرنامج الآخر"


def test_added_items_go_after_the_one_they_follow() -> None:
    base, mine, theirs = three()
    section = mine.sections[2]
    added = Paragraph("فقرة جديدة بعد الأولى")
    section.paragraphs.insert(1, added)
    mine.people.append(Person("ضيف جديد"))
    theirs.sections[2].paragraphs.insert(0, Paragraph("فقرة البرنامج الآخر في الأول"))
    result = reapply(base, mine, theirs)
    assert result.clashes == []
    texts = [p.text for p in theirs.sections[2].paragraphs]
    assert texts[:3] == ["فقرة البرنامج الآخر في الأول", base.sections[2].paragraphs[0].text, "فقرة جديدة بعد الأولى"]
    assert theirs.people[-1].name == "ضيف جديد"
    portable.check_links(theirs)


def test_a_removal_of_what_they_changed_is_a_clash() -> None:
    base, mine, theirs = three()
    gone = mine.sections[2].paragraphs.pop(1)
    theirs.sections[2].paragraphs[1].text = "عدّلها البرنامج الآخر"
    also_gone = mine.sections[2].paragraphs.pop(1)
    result = reapply(base, mine, theirs)
    ids = [p.id for p in theirs.sections[2].paragraphs]
    assert gone.id in ids  # kept: they changed it
    assert also_gone.id not in ids  # removed: they left it alone
    assert len(result.clashes) == 1 and gone.id in result.clashes[0]


def test_an_edit_of_what_they_removed_is_a_clash() -> None:
    base, mine, theirs = three()
    mine.sections[0].paragraphs[0].text = "نص النافذة"
    del theirs.sections[0].paragraphs[0]
    result = reapply(base, mine, theirs)
    assert result.applied == []
    assert result.clashes == [f"sections[{base.sections[0].id}].paragraphs[{base.sections[0].paragraphs[0].id}]"]
    assert theirs.paragraph(base.sections[0].paragraphs[0].id) is None
