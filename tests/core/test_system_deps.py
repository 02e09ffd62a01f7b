"""The set-up script that finds (and as root installs) the system libraries Qt needs.

It must look for library files, not package names (a name that is virtual on a newer
release would count as missing on every run), and its advice to a non-root user must work
on a fresh Debian, which has no sudo.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "system-deps.sh"

TEST_LIBS = ["libGL.so.1", "libEGL.so.1", "libfontconfig.so.1", "libglib-2.0.so.0",
             "libdbus-1.so.3", "libxkbcommon.so.0"]
RUN_LIBS = ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-image.so.0",
            "libxcb-keysyms.so.1", "libxcb-render-util.so.0", "libxcb-shape.so.0",
            "libxkbcommon-x11.so.0"]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script")


def _fake_bin(folder: Path, uid: int) -> Path:
    """`id` that reports `uid`; `dpkg-query` and `apt-get` that leave a trace if called."""
    folder.mkdir()
    scripts = {
        "id": f"#!/bin/sh\necho {uid}\n",
        "dpkg-query": f"#!/bin/sh\necho called >> {folder / 'dpkg-query.called'}\nexit 1\n",
        "apt-get": f"#!/bin/sh\necho \"$@\" >> {folder / 'apt-get.called'}\nexit 0\n",
    }
    for name, text in scripts.items():
        path = folder / name
        path.write_text(text)
        path.chmod(0o755)
    return folder


# The fonts reports fall back on (walkapp/reports/glyphs.py CHAIN) and the one Qt needs.
FONTS = ["DejaVuSans.ttf", "NotoSansHebrew-Regular.ttf", "NotoSansArabic-Regular.ttf",
         "NotoSansDevanagari-Regular.ttf", "DroidSansFallbackFull.ttf", "NanumGothic.ttf",
         "Symbola_hint.ttf"]


def _run(tmp_path: Path, what: str, present: list[str], uid: int = 1000,
         fonts: list[str] = FONTS) -> subprocess.CompletedProcess[str]:
    libdir = tmp_path / "lib"
    libdir.mkdir(exist_ok=True)
    for name in present:
        (libdir / name).write_bytes(b"")
    fontdir = tmp_path / "fonts"
    fontdir.mkdir(exist_ok=True)
    for name in fonts:
        (fontdir / name).write_bytes(b"")
    fake = _fake_bin(tmp_path / "bin", uid)
    env = dict(os.environ, PATH=f"{fake}:{os.environ['PATH']}", WALKAPP_LIBDIRS=str(libdir),
               WALKAPP_FONTDIRS=str(fontdir), WALKAPP_SKIP_LDCONFIG="1", PYTHON=sys.executable)
    return subprocess.run(["sh", str(SCRIPT), what], env=env, capture_output=True,
                          text=True, timeout=60, check=False)


def test_all_libraries_present_means_nothing_to_do(tmp_path: Path) -> None:
    result = _run(tmp_path, "run", TEST_LIBS + RUN_LIBS)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    # Package names are never asked for: they may be virtual on newer releases.
    assert not (tmp_path / "bin" / "dpkg-query.called").exists()
    assert not (tmp_path / "bin" / "apt-get.called").exists()


def test_non_root_gets_a_command_that_works_without_sudo(tmp_path: Path) -> None:
    result = _run(tmp_path, "test", [lib for lib in TEST_LIBS if lib != "libGL.so.1"])
    assert result.returncode == 1
    assert "libgl1" in result.stderr and "libGL.so.1" in result.stderr
    assert "libegl1" not in result.stderr  # only what is missing
    assert "sudo" not in result.stderr
    assert "as root" in result.stderr
    assert "apt-get update && apt-get install -y --no-install-recommends libgl1" \
        in result.stderr
    assert not (tmp_path / "bin" / "apt-get.called").exists()


def test_root_installs_only_what_is_missing(tmp_path: Path) -> None:
    result = _run(tmp_path, "run", TEST_LIBS + RUN_LIBS[1:], uid=0)
    assert result.returncode == 0, result.stderr
    calls = (tmp_path / "bin" / "apt-get.called").read_text()
    assert "install -y --no-install-recommends libxcb-cursor0" in calls
    assert "libgl1" not in calls


def test_the_window_libraries_are_only_needed_to_run(tmp_path: Path) -> None:
    assert _run(tmp_path, "test", TEST_LIBS).returncode == 0


def test_missing_script_fonts_are_installed_once_per_package(tmp_path: Path) -> None:
    result = _run(tmp_path, "test", TEST_LIBS, fonts=["DejaVuSans.ttf", "NanumGothic.ttf"])
    assert result.returncode == 1
    command = next(line for line in result.stderr.splitlines() if "apt-get install" in line)
    packages = command.split("--no-install-recommends")[1].split()
    assert packages == ["fonts-noto-core", "fonts-droid-fallback", "fonts-symbola"]
