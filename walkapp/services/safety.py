"""Data-folder safety for the desktop app: the part of walkapp.storage the ui may use.

The ui never imports walkapp.storage (a contract in pyproject.toml, checked by `make lint`
and tests/core/test_layering.py). It reaches the one-writer lock, the data-folder location
check, the start-up check, its schedule and recovery, the backups and the private-file
helpers through this module. They are storage's own functions and types, passed on
unchanged, so the CLI (which uses storage directly) and the app keep behaving alike;
anything the ui needs from storage later is added here, where the whole of that surface
can be read at once.
"""

from __future__ import annotations

from walkapp.storage.backup import backup_now
from walkapp.storage.backup_schedule import BackupScheduler
from walkapp.storage.check_schedule import CheckReason, CheckSchedule
from walkapp.storage.db import Database
from walkapp.storage.location import location_warning
from walkapp.storage.lock import DataFolderLock
from walkapp.storage.safe_files import create_private_file, make_private_dirs, restrict_file
from walkapp.storage.startup import (
    RecoveryChoice,
    RecoveryResult,
    StartupReport,
    StartupStatus,
    check_database,
    recover,
)

__all__ = [
    "BackupScheduler",
    "CheckReason",
    "CheckSchedule",
    "DataFolderLock",
    "Database",
    "RecoveryChoice",
    "RecoveryResult",
    "StartupReport",
    "StartupStatus",
    "backup_now",
    "check_database",
    "create_private_file",
    "location_warning",
    "make_private_dirs",
    "recover",
    "restrict_file",
]
