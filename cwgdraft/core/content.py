"""Paragraph content: runs of text, fields and footnotes.

A sentence of a report is a sequence of *inlines*: `Text` (what the drafter
typed, with its marks: bold, italic, underline, and a link's address),
`Field` (a reference to one fact of the report, such as the meeting's date,
written out in Arabic whenever the report is rendered) and `Footnote` (a note
at the foot of the page, itself text and fields). The same sequence feeds the
store, the portable file, the writers, import and the editor.

`Content` is a `str` (the text a reader would see with every field shown as its
bracketed name and every footnote as its text in brackets, so that code that
only needs plain text keeps working) that also carries its inlines. A plain
`str` is content without fields, marks, links or footnotes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

# Marks a text may carry, in the order they are written out.
MARKS = ("b", "i", "u")  # bold, italic, underline
NO_MARKS: frozenset[str] = frozenset()


# The inlines are named tuples: as light as a frozen dataclass with slots, and a
# command that loads them does not pay for generating a dataclass's methods.
class Text(NamedTuple):
    """Typed text; `marks` among MARKS; `href`: the address it links to ('' when no link)."""

    text: str
    marks: frozenset[str] = NO_MARKS
    href: str = ""

    @property
    def is_plain(self) -> bool:
        return not self.marks and not self.href

    def with_text(self, text: str) -> Text:
        return Text(text, self.marks, self.href)


class Field(NamedTuple):
    """A fact of the report, by name (`meetings.dates`), for one object (`ref`:
    a contribution's or meeting's id; empty for the report's own facts), in one
    grammatical or typographic form (`form`: `genitive`, `li`, `nobreak`, ...)."""

    name: str
    ref: str = ""
    form: str = ""

    @property
    def token(self) -> str:
        """How the field shows in plain text: its name in brackets."""
        from cwgdraft.core.facts import label

        return f"[{label(self.name)}]"


class _NoteInlines(NamedTuple):
    inlines: tuple[Text | Field, ...]


class Footnote(_NoteInlines):
    """A note at the foot of the page, referenced where it stands; its own text and fields."""

    __slots__ = ()

    def __new__(cls, inlines: Iterable[Text | Field] = ()) -> Footnote:
        items = _normalise(inlines)
        if any(not isinstance(i, (Text, Field)) for i in items):
            raise ValueError("a footnote holds text and fields only")
        return super().__new__(cls, items)

    def __repr__(self) -> str:
        return f"Footnote(inlines={self.inlines!r})"

    @property
    def token(self) -> str:
        """How the note shows in plain text: its text in brackets."""
        return "[" + "".join(_plain(i) for i in self.inlines) + "]"


Inline = Text | Field | Footnote


def _plain(item: Inline) -> str:
    return item.text if isinstance(item, Text) else item.token


def _normalise(inlines: Iterable[Any]) -> tuple[Any, ...]:
    """Adjacent texts of the same marks and link joined, empty texts dropped: one content has one spelling."""
    out: list[Any] = []
    for item in inlines:
        if isinstance(item, Text):
            if not item.text:
                continue
            if item.marks and not isinstance(item.marks, frozenset):
                item = Text(item.text, frozenset(item.marks), item.href)
            last = out[-1] if out else None
            if isinstance(last, Text) and last.marks == item.marks and last.href == item.href:
                out[-1] = last.with_text(last.text + item.text)
                continue
        out.append(item)
    return tuple(out)


class Content(str):
    """A `str` that also holds its inlines (see the module's doc)."""

    inlines: tuple[Inline, ...]

    def __new__(cls, inlines: Iterable[Inline] = ()) -> Content:
        items = _normalise(inlines)
        value = super().__new__(cls, "".join(_plain(i) for i in items))
        value.inlines = items
        return value

    @classmethod
    def of(cls, value: str | Sequence[Inline]) -> Content:
        if isinstance(value, Content):
            return value
        if isinstance(value, str):
            return cls([Text(value)])
        return cls(value)

    @property
    def has_fields(self) -> bool:
        return any(isinstance(i, Field) for i in self.inlines)

    @property
    def is_plain(self) -> bool:
        """Text alone: no field, mark, link or footnote (a plain `str` says as much)."""
        return all(isinstance(i, Text) and i.is_plain for i in self.inlines)

    @property
    def fields(self) -> list[Field]:
        out = []
        for i in self.inlines:
            if isinstance(i, Field):
                out.append(i)
            elif isinstance(i, Footnote):
                out.extend(j for j in i.inlines if isinstance(j, Field))
        return out

    @property
    def footnotes(self) -> list[Footnote]:
        return [i for i in self.inlines if isinstance(i, Footnote)]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Content):
            return self.inlines == other.inlines
        if isinstance(other, str):
            return self.is_plain and str.__eq__(self, other)
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = str.__hash__

    def __reduce__(self) -> tuple[Any, ...]:
        return (Content, (self.inlines,))

    def __repr__(self) -> str:
        return f"Content({list(self.inlines)!r})" if not self.is_plain else f"Content({str.__repr__(self)})"


def inlines_of(value: str) -> tuple[Inline, ...]:
    """The inlines of any text: a plain `str` is one `Text`."""
    if isinstance(value, Content):
        return value.inlines
    return (Text(value),) if value else ()


def has_fields(value: str) -> bool:
    return isinstance(value, Content) and value.has_fields


def is_rich(value: str) -> bool:
    """Whether a text is more than plain text: fields, marks, links or footnotes."""
    return isinstance(value, Content) and not value.is_plain


def plain_or_content(value: str) -> str:
    """A plain `str` when there is nothing but plain text (what the store and files keep as text)."""
    if isinstance(value, Content) and value.is_plain:
        return str.__str__(value)
    return value


# --- plain data (store and portable file) -----------------------------------------


def _inline_data(item: Inline) -> dict[str, Any]:
    if isinstance(item, Text):
        data: dict[str, Any] = {"text": item.text}
        if item.marks:
            data["marks"] = [m for m in MARKS if m in item.marks]
        if item.href:
            data["href"] = item.href
        return data
    if isinstance(item, Footnote):
        return {"note": [_inline_data(i) for i in item.inlines]}
    data = {"field": item.name}
    if item.ref:
        data["ref"] = item.ref
    if item.form:
        data["form"] = item.form
    return data


def to_data(value: str) -> str | list[dict[str, Any]]:
    """Plain text is a JSON string; else a list of inlines:
    `{"text": "...", "marks": ["b", "i", "u"], "href": "https://..."}` (`marks` and
    `href` only when set), `{"field": "meetings.dates", "ref": "...", "form": "..."}`
    (`ref` and `form` only when set) and `{"note": [inlines]}` (a footnote)."""
    if not is_rich(value):
        return str.__str__(value)
    return [_inline_data(item) for item in inlines_of(value)]


def _inline_from(item: Any, where: str, in_note: bool = False) -> Inline:
    if not isinstance(item, dict):
        raise ValueError(f"{where}: an inline is an object")
    if isinstance(item.get("text"), str) and set(item) <= {"text", "marks", "href"}:
        marks = item.get("marks", [])
        if not isinstance(marks, list) or any(m not in MARKS for m in marks):
            raise ValueError(f"{where}: marks are a list of {', '.join(MARKS)}")
        href = item.get("href", "")
        if not isinstance(href, str):
            raise ValueError(f"{where}: a link's address is text")
        return Text(item["text"], frozenset(marks), href)
    if isinstance(item.get("field"), str) and set(item) <= {"field", "ref", "form"}:
        ref, form = item.get("ref", ""), item.get("form", "")
        if not isinstance(ref, str) or not isinstance(form, str):
            raise ValueError(f"{where}: a field's ref and form are text")
        return Field(item["field"], ref, form)
    if "note" in item and set(item) == {"note"} and not in_note:
        if not isinstance(item["note"], list):
            raise ValueError(f"{where}: a footnote is a list of inlines")
        inner = [_inline_from(x, f"{where}.note[{j}]", True) for j, x in enumerate(item["note"])]
        return Footnote(inner)  # type: ignore[arg-type]
    if "note" in item:
        raise ValueError(f"{where}: a footnote holds text and fields only")
    raise ValueError(f"{where}: an inline is {{'text': ...}}, {{'field': ...}} or {{'note': [...]}}")


def from_data(data: Any, where: str = "content") -> str:
    """The inverse of `to_data`; raises ValueError naming what is wrong."""
    if isinstance(data, str):
        return data
    if not isinstance(data, list):
        raise ValueError(f"{where}: expected text or a list of inlines")
    content = Content(_inline_from(item, f"{where}[{i}]") for i, item in enumerate(data))
    return content if not content.is_plain else str.__str__(content)


def edit_spans(
    value: str, edits: list[tuple[int, int, str]], shown: Callable[[Inline], str] | None = None
) -> tuple[str, int]:
    """`value` with each edit `(start, end, replacement)` made, offsets counted in
    its plain view (`str(value)`: a field shows as its bracketed name); how many
    were made. An edit that would cut into a field or a footnote, or span one, is
    not made: find and replace, and the typography fixes, never break a field.
    An edit across texts of different marks takes the first one's marks.
    `shown`: what a field or note reads as where the offsets were counted (its
    fact filled in) instead of its bracketed name."""
    if not is_rich(value):
        text = str.__str__(value) if isinstance(value, Content) else value
        done = 0
        for start, end, replacement in sorted(edits, reverse=True):
            if 0 <= start <= end <= len(text):
                text = text[:start] + replacement + text[end:]
                done += 1
        return text, done
    # Where each inline stands in the plain view.
    spans: list[tuple[int, int, Inline]] = []
    at = 0
    for item in inlines_of(value):
        size = len(item.text) if isinstance(item, Text) else len(shown(item) if shown else item.token)
        spans.append((at, at + size, item))
        at += size
    items = [item for _s, _e, item in spans]
    done = 0
    for start, end, replacement in sorted(edits, reverse=True):
        # The texts the edit covers: one, or several in a row (across a change of marks), never a field.
        # An insertion at a boundary goes with the text before it (as typing does); else the text it starts in.
        first = next(
            (i for i, (s, e, item) in enumerate(spans)
             if isinstance(item, Text) and s <= start and (start < e or start == end == e)),
            None,
        )  # fmt: skip
        if first is None:
            continue
        last = first
        while spans[last][1] < end and last + 1 < len(spans) and isinstance(spans[last + 1][2], Text):
            last += 1
        if spans[last][1] < end or end < start:
            continue
        head, tail = items[first], items[last]
        assert isinstance(head, Text) and isinstance(tail, Text)
        rest = tail.text[end - spans[last][0] :]
        items[first] = head.with_text(head.text[: start - spans[first][0]] + replacement + (rest if first == last else ""))
        for k in range(first + 1, last):
            items[k] = Text("")
        if last > first:
            items[last] = tail.with_text(rest)
        done += 1
    return Content(items), done


def view_offset(value: str, offset: int, shown: Callable[[Inline], str] | None = None, end: bool = False) -> int:
    """An offset in the plain view (`str(value)`: a field as its bracketed name, or as
    `shown` says) as an offset where each field is one character (an editor's chip).
    Inside a field: its chip's start, or with `end` its chip's end (a match in a
    field's words selects the chip)."""
    out = at = 0
    for item in inlines_of(value):
        size = len(item.text) if isinstance(item, Text) else len(shown(item) if shown else item.token)
        if offset <= at + size:
            if isinstance(item, Text):
                return out + (offset - at)
            return out + (1 if offset == at + size or (end and offset > at) else 0)
        at += size
        out += size if isinstance(item, Text) else 1
    return out


def plain_offset(value: str, view: int) -> int:
    """The inverse of `view_offset`: an offset where each field is one character
    as an offset in the plain view (a field as its bracketed name)."""
    out = at = 0
    for item in inlines_of(value):
        size = len(item.text) if isinstance(item, Text) else 1
        if view <= at + size:
            if isinstance(item, Text):
                return out + (view - at)
            return out + (0 if view == at else len(item.token))
        at += size
        out += len(item.text) if isinstance(item, Text) else len(item.token)
    return out


def rich_piece(rich: Content, text: str) -> str:
    """The part of `rich` that reads `text` (a label cut off, spaces stripped):
    the same letters with their marks, links and the footnotes that stand in
    them or right after them. Offsets here count the text alone (a footnote is
    not read in the line). `text` itself when `rich` does not read it."""
    reading = "".join(i.text for i in rich.inlines if isinstance(i, Text))
    if not text or any(isinstance(i, Field) for i in rich.inlines):
        return text
    start = reading.rfind(text)
    if start < 0:
        return text
    end = start + len(text)
    out: list[Inline] = []
    at = 0
    for item in rich.inlines:
        if isinstance(item, Footnote):
            if start < at <= end or at == start == 0:
                out.append(item)
            continue
        assert isinstance(item, Text)
        size = len(item.text)
        lo, hi = max(start, at), min(end, at + size)
        if lo < hi:
            out.append(item.with_text(item.text[lo - at : hi - at]))
        at += size
    return plain_or_content(Content(out))
