"""`DataService`: the owner's and the shared export, and importing an owner's export.

Like every service it owns its transactions and announces what changed. Files are
written atomically (a temporary file beside the target, then a rename: a full disk or a
killed process leaves the old file or none, never half of one), with the kits' 0600 mode.
An import checks the whole file before the database is touched, makes a backup, then
writes every walk in one transaction, and reports as a notes-file import does
(`walkapp.bundles.report.ImportReport`: one entry per walk).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError

from walkapp import formatting as fmt
from walkapp.bundles.archive import write_atomically
from walkapp.bundles.errors import BundleError
from walkapp.bundles.refs import Tally
from walkapp.bundles.report import Counts, FileReport, ImportReport, Rejected
from walkapp.errors import WalkappError
from walkapp.events import Action, Entity
from walkapp.exports import format as xf
from walkapp.exports.csv_files import table_files, zip_bytes
from walkapp.exports.owner import build_owner_export, chosen_walks
from walkapp.exports.owner_read import DataFile, read_data_file
from walkapp.exports.owner_write import Outcome, ids_taken, merge, recreate
from walkapp.exports.shared import build_shared_export
from walkapp.services import Services
from walkapp.services.base import ServiceBase
from walkapp.storage import models as m
from walkapp.storage.backup import backup_now

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ExportWritten:
    """What an export wrote: where, which walks, and how many rows per table."""

    path: str
    kind: str
    format: str
    walk_titles: tuple[str, ...]
    counts: dict[str, int]


def _json_bytes(value: dict[str, Any]) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def _manifest(value: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in value.items() if k != "tables"}


class DataService(ServiceBase):
    """Open data: exports that belong to their owner, and importing them back."""

    def __init__(self, services: Services) -> None:
        super().__init__(services.db, services.bus)
        self.services = services

    def walk_ids(self, walk_ids: Sequence[str] | None) -> list[str]:
        """The walks an export takes: these (checked), or every walk not in the Trash."""
        with self.db.transaction() as session:
            return [w.id for w in chosen_walks(session, walk_ids)]

    def export(self, kind: str, walk_ids: Sequence[str] | None, path: Path | str,
               form: str = "json", progress: Progress | None = None) -> ExportWritten:
        """Write an export of `kind` (owner or shared) of `walk_ids` (None: all) to `path`:
        a .json file, or CSV files in a .zip (any other name: a new folder)."""
        if kind not in xf.KINDS or form not in xf.CSV_FORMATS:
            raise ValueError((kind, form))
        target = Path(path)
        if progress is not None:
            progress(0, 2, fmt.tr("Reading the walks"))
        if kind == xf.OWNER:
            # A write: unsent edits become versions first (as for a notes file).
            with self.db.transaction(fmt.tr("preparing the data export")) as session:
                value = build_owner_export(session, walk_ids)
        else:
            ids = self.walk_ids(walk_ids)
            if not ids:
                raise BundleError(fmt.tr("There are no walks to export on this laptop."))
            value = build_shared_export(self.services, ids)
        if progress is not None:
            progress(1, 2, fmt.tr("Writing {name}").format(name=target.name))
        written = self._write(value, target, form)
        if progress is not None:
            progress(2, 2, fmt.tr("Done"))
        return ExportWritten(path=str(written), kind=kind, format=form,
                             walk_titles=tuple(w["title"] for w in value["walks"]),
                             counts=dict(value["counts"]))

    def _write(self, value: dict[str, Any], target: Path, form: str) -> Path:
        if form == "json":
            data = _json_bytes(value)
            if len(data) > xf.MAX_FILE_BYTES:
                raise BundleError(fmt.tr(
                    "The export would be {size} MB; walkapp reads back at most {limit} MB. "
                    "Export fewer walks at a time. Nothing was written.").format(
                        size=fmt.number(len(data) // (1024 * 1024)),
                        limit=fmt.number(xf.MAX_FILE_BYTES // (1024 * 1024))))
            return write_atomically(target, data)
        files = {"manifest.json": json.dumps(_manifest(value), ensure_ascii=False,
                                             indent=1).encode("utf-8"),
                 **table_files(value["tables"])}
        if target.suffix.lower() == xf.ZIP_EXTENSION:
            return write_atomically(target, zip_bytes(files))
        return write_folder(target, files)

    # -- import -------------------------------------------------------------------------
    def import_data(self, path: Path | str, progress: Progress | None = None) -> ImportReport:
        """Import an owner's export: each walk recreated, or merged into the one here."""
        source = Path(path)
        total = 3

        def tick(step: int, message: str) -> None:
            if progress is not None:
                progress(step, total, message)

        tick(0, fmt.tr("Checking {file}").format(file=source.name))
        try:
            data = read_data_file(source)
        except BundleError as error:
            return ImportReport(files=(_refused(source, error.message),))
        reports: dict[str, FileReport] = {}
        with self.db.transaction(fmt.tr("checking the data export")) as session:
            for walk in data.walks:
                problem = _fits(session, data, walk.id)
                if problem is not None:
                    reports[walk.id] = _refused(source, problem, walk.id, walk.title)
        wanted = [w for w in data.walks if w.id not in reports]
        backup = None
        added: set[str] = set()
        if wanted:
            tick(1, fmt.tr("Making a backup"))
            made = backup_now(self.db, "before-import")
            backup = str(made) if made else None
            tick(2, fmt.tr("Importing {file}").format(file=source.name))
            try:
                with self.db.transaction(fmt.tr("importing the data export")) as session:
                    for walk in wanted:
                        tally = Tally()
                        if session.get(m.Walk, walk.id) is None:
                            outcome = recreate(session, data, walk.id, tally)
                            counts = _new_counts(data, walk.id)
                            added.add(walk.id)
                        else:
                            outcome = merge(session, data, walk.id, tally)
                            counts = tally.as_counts()
                        session.flush()
                        reports[walk.id] = FileReport(
                            path=str(source), accepted=True, walk_id=walk.id,
                            walk_title=walk.title, counts=counts,
                            rejected=tuple(tally.rejected),
                            conflicts=tuple(tally.conflict_notes),
                            adjustments=tuple(_outcome_lines(outcome)))
            except IntegrityError:
                # Every value was checked; what is left is records that do not fit
                # together (a status no walk has, a reference to nothing): all rolled back.
                return ImportReport(files=(_refused(source, fmt.tr(
                    "Its records do not fit together (a value no walk can hold, or a "
                    "reference to a record that is not in it), so it was not made by "
                    "walkapp or was edited. Nothing was imported.")),), backup_path=backup)
        for walk in wanted:
            action = Action.ADDED if walk.id in added else Action.UPDATED
            self.publish(Entity.WALK, action, walk.id, walk.id)
        tick(total, fmt.tr("Done"))
        return ImportReport(files=tuple(reports[w.id] for w in data.walks),
                            backup_path=backup, walk_ids=tuple(w.id for w in wanted))


