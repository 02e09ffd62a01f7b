"""Commands about walks: demo, list, show, check.

What a command needs beyond argparse (the services, Babel's formatting, the domain) is
imported when it runs, so that `walkapp --help` does not load it.
"""

from __future__ import annotations

import argparse
from collections import Counter
from typing import TYPE_CHECKING, Any

from walkapp.cli.terminal import echo
from walkapp.jsonout import dumps, to_jsonable

if TYPE_CHECKING:
    from walkapp import domain as d
    from walkapp.cli.context import Context


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("demo", help="create a realistic sample walk to try walkapp")
    p.add_argument("--json", action="store_true", help="print the new walk as JSON")
    p.set_defaults(handler=cmd_demo, writes=True)

    p = subparsers.add_parser("list", help="list walks, newest first")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--search", default="", metavar="TEXT",
                   help="only walks whose title, focus or school contains TEXT")
    p.set_defaults(handler=cmd_list, writes=False)

    p = subparsers.add_parser("show", help="show one walk and what was recorded in it")
    p.add_argument("walk", metavar="WALK", help="walk id, or an unambiguous start of its title")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--history", metavar="NOTE_ID",
                   help="show one note's history instead: what its writer wrote before "
                        "someone else changed it")
    p.add_argument("--include-flagged", action="store_true",
                   help="with --json: give flagged notes too (set-aside ones never); "
                        "without it the JSON, like every record, holds them back. The "
                        "text view lists every note, each marked with its state")
    p.set_defaults(handler=cmd_show, writes=False)

    p = subparsers.add_parser("check", help="check the database's integrity")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_check, writes=False)


def cmd_demo(args: argparse.Namespace, context: Context) -> int:
    from walkapp.demo import create_demo_walk

    walk = create_demo_walk(context.services)
    if args.json:
        print(dumps({"id": walk.id, "title": walk.title}))
    else:
        echo(f"Created the sample walk “{walk.title}” ({walk.id}).")
        echo("Open the app with `walkapp`, or see it with "
             f"`walkapp show {walk.id[:8]}`.")
    return 0


def cmd_list(args: argparse.Namespace, context: Context) -> int:
    from walkapp import formatting as fmt

    walks = context.services.walks.list_walks(args.search)
    conflicts = context.services.conflicts.counts([w.id for w in walks])
    if args.json:
        print(dumps([{**to_jsonable(w), "conflicts": conflicts[w.id]} for w in walks]))
        return 0
    trashed = len(context.services.trash.list_trash())
    in_trash = (f"{trashed} walk{'' if trashed == 1 else 's'} in the Trash "
                "(`walkapp trash list`).") if trashed else ""
    if not walks:
        if args.search.strip():
            echo("No walk matches that text (in its title, focus or school)."
                 + (f" {in_trash}" if in_trash else ""))
        else:
            echo(f"No walks to show. {in_trash}" if in_trash else
                 "No walks yet. Create one in the app, or try `walkapp demo`.")
        return 0
    with fmt.one_locale():  # thousands of rows: the locale looked up once, not per value
        days = [fmt.short_date(w.walk_date) for w in walks]
        wide = max(len("DATE"), *(len(day) for day in days))
        echo(f"{'DATE':<{wide}}  {'STATUS':<8}  {'WALKERS':>7}  {'VISITS':>6}  {'NOTES':>5}  "
             f"{'ID':<8}  TITLE")
        for w, day in zip(walks, days, strict=True):
            echo(f"{day:<{wide}}  {w.status.value:<8}  {fmt.number(w.walker_count):>7}  "
                 f"{fmt.number(w.visit_count):>6}  {fmt.number(w.note_count):>5}  "
                 f"{w.id[:8]:<8}  {w.title}" + _conflict_mark(conflicts[w.id]))
    if in_trash:
        echo(in_trash)
    return 0


def _family_mark(item: d.Note | d.Commitment, sizes: Counter[str]) -> str:
    """After the first row of a family in conflict: how many versions wait to be chosen."""
    if item.conflict_of is not None or sizes[item.family] < 2:
        return ""
    return f"  [not yet resolved: {sizes[item.family]} versions]"


