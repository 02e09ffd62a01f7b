"""PDF reports: debrief, agenda, note-catcher, action tracker, growth journal, thank-you note.

Layers, one way:  services → `build_*` (report data, privacy applied) → a renderer per
kind (`render(data, paper) -> bytes`) → `output.write_pdf` (atomic). Renderers share one
stylesheet (`styles`), one set of page decorations (`page`), fonts registered once
(`fonts`) and one door for user text (`text`), which escapes markup and replaces what the
font cannot draw. Importing this package does not load ReportLab; rendering does.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from walkapp.reports.paper import Paper, default_paper, parse_paper
from walkapp.reports.registry import REPORTS, Need, ReportKind, ReportRequest, ReportSpec

if TYPE_CHECKING:
    from walkapp.reports.api import (
        ExportResult,
        check_request,
        export_job,
        export_report,
        load_renderers,
        render_report,
        suggested_filename,
    )

__all__ = ["REPORTS", "ExportResult", "Need", "Paper", "ReportKind", "ReportRequest",
           "ReportSpec", "check_request", "default_paper", "export_job", "export_report",
           "load_renderers", "parse_paper", "render_report", "suggested_filename"]

# walkapp.reports.api needs the services (and so SQLAlchemy): loaded on first use of one of
# its names, so that the registry and the paper sizes (the `walkapp report` options) cost
# nothing to import.
_FROM_API = frozenset({"ExportResult", "check_request", "export_job", "export_report",
                       "load_renderers", "render_report", "suggested_filename"})


def __getattr__(name: str) -> object:
    if name not in _FROM_API:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module("walkapp.reports.api"), name)
    globals()[name] = value
    return value
