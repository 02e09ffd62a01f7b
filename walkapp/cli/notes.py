"""`walkapp note add|edit|delete|list`: notes without the app, for scripts and the terminal.

The writes are the app's own (walkapp.services.headless_notes): the same checks, the
same commands, the nudge's findings printed as the note editor words them (on stderr, so
that `id=$(walkapp note add …)` gets the id alone; `--quiet` leaves them out, `--json`
gives them as data). `add`, `edit` and `delete` change the data folder, so they take its
lock: with the app open on it they are refused, naming it, and nothing is written; `list`
only reads, beside a running app too.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from walkapp.cli.terminal import echo
from walkapp.errors import UsageError, ValidationError, WalkClosedError
from walkapp.jsonout import dumps, to_jsonable
from walkapp.messages import tr

if TYPE_CHECKING:
    from walkapp.cli.context import Context
    from walkapp.nudge.findings import Findings
    from walkapp.services.headless_notes import Listed, Written

EXIT_USAGE = 2
# A note's limit in characters (walkapp.services.validate.MAX_NOTE_CHARS), as UTF-8 bytes at
# most: standard input is read no further than that.
MAX_STDIN_BYTES = 2_000_000 * 4 + 4


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "note", help=tr("add, change, delete or list a walk's notes without the app"),
        description=tr("Notes from the command line, with the app's checks and its nudge. "
                       "TEXT `-` reads the note from standard input."))
    parser.set_defaults(handler=lambda args, context: _usage(parser), writes=False)
    actions = parser.add_subparsers(dest="note_action", metavar="ACTION",
                                    parser_class=type(parser))

    p = actions.add_parser(
        "add", help=tr("add a note to a visit and print its id"),
        description=tr("Add a note to visit N of WALK and print the new note's id. What the "
                       "nudge finds in it (a judgemental word, a possible student's name) is "
                       "printed on stderr, as the app shows it; the note is saved all the "
                       "same."))
    _walk_option(p)
    p.add_argument("--visit", required=True, metavar="N", help=tr("the visit's number"))
    _note_options(p)
    p.add_argument("--walker", metavar="NAME|ID",
                   help=tr("whom the note is by (default: the walk's first facilitator; on a "
                           "walker's laptop always that walker)"))
    p.add_argument("--id", dest="note_id", metavar="NOTE_ID",
                   help=tr("save the note under this id (a UUID): a deleted note's id brings "
                           "it back; the same note again changes nothing"))
    p.add_argument("text", metavar="TEXT", help=tr("the note, or - to read it from standard "
                                                   "input"))
    _write_options(p)
    p.set_defaults(handler=cmd_add, writes=True)

    p = actions.add_parser(
        "edit", help=tr("change a note's text, stem, look-fors or visit"),
        description=tr("Change a note; what is not given stays as it is. On the "
                       "facilitator's laptop new words for a walker's note keep the walker's "
                       "own in the note's history, as a rewrite at the evidence wall does."))
    p.add_argument("note_key", metavar="NOTE_ID", help=tr("the note's id, or its first "
                                                          "characters"))
    p.add_argument("--text", metavar="TEXT", help=tr("the new text, or - to read it from "
                                                     "standard input"))
    p.add_argument("--visit", metavar="N", help=tr("move the note to visit N"))
    _note_options(p)
    p.add_argument("--no-look-fors", action="store_true",
                   help=tr("take every look-for tag off the note"))
    _write_options(p)
    p.set_defaults(handler=cmd_edit, writes=True)

    p = actions.add_parser(
        "delete", help=tr("delete a note"),
        description=tr("Delete a note, as the app does: its words leave the database at once "
                       "and the deletion travels to the other laptops. They are printed, with "
                       "the command that adds the note back."))
    p.add_argument("note_key", metavar="NOTE_ID", help=tr("the note's id, or its first "
                                                          "characters"))
    p.add_argument("--edit-anyway", action="store_true",
                   help=tr("change a closed walk all the same (the app's “Edit anyway”)"))
    p.add_argument("--json", action="store_true", help=tr("print JSON"))
    p.set_defaults(handler=cmd_delete, writes=True)

    p = actions.add_parser(
        "list", help=tr("list a walk's notes, each marked with its state"),
        description=tr("List the notes of WALK by visit. Flagged and set-aside notes are "
                       "listed too, each marked: they stay out of the records."))
    _walk_option(p)
    p.add_argument("--visit", metavar="N", help=tr("only visit N's notes"))
    p.add_argument("--walker", metavar="NAME|ID", help=tr("only this person's notes"))
    p.add_argument("--json", action="store_true", help=tr("print JSON"))
    p.set_defaults(handler=cmd_list, writes=False)


def _walk_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--walk", required=True, metavar="WALK",
                   help=tr("walk id, or an unambiguous start of its title"))


def _note_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--stem", metavar="KEY",
                   help=tr("how the note begins: one of the walk's protocol's stems "
                           "(noticed, wonder, will_try, question…); default: its first"))
    p.add_argument("--look-for", dest="look_fors", action="append", metavar="KEY",
                   help=tr("tag a look-for, by its number or its words (again for more)"))


def _write_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--edit-anyway", action="store_true",
                   help=tr("change a closed walk all the same (the app's “Edit anyway”)"))
    p.add_argument("--quiet", action="store_true", help=tr("do not print the nudge's findings"))
    p.add_argument("--json", action="store_true", help=tr("print JSON, the findings "
                                                          "included"))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    echo(tr("walkapp: error: choose an action: add, edit, delete or list"), err=True)
    return EXIT_USAGE


# -- reading the text ----------------------------------------------------------------------

def note_text(value: str) -> str:
    """TEXT as given, or standard input's for `-`: UTF-8 text with no NUL, without the one
    line ending a file or `echo` puts after it."""
    if value != "-":
        return value
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise ValidationError(tr("There is no standard input to read the note from."))
    if sys.stdin.isatty():
        echo(tr("Type the note, then Ctrl+D on a line of its own."), err=True)
    data: bytes = stream.read(MAX_STDIN_BYTES + 1)
    if len(data) > MAX_STDIN_BYTES:
        raise ValidationError(tr("The note on standard input is over {mb} MB; the limit is "
                                 "2,000,000 characters. Split it into several notes.").format(
                                  mb=MAX_STDIN_BYTES // 1_000_000))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationError(tr("The note on standard input is not UTF-8 text (byte {at:,} "
                                 "is not); save it as UTF-8 and try again.").format(
                                  at=error.start + 1)) from None
    if "\x00" in text:
        raise ValidationError(tr("The note on standard input contains a NUL character; it "
                                 "must be plain text."))
    text = text.removeprefix("\ufeff")  # the byte-order mark some editors write first
    return text.removesuffix("\n").removesuffix("\r")


# -- the commands --------------------------------------------------------------------------

def _closed() -> ValidationError:
    return WalkClosedError(tr("This walk is closed, so its record was not changed. To change "
                              "it all the same, run the command again with --edit-anyway "
                              "(what “Edit anyway” does in the app)."))


def cmd_add(args: argparse.Namespace, context: Context) -> int:
    from walkapp.services import headless_notes

    text = note_text(args.text)
    try:
        written = headless_notes.add(context.services, args.walk, args.visit, text,
                                     stem=args.stem, look_fors=args.look_fors or (),
                                     walker=args.walker, note_id=args.note_id,
                                     edit_anyway=args.edit_anyway)
    except WalkClosedError:
        raise _closed() from None
    if args.json:
        print(dumps(_written_json(written)))
        return 0
    print(written.note.id)
    if not args.quiet:
        _say_findings(written)
    return 0


def cmd_edit(args: argparse.Namespace, context: Context) -> int:
    from walkapp.services import headless_notes

    if args.no_look_fors and args.look_fors:
        raise UsageError(tr("Give either --look-for or --no-look-fors, not both."))
    if (args.text, args.stem, args.look_fors, args.visit) == (None, None, None, None) \
            and not args.no_look_fors:
        raise UsageError(tr("Say what to change: --text, --stem, --look-for, --no-look-fors "
                            "or --visit."))
    look_fors = () if args.no_look_fors else args.look_fors
    text = note_text(args.text) if args.text is not None else None
    try:
        written = headless_notes.edit(context.services, args.note_key, text=text,
                                      stem=args.stem, look_fors=look_fors, visit=args.visit,
                                      edit_anyway=args.edit_anyway)
    except WalkClosedError:
        raise _closed() from None
    if args.json:
        print(dumps(_written_json(written)))
        return 0
    short = written.note.id[:8]
    if written.changed:
        echo(tr("Changed the note {id}.").format(id=short))
    else:
        echo(tr("The note {id} already said that; nothing changed.").format(id=short))
    if written.kept_history:
        echo(tr("The walker's own words are kept in the note's history (`walkapp show {walk} "
                "--history {id}`).").format(walk=written.walk.id[:8], id=written.note.id))
    if not args.quiet:
        _say_findings(written)
    return 0


def cmd_delete(args: argparse.Namespace, context: Context) -> int:
    from walkapp.services import headless_notes

    try:
        removed = headless_notes.delete(context.services, args.note_key,
                                        edit_anyway=args.edit_anyway)
    except WalkClosedError:
        raise _closed() from None
    listed = removed.listed
    undo = undo_argv(removed.walk.id, listed)
    if args.json:
        print(dumps({"id": listed.note.id, "deleted": True,
                     "walk": {"id": removed.walk.id, "title": removed.walk.title},
                     "note": note_json(listed),
                     "undo": None if undo is None else {"argv": undo,
                                                        "stdin": listed.note.text}}))
        return 0
    echo(tr("Deleted the note {id} ({where}). Its words left the database with it, as in the "
            "app; they were:").format(id=listed.note.id[:8], where=_where(listed)))
    for line in listed.note.text.split("\n"):
        echo(f"  {line}")
    if undo is not None:
        echo(tr("To bring it back, add it again under its own id, with those words on "
                "standard input:"))
        echo("  " + " ".join(undo))
    return 0


def cmd_list(args: argparse.Namespace, context: Context) -> int:
    from walkapp import formatting as fmt
    from walkapp.note_states import NoteState
    from walkapp.services import headless_notes

    found = headless_notes.notes(context.services, args.walk, visit=args.visit,
                                 walker=args.walker)
    walk = found.walk
    if args.json:
        print(dumps({"walk": {"id": walk.id, "title": walk.title,
                              "local_mode": walk.local_mode},
                     "mine_only": found.mine_only,
                     "notes": [note_json(n) for n in found.notes],
                     "counts": {"notes": len(found.notes),
                                **{s.value: found.count(s) for s in NoteState}}}))
        return 0
    if not found.notes:
        echo(tr("No notes to list on “{title}”.").format(title=walk.title))
        return 0
    echo(tr("“{title}”: {notes} (flagged: {flagged}; set aside: {aside}; both stay out of "
            "the records)").format(
        title=walk.title, notes=fmt.plural(len(found.notes), "note", "notes"),
        flagged=fmt.number(found.count(NoteState.FLAGGED)),
        aside=fmt.number(found.count(NoteState.SET_ASIDE))))
    if found.mine_only:
        echo(tr("On this laptop: your own notes only."))
    heading: object = ()
    for listed in found.notes:
        here = listed.visit.label if listed.visit is not None else tr("No visit")
        if here != heading:
            echo()
            echo(here)
            heading = here
        echo(f"  {listed.note.id[:8]}  {_line(listed)}")
    return 0


# -- how notes are shown -------------------------------------------------------------------

def _line(listed: Listed) -> str:
    from walkapp.note_states import NoteState

    marks = {NoteState.SET_ASIDE: tr("set aside: not in the record"),
             NoteState.FLAGGED: tr("flagged: not in the record"),
             NoteState.KEPT: tr("flagged, kept in the record"),
             NoteState.REWRITTEN: tr("rewritten: the walker's words are in its history")}
    tags = f" [{', '.join(lf.text for lf in listed.look_fors)}]" if listed.look_fors else ""
    version = tr("other version:") + " " if listed.note.conflict_of is not None else ""
    who = listed.author.display_name if listed.author is not None else "?"
    mark = f"  [{marks[listed.state]}]" if listed.state in marks else ""
    return f"{version}{listed.stem_label}: {listed.note.text}{tags} — {who}{mark}"


def _where(listed: Listed) -> str:
    visit = listed.visit.label if listed.visit is not None else tr("No visit")
    who = listed.author.display_name if listed.author is not None else "?"
    return f"{visit} · {listed.stem_label} · {who}"


def note_json(listed: Listed) -> dict[str, Any]:
    """A note in `--json` output: its row, with its visit, author, stem and look-fors by
    name and its state (docs: README, "walkapp note")."""
    visit = listed.visit
    return {**to_jsonable(listed.note),
            "visit": None if visit is None or visit.removed else visit.position,
            "visit_label": None if visit is None else visit.label,
            "author": None if listed.author is None else listed.author.display_name,
            "stem_label": listed.stem_label,
            "look_fors": [{"id": lf.id, "position": lf.position, "text": lf.text}
                          for lf in listed.look_fors],
            "state": listed.state.value, "flagged": sorted(listed.flagged),
            "rewritten": listed.rewritten}


def _written_json(written: Written) -> dict[str, Any]:
    found = written.findings
    return {"id": written.note.id, "created": written.created, "changed": written.changed,
            "walk": {"id": written.walk.id, "title": written.walk.title},
            "note": note_json(written.listed),
            "findings": [f.as_json() for f in found.items],
            "nudge_language": found.language, "nudge_notice": found.notice,
            "kept_history": written.kept_history}


def _say_findings(written: Written) -> None:
    from walkapp.note_states import NoteState

    found: Findings = written.findings
    if found.notice:
        echo(found.notice, err=True)
    if found:
        echo(tr("The note is saved. The nudge suggests:"), err=True)
        for finding in found.items:
            echo(f"  {finding.message}", err=True)
    state = written.listed.state
    if state is NoteState.FLAGGED:
        echo(tr("Until it is rewritten or the facilitator keeps it, it stays out of the "
                "debrief and the other records."), err=True)
    elif state is NoteState.SET_ASIDE:
        echo(tr("The note stays set aside: it is not in the record."), err=True)


def undo_argv(walk_id: str, listed: Listed) -> list[str] | None:
    """The `walkapp note add` that brings a deleted note back (its words on stdin); None
    when its visit is no longer on the route (nowhere to add it)."""
    visit = listed.visit
    if visit is None or visit.removed:
        return None
    argv = ["walkapp", "note", "add", "--walk", walk_id, "--visit", str(visit.position),
            "--stem", listed.stem_key]
    for look_for in listed.look_fors:
        argv += ["--look-for", str(look_for.position)]
    if listed.note.author_id is not None:
        argv += ["--walker", listed.note.author_id]
    return [*argv, "--id", listed.note.id, "-"]
