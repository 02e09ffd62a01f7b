"""I/O failures: disk full, read-only, locked, deleted — a clear message, nothing half-written,
no false "Saved" (no change event), and the same draft saves once the problem is gone.

The tests run as root in CI, where chmod does not make anything read-only; the faults are
injected through SQLite itself (max_page_count, query_only, a real exclusive lock, a file
removed under a running Database). A last test uses a real tiny file system in a private
mount namespace when the machine allows it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from tests.helpers.one_walk import draft
from tests.helpers.private_mount import needs_private_mount, run_in_private_mount
from walkapp import domain as d
from walkapp.errors import (
    DatabaseLockedError,
    DatabaseMissingError,
    DiskFullError,
    ReadOnlyError,
    StorageError,
)
from walkapp.events import Change
from walkapp.services import Services
from walkapp.storage.types import new_id


def _on_connect(services: Services, sql: str) -> Any:
    """Run `sql` on every new connection (after walkapp's own pragmas). Connections are
    kept per thread, so the ones already open are closed first (and again on undo)."""
    def listener(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.execute(sql)

    def undo() -> None:
        event.remove(services.db.engine, "connect", listener)
        services.db.engine.dispose()

    event.listen(services.db.engine, "connect", listener)
    services.db.engine.dispose()
    return undo


def _stored(services: Services, note_id: str) -> tuple[int, str] | None:
    assert services.db.path is not None
    with sqlite3.connect(services.db.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        row = conn.execute("SELECT revision, text FROM notes WHERE id = ?",
                           (note_id,)).fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def test_disk_full_keeps_the_last_saved_text_and_the_draft(
        services: Services, walk: d.Walk, changes: list[Change]) -> None:
    note_id = new_id()
    services.notes.save_note(draft(walk, "Pairs talk", note_id))
    changes.clear()
    with services.db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    undo = _on_connect(services, f"PRAGMA max_page_count = {int(pages or 0) + 2}")
    big = draft(walk, "Pairs talk, then " + "counting aloud. " * 60_000, note_id)
    with pytest.raises(DiskFullError) as caught:
        services.notes.save_note(big)
    message = caught.value.message
    assert "disk is full" in message and " free on the disk" in message
    assert "Nothing was saved" in message
    assert changes == []                      # no "Saved" reached any view
    assert _stored(services, note_id) == (1, "Pairs talk")   # nothing half-written
    undo()
    saved = services.notes.save_note(big)     # the editor still had the text: retry works
    assert saved.revision == 2 and _stored(services, note_id) == (2, big.text)


def test_read_only_database_is_explained(services: Services, walk: d.Walk,
                                         changes: list[Change]) -> None:
    note_id = new_id()
    services.notes.save_note(draft(walk, "first", note_id))
    changes.clear()
    undo = _on_connect(services, "PRAGMA query_only = 1")
    with pytest.raises(ReadOnlyError, match="cannot be written"):
        services.notes.save_note(draft(walk, "first and second", note_id))
    assert changes == [] and _stored(services, note_id) == (1, "first")
    # Reading still works, so the screen can go on showing what is there.
    assert services.notes.get_note(note_id).text == "first"
    undo()
    assert services.notes.save_note(draft(walk, "first and second", note_id)).revision == 2


def test_database_locked_by_another_program(services: Services, walk: d.Walk,
                                            changes: list[Change]) -> None:
    assert services.db.path is not None
    _on_connect(services, "PRAGMA busy_timeout = 200")  # do not wait 5 s in a test
    other = sqlite3.connect(services.db.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    note_id = new_id()
    try:
        with pytest.raises(DatabaseLockedError, match="another program"):
            services.notes.save_note(draft(walk, "while locked", note_id))
        assert changes == []
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _stored(services, note_id) is None
    assert services.notes.save_note(draft(walk, "while locked", note_id)).revision == 1


def test_database_deleted_under_the_running_app(services: Services, walk: d.Walk,
                                                changes: list[Change]) -> None:
    path = services.db.path
    assert path is not None
    note_id = new_id()
    services.notes.save_note(draft(walk, "before", note_id))
    changes.clear()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(DatabaseMissingError) as caught:
        services.notes.save_note(draft(walk, "before and after", note_id))
    assert "deleted or moved" in caught.value.message
    assert "text you typed is still here" in caught.value.message
    assert changes == []
    # No empty database was quietly created in its place.
    assert not path.exists()
    with pytest.raises(DatabaseMissingError):
        services.walks.list_walks()


def test_database_replaced_under_the_running_app(services: Services, walk: d.Walk,
                                                 changes: list[Change], tmp_path: Path
                                                 ) -> None:
    path = services.db.path
    assert path is not None
    stranger = tmp_path / "other.sqlite3"
    with sqlite3.connect(stranger) as conn:
        conn.execute("CREATE TABLE t (x)")
    os.replace(stranger, path)
    with pytest.raises(StorageError):
        services.notes.save_note(draft(walk, "into which file?", new_id()))
    assert changes == []


# -- a real small file system ---------------------------------------------------------------
NAMESPACE_SCRIPT = r"""
import json, os, sqlite3, subprocess, sys
from pathlib import Path
root = Path(sys.argv[1])
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(root)], check=True)
from walkapp.config import resolve_settings
from walkapp.errors import WalkappError
from walkapp.services import NoteDraft, open_services
from tests.helpers.builders import make_walk
out = {}
ballast = root / "ballast"
ballast.write_bytes(b"b" * 600_000)
services = open_services(resolve_settings(root / "data"))
walk = make_walk(services, walkers=1, visits=1)
saved, failed = [], None
for i in range(100):
    draft = NoteDraft(walk_id=walk.id, author_id=None, text=f"{i} " + "x" * 100_000,
                      id=f"note-{i}")
    try:
        saved.append(services.notes.save_note(draft).id)
    except WalkappError as error:
        out["full"] = [type(error).__name__, error.message]
        failed = draft
        break
