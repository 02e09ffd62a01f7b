"""Issue 19's "done when": a whole walk under the pseudo-locale shows no text that did not
go through a catalogue (user data apart), and under Spanish no catalogue text is left in
English. The walk runs in a process of its own (tests.ui.i18n.walk_texts)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from tests.ui.i18n.walk_texts import offenders
from walkapp import i18n_build

ROOT = Path(__file__).resolve().parents[3]
SCREEN = ROOT / "tests" / "helpers" / "offscreen-1366x768.json"

# Text no catalogue holds, on purpose: the guide's pages are data, a file per language
# (resources/help/guide.<lang>.md), and the pseudo-locale has none of its own.
CORE_PENDING = re.compile("|".join([
    r"^Getting started$|walkapp helps a small group",
]))


def _walk(language: str, tmp_path: Path, folder: Path | None) -> dict[str, Any]:
    out = tmp_path / f"{language}.json"
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={SCREEN}",
               PYTHONPATH=str(ROOT))
    if folder is not None:
        env["WALKAPP_TRANSLATIONS_DIR"] = str(folder)
    done = subprocess.run([sys.executable, "-m", "tests.ui.i18n.walk_texts", "--lang",
                           language, str(out)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert len(result["texts"]) > 1000  # the whole walk was seen
    return result


def test_every_text_on_screen_comes_from_a_catalogue(tmp_path: Path) -> None:
    folder = i18n_build.build_pseudo(tmp_path / "qps")
    result = _walk("qps", tmp_path, folder)
    found = [(where, text, left) for where, text, left in offenders(result)
             if not CORE_PENDING.search(text)]
    assert not found, "text that no catalogue translated:\n" + "\n".join(
        f"  {where}: {text[:120]!r} ({left[:60]})" for where, text, left in found[:40])


def _sources() -> set[str]:
    root = ET.parse(i18n_build.source_folder() / "walkapp_es.ts").getroot()
    sources = set()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = "".join(translation.itertext()) if translation is not None else ""
        # Worth looking for: a word or more, which Spanish writes otherwise.
        if text != source and re.search(r"[A-Za-z]{3}", source) and "{" not in source:
            sources.add(source.replace("&", ""))
    return sources


def test_spanish_leaves_no_catalogue_text_in_english(tmp_path: Path) -> None:
    result = _walk("es", tmp_path, None)
    # The sample walk's protocol is English (its words are data: "Facilitator", "I wonder…").
    sources = _sources() - {" ".join(u.split()) for u in result["user_data"]}
    left = sorted({(where, text) for where, text in result["texts"]
                   for line in text.replace("&", "").splitlines() if line.strip() in sources})
    assert not left, "English left on screen under --lang es:\n" + "\n".join(
        f"  {where}: {text[:100]!r}" for where, text in left[:40])


@pytest.mark.parametrize("text", ["⟦Plan⟧", "⟦{0} of {1}⟧ 3", "Friday, December 4, 2026"])
def test_the_check_accepts_transformed_text(text: str) -> None:
    assert offenders({"texts": [["w", text]], "user_data": []}) == []


def test_the_check_finds_text_that_no_catalogue_saw() -> None:
    result = {"texts": [["QLabel", "Plan the walk"], ["QLabel", "⟦Walk⟧ of Ms Ada"],
                        ["QLabel", "Ms Ada"]], "user_data": ["Ms Ada"]}
    assert [text for _, text, _ in offenders(result)] == ["Plan the walk", "⟦Walk⟧ of Ms Ada"]
