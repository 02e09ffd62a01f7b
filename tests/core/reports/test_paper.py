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
