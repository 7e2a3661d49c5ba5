"""The typography check's findings in the language of the interface.

`cwgdraft.core.typography` says in Arabic where each finding is and what to
do; the Arabic interface shows that as it is, any other words the same facts
from the finding's code, path and text, with translatable strings (as
`messages.py` does for the check's missing fields)."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from cwgdraft.core.model import Report
from cwgdraft.gui.i18n import N_, fill, t
from cwgdraft.gui.messages import _paragraph_number, arabic_interface

MESSAGES = {
    "latin_punctuation": N_("«%1» لاتينية في نص عربي: تُكتب «%2»"),
    "space_before_punctuation": N_("مسافة قبل علامة الترقيم: تُحذف"),
    "double_space": N_("مسافتان أو أكثر: تكفي مسافة واحدة"),
    "unbalanced": N_("«%1» بلا نظير: يُضاف نظيره أو يُحذف"),
    "mixed_digits": N_("أرقام هندية وعربية في نص واحد: تُكتب «%2»"),
    "acronym_hyphen": N_("«%1» بشرطة عادية والتقرير يكتبه بشرطة غير فاصلة: تُكتب «%2»"),
    "tatweel": N_("تطويل (ـ): يُحذف"),
    "presentation_forms": N_("حروف بأشكال العرض (منسوخة من PDF): تُكتب حروفاً عادية"),
    "group_name": N_("اسم الفريق مكتوب بغير ما في بيانات التقرير: «%2»"),
}
FIELDS = {
    "report.title": N_("عنوان التقرير"),
    "report.subject": N_("الموضوع"),
    "report.summary": N_("الملخص"),
    "report.action_required": N_("الإجراء المطلوب"),
}
_SECTION = re.compile(r"sections\[(\d+)\]\.title")
_PARAGRAPH = re.compile(r"sections\[(\d+)\]\.paragraphs\[(\d+)\]")




def message(finding: Any) -> str:
    if arabic_interface() or finding.code not in MESSAGES:
        return str(finding.message)
    return fill(MESSAGES[finding.code], finding.found, finding.fix or "")


def where(report: Report | None, finding: Any) -> str:
    if arabic_interface() or not finding.path:
        return str(finding.where)
    if finding.path in FIELDS:
        return t(FIELDS[finding.path])
    if m := _SECTION.fullmatch(finding.path):
        return fill(N_("عنوان القسم %1"), int(m.group(1)) + 1)
    if (m := _PARAGRAPH.fullmatch(finding.path)) and report is not None:
        si, pi = int(m.group(1)), int(m.group(2))
        return fill(N_("الفقرة %1 في القسم %2"), _paragraph_number(report, si, pi), si + 1)
    return str(finding.path)


def translated(report: Report | None, findings: list[Any]) -> list[Any]:
    """The findings with `where` and `message` in the language of the interface."""
    if arabic_interface():
        return list(findings)
    return [dataclasses.replace(f, message=message(f), where=where(report, f)) for f in findings]
