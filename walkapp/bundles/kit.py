"""Walk kits (facilitator → walker): the walk plan, as the walk's privacy settings allow.

A kit carries the protocol snapshot, focus, look-fors, norms, route of visits, roster and
groups, with the same ids as on the facilitator's laptop, and the walker it is for (or
none: "any walker" picks their name when opening it). Each visit detail declared in
`walkapp.visit_fields` travels only as far as `walkapp.privacy` lets it (teacher names only
when the walk shows them; room, grade and subject only when it includes visit details).
A role given to a walker at planning (protocol format version 2) travels with them in
optional fields: its key, title and instructions and what it is about for them
(docs/file-formats.md).
Opening a kit creates the walk in walker mode; opening it again updates the plan and never
makes a second copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp import visit_fields as vf
from walkapp.bundles import format as f
from walkapp.bundles import schema as s
from walkapp.bundles import trust
from walkapp.bundles.errors import BundleError, WalkerChoiceNeededError
from walkapp.privacy import visit_values
from walkapp.protocol import choices as plan_choices
from walkapp.protocol import roles as walk_roles
from walkapp.protocol.schema import Protocol
from walkapp.services.plan import name_key, protocol_of_walk
from walkapp.services.walks import load_walk
from walkapp.storage import models as m

WALK_FIELDS = ("title", "school", "focus", "language", "protocol_id", "protocol_version",
               "protocol_hash", "protocol_snapshot", "status", "current_phase",
               "visit_minutes", "corridor_minutes", "show_teacher_names",
               "attribute_commitments", "include_visit_details", "sign_thank_you_with_names",
               "plan_choices")
# Keys a kit may lack (written before they were added, still format version 1), with what
# their absence means: the safe choice.
OPTIONAL_WALK_FIELDS = {"sign_thank_you_with_names": False}
# A walk whose protocol is format version 2 (or whose visits are longer than version 1
# allows) travels the version 1 way too, so that an older walkapp still opens its kit:
# `protocol_snapshot` is walkapp.protocol.compat's rendering, and the full protocol and
# the real visit length ride beside it in keys older readers skip.
FULL_SNAPSHOT, FULL_HASH, LONG_VISIT = "protocol_snapshot_v2", "protocol_hash_v2", \
    "long_visit_minutes"


def _role_fields(protocol: Protocol | None, person: m.Participant) -> dict[str, Any]:
    """The role given to `person` at planning, in words the walker's laptop can show without
    the protocol (its key, title and instructions) and what it is about for them; nothing for
    someone without a role, so a kit of a walk without roles is what version 1 wrote."""
    if protocol is None or not person.protocol_role:
        return {}
    given = walk_roles.given_role(protocol, person.protocol_role, person.role_detail or "")
    if given is None:
        return {}
    out: dict[str, Any] = {"protocol_role": {"key": given.key, "title": given.title,
                                             "instructions": given.instructions}}
    if given.detail:
        out["role_detail"] = given.detail
    return out


def _role_of(r: dict[str, Any], at: str) -> tuple[str | None, str, dict[str, str] | None]:
    """(key, detail, words) of a kit participant's role; (None, "", None) without one (a
    version 1 kit, or a walker given no role: opening the kit takes a role away)."""
    raw = r.get("protocol_role")
    detail = s.text(r, "role_detail", at, walk_roles.MAX_DETAIL_CHARS, optional=True) or ""
    if raw is None:
        return None, "", None
    role = s.obj(raw, f"{at}: “protocol_role”")
    where = fmt.tr("{where}, role").format(where=at)
    key = s.text(role, "key", where, walk_roles.MAX_ROLE_KEY_CHARS, required=True)
    words = {"title": s.text(role, "title", where, 300, required=True),
             "instructions": s.text(role, "instructions", where, 20_000)}
    return key, detail, words


def build_kit_payload(session: Session, walk_id: str, walker_id: str | None
                      ) -> tuple[dict[str, Any], dict[str, Any]]:
    walk = load_walk(session, walk_id)
    if walk.local_mode == d.LocalMode.WALKER.value:
        raise BundleError(fmt.tr("This laptop holds a walker's copy of the walk; walk kits are "
                                 "made on the facilitator's laptop."))
    walker = next((p for p in walk.participants if p.id == walker_id), None)
    if walker_id is not None and (walker is None or walker.role != d.Role.WALKER.value):
        raise BundleError(fmt.tr("That walker is not on this walk's roster."))
    # Read only for a walk with roles given: a kit of any other walk is made as before.
    protocol = (protocol_of_walk(walk) if any(p.protocol_role for p in walk.participants)
                else None)
    plan = {
        "walk": _for_older_readers({"id": walk.id, "walk_date": walk.walk_date.isoformat(),
                                    **{key: getattr(walk, key) for key in WALK_FIELDS}}),
        "participants": [{"id": p.id, "display_name": p.display_name, "role": p.role,
                          "group_id": p.group_id, "position": p.position,
                          **_role_fields(protocol, p)}
                         for p in walk.participants],
        "groups": [{"id": g.id, "name": g.name, "position": g.position} for g in walk.groups],
        # Every declared visit field, each only as far as the walk's settings let it out; a
        # kit is a paper of the day, so it carries the route's rooms (walkapp.privacy).
        "visits": [{"id": v.id, "position": v.position, **visit_values(v, walk, day=True)}
                   for v in walk.visits if v.deleted_at is None],  # not removed ones
        "look_fors": [{"id": x.id, "position": x.position, "text": x.text,
                       "description": x.description} for x in walk.look_fors],
        "norms": [{"id": n.id, "position": n.position, "text": n.text, "agreed": n.agreed}
                  for n in walk.norms],
        "for_walker_id": walker_id,
    }
    # The walker's secret seals their notes files (walkapp.bundles.trust). A kit for one
    # walker carries only theirs; an "any walker" kit carries the walk's kit secret, from
    # which the walker's laptop derives the secret of the name chosen.
    secret = trust.kit_secret(session, walk.id, create=True)
    assert secret is not None
    if walker_id is None:
        plan["kit_secret"] = secret
    else:
        plan["walker_secret"] = trust.walker_secret(secret, walk.id, walker_id)
    header = {"walk_id": walk.id, "walk_title": walk.title,
              "walk_date": walk.walk_date.isoformat(), "for_walker_id": walker_id,
              "for_walker_name": walker.display_name if walker else None,
              "created_at": f.format_time(datetime.now(UTC))}
    return header, {"walk.json": plan}


@dataclass(frozen=True)
class KitPlan:
    """A checked kit: the plan as plain dicts, ready to write."""

    walk: dict[str, Any]
    participants: list[dict[str, Any]]
    groups: list[dict[str, Any]]
    visits: list[dict[str, Any]]
    look_fors: list[dict[str, Any]]
    norms: list[dict[str, Any]]
    for_walker_id: str | None
    # The secret of the walker the kit is for, or the kit secret of an "any walker" kit;
    # None in a kit from before walkers were authenticated (its notes files are refused).
    walker_secret: str | None = None
    kit_secret: str | None = None
    # Each participant's role's words as the facilitator's laptop wrote them (participant
    # id → title, instructions): version 2's optional fields. The laptop shows the walk's
    # protocol's own words (the same, from its snapshot); these say it inside the kit too.
    role_words: dict[str, dict[str, str]] = field(default_factory=dict)

    def secret_of(self, walker_id: str) -> str | None:
        if self.walker_secret is not None and walker_id == self.for_walker_id:
            return self.walker_secret
        if self.kit_secret is not None:
            return trust.walker_secret(self.kit_secret, self.walk["id"], walker_id)
        return None

    @property
    def walkers(self) -> list[dict[str, Any]]:
        return [p for p in self.participants if p["role"] == d.Role.WALKER.value]

    def walker_names(self) -> tuple[str, ...]:
        return tuple(p["display_name"] for p in self.walkers)


def _rows(plan: dict[str, Any], key: str, check: Any, limit: int = 500) -> list[dict[str, Any]]:
    result = []
    for index, raw in enumerate(s.items(plan.get(key), f"walk.json: {key}", limit)):
        where = f"walk.json, {key} {index + 1}"
        result.append(check(s.obj(raw, where), where))
    if len({r["id"] for r in result}) != len(result):
        raise s.damaged(f"walk.json: {key}", fmt.tr("the same id appears twice"))
    return result


def _for_older_readers(walk: dict[str, Any]) -> dict[str, Any]:
    """The kit's walk, readable by a version 1 walkapp (see FULL_SNAPSHOT)."""
    from walkapp.protocol.compat import for_version_1
    from walkapp.protocol.errors import ProtocolError
    from walkapp.protocol.schema import VISIT_MINUTES_MAX_V1
    from walkapp.protocol.snapshot import from_snapshot, to_snapshot

    snapshot = walk["protocol_snapshot"] or ""
    if '"schema_version":1' not in snapshot and snapshot.strip():
        try:
            protocol = from_snapshot(snapshot)
        except ProtocolError:
            protocol = None  # sent as it is; the walker's walkapp says what is wrong
        if protocol is not None and protocol.schema_version > 1:
            walk[FULL_SNAPSHOT], walk[FULL_HASH] = snapshot, walk["protocol_hash"]
            walk["protocol_snapshot"], walk["protocol_hash"] = to_snapshot(
                for_version_1(protocol))
    if walk["visit_minutes"] > VISIT_MINUTES_MAX_V1:
        walk[LONG_VISIT] = walk["visit_minutes"]
        walk["visit_minutes"] = VISIT_MINUTES_MAX_V1
    return walk


