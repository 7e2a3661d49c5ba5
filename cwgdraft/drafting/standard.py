"""Standard wording: what a paragraph or a heading says, facts filled in.

(Recognising the standard wording in typed text is import's:
`cwgdraft.importer.standard`.)
"""

from __future__ import annotations

from cwgdraft.core import facts
from cwgdraft.core.model import Paragraph, Report, Section
from cwgdraft.formats.render import Template, standard_content


def paragraph_content(report: Report, paragraph: Paragraph, template: Template | None = None) -> str:
    """The paragraph's wording: the drafter's own, or its standard wording (text with fields)."""
    if paragraph.follows_standard:
        return standard_content(report, paragraph.standard, paragraph.ref, template)
    return paragraph.text


def paragraph_text(report: Report, paragraph: Paragraph, template: Template | None = None) -> str:
    """What a reader sees of the paragraph, facts filled in."""
    return facts.text_of(report, paragraph_content(report, paragraph, template))


def section_title(report: Report, section: Section, template: Template | None = None) -> str:
    if section.standard and not section.title:
        return facts.text_of(report, standard_content(report, section.standard, "", template))
    return facts.text_of(report, section.title)
