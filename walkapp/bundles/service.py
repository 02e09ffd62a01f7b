"""`BundleService`: make and open walk kits, write notes files, import notes files.

Like every service it owns its transactions and announces what changed on the event bus.
An import checks every file fully before touching the database, makes a backup, then merges
all accepted files in one transaction: a failure half-way leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.orm import Session

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.bundles import format as f
from walkapp.bundles import trust
from walkapp.bundles.archive import build_bundle, read_bundle_file, write_atomically
from walkapp.bundles.claims import Claims
from walkapp.bundles.errors import BundleError, PassphraseNeededError, WrongPassphraseError
from walkapp.bundles.kit import KitPlan, build_kit_payload, choose_walker, parse_kit, write_kit
from walkapp.bundles.merge import merge_entity
from walkapp.bundles.notes_file import NotesFile, build_notes_payload, parse_notes_bundle
from walkapp.bundles.refs import Refs, Tally, adjustment_lines
from walkapp.bundles.report import FileReport, ImportReport, Rejected
from walkapp.bundles.versions import LocalState
from walkapp.errors import WalkappError
from walkapp.events import Action, Entity
from walkapp.services import Services
from walkapp.services.base import ServiceBase
from walkapp.storage import models as m
from walkapp.storage.backup import backup_now

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class KitPreview:
    """What a kit holds, for the "who are you?" question before opening it."""

    walk_id: str
    walk_title: str
    walk_date: str
    for_walker_name: str | None
    walker_names: tuple[str, ...]
    encrypted: bool


@dataclass(frozen=True)
class KitOpened:
    walk_id: str
    walk_title: str
    walker_id: str
    walker_name: str
    created: bool


class BundleService(ServiceBase):
    # -- facilitator → walker ----------------------------------------------------------
    def write_kit(self, walk_id: str, path: Path | str, walker_id: str | None = None,
                  passphrase: str | None = None) -> Path:
        # A write: the walk's kit secret is made with its first kit (walkapp.bundles.trust).
        with self.db.transaction(fmt.tr("making the walk kit")) as session:
            header, payloads = build_kit_payload(session, walk_id, walker_id)
        data = build_bundle(f.KIT_FORMAT, header, payloads, passphrase)
        written = write_atomically(Path(path), data)
        # Recorded once the file is there: what "kits are out" is worked out from.
        with self.db.transaction(fmt.tr("recording the walk kit")) as session:
            session.add(m.BundleLog(walk_id=walk_id, kind="kit", participant_id=walker_id))
        return written

    def _read_kit(self, path: Path | str, passphrase: str | None) -> tuple[KitPlan, bool]:
        bundle = read_bundle_file(Path(path), (f.KIT_FORMAT,), passphrase)
        return parse_kit(bundle.members), bundle.encrypted

    def preview_kit(self, path: Path | str, passphrase: str | None = None) -> KitPreview:
        plan, encrypted = self._read_kit(path, passphrase)
        target = next((p["display_name"] for p in plan.participants
                       if p["id"] == plan.for_walker_id), None)
        return KitPreview(walk_id=plan.walk["id"], walk_title=plan.walk["title"],
                          walk_date=plan.walk["walk_date"], for_walker_name=target,
                          walker_names=plan.walker_names(), encrypted=encrypted)

    def open_kit(self, path: Path | str, walker: str | None = None,
                 passphrase: str | None = None) -> KitOpened:
        """Create (or refresh) the walk on this walker's laptop, in walker mode."""
        plan, _ = self._read_kit(path, passphrase)
        chosen = choose_walker(plan, walker)
        with self.db.transaction(fmt.tr("opening the walk kit")) as session:
            created = write_kit(session, plan, chosen)
        walk_id = plan.walk["id"]
        self.publish(Entity.WALK, Action.ADDED if created else Action.UPDATED, walk_id, walk_id)
        return KitOpened(walk_id=walk_id, walk_title=plan.walk["title"],
                         walker_id=chosen["id"], walker_name=chosen["display_name"],
                         created=created)

    # -- walker → facilitator ----------------------------------------------------------
    def write_notes(self, walk_id: str, walker_id: str, path: Path | str,
                    passphrase: str | None = None) -> Path:
        with self.db.transaction(fmt.tr("preparing the notes file")) as session:
            header, payloads, secret = build_notes_payload(session, walk_id, walker_id)
        # Answers to a visit form: a file that older readers refuse rather than misread.
        answers = any("form_key" in item["content"]
                      for item in payloads["notes.json"]["items"])
        data = build_bundle(f.NOTES_FORMAT, header, payloads, passphrase, seal_with=secret,
                            format_version=f.ANSWERS_FORMAT_VERSION if answers
                            else f.FORMAT_VERSION)
        return write_atomically(Path(path), data)

    def import_files(self, paths: Sequence[Path | str], passphrase: str | None = None,
                     progress: Progress | None = None) -> ImportReport:
        """Import notes files; each is checked first, then all merge in one transaction."""
        total = len(paths) * 2 + 1
        step = 0

        def tick(message: str) -> None:
            nonlocal step
            step += 1
            if progress is not None:
                progress(step, total, message)

        reports: dict[int, FileReport] = {}
        checked: dict[int, NotesFile] = {}
        for index, raw in enumerate(paths):
            path = Path(raw)
            tick(fmt.tr("Checking {file}").format(file=path.name))
            try:
                bundle = read_bundle_file(path, (f.NOTES_FORMAT,), passphrase)
                checked[index] = parse_notes_bundle(bundle)
            except BundleError as error:
                reports[index] = _refused(path, error.message, locked=isinstance(
                    error, PassphraseNeededError | WrongPassphraseError))
        with self.db.transaction(fmt.tr("checking the notes files")) as session:
            for index, notes in list(checked.items()):
                problem = _belongs(session, notes)
                if problem is None:
                    try:
                        checked[index] = notes = _authenticated(session, notes)
                    except BundleError as error:
                        problem = error.message
                if problem is not None:
                    # Named from the roster here, never from the file's own words.
                    known = session.get(m.Participant, notes.walker_id)
                    named = known.display_name if known is not None and \
                        known.walk_id == notes.walk_id else None
                    reports[index] = _refused(Path(paths[index]), problem,
                                              replace(notes, walker_name=named or ""))
                    del checked[index]
        backup = None
        changed: dict[tuple[Entity, str], set[str]] = {}
        if checked:
            tick(fmt.tr("Making a backup"))
            path_made = backup_now(self.db, "before-import")
            backup = str(path_made) if path_made else None
            with self.db.transaction(fmt.tr("importing notes files")) as session:
                states: dict[tuple[str, str], LocalState] = {}
                claims = Claims(session)
                for index, notes in checked.items():
                    name = Path(paths[index]).name
                    tick(fmt.tr("Merging {file}").format(file=name))
                    tally = Tally(rejected=list(notes.set_aside))
                    refs = Refs.load(session, notes.walk_id, notes.walker_id)
                    for part in notes.parts:
                        merge_entity(session, notes.walk_id, part, refs, tally, states)
                    session.add(m.BundleLog(walk_id=notes.walk_id, kind="notes",
                                            participant_id=notes.walker_id))
                    for entity, ids in tally.changed_ids.items():
                        changed.setdefault((entity, notes.walk_id), set()).update(ids)
                    # Named as this laptop's roster names them, not as the file says.
                    walker = session.get(m.Participant, notes.walker_id)
                    walker_name = walker.display_name if walker else notes.walker_name
                    warning = claims.check(notes.walk_id, notes.walker_id, walker_name,
                                           notes.device_id, name, notes.version_ids())
                    said = [warning] if warning else []
                    changed_here = any(c.new or c.updated or c.deleted or c.conflicts
                                       for c in tally.as_counts().values())
                    late = _closed_walk_note(session, notes.walk_id, changed_here)
                    if late:
                        said.append(late)
                    reports[index] = FileReport(
                        path=str(paths[index]), accepted=True, walk_id=notes.walk_id,
                        walk_title=notes.walk_title, walker_name=walker_name,
                        counts=tally.as_counts(), rejected=tuple(tally.rejected),
                        conflicts=tuple(tally.conflict_notes),
                        warnings=tuple(said),
                        adjustments=tuple(adjustment_lines(tally, refs)))
        for (entity, walk_id), ids in sorted(changed.items()):
            if ids:
                self.publish(entity, Action.UPDATED, walk_id, *sorted(ids))
        if progress is not None:
            progress(total, total, fmt.tr("Done"))
        walks = tuple(sorted({n.walk_id for n in checked.values()}))
        return ImportReport(files=tuple(reports[i] for i in range(len(paths))),
                            backup_path=backup, walk_ids=walks)


