"""The `walkapp` command never calls the user's input a bug: no exit 70, no traceback.

Each kind of bad input gets one clear line and a usage-like exit code; text that is not UTF-8
(Python hands it over as surrogate escapes) is refused where it must be text and accepted
where it is a file name, because on Linux a file name is bytes and may legitimately be so.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from walkapp.cli import EXIT_INTERNAL, EXIT_USAGE, main
from walkapp.config import resolve_settings
from walkapp.protocol.library import builtin_dir
from walkapp.services import open_services

# b"caf\xe9" (Latin-1 "café") as Python passes it in sys.argv on a UTF-8 system.
NOT_UTF8 = "caf\udce9"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse's own errors
        code = exit_.code if isinstance(exit_.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def assert_clear_failure(code: int, out: str, err: str, expected: int | None = None) -> None:
    assert code not in (0, EXIT_INTERNAL), (code, out, err)
    if expected is not None:
        assert code == expected, (code, out, err)
    assert "Traceback" not in out + err and "internal error" not in out + err, err
    # Whatever was printed can be written to a strict UTF-8 terminal.
    (out + err).encode("utf-8")


@pytest.fixture
def demo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    capsys.readouterr()


@pytest.mark.parametrize("args", [
    ["list", "--search", NOT_UTF8],
    ["show", NOT_UTF8],
    ["show", NOT_UTF8, "--json"],
    ["report", NOT_UTF8, "--kind", "debrief", "-o", "out.pdf"],
    ["report", "--kind", "journal", "--walker", NOT_UTF8, "-o", "out.pdf"],
    ["report", "Learning", "--kind", "agenda", "--start", NOT_UTF8, "-o", "out.pdf"],
    ["kit", NOT_UTF8, "-o", "out.walkkit"],
    ["kit", "Learning", "--walker", NOT_UTF8, "-o", "out.walkkit"],
    ["export", "Learning", "--walker", NOT_UTF8, "-o", "out.walknotes"],
    ["open-kit", "some.walkkit", "--walker", NOT_UTF8],
    ["protocol", "show", NOT_UTF8],
    ["protocol", "duplicate", "learning-walk", NOT_UTF8],
    ["protocol", "duplicate", "learning-walk", "mine", "--title", NOT_UTF8],
    ["retention", NOT_UTF8],
    ["nudge", "--lang", NOT_UTF8],
])
def test_text_that_is_not_utf8_is_refused_in_one_line(
        capsys: pytest.CaptureFixture[str], demo: None, args: list[str]) -> None:
    code, out, err = run(capsys, *args)
    assert_clear_failure(code, out, err, EXIT_USAGE)
    assert err.count("\n") == 1 and "UTF-8" in err and "caf\\xe9" in err


def test_a_nul_character_in_an_argument_is_refused(capsys: pytest.CaptureFixture[str],
                                                   demo: None) -> None:
    # argv cannot carry NUL, but main() can be handed one by a script.
    code, out, err = run(capsys, "list", "--search", "a\x00b")
    assert_clear_failure(code, out, err, EXIT_USAGE)
    assert "NUL" in err and err.count("\n") == 1


def test_json_names_a_file_that_is_not_utf8_the_json_way(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gone = tmp_path / "gone-\udcff.walknotes"
    code, out, err = run(capsys, "import", str(gone), "--json")
    assert_clear_failure(code, out, err)
    assert '"path": "' + str(tmp_path) + '/gone-\\udcff.walknotes"' in out
    assert json.loads(out)["files"][0]["path"] == str(gone)


@pytest.mark.parametrize("args", [
    ["import", "{tmp}/gone-\udcff.walknotes"],
    ["open-kit", "{tmp}/gone-\udcff.walkkit"],
    ["protocol", "check", "{tmp}/gone-\udcff.toml"],
    ["protocol", "import", "{tmp}/gone-\udcff.toml"],
    ["restore", "gone-\udcff", "--yes"],
    ["kit", "Learning", "-o", "{tmp}/no-such-folder-\udcff/x.walkkit"],
    ["report", "Learning", "--kind", "debrief", "-o", "{tmp}/no-such-folder-\udcff/x.pdf"],
    ["kit", "Learning", "-o", "{tmp}/x.walkkit", "--passphrase-file", "{tmp}/gone-\udcff"],
])
def test_a_missing_file_whose_name_is_not_utf8_is_reported_by_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], demo: None,
        args: list[str]) -> None:
    code, out, err = run(capsys, *(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert_clear_failure(code, out, err)
    # The undecodable byte is shown as a visible escape, never sent raw.
    assert "\\xff" in out + err


def test_folders_and_files_whose_names_are_not_utf8_work(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "walks-\udcff"
    data = ["--data-dir", str(folder)]
    for args in (["demo"], ["list"], ["show", "Learning"], ["check"], ["backup"],
                 ["backups"], ["restore", "--yes"]):
        code, out, err = run(capsys, *data, *args)
        assert code == 0, (args, err)
        assert "Traceback" not in err and "internal error" not in err
        (out + err).encode("utf-8")
    code, out, _ = run(capsys, *data, "check")
    assert "walks-\\xff" in out

    report = tmp_path / "debrief-\udcff.pdf"
    code, out, err = run(capsys, *data, "report", "Learning", "--kind", "debrief",
                         "-o", str(report))
    assert code == 0, err
    assert report.exists() and "debrief-\\xff.pdf" in out

    kit = tmp_path / "kit-\udcff.walkkit"
    code, out, err = run(capsys, *data, "kit", "Learning", "--walker", "Amira Haddad",
                         "-o", str(kit))
    assert code == 0 and kit.exists(), err
    walker = ["--data-dir", str(tmp_path / "amira-\udcfe")]
    code, out, err = run(capsys, *walker, "open-kit", str(kit))
    assert code == 0, err
    notes = tmp_path / "notes-\udcff.walknotes"
    code, out, err = run(capsys, *walker, "export", "Learning", "-o", str(notes))
    assert code == 0 and notes.exists(), err
    code, out, err = run(capsys, *data, "import", str(notes))
    assert code == 0, err
    assert "notes-\\xff.walknotes" in out
    code, out, err = run(capsys, *data, "import", str(notes), "--json")
    assert code == 0, err
    assert json.loads(out)["files"][0]["path"] == str(notes)

    protocol = tmp_path / "mine-\udcff.toml"
    shutil.copy(builtin_dir() / "learning-walk.toml", protocol)
    code, out, err = run(capsys, "protocol", "check", str(protocol))
    assert code == 0, err
    assert "mine-\\xff.toml" in out


@pytest.mark.parametrize("output", ["", " ", ".", "..", "/", "{tmp}", "{tmp}/new-folder/"])
@pytest.mark.parametrize("command", [
    ["kit", "Learning", "-o"],
    ["export", "Learning", "--walker", "Amira Haddad", "-o"],
    ["report", "Learning", "--kind", "debrief", "-o"],
])
def test_an_output_named_as_a_folder_or_empty_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], demo: None,
        command: list[str], output: str) -> None:
    code, out, err = run(capsys, *command, output.replace("{tmp}", str(tmp_path)))
    assert_clear_failure(code, out, err, EXIT_USAGE)
    assert ("is a folder" in err or "was empty" in err) and err.count("\n") == 1
    assert not (tmp_path / "new-folder").exists()


@pytest.mark.parametrize("args", [
    ["kit", "Learning", "-o", "{tmp}/k.walkkit", "--passphrase-file", ""],
    ["import", ""],
    ["open-kit", ""],
    ["protocol", "check", ""],
    ["protocol", "import", ""],
    ["--data-dir", "", "list"],
    ["restore", "", "--yes"],
])
def test_an_empty_file_name_is_refused_not_guessed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], demo: None,
        args: list[str]) -> None:
    code, out, err = run(capsys, *(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert_clear_failure(code, out, err, EXIT_USAGE)
    assert "was empty" in err and err.count("\n") == 1
    # In particular, an empty passphrase file name never means "no passphrase".
    assert not (tmp_path / "k.walkkit").exists()


@pytest.mark.parametrize("size", [50_000, 1_000_000])
def test_a_huge_search_text_searches(capsys: pytest.CaptureFixture[str], demo: None,
                                     size: int) -> None:
    code, out, err = run(capsys, "list", "--search", "a" * size)
    assert code == 0, err
    assert "No walk has a text that matches" in out
    code, out, err = run(capsys, "list", "--search", "%" * size, "--json")
    assert code == 0 and json.loads(out) == [], err


def test_search_finds_a_walk_by_a_focus_longer_than_sqlites_like_limit(
        capsys: pytest.CaptureFixture[str]) -> None:
    # 20,000 characters (the focus limit) of three-byte UTF-8: 60 KB, past SQLite's
    # 50,000-byte limit on a LIKE pattern.
    focus = ("观察学生如何提问" * 2500)[:20_000]
    services = open_services(resolve_settings())
    try:
        from tests.helpers.builders import make_walk

        walk = make_walk(services, "Long focus", walkers=1, visits=1)
        services.walks.update_walk(walk.id, focus=focus)
        make_walk(services, "Other walk", walkers=1, visits=1)
    finally:
        services.close()
    code, out, err = run(capsys, "list", "--search", focus, "--json")
    assert code == 0, err
    assert [w["title"] for w in json.loads(out)] == ["Long focus"]
    # Case-insensitive as before, and % or _ in the text are plain characters.
    code, out, err = run(capsys, "list", "--search", "LONG FOCUS", "--json")
    assert [w["title"] for w in json.loads(out)] == ["Long focus"]
    code, out, err = run(capsys, "list", "--search", "_", "--json")
    assert json.loads(out) == []


@pytest.mark.parametrize(("url", "needle"), [
    ("garbage://x", "garbage"),
    ("not a url", "not a database URL"),
    ("://", "not a database URL"),
    ("mysql://someone@localhost/walks", "mysql"),
    ("sqlite:////{tmp}/no-such-folder/walkapp.sqlite3", "does not exist"),
    ("sqlite:////{tmp}", "is a folder"),
])
def test_a_bad_database_url_is_one_clear_line(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str],
                                              url: str, needle: str) -> None:
    url = url.replace("/{tmp}", str(tmp_path))
    for args in (["--database-url", url, "list"], ["--database-url", url, "check"],
                 ["--database-url", url, "demo"]):
        code, out, err = run(capsys, *args)
        assert_clear_failure(code, out, err, EXIT_USAGE)
        assert needle in err and err.count("\n") == 1
    assert not (tmp_path / "no-such-folder").exists()


def test_a_bad_database_url_from_the_environment_is_one_clear_line(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WALKAPP_DATABASE_URL", "garbage://x")
    code, out, err = run(capsys, "list")
    assert_clear_failure(code, out, err, EXIT_USAGE)
    assert "WALKAPP_DATABASE_URL" in err and err.count("\n") == 1


@pytest.mark.parametrize("url", ["postgresql://walkapp@localhost/walks",
                                 "postgresql+psycopg://walkapp@localhost/walks",
                                 "postgresql+psycopg2://walkapp@localhost/walks"])
def test_district_mode_without_its_driver_says_what_to_install(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        url: str) -> None:
    # Whatever this machine has installed, the driver cannot be imported here.
    for name in ("psycopg", "psycopg2"):
        monkeypatch.setitem(sys.modules, name, None)
    code, out, err = run(capsys, "--database-url", url, "list")
    assert_clear_failure(code, out, err, EXIT_USAGE)
    assert "pip install 'walkapp[server]'" in err and err.count("\n") == 1


def test_a_real_bug_is_still_an_internal_error(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch,
                                               demo: None) -> None:
    from walkapp.services.walks import WalkService

    def broken(self: object, search: str = "") -> None:
        raise ZeroDivisionError("a bug, \x1b[31mred")

    monkeypatch.setattr(WalkService, "list_walks", broken)
    code, _, err = run(capsys, "list")
    assert code == EXIT_INTERNAL
    assert err.startswith("walkapp: internal error: ZeroDivisionError") and "report it" in err
    assert err.count("\n") == 1 and "\x1b" not in err


def test_a_file_holding_a_broken_character_is_refused_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """JSON can spell half of a surrogate pair (\\ud800); such text can be neither stored
    nor printed, so a notes file or kit holding one is refused like any damaged file."""
    from tests.core.test_bundle_hostile import _members, _resealed
    from walkapp.bundles import crypto

    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)
    fac = ["--data-dir", str(tmp_path / "fac")]
    amy = ["--data-dir", str(tmp_path / "amy")]
    kit = tmp_path / "amira.walkkit"
    notes = tmp_path / "amira.walknotes"
    assert main([*fac, "demo"]) == 0
    assert main([*fac, "kit", "Learning", "--walker", "Amira Haddad", "-o", str(kit)]) == 0
    assert main([*amy, "open-kit", str(kit)]) == 0
    services = open_services(resolve_settings(tmp_path / "amy"))
    try:
        from walkapp.services import NoteDraft

        walk = services.walks.list_walks()[0]
        full = services.walks.get_walk(walk.id)
        services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=full.walkers[0].id,
                                           visit_id=full.visits[0].id, text="Pairs talk"))
    finally:
        services.close()
    assert main([*amy, "export", "Learning", "-o", str(notes)]) == 0
    capsys.readouterr()

    def broken_note(value: dict) -> None:  # type: ignore[type-arg]
        value["items"][0]["content"]["text"] += "\ud800"

    def broken_name(manifest: dict) -> None:  # type: ignore[type-arg]
        manifest["walker_name"] += "\ud800"

    def broken_title(manifest: dict) -> None:  # type: ignore[type-arg]
        manifest["walk_title"] += "\ud800"

    good = notes.read_bytes()
    assert "notes.json" in _members(good)
    for name, data in (("note", _resealed(good, broken_note)),
                       ("name", _resealed(good, manifest_change=broken_name))):
        bad = tmp_path / f"broken-{name}.walknotes"
        bad.write_bytes(data)
        code, out, err = run(capsys, *fac, "import", str(bad))
        assert_clear_failure(code, out, err, 1)
        assert "cannot be stored (a lone surrogate" in out, out
    bad_kit = tmp_path / "broken.walkkit"
    kit_data = kit.read_bytes()
    part = next(name for name in _members(kit_data) if name != "manifest.json")
    bad_kit.write_bytes(_resealed(kit_data, member=part, manifest_change=broken_title))
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "ben"), "open-kit", str(bad_kit))
    assert_clear_failure(code, out, err, 1)
    assert "cannot be stored (a lone surrogate" in err and err.count("\n") == 1
