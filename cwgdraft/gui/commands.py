"""Undoable edits. Each command holds the value before and after, and finds
what it edits by id (`session.resolve`), so undo and redo restore the report
exactly, whatever happened to the widgets in between."""

from __future__ import annotations

import copy
import itertools
from typing import Any

from PySide6.QtGui import QUndoCommand

from cwgdraft.gui.session import Session, Target, resolve

_ids = itertools.count(1000)
_MERGE_IDS: dict[tuple[Target, str], int] = {}


def _merge_id(target: Target, attr: str) -> int:
    key = (target, attr)
    if key not in _MERGE_IDS:
        _MERGE_IDS[key] = next(_ids)
    return _MERGE_IDS[key]


class SetValue(QUndoCommand):
    """Set one attribute of one object. Typing in one field merges into one command.

    `shown`: the widget that made the edit shows the new value already (a table cell, a choice),
    so its first redo does not reload the page; reloading would replace that widget while it is
    still handing over the edit (a table's cell editor would be lost, and every later edit with it)."""

    def __init__(
        self, session: Session, target: Target, attr: str, value: Any, text: str, merge: bool = False,
        shown: bool = False,
    ) -> None:
        super().__init__(text)
        self.session = session
        self.target = target
        self.attr = attr
        self.before = copy.deepcopy(getattr(resolve(session.report, target), attr))
        self.after = copy.deepcopy(value)
        self.merge = merge
        self.shown = shown
        self._first = True

    def _set(self, value: Any) -> None:
        setattr(resolve(self.session.report, self.target), self.attr, copy.deepcopy(value))

    def redo(self) -> None:
        self._set(self.after)
        # The first redo comes from the widget the user is typing in: it must not be reloaded.
        self.session.touched(reload=not (self._first and (self.merge or self.shown)))
        self._first = False

    def undo(self) -> None:
        self._set(self.before)
        self.session.touched(reload=True)

    def id(self) -> int:
        return _merge_id(self.target, self.attr) if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValue) or not other.merge:
            return False
        if (other.target, other.attr) != (self.target, self.attr):
            return False
        self.after = other.after
        if self.after == self.before:
            self.setObsolete(True)
        return True


class SetList(SetValue):
    """Replace a list attribute (add, remove, reorder): items are kept by identity."""

    def __init__(self, session: Session, target: Target, attr: str, items: list[Any], text: str) -> None:
        QUndoCommand.__init__(self, text)
        self.session = session
        self.target = target
        self.attr = attr
        self.before = list(getattr(resolve(session.report, target), attr))
        self.after = list(items)
        self.merge = False
        self.shown = False
        self._first = False

    def _set(self, value: Any) -> None:
        setattr(resolve(self.session.report, self.target), self.attr, list(value))


class DecideProposal(QUndoCommand):
    """A reviewer's proposal accepted or rejected in the review pane. The report's
    change is an edit like any other (saved by the session); the proposal's status
    is set in the store, and set back to pending on undo."""

    def __init__(
        self, session: Session, proposal: Any, status: str, after: Any, text: str, on_change: Any = None
    ) -> None:
        super().__init__(text)
        self.session = session
        self.proposal_id = proposal.id
        self.status = status
        self.before = copy.deepcopy(session.report)
        self.after = copy.deepcopy(after) if after is not None else None  # None: the report is not changed
        self.on_change = on_change

    def _set_report(self, value: Any) -> None:
        import dataclasses

        report = self.session.report  # changed in place: the views hold this object
        for f in dataclasses.fields(report):
            setattr(report, f.name, copy.deepcopy(getattr(value, f.name)))

    def _done(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def redo(self) -> None:
        from cwgdraft.review import rounds

        if self.after is not None:
            self._set_report(self.after)
            self.session.touched(reload=True)
        rounds.decide(self.session.store, self.proposal_id, self.status)
        self._done()

    def undo(self) -> None:
        from cwgdraft.review import rounds

        if self.after is not None:
            self._set_report(self.before)
            self.session.touched(reload=True)
        rounds.set_pending(self.session.store, self.proposal_id)
        self._done()
