"""Numbers, counts, dates, times and durations as people read them, in one place (Babel).

Everything walkapp shows — the CLI, the PDF reports and the screens — formats through
these functions, so a count reads "1 walker" / "3 walkers" (never "walker(s)") and a date
has one long and one short style everywhere. Files and JSON keep ISO dates; this module is
for text meant for people.

The locale comes from the environment as POSIX programs read it (LC_ALL, then LC_MESSAGES,
then LANG); "C", "POSIX", an empty value or a name Babel does not know fall back to "en".
Counted phrases go through gettext's `ngettext` ("walker" / "walkers", or a whole phrase
"{n} walker has no group"), so a catalogue in resources/translations can translate
them with the target language's own plural rules; without a catalogue English is used.
Messages go through `tr` (gettext), marked with `N_` where they are made at import time;
`language(code)` renders a block (a report) in another language than the user's.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator
from datetime import date, datetime, time

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime, format_interval, format_time
from babel.numbers import NumberPattern, format_decimal, parse_pattern

from walkapp import messages
from walkapp.messages import DOMAIN, FALLBACK, N_, tr

__all__ = ["DOMAIN", "FALLBACK", "N_", "tr"]  # tr and N_ live in walkapp.messages (no Babel)
_override: str | None = None  # set_locale's choice (walkapp.messages reads it too)
# CLDR puts narrow/thin spaces in times ("8:30 AM", "8:30 – 8:35"); not every terminal
# font or PDF text extractor copes, so they become an ordinary no-break space and a space.
_SPACES = str.maketrans({"\u202f": "\u00a0", "\u2009": " "})


def set_locale(name: str | None) -> None:
    """Use `name` (e.g. "en_GB") instead of the environment; None: the environment again.
    For the app's settings and for tests that must not depend on the machine."""
    global _override
    _override = name


@contextlib.contextmanager
def one_locale() -> Iterator[None]:
    """Inside, the locale in force on entry is used without asking the environment again:
    for a command that formats tens of thousands of values in one go (`walkapp list` of
    10,000 walks), where reading LC_ALL, LC_MESSAGES and LANG for each value cost more
    than formatting it. Not for threads that may call `set_locale` meanwhile."""
    global _override
    saved = _override
    _override = locale_name()
    try:
        yield
    finally:
        _override = saved


@contextlib.contextmanager
def language(code: str | None) -> Iterator[None]:
    """Inside, messages, plurals, dates and numbers are in `code` ("es", "en", "es_MX"):
    what a report of a walk is written in (the walk's language, not the app's). When the
    locale in force already speaks that language ("en_GB" for "en") it is kept, so a
    British user's English walk keeps British dates. None or "": no change."""
    wanted = (code or "").strip()
    token = None
    if wanted:
        current = locale_name()
        if _parse(wanted).language != _parse(current).language:
            token = messages.within.set(wanted)
    try:
        yield
    finally:
        if token is not None:
            messages.within.reset(token)


def language_code() -> str:
    """The language in force as a two-letter code ("en", "es"): for /Lang, a walk's
    language and the catalogue of a report."""
    return str(current_locale().language)


