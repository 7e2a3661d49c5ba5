"""One writer's edits carried over onto what another writer stored meanwhile.

The app holds a report as it read it (`base`) and as the user has edited it
since (`mine`); another program may have saved a new version (`theirs`)
in between. `reapply` makes the edits again on `theirs`, one field at a time
(objects are found by id): an edit whose field the other program left as in
`base` is applied; one whose field it changed too is a clash and is not, so
nothing the other program saved is overwritten.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from typing import Any

from cwgdraft.core.model import Report

# Lists of objects with ids, merged item by item (the sections' paragraphs inside their sections).
_ITEM_LISTS = ("meetings", "people", "opening_remarks", "contributions", "sections")


@dataclass
class Reapplied:
    applied: list[str] = field(default_factory=list)  # field paths of the edits made again
    clashes: list[str] = field(default_factory=list)  # edits not made: the other writer changed the same thing


def reapply(base: Report, mine: Report, theirs: Report) -> Reapplied:
    """Make the edits from `base` to `mine` again on `theirs` (changed in place)."""
    out = Reapplied()
    _merge_object(base, mine, theirs, "report", out, skip=_ITEM_LISTS)
    every_paragraph = {p.id for p in theirs.all_paragraphs()}
    for name in _ITEM_LISTS:
        _merge_items(getattr(base, name), getattr(mine, name), getattr(theirs, name), name, out, every_paragraph)
    return out


def _merge_object(base: Any, mine: Any, theirs: Any, path: str, out: Reapplied, skip: tuple[str, ...] = ()) -> None:
    for f in dataclasses.fields(mine):
        if f.name == "id" or f.name in skip:
            continue
        b, m, t = getattr(base, f.name), getattr(mine, f.name), getattr(theirs, f.name)
        where = f"{path}.{f.name}"
        if dataclasses.is_dataclass(m) and not isinstance(m, type):
            _merge_object(b, m, t, where, out)
            continue
        if m == b:
            continue
        if t == b or t == m:
            setattr(theirs, f.name, copy.deepcopy(m))
            out.applied.append(where)
        else:
            out.clashes.append(where)


def _merge_items(
    base: list[Any], mine: list[Any], theirs: list[Any], path: str, out: Reapplied, every_paragraph: set[str]
) -> None:
    in_base = {x.id: x for x in base}
    in_mine = {x.id for x in mine}
    # Removed here: removed there too, unless the other writer changed the item meanwhile.
    for item in base:
        if item.id in in_mine:
            continue
        theirs_item = next((x for x in theirs if x.id == item.id), None)
        if theirs_item is None:
            continue
        if theirs_item == item:
            theirs.remove(theirs_item)
            out.applied.append(f"{path}[{item.id}]")
        else:
            out.clashes.append(f"{path}[{item.id}]")
    in_theirs = {x.id: x for x in theirs}
    for i, item in enumerate(mine):
        where = f"{path}[{item.id}]"
        if item.id in in_base:
            theirs_item = in_theirs.get(item.id)
            if theirs_item is None:
                if item != in_base[item.id]:
                    out.clashes.append(where)  # edited here, removed there
                continue
            _merge_object(in_base[item.id], item, theirs_item, where, out, skip=("paragraphs",))
            if path == "sections":
                _merge_items(in_base[item.id].paragraphs, item.paragraphs, theirs_item.paragraphs,
                             f"{where}.paragraphs", out, every_paragraph)
            continue
        # Added here: put after the item it follows here, where the other writer still has one.
        if item.id in in_theirs or (path.endswith("paragraphs") and item.id in every_paragraph):
            out.clashes.append(where)
            continue
        after = next((j for j in range(i - 1, -1, -1) if mine[j].id in in_theirs), None)
        at = 0 if after is None else theirs.index(in_theirs[mine[after].id]) + 1
        added = copy.deepcopy(item)
        theirs.insert(at, added)
        in_theirs[added.id] = added
        out.applied.append(where)
