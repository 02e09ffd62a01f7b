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
from walkapp.messages import N_, tr

if TYPE_CHECKING:
    from walkapp import domain as d
    from walkapp.cli.context import Context


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("demo", help=tr("create a realistic sample walk to try walkapp"))
    p.add_argument("--json", action="store_true", help=tr("print the new walk as JSON"))
    # Its own dest: the top-level --lang (the app's language) must not be overwritten.
    p.add_argument("--lang", choices=("en", "es"), default=None, dest="sample_language",
                   help=tr("the sample walk's language: its notes, its protocol and its "
                           "reports (default: walkapp's language if the sample is written "
                           "in it, else en)"))
    p.set_defaults(handler=cmd_demo, writes=True)

    p = subparsers.add_parser("list", help=tr("list walks, newest first"))
    p.add_argument("--json", action="store_true", help=tr("print JSON instead of a table"))
    p.add_argument("--search", default="", metavar="TEXT",
                   help=tr("only walks with a text that matches TEXT (as `walkapp search` "
                           "finds it)"))
    p.set_defaults(handler=cmd_list, writes=False)

    p = subparsers.add_parser("show", help=tr("show one walk and what was recorded in it"))
    p.add_argument("walk", metavar="WALK", help=tr("walk id, or an unambiguous start of its "
                                                   "title"))
    p.add_argument("--json", action="store_true", help=tr("print JSON"))
    p.add_argument("--history", metavar="NOTE_ID",
                   help=tr("show one note's history instead: what its writer wrote before "
                           "someone else changed it"))
    p.add_argument("--include-flagged", action="store_true",
                   help=tr("with --json: give flagged notes too (set-aside ones never); without "
                           "it the JSON, like every record, holds them back. The text view "
                           "lists every note, each marked with its state"))
    p.set_defaults(handler=cmd_show, writes=False)

    p = subparsers.add_parser("check", help=tr("check the database's integrity"))
    p.add_argument("--json", action="store_true", help=tr("print JSON"))
    p.set_defaults(handler=cmd_check, writes=False)


def cmd_demo(args: argparse.Namespace, context: Context) -> int:
    from walkapp import formatting as fmt
    from walkapp.demo import LANGUAGES, create_demo_walk

    language = args.sample_language or (fmt.language_code()
                                        if fmt.language_code() in LANGUAGES else "en")
    walk = create_demo_walk(context.services, language=language)
    if args.json:
        print(dumps({"id": walk.id, "title": walk.title}))
    else:
        echo(tr("Created the sample walk “{title}” ({id}).").format(title=walk.title, id=walk.id))
        echo(tr("Open the app with `walkapp`, or see it with `walkapp show {id}`.").format(
                 id=walk.id[:8]))
    return 0


def cmd_list(args: argparse.Namespace, context: Context) -> int:
    from walkapp import formatting as fmt

    walks = context.services.walks.list_walks(args.search)
    conflicts = context.services.conflicts.counts([w.id for w in walks])
    if args.json:
        print(dumps([{**to_jsonable(w), "conflicts": conflicts[w.id]} for w in walks]))
        return 0
    trashed = len(context.services.trash.list_trash())
    in_trash = fmt.plural(trashed, "{n} walk in the Trash (`walkapp trash list`).",
                          "{n} walks in the Trash (`walkapp trash list`).") if trashed else ""
    if not walks:
        if args.search.strip():
            echo(tr("No walk has a text that matches that.")
                 + (f" {in_trash}" if in_trash else ""))
        else:
            echo(tr("No walks to show.") + f" {in_trash}" if in_trash else
                 tr("No walks yet. Create one in the app, or try `walkapp demo`."))
        return 0
    with fmt.one_locale():  # thousands of rows: the locale looked up once, not per value
        days = [fmt.short_date(w.walk_date) for w in walks]
        # The column heads in the language in force; each column as wide as its head.
        heads = [tr("DATE"), tr("STATUS"), tr("WALKERS"), tr("VISITS"), tr("NOTES"), "ID",
                 tr("TITLE")]
        wide = max(len(heads[0]), *(len(day) for day in days))
        ws = [max(len(h), n) for h, n in zip(heads[1:6], (8, 7, 6, 5, 8), strict=True)]
        echo(f"{heads[0]:<{wide}}  {heads[1]:<{ws[0]}}  {heads[2]:>{ws[1]}}  "
             f"{heads[3]:>{ws[2]}}  {heads[4]:>{ws[3]}}  {heads[5]:<{ws[4]}}  {heads[6]}")
        from walkapp.domain import WalkStatus

        statuses = {s: tr(s.value) for s in WalkStatus}
        for w, day in zip(walks, days, strict=True):
            echo(f"{day:<{wide}}  {statuses.get(w.status, w.status.value):<{ws[0]}}  "
                 f"{fmt.number(w.walker_count):>{ws[1]}}  "
                 f"{fmt.number(w.visit_count):>{ws[2]}}  {fmt.number(w.note_count):>{ws[3]}}  "
                 f"{w.id[:8]:<{ws[4]}}  {w.title}" + _conflict_mark(conflicts[w.id]))
    if in_trash:
        echo(in_trash)
    return 0


