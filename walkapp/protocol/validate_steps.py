"""Checking a protocol's phases, steps and prompts (part of `walkapp.protocol.validate`).

Version 2 adds, per step, `optional`/`included` (a step the facilitator may leave out at
planning), `[turns]` (rounds of a few minutes each inside the step) and `[[roles]]` (what
walkers with one role do); per phase, `another_day`/`days_after`; per rating prompt, a
scale of its own (`points`, `labels`, `not_applicable`).
"""

from __future__ import annotations

from walkapp import formatting as fmt
from walkapp.messages import N_
from walkapp.protocol.fields import FieldPath, Reader, only_tables, unique
from walkapp.protocol.schema import (
    RATING_MAX,
    REQUIRED_PHASES,
    SCALE_POINTS_MAX,
    SCALE_POINTS_MIN,
    Activity,
    Phase,
    PhaseKey,
    Prompt,
    PromptKind,
    Protocol,
    RoleScript,
    RotateBy,
    Step,
    Turns,
)

TITLE_MAX = 200
TEXT_MAX = 2_000
SCRIPT_MAX = 20_000
STEP_MINUTES_MAX = 240
OPTION_MAX = 200
POINT_LABEL_MAX = 60
TURNS_MAX = 20
TURN_MINUTES_MAX = 30
DAYS_AFTER_MAX = 60


# The example of a prompt's `text`, by what the prompts are ("question", "prompt").
_PROMPT_EXAMPLE = {"question": N_("The question people answer"),
                   "prompt": N_("The prompt people answer")}


def prompts(parent: Reader, key: str, *, limit: int, what: str,
            form: bool = False) -> list[Prompt]:
    """The prompts of `key`; `form`: a visit form's, which never rate (a visit is never
    scored). `what`: "question" or "prompt", for the examples in messages."""
    out: list[Prompt] = []
    seen: dict[str, FieldPath] = {}
    for table in only_tables(parent.tables(key, limit=limit)):
        prompt = _prompt(table, what, form=form)
        unique(table, "key", prompt.key, seen)
        out.append(prompt)
        table.done()
    return out


def _prompt(table: Reader, what: str, *, form: bool) -> Prompt:
    chosen = table.optional_choice("kind", PromptKind, PromptKind.TEXT)
    if form and chosen is PromptKind.RATING:
        table.problem("kind", fmt.tr('a visit form has no ratings: a visit and its teacher '
                                     'are never scored; ask for what was seen, as kind = '
                                     '"text", "list", "choice" or "checklist"'))
        chosen = None
    kind = chosen or PromptKind.TEXT
    options = table.texts("options", limit_items=30, limit_chars=OPTION_MAX)
    key = table.slug("key", example="first-" + what)
    text = table.text("text", limit=1000, required=True, one_line=False,
                      example=_PROMPT_EXAMPLE[what])
    labels: tuple[str, ...] = ()
    points, not_applicable = RATING_MAX, False
    if form:
        low = high = ""
    else:
        low = table.text("low_label", limit=POINT_LABEL_MAX)
        high = table.text("high_label", limit=POINT_LABEL_MAX)
        points, labels, not_applicable = _scale(table, kind if chosen else None)
    prompt = Prompt(key=key, text=text, kind=kind, options=options, low_label=low,
                    high_label=high, points=points, point_labels=labels,
                    not_applicable=not_applicable)
    if len(set(options)) != len(options):
        table.problem("options", fmt.tr("lists the same option twice; keep each option once"))
    if chosen is None:
        return prompt  # options and labels follow the kind: unknown, so not judged
    if kind is PromptKind.CHOICE and len(options) < 2:
        table.problem("options", fmt.tr('a choice needs at least two options, e.g. options = '
                                        '["Yes", "Not yet"]'))
    elif kind is PromptKind.CHECKLIST and not options:
        table.problem("options", fmt.tr('a checklist needs its items, e.g. options = '
                                        '["Norms read aloud", "Timer set"]'))
    elif kind not in (PromptKind.CHOICE, PromptKind.CHECKLIST) and table.data.get("options"):
        table.problem("options", fmt.tr('only choice and checklist prompts have options; '
                                        'remove them or set kind = "choice" (this one is '
                                        '"{kind}")').format(kind=kind.value))
    if kind is not PromptKind.RATING and (low or high):
        table.problem("low_label" if low else "high_label",
                      fmt.tr('only rating prompts have scale labels; remove them or set '
                             'kind = "rating"'))
    return prompt


