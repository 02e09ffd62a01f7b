"""Open data: the owner's export (every record of chosen walks, as JSON that imports back
with nothing lost, or as CSV), the shared export (what the debrief shows, with the walks'
privacy settings and note states applied) and importing an owner's export.

The formats are described in docs/file-formats.md (*Data exports*). No Qt here. This
package sits above `walkapp.bundles` (whose checks and merge an import reuses) and
`walkapp.reports` (whose debrief data the shared export is made of).
"""

from __future__ import annotations

from walkapp.exports.format import CSV_FORMATS, KINDS, OWNER, SHARED
from walkapp.exports.service import DataService, ExportWritten, export_job, import_data_job

__all__ = ["CSV_FORMATS", "KINDS", "OWNER", "SHARED", "DataService", "ExportWritten",
           "export_job", "import_data_job"]
