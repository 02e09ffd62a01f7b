"""Every command that changes the data folder takes its lock; commands that only read do not.

The list of commands is taken from the parser itself, so a new command cannot be added
without saying here (and in its `register`) whether it writes. Each one is then run while
another walkapp holds the data folder: the writing ones must refuse with the holder's name
and leave every file exactly as it was; the reading ones must work and change nothing in
the database.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import os
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from walkapp.bundles import crypto
from walkapp.cli import build_parser, main
from walkapp.cli.context import Context
from walkapp.config import resolve_settings
from walkapp.services import NewWalk
from walkapp.storage.lock import DataFolderLock

HOLDER = "the walkapp desktop app"


@dataclass(frozen=True)
class Case:
    command: tuple[str, ...]          # the subcommand path in the parser
    writes: bool
    argv: Callable[[Path], list[str]]  # arguments after the command path, given the files dir
    code: int = 0                     # exit code of a read-only run
    stdin: bytes = b""
    walker_laptop: bool = False       # run in the data folder of a walker's laptop


CASES = [
    # walks
    Case(("demo",), True, lambda f: []),
    Case(("list",), False, lambda f: []),
    Case(("show",), False, lambda f: ["Learning"]),
    Case(("check",), False, lambda f: []),
    # notes
    Case(("note",), False, lambda f: [], code=2),
    Case(("note", "add"), True, lambda f: ["--walk", "Learning", "--visit", "1", "Noted."]),
    Case(("note", "add"), True, lambda f: ["--walk", "Learning", "--visit", "1", "-"],
         stdin=b"Noted from standard input.\n"),
    Case(("note", "edit"), True, lambda f: ["00000000", "--text", "Changed."]),
    Case(("note", "delete"), True, lambda f: ["00000000"]),
    Case(("note", "list"), False, lambda f: ["--walk", "Learning"]),
    Case(("note", "list"), False, lambda f: ["--walk", "Learning", "--json"]),
    Case(("search",), False, lambda f: ["talk"]),
    # protocols
    Case(("protocol",), False, lambda f: [], code=2),
    Case(("protocol", "list"), False, lambda f: []),
    Case(("protocol", "check"), False, lambda f: [str(f / "other.toml")]),
    Case(("protocol", "show"), False, lambda f: ["learning-walk"]),
    Case(("protocol", "import"), True, lambda f: [str(f / "other.toml")]),
    Case(("protocol", "duplicate"), True, lambda f: ["learning-walk", "third"]),
    # upgrade rewrites a protocol file, never the database
    Case(("protocol", "upgrade"), False,
         lambda f: [str(f / "other.toml"), "-o", str(f / "other-v2.toml")]),
    Case(("nudge",), False, lambda f: [], stdin=b"She was clearly lazy today.\n"),
    # reports: a PDF written outside the data folder, nothing recorded
    Case(("report",), False, lambda f: ["Learning", "--kind", "debrief",
                                        "-o", str(f / "debrief.pdf")]),
    # action items' due dates: a list, or a calendar file written outside the data folder
    Case(("actions",), False, lambda f: ["--ics", "-o", str(f / "due.ics")]),
    # bundles
    # kit records when a kit was made and for whom (what "kits are out" is worked out from)
    Case(("kit",), True, lambda f: ["Learning", "-o", str(f / "again.walkkit")]),
    Case(("open-kit",), True, lambda f: [str(f / "amira.walkkit"), "--walker", "Amira Haddad"],
         walker_laptop=True),
    # export records this laptop's unsent edits as versions before writing the file
    Case(("export",), True, lambda f: ["Learning", "--walker", "Amira Haddad",
                                       "-o", str(f / "again.walknotes")]),
    Case(("import",), True, lambda f: [str(f / "amira.walknotes")]),
    Case(("import-data",), True, lambda f: [str(f / "data.json")]),
    # conflicts: listing reads; resolving records a new version of the item
    Case(("conflicts",), False, lambda f: ["Learning"]),
    Case(("resolve",), True, lambda f: ["Learning", "0000", "--keep-both"]),
    # safety: `backup` uses SQLite's online backup API, consistent beside a running app
    Case(("backup",), False, lambda f: []),
    Case(("backups",), False, lambda f: ["--check"]),
    Case(("restore",), True, lambda f: ["--yes"]),
    Case(("purge",), True, lambda f: ["--older-than", "1", "--yes"]),
    Case(("retention",), False, lambda f: []),
    Case(("retention",), True, lambda f: ["6"]),
    Case(("retention",), True, lambda f: ["off"]),
    # the Trash
    Case(("delete",), True, lambda f: ["Learning"]),
    Case(("trash",), False, lambda f: []),
    Case(("trash", "list"), False, lambda f: []),
    Case(("trash", "restore"), True, lambda f: ["Learning"]),
    Case(("trash", "empty"), True, lambda f: ["--yes"]),
    # the portfolio is written outside the data folder; the log is the facilitator's own
    Case(("portfolio",), False, lambda f: ["--from", "2000-01-01", "--to", "2100-12-31",
                                           "-o", str(f / "portfolio.zip")]),
    Case(("log",), False, lambda f: []),
    Case(("log", "list"), False, lambda f: []),
    Case(("log", "add"), True, lambda f: ["Met the Year 4 team.", "--date", "2026-11-04"]),
]


def _ids(case: Case) -> str:
    return "-".join((*case.command, *(["set"] if case.writes and case.command == (
        "retention",) else [])))


def _leaf_commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
                   ) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*prefix, name), sub
                yield from _leaf_commands(sub, (*prefix, name))


def test_every_command_is_declared_and_listed_here() -> None:
    commands = dict(_leaf_commands(build_parser()))
    assert set(commands) == {case.command for case in CASES}, (
        "a command was added or removed: list it in CASES, with whether it writes")
    for path, sub in commands.items():
        declared = sub.get_default("writes")
        assert declared is not None, f"`walkapp {' '.join(path)}` does not declare writes="


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Made once: a data folder with a walk, a backup and a protocol of the user's own; a
    walker's laptop's data folder; a kit, a notes file and a protocol file to import."""
    root = tmp_path_factory.mktemp("template")
    folder = root / "files"
    folder.mkdir()
    data = ["--data-dir", str(root / "data")]
    for args in ([*data, "demo"], [*data, "backup"],
                 [*data, "kit", "Learning", "-o", str(folder / "amira.walkkit")],
                 [*data, "export", "Learning", "--walker", "Amira Haddad",
                  "-o", str(folder / "amira.walknotes")],
                 [*data, "protocol", "duplicate", "learning-walk", "mine"],
                 ["--data-dir", str(root / "walker"), "list"]):
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(args) == 0, args
    mine = (root / "data" / "protocols" / "mine.toml").read_text(encoding="utf-8")
    (folder / "other.toml").write_text(mine.replace('id = "mine"', 'id = "other"'),
                                       encoding="utf-8")
    return root


