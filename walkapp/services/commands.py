"""Writes asked for by a screen, as command objects (no Qt here; the ui's `Writer` runs them).

Every change the desktop app makes to a walk is one `Command`: a small frozen dataclass
that says what to write (`run(services)`, which returns what the service returned) and
how to name it to the user (`describe()`, for "Not saved: …" lines). Making the write a
value rather than a closure is what lets one serial writer queue it, coalesce it (two
waiting saves of the same text: only the newer runs), retry it after a failure, and later
undo it: the writer runs a command with `perform(services)`, which refuses a write to a
closed walk (walkapp.services.closed_walks), reads what an undo needs (`prepare`: the rows
as they were, walkapp.services.undo) just before `run`, and asks `undo(result, before)` for
the command that reverses it — a `Restore` of those rows, or the opposite service call.
Undoing a `Restore` gives the redo, so undo and redo are one mechanism. (The base class
and the undo plumbing are in walkapp.services.command_base; every name is here too.)

Adding undo to a new `_ServiceCall` method is one entry in its class's `undoable` table
(`Acts`: which row its first argument is, which columns it changes, or which row it
creates and which method takes that away) or one `undo_<method>(result, before)` method.
tests/core/test_undo_coverage.py fails for a method with neither unless it is in
`NOT_UNDOABLE` with its reason.

The service and method a command calls are fixed by its class and checked when it is
made (`_SERVICE_METHODS`), so a typo is an error at the call site, not a write that fails
later on a worker thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from walkapp.errors import NotFoundError
from walkapp.formatting import N_, tr
from walkapp.services.command_base import (
    NOTE_FIELDS,
    Acts,
    Command,
    Performed,
    Restore,
    Target,
    absent,
    capture_or_absent,
)

if TYPE_CHECKING:  # the services package imports its modules, not this one: no cycle
    from walkapp.protocol.runner import ProtocolRunner
    from walkapp.protocol.schema import Prompt, Step
    from walkapp.services import Services

__all__ = ["NOTE_FIELDS", "NOT_UNDOABLE", "Acts", "Call", "Command", "ConflictResolve",
           "DebriefEdit", "NoteWrite", "Performed", "PlanEdit", "Restore", "ReviewEdit",
           "RunnerAction", "RunnerVerb", "SaveAnswer", "SeriesEdit", "SettingEdit", "Target",
           "TrashEdit",
           "WalkDetailsEdit",
           "WalkEdit"]

# Commands (class, or "Class.method") that have no undo, and why. Anything else the app
# sends must have one (tests/core/test_undo_coverage.py).
NOT_UNDOABLE: Mapping[str, str] = MappingProxyType({
    "WalkEdit.duplicate_walk": "a copy is a new walk in the list; move it to the Trash",
    "SeriesEdit.plan_again": "the next walk is a new walk in the list; move it to the Trash",
    "WalkEdit.delete_walk": "the walk waits in the Trash; Edit ▸ Undo delete brings it back",
    "TrashEdit.restore": "a walk brought back from the Trash can be deleted again",
    "ConflictResolve": "a decision between two laptops' versions; the versions' history "
                       "keeps what each laptop wrote",
    "RunnerAction": "the clock cannot be undone; the step guide's Back reopens a step",
    "Call": "a composite write; it is undoable when made with a `target`",
    "SettingEdit.set_visit_limit": "a setting of this database's, not an edit of a walk: "
                                   "the screen shows it in its field, to set again",
    "ConsentEdit.name_in_portfolio": "a walker's consent: its own box turns it back",
})


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
        return tr(self.methods[self.method])

    def coalesce_key(self) -> str | None:
        return None if self.key is None else f"{self.service}.{self.method}:{self.key}"

    # -- undo ------------------------------------------------------------------------------
    undoable: ClassVar[Mapping[str, Acts]] = {}

    def _acts(self) -> Acts | None:
        return self.undoable.get(self.method)

    def is_guarded(self) -> bool:
        acts = self._acts()
        return acts is None or acts.guarded

    def walk_of(self, services: Services) -> str | None:
        acts = self._acts()
        if acts is None or not self.args:
            return None
        if acts.walk_arg is not None:
            return str(self.args[acts.walk_arg])
        if acts.on == "Walk":
            return str(self.args[0])
        return services.undo.walk_of(acts.on, str(self.args[0]))

    def target(self) -> Target | None:
        """The row this call changes, read before it runs (None: it adds one)."""
        acts = self._acts()
        if acts is None or acts.on == "Walk" or not self.args:
            return None
        fields = tuple(self.kwargs) if acts.fields == "kwargs" else acts.fields
        return Target(acts.on, str(self.args[0]), fields)

    def prepare(self, services: Services) -> Any:
        hook = getattr(self, f"prepare_{self.method}", None)
        if hook is not None:
            return hook(services)
        target = self.target()
        if target is None:
            return None
        try:
            return services.undo.capture(target.model, target.id, target.fields)
        except NotFoundError:
            return None  # the call will say so itself

    def undo(self, result: Any, before: Any = None) -> Command | None:
        hook = getattr(self, f"undo_{self.method}", None)
        if hook is not None:
            reverse: Command | None = hook(result, before)
            return reverse
        acts = self._acts()
        if acts is None:
            return None
        if acts.creates is not None:
            if acts.removed_by is not None:
                return type(self)(acts.removed_by, (result.id,))
            return Restore((absent(acts.creates, result.id),), self.describe())
        return Restore(tuple(before), self.describe()) if before else None


_KW: Literal["kwargs"] = "kwargs"


@dataclass(frozen=True)
class PlanEdit(_ServiceCall):
    """An edit of the walk's plan: roster, groups, route, look-fors, norms."""

    service: ClassVar[str] = "plan"
    methods: ClassVar[Mapping[str, str]] = {
        "add_participant": N_("add the walker"), "update_participant": N_("change the walker"),
        "remove_participant": N_("remove the person"),
        "put_in_group": N_("put the walkers in the group"), "add_group": N_("add the group"),
        "rename_group": N_("rename the group"), "remove_group": N_("remove the group"),
        "add_visit": N_("add a visit"), "update_visit": N_("change the visit"),
        "remove_visit": N_("remove the visit"), "move_visit": N_("move the visit"),
        "add_look_for": N_("add the look-for"), "update_look_for": N_("change the look-for"),
        "remove_look_for": N_("remove the look-for"), "move_look_for": N_("move the look-for"),
        "add_norm": N_("add the norm"), "update_norm": N_("change the norm"),
        "remove_norm": N_("remove the norm"), "move_norm": N_("move the norm"),
    }
    undoable: ClassVar[Mapping[str, Acts]] = {
        "add_participant": Acts("Walk", creates="Participant", removed_by="remove_participant"),
        "update_participant": Acts("Participant", _KW),
        "remove_participant": Acts("Participant"),
        "put_in_group": Acts("Participant", ("group_id",)),  # several: hooks below
        "add_group": Acts("Walk", creates="Group", removed_by="remove_group"),
        "rename_group": Acts("Group", ("name",)), "remove_group": Acts("Group"),
        "add_visit": Acts("Walk", creates="Visit"),
        "update_visit": Acts("Visit", _KW), "remove_visit": Acts("Visit"),
        "move_visit": Acts("Visit", ("position",)),
        "add_look_for": Acts("Walk", creates="LookFor", removed_by="remove_look_for"),
        "update_look_for": Acts("LookFor", ("text", "description")),
        "remove_look_for": Acts("LookFor"), "move_look_for": Acts("LookFor", ("position",)),
        "add_norm": Acts("Walk", creates="Norm", removed_by="remove_norm"),
        "update_norm": Acts("Norm", ("text", "agreed")), "remove_norm": Acts("Norm"),
        "move_norm": Acts("Norm", ("position",)),
    }

    # put_in_group(participant_ids, group_id) changes several walkers' group at once: one
    # write, so one step to undo, giving each walker back the group they were in.
    def walk_of(self, services: Services) -> str | None:
        if self.method == "put_in_group":
            ids = [str(i) for i in self.args[0]] if self.args else []
            return services.undo.walk_of("Participant", ids[0]) if ids else None
        return super().walk_of(services)

    def prepare_put_in_group(self, services: Services) -> Any:
        captured: list[Any] = []
        for participant_id in self.args[0] if self.args else ():
            with contextlib.suppress(NotFoundError):  # the call will say so itself
                captured.extend(services.undo.capture("Participant", str(participant_id),
                                                      ("group_id",)))
        return tuple(captured)

    def undo_put_in_group(self, result: Any, before: Any) -> Command | None:
        return Restore(tuple(before), self.describe()) if before else None


