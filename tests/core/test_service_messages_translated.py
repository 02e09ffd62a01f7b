"""What the services say to a user goes through the catalogue, whole: the name of each edit
that Undo and Redo offer, a write to a closed walk, a walk looked for that waits in the
Trash, what a removal takes with it, the conflicts of two laptops, a group of the wrong
size, a role the protocol does not give, a helper process that stopped, and the checks of
a broken word list. Under the strict pseudo-locale (each run of words apart)
(tests.helpers.pseudo_core.strict_pseudo_folder) every word is in ⟦…⟧ but the user's own
(names, titles, look-fors, the word list's phrases); in Spanish a few read in Spanish.

The bad inputs are the existing tests' own: tests.helpers.undo_cases (every undoable
edit, the rich walk), tests.helpers.conflicts (one conflict of each kind), the word-list
cases of test_nudge.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.conflicts import Scene, conflict_scene
from tests.helpers.pseudo_core import (
    speaking_pseudo,
    strict_pseudo_folder,
    unwrapped,
    wrapped_share,
)
from tests.helpers.undo_cases import CASES, rich_walk
from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.errors import NotFoundError, ValidationError, WalkappError, WalkInTrashError
from walkapp.nudge.lexicon import check_lexicon_data
from walkapp.services import Services, offload
from walkapp.services.commands import ConflictResolve, RunnerAction

Pseudo = Callable[[], Any]
WALK = ["Undo walk", "Ana Walker", "Ben Quiet", "Group A", "Students explain their thinking",
        "Open questions", "Describe, do not judge", "Room 12", "Maths"]


@pytest.fixture
def apart(tmp_path_factory: pytest.TempPathFactory) -> Pseudo:
    """`with apart(): …`: the core's messages from the pseudo-locale, placeholders apart."""
    folder = strict_pseudo_folder(tmp_path_factory.getbasetemp())
    return lambda: speaking_pseudo(folder)


@pytest.fixture
def scene(tmp_path: Path) -> Iterator[Scene]:
    with conflict_scene(tmp_path) as made:
        yield made


def _all_wrapped(messages: list[str], user: list[str]) -> None:
    assert not unwrapped(messages, user=user), unwrapped(messages, user=user)
    assert wrapped_share(messages) == len(messages), messages


# -- undo, redo, closed walks ---------------------------------------------------------------
def test_every_edit_is_named_through_the_catalogue(services: Services, apart: Pseudo) -> None:
    """The label of every undoable edit ("Undo add the walker"), the runner's buttons and a
    conflict's resolutions, and what a closed walk says to each of them."""
    walk = rich_walk(services)
    commands = [CASES[name](services, walk) for name in sorted(CASES)]
    verbs = ["start", "pause", "resume", "next", "skip", "back", "extend", "finish",
             "start_at"]
    others = [*(RunnerAction(None, verb) for verb in verbs),  # type: ignore[arg-type]
              ConflictResolve(walk.id, "f", keep="x"),
              ConflictResolve(walk.id, "f", keep_both=True),
              ConflictResolve(walk.id, "f", text="t")]
    services.walks.update_walk(walk.id, status=d.WalkStatus.CLOSED)
    refused: list[str] = []
    with apart():
        labels = [command.describe() for command in [*commands, *others]]
        for command in commands:
            if command.is_guarded():
                with pytest.raises(WalkappError) as caught:
                    command.perform(services)
                refused.append(caught.value.message)
    assert refused
    _all_wrapped(labels + refused, user=WALK)


def test_what_a_removal_takes_with_it_is_told_through_the_catalogue(
        services: Services, apart: Pseudo) -> None:
    walk = rich_walk(services)
    say = services.undo.removal_warning
    with apart():
        warnings = [say("LookFor", walk.look_for), say("Group", walk.group),
                    say("Participant", walk.walker), say("Visit", walk.visit)]
    said = [w for w in warnings if w is not None]
    assert len(said) == 4, warnings
    _all_wrapped(said, user=WALK)


