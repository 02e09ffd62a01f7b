"""Versions of travelling rows: what a note (reflection, commitment, feedback answer) says,
as a canonical dict, and the version id that hashes it together with its parents.

A version id is `sha256` of the entity, walk, family (the note's original id), lane (the
row it was written in), the sorted parent ids and the content. Two laptops that hold the
same id therefore hold the same text, and a version cannot claim a parent it did not have
without changing its id. `LocalState` loads one walk's rows and versions of one entity and
`commit_dirty` records edits made on this laptop since the last merge as new versions.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.bundles import format as f
from walkapp.bundles import schema as s
from walkapp.events import Entity
from walkapp.formatting import N_
from walkapp.protocol.schema import SCALE_POINTS_MAX
from walkapp.services import tallies
from walkapp.services import validate as v
from walkapp.storage import models as m

# Derived row ids of conflict copies: the same on every laptop for the same version.
CONFLICT_NAMESPACE = uuid.UUID("6c1f3f2e-7a51-4d0e-9a55-1f0a3c1b2e77")


# A protocol's own key in a row's content (Note.stem_key: "warm"), as the protocol loader
# writes keys. A field of kind "key+" was added within version 1 (docs/file-formats.md):
# it is written only when set, so a row without it hashes as it did before the field
# existed, and older readers skip it as any unknown field (a note's plain `stem` is what
# they go by).
_OWN_KEY = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")


@dataclass(frozen=True)
class Field:
    """One content field: its name and how to check it in a file."""

    name: str
    # text, text?, id, id?, int?, count, time, time?, ids, enum; key+, flag (only when set)
    kind: str
    limit: int = 0
    choices: tuple[str, ...] = ()

    @property
    def only_when_set(self) -> bool:
        """Left out of the content when empty (a field added within version 1,
        docs/file-formats.md): a `key+` when unset, a `flag` unless true. Every version
        written before the field existed keeps its id, and a version-1 reader skips it."""
        return self.kind in ("key+", "flag")

    def check(self, data: dict[str, Any], where: str) -> Any:
        k = self.kind
        if k == "flag":
            return s.boolean(data, self.name, where, missing=False)
        if k == "key+":
            value = s.text(data, self.name, where, self.limit, optional=True)
            if value and (not _OWN_KEY.fullmatch(value) or value in self.choices):
                raise s.damaged(where, fmt.tr("“{key}” should be a protocol's own key "
                                              "(lower-case letters, digits, - and _)").format(
                                                  key=self.name))
            return value or None
        if k in ("text", "text?"):
            return s.text(data, self.name, where, self.limit, optional=k == "text?")
        if k in ("id", "id?"):
            return s.uid(data, self.name, where, optional=k == "id?")
        if k == "int?":
            return s.integer(data, self.name, where, 1, self.limit, optional=True)
        if k == "count":
            return s.integer(data, self.name, where, 0, self.limit)
        if k in ("time", "time?"):
            return s.time(data, self.name, where, optional=k == "time?")
        if k == "ids":
            return s.uids(data, self.name, where)
        if k == "enum":
            return s.choice(data, self.name, where, self.choices)
        raise AssertionError(k)


_COMMON = (Field("created_at", "time"), Field("updated_at", "time"),
           Field("deleted_at", "time?"))


@dataclass(frozen=True)
class KindWords:
    """How an import report names one item of a kind (catalogue ids, translated where they
    are said): whole phrases per kind, since the words around them agree with the kind's
    gender in Spanish."""

    one: str  # "a note"
    quoted: str  # "note “{words}”": the item by the start of its text
    deleted: str  # "a deleted note"

    def describe(self, words: str) -> str:
        """The item by `words` (the start of its text), or as a deleted one without."""
        return fmt.tr(self.quoted).format(words=words) if words else fmt.tr(self.deleted)


KIND_WORDS = {
    Entity.NOTE: KindWords(N_("a note"), N_("note “{words}”"), N_("a deleted note")),
    Entity.REFLECTION: KindWords(N_("a reflection"), N_("reflection “{words}”"),
                                 N_("a deleted reflection")),
    Entity.COMMITMENT: KindWords(N_("a commitment"), N_("commitment “{words}”"),
                                 N_("a deleted commitment")),
    Entity.FEEDBACK: KindWords(N_("a feedback answer"), N_("feedback answer “{words}”"),
                               N_("a deleted feedback answer")),
    Entity.TALLY: KindWords(N_("a count"), N_("count “{words}”"), N_("a deleted count")),
}


@dataclass(frozen=True)
class EntitySpec:
    """How one kind of travelling row is exported, checked and merged."""

    name: Entity
    label: str
    member: str
    model: (type[m.Note] | type[m.Reflection] | type[m.Commitment] | type[m.Feedback]
            | type[m.Tally])
    author_field: str
    author_required: bool
    fields: tuple[Field, ...]

    @property
    def has_tags(self) -> bool:
        return self.name is Entity.NOTE

    @property
    def has_visit(self) -> bool:
        """Its rows point at a visit (kept as a tombstone when removed, see merge)."""
        return self.name in (Entity.NOTE, Entity.TALLY)

    @property
    def all_fields(self) -> tuple[Field, ...]:
        return (*self.fields, *_COMMON)

    @property
    def words(self) -> KindWords:
        """How a report names one of its items (`KIND_WORDS`)."""
        return KIND_WORDS[self.name]


NOTE = EntitySpec(
    Entity.NOTE, "note", "notes.json", m.Note, "author_id", False,
    (Field("author_id", "id?"), Field("visit_id", "id?"), Field("phase", "text?", 40),
     Field("stem", "enum", choices=tuple(x.value for x in d.Stem)),
     Field("text", "text", v.MAX_NOTE_CHARS), Field("look_for_ids", "ids"),
     # The protocol's own stem ("warm"), never one of the four names (`choices`).
     Field("stem_key", "key+", v.MAX_OWN_KEY_CHARS, tuple(x.value for x in d.Stem)),
     # The visit-form question a note answers (walkapp.forms; only on answers).
     Field("form_key", "key+", v.MAX_OWN_KEY_CHARS)))
REFLECTION = EntitySpec(
    Entity.REFLECTION, "reflection", "reflections.json", m.Reflection, "author_id", False,
    (Field("author_id", "id?"), Field("prompt", "text", v.MAX_SHORT_TEXT_CHARS),
     Field("text", "text", v.MAX_NOTE_CHARS)))
COMMITMENT = EntitySpec(
    Entity.COMMITMENT, "commitment", "commitments.json", m.Commitment, "participant_id", True,
    (Field("participant_id", "id"), Field("text", "text", 20_000),
     Field("status", "enum", choices=tuple(x.value for x in d.CommitmentStatus)),
     Field("review_note", "text", 20_000), Field("carried_from_id", "id?")))
FEEDBACK = EntitySpec(
    Entity.FEEDBACK, "feedback answer", "feedback.json", m.Feedback, "author_id", False,
    (Field("author_id", "id?"), Field("question_key", "text", 100),
     Field("question", "text", 1000), Field("answer", "text", 20_000),
     # A point of the question's own scale: 1 to 10 (1 to 5 before scales of 2-10 points).
     Field("rating", "int?", SCALE_POINTS_MAX), Field("not_applicable", "flag")))
ENTITIES = (NOTE, REFLECTION, COMMITMENT, FEEDBACK)
# Counts and timed durations (version 2 protocols): not one of the four parts, but a section
# of notes.json that readers from before tallies ignore (walkapp.bundles.tally_part).
TALLY = EntitySpec(
    Entity.TALLY, "count", "notes.json, tallies", m.Tally, "author_id", False,
    (Field("author_id", "id?"), Field("visit_id", "id"),
     Field("tally_key", "text", tallies.MAX_KEY_CHARS),
     Field("count", "count", tallies.MAX_COUNT),
     Field("seconds", "count", tallies.MAX_SECONDS)))


@dataclass(frozen=True)
class Node:
    """A version in the graph: which family and lane, and which versions it replaced."""

    id: str
    family: str
    lane: str
    parents: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "family": self.family, "lane": self.lane,
                "parents": list(self.parents)}


def version_id(spec: EntitySpec, walk_id: str, family: str, lane: str,
               parents: tuple[str, ...], content: dict[str, Any]) -> str:
    return f.sha256(f.canonical_json({
        "entity": spec.name, "walk": walk_id, "family": family, "lane": lane,
        "parents": sorted(parents), "content": content}))


def conflict_lane(spec: EntitySpec, family: str, version: str, salt: str = "") -> str:
    return str(uuid.uuid5(CONFLICT_NAMESPACE, f"{spec.name}:{family}:{version}{salt}"))


def content_of(spec: EntitySpec, row: Any, tags: list[str] | None = None) -> dict[str, Any]:
    """The row's content as canonical JSON values (times in one spelling, tags sorted)."""
    content: dict[str, Any] = {}
    for field in spec.all_fields:
        if field.name == "look_for_ids":
            content[field.name] = sorted(set(tags or []))
            continue
        value = getattr(row, field.name)
        if field.only_when_set and not value:
            continue
        if field.kind.startswith("time"):
            value = f.format_time(value) if value is not None else None
        content[field.name] = value
    content["revision"] = int(row.revision)
    return content


