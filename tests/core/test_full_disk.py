"""A really full disk, whatever SQLite calls it, is reported as a full disk with its free space.

On a full disk SQLite does not always say SQLITE_FULL: growing the -shm file of a WAL
database fails with SQLITE_IOERR_SHMSIZE ("disk I/O error"), which walkapp once reported as
"could not be opened or written … moved, deleted or locked by another program". This test
fills a real tiny file system (tmpfs in a private mount namespace, root only) to the last
byte and then checks the database as the app does at start, saves a note, makes a
backup, restores one and runs CLI commands on it.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers.one_walk import FREE
from tests.helpers.private_mount import needs_private_mount, run_in_private_mount

SCRIPT = r"""
import json, os, sqlite3, subprocess, sys
from pathlib import Path
root = Path(sys.argv[1])
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(root)], check=True)
from walkapp.config import resolve_settings
from walkapp.errors import WalkappError
from walkapp.services import NoteDraft, open_services
from walkapp.storage.backup import backup_now
from walkapp.storage.restore import restore
from walkapp.storage.startup import check_database
from tests.helpers.builders import make_walk

def attempt(action):
    try:
        action()
    except WalkappError as error:
        return [type(error).__name__, error.message]
    except Exception as error:            # a bug: shown as such in the assertion
        return [type(error).__name__, str(error)]
    return ["ok", ""]

def fill(path):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    for size in (65536, 4096, 512, 1):
        try:
            while True:
                os.write(fd, b"b" * size)
        except OSError:
            pass
    os.close(fd)

def cli(*args):
    done = subprocess.run([sys.executable, "-m", "walkapp", "--data-dir", str(root / "data"),
                           *args], capture_output=True, text=True)
    return [done.returncode, done.stderr]

out = {}
services = open_services(resolve_settings(root / "data"))
walk = make_walk(services, walkers=1, visits=1)
draft = NoteDraft(walk_id=walk.id, author_id=None, text="Pairs talk", id="note-1")
services.notes.save_note(draft)
good = backup_now(services.db, "manual")
services.close()
# No connection is open: the -shm index is rebuilt on the next open, which then has to
# grow it on the full disk (what SQLite reports as SQLITE_IOERR_SHMSIZE).
Path(f"{root / 'data' / 'walkapp.sqlite3'}-shm").unlink(missing_ok=True)
out["side_files"] = sorted(p.name for p in (root / "data").iterdir())
fill(root / "ballast")
report = check_database(resolve_settings(root / "data"))   # what the app does first
out["startup"] = [report.status.value, report.message]
# A -wal left behind (a crash): the check must read through the WAL, so SQLite has to
# make the -shm index, and cannot.
Path(f"{root / 'data' / 'walkapp.sqlite3'}-wal").touch()
report = check_database(resolve_settings(root / "data"))
out["startup_wal"] = [report.status.value, report.message]
Path(f"{root / 'data' / 'walkapp.sqlite3'}-wal").unlink()
out["cli_list"] = cli("list")
out["cli_backup"] = cli("backup")
(root / "ballast").unlink()
services = open_services(resolve_settings(root / "data"))
fill(root / "ballast")
again = NoteDraft(walk_id=walk.id, author_id=None, text="Pairs talk, counting " * 2000,
                  id="note-1")
out["save"] = attempt(lambda: services.notes.save_note(again))
out["backup"] = attempt(lambda: backup_now(services.db, "manual"))
(root / "ballast").unlink()
out["retry"] = services.notes.save_note(again).text == again.text
services.close()
conn = sqlite3.connect(root / "data" / "walkapp.sqlite3")
out["integrity"] = conn.execute("PRAGMA integrity_check").fetchone()[0]
conn.close()
# Last, as it may lose the database: a restore on a full disk must leave the healthy
# database exactly where it was.
fill(root / "ballast")
before = (root / "data" / "walkapp.sqlite3").read_bytes()
out["restore"] = attempt(lambda: restore(root / "data" / "walkapp.sqlite3", good,
                                         root / "data" / "backups"))
out["restore_kept"] = (root / "data" / "walkapp.sqlite3").exists() and (
    (root / "data" / "walkapp.sqlite3").read_bytes() == before)
out["restore_set_aside"] = sorted(p.name for p in (root / "data").glob("damaged-*"))
print("RESULT " + json.dumps(out))
"""


@needs_private_mount
def test_a_disk_full_to_the_last_byte_says_disk_full_everywhere(tmp_path: Path) -> None:
    root = tmp_path / "small"
    root.mkdir()
    out = run_in_private_mount(SCRIPT, root)
    for key in ("save", "backup", "restore"):
        kind, message = out[key]
        assert kind == "DiskFullError", (key, out[key])
        assert "disk is full" in message and FREE.search(message), (key, message)
    assert "text you typed is still here" in out["save"][1]
    assert out["restore_kept"] is True and out["restore_set_aside"] == []
    for key in ("cli_list", "cli_backup"):
        code, stderr = out[key]
        assert code == 1, (key, stderr)
        assert "disk is full" in stderr and FREE.search(stderr), (key, stderr)
        assert "Traceback" not in stderr and "internal error" not in stderr
        assert stderr.count("\n") == 1, stderr
    assert out["retry"] is True and out["integrity"] == "ok"
    # The check before the app opens the database: a full disk is not a damaged file
    # (which would offer to set the healthy file aside and start empty). With no -wal and
    # no -shm left, the check reads the file as it stands and needs no space: the file is
    # fine, and opening it (`walkapp list` above, the app's own open) says the disk is full.
    status, message = out["startup"]
    assert out["side_files"] == ["backups", "walkapp.sqlite3"], out["side_files"]
    assert status == "ok", out["startup"]
    status, message = out["startup_wal"]
    assert status == "unreadable" and "disk is full" in message, out["startup_wal"]
