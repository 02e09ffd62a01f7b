"""Walk kits out, notes files back: the files that carry a walk between laptops.

- `.walkkit` (facilitator → walker): the walk plan; opening it creates the walk in
  walker mode on the walker's laptop.
- `.walknotes` (walker → facilitator): one walker's notes, reflections, commitments and
  feedback, merged by `BundleService.import_files` under the laws in `merge.py`.

The formats are described in `docs/file-formats.md`. No Qt here.
"""

from __future__ import annotations

from walkapp.bundles.errors import (
    BundleError,
    PassphraseNeededError,
    WalkerChoiceNeededError,
    WrongPassphraseError,
)
from walkapp.bundles.format import KIT_EXTENSION, NOTES_EXTENSION
from walkapp.bundles.report import FileReport, ImportReport, Rejected
from walkapp.bundles.service import BundleService, KitOpened, KitPreview, import_job

__all__ = [
    "KIT_EXTENSION",
    "NOTES_EXTENSION",
    "BundleError",
    "BundleService",
    "FileReport",
    "ImportReport",
    "KitOpened",
    "KitPreview",
    "PassphraseNeededError",
    "Rejected",
    "WalkerChoiceNeededError",
    "WrongPassphraseError",
    "import_job",
]