def _version_mark(item: d.Note | d.Commitment, sizes: Counter[str]) -> str:
    # A conflict copy is listed right after its family (services keep them together).
    return "  other version: " if item.conflict_of is not None else ""


def _conflict_mark(count: int) -> str:
    from walkapp import formatting as fmt

    return f"  [{fmt.plural(count, 'conflict', 'conflicts')}]" if count else ""


def cmd_show(args: argparse.Namespace, context: Context) -> int:
    from walkapp.privacy import redact_record

    services = context.services
    walk = services.walks.find_walk(args.walk)
    if getattr(args, "history", None):
        return _show_history(context, walk.id, args.history, args.json)
    # The walk's privacy settings apply to what is printed too (teacher names, rooms…).
    record = redact_record(services.records.walk_record(walk.id))
    conflicts = services.conflicts.count(walk.id)
    if args.json:
        print(dumps(_record_json(record, conflicts, args.include_flagged)))
        return 0
    from walkapp.services.protocol_walks import walk_protocol

    # The protocol by its title, from the walk's own snapshot (--json keeps the id).
    protocol = walk_protocol(services, walk.id).title if walk.protocol_id else ""
    _print_record(record, conflicts, protocol)
    return 0


def _record_json(record: d.WalkRecord, conflicts: int, include_flagged: bool
                 ) -> dict[str, Any]:
    """The walk as JSON, holding back what the records hold back (note_states.for_print):
    notes the nudge or the name caution flags and nobody kept (unless `include_flagged`),
    and set-aside notes; a note with no text, as in the records, is left out and not
    counted. Each note given says its state; `held_back` counts the others, without their
    text."""
    from walkapp import note_states

    statuses = note_states.record_statuses(record)
    printable = note_states.for_print(record, known=statuses,
                                      include_flagged=include_flagged)
    given = [{**to_jsonable(note), "state": (statuses[note.id].state if note.id in statuses
                                             else note_states.NoteState.IN_RECORD).value}
             for note in printable.notes]
    return {**to_jsonable(record), "notes": given, "conflicts": conflicts,
            "held_back": {"flagged": printable.flagged, "set_aside": printable.set_aside}}


def _show_history(context: Context, walk_id: str, note_id: str, as_json: bool) -> int:
    from walkapp import formatting as fmt
    from walkapp.events import Entity

    entries = context.services.history.history(walk_id, Entity.NOTE, note_id.strip())
    if as_json:
        print(dumps(entries))
        return 0
    for entry in entries:
        who = entry.author_name or "the facilitator"
        head = f"{fmt.moment(entry.written_at)} — {who}"
        if entry.current:
            head += " (shown now)"
        else:
            assert entry.changed_at is not None
            head += (f"; changed by {entry.changed_by_name or 'the facilitator'} on "
                     f"{fmt.moment(entry.changed_at)}")
        echo(head)
        echo(f"  {entry.text}")
    return 0