def apply_content(spec: EntitySpec, row: Any, content: dict[str, Any]) -> None:
    """Write `content` into an ORM row (tags are set by the caller)."""
    for field in spec.all_fields:
        if field.name == "look_for_ids":
            continue
        setattr(row, field.name, stored_value(field, content))
    row.revision = content["revision"]


def stored_value(field: Field, content: dict[str, Any]) -> Any:
    """What a row stores for `field` of `content` (a field only written when set may be
    absent: a `key+` is then None, a `flag` False)."""
    value = content.get(field.name)
    if field.kind == "flag":
        return bool(value)
    if field.kind.startswith("time"):
        value = f.parse_time(value) if value is not None else None
    return value


def check_content(spec: EntitySpec, raw: Any, where: str) -> dict[str, Any]:
    data = s.obj(raw, where)
    content = {field.name: field.check(data, where) for field in spec.all_fields}
    for field in spec.all_fields:
        # Written only when set: an empty one (never written so) is not kept, so that the
        # row is known to be stored without it (see `merge.parse_incoming`, `partly_known`);
        # a flag written `false` is left out the same way.
        if field.only_when_set and not content[field.name]:
            del content[field.name]
    content["revision"] = s.integer(data, "revision", where, 0, 2**53)
    return content


def partly_known_revision(revision: int) -> int:
    """The base revision kept for a row whose version held fields not stored here."""
    return -1 - revision