# Status words printed through tr(): marked here for the catalogue.
_STATUS_WORDS = (N_("planned"), N_("running"), N_("closed"), N_("open"), N_("done"),
                 N_("dropped"))


def _family_mark(item: d.Note | d.Commitment, sizes: Counter[str]) -> str:
    """After the first row of a family in conflict: how many versions wait to be chosen."""
    if item.conflict_of is not None or sizes[item.family] < 2:
        return ""
    return "  [" + tr("not yet resolved: {count} versions").format(
        count=sizes[item.family]) + "]"


def _version_mark(item: d.Note | d.Commitment, sizes: Counter[str]) -> str:
    # A conflict copy is listed right after its family (services keep them together).
    return "  " + tr("other version:") + " " if item.conflict_of is not None else ""


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
        who = entry.author_name or tr("the facilitator")
        head = f"{fmt.moment(entry.written_at)} — {who}"
        if entry.current:
            head += " " + tr("(shown now)")
        else:
            assert entry.changed_at is not None
            head += "; " + tr("changed by {name} on {moment}").format(
                name=entry.changed_by_name or tr("the facilitator"),
                moment=fmt.moment(entry.changed_at))
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
    out(tr("Date: {date}   Status: {status}   Protocol: {protocol}   Id: {id}").format(
        date=fmt.long_date(walk.walk_date), status=tr(walk.status.value),
        protocol=protocol or walk.protocol_id or tr("(none)"), id=walk.id))
    if walk.school:
        out(tr("School: {school}").format(school=walk.school))
    if walk.focus:
        out(tr("Focus: {focus}").format(focus=walk.focus))
    out(tr("Privacy: {privacy}").format(privacy=privacy_line(walk)))
    if conflicts:
        out(fmt.plural(conflicts, "Conflicts: {n} item was changed on two laptops and is not "
                       "resolved yet; see `walkapp conflicts {walk}`.",
                       "Conflicts: {n} items were changed on two laptops and are not "
                       "resolved yet; see `walkapp conflicts {walk}`.").format(
            walk=walk.id[:8]))
    out()
    out(tr("Walkers ({count}): {names}").format(
        count=len(walk.walkers),
        names=", ".join(p.display_name for p in walk.walkers) or tr("none yet")))
    for g in walk.groups:
        warning = g.size_warning
        out(f"  {g.name}: {fmt.plural(len(g.member_ids), 'walker', 'walkers')}"
            + (f" — {warning}" if warning else ""))
    if walk.look_fors:
        out()
        out(tr("Look-fors:"))
        for lf in walk.look_fors:
            out(f"  {lf.position}. {lf.text}")
    if walk.norms:
        out()
        out(tr("Norms:"))
        for n in walk.norms:
            out(f"  [{'x' if n.agreed else ' '}] {n.text}")
    names = {p.id: p.display_name for p in walk.participants}
    tags = {lf.id: lf.text for lf in walk.look_fors}
    notes_of = Counter(n.family for n in record.notes)
    # Which notes the records leave out (walkapp.note_states), so that what `show` lists
    # and what `report` prints can be told apart.
    statuses = note_states.record_statuses(record)
    marks = {note_states.NoteState.SET_ASIDE: " [" + tr("set aside: not in the record") + "]",
             note_states.NoteState.FLAGGED: " [" + tr("flagged: not in the record") + "]",
             note_states.NoteState.KEPT: " [" + tr("flagged, kept in the record") + "]"}
    commitments_of = Counter(c.family for c in record.commitments)
    out()
    out(tr("Visits ({visits}), notes ({notes}):").format(visits=len(walk.visits),
                                                        notes=len(notes_of)))
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
        out(tr("Commitments:"))
        for c in record.commitments:
            out(f"  {_version_mark(c, commitments_of)}{names.get(c.participant_id, '?')}: "
                f"{c.text}{_family_mark(c, commitments_of)}")
    if record.action_items:
        out()
        out(tr("Action items:"))
        for a in record.action_items:
            due = fmt.short_date(a.due_date, tr("no date"))
            out("  " + tr("[{status}] {action} — {owner}, due {date}").format(
                status=tr(a.status.value), action=a.text, owner=a.owner_name or tr("no owner"),
                date=due))


def privacy_line(walk: d.Walk) -> str:
    """The walk's privacy settings in a line: what its reports show of people and rooms."""
    return "; ".join((
        tr("teacher names recorded") if walk.show_teacher_names else tr("no teacher names"),
        tr("commitments named") if walk.attribute_commitments
        else tr("commitments without names"),
        tr("thank-you notes signed with walkers' names") if walk.sign_thank_you_with_names
        else tr("thank-you notes signed by the group"),
        tr("room, grade and subject in records") if walk.include_visit_details
        else tr("no room, grade or subject in records")))


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
        echo(tr("The database at {where} has {problems}:").format(
                 where=where, problems=fmt.plural(len(problems), 'problem', 'problems')), err=True)
        for problem in problems[:20]:
            echo(f"  {problem}", err=True)
        echo(tr("Restore a backup with `walkapp restore`."), err=True)
    else:
        echo(tr("ok: {value} in {where}").format(
                 value=fmt.plural(len(walks or []), 'walk', 'walks'), where=where))
    return 1 if problems else 0
