"""Jobs in a child process (walkapp.services.offload): answers, errors and deaths come back
as clear messages, a child killed half-way leaves the database as it was, the changes it
made are published in the parent, and a child never outlives its parent (the lock rules).
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.helpers import child_jobs
from walkapp import domain as d
from walkapp.errors import ValidationError, WalkappError, WalkInTrashError
from walkapp.events import Change, Entity, acting_for
from walkapp.services import Services
from walkapp.services.offload import (
    ChildBugError,
    ChildCrashedError,
    ChildJob,
    ChildStoppedError,
    _sendable_error,
    can_run_in_child,
)


def job(services: Services, fn: object, *args: object) -> ChildJob:
    return ChildJob(services.db.settings, services.bus, fn, *args)  # type: ignore[arg-type]


def test_the_result_and_the_changes_come_back(services: Services, walk: d.Walk,
                                              changes: list[Change]) -> None:
    origin = object()
    with acting_for(origin):  # the screen that asked; its write must be recognisable
        child = job(services, child_jobs.publish_and_return, walk.id)
    seen: list[tuple[int, int, str]] = []
    answer = child.run(lambda *p: seen.append(p))
    assert answer.startswith("ran in ") and answer != f"ran in {os.getpid()}"
    assert seen == [(1, 1, "Done")]
    assert [(c.entity, c.walk_id, c.ids) for c in changes] == [(Entity.NOTE, walk.id,
                                                                 ("n1",))]
    assert changes[0].is_from(origin)


@pytest.mark.parametrize("chosen", ["es", "en"])
def test_the_child_speaks_the_apps_language_not_only_the_systems(
        services: Services, monkeypatch: pytest.MonkeyPatch, chosen: str) -> None:
    """The app's language comes from Preferences or --lang (formatting.set_locale), which
    a fresh process knows nothing of: an import's report made in a child is in it."""
    from walkapp import formatting

    monkeypatch.setenv("LANG", "en_US.UTF-8" if chosen == "es" else "es_ES.UTF-8")
    formatting.set_locale(chosen)
    said = job(services, child_jobs.say_next_steps).run()
    assert said == ("Próximos pasos" if chosen == "es" else "Next steps")
    with formatting.language("es"):  # a report of a Spanish walk, in an English app
        assert job(services, child_jobs.say_next_steps).run() == "Próximos pasos"


def test_a_walkapp_error_stays_a_clear_message(services: Services) -> None:
    with pytest.raises(ValidationError, match="has no visits yet: add one on Plan"):
        job(services, child_jobs.refuse).run()


def test_an_error_with_its_own_constructor_keeps_its_message() -> None:
    import pickle

    error = WalkInTrashError("w1", "Spring walk")
    sent = pickle.loads(pickle.dumps(_sendable_error(error)))
    assert isinstance(sent, WalkappError) and sent.message == error.message


def test_a_bug_in_the_child_comes_back_with_its_traceback(services: Services) -> None:
    with pytest.raises(ChildBugError) as caught:
        job(services, child_jobs.bug).run()
    assert "KeyError" in str(caught.value) and "child_jobs.py" in caught.value.details


def test_a_child_that_dies_is_a_clear_message(services: Services) -> None:
    with pytest.raises(ChildCrashedError, match=r"stopped unexpectedly \(exit code 3\)\. "
                                               "Nothing was changed"):
        job(services, child_jobs.die).run()


def test_a_child_killed_half_way_leaves_the_database_as_it_was(
        services: Services, walk: d.Walk, changes: list[Change]) -> None:
    child = job(services, child_jobs.write_then_wait, walk.id)
    written = threading.Event()

    def progress(done: int, total: int, message: str) -> None:
        assert child.process is not None and child.process.pid is not None
        os.kill(child.process.pid, signal.SIGKILL)  # mid-transaction, like kill -9
        written.set()

    with pytest.raises(ChildCrashedError, match="ended by signal 9"):
        child.run(progress)
    assert written.is_set()
    assert services.walks.get_walk(walk.id).title == walk.title
    assert changes == []
    # Nothing is left holding the database: this process can write at once.
    from sqlalchemy import text

    with services.db.transaction("after the kill") as session:
        session.execute(text("UPDATE walks SET title = 'after' WHERE id = :id"),
                        {"id": walk.id})
    assert services.walks.get_walk(walk.id).title == "after"


def test_stop_ends_the_child_and_nothing_is_written(services: Services,
                                                    walk: d.Walk) -> None:
    child = job(services, child_jobs.write_then_wait, walk.id)
    with pytest.raises(ChildStoppedError):
        child.run(lambda *_: child.stop())
    assert child.process is not None
    assert services.walks.get_walk(walk.id).title == walk.title


def test_stop_before_the_start_never_starts_a_child(services: Services) -> None:
    child = job(services, child_jobs.die)
    child.stop()
    with pytest.raises(ChildStoppedError):
        child.run()
    assert child.process is None


def test_a_database_in_memory_cannot_go_to_a_child(tmp_path: Path) -> None:
    from walkapp.config import Settings

    assert not can_run_in_child(Settings(tmp_path, "sqlite://"))
    assert can_run_in_child(Settings(tmp_path, f"sqlite:///{tmp_path / 'w.sqlite3'}"))


_PARENT = """
import sys, time
from walkapp.config import resolve_settings
from walkapp.events import EventBus
from walkapp.services.offload import ChildJob
from tests.helpers import child_jobs

settings = resolve_settings(sys.argv[1])
child = ChildJob(settings, EventBus(), child_jobs.write_then_wait, sys.argv[2])
def progress(done, total, message):
    print(child.process.pid, flush=True)
child.run(progress)
"""


def test_a_child_never_outlives_its_parent(services: Services, walk: d.Walk) -> None:
    """The parent holds the one-writer lock; once it is gone (kill -9), its child must
    stop too, or it could write beside the next walkapp to take the lock."""
    root = Path(__file__).resolve().parents[2]
    parent = subprocess.Popen([sys.executable, "-c", _PARENT,
                               str(services.db.settings.data_dir), walk.id],
                              stdout=subprocess.PIPE, text=True, cwd=root)
    assert parent.stdout is not None
    child_pid = int(parent.stdout.readline())
    parent.kill()
    parent.wait()
    parent.stdout.close()
    # Woken by the child's end itself (a pidfd becomes readable when the process exits),
    # with 30 s as the bound of a failing test, not as a wait for it to happen.
    try:
        ended = os.pidfd_open(child_pid)
    except ProcessLookupError:
        ended = None  # gone already
    if ended is not None:
        try:
            select.select([ended], [], [], 30)
        finally:
            os.close(ended)
    assert not _alive(child_pid)
    assert services.walks.get_walk(walk.id).title == walk.title


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (dead, not yet reaped by init) counts as gone.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"
