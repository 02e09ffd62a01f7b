"""How a note is named without a screen: a visit by its number, a stem by its key, a
look-for by its number or words, a person by name, a note by the start of its id.

What `walkapp note` and a script's calls into walkapp.services.headless_notes are given
is typed by a person; each lookup here either finds exactly one thing or says what there
is to choose from (the walk's visits, its protocol's stems, its look-fors, its roster).
Reads only; the writes are in walkapp.services.headless_notes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import select

from walkapp import domain as d
from walkapp.errors import AmbiguousError, NotFoundError, ValidationError
from walkapp.formatting import tr
from walkapp.protocol.schema import Protocol, StemSpec
from walkapp.services import Services
from walkapp.services.plan import name_key
from walkapp.storage import models as m

# A note named by the start of its id needs this many characters (as a walk's id does).
MIN_ID_CHARS = 4


def on_walkers_laptop(walk: d.Walk) -> bool:
    """The walk was opened from a walk kit on this laptop: it is that walker's (walker
    mode, as the desktop app tells it: `Walk.local_mode` and `local_participant_id`)."""
    return walk.local_mode is d.LocalMode.WALKER and walk.local_participant_id is not None


def _names(people: Iterable[d.Participant]) -> str:
    return ", ".join(p.display_name for p in people) or tr("nobody yet")


def author(walk: d.Walk, key: str | None) -> d.Participant:
    """Whom a new note is written as. On a walker's laptop: the walker whose kit opened the
    walk, and nobody else. On the facilitator's: the person named (a walker or a
    facilitator on the roster, by name or id), else — like the app's "Write as" — the
    first facilitator, else the first walker."""
    people = [*walk.facilitators, *walk.walkers]
    if on_walkers_laptop(walk):
        mine = walk.participant(walk.local_participant_id)
        if mine is None:
            raise NotFoundError(tr("The walker this laptop writes as is no longer on the walk's "
                                   "roster; open a newer walk kit."))
        if key is not None and not _is(mine, key):
            raise ValidationError(tr("On this laptop notes are written as {name}, whose walk kit "
                                     "opened “{title}”; they cannot be written as someone "
                                     "else.").format(name=mine.display_name, title=walk.title))
        return mine
    if not people:
        raise ValidationError(tr("“{title}” has nobody on its roster yet. Add people to the "
                                 "roster (Plan → Roster and groups) to take notes.").format(
                                  title=walk.title))
    if key is None:
        return people[0]
    found = [p for p in people if _is(p, key)]
    if len(found) != 1:
        raise NotFoundError(tr("Nobody called {key!r} is on the roster of “{title}”. On it: "
                               "{names}.").format(key=key, title=walk.title,
                                                   names=_names(people)))
    return found[0]


def _is(person: d.Participant, key: str) -> bool:
    wanted = key.strip()
    return person.id == wanted.lower() or name_key(person.display_name) == name_key(wanted)


def visit(walk: d.Walk, number: int | str) -> d.Visit:
    """A visit on the walk's route by its number (what the app shows: "Visit 2")."""
    text = str(number).strip()
    route = walk.visits
    if not route:
        raise ValidationError(tr("“{title}” has no visits yet. Add them to the route in the "
                                 "plan first.").format(title=walk.title))
    if not text.isdecimal() or not 1 <= int(text) <= len(route):
        raise NotFoundError(tr("There is no visit {number} on “{title}”: its visits are "
                               "numbered 1 to {count}.").format(
                                number=text, title=walk.title, count=len(route)))
    return route[int(text) - 1]


def stem(protocol: Protocol, key: str | None) -> StemSpec:
    """One of the stems the walk's protocol offers, by its key ("noticed", "wonder", a
    protocol's own "warm") or its label ("I wonder"); None: the first, as in the app."""
    specs = protocol.stems
    if key is None:
        if not specs:
            raise ValidationError(tr("The walk's protocol offers no note stems."))
        return specs[0]
    wanted = name_key(key)
    found = [s for s in specs if s.stem_key == key.strip() or name_key(s.label) == wanted]
    if not found:
        offered = ", ".join(f"{s.stem_key} ({s.label})" for s in specs)
        raise NotFoundError(tr("The walk's protocol has no stem {key!r}. Its stems: "
                               "{offered}.").format(key=key, offered=offered))
    return found[0]


