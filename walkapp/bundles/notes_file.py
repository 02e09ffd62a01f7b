"""Notes files (walker → facilitator): what goes in, and how one is checked on the way in.

A notes file holds one walker's notes (with look-for tags, revisions and tombstones),
reflections, commitments and feedback answers for one walk, each with the version graph
the merge needs (see `merge.py`). On a walker's own laptop, anonymous feedback written
there travels too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from walkapp import formatting as fmt
from walkapp.bundles import format as f
from walkapp.bundles import schema as s
from walkapp.bundles import trust
from walkapp.bundles.archive import Bundle
from walkapp.bundles.claims import device_id
from walkapp.bundles.errors import BundleError
from walkapp.bundles.merge import Incoming, parse_incoming
from walkapp.bundles.refs import KIND_OF
from walkapp.bundles.report import KIND_COUNTS, KIND_HEADINGS, Rejected
from walkapp.bundles.tally_part import TALLY_SECTION, tally_section
from walkapp.bundles.versions import ENTITIES, NOTE, TALLY, EntitySpec, LocalState
from walkapp.errors import WalkInTrashError
from walkapp.storage import models as m


@dataclass(frozen=True)
class NotesFile:
    """A checked notes file, ready to merge."""

    walk_id: str
    walk_title: str
    walker_id: str
    walker_name: str  # as the file says; replaced by the roster's name once it is checked
    parts: tuple[Incoming, ...]
    # The manifest as read, for checking its seal (`walkapp.bundles.trust`).
    manifest: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # The laptop (database) that wrote the file, if it says (files from before it did
    # not): two laptops that send notes for one walker are reported (see claims.py).
    device_id: str | None = None
    # An optional section that could not be taken (walkapp.bundles.tally_part), with why:
    # the rest of the file is imported, and the report says so.
    set_aside: tuple[Rejected, ...] = ()

    def version_ids(self) -> frozenset[str]:
        return frozenset(vid for part in self.parts for vid in part.nodes)

    @property
    def item_count(self) -> int:
        return sum(len(p.heads) for p in self.parts)


def build_notes_payload(session: Session, walk_id: str, walker_id: str
                        ) -> tuple[dict[str, Any], dict[str, Any], str]:
    """The manifest header and members of `walker_id`'s notes file for `walk_id`, and the
    walker's secret to seal it with.

    Records this laptop's unsent edits as versions first, so writing the file is itself a
    (small) write transaction.
    """
    walk = session.get(m.Walk, walk_id)
    walker = session.get(m.Participant, walker_id)
    if walk is None:
        raise BundleError(fmt.tr("That walk is not on this laptop."))
    if walk.trashed_at is not None:
        raise WalkInTrashError(walk.id, walk.title)
    if walker is None or walker.walk_id != walk_id:
        raise BundleError(fmt.tr("That walker is not on this walk's roster."))
    secret = trust.secret_for(session, walk, walker_id, create=True)
    if secret is None:
        raise BundleError(_no_secret(session, walk, walker))
    on_own_laptop = (walk.local_mode == "walker" and walk.local_participant_id == walker_id)
    authors: set[str | None] = {walker_id, None} if on_own_laptop else {walker_id}
    payloads: dict[str, Any] = {}
    counts: dict[str, int] = {}
    for spec in ENTITIES:
        payloads[spec.member] = part = _part(session, spec, walk_id, authors)
        counts[spec.name] = sum(1 for item in part["items"]
                                if item["content"]["deleted_at"] is None)
    # Counts and timers travel as a section of notes.json (readers from before them
    # ignore it), only when there are any: a walk without tallies writes what it always did.
    tallies = _part(session, TALLY, walk_id, authors)
    if tallies["items"]:
        payloads[NOTE.member][TALLY_SECTION] = tallies
    header = {"walk_id": walk_id, "walk_title": walk.title,
              "walk_date": walk.walk_date.isoformat(), "walker_id": walker_id,
              "walker_name": walker.display_name, "device_id": device_id(session),
              "created_at": f.format_time(datetime.now(UTC)), "counts": counts}
    return header, payloads, secret


def _part(session: Session, spec: EntitySpec, walk_id: str, authors: set[str | None]
          ) -> dict[str, Any]:
    """One entity's items (newest versions of the families `authors` own) and versions."""
    local = LocalState(session, spec, walk_id)
    fresh: dict[str, dict[str, Any]] = {}
    local.commit_dirty(for_export=True, contents=fresh)
    families = set()
    for row_id, row in local.rows.items():
        node = local.version_of(row_id)
        if node is not None and getattr(row, spec.author_field) in authors:
            families.add(node.family)
    chosen = [(row_id, row) for row_id, row in local.rows.items()
              if (node := local.version_of(row_id)) is not None and node.family in families]
    items: list[dict[str, Any]] = sorted(({"version": local.sync[row_id].version_id,
                                           "content": fresh.get(row_id) or local.content(row)}
                                          for row_id, row in chosen),
                                         key=lambda item: (item["content"]["created_at"],
                                                           item["version"]))
    versions = sorted((n.as_json() for n in local.nodes.values() if n.family in families),
                      key=lambda node: node["id"])
    _check_counts(spec, items, versions)
    return {"items": items, "versions": versions}


