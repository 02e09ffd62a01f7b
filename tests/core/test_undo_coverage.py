"""No command the app sends is left without an undo by accident: every command class and
every method of a service-call command (walkapp.services.commands) either has an undo, with
a case in tests/helpers/undo_cases.py that test_undo.py runs, or is in NOT_UNDOABLE with
the reason. A new command (or a new method of one) fails here until it has one of them."""

from __future__ import annotations

import walkapp.services.commands as commands
import walkapp.services.log_commands  # noqa: F401  (its commands are counted too)
from tests.helpers.log_undo_cases import LOG_CASES
from tests.helpers.undo_cases import CASES as WALK_CASES
from walkapp.services.commands import NOT_UNDOABLE, Command, Restore

# The walks' edits (test_undo.py) and the communication log's (test_comm_log.py).
CASES = {**WALK_CASES, **LOG_CASES}

# Undo's own command: every round trip in test_undo.py runs it (undo, redo, undo again).
_THE_UNDO = {Restore}


def _all_commands() -> list[type[Command]]:
    seen: list[type[Command]] = []
    todo = list(Command.__subclasses__())
    while todo:
        cls = todo.pop()
        seen.append(cls)
        todo.extend(cls.__subclasses__())
    return [c for c in seen if not c.__name__.startswith("_") and c not in _THE_UNDO]


def _names() -> set[str]:
    names: set[str] = set()
    for cls in _all_commands():
        if issubclass(cls, commands._ServiceCall):
            names |= {f"{cls.__name__}.{method}" for method in cls.methods}
        else:
            names.add(cls.__name__)
    return names


def test_every_command_has_an_undo_or_a_reason_it_has_none() -> None:
    names = _names()
    missing = sorted(n for n in names if n not in CASES and n not in NOT_UNDOABLE
                     and n.split(".")[0] not in NOT_UNDOABLE)
    assert not missing, f"no undo (add one, or say why in NOT_UNDOABLE): {missing}"


def test_each_undoable_service_method_says_how_it_is_undone() -> None:
    for cls in _all_commands():
        if not issubclass(cls, commands._ServiceCall):
            continue
        for method in cls.methods:
            name = f"{cls.__name__}.{method}"
            if name in NOT_UNDOABLE:
                assert method not in cls.undoable, f"{name}: undoable and not undoable"
                continue
            assert method in cls.undoable or hasattr(cls, f"undo_{method}"), name


def test_the_lists_name_only_real_commands() -> None:
    names = _names()
    assert set(CASES) <= names, sorted(set(CASES) - names)
    assert all(n in names or n.split(".")[0] in names for n in NOT_UNDOABLE), \
        sorted(n for n in NOT_UNDOABLE if n not in names)