def look_fors(walk: d.Walk, keys: Sequence[str]) -> tuple[str, ...]:
    """The walk's look-fors named in `keys` (each by its number, its id, its words or an
    unambiguous start of them), in the walk's order, each once."""
    chosen: list[str] = []
    for key in keys:
        found = _look_for(walk, key)
        if found.id not in chosen:
            chosen.append(found.id)
    order = [lf.id for lf in walk.look_fors]
    return tuple(sorted(chosen, key=order.index))


def _look_for(walk: d.Walk, key: str) -> d.LookFor:
    wanted = key.strip()
    items = walk.look_fors
    listing = "; ".join(f"{lf.position}. {lf.text}" for lf in items) or tr("none")
    if wanted.isdecimal():
        found = [lf for lf in items if lf.position == int(wanted)]
    else:
        folded = name_key(wanted)
        found = ([lf for lf in items if lf.id == wanted.lower()]
                 or [lf for lf in items if name_key(lf.text) == folded]
                 or [lf for lf in items if folded and name_key(lf.text).startswith(folded)])
    if len(found) > 1:
        raise AmbiguousError(tr("{key!r} could be more than one look-for of “{title}”; give "
                                "its number. Its look-fors: {listing}.").format(
                                 key=key, title=walk.title, listing=listing))
    if not found:
        raise NotFoundError(tr("“{title}” has no look-for {key!r}. Its look-fors: "
                               "{listing}.").format(key=key, title=walk.title, listing=listing))
    return found[0]


def new_note_id(value: str) -> str:
    """A note id a script chose (the app picks a UUID before the first keystroke)."""
    try:
        return str(uuid.UUID(value.strip()))
    except ValueError:
        raise ValidationError(tr("{value!r} is not a note id: a note id is a UUID, such as "
                                 "{example}.").format(value=value,
                                                      example=str(uuid.UUID(int=0)))
                              ) from None


def note(services: Services, key: str) -> d.Note:
    """The live note whose id is `key` or starts with it (at least MIN_ID_CHARS
    characters), on a walk that is not in the Trash; an answer to the visit form is not a
    note here (the app changes it in the visit form)."""
    wanted = key.strip().lower()
    if len(wanted) < MIN_ID_CHARS:
        raise ValidationError(tr("Give at least {count} characters of the note's id (`walkapp "
                                 "note list --walk WALK` shows them).").format(
                                  count=MIN_ID_CHARS))
    # The ids starting with `wanted`: a range of the primary key, read off its index.
    upper = wanted[:-1] + chr(ord(wanted[-1]) + 1)
    with services.db.transaction() as session:
        rows = session.execute(
            select(m.Note.id, m.Note.walk_id, m.Note.deleted_at, m.Note.form_key)
            .where(m.Note.id >= wanted, m.Note.id < upper).limit(20)).all()
    exact = [r for r in rows if r.id == wanted]
    rows = exact or rows
    live = [r for r in rows if r.deleted_at is None]
    if not live:
        if rows:
            raise NotFoundError(tr("The note {id} was deleted.").format(id=rows[0].id[:8]))
        raise NotFoundError(tr("No note has an id starting with {key!r}. `walkapp note list "
                               "--walk WALK` shows the notes' ids.").format(key=key))
    if len(live) > 1:
        ids = ", ".join(r.id for r in live[:5])
        raise AmbiguousError(tr("{key!r} is the start of more than one note's id ({ids}); give "
                                "more of it.").format(key=key, ids=ids))
    row = live[0]
    services.walks.get_walk(row.walk_id)  # a walk in the Trash says so
    if row.form_key is not None:
        raise ValidationError(tr("The note {id} is an answer to the visit form; change it in "
                                 "the visit form.").format(id=row.id[:8]))
    return services.notes.get_note(row.id)
