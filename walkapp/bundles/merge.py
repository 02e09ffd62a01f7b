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

from walkapp import formatting as fmt
from walkapp.bundles import format as f
from walkapp.bundles import schema as s
from walkapp.bundles.bulk import NewRows
from walkapp.bundles.refs import Refs, Tally
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
from walkapp.services.history import forget_history, keep_replaced_text
from walkapp.services.reviews import forget_review
from walkapp.storage import models as m


@dataclass
class Incoming:
    """One entity's part of a notes file, checked: the graph and the heads' content."""

    spec: EntitySpec
    nodes: dict[str, Node]
    heads: dict[str, dict[str, Any]]
    # Heads whose content, as written, held fields this walkapp does not know (a later
    # version-1 writer's): their ids hash those fields, which are not stored here.
    partly_known: set[str] = field(default_factory=set)

    def families(self) -> dict[str, list[Node]]:
        grouped: dict[str, list[Node]] = {}
        for node in self.nodes.values():
            grouped.setdefault(node.family, []).append(node)
        return grouped


# The field that holds what a person wrote: a deletion (tombstone) carries it empty. A
# tally has no words: its tombstone may keep its number.
TEXT_FIELD = {Entity.NOTE: "text", Entity.REFLECTION: "text", Entity.COMMITMENT: "text",
              Entity.FEEDBACK: "answer"}
# A conflict copy's row id is derived from a version id, with a salt only when a forged
# file made two heads want the same derived row (`materialise`).
_LANE_SALTS = ("", "+1", "+2", "+3")


def _id_taken() -> str:
    return fmt.tr("its id is already used by something else on this laptop")


def parse_incoming(spec: EntitySpec, payload: Any, walk_id: str) -> Incoming:
    """Check one member of a notes file; any damage refuses the whole file.

    Every version is checked, not only the newest: its id, that its family and row agree,
    that its parents are listed and of the same family, that no chain of versions loops,
    that every newest version comes with its content (the content of older ones is dropped),
    and that a deletion carries no text.
    """
    where = spec.member
    data = s.obj(payload, where)
    nodes: dict[str, Node] = {}
    # Where each entry is, for a refusal that names it ("notes.json, version 3"): the words
    # looked up once, not once per version of a 100,000-note file.
    version_at, entry_at = fmt.tr("{part}, version {n}"), fmt.tr("{part}, entry {n}")
    for index, raw in enumerate(s.items(data.get("versions"), f"{where}: versions",
                                        f.MAX_VERSIONS)):
        at = version_at.format(part=where, n=index + 1)
        entry = s.obj(raw, at)
        vid = s.version_id(entry.get("id"), at)
        parents = tuple(sorted({s.version_id(p, at) for p in
                                s.items(entry.get("parents"), f"{at}: parents",
                                        f.MAX_PARENTS)}))
        node = Node(vid, s.uid(entry, "family", at), s.uid(entry, "lane", at), parents)
        if vid in parents:
            raise s.damaged(at, fmt.tr("a version cannot replace itself"))
        if nodes.get(vid, node) != node:
            raise s.damaged(at, fmt.tr("the same version is listed twice with different "
                                       "parents"))
        nodes[vid] = node
    heads: dict[str, dict[str, Any]] = {}
    text_field = TEXT_FIELD.get(spec.name)
    partly_known: set[str] = set()
    for index, raw in enumerate(s.items(data.get("items"), f"{where}: items")):
        at = entry_at.format(part=where, n=index + 1)
        entry = s.obj(raw, at)
        vid = s.version_id(entry.get("version"), at)
        written = s.obj(entry.get("content"), at)
        content = check_content(spec, written, at)
        listed = nodes.get(vid)
        if listed is None:
            raise s.damaged(at, fmt.tr("its version is missing from the list of versions"))
        # The id is checked over the content exactly as written, fields this walkapp does
        # not know included (docs/file-formats.md: a later version-1 writer may add some),
        # so no field, known or not, can be changed without the id noticing.
        if _written_id(spec, walk_id, listed, written, at) != vid:
            raise s.damaged(at, fmt.tr("its content does not match its version id (was it "
                                       "edited?)"))
        if text_field and content["deleted_at"] is not None and content[text_field]:
            raise s.damaged(at, fmt.tr("{what} still carries its text (walkapp never writes "
                                       "one; the file was made by hand)").format(
                                           what=fmt.tr(spec.words.deleted)))
        if written != content:  # what is stored here would not hash to `vid`
            partly_known.add(vid)
        heads[vid] = content
    replaced = set()
    for node in nodes.values():
        for parent in node.parents:
            other = nodes.get(parent)
            if other is None or other.family != node.family:
                raise s.damaged(where, fmt.tr("a version's history is incomplete"))
            replaced.add(parent)
    _check_lanes(spec, nodes, where)
    _check_no_cycle(nodes, where)
    if any(vid not in replaced and vid not in heads for vid in nodes):
        raise s.damaged(where, fmt.tr("a newest version is listed without its content"))
    # Content given for a version that another one replaced is never shown: it is dropped
    # here rather than stored, so an older text cannot ride in on a newer file.
    heads = {vid: content for vid, content in heads.items() if vid not in replaced}
    return Incoming(spec, nodes, heads, partly_known & set(heads))


