"""One formatting module (Babel) for counts, dates, times, durations and numbers: natural
English by default, the locale taken from the environment, and no "walker(s)" anywhere."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from walkapp import formatting as fmt

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2026, 12, 1)


@pytest.mark.parametrize(("count", "text"), [(0, "0 walkers"), (1, "1 walker"),
                                             (2, "2 walkers"), (1234, "1,234 walkers")])
def test_counts_read_naturally(count: int, text: str) -> None:
    assert fmt.plural(count, "walker", "walkers") == text


def test_phrases_with_the_count_inside() -> None:
    assert fmt.plural(1, "{n} backup exists", "{n} backups exist") == "1 backup exists"
    assert fmt.plural(3, "{n} backup exists", "{n} backups exist") == "3 backups exist"


def test_dates_times_durations_and_numbers_in_english() -> None:
    assert fmt.long_date(DAY) == "Tuesday, December 1, 2026"
    assert fmt.short_date(DAY) == "Dec 1, 2026" and fmt.short_date(None) == "—"
    assert fmt.short_date_pattern() == "MMM d, yyyy"   # date editors show the same style
    assert fmt.clock(time(13, 5)) == "1:05\u00a0PM"
    assert fmt.clock_span(time(8, 30), time(8, 35)) == "8:30 – 8:35\u00a0AM"
    assert fmt.duration(5 * 60) == "5 min" and fmt.duration(65 * 60) == "1 h 05 min"
    assert fmt.number(4.5, 1) == "4.5" and fmt.number(12345) == "12,345"
    assert fmt.moment(datetime(2026, 12, 1, 9, 5, tzinfo=UTC)).startswith("Dec 1, 2026, ")


@pytest.mark.parametrize(("env", "expected"), [
    ({"LANG": "en_GB.UTF-8"}, "en_GB"),
    ({"LANG": "en_GB.UTF-8", "LC_ALL": "de_DE.UTF-8"}, "de_DE"),     # LC_ALL wins
    ({"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en_GB"),
    ({"LANG": "C.UTF-8"}, "en"), ({"LANG": "POSIX"}, "en"), ({}, "en"),
    ({"LANG": "xx_NOWHERE"}, "en"), ({"LANG": "???"}, "en"),
])
def test_the_locale_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch,
                                               env: dict[str, str], expected: str) -> None:
    monkeypatch.setattr(fmt, "_override", None)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert fmt.locale_name() == expected


def test_another_locale_formats_its_own_way(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fmt, "_override", None)
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert fmt.long_date(DAY) == "Tuesday, 1 December 2026"
    assert fmt.clock(time(13, 5)) == "13:05"
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert fmt.short_date(DAY) == "01.12.2026" and fmt.number(4.5, 1) == "4,5"


def test_no_maybe_plural_is_left_in_user_text() -> None:
    """"walker(s)", "note(s)" and the like in any string: counts go through fmt.plural."""
    import io
    import tokenize

    pattern = re.compile(r"[A-Za-z]\(s\)")
    found = []
    for folder in ("walkapp", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts or path.name == "formatting.py":
                continue
            source = path.read_text("utf-8")
            for token in tokenize.generate_tokens(io.StringIO(source).readline):
                if token.type == tokenize.STRING and pattern.search(token.string):
                    found.append(f"{path.relative_to(ROOT)}:{token.start[0]}: {token.string}")
    assert not found, "\n".join(found)


def test_the_cli_speaks_in_plain_counts(capsys: pytest.CaptureFixture[str]) -> None:
    from walkapp.cli import main

    assert main(["demo"]) == 0
    assert main(["check"]) == 0 and main(["show", "Learning"]) == 0
    out = capsys.readouterr().out
    assert "ok: 1 walk in" in out and "(s)" not in out
    assert re.search(r"Group [AB]: \d walkers", out), out


def test_counts_are_formatted_as_babel_formats_them_in_every_locale() -> None:
    """`number` takes a short way for whole non-negative numbers (a list of 10,000 walks
    formats 40,000 of them); it must give Babel's own answer, in every locale Babel has."""
    from babel import Locale, localedata
    from babel.numbers import format_decimal

    values = (0, 1, 7, 42, 999, 1000, 1001, 12_345, 100_000, 999_999, 1_000_000, 1_234_567,
              10**12 + 7)
    differ = []
    try:
        for identifier in localedata.locale_identifiers():
            fmt.set_locale(identifier)
            locale = Locale.parse(identifier)
            for value in values:
                babel = format_decimal(value, format="#,##0", locale=locale)
                if fmt.number(value) != fmt._clean(babel):
                    differ.append((identifier, value, fmt.number(value), babel))
    finally:
        fmt.set_locale(None)
    assert differ == []


def test_one_locale_keeps_the_locale_of_its_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fmt, "_override", None)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    with fmt.one_locale():
        monkeypatch.setenv("LANG", "en_US.UTF-8")
        assert fmt.locale_name() == "de_DE"
        assert fmt.number(12345) == "12.345"
    assert fmt.locale_name() == "en_US"
    fmt.set_locale("fr_FR")
    with fmt.one_locale():
        fmt.set_locale("en_GB")
    assert fmt.locale_name() == "fr_FR"  # what was set before is back afterwards
