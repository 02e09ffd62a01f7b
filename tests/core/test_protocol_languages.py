"""One protocol in two languages: two files with the same id (protocols/README.md, *Two
languages*). The library lists it once and finds the file of a walk's language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.core.test_protocol_loader import MINIMAL
from walkapp.protocol.errors import ProtocolError
from walkapp.protocol.library import ProtocolLibrary, builtin_dir, builtin_protocol


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


def _builtin_as(folder: Path, name: str, language: str, title: str,
                protocol_id: str = "learning-walk") -> Path:
    """A copy of a built-in's English file in another language (its texts kept)."""
    text = (builtin_dir() / f"{protocol_id}.toml").read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text.replace('language = "en"', f'language = "{language}"', 1)
                    .replace('\ntitle = "', f'\ntitle = "{title}" # was "', 1),
                    encoding="utf-8")
    return path


def test_a_user_file_may_add_a_language_to_a_built_in_never_replace_one(
        tmp_path: Path) -> None:
    mine = tmp_path / "protocols"
    _builtin_as(mine, "lw.fr.toml", "fr", "Visite apprenante")
    _builtin_as(mine, "lw.toml", "en", "Not the built-in")
    library = ProtocolLibrary(mine)
    listed = next(e for e in library.entries if e.id == "learning-walk")
    assert listed.builtin and listed.title == "Learning walk"
    assert library.get("learning-walk", "fr").title == "Visite apprenante"
    assert library.get("learning-walk", "en").title == "Learning walk"
    assert library.get("learning-walk", "es").title == "Recorrido de aprendizaje"
    assert [p.file for p in library.problems] == [str(mine / "lw.toml")]


def test_a_built_in_is_listed_and_found_in_its_own_file_first() -> None:
    library = ProtocolLibrary(Path("/nonexistent/walkapp-test"))
    for entry in library.entries:
        assert entry.path.name == f"{entry.id}.toml" and entry.language == "en"
        assert builtin_protocol(entry.id).language == "en"
        assert builtin_protocol(entry.id, "es").language == "es"
        assert library.languages(entry.id) == ("en", "es")
    assert library.problems == []


@pytest.mark.parametrize(("change", "field", "shown"), [
    (('key = "norms"', 'key = "normas"'), "pre_brief.steps[1].key",
     '"normas" here, "norms" there'),
    (("minutes = 10", "minutes = 12"), "post_brief.steps[1].minutes", "12 here, 10 there"),
    (('activity = "patterns"', 'activity = "evidence_wall"'), "post_brief.steps[1].activity",
     '"evidence_wall" here, "patterns" there'),
    (("[post_brief]", '[post_brief]\n[[post_brief.steps]]\nkey = "extra"\ntitle = "Más"\n'
      "minutes = 1\n"), "post_brief.steps[1].key", '"extra" here, "patterns" there'),
    (("[post_brief]", "[closing]\n[[closing.steps]]\nkey = \"adios\"\ntitle = \"Adiós\"\n"
      "minutes = 1\n\n[post_brief]"), "closing", "given here, not there"),
])
def test_a_translation_that_changes_a_key_number_or_choice_is_skipped(
        tmp_path: Path, change: tuple[str, str], field: str, shown: str) -> None:
    mine = tmp_path / "protocols"
    _file(mine, "ours.toml", "en", "Our walk")
    wrong = _file(mine, "ours.es.toml", "es", "Nuestro recorrido")
    text = wrong.read_text(encoding="utf-8")
    assert change[0] in text
    wrong.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    library = ProtocolLibrary(mine)
    assert library.languages("ours") == ("en",)
    (problem,) = library.problems
    assert problem.file == str(wrong) and problem.field == field
    assert problem.line is not None
    assert f"does not match ours.toml (“en”) of the same id: {shown};" in problem.message
    assert "walkapp leaves this file out until it does" in problem.message


def test_a_translation_may_change_every_text_but_not_the_number_of_options(
        tmp_path: Path) -> None:
    english = MINIMAL.replace('activity = "norms"', 'activity = "norms"\n\n'
                              "[[pre_brief.steps.prompts]]\n"
                              'key = "ready"\ntext = "Ready?"\nkind = "checklist"\n'
                              'options = ["Route", "Timer"]')
    spanish = (english.replace('"Ready?"', '"¿Listos?"').replace('"Norms"', '"Normas"')
               .replace('["Route", "Timer"]', '["Ruta", "Temporizador"]')
               .replace('id = "tiny"', 'id = "tiny"\nlanguage = "es"\n'
                        'summary = "Un resumen que el inglés no tiene."'))
    mine = tmp_path / "protocols"
    mine.mkdir()
    (mine / "tiny.toml").write_text(english, encoding="utf-8")
    (mine / "tiny.es.toml").write_text(spanish, encoding="utf-8")
    library = ProtocolLibrary(mine)
    assert library.languages("tiny") == ("en", "es") and library.problems == []
    (mine / "tiny.es.toml").write_text(spanish.replace('"Temporizador"]', '"Temporizador", '
                                                       '"Papel"]'), encoding="utf-8")
    library.reload()
    (problem,) = library.problems
    assert problem.field == "pre_brief.steps[1].prompts[1].options"
    assert "3 items here, 2 there" in problem.message


def test_a_built_in_translation_that_does_not_match_is_skipped(tmp_path: Path) -> None:
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    for name in ("learning-walk.toml", "learning-walk.es.toml"):
        shutil.copy(builtin_dir() / name, shipped / name)
    spanish = shipped / "learning-walk.es.toml"
    spanish.write_text(spanish.read_text(encoding="utf-8").replace(
        'key = "look-fors"', 'key = "focos"'), encoding="utf-8")
    library = ProtocolLibrary(tmp_path / "mine", builtins=shipped)
    assert library.languages("learning-walk") == ("en",)
    (problem,) = library.problems
    assert problem.field == "pre_brief.steps[4].key" and problem.file == str(spanish)


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
    library.import_file(_builtin_as(tmp_path / "in", "x.toml", "fr", "Visite fantôme",
                                    protocol_id="ghost-walk"))
    assert library.get("ghost-walk", "fr").title == "Visite fantôme"
    library.remove("ours", "es")
    assert library.languages("ours") == ("en",)


def test_check_holds_a_translation_to_the_file_beside_it_or_the_built_in(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from walkapp.cli import main

    def check(*paths: Path) -> tuple[int, str, str]:
        try:
            code = main(["protocol", "check", *map(str, paths)])
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    mine = tmp_path / "protocols"
    english = _file(mine, "ours.toml", "en", "Our walk")
    spanish = _file(mine, "ours.es.toml", "es", "Nuestro recorrido")
    assert check(english, spanish)[0] == 0
    spanish.write_text(spanish.read_text(encoding="utf-8").replace(
        'key = "patterns"', 'key = "patrones"'), encoding="utf-8")
    code, out, err = check(english, spanish)
    assert code == 1 and f"ok       {english}" in out
    assert f"{spanish} (line " in err and "post_brief.steps[1].key" in err
    assert '"patrones" here, "patterns" there' in err
    # A language added to a built-in is held to the built-in's own file.
    french = _builtin_as(tmp_path / "in", "lw.fr.toml", "fr", "Visite apprenante")
    assert check(french)[0] == 0
    french.write_text(french.read_text(encoding="utf-8").replace(
        "visit_minutes = 10", "visit_minutes = 12"), encoding="utf-8")
    code, _out, err = check(french)
    assert code == 1 and "does not match learning-walk.toml (“en”)" in err
    assert "visit_minutes" in err
