"""Every subcommand, fed odd strings in every argument: never an internal error.

Odd means control characters, NUL (argv cannot carry it, but `main([...])` can be given
one), lone surrogates (bytes that are not UTF-8), bidi and RTL marks, and very long text.
Whatever comes in, a command ends with its own result or one clear line — never exit 70,
never a traceback — and what it prints can be written to a strict UTF-8 terminal.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from walkapp.bundles import crypto
from walkapp.cli import EXIT_INTERNAL, main

ODD = "\x00\x01\x07\x08\t\n\r\x1b\x7f\x85\x9b\u200e\u200f\u202a\u202e\u2066\u2069\u2028" \
      "\ud800\udcff\udce9\ufeff\uffff é中ا🧮%_*?\\'\"-=.:;,/ []{}"

odd_strings = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from(ODD), max_size=30),
    st.builds(lambda char, count: char * count,
              st.sampled_from(["a", "é", "中", "\x1b", "%", "\udcff", "-"]),
              st.integers(min_value=1_000, max_value=60_000)),
    st.sampled_from(["", " ", "-", "--", "0", "-1", "99999999999999999999", "1e3", "off",
                     "08:61", "Learning", "learning-walk", ".", "..", "~", "sqlite://",
                     "sqlite:///", "postgresql://x@y/z", "garbage://x", "nul\x00l"]),
)

Template = Callable[[str, str], list[str]]


def _path(tmp: str, text: str) -> str:
    # Inside the test's folder whatever the text says (no "/" to climb out with).
    return f"{tmp}/f-{text.replace('/', '_')}"


def _bare(text: str) -> str:
    # Relative to the test's folder (the working directory): "", "." and ".." included.
    return text.replace("/", "_")


TEMPLATES: dict[str, Template] = {
    "list --search": lambda t, s: ["list", "--search", s],
    "show": lambda t, s: ["show", s],
    "show --json": lambda t, s: ["show", s, "--json"],
    "check": lambda t, s: ["check", s],
    "demo": lambda t, s: ["demo", s],
    "report WALK": lambda t, s: ["report", s, "--kind", "debrief", "-o", f"{t}/r.pdf"],
    "report -o": lambda t, s: ["report", "Learning", "--kind", "agenda", "-o", _path(t, s)],
    "report --walker": lambda t, s: ["report", "--kind", "journal", "--walker", s,
                                     "-o", f"{t}/r.pdf"],
    "report --start": lambda t, s: ["report", "Learning", "--kind", "agenda", "--start", s,
                                    "-o", f"{t}/r.pdf"],
    "report --visit": lambda t, s: ["report", "Learning", "--kind", "thanks", "--visit", s,
                                    "-o", f"{t}/r.pdf"],
    "report --kind": lambda t, s: ["report", "Learning", "--kind", s, "-o", f"{t}/r.pdf"],
    "kit WALK": lambda t, s: ["kit", s, "-o", f"{t}/k.walkkit"],
    "kit --walker": lambda t, s: ["kit", "Learning", "--walker", s, "-o", f"{t}/k.walkkit"],
    "kit -o": lambda t, s: ["kit", "Learning", "-o", _path(t, s)],
    "kit -o (bare)": lambda t, s: ["kit", "Learning", "-o", _bare(s)],
    "export -o (bare)": lambda t, s: ["export", "Learning", "--walker", "Amira Haddad",
                                      "-o", _bare(s)],
    "report -o (bare)": lambda t, s: ["report", "Learning", "--kind", "agenda",
                                      "-o", _bare(s)],
    "import (bare)": lambda t, s: ["import", _bare(s)],
    "--passphrase-file (bare)": lambda t, s: ["kit", "Learning", "-o", f"{t}/p.walkkit",
                                              "--passphrase-file", _bare(s)],
    "kit --passphrase-file": lambda t, s: ["kit", "Learning", "-o", f"{t}/k.walkkit",
                                           "--passphrase-file", _path(t, s)],
    "open-kit FILE": lambda t, s: ["open-kit", _path(t, s)],
    "open-kit --walker": lambda t, s: ["open-kit", f"{t}/k.walkkit", "--walker", s],
    "export --walker": lambda t, s: ["export", "Learning", "--walker", s,
                                     "-o", f"{t}/n.walknotes"],
    "import FILE": lambda t, s: ["import", _path(t, s)],
    "import --json": lambda t, s: ["import", _path(t, s), "--json"],
    "protocol": lambda t, s: ["protocol", s],
    "protocol show": lambda t, s: ["protocol", "show", s],
    "protocol check": lambda t, s: ["protocol", "check", _path(t, s)],
    "protocol import": lambda t, s: ["protocol", "import", _path(t, s)],
    "protocol duplicate NEW_ID": lambda t, s: ["protocol", "duplicate", "learning-walk", s],
    "protocol duplicate --title": lambda t, s: ["protocol", "duplicate", "learning-walk",
                                                "copy-of-it", "--title", s],
    "nudge --lang": lambda t, s: ["nudge", "--lang", s],
    "backup": lambda t, s: ["backup", s],
    "backups": lambda t, s: ["backups", "--check", s],
    "restore": lambda t, s: ["restore", s, "--yes"],
    "purge": lambda t, s: ["purge", "--older-than", s, "--yes"],
    "retention": lambda t, s: ["retention", s],
    "delete": lambda t, s: ["delete", s],
    "trash": lambda t, s: ["trash", s],
    "trash restore": lambda t, s: ["trash", "restore", s],
    "trash empty": lambda t, s: ["trash", "empty", s, "--yes"],
    "--data-dir": lambda t, s: ["--data-dir", _path(t, s), "list"],
    "--database-url": lambda t, s: ["--database-url", s, "list"],
    "--database-url sqlite": lambda t, s: ["--database-url", f"sqlite:///{_path(t, s)}",
                                           "check"],
    "COMMAND": lambda t, s: [s],
}


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Made once: a data folder with the sample walk, and a kit of it."""
    folder = tmp_path_factory.mktemp("cli-fuzz")
    data = ["--data-dir", str(folder / "data")]
    assert main([*data, "demo"]) == 0
    assert main([*data, "kit", "Learning", "-o", str(folder / "k.walkkit")]) == 0
    return folder


