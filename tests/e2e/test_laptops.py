"""Seven laptops, one walk: the facilitator hands out kits, five walkers take notes on their
own laptops and hand back notes files, and the post-brief has everything."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.helpers.laptops import laptops
from walkapp import domain as d
from walkapp.bundles import crypto
from walkapp.services import NewWalk, NoteDraft

WALKERS = ["Amira Haddad", "Ben Okafor", "Carla Núñez", "Dylan Price", "Eve Lindqvist"]


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def test_kits_out_notes_in_post_brief_complete(tmp_path: Path) -> None:
    names = ["fac", *(f"walker{i}" for i in range(len(WALKERS))), "spare"]
    with laptops(tmp_path, *names) as machines:
        fac, walker_laptops = machines[0], machines[1:-1]
        walk = fac.services.walks.create_walk(NewWalk(
            title="Year 4 maths walk", walk_date=date(2026, 11, 5),
            focus="How do students explain their reasoning?"))
        s = fac.services
        s.plan.add_participant(walk.id, "Morgan Ellis", d.Role.FACILITATOR)
        for name in WALKERS:
            s.plan.add_participant(walk.id, name)
        visits = [s.plan.add_visit(walk.id, room=f"Room {i + 1}", teacher_name="T. Hidden")
                  for i in range(4)]
        look_fors = [s.plan.add_look_for(walk.id, t) for t in ("Student talk", "Wait time")]
        s.plan.add_norm(walk.id, "We are here to learn, not to judge.", agreed=True)
        walk = s.walks.get_walk(walk.id)
        # One personal kit per walker, except the last walker, who gets the shared kit.
        shared = fac.bundles.write_kit(walk.id, tmp_path / "any.walkkit",
                                       passphrase="maple leaf sunrise")
        expected_texts: list[str] = []
        files = []
        for index, (laptop, walker) in enumerate(zip(walker_laptops, walk.walkers,
                                                     strict=True)):
            if index < len(WALKERS) - 1:
                kit = fac.bundles.write_kit(walk.id, tmp_path / f"kit{index}.walkkit",
                                            walker_id=walker.id)
                opened = laptop.bundles.open_kit(kit)
            else:
                opened = laptop.bundles.open_kit(shared, walker=walker.display_name,
                                                 passphrase="maple leaf sunrise")
            assert opened.walker_id == walker.id
            mine = laptop.services.walks.get_walk(walk.id)
            assert mine.local_mode is d.LocalMode.WALKER
            assert all(v.teacher_name is None for v in mine.visits)
            ns = laptop.services.notes
            for v_index, visit in enumerate(visits):
                for k in range(3):
                    text = f"{walker.display_name}: visit {v_index + 1}, observation {k + 1}."
                    ns.save_note(NoteDraft(walk.id, walker.id, text, visit_id=visit.id,
                                           look_for_ids=(look_fors[k % 2].id,)))
                    expected_texts.append(text)
            typo = ns.save_note(NoteDraft(walk.id, walker.id, "typo", visit_id=visits[0].id))
            ns.delete_note(typo.id)
            ns.save_reflection(walk.id, walker.id, "What surprised you?",
                               f"{walker.display_name} was surprised by the wait time.")
            laptop.services.debrief.save_commitment(
                walk.id, walker.id, f"{walker.display_name} will try a 5-second pause.")
            laptop.services.debrief.add_feedback(walk.id, "useful", "How useful?", "Very",
                                                 rating=4 + index % 2, author_id=walker.id)
            files.append(laptop.bundles.write_notes(walk.id, walker.id,
                                                    tmp_path / f"notes{index}.walknotes"))

        report = fac.bundles.import_files(files)
        assert report.clean, report.summary()
        # Notes, reflection, commitment, feedback; the typo, written and deleted on the
        # laptop, is not new (nothing to look for).
        assert report.new == len(WALKERS) * (12 + 1 + 1 + 1)
        assert {f.counts["notes"].created_and_deleted for f in report.files} == {1}
        assert [f.walker_name for f in report.files] == WALKERS

        record = fac.services.records.walk_record(walk.id)
        assert sorted(n.text for n in record.notes) == sorted(expected_texts)
        assert all(n.conflict_of is None for n in record.notes)
        assert {n.author_id for n in record.notes} == {w.id for w in walk.walkers}
        assert all(len(n.look_for_ids) == 1 for n in record.notes)
        assert len(record.reflections) == len(record.commitments) == len(WALKERS)
        assert sorted(f.rating or 0 for f in record.feedback) == [4, 4, 4, 5, 5]
        # The facilitator's own plan is untouched by the walkers' (privacy-trimmed) copies.
        assert fac.services.walks.get_walk(walk.id).visits[0].teacher_name == "T. Hidden"

        # A second round: one walker adds and edits; only that shows up as new/updated.
        laptop, walker = walker_laptops[0], walk.walkers[0]
        first = laptop.services.notes.list_notes(walk.id)[0]
        laptop.services.notes.save_note(NoteDraft(walk.id, walker.id, first.text + " (more)",
                                                  visit_id=first.visit_id, id=first.id))
        laptop.services.notes.save_note(NoteDraft(walk.id, walker.id, "A late addition.",
                                                  visit_id=visits[3].id))
        again = fac.bundles.import_files(
            [laptop.bundles.write_notes(walk.id, walker.id, tmp_path / "round2.walknotes"),
             *files])
        assert (again.new, again.updated, again.conflicts) == (1, 1, 0)
        assert len(fac.services.records.walk_record(walk.id).notes) == len(expected_texts) + 1

        # A laptop that never had the walk refuses the files, clearly.
        spare = machines[-1]
        refused = spare.bundles.import_files(files[:1])
        assert "another walk" in refused.files[0].rejected[0].reason
