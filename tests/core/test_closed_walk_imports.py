"""Late notes reach a closed walk (a walker's laptop comes back after the walk ended): they
are imported — they are that walk's record, from that walker — and the import report says
the closed walk's record changed; the walk stays closed. Importing nothing new says
nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.builders import make_walk
from tests.helpers.laptops import laptops
from walkapp import domain as d
from walkapp.bundles import crypto
from walkapp.services import NoteDraft


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def test_late_notes_are_added_to_a_closed_walk_with_a_message(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = make_walk(fac.services, "Closed walk", walkers=2, visits=1)
        me = walk.walkers[0]
        kit = fac.bundles.write_kit(walk.id, tmp_path / "kit.walkkit", walker_id=me.id)
        amy.bundles.open_kit(kit)
        amy.services.notes.save_note(NoteDraft(walk.id, me.id, "A late note.",
                                               visit_id=walk.visits[0].id))
        path = amy.bundles.write_notes(walk.id, me.id, tmp_path / "amy.walknotes")
        fac.services.walks.update_walk(walk.id, status=d.WalkStatus.CLOSED)
        report = fac.bundles.import_files([path])
        assert report.new == 1
        said = report.files[0].warnings
        assert any(w.startswith("“Closed walk” is closed: these late notes were added to "
                                "its record") for w in said), said
        assert [n.text for n in fac.services.notes.list_notes(walk.id)] == ["A late note."]
        assert fac.services.walks.get_walk(walk.id).status is d.WalkStatus.CLOSED
        # The same file again: nothing new, nothing to say about the closed walk.
        again = fac.bundles.import_files([path])
        assert again.unchanged == 1 and not any("is closed" in w
                                                for w in again.files[0].warnings)
