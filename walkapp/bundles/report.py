"""What an import did, file by file and kind by kind: new, updated, deleted, unchanged and
conflicts for notes, reflections, commitments and feedback answers, with each conflict,
rejection and warning under the file it came from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path

from walkapp import formatting as fmt
from walkapp.formatting import N_

# The kinds a notes file carries, in the order a report lists them; each kind's heading in
# a report line ("Notes: 3 new"), a catalogue id translated where it is said.
KINDS = ("notes", "reflections", "commitments", "feedback", "tallies")
KIND_HEADINGS = {"notes": N_("notes"), "reflections": N_("reflections"),
                 "commitments": N_("commitments"), "feedback": N_("feedback answers"),
                 "tallies": N_("counts")}
# "2 notes", "1 reflection"…: counted in the language in force (the calls spelled out, so
# the catalogue's extraction finds each phrase).
KIND_COUNTS: dict[str, Callable[[int], str]] = {"notes": lambda n: fmt.plural(n, "note", "notes"),
               "reflections": lambda n: fmt.plural(n, "reflection", "reflections"),
               "commitments": lambda n: fmt.plural(n, "commitment", "commitments"),
               "feedback": lambda n: fmt.plural(n, "feedback answer", "feedback answers"),
               "tallies": lambda n: fmt.plural(n, "count", "counts")}
OUTCOMES = ("new", "updated", "deleted", "unchanged", "conflicts")


@dataclass(frozen=True)
class Rejected:
    """Something that was not imported, and why (in words for a teacher)."""

    what: str
    reason: str


@dataclass(frozen=True)
class Counts:
    """What an import did to one kind of item. Each item is counted once, by what the
    facilitator now sees: `new` (it arrived), `updated` (its text changed), `deleted` (the
    walker deleted it, so it is gone here too), `unchanged`, or `conflicts` (changed here
    and on the laptop: both versions kept). `created_and_deleted`: written and deleted again
    on the laptop before the file was made, so nothing arrives and nothing is to be looked
    for; it is not "new"."""

    new: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    conflicts: int = 0
    created_and_deleted: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name)
                        for f in fields(self)))

    @property
    def any(self) -> bool:
        return any(getattr(self, name) for name in OUTCOMES)

    def words(self) -> str:
        """"3 new, 1 deleted, 10 unchanged" (only what happened), each a counted phrase of
        its own in the language in force."""
        counted: tuple[tuple[int, Callable[[int], str]], ...] = (
            (self.new, lambda n: fmt.plural(n, "{n} new", "{n} new")),
            (self.updated, lambda n: fmt.plural(n, "{n} updated", "{n} updated")),
            (self.deleted, lambda n: fmt.plural(n, "{n} deleted", "{n} deleted")),
            (self.unchanged, lambda n: fmt.plural(n, "{n} unchanged", "{n} unchanged")),
            (self.conflicts, lambda n: fmt.plural(n, "conflict", "conflicts")))
        return ", ".join(say(count) for count, say in counted if count)


def counts_words(counts: dict[str, Counts]) -> str:
    parts = [fmt.tr("{kind}: {counts}").format(kind=fmt.tr(KIND_HEADINGS[kind]),
                                                counts=c.words())
             for kind in KINDS if (c := counts.get(kind, Counts())).any]
    return "; ".join(parts) if parts else fmt.tr("nothing new in it")


def aside(counts: dict[str, Counts]) -> str:
    gone = [KIND_COUNTS[kind](c.created_and_deleted) for kind in KINDS
            if (c := counts.get(kind, Counts())).created_and_deleted]
    return fmt.tr(" (and {items} written and deleted again on the laptop, so nothing to "
                  "look for)").format(items=", ".join(gone)) if gone else ""


def _no_counts() -> dict[str, Counts]:
    return {kind: Counts() for kind in KINDS}


@dataclass(frozen=True)
class FileReport:
    """One file's part of an import. `accepted` is False when the whole file was refused.
    `walker_name` is the walker as this laptop's roster names them (None when the file
    was refused before its walker was found there)."""

    path: str
    accepted: bool
    walk_id: str | None = None
    walk_title: str | None = None
    walker_name: str | None = None
    counts: dict[str, Counts] = field(default_factory=_no_counts)
    rejected: tuple[Rejected, ...] = ()
    conflicts: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    # What arrived adjusted to this laptop's plan, nothing refused: "2 notes arrived
    # without the look-for “Questioning”, which was removed from this walk here."
    adjustments: tuple[str, ...] = ()
    # Refused for its passphrase (none given, or a wrong one): the caller may ask for one
    # and try again. Not in the JSON report (its reason says so in words).
    locked: bool = False

    @property
    def name(self) -> str:
        return Path(self.path).name

    def _total(self, name: str) -> int:
        return sum(getattr(c, name) for c in self.counts.values())

    # Sums over every kind, for code (a report for people says which kind).
    @property
    def new(self) -> int:
        return self._total("new")

    @property
    def updated(self) -> int:
        return self._total("updated")

    @property
    def deleted(self) -> int:
        return self._total("deleted")

    @property
    def unchanged(self) -> int:
        return self._total("unchanged")

    @property
    def conflict_count(self) -> int:
        return self._total("conflicts")

    @property
    def conflict_notes(self) -> tuple[str, ...]:
        return self.conflicts

    def summary(self) -> str:
        if not self.accepted:
            reason = self.rejected[0].reason if self.rejected else fmt.tr("refused")
            return fmt.tr("{file}: not imported. {reason}").format(file=self.name,
                                                                    reason=reason)
        said = _listed(counts_words(self.counts), len(self.rejected), 0)
        # A notes file names its walker; a data export's entry (one per walk), its walk.
        who = self.walker_name or self.walk_title
        if who:
            line = fmt.tr("{file} ({walker}): {counts}.").format(
                file=self.name, walker=who, counts=said)
        else:
            line = fmt.tr("{file}: {counts}.").format(file=self.name, counts=said)
        return line + aside(self.counts)

    def details(self) -> list[str]:
        """Each conflict, rejection, adjustment and warning of this file, one line each."""
        if not self.accepted:
            return []
        return ([fmt.tr("conflict: {note}").format(note=note) for note in self.conflicts]
                + [fmt.tr("rejected {what}: {reason}").format(what=r.what, reason=r.reason)
                   for r in self.rejected]
                + list(self.adjustments)
                + [fmt.tr("warning: {warning}").format(warning=w) for w in self.warnings])


def _listed(counts: str, rejected: int, refused_files: int) -> str:
    """The counts, then how many items were rejected and files not imported, if any:
    "notes: 3 new; 1 rejected; 1 file not imported"."""
    parts = [counts]
    if rejected:
        parts.append(fmt.plural(rejected, "{n} rejected", "{n} rejected"))
    if refused_files:
        parts.append(fmt.plural(refused_files, "{n} file not imported",
                                "{n} files not imported"))
    return "; ".join(parts)


@dataclass(frozen=True)
class ImportReport:
    files: tuple[FileReport, ...]
    backup_path: str | None = None
    walk_ids: tuple[str, ...] = field(default=())

    def by_kind(self) -> dict[str, Counts]:
        totals = _no_counts()
        for file in self.files:
            for kind, counts in file.counts.items():
                totals[kind] = totals.get(kind, Counts()) + counts
        return totals

    def _total(self, name: str) -> int:
        return sum(getattr(f, name) for f in self.files)

    @property
    def new(self) -> int:
        return self._total("new")

    @property
    def updated(self) -> int:
        return self._total("updated")

    @property
    def deleted(self) -> int:
        return self._total("deleted")

    @property
    def unchanged(self) -> int:
        return self._total("unchanged")

    @property
    def conflicts(self) -> int:
        return self._total("conflict_count")

    @property
    def rejected(self) -> int:
        return sum(len(f.rejected) for f in self.files if f.accepted)

    @property
    def refused_files(self) -> int:
        return sum(1 for f in self.files if not f.accepted)

    @property
    def warnings(self) -> int:
        return sum(len(f.warnings) for f in self.files)

    @property
    def clean(self) -> bool:
        """Every file was imported and nothing in them was rejected."""
        return all(f.accepted and not f.rejected for f in self.files)

    def summary(self) -> str:
        lines: list[str] = []
        for file in self.files:
            lines.append(file.summary())
            lines += [f"  {line}" for line in file.details()]
        return "\n".join([*lines, self.totals()])

    def totals(self) -> str:
        return fmt.tr("In all: {counts}.").format(counts=_listed(
            counts_words(self.by_kind()), self.rejected, self.refused_files))

    def as_json(self) -> dict[str, object]:
        """The `walkapp import --json` report (documented in docs/file-formats.md)."""
        totals: dict[str, object] = dict(self.by_kind())
        totals.update(rejected=self.rejected, refused_files=self.refused_files,
                      warnings=self.warnings)
        from walkapp.jsonout import to_jsonable

        files = [{key: value for key, value in to_jsonable(file).items() if key != "locked"}
                 for file in self.files]
        return {"files": files, "backup_path": self.backup_path, "totals": totals,
                "clean": self.clean}