@dataclass(frozen=True)
class DebriefEdit(_ServiceCall):
    """An edit of the post-brief: commitments, action items, patterns, next steps,
    feedback, and the review of the last walk's commitments and actions."""

    service: ClassVar[str] = "debrief"
    methods: ClassVar[Mapping[str, str]] = {
        "save_commitment": N_("save the commitment"),
        "delete_commitment": N_("delete the commitment"),
        "review_commitment": N_("review the commitment"), "follow_up": N_("follow up the action"),
        "add_action_item": N_("add the action item"), "update_action_item":
            N_("change the action item"), "delete_action_item": N_("delete the action item"),
        "add_pattern": N_("add the statement"), "update_pattern": N_("save the statement"),
        "delete_pattern": N_("delete the statement"), "add_next_step": N_("add the next step"),
        "delete_next_step": N_("delete the next step"), "add_feedback": N_("save the feedback"),
    }
    undoable: ClassVar[Mapping[str, Acts]] = {
        "save_commitment": Acts("Walk"),  # prepare_/undo_save_commitment below
        "delete_commitment": Acts("Commitment", ("text", "deleted_at")),
        "review_commitment": Acts("Commitment", ("status", "review_note"), guarded=False),
        "follow_up": Acts("ActionItem", ("status",), walk_arg=1),  # undo_follow_up below
        "add_action_item": Acts("Walk", creates="ActionItem", removed_by="delete_action_item"),
        "update_action_item": Acts("ActionItem", _KW), "delete_action_item": Acts("ActionItem"),
        "add_pattern": Acts("Walk", creates="Pattern", removed_by="delete_pattern"),
        "update_pattern": Acts("Pattern", ("text",)), "delete_pattern": Acts("Pattern"),
        "add_next_step": Acts("Walk", creates="NextStep", removed_by="delete_next_step"),
        "delete_next_step": Acts("NextStep"),
        "add_feedback": Acts("Walk", creates="Feedback"),
    }

    # save_commitment(walk_id, participant_id, text, commitment_id="", …) adds the
    # commitment or changes it: put back its text (or take it away if it was not there).
    def prepare_save_commitment(self, services: Services) -> Any:
        commitment_id = str(self.args[3]) if len(self.args) > 3 else \
            str(self.kwargs.get("commitment_id", ""))
        if not commitment_id:
            return None
        return capture_or_absent(services, Target("Commitment", commitment_id,
                                                   ("text", "deleted_at")))

    def undo_save_commitment(self, result: Any, before: Any) -> Command | None:
        if not before or before[0].values is None:
            return type(self)("delete_commitment", (result.id,))
        return Restore(tuple(before), self.describe())

    # follow_up(item_id, walk_id, status, text) adds a follow-up and sets the item's status.
    def prepare_follow_up(self, services: Services) -> Any:
        item_id = str(self.args[0])
        try:
            item = services.undo.capture("ActionItem", item_id, ("status",))
        except NotFoundError:
            return None
        return item, frozenset(services.undo.follow_up_ids(item_id))

    def undo_follow_up(self, result: Any, before: Any) -> Command | None:
        if not before:
            return None
        item, known = before
        added = tuple(absent("ActionFollowUp", f.id) for f in result.follow_ups
                      if f.id not in known)
        return Restore((*item, *added), self.describe())


