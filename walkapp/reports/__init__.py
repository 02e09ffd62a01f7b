"""PDF reports: debrief, agenda, note-catcher, action tracker, growth journal, thank-you note.

Layers, one way:  services → `build_*` (report data, privacy applied) → a renderer per
kind (`render(data, paper) -> bytes`) → `output.write_pdf` (atomic). Renderers share one
stylesheet (`styles`), one set of page decorations (`page`), fonts registered once
(`fonts`) and one door for user text (`text`), which escapes markup and replaces what the
font cannot draw. Importing this package does not load ReportLab; rendering does.
"""

from __future__ import annotations

from walkapp.reports.api import (
    ExportResult,
    check_request,
    export_job,
    export_report,
    load_renderers,
    render_report,
    suggested_filename,
)
from walkapp.reports.paper import Paper, default_paper, parse_paper
from walkapp.reports.registry import REPORTS, Need, ReportKind, ReportRequest, ReportSpec

__all__ = ["REPORTS", "ExportResult", "Need", "Paper", "ReportKind", "ReportRequest",
           "ReportSpec", "check_request", "default_paper", "export_job", "export_report",
           "load_renderers", "parse_paper", "render_report", "suggested_filename"]
