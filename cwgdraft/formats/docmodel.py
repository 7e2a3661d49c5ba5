"""The document model: what a report looks like, for every writer.

The templates produce it (`render.py`); the Word writer and the HTML preview
turn it into their own output. It knows styles by logical names only
(`STYLES`); a template's manifest maps them to the names in its Word file.
"""

from __future__ import annotations

from dataclasses import field
from typing import NamedTuple

from cwgdraft.core.records import Record, record

# Logical block styles, in the order a report uses them.
STYLES = (
    "header",  # a line of the first-page header block
    "title",
    "subject",
    "box_heading",  # `ملخص`, `الإجراء المطلوب`, `المراجع`
    "box_text",
    "box_rule",  # the `_________` rule inside the summary box
    "reference",
    "section_heading",  # `1<TAB>مقدمة`
    "numbered",  # `1.2<TAB>text`
    "body",  # unnumbered paragraph
    "bullet",
    "sub_bullet",  # `○` item
    "lettered",  # `أ)<TAB>text`
    "lettered_bullet",
    "signature",  # name and country
    "signature_title",
    "end_rule",  # `___________` after the signature
)

LIST_STYLES = ("bullet", "sub_bullet", "lettered_bullet")


class FieldSpan(NamedTuple):
    """Where a field's text stands in a block: `text[start:end]`. `missing`:
    the fact is not known yet, and the text is the field's name in brackets."""

    start: int
    end: int
    name: str
    ref: str = ""
    missing: bool = False


class MarkSpan(NamedTuple):
    """Marks (`b`, `i`, `u`) and a link's address (`href`) on `text[start:end]`."""

    start: int
    end: int
    marks: frozenset[str] = frozenset()
    href: str = ""


class Note(NamedTuple):
    """A footnote, referenced at `text[at]` (its mark goes before that character):
    its own text, fields and marks."""

    at: int
    text: str
    fields: tuple[FieldSpan, ...] = ()
    marks: tuple[MarkSpan, ...] = ()


@record
class Block(Record):
    """One paragraph of output.

    `text` may hold `\\n` (a line break) and `\\t` (a tab). `label` is the
    number or letter the block shows before a tab; bullets have none (their
    glyph is list numbering). `source` names what the text came from: a
    paragraph id, or a field such as `report.symbol`.
    """

    style: str
    text: str
    label: str = ""
    source: str = ""
    placeholder: bool = False
    fields: tuple[FieldSpan, ...] = ()
    marks: tuple[MarkSpan, ...] = ()  # in text order, not overlapping
    notes: tuple[Note, ...] = ()  # footnotes, in text order

    @property
    def missing(self) -> list[FieldSpan]:
        """The fields whose fact is not known yet."""
        return [f for f in self.fields if f.missing]

    @property
    def seen_text(self) -> str:
        """The text a reader sees, with the label and its tab."""
        return f"{self.label}\t{self.text}" if self.label else self.text


@record
class Document(Record):
    """The report as every writer takes it: header lines, blocks, running header, footer."""

    language: str = "ar"
    header_start: list[Block] = field(default_factory=list)  # right column of the header block
    header_end: list[Block] = field(default_factory=list)  # left column
    running_header: str = ""  # later pages: symbol (the page number is added by the writer)
    footer: str = ""  # first page
    blocks: list[Block] = field(default_factory=list)
    title: str = ""  # document properties
    notes: list[str] = field(default_factory=list)  # what rendering had to say (stripped characters)

    def block_for(self, source: str) -> Block | None:
        return next((b for b in self.blocks if b.source == source), None)
