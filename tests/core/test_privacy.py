"""Privacy: deleted text really gone, private files, teacher names kept out of output,
no network, and the privacy helper other tests use on reports and bundles."""

from __future__ import annotations

import contextlib
import io
import json
import os
import socket
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers.builders import make_walk
from tests.helpers.no_network import NetworkAccessError, forbid_network
from tests.helpers.privacy import (
    TEACHER_NAMES,
    WALKER_NAMES,
    assert_private,
    find_leaks,
    make_private_walk,
)
from walkapp.cli import main
from walkapp.config import resolve_settings
from walkapp.services import NoteDraft, Services, open_services

SECRET = "Zanzibar-quokka remark about Jayden's reading"
# ~7 KB of text that never repeats: it spills onto overflow pages, where it is split at page
# boundaries, so it is looked for in short pieces.
LONG_SECRET = "".join(f"marmalade-okapi-{i:04d} " for i in range(300))


def _pieces(secret: str) -> list[bytes]:
    data = secret.encode()
    return [data[i:i + 22] for i in range(0, len(data) - 22, 300)] or [data]


def _found(secret: str, raw: bytes) -> int:
    return sum(piece in raw for piece in _pieces(secret))


def _raw_bytes(services: Services) -> bytes:
    """Every byte walkapp's database keeps on disk: the file, its -wal and -shm."""
    assert services.db.path is not None
    data = b""
    for suffix in ("", "-wal", "-shm", "-journal"):
        part = Path(f"{services.db.path}{suffix}")
        if part.exists():
            data += part.read_bytes()
    return data


def _checkpoint(services: Services) -> None:
    with services.db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


@pytest.mark.parametrize("secret", [SECRET, LONG_SECRET])
def test_deleted_note_text_is_not_left_in_the_file(services: Services, secret: str) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    note = services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=None, text=secret))
    kept = services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=None,
                                              text="kept note"))
    _checkpoint(services)
    # The check can see text at all (most pieces; a few straddle page boundaries).
    assert _found(secret, _raw_bytes(services)) >= len(_pieces(secret)) * 0.8
    services.notes.delete_note(note.id)
    assert _found(secret, _raw_bytes(services)) == 0
    _checkpoint(services)
    assert _found(secret, _raw_bytes(services)) == 0
    assert services.notes.get_note(kept.id).text == "kept note"


def test_deleted_walk_leaves_no_note_text(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=None, text=SECRET))
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=None, text=LONG_SECRET))
    _checkpoint(services)
    assert _found(SECRET, _raw_bytes(services)) == 1
    assert _found(LONG_SECRET, _raw_bytes(services)) >= len(_pieces(LONG_SECRET)) * 0.8
    services.walks.delete_walk(walk.id)
    services.trash.empty()
    _checkpoint(services)
    raw = _raw_bytes(services)
    assert _found(SECRET, raw) == 0 and _found(LONG_SECRET, raw) == 0


def test_every_file_in_the_data_folder_is_private(capsys: pytest.CaptureFixture[str]) -> None:
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    old = os.umask(0o022)  # a typical umask: walkapp must not rely on a strict one
    try:
        seed_default_folder()
        assert main(["backup"]) == 0
        assert main(["restore", "--yes"]) == 0
        assert main(["purge", "--older-than", "1", "--yes"]) == 0
        settings = resolve_settings()
        assert settings.sqlite_path is not None
        settings.sqlite_path.write_bytes(b"damaged")
        from walkapp.storage.startup import RecoveryChoice, check_database, recover

        recover(settings, check_database(settings), RecoveryChoice.RESTORE_BACKUP)
        assert main(["list"]) == 0
    finally:
        os.umask(old)
    capsys.readouterr()
    data = resolve_settings().data_dir
    files = [p for p in data.rglob("*")]
    assert any(p.name.startswith("damaged-") for p in files)
    assert any(p.name == "walkapp.lock" for p in files)
    for path in [data, *files]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), f"{path}: {oct(mode)}"


def seed_default_folder() -> None:
    services = open_services(resolve_settings())
    try:
        make_walk(services, walkers=1, visits=1)
    finally:
        services.close()


# -- teacher names and the privacy helper ---------------------------------------------------
def test_teacher_names_are_off_by_default_and_kept_out_of_show(
        services: Services, capsys: pytest.CaptureFixture[str]) -> None:
    walk = make_private_walk(services)
    assert walk.show_teacher_names is False and walk.visits[0].teacher_name == TEACHER_NAMES[0]
    services.close()
    for args in (["show", "Privacy"], ["show", "Privacy", "--json"], ["list", "--json"]):
        assert main(args) == 0
        out, _ = capsys.readouterr()
        assert_private(out, walk)
    # Switched on, they show — proving the check above could fail.
    with_names = open_services(resolve_settings())
    try:
        walk = with_names.walks.update_walk(walk.id, show_teacher_names=True)
    finally:
        with_names.close()
    assert main(["show", "Privacy"]) == 0
    out, _ = capsys.readouterr()
    assert TEACHER_NAMES[0] in out


