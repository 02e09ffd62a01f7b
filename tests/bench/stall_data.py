"""The GUI-stall bench's data (tests.bench.bench_gui_stall): a planned walk, a walk of
1,080 notes, and six walkers' notes files to import, in the bench's own database."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

Bench = Any  # tests.bench.bench_gui_stall.Bench (it imports this module)


def plan_walk(bench: Bench, title: str) -> str:
    from walkapp import domain as d
    from walkapp.protocol.library import builtin_protocol
    from walkapp.services.protocol_walks import create_walk_from_protocol

    services = bench.services
    walk = create_walk_from_protocol(services, builtin_protocol(), title, date(2026, 11, 2),
                                     visits=3)
    services.plan.add_participant(walk.id, "Fran Facilitator", d.Role.FACILITATOR)
    for name in ("Amaia Etxeberria", "Bruno Costa", "Chidi Okonkwo"):
        services.plan.add_participant(walk.id, name)
    return walk.id


def big_walk(bench: Bench) -> str:
    from tests.helpers.builders import make_walk
    from tests.ui.postbrief.test_evidence_wall import bulk_notes

    walk = make_walk(bench.services, "Big walk", walkers=6, visits=12,
                     look_fors=("Talk", "Questions", "Wait time", "Feedback"))
    assert bulk_notes(bench.services, walk, 15) == 1080
    return walk.id


def notes_files(bench: Bench, root: Path, tag: str) -> list[Path]:
    """Six walkers' notes files (170 notes each) for a walk of the bench's database."""
    from tests.helpers.builders import make_walk
    from walkapp.bundles import BundleService
    from walkapp.config import resolve_settings
    from walkapp.services import open_services
    from walkapp.storage import models as m
    from walkapp.storage.types import new_id

    root.mkdir(parents=True, exist_ok=True)
    walk = make_walk(bench.services, f"Imported walk {tag}", walkers=6, visits=6)
    kit = BundleService(bench.services.db, bench.services.bus).write_kit(
        walk.id, root / f"{tag}.walkkit")
    files = []
    for i, walker in enumerate(walk.walkers):
        laptop = open_services(resolve_settings(root / f"{tag}-walker{i + 1}"))
        try:
            bundles = BundleService(laptop.db, laptop.bus)
            bundles.open_kit(kit, walker=walker.display_name)
            with laptop.db.transaction("bench notes") as session:
                for n in range(170):
                    session.add(m.Note(id=new_id(), walk_id=walk.id, author_id=walker.id,
                                       visit_id=walk.visits[n % 6].id, stem="noticed",
                                       text=f"Two students compared methods ({n + 1})."))
            files.append(bundles.write_notes(walk.id, walker.id,
                                             root / f"{tag}-walker{i + 1}.walknotes"))
        finally:
            laptop.close()
    return files