@dataclass(frozen=True)
class NoteWrite(_ServiceCall):
    """A note or a reflection: saved, deleted or restored."""

    service: ClassVar[str] = "notes"
    methods: ClassVar[Mapping[str, str]] = {
        "save_note": N_("save the note"), "delete_note": N_("delete the note"),
        "save_reflection": N_("save the reflection"),
    }
    undoable: ClassVar[Mapping[str, Acts]] = {
        "save_note": Acts("Walk"),  # prepare_/undo_save_note below
        "delete_note": Acts("Note"),
        "save_reflection": Acts("Walk"),  # prepare_/undo_save_reflection below
    }

    def walk_of(self, services: Services) -> str | None:
        if self.method == "save_note":
            return str(self.args[0].walk_id)
        return super().walk_of(services)

    def prepare_save_note(self, services: Services) -> Any:
        draft = self.args[0]
        if not draft.id:
            return None
        return capture_or_absent(services, Target("Note", draft.id, NOTE_FIELDS))

    def undo_save_note(self, result: Any, before: Any) -> Command | None:
        return Restore(tuple(before) if before else (absent("Note", result.id),),
                       self.describe())

    def prepare_save_reflection(self, services: Services) -> Any:
        reflection_id = str(self.args[4]) if len(self.args) > 4 else \
            str(self.kwargs.get("reflection_id", ""))
        if not reflection_id:
            return None
        return capture_or_absent(services, Target("Reflection", reflection_id,
                                                   ("text", "prompt", "deleted_at")))

    def undo_save_reflection(self, result: Any, before: Any) -> Command | None:
        return Restore(tuple(before) if before else (absent("Reflection", result.id),),
                       self.describe())




