"""The merge engine: bring another laptop's versions of notes (reflections, commitments,
feedback) into this database without losing or duplicating anything.

The law, in one paragraph. Each travelling row belongs to a *family* (the note's original
id). Every version that ever crossed between laptops is a node in a graph: its id hashes
its content and its parents (`versions.py`). Merging two databases is the union of their
graphs, so it is idempotent, commutative and associative by construction. What a database
*shows* is a pure function of that graph: the *heads* of a family (versions nothing
replaced) each get a row. A head replaces its ancestors — that is "a newer revision
replaces the older", and a tombstone (deleted) head replaces the text it deleted. Two heads
in one family mean the note was changed on two laptops since they parted: both are kept.
The head that wins its row stays there (live before deleted, then the later edit, then the
larger version id — the same choice everywhere); each other head gets its own row whose id
is derived from its version id and whose `conflict_of` points at the family. So no head's
text is ever dropped, and every laptop that holds the same versions shows the same rows.

Edits made on this laptop since the last merge are first recorded as versions
(`LocalState.commit_dirty`), so they take part like anyone else's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from walkapp.bundles import format as f
from walkapp.bundles import schema as s
from walkapp.bundles.report import Rejected
from walkapp.bundles.versions import (
    EntitySpec,
    LocalState,
    Node,
    apply_content,
    check_content,
    conflict_lane,
    version_id,
)
from walkapp.events import Entity
from walkapp.storage import models as m


@dataclass
class Incoming:
    """One entity's part of a notes file, checked: the graph and the heads' content."""

    spec: EntitySpec
    nodes: dict[str, Node]
    heads: dict[str, dict[str, Any]]

    def families(self) -> dict[str, list[Node]]:
        grouped: dict[str, list[Node]] = {}
        for node in self.nodes.values():
            grouped.setdefault(node.family, []).append(node)
        return grouped


def parse_incoming(spec: EntitySpec, payload: Any, walk_id: str) -> Incoming:
    """Check one member of a notes file; any damage refuses the whole file."""
    where = spec.member
    data = s.obj(payload, where)
    nodes: dict[str, Node] = {}
    for index, raw in enumerate(s.items(data.get("versions"), f"{where}: versions",
                                        f.MAX_VERSIONS)):
        at = f"{where}, version {index + 1}"
        entry = s.obj(raw, at)
        vid = s.version_id(entry.get("id"), at)
        parents = tuple(sorted({s.version_id(p, at) for p in
                                s.items(entry.get("parents"), f"{at}: parents", 64)}))
        node = Node(vid, s.uid(entry, "family", at), s.uid(entry, "lane", at), parents)
        if vid in parents:
            raise s.damaged(at, "a version cannot replace itself")
        if nodes.get(vid, node) != node:
            raise s.damaged(at, "the same version is listed twice with different parents")
        nodes[vid] = node
    heads: dict[str, dict[str, Any]] = {}
    for index, raw in enumerate(s.items(data.get("items"), f"{where}: items")):
        at = f"{where}, entry {index + 1}"
        entry = s.obj(raw, at)
        vid = s.version_id(entry.get("version"), at)
        content = check_content(spec, entry.get("content"), at)
        listed = nodes.get(vid)
        if listed is None:
            raise s.damaged(at, "its version is missing from the list of versions")
        if version_id(spec, walk_id, listed.family, listed.lane, listed.parents,
                      content) != vid:
            raise s.damaged(at, "its content does not match its version id (was it edited?)")
        heads[vid] = content
    replaced = set()
    for node in nodes.values():
        for parent in node.parents:
            other = nodes.get(parent)
            if other is None or other.family != node.family:
                raise s.damaged(where, "a version's history is incomplete")
            replaced.add(parent)
    if any(vid not in replaced and vid not in heads for vid in nodes):
        raise s.damaged(where, "a newest version is listed without its content")
    return Incoming(spec, nodes, heads)


@dataclass
class Refs:
    """What rows in a file may point at on this laptop: the walk's roster, visits and
    look-fors, and the walker the file comes from."""

    walker_id: str
    participants: set[str]
    visits: set[str]
    look_fors: dict[str, m.LookFor]

    @classmethod
    def load(cls, session: Session, walk_id: str, walker_id: str) -> Refs:
        return cls(
            walker_id=walker_id,
            participants=set(session.scalars(select(m.Participant.id)
                                             .where(m.Participant.walk_id == walk_id))),
            visits=set(session.scalars(select(m.Visit.id).where(m.Visit.walk_id == walk_id))),
            look_fors={lf.id: lf for lf in session.scalars(
                select(m.LookFor).where(m.LookFor.walk_id == walk_id))})

    def problem(self, spec: EntitySpec, content: dict[str, Any]) -> str | None:
        author = content.get(spec.author_field)
        if author is not None and author != self.walker_id:
            return "it was written by someone other than the walker this file comes from"
        if author is not None and author not in self.participants:
            return "its writer is not on this walk's roster on this laptop"
        visit = content.get("visit_id")
        if visit is not None and visit not in self.visits:
            return "its visit is no longer part of this walk on this laptop"
        if any(tag not in self.look_fors for tag in content.get("look_for_ids", ())):
            return "it is tagged with a look-for that is no longer part of this walk here"
        return None


@dataclass
class Tally:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    conflict_notes: list[str] = field(default_factory=list)
    changed_ids: dict[Entity, set[str]] = field(default_factory=dict)


def _heads(nodes: Iterable[Node]) -> set[str]:
    pool = {n.id: n for n in nodes}
    replaced = {p for n in pool.values() for p in n.parents}
    return set(pool) - replaced


def _winner_key(vid: str, content: dict[str, Any]) -> tuple[bool, str, int, str]:
    return (content["deleted_at"] is None, content["updated_at"], content["revision"], vid)


def materialise(spec: EntitySpec, family: str, heads: dict[str, Node],
                contents: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Which row (lane) shows which head: a pure function of the heads (see module doc)."""
    ordered = sorted(heads, key=lambda vid: _winner_key(vid, contents[vid]), reverse=True)
    lanes: dict[str, str] = {}
    losers: list[str] = []
    for vid in ordered:
        lane = heads[vid].lane
        if lane in lanes:
            losers.append(vid)
        else:
            lanes[lane] = vid
    for vid in losers:
        lane, salt = conflict_lane(spec, family, vid), 0
        while lane in lanes:  # only a forged file can make two heads want one derived row
            salt += 1
            lane = conflict_lane(spec, family, vid, f"+{salt}")
        lanes[lane] = vid
    if family not in lanes and ordered:
        best = ordered[0]
        lanes = {lane: vid for lane, vid in lanes.items() if vid != best}
        lanes[family] = best
    return lanes


