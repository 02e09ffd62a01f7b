"""The core's pseudo-locale check itself (tests.helpers.pseudo_core): it sees wrapped text,
finds text no catalogue gave, and leaves identifiers and user data alone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.helpers.pseudo_core import leftover, unwrapped, wrapped_share
from walkapp import formatting as fmt


def test_inside_a_catalogued_message_comes_out_wrapped(core_pseudo: Callable[[], Any]) -> None:
    with core_pseudo():
        text = fmt.tr("Next steps")
    assert text == "⟦Next steps⟧"
    assert fmt.tr("Next steps") == "Next steps"  # and outside, as written again
    assert wrapped_share([text, "plain"]) == 1


def test_the_check_finds_text_no_catalogue_gave() -> None:
    found = unwrapped(["⟦Saved to⟧ notes.json", "could not read stems[2].label",
                       "Ms Ada ⟦has no group⟧"], user=["Ms Ada"])
    assert found == [("could not read stems[2].label", "could not read")]


def test_identifiers_sections_and_options_are_not_words() -> None:
    assert leftover("⟦the {0} key⟧".replace("{0}", "group_min [post_brief] --walk")) == ""
    assert leftover("`title = 5` ⟦is wrong⟧ 3f2a9c10d4") == ""


def test_placeholders_apart_leave_a_value_outside_the_brackets() -> None:
    from tests.helpers.pseudo_core import pseudo_apart

    said = pseudo_apart("walkapp cannot read {path}: {problem}.")
    assert said == "⟦walkapp cannot read ⟧{path}⟦: ⟧{problem}⟦.⟧"
    assert pseudo_apart("{size} KB") == "{size}⟦ KB⟧" and pseudo_apart("{n:,}") == "{n:,}"
    # An English reason given as a value is seen; a wrapped one is not.
    assert unwrapped([said.format(path="/x/walkapp.sqlite3", problem="it is a folder")]) == [
        ("⟦walkapp cannot read ⟧/x/walkapp.sqlite3⟦: ⟧it is a folder⟦.⟧", "it is folder")]
    assert not unwrapped([said.format(path="/x/walkapp.sqlite3", problem="⟦it is a folder⟧")])
