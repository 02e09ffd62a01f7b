"""The first window fits the screen it opens on, at every size issue 18 names and at 2×
scale, on a first start and when a size saved on a much bigger monitor is restored.

Each screen is Qt's offscreen platform configured to that screen (its own process: the
screen is fixed when Qt starts), running the real app (tests/helpers/window_fit_driver.py).
A screen at 2× is given as its pixels with a logical DPI of 192, as X11 and Windows give a
200 % screen: Qt then scales by 2 and the app sees 960×540 logical pixels for 1920×1080.
(The offscreen plugin's own "dpr" key would not do: its width and height are taken as
logical pixels already.) The driver prints what it finds; the assertions are here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
# (pixels wide, high, scale): the sizes of issue 18, and two screens at 2×.
SCREENS = [(1024, 640, 1), (1366, 768, 1), (1920, 1080, 1), (1920, 1080, 2), (2560, 1440, 2)]
# The largest minimum a window may have: 1920×1080 at 2×.
SMALLEST_SCREEN = (960, 540)


def _start(tmp_path: Path, width: int, height: int, scale: int) -> list[dict[str, Any]]:
    name = f"{width}x{height}@{scale}"
    config = tmp_path / f"{name}.json"
    config.write_text(json.dumps({"screens": [
        {"name": name, "x": 0, "y": 0, "width": width, "height": height,
         "logicalDpi": 96 * scale, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "tests.helpers.window_fit_driver",
                           str(tmp_path / f"data-{name}")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, f"{name}: the app exited {done.returncode}\n{done.stderr}"
    reports = [json.loads(line.removeprefix("fit ")) for line in done.stdout.splitlines()
               if line.startswith("fit ")]
    assert len(reports) == 2, f"{name}: {done.stdout}\n{done.stderr}"
    return reports


def _inside(inner: list[int], outer: list[int]) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


@pytest.fixture(scope="module")
def starts(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[int, int, int], Any]:
    tmp_path = tmp_path_factory.mktemp("screens")
    with ThreadPoolExecutor(max_workers=2) as pool:  # two cores, other tests beside
        found = pool.map(lambda screen: _start(tmp_path, *screen), SCREENS)
        return dict(zip(SCREENS, found, strict=True))


@pytest.mark.parametrize("screen", SCREENS, ids=[f"{w}x{h}@{s}x" for w, h, s in SCREENS])
def test_the_first_window_fits_the_screen(starts: dict[tuple[int, int, int], Any],
                                          screen: tuple[int, int, int]) -> None:
    width, height, scale = screen
    problems = []
    for report, when in zip(starts[screen], ("first start", "big size restored"),
                            strict=True):
        # Qt was given that screen (else the rest would prove nothing).
        assert report["available"] == [0, 0, width // scale, height // scale], report
        assert report["dpr"] == scale
        available = report["available"]
        if not _inside(report["frame"], available):
            problems.append(f"{when}: the frame {report['frame']} is not within the "
                            f"screen's available {available}")
        minimum = report["minimum"]
        if minimum[0] > SMALLEST_SCREEN[0] or minimum[1] > SMALLEST_SCREEN[1]:
            problems.append(f"{when}: the minimum size {minimum} does not fit 960×540")
        bar = report["status_bar"]
        if not bar["visible"] or bar["shown"] != bar["rect"]:
            problems.append(f"{when}: the status bar is cut off: {bar}")
        for button in report["buttons"]:
            if button["shown"] != button["rect"]:
                problems.append(f"{when}: the button {button['text']!r} is cut off: "
                                f"{button['rect']}, {button['shown']} shown")
        problems.extend(f"{when}: {cut}" for cut in report["cut"])
    first = starts[screen][0]
    # A first start takes a good share of a small screen, not a corner of it.
    if first["geometry"][2] < min(first["available"][2] * 0.75, 1200):
        problems.append(f"first start: only {first['geometry']} of {first['available']}")
    assert problems == []
