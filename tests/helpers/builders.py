"""Small builders for test data, so tests say only what matters to them."""

from __future__ import annotations

from datetime import date

from walkapp import domain as d
from walkapp.services import NewWalk, Services


def make_walk(services: Services, title: str = "Walk", *, walkers: int = 4, visits: int = 3,
              look_fors: tuple[str, ...] = ("Student talk", "Open questions"),
              walk_date: date | None = None) -> d.Walk:
    walk = services.walks.create_walk(NewWalk(title=title,
                                              walk_date=walk_date or date(2026, 11, 2)))
    services.plan.add_participant(walk.id, "Fran Facilitator", d.Role.FACILITATOR)
    for i in range(walkers):
        services.plan.add_participant(walk.id, f"Walker {i + 1}")
    for _ in range(visits):
        services.plan.add_visit(walk.id)
    for text in look_fors:
        services.plan.add_look_for(walk.id, text)
    return services.walks.get_walk(walk.id)
