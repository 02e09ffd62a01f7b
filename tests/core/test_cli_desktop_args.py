"""`walkapp` with no command opens the desktop app: its few options are parsed without the
command modules (each command's parser, ~90 arguments in 7 modules, is a cost of every
start). What that parse gives is what the whole parser gives, and anything else (a command,
--help, an abbreviation, a value that looks like an option) is left to the whole parser."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from walkapp.cli import COMMAND_MODULES, app_files, build_parser, main, names_no_command

ROOT = Path(__file__).resolve().parents[2]

DESKTOP = [[], ["--data-dir", "/tmp/x"], ["--data-dir=/tmp/x"], ["--database-url", "sqlite://"],
           ["--database-url=sqlite:///a b", "--data-dir", "list"], ["--data-dir", ""],
           ["--data-dir", "a", "--data-dir", "b"]]
NOT_DESKTOP = [["list"], ["--help"], ["-h"], ["--version"], ["--data", "x"], ["--data-d", "x"],
               ["--data-dir"], ["--data-dir", "-x"], ["--data-dir", "x", "list"], ["--"],
               ["--data-dir", "x", "--bogus"], ["x"]]


@pytest.mark.parametrize("argv", DESKTOP, ids=repr)
def test_the_desktop_options_parse_as_the_whole_parser_parses_them(argv: list[str]) -> None:
    assert names_no_command(argv)
    assert vars(build_parser(commands=False).parse_args(argv)) == vars(
        build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", NOT_DESKTOP, ids=repr)
def test_anything_else_goes_to_the_whole_parser(argv: list[str]) -> None:
    assert not names_no_command(argv)


def test_opening_the_desktop_app_imports_no_command_module(tmp_path: Path) -> None:
    code = ("import json, sys, walkapp.cli.gui as gui\n"
            "from walkapp.cli import main\n"
            "gui.open_desktop_app = lambda context, files=(), language=None: "
            "print(json.dumps(sorted(sys.modules))) or 0\n"
            f"sys.exit(main(['--data-dir', {str(tmp_path)!r}]))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    modules = set(json.loads(done.stdout))
    assert "walkapp.cli" in modules
    assert sorted(set(COMMAND_MODULES) & modules) == []


# `walkapp FILE.walkkit` (what a double-click on a walk kit or a notes file runs) opens the
# desktop app with the file; a file word after a command stays that command's argument.
APP_FILES = [(["kit.walkkit"], [], ["kit.walkkit"]),
             (["--data-dir", "/d", "/home/w/Spring.WALKKIT"], ["--data-dir", "/d"],
              ["/home/w/Spring.WALKKIT"]),
             (["a.walknotes", "b.walknotes"], [], ["a.walknotes", "b.walknotes"])]
NOT_APP_FILES = [["open-kit", "kit.walkkit"], ["import", "a.walknotes"],
                 ["--data-dir", "x.walkkit"], ["kit.walkkit", "list"], ["notes.txt"],
                 ["--bogus", "kit.walkkit"]]


@pytest.mark.parametrize(("argv", "rest", "files"), APP_FILES, ids=repr)
def test_a_kit_or_notes_file_alone_opens_the_desktop_app_with_it(
        argv: list[str], rest: list[str], files: list[str]) -> None:
    assert app_files(argv) == (rest, files)


@pytest.mark.parametrize("argv", NOT_APP_FILES, ids=repr)
def test_file_words_of_a_command_stay_the_commands(argv: list[str]) -> None:
    assert app_files(argv) == (argv, [])


def test_main_hands_the_files_to_the_desktop_app(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import walkapp.cli.gui as gui

    given: list[list[str]] = []
    monkeypatch.setattr(gui, "open_desktop_app",
                        lambda context, files=(), language=None: given.append(list(files)) or 0)
    kit = str(tmp_path / "Spring walk.walkkit")
    assert main(["--data-dir", str(tmp_path / "data"), kit]) == 0
    assert given == [[kit]]
