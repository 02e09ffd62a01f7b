"""Run a script in a private mount namespace, where it may mount a real tiny file system.

Only root (or a user allowed to unshare) can do this; tests that need it are skipped
elsewhere. The script prints one line `RESULT <json>`; `run_in_private_mount` returns that
object, or fails the test with the script's stderr.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

_REPO = Path(__file__).resolve().parents[2]


def can_unshare() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "true"],
                               capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


needs_private_mount = pytest.mark.skipif(
    not can_unshare(), reason="needs a private mount namespace (root)")


def run_in_private_mount(script: str, root: Path) -> Any:
    """Run `script` (Python source, given `root` as sys.argv[1]) and return its RESULT."""
    env = {**os.environ, "PYTHONPATH": str(_REPO)}
    result = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", sys.executable, "-c", script,
         str(root)], capture_output=True, text=True, timeout=300, env=env)
    line = next((x for x in result.stdout.splitlines() if x.startswith("RESULT ")), None)
    assert line is not None, result.stderr[-3000:]
    return json.loads(line[len("RESULT "):])
