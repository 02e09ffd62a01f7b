"""Dates typed by people are read in the user's locale by one function,
`walkapp.formatting.parse_date`; what it cannot read gets a message saying why."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from walkapp import formatting as fmt

DAY = date(2027, 1, 15)
TODAY = date(2026, 12, 1)


@pytest.fixture
def in_locale() -> Iterator[object]:
    def use(name: str) -> None:
        fmt.set_locale(name)

    yield use
    fmt.set_locale(None)


@pytest.mark.parametrize("typed", ["15/01/2027", "15/1/2027", "15.01.2027", "15-01-2027",
                                   "15/01/27", "2027-01-15", "2027/01/15", "20270115",
                                   "15 Jan 2027", "15 January 2027", "Jan 15, 2027",
                                   "Friday, 15 January 2027", "15th of January 2027",
                                   "  15 jan 2027  ", "15 JAN 2027"])
def test_uk_dates(in_locale, typed: str) -> None:  # type: ignore[no-untyped-def]
    in_locale("en_GB")
    assert fmt.parse_date(typed, today=TODAY) == DAY


@pytest.mark.parametrize("typed", ["01/15/2027", "1/15/27", "2027-01-15", "Jan 15, 2027",
                                   "15 Jan 2027"])
def test_us_dates(in_locale, typed: str) -> None:  # type: ignore[no-untyped-def]
    in_locale("en_US")
    assert fmt.parse_date(typed, today=TODAY) == DAY


def test_month_first_only_in_a_month_first_locale(in_locale) -> None:  # type: ignore[no-untyped-def]
    in_locale("en_GB")
    with pytest.raises(fmt.DateNotRead) as caught:
        fmt.parse_date("01/15/2027", today=TODAY)
    assert "month 15" in caught.value.message and "15/01/2027" in caught.value.message
    in_locale("en_US")
    assert fmt.parse_date("05/01/2027", today=TODAY) == date(2027, 5, 1)
    in_locale("en_GB")
    assert fmt.parse_date("05/01/2027", today=TODAY) == date(2027, 1, 5)


def test_no_year_is_this_year(in_locale) -> None:  # type: ignore[no-untyped-def]
    in_locale("en_GB")
    assert fmt.parse_date("15/01", today=TODAY) == date(2026, 1, 15)
    assert fmt.parse_date("15 Jan", today=TODAY) == date(2026, 1, 15)


@pytest.mark.parametrize("typed, says", [
    ("", "Type a date"), ("tomorrow", "“tomorrow” is not a month"),
    ("31/02/2027", "February has no day 31"), ("15/13/2027", "no month 13"),
    ("15", "is not a date"), ("1/2/3/4", "is not a date"), ("Jan", "not a whole date")])
def test_unreadable_dates_say_why(in_locale, typed: str, says: str) -> None:  # type: ignore[no-untyped-def]
    in_locale("en_GB")
    with pytest.raises(fmt.DateNotRead) as caught:
        fmt.parse_date(typed, today=TODAY)
    assert says in caught.value.message
    assert "15/01/2027" in caught.value.message  # and how to type it


@pytest.mark.parametrize("name", ["en", "en_US", "en_GB", "en_CA", "de_DE", "fr_FR", "es_ES",
                                  "es_MX", "pt_BR", "nl_NL", "it_IT", "ja_JP", "zh_CN",
                                  "ko_KR", "hu_HU", "pl_PL", "sv_SE", "ru_RU", "ar_EG"])
def test_what_the_app_shows_reads_back(in_locale, name: str) -> None:  # type: ignore[no-untyped-def]
    """A date as the app writes it (short and long), and in the locale's numeric style,
    is read back as the same day: what is shown can be typed."""
    in_locale(name)
    from babel.dates import format_date

    for day in (DAY, date(2026, 12, 1), date(2028, 2, 29), date(2030, 9, 30)):
        for shown in (fmt.short_date(day), fmt.long_date(day),
                      format_date(day, "short", locale=fmt.current_locale())):
            assert fmt.parse_date(shown, today=TODAY) == day, (name, shown)


def test_the_services_read_dates_the_same_way(in_locale, services) -> None:  # type: ignore[no-untyped-def]
    """A date given as text to a service (the CLI, a script) is read by the same function."""
    from tests.helpers.builders import make_walk
    from walkapp.errors import ValidationError

    in_locale("en_GB")
    walk = make_walk(services)
    services.walks.update_walk(walk.id, walk_date="15/01/2027")
    assert services.walks.get_walk(walk.id).walk_date == DAY
    with pytest.raises(ValidationError) as caught:
        services.walks.update_walk(walk.id, walk_date="01/15/2027")
    assert "The walk's date" in caught.value.message and "month 15" in caught.value.message
    services.walks.update_walk(walk.id, walk_date="2027-01-16")  # ISO in every locale
    assert services.walks.get_walk(walk.id).walk_date == date(2027, 1, 16)
