"""The command line in Spanish (issue 19, item 2): help, messages and errors follow the
system locale (LANG=es_ES.UTF-8), and `walkapp demo --lang es` makes the Spanish sample
walk whatever the app's language."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import gettext_catalogue as gc
from walkapp import formatting as fmt
from walkapp.cli import main


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "walkapp", *args], capture_output=True,
                          text=True, timeout=120, env={**os.environ, **env}, cwd=gc.ROOT)


@pytest.fixture
def spanish_env(tmp_path: Path) -> dict[str, str]:
    environment = {"WALKAPP_TRANSLATIONS_DIR": str(gc.build_mo(tmp_path / "mo")),
                   "WALKAPP_DATA_DIR": str(tmp_path / "data"), "LANG": "es_ES.UTF-8"}
    for variable in ("LC_ALL", "LC_MESSAGES"):
        environment[variable] = ""
    return environment


def test_help_messages_and_errors_follow_a_spanish_locale(spanish_env: dict[str, str]
                                                          ) -> None:
    shown = _run("report", "--help", env=spanish_env)
    assert shown.returncode == 0, shown.stderr
    assert "Escribe un informe en PDF" in shown.stdout
    assert "dónde escribir el PDF" in shown.stdout
    made = _run("demo", env=spanish_env)  # the app's language is Spanish: so is the sample
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("Se creó el recorrido de ejemplo «Recorrido de aprendizaje")
    listed = _run("list", env=spanish_env)
    assert listed.stdout.split()[:3] == ["FECHA", "ESTADO", "PARTICIPANTES"]
    missing = _run("show", "nada-de-esto", env=spanish_env)
    assert missing.returncode != 0
    assert "Ningún recorrido coincide con 'nada-de-esto'" in missing.stderr


def test_an_english_locale_keeps_english(spanish_env: dict[str, str]) -> None:
    made = _run("demo", env={**spanish_env, "LANG": "en_GB.UTF-8"})
    assert made.stdout.startswith("Created the sample walk “Learning walk — student talk”")


def test_demo_lang_es_makes_a_spanish_walk_from_an_english_app(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert fmt.language_code() == "en"
    assert main(["--data-dir", str(tmp_path / "d"), "demo", "--lang", "es", "--json"]) == 0
    out = capsys.readouterr().out
    assert "Recorrido de aprendizaje — la conversación del alumnado" in out
    assert main(["--data-dir", str(tmp_path / "d"), "show", "Recorrido", "--json"]) == 0
    shown = capsys.readouterr().out
    assert '"language": "es"' in shown
    assert "Colegio Ribera (ejemplo)" in shown
