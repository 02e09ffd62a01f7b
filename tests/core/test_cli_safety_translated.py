"""The Trash, purge, retention and backup commands say everything through the catalogue:
under the strict pseudo-locale (each run of words between placeholders wrapped apart, so an
English fragment given as a value shows) every line they print is wrapped but the user's
own titles and the paths; and a few of them in Spanish."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.pseudo_core import speaking_pseudo, strict_pseudo_folder, unwrapped
from walkapp import formatting as fmt
from walkapp.cli import main
from walkapp.demo import create_demo_walk
from walkapp.services import Services

TITLES = ["Old walk", "Trashed walk", "Kept walk"]


def _walks(services: Services) -> list[str]:
    from datetime import date

    old = create_demo_walk(services, walk_date=date(2020, 1, 6), title=TITLES[0])
    gone = create_demo_walk(services, title=TITLES[1])
    create_demo_walk(services, title=TITLES[2])
    return [old.id, gone.id]


def _said(capsys: pytest.CaptureFixture[str], *commands: list[str]) -> list[str]:
    lines: list[str] = []
    for command in commands:
        main(command)
        out, err = capsys.readouterr()
        lines += [line for line in (out + err).splitlines() if line.strip()]
    return lines


def test_the_trash_purge_and_retention_commands_speak_through_the_catalogue(
        services: Services, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory,
        capsys: pytest.CaptureFixture[str]) -> None:
    _old, gone = _walks(services)
    base = ["--data-dir", str(services.db.settings.data_dir)]
    services.close()
    capsys.readouterr()
    with speaking_pseudo(strict_pseudo_folder(tmp_path_factory.getbasetemp())):
        said = _said(capsys, [*base, "delete", gone], [*base, "trash", "list"],
                     [*base, "trash", "empty", "--yes"], [*base, "retention", "6"],
                     [*base, "retention"], [*base, "purge", "--yes"],
                     [*base, "retention", "off"], [*base, "backups"])
    assert len(said) >= 8, said
    # A backup's reason is a tag of its file name (pre-purge-….sqlite3), shown as it is.
    tags = ["pre-purge", "pre-empty-trash", "pre-delete", "manual"]
    found = unwrapped(said, user=[*TITLES, *tags, str(tmp_path),
                                  str(services.db.settings.data_dir)])
    assert not found, "\n".join(f"{text!r}: {left}" for text, left in found)


def test_a_few_of_them_in_spanish(services: Services, capsys: pytest.CaptureFixture[str]
                                  ) -> None:
    _old, gone = _walks(services)
    base = ["--data-dir", str(services.db.settings.data_dir), "--lang", "es"]
    services.close()
    capsys.readouterr()
    try:
        said = "\n".join(_said(capsys, [*base, "delete", gone],
                               [*base, "trash", "empty", "--yes"],
                               [*base, "retention", "6"]))
    finally:
        fmt.set_locale("en")
    assert "para siempre" in said and "Plazo de conservación fijado" in said, said