def _fits(session: Any, data: DataFile, walk_id: str) -> str | None:
    """Why one walk of the file cannot be imported here, or None."""
    here = session.get(m.Walk, walk_id)
    row = next(r for r in data.tables["walks"] if r["id"] == walk_id)
    if here is None:
        return ids_taken(session, data, walk_id)
    if here.trashed_at is not None:
        return fmt.tr("“{title}” is in the Trash on this laptop. Restore the walk, then "
                      "import this file again.").format(title=here.title)
    if here.local_mode != row["local_mode"]:
        return fmt.tr("This laptop holds a walker's copy of “{title}” and the export the "
                      "facilitator's, or the other way round; the two are not merged. "
                      "Walkers' notes travel in notes files.").format(title=here.title)
    return None


def _refused(path: Path, reason: str, walk_id: str | None = None,
             title: str | None = None) -> FileReport:
    return FileReport(path=str(path), accepted=False, walk_id=walk_id, walk_title=title,
                      rejected=(Rejected(what=fmt.tr("the whole file") if walk_id is None
                                         else fmt.tr("the walk"), reason=reason),))


def _new_counts(data: DataFile, walk_id: str) -> dict[str, Counts]:
    from walkapp.bundles.refs import KIND_OF
    from walkapp.exports.owner_read import TRAVELLING

    counts = {kind: Counts() for kind in ("notes", "reflections", "commitments", "feedback",
                                          "tallies")}
    for spec in TRAVELLING:
        rows = data.rows_of(spec.model.__tablename__, walk_id)
        # Each family once (a conflict copy is one more version of it, still to resolve).
        own = [r for r in rows if r["conflict_of"] is None]
        counts[KIND_OF[spec.name]] = Counts(
            new=sum(1 for r in own if r["deleted_at"] is None),
            conflicts=len({r["conflict_of"] for r in rows if r["conflict_of"] is not None}),
            created_and_deleted=sum(1 for r in own if r["deleted_at"] is not None))
    return counts


