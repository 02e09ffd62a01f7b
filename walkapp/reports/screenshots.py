"""Render every report kind for the demo walk and turn each page into a PNG.

    python -m walkapp.reports.screenshots docs/screenshots/reports
    python -m walkapp.reports.screenshots docs/screenshots/reports-es --lang es

Uses a throw-away database (never the user's) holding the demo walk and one earlier walk
of the same group (so the journal and the tracker have history), `pdftoppm` from
poppler-utils at 80 dpi,
and names pages `<kind>-<n>.png`. Old pictures of each kind are removed first so a report
that got shorter leaves no stale pages behind.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date, time, timedelta
from pathlib import Path

from walkapp import domain as d
from walkapp.config import resolve_settings
from walkapp.demo import create_demo_walk
from walkapp.reports import Paper, ReportKind, ReportRequest, export_report
from walkapp.services import Services, open_services

DEMO_DATE = date(2026, 11, 2)  # fixed, so the pictures change only when the layout does
# The earlier walk's words, in the sample walk's language.
HISTORY = {
    "en": ("Learning walk — questioning",
           "I will try counting to five after every question I ask.",
           "Counting silently worked; more students had a go, and I noticed I now wait "
           "without counting.", "What surprised you today?",
           "How often students answered each other once the teacher stopped repeating "
           "their answers.", "Share a one-page guide to wait time",
           "Shared at the staff meeting; copies in the staff room.",
           "Ask the Year 6 team about lanyard roles"),
    "es": ("Recorrido de aprendizaje — las preguntas",
           "Voy a probar a contar hasta cinco después de cada pregunta que haga.",
           "Contar en silencio funcionó; más alumnos se animaron, y noté que ahora espero "
           "sin contar.", "¿Qué te sorprendió hoy?",
           "Cuántas veces se respondieron los alumnos entre sí cuando el docente dejó de "
           "repetir sus respuestas.", "Compartir una guía de una página sobre el tiempo de "
           "espera", "Se compartió en el claustro; hay copias en la sala del profesorado.",
           "Preguntar al equipo de 6.º por las tarjetas de funciones"),
}


def add_history(services: Services, walk_id: str, language: str = "en") -> None:
    """An earlier walk of the same series (the same group), so the journal and the tracker
    show history: a commitment reviewed at the demo walk, and an action item followed up
    there."""
    title, commitment, review, question, answer, action, follow_up, other = HISTORY[
        language]
    earlier = services.series.plan_again(walk_id, title, DEMO_DATE - timedelta(days=28),
                                         copy_route=True)
    carla = next(p for p in earlier.walkers if p.display_name == "Carla Núñez")
    debrief = services.debrief
    tried = debrief.save_commitment(earlier.id, carla.id, commitment)
    debrief.review_commitment(tried.id, d.CommitmentStatus.TRIED, review)
    services.notes.save_reflection(earlier.id, carla.id, question, answer)
    item = debrief.add_action_item(earlier.id, action, "Morgan Ellis",
                                   DEMO_DATE - timedelta(days=14))
    debrief.follow_up(item.id, walk_id, d.ActionStatus.DONE, follow_up)
    debrief.add_action_item(earlier.id, other, "Ben Okafor", DEMO_DATE - timedelta(days=7))


def render_all(out: Path, paper: Paper = Paper.A4, dpi: int = 80, language: str = "en"
               ) -> list[Path]:
    """Every kind's pages for the sample walk in `language` ("en", "es": its reports are
    in the walk's language, whatever the app's)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise SystemExit("pdftoppm is missing; install poppler-utils "
                         "(apt-get install poppler-utils) and run again.")
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        services = open_services(resolve_settings(work / "data"))
        try:
            walk = create_demo_walk(services, walk_date=DEMO_DATE, language=language)
            add_history(services, walk.id, language)
            for kind in ReportKind:
                request = ReportRequest(kind=kind, walk_id=walk.id, walker="Carla Núñez",
                                        visit=2, paper=paper, start=time(8, 30))
                pdf = work / f"{kind.value}.pdf"
                export_report(services, request, pdf)
                for old in out.glob(f"{kind.value}-*.png"):
                    old.unlink()
                subprocess.run([tool, "-r", str(dpi), "-png", str(pdf),
                                str(out / kind.value)], check=True)
                written += sorted(out.glob(f"{kind.value}-*.png"))
        finally:
            services.close()
    return written


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    language = "en"
    if "--lang" in args:
        at = args.index("--lang")
        language = args[at + 1]
        del args[at:at + 2]
    out = Path(args[0] if args else "docs/screenshots/reports")
    for path in render_all(out, language=language):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
