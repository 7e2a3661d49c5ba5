"""The portable report file: one report as JSON, versioned and documented.

The format is described by `docs/report.schema.json` (JSON Schema). `dumps`
is deterministic: dump, load into an empty store, dump again gives the same
bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import typing
from enum import Enum
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from cwgdraft.core import content
from cwgdraft.core.errors import FormatError
from cwgdraft.core.model import Report
from cwgdraft.core.records import field_names

FORMAT_NAME = "cwgdraft-report"
# 2: text with fields is a list of inlines; paragraphs and sections name their
# standard wording. Version 1 files (text only) are version 2 files without
# those, so they load as they are.
FORMAT_VERSION = 2
SCHEMA_PATH = Path(__file__).resolve().parent.parent.parent / "docs" / "report.schema.json"


# --- objects <-> plain data ---------------------------------------------------


def to_data(obj: Any) -> Any:
    """Dataclasses, enums and dates as JSON-ready data, fields in declaration order."""
    if isinstance(obj, str):
        if isinstance(obj, content.Content):
            return content.to_data(obj)
        return obj.value if isinstance(obj, Enum) else obj
    if isinstance(obj, list):
        return [to_data(x) for x in obj]
    names = field_names(type(obj))
    if names is not None:
        return {name: to_data(getattr(obj, name)) for name in names}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _from(tp: Any, value: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return _from(args[0], value, path)
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_from(item, v, f"{path}[{i}]") for i, v in enumerate(value)]
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        kwargs = {}
        for f in dataclasses.fields(tp):
            if f.name in value:
                kwargs[f.name] = _from(hints[f.name], value[f.name], f"{path}.{f.name}")
        return tp(**kwargs)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(value)
    if tp is str and isinstance(value, list):
        try:
            return content.from_data(value, path)
        except ValueError as exc:
            raise FormatError(str(exc)) from exc
    if tp is dt.date:
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise FormatError(f"{path}: {value!r} is not a date (YYYY-MM-DD)") from exc
    return value


def from_data(data: dict[str, Any]) -> Report:
    return _from(Report, data, "$.report")


# --- files -------------------------------------------------------------------


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema  # lazy: only load needs it

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _json_path(parts: typing.Iterable[Any]) -> str:
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out


def _file_order(data: Any, parts: typing.Iterable[Any]) -> list[int]:
    """Where a JSON path stands in the file: the first problem is the one met first reading it."""
    out = []
    node = data
    for part in parts:
        if isinstance(node, dict):
            keys = list(node)
            out.append(keys.index(part) if part in node else len(keys))
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int):
            out.append(part)
            node = node[part] if 0 <= part < len(node) else None
        else:
            out.append(0)
            node = None
    return out


def validate(data: Any, where: str = "report") -> None:
    """Raise FormatError naming the first problem and its JSON path."""
    if not isinstance(data, dict):
        raise FormatError(f"{where}: $: expected a JSON object, not {type(data).__name__}")
    if data.get("format") != FORMAT_NAME:
        raise FormatError(f"{where}: $.format: not a cwgdraft report file (expected {FORMAT_NAME!r})")
    version = data.get("version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise FormatError(
            f"{where}: $.version: format version {version} is newer than this cwgdraft reads ({FORMAT_VERSION})"
        )
    try:
        errors = sorted(_validator().iter_errors(data), key=lambda e: (_file_order(data, e.absolute_path), e.message))
    except RecursionError as exc:
        raise FormatError(f"{where}: JSON nested too deep for a report file") from exc
    if errors:
        err = errors[0]
        message = err.message
        if err.validator == "maxLength" and isinstance(err.instance, str):
            message = f"{len(err.instance)} characters, over the {err.validator_value} a field may hold"
        elif len(message) > 200:  # the message quotes the value, which may be anything
            message = message[:199] + "…"
        raise FormatError(f"{where}: {_json_path(err.absolute_path)}: {message}")


def dumps(report: Report, compact: bool = False) -> str:
    """The portable file's text: indented for people, or `compact` (one line, and
    several times quicker to write: JSON's C encoder) for copies the store keeps."""
    doc = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "report": to_data(report)}
    if compact:
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def loads(text: str, where: str = "report") -> Report:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"{where}: line {exc.lineno} column {exc.colno}: invalid JSON ({exc.msg})") from exc
    except RecursionError as exc:
        raise FormatError(f"{where}: JSON nested too deep for a report file") from exc
    validate(data, where)
    report = from_data(data["report"])
    check_links(report, where)
    return report


