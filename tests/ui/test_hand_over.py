"""A walk kit double-clicked while walkapp is open on the same data folder goes to that
walkapp, which opens its walk (a second walkapp may not start there). The second process
is a real one: the hand-over is a local socket between the two."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from walkapp.bundles import BundleService
from walkapp.config import resolve_settings
from walkapp.services import Services, open_services
from walkapp.ui.hand_over import FileReceiver, hand_over, parse_message, server_name
from walkapp.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def second_walkapp(data_dir: Path, files: list[str]) -> subprocess.Popen[str]:
    """Another process handing `files` over, as `walkapp --data-dir D FILE` does."""
    code = ("import sys\n"
            "from PySide6.QtCore import QCoreApplication\n"
            "from walkapp.ui.hand_over import hand_over\n"
            "app = QCoreApplication([])\n"
            f"print(hand_over({str(data_dir)!r}, {files!r}, timeout_ms=20000))\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_only_walk_kits_and_notes_files_by_full_path_are_taken() -> None:
    good = {"files": ["/home/w/Spring.walkkit", "/home/w/a.WALKNOTES"]}
    assert parse_message(json.dumps(good).encode() + b"\n") == good["files"]
    for junk in (b"", b"\xff\xfe", b"[]", b'{"files": "x.walkkit"}',
                 json.dumps({"files": ["relative.walkkit", "/etc/passwd", 3,
                                       "/a\u0000.walkkit"]}).encode(),
                 b'{"files": ["/a.walkkit"' + b" " * 70_000 + b"]}"):
        assert parse_message(junk) == [], junk[:40]


def test_each_data_folder_has_its_own_name(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "x" / ".." / "a")
    assert str(tmp_path) not in server_name(tmp_path / "a")


def test_with_no_walkapp_open_nothing_is_handed_over(qtbot, tmp_path: Path) -> None:
    assert not hand_over(tmp_path / "nobody", [str(tmp_path / "k.walkkit")], timeout_ms=500)


def test_the_open_walkapp_receives_the_files(qtbot, tmp_path: Path) -> None:
    receiver = FileReceiver()
    assert receiver.listen(tmp_path / "data")
    kit = str(tmp_path / "Spring walk.walkkit")
    with qtbot.waitSignal(receiver.files_received, timeout=30_000) as signal:
        process = second_walkapp(tmp_path / "data", [kit])
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
    out, err = process.communicate()
    assert signal.args == [[kit]]
    assert out.strip() == "True", err
    receiver.close()


def test_a_kit_handed_over_opens_its_walk_in_the_open_window(
        qtbot, services: Services, tmp_path: Path) -> None:
    from walkapp.ui import app

    walk = make_walk(services, "Spring walk", walkers=2)
    kit = BundleService(services.db, services.bus).write_kit(
        walk.id, tmp_path / "spring.walkkit", walk.walkers[0].id)
    settings = resolve_settings(tmp_path / "walker-laptop")
    laptop = open_services(settings)
    try:
        window = MainWindow(laptop, QSettings(str(tmp_path / "w.ini"),
                                              QSettings.Format.IniFormat), ScriptedAsker())
        qtbot.addWidget(window)
        window.show()
        receiving = app._receive_files(window, settings)
        qtbot.waitUntil(lambda: receiving.receiver is not None, timeout=10_000)
        process = second_walkapp(settings.data_dir, [str(kit)])
        qtbot.waitUntil(lambda: window.workspace is not None
                        and window.workspace.walk_id == walk.id, timeout=30_000)
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
        assert process.communicate()[0].strip() == "True"
        assert window.walker_mode
        receiving.close()
        window.close()
    finally:
        laptop.close()
