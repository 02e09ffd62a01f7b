"""The choices a facilitator makes at planning among what the protocol leaves open
(version 2): optional steps left out or taken in, one option of each variant, and the date
of each phase held on another day. Stored as JSON in `walks.plan_choices`:

    {"left_out": ["step-key", …], "variants": {"variant-key": "option-key"},
     "phase_dates": {"post_brief": "YYYY-MM-DD"}}

`left_out`, once written, is the whole decision: every optional step it does not list is
in the plan, whatever the step's `included` default says. Until the facilitator ticks or
clears one (no `left_out` key, or the column empty), each optional step follows its own
default. A variant with no option chosen runs its default option; a phase on another day
with no date chosen is held `days_after` days after the walk's date.

Reading is forgiving (`read`): a key this walkapp does not know (written by a newer one),
a step, variant or phase the walk's protocol does not have — all are ignored, never an
error, so a walk always opens. Writing is strict (`parse` for the shape, `check` against
the protocol), with messages that say what to change.

"The steps this walk runs" (`walk_steps`) are the protocol's steps minus the optional
steps left out, minus the steps of the options of each variant not chosen. The runner, the
schedule, the agenda and the script all ask here, so a step left out is left out
everywhere.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from walkapp.errors import ValidationError
from walkapp.formatting import tr
from walkapp.protocol.schema import Phase, Protocol, Step, Variant, VariantOption

# The most days a phase may be held after the walk (a post-brief the next week is common;
# a term later is another walk).
MAX_DAYS_AFTER = 60
_KEYS = ("left_out", "variants", "phase_dates")


@dataclass(frozen=True)
class PlanChoices:
    """What was chosen; see the module's docstring for what an absent choice means."""

    # None: no optional step ticked or cleared yet (each follows its `included`).
    left_out: frozenset[str] | None = None
    variants: Mapping[str, str] = field(default_factory=dict)
    phase_dates: Mapping[str, date] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self.left_out is None and not self.variants and not self.phase_dates


NONE = PlanChoices()


# -- reading and writing the JSON ------------------------------------------------------------
def dump(choices: PlanChoices) -> str:
    """The JSON stored in `walks.plan_choices` ("" when nothing was chosen); keys sorted,
    so one set of choices is always the same text."""
    if choices.empty:
        return ""
    data: dict[str, Any] = {}
    if choices.left_out is not None:
        data["left_out"] = sorted(choices.left_out)
    if choices.variants:
        data["variants"] = dict(sorted(choices.variants.items()))
    if choices.phase_dates:
        data["phase_dates"] = {k: v.isoformat() for k, v in sorted(choices.phase_dates.items())}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def read(text: str | None) -> PlanChoices:
    """The choices stored for a walk, forgiving: what cannot be read is left out (and the
    protocol's defaults apply to it), never an error."""
    try:
        return _parse(text, strict=False)
    except ValidationError:  # pragma: no cover - the forgiving parse never raises
        return NONE


def parse(text: str | PlanChoices | None) -> PlanChoices:
    """The choices in `text`, strictly: a wrong shape is refused with a clear message.
    Keys this walkapp does not know are ignored (a newer walkapp may write more)."""
    if isinstance(text, PlanChoices):
        return text
    return _parse(text, strict=True)


def clean_json(value: str | PlanChoices | None) -> str:
    """`value` checked for its shape and written back in the one canonical form (what the
    walk service stores)."""
    return dump(parse(value))


def _parse(text: str | None, *, strict: bool) -> PlanChoices:
    def bad(what: str) -> None:
        if strict:
            raise ValidationError(tr("The walk's plan choices: {what}").format(what=what))

    if text is None or not str(text).strip():
        return NONE
    try:
        data = json.loads(text)
    except (ValueError, TypeError, RecursionError):
        bad(tr("this is not JSON. Choose the steps and variants again on the Plan page."))
        return NONE
    if not isinstance(data, dict):
        bad(tr("expected an object with left_out, variants and phase_dates."))
        return NONE
    left_out: frozenset[str] | None = None
    raw = data.get("left_out")
    if raw is not None:
        if isinstance(raw, list) and all(isinstance(k, str) for k in raw):
            left_out = frozenset(raw)
        else:
            bad(tr("left_out must be a list of step keys."))
    variants: dict[str, str] = {}
    raw = data.get("variants")
    if raw is not None:
        if isinstance(raw, dict):
            for key, option in raw.items():
                if isinstance(option, str):
                    variants[str(key)] = option
                else:
                    bad(tr("the option chosen for variant “{key}” must be an option's "
                           "key.").format(key=key))
        else:
            bad(tr("variants must map each variant's key to the key of the option chosen."))
    dates: dict[str, date] = {}
    raw = data.get("phase_dates")
    if raw is not None:
        if isinstance(raw, dict):
            for key, value in raw.items():
                try:
                    dates[str(key)] = date.fromisoformat(value)
                except (TypeError, ValueError):
                    bad(tr("the date of phase “{key}” must be written YYYY-MM-DD.").format(
                        key=key))
        else:
            bad(tr("phase_dates must map each phase's key to a date written YYYY-MM-DD."))
    return PlanChoices(left_out, variants, dates)


