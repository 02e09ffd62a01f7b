"""Errors walkapp expects and can explain to a person in one sentence.

Anything that is *not* a WalkappError is a bug: the CLI prints a short crash message and the
desktop app shows a crash dialog with details. A WalkappError's message is written for the
user: what happened, and what to do about it.
"""

from __future__ import annotations

from walkapp.messages import tr


class WalkappError(Exception):
    """An expected failure with a message fit to show a user."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotFoundError(WalkappError):
    """The walk, note or person asked for does not exist."""


class WalkInTrashError(NotFoundError):
    """The walk was deleted and waits in the Trash: hidden from everything until restored."""

    def __init__(self, walk_id: str, title: str) -> None:
        super().__init__(
            tr("The walk “{title}” is in the Trash. Restore it first: Trash, below the list of "
               "walks in the app, or `walkapp trash restore {id}`.").format(
                title=title, id=walk_id[:8]))
        self.walk_id = walk_id
        self.title = title


class AmbiguousError(WalkappError):
    """A short name matched more than one thing."""


class ValidationError(WalkappError):
    """Input that cannot be stored as given (empty title, bad date, over a limit…)."""


class UsageError(ValidationError):
    """The command line itself cannot be used as given (text that is not UTF-8, a database
    URL walkapp cannot use): exit status 2, like the argument parser's own errors."""

    exit_code = 2


class WalkClosedError(ValidationError):
    """A write to a closed walk's record that nobody chose to make ("Edit anyway")."""


class EditConflictError(WalkappError):
    """The thing being saved was changed elsewhere (e.g. by an imported notes file) since
    the editor read it; saving would overwrite that change."""


class StorageError(WalkappError):
    """The database could not be read or written; nothing was changed."""


class DatabaseLockedError(StorageError):
    """Another program holds the database."""


class ReadOnlyError(StorageError):
    """The database or its folder cannot be written."""


class DatabaseMissingError(StorageError):
    """The database file was deleted, moved or replaced while walkapp had it open."""


class AlreadyRunningError(StorageError):
    """Another walkapp (the app, or a command that writes) is using the same data folder."""


class DiskFullError(StorageError):
    """The disk is full."""


class CorruptDatabaseError(StorageError):
    """The database file is damaged or is not a walkapp database."""


class NewerDatabaseError(StorageError):
    """The database was written by a newer walkapp."""