@dataclass(frozen=True)
class WalkEdit(_ServiceCall):
    """A whole walk: copied, or moved to the Trash and brought back."""

    service: ClassVar[str] = "walks"
    methods: ClassVar[Mapping[str, str]] = {
        "duplicate_walk": N_("copy the walk"), "delete_walk": N_("move the walk to the Trash"),
    }


@dataclass(frozen=True)
class SeriesEdit(_ServiceCall):
    """The next walk of a series, planned again from one of its walks."""

    service: ClassVar[str] = "series"
    methods: ClassVar[Mapping[str, str]] = {"plan_again": N_("plan the next walk")}


@dataclass(frozen=True)
class SettingEdit(_ServiceCall):
    """A setting kept in the database (the school's visit limit on the Coverage screen)."""

    service: ClassVar[str] = "coverage"
    methods: ClassVar[Mapping[str, str]] = {"set_visit_limit": N_("save the visit limit")}


@dataclass(frozen=True)
class TrashEdit(_ServiceCall):
    """Bringing a walk back from the Trash (removal for good runs on its own worker)."""

    service: ClassVar[str] = "trash"
    methods: ClassVar[Mapping[str, str]] = {"restore": N_("bring the walk back")}


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
        return tr("save the walk's details")

    def undo_group(self) -> str | None:
        # Not coalesced (each save carries the fields typed since the last), yet typing
        # the title in several pauses is one step.
        return f"details:{self.walk_id}:{','.join(sorted(self.changes))}"

    def walk_of(self, services: Services) -> str | None:
        return self.walk_id

    def prepare(self, services: Services) -> Any:
        return capture_or_absent(services, Target("Walk", self.walk_id, tuple(self.changes)))

    def undo(self, result: Any, before: Any = None) -> Command | None:
        return Restore(tuple(before), self.describe()) if before else None


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
        return tr("save the answer")

    def coalesce_key(self) -> str:
        return f"answer:{self.walk_id}:{self.step.key}:{self.prompt.key}"

    def walk_of(self, services: Services) -> str | None:
        return self.walk_id

    def prepare(self, services: Services) -> Any:
        row_id = services.undo.answer_id(self.walk_id, self.step.key, self.prompt.key)
        if row_id is None:
            return None
        return capture_or_absent(services, Target("StepResponse", row_id, ("value_json",)))

    def undo(self, result: Any, before: Any = None) -> Command | None:
        return Restore(tuple(before) if before else (absent("StepResponse", result.id),),
                       self.describe())


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
            return tr("keep the chosen version")
        if self.keep_both:
            return tr("keep both versions")
        return tr("save the versions as one")


