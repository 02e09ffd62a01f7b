"""Paper size: Letter where the locale's country uses it, A4 elsewhere, overridable."""

from __future__ import annotations

import pytest

from walkapp.errors import ValidationError
from walkapp.reports.paper import Paper, default_paper, parse_paper


@pytest.mark.parametrize(("env", "paper"), [
    ({"LANG": "en_US.UTF-8"}, Paper.LETTER),
    ({"LANG": "en_GB.UTF-8"}, Paper.A4),
    ({"LANG": "es_MX.UTF-8"}, Paper.LETTER),
    ({"LANG": "es_ES.UTF-8"}, Paper.A4),
    ({"LANG": "fr_CA"}, Paper.LETTER),
    ({"LANG": "fil_PH.UTF-8"}, Paper.LETTER),
    ({"LANG": "de_DE@euro"}, Paper.A4),
    ({"LANG": "en-US"}, Paper.LETTER),
    ({"LANG": "en_US.UTF-8", "LC_PAPER": "en_AU.UTF-8"}, Paper.A4),
    ({"LC_ALL": "en_US.UTF-8", "LC_PAPER": "en_AU.UTF-8"}, Paper.LETTER),
    ({"LANG": "C.UTF-8"}, Paper.A4),
    ({"LANG": "English_United States.1252"}, Paper.LETTER),
    ({}, Paper.A4),
])
def test_default_paper_follows_the_locale(env: dict[str, str], paper: Paper) -> None:
    assert default_paper(env) is paper


def test_parse_paper() -> None:
    assert parse_paper("A4") is Paper.A4 and parse_paper(" letter ") is Paper.LETTER
    assert parse_paper(None) is None and parse_paper("") is None
    with pytest.raises(ValidationError, match="a4, letter"):
        parse_paper("a3")


def test_sizes_in_points() -> None:
    assert Paper.LETTER.size == (612.0, 792.0)
    assert tuple(round(x) for x in Paper.A4.size) == (595, 842)


@pytest.mark.parametrize("lang", ["C.UTF-8", "C", "POSIX", ""])
def test_no_locale_is_a4_not_pythons_us_guess(monkeypatch: pytest.MonkeyPatch,
                                               lang: str) -> None:
    """Python reads C.UTF-8 (and no locale at all) as en_US; the world mostly prints on A4,
    so a computer that names no country gets A4."""
    for name in ("LC_ALL", "LC_PAPER", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang)
    from walkapp import formatting as fmt

    fmt.set_locale(None)
    assert default_paper() is Paper.A4


@pytest.mark.parametrize(("chosen", "paper"), [("en_GB", Paper.A4), ("en_US", Paper.LETTER),
                                               ("es_CO", Paper.LETTER), ("es_ES", Paper.A4),
                                               ("en_PH", Paper.LETTER), ("fr_CA", Paper.LETTER),
                                               ("de", Paper.A4)])
def test_the_locale_the_app_speaks_decides(monkeypatch: pytest.MonkeyPatch, chosen: str,
                                           paper: Paper) -> None:
    """The locale walkapp formats dates with (walkapp.formatting, also set by the app)
    chooses the paper too, unless LC_PAPER says otherwise."""
    from walkapp import formatting as fmt

    monkeypatch.setenv("LANG", "en_US.UTF-8" if paper is Paper.A4 else "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_PAPER", raising=False)
    monkeypatch.setattr(fmt, "_override", chosen)
    assert default_paper() is paper
    monkeypatch.setenv("LC_PAPER", "en_US.UTF-8" if paper is Paper.A4 else "en_GB.UTF-8")
    assert default_paper() is not paper  # the paper setting of its own wins
