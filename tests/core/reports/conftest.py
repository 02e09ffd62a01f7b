"""Shared set-up for report tests: a demo walk copied from one template database (building
the demo takes seconds; copying it takes milliseconds), and helpers to read PDFs back."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from walkapp import domain as d
from walkapp.config import Settings, resolve_settings
from walkapp.demo import create_demo_walk
from walkapp.reports import Paper, ReportKind, ReportRequest, render_report
from walkapp.services import Services, open_services
from walkapp.storage.snapshot import copy_database


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def squash(value: str) -> str:
    """Text without any whitespace, to find strings that wrapped across lines."""
    return "".join(value.split())


@dataclass(frozen=True)
class Template:
    path: Path
    walk_id: str


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    folder = tmp_path_factory.mktemp("demo-template")
    opened = open_services(resolve_settings(folder))
    try:
        walk = create_demo_walk(opened)
    finally:
        opened.close()
    return Template(folder / "walkapp.sqlite3", walk.id)


@pytest.fixture
def services(settings: Settings, demo_template: Template) -> Iterator[Services]:
    """This folder's services start from a copy of the demo database."""
    assert settings.sqlite_path is not None
    copy_database(demo_template.path, settings.sqlite_path)
    opened = open_services(settings)
    yield opened
    opened.close()


@pytest.fixture
def demo(services: Services, demo_template: Template) -> d.Walk:
    return services.walks.get_walk(demo_template.walk_id)


Render = Callable[..., bytes]


@pytest.fixture
def render(services: Services) -> Render:
    def _render(kind: ReportKind | str, walk_id: str | None = None, **kw: object) -> bytes:
        kw.setdefault("paper", Paper.A4)
        return render_report(services, ReportRequest(kind=ReportKind(kind), walk_id=walk_id,
                                                      **kw))  # type: ignore[arg-type]
    return _render