def _written_id(spec: EntitySpec, walk_id: str, node: Node, written: dict[str, Any],
                where: str) -> str:
    try:
        return version_id(spec, walk_id, node.family, node.lane, node.parents, written)
    except (ValueError, RecursionError):  # parsed, so only nesting past the limit is left
        raise s.damaged(where, fmt.tr("its content is nested too deeply")) from None


def _check_lanes(spec: EntitySpec, nodes: dict[str, Node], where: str) -> None:
    """Each version's row is its family's row or a conflict copy derived from a version of
    the same family, so a file cannot aim a version at some other row."""
    members: dict[str, list[str]] = {}
    for node in nodes.values():
        members.setdefault(node.family, []).append(node.id)
    derived: dict[str, set[str]] = {}
    for node in nodes.values():
        if node.lane == node.family:
            continue
        lanes = derived.get(node.family)
        if lanes is None:
            lanes = {conflict_lane(spec, node.family, vid, salt)
                     for vid in members[node.family] for salt in _LANE_SALTS}
            derived[node.family] = lanes
        if node.lane not in lanes:
            raise s.damaged(where, fmt.tr("a version is written in a row that is not of its "
                                          "note"))


def _check_no_cycle(nodes: dict[str, Node], where: str) -> None:
    """Refuse a loop of versions that replace each other: such a family has no newest
    version, and merging it would leave the note with nothing to show."""
    waiting = {vid: len(node.parents) for vid, node in nodes.items()}
    children: dict[str, list[str]] = {}
    for node in nodes.values():
        for parent in node.parents:
            children.setdefault(parent, []).append(node.id)
    ready = [vid for vid, count in waiting.items() if count == 0]
    seen = 0
    while ready:
        vid = ready.pop()
        seen += 1
        for child in children.get(vid, ()):
            waiting[child] -= 1
            if waiting[child] == 0:
                ready.append(child)
    if seen != len(nodes):
        raise s.damaged(where, fmt.tr("its versions replace each other in a loop"))


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
    words = " ".join(str(content.get("text") or content.get("answer")
                         or content.get("tally_key") or "").split())
    if len(words) > 50:
        words = words[:49] + "…"
    return spec.words.describe(words)


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
    if local is not None and local.bulk_ids:
        local.take_bulk()
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
    bulk = NewRows(local, set(refs.look_fors))
    heads_of: dict[str, dict[str, dict[str, Any]]] = {}
    for vid, content in incoming.heads.items():
        heads_of.setdefault(incoming.nodes[vid].family, {})[vid] = content
    for family, nodes in families.items():
        mine = heads_of.get(family, {})
        problem = next((p for p in (refs.problem(spec, c) for c in mine.values()) if p), None)
        if problem is None and spec.has_visit and any(refs.foreign_visit(session, c)
                                                     for c in mine.values()):
            problem = fmt.tr("its visit's id is used by another walk on this laptop")
        if problem is None:
            problem = refs.ownership_problem(local, family, rows_of.get(family, []), nodes,
                                             by_family.get(family, []), mine.values())
        if problem is None and (family in foreign or any(n.lane in foreign for n in nodes)):
            problem = _id_taken()
        owner = local.version_of(family)
        if problem is None and family in local.rows and (owner is None
                                                         or owner.family != family):
            problem = _id_taken()
        if problem is not None:
            sample = next(iter(mine.values()), None)
            what = _describe(spec, sample) if sample else fmt.tr(spec.words.one)
            tally.rejected.append(Rejected(what=what, reason=problem))
            continue
        known = by_family.get(family, [])
        fresh = [n for n in nodes if n.id not in local.nodes]
        if not fresh:
            # Nothing new: counted as unchanged if it is still shown here (an old deletion
            # is nothing the facilitator will look for).
            if any(local.rows[r].deleted_at is None for r in rows_of.get(family, [])):
                tally.add(spec, "unchanged")
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
        if not heads:  # never from a checked file; refuse rather than empty the note
            tally.rejected.append(Rejected(
                what=fmt.tr(spec.words.one),
                reason=fmt.tr("it would leave the note with no version")))
            continue
        lanes = materialise(spec, family, {vid: pool[vid] for vid in heads}, contents)
        if any(lane in local.rows and (local.version_of(lane) is None
                                       or local.version_of(lane).family != family)  # type: ignore[union-attr]
               for lane in lanes):
            tally.rejected.append(Rejected(what=_describe(spec, next(iter(contents.values()))),
                                           reason=_id_taken()))
            continue
        owned = (spec.name, family)
        if not known and owned not in refs.owners:
            # A family new here: the walker whose authenticated file brought it owns it.
            refs.owners[owned] = refs.walker_id
            session.add(m.SyncFamily(entity=spec.name, family_id=family, walk_id=walk_id,
                                     owner_id=refs.walker_id))
        by_family[family] = list(pool.values())
        before = {r: local.sync[r].version_id for r in rows_of.get(family, [])}
        shown_before = any(local.rows[r].deleted_at is None for r in before)
        if not before and list(lanes) == [family]:  # first seen, one row: in bulk
            vid = lanes[family]
            content = contents[vid]
            # As `_apply` does: the visit (or its tombstone), the tags.
            if spec.has_visit and content["visit_id"] is not None:
                refs.visit_row(session, content["visit_id"])
            if spec.has_tags:
                refs.note_adjustments(family, content, tally)
            bulk.add(family, vid, content, fresh, vid in incoming.partly_known)
        else:
            for node in fresh:
                local.add_node(node)
            _apply(local, refs, family, lanes, contents, before, tally, set(mine),
                   incoming.partly_known)
        rows_of[family] = list(lanes)
        changed.update(lanes)
        changed.update(set(before) - set(lanes))
        shown_now = any(contents[vid]["deleted_at"] is None for vid in lanes.values())
        if before and len(heads) > len(before_heads):
            tally.add(spec, "conflicts")
            tally.conflict_notes.append(fmt.tr(
                "{what}: changed on two laptops; {count} versions kept side by side.").format(
                    what=_describe(spec, contents[lanes[family]]),
                    count=fmt.number(len(heads))))
        else:
            tally.add(spec, _outcome(bool(before), before == lanes, shown_before, shown_now))
    if bulk.write():
        # Its rows no longer hold all of the walk's: the next file of this import loads
        # just the rows written here (`take_bulk`), not the whole walk again.
        local.bulk_ids.extend(row["id"] for row in bulk.rows)
    session.flush()