# -- checking against the walk's protocol ----------------------------------------------------
def check(choices: PlanChoices, protocol: Protocol, walk_date: date | None = None
          ) -> PlanChoices:
    """`choices` if they fit `protocol`, else a ValidationError that names what to change.
    A choice about something the protocol does not have is refused here (it is only
    ignored when read back, see `read`)."""
    for key in sorted(choices.left_out or ()):
        step = protocol.step(key)
        if step is None:
            raise ValidationError(tr("“{title}” has no step “{key}” to leave out.").format(
                                      title=protocol.title, key=key))
        if not step.optional:
            raise ValidationError(tr("The step “{title}” is not optional in “{title2}”: every "
                                     "walk runs it.").format(
                                      title=step.title, title2=protocol.title))
    for key, option in choices.variants.items():
        variant = protocol.variant(key)
        if variant is None:
            raise ValidationError(tr("“{title}” has no variant “{key}”.").format(
                                      title=protocol.title, key=key))
        if not any(o.key == option for o in variant.options):
            keys = ", ".join(o.key for o in variant.options)
            raise ValidationError(tr("“{title}” has no option “{option}” (it has: {keys}).").format(
                                      title=variant.title, option=option, keys=keys))
    for key, day in choices.phase_dates.items():
        phase = protocol.phase(key)
        if phase is None or not phase.another_day:
            raise ValidationError(tr("“{title}” holds no phase “{key}” on a day of its own, so "
                                     "it has no date to choose.").format(
                                      title=protocol.title, key=key))
        if walk_date is not None and not walk_date <= day <= walk_date + timedelta(
                days=MAX_DAYS_AFTER):
            raise ValidationError(
                tr("The {title} is on {isoformat}: choose a day from the walk's date "
                   "({isoformat2}) to {max_days_after} days after it.").format(
                    title=phase.title, isoformat=day.isoformat(), isoformat2=walk_date.isoformat(),
                    max_days_after=MAX_DAYS_AFTER))
    for phase in protocol.phases:
        if phase.steps and not any(runs(protocol, choices, s) for s in phase.steps):
            raise ValidationError(tr("With these choices the {title} would have no steps left: "
                                     "keep at least one of its steps in the plan.").format(
                                      title=phase.title))
    return choices


# -- what the walk runs -----------------------------------------------------------------------
def chosen_option(variant: Variant, choices: PlanChoices) -> VariantOption:
    """The option the walk runs: the one chosen, else the variant's default (a choice of an
    option the variant no longer has counts as no choice)."""
    wanted = choices.variants.get(variant.key)
    return next((o for o in variant.options if o.key == wanted), variant.default_option)


def is_taken_in(step: Step, choices: PlanChoices) -> bool:
    """Is this optional step in the plan? (A step that is not optional always is.)"""
    if not step.optional:
        return True
    if choices.left_out is None:
        return step.included
    return step.key not in choices.left_out


def runs(protocol: Protocol, choices: PlanChoices, step: Step) -> bool:
    """Does the walk run `step`? Not when it is an optional step left out, nor when it
    belongs to an option of a variant that was not chosen."""
    if not is_taken_in(step, choices):
        return False
    for variant in protocol.variants:
        if any(step.key in o.steps for o in variant.options) \
                and step.key not in chosen_option(variant, choices).steps:
            return False
    return True


def walk_steps(protocol: Protocol, choices: PlanChoices
               ) -> Iterator[tuple[Phase, int, Step]]:
    """The steps this walk runs, in running order, each with its phase and its index in
    the protocol's phase (the index the phase log keeps, whatever is left out)."""
    for phase, index, step in protocol.steps():
        if runs(protocol, choices, step):
            yield phase, index, step


def left_out_keys(protocol: Protocol, choices: PlanChoices) -> frozenset[str]:
    """The keys of the protocol's steps this walk does not run."""
    return frozenset(s.key for _, _, s in protocol.steps() if not runs(protocol, choices, s))


def has_choices(protocol: Protocol) -> bool:
    """Does the protocol leave anything to choose at planning?"""
    return bool(protocol.variants) or any(s.optional for _, _, s in protocol.steps()) \
        or any(p.another_day for p in protocol.phases)


def phase_date(protocol: Protocol, choices: PlanChoices, phase: Phase | str,
               walk_date: date) -> date:
    """The day `phase` is held: the walk's date, or for a phase on another day the date
    chosen, else `days_after` days after the walk."""
    found = protocol.phase(phase) if isinstance(phase, str) else phase
    if found is None or not found.another_day:
        return walk_date
    chosen = choices.phase_dates.get(found.key.value)
    return chosen if chosen is not None else walk_date + timedelta(days=found.days_after)


def other_days(protocol: Protocol, choices: PlanChoices, walk_date: date
               ) -> tuple[tuple[Phase, date], ...]:
    """Each phase held on a day of its own, with its day (for the agenda and overviews)."""
    return tuple((phase, phase_date(protocol, choices, phase, walk_date))
                 for phase in protocol.phases if phase.another_day)


# -- changing one choice ---------------------------------------------------------------------
def with_step(protocol: Protocol, choices: PlanChoices, step_key: str,
              taken_in: bool) -> PlanChoices:
    """The choices with optional step `step_key` taken in or left out; `left_out` becomes
    the whole decision (every optional step's current state written down)."""
    current = {s.key for _, _, s in protocol.steps()
               if s.optional and not is_taken_in(s, choices)}
    if taken_in:
        current.discard(step_key)
    else:
        current.add(step_key)
    return replace(choices, left_out=frozenset(current))


def with_variant(choices: PlanChoices, variant_key: str, option_key: str) -> PlanChoices:
    return replace(choices, variants={**choices.variants, variant_key: option_key})


def with_phase_date(choices: PlanChoices, phase_key: str, day: date | None) -> PlanChoices:
    """`day` None: back to the protocol's default gap."""
    dates = {k: v for k, v in choices.phase_dates.items() if k != phase_key}
    if day is not None:
        dates[phase_key] = day
    return replace(choices, phase_dates=dates)


def for_copy(choices: PlanChoices) -> PlanChoices:
    """The choices a walk planned like this one starts with: the same steps and variants;
    no dates (they follow the new walk's own date)."""
    return replace(choices, phase_dates={})
