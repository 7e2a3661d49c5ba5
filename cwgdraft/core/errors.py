"""Errors that carry a message for the user: what is wrong, and where."""

from __future__ import annotations


class CwgError(Exception):
    """Base class: the message is one line that says what and where."""

    exit_code = 1


class BadInput(CwgError):
    """The user gave something that cannot be used (exit 2)."""

    exit_code = 2


class NotFound(BadInput):
    """No report, file or item by that name."""


class FormatError(BadInput):
    """A portable report file that does not fit its schema."""


class StoreError(BadInput):
    """A file that is not a cwgdraft store, is corrupt, or is too new."""


class StoreBusy(CwgError):
    """The store is locked by another program for longer than we wait (exit 1: try again)."""


class TemplateError(BadInput):
    """A template folder, manifest or reference document that cannot be used."""


class StoreConflict(CwgError):
    """The stored report changed (or was deleted) since the caller read it: nothing was written."""

    def __init__(self, message: str, report_id: str, stored_version: int | None) -> None:
        super().__init__(message)
        self.report_id = report_id
        self.stored_version = stored_version  # None: the report is no longer in the store


class ReportExists(BadInput):
    """A report meant to be new has an id that is already in the store."""