out["saved"] = len(saved)
conn = sqlite3.connect(root / "data" / "walkapp.sqlite3")
out["integrity_after_full"] = conn.execute("PRAGMA integrity_check").fetchone()[0]
out["rows_after_full"] = conn.execute("SELECT count(*) FROM notes").fetchone()[0]
conn.close()
# Space is freed (another file removed): the same draft, still in the editor, now saves.
ballast.unlink()
out["retry"] = services.notes.save_note(failed).text == failed.text
# Then the whole file system becomes read-only. `mount -o remount,ro` refuses while a
# file is open for writing, and the app keeps its thread's connection open: close it, as
# the kernel's own remount after an error would not wait for.
services.db.engine.dispose()
subprocess.run(["mount", "-o", "remount,ro", str(root)], check=True)
try:
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=None, text="on ro"))
except WalkappError as error:
    out["ro_save"] = [type(error).__name__, error.message]
services.close()
cli = subprocess.run([sys.executable, "-m", "walkapp", "--data-dir", str(root / "fresh"),
                      "demo"], capture_output=True, text=True)
out["ro_cli"] = [cli.returncode, cli.stderr]
print("RESULT " + json.dumps(out))
"""


@needs_private_mount
def test_a_real_full_and_then_read_only_file_system(tmp_path: Path) -> None:
    root = tmp_path / "small"
    root.mkdir()
    out = run_in_private_mount(NAMESPACE_SCRIPT, root)
    assert out["full"][0] == "DiskFullError" and "disk is full" in out["full"][1]
    assert out["saved"] >= 1
    assert out["integrity_after_full"] == "ok" and out["rows_after_full"] == out["saved"]
    assert out["retry"] is True
    assert out["ro_save"][0] == "ReadOnlyError"
    code, stderr = out["ro_cli"]
    assert code == 1 and "read-only" in stderr and "Traceback" not in stderr
    assert stderr.count("\n") == 1
