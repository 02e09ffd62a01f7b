"""The ORM's models load when first used (walkapp.storage): the services name them without
importing them, and what the walks library's first list reads (the walks' summaries, the
Trash's ids, which walks have conflict copies) goes through plain Core tables that match
the models' own (walkapp.services.summary_tables). Checked in fresh processes."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from sqlalchemy.sql.type_api import TypeEngine

from tests.helpers.builders import make_walk
from walkapp.config import Settings
from walkapp.services import Services, summary_tables
from walkapp.storage import models as m

ROOT = Path(__file__).resolve().parents[2]

READ_THE_LIST = """
import json, sys
from walkapp.config import resolve_settings
from walkapp.services import open_services
services = open_services(resolve_settings(sys.argv[1]))
rows = services.walks.list_walks(limit=50)
trashed = services.trash.trashed_ids()
counts = services.conflicts.counts([w.id for w in rows])
found = "walkapp.storage.models" in sys.modules
services.walks.get_walk(rows[0].id)  # the first ORM read loads them, mapped
from walkapp.storage import models
mapped = not models.Base.registry._new_mappers  # configured
print(json.dumps([len(rows), sorted(trashed), counts, found,
                  "walkapp.storage.mapped" in sys.modules and mapped]))
"""


def test_the_library_list_is_read_without_importing_the_models(
        services: Services, settings: Settings) -> None:
    kept = make_walk(services, title="Kept").id
    gone = make_walk(services, title="Gone", walk_date=date(2026, 2, 1)).id
    services.walks.delete_walk(gone)
    done = subprocess.run([sys.executable, "-c", READ_THE_LIST, str(settings.data_dir)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    listed, trashed, counts, loaded_for_the_list, loaded_after = json.loads(done.stdout)
    assert (listed, trashed, counts) == (1, [gone], {kept: 0})
    assert loaded_for_the_list is False
    assert loaded_after is True


def test_importing_the_services_does_not_import_the_models() -> None:
    code = ("import json, sys, walkapp.services, walkapp.services.commands, "
            "walkapp.services.resume, walkapp.services.safety; "
            "print(json.dumps('walkapp.storage.models' in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) is False


def _type_name(kind: TypeEngine[object]) -> str:
    return type(kind).__name__


def test_the_summary_tables_match_the_models() -> None:
    light = [summary_tables.walks, summary_tables.walk_counts,
             *summary_tables.COPIES.values()]
    for table in light:
        real = m.Base.metadata.tables[table.name]
        for column in table.columns:
            assert column.name in real.columns, f"{table.name}.{column.name}"
            assert _type_name(column.type) == _type_name(real.columns[column.name].type), \
                f"{table.name}.{column.name}"
    # Each kind of conflict copy has its table.
    from walkapp.services.conflicts import KINDS

    assert sorted(k.table for k in KINDS) == sorted(summary_tables.COPIES)
    assert all(k.model.__tablename__ == k.table for k in KINDS)