def _full_protocol(w: dict[str, Any], walk: dict[str, Any], at: str) -> None:
    """A newer kit's full protocol and real visit length, where it has them."""
    from walkapp.protocol.schema import VISIT_MINUTES_MAX, VISIT_MINUTES_MAX_V1
    from walkapp.protocol.snapshot import content_hash

    full = s.text(w, FULL_SNAPSHOT, at, 2_000_000, optional=True)
    if full is not None:
        full_hash = s.text(w, FULL_HASH, at, 80, required=True)
        if content_hash(full) != full_hash:
            raise s.damaged(at, fmt.tr("“{key}” does not match its fingerprint").format(
                key=FULL_SNAPSHOT))
        walk["protocol_snapshot"], walk["protocol_hash"] = full, full_hash
    long_visit = s.integer(w, LONG_VISIT, at, VISIT_MINUTES_MAX_V1 + 1, VISIT_MINUTES_MAX,
                           optional=True)
    if long_visit is not None:
        walk["visit_minutes"] = long_visit


def parse_kit(members: dict[str, Any]) -> KitPlan:
    plan = s.obj(members["walk.json"], "walk.json")
    w = s.obj(plan.get("walk"), "walk.json: walk")
    at = "walk.json: walk"
    walk = {"id": s.uid(w, "id", at), "walk_date": s.day(w, "walk_date", at),
            "title": s.text(w, "title", at, 300, required=True),
            "school": s.text(w, "school", at, 300, optional=True),
            "focus": s.text(w, "focus", at, 20_000),
            "language": s.text(w, "language", at, 16, required=True),
            "protocol_id": s.text(w, "protocol_id", at, 100),
            "protocol_version": s.text(w, "protocol_version", at, 40),
            "protocol_hash": s.text(w, "protocol_hash", at, 80),
            "protocol_snapshot": s.text(w, "protocol_snapshot", at, 2_000_000),
            "status": s.choice(w, "status", at, tuple(x.value for x in d.WalkStatus)),
            "current_phase": s.text(w, "current_phase", at, 40, required=True),
            "visit_minutes": s.integer(w, "visit_minutes", at, 1, 60),
            "corridor_minutes": s.integer(w, "corridor_minutes", at, 0, 30),
            "show_teacher_names": s.boolean(w, "show_teacher_names", at),
            "attribute_commitments": s.boolean(w, "attribute_commitments", at),
            "include_visit_details": s.boolean(w, "include_visit_details", at),
            **{key: s.boolean(w, key, at, missing=missing)
               for key, missing in OPTIONAL_WALK_FIELDS.items()},
            # Optional (added within version 1; older readers skip it): the steps and
            # variants chosen at planning, read forgivingly (walkapp.protocol.choices).
            "plan_choices": plan_choices.dump(plan_choices.read(
                s.text(w, "plan_choices", at, 100_000, optional=True)))}
    _full_protocol(w, walk, at)
    groups = _rows(plan, "groups", lambda r, at: {
        "id": s.uid(r, "id", at), "name": s.text(r, "name", at, 200, required=True),
        "position": s.integer(r, "position", at, 0, 10_000)})
    group_ids = {g["id"] for g in groups}
    roles = tuple(x.value for x in d.Role)
    role_words: dict[str, dict[str, str]] = {}

    def participant(r: dict[str, Any], at: str) -> dict[str, Any]:
        row = {"id": s.uid(r, "id", at),
               "display_name": s.text(r, "display_name", at, 200, required=True),
               "role": s.choice(r, "role", at, roles),
               "group_id": s.uid(r, "group_id", at, optional=True),
               "position": s.integer(r, "position", at, 0, 10_000)}
        if row["group_id"] is not None and row["group_id"] not in group_ids:
            raise s.damaged(at, fmt.tr("“{key}” names a group that is not in the kit").format(
                key="group_id"))
        row["protocol_role"], row["role_detail"], words = _role_of(r, at)
        if words is not None:
            role_words[row["id"]] = words
        return row

    participants = _rows(plan, "participants", participant)
    visits = _rows(plan, "visits", lambda r, at: {
        "id": s.uid(r, "id", at), "position": s.integer(r, "position", at, 0, 10_000),
        **{f.name: s.text(r, f.name, at, f.max_chars, optional=True)
           for f in vf.VISIT_FIELDS}})
    look_fors = _rows(plan, "look_fors", lambda r, at: {
        "id": s.uid(r, "id", at), "position": s.integer(r, "position", at, 0, 10_000),
        "text": s.text(r, "text", at, 500, required=True),
        "description": s.text(r, "description", at, 5000)})
    norms = _rows(plan, "norms", lambda r, at: {
        "id": s.uid(r, "id", at), "position": s.integer(r, "position", at, 0, 10_000),
        "text": s.text(r, "text", at, 1000, required=True),
        "agreed": s.boolean(r, "agreed", at)})
    for_walker = s.uid(plan, "for_walker_id", "walk.json", optional=True)
    if for_walker is not None and for_walker not in {p["id"] for p in participants}:
        raise s.damaged("walk.json", fmt.tr("the kit is for a walker who is not on its roster"))
    walker_secret, kit_secret = plan.get("walker_secret"), plan.get("kit_secret")
    for key, value in (("walker_secret", walker_secret), ("kit_secret", kit_secret)):
        if value is not None and not trust.is_secret(value):
            raise s.damaged("walk.json", fmt.tr("“{key}” should be 64 hexadecimal digits"
                                                ).format(key=key))
    if walker_secret is not None and for_walker is None:
        raise s.damaged("walk.json", fmt.tr("a walker's secret is in a kit for any walker"))
    if kit_secret is not None and for_walker is not None:
        raise s.damaged("walk.json", fmt.tr("a kit secret is in a kit for one walker"))
    return KitPlan(walk, participants, groups, visits, look_fors, norms, for_walker,
                   walker_secret, kit_secret, role_words)


