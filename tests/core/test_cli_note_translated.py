"""What `walkapp note` says comes from the catalogue: under the pseudo-locale every line
is wrapped but for the user's words and the word lists' suggestions, and in Spanish the
nudge speaks Spanish around them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.helpers.note_cli import Cli, note_walk
from tests.helpers.pseudo_core import unwrapped, unwrapped_inside, wrapped_share
from walkapp import domain as d
from walkapp.nudge.findings import findings
from walkapp.services import Services

LAZY = "She was clearly lazy today and Maria answered first."


@pytest.fixture
def walk(services: Services) -> d.Walk:
    return note_walk(services)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(capsys, monkeypatch)


def _user_words(walk: d.Walk, *texts: str) -> list[str]:
    """What a line may hold that is not the catalogue's: the walk's and people's names,
    look-fors, the notes, and the word list's suggestions (data, like a protocol's)."""
    found = [f for text in texts for f in findings(text, "en").items]
    suggestions = [f.suggestion for f in found] + [f.word for f in found]
    return [walk.title, *(p.display_name for p in walk.participants),
            *(lf.text for lf in walk.look_fors), *texts, *suggestions, "Visit", "I noticed",
            "Question", "I wonder", "I will try"]


def test_every_line_of_the_note_commands_is_in_the_catalogue(
        walk: d.Walk, cli: Cli, core_pseudo: Callable[[], Any]) -> None:
    said: list[str] = []
    with core_pseudo():
        added = cli("note", "add", "--walk", "Maths", "--visit", "1", LAZY)
        note_id = added.out.strip()
        said += added.err.splitlines()
        other = cli("note", "add", "--walk", "Maths", "--visit", "2", "--walker", "Walker 1",
                    "--quiet", "Partners checked each other's sums.").out.strip()
        said += cli("note", "edit", other, "--text", "Partners checked sums.").out.splitlines()
        said += cli("note", "edit", other, "--text", "Partners checked sums.").out.splitlines()
        said += cli("note", "list", "--walk", "Maths").out.splitlines()
        said += cli("note", "delete", note_id).out.splitlines()
        for args in (["add", "--walk", "Maths", "--visit", "9", "x"],
                     ["add", "--walk", "Maths", "--visit", "1", "--stem", "warm", "x"],
                     ["add", "--walk", "Maths", "--visit", "1", "--look-for", "zzz", "x"],
                     ["add", "--walk", "Maths", "--visit", "1", "--walker", "Zed", "x"],
                     ["add", "--walk", "Maths", "--visit", "1", " "],
                     ["add", "--walk", "Maths", "--visit", "1", "-"],
                     ["edit", other],
                     ["edit", "ab", "--text", "x"],
                     ["edit", "abcdef12", "--text", "x"],
                     ["delete", note_id],
                     ["list", "--walk", "Maths", "--visit", "0"]):
            said += cli("note", *args, stdin=b"caf\xe9").err.splitlines()
    lines = [line for line in said if line.strip() and not line.startswith(
        ("usage:", "⟦usage: ⟧", "  walkapp note add --walk", "                "))]
    user = [*_user_words(walk, LAZY, "Partners checked sums."), note_id, other, "Zed", "zzz",
            "warm", "noticed", "wonder", "will_try", "question"]
    assert unwrapped(lines, user=user) == []
    assert unwrapped_inside(lines, user=user) == []
    assert wrapped_share(lines) >= 20  # the pseudo-locale was in force


def test_the_nudge_speaks_spanish_around_the_word_lists_advice(
        walk: d.Walk, cli: Cli) -> None:
    ran = cli("--lang", "es", "note", "add", "--walk", "Maths", "--visit", "1", LAZY)
    assert ran.code == 0
    lines = ran.err.splitlines()
    assert lines[0] == "La nota está guardada. El aviso sugiere:"
    assert any(line.startswith("  «lazy»: ") for line in lines)
    assert any(line.startswith("  «Maria» puede ser un nombre: ") for line in lines)
    assert lines[-1].startswith("Hasta que se reescriba o el facilitador la conserve")
    refused = cli("--lang", "es", "note", "add", "--walk", "Maths", "--visit", "7", "x")
    assert refused.err == ("walkapp: error: No hay visita 7 en «Maths walk»: sus visitas van "
                           "de la 1 a la 3.\n")
    listed = cli("--lang", "es", "note", "list", "--walk", "Maths")
    assert listed.out.splitlines()[0] == ("«Maths walk»: 1 nota (marcadas: 1; apartadas: 0; "
                                          "ambas quedan fuera de los registros)")
    assert "Visita 1" in listed.out and "[marcada: no está en el registro]" in listed.out


def test_a_spanish_walk_is_nudged_in_spanish(services: Services, cli: Cli) -> None:
    walk = note_walk(services, "Recorrido de mates")
    services.walks.update_walk(walk.id, language="es")
    data = cli("note", "add", "--walk", "Recorrido", "--visit", "1", "--json",
               "La clase fue muy buena y Lucía respondió.").json()
    assert data["nudge_language"] == "es" and data["nudge_notice"] == ""
    assert {f["kind"] for f in data["findings"]} == {"evaluative", "name"}
    assert any(f["word"] == "Lucía" for f in data["findings"])
    # A language with no word list: English, said once.
    services.walks.update_walk(walk.id, language="fr")
    ran = cli("note", "add", "--walk", "Recorrido", "--visit", "1", LAZY)
    assert ran.err.splitlines()[0] == ("There is no word list for this walk's language "
                                       "(“fr”): wording suggestions are in English.")
    assert "“lazy” — " in ran.err
