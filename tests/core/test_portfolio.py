"""The portfolio holds exactly the chosen artifacts (the zip listed, the PDF's text read),
the communication log only as chosen and anonymised by default, and walkers' reflections
named only for walkers who agreed (the others "Walker A", "Walker B"…)."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers.cli_run import run
from walkapp import domain as d
from walkapp.exports.portfolio import preview_log, write_portfolio
from walkapp.reports.build_portfolio import Artifact, PortfolioRequest
from walkapp.services import NewWalk, Services

AUTUMN, SPRING = date(2026, 11, 3), date(2027, 3, 9)
PERIOD = (date(2026, 9, 1), date(2026, 12, 31))


def _walk(services: Services, title: str, day: date) -> tuple[d.Walk, list[d.Participant]]:
    walk = services.walks.create_walk(NewWalk(title=title, walk_date=day,
                                              school="Quillby Primary"))
    plan = services.plan
    plan.add_participant(walk.id, "Fran Facilitator", d.Role.FACILITATOR)
    walkers = [plan.add_participant(walk.id, n) for n in ("Esmeralda Pennyworth",
                                                          "Thaddeus Orrinbrook")]
    plan.add_visit(walk.id, room="Room Kestrel-9", teacher_name="Ottilie Vandersloot")
    for walker in walkers:
        services.notes.save_reflection(walk.id, walker.id, "What will you try?",
                                       f"{walker.display_name}: I will try wait time, as "
                                       "Ottilie Vandersloot does.")
    services.debrief.add_feedback(walk.id, "useful", "How useful was it?", "Very useful",
                                  rating=4)
    return services.walks.get_walk(walk.id), walkers


@pytest.fixture
def year(services: Services) -> dict[str, str]:
    autumn, walkers = _walk(services, "Autumn walk", AUTUMN)
    _walk(services, "Spring walk", SPRING)
    log = services.log
    met = log.add_entry("meeting", date(2026, 11, 4), "Ottilie Vandersloot",
                        "Ottilie Vandersloot agreed to host again; Mr Grimsditch asked "
                        "to join.", autumn.id)
    other = log.add_entry("message", date(2026, 11, 20), "Bartholomew Quince",
                          "Sent Bartholomew the agenda.")
    log.add_entry("note", date(2027, 3, 10), "", "Outside the period.")
    esme = next(w for w in services.log.walkers_between(*PERIOD)
                if w.name == "Esmeralda Pennyworth")
    services.log.name_in_portfolio(esme.person_id, True)
    return {"met": met.id, "other": other.id, "walker": walkers[0].id}


def _zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def _pdf_text(data: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(io.BytesIO(data)).pages)


def test_the_default_portfolio_holds_every_artifact_but_the_log(
        services: Services, year: dict[str, str], tmp_path: Path) -> None:
    written = write_portfolio(services, PortfolioRequest(*PERIOD), tmp_path / "p.zip")
    files = _zip(tmp_path / "p.zip")
    assert sorted(files) == sorted(written.files) == sorted([
        "portfolio.pdf", "agendas/01 2026-11-03 Autumn walk.pdf",
        "protocols/learning-walk-1.toml", "reflections.txt", "feedback.txt",
        "debriefs/01 2026-11-03 Autumn walk.pdf"])
    text = _pdf_text(files["portfolio.pdf"])
    assert "Portfolio of learning walks" in text and "Quillby Primary" in text
    assert "Autumn walk" in text and "Spring walk" not in text  # only the period's
    for part in ("Agenda", "Walkers' reflections", "Feedback summary", "Debrief",
                 "Protocols in use"):
        assert part in text, part
    # No log, no room, no observed teacher's name, anywhere.
    everything = b"".join(files.values()).decode("latin-1") + text
    for held in ("Grimsditch", "Bartholomew", "agreed to host", "Communication log",
                 "Kestrel-9", "Vandersloot"):
        assert held not in everything, held
    assert "learning-walk" in files["protocols/learning-walk-1.toml"].decode()
    assert files["agendas/01 2026-11-03 Autumn walk.pdf"].startswith(b"%PDF")


def test_reflections_are_named_only_for_walkers_who_agreed(
        services: Services, year: dict[str, str], tmp_path: Path) -> None:
    write_portfolio(services, PortfolioRequest(*PERIOD, frozenset({Artifact.REFLECTIONS})),
                    tmp_path / "p.zip")
    files = _zip(tmp_path / "p.zip")
    assert sorted(files) == ["portfolio.pdf", "reflections.txt"]
    for text in (files["reflections.txt"].decode(), _pdf_text(files["portfolio.pdf"])):
        assert "Esmeralda Pennyworth" in text        # she agreed
        assert "Thaddeus" not in text and "Orrinbrook" not in text  # he did not
        assert "Walker A" in text and "[a teacher]" in text
        assert "Vandersloot" not in text             # names in reflections are replaced


def test_the_log_goes_in_only_as_chosen_and_anonymised_by_default(
        services: Services, year: dict[str, str], tmp_path: Path) -> None:
    request = PortfolioRequest(*PERIOD, frozenset({Artifact.LOG}), (year["met"],))
    preview = preview_log(services, request)
    assert [(i.with_whom, i.text) for i in preview] == [
        ("a teacher", "[a teacher] agreed to host again; [a teacher] asked to join.")]
    write_portfolio(services, request, tmp_path / "p.zip")
    files = _zip(tmp_path / "p.zip")
    assert sorted(files) == ["communication-log.csv", "portfolio.pdf"]
    csv = files["communication-log.csv"].decode("utf-8-sig")
    text = _pdf_text(files["portfolio.pdf"])
    for where in (csv, text):
        assert "agreed to host again" in where and "Autumn walk" in where
        assert "Vandersloot" not in where and "Grimsditch" not in where
        assert "Bartholomew" not in where  # the entry not chosen
    # As written, when the facilitator says so.
    plain = PortfolioRequest(*PERIOD, frozenset({Artifact.LOG}), (year["met"],),
                             anonymise_log=False)
    write_portfolio(services, plain, tmp_path / "plain.zip")
    assert "Ottilie Vandersloot" in _zip(tmp_path / "plain.zip")["communication-log.csv"]\
        .decode("utf-8-sig")


def test_the_command_line_makes_the_same_portfolio(
        services: Services, year: dict[str, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    services.close()
    out = tmp_path / "cli.zip"
    code, _, err = run(capsys, "portfolio", "--from", "2026-09-01", "--to", "2026-12-31",
                       "--only", "debriefs", "--include-log", year["other"][:8], "-o",
                       str(out))
    assert code == 0, err
    files = _zip(out)
    assert sorted(files) == ["communication-log.csv", "debriefs/01 2026-11-03 Autumn walk.pdf",
                             "portfolio.pdf"]
    csv = files["communication-log.csv"].decode("utf-8-sig")
    assert "Sent [a teacher] the agenda." in csv and "agreed to host" not in csv
    code, said, _ = run(capsys, "portfolio", "--from", "2026-09-01", "--to", "2026-12-31",
                        "--include-log", "--preview-log")
    assert code == 0 and "agreed to host again" in said
    assert "Vandersloot" not in said and "Outside the period" not in said
    code, said, _ = run(capsys, "log", "--from", "2026-11-01", "--to", "2026-11-30")
    assert code == 0 and "Ottilie Vandersloot" in said and "Outside" not in said
    code, _, err = run(capsys, "portfolio", "--from", "2027-01-01", "--to", "2026-01-01",
                       "-o", str(out))
    assert code != 0 and "ends before it starts" in err
