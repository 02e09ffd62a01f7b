"""Imported once by the crash test's fork server (never by tests directly).

Opening a database and saving a note once, in a throwaway folder, fills SQLAlchemy's and
the ORM's one-time set-up in the fork server; every child forked from it then starts the
way a running app saves: warm. Without this each kill cycle pays ~0.1 s of set-up, and
the 200-kill test would spend most of its time there instead of in saves.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from tests.helpers.crash import prepare_lane
from walkapp.config import resolve_settings
from walkapp.services import NoteDraft, Services
from walkapp.storage.db import Database


def _warm_up() -> None:
    folder = Path(tempfile.mkdtemp(prefix="walkapp-crash-warm-"))
    try:
        walk_id, author_id, visit_id = prepare_lane(folder)
        services = Services.create(Database(resolve_settings(folder)).open())
        try:
            services.notes.save_note(NoteDraft(walk_id=walk_id, author_id=author_id,
                                               visit_id=visit_id, text="warm"))
        finally:
            services.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


_warm_up()