def _no_secret(session: Session, walk: m.Walk, walker: m.Participant) -> str:
    """Why this walker laptop cannot seal `walker`'s notes file."""
    holder = session.get(m.Participant, walk.local_participant_id or "")
    if holder is not None and holder.id != walker.id:
        return fmt.tr("This laptop holds {name}'s copy of “{title}”, so it can write only "
                      "{name}'s notes file.").format(name=holder.display_name,
                                                     title=walk.title)
    return fmt.tr("This laptop's copy of “{title}” came from a walk kit made by an older "
                  "walkapp, which carries no walker's secret, so a notes file written here "
                  "could not be checked. Ask the facilitator for a fresh walk kit, open it "
                  "here (your notes stay), then save your notes file again.").format(
                      title=walk.title)


def _check_counts(spec: EntitySpec, items: list[Any], versions: list[dict[str, Any]]) -> None:
    """Refuse to write what `parse_incoming` would refuse to read (its limits on counts)."""
    kind = KIND_OF[spec.name]
    if len(items) > f.MAX_ITEMS:
        raise BundleError(fmt.tr("This walker has {items} in this walk; a notes file holds at "
                                 "most {limit}. Delete ones that are not needed, then export "
                                 "again. Nothing was written.").format(
                                     items=KIND_COUNTS[kind](len(items)),
                                     limit=fmt.number(f.MAX_ITEMS)))
    if len(versions) > f.MAX_VERSIONS:
        raise BundleError(fmt.tr("The {kind} of this walker carry {count} versions; a notes "
                                 "file holds at most {limit}. Nothing was written.").format(
                                     kind=fmt.tr(KIND_HEADINGS[kind]),
                                     count=fmt.number(len(versions)),
                                     limit=fmt.number(f.MAX_VERSIONS)))
    if any(len(v["parents"]) > f.MAX_PARENTS for v in versions):
        one = fmt.tr(spec.words.one)
        raise BundleError(fmt.tr("{item} has a version that replaced more than {limit} "
                                 "others, more than a notes file can hold. Nothing was "
                                 "written.").format(item=one[:1].upper() + one[1:],
                                                    limit=f.MAX_PARENTS))


def parse_notes_bundle(bundle: Bundle) -> NotesFile:
    """Check a notes file's manifest and members; any damage refuses the whole file."""
    head = bundle.manifest
    at = fmt.tr("manifest")
    walk_id = s.uid(head, "walk_id", at)
    walker_id = s.uid(head, "walker_id", at)
    title = s.text(head, "walk_title", at, 300)
    name = s.text(head, "walker_name", at, 200)
    device = s.uid(head, "device_id", at, optional=True)
    parts = tuple(parse_incoming(spec, bundle.members[spec.member], walk_id)
                  for spec in ENTITIES)
    tallies = tally_section(bundle.members[NOTE.member], walk_id)
    set_aside: tuple[Rejected, ...] = ()
    if isinstance(tallies, Rejected):
        set_aside = (tallies,)
    elif tallies is not None:
        parts = (*parts, tallies)
    return NotesFile(walk_id=walk_id, walk_title=title, walker_id=walker_id,
                     walker_name=name, parts=parts, manifest=bundle.manifest,
                     device_id=device, set_aside=set_aside)
