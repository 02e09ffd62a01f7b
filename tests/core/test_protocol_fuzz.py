"""Fuzzing the protocol loader: whatever the bytes, the answer is a Protocol or one
ProtocolError line naming the file — never another exception, never a traceback."""

from __future__ import annotations

import copy
import json
import random
import tomllib
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.protocol_carrier import carrier
from walkapp.nudge.lexicon import check_lexicon_data
from walkapp.paths import data_dir
from walkapp.protocol import Protocol, ProtocolError, check_file, check_text, from_snapshot
from walkapp.protocol.snapshot import to_data, to_snapshot
from walkapp.protocol.tomlwrite import dumps
from walkapp.protocol.validate import build_protocol

# The built-ins, and the carrier of every key (format version 2 included).
BUILTIN_TEXTS = [p.read_text(encoding="utf-8")
                 for p in sorted(data_dir("protocols").glob("*.toml"))] + [carrier()]
NAME = "fuzzed.toml"
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def assert_clean(protocol: Protocol | None, errors: list[ProtocolError]) -> None:
    if protocol is not None:
        assert errors == []
        return
    assert errors, "a failed check must say why"
    for error in errors:
        assert isinstance(error, ProtocolError)
        assert "\n" not in error.message and "\r" not in error.message
        assert error.message.startswith(NAME) or error.message.startswith("the walk")
        assert "Traceback" not in error.message


def check(text: str) -> None:
    assert_clean(*check_text(text, NAME))


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(tmp_path_factory: Any, raw: bytes) -> None:
    path = Path(tmp_path_factory.mktemp("fuzz")) / NAME
    path.write_bytes(raw)
    protocol, errors = check_file(path)
    assert protocol is None
    assert all(e.message.startswith(str(path)) and "\n" not in e.message for e in errors)


@FUZZ
@given(st.text(max_size=1500))
def test_random_text(text: str) -> None:
    check(text)


@FUZZ
@given(st.sampled_from(BUILTIN_TEXTS), st.floats(0, 1))
def test_truncated_builtins(text: str, fraction: float) -> None:
    check(text[: int(len(text) * fraction)])


@FUZZ
@given(st.sampled_from(BUILTIN_TEXTS), st.lists(
    st.tuples(st.floats(0, 1), st.sampled_from(["delete", "insert", "duplicate", "swap"]),
              st.text(min_size=1, max_size=3)), min_size=1, max_size=6))
def test_corrupted_builtins(text: str, edits: list[tuple[float, str, str]]) -> None:
    for where, how, chars in edits:
        i = int(len(text) * where)
        if how == "delete":
            text = text[:i] + text[i + len(chars):]
        elif how == "insert":
            text = text[:i] + chars + text[i:]
        elif how == "duplicate":
            text = text[:i] + text[i:i + 40] + text[i:]
        else:
            lines = text.splitlines()
            if len(lines) > 2:
                j = int(where * (len(lines) - 1))
                lines[j], lines[-1 - j] = lines[-1 - j], lines[j]
                text = "\n".join(lines)
    check(text)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += _paths(value, (*prefix, index))
    return out


toml_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False) | st.text(max_size=50)
    | st.dates() | st.times() | st.datetimes(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=10)


@FUZZ
@given(st.sampled_from(BUILTIN_TEXTS), st.randoms(use_true_random=False), toml_values,
       st.sampled_from(["replace", "unknown-key", "drop"]))
def test_wrong_typed_and_unknown_values(text: str, rnd: random.Random, value: Any,
                                        how: str) -> None:
    """Replace, add or drop one value anywhere in a valid protocol's data."""
    data = tomllib.loads(text)
    path = rnd.choice(_paths(data)[1:])
    parent: Any = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if how == "replace":
        parent[last] = value
    elif how == "unknown-key" and isinstance(parent, dict):
        parent[f"{last}_extra"] = value
    elif isinstance(parent, dict):
        del parent[last]
    elif isinstance(parent, list):
        parent.pop(last)
    protocol, issues = build_protocol(data)
    assert (protocol is None) == bool(issues)
    # The same data must also survive the trip through a file, when TOML can hold it.
    try:
        written = dumps(data)
    except TypeError:
        return  # None or a date in a list: not writable as TOML by our writer
    check(written)


