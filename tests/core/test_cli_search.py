"""`walkapp search TEXT [--walk W] [--json] [--limit N]` and `walkapp list --search`."""

from __future__ import annotations

import io
import json

import pytest

from walkapp.cli import EXIT_USAGE, main, terminal


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    capsys.readouterr()


def test_search_prints_each_hit_under_its_walk_with_the_match_marked(
        capsys: pytest.CaptureFixture[str], demo: None) -> None:
    code, out, err = run(capsys, "search", "predict")
    assert code == 0 and not err
    lines = out.splitlines()
    assert lines[1].startswith("Learning walk") and "(" in lines[1]
    # Not a terminal: the matched words between «», never an escape sequence.
    assert "«predict" in out.lower() and "\x1b" not in out
    assert any(line.startswith("  Note, visit ") for line in lines)


def test_search_json_is_the_services_results(capsys: pytest.CaptureFixture[str],
                                             demo: None) -> None:
    code, out, _ = run(capsys, "search", "students", "--json", "--limit", "3")
    data = json.loads(out)
    assert code == 0 and data["text"] == "students" and data["more"] is True
    assert len(data["results"]) == 3
    hit = data["results"][0]
    assert {"kind", "field", "row_id", "walk_id", "walk_title", "walk_date", "snippet",
            "rank", "visit_number", "note_state", "text", "in_trash"} <= set(hit)
    assert any(part["is_match"] for part in hit["snippet"])
    assert hit["text"] == "".join(part["text"] for part in hit["snippet"])


def test_search_one_walk_and_nothing_found(capsys: pytest.CaptureFixture[str],
                                           demo: None) -> None:
    code, out, _ = run(capsys, "search", "students", "--walk", "Learning", "--json")
    assert code == 0 and json.loads(out)["results"]
    code, out, _ = run(capsys, "search", "zzyzx")
    assert code == 0 and "Nothing matches" in out
    code, out, err = run(capsys, "search", "x", "--limit", "0")
    assert code == EXIT_USAGE and "--limit" in err


@pytest.mark.parametrize("text", ['"', "*", "NEAR(", "-x", "a" * 50_000, "\x1b[2J", "🙂"])
def test_odd_text_is_searched(capsys: pytest.CaptureFixture[str], demo: None,
                              text: str) -> None:
    code, out, err = run(capsys, "search", "--", text)
    assert code == 0, err
    assert "\x1b" not in out
    code, out, err = run(capsys, "list", f"--search={text}", "--json")
    assert code == 0 and isinstance(json.loads(out), list), err


def test_list_search_finds_a_walk_by_a_word_in_a_note(capsys: pytest.CaptureFixture[str],
                                                      demo: None) -> None:
    code, out, _ = run(capsys, "search", "hen", "--json")
    assert json.loads(out)["results"]  # a word of one of the sample's notes
    code, out, _ = run(capsys, "list", "--search", "hen", "--json")
    assert code == 0 and [w["title"] for w in json.loads(out)] == [
        json.loads(run(capsys, "list", "--json")[1])[0]["title"]]


def test_matches_are_bold_on_a_terminal_and_text_stays_escaped(
        monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Tty()
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    terminal.echo_marked([("a \x1b[31m", False), ("match", True)], prefix="  ")
    assert out.getvalue() == "  a \\x1b[31m\x1b[1mmatch\x1b[0m\n"
    monkeypatch.setenv("NO_COLOR", "1")
    terminal.echo_marked([("match", True)])
    assert out.getvalue().endswith("«match»\n")
