"""Turn parsed protocol data (from TOML or a walk's JSON snapshot) into a `Protocol`.

`build_protocol(data)` checks everything and returns either a Protocol or the full list of
problems, each naming the field and the fix. It accepts only plain data (dicts, lists,
strings, numbers) and never raises on odd input: a wrong type is a problem, not a crash.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from walkapp.domain import STEM_LABELS, STEM_PROMPTS, PatternKind, Stem
from walkapp.protocol.fields import (
    PROTOCOL_KEYS,
    FieldPath,
    Issue,
    Issues,
    Reader,
    describe,
    show_value,
)
from walkapp.protocol.schema import (
    REQUIRED_PHASES,
    SCHEMA_VERSION,
    Activity,
    DebriefStage,
    FeedbackQuestion,
    LookForItem,
    LookForSet,
    Phase,
    PhaseKey,
    Prompt,
    PromptKind,
    Protocol,
    Role,
    Source,
    StemSpec,
    Step,
)

LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
TITLE_MAX = 200
TEXT_MAX = 2_000
SCRIPT_MAX = 20_000
STEP_MINUTES_MAX = 240
OPTION_MAX = 200


# Every schema version this walkapp reads (so far there is only one).
SCHEMA_VERSIONS = tuple(range(1, SCHEMA_VERSION + 1))


def _versions() -> str:
    if len(SCHEMA_VERSIONS) == 1:
        return f"the only schema_version there is so far is {SCHEMA_VERSIONS[0]}"
    return "the schema versions are " + ", ".join(map(str, SCHEMA_VERSIONS))


def newer_schema_message(found: int) -> str:
    return (f"this protocol was written for a newer walkapp (schema_version {found}; this "
            f"walkapp reads schema_version {SCHEMA_VERSION}); update walkapp to use it, or "
            "ask its author for a copy made for this version")


def check_schema_version(data: Mapping[str, object]) -> Issue | None:
    """The first check on any file: an absent, odd or newer schema_version stops the rest
    (a file of another version would only give a list of knock-on errors)."""
    value = data.get("schema_version")
    if value is None:
        return Issue((), f"schema_version is missing; put schema_version = {SCHEMA_VERSION} "
                         "on the first line")
    if isinstance(value, str) and value.strip().isdigit():
        return Issue(("schema_version",), f"must be a whole number without quotes, found "
                                          f"{show_value(value)}; {_versions()}: write "
                                          f"schema_version = {SCHEMA_VERSION}")
    if isinstance(value, float) and value.is_integer() and int(value) in SCHEMA_VERSIONS:
        return Issue(("schema_version",), f"must be a whole number, found {value}; write "
                                          f"schema_version = {int(value)}")
    if isinstance(value, bool) or not isinstance(value, int):
        return Issue(("schema_version",), f"must be a whole number, found "
                                          f"{show_value(value)}; {_versions()}: write "
                                          f"schema_version = {SCHEMA_VERSION}")
    if value > SCHEMA_VERSION:
        return Issue(("schema_version",), newer_schema_message(value))
    if value not in SCHEMA_VERSIONS:
        return Issue(("schema_version",), f"there is no schema_version {value}; "
                                          f"{_versions()}: write schema_version = "
                                          f"{SCHEMA_VERSION}")
    return None


def build_protocol(data: object) -> tuple[Protocol | None, list[Issue]]:
    """Check `data` and build the Protocol; on any problem return (None, problems)."""
    if not isinstance(data, Mapping):
        return None, [Issue((), f"a protocol must be a table of keys, found {describe(data)}")]
    stop = check_schema_version(data)
    if stop is not None:
        return None, [stop]
    issues = Issues()
    top = Reader(issues, data, (), PROTOCOL_KEYS)
    top.has("schema_version")
    protocol = _protocol(top)
    top.done()
    if issues.items:
        return None, issues.items
    return protocol, []


def _protocol(top: Reader) -> Protocol:
    version_value = top.data.get("version")
    if isinstance(version_value, int) and not isinstance(version_value, bool) \
            and 0 <= version_value < 10**9:
        # `version = 2` is a natural thing to write; keep it as the text "2".
        top.has("version")
        version = str(version_value)
    else:
        version = top.text("version", limit=40, required=True, example="1")
    before = len(top.issues.items)
    group_min = top.integer("group_min", 1, 60, default=3, unit="walkers") or 3
    group_max = top.integer("group_max", 1, 60, default=6, unit="walkers") or 6
    # One mistake, one message: a wrong group_min is not also "more than group_max".
    if len(top.issues.items) == before and group_min > group_max:
        top.problem("group_min", f"is {group_min}, more than group_max ({group_max}); make "
                                 "group_min the smaller number")
    language = top.text("language", limit=16, default="en", example="en")
    if not LANGUAGE.fullmatch(language):
        top.problem("language", f'{show_value(language)} is not a language code; use e.g. '
                                 'language = "en" or "es"')
    protocol = Protocol(
        schema_version=SCHEMA_VERSION,
        id=top.slug("id", example="my-learning-walk"),
        version=version,
        title=top.text("title", limit=TITLE_MAX, required=True, example="My learning walk"),
        language=language,
        summary=top.text("summary", limit=TEXT_MAX, one_line=False),
        source=_source(top),
        based_on=top.text("based_on", limit=TITLE_MAX),
        roles=_roles(top),
        group_min=group_min,
        group_max=group_max,
        visit_minutes=top.integer("visit_minutes", 1, 60, default=10, unit="minutes") or 10,
        corridor_minutes=_int(top.integer("corridor_minutes", 0, 30, default=3,
                                          unit="minutes"), 3),
        norms=top.texts("norms", limit_items=30, limit_chars=1000),
        stems=_stems(top),
        look_for_sets=_look_for_sets(top),
        debrief_sequence=_debrief(top),
        feedback=tuple(FeedbackQuestion(**vars(p)) for p in
                       _prompts(top, "feedback", limit=30, what="question")),
        phases=_phases(top),
    )
    _check_step_keys(top, protocol)
    return protocol


def _int(value: int | None, default: int) -> int:
    return default if value is None else value


def _source(top: Reader) -> Source | None:
    table = top.table("source")
    if table is None:
        return None
    source = Source(
        citation=table.text("citation", limit=TEXT_MAX, required=True,
                            example="Author (year). Title. Publisher."),
        url=table.text("url", limit=500),
        note=table.text("note", limit=TEXT_MAX, one_line=False))
    table.done()
    return source


def _roles(top: Reader) -> tuple[Role, ...]:
    roles: list[Role] = []
    seen: dict[str, FieldPath] = {}
    for table in _only_tables(top.tables("roles", limit=12)):
        role = Role(key=table.slug("key", example="facilitator"),
                    title=table.text("title", limit=TITLE_MAX, required=True,
                                     example="Facilitator"),
                    description=table.text("description", limit=TEXT_MAX, one_line=False))
        _unique(table, "key", role.key, seen)
        roles.append(role)
        table.done()
    return tuple(roles)


def _stems(top: Reader) -> tuple[StemSpec, ...]:
    if not top.has("stems"):
        return tuple(StemSpec(s, STEM_LABELS[s], STEM_PROMPTS[s]) for s in Stem)
    stems: list[StemSpec] = []
    seen: dict[str, FieldPath] = {}
    for table in _only_tables(top.tables("stems", limit=len(Stem), required=True)):
        chosen: Stem | None = None
        if table.has("stem"):
            chosen = table.optional_choice("stem", Stem, Stem.NOTICED)
        else:
            table.missing("stem", "stem is missing; add e.g. stem = \"noticed\" (one of: "
                                + ", ".join(s.value for s in Stem) + ")")
        stem = chosen or Stem.NOTICED
        spec = StemSpec(stem=stem,
                        label=table.text("label", limit=60, default=STEM_LABELS[stem]),
                        prompt=table.text("prompt", limit=200, default=STEM_PROMPTS[stem]))
        if chosen is not None:  # a wrong stem is one message, not also "used twice"
            _unique(table, "stem", spec.stem.value, seen)
        stems.append(spec)
        table.done()
    return tuple(stems)


def _look_for_sets(top: Reader) -> tuple[LookForSet, ...]:
    sets: list[LookForSet] = []
    seen: dict[str, FieldPath] = {}
    for table in _only_tables(top.tables("look_for_sets", limit=20)):
        key = table.slug("key", example="student-talk")
        title = table.text("title", limit=TITLE_MAX, required=True, example="Student talk")
        description = table.text("description", limit=TEXT_MAX, one_line=False)
        items: list[LookForItem] = []
        for item in table.tables("items", limit=30, required=True, allow_text=True):
            if isinstance(item, str):
                text = item.strip()
                if not text or len(text) > 500 or "\n" in text:
                    table.problem("items", "each look-for must be one line of 1 to 500 "
                                           "characters")
                    continue
                items.append(LookForItem(text))
            else:
                items.append(LookForItem(
                    text=item.text("text", limit=500, required=True,
                                   example="Students explain their reasoning"),
                    description=item.text("description", limit=TEXT_MAX, one_line=False)))
                item.done()
        _unique(table, "key", key, seen)
        sets.append(LookForSet(key=key, title=title, items=tuple(items),
                               description=description))
        table.done()
    return tuple(sets)


def _debrief(top: Reader) -> tuple[DebriefStage, ...]:
    stages: list[DebriefStage] = []
    order = list(PatternKind)
    placed: dict[PatternKind, FieldPath] = {}
    for table in _only_tables(top.tables("debrief_sequence", limit=len(PatternKind))):
        chosen: PatternKind | None = None
        if table.has("kind"):
            chosen = table.optional_choice("kind", PatternKind, PatternKind.DESCRIBE)
        else:
            table.missing("kind", "kind is missing; add e.g. kind = \"describe\" (one of: "
                                + ", ".join(k.value for k in PatternKind) + ")")
        kind = chosen or PatternKind.DESCRIBE
        stage = DebriefStage(kind=kind,
                             title=table.text("title", limit=TITLE_MAX, default=kind.label),
                             prompt=table.text("prompt", limit=TEXT_MAX, required=True,
                                               one_line=False,
                                               example="What did we see and hear?"))
        if chosen is None:
            table.done()
            continue  # a wrong kind is one message, not also "out of order"
        if kind in placed:
            table.issues.add(table.at("kind"), f'"{kind.value}" appears twice; keep one '
                             "stage of each kind", first=placed[kind])
        elif placed and order.index(kind) < order.index(list(placed)[-1]):
            table.problem("kind", f'"{kind.value}" comes after "{list(placed)[-1].value}"; '
                                  "description comes before analysis, analysis before "
                                  "prediction: keep the order "
                                  + " → ".join(k.value for k in order))
        placed.setdefault(kind, table.at("kind"))
        stages.append(stage)
        table.done()
    return tuple(stages)


def _prompts(parent: Reader, key: str, *, limit: int, what: str) -> list[Prompt]:
    prompts: list[Prompt] = []
    seen: dict[str, FieldPath] = {}
    for table in _only_tables(parent.tables(key, limit=limit)):
        prompt = _prompt(table, what)
        _unique(table, "key", prompt.key, seen)
        prompts.append(prompt)
        table.done()
    return prompts


def _prompt(table: Reader, what: str) -> Prompt:
    chosen = table.optional_choice("kind", PromptKind, PromptKind.TEXT)
    kind = chosen or PromptKind.TEXT
    options = table.texts("options", limit_items=30, limit_chars=OPTION_MAX)
    prompt = Prompt(
        key=table.slug("key", example="first-" + what),
        text=table.text("text", limit=1000, required=True, one_line=False,
                        example=f"The {what} people answer"),
        kind=kind, options=options,
        low_label=table.text("low_label", limit=60),
        high_label=table.text("high_label", limit=60))
    if len(set(options)) != len(options):
        table.problem("options", "lists the same option twice; keep each option once")
    if chosen is None:
        return prompt  # options and labels follow the kind: unknown, so not judged
    if kind is PromptKind.CHOICE and len(options) < 2:
        table.problem("options", 'a choice needs at least two options, e.g. options = '
                                 '["Yes", "Not yet"]')
    elif kind is PromptKind.CHECKLIST and not options:
        table.problem("options", 'a checklist needs its items, e.g. options = '
                                 '["Norms read aloud", "Timer set"]')
    elif kind not in (PromptKind.CHOICE, PromptKind.CHECKLIST) and table.data.get("options"):
        table.problem("options", f'only choice and checklist prompts have options; remove '
                                 f'them or set kind = "choice" (this one is "{kind.value}")')
    if kind is not PromptKind.RATING and (prompt.low_label or prompt.high_label):
        table.problem("low_label" if prompt.low_label else "high_label",
                      'only rating prompts (1–5) have scale labels; remove them or set '
                      'kind = "rating"')
    return prompt


def _phases(top: Reader) -> tuple[Phase, ...]:
    phases: list[Phase] = []
    for key in PhaseKey:
        table = top.table(key.value, required=key in REQUIRED_PHASES)
        if table is None:
            continue
        steps: list[Step] = []
        for step_table in _only_tables(table.tables("steps", limit=50, required=True)):
            steps.append(_step(step_table, key))
            step_table.done()
        phases.append(Phase(key=key,
                            title=table.text("title", limit=TITLE_MAX,
                                             default=key.default_title),
                            summary=table.text("summary", limit=TEXT_MAX, one_line=False),
                            steps=tuple(steps)))
        table.done()
    return tuple(phases)


def _step(table: Reader, phase: PhaseKey) -> Step:
    chosen = table.optional_choice("activity", Activity, Activity.NONE)
    activity = chosen or Activity.NONE
    if activity is Activity.VISITS and phase is not PhaseKey.OBSERVATION:
        table.problem("activity", 'a "visits" step belongs in the [observation] phase; move '
                                  "it there or choose another activity")
    minutes = table.integer("minutes", 0, STEP_MINUTES_MAX, default=None, unit="minutes",
                            # a wrong activity may be a misspelt "visits": one message
                            required=chosen not in (Activity.VISITS, None))
    return Step(
        key=table.slug("key", example="norms"),
        title=table.text("title", limit=TITLE_MAX, required=True, example="Agree the norms"),
        minutes=minutes if minutes is not None or activity is Activity.VISITS else 0,
        activity=activity,
        script=table.text("script", limit=SCRIPT_MAX, one_line=False),
        prompts=tuple(_prompts(table, "prompts", limit=30, what="prompt")))


def _check_step_keys(top: Reader, protocol: Protocol) -> None:
    """Answers are stored by step key, so a key may be used by one step only."""
    seen: dict[str, FieldPath] = {}
    visits: FieldPath | None = None
    for phase, index, step in protocol.steps():
        path: FieldPath = (phase.key.value, "steps", index, "key")
        if step.key and step.key in seen:
            top.issues.add(path, f'step key "{step.key}" is already used by another step; '
                                 "give each step its own key", first=seen[step.key])
        seen.setdefault(step.key, path)
        # A visits step outside [observation] is already refused: not counted here too.
        if step.activity is Activity.VISITS and phase.key is PhaseKey.OBSERVATION:
            here: FieldPath = (phase.key.value, "steps", index, "activity")
            if visits is not None:
                top.issues.add(here, 'only one step may have activity = "visits"; merge the '
                                     "visits into one step", first=visits)
            visits = visits or here


def _only_tables(items: list[Reader | str]) -> list[Reader]:
    return [item for item in items if isinstance(item, Reader)]


def _unique(table: Reader, key: str, value: str, seen: dict[str, FieldPath]) -> None:
    """`value` of `key` in this element of an array of tables must not be in an earlier
    element (`seen`: value → where it was first given); the message names the first use."""
    if not value:
        return
    if value in seen:
        table.issues.add(table.at(key), f'"{value}" is used twice in this list; give each '
                                        f"one its own {key}", first=seen[value])
    else:
        seen[value] = table.at(key)