def test_a_walk_in_the_trash_is_told_through_the_catalogue(services: Services,
                                                           apart: Pseudo) -> None:
    walk = rich_walk(services)
    services.walks.delete_walk(walk.id)
    with apart():
        with pytest.raises(WalkInTrashError) as by_id:
            services.walks.find_walk(walk.id)
        with pytest.raises(NotFoundError) as by_title:
            services.walks.find_walk("Undo")
    _all_wrapped([by_id.value.message, by_title.value.message], user=[*WALK, "'Undo'"])


# -- plans, conflicts, helpers ------------------------------------------------------------------
def test_plan_warnings_and_refusals_are_told_through_the_catalogue(services: Services,
                                                                  apart: Pseudo) -> None:
    walk = rich_walk(services)
    lone = services.plan.add_group(walk.id, "Group B")
    services.plan.add_participant(walk.id, "Cy Alone", group_id=lone.id)
    with apart():
        sizes = [g.size_warning for g in services.walks.get_walk(walk.id).groups]
        with pytest.raises(ValidationError) as no_role:
            services.plan.update_participant(walk.quiet, protocol_role="timekeeper")
        crashed = [offload._crash_message(-9), offload._crash_message(3)]
    said = [s for s in sizes if s is not None]
    assert said
    _all_wrapped([*said, no_role.value.message, *crashed],
                 user=[*WALK, "Group B", "timekeeper"])


def test_the_conflicts_of_two_laptops_are_named_through_the_catalogue(
        scene: Scene, apart: Pseudo) -> None:
    service = scene.fac.services.conflicts
    family = scene.ids[next(iter(scene.ids))]
    with apart():
        conflicts = service.list_conflicts(scene.walk.id)
        labels = [c.label for c in conflicts]
        with pytest.raises(ValidationError) as not_a_version:
            service.resolve(scene.walk.id, family, keep="nonesuch")
    assert len(labels) == 4
    sides = [side.row_id for conflict in conflicts for side in conflict.sides]
    names = [scene.me.display_name, "Room 12", "Maths", "What surprised you?",
             "Was it useful?", "nonesuch", *sides]
    # The versions' row ids, taken out whole (the identifier rule would split them first).
    message, versions = re.subn(r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}", "…",
                                not_a_version.value.message)
    assert versions >= 2
    _all_wrapped([*labels, message], user=names)


# -- a broken word list -----------------------------------------------------------------------
@pytest.mark.parametrize("data", [
    {"kind": "protocol", "language": "en"},
    {"kind": "nudge-words", "language": "English"},
    {"words": ["ab*"]}, {"words": ["*ísimo muy"]}, {"words": ["# alumnos"]},
    {"words": ["* bien"]}, {"words": ["…"]}, {"words": ["muy bien", "Muy bien"]},
    {"exceptions": ["*ados"]},
], ids=lambda data: str(data))
def test_a_broken_word_list_is_told_through_the_catalogue(data: dict[str, Any],
                                                          apart: Pseudo) -> None:
    words = data.get("words", ["bien"])
    content = {"kind": "nudge-words", "schema_version": 1, "language": "es",
               "evaluative": [{"group": "praise", "suggestion": "x", "words": words}],
               "names": {"suggestion": "y"}, **{k: v for k, v in data.items() if k != "words"}}
    with apart():
        lexicon, errors = check_lexicon_data(content, "es.toml")
    assert lexicon is None and errors
    # (`--?[a-z]…` reads the "-words" of the kind's own value as an option: taken out whole.)
    _all_wrapped([e.problem.replace("nudge-words", "") for e in errors],
                 user=[*words, *content.get("exceptions", []), "praise", "nudge-words"])


# -- and in Spanish -------------------------------------------------------------------------
def test_undo_a_removal_and_a_group_in_spanish(services: Services) -> None:
    walk = rich_walk(services)
    with fmt.language("es"):
        label = RunnerAction(None, "pause").describe()  # type: ignore[arg-type]
        removal = services.undo.removal_warning("Group", walk.group) or ""
        size = next(g.size_warning for g in services.walks.get_walk(walk.id).groups)
    assert label == "pausar el paso"
    assert removal.startswith("2 participantes están en «Group A»: se quedan en la lista")
    assert removal.endswith("Puedes deshacerlo (Edición ▸ Deshacer, Ctrl+Z).")
    assert size == "Group A tiene 2 participantes; los grupos de 3 a 6 funcionan mejor."
