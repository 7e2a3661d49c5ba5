"""The portable report file: one report as JSON, versioned and documented.

The format is described by `docs/report.schema.json` (JSON Schema). `dumps`
is deterministic: dump, load into an empty store, dump again gives the same
bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import typing
from enum import Enum
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from cwgdraft.core import content
from cwgdraft.core.errors import FormatError
from cwgdraft.core.model import Report

FORMAT_NAME = "cwgdraft-report"
# 2: text with fields is a list of inlines; paragraphs and sections name their
# standard wording. Version 1 files (text only) are version 2 files without
# those, so they load as they are.
FORMAT_VERSION = 2
SCHEMA_PATH = Path(__file__).resolve().parent.parent.parent / "docs" / "report.schema.json"


# --- objects <-> plain data ---------------------------------------------------


def to_data(obj: Any) -> Any:
    """Dataclasses, enums and dates as JSON-ready data, fields in declaration order."""
    if isinstance(obj, content.Content):
        return content.to_data(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, list):
        return [to_data(x) for x in obj]
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
    errors = sorted(_validator().iter_errors(data), key=lambda e: (_file_order(data, e.absolute_path), e.message))
    if errors:
        err = errors[0]
        raise FormatError(f"{where}: {_json_path(err.absolute_path)}: {err.message}")


def dumps(report: Report) -> str:
    doc = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "report": to_data(report)}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def loads(text: str, where: str = "report") -> Report:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"{where}: line {exc.lineno} column {exc.colno}: invalid JSON ({exc.msg})") from exc
    validate(data, where)
    report = from_data(data["report"])
    check_links(report, where)
    return report


def check_links(report: Report, where: str = "report") -> None:
    """Ids must be unique and every link must point at something in the report."""
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


def read_file(path: str | Path) -> Report:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise FormatError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise FormatError(f"{path}: is a folder, not a report file") from exc
    except OSError as exc:
        raise FormatError(f"{path}: cannot read ({exc.strerror})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(f"{path}: byte {exc.start}: not UTF-8 text") from exc
    return loads(text, str(path))
