"""The plain text of a paragraph, for the features that read words: find and
replace, spell and typography checks, search across reports.

One function, so that when a paragraph holds runs and fields these features
all read what the paragraph shows (its fields rendered) from one place.
"""

from __future__ import annotations

from cwgdraft.core.model import Paragraph, Report


def paragraph_text(paragraph: Paragraph, report: Report | None = None) -> str:
    """What the paragraph reads as plain text. `report` gives the facts that
    fields render from; unused while a paragraph is text alone."""
    del report
    return paragraph.text
