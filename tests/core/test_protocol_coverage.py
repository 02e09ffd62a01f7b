"""The schema-coverage test (issue 14, Done when 1), over the loader's own table of keys.

Every key path the loader accepts (walkapp.protocol.fields.PROTOCOL_KEYS) is declared once
in walkapp.protocol.coverage: shown (the words are then looked for in the running app by
tests/ui/test_protocol_coverage.py), used (how; minutes are checked by behaviour there), or
not shown, and then `walkapp protocol check` warns, naming the key, whenever a file has it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.core.test_protocol_loader import MINIMAL
from tests.helpers.cli_run import run
from tests.helpers.protocol_carrier import carrier
from walkapp.protocol import coverage, load_text, tomlwrite
from walkapp.protocol import validate as validate_module
from walkapp.protocol.coverage import NOT_SHOWN, SHOWN, USED
from walkapp.protocol.fields import PROTOCOL_KEYS, Key, key_paths, pattern_of
from walkapp.protocol.loader import parse_toml, present_paths, protocol_warnings
from walkapp.protocol.snapshot import to_data


def test_every_key_the_loader_accepts_is_shown_used_or_warned_about() -> None:
    accepted = set(key_paths())
    declared = [*SHOWN, *USED, *NOT_SHOWN]
    assert sorted(accepted - set(declared)) == [], "declare these in walkapp/protocol/coverage.py"
    assert sorted(set(declared) - accepted) == [], "not keys the loader accepts"
    assert sorted(p for p in declared if declared.count(p) > 1) == [], "declared twice"
    assert all(places and all(isinstance(p, str) and p for p in places)
               for places in SHOWN.values())


def test_the_loader_accepts_every_key_of_its_table_and_the_carrier_has_them_all() -> None:
    text = carrier()
    protocol = load_text(text, "coverage.toml")  # no "unknown key" for any of them
    assert {pattern_of(p) for p in present_paths(parse_toml(text, "coverage.toml"))} \
        == set(key_paths())
    # What the loader built writes back to the same keys (nothing accepted is dropped).
    written = parse_toml(tomlwrite.dumps(to_data(protocol)), "written.toml")
    assert {pattern_of(p) for p in present_paths(written)} == set(key_paths())


def test_the_loader_reads_no_key_outside_its_table(monkeypatch: pytest.MonkeyPatch) -> None:
    smaller = {k: v for k, v in PROTOCOL_KEYS.items() if k != "based_on"}
    monkeypatch.setattr(validate_module, "PROTOCOL_KEYS", smaller)
    with pytest.raises(KeyError, match=r"based_on.*PROTOCOL_KEYS"):
        load_text(MINIMAL)


@pytest.mark.parametrize("not_shown", [dict(NOT_SHOWN), {
    # The mechanism, also while nothing is declared not shown: two keys, one nested.
    "source.note": "a reason", "pre_brief.steps[].prompts[].low_label": "another reason"}])
def test_check_warns_about_each_key_not_shown_naming_it(
        not_shown: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(coverage, "NOT_SHOWN", not_shown)
    text = carrier()
    path = tmp_path / "coverage.toml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "protocol", "check", str(path))
    assert code == 0 and f"ok       {path} (coverage — " in out
    warnings = err.splitlines()
    assert all(line.startswith("walkapp: warning: ") for line in warnings)
    warned = {w.field for w in protocol_warnings(parse_toml(text, "c"), "c", text)}
    assert {_pattern(field) for field in warned} == set(not_shown)
    assert len(warnings) == len(warned)
    for field in warned:
        line = next(line for line in warnings if f", {field}): " in line)
        assert f"{path} (line " in line and "not shown anywhere" in line
        assert not_shown[_pattern(field)] in line
    if warned:
        assert "1 with warnings." in out
    else:
        assert err == "" and "1 file checked, 0 with problems." in out


def _pattern(field: str) -> str:
    """"pre_brief.steps[1].prompts[2].low_label" → "pre_brief.steps[].prompts[].low_label"."""
    return re.sub(r"\[\d+\]", "[]", field)


def test_a_file_without_such_keys_checks_clean(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tiny.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert run(capsys, "protocol", "check", str(path)) == (
        0, f"ok       {path} (tiny — Tiny walk)\n1 file checked, 0 with problems.\n", "")


def test_based_on_is_printed_by_protocol_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "protocol", "duplicate", "learning-walk", "ours")[0] == 0
    code, out, _ = run(capsys, "protocol", "show", "ours")
    assert code == 0 and "Based on: learning-walk version 1" in out


def test_key_kinds_are_known() -> None:
    kinds = {"text", "lines", "texts", "key", "keys", "letter", "code", "number", "flag", "choice",
             "table", "tables"}
    assert {k.kind for k in key_paths().values()} <= kinds
    assert {k.since for k in key_paths().values()} == {1, 2}
    assert all((k.keys is not None) == (k.kind in ("table", "tables"))
               for k in key_paths().values())
    assert isinstance(PROTOCOL_KEYS["source"], Key)
