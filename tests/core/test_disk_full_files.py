"""Files written outside the database (reports, kits and notes files, protocols) say "disk
is full", with the space left, when the disk fills while they are written — like the
database does — and leave no half-written file behind.

ENOSPC (or EDQUOT, a full quota) often only shows when the data is flushed, so the fault is
injected into `os.fsync`, after the bytes were handed to the system.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.one_walk import FREE
from walkapp.bundles.archive import write_atomically
from walkapp.errors import DiskFullError
from walkapp.protocol.library import ProtocolLibrary
from walkapp.reports.output import write_pdf


def _full_disk(code: int) -> Callable[[int], None]:
    def fsync(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    return fsync


@pytest.mark.parametrize("code", [errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)])
@pytest.mark.parametrize("what", ["report", "kit", "protocol"])
def test_a_full_disk_while_writing_a_file_says_disk_full(
        what: str, code: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    library = ProtocolLibrary(tmp_path / "protocols")
    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", _full_disk(code))
        with pytest.raises(DiskFullError) as raised:
            if what == "report":
                write_pdf(out / "debrief.pdf", b"%PDF-1.4 " * 100)
            elif what == "kit":
                write_atomically(out / "amira.walkkit", b"PK" * 100)
            else:
                library.duplicate("learning-walk", "our-walk")
    message = raised.value.message
    assert "disk is full" in message and FREE.search(message), message
    assert "Nothing was saved" in message
    # Nothing half-written is left where the file was to go (temp files are removed too).
    assert list(out.iterdir()) == []
    protocols = tmp_path / "protocols"
    assert not protocols.exists() or not any(protocols.iterdir())
