"""Writes asked for by a screen, as command objects (no Qt here; the ui's `Writer` runs them).

Every change the desktop app makes to a walk is one `Command`: a small frozen dataclass
that says what to write (`run(services)`, which returns what the service returned) and
how to name it to the user (`describe()`, for "Not saved: …" lines). Making the write a
value rather than a closure is what lets one serial writer queue it, coalesce it (two
waiting saves of the same text: only the newer runs), retry it after a failure, and later
undo it: `undo(result)` is the hook an undo stack will use. Today it returns None for
every command ("cannot be undone yet"); the writer already keeps the ordered history of
applied commands with their results, which is what an undo stack needs.

The service and method a command calls are fixed by its class and checked when it is
made (`_SERVICE_METHODS`), so a typo is an error at the call site, not a write that fails
later on a worker thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Literal

if TYPE_CHECKING:  # the services package imports its modules, not this one: no cycle
    from walkapp.protocol.runner import ProtocolRunner
    from walkapp.protocol.schema import Prompt, Step
    from walkapp.services import Services

__all__ = ["Call", "Command", "ConflictResolve", "DebriefEdit", "NoteWrite", "PlanEdit",
           "RunnerAction", "RunnerVerb", "SaveAnswer", "TrashEdit", "WalkDetailsEdit", "WalkEdit"]


class Command:
    """One write. Subclasses are frozen dataclasses."""

    def run(self, services: Services) -> Any:
        raise NotImplementedError

    def describe(self) -> str:
        """What this write does, in a few plain words ("add the walker “Ana”")."""
        raise NotImplementedError

    def coalesce_key(self) -> str | None:
        """Waiting commands with the same key are one write: only the newest runs.
        None (the default): this command always runs, in its place in the line."""
        return None

    def undo(self, result: Any) -> Command | None:
        """The command that reverses this one once it ran and returned `result`; None when
        it cannot be undone (every command today: the undo stack is a later step)."""
        return None


def _frozen(kwargs: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(kwargs))


@dataclass(frozen=True)
class _ServiceCall(Command):
    """A call of one method of one service: the shape most edits have."""

    service: ClassVar[str] = ""
    methods: ClassVar[Mapping[str, str]] = {}  # method → how to describe it

    method: str
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    key: str | None = None  # coalescing key (e.g. the field being typed into)

    def __post_init__(self) -> None:
        if self.method not in self.methods:
            raise ValueError(f"{type(self).__name__} has no method {self.method!r}")
        object.__setattr__(self, "kwargs", _frozen(self.kwargs))

    def run(self, services: Services) -> Any:
        target = getattr(getattr(services, self.service), self.method)
        return target(*self.args, **self.kwargs)

    def describe(self) -> str:
        return self.methods[self.method]

    def coalesce_key(self) -> str | None:
        return None if self.key is None else f"{self.service}.{self.method}:{self.key}"


@dataclass(frozen=True)
class PlanEdit(_ServiceCall):
    """An edit of the walk's plan: roster, groups, route, look-fors, norms."""

    service: ClassVar[str] = "plan"
    methods: ClassVar[Mapping[str, str]] = {
        "add_participant": "add the walker", "update_participant": "change the walker",
        "remove_participant": "remove the person", "add_group": "add the group",
        "rename_group": "rename the group", "remove_group": "remove the group",
        "add_visit": "add a visit", "update_visit": "change the visit",
        "remove_visit": "remove the visit", "move_visit": "move the visit",
        "add_look_for": "add the look-for", "update_look_for": "change the look-for",
        "remove_look_for": "remove the look-for", "move_look_for": "move the look-for",
        "add_norm": "add the norm", "update_norm": "change the norm",
        "remove_norm": "remove the norm", "move_norm": "move the norm",
    }


@dataclass(frozen=True)
class DebriefEdit(_ServiceCall):
    """An edit of the post-brief: commitments, action items, patterns, next steps,
    feedback, and the review of the last walk's commitments and actions."""

    service: ClassVar[str] = "debrief"
    methods: ClassVar[Mapping[str, str]] = {
        "save_commitment": "save the commitment", "delete_commitment": "delete the commitment",
        "review_commitment": "review the commitment", "follow_up": "follow up the action",
        "add_action_item": "add the action item", "update_action_item":
            "change the action item", "delete_action_item": "delete the action item",
        "add_pattern": "add the statement", "update_pattern": "save the statement",
        "delete_pattern": "delete the statement", "add_next_step": "add the next step",
        "delete_next_step": "delete the next step", "add_feedback": "save the feedback",
    }


