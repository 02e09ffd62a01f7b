"""An import's report on the command line (walkapp import, walkapp import-data)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from walkapp.cli.terminal import echo
from walkapp.jsonout import dumps
from walkapp.messages import tr

if TYPE_CHECKING:
    from walkapp.bundles.report import ImportReport


def print_import_report(report: ImportReport, *, as_json: bool) -> int:
    """An import's report (notes files, or an owner's data export), as JSON (documented
    in docs/file-formats.md) or as lines; the command's exit code (1: not all went in).
    File names, walker names and reasons come from the files: each line through echo(), so
    that none of them can reach the terminal raw or break a line. Each file's conflicts,
    rejections and warnings are listed under it."""
    if as_json:
        print(dumps(report.as_json()))
    else:
        for file in report.files:
            echo(file.summary())
            for line in file.details():
                echo(f"  {line}")
        echo(report.totals())
        if report.backup_path:
            echo(tr("A backup from before the import is in {backup_path}.").format(
                     backup_path=report.backup_path))
    return 0 if report.clean else 1
