"""The communication log never leaves the laptop except by the facilitator's choice in a
portfolio: a distinctive entry is planted (on the facilitator's laptop, linked to the walk,
and on a walker's), and every byte of every way data leaves is searched for its words —
the walk kit and the walker's database made from it, the walker's notes files, the shared
and the owner's export (JSON, CSV folder and zip), the merge's tables, and every report of
the registry (tests/helpers/privacy.py: PDFs as text and raw, zips member by member, three
encodings, escapes, case and accents folded)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.helpers.full_walk import full_walk
from tests.helpers.laptops import Laptop, laptops
from tests.helpers.privacy import find_leaks
from walkapp.bundles import crypto
from walkapp.exports import DataService
from walkapp.exports.portfolio import write_portfolio
from walkapp.reports import REPORTS, Need, ReportRequest, render_report
from walkapp.reports.build_portfolio import PortfolioRequest
from walkapp.services import Services

WHO = "Philomena Quasthoff-Varga"
SAID = "Zygodactyl marzipan agreement about the nectarine timetable"


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def plant(services: Services, walk_id: str | None) -> str:
    entry = services.log.add_entry("meeting", date(2026, 11, 4), WHO, SAID, walk_id)
    return entry.id


def leaks(output: bytes | str, laptop: Laptop, walk_id: str, *ids: str) -> list[str]:
    # Only the log's words and ids: what the walk's settings hold back is other tests' job
    # (the kit and the papers of the day keep the route's rooms, the owner's export all).
    walk = replace(laptop.services.walks.get_walk(walk_id), visits=())
    return [str(x) for x in find_leaks(output, walk, extra=(WHO, SAID, *ids))]


def _database_bytes(laptop: Laptop) -> bytes:
    """The database file with its write-ahead log: every byte the laptop keeps."""
    laptop.services.db.checkpoint()
    return b"".join(Path(f"{laptop.db_path}{end}").read_bytes() for end in ("", "-wal")
                    if Path(f"{laptop.db_path}{end}").exists())


def _all_files(path: Path) -> list[bytes]:
    return [p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()] \
        if path.is_dir() else [path.read_bytes()]


def test_no_kit_notes_file_export_merge_or_report_carries_the_log(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = full_walk(fac, amy, tmp_path)
        entry = plant(fac.services, walk.id)
        plant(fac.services, None)
        mine = plant(amy.services, walk.id)  # a walker's own laptop: never in her notes
        # The search can find the entry where it is: in the database it lives in (its
        # columns sit side by side there, so as raw bytes, not as words).
        assert SAID.encode() in _database_bytes(fac)
        assert leaks(f"Met {WHO}: {SAID}.", fac, walk.id)
        outputs: dict[str, bytes] = {}
        kit = fac.bundles.write_kit(walk.id, tmp_path / "again.walkkit",
                                    walker_id=walk.walker)
        outputs["walk kit"] = Path(kit).read_bytes()
        outputs["open kit for anyone"] = Path(fac.bundles.write_kit(
            walk.id, tmp_path / "any.walkkit")).read_bytes()
        notes = amy.bundles.write_notes(walk.id, walk.walker, tmp_path / "amy3.walknotes")
        outputs["notes file"] = Path(notes).read_bytes()
        assert fac.bundles.import_files([notes]).clean
        data = DataService(fac.services)
        for kind in ("shared", "owner"):
            for form, name in (("json", f"{kind}.json"), ("csv", f"{kind}.zip"),
                               ("csv", f"{kind}-folder")):
                written = Path(data.export(kind, None, tmp_path / name, form).path)
                outputs[f"{kind} export {name}"] = b"\n".join(_all_files(written))
        for spec in REPORTS:
            request = ReportRequest(spec.kind, walk_id=walk.id, walker="Amira Walker",
                                    visit=1) if Need.WALK in spec.needs | spec.takes else \
                ReportRequest(spec.kind, walker="Amira Walker")
            outputs[f"report {spec.kind.value}"] = render_report(fac.services, request)
        # A portfolio carries the log only as the facilitator chooses: by default, not.
        write_portfolio(fac.services, PortfolioRequest(date(2026, 1, 1), date(2027, 12, 31)),
                        tmp_path / "portfolio.zip")
        outputs["portfolio"] = (tmp_path / "portfolio.zip").read_bytes()
        found = {what: leaks(raw, fac, walk.id, entry, mine) for what, raw in outputs.items()}
        assert found == {what: [] for what in outputs}
        # Nothing of the facilitator's reached the walker's laptop, nor the merge's tables
        # on either laptop.
        assert [e.id for e in amy.services.log.list_entries()] == [mine]
        for laptop in (fac, amy):
            with sqlite3.connect(laptop.db_path) as conn:
                entities = {r[0] for q in ("SELECT entity FROM sync_versions",
                                           "SELECT entity FROM sync_rows",
                                           "SELECT entity FROM sync_families")
                            for r in conn.execute(q)}
                rows = {r[0] for r in conn.execute("SELECT row_id FROM sync_rows")}
            assert "log_entry" not in entities and not {entry, mine} & rows


def test_the_kit_opened_on_a_walkers_laptop_brings_no_log(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "ben") as (fac, ben):
        walk = full_walk(fac, ben, tmp_path)
        plant(fac.services, walk.id)
        kit = fac.bundles.write_kit(walk.id, tmp_path / "ben.walkkit", walker_id=walk.walker)
        ben.bundles.open_kit(kit)
        assert ben.services.log.list_entries() == []
        raw = _database_bytes(ben)
        assert SAID.encode() not in raw and WHO.encode() not in raw