@dataclass(frozen=True)
class NoteWrite(_ServiceCall):
    """A note or a reflection: saved, deleted or restored."""

    service: ClassVar[str] = "notes"
    methods: ClassVar[Mapping[str, str]] = {
        "save_note": "save the note", "delete_note": "delete the note",
        "save_reflection": "save the reflection",
    }


@dataclass(frozen=True)
class WalkEdit(_ServiceCall):
    """A whole walk: copied, or moved to the Trash and brought back."""

    service: ClassVar[str] = "walks"
    methods: ClassVar[Mapping[str, str]] = {
        "duplicate_walk": "copy the walk", "delete_walk": "move the walk to the Trash",
    }


@dataclass(frozen=True)
class TrashEdit(_ServiceCall):
    """Bringing a walk back from the Trash (removal for good runs on its own worker)."""

    service: ClassVar[str] = "trash"
    methods: ClassVar[Mapping[str, str]] = {"restore": "bring the walk back"}


@dataclass(frozen=True)
class WalkDetailsEdit(Command):
    """Title, date, focus… of the walk (`changes`: the fields typed since the last save)."""

    walk_id: str
    changes: Mapping[str, Any]

    def __post_init__(self) -> None:
        object.__setattr__(self, "changes", _frozen(self.changes))

    def run(self, services: Services) -> Any:
        return services.walks.update_walk(self.walk_id, **self.changes)

    def describe(self) -> str:
        return "save the walk's details"


@dataclass(frozen=True)
class SaveAnswer(Command):
    """The group's answer to one of a step's prompts (latest typed wins)."""

    walk_id: str
    step: Step
    prompt: Prompt
    value: Any

    def run(self, services: Services) -> Any:
        return services.responses.save_answer(self.walk_id, self.step, self.prompt,
                                              self.value)

    def describe(self) -> str:
        return "save the answer"

    def coalesce_key(self) -> str:
        return f"answer:{self.walk_id}:{self.step.key}:{self.prompt.key}"


@dataclass(frozen=True)
class ConflictResolve(Command):
    """Settle one conflict (a note, reflection, commitment or feedback answer changed on two
    laptops): exactly one of `keep` (the row id of the version that wins), `keep_both`
    (each text stays, as separate items) or `text` (the versions edited into one). Never
    coalesced: each is the user's decision about one conflict."""

    walk_id: str
    family: str
    keep: str | None = None
    keep_both: bool = False
    text: str | None = None

    def run(self, services: Services) -> Any:
        return services.conflicts.resolve(self.walk_id, self.family, keep=self.keep,
                                          keep_both=self.keep_both, text=self.text)

    def describe(self) -> str:
        if self.keep is not None:
            return "keep the chosen version"
        if self.keep_both:
            return "keep both versions"
        return "save the versions as one"


RunnerVerb = Literal["start", "pause", "resume", "next", "skip", "back", "extend", "finish",
                     "start_at"]


@dataclass(frozen=True)
class RunnerAction(Command):
    """One press of a runner button. Never coalesced: each is a transition of the phase
    log, and they must all run, in the order they were pressed. The runner keeps its own
    store (it writes through `RunService`), so `services` is not needed here."""

    runner: ProtocolRunner
    verb: RunnerVerb
    minutes: int = 0  # for "extend"
    position: int = 0  # for "start_at": the step the facilitator chose in the list

    def run(self, services: Services) -> Any:
        if self.verb == "extend":
            return self.runner.extend(self.minutes)
        if self.verb == "start_at":
            return self.runner.start_at(self.position)
        return getattr(self.runner, self.verb)()

    def describe(self) -> str:
        if self.verb == "extend":
            return "give the step more time"
        return {"start": "start the step", "pause": "pause the step",
                "resume": "resume the step", "next": "move to the next step",
                "skip": "skip the step", "back": "go back a step",
                "finish": "finish the phase", "start_at": "start the chosen step"}[self.verb]


@dataclass(frozen=True)
class Call(Command):
    """A write that is not one service call (e.g. a note saved with its conflict rule):
    `work(services)` does it. Prefer a named command; this is for composite writes that
    keep their own state between runs."""

    work: Any  # Callable[[Services], Any]; Any so the dataclass stays hashable-agnostic
    what: str
    key: str | None = None

    def run(self, services: Services) -> Any:
        return self.work(services)

    def describe(self) -> str:
        return self.what

    def coalesce_key(self) -> str | None:
        return self.key