def language_display_name(code: str) -> str:
    """A language's name in the language in force ("es" → "Spanish", "español" in es);
    `code` itself when Babel does not know it."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(current_locale())
    except (UnknownLocaleError, ValueError, TypeError, AttributeError):
        return code
    return name or code


def chosen_locale() -> str | None:
    """The locale set with `set_locale` (walkapp's own setting), None when the environment
    decides."""
    return _override


def locale_name() -> str:
    """The locale in force, as Babel names it ("en", "en_GB", "de_DE"…)."""
    return _resolved(messages.asked_for())[0]


def current_locale() -> Locale:
    return _resolved(messages.asked_for())[1]


@functools.lru_cache(maxsize=32)
def _resolved(value: str) -> tuple[str, Locale]:
    # Naming a Babel locale (str()) costs more than formatting a number with it; a list of
    # 10,000 walks formats 40,000 values, so the name and the locale are worked out once.
    name = str(_parse(value))
    return name, _parse(name)


@functools.lru_cache(maxsize=32)
def _parse(value: str) -> Locale:
    # "en_GB.UTF-8@euro" → "en_GB"; C and POSIX are "no particular language".
    name = value.split(".", 1)[0].split("@", 1)[0].strip()
    if not name or name.upper() in ("C", "POSIX"):
        return Locale.parse(FALLBACK)
    try:
        return Locale.parse(name, sep="_" if "_" in name else "-")
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse(FALLBACK)


def reset_catalogues() -> None:
    """Forget the catalogues read so far (tests that build one, a changed language)."""
    messages.reset()


# -- numbers and counts ------------------------------------------------------------------
def number(value: int | float, digits: int = 0) -> str:
    """12,345 / 4.5 in the locale's digits and separators; `digits` decimals at most."""
    locale = current_locale()
    if type(value) is int and 0 <= value < 1_000_000:
        # A count (the common case, thousands of them in a list): the digits grouped in
        # threes with the locale's separator, exactly what Babel makes of "#,##0" (a test
        # compares the two in every locale), at a small part of the cost. From a million on
        # Babel groups some locales' digits its own way (de_CH: "1234567"): Babel decides.
        return _clean(f"{value:,}".replace(",", _group_separator(locale)))
    return _clean(format_decimal(value, format=_number_pattern(digits), locale=locale))


@functools.lru_cache(maxsize=8)
def _number_pattern(digits: int) -> NumberPattern:
    return parse_pattern("#,##0" + ("." + "#" * digits if digits > 0 else ""))


@functools.lru_cache(maxsize=32)
def _group_separator(locale: Locale) -> str:
    return str(locale.number_symbols["latn"]["group"])


def plural(count: int, one: str, other: str) -> str:
    """"1 walker", "3 walkers": the count in the locale's digits and the right form.

    `one` and `other` are the English forms, either the bare noun ("walker") or a phrase
    holding "{n}" ("{n} walker has no group"); they are the translation's message ids as
    written (so Babel extracts them: keyword `plural:2,3`), and a bare noun comes after
    the number in every language walkapp is translated into ("3 participantes")."""
    chosen = messages.ngettext(one, other, count)
    if "{n}" not in chosen:
        chosen = "{n} " + chosen
    return chosen.replace("{n}", number(count))


# -- dates and times -------------------------------------------------------------------------
def long_date(day: date | None) -> str:
    """"Tuesday, December 1, 2026" (en) / "Tuesday, 1 December 2026" (en_GB): for headings."""
    return "" if day is None else _clean(format_date(day, "full", locale=current_locale()))


def short_date(day: date | None, empty: str = "—") -> str:
    """"Dec 1, 2026" (en) / "1 Dec 2026" (en_GB): for lists, tables and sentences."""
    return empty if day is None else _clean(format_date(day, "medium",
                                                        locale=current_locale()))


def short_date_pattern() -> str:
    """The short date style as a date-field pattern ("MMM d, yyyy"), for date editors, so
    what is typed into looks like what is shown. CLDR's "y" (any length) becomes "yyyy"."""
    pattern = str(current_locale().date_formats["medium"].pattern)
    return re.sub(r"y+", "yyyy", pattern)


class DateNotRead(ValueError):
    """Text typed into a date field that is not a date: `message` says why, in words fit
    to show next to the field (what was typed stays there, to be corrected)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# Words that may sit between a date's parts ("15th of January", "15 de enero de 2027",
# "2027年1月15日") and say nothing about which day it is.
_DATE_FILLERS = frozenset({"st", "nd", "rd", "th", "of", "the", "de", "del", "le", "den",
                           "der", "am", "el", "г", "р", "года", "року", "年", "月", "日", "년",
                           "월", "일"})
# In Chinese, Japanese and Korean the marks glue to the next word ("15日金曜日").
_GLUED_MARKS = "年月日년월일"
_ENGLISH = "en"


def date_order(locale: Locale | None = None) -> str:
    """"dmy", "mdy" or "ymd": the order of a date written in numbers in the locale
    (its CLDR short date pattern): 15/01/2027 in the UK, 01/15/2027 in the US."""
    pattern = str((locale or current_locale()).date_formats["short"].pattern)
    seen = [c for c in pattern if c in "dMy"]
    order = "".join(dict.fromkeys(c.lower() for c in seen))
    return order if sorted(order) == ["d", "m", "y"] else "dmy"


def date_example(locale: Locale | None = None) -> str:
    """How a date is typed here, as an example: "15/01/2027" (UK), "01/15/2027" (US)."""
    parts = {"d": "15", "m": "01", "y": "2027"}
    return "/".join(parts[c] for c in date_order(locale))


@functools.lru_cache(maxsize=32)
def _month_names(locale: Locale) -> dict[str, int]:
    """Every way the locale (and English, understood everywhere) names a month, casefolded
    and without a final dot: "jan", "january", "janv", "janvier"…"""
    names: dict[str, int] = {}
    for source in (Locale.parse(_ENGLISH), locale):
        for context in ("format", "stand-alone"):
            for width in ("abbreviated", "wide"):
                for number_, name in source.months[context][width].items():
                    key = str(name).casefold().rstrip(".")
                    # "1月" (ja, zh) names a month by its number: the digits tell it.
                    if key and not any(c.isdigit() for c in key):
                        names.setdefault(key, int(number_))
    names.setdefault("sept", 9)
    return names


@functools.lru_cache(maxsize=32)
def _weekday_names(locale: Locale) -> frozenset[str]:
    names: set[str] = set()
    for source in (Locale.parse(_ENGLISH), locale):
        for context in ("format", "stand-alone"):
            for width in ("abbreviated", "wide", "short"):
                for name in source.days[context][width].values():
                    # "sexta-feira" is read as the words "sexta" and "feira".
                    names.update(re.findall(r"[^\W\d_]+", str(name).casefold()))
    return frozenset(names)


def parse_date(text: str, *, today: date | None = None) -> date:
    """A date typed by a person, read the way the locale writes dates.

    Always: 2027-01-15 (ISO), 20270115, and month names in the locale's language or in
    English ("15 Jan 2027", "January 15, 2027", "Fri 15 Jan 2027", "15 janv. 2027" in
    French). Numbers alone follow the locale's order: 15/01/2027 in the UK and most of the
    world, 01/15/2027 only where dates are written month first (the US), 2027/01/15 where
    the year comes first; any of / . - or a space between them. A two-digit year is this
    century's; a missing year is `today`'s. Raises DateNotRead with a message saying what
    was wrong and how to type the date."""
    locale = current_locale()
    typed = " ".join(text.split())
    example = tr("Type it like {example} or {iso}.").format(
        example=date_example(locale), iso="2027-01-15")
    if not typed:
        raise DateNotRead(tr("Type a date. {how}").format(how=example))
    numbers: list[str] = []
    month: int | None = None
    months = _month_names(locale)
    weekdays = _weekday_names(locale)
    for token in re.findall(r"\d+|[^\W\d_]+", typed):
        if token.isdigit():
            numbers.append(token)
            continue
        word = token.casefold()
        while word[:1] in _GLUED_MARKS and word[1:] and word not in weekdays:
            word = word[1:]
        if word in months and month is None:
            month = months[word]
        elif word not in weekdays and word not in _DATE_FILLERS:
            raise DateNotRead(tr("“{typed}” is not a date: “{word}” is not a month. "
                                 "{how}").format(typed=typed, word=token, how=example))
    year_now = (today or date.today()).year
    if month is None and len(numbers) == 1 and len(numbers[0]) == 8:
        whole = numbers[0]  # 20270115
        numbers = [whole[:4], whole[4:6], whole[6:]]
    if month is not None:
        if not 1 <= len(numbers) <= 2:
            raise DateNotRead(tr("“{typed}” is not a whole date. {how}").format(
                typed=typed, how=example))
        year_first = len(numbers) == 2 and len(numbers[0]) >= 3
        day_text = numbers[-1] if year_first else numbers[0]
        year_text = numbers[0] if year_first else (numbers[1] if len(numbers) == 2 else None)
        parts = {"d": day_text, "m": str(month), "y": year_text}
    elif len(numbers) in (2, 3):
        if len(numbers) == 3 and len(numbers[0]) >= 3:
            order = "ymd"  # 2027-01-15 reads the same everywhere
        else:
            order = date_order(locale)
            if len(numbers) == 2:
                order = order.replace("y", "")
        parts = {"d": None, "m": None, "y": None}
        for key, value in zip(order, numbers, strict=True):
            parts[key] = value
    else:
        raise DateNotRead(tr("“{typed}” is not a date. {how}").format(typed=typed,
                                                                     how=example))
    assert parts["d"] is not None and parts["m"] is not None
    day_number, month_number = int(parts["d"]), int(parts["m"])
    year = year_now if parts["y"] is None else int(parts["y"])
    if parts["y"] is not None and len(parts["y"]) <= 2:
        year += year_now // 100 * 100
    if not 1 <= month_number <= 12:
        raise DateNotRead(tr("“{typed}” is not a date: there is no month {month}. Dates "
                             "are read here as {example}. {how}").format(
            typed=typed, month=month_number, example=_order_words(locale), how=example))
    if not 1 <= year <= 9999:
        raise DateNotRead(tr("“{typed}” is not a date: the year {year} is out of range. "
                             "{how}").format(typed=typed, year=year, how=example))
    try:
        return date(year, month_number, day_number)
    except ValueError:
        raise DateNotRead(tr("“{typed}” is not a date: {month} has no day {day}. "
                             "{how}").format(
            typed=typed, day=day_number,
            month=format_date(date(2000, month_number, 1), "MMMM", locale=locale),
            how=example)) from None


def _order_words(locale: Locale) -> str:
    words = {"d": tr("day"), "m": tr("month"), "y": tr("year")}
    return "/".join(words[c] for c in date_order(locale))


def clock(moment: time) -> str:
    """"8:30 AM" (en) / "08:30" (en_GB): a time of day."""
    return _clean(format_time(moment, "short", locale=current_locale()))


def clock_span(start: time, end: time) -> str:
    """"8:30 – 8:35 AM" (en) / "08:30–08:35" (en_GB): a span of clock time."""
    locale = current_locale()
    skeleton = "hm" if "h" in locale.time_formats["short"].pattern else "Hm"
    return _clean(format_interval(start, end, skeleton, locale=locale))


def moment(value: datetime) -> str:
    """A point in time in the computer's own time zone: "Dec 1, 2026, 9:05 AM"."""
    local = value.astimezone() if value.tzinfo is not None else value
    locale = current_locale()
    return _clean(format_datetime(local, _short_datetime(locale), locale=locale))


def _short_datetime(locale: Locale) -> str:
    # The medium date with the short time, joined the locale's way ("{1}, {0}").
    joiner = str(locale.datetime_formats["medium"])
    return (joiner.replace("{1}", str(locale.date_formats["medium"].pattern))
            .replace("{0}", str(locale.time_formats["short"].pattern)))


def duration(seconds: int) -> str:
    """Minutes for people: "12 min", "1 h 05 min" (rounded to the minute)."""
    total = round(max(0, seconds) / 60)
    hours, minutes = divmod(total, 60)
    if hours:
        return tr("{h} h {m} min").format(h=number(hours), m=f"{minutes:02d}")
    return tr("{m} min").format(m=number(minutes))


def _clean(text: str) -> str:
    return text.translate(_SPACES)
