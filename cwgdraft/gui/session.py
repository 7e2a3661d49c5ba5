"""The open report: one `Report`, its store, one undo stack, autosave.

Every edit is a `QUndoCommand` (see `commands.py`) pushed on `undo_stack`;
the command changes the report and calls `touched()`, which tells the views
(`changed`) and schedules a save. Saving is `store.save(report)`, the same
call the command line uses, at most `AUTOSAVE_MS` after the first unsaved
edit (the timer is not restarted by later edits, so continuous typing is
still saved every half second), and on close.

A save writes only over the version the session read (`expected_version`).
When another program saved the report meanwhile (`load --replace`, an
import), the session takes the stored version, makes the user's unsaved
edits again on it where they do not clash (`core.merge.reapply`), and
tells the window (`reloaded`); when it deleted the report, the session
stops (`reloaded` with `deleted`). Nothing another program saved is overwritten.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from cwgdraft.core.errors import BadInput, NotFound, StoreConflict
from cwgdraft.core.merge import reapply
from cwgdraft.core.model import Report

AUTOSAVE_MS = 500
# A save refused because the report changed meanwhile is tried again on the new
# version at most this many times (another program saving over and over).
CONFLICT_RETRIES = 3


@dataclass
class Reloaded:
    """What happened when the stored report had changed under the session."""

    deleted: bool = False  # the report is no longer in the store: the session stopped
    applied: list[str] = field(default_factory=list)  # the user's edits made again on the stored version
    clashes: list[str] = field(default_factory=list)  # edits not made: the other program changed the same thing

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


_PATH_PART = r"([a-z_]+)(?:\[(\d+)\])?"  # compiled (and kept by `re`) when first used


def target_of_path(report: Report, path: str) -> tuple[Target, str | None]:
    """A field path of `checks.missing_fields` (`meetings[0].start`,
    `sections[2].paragraphs[3]`, `signature.name`, `report.symbol`) as a target and attribute."""
    parts = path.split(".")
    head = re.fullmatch(_PATH_PART, parts[0])
    if head is None:
        return ("report",), None
    name, index = head.group(1), head.group(2)
    rest = parts[1:]
    if name == "report":
        if rest and rest[0] in ("group",):
            return ("group",), (rest[1] if len(rest) > 1 else None)
        if rest and rest[0] == "signature":
            return ("signature",), (rest[1] if len(rest) > 1 else None)
        return ("report",), (re.fullmatch(_PATH_PART, rest[0]).group(1) if rest else None)  # type: ignore[union-attr]
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
            sub = re.fullmatch(_PATH_PART, rest[0])
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
    save_failed = Signal(object)  # the exception: the window says it (`errors.describe`)
    reloaded = Signal(object)  # a `Reloaded`: the stored report had changed under the session

    def __init__(self, store: Any, report: Report, parent: QObject | None = None, version: int | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.report = report
        # The stored version this session's report is based on (None: unknown, the
        # first save writes whatever is stored), and that report as it was then.
        self.version = version
        self.base = copy.deepcopy(report)
        self.stopped = False
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
        if not self.dirty or self.stopped:
            return True
        for _attempt in range(CONFLICT_RETRIES):
            try:
                self.version = self.store.save(self.report, expected_version=self.version)
            except StoreConflict:
                if not self._take_stored_version():
                    return False
                if not self.dirty:
                    return True
                continue
            except Exception as exc:  # the store names the cause; the user sees it
                self.save_failed.emit(exc)
                return False
            self.base = copy.deepcopy(self.report)
            self.dirty = False
            self.saved.emit()
            return True
        return False

    def _take_stored_version(self) -> bool:
        """The stored report changed since it was read: take it, make the unsaved edits
        again on it where they do not clash, and say so. False if there is nothing to save."""
        self.undo_stack.clear()  # its commands hold values of the version replaced
        try:
            theirs, version = self.store.get_with_version(self.report.id)
        except NotFound:
            self.stopped = True
            self.dirty = False
            self.reloaded.emit(Reloaded(deleted=True))
            return False
        except Exception as exc:
            self.save_failed.emit(exc)
            return False
        merged = copy.deepcopy(theirs)
        result = reapply(self.base, self.report, merged)
        applied, clashes = result.applied, result.clashes
        if applied:
            from cwgdraft.core.portable import check_links

            try:
                check_links(merged, f"report {merged.id}")
            except BadInput:  # the edits do not fit the new version: keep it as stored
                merged = copy.deepcopy(theirs)
                applied, clashes = [], applied + clashes
        self.report, self.version, self.base = merged, version, theirs
        self.dirty = bool(applied)
        self.reloaded.emit(Reloaded(applied=applied, clashes=clashes))
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
        self.stopped = True
