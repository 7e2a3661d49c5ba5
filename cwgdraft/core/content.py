"""Paragraph content: runs of text and fields.

A sentence of a report is a sequence of *inlines*: `Text` (what the drafter
typed) and `Field` (a reference to one fact of the report, such as the
meeting's date, written out in Arabic whenever the report is rendered). The
same sequence feeds the store, the portable file, the writers, import and the
editor. Marks (bold, italic), links and footnotes join as further inline kinds
or as `marks` on `Text`, without changing what is here.

`Content` is a `str` (the text a reader would see with every field shown as its
bracketed name, so that code that only needs plain text keeps working) that
also carries its inlines. A plain `str` is content without fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Field:
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


Inline = Text | Field


def _normalise(inlines: Iterable[Inline]) -> tuple[Inline, ...]:
    """Adjacent texts joined, empty texts dropped: one content has one spelling."""
    out: list[Inline] = []
    for item in inlines:
        if isinstance(item, Text):
            if not item.text:
                continue
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + item.text)
                continue
        out.append(item)
    return tuple(out)


class Content(str):
    """A `str` that also holds text-and-field inlines (see the module's doc)."""

    inlines: tuple[Inline, ...]

    def __new__(cls, inlines: Iterable[Inline] = ()) -> Content:
        items = _normalise(inlines)
        value = super().__new__(cls, "".join(i.text if isinstance(i, Text) else i.token for i in items))
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
    def fields(self) -> list[Field]:
        return [i for i in self.inlines if isinstance(i, Field)]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Content):
            return self.inlines == other.inlines
        if isinstance(other, str):
            return not self.has_fields and str.__eq__(self, other)
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = str.__hash__

    def __reduce__(self) -> tuple[Any, ...]:
        return (Content, (self.inlines,))

    def __repr__(self) -> str:
        return f"Content({list(self.inlines)!r})" if self.has_fields else f"Content({str.__repr__(self)})"


def inlines_of(value: str) -> tuple[Inline, ...]:
    """The inlines of any text: a plain `str` is one `Text`."""
    if isinstance(value, Content):
        return value.inlines
    return (Text(value),) if value else ()


def has_fields(value: str) -> bool:
    return isinstance(value, Content) and value.has_fields


def plain_or_content(value: str) -> str:
    """A plain `str` when there are no fields (what the store and files keep as text)."""
    if isinstance(value, Content) and not value.has_fields:
        return str.__str__(value)
    return value


# --- plain data (store and portable file) -----------------------------------------


def to_data(value: str) -> str | list[dict[str, str]]:
    """Text without fields is a JSON string; with fields, a list of inlines:
    `{"text": "..."}` and `{"field": "meetings.dates", "ref": "...", "form": "..."}`
    (`ref` and `form` only when set)."""
    if not has_fields(value):
        return str.__str__(value)
    out: list[dict[str, str]] = []
    for item in inlines_of(value):
        if isinstance(item, Text):
            out.append({"text": item.text})
        else:
            data = {"field": item.name}
            if item.ref:
                data["ref"] = item.ref
            if item.form:
                data["form"] = item.form
            out.append(data)
    return out


def from_data(data: Any, where: str = "content") -> str:
    """The inverse of `to_data`; raises ValueError naming what is wrong."""
    if isinstance(data, str):
        return data
    if not isinstance(data, list):
        raise ValueError(f"{where}: expected text or a list of inlines")
    items: list[Inline] = []
    for i, item in enumerate(data):
        if not isinstance(item, dict):
            raise ValueError(f"{where}[{i}]: an inline is an object")
        if "text" in item and isinstance(item["text"], str) and set(item) == {"text"}:
            items.append(Text(item["text"]))
        elif isinstance(item.get("field"), str) and set(item) <= {"field", "ref", "form"}:
            ref, form = item.get("ref", ""), item.get("form", "")
            if not isinstance(ref, str) or not isinstance(form, str):
                raise ValueError(f"{where}[{i}]: a field's ref and form are text")
            items.append(Field(item["field"], ref, form))
        else:
            raise ValueError(f"{where}[{i}]: an inline is {{'text': ...}} or {{'field': ...}}")
    content = Content(items)
    return content if content.has_fields else str.__str__(content)


def edit_spans(value: str, edits: list[tuple[int, int, str]]) -> tuple[str, int]:
    """`value` with each edit `(start, end, replacement)` made, offsets counted in
    its plain view (`str(value)`: a field shows as its bracketed name); how many
    were made. An edit that would cut into a field, or span one, is not made:
    find and replace, and the typography fixes, never break a field."""
    if not has_fields(value):
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
        size = len(item.text) if isinstance(item, Text) else len(item.token)
        spans.append((at, at + size, item))
        at += size
    items = [item for _s, _e, item in spans]
    done = 0
    for start, end, replacement in sorted(edits, reverse=True):
        for i, (s, e, item) in enumerate(spans):
            if isinstance(item, Text) and s <= start <= end <= e:
                current = items[i]
                assert isinstance(current, Text)
                items[i] = Text(current.text[: start - s] + replacement + current.text[end - s :])
                done += 1
                break
    return Content(items), done


def view_offset(value: str, offset: int) -> int:
    """An offset in the plain view (`str(value)`: a field as its bracketed name)
    as an offset where each field is one character (an editor's chip)."""
    out = at = 0
    for item in inlines_of(value):
        size = len(item.text) if isinstance(item, Text) else len(item.token)
        if offset <= at + size:
            return out + (offset - at if isinstance(item, Text) else (0 if offset == at else 1))
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
