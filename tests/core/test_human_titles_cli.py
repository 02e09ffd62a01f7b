"""People see a protocol's title, never its id: `walkapp show` and report headings."""

from __future__ import annotations

from datetime import date

import pytest

from tests.core.test_cli import run
from walkapp.protocol.library import ProtocolLibrary, builtin_protocol, readable_id
from walkapp.reports.build_walk import heading
from walkapp.services import Services


def test_show_names_the_protocol_by_its_title(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "demo")
    code, out, _ = run(capsys, "show", "learning walk")
    protocol = builtin_protocol("learning-walk")
    assert code == 0
    line = next(x for x in out.splitlines() if "Protocol:" in x)
    assert f"Protocol: {protocol.title}" in line and protocol.id not in line


def test_an_id_without_a_title_is_shown_in_words(services: Services) -> None:
    assert readable_id("learning-walk") == "Learning walk"
    assert readable_id("student_talk") == "Student talk"
    assert readable_id("") == ""
    library = ProtocolLibrary.for_settings(services.db.settings)
    assert library.title_of("learning-walk") == builtin_protocol("learning-walk").title
    assert library.title_of("gone-from-here") == "Gone from here"
    from walkapp.services.walks import NewWalk

    walk = services.walks.create_walk(NewWalk(title="W", walk_date=date(2027, 1, 15),
                                              protocol_id="our-walk"))
    assert heading(walk).protocol.startswith("Our walk")