def _outcome(known: bool, same: bool, shown_before: bool, shown_now: bool) -> str:
    """How one family that gained versions counts in the report (not a conflict)."""
    if not known:  # first seen here: a deleted one was written and deleted on the laptop
        return "new" if shown_now else "created_and_deleted"
    if same or not (shown_before or shown_now):
        return "unchanged"  # the same rows, or a deletion already known here
    if shown_before and not shown_now:
        return "deleted"
    return "updated"


def _apply(local: LocalState, refs: Refs, family: str, lanes: dict[str, str],
           contents: dict[str, dict[str, Any]], before: dict[str, str],
           tally: Tally, arrived: set[str], partly_known: set[str]) -> None:
    spec, session = local.spec, local.session
    for lane, vid in lanes.items():
        if before.get(lane) == vid:
            continue
        content = contents[vid]
        row: Any = local.rows.get(lane)
        if spec.has_visit and content["visit_id"] is not None:
            refs.visit_row(session, content["visit_id"])  # before the row points at it
        if row is None:
            row = spec.model(id=lane, walk_id=local.walk_id)
            session.add(row)
            local.rows[lane] = row
        elif spec.has_tags:
            _note_history(session, refs, row, content)
        apply_content(spec, row, content)
        # The stored time must be the version's even when it equals the old one: left
        # "unchanged", the column's onupdate would stamp the merge's own time instead.
        flag_modified(row, "updated_at")
        # Every entity marks its conflict copies, so lists can show one item per family.
        row.conflict_of = None if lane == family else family
        if spec.has_tags:
            # Tags whose look-for is not part of the walk here are kept, not shown: the
            # row's content stays the version's, so nothing looks edited here.
            tags = content["look_for_ids"]
            row.look_fors = [refs.look_fors[t] for t in tags if t in refs.look_fors]
            row.stale_tags = [t for t in tags if t not in refs.look_fors]
            if vid in arrived:  # a version from the file, not one of ours re-laned
                refs.note_adjustments(family, content, tally)
        local.set_sync(lane, vid, content["revision"],
                       partly_known=vid in partly_known)
    for lane in set(before) - set(lanes):
        session.delete(local.rows.pop(lane))
        session.delete(local.sync.pop(lane))


def _note_history(session: Session, refs: Refs, row: m.Note, content: dict[str, Any]) -> None:
    """The history rule (walkapp.services.history) as a merge applies a version to a note
    row: a deletion takes the note's earlier texts with it; on a walker's laptop, a text
    that replaces the walker's own (from the facilitator) keeps the walker's. The
    facilitator's review of the note (walkapp.note_states) is never changed by a merge,
    only removed with a deletion."""
    if content["deleted_at"] is not None:
        forget_history(session, row.id)
        forget_review(session, row.id)
    elif refs.walker_laptop and row.text != content["text"]:
        keep_replaced_text(session, row, replaced_by=None, new_revision=content["revision"],
                           when=f.parse_time(content["updated_at"]))


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
