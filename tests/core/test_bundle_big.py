"""A 100,000-note walk (the most a notes file may hold) goes out with `walkapp export` and
comes back in with `walkapp import`: what export writes, import reads.

The walker's notes are written straight into the database with bulk inserts (setting up is
not what is tested); export and import go through the CLI, exactly as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.helpers.builders import make_walk
from tests.helpers.bulk import SENTENCES, fill
from tests.helpers.laptops import open_laptop
from walkapp.bundles import format as f
from walkapp.cli import main
from walkapp.storage import models as m


@pytest.mark.slow
def test_a_walk_of_100000_notes_round_trips_through_export_and_import(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fac = open_laptop(tmp_path, "fac")
    walk = make_walk(fac.services, "A very long walk", walkers=1, visits=6)
    walker = walk.walkers[0]
    kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit", walker_id=walker.id)
    fac.close()
    amy = open_laptop(tmp_path, "amy")
    amy.bundles.open_kit(kit)
    amy.close()
    fill(tmp_path / "amy", walk.id, walker.id, f.MAX_ITEMS)
    notes = tmp_path / "amy.walknotes"
    assert main(["--data-dir", str(tmp_path / "amy"), "export", walk.id, "-o",
                 str(notes)]) == 0, capsys.readouterr()
    capsys.readouterr()
    code = main(["--data-dir", str(tmp_path / "fac"), "import", str(notes), "--json"])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    report = json.loads(out)
    assert report["files"][0]["accepted"] is True
    assert report["files"][0]["counts"]["notes"]["new"] == f.MAX_ITEMS
    fac = open_laptop(tmp_path, "fac")
    try:
        with fac.services.db.transaction("counting") as session:
            held = session.scalar(select(func.count()).select_from(m.Note)
                                  .where(m.Note.walk_id == walk.id))
            tagged = session.scalar(select(func.count()).select_from(m.note_look_fors))
            last = session.scalar(select(m.Note.text).where(
                m.Note.walk_id == walk.id, m.Note.text.like("% (note 100000)")))
        assert held == tagged == f.MAX_ITEMS
        assert last is not None and last.startswith(SENTENCES[(f.MAX_ITEMS - 1) % 4])
    finally:
        fac.close()
