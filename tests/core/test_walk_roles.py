"""Roles given to walkers at planning (protocol format version 2, issue 17): saved with the
roster and undone like it, checked against the walk's protocol, carried by walk kits in
optional fields (a kit without them still opens, and takes a role away), and the roles the
steps need that nobody has."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.builders import make_walk
from tests.helpers.laptops import laptops
from tests.helpers.seal import resealed
from tests.helpers.v2_roles import (
    PRESENTER,
    ROLES_TOML,
    STUDENTS,
    roles_walk,
    with_roles,
)
from walkapp import domain as d
from walkapp.bundles import BundleError, crypto
from walkapp.bundles.kit import parse_kit
from walkapp.errors import ValidationError
from walkapp.protocol import load_text
from walkapp.protocol import roles as walk_roles
from walkapp.protocol.library import builtin_protocol
from walkapp.services import Services
from walkapp.services.commands import PlanEdit
from walkapp.services.protocol_walks import create_walk_from_protocol, walk_protocol


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def _give(services: Services, person: d.Participant, key: str | None, detail: str = ""
          ) -> d.Participant:
    return services.plan.update_participant(person.id, protocol_role=key, role_detail=detail)


def test_a_role_and_its_detail_are_saved_with_the_roster(services: Services) -> None:
    walk = roles_walk(services, walkers=2, visits=1)
    amy, ben = walk.walkers
    saved = _give(services, amy, "student-observer", "  the two students\nby the window ")
    assert saved.protocol_role == "student-observer"
    assert saved.role_detail == "the two students by the window"  # one line
    _give(services, ben, "presenter")
    again = services.walks.get_walk(walk.id)
    assert [(p.protocol_role, p.role_detail) for p in again.walkers] == [
        ("student-observer", "the two students by the window"), ("presenter", "")]
    # None (or empty) takes the role away; the detail typed stays for the next role.
    assert _give(services, ben, None).protocol_role is None
    assert services.plan.update_participant(amy.id, protocol_role="").protocol_role is None
    assert services.walks.get_walk(walk.id).walkers[0].role_detail == \
        "the two students by the window"


def test_only_the_protocols_roles_for_walkers_can_be_given(services: Services) -> None:
    walk = roles_walk(services, walkers=1, visits=1)
    person = walk.walkers[0]
    # "facilitator" is one of the protocol's roles, but not one given at planning.
    for wrong in ("facilitator", "judge", 3):
        with pytest.raises(ValidationError, match="gives no role") if wrong != 3 else \
                pytest.raises(ValidationError, match="by its key"):
            services.plan.update_participant(person.id, protocol_role=wrong)
    with pytest.raises(ValidationError, match="Presenter"):
        services.plan.update_participant(person.id, protocol_role="judge")
    with pytest.raises(ValidationError, match="200"):
        services.plan.update_participant(person.id, role_detail="x" * 201)
    # Nothing was half-saved.
    assert services.walks.get_walk(walk.id).walkers[0].protocol_role is None


def test_a_protocol_without_roles_for_walkers_says_so(services: Services) -> None:
    walk = roles_walk(services, walkers=1, visits=1, roles=False)
    with pytest.raises(ValidationError, match="gives no roles at planning"):
        services.plan.update_participant(walk.walkers[0].id, protocol_role="presenter")


def test_giving_a_role_is_undone_like_any_roster_edit(services: Services) -> None:
    walk = roles_walk(services, walkers=1, visits=1)
    person = walk.walkers[0]
    done = PlanEdit("update_participant", (person.id,),
                    {"protocol_role": "student-observer", "role_detail": "table 3"}
                    ).perform(services)
    assert services.walks.get_walk(walk.id).walkers[0].protocol_role == "student-observer"
    assert done.undo is not None
    done.undo.perform(services)
    back = services.walks.get_walk(walk.id).walkers[0]
    assert (back.protocol_role, back.role_detail) == (None, "")


def test_the_roles_steps_need_and_nobody_has(services: Services) -> None:
    walk = roles_walk(services, walkers=2, visits=1)
    protocol = walk_protocol(services, walk.id)
    assert walk_roles.scripted_roles(protocol) == (PRESENTER, STUDENTS)
    assert walk_roles.unassigned(protocol, walk.participants) == (PRESENTER, STUDENTS)
    _give(services, walk.walkers[0], "presenter")
    people = services.walks.get_walk(walk.id).participants
    assert walk_roles.unassigned(protocol, people) == (STUDENTS,)
    # A plain protocol's steps need no role.
    assert walk_roles.unassigned(builtin_protocol("learning-walk"), people) == ()


def test_a_walkers_role_in_words() -> None:
    protocol = with_roles(builtin_protocol("learning-walk"))
    given = walk_roles.given_role(protocol, "student-observer", " table 3 ")
    assert given is not None
    assert (given.title, given.detail_label, given.detail) == (
        "Student observer", "The students you follow", "table 3")
    assert given.instructions.startswith("Follow the same students")
    # A role without a detail label shows no detail; no key, no role; an unknown key
    # keeps its key as its title.
    presenter = walk_roles.given_role(protocol, "presenter", "ignored")
    assert presenter is not None and presenter.detail == ""
    assert walk_roles.given_role(protocol, None) is None
    unknown = walk_roles.given_role(protocol, "timekeeper")
    assert unknown is not None and unknown.title == "timekeeper"
    visits = next(s for _, _, s in protocol.steps() if s.role_scripts and
                  s.activity.value == "visits")
    assert walk_roles.step_role_lines(protocol, visits)[0] == (
        "Presenter", "Stay by the door and listen.")


def _walk_with_roles(services: Services) -> d.Walk:
    walk = roles_walk(services, walkers=2, visits=2)
    _give(services, walk.walkers[0], "student-observer", "the two students by the window")
    _give(services, walk.walkers[1], "presenter")
    return services.walks.get_walk(walk.id)


def _kit_json(kit: Path) -> dict[str, object]:
    import zipfile

    with zipfile.ZipFile(kit) as archive:
        return json.loads(archive.read("walk.json"))  # type: ignore[no-any-return]


def test_a_kit_carries_each_walkers_role_in_words(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = _walk_with_roles(fac.services)
        amy_id = walk.walkers[0].id
        kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit", walker_id=amy_id)
        people = {p["id"]: p for p in _kit_json(kit)["participants"]}  # type: ignore[attr-defined]
        assert people[amy_id]["protocol_role"] == {
            "key": "student-observer", "title": "Student observer",
            "instructions": STUDENTS.instructions}
        assert people[amy_id]["role_detail"] == "the two students by the window"
        # Nobody else's role detail is empty words; someone without a role has no key.
        assert "role_detail" not in people[walk.walkers[1].id]
        assert "protocol_role" not in people[walk.facilitators[0].id]

        amy.bundles.open_kit(kit)
        copy = amy.services.walks.get_walk(walk.id)
        mine = copy.participant(amy_id)
        assert mine is not None
        assert (mine.protocol_role, mine.role_detail) == (
            "student-observer", "the two students by the window")
        given = walk_roles.role_of(walk_protocol(amy.services, walk.id), mine)
        assert given is not None and given.instructions == STUDENTS.instructions
        plan = parse_kit({"walk.json": _kit_json(kit)})
        assert plan.role_words[amy_id]["title"] == "Student observer"

        # A newer kit with the role taken away takes it away on the walker's laptop too.
        _give(fac.services, walk.walkers[0], None)
        newer = fac.bundles.write_kit(walk.id, tmp_path / "k2.walkkit", walker_id=amy_id)
        amy.bundles.open_kit(newer)
        assert amy.services.walks.get_walk(walk.id).participant(amy_id).protocol_role is None  # type: ignore[union-attr]


def test_a_kit_without_roles_is_what_version_1_wrote(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = make_walk(fac.services, walkers=2, visits=1)
        kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit")
        for person in _kit_json(kit)["participants"]:  # type: ignore[attr-defined]
            assert set(person) == {"id", "display_name", "role", "group_id", "position"}
        amy.bundles.open_kit(kit, walker="Walker 1")
        assert all(p.protocol_role is None for p in
                   amy.services.walks.get_walk(walk.id).participants)


def test_a_version_1_kit_still_opens_and_a_damaged_role_is_refused(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy", "ben") as (fac, amy, ben):
        walk = _walk_with_roles(fac.services)
        amy_id = walk.walkers[0].id
        kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit", walker_id=amy_id)

        def strip_roles(plan: dict[str, object]) -> None:
            for person in plan["participants"]:  # type: ignore[attr-defined]
                person.pop("protocol_role", None)
                person.pop("role_detail", None)

        old = tmp_path / "v1.walkkit"
        old.write_bytes(resealed(kit.read_bytes(), {"walk.json": strip_roles}))
        amy.bundles.open_kit(old)
        mine = amy.services.walks.get_walk(walk.id).participant(amy_id)
        assert mine is not None and mine.protocol_role is None

        def damage(plan: dict[str, object]) -> None:
            plan["participants"][1]["protocol_role"] = {"key": "", "title": "X"}  # type: ignore[index]

        bad = tmp_path / "bad.walkkit"
        bad.write_bytes(resealed(kit.read_bytes(), {"walk.json": damage}))
        with pytest.raises(BundleError, match="participants 2, role: “key” is empty"):
            ben.bundles.open_kit(bad)
        assert ben.services.walks.list_walks() == []


def test_a_walk_of_a_version_2_file_gives_its_roles(services: Services) -> None:
    protocol = load_text(ROLES_TOML, "quiet-presenter.toml")
    walk = create_walk_from_protocol(services, protocol, "Quiet walk", "2026-11-02", visits=1)
    person = services.plan.add_participant(walk.id, "Amira Haddad")
    assert walk_roles.unassigned(walk_protocol(services, walk.id), [person]) == \
        protocol.assignable_roles()
    saved = services.plan.update_participant(person.id, protocol_role="observer",
                                              role_detail="table 3")
    given = walk_roles.role_of(walk_protocol(services, walk.id), saved)
    assert given is not None
    assert (given.title, given.detail_label, given.detail) == (
        "Student observer", "The students you follow", "table 3")
    assert [r.key for r in walk_roles.unassigned(protocol, [saved])] == ["presenter"]
    with pytest.raises(ValidationError, match="facilitator"):
        services.plan.update_participant(person.id, protocol_role="facilitator")
