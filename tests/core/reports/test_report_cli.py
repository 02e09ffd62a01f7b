"""`walkapp report`: a PDF for each kind, one-line errors for everything a user can get wrong."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tests.core.reports.conftest import pdf_text
from tests.helpers.cli_run import run
from walkapp import domain as d


@pytest.mark.parametrize(("kind", "extra", "needle"), [
    ("debrief", [], "Norms we agreed"),
    ("agenda", ["--start", "13:05"], "1:05 – 1:10 PM"),
    ("notecatcher", ["--paper", "letter"], "Your name"),
    ("actions", [], "Action-item tracker"),
    ("journal", ["--walker", "Ben Okafor"], "Growth journal: Ben Okafor"),
    ("thanks", ["--visit", "3"], "Dear colleague,"),
    ("script", [], "Facilitator's script"),
])
def test_each_kind_writes_a_pdf(demo: d.Walk, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str], kind: str,
                                extra: list[str], needle: str) -> None:
    target = tmp_path / f"{kind}.pdf"
    code, out, err = run(capsys, "report", "Learning walk", "--kind", kind, *extra,
                         "-o", str(target))
    assert code == 0, err
    assert out.startswith("Wrote the ") and str(target) in out and "page" in out
    assert needle in pdf_text(target.read_bytes())


def test_actions_and_journal_need_no_walk(demo: d.Walk, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["--kind", "actions"], ["--kind", "journal", "--walker", "amira haddad"]):
        code, _, err = run(capsys, "report", *args, "-o", str(tmp_path / "x.pdf"))
        assert code == 0, err


@pytest.mark.parametrize(("args", "needle"), [
    (["Learning", "--kind", "journal"], "name them"),
    (["Learning", "--kind", "journal", "--walker", "Nobody Here"], "No walker named"),
    (["Learning", "--kind", "thanks"], "give its number"),
    (["Learning", "--kind", "thanks", "--visit", "9"], "no Visit 9"),
    (["--kind", "debrief"], "Name the walk"),
    (["No such walk", "--kind", "debrief"], "No walk matches"),
    (["Learning", "--kind", "agenda", "--start", "25:99"], "not a time"),
    (["Learning", "--kind", "debrief", "--paper", "a3"], "invalid choice"),
    (["Learning", "--kind", "poster"], "invalid choice"),
    (["Learning", "--kind", "debrief"], "required: -o"),
    (["--kind", "script"], "--protocol ID"),
    (["--kind", "agenda", "--protocol", "learning-walk"], "--protocol is for --kind script"),
    (["Learning", "--kind", "script", "--protocol", "learning-walk"], "not both"),
    (["--kind", "script", "--protocol", "no-such-protocol"], "no-such-protocol"),
    (["--kind", "script", "--protocol", "missing.toml"], "does not exist"),
])
def test_mistakes_give_one_line(demo: d.Walk, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str], args: list[str],
                                needle: str) -> None:
    output = [] if "required: -o" in needle else ["-o", str(tmp_path / "x.pdf")]
    code, _, err = run(capsys, "report", *args, *output)
    assert code != 0 and needle in err, err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_unwritable_places_give_one_line(demo: d.Walk, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(capsys, "report", "Learning", "--kind", "debrief", "-o",
                       str(tmp_path / "missing" / "x.pdf"))
    assert code != 0 and "does not exist" in err and err.count("\n") == 1

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    folder = tmp_path / "out"
    folder.mkdir()
    code, _, err = run(capsys, "report", "Learning", "--kind", "debrief", "-o",
                       str(folder / "x.pdf"))
    assert code != 0 and "disk is full" in err and err.count("\n") == 1
    assert list(folder.iterdir()) == []


def test_help_lists_the_report_command_without_loading_reportlab() -> None:
    import subprocess
    import sys

    probe = ("import sys; from walkapp.cli import build_parser; build_parser(); "
             "print('reportlab' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


def test_the_script_of_a_protocol_needs_no_walk(demo: d.Walk, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from walkapp.protocol.library import builtin_dir, builtin_protocol

    protocol = builtin_protocol("plc-mirror")
    own = tmp_path / "ours.toml"
    own.write_text((builtin_dir() / "ghost-walk.toml").read_text(encoding="utf-8")
                   .replace('title = "Ghost walk"', 'title = "Our own ghost walk"', 1),
                   encoding="utf-8")
    for source, title in (("plc-mirror", protocol.title), (str(own), "Our own ghost walk")):
        target = tmp_path / "script.pdf"
        code, _, err = run(capsys, "report", "--kind", "script", "--protocol", source,
                             "-o", str(target))
        assert code == 0, err
        text = pdf_text(target.read_bytes())
        assert title in text and "Facilitator's script" in text and "Running order" in text