def _outcome_lines(outcome: Outcome) -> list[str]:
    lines = []
    if outcome.added or outcome.updated:
        lines.append(fmt.tr("Its other records (plan, roster, patterns, action items…): "
                            "{added}, {updated}, {same}.").format(
            added=fmt.plural(outcome.added, "{n} added", "{n} added"),
            updated=fmt.plural(outcome.updated, "{n} updated", "{n} updated"),
            same=fmt.plural(outcome.unchanged, "{n} unchanged", "{n} unchanged")))
    lines += [fmt.tr("Changed here and in the file: {what}; the file's later change was "
                     "kept.").format(what=w) for w in outcome.taken]
    lines += [fmt.tr("Changed here and in the file: {what}; this laptop's later change was "
                     "kept.").format(what=w) for w in outcome.kept_here]
    return lines


def write_folder(target: Path, files: dict[str, bytes]) -> Path:
    """CSV files in a new folder, made whole beside it and then renamed into place: a full
    disk or a killed process leaves no half folder under the name asked for."""
    import os
    import shutil
    import tempfile

    from walkapp.storage.os_errors import DISK_FULL_ERRNOS, ErrorContext, disk_full_error
    from walkapp.storage.safe_files import fsync_folder

    if target.exists():
        raise BundleError(fmt.tr("{path} already exists; choose a new folder name (or a .zip "
                                 "file). Nothing was written.").format(path=target))
    work: Path | None = None
    try:
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part",
                                     dir=target.parent))
        for name, data in files.items():
            fd = os.open(work / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                         | getattr(os, "O_NOFOLLOW", 0), 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        fsync_folder(work)
        os.rename(work, target)
        work = None
        fsync_folder(target.parent)
        return target
    except OSError as error:
        if error.errno in DISK_FULL_ERRNOS:
            raise disk_full_error(ErrorContext(fmt.tr("writing {name}").format(
                name=target.name), space_of=target.parent)) from None
        raise BundleError(fmt.tr("The export could not be written to {path}: {reason}. "
                                 "Check that the folder exists, is writable and has "
                                 "space.").format(path=target,
                                                  reason=error.strerror or error)) from None
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)


def export_job(services: Services, progress: Progress, kind: str,
               walk_ids: Sequence[str] | None, path: str, form: str) -> ExportWritten:
    """`DataService.export` as a job for a child process (walkapp.services.offload)."""
    return DataService(services).export(kind, walk_ids, path, form, progress)


def import_data_job(services: Services, progress: Progress, path: str) -> ImportReport:
    """`DataService.import_data` as a job for a child process."""
    return DataService(services).import_data(path, progress)


__all__ = ["DataService", "ExportWritten", "WalkappError", "export_job", "import_data_job"]
