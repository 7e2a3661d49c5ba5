"""The check before export's findings in the language of the interface.

`cwgdraft.drafting.check.check_report` says in Arabic where (`الفقرة 1.4`,
`الملخص`) and what (`[تاريخ الاجتماع] ناقص`), the same lines the command line
prints. The Arabic interface shows them as they are; any other language words
them from the finding's kind and place, with translatable strings (a name
quoted from the report stays as the report writes it).
"""

from __future__ import annotations

import re
from typing import Any

from cwgdraft.core import facts
from cwgdraft.core.model import Report
from cwgdraft.gui.i18n import N_, fill, t
from cwgdraft.gui.messages import arabic_interface, missing_label

PLACES = {
    "العنوان": N_("العنوان"),
    "الموضوع": N_("الموضوع"),
    "الملخص": N_("الملخص"),
    "الإجراء المطلوب": N_("الإجراء المطلوب"),
    "التوقيع": N_("التوقيع"),
    "صفة الموقّع": N_("صفة الموقّع"),
    "رمز الوثيقة": N_("رمز الوثيقة"),
    "تاريخ الوثيقة": N_("تاريخ الوثيقة"),
    "دورة المجلس": N_("دورة المجلس"),
    "مكان الدورة وتاريخها": N_("مكان الدورة وتاريخها"),
    "بند جدول الأعمال": N_("بند جدول الأعمال"),
    "لغة الأصل": N_("لغة الأصل"),
    "المراجع": N_("المراجع"),
    "المساهمات": N_("المساهمات"),
}
_MISSING_FACT = re.compile(r"\[([^\]]+)\] ناقص$")
_QUOTED = re.compile(r"«([^»]*)»")




def _place(where: str) -> str:
    if where in PLACES:
        return t(PLACES[where])
    for prefix, template in (("عنوان القسم ", N_("عنوان القسم %1")), ("الفقرة ", N_("الفقرة %1")),
                             ("فقرة في القسم ", N_("فقرة في القسم %1"))):
        if where.startswith(prefix):
            return fill(template, where[len(prefix):])
    return where


def _fact_name(label: str) -> str:
    fact = next((f for f in facts.FACTS.values() if f.label == label), None)
    return t(fact.label) if fact else label


def code_of(item: Any) -> str:
    """The finding's kind; for a carry-over's list (no kind), from its wording."""
    code = getattr(item, "code", "")
    if code:
        return code
    return "missing_fact" if _MISSING_FACT.search(item.label) else "missing_field"


def finding_label(report: Report, item: Any) -> str:
    """A finding (or a carry-over's "to fill in" line) in the language of the interface."""
    if arabic_interface():
        return item.label
    code = code_of(item)
    if code == "missing_field":
        return missing_label(report, item.path, item.label)
    where, _sep, what = item.label.partition(": ")
    if code == "bidi_control":
        codes = what.split(" (")[0]
        return fill(N_("رموز تحكم في اتجاه النص في %1: %2 (تبقى كما كُتبت وتُغلق في نهاية الحقل)"), item.path, codes)
    place = _place(where) if _sep else ""
    quoted = _QUOTED.search(what)
    if code == "missing_fact" and (m := _MISSING_FACT.search(what)):
        said = fill(N_("%1: لم تُدخل بعد"), _fact_name(m.group(1)))
    elif code == "unknown_field" and quoted:
        said = fill(N_("حقل غير معروف: %1"), quoted.group(1))
    elif code == "unknown_field":
        said = t("حقل لمساهمة محذوفة")
    elif code == "placeholder":
        said = t("فارغ")
    elif code == "other_meeting":
        said = t("يذكر اجتماعاً غير اجتماعات هذا التقرير")
    elif code == "other_date" and quoted:
        said = fill(N_("التاريخ «%1» ليس من تواريخ الاجتماعات"), quoted.group(1))
    elif code == "not_presented" and quoted:
        said = fill(N_("«%1» مدرجة في قائمة الوثائق ولم تُعرض"), quoted.group(1))
    elif code == "not_listed" and quoted:
        said = fill(N_("«%1» عُرضت وليست في قائمة الوثائق"), quoted.group(1))
    else:
        return item.label
    return f"{place}: {said}" if place else said


def fact_named(label: str) -> facts.Fact | None:
    """The fact a missing-fact line names, as the check words it or as this module translates it."""
    m = _MISSING_FACT.search(label)
    if m:
        return next((f for f in facts.FACTS.values() if f.label == m.group(1)), None)
    return next((f for f in facts.FACTS.values() if label.endswith(fill(N_("%1: لم تُدخل بعد"), t(f.label)))), None)


def translated_findings(report: Report, items: list[Any]) -> list[Any]:
    return [item._replace(label=finding_label(report, item)) for item in items]