def _scale(table: Reader, kind: PromptKind | None) -> tuple[int, tuple[str, ...], bool]:
    """A rating's points, point labels and "not applicable" (version 2); checked only when
    the kind is known, and only a rating may have them."""
    given = [k for k in ("points", "labels", "not_applicable") if table.has(k)]
    points = table.integer("points", SCALE_POINTS_MIN, SCALE_POINTS_MAX, default=None,
                           unit="points")
    labels = table.texts("labels", limit_items=SCALE_POINTS_MAX, limit_chars=POINT_LABEL_MAX)
    not_applicable = table.flag("not_applicable")
    if kind is None or not given or table.issues.version < 2:
        return RATING_MAX, (), False
    if kind is not PromptKind.RATING:
        table.problem(given[0], fmt.tr('only rating prompts have {key}; remove it or set '
                                       'kind = "rating"').format(key=given[0]))
        return RATING_MAX, (), False
    if points is None and table.has("points"):
        return RATING_MAX, (), not_applicable  # a wrong number: one message
    if points is None:
        points = len(labels) if labels else RATING_MAX
        if labels and not SCALE_POINTS_MIN <= points <= SCALE_POINTS_MAX:
            table.problem("labels", fmt.plural(
                points, "has {n} label; a scale has {low} to {high} points, one label each",
                "has {n} labels; a scale has {low} to {high} points, one label each").format(
                    low=SCALE_POINTS_MIN, high=SCALE_POINTS_MAX))
            return RATING_MAX, (), not_applicable
    if labels and len(labels) != points:
        table.problem("labels", fmt.plural(
            len(labels), "has {n} label for {points} points; give one label per point, "
            "lowest first", "has {n} labels for {points} points; give one label per point, "
            "lowest first").format(points=points))
        labels = ()
    return points, labels, not_applicable


def phases(top: Reader) -> tuple[Phase, ...]:
    out: list[Phase] = []
    for key in PhaseKey:
        table = top.table(key.value, required=key in REQUIRED_PHASES)
        if table is None:
            continue
        steps: list[Step] = []
        for step_table in only_tables(table.tables("steps", limit=50, required=True)):
            steps.append(_step(step_table, key))
            step_table.done()
        another_day = table.flag("another_day")
        days = table.integer("days_after", 0, DAYS_AFTER_MAX, default=None, unit="days")
        if days is not None and not another_day and not table.issues.items_at(
                table.at("another_day")):
            table.problem("days_after", fmt.tr("days_after is for a phase held on another day; "
                                               "add another_day = true or remove it"))
        out.append(Phase(key=key,
                         title=table.text("title", limit=TITLE_MAX, default=key.default_title),
                         summary=table.text("summary", limit=TEXT_MAX, one_line=False),
                         steps=tuple(steps), another_day=another_day,
                         days_after=(1 if days is None else days) if another_day else 0))
        table.done()
    return tuple(out)



