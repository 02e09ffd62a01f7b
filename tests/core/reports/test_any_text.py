"""Any text in any field of any walk gives every report kind a PDF (issue 16, "Done when"):
blank-line floods, 5,000-character words, markup, many scripts and emoji, drawn at random
into every field the reports print."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from walkapp import domain as d
from walkapp.reports import Paper, ReportKind, ReportRequest, render_report
from walkapp.services import NewWalk, NoteDraft, Services
from walkapp.services import validate as v

# Pieces that have broken a report before, or could: each one alone, or several together.
AWKWARD = [
    "\n" * 60, "\n \n\t\n" * 20, "x" * 5_000, "<b>", "</i>", "&", "&amp;", "<font color=red>",
    '<img src="http://x">', "<br/>", "]]>", "中文的学习小组", "日本語のノート", "한국어 메모",
    "שלום עולם", "مرحبا بالعالم", "नमस्ते दुनिया", "ภาษาไทย", "😀👍🏽🇪🇸❤️👨‍👩‍👧", "e\u0301\u0301",
    "\u202eevil\u202c", "\u00a0\u2003", "\x00\x07\x1b", "\ufeff",
    "Students explained their reasoning to a partner. " * 30,
]
piece = st.sampled_from(AWKWARD) | st.text(
    st.characters(exclude_categories=("Cs",)), max_size=40)
field_text = st.lists(piece, min_size=1, max_size=4).map("".join)

FIELDS = ("title", "focus", "school", "walker", "room", "grade", "subject", "teacher",
          "look_for", "description", "norm", "notice", "wonder", "commitment", "prompt",
          "reflection", "pattern", "next_step", "action", "owner", "follow_up", "question",
          "answer")
LIMITS = {"title": v.MAX_TITLE_CHARS, "school": v.MAX_TITLE_CHARS,
          "walker": v.MAX_NAME_CHARS, "room": 200, "grade": 100, "subject": 200,
          "teacher": 200, "look_for": 500, "description": 5_000, "norm": 1_000,
          "prompt": 1_000, "question": 1_000}


def _walk_with(services: Services, raw: dict[str, str]) -> tuple[d.Walk, str]:
    """A walk whose every printed field holds `raw`'s text (cut to what can be stored;
    a leading letter, so that fields that must not be empty are not)."""
    t = {k: ("A " + value)[: LIMITS.get(k, 20_000)] for k, value in raw.items()}
    walk = services.walks.create_walk(NewWalk(title=t["title"], walk_date=date(2026, 3, 4),
                                              focus=t["focus"], school=t["school"]))
    services.walks.update_walk(walk.id, include_visit_details=True)
    plan = services.plan
    walker = plan.add_participant(walk.id, t["walker"])
    visit = plan.add_visit(walk.id, room=t["room"], grade=t["grade"], subject=t["subject"],
                           teacher_name=t["teacher"])
    tag = plan.add_look_for(walk.id, t["look_for"], t["description"])
    plan.add_norm(walk.id, t["norm"], agreed=True)
    for text, stem in ((t["notice"], d.Stem.NOTICED), (t["wonder"], d.Stem.WONDER)):
        note = services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walker.id,
                                                  text=text, stem=stem, visit_id=visit.id,
                                                  look_for_ids=(tag.id,)))
        services.reviews.keep(note.id)
    debrief = services.debrief
    debrief.save_commitment(walk.id, walker.id, t["commitment"])
    services.notes.save_reflection(walk.id, walker.id, t["prompt"], t["reflection"])
    debrief.add_pattern(walk.id, d.PatternKind.DESCRIBE, t["pattern"])
    debrief.add_next_step(walk.id, t["next_step"])
    item = debrief.add_action_item(walk.id, t["action"], t["owner"], date(2026, 3, 7))
    for _ in range(3):
        debrief.follow_up(item.id, walk.id, d.ActionStatus.OPEN, t["follow_up"])
    debrief.add_feedback(walk.id, "q", t["question"], t["answer"], 4)
    return services.walks.get_walk(walk.id), walker.display_name


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.fixed_dictionaries({name: field_text for name in FIELDS}))
def test_every_kind_prints_any_text(services: Services, raw: dict[str, str]) -> None:
    walk, walker = _walk_with(services, raw)
    for kind in ReportKind:
        request = ReportRequest(kind=kind, walk_id=walk.id, walker=walker, visit=1,
                                paper=Paper.A4)
        assert render_report(services, request).startswith(b"%PDF"), kind


@pytest.mark.parametrize("filler", ["word ", "x" * 5_000 + " ", "\n\n\n", "中文学习"])
def test_every_field_at_its_limit_prints(services: Services, filler: str) -> None:
    """The longest text every field can store, in each of several shapes."""
    raw = {name: filler * (20_000 // len(filler) + 1) for name in FIELDS}
    walk, walker = _walk_with(services, raw)
    for kind in ReportKind:
        request = ReportRequest(kind=kind, walk_id=walk.id, walker=walker, visit=1,
                                paper=Paper.A4)
        assert render_report(services, request).startswith(b"%PDF"), kind
