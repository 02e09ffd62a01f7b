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


def test_the_strict_pseudo_locale_leaves_what_fills_a_placeholder_outside() -> None:
    from tests.helpers.pseudo_core import strict_pseudo

    wrapped = strict_pseudo("must be {what}, found {found:,}; write {key} = {n}")
    assert wrapped == "⟦must be ⟧{what}⟦, found ⟧{found:,}⟦; write ⟧{key} = {n}"
    # An English fragment put into it is found; a wrapped one, or an identifier, is not.
    filled = wrapped.format(what="a whole number", found=5, key="group_min", n=3)
    assert leftover(filled) == "whole number"
    assert leftover(wrapped.format(what="⟦a whole number⟧", found=5, key="group_min",
                                   n=3)) == ""


def test_inside_a_message_made_of_messages_each_value_is_checked(
        core_pseudo: Callable[[], Any]) -> None:
    """A value put into a wrapped message's placeholder is inside its brackets: English
    there is found too (walkapp.bundles.schema.damaged(where, problem))."""
    from tests.helpers.pseudo_core import unwrapped_inside

    with core_pseudo():
        template = fmt.tr("The file is damaged or was not made by walkapp: {where}: "
                          "{problem}.")
        good = template.format(where="notes.json", problem=fmt.tr("should be a list"))
        bad = template.format(where="notes.json", problem="should be a list")
        named = template.format(where="Ms Ada", problem=fmt.tr("should be a list"))
    assert unwrapped([bad]) == []  # the brackets around it hide it from `unwrapped`
    assert unwrapped_inside([good]) == []
    assert unwrapped_inside([bad]) == [(bad, "should be list")]
    assert unwrapped_inside([named], user=["Ms Ada"]) == []


def test_a_uuid_is_an_identifier_whatever_its_letters() -> None:
    """A note's id in a message (`walkapp note add … --id …`) is no English: its groups
    of four hex digits ("fc12", "4ef3") were read as the words "fc" and "ef"."""
    assert leftover("⟦Bring it back with⟧ 1234abcd-fc12-4ef3-8a9b-0123456789ab") == ""
    assert leftover("⟦The id⟧ fc12-ef34 ⟦is short⟧") == "fc ef"  # not a UUID: still seen