def import_job(services: Services, progress: Progress, paths: Sequence[str],
               passphrase: str | None) -> ImportReport:
    """`BundleService.import_files` as a job for a child process (walkapp.services.offload):
    the desktop app parses and merges there, so the work never holds the GUI process's
    interpreter lock. The changes it publishes go back to the parent, which publishes them."""
    return BundleService(services.db, services.bus).import_files(paths, passphrase, progress)


def _refused(path: Path, reason: str, notes: NotesFile | None = None, *,
             locked: bool = False) -> FileReport:
    # The walker is named only as this laptop's roster names them (the caller replaces the
    # file's own say-so); a walker not on the roster is not named (the reason says why).
    return FileReport(path=str(path), accepted=False,
                      walk_id=notes.walk_id if notes else None,
                      walk_title=notes.walk_title if notes else None,
                      walker_name=(notes.walker_name or None) if notes else None,
                      rejected=(Rejected(what=fmt.tr("the whole file"), reason=reason),),
                      locked=locked)


def _belongs(session: Session, notes: NotesFile) -> str | None:
    walk = session.get(m.Walk, notes.walk_id)
    if walk is None:
        return fmt.tr("It is for another walk (“{title}”), which is not on this laptop. Import "
                      "it on the laptop that made the walk kit.").format(title=notes.walk_title)
    if walk.trashed_at is not None:
        # Held back, not merged into a walk the user cannot see: nothing is lost, since
        # the file stays as it is and can be imported again after a restore.
        return fmt.tr("It is for “{title}”, which is in the Trash on this laptop. Restore the "
                      "walk (Trash, below the list of walks, or `walkapp trash restore`), then "
                      "import this file again.").format(title=walk.title)
    walker = session.get(m.Participant, notes.walker_id)
    if walker is None or walker.walk_id != notes.walk_id:
        return fmt.tr("It claims to come from a walker who is not on the roster of “{title}” "
                      "here, so it cannot be checked. If they were removed, add them back to "
                      "the roster and make them a fresh walk kit; then import again.").format(
                          title=walk.title)
    if walk.local_mode == d.LocalMode.WALKER.value and \
            walk.local_participant_id != notes.walker_id:
        holder = session.get(m.Participant, walk.local_participant_id or "")
        if holder is None:
            return fmt.tr("It is {name}'s notes file, and this laptop holds one walker's copy "
                          "of “{title}”. A walker's laptop takes only its own walker's notes "
                          "file: import it on the facilitator's laptop.").format(
                              name=walker.display_name, title=walk.title)
        return fmt.tr("It is {name}'s notes file, and this laptop holds {holder}'s copy of "
                      "“{title}”. A walker's laptop takes only its own walker's notes file: "
                      "import it on the facilitator's laptop.").format(
                          name=walker.display_name, holder=holder.display_name,
                          title=walk.title)
    return None