_partly_known = partly_known_revision


class LocalState:
    """One walk's rows, sync rows and version graph of one entity, in one session."""

    def __init__(self, session: Session, spec: EntitySpec, walk_id: str) -> None:
        self.session, self.spec, self.walk_id = session, spec, walk_id
        model: Any = spec.model
        query = select(model).where(model.walk_id == walk_id)
        if spec.has_tags:
            query = query.options(selectinload(m.Note.look_fors))
        self.rows: dict[str, Any] = {r.id: r for r in session.scalars(query)}
        self.sync: dict[str, m.SyncRow] = {
            r.row_id: r for r in session.scalars(
                select(m.SyncRow).where(m.SyncRow.walk_id == walk_id,
                                        m.SyncRow.entity == spec.name))}
        # Row ids inserted in bulk (walkapp.bundles.bulk) and not loaded yet: the next
        # file of the same import takes them in (`take_bulk`), rather than the whole walk
        # being loaded again for each file.
        self.bulk_ids: list[str] = []
        self.nodes: dict[str, Node] = {}
        for n in session.scalars(select(m.SyncVersion).where(
                m.SyncVersion.walk_id == walk_id, m.SyncVersion.entity == spec.name)):
            self.nodes[n.id] = Node(n.id, n.family_id, n.lane_id,
                                    tuple(n.parents.split()) if n.parents else ())

    def take_bulk(self) -> None:
        """Load the rows (and their sync rows) inserted in bulk since this state was used,
        so that it holds all of the walk's rows again. Their versions are known already."""
        ids, self.bulk_ids = self.bulk_ids, []
        model: Any = self.spec.model
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            query = select(model).where(model.id.in_(chunk))
            if self.spec.has_tags:
                query = query.options(selectinload(m.Note.look_fors))
            self.rows.update((r.id, r) for r in self.session.scalars(query))
            self.sync.update((r.row_id, r) for r in self.session.scalars(
                select(m.SyncRow).where(m.SyncRow.entity == self.spec.name,
                                        m.SyncRow.row_id.in_(chunk))))

    def tags(self, row: Any) -> list[str]:
        """All the note's tags, shown or stale (see `m.Note.stale_look_for_ids`): the
        content its version covers, whichever look-fors exist here."""
        return [t.id for t in row.look_fors] + row.stale_tags if self.spec.has_tags else []

    def content(self, row: Any) -> dict[str, Any]:
        return content_of(self.spec, row, self.tags(row))

    def add_node(self, node: Node) -> None:
        if node.id in self.nodes:
            return
        self.nodes[node.id] = node
        self.session.add(m.SyncVersion(id=node.id, walk_id=self.walk_id,
                                       entity=self.spec.name, family_id=node.family,
                                       lane_id=node.lane, parents=" ".join(node.parents)))

    def set_sync(self, row_id: str, version: str, revision: int, *,
                 partly_known: bool = False) -> None:
        """The row shows `version`, at `revision`. `partly_known`: the version's content
        held fields this walkapp does not store, so the row's content no longer hashes to
        it; the base revision is kept as `-1 - revision` to say so (see `commit_dirty`)."""
        if partly_known:
            revision = _partly_known(revision)
        current = self.sync.get(row_id)
        if current is None:
            current = m.SyncRow(entity=self.spec.name, row_id=row_id, walk_id=self.walk_id,
                                version_id=version, base_revision=revision)
            self.session.add(current)
            self.sync[row_id] = current
        else:
            current.version_id, current.base_revision = version, revision

    def version_of(self, row_id: str) -> Node | None:
        entry = self.sync.get(row_id)
        return self.nodes.get(entry.version_id) if entry is not None else None

    def commit_dirty(self, *, for_export: bool = False,
                     contents: dict[str, dict[str, Any]] | None = None) -> int:
        """Record rows edited here since the last merge (or never merged) as versions.

        `for_export`: also rows showing a version whose content held fields this walkapp
        does not know. A notes file must carry each item's content with the id that hashes
        it, and those fields were not stored: such a row travels as a new version of its
        own (the later writer's version its parent). Merging alone leaves them as they are,
        so that the walker's next edit of the note replaces it instead of conflicting.
        `contents`, if given, receives the content of each row versioned (row id → content),
        so that a caller about to write them need not work them out again.

        A sync row whose row is gone is a conflict copy resolved away here
        (`walkapp.services.conflicts`): its version is one more parent of the family row's
        new version, so the resolution replaces every version it settled, on every laptop
        that receives it."""
        settled: dict[str, list[str]] = {}
        for row_id, gone in self.sync.items():
            node = self.nodes.get(gone.version_id)
            if row_id not in self.rows and node is not None:
                settled.setdefault(node.family, []).append(row_id)
        new_nodes: list[dict[str, Any]] = []
        new_sync: list[dict[str, Any]] = []
        made = 0
        for row in self.rows.values():
            entry = self.sync.get(row.id)
            node = self.version_of(row.id)
            if node is not None and entry is not None and (
                    row.revision == entry.base_revision
                    or (not for_export and _partly_known(row.revision) == entry.base_revision)):
                continue
            parents: tuple[str, ...]
            if node is None:
                family, parents = row.id, ()
            else:
                family, parents = node.family, (node.id,)
                if row.id == family and family in settled:
                    copies = settled.pop(family)
                    parents = tuple(sorted({node.id, *(self.sync[r].version_id
                                                       for r in copies)}))
                    for row_id in copies:
                        self.session.delete(self.sync.pop(row_id))
            content = self.content(row)
            if contents is not None:
                contents[row.id] = content
            vid = version_id(self.spec, self.walk_id, family, row.id, parents, content)
            if vid not in self.nodes:
                self.nodes[vid] = Node(vid, family, row.id, parents)
                new_nodes.append({"id": vid, "walk_id": self.walk_id, "entity": self.spec.name,
                                  "family_id": family, "lane_id": row.id,
                                  "parents": " ".join(parents)})
            if entry is None:
                new_sync.append({"entity": self.spec.name, "row_id": row.id,
                                 "walk_id": self.walk_id, "version_id": vid,
                                 "base_revision": row.revision})
            else:
                entry.version_id, entry.base_revision = vid, row.revision
            made += 1
        if made:
            self.session.flush()
            # New version and sync rows go in as bulk inserts: a walker's first notes file
            # of a 100,000-note walk makes 200,000 of them, which one at a time through the
            # ORM took most of the export. The sync rows are then loaded as ORM objects
            # (much cheaper than making them), since merging updates and deletes them.
            if new_nodes:
                self.session.execute(insert(m.SyncVersion), new_nodes)
            if new_sync:
                self.session.execute(insert(m.SyncRow), new_sync)
                for entry in self.session.scalars(select(m.SyncRow).where(
                        m.SyncRow.walk_id == self.walk_id,
                        m.SyncRow.entity == self.spec.name)):
                    self.sync.setdefault(entry.row_id, entry)
        return made

    def family_rows(self) -> dict[str, list[str]]:
        """Row ids of each family, as materialised now."""
        families: dict[str, list[str]] = {}
        for row_id in self.rows:
            node = self.version_of(row_id)
            if node is not None:
                families.setdefault(node.family, []).append(row_id)
        return families
