"""Turn parsed protocol data (from TOML or a walk's JSON snapshot) into a `Protocol`.

`build_protocol(data)` checks everything and returns either a Protocol or the full list of
problems, each naming the field and the fix. It accepts only plain data (dicts, lists,
strings, numbers) and never raises on odd input: a wrong type is a problem, not a crash.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from walkapp import formatting as fmt
from walkapp.domain import PATTERN_LABELS, STEM_LABELS, STEM_PROMPTS, PatternKind, Stem
from walkapp.messages import N_
from walkapp.protocol.fields import (
    PROTOCOL_KEYS,
    FieldPath,
    Issue,
    Issues,
    Reader,
    describe,
    only_tables,
    show_value,
    unique,
)
from walkapp.protocol.schema import (
    SCHEMA_VERSION,
    VISIT_MINUTES_MAX,
    VISIT_MINUTES_MAX_V1,
    DebriefStage,
    FeedbackQuestion,
    LookForItem,
    LookForSet,
    Protocol,
    Role,
    Source,
    StemSpec,
    StemTone,
)
from walkapp.protocol.validate_steps import TEXT_MAX, TITLE_MAX, check_steps, phases, prompts
from walkapp.protocol.validate_v2 import check_v2, tallies, variants, visit_form

E = TypeVar("E", bound=StrEnum)
LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
# A version 2 file may define stems and debrief stages of its own, beyond walkapp's four.
OWN_MAX = 12


# Every schema version this walkapp reads.
SCHEMA_VERSIONS = tuple(range(1, SCHEMA_VERSION + 1))


def _versions(versions: tuple[int, ...] = SCHEMA_VERSIONS) -> str:
    if len(versions) == 1:
        return fmt.tr("the only schema_version there is so far is {version}").format(
            version=versions[0])
    return fmt.tr("the schema versions are {versions}").format(
        versions=", ".join(map(str, versions)))


def newer_schema_message(found: int, newest: int = SCHEMA_VERSION) -> str:
    if newest == 1:
        message = fmt.tr("this file was written for a newer walkapp (schema_version {found}; "
                         "this walkapp reads schema_version {newest}); update walkapp to use "
                         "it, or ask its author for a copy made for this version")
    else:
        message = fmt.tr("this file was written for a newer walkapp (schema_version {found}; "
                         "this walkapp reads schema_versions 1 to {newest}); update walkapp "
                         "to use it, or ask its author for a copy made for this version")
    return message.format(found=found, newest=newest)


def check_schema_version(data: Mapping[str, object],
                         versions: tuple[int, ...] = SCHEMA_VERSIONS) -> Issue | None:
    """The first check on any file: an absent, odd or newer schema_version stops the rest
    (a file of another version would only give a list of knock-on errors). `versions`: the
    versions of this kind of file there are (a protocol's, or a word list's)."""
    newest = versions[-1]
    value = data.get("schema_version")
    if value is None:
        return Issue((), fmt.tr("schema_version is missing; put schema_version = {newest} on "
                                "the first line").format(newest=newest))
    here = ("schema_version",)
    if isinstance(value, str) and value.strip().isdigit():
        return Issue(here, fmt.tr("must be a whole number without quotes, found {found}; "
                                  "{versions}: write schema_version = {version}").format(
                                      found=show_value(value), versions=_versions(versions),
                                      version=_nearest(value, versions)))
    if isinstance(value, float) and value.is_integer() and int(value) in versions:
        return Issue(here, fmt.tr("must be a whole number, found {found}; write "
                                  "schema_version = {version}").format(found=value,
                                                                       version=int(value)))
    if isinstance(value, bool) or not isinstance(value, int):
        return Issue(here, fmt.tr("must be a whole number, found {found}; {versions}: write "
                                  "schema_version = {version}").format(
                                      found=show_value(value), versions=_versions(versions),
                                      version=newest))
    if value > newest:
        return Issue(here, newer_schema_message(value, newest))
    if value not in versions:
        return Issue(here, fmt.tr("there is no schema_version {value}; {versions}: write "
                                  "schema_version = {version}").format(
                                      value=value, versions=_versions(versions),
                                      version=versions[0]))
    return None


def _nearest(value: str, versions: tuple[int, ...]) -> int:
    """The version a quoted `"2"` meant, when there is one; else the newest."""
    number = int(value.strip())
    return number if number in versions else versions[-1]


def build_protocol(data: object) -> tuple[Protocol | None, list[Issue]]:
    """Check `data` and build the Protocol; on any problem return (None, problems)."""
    if not isinstance(data, Mapping):
        return None, [Issue((), fmt.tr("a protocol must be a table of keys, found "
                                       "{found}").format(found=describe(data)))]
    stop = check_schema_version(data)
    if stop is not None:
        return None, [stop]
    version = data["schema_version"]
    assert isinstance(version, int)  # checked above
    issues = Issues(version)
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
        top.problem("group_min", fmt.tr("is {group_min}, more than group_max ({group_max}); "
                                        "make group_min the smaller number").format(
                                            group_min=group_min, group_max=group_max))
    language = top.text("language", limit=16, default="en", example="en")
    if not LANGUAGE.fullmatch(language):
        top.problem("language", fmt.tr('{value} is not a language code; use e.g. language = '
                                       '"en" or "es"').format(value=show_value(language)))
    protocol = Protocol(
        schema_version=top.issues.version,
        id=top.slug("id", example="my-learning-walk"),
        version=version,
        title=top.text("title", limit=TITLE_MAX, required=True, example=N_("My learning walk")),
        language=language,
        summary=top.text("summary", limit=TEXT_MAX, one_line=False),
        source=_source(top),
        based_on=top.text("based_on", limit=TITLE_MAX),
        roles=_roles(top),
        group_min=group_min,
        group_max=group_max,
        visit_minutes=_visit_minutes(top),
        corridor_minutes=_int(top.integer("corridor_minutes", 0, 30, default=3,
                                          unit="minutes"), 3),
        norms=top.texts("norms", limit_items=30, limit_chars=1000),
        stems=_stems(top),
        look_for_sets=_look_for_sets(top),
        debrief_sequence=_debrief(top),
        feedback=tuple(FeedbackQuestion(**vars(p)) for p in
                       prompts(top, "feedback", limit=30, what="question")),
        phases=phases(top),
        visit_form=visit_form(top),
        tallies=tallies(top),
        variants=variants(top),
        corridor_after_last=top.flag("corridor_after_last"),
    )
    check_steps(top, protocol)
    check_v2(top, protocol)
    return protocol


def _visit_minutes(top: Reader) -> int:
    if top.issues.version >= 2:
        return top.integer("visit_minutes", 1, VISIT_MINUTES_MAX, default=10,
                           unit="minutes") or 10
    value = top.data.get("visit_minutes")
    if isinstance(value, int) and not isinstance(value, bool) \
            and VISIT_MINUTES_MAX_V1 < value <= VISIT_MINUTES_MAX:
        top.has("visit_minutes")
        top.problem("visit_minutes", fmt.tr(
            "is {value} minutes; version 1 files allow visits of up to {max_v1}, protocol "
            "format version 2 up to {max_v2} (a research lesson): write schema_version = 2 "
            "on the first line").format(value=value, max_v1=VISIT_MINUTES_MAX_V1,
                                        max_v2=VISIT_MINUTES_MAX))
        return 10
    return top.integer("visit_minutes", 1, VISIT_MINUTES_MAX_V1, default=10,
                       unit="minutes") or 10


def _int(value: int | None, default: int) -> int:
    return default if value is None else value


def _source(top: Reader) -> Source | None:
    table = top.table("source")
    if table is None:
        return None
    source = Source(
        citation=table.text("citation", limit=TEXT_MAX, required=True,
                            example=N_("Author (year). Title. Publisher.")),
        url=table.text("url", limit=500),
        note=table.text("note", limit=TEXT_MAX, one_line=False))
    table.done()
    return source


def _roles(top: Reader) -> tuple[Role, ...]:
    roles: list[Role] = []
    seen: dict[str, FieldPath] = {}
    for table in only_tables(top.tables("roles", limit=12)):
        role = Role(key=table.slug("key", example="facilitator"),
                    title=table.text("title", limit=TITLE_MAX, required=True,
                                     example=N_("Facilitator")),
                    description=table.text("description", limit=TEXT_MAX, one_line=False),
                    instructions=table.text("instructions", limit=TEXT_MAX, one_line=False),
                    assignable=table.flag("assign"),
                    detail_label=table.text("detail_label", limit=100,
                                            example=N_("The students you follow")))
        if role.detail_label and not role.assignable and not table.issues.items_at(
                table.at("assign")):
            table.problem("detail_label", fmt.tr("is asked of each walker given the role at "
                                                 "planning; add assign = true or remove it"))
        unique(table, "key", role.key, seen)
        roles.append(role)
        table.done()
    return tuple(roles)


def _stems(top: Reader) -> tuple[StemSpec, ...]:
    if not top.has("stems"):
        return tuple(StemSpec(s, STEM_LABELS[s], STEM_PROMPTS[s]) for s in Stem)
    stems: list[StemSpec] = []
    seen: dict[str, FieldPath] = {}
    limit = OWN_MAX if top.issues.version >= 2 else len(Stem)
    for table in only_tables(top.tables("stems", limit=limit, required=True)):
        own = table.has("key") and top.issues.version >= 2
        stem, known = _kind_of(table, Stem, "stem", own, Stem.NOTICED)
        key = _own_key(table, Stem, "stem", own, "warm")
        spec = StemSpec(stem=stem, key=key,
                        label=table.text("label", limit=60, required=own,
                                         default=STEM_LABELS[stem], example=N_("Warm feedback")),
                        prompt=table.text("prompt", limit=200, default=STEM_PROMPTS[stem]),
                        tone=table.choice("tone", StemTone, StemTone.NEUTRAL))
        if known:  # a wrong stem is one message, not also "used twice"
            unique(table, "key" if own else "stem", spec.stem_key, seen)
        stems.append(spec)
        table.done()
    return tuple(stems)


def _own_key(table: Reader, enum: type[E], name: str, own: bool, example: str) -> str:
    """The `key` of a stem (or debrief stage) of the protocol's own; "" for walkapp's."""
    key = table.slug("key", required=False, example=example) if own else ""
    if key in {e.value for e in enum}:
        message = (fmt.tr('"{key}" is one of walkapp\'s own stems; write {name} = "{key}" for '
                          'it, or choose a key of your own') if enum is Stem else
                   fmt.tr('"{key}" is one of walkapp\'s own kinds; write {name} = "{key}" for '
                          'it, or choose a key of your own'))
        table.problem("key", message.format(key=key, name=name))
        return ""
    return key


def _kind_of(table: Reader, enum: type[E], name: str, own: bool, default: E) -> tuple[E, bool]:
    """The stem (or debrief kind) of a `[[stems]]` (`[[debrief_sequence]]`) entry: `stem`
    (`kind`) for one of walkapp's own, `like` for one of the protocol's own (which has a
    `key`); and whether it was given rightly."""
    other, wanted = ("like", name) if not own else (name, "like")
    if own and table.has(name):
        message = (fmt.tr("an entry with a key of its own says which of walkapp's stems it "
                          'is like: write like = "{value}" instead of {name}') if enum is Stem
                   else fmt.tr("an entry with a key of its own says which of walkapp's kinds "
                               'it is like: write like = "{value}" instead of {name}'))
        table.problem(name, message.format(value=table.data.get(name), name=name))
        table.optional_choice(name, enum, default)
        return default, False
    if table.has(other) and table.issues.version >= 2 and not own:
        table.problem(other, fmt.tr('like is for an entry with a key of its own; add key = "…" '
                                    'or remove like (this entry is {name} = "…")').format(
                                        name=name))
    if table.has(wanted):
        chosen = table.optional_choice(wanted, enum, default)
        return (chosen, True) if chosen is not None else (default, False)
    example = next(iter(enum)).value
    table.missing(wanted, fmt.tr('{key} is missing; add e.g. {key} = "{example}" (one of: '
                                 "{choices})").format(key=wanted, example=example,
                                                      choices=", ".join(e.value for e in enum)))
    return default, False


def _look_for_sets(top: Reader) -> tuple[LookForSet, ...]:
    sets: list[LookForSet] = []
    seen: dict[str, FieldPath] = {}
    for table in only_tables(top.tables("look_for_sets", limit=20)):
        key = table.slug("key", example="student-talk")
        title = table.text("title", limit=TITLE_MAX, required=True, example=N_("Student talk"))
        description = table.text("description", limit=TEXT_MAX, one_line=False)
        items: list[LookForItem] = []
        for item in table.tables("items", limit=30, required=True, allow_text=True):
            if isinstance(item, str):
                text = item.strip()
                if not text or len(text) > 500 or "\n" in text:
                    table.problem("items", fmt.tr("each look-for must be one line of 1 to "
                                                  "500 characters"))
                    continue
                items.append(LookForItem(text))
            else:
                items.append(LookForItem(
                    text=item.text("text", limit=500, required=True,
                                   example=N_("Students explain their reasoning")),
                    description=item.text("description", limit=TEXT_MAX, one_line=False)))
                item.done()
        unique(table, "key", key, seen)
        sets.append(LookForSet(key=key, title=title, items=tuple(items),
                               description=description))
        table.done()
    return tuple(sets)


def _debrief(top: Reader) -> tuple[DebriefStage, ...]:
    stages: list[DebriefStage] = []
    order = list(PatternKind)
    placed: dict[PatternKind, FieldPath] = {}
    keys: dict[str, FieldPath] = {}
    last: PatternKind | None = None
    limit = OWN_MAX if top.issues.version >= 2 else len(PatternKind)
    for table in only_tables(top.tables("debrief_sequence", limit=limit)):
        own = table.has("key") and top.issues.version >= 2
        kind, known = _kind_of(table, PatternKind, "kind", own, PatternKind.DESCRIBE)
        key = _own_key(table, PatternKind, "kind", own, "raise-questions")
        stage = DebriefStage(kind=kind, key=key,
                             title=table.text("title", limit=TITLE_MAX, required=own,
                                              # English, as written: a protocol's
                                              # words do not follow the app's language.
                                              default=PATTERN_LABELS[kind],
                                              example=N_("Raise questions")),
                             prompt=table.text("prompt", limit=TEXT_MAX, required=True,
                                               one_line=False,
                                               example=N_("What did we see and hear?")))
        table.done()
        if not known:
            continue  # a wrong kind is one message, not also "out of order"
        where = table.at("like" if own else "kind")
        twice = not own and kind in placed
        if own:
            unique(table, "key", key, keys)
        elif twice:
            message = (fmt.tr('"{kind}" appears twice; keep one stage of each kind (a stage '
                              "of the protocol's own, with a key and like, may share a kind)")
                       if top.issues.version >= 2 else
                       fmt.tr('"{kind}" appears twice; keep one stage of each kind'))
            table.issues.add(where, message.format(kind=kind.value), first=placed[kind])
        if not twice and last is not None and order.index(kind) < order.index(last):
            table.issues.add(where, fmt.tr(
                '"{kind}" comes after "{last}"; description comes before analysis, analysis '
                "before prediction: keep the order {order}").format(
                    kind=kind.value, last=last.value, order=" → ".join(k.value for k in order)))
        if not own:
            placed.setdefault(kind, where)
        last = kind if last is None or order.index(kind) > order.index(last) else last
        stages.append(stage)
    return tuple(stages)