def choose_walker(plan: KitPlan, walker: str | None) -> dict[str, Any]:
    """The walker opening the kit: the one it is for, or the one they name."""
    walkers = plan.walkers
    if plan.for_walker_id is not None:
        target = next(p for p in plan.participants if p["id"] == plan.for_walker_id)
        if walker and walker != target["id"] and \
                name_key(walker) != name_key(target["display_name"]):
            raise BundleError(fmt.tr("This kit is for {name}, not {walker}. Ask the "
                                     "facilitator for your own kit, or an “any walker” kit."
                                     ).format(name=target["display_name"], walker=walker))
        return target
    names = ", ".join(p["display_name"] for p in walkers)
    if not walker:
        raise WalkerChoiceNeededError(
            fmt.tr("This kit is for any walker on the roster: choose your name ({names})."
                   ).format(names=names), plan.walker_names())
    wanted = name_key(walker)
    found = [p for p in walkers if p["id"] == walker or name_key(p["display_name"]) == wanted]
    if len(found) != 1:
        raise WalkerChoiceNeededError(
            fmt.tr("{walker!r} is not a walker on this kit's roster. Choose one of: {names}."
                   ).format(walker=walker, names=names), plan.walker_names())
    return found[0]


def _upsert(session: Session, model: Any, walk_id: str, data: dict[str, Any]) -> Any:
    row = session.get(model, data["id"])
    if row is not None and row.walk_id != walk_id:
        raise BundleError(fmt.tr("The kit reuses an id that belongs to another walk on this "
                                 "laptop; it was refused."))
    if row is None:
        row = model(walk_id=walk_id, **data)
        session.add(row)
    else:
        for key, value in data.items():
            setattr(row, key, value)
    return row