@pytest.fixture
def prepared(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str]) -> str:
    """A copy of the template for this test (WALKAPP_DATA_DIR is tmp_path/data); commands
    run inside tmp_path."""
    shutil.copytree(template / "data", tmp_path / "data")
    shutil.copy(template / "k.walkkit", tmp_path / "k.walkkit")
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    return str(tmp_path)


def _odd_stdin() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(b"caf\xe9 \x1b[2J lazy kids\n\x00\x9b\n"),
                            encoding="utf-8", errors="surrogateescape")


# A fixed set of examples in the suite (it must pass every time, on every run); set
# WALKAPP_CLI_FUZZ_EXAMPLES=500 to explore with fresh random ones.
_EXPLORE = os.environ.get("WALKAPP_CLI_FUZZ_EXAMPLES")


@pytest.mark.parametrize("name", list(TEMPLATES))
@settings(max_examples=int(_EXPLORE or 8), deadline=None, derandomize=_EXPLORE is None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=odd_strings)
@example(text="\x00")
@example(text="caf\udce9")
@example(text="\ud800")
@example(text="\x1b]0;owned\x07\x1b[2J\u202e\n\r")
@example(text="a" * 300)
@example(text="é" * 60_000)
def test_no_argument_is_an_internal_error(name: str, text: str, prepared: str,
                                          capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    args = TEMPLATES[name](prepared, text)
    monkeypatch.setattr(sys, "stdin", _odd_stdin())
    try:
        code = main(args)
    except SystemExit as exit_:  # argparse: --help (0) or a usage error (2)
        code = exit_.code if isinstance(exit_.code, int) else 1
        assert code in (0, 2), exit_
    out, err = capsys.readouterr()
    assert code != EXIT_INTERNAL, err
    assert "Traceback" not in out + err and "internal error" not in err, err
    (out + err).encode("utf-8")  # nothing a strict UTF-8 terminal would refuse
    for raw in ("\x1b", "\x9b", "\u202e"):
        assert raw not in out + err, (raw, out, err)
    if code != 0 and err:
        # One clear line (long text in it is cut short, not repeated in full).
        assert err.count("\n") <= 2 and len(err) < 10_000, err


ENV_TEMPLATES: dict[str, tuple[str, list[str]]] = {
    "WALKAPP_DATA_DIR list": ("WALKAPP_DATA_DIR", ["list"]),
    "WALKAPP_DATA_DIR protocol list": ("WALKAPP_DATA_DIR", ["protocol", "list"]),
    "WALKAPP_DATA_DIR backups": ("WALKAPP_DATA_DIR", ["backups"]),
    "WALKAPP_DATABASE_URL list": ("WALKAPP_DATABASE_URL", ["list"]),
    "WALKAPP_DATABASE_URL backup": ("WALKAPP_DATABASE_URL", ["backup"]),
}


@pytest.mark.parametrize("name", list(ENV_TEMPLATES))
@settings(max_examples=int(_EXPLORE or 8), deadline=None, derandomize=_EXPLORE is None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=odd_strings)
@example(text="caf\udce9")
@example(text="\x1b]0;owned\x07\u202e")
@example(text="a" * 300)
def test_no_environment_value_is_an_internal_error(name: str, text: str, prepared: str,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    variable, args = ENV_TEMPLATES[name]
    value = _path(prepared, text) if variable == "WALKAPP_DATA_DIR" else text
    try:
        os.fsencode(value)
    except UnicodeEncodeError:
        return  # not a value an environment can hold (only main([...]) can be given one)
    if "\x00" in value:
        return  # nor is NUL
    monkeypatch.setenv(variable, value)
    code = main(args)
    out, err = capsys.readouterr()
    assert code != EXIT_INTERNAL, err
    assert "Traceback" not in out + err and "internal error" not in err, err
    (out + err).encode("utf-8")
    for raw in ("\x1b", "\x9b", "\u202e"):
        assert raw not in out + err, (raw, out, err)


FILE_TEMPLATES: dict[str, Callable[[str], list[str]]] = {
    "protocol check": lambda f: ["protocol", "check", f"{f}.toml"],
    "protocol import": lambda f: ["protocol", "import", f"{f}.toml"],
    "import": lambda f: ["import", f"{f}.walknotes"],
    "open-kit": lambda f: ["open-kit", f"{f}.walkkit"],
    "--passphrase-file": lambda f: ["import", f"{f}.walknotes", "--passphrase-file",
                                    f"{f}.walknotes"],
    "restore": lambda f: ["restore", f"{f}.sqlite3", "--yes"],
}

odd_contents = st.one_of(
    st.binary(max_size=200),
    st.text(alphabet=st.sampled_from(ODD.replace("\ud800", "")), max_size=200).map(
        lambda t: t.encode("utf-8", "surrogateescape")),
    st.sampled_from([b"", b"\x00" * 50, b"PK\x03\x04" + b"\x00" * 60,
                     b"SQLite format 3\x00" + b"\x00" * 84,
                     b'schema_version = 1\nid = "x\\u001b"\n', b"\xef\xbb\xbf\x1b[2J"]),
)


@pytest.mark.parametrize("name", list(FILE_TEMPLATES))
@settings(max_examples=int(_EXPLORE or 8), deadline=None, derandomize=_EXPLORE is None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(content=odd_contents)
def test_no_file_content_is_an_internal_error(name: str, content: bytes, prepared: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    stem = f"{prepared}/odd"
    args = FILE_TEMPLATES[name](stem)
    for arg in args:
        if arg.startswith(stem):
            Path(arg).write_bytes(content)
    code = main(args)
    out, err = capsys.readouterr()
    assert code != EXIT_INTERNAL, err
    assert "Traceback" not in out + err and "internal error" not in err, err
    (out + err).encode("utf-8")
    for raw in ("\x1b", "\x9b", "\u202e"):
        assert raw not in out + err, (raw, out, err)
