"""The Makefile parses: `make -n` (print the commands, run nothing) of each target README
and .ci/run use. A broken line (a comment's continuation without its `#`) stops every
`make` with "missing separator", which the suite, run by pytest directly, would not see."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize("target", ["run", "test", "lint", "screenshots", "bench"])
def test_make_reads_the_makefile(target: str) -> None:
    done = subprocess.run(["make", "-n", "-C", str(ROOT), target], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "missing separator" not in done.stderr
