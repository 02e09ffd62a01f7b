"""Which laptops sent notes for which walker: a warning when two laptops claim one walker.

An "any walker" kit lets whoever opens it choose a name, so two people can choose the same
one (or one person can open the kit on two laptops). Their notes files then both say they
come from that walker; the merge keeps every note of both (they are different notes), but
the facilitator must hear about it. Each database has a random device id (in `app_meta`),
written into every notes file it makes; an import remembers, per walk and walker, the
devices it has taken notes files from, and warns when a file comes from another one than
the first — in the same import or against an earlier one. Files from before device ids
were written are compared by their histories instead: a laptop's later file holds every
version of its earlier one, so two files neither of which holds the other's come from two
laptops.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from walkapp import formatting as fmt
from walkapp.storage import models as m

DEVICE_KEY = "device_id"


def device_id(session: Session) -> str:
    """This database's device id, made the first time it is asked for."""
    row = session.get(m.AppMeta, DEVICE_KEY)
    if row is None:
        row = m.AppMeta(key=DEVICE_KEY, value=str(uuid.uuid4()))
        session.add(row)
        session.flush()
    return row.value


def _key(walk_id: str, walker_id: str) -> str:
    # app_meta keys are short: a digest of the pair, not the pair.
    digest = hashlib.sha256(f"{walk_id}:{walker_id}".encode("ascii")).hexdigest()
    return f"walker-devices:{digest[:40]}"


@dataclass
class _Seen:
    device: str | None
    file_name: str
    versions: frozenset[str]


@dataclass
class Claims:
    """The devices seen for each walker during one import (and before it)."""

    session: Session
    earlier: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    now: dict[tuple[str, str], list[_Seen]] = field(default_factory=dict)

    def _earlier(self, walk_id: str, walker_id: str) -> list[str]:
        pair = (walk_id, walker_id)
        if pair not in self.earlier:
            row = self.session.get(m.AppMeta, _key(walk_id, walker_id))
            try:
                loaded = json.loads(row.value) if row is not None else []
            except ValueError:  # a damaged entry: start again rather than fail an import
                loaded = []
            self.earlier[pair] = [d for d in loaded if isinstance(d, str)]
        return self.earlier[pair]

    def check(self, walk_id: str, walker_id: str, walker_name: str, device: str | None,
              file_name: str, versions: frozenset[str]) -> str | None:
        """Record this file; a warning if another laptop already claimed this walker."""
        earlier = self._earlier(walk_id, walker_id)
        seen = self.now.setdefault((walk_id, walker_id), [])
        other: str | None = None
        for before in seen:
            if device is not None and before.device is not None:
                if before.device != device:
                    other = before.file_name
            elif not (before.versions <= versions or versions <= before.versions):
                other = before.file_name
            if other is not None:
                break
        seen.append(_Seen(device, file_name, versions))
        # The first laptop that sent this walker's notes is theirs; a file from any other
        # is warned about each time, even once its notes are in.
        if other is None and device is not None and earlier and device != earlier[0]:
            other = ""
        if device is not None and device not in earlier:
            earlier.append(device)
            self._save(walk_id, walker_id, earlier)
        if other is None:
            return None
        where = (fmt.tr("{file}, in this import").format(file=other) if other
                 else fmt.tr("a file from another laptop imported before"))
        return fmt.tr("Notes for {name} came from two laptops ({where}). All notes of both "
                      "were kept, all under {name}. If {name} simply changed laptops, nothing "
                      "needs doing. If two people chose the same name from an “any walker” "
                      "kit, ask who wrote which: add the second person to the roster and give "
                      "them a walk kit of their own for the rest of the walk, and delete any "
                      "note here that is not {name}'s.").format(name=walker_name, where=where)

    def _save(self, walk_id: str, walker_id: str, devices: list[str]) -> None:
        key = _key(walk_id, walker_id)
        row = self.session.get(m.AppMeta, key)
        value = json.dumps(devices[-50:])  # bounded, whatever arrives
        if row is None:
            self.session.add(m.AppMeta(key=key, value=value))
        else:
            row.value = value