def _print_record(record: d.WalkRecord, conflicts: int = 0, protocol: str = "") -> None:
    from walkapp import formatting as fmt
    from walkapp import note_states

    # Each line through echo(): control characters in titles, names and notes (typed or
    # imported) are shown as visible escapes, a line break in a note as \n; --json keeps them.
    walk = record.walk
    out = echo
    out(walk.title)
    out("=" * min(len(walk.title), 78))
    out(f"Date: {fmt.long_date(walk.walk_date)}   Status: {walk.status.value}   "
        f"Protocol: {protocol or walk.protocol_id or '(none)'}   Id: {walk.id}")
    if walk.school:
        out(f"School: {walk.school}")
    if walk.focus:
        out(f"Focus: {walk.focus}")
    out(f"Privacy: {privacy_line(walk)}")
    if conflicts:
        out(f"Conflicts: {fmt.plural(conflicts, 'item was', 'items were')} changed on two "
            f"laptops and {'is' if conflicts == 1 else 'are'} not resolved yet; see "
            f"`walkapp conflicts {walk.id[:8]}`.")
    out()
    out(f"Walkers ({len(walk.walkers)}): "
        f"{', '.join(p.display_name for p in walk.walkers) or 'none yet'}")
    for g in walk.groups:
        warning = g.size_warning
        out(f"  {g.name}: {fmt.plural(len(g.member_ids), 'walker', 'walkers')}"
            + (f" — {warning}" if warning else ""))
    if walk.look_fors:
        out()
        out("Look-fors:")
        for lf in walk.look_fors:
            out(f"  {lf.position}. {lf.text}")
    if walk.norms:
        out()
        out("Norms:")
        for n in walk.norms:
            out(f"  [{'x' if n.agreed else ' '}] {n.text}")
    names = {p.id: p.display_name for p in walk.participants}
    tags = {lf.id: lf.text for lf in walk.look_fors}
    notes_of = Counter(n.family for n in record.notes)
    # Which notes the records leave out (walkapp.note_states), so that what `show` lists
    # and what `report` prints can be told apart.
    statuses = note_states.record_statuses(record)
    marks = {note_states.NoteState.SET_ASIDE: " [set aside: not in the record]",
             note_states.NoteState.FLAGGED: " [flagged: not in the record]",
             note_states.NoteState.KEPT: " [flagged, kept in the record]"}
    commitments_of = Counter(c.family for c in record.commitments)
    out()
    out(f"Visits ({len(walk.visits)}), notes ({len(notes_of)}):")
    on_visit = {n.visit_id for n in record.notes}
    # A removed visit is listed only for the notes still on it (they arrived, or were
    # written, on it before it left the route), under its own heading.
    for visit in [*walk.visits, *(v for v in walk.removed_visits if v.id in on_visit)]:
        details = visit.details(show_teacher=walk.show_teacher_names)
        out()
        out(f"  {visit.label}" + (f" — {details}" if details else ""))
        for note in (n for n in record.notes if n.visit_id == visit.id):
            tag_text = f" [{', '.join(tags[t] for t in note.look_for_ids)}]" \
                if note.look_for_ids else ""
            out(f"    {_version_mark(note, notes_of)}{note.stem.label}: {note.text}{tag_text} "
                f"— {names.get(note.author_id or '', '?')}{_family_mark(note, notes_of)}"
                f"{marks.get(statuses[note.id].state, '')}")
    if record.commitments:
        out()
        out("Commitments:")
        for c in record.commitments:
            out(f"  {_version_mark(c, commitments_of)}{names.get(c.participant_id, '?')}: "
                f"{c.text}{_family_mark(c, commitments_of)}")
    if record.action_items:
        out()
        out("Action items:")
        for a in record.action_items:
            due = fmt.short_date(a.due_date, "no date")
            out(f"  [{a.status.value}] {a.text} — {a.owner_name or 'no owner'}, due {due}")


def privacy_line(walk: d.Walk) -> str:
    """The walk's privacy settings in a line: what its reports show of people and rooms."""
    return "; ".join((
        "teacher names recorded" if walk.show_teacher_names else "no teacher names",
        "commitments named" if walk.attribute_commitments else "commitments without names",
        "thank-you notes signed with walkers' names" if walk.sign_thank_you_with_names
        else "thank-you notes signed by the group",
        "room, grade and subject in records" if walk.include_visit_details
        else "no room, grade or subject in records"))


def cmd_check(args: argparse.Namespace, context: Context) -> int:
    from walkapp import formatting as fmt

    services = context.services
    problems = services.db.integrity_check()
    # A damaged file may not even list its walks: then the problems are the whole answer.
    walks = None if problems else services.walks.list_walks()
    where = str(services.db.path or services.db.url)
    if args.json:
        print(dumps({"ok": not problems, "problems": problems,
                     "walks": None if walks is None else len(walks), "database": where}))
    elif problems:
        echo(f"The database at {where} has "
             f"{fmt.plural(len(problems), 'problem', 'problems')}:", err=True)
        for problem in problems[:20]:
            echo(f"  {problem}", err=True)
        echo("Restore a backup with `walkapp restore`.", err=True)
    else:
        echo(f"ok: {fmt.plural(len(walks or []), 'walk', 'walks')} in {where}")
    return 1 if problems else 0