def test_the_privacy_helper_finds_names_however_they_are_encoded(services: Services) -> None:
    walk = make_private_walk(services)
    teacher, walker = TEACHER_NAMES[1], WALKER_NAMES[2]   # both with non-ASCII letters
    leaking = [
        f"Visit 1 — {teacher}",
        f"<p>{teacher.replace('é', '&eacute;')}</p>",
        json.dumps({"teacher": teacher}),                   # \\u00e9 escapes
        teacher.upper(),
        teacher.replace(" ", "\n"),
        teacher.encode("utf-16"),
        teacher.encode("utf-8"),
    ]
    for output in leaking:
        assert find_leaks(output, walk), output
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("notes/visit-1.json", json.dumps({"who": teacher}))
    assert find_leaks(bundle.getvalue(), walk)
    assert find_leaks(f"{walker} will try wait time", walk, walker_names=False)
    assert not find_leaks(f"{walker} will try wait time", walk)      # names allowed here
    assert not find_leaks("Baptistes Zélinskiana", walk)             # not a whole word
    assert not find_leaks(f"Visit 1 — {teacher}", walk.__class__(**{
        **walk.__dict__, "show_teacher_names": True}))


def test_the_privacy_helper_reads_pdfs() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from walkapp import domain as d

    walk = d.Walk.__new__(d.Walk)  # only the fields the helper reads
    visit = d.Visit(id="v", walk_id="w", position=1, room="Room Q-417",
                    teacher_name=TEACHER_NAMES[0])
    object.__setattr__(walk, "visits", (visit,))
    object.__setattr__(walk, "participants", ())
    object.__setattr__(walk, "show_teacher_names", False)
    object.__setattr__(walk, "include_visit_details", False)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.drawString(72, 700, f"Visit 1: {TEACHER_NAMES[0]}")
    canvas.save()
    leaks = find_leaks(buffer.getvalue(), walk)
    assert any("PDF text" in leak.where for leak in leaks)
    clean = io.BytesIO()
    canvas = Canvas(clean, pagesize=A4)
    canvas.drawString(72, 700, "Visit 1")
    canvas.save()
    assert find_leaks(clean.getvalue(), walk) == []


# -- no network --------------------------------------------------------------------------------
def test_the_network_guard_catches_attempts_even_if_swallowed() -> None:
    with forbid_network() as attempts:
        before = len(attempts)
        with pytest.raises(NetworkAccessError):
            socket.create_connection(("192.0.2.1", 80), timeout=0.1)
        with pytest.raises(NetworkAccessError):
            socket.getaddrinfo("example.org", 443)
        with pytest.raises(NetworkAccessError):
            socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        with contextlib.suppress(Exception):  # code that hides the failure…
            socket.gethostbyname("example.org")  # …is still caught below
        local_a, local_b = socket.socketpair()  # local IPC stays allowed
        local_a.close()
        local_b.close()
        assert len(attempts) - before == 4


@pytest.mark.usefixtures("no_network")
def test_commands_open_no_socket(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["demo"], ["list"], ["list", "--json"], ["show", "Learning"],
                 ["show", "Learning", "--json"], ["check"], ["backup"], ["backups", "--check"],
                 ["restore", "--yes"], ["retention", "12"], ["retention"],
                 ["purge", "--yes"], ["--help"]):
        try:
            code = main(args)
        except SystemExit as exit_:  # --help
            code = int(exit_.code or 0)
        assert code == 0, (args, capsys.readouterr())
    capsys.readouterr()


def _can_unshare_network() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        return subprocess.run(["unshare", "--net", "true"], capture_output=True,
                              timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.mark.skipif(not _can_unshare_network(), reason="needs a network namespace (root)")
def test_commands_work_with_no_network_at_all(tmp_path: Path) -> None:
    """In a namespace with no network devices at all: everything still works."""
    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(repo), "WALKAPP_DATA_DIR": str(tmp_path / "d")}
    script = ("import sys; from walkapp.cli import main; "
              "sys.exit(max(main(a) for a in ([\"demo\"], [\"list\"], [\"show\", \"Learning\", "
              "\"--json\"], [\"check\"], [\"backup\"], [\"restore\", \"--yes\"], "
              "[\"purge\", \"--older-than\", \"1\", \"--yes\"])))")
    result = subprocess.run(["unshare", "--net", sys.executable, "-c", script],
                            capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
