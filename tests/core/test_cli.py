"""The `walkapp` command: JSON out, one-line errors, and no Qt loaded for headless work."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from walkapp import __version__
from walkapp.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_then_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0 and "sample walk" in out
    code, out, _ = run(capsys, "list", "--json")
    walks = json.loads(out)
    assert code == 0 and len(walks) == 1
    assert walks[0]["title"].startswith("Learning walk") and walks[0]["note_count"] >= 40


def test_show_by_title_prefix_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "demo")
    code, out, _ = run(capsys, "show", "learning walk")
    assert code == 0 and "Visit 1" in out and "I noticed" in out
    code, out, _ = run(capsys, "show", "Learning", "--json")
    record = json.loads(out)
    assert len(record["walk"]["visits"]) == 5 and len(record["notes"]) >= 40
    # Teacher names are off by default; the demo has none, and none leak into show.
    assert all(v["teacher_name"] is None for v in record["walk"]["visits"])


def test_data_dir_flag_is_honoured(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--data-dir", str(tmp_path / "elsewhere"), "demo")
    assert (tmp_path / "elsewhere" / "walkapp.sqlite3").exists()
    _, out, _ = run(capsys, "list", "--json")
    assert json.loads(out) == []  # the default (env) folder is untouched


def test_check_reports_ok_and_counts(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "demo")
    code, out, _ = run(capsys, "check", "--json")
    assert code == 0 and json.loads(out)["ok"] is True and json.loads(out)["walks"] == 1


def test_check_on_a_damaged_file_fails_clearly(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "damaged"
    folder.mkdir()
    (folder / "walkapp.sqlite3").write_bytes(b"this is not a database" * 100)
    code, _, err = run(capsys, "--data-dir", str(folder), "check")
    assert code != 0 and "damaged" in err and "Traceback" not in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(("args", "needle"), [
    (["show", "nothing-like-this"], "No walk matches"),
    (["show", ""], "Name a walk"),
    (["frobnicate"], "invalid choice"),
    (["list", "--colour"], "unrecognized arguments"),
])
def test_bad_input_is_one_line_and_non_zero(capsys: pytest.CaptureFixture[str],
                                            args: list[str], needle: str) -> None:
    try:
        code = main(args)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    _, err = capsys.readouterr()
    assert code != 0
    assert needle in err and err.count("\n") == 1 and "Traceback" not in err


def test_version_and_module_entry_point(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "walkapp", "--version"],
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip() == f"walkapp {__version__}"


def test_no_display_gives_a_clear_message(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "WALKAPP_DATA_DIR": str(tmp_path / "d")}
    result = subprocess.run([sys.executable, "-m", "walkapp"], capture_output=True,
                            text=True, env=env, timeout=60)
    if sys.platform.startswith("linux"):
        assert result.returncode == 1
        assert "No screen found" in result.stderr and "Traceback" not in result.stderr


HEADLESS_SCRIPT = """
import sys
from walkapp.cli import main
d = sys.argv[1]
codes = [main(['--data-dir', d, *args]) for args in (
    ['demo'], ['list'], ['list', '--json'], ['show', 'Learning'], ['show', 'Learning', '--json'],
    ['check'])]
assert codes == [0] * len(codes), codes
loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')
                or m.startswith('walkapp.ui'))
print('QT-MODULES:', loaded)
"""


def test_headless_commands_never_load_qt(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", HEADLESS_SCRIPT, str(tmp_path / "d")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "QT-MODULES: []" in result.stdout


def test_core_sources_do_not_import_qt() -> None:
    """Static twin of the runtime check: no core module imports Qt or walkapp.ui, except
    the one hand-over point that opens the window."""
    import ast

    import walkapp

    core = Path(walkapp.__file__).parent
    allowed = {core / "cli" / "gui.py"}
    offenders = []
    for path in core.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if (name.split(".")[0] in {"PySide6", "shiboken6", "PyQt6", "PyQt5"}
                        or name.startswith("walkapp.ui")) and path not in allowed:
                    offenders.append(f"{path.relative_to(core)} imports {name}")
    assert offenders == []


@pytest.mark.parametrize("first", ["walkapp.bundles", "walkapp.services", "walkapp.reports",
                                   "walkapp.protocol", "walkapp.nudge", "walkapp.cli"])
def test_each_core_package_imports_on_its_own(first: str) -> None:
    """No import cycles: any core package can be the first one a program imports."""
    result = subprocess.run([sys.executable, "-c", f"import {first}"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_show_text_does_not_pass_terminal_escapes(capsys: pytest.CaptureFixture[str]) -> None:
    from walkapp.config import resolve_settings
    from walkapp.services import NoteDraft, open_services

    services = open_services(resolve_settings())
    try:
        from tests.helpers.builders import make_walk

        walk = make_walk(services, "Escapes")
        services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walk.walkers[0].id,
                                           visit_id=walk.visits[0].id,
                                           text="red \x1b[31mtext\x07 and\ttab"))
    finally:
        services.close()
    code, out, _ = run(capsys, "show", "Escapes")
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    # One note, one line: a tab (or line break) inside it is shown as an escape too.
    assert "red \\x1b[31mtext\\x07 and\\ttab" in out
    code, out, _ = run(capsys, "show", "Escapes", "--json")
    assert "red \x1b[31mtext\x07 and\ttab" in json.loads(out)["notes"][0]["text"]
