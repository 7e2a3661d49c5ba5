"""Find and replace across a whole report, on the texts a reader sees: the
title, subject, summary, action required, section titles and paragraphs
(`plaintext.report_texts`), matched with Arabic folding (`folding`).

Places are named by the field paths of the check before export
(`sections[2].paragraphs[3]`, `report.title`), so the app goes to them and
edits them with the same commands. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

from cwgdraft.core import facts, folding
from cwgdraft.core.folding import ALL, FoldOptions
from cwgdraft.core.model import Report
from cwgdraft.core.plaintext import report_texts


@dataclass(frozen=True)
class Found:
    path: str  # `sections[2].paragraphs[3]`, `report.title`, `sections[1].title`
    source: str  # the paragraph or section id, or the field
    where: str  # in Arabic, for a status line
    start: int
    end: int
    index: int  # the text's place in the report's order


@dataclass(frozen=True)
class Replacement:
    path: str
    source: str
    text: str  # the whole new text
    count: int


def find_in_report(report: Report, pattern: str, options: FoldOptions = ALL, whole_word: bool = False) -> list[Found]:
    """Every match in the report, in the order of the report and of each text."""
    out: list[Found] = []
    if not folding.fold(pattern, options):
        return out
    for index, (path, source, where, text) in enumerate(report_texts(report)):
        # A field is matched by what it reads as (its fact filled in), never by its name.
        for m in folding.find_all(pattern, shown_text(report, text), options, whole_word):
            out.append(Found(path, source, where, m.start, m.end, index))
    return out


def replace_in_report(report: Report, pattern: str, replacement: str, options: FoldOptions = ALL,
                      whole_word: bool = False) -> list[Replacement]:
    """The new text of every text that has a match (the report itself is not changed)."""
    out: list[Replacement] = []
    if not folding.fold(pattern, options):
        return out
    from cwgdraft.core.content import edit_spans

    shown = shown_inline(report)
    for path, source, _where, text in report_texts(report):
        matches = folding.find_all(pattern, shown_text(report, text), options, whole_word)
        # Text with fields is edited inline by inline: a replace never breaks a field.
        new, count = edit_spans(text, [(m.start, m.end, replacement) for m in matches], shown)
        if count:
            out.append(Replacement(path, source, new, count))
    return out


def replace_one(text: str, found: Found, pattern: str, replacement: str, options: FoldOptions = ALL,
                report: Report | None = None) -> str | None:
    """`text` with the one match replaced, or None if the text no longer has it there.
    `report`: the facts its fields read as (offsets count a field as its fact)."""
    from cwgdraft.core.content import edit_spans

    plain = shown_text(report, text) if report is not None else str(text)
    if found.end > len(plain) or folding.fold(plain[found.start : found.end], options) != folding.fold(pattern, options):
        return None
    new, done = edit_spans(text, [(found.start, found.end, replacement)], shown_inline(report) if report else None)
    return new if done else None


def shown_text(report: Report | None, text: str) -> str:
    """What a text reads as: its fields' facts filled in (plain text as it is)."""
    from cwgdraft.core.content import is_rich

    if report is None or not is_rich(text):
        return str(text)
    return facts.text_of(report, text)


def shown_inline(report: Report):  # type: ignore[no-untyped-def]
    """What one field or note reads as, for the offsets of `shown_text`."""
    from cwgdraft.core.content import Content

    return lambda item: facts.text_of(report, Content([item]))
