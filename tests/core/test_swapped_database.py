"""A database file moved, deleted or replaced while walkapp runs is noticed *before* a write.

Each transaction opens a fresh connection by path, so after `mv other.db walkapp.sqlite3`
the next save would land in the other file, and a save in flight would land in the file
that was moved away. walkapp checks the file's identity when it connects and again just
before each commit: the write is refused, nothing is committed in either file, reads do not
silently show the other file, and the text is kept for the user. Every case uses real files
and a real `os.replace`/`os.rename`, and checks both files' contents afterwards.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.helpers.builders import make_walk
from tests.helpers.one_walk import draft
from walkapp import domain as d
from walkapp.config import resolve_settings
from walkapp.errors import DatabaseMissingError
from walkapp.events import Change
from walkapp.services import Services, open_services
from walkapp.storage import models as m
from walkapp.storage.snapshot import copy_database
from walkapp.storage.types import new_id


def _texts(path: Path) -> set[str]:
    """Every note text in the walkapp database at `path` (read without walkapp)."""
    with sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True) as conn:
        return {str(row[0]) for row in conn.execute("SELECT text FROM notes")}


def _path(services: Services) -> Path:
    assert services.db.path is not None
    return services.db.path


def _move_with_side_files(source: Path, target: Path) -> None:
    for suffix in ("-wal", "-shm"):
        side = Path(f"{source}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{target}{suffix}"))
    os.replace(source, target)


def test_a_walkapp_copy_swapped_in_between_saves_receives_nothing(
        services: Services, walk: d.Walk, changes: list[Change], tmp_path: Path) -> None:
    """The worst case: the stranger is itself a good walkapp database (an old copy)."""
    path = _path(services)
    services.notes.save_note(draft(walk, "before the swap"))
    copy = copy_database(path, tmp_path / "copy.sqlite3")
    away = tmp_path / "away.sqlite3"
    _move_with_side_files(path, away)          # mv walkapp.sqlite3 away.sqlite3
    os.replace(copy, path)                     # mv copy.sqlite3 walkapp.sqlite3
    changes.clear()
    with pytest.raises(DatabaseMissingError) as caught:
        services.notes.save_note(draft(walk, "after the swap"))
    assert "replaced" in caught.value.message and "still here" in caught.value.message
    assert changes == []
    assert _texts(path) == {"before the swap"}     # the swapped-in file: untouched
    assert _texts(away) == {"before the swap"}     # the real one, moved away: untouched


def test_reads_after_a_swap_do_not_show_the_other_file(services: Services, walk: d.Walk,
                                                       tmp_path: Path) -> None:
    path = _path(services)
    stranger = open_services(resolve_settings(tmp_path / "other"))
    make_walk(stranger, "Somebody else's walk", walkers=1, visits=1)
    assert stranger.db.path is not None
    other = stranger.db.path
    stranger.close()
    os.replace(other, path)
    with pytest.raises(DatabaseMissingError):
        services.walks.list_walks()
    with pytest.raises(DatabaseMissingError):
        services.notes.get_note(new_id())


def test_a_swap_during_a_transaction_commits_in_neither_file(
        services: Services, walk: d.Walk, tmp_path: Path) -> None:
    """The connection was opened on the real file; it is swapped before the commit."""
    path = _path(services)
    services.notes.save_note(draft(walk, "kept"))
    copy = copy_database(path, tmp_path / "copy.sqlite3")
    away = tmp_path / "away.sqlite3"
    with pytest.raises(DatabaseMissingError), services.db.transaction("saving") as session:
        row = session.scalars(select(m.Note)).one()
        row.text = "changed in flight"
        session.flush()                         # written into the open file, not committed
        _move_with_side_files(path, away)
        os.replace(copy, path)
    assert _texts(path) == {"kept"}
    assert _texts(away) == {"kept"}


def test_moved_away_with_nothing_in_its_place(services: Services, walk: d.Walk,
                                              tmp_path: Path) -> None:
    path = _path(services)
    services.notes.save_note(draft(walk, "kept"))
    away = tmp_path / "away.sqlite3"
    _move_with_side_files(path, away)
    with pytest.raises(DatabaseMissingError) as caught:
        services.notes.save_note(draft(walk, "lost?"))
    assert "deleted or moved" in caught.value.message
    assert "read-only" not in caught.value.message
    assert not path.exists()                    # no empty database was made in its place
    assert _texts(away) == {"kept"}
    # Put back where it was (same file): walkapp carries on with it.
    _move_with_side_files(away, path)
    services.notes.save_note(draft(walk, "after it came back"))
    assert _texts(path) == {"kept", "after it came back"}


def test_moved_away_during_a_transaction_commits_nowhere(services: Services, walk: d.Walk,
                                                         tmp_path: Path) -> None:
    path = _path(services)
    services.notes.save_note(draft(walk, "kept"))
    away = tmp_path / "away.sqlite3"
    with pytest.raises(DatabaseMissingError), services.db.transaction("saving") as session:
        session.scalars(select(m.Note)).one().text = "changed in flight"
        session.flush()
        _move_with_side_files(path, away)
    assert not path.exists()
    assert _texts(away) == {"kept"}


def test_deleted_under_the_running_app(services: Services, walk: d.Walk,
                                       changes: list[Change]) -> None:
    path = _path(services)
    services.notes.save_note(draft(walk, "before"))
    changes.clear()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(DatabaseMissingError) as caught:
        services.notes.save_note(draft(walk, "before and after"))
    assert "deleted or moved" in caught.value.message
    assert "read-only" not in caught.value.message
    assert "text you typed is still here" in caught.value.message
    assert changes == [] and not path.exists()
    with pytest.raises(DatabaseMissingError):
        services.walks.list_walks()