def _describe(spec: EntitySpec, content: dict[str, Any]) -> str:
    words = " ".join(str(content.get("text") or content.get("answer") or "").split())
    if len(words) > 50:
        words = words[:49] + "…"
    return f"{spec.label} “{words}”" if words else f"a deleted {spec.label}"


def merge_entity(session: Session, walk_id: str, incoming: Incoming, refs: Refs,
                 tally: Tally, states: dict[tuple[str, str], LocalState] | None = None
                 ) -> None:
    """Merge one entity of one file into the walk (inside the caller's transaction).

    `states` keeps each walk's loaded rows and graph across the files of one import, so
    six files cost one load, not six.
    """
    spec = incoming.spec
    key = (walk_id, spec.name)
    local = states.get(key) if states is not None else None
    if local is None:
        local = LocalState(session, spec, walk_id)
        local.commit_dirty()
        if states is not None:
            states[key] = local
    by_family: dict[str, list[Node]] = {}
    for node in local.nodes.values():
        by_family.setdefault(node.family, []).append(node)
    rows_of = local.family_rows()
    families = incoming.families()
    foreign = _ids_elsewhere(session, spec, walk_id,
                             {n.lane for n in incoming.nodes.values()} | set(families))
    changed = tally.changed_ids.setdefault(spec.name, set())
    heads_of: dict[str, dict[str, dict[str, Any]]] = {}
    for vid, content in incoming.heads.items():
        heads_of.setdefault(incoming.nodes[vid].family, {})[vid] = content
    for family, nodes in families.items():
        mine = heads_of.get(family, {})
        problem = next((p for p in (refs.problem(spec, c) for c in mine.values()) if p), None)
        if problem is None and (family in foreign or any(n.lane in foreign for n in nodes)):
            problem = "its id is already used by something else on this laptop"
        owner = local.version_of(family)
        if problem is None and family in local.rows and (owner is None
                                                         or owner.family != family):
            problem = "its id is already used by something else on this laptop"
        if problem is not None:
            sample = next(iter(mine.values()), None)
            what = _describe(spec, sample) if sample else f"a {spec.label}"
            tally.rejected.append(Rejected(what=what, reason=problem))
            continue
        known = by_family.get(family, [])
        fresh = [n for n in nodes if n.id not in local.nodes]
        if not fresh:
            tally.unchanged += 1
            continue
        pool = {n.id: n for n in [*known, *nodes]}
        before_heads = _heads(known)
        heads = _heads(pool.values())
        contents: dict[str, dict[str, Any]] = {}
        shown = {local.sync[r].version_id: r for r in rows_of.get(family, [])}
        for vid in heads:
            if vid in mine:
                contents[vid] = mine[vid]
            elif vid in shown:
                contents[vid] = local.content(local.rows[shown[vid]])
        heads = {vid for vid in heads if vid in contents}
        lanes = materialise(spec, family, {vid: pool[vid] for vid in heads}, contents)
        if any(lane in local.rows and (local.version_of(lane) is None
                                       or local.version_of(lane).family != family)  # type: ignore[union-attr]
               for lane in lanes):
            tally.rejected.append(Rejected(what=_describe(spec, next(iter(contents.values()))),
                                           reason="its id is already used by something "
                                                  "else on this laptop"))
            continue
        for node in fresh:
            local.add_node(node)
        by_family[family] = list(pool.values())
        before = {r: local.sync[r].version_id for r in rows_of.get(family, [])}
        _apply(local, refs, family, lanes, contents, before)
        rows_of[family] = list(lanes)
        changed.update(lanes)
        changed.update(set(before) - set(lanes))
        if not before:
            tally.new += 1
        elif before == lanes:
            tally.unchanged += 1
        elif len(heads) > len(before_heads):
            tally.conflicts += 1
            tally.conflict_notes.append(
                f"{_describe(spec, contents[lanes[family]])}: changed on two laptops; "
                f"{len(heads)} versions kept side by side.")
        else:
            tally.updated += 1
    session.flush()


