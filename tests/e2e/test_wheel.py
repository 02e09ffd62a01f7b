"""The built wheel installs into a clean environment and runs from outside the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "-w", str(out), str(ROOT)],
                   check=True, timeout=300, cwd=build,
                   env={**os.environ, "PIP_NO_INPUT": "1"})
    wheels = list(out.glob("walkapp-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


def test_wheel_holds_only_the_walkapp_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names}
    assert {t for t in top if not t.endswith(".dist-info")} == {"walkapp"}
    for needed in ("walkapp/ui/app.py", "walkapp/ui/main_window.py",
                   "walkapp/_protocols/__init__.py", "walkapp/_resources/__init__.py",
                   "walkapp/storage/migrations/env.py",
                   "walkapp/storage/migrations/versions/0001_initial_schema.py",
                   "walkapp/_protocols/learning-walk.toml", "walkapp/_protocols/README.md",
                   "walkapp/_protocols/learning-walk.es.toml",
                   "walkapp/_protocols/lang/en.toml", "walkapp/_protocols/lang/es.toml"):
        assert needed in names, needed


def test_wheel_runs_in_a_clean_venv_from_elsewhere(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run([str(python), "-c",
                              "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    # Dependencies come from the test environment (no download); walkapp itself only from
    # the wheel. A path added by .pth does not run that folder's own .pth files, so the
    # checkout's editable install stays invisible.
    deps = sysconfig.get_paths()["purelib"]
    Path(purelib, "deps-from-test-env.pth").write_text(deps + "\n")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", purelib, str(wheel)], check=True, timeout=300)
    # The console script is not made by --target; call the entry point the script would.
    where = tmp_path / "elsewhere"
    where.mkdir()
    env = {**os.environ, "WALKAPP_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": ""}

    def walkapp(*args: str) -> str:
        result = subprocess.run([str(python), "-m", "walkapp", *args], cwd=where, env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert walkapp("--version").startswith("walkapp ")
    walkapp("demo")
    walks = json.loads(walkapp("list", "--json"))
    assert walks[0]["note_count"] >= 40
    protocols = json.loads(walkapp("protocol", "list", "--json"))
    # Every built-in, installed, listed once (its Spanish file, <id>.es.toml, beside it).
    shipped = len([p for p in (ROOT / "protocols").glob("*.toml") if p.name.count(".") == 1])
    assert len(protocols["protocols"]) == shipped and protocols["problems"] == []
    probe = subprocess.run(
        [str(python), "-c",
         "import walkapp, walkapp.ui.app; from walkapp.paths import data_dir;"
         "print(walkapp.__file__); print(data_dir('protocols')); print(data_dir('resources'))"],
        cwd=where, env=env, capture_output=True, text=True, timeout=120)
    assert probe.returncode == 0, probe.stderr
    lines = probe.stdout.split()
    assert all(line.startswith(purelib) for line in lines), lines
    assert str(ROOT) not in probe.stdout
