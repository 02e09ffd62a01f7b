"""`walkapp conflicts` and `walkapp resolve`, and the conflict count in `show` and `list`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.conflicts import Scene, conflict_scene
from walkapp.bundles import crypto
from walkapp.cli import main
from walkapp.events import Entity


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


@pytest.fixture
def scene(tmp_path: Path) -> Iterator[Scene]:
    with conflict_scene(tmp_path) as made:
        yield made


def run(capsys: pytest.CaptureFixture[str], scene: Scene, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(scene.fac.folder), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_conflicts_lists_each_side(scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, scene, "conflicts", "Conflict walk")
    assert code == 0, err
    assert out.startswith("4 conflicts in “Conflict walk”")
    note = scene.ids[Entity.NOTE]
    assert f"  {note[:8]}  note: note by {scene.me.display_name} on Visit 1" in out
    assert "“Note by the facilitator”" in out and "“Note by the walker”" in out
    assert out.count("[shown now]") == 4
    assert "walkapp resolve" in out
    code, out, _ = run(capsys, scene, "conflicts", "Conflict walk", "--json")
    data = json.loads(out)
    assert [c["entity"] for c in data] == ["note", "reflection", "commitment", "feedback"]
    assert {s["text"] for s in data[0]["sides"]} == {"Note by the facilitator",
                                                     "Note by the walker"}


def test_long_texts_are_clipped_in_the_listing(scene: Scene,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from walkapp.services import NoteDraft

    scene.fac.services.notes.save_note(NoteDraft(
        scene.walk.id, scene.me.id, "long " * 500, visit_id=scene.walk.visits[0].id,
        id=scene.ids[Entity.NOTE]))
    _, out, _ = run(capsys, scene, "conflicts", "Conflict walk")
    assert max(len(line) for line in out.splitlines()) < 400
    assert "…”" in out


def test_show_and_list_count_conflicts(scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, scene, "show", "Conflict walk")
    assert code == 0
    assert "Conflicts: 4 items were changed on two laptops" in out
    assert "[not yet resolved: 2 versions]" in out and "other version: " in out
    _, out, _ = run(capsys, scene, "show", "Conflict walk", "--json")
    assert json.loads(out)["conflicts"] == 4
    _, out, _ = run(capsys, scene, "list")
    line = next(x for x in out.splitlines() if "Conflict walk" in x)
    assert line.endswith("Conflict walk  [4 conflicts]")
    _, out, _ = run(capsys, scene, "list", "--json")
    assert json.loads(out)[0]["conflicts"] == 4


def test_resolve_each_way(scene: Scene, capsys: pytest.CaptureFixture[str],
                          tmp_path: Path) -> None:
    note = scene.conflict(Entity.NOTE)
    walker = next(s for s in note.sides if s.text == "Note by the walker")
    code, out, err = run(capsys, scene, "resolve", "Conflict walk", note.family[:8],
                         "--keep", walker.row_id[:8])
    assert code == 0, err
    assert "Resolved the note by" in out and "3 conflicts left" in out
    texts = [n.text for n in scene.fac.services.notes.list_notes(scene.walk.id)]
    assert texts == ["Note by the walker"]
    code, _, err = run(capsys, scene, "resolve", "Conflict walk",
                       scene.ids[Entity.COMMITMENT], "--keep-both")
    assert code == 0, err
    assert len(scene.fac.services.debrief.list_commitments(scene.walk.id)) == 2
    code, _, err = run(capsys, scene, "resolve", "Conflict walk",
                       scene.ids[Entity.REFLECTION], "--text", "One reflection")
    assert code == 0, err
    path = tmp_path / "answer.txt"
    path.write_text("Edited answer\n", encoding="utf-8")
    code, out, err = run(capsys, scene, "resolve", "Conflict walk",
                         scene.ids[Entity.FEEDBACK], "--text-file", str(path))
    assert code == 0, err
    assert "No conflicts left" in out
    assert [f.answer for f in scene.fac.services.debrief.list_feedback(scene.walk.id)] == [
        "Edited answer"]
    _, out, _ = run(capsys, scene, "conflicts", "Conflict walk")
    assert out == "No conflicts in “Conflict walk”.\n"
    _, out, _ = run(capsys, scene, "list")
    assert "conflict" not in out


@pytest.mark.parametrize("args, words", [
    (["nope", "--keep-both"], "No conflict “nope”"),
    (["{note}", "--keep", "zzzz"], "not one of this conflict's versions"),
    (["{note}", "--text", "   "], "cannot be empty"),
    (["{note}", "--text-file", "/no/such/file"], "cannot be read"),
    (["{note}", "--text-file", "{binary}"], "not UTF-8"),
])
def test_resolve_errors_are_one_line(scene: Scene, capsys: pytest.CaptureFixture[str],
                                     tmp_path: Path, args: list[str], words: str) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    filled = [a.format(note=scene.ids[Entity.NOTE], binary=binary) for a in args]
    code, out, err = run(capsys, scene, "resolve", "Conflict walk", *filled)
    assert code == 1, (out, err)
    assert words in err and err.count("\n") == 1 and "Traceback" not in err, err
    assert "internal error" not in err
    assert scene.fac.services.conflicts.count(scene.walk.id) == 4


def test_resolve_needs_exactly_one_way(scene: Scene,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    note = scene.ids[Entity.NOTE]
    for extra in ([], ["--keep-both", "--text", "x"]):
        with pytest.raises(SystemExit) as stopped:
            run(capsys, scene, "resolve", "Conflict walk", note, *extra)
        err = capsys.readouterr().err
        assert stopped.value.code == 2 and err.count("\n") == 1, err
    code, _, err = run(capsys, scene, "conflicts", "No such walk")
    assert code == 1 and "Traceback" not in err
