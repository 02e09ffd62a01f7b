"""Running `walkapp note …` in a test: the exit code, stdout and stderr, standard input
given as bytes; and the walk the note-command tests write in."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass
from typing import Any

import pytest

from tests.helpers.builders import make_walk
from walkapp import domain as d
from walkapp.cli import main
from walkapp.services import Services


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        assert self.code == 0, self.err
        return json.loads(self.out)


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str,
        stdin: bytes = b"") -> Ran:
    """`walkapp ARGS` with `stdin` on standard input (not a terminal)."""
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse's own refusals
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return Ran(code, out, err)


def note_walk(services: Services, title: str = "Maths walk") -> d.Walk:
    """Fran Facilitator and Walker 1…4; visits 1…3; look-fors "Student talk" and "Open
    questions"; the built-in learning walk's stems (noticed, wonder, will_try, question)."""
    return make_walk(services, title)


def one_error_line(ran: Ran) -> str:
    """The one line a refused command ends with (no traceback)."""
    assert ran.code != 0, ran.out
    assert ran.err.count("\n") == 1 and "Traceback" not in ran.err, ran.err
    assert ran.err.startswith("walkapp: error: "), ran.err
    return ran.err


class Cli:
    """`cli("note", "add", …, stdin=b"…")` in a test (see `run`)."""

    def __init__(self, capsys: pytest.CaptureFixture[str],
                 monkeypatch: pytest.MonkeyPatch) -> None:
        self._capsys = capsys
        self._monkeypatch = monkeypatch

    def __call__(self, *args: str, stdin: bytes = b"") -> Ran:
        return run(self._capsys, self._monkeypatch, *args, stdin=stdin)
