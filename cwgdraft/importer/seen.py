"""What an import reads before it understands anything: paragraphs as seen.

Both readers (Word and plain text) turn a file into a `SeenDocument`: the
paragraphs a reader of the page sees, in order, each with the list label Word
would draw before it (computed from the list numbering, not typed), its style
name and where it stood (body, table, text box, first-page header).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cwgdraft.core.content import Content


@dataclass
class Seen:
    text: str  # the paragraph's text as shown (typed numbers included), `\n` for line breaks
    label: str = ""  # list label drawn by Word's numbering ('' when none)
    list_format: str = ""  # 'bullet', 'decimal', 'arabicAbjad', ... ('' when not a list item)
    level: int = 0  # list level (ilvl)
    style: str = ""  # paragraph style name
    origin: str = "body"  # body | table | textbox | header | footer | text
    cell: tuple[int, int, int] | None = None  # (table, row, column) for table paragraphs
    bookmarks: tuple[str, ...] = ()
    rich: Content | None = None  # `text` with its marks, links and footnotes, when it has any


@dataclass
class SeenDocument:
    kind: str  # 'docx' or 'text'
    paragraphs: list[Seen] = field(default_factory=list)
    first_header: list[Seen] = field(default_factory=list)  # first-page header (or default header)
    running_header: list[Seen] = field(default_factory=list)  # later pages
    footer: list[Seen] = field(default_factory=list)  # first-page footer
    notes: list[str] = field(default_factory=list)
    comments: int = 0
    encoding: str = ""
