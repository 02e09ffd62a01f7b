"""Which pages a walk's workspace has, and how each is built: the one place where screens
are wired to the services they need."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from walkapp.services import Services
from walkapp.ui.dialogs import Asker
from walkapp.ui.screens.plan.page import PlanPage
from walkapp.ui.screens.plan.review import ReviewPanel
from walkapp.ui.screens.workspace import PageSpec


def facilitator_pages(services: Services, walk_id: str, asker: Asker,
                      parent: QWidget | None = None) -> list[PageSpec]:
    return [
        PageSpec("plan", parent.tr("Plan") if parent else "Plan",
                 lambda: PlanPage(services, walk_id),
                 "Title, date, focus, look-fors, norms, roster and route."),
        PageSpec("pre_brief", parent.tr("Pre-brief") if parent else "Pre-brief",
                 lambda: ReviewPanel(services, walk_id),
                 "The protocol's opening steps, with a timer for each."),
    ]
