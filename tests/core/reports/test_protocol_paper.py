"""Paper follows the protocol file: the agenda prints each step's script and prompts, the
roles and the source; the note-catcher has the protocol's stems and observation steps (no
visit boxes without a visits step); the facilitator's script prints the whole protocol.

Expected words come from the loaded protocol, never typed here, and every built-in protocol
is checked as well as odd ones (no visits, custom stems, many prompts, a very long script).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.core.reports.conftest import Render, pdf_text, squash
from walkapp import domain as d
from walkapp.protocol import Activity, Prompt, PromptKind, Protocol, choices, load_file, load_text
from walkapp.protocol.library import builtin_dir
from walkapp.protocol.schema import Step
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol

# The English built-ins: these tests read each report against the protocol's words
# with English grammar ("I noticed" → "We noticed"). The Spanish ones (<id>.es.toml) print
# in Spanish, checked by tests/core/reports/test_spanish_reports.py.
BUILTINS = sorted(p for p in builtin_dir().glob("*.toml") if p.stem.count(".") == 0)
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d{1,3}[.)])\s+")

ODD = '''
schema_version = 1
id = "odd-one"
version = "3"
title = "Gallery of student work"
summary = """A silent reading of student work, then talk."""
visit_minutes = 7
corridor_minutes = 0

[source]
citation = "Somebody, S. (2031). A made-up source for testing. Nowhere Press."
url = "https://example.org/gallery-protocol"
note = "Shortened for the test."

[[roles]]
key = "presenter"
title = "Presenting teacher"
description = "Brings three pieces of student work and stays quiet while they are read."

[[roles]]
key = "reader"
title = "Reader"
description = "Reads every piece and writes one note per piece."

[[stems]]
stem = "wonder"
label = "Curious"
prompt = "I am curious about…"

[[stems]]
stem = "noticed"
label = "Seen"
prompt = "On the page I see…"

[[look_for_sets]]
key = "reasoning"
title = "Reasoning on paper"
description = "What shows thinking rather than answers."
[[look_for_sets.items]]
text = "Working shown beside the answer"
description = "Steps, drawings or crossings-out."
[[look_for_sets.items]]
text = "A sentence that explains why"

[[debrief_sequence]]
kind = "describe"
title = "What is on the page"
prompt = "Only what the work shows, piece by piece."

[[debrief_sequence]]
kind = "next_level"
title = "What we take away"
prompt = "One change each of us will make to a task we set."

[[feedback]]
key = "format"
text = "Which part helped you most?"
kind = "choice"
options = ["The silent reading", "The talk", "The take-away"]

[[feedback]]
key = "worth"
text = "How worthwhile was the hour?"
kind = "rating"
low_label = "Hardly"
high_label = "Completely"

[pre_brief]
title = "Getting ready"
summary = "Set out the work and agree the norms."

[[pre_brief.steps]]
key = "setup"
title = "Set out the work"
minutes = 4
script = "Lay the pieces out on separate tables, face up, with a sticky-note pad beside each."

[[pre_brief.steps.prompts]]
key = "ready"
text = "What is ready?"
kind = "checklist"
options = ["Work laid out", "Sticky notes", "Timer visible"]

[observation]
title = "Reading the work"

[[observation.steps]]
key = "silent"
title = "Silent reading"
minutes = 15
script = """
Walk from table to table without talking.

- Read every piece.
- Write one note per piece."""

[[observation.steps.prompts]]
key = "clearest"
text = "Which piece shows its reasoning most clearly?"
kind = "choice"
options = ["The first piece", "The second piece", "The third piece"]

[[observation.steps.prompts]]
key = "confidence"
text = "How sure are you of what the work shows?"
kind = "rating"
low_label = "Guessing"
high_label = "Certain"

[[observation.steps]]
key = "presenter-speaks"
title = "The presenter speaks"
minutes = 5
script = "The presenting teacher says what the task was, and nothing more."

[post_brief]
title = "Talking it through"

[[post_brief.steps]]
key = "patterns"
title = "Patterns"
minutes = 10
activity = "patterns"
script = "Go through the debrief sequence in order."
'''


def _long_script() -> str:
    words = " ".join(f"word{n}" for n in range(700))  # about 5,000 characters, one paragraph
    return f"Opening line of a very long script.\n{chr(10) * 60}{words}\n\nClosing line LASTWORD."


def odd_protocol() -> Protocol:
    return load_text(ODD, "odd.toml")


def stretched(protocol: Protocol) -> Protocol:
    """`protocol` with its first step made huge: a 5,000-character script after 60 blank
    lines, thirty prompts and a choice of thirty long options."""
    phase = protocol.phases[0]
    options = tuple(f"Option number {n} with a rather long wording to wrap" for n in range(30))
    prompts = (*phase.steps[0].prompts,
               *(Prompt(f"p{n}", f"Many prompt {n}?") for n in range(28)),
               Prompt("long-choice", "Pick one of many", PromptKind.CHOICE, options))
    step = replace(phase.steps[0], script=_long_script(), prompts=prompts)
    return replace(protocol, phases=(replace(phase, steps=(step, *phase.steps[1:])),
                                     *protocol.phases[1:]))


def runs(protocol: Protocol, walk: d.Walk, step: Step) -> bool:
    """Does the walk run `step` (not left out at planning, nor in a variant's option the
    walk did not choose)? A left-out step is on no paper of the walk."""
    return choices.runs(protocol, choices.read(walk.plan_choices), step)


def walk_for(services: Services, protocol: Protocol, visits: int = 3) -> d.Walk:
    chosen = protocol.look_for_sets[0] if protocol.look_for_sets else None
    return create_walk_from_protocol(services, protocol, f"Walk with {protocol.id}",
                                     date(2026, 11, 2), "Our focus", chosen,
                                     visits if protocol.has_visits else 0)


# -- what "appears" means ---------------------------------------------------------------
def script_lines(script: str) -> list[str]:
    """The script's lines as the page prints them (list markers become bullets)."""
    return [_LIST_ITEM.sub("", line) for line in script.splitlines() if line.strip()]