def write_kit(session: Session, plan: KitPlan, walker: dict[str, Any]) -> bool:
    """Create or update the walk from the kit in walker mode. True if it was created."""
    walk_id = plan.walk["id"]
    row = session.get(m.Walk, walk_id)
    created = row is None
    if row is not None and row.trashed_at is not None:
        raise BundleError(fmt.tr("This laptop has the walk “{title}” in its Trash. Restore it "
                                 "first (Trash, below the list of walks, or `walkapp trash "
                                 "restore`), then open the kit again.").format(title=row.title))
    if row is not None:
        if row.local_mode != d.LocalMode.WALKER.value:
            raise BundleError(fmt.tr("This laptop holds the facilitator's copy of this walk. A "
                                     "walk kit is opened on a walker's own laptop."))
        if row.local_participant_id not in (None, walker["id"]):
            current = session.get(m.Participant, row.local_participant_id or "")
            if current is not None:
                raise BundleError(fmt.tr("This laptop already holds this walk for {name}; one "
                                         "laptop holds one walker's copy.").format(
                                             name=current.display_name))
            raise BundleError(fmt.tr("This laptop already holds this walk for another walker; "
                                     "one laptop holds one walker's copy."))
    fields = {k: v for k, v in plan.walk.items() if k not in ("id", "walk_date")}
    fields["walk_date"] = date.fromisoformat(plan.walk["walk_date"])
    if row is None:
        row = m.Walk(id=walk_id, **fields)
        session.add(row)
    else:
        for key, value in fields.items():
            setattr(row, key, value)
    row.local_mode = d.LocalMode.WALKER.value
    row.local_participant_id = walker["id"]
    session.flush()
    for group in plan.groups:
        _upsert(session, m.Group, walk_id, group)
    session.flush()
    for person in plan.participants:
        existing = session.get(m.Participant, person["id"])
        record = _upsert(session, m.Participant, walk_id, person)
        if existing is None:
            key = name_key(person["display_name"])
            link = session.scalars(select(m.Person).where(m.Person.name_key == key)
                                   .order_by(m.Person.created_at)).first()
            if link is None:
                link = m.Person(display_name=person["display_name"], name_key=key)
                session.add(link)
                session.flush()
            record.person_id = link.id
    for visit in plan.visits:
        # A visit in the kit is on the route, even if an older kit's copy was removed.
        _upsert(session, m.Visit, walk_id, visit).deleted_at = None
    if not created:
        # A visit an older kit had and this one has not was removed from the route: it
        # becomes a tombstone here too, and the notes written on it stay on it.
        in_kit = {v["id"] for v in plan.visits}
        for gone in session.scalars(select(m.Visit).where(m.Visit.walk_id == walk_id,
                                                          m.Visit.deleted_at.is_(None))):
            if gone.id not in in_kit:
                gone.deleted_at = datetime.now(UTC)
    for look_for in plan.look_fors:
        _upsert(session, m.LookFor, walk_id, look_for)
    for norm in plan.norms:
        _upsert(session, m.Norm, walk_id, norm)
    session.flush()
    secret = plan.secret_of(walker["id"])
    stored = session.get(m.WalkerKey, walk_id)
    if secret is not None:
        if stored is None:
            session.add(m.WalkerKey(walk_id=walk_id, participant_id=walker["id"],
                                    secret=secret))
        else:
            stored.participant_id, stored.secret = walker["id"], secret
        session.flush()
    return created
