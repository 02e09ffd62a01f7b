"""For tests of files walkapp writes: modes under an open umask, and a file outside the data
folder that a planted link points at (which must keep its bytes and its mode).

`open_umask` is an autouse fixture: a test module that imports it runs every test under
`umask 000`, the worst case a user's shell can set.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

PRECIOUS = b"someone else's file\n"


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


class Outside:
    """A file outside the data folder that a planted link points at."""

    def __init__(self, folder: Path, name: str = "precious.txt") -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / name
        self.path.write_bytes(PRECIOUS)
        os.chmod(self.path, 0o644)

    def link(self, at: Path) -> Path:
        at.parent.mkdir(parents=True, exist_ok=True)
        at.symlink_to(self.path)
        return at

    def unchanged(self) -> bool:
        return self.path.read_bytes() == PRECIOUS and mode(self.path) == 0o644
