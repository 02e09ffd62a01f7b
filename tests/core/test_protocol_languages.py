"""One protocol in two languages: two files with the same id (protocols/README.md, *Two
languages*). The library lists it once and finds the file of a walk's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.test_protocol_loader import MINIMAL
from walkapp.protocol.errors import ProtocolError
from walkapp.protocol.library import ProtocolLibrary


def _file(folder: Path, name: str, language: str, title: str, pid: str = "ours") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(MINIMAL.replace('id = "tiny"', f'id = "{pid}"\nlanguage = "{language}"')
                    .replace('title = "Tiny walk"', f'title = "{title}"'), encoding="utf-8")
    return path


def test_a_protocol_in_two_languages_is_listed_once_and_found_in_either(
        tmp_path: Path) -> None:
    mine = tmp_path / "protocols"
    _file(mine, "ours.toml", "en", "Our walk")
    _file(mine, "ours.es.toml", "es", "Nuestro recorrido")
    library = ProtocolLibrary(mine)
    assert [e.title for e in library.entries if e.id == "ours"] == ["Our walk"]
    assert library.languages("ours") == ("en", "es")
    assert library.get("ours", "es").title == "Nuestro recorrido"
    assert library.get("ours", "es-MX").title == "Nuestro recorrido"  # the base language
    assert library.get("ours", "fr").title == "Our walk"  # no French file: the listed one
    assert library.get("ours").title == "Our walk"
    assert library.problems == []


def test_the_same_id_in_the_same_language_twice_is_skipped_with_a_reason(
        tmp_path: Path) -> None:
    mine = tmp_path / "protocols"
    _file(mine, "a.toml", "en", "First")
    _file(mine, "b.toml", "en", "Second")
    library = ProtocolLibrary(mine)
    assert [e.title for e in library.all_entries if e.id == "ours"] == ["First"]
    (problem,) = library.problems
    assert "b.toml" in problem.message and "in language “en”" in problem.message
    assert "another language is that protocol's translation" in problem.message


def test_a_user_file_may_add_a_language_to_a_built_in_never_replace_one(
        tmp_path: Path) -> None:
    mine = tmp_path / "protocols"
    _file(mine, "lw.es.toml", "es", "Recorrido de aprendizaje", pid="learning-walk")
    _file(mine, "lw.toml", "en", "Not the built-in", pid="learning-walk")
    library = ProtocolLibrary(mine)
    listed = next(e for e in library.entries if e.id == "learning-walk")
    assert listed.builtin and listed.title == "Learning walk"
    assert library.get("learning-walk", "es").title == "Recorrido de aprendizaje"
    assert library.get("learning-walk", "en").title == "Learning walk"
    assert [p.file for p in library.problems] == [str(mine / "lw.toml")]


def test_importing_a_translation_files_it_beside_the_original(tmp_path: Path) -> None:
    mine = tmp_path / "protocols"
    library = ProtocolLibrary(mine)
    library.import_file(_file(tmp_path / "in", "ours.toml", "en", "Our walk"))
    entry = library.import_file(_file(tmp_path / "in", "ours-es.toml", "es",
                                      "Nuestro recorrido"))
    assert entry.path == mine / "ours.es.toml" and entry.language == "es"
    assert sorted(p.name for p in mine.iterdir()) == ["ours.es.toml", "ours.toml"]
    assert library.import_file(tmp_path / "in" / "ours-es.toml") == entry  # the same again
    with pytest.raises(ProtocolError, match="built-in protocol in the same language"):
        library.import_file(_file(tmp_path / "in", "x.toml", "en", "X", pid="learning-walk"))
    library.import_file(_file(tmp_path / "in", "x.toml", "es", "Recorrido", pid="ghost-walk"))
    assert library.get("ghost-walk", "es").title == "Recorrido"
    library.remove("ours", "es")
    assert library.languages("ours") == ("en",)
