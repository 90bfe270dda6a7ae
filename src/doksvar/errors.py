"""The one error family: messages meant for people, shown without a traceback."""

from __future__ import annotations


class DoksvarError(Exception):
    """Base of every error doksvar reports to its user."""


class IngestError(DoksvarError):
    """A file could not be read as a report."""


class StoreError(DoksvarError):
    """The index is missing, unreadable or of another version."""