def _step(table: Reader, phase: PhaseKey) -> Step:
    chosen = table.optional_choice("activity", Activity, Activity.NONE)
    activity = chosen or Activity.NONE
    if activity is Activity.VISITS and phase is not PhaseKey.OBSERVATION:
        table.problem("activity", fmt.tr('a "visits" step belongs in the [observation] phase; '
                                         "move it there or choose another activity"))
    turns = _turns(table, activity)
    minutes = table.integer("minutes", 0, STEP_MINUTES_MAX, default=None, unit="minutes",
                            # a wrong activity may be a misspelt "visits": one message
                            required=chosen not in (Activity.VISITS, None) and turns is None)
    if turns is not None:
        if minutes is None:
            minutes = turns.total_minutes
        elif minutes < turns.total_minutes:
            table.problem("minutes", fmt.tr(
                "is {minutes}, less than its turns take ({count} × {turn_minutes} = {total} "
                "minutes); give the step at least that, or leave minutes out").format(
                    minutes=minutes, count=turns.count, turn_minutes=turns.minutes,
                    total=turns.total_minutes))
    optional = table.flag("optional")
    included = table.flag("included", default=True)
    if optional and activity is Activity.VISITS:
        table.problem("optional", fmt.tr("the visits step is the walk itself and cannot be "
                                         "left out; remove optional here"))
        optional = False
    if table.has("included") and not optional and not table.issues.items_at(
            table.at("optional")):
        table.problem("included", fmt.tr("included is for an optional step (whether it is in "
                                         "the plan until the facilitator chooses); add "
                                         "optional = true or remove it"))
    return Step(
        key=table.slug("key", example="norms"),
        title=table.text("title", limit=TITLE_MAX, required=True, example=N_("Agree the norms")),
        minutes=minutes if minutes is not None or activity is Activity.VISITS else 0,
        activity=activity,
        script=table.text("script", limit=SCRIPT_MAX, one_line=False),
        prompts=tuple(prompts(table, "prompts", limit=30, what="prompt")),
        optional=optional, included=included if optional else True,
        turns=turns, role_scripts=_role_scripts(table))


def _turns(table: Reader, activity: Activity) -> Turns | None:
    turns = table.table("turns")
    if turns is None:
        return None
    count = turns.integer("count", 2, TURNS_MAX, default=None, required=True, unit="turns")
    minutes = turns.integer("minutes", 1, TURN_MINUTES_MAX, default=None, required=True,
                            unit="minutes")
    rotate = turns.choice("rotate", RotateBy, RotateBy.WALKERS)
    label = turns.text("label", limit=40, example=N_("Speaker"))
    turns.done()
    if activity is Activity.VISITS:
        table.problem("turns", fmt.tr("the visits step is timed by its rooms; put the turns "
                                      "in a step of their own"))
        return None
    if count is None or minutes is None:
        return None
    return Turns(count=count, minutes=minutes, rotate=rotate, label=label)


def _role_scripts(table: Reader) -> tuple[RoleScript, ...]:
    out: list[RoleScript] = []
    seen: dict[str, FieldPath] = {}
    for item in only_tables(table.tables("roles", limit=12)):
        role = item.slug("role", example="presenter")
        out.append(RoleScript(role=role, script=item.text(
            "script", limit=SCRIPT_MAX, required=True, one_line=False,
            example=N_("Listen without speaking"))))
        unique(item, "role", role, seen)
        item.done()
    return tuple(out)


def check_steps(top: Reader, protocol: Protocol) -> None:
    """Answers are stored by step key, so a key may be used by one step only; one visits
    step at most; a step's role scripts name the protocol's roles."""
    seen: dict[str, FieldPath] = {}
    visits: FieldPath | None = None
    roles = {r.key for r in protocol.roles}
    for phase, index, step in protocol.steps():
        path: FieldPath = (phase.key.value, "steps", index, "key")
        if step.key and step.key in seen:
            top.issues.add(path, fmt.tr('step key "{key}" is already used by another step; '
                                        "give each step its own key").format(key=step.key),
                           first=seen[step.key])
        seen.setdefault(step.key, path)
        # A visits step outside [observation] is already refused: not counted here too.
        if step.activity is Activity.VISITS and phase.key is PhaseKey.OBSERVATION:
            here: FieldPath = (phase.key.value, "steps", index, "activity")
            if visits is not None:
                top.issues.add(here, fmt.tr('only one step may have activity = "visits"; merge '
                                            "the visits into one step"), first=visits)
            visits = visits or here
        for number, script in enumerate(step.role_scripts):
            if script.role and script.role not in roles:
                where: FieldPath = (phase.key.value, "steps", index, "roles", number, "role")
                message = (fmt.tr('"{role}" is not one of this protocol\'s roles; use the key of '
                                  "a [[roles]] block ({roles})") if roles else
                           fmt.tr('"{role}" is not one of this protocol\'s roles; use the key of '
                                  "a [[roles]] block (there are none yet: add one)"))
                top.issues.add(where, message.format(role=script.role,
                                                     roles=", ".join(sorted(roles))))
