"""walkapp.language: `--lang` > Preferences > the system's locale; es_* is Spanish, the
rest English; the formatting locale keeps the system's region in its own language."""

from __future__ import annotations

import pytest

from walkapp import formatting as fmt
from walkapp import language as lang
from walkapp.cli import language_asked, main


@pytest.mark.parametrize(("locale", "expected"), [
    ("es_MX.UTF-8", "es"), ("es_ES", "es"), ("es-419", "es"), ("ES_es.utf8@euro", "es"),
    ("en_GB.UTF-8", "en"), ("de_DE", "en"), ("C", "en"), ("POSIX", "en"), ("", "en")])
def test_language_of(locale: str, expected: str) -> None:
    assert lang.language_of(locale) == expected


def test_the_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert lang.choose() == "es"
    assert lang.choose(None, "system") == "es"
    assert lang.choose(None, "en") == "en"
    assert lang.choose("es", "en") == "es"
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")  # LC_ALL comes first
    assert lang.choose() == "en"


def test_locale_keeps_the_region_of_its_own_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert lang.locale_for("es") == "es_MX"
    assert lang.locale_for("en") == "en"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert lang.locale_for("en") == "en_GB"
    assert lang.locale_for("es") == "es"
    assert lang.locale_for("qps") == "en"


def test_lang_option_sets_the_locale(monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert language_asked(["--lang", "es", "list"]) == "es"
    assert language_asked(["--lang=en"]) == "en"
    assert language_asked(["list", "--", "--lang", "es"]) is None
    assert language_asked(["--data-dir", "D", "--lang=es", "list"]) == "es"
    # A command's own --lang is the command's: the notes' language, the sample's.
    assert language_asked(["nudge", "--lang", "klingon"]) is None
    assert language_asked(["demo", "--lang", "es"]) is None
    assert main(["--lang", "es", "list"]) == 0
    assert fmt.locale_name() == "es"
    with pytest.raises(SystemExit) as refused:
        main(["--lang", "xx", "list"])
    assert refused.value.code == 2
    assert "--lang" in capsys.readouterr().err
