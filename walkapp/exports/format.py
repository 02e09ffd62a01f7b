"""The data export's names, versions and limits (docs/file-formats.md, *Data exports*).

One JSON file, `walkapp-data`: an *owner's* export (every record of the chosen walks, which
imports back with nothing lost) or a *shared* one (what the debrief shows, for a coach or a
researcher: never imported). Both can also be written as CSV, one file per table.
"""

from __future__ import annotations

from walkapp.bundles import format as bf

FORMAT = "walkapp-data"
FORMAT_VERSION = 1
OWNER = "owner"
SHARED = "shared"
KINDS = (OWNER, SHARED)
JSON_EXTENSION = ".json"
ZIP_EXTENSION = ".zip"
CSV_FORMATS = ("json", "csv")
# What the JSON of an export may weigh: as much as a notes file (a reader holds it in
# memory to check it whole before anything is written).
MAX_FILE_BYTES = bf.MAX_FILE_BYTES
# Rows one export may hold, over all its tables: a walk of 100,000 notes has about 400,000
# (notes, their tags, versions and sync rows), so ten such walks fit.
MAX_ROWS = 4_000_000
MAX_WALKS = 10_000