def assert_words(value: str, flat: str) -> None:
    """Every word of `value` is on the page (long texts wrap and cross page breaks, so
    word by word), and short texts appear whole."""
    for line in script_lines(value):
        if len(line) <= 200:
            assert squash(line) in flat, line
        else:
            for word in line.split():
                assert squash(word) in flat, word


def shape_words(prompt: Prompt) -> list[str]:
    return [*prompt.options, prompt.low_label, prompt.high_label]


def assert_prompts(prompts: tuple[Prompt, ...], flat: str) -> None:
    for prompt in prompts:
        assert squash(prompt.text) in flat, prompt.text
        for word in shape_words(prompt):
            assert squash(word) in flat, word


def assert_roles_and_source(protocol: Protocol, flat: str) -> None:
    for role in protocol.roles:
        assert squash(role.title) in flat and squash(role.description) in flat, role
    if protocol.source is not None:
        for part in (protocol.source.citation, protocol.source.url, protocol.source.note):
            assert squash(part) in flat, part


def protocols() -> list[pytest.param]:  # type: ignore[valid-type]
    return [*(pytest.param(path, id=path.stem) for path in BUILTINS),
            pytest.param("odd", id="odd"), pytest.param("stretched", id="stretched")]


def load(which: Path | str) -> Protocol:
    if which == "odd":
        return odd_protocol()
    if which == "stretched":
        return stretched(odd_protocol())
    assert isinstance(which, Path)
    return load_file(which)


# -- the agenda -------------------------------------------------------------------------
@pytest.mark.parametrize("which", protocols())
def test_the_agenda_prints_phases_steps_and_roles(
        services: Services, render: Render, which: Path | str) -> None:
    """The agenda is the running order (one page for a two-hour session); each step's
    script and prompts, and the protocol's source, are the facilitator's script's (checked
    in its own test below), and the agenda says so."""
    protocol = load(which)
    walk = walk_for(services, protocol)
    out = pdf_text(render("agenda", walk.id))
    flat = squash(out)
    for phase in protocol.phases:
        assert squash(phase.title) in flat and squash(" ".join(phase.summary.split())) in flat
        for step in phase.steps:
            if runs(protocol, walk, step):
                assert squash(step.title) in flat
            else:  # a step of a variant's option not chosen (the data walk's closing)
                assert squash(" ".join(step.script.split())) not in flat
    for role in protocol.roles:
        assert squash(role.title) in flat and squash(role.description) in flat, role
    assert squash("facilitator's script") in flat


# -- the note-catcher -------------------------------------------------------------------
@pytest.mark.parametrize("which", protocols())
def test_the_note_catcher_follows_the_protocol(services: Services, render: Render,
                                               which: Path | str) -> None:
    protocol = load(which)
    walk = walk_for(services, protocol)
    out = pdf_text(render("notecatcher", walk.id))
    flat = squash(out)
    for stem in protocol.stems:
        assert squash(stem.prompt) in flat, stem
    for stem in set(d.Stem) - {s.stem for s in protocol.stems}:
        assert squash(stem.prompt) not in flat, stem  # a stem the protocol left out
    if protocol.has_visits:
        assert all(f"Visit {n}" in out for n in range(1, 4))
    else:
        assert "Visit" not in out and "V1" not in out
    observing = protocol.phase("observation")
    assert observing is not None
    for step in observing.steps:
        if step.activity is not Activity.VISITS:
            assert squash(step.title) in flat, step.title
            assert_prompts(step.prompts, flat)
    for item in walk.look_fors:
        assert squash(item.text) in flat and squash(item.description) in flat