_RUNNER_LABELS: Mapping[str, str] = MappingProxyType({
    "start": N_("start the step"), "pause": N_("pause the step"),
    "resume": N_("resume the step"), "next": N_("move to the next step"),
    "skip": N_("skip the step"), "back": N_("go back a step"),
    "finish": N_("finish the phase"), "start_at": N_("start the chosen step")})

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
            return tr("give the step more time")
        return tr(_RUNNER_LABELS[self.verb])


@dataclass(frozen=True)
class Call(Command):
    """A write that is not one service call (e.g. a note saved with its conflict rule):
    `work(services)` does it. Prefer a named command; this is for composite writes that
    keep their own state between runs."""

    work: Any  # Callable[[Services], Any]; Any so the dataclass stays hashable-agnostic
    what: str
    key: str | None = None
    # The row it changes, when it is one (a note typed in the editor): then it is undone
    # by putting that row back as it was, and refused on a closed walk.
    target: Target | None = None

    def run(self, services: Services) -> Any:
        return self.work(services)

    def walk_of(self, services: Services) -> str | None:
        if self.target is None:
            return None
        if self.target.walk_id is not None:
            return self.target.walk_id
        return services.undo.walk_of(self.target.model, self.target.id)

    def prepare(self, services: Services) -> Any:
        return None if self.target is None else capture_or_absent(services, self.target)

    def undo(self, result: Any, before: Any = None) -> Command | None:
        return Restore(tuple(before), self.describe()) if before else None

    def describe(self) -> str:
        # `what` is the caller's English ("save the note", one of the edits' names above)
        # or already translated: either way, in the app's language.
        return tr(self.what)

    def coalesce_key(self) -> str | None:
        return self.key


@dataclass(frozen=True)
class ReviewEdit(_ServiceCall):
    """The facilitator's decision on a note at the evidence wall (walkapp.note_states):
    set aside, keep in the record, put back, rewrite; `restore` and `unrewrite` are what
    their undo runs. Never coalesced: each is a decision."""

    service: ClassVar[str] = "reviews"
    methods: ClassVar[Mapping[str, str]] = {
        "set_aside": N_("set the note aside"), "keep": N_("keep the note in the record"),
        "put_back": N_("put the note back"), "restore": N_("put the decision on the note back"),
        "rewrite": N_("rewrite the note"), "unrewrite": N_("undo the rewrite of the note"),
    }

    def walk_of(self, services: Services) -> str | None:
        # Every method's first argument is the note's id: a closed walk's notes are kept
        # as they were until "Edit anyway", decisions included.
        return services.undo.walk_of("Note", str(self.args[0])) if self.args else None

    # Each method is undone by what its result says (the decision or the text before); the
    # `undo_<method>` names are what tests/core/test_undo_coverage.py looks for.
    def undo_set_aside(self, result: Any, before: Any) -> Command | None:
        return self._reverse(result)

    undo_keep = undo_put_back = undo_restore = undo_rewrite = undo_unrewrite = undo_set_aside

    def _reverse(self, result: Any) -> Command | None:
        from walkapp.services.reviews import ReviewChange, Rewrite

        if isinstance(result, ReviewChange):
            return ReviewEdit("restore", (result.note_id, result.before))
        if isinstance(result, Rewrite):
            if result.before == result.after:
                return None  # nothing changed, nothing to undo
            if self.method == "unrewrite":
                return ReviewEdit("rewrite", (result.note_id, result.before))
            return ReviewEdit("unrewrite", (result.note_id, result.before,
                                            result.kept_history))
        return None