def _authenticated(session: Session, notes: NotesFile) -> NotesFile:
    """`notes` once its seal proves it was made with its walker's secret, named from the
    roster here; otherwise BundleError (the file is refused whole)."""
    walk = session.get(m.Walk, notes.walk_id)
    walker = session.get(m.Participant, notes.walker_id)
    assert walk is not None and walker is not None  # _belongs checked both
    secret = trust.secret_for(session, walk, walker.id)
    if secret is None:
        if walk.local_mode == d.LocalMode.WALKER.value:
            raise BundleError(fmt.tr("This laptop's copy of “{title}” came from a walk kit "
                                     "made by an older walkapp, so it has no secret to check "
                                     "notes files with. Open a fresh walk kit from the "
                                     "facilitator first.").format(title=walk.title))
        raise BundleError(fmt.tr("No walk kit of “{title}” was made on this laptop since "
                                 "walkers' notes files are sealed, so this file cannot be "
                                 "checked.").format(title=walk.title)
                          + f" {trust.fresh_file_advice()}")
    trust.check_seal(notes.manifest, secret, walker.display_name)
    return replace(notes, walker_name=walker.display_name)


__all__ = ["BundleService", "KitOpened", "KitPreview", "WalkappError"]


def _closed_walk_note(session: Session, walk_id: str, changed: bool) -> str | None:
    """Late notes reach a closed walk (a walker's laptop came back after the walk ended):
    they are imported — they are that walk's record, from that walker — and the report
    says the closed walk's record changed, so nobody is surprised by it."""
    walk = session.get(m.Walk, walk_id)
    if walk is None or walk.status != d.WalkStatus.CLOSED.value or not changed:
        return None
    return fmt.tr("“{title}” is closed: these late notes were added to its record, and the "
                  "walk stays closed. To change them, choose “Edit anyway” in the walk."
                  ).format(title=walk.title)
