"""One writer per data folder (lock file), and the network / cloud folder warning."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from walkapp.cli import main
from walkapp.config import resolve_settings
from walkapp.errors import AlreadyRunningError
from walkapp.storage.location import location_warning, network_filesystem, synced_folder_name
from walkapp.storage.lock import LOCK_FILENAME, DataFolderLock

HOLDER = """
import sys, time
from pathlib import Path
from walkapp.storage.lock import DataFolderLock
lock = DataFolderLock(Path(sys.argv[1]), "the walkapp desktop app").acquire()
print("HELD", flush=True)
time.sleep(120)
"""


def test_a_second_holder_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    first = DataFolderLock(tmp_path, "the walkapp desktop app").acquire()
    with pytest.raises(AlreadyRunningError) as caught:
        DataFolderLock(tmp_path, "walkapp restore").acquire()
    message = caught.value.message
    assert "already using the data folder" in message and "the walkapp desktop app" in message
    assert f"process {os.getpid()}" in message and "close the other walkapp" in message
    first.release()
    with DataFolderLock(tmp_path, "walkapp restore") as again:
        assert again.held
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / LOCK_FILENAME).stat().st_mode) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "HELD"
        with pytest.raises(AlreadyRunningError, match=f"process {holder.pid}"):
            DataFolderLock(tmp_path).acquire()
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(10)
        if holder.stdout is not None:
            holder.stdout.close()
    # The file is still there (with the dead holder's details) but the lock went with it:
    # taken at once (the lock never waits), and the next one is told about us, not the dead.
    assert (tmp_path / LOCK_FILENAME).exists()
    with DataFolderLock(tmp_path, "walkapp restore") as lock:
        assert lock.held
        with pytest.raises(AlreadyRunningError, match=f"process {os.getpid()}") as caught:
            DataFolderLock(tmp_path).acquire()
        assert f"process {holder.pid}" not in caught.value.message
        assert "walkapp restore" in caught.value.message


@pytest.mark.parametrize("args", [["demo"], ["restore", "--yes"], ["purge", "--older-than",
                                                                   "3", "--yes"],
                                  ["retention", "6"]])
def test_commands_that_write_are_refused_while_the_app_runs(
        capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    settings = resolve_settings()
    with DataFolderLock(settings.data_dir, "the walkapp desktop app"):
        code = main(args)
    _, err = capsys.readouterr()
    assert code == 1 and "already using the data folder" in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_commands_that_read_work_while_the_app_runs(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    settings = resolve_settings()
    with DataFolderLock(settings.data_dir, "the walkapp desktop app"):
        for args in (["list"], ["show", "Learning"], ["check"], ["backup"], ["backups"],
                     ["retention"]):
            assert main(args) == 0, args
    capsys.readouterr()


# -- where the data folder lives -------------------------------------------------------------
MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
server:/export/home /home/teacher/school nfs4 rw,relatime 0 0
/dev/sdb1 /home/teacher/school/local\\040disk ext4 rw 0 0
//nas/share /mnt/nas cifs rw 0 0
me@host:/srv /mnt/remote fuse.sshfs rw 0 0
"""


@pytest.mark.parametrize(("folder", "kind"), [
    ("/home/teacher/school/walkapp", "nfs4"),
    ("/home/teacher/school", "nfs4"),
    ("/home/teacher/school/local disk/walkapp", None),  # a local disk mounted inside
    ("/home/teacher/schoolbag/walkapp", None),          # a prefix of a name is not a match
    ("/mnt/nas/walkapp", "cifs"),
    ("/mnt/remote/data", "fuse.sshfs"),
    ("/var/lib/walkapp", None),
])
def test_network_file_systems_are_recognised(folder: str, kind: str | None) -> None:
    assert network_filesystem(Path(folder), mounts_text=MOUNTS, platform="linux") == kind


@pytest.mark.parametrize(("folder", "name"), [
    ("/home/t/Dropbox/walkapp", "Dropbox"),
    ("/home/t/Dropbox (Personal)/walkapp", "Dropbox (Personal)"),
    ("C:/Users/t/OneDrive - Springfield Schools/walkapp", "OneDrive - Springfield Schools"),
    ("/Users/t/Library/Mobile Documents/com~apple~CloudDocs/walkapp", "Mobile Documents"),
    ("/Users/t/Google Drive/My Drive/walkapp", "Google Drive"),
    ("/home/t/Nextcloud/walkapp", "Nextcloud"),
    ("/home/t/dropboxes/walkapp", None),
    ("/home/t/.local/share/walkapp", None),
])
def test_cloud_synced_folders_are_recognised(folder: str, name: str | None) -> None:
    from pathlib import PurePosixPath

    assert synced_folder_name(PurePosixPath(folder)) == name


def test_the_warning_says_what_and_what_to_do(tmp_path: Path) -> None:
    text = location_warning(Path("/home/teacher/school/walkapp"), mounts_text=MOUNTS,
                            platform="linux")
    assert text is not None and "network drive (nfs4)" in text and "--data-dir" in text
    text = location_warning(Path("/home/t/Dropbox/walkapp"), mounts_text="", platform="linux")
    assert text is not None and "cloud-synced" in text and "Dropbox" in text
    assert location_warning(Path("//school-nas/staff/walkapp"), platform="win32") is not None
    assert location_warning(tmp_path / "data", mounts_text=MOUNTS, platform="linux") is None
    # The real machine's test folder is local.
    assert location_warning(tmp_path) is None