@FUZZ
@given(st.sampled_from(BUILTIN_TEXTS), toml_values)
def test_snapshot_tampering(text: str, value: Any) -> None:
    protocol = check_text(text)[0]
    assert protocol is not None
    data = to_data(protocol)
    data[random.Random(len(text)).choice(sorted(data))] = value
    snapshot = json.dumps(data, default=str)
    try:
        result = from_snapshot(snapshot)
    except ProtocolError as error:
        assert "\n" not in error.message
    else:
        assert isinstance(result, Protocol)


@FUZZ
@given(st.text(max_size=300))
def test_snapshot_garbage(text: str) -> None:
    try:
        from_snapshot(text)
    except ProtocolError as error:
        assert "\n" not in error.message


@settings(max_examples=60, deadline=None)
@given(toml_values)
def test_word_list_validator_never_crashes(value: Any) -> None:
    base = tomllib.loads((data_dir("protocols") / "lang" / "en.toml").read_text("utf-8"))
    for key in list(base):
        broken = copy.deepcopy(base)
        broken[key] = value
        lexicon, errors = check_lexicon_data(broken, NAME)
        assert (lexicon is None) == bool(errors)
        assert all("\n" not in e.message for e in errors)


def test_every_value_type_tomllib_can_produce_is_handled() -> None:
    """Dates and times are legal TOML; the loader must call them wrong, not crash."""
    text = BUILTIN_TEXTS[0].replace('version = "1"', "version = 1979-05-27T07:32:00Z", 1)
    errors = check_text(text, NAME)[1]
    assert errors and "date or time" in errors[0].message
    for odd in (date(2020, 1, 1), time(1, 2), datetime(2020, 1, 1), 1.5, [], {}):
        data = tomllib.loads(BUILTIN_TEXTS[0])
        data["title"] = odd
        assert build_protocol(data)[0] is None


def test_snapshots_of_all_builtins_are_stable_across_runs() -> None:
    first = [to_snapshot(check_text(t)[0])[1] for t in BUILTIN_TEXTS]  # type: ignore[arg-type]
    second = [to_snapshot(check_text(t)[0])[1] for t in BUILTIN_TEXTS]  # type: ignore[arg-type]
    assert first == second and len(set(first)) == len(first)


@FUZZ
@given(st.dictionaries(st.sampled_from(
    ["schema_version", "id", "version", "title", "pre_brief", "observation", "post_brief",
     "norms", "stems", "feedback", "look_for_sets", "debrief_sequence", "source", "x",
     "visit_form", "tallies", "variants", "corridor_after_last", "roles"]),
    toml_values, max_size=8), st.sampled_from([None, 1, 2]))
def test_random_toml_documents(data: dict[str, Any], with_version: int | None) -> None:
    """Well-formed TOML with protocol-like keys (version 1 and 2) and random values."""
    if with_version is not None:
        data["schema_version"] = with_version
    try:
        text = dumps(data)
    except TypeError:
        return  # holds a value our writer does not emit (None, a date inside a list…)
    check(text)


@pytest.mark.slow
@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(BUILTIN_TEXTS), st.floats(0, 1), st.text(max_size=5), st.floats(0, 1))
def test_deep_fuzz_of_edited_builtins(text: str, cut: float, insert: str, where: float) -> None:
    """The long run: truncate, then insert a few random characters anywhere."""
    text = text[: int(len(text) * cut)] if cut < 0.5 else text
    i = int(len(text) * where)
    check(text[:i] + insert + text[i:])
