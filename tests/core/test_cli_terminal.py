"""Text from the database or from files never drives the reader's terminal.

A title, a name, a note, a protocol, a file name or a notes file can carry escape sequences
(set the window title, clear the screen, hide text with a bidi override). Every command that
prints them shows them as visible escapes; `--json` keeps them exactly (escaped the JSON way).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.helpers.builders import make_walk
from walkapp.bundles import crypto
from walkapp.cli import main
from walkapp.config import resolve_settings
from walkapp.protocol.library import builtin_dir
from walkapp.services import NoteDraft, open_services

# OSC "set window title" + BEL, "clear screen", a C1 CSI, a bidi override and DEL.
HOSTILE = "A\x1b]0;owned\x07\x1b[2J\x9b31m\u202eZ\x7f"
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\x7f")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def assert_escaped(out: str, err: str = "") -> None:
    text = out + err
    for raw in RAW:
        assert raw not in text, (raw, text)
    assert "\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\u202eZ\\x7f" in text, text


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def _hostile_walk(data_dir: Path | None = None, *, walk_date: date | None = None) -> str:
    services = open_services(resolve_settings(data_dir))
    try:
        walk = make_walk(services, f"Walk {HOSTILE}", walkers=1, visits=1,
                         look_fors=(f"Look {HOSTILE}",), walk_date=walk_date)
        walker = walk.walkers[0]
        services.plan.update_participant(walker.id, display_name=f"Amy {HOSTILE}")
        services.plan.add_norm(walk.id, f"Norm {HOSTILE}")
        services.walks.update_walk(walk.id, school=f"School {HOSTILE}",
                                   focus=f"Focus {HOSTILE}")
        services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walker.id,
                                           visit_id=walk.visits[0].id,
                                           text=f"Note {HOSTILE}\nsecond line"))
        return walk.id
    finally:
        services.close()


# -- the one escaping function -------------------------------------------------------------------
@pytest.mark.parametrize(("text", "shown"), [
    ("\x1b[31mred", "\\x1b[31mred"),
    ("bell\x07", "bell\\x07"),
    ("nul\x00", "nul\\x00"),
    ("del\x7f", "del\\x7f"),
    ("c1 \x9b31m \x85", "c1 \\x9b31m \\x85"),
    ("\u202eevil\u202c", "\\u202eevil\\u202c"),
    ("\u2066isolate\u2069", "\\u2066isolate\\u2069"),
    ("one\ntwo\r\n", "one\\ntwo\\r\\n"),
    ("tab\there", "tab\\there"),
    ("line\u2028sep", "line\\u2028sep"),
    ("caf\udce9", "caf\\xe9"),          # a byte that is not UTF-8, from a file name
    ("half \ud83e", "half \\ud83e"),     # a lone surrogate
])
def test_control_characters_become_visible_escapes(text: str, shown: str) -> None:
    from walkapp.cli.terminal import visible

    assert visible(text) == shown


@pytest.mark.parametrize("text", [
    "Café crème", "中文笔记", "مرحبا بالعالم", "שלום", "emoji 🧮👩‍🏫", "a \\x1b literal",
    "\u200fRTL mark\u200e", "quotes “ ” ‘ ’ — …",
])
def test_ordinary_text_is_left_as_it_is(text: str) -> None:
    from walkapp.cli.terminal import visible

    assert visible(text) == text


def test_a_multi_line_value_keeps_its_line_breaks_only_when_asked() -> None:
    from walkapp.cli.terminal import visible

    assert visible("one\ntwo\x1b", one_line=False) == "one\ntwo\\x1b"
    assert visible("one\ntwo") == "one\\ntwo"


def test_json_output_escapes_exactly_what_the_terminal_text_escapes() -> None:
    """Two spellings of one rule: a character is raw in --json output if and only if
    visible() leaves it as it is (JSON's own escapes of " and \\ aside)."""
    from walkapp.cli.terminal import visible
    from walkapp.jsonout import dumps

    for code in [*range(0x3000), *range(0xD800, 0xE000), 0xFEFF, 0xFFFF, 0x1F9EE]:
        char = chr(code)
        if char in '"\\':
            continue
        raw_in_json = char in dumps(char)
        assert raw_in_json == (visible(char) == char), hex(code)
        assert json.loads(dumps(char)) == char


# -- every command that prints what is stored -------------------------------------------------
def test_list_and_show_escape_titles_names_notes(capsys: pytest.CaptureFixture[str]) -> None:
    walk_id = _hostile_walk()
    code, out, err = run(capsys, "list")
    assert code == 0, err
    assert_escaped(out)
    assert out.count("\n") == 2  # header and one row: the title stays on its line
    code, out, err = run(capsys, "show", walk_id)
    assert code == 0, err
    assert_escaped(out)
    for part in ("Walk", "Amy", "Look", "Norm", "School", "Focus", "Note"):
        assert f"{part} A\\x1b]0;owned" in out, part
    assert "Note A\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\u202eZ\\x7f\\nsecond line" in out


def test_json_output_stays_exact_and_never_raw(capsys: pytest.CaptureFixture[str]) -> None:
    walk_id = _hostile_walk()
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    for raw in RAW:
        assert raw not in out
    assert json.loads(out)[0]["title"] == f"Walk {HOSTILE}"
    code, out, _ = run(capsys, "show", walk_id, "--json")
    for raw in RAW:
        assert raw not in out
    record = json.loads(out)
    assert record["notes"][0]["text"] == f"Note {HOSTILE}\nsecond line"


def test_errors_that_quote_stored_names_are_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    _hostile_walk()
    _hostile_walk()
    # Two walks start with "Walk A…": the ambiguity lists their titles.
    code, out, err = run(capsys, "show", "Walk A")
    assert code == 1 and err.count("\n") == 1
    assert_escaped(out, err)
    # An unknown walker: the message names the walk and its walkers.
    code, out, err = run(capsys, "kit", "Walk A\x1b]0;owned\x07\x1b[2J\x9b31m\u202eZ\x7f",
                         "--walker", "nobody", "-o", "x.walkkit")
    assert code == 1 and err.count("\n") == 1
    for raw in RAW:
        assert raw not in out + err


def test_kit_open_kit_export_import_escape_titles_names_and_file_names(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fac = ["--data-dir", str(tmp_path / "fac")]
    amy = ["--data-dir", str(tmp_path / "amy")]
    walk_id = _hostile_walk(tmp_path / "fac")
    kit = tmp_path / f"kit {HOSTILE}.walkkit"
    code, out, err = run(capsys, *fac, "kit", walk_id, "--walker", f"Amy {HOSTILE}",
                         "-o", str(kit))
    assert code == 0, err
    assert_escaped(out, err)
    code, out, err = run(capsys, *amy, "open-kit", str(kit))
    assert code == 0, err
    assert_escaped(out, err)
    notes = tmp_path / f"notes {HOSTILE}.walknotes"
    code, out, err = run(capsys, *amy, "export", walk_id[:8], "-o", str(notes))
    assert code == 0, err
    assert_escaped(out, err)
    # The walker's name and the file's name come from the notes file being imported.
    code, out, err = run(capsys, *fac, "import", str(notes))
    assert code == 0, err
    assert_escaped(out, err)
    assert "notes A\\x1b]0;owned" in out and "(Amy A\\x1b]0;owned" in out
    code, out, err = run(capsys, *fac, "import", str(notes), "--json")
    assert code == 0, err
    for raw in RAW:
        assert raw not in out
    assert json.loads(out)["files"][0]["walker_name"] == f"Amy {HOSTILE}"
    # A file that is refused is named too.
    bad = tmp_path / f"bad {HOSTILE}.walknotes"
    bad.write_bytes(b"\x1b[2J not a notes file")
    code, out, err = run(capsys, *fac, "import", str(bad))
    assert code == 1
    assert_escaped(out, err)


def test_report_purge_and_backups_escape_names(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / f"data {HOSTILE}"
    d = ["--data-dir", str(data)]
    walk_id = _hostile_walk(data, walk_date=date(2001, 9, 1))
    code, out, err = run(capsys, *d, "report", walk_id, "--kind", "debrief",
                         "-o", str(tmp_path / f"report {HOSTILE}.pdf"))
    assert code == 0, err
    assert_escaped(out, err)
    for args in (["check"], ["backup"], ["backups"], ["backups", "--check"],
                 ["restore", "--yes"]):
        code, out, err = run(capsys, *d, *args)
        assert code == 0, (args, err)
        assert_escaped(out, err)
    code, out, err = run(capsys, *d, "purge", "--older-than", "12", "--yes")
    assert code == 0, err
    assert_escaped(out, err)
    assert "Walk A\\x1b]0;owned" in out


def _hostile_protocol(path: Path) -> Path:
    text = (builtin_dir() / "learning-walk.toml").read_text(encoding="utf-8")
    title = json.dumps(f"Protocol {HOSTILE}").replace("\x7f", "\\u007f")
    text = text.replace('id = "learning-walk"', 'id = "hostile"', 1)
    text = text.replace('title = "Learning walk"', f"title = {title}", 1)
    text = text.replace('title = "Student talk"', f"title = {title}", 1)
    path.write_text(text, encoding="utf-8")
    return path


def test_protocol_commands_escape_what_protocol_files_say(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _hostile_protocol(tmp_path / f"hostile {HOSTILE}.toml")
    code, out, err = run(capsys, "protocol", "check", str(source))
    assert code == 0, err
    assert_escaped(out, err)
    code, out, err = run(capsys, "protocol", "import", str(source))
    assert code == 0, err
    assert_escaped(out, err)
    for args in (["protocol", "list"], ["protocol", "show", "hostile"],
                 ["protocol", "duplicate", "hostile", "hostile-copy"]):
        code, out, err = run(capsys, *args)
        assert code == 0, (args, err)
        assert_escaped(out, err)
    code, out, _ = run(capsys, "protocol", "list", "--json")
    for raw in RAW:
        assert raw not in out
    titles = [p["title"] for p in json.loads(out)["protocols"]]
    assert f"Protocol {HOSTILE}" in titles
    # A broken protocol file: its problems quote what it says.
    broken = tmp_path / "broken.toml"
    broken.write_text(f"schema_version = 1\nid = {json.dumps(HOSTILE)}\n".replace(
        "\x7f", "\\u007f"), encoding="utf-8")
    code, out, err = run(capsys, "protocol", "check", str(broken))
    assert code == 1
    for raw in RAW:
        assert raw not in out + err


def test_anything_printed_at_all_is_made_safe(capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A command that forgets to escape (or a new one) still cannot reach the terminal:
    the CLI's own output streams escape what is left, keeping line breaks."""
    from walkapp.cli import walks

    def careless(args: object, context: object) -> int:
        print(f"title: {HOSTILE}\nnext line")
        return 0

    monkeypatch.setattr(walks, "cmd_list", careless)
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert_escaped(out)
    assert out.endswith("\nnext line\n")


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_a_terminal_that_is_not_utf8_gets_escapes_not_a_crash(tmp_path: Path,
                                                              encoding: str) -> None:
    import os
    import subprocess
    import sys

    _hostile_walk(tmp_path / "data")
    env = {**os.environ, "PYTHONIOENCODING": encoding,
           "WALKAPP_DATA_DIR": str(tmp_path / "data")}
    for args in (["list"], ["show", "Walk"], ["list", "--json"]):
        result = subprocess.run([sys.executable, "-m", "walkapp", *args], env=env,
                                capture_output=True, timeout=120)
        assert result.returncode == 0, result.stderr
        out = result.stdout.decode(encoding)
        for raw in RAW:
            assert raw not in out
        assert "Walk A" in out
    # What the encoding can show stays as it is; the rest becomes an escape.
    result = subprocess.run([sys.executable, "-m", "walkapp", "show", "Walk"], env=env,
                            capture_output=True, timeout=120)
    assert b"\\u202e" in result.stdout
