"""The merge's fast path for items seen here for the first time (a walker's first notes file
of a big walk): their rows, tags, versions and sync rows go in as bulk inserts.

Making 100,000 notes, 100,000 versions and 100,000 sync rows one at a time through the ORM
took most of an import of a 100,000-note file; bulk inserts of the same rows take a small
part of it. Only a family that has no row here yet and comes in with one row (its own id,
no conflict copy) takes this path; everything else goes through `merge._apply`. What is
written is exactly what `_apply` would write (`apply_content`'s fields, the tags that are
part of this walk and the stale ones, the version and sync rows of `LocalState`; the
caller makes the visit's tombstone and notes the adjustments), and the `LocalState` that
the rows bypassed takes them in when the next file of the import needs it
(`LocalState.take_bulk`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert

from walkapp.bundles.versions import LocalState, Node, partly_known_revision, stored_value
from walkapp.storage import models as m


class NewRows:
    """Rows of one entity to insert in bulk at the end of `merge_entity`."""

    def __init__(self, local: LocalState, look_fors: set[str]) -> None:
        self.local = local
        self.look_fors = look_fors
        self.rows: list[dict[str, Any]] = []
        self.links: list[dict[str, str]] = []
        self.nodes: list[dict[str, Any]] = []
        self.sync: list[dict[str, Any]] = []

    def add(self, row_id: str, vid: str, content: dict[str, Any], nodes: list[Node],
            partly_known: bool) -> None:
        local, spec = self.local, self.local.spec
        row: dict[str, Any] = {"id": row_id, "walk_id": local.walk_id,
                               "revision": content["revision"]}
        for field in spec.all_fields:
            if field.name == "look_for_ids":
                continue
            row[field.name] = stored_value(field, content)
        self.rows.append(row)
        if spec.has_tags:
            # Tags whose look-for is not part of the walk here are kept unseen, as
            # `merge._apply` keeps them (`Note.stale_tags`).
            tags = content["look_for_ids"]
            self.links += [{"note_id": row_id, "look_for_id": tag}
                           for tag in tags if tag in self.look_fors]
            row["stale_look_for_ids"] = " ".join(
                sorted({t for t in tags if t not in self.look_fors})) or None
        for node in nodes:
            if node.id not in local.nodes:
                local.nodes[node.id] = node
                self.nodes.append({"id": node.id, "walk_id": local.walk_id,
                                   "entity": spec.name, "family_id": node.family,
                                   "lane_id": node.lane, "parents": " ".join(node.parents)})
        revision = content["revision"]
        self.sync.append({"entity": spec.name, "row_id": row_id, "walk_id": local.walk_id,
                          "version_id": vid,
                          "base_revision": partly_known_revision(revision) if partly_known
                          else revision})

    def write(self) -> bool:
        """Insert everything collected; True if anything was (the LocalState is stale)."""
        if not (self.rows or self.nodes):
            return False
        session = self.local.session
        session.flush()
        targets: tuple[tuple[Any, list[Any]], ...] = (
            (self.local.spec.model, self.rows), (m.note_look_fors, self.links),
            (m.SyncVersion, self.nodes), (m.SyncRow, self.sync))
        for target, rows in targets:
            if rows:
                session.execute(insert(target), rows)
        return True
