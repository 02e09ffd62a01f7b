"""Where data lives: --data-dir beats WALKAPP_DATA_DIR beats the user data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from walkapp.config import DATABASE_FILENAME, resolve_settings, sqlite_path_from_url


def test_explicit_folder_wins_over_environment(tmp_path: Path) -> None:
    chosen = resolve_settings(tmp_path / "chosen")
    assert chosen.data_dir == tmp_path / "chosen"
    assert chosen.sqlite_path == tmp_path / "chosen" / DATABASE_FILENAME


def test_environment_folder_used_without_flag(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WALKAPP_DATA_DIR", str(tmp_path / "env"))
    assert resolve_settings().data_dir == tmp_path / "env"


def test_default_is_user_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WALKAPP_DATA_DIR")
    folder = resolve_settings().data_dir
    assert folder.name == "walkapp"
    assert str(folder).startswith(str(tmp_path / "home"))


def test_database_url_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WALKAPP_DATABASE_URL", "postgresql://server/walks")
    settings = resolve_settings(tmp_path)
    assert settings.database_url == "postgresql://server/walks"
    assert settings.sqlite_path is None
    assert resolve_settings(tmp_path, "sqlite:///x.db").database_url == "sqlite:///x.db"


@pytest.mark.parametrize(("url", "expected"), [
    ("sqlite:////a/b.sqlite3", Path("/a/b.sqlite3")),
    ("sqlite:///rel.db?timeout=3", Path("rel.db")),
    ("sqlite:///:memory:", None),
    ("sqlite://", None),
    ("postgresql://h/db", None),
])
def test_sqlite_path_from_url(url: str, expected: Path | None) -> None:
    assert sqlite_path_from_url(url) == expected
