"""The debrief marks unresolved conflicts: a note changed on two laptops is one note on the
evidence wall with both versions and a "Not yet resolved" mark, a commitment is one line per
walker with its other version, and a line near the top says how many are unresolved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.reports.conftest import pdf_text, squash
from tests.helpers.conflicts import Scene, conflict_scene
from walkapp.bundles import crypto
from walkapp.events import Entity
from walkapp.reports import Paper, ReportKind, ReportRequest, render_report
from walkapp.reports.build_walk import debrief_data


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


@pytest.fixture
def scene(tmp_path: Path) -> Iterator[Scene]:
    with conflict_scene(tmp_path) as made:
        yield made


def _debrief(scene: Scene) -> str:
    pdf = render_report(scene.fac.services, ReportRequest(
        kind=ReportKind.DEBRIEF, walk_id=scene.walk.id, paper=Paper.A4))
    return pdf_text(pdf)


def test_the_debrief_marks_unresolved_conflicts(scene: Scene) -> None:
    text = squash(_debrief(scene))
    assert squash("4 items were changed on two laptops and are not yet resolved") in text
    # The conflicted note: both versions, once each, with the mark between them.
    assert text.count(squash("Note by the facilitator")) == 1
    assert text.count(squash("Note by the walker")) == 1
    assert squash("Not yet resolved: two versions") in text
    assert squash("Other version") in text
    assert text.count(squash("Commitment by the")) == 2
    # The feedback answer is one response with its other version beside it.
    assert squash("1 response.") in text
    assert squash("(not yet resolved; the other version:") in text


def test_debrief_data_counts_a_conflict_as_one_item(scene: Scene) -> None:
    services = scene.fac.services
    record = services.records.walk_record(scene.walk.id)
    data = debrief_data(record, services.conflicts.list_conflicts(scene.walk.id))
    assert data.note_count == 1 and data.unresolved_conflicts == 4
    items = [i for g in data.evidence for s in g.stems for i in s.items]
    assert len(items) == 1
    assert items[0].conflict == "Not yet resolved: two versions"
    assert {items[0].text, *items[0].other_versions} == {"Note by the facilitator",
                                                         "Note by the walker"}
    assert len(data.commitments) == 1 and len(data.commitments[0].other_versions) == 1
    assert data.feedback[0].responses == 1
    # Without the service's list the copies in the record still mark the conflict.
    assert debrief_data(record).unresolved_conflicts == 4


def test_a_resolved_walk_has_no_marks(scene: Scene) -> None:
    services = scene.fac.services
    for entity in (Entity.NOTE, Entity.REFLECTION, Entity.COMMITMENT, Entity.FEEDBACK):
        services.conflicts.resolve(scene.walk.id, scene.ids[entity], keep=scene.ids[entity])
    text = squash(_debrief(scene))
    assert squash("not yet resolved") not in text.lower()
    assert squash("Other version") not in text


def test_a_deletion_on_the_other_side_is_marked(scene: Scene) -> None:
    services = scene.fac.services
    note = scene.ids[Entity.NOTE]
    copy = next(s.row_id for s in scene.conflict(Entity.NOTE).sides if not s.current)
    services.notes.delete_note(copy)
    data = debrief_data(services.records.walk_record(scene.walk.id),
                        services.conflicts.list_conflicts(scene.walk.id))
    items = [i for g in data.evidence for s in g.stems for i in s.items]
    assert [i.conflict for i in items] == [
        "Not yet resolved: another version deletes this note"]
    assert services.conflicts.count(scene.walk.id) == 4 and note


def test_long_versions_still_lay_out(scene: Scene) -> None:
    from walkapp.services import NoteDraft

    services = scene.fac.services
    copy = next(s.row_id for s in scene.conflict(Entity.NOTE).sides if not s.current)
    for row_id in (scene.ids[Entity.NOTE], copy):
        services.notes.save_note(NoteDraft(scene.walk.id, scene.me.id, "word " * 20_000,
                                           visit_id=scene.walk.visits[0].id, id=row_id))
    text = squash(_debrief(scene))
    assert squash("Not yet resolved: two versions") in text


def test_a_thank_you_note_uses_one_version_of_a_conflicted_note(scene: Scene) -> None:
    from walkapp.reports.build_thanks import thanks_data

    record = scene.fac.services.records.walk_record(scene.walk.id)
    data = thanks_data(record, 1, lambda _text: False)
    assert len(data.noticed) == 1 and data.noticed[0].startswith("Note by the")