def _apply(local: LocalState, refs: Refs, family: str, lanes: dict[str, str],
           contents: dict[str, dict[str, Any]], before: dict[str, str]) -> None:
    spec, session = local.spec, local.session
    for lane, vid in lanes.items():
        if before.get(lane) == vid:
            continue
        content = contents[vid]
        row: Any = local.rows.get(lane)
        if row is None:
            row = spec.model(id=lane, walk_id=local.walk_id)
            session.add(row)
            local.rows[lane] = row
        apply_content(spec, row, content)
        # The stored time must be the version's even when it equals the old one: left
        # "unchanged", the column's onupdate would stamp the merge's own time instead.
        flag_modified(row, "updated_at")
        # Every entity marks its conflict copies, so lists can show one item per family.
        row.conflict_of = None if lane == family else family
        if spec.has_tags:
            row.look_fors = [refs.look_fors[t] for t in content["look_for_ids"]]
        local.set_sync(lane, vid, content["revision"])
    for lane in set(before) - set(lanes):
        session.delete(local.rows.pop(lane))
        session.delete(local.sync.pop(lane))


def _ids_elsewhere(session: Session, spec: EntitySpec, walk_id: str,
                   ids: set[str]) -> set[str]:
    """Ids in `ids` already used by a row of this entity in another walk."""
    found: set[str] = set()
    model = spec.model
    wanted = sorted(ids)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        found.update(session.scalars(select(model.id).where(model.id.in_(chunk),
                                                            model.walk_id != walk_id)))
    return found
