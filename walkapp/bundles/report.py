"""What an import did, file by file: new, updated, unchanged, conflicts, rejected."""

from __future__ import annotations

from dataclasses import dataclass, field

from walkapp import formatting as fmt


@dataclass(frozen=True)
class Rejected:
    """Something that was not imported, and why (in words for a teacher)."""

    what: str
    reason: str


@dataclass(frozen=True)
class FileReport:
    """One file's part of an import. `accepted` is False when the whole file was refused."""

    path: str
    accepted: bool
    walk_id: str | None = None
    walk_title: str | None = None
    walker_name: str | None = None
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    rejected: tuple[Rejected, ...] = ()
    conflict_notes: tuple[str, ...] = ()
    # What arrived adjusted to this laptop's plan, nothing refused: "2 notes arrived
    # without the look-for “Questioning”, which was removed from this walk here."
    adjustments: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        from pathlib import Path

        return Path(self.path).name

    def summary(self) -> str:
        if not self.accepted:
            reason = self.rejected[0].reason if self.rejected else "refused"
            return f"{self.name}: not imported. {reason}"
        who = f" ({self.walker_name})" if self.walker_name else ""
        parts = [f"{fmt.number(self.new)} new", f"{fmt.number(self.updated)} updated",
                 f"{fmt.number(self.unchanged)} unchanged",
                 fmt.plural(self.conflicts, "conflict", "conflicts")]
        if self.rejected:
            parts.append(f"{fmt.number(len(self.rejected))} rejected")
        return f"{self.name}{who}: " + ", ".join(parts) + "."


@dataclass(frozen=True)
class ImportReport:
    files: tuple[FileReport, ...]
    backup_path: str | None = None
    walk_ids: tuple[str, ...] = field(default=())

    def _total(self, name: str) -> int:
        return sum(getattr(f, name) for f in self.files)

    @property
    def new(self) -> int:
        return self._total("new")

    @property
    def updated(self) -> int:
        return self._total("updated")

    @property
    def unchanged(self) -> int:
        return self._total("unchanged")

    @property
    def conflicts(self) -> int:
        return self._total("conflicts")

    @property
    def rejected(self) -> int:
        return sum(len(f.rejected) for f in self.files)

    @property
    def refused_files(self) -> int:
        return sum(1 for f in self.files if not f.accepted)

    @property
    def clean(self) -> bool:
        """Every file was imported and nothing in them was rejected."""
        return all(f.accepted and not f.rejected for f in self.files)

    def summary(self) -> str:
        return "\n".join([*(f.summary() for f in self.files), self.totals()])

    def totals(self) -> str:
        return (f"In all: {fmt.number(self.new)} new, {fmt.number(self.updated)} updated, "
                f"{fmt.number(self.unchanged)} unchanged, "
                f"{fmt.plural(self.conflicts, 'conflict', 'conflicts')}, "
                f"{fmt.number(self.rejected)} rejected.")
