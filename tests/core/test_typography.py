"""The Arabic typography check: each finding on a crafted paragraph, with its fix."""

from __future__ import annotations

from cwgdraft.core.checks import typography_findings
from cwgdraft.core.model import Paragraph, Section
from cwgdraft.core.typography import Context, apply_fix, apply_fixes, check_text
from tests.report_factory import GROUP_NAME, full_report

NBH = "\u2011"


def codes(text: str, context: Context | None = None) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.found, f.fix) for f in check_text(text, context)]


def test_latin_punctuation_inside_arabic() -> None:
    assert codes("ناقش الفريق المسألة, ثم انتقل إلى البند التالي; فهل من تعليق?") == [
        ("latin_punctuation", ",", "،"),
        ("latin_punctuation", ";", "؛"),
        ("latin_punctuation", "?", "؟"),
    ]
    # Latin text, a number and a URL keep theirs.
    assert codes("قدمت Trend Micro, Inc. مساهمة بقيمة 1,000 دولار انظر http://x.org/?a=1") == []


def test_spaces() -> None:
    assert codes("قال الرئيس : نعم") == [("space_before_punctuation", " ", "")]
    assert codes("عقد  الاجتماع") == [("double_space", "  ", " ")]
    assert codes("ثم (انظر الوثيقة ) .") == [("space_before_punctuation", " ", ""), ("space_before_punctuation", " ", "")]


def test_unbalanced_brackets_and_quotes() -> None:
    assert codes("الوثيقة (CWG-COP/18/5 المقدمة") == [("unbalanced", "(", "")]
    assert codes("الوثيقة CWG-COP/18/5) المقدمة") == [("unbalanced", ")", "")]
    assert codes("تحالف «WeProtect العالمي") == [("unbalanced", "«", "")]
    assert codes('قال "نعم') == [("unbalanced", '"', "")]
    assert codes("التحالف ”WeProtect“ و«الاتحاد» (ITU [X])") == []


def test_mixed_digits() -> None:
    assert codes("من ١٨ إلى ٢٠ يناير 2022") == [("mixed_digits", "2022", "٢٠٢٢")]
    assert codes("من 18 إلى 20 يناير ٢٠٢٢") == [("mixed_digits", "٢٠٢٢", "2022")]
    assert codes("من 18 إلى 20 يناير 2022") == []


def test_hyphen_in_an_acronym_written_elsewhere_with_a_non_breaking_one() -> None:
    context = Context({"CWG-COP"})
    assert codes("اجتماع CWG-COP الثامن عشر", context) == [("acronym_hyphen", "CWG-COP", f"CWG{NBH}COP")]
    assert codes(f"اجتماع CWG{NBH}COP الثامن عشر", context) == []
    assert codes("اجتماع CWG-COP الثامن عشر") == []  # the report never writes it otherwise


def test_tatweel_and_presentation_forms() -> None:
    assert codes("الاجتمـــاع") == [("tatweel", "ـــ", "")]
    assert codes("ﺍﻟﻤﺠﻠﺲ قرر") == [("presentation_forms", "ﺍﻟﻤﺠﻠﺲ", "المجلس")]


def test_group_name_spelled_otherwise() -> None:
    context = Context(group_name=GROUP_NAME)
    text = "عقد فريق العمل التابع للمجلس المعني بحماية الاطفال على الانترنت اجتماعه."
    (finding,) = check_text(text, context)
    assert finding.code == "group_name"
    assert apply_fix(text, finding) == f"عقد {GROUP_NAME} اجتماعه."
    assert check_text(f"عقد {GROUP_NAME.replace(' ', chr(0xA0), 1)} اجتماعه.", context) == []


def test_fixes_applied_together_keep_offsets() -> None:
    text = "ناقش  الفريق المسألة , ثم الاجتمـــاع"
    assert apply_fixes(text, check_text(text)) == "ناقش الفريق المسألة، ثم الاجتماع"


def test_the_check_before_export_names_where() -> None:
    report = full_report()
    report.sections[1].paragraphs.append(Paragraph("ناقش الفريق المسألة, ثم انتقل"))
    report.sections.append(Section("مسائل أخرى , ختام"))
    findings = [f for f in typography_findings(report) if f.code != "acronym_hyphen"]
    assert [(f.path, f.code) for f in findings] == [
        (f"sections[1].paragraphs[{len(report.sections[1].paragraphs) - 1}]", "latin_punctuation"),
        (f"sections[{len(report.sections) - 1}].title", "space_before_punctuation"),
        (f"sections[{len(report.sections) - 1}].title", "latin_punctuation"),
    ]
    assert findings[0].source == report.sections[1].paragraphs[-1].id
    assert findings[0].where.startswith("الفقرة")
