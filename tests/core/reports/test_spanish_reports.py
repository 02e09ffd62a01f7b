"""Every report kind in the walk's language (issue 19, item 4): a Spanish sample walk
(`walkapp demo --lang es`) prints in Spanish while the app itself runs in English — its
labels, headings and sentences from the catalogue, Spanish dates and plurals, and /Lang es
in the PDF. Text that is the walk's own (its notes, its protocol snapshot, its people) is
the walk's, and is left out of the search for English words."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import date

import pytest
from pypdf import PdfReader

from tests.core.reports.conftest import Template, pdf_text, squash
from tests.helpers import gettext_catalogue as gc
from walkapp import demo, demo_es
from walkapp import formatting as fmt
from walkapp.config import Settings, resolve_settings
from walkapp.reports import Paper, ReportKind, ReportRequest, render_report
from walkapp.reports.registry import REPORTS
from walkapp.services import Services, open_services
from walkapp.storage.snapshot import copy_database

WALK_DATE = date(2026, 12, 1)
# What each kind needs besides the walk (registry.Need): the journal's walker, the
# thank-you note's visit.
EXTRA: dict[ReportKind, dict[str, object]] = {
    ReportKind.THANKS: {"visit": 2}, ReportKind.JOURNAL: {"walker": "Carla Núñez"}}


@pytest.fixture(scope="module")
def spanish_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    folder = tmp_path_factory.mktemp("spanish-demo")
    opened = open_services(resolve_settings(folder))
    try:
        walk = demo.create_demo_walk(opened, walk_date=WALK_DATE, language="es")
    finally:
        opened.close()
    return Template(folder / "walkapp.sqlite3", walk.id)


@pytest.fixture
def spanish(settings: Settings, spanish_template: Template, tmp_path_factory:
            pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    """Services over a copy of the Spanish sample, with the Spanish catalogue built; the
    app's own language stays English (tests/conftest.py sets it)."""
    monkeypatch.setenv("WALKAPP_TRANSLATIONS_DIR",
                       str(gc.build_mo(tmp_path_factory.mktemp("mo"))))
    assert settings.sqlite_path is not None
    copy_database(spanish_template.path, settings.sqlite_path)
    opened = open_services(settings)
    yield opened
    opened.close()


def _render(services: Services, walk_id: str, kind: ReportKind) -> bytes:
    return render_report(services, ReportRequest(kind=kind, walk_id=walk_id, paper=Paper.A4,
                                                 **EXTRA.get(kind, {})))  # type: ignore[arg-type]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _walks_own_text(services: Services, walk_id: str) -> str:
    """The walk's protocol snapshot and the sample's own words: not the catalogue's."""
    from walkapp.protocol.snapshot import to_snapshot
    from walkapp.services.protocol_walks import walk_protocol

    snapshot = json.loads(to_snapshot(walk_protocol(services, walk_id))[0])
    sample = [v for name, v in vars(demo_es).items() if name.isupper()]
    return "\n".join([*_strings(snapshot), *_strings(sample), demo.FACILITATOR,
                      *demo.WALKERS])


def _leftovers(text: str, allowed: str) -> list[str]:
    """Pieces of English message ids found in `text` that are not also Spanish (some are:
    "Total", "Agenda", "Describe") or the walk's own words."""
    flat = " ".join(text.split())
    return sorted(piece for piece in gc.english_pieces(gc.read(gc.POT))
                  if piece not in allowed
                  and re.search(rf"(?<![\w]){re.escape(piece)}(?![\w])", flat))


@pytest.mark.parametrize("kind", [spec.kind for spec in REPORTS], ids=str)
def test_every_kind_prints_in_the_walks_language(spanish: Services,
                                                 spanish_template: Template,
                                                 kind: ReportKind) -> None:
    assert fmt.language_code() == "en"  # the app is in English; the walk is in Spanish
    pdf = _render(spanish, spanish_template.walk_id, kind)
    text = pdf_text(pdf)
    allowed = gc.translated_text(gc.read(gc.po_path("es"), "es")) + "\n" + _walks_own_text(
        spanish, spanish_template.walk_id)
    assert _leftovers(text, allowed) == []
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    assert root["/Lang"] == "es"
    if kind is not ReportKind.ACTIONS:  # the tracker is dated today, not by the walk
        assert squash("1 de diciembre de 2026") in squash(text)


def test_counts_and_dates_read_as_spanish(spanish: Services,
                                          spanish_template: Template) -> None:
    walk_id = spanish_template.walk_id
    debrief = squash(pdf_text(_render(spanish, walk_id, ReportKind.DEBRIEF)))
    for said in ("4 participantes", "5 visitas", "martes, 1 de diciembre de 2026",
                 "Página 1 de", "Próximos pasos", "Normas que acordamos"):
        assert squash(said) in debrief, said
    journal = squash(pdf_text(_render(spanish, walk_id, ReportKind.JOURNAL)))
    for said in ("1 recorrido", "1 compromiso", "Diario de crecimiento: Carla Núñez"):
        assert squash(said) in journal, said
    agenda = squash(pdf_text(_render(spanish, walk_id, ReportKind.AGENDA)))
    assert squash("Orden del día") in agenda


def test_an_english_walk_still_prints_in_english(spanish: Services,
                                                 spanish_template: Template) -> None:
    """The same process, the Spanish catalogue at hand: an English walk's report is
    English (the walk decides, not whatever ran before)."""
    _render(spanish, spanish_template.walk_id, ReportKind.DEBRIEF)
    walk = demo.create_demo_walk(spanish, walk_date=WALK_DATE)
    pdf = _render(spanish, walk.id, ReportKind.DEBRIEF)
    text = squash(pdf_text(pdf))
    assert squash("Tuesday, December 1, 2026") in text and squash("Next steps") in text
    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "en"


def test_a_kind_without_a_walk_prints_in_the_apps_language(
        spanish: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fmt, "_override", "es_ES")
    pdf = render_report(spanish, ReportRequest(kind=ReportKind.ACTIONS, paper=Paper.A4))
    assert squash("Seguimiento de acciones acordadas") in squash(pdf_text(pdf))
    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "es"