# What a field may hold: the same bound at every door (load, save, import)
# keeps what is stored exportable, and what is exported readable again
# within the import's limits (a paragraph whose script changes at every
# character becomes as many runs: 100,000 of them stay within them).
MAX_TEXT = 100_000
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")


def _long_texts(obj: Any, path: str) -> typing.Iterator[tuple[str, int]]:
    if isinstance(obj, str):
        if len(obj) > MAX_TEXT:
            yield path, len(obj)
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _long_texts(item, f"{path}[{i}]")
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from _long_texts(getattr(obj, f.name), f"{path}.{f.name}")


def check_text_sizes(report: Report, where: str = "report") -> None:
    """FormatError for a field over MAX_TEXT characters (it could not be exported)."""
    for path, size in _long_texts(report, "$.report"):
        raise FormatError(f"{where}: {path}: {size} characters, over the {MAX_TEXT} a field may hold")


def check_links(report: Report, where: str = "report") -> None:
    """Ids must be safe and unique, every link must point at something in the
    report, and no field may be longer than MAX_TEXT."""
    check_text_sizes(report, where)
    seen: set[str] = set()
    ids = [("$.report.id", report.id)]
    ids += [(f"$.report.meetings[{i}].id", m.id) for i, m in enumerate(report.meetings)]
    ids += [(f"$.report.people[{i}].id", p.id) for i, p in enumerate(report.people)]
    ids += [(f"$.report.contributions[{i}].id", c.id) for i, c in enumerate(report.contributions)]
    ids += [(f"$.report.opening_remarks[{i}].id", o.id) for i, o in enumerate(report.opening_remarks)]
    for si, s in enumerate(report.sections):
        ids.append((f"$.report.sections[{si}].id", s.id))
        ids += [(f"$.report.sections[{si}].paragraphs[{pi}].id", p.id) for pi, p in enumerate(s.paragraphs)]
    for path, value in ids:
        if not isinstance(value, str) or not SAFE_ID.fullmatch(value):
            raise FormatError(f"{where}: {path}: id {value!r} is not one (letters, digits and . _ : - only)")
        if value in seen:
            raise FormatError(f"{where}: {path}: id {value!r} is used twice")
        seen.add(value)
    paragraphs = {p.id for p in report.all_paragraphs()}
    people = {p.id for p in report.people}
    meetings = {m.id for m in report.meetings}
    for i, c in enumerate(report.contributions):
        for name, value, pool in (
            ("presenter_id", c.presenter_id, people),
            ("meeting_id", c.meeting_id, meetings),
            ("paragraph_id", c.paragraph_id, paragraphs),
        ):
            if value is not None and value not in pool:
                raise FormatError(f"{where}: $.report.contributions[{i}].{name}: no such item {value!r}")
    for i, o in enumerate(report.opening_remarks):
        if o.speaker_id not in people:
            raise FormatError(f"{where}: $.report.opening_remarks[{i}].speaker_id: no such person {o.speaker_id!r}")
        if o.paragraph_id not in paragraphs:
            raise FormatError(f"{where}: $.report.opening_remarks[{i}].paragraph_id: no such paragraph {o.paragraph_id!r}")


MAX_FILE = 50 * 1024 * 1024  # a portable file on disk (the sample reports are under 100 KB)
_WORD_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def read_file(path: str | Path) -> Report:
    from cwgdraft.core.files import is_folder, no_such_file

    path = Path(path)
    try:
        if path.is_dir():
            raise is_folder(path)
        if path.stat().st_size > MAX_FILE:
            raise FormatError(f"{path}: the file is over the {MAX_FILE // (1024 * 1024)} MB a report file may have")
        with open(path, "rb") as fh:
            raw = fh.read(MAX_FILE + 1)
    except FileNotFoundError as exc:
        raise no_such_file(path) from exc
    except OSError as exc:
        raise FormatError(f"{path}: cannot read ({exc.strerror})") from exc
    return loads_bytes(raw, str(path))


def loads_bytes(raw: bytes, where: str) -> Report:
    """A report from the bytes of a portable file (`where` names it in errors)."""
    if len(raw) > MAX_FILE:
        raise FormatError(f"{where}: over the {MAX_FILE // (1024 * 1024)} MB a report file may have")
    if raw.startswith(_WORD_MAGIC):
        raise FormatError(f"{where}: a Word document, not a portable report file; use 'cwgdraft import' for it")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(f"{where}: byte {exc.start}: not UTF-8 text") from exc
    return loads(text, where)
