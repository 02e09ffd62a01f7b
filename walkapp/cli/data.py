"""Open data on the command line: `walkapp export --owner|--shared` and `walkapp
import-data`.

- `walkapp export --owner [--walk W ...|--all] [--format json|csv] -o PATH`: every record
  of the walks (all walks not in the Trash when none is named), as a JSON file that
  `import-data` reads back, or as CSV files (PATH ending in .zip: one zip; otherwise a new
  folder).
- `walkapp export --shared …`: what the debrief shows, with the walks' privacy settings
  and note states applied, for a coach or a researcher; never imported.
- `walkapp import-data FILE`: an owner's export, each walk recreated or merged into the
  one here, with the same report as `walkapp import` (`--json`: docs/file-formats.md).

Kept apart from `walkapp import` (notes files): a data export is the owner's own copy of
whole walks, not a walker's sealed notes, and is trusted differently.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from walkapp.cli.terminal import echo
from walkapp.jsonout import dumps
from walkapp.messages import tr

if TYPE_CHECKING:
    from walkapp.cli.context import Context


def data_export_options(p: argparse.ArgumentParser) -> None:
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--owner", action="store_true",
                      help=tr("a data export with every record, which import-data reads back"))
    kind.add_argument("--shared", action="store_true",
                      help=tr("a data export for others: what the debrief shows, privacy "
                              "settings applied"))
    which = p.add_mutually_exclusive_group()
    which.add_argument("--walk", dest="walks", action="append", metavar="W",
                       help=tr("a walk to export (id or start of its title; again for more)"))
    which.add_argument("--all", action="store_true",
                       help=tr("every walk not in the Trash (the default)"))
    p.add_argument("--format", choices=("json", "csv"),
                   help=tr("json (default) or csv: one file per table, in a .zip or a new "
                           "folder"))
    p.add_argument("--json", action="store_true",
                   help=tr("print what was written as JSON"))


def register_import_data(subparsers: Any) -> None:
    p = subparsers.add_parser("import-data", allow_abbrev=False,
                              help=tr("import an owner's data export (.json)"))
    p.add_argument("file", metavar="FILE", help=tr("the .json file of an owner's export"))
    p.add_argument("--json", action="store_true", help=tr("print the import report as JSON"))
    p.set_defaults(handler=cmd_import_data, writes=True)


def cmd_data_export(args: argparse.Namespace, context: Context) -> int:
    from walkapp.bundles import BundleError
    from walkapp.exports import OWNER, SHARED, DataService

    if args.walk is not None or args.walker or args.passphrase_file or args.ask_passphrase:
        raise BundleError(tr("A data export takes its walks with --walk W (or --all), and "
                             "has no walker or passphrase."))
    ids = None
    if args.walks:
        ids = [context.services.walks.find_walk(key).id for key in args.walks]
    kind = OWNER if args.owner else SHARED
    written = DataService(context.services).export(kind, ids, args.output,
                                                   args.format or "json")
    if args.json:
        print(dumps(written))
        return 0
    walks = ", ".join(f"“{t}”" for t in written.walk_titles)
    said = (tr("Wrote the owner's export of {walks} to {path}.") if kind == OWNER else
            tr("Wrote the shared export of {walks} to {path} (privacy settings applied)."))
    echo(said.format(walks=walks, path=written.path))
    return 0


def cmd_import_data(args: argparse.Namespace, context: Context) -> int:
    from walkapp.cli.import_lines import print_import_report
    from walkapp.exports import DataService

    report = DataService(context.services).import_data(args.file)
    return print_import_report(report, as_json=args.json)
