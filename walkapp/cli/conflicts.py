"""Commands about conflicts: `conflicts` lists them, `resolve` settles one.

A conflict is a note (reflection, commitment, feedback answer) changed on two laptops
since they parted; the import keeps every version side by side (see
walkapp.services.conflicts). A conflict is named by its id (the family id), or an
unambiguous start of it, as `walkapp conflicts` prints it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from walkapp.cli.terminal import echo
from walkapp.errors import AmbiguousError, NotFoundError, ValidationError
from walkapp.jsonout import dumps
from walkapp.messages import tr

if TYPE_CHECKING:
    from walkapp import domain as d
    from walkapp.cli.context import Context

# Each side's text is clipped in the listing (the whole text is in --json and the app).
CLIP = 300
# A text file for --text-file larger than this cannot be one note (see validate limits).
MAX_TEXT_FILE_BYTES = 8 * 1024 * 1024


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("conflicts",
                              help=tr("list a walk's conflicts: items changed on two laptops"))
    p.add_argument("walk", metavar="WALK", help=tr("walk id, or an unambiguous start of its "
                                                   "title"))
    p.add_argument("--json", action="store_true", help=tr("print JSON (with the whole texts)"))
    p.set_defaults(handler=cmd_conflicts, writes=False)

    p = subparsers.add_parser("resolve", allow_abbrev=False,
                              help=tr("settle one conflict: keep one version, both, or a new "
                                      "text"))
    p.add_argument("walk", metavar="WALK", help=tr("walk id, or an unambiguous start of its "
                                                   "title"))
    p.add_argument("conflict", metavar="CONFLICT_ID",
                   help=tr("the conflict's id (or an unambiguous start), from `walkapp "
                           "conflicts`"))
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--keep", metavar="ROW_ID",
                     help=tr("keep this version (its row id, or a start of it) and drop the "
                             "others"))
    how.add_argument("--keep-both", action="store_true",
                     help=tr("keep every version: the others become separate items"))
    how.add_argument("--text", metavar="TEXT", help=tr("replace the versions with this text"))
    how.add_argument("--text-file", metavar="F", dest="text_file",
                     help=tr("replace the versions with the text in file F (UTF-8)"))
    p.set_defaults(handler=cmd_resolve, writes=True)


def _clip(text: str, limit: int = CLIP) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _side_line(side: d.ConflictSide) -> str:
    from walkapp import formatting as fmt

    who = side.author_name or "no name"
    when = fmt.moment(side.updated_at)
    what = "(deleted)" if side.deleted else f"“{_clip(side.text)}”"
    mark = "  [shown now]" if side.current else ""
    return f"    {side.row_id[:8]}  {who}, {when}: {what}{mark}"


def cmd_conflicts(args: argparse.Namespace, context: Context) -> int:
    from walkapp import formatting as fmt

    services = context.services
    walk = services.walks.find_walk(args.walk)
    conflicts = services.conflicts.list_conflicts(walk.id)
    if args.json:
        print(dumps(conflicts))
        return 0
    if not conflicts:
        echo(tr("No conflicts in “{title}”.").format(title=walk.title))
        return 0
    echo(tr("{conflicts} in “{title}” (changed on two laptops; every version is kept until you "
            "choose):").format(
             conflicts=fmt.plural(len(conflicts), 'conflict', 'conflicts'), title=walk.title))
    for conflict in conflicts:
        echo()
        echo(f"  {conflict.family[:8]}  {conflict.entity.value}: {conflict.label}")
        for side in conflict.sides:
            echo(_side_line(side))
    echo()
    echo(tr("Settle one with `walkapp resolve {id} CONFLICT_ID --keep ROW_ID` (or --keep-both, "
            "or --text TEXT).").format(id=walk.id[:8]))
    return 0


def _pick(what: str, key: str, options: list[str]) -> str:
    """The option `key` names: the whole id, or an unambiguous start of it."""
    if key in options:
        return key
    found = [o for o in options if o.startswith(key.lower())] if key else []
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousError(tr("“{key}” starts more than one {what}; give more of its id.").format(
                                 key=key, what=what))
    raise NotFoundError(tr("No {what} “{key}” here; `walkapp conflicts WALK` lists them.").format(
                            what=what, key=_clip(key, 40)))


def _read_text_file(name: str) -> str:
    path = Path(name)
    try:
        if path.stat().st_size > MAX_TEXT_FILE_BYTES:
            raise ValidationError(tr("{name} is too large to be one text; the limit is "
                                     "{max_text_file_bytes} MB.").format(
                                      name=name,
                                      max_text_file_bytes=MAX_TEXT_FILE_BYTES // (1024 * 1024)))
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError(tr("The text file {name} cannot be read: {value}.").format(
                                  name=name, value=error.strerror or error)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(tr("The text file {name} is not UTF-8 text; save it as UTF-8 and "
                                 "try again.").format(name=name)) from None
    if "\x00" in text:
        raise ValidationError(tr("The text file {name} contains a NUL character; it must be "
                                 "plain text.").format(name=name))
    return text.removesuffix("\n")


def cmd_resolve(args: argparse.Namespace, context: Context) -> int:
    from walkapp import formatting as fmt

    services = context.services
    walk = services.walks.find_walk(args.walk)
    conflicts = {c.family: c for c in services.conflicts.list_conflicts(walk.id)}
    conflict = conflicts[_pick("conflict", args.conflict, list(conflicts))]
    keep = None
    if args.keep is not None:
        sides = [s.row_id for s in conflict.sides]
        try:
            keep = _pick("version", args.keep, sides)
        except NotFoundError:
            raise ValidationError(
                tr("“{given}” is not one of this conflict's versions; choose one of "
                   "{versions}.").format(given=_clip(args.keep, 40),
                                         versions=", ".join(s[:8] for s in sides))) from None
    text = _read_text_file(args.text_file) if args.text_file is not None else args.text
    services.conflicts.resolve(walk.id, conflict.family, keep=keep,
                               keep_both=bool(args.keep_both), text=text)
    if args.keep_both:
        done = tr("Resolved the {label}: kept both versions as separate items.")
    elif text is not None:
        done = tr("Resolved the {label}: replaced the versions with your text.")
    else:
        done = tr("Resolved the {label}: kept version {version}.")
    left = services.conflicts.count(walk.id)
    after = (fmt.plural(left, "{n} conflict left.", "{n} conflicts left.") if left
             else tr("No conflicts left in this walk."))
    echo(tr("{done} {after}").format(
        done=done.format(label=conflict.label, version=keep[:8] if keep else ""),
        after=after))
    return 0
