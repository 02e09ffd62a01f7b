"""Checking what only version 2 files have at the top level (part of
`walkapp.protocol.validate`): the per-visit form, tallies and variants, and how they fit
the rest of the protocol (a form or a tally needs a visits step; a variant's options name
steps that exist, each step in one option at most)."""

from __future__ import annotations

from walkapp import formatting as fmt
from walkapp.messages import N_
from walkapp.protocol.fields import FieldPath, Reader, only_tables, unique
from walkapp.protocol.schema import (
    Activity,
    Prompt,
    Protocol,
    Tally,
    TallyKind,
    Variant,
    VariantOption,
)
from walkapp.protocol.validate_steps import TEXT_MAX, TITLE_MAX, prompts

FORM_MAX = 12
TALLIES_MAX = 12
VARIANTS_MAX = 8
OPTIONS_MAX = 6


def visit_form(top: Reader) -> tuple[Prompt, ...]:
    return tuple(prompts(top, "visit_form", limit=FORM_MAX, what="question", form=True))


def tallies(top: Reader) -> tuple[Tally, ...]:
    out: list[Tally] = []
    seen: dict[str, FieldPath] = {}
    keys: dict[str, FieldPath] = {}
    for table in only_tables(top.tables("tallies", limit=TALLIES_MAX)):
        tally = Tally(key=table.slug("key", example="questions"),
                      label=table.text("label", limit=60, required=True,
                                       example=N_("Questions asked")),
                      kind=table.choice("kind", TallyKind, TallyKind.COUNT),
                      description=table.text("description", limit=TEXT_MAX, one_line=False),
                      shortcut=_shortcut(table))
        unique(table, "key", tally.key, seen)
        unique(table, "shortcut", tally.shortcut.lower(), keys)
        out.append(tally)
        table.done()
    return tuple(out)


def _shortcut(table: Reader) -> str:
    value = table.text("shortcut", limit=10, example="q")
    if value and not (len(value) == 1 and value.isascii() and value.isalnum()):
        table.problem("shortcut", fmt.tr('"{value}" is not one key; use a single letter or '
                                         'digit, e.g. shortcut = "q"').format(value=value))
        return ""
    return value.lower()


def variants(top: Reader) -> tuple[Variant, ...]:
    out: list[Variant] = []
    seen: dict[str, FieldPath] = {}
    for table in only_tables(top.tables("variants", limit=VARIANTS_MAX)):
        key = table.slug("key", example="feedback-form")
        title = table.text("title", limit=TITLE_MAX, required=True,
                           example=N_("Form of peer feedback"))
        description = table.text("description", limit=TEXT_MAX, one_line=False)
        options: list[VariantOption] = []
        option_keys: dict[str, FieldPath] = {}
        listed = table.tables("options", limit=OPTIONS_MAX, required=True)
        for option in only_tables(listed):
            item = VariantOption(
                key=option.slug("key", example="warm-cool"),
                title=option.text("title", limit=TITLE_MAX, required=True,
                                  example=N_("Warm and cool feedback")),
                description=option.text("description", limit=TEXT_MAX, one_line=False),
                steps=option.slugs("steps", limit_items=50))
            unique(option, "key", item.key, option_keys)
            options.append(item)
            option.done()
        if len(listed) == 1:
            table.problem("options", fmt.tr("has one option; a variant is a choice between at "
                                            "least two (for a step that may be left out, "
                                            "write optional = true in the step)"))
        default = table.slug("default", required=False)
        if default and options and default not in option_keys:
            table.problem("default", fmt.tr('"{default}" is not one of this variant\'s options '
                                            "({options})").format(
                                                default=default,
                                                options=", ".join(o.key for o in options)))
            default = ""
        unique(table, "key", key, seen)
        if options:
            out.append(Variant(key=key, title=title, options=tuple(options),
                               description=description, default=default))
        table.done()
    return tuple(out)


def check_v2(top: Reader, protocol: Protocol) -> None:
    """What a version 2 part needs from the rest of the protocol."""
    if not protocol.has_visits:
        for key, message in (
                ("visit_form", N_("a visit form is answered in each room, but this protocol "
                                  'has no visits step; add a step with activity = "visits" '
                                  "to [observation], or remove it")),
                ("tallies", N_("tallies are kept in each room, but this protocol has no visits "
                               'step; add a step with activity = "visits" to [observation], '
                               "or remove it"))):
            if getattr(protocol, key):
                top.problem(key, fmt.tr(message))
    steps = {s.key: s for _, _, s in protocol.steps()}
    placed: dict[str, FieldPath] = {}
    for v, variant in enumerate(protocol.variants):
        for o, option in enumerate(variant.options):
            for s, step_key in enumerate(option.steps):
                path: FieldPath = ("variants", v, "options", o, "steps")
                step = steps.get(step_key)
                if step is None:
                    top.issues.add(path, fmt.tr('entry {number}, "{key}", is not the key of a '
                                                "step in this protocol; name a step's "
                                                "key").format(number=s + 1, key=step_key))
                elif step.activity is Activity.VISITS:
                    top.issues.add(path, fmt.tr("the visits step is the walk itself and "
                                                "cannot belong to a variant's option"))
                elif step_key in placed:
                    top.issues.add(path, fmt.tr('step "{key}" is already in another option; '
                                                "a step belongs to one option at most").format(
                                                    key=step_key),
                                   first=placed[step_key])
                else:
                    placed[step_key] = path
