"""The plain text of a paragraph, for the features that read words: find and
replace, spell and typography checks, search across reports.

One function, so that when a paragraph holds runs and fields these features
all read what the paragraph shows (its fields rendered) from one place.
"""

from __future__ import annotations

from collections.abc import Iterator

from cwgdraft.core.model import Paragraph, Report


def paragraph_text(paragraph: Paragraph, report: Report | None = None) -> str:
    """What the paragraph reads as plain text: its own text, with a field shown as its
    bracketed name (`str(Content)`), so that offsets found in it can be mapped back
    onto the inlines (`content.edit_spans`) and a replace or a fix never breaks a field.
    A paragraph that follows the standard wording has no text of its own to read."""
    del report
    return paragraph.text


def report_texts(report: Report) -> Iterator[tuple[str, str, str, str]]:
    """(path, source, where, text) of every text of the report that find and the checks read, in order."""
    for attr, where in (("title", "عنوان التقرير"), ("subject", "الموضوع"), ("summary", "الملخص"),
                        ("action_required", "الإجراء المطلوب")):
        yield f"report.{attr}", f"report.{attr}", where, getattr(report, attr)
    from cwgdraft.formats.render import lay_out  # pure Python numbering, as checks.py uses it

    for si, laid in enumerate(lay_out(report)):
        section = laid.section
        yield f"sections[{si}].title", section.id, f"عنوان القسم {si + 1}", section.title
        for pi, lp in enumerate(laid.paragraphs):
            label = f"الفقرة {lp.label}" if lp.label else f"الفقرة {pi + 1} من القسم {si + 1}"
            yield (f"sections[{si}].paragraphs[{pi}]", lp.paragraph.id, label,
                   paragraph_text(lp.paragraph, report))
