"""Saving a report: atomic (all or nothing), with a clear message when it cannot be done."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from walkapp.errors import DiskFullError, ReadOnlyError, StorageError, ValidationError
from walkapp.reports.output import write_pdf


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder of its own (tmp_path also holds the test's home and data)."""
    out = tmp_path / "out"
    out.mkdir()
    return out


def test_writes_and_replaces(folder: Path) -> None:
    target = folder / "r.pdf"
    assert write_pdf(target, b"%PDF-one") == target
    write_pdf(target, b"%PDF-two")
    assert target.read_bytes() == b"%PDF-two"
    assert [p.name for p in folder.iterdir()] == ["r.pdf"]  # no temp files left


@pytest.mark.parametrize(("code", "error", "words"), [
    (errno.ENOSPC, DiskFullError, "disk is full"),
    (errno.EACCES, ReadOnlyError, "may not write"),
    (errno.EROFS, ReadOnlyError, "may not write"),
    (errno.EIO, StorageError, "could not be saved"),
])
def test_a_failed_write_keeps_the_old_file_and_leaves_no_debris(
        folder: Path, monkeypatch: pytest.MonkeyPatch, code: int,
        error: type[StorageError], words: str) -> None:
    target = folder / "r.pdf"
    target.write_bytes(b"%PDF-old")

    def broken_fsync(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(error) as caught:
        write_pdf(target, b"%PDF-new" * 1000)
    assert words in caught.value.message and str(target.parent) in caught.value.message
    assert target.read_bytes() == b"%PDF-old"
    assert [p.name for p in folder.iterdir()] == ["r.pdf"]


def test_a_missing_folder_or_a_folder_as_target_is_explained(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="does not exist"):
        write_pdf(tmp_path / "nowhere" / "r.pdf", b"%PDF")
    with pytest.raises(ValidationError, match="is a folder"):
        write_pdf(tmp_path, b"%PDF")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs a user whom file permissions restrict")
def test_a_read_only_folder_is_explained(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ReadOnlyError):
            write_pdf(folder / "r.pdf", b"%PDF")
    finally:
        folder.chmod(0o700)