def test_without_a_visits_step_there_are_no_visit_boxes(services: Services,
                                                         render: Render) -> None:
    walk = walk_for(services, odd_protocol())
    out = pdf_text(render("notecatcher", walk.id))
    assert "Visit ____" not in out and "Time in" not in out and "Visits" not in out


def test_the_catcher_stems_are_the_protocols_in_order(services: Services,
                                                     render: Render) -> None:
    protocol = odd_protocol()
    walk = walk_for(services, protocol)
    flat = squash(pdf_text(render("notecatcher", walk.id)))
    places = [flat.find(squash(s.prompt)) for s in protocol.stems]
    assert -1 not in places and places == sorted(places)
    assert squash("I noticed…") not in flat and squash("I will try…") not in flat


# -- the facilitator's script -------------------------------------------------------------
@pytest.mark.parametrize("which", protocols())
def test_the_facilitators_script_prints_the_whole_protocol(
        services: Services, render: Render, which: Path | str) -> None:
    protocol = load(which)
    walk = walk_for(services, protocol)
    out = pdf_text(render("script", walk.id))
    flat = squash(out)
    assert squash(protocol.title) in flat
    assert_words(protocol.summary, flat)
    assert_roles_and_source(protocol, flat)
    for norm in protocol.norms:
        assert squash(norm) in flat, norm
    for stem in protocol.stems:
        assert squash(stem.label) in flat and squash(stem.prompt) in flat
    for look_fors in protocol.look_for_sets:
        assert squash(look_fors.title) in flat
        assert_words(look_fors.description, flat)
        for item in look_fors.items:
            assert squash(item.text) in flat
            assert_words(item.description, flat)
    for phase in protocol.phases:
        assert squash(phase.title) in flat
        assert_words(phase.summary, flat)
        for step in phase.steps:
            if not runs(protocol, walk, step):
                assert squash(" ".join(step.script.split())) not in flat
                continue
            assert squash(step.title) in flat
            assert_words(step.script, flat)
            assert_prompts(step.prompts, flat)
    for stage in protocol.debrief_sequence:
        assert squash(stage.title) in flat and squash(stage.prompt) in flat
    assert_prompts(protocol.feedback, flat)


def test_a_long_script_is_printed_to_its_last_word(services: Services,
                                                  render: Render) -> None:
    walk = walk_for(services, stretched(odd_protocol()))
    out = pdf_text(render("script", walk.id))
    assert "LASTWORD" in out and "word699" in out and "not printed" not in out


HOSTILE = '<b>bold?</b> & <img src="http://x"> </i> ' + "Supercalifragilistic" * 6


def test_protocol_text_prints_literally(services: Services, render: Render) -> None:
    protocol = odd_protocol()
    phase = protocol.phases[1]
    step = replace(phase.steps[0], title="Silent " + HOSTILE[:60], script=HOSTILE,
                   prompts=(Prompt("odd", HOSTILE, PromptKind.CHECKLIST, (HOSTILE, "<i>")),))
    odd = replace(protocol, phases=(protocol.phases[0], replace(
        phase, steps=(step, *phase.steps[1:])), *protocol.phases[2:]),
        roles=(replace(protocol.roles[0], description=HOSTILE),))
    walk = walk_for(services, odd)
    for kind in ("agenda", "notecatcher", "script"):
        flat = squash(pdf_text(render(kind, walk.id)))
        assert squash(HOSTILE) in flat, kind
        if kind != "agenda":  # (the agenda leaves prompts to the facilitator's script)
            assert squash("<i>") in flat, kind


def test_the_script_of_a_protocol_alone_uses_the_protocols_own_timings() -> None:
    from walkapp.formatting import duration
    from walkapp.reports.build_paper import script_data
    from walkapp.reports.script import render

    protocol = load_file(builtin_dir() / "learning-walk.toml")
    out = pdf_text(render(script_data(protocol)))
    assert f"{protocol.title} ({protocol.id}), version {protocol.version}" in out
    assert f"{duration(protocol.visit_minutes * 60)} a visit" in out
    assert "Facilitator's script" in out


def test_a_script_request_may_name_a_protocol_instead_of_a_walk() -> None:
    from walkapp.errors import ValidationError
    from walkapp.reports import ReportKind, ReportRequest, check_request

    check_request(ReportRequest(ReportKind.SCRIPT, protocol="learning-walk"))
    for kind in (ReportKind.SCRIPT, ReportKind.AGENDA):
        with pytest.raises(ValidationError):
            check_request(ReportRequest(kind))
    with pytest.raises(ValidationError):  # only a kind that takes a protocol may use one
        check_request(ReportRequest(ReportKind.AGENDA, protocol="learning-walk"))
