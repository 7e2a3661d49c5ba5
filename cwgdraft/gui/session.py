"""The open report: one `Report`, its store, one undo stack, autosave.

Every edit is a `QUndoCommand` (see `commands.py`) pushed on `undo_stack`;
the command changes the report and calls `touched()`, which tells the views
(`changed`) and schedules a save. Saving is `store.save(report)`, the same
call the command line uses, at most `AUTOSAVE_MS` after the first unsaved
edit (the timer is not restarted by later edits, so continuous typing is
still saved every half second), and on close.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from cwgdraft.core.model import Report

AUTOSAVE_MS = 500

# Targets name what a command edits, by id, so they survive reordering.
Target = tuple[str, ...]


def resolve(report: Report, target: Target) -> Any:
    """The object a target names: ("report",), ("group",), ("signature",),
    ("meeting", id), ("person", id), ("contribution", id), ("section", id),
    ("paragraph", id), ("remark", id)."""
    kind = target[0]
    if kind == "report":
        return report
    if kind == "group":
        return report.group
    if kind == "signature":
        return report.signature
    key = target[1]
    pools: dict[str, Any] = {
        "meeting": report.meetings,
        "person": report.people,
        "contribution": report.contributions,
        "section": report.sections,
        "remark": report.opening_remarks,
    }
    if kind == "paragraph":
        found = report.paragraph(key)
    else:
        found = next((x for x in pools[kind] if x.id == key), None)
    if found is None:
        raise KeyError(f"{kind} {key} is not in the report")
    return found


_PATH_PART = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def target_of_path(report: Report, path: str) -> tuple[Target, str | None]:
    """A field path of `checks.missing_fields` (`meetings[0].start`,
    `sections[2].paragraphs[3]`, `signature.name`, `report.symbol`) as a target and attribute."""
    parts = path.split(".")
    head = _PATH_PART.fullmatch(parts[0])
    if head is None:
        return ("report",), None
    name, index = head.group(1), head.group(2)
    rest = parts[1:]
    if name == "report":
        if rest and rest[0] in ("group",):
            return ("group",), (rest[1] if len(rest) > 1 else None)
        if rest and rest[0] == "signature":
            return ("signature",), (rest[1] if len(rest) > 1 else None)
        return ("report",), (_PATH_PART.fullmatch(rest[0]).group(1) if rest else None)  # type: ignore[union-attr]
    if name in ("signature", "group"):
        return (name,), (rest[0] if rest else None)
    lists = {"meetings": "meeting", "people": "person", "contributions": "contribution", "sections": "section"}
    if name in lists and index is not None:
        items = getattr(report, name)
        i = int(index)
        if i >= len(items):
            return ("report",), None
        target: Target = (lists[name], items[i].id)
        if name == "sections" and rest:
            sub = _PATH_PART.fullmatch(rest[0])
            if sub and sub.group(1) == "paragraphs" and sub.group(2) is not None:
                paragraphs = items[i].paragraphs
                j = int(sub.group(2))
                if j < len(paragraphs):
                    return ("paragraph", paragraphs[j].id), "text"
            return target, rest[0]
        return target, (rest[0] if rest else None)
    return ("report",), name


class Session(QObject):
    """One report open for editing."""

    # reload: views must re-read the model (undo, redo, structure); False
    # while the user types in the field that caused the change.
    changed = Signal(bool)
    saved = Signal()
    save_failed = Signal(object)  # the exception: the window says it (`dialogs.describe`)

    def __init__(self, store: Any, report: Report, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.report = report
        self.undo_stack = QUndoStack(self)
        self.dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)

    # --- edits ---------------------------------------------------------------
    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    def touched(self, reload: bool) -> None:
        self.dirty = True
        if not self._timer.isActive():
            self._timer.start()
        self.changed.emit(reload)

    # --- saving --------------------------------------------------------------
    def save_now(self) -> bool:
        self._timer.stop()
        if not self.dirty:
            return True
        try:
            self.store.save(self.report)
        except Exception as exc:  # the store names the cause; the user sees it
            self.save_failed.emit(exc)
            return False
        self.dirty = False
        self.saved.emit()
        return True

    def forget(self) -> None:
        """The stored report changed under this session (an import replaced it): stop
        without saving, and drop the undo history, which belongs to the old version."""
        self._timer.stop()
        self.dirty = False
        self.undo_stack.clear()

    def close(self) -> None:
        self.save_now()
        self.undo_stack.clear()