@pytest.fixture
def files(template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the template for one test; WALKAPP_DATA_DIR points at its data."""
    for name in ("data", "walker", "files"):
        shutil.copytree(template / name, tmp_path / name, symlinks=True)
    assert resolve_settings().data_dir == tmp_path / "data"
    return tmp_path / "files"


def _snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    out = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        out[str(path.relative_to(folder))] = (digest, info.st_mode, info.st_mtime_ns)
    return out


def _dump(database: Path) -> list[str]:
    connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_each_command_under_a_held_lock(case: Case, files: Path,
                                        capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    where = ["--data-dir", str(files.parent / "walker")] if case.walker_laptop else []
    settings = resolve_settings(*where[1:])
    database = settings.sqlite_path
    assert database is not None
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(case.stdin)))
    with DataFolderLock(settings.data_dir, HOLDER):
        rows = _dump(database)  # first: a reader leaves -wal and -shm files behind
        before = _snapshot(settings.data_dir)
        code = main([*where, *case.command, *case.argv(files)])
        out, err = capsys.readouterr()
        if case.writes:
            assert code == 1, (out, err)
            assert "already using the data folder" in err and HOLDER in err, err
            assert f"process {os.getpid()}" in err
            assert err.count("\n") == 1 and "Traceback" not in err
            assert _snapshot(settings.data_dir) == before
        else:
            assert code == case.code, (out, err)
            assert "already using" not in err and "internal error" not in err, err
            assert _dump(database) == rows


def test_a_command_declared_read_only_cannot_write(tmp_path: Path) -> None:
    """The declaration is enforced: a read-only command's database refuses changes, so a
    wrong declaration fails loudly instead of writing beside a running app."""
    writer = Context(data_dir=str(tmp_path / "data"))
    day = date(2026, 3, 2)
    writer.services.walks.create_walk(NewWalk(title="Before", walk_date=day))
    writer.close()
    reader = Context(data_dir=str(tmp_path / "data"), writes=False)
    try:
        assert [w.title for w in reader.services.walks.list_walks()] == ["Before"]
        with pytest.raises(DBAPIError, match="not authorized"):
            reader.services.walks.create_walk(NewWalk(title="Sneaked in", walk_date=day))
        assert [w.title for w in reader.services.walks.list_walks()] == ["Before"]
    finally:
        reader.close()
