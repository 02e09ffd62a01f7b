"""`walkapp search TEXT`: every text of every walk — notes, reflections, commitments,
patterns, next steps, action items, walk details — best match first.

What the search finds and leaves out (privacy settings, walker mode, the Trash) is the
search service's (walkapp.services.search); this module only prints it: each result under
its walk, where it is, its state if it is a note, and the passage with the matched words in
bold on a terminal («…» in a file or a pipe). `--json` gives the service's results as they
are (docs/file-formats.md, "walkapp search --json").
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from walkapp.cli.terminal import echo, echo_marked
from walkapp.jsonout import dumps, to_jsonable
from walkapp.messages import N_, tr

if TYPE_CHECKING:
    from walkapp.cli.context import Context
    from walkapp.services.search import SearchHit

# What a result is, said in a line (the service's ResultKind values).
KIND_WORDS = {"note": N_("Note"), "reflection": N_("Reflection"),
              "commitment": N_("Commitment"), "pattern": N_("Pattern"),
              "next_step": N_("Next step"), "action_item": N_("Action item"),
              "walk": N_("Walk")}
# Which text of the row matched, when it is not the row's one text.
FIELD_WORDS = {"review_note": N_("what was said at the review"), "owner_name": N_("owner"),
               "follow_up": N_("what a later walk said of it"), "title": N_("title"),
               "focus": N_("focus"), "school": N_("school")}
STATE_WORDS = {"set_aside": N_("set aside: not in the record"),
               "flagged": N_("flagged: not in the record"),
               "kept": N_("flagged, kept in the record")}


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "search", help=tr("search every walk's notes, reflections, commitments, patterns, "
                          "next steps, action items and details"))
    p.add_argument("text", metavar="TEXT",
                   help=tr("words to find (each as the start of a word, all of them in one "
                           "text); \"quoted words\" as a phrase"))
    p.add_argument("--walk", metavar="WALK",
                   help=tr("only this walk (its id, or an unambiguous start of its title)"))
    p.add_argument("--limit", type=int, default=50, metavar="N",
                   help=tr("at most N results (default 50)"))
    p.add_argument("--include-trash", action="store_true",
                   help=tr("search the walks in the Trash too"))
    p.add_argument("--json", action="store_true", help=tr("print JSON"))
    p.set_defaults(handler=cmd_search, writes=False)


def cmd_search(args: argparse.Namespace, context: Context) -> int:
    from walkapp.errors import UsageError

    services = context.services
    if not 1 <= args.limit <= 1000:
        raise UsageError(tr("--limit must be between 1 and 1000."))
    walk_id = services.walks.find_walk(args.walk).id if args.walk else None
    results = services.search.search(args.text, walk_id=walk_id, limit=args.limit,
                                     include_trashed=args.include_trash)
    if args.json:
        print(dumps({"text": results.text, "more": results.more, "limit": results.limit,
                     "cut_short": results.cut_short,
                     "results": [{**to_jsonable(hit), "text": hit.text}
                                 for hit in results.hits]}))
        return 0
    if not results.hits:
        echo(tr("Nothing matches that text."))
        return 0
    from walkapp import formatting as fmt

    if results.cut_short:
        echo(tr("Only the first {count} words were looked for.").format(count=64))
    walk = None
    for hit in results.hits:
        if hit.walk_id != walk:
            walk = hit.walk_id
            trash = " [" + tr("in the Trash") + "]" if hit.in_trash else ""
            echo()
            echo(f"{hit.walk_title} — {fmt.short_date(hit.walk_date)} ({hit.walk_id[:8]})"
                 + trash)
        echo("  " + where(hit))
        echo_marked(((part.text, part.is_match) for part in hit.snippet), prefix="    ")
    if results.more:
        echo()
        echo(tr("More results: ask for more with --limit, or narrow the search with more "
                "words or --walk."))
    return 0


def where(hit: SearchHit) -> str:
    """"Note, visit 2 (removed) [flagged: not in the record]" and the like."""
    from walkapp import visit_fields as vf

    words = [tr(KIND_WORDS[hit.kind.value])]
    field = vf.field_named(hit.field) if hit.kind.value == "walk" else None
    if field is not None:
        words.append(tr(field.label).lower())
    elif hit.field in FIELD_WORDS and hit.field != "text":
        words.append(tr(FIELD_WORDS[hit.field]))
    if hit.pattern_kind is not None:
        words.append(hit.pattern_kind.label.lower())
    if hit.visit_number is not None:
        visit = tr("visit {number}").format(number=hit.visit_number)
        words.append(visit + (" " + tr("(removed)") if hit.visit_removed else ""))
    if hit.stem is not None and hit.kind.value == "note" and hit.form_key is None:
        words.append(hit.stem.label)
    line = ", ".join(words)
    if hit.other_version:
        line += " [" + tr("other version") + "]"
    if hit.note_state is not None and hit.note_state.value in STATE_WORDS:
        line += " [" + tr(STATE_WORDS[hit.note_state.value]) + "]"
    return line
