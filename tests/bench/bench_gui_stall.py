"""How long the GUI thread stalls during each GUI action, with the database idle and locked.

    python -m tests.bench.bench_gui_stall [--json] [--only WORD ...]

A heartbeat (a 5 ms timer on the GUI thread) records the largest gap between its ticks
while an action runs in the real main window, offscreen; the gap is how long the window
could not repaint or take a key. Every action is driven through the screens' own buttons
and editors (keys typed one at a time, about 25 a second), never through service calls,
so the figure is what a user's click costs, wherever the screens send their writes.

Each action runs twice: with the database idle, and with another process holding it
(BEGIN EXCLUSIVE) for 3 s from just before the action; the measurement lasts until the
action is done and that lock is gone. "baseline" is the heartbeat alone, with nothing
done, in the same run. A row over 50 ms says so; nothing fails (tests never assert on
time, and on a shared 2-core machine single figures are noisy: compare rows).

Actions (issue 11): typing a note, a reflection, a step prompt; the runner's Start, +1 min,
Next and Back; a plan edit; a commitment, a statement, an action item, feedback; opening a
walk of 1,080 notes; exporting its debrief (6 walkers × 12 visits × 15 notes); importing
six notes files; typing in the library's search box.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.bench.stall_data import big_walk, notes_files, plan_walk
from tests.bench.stall_parts import (
    HEARTBEAT_MS,
    Heartbeat,
    Row,
    Sampler,
    click,
    pause,
    spin,
    typing,
)

if os.environ.get("QT_QPA_PLATFORM", "offscreen").startswith("offscreen"):
    _SCREEN = Path(__file__).resolve().parents[1] / "helpers" / "offscreen-1366x768.json"
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

LIMIT_MS = 50.0
LOCK_SECONDS = 3.0
ACTION_TIMEOUT_S = 20.0

# Another program holding the database: BEGIN EXCLUSIVE, held for argv[2] seconds.
_LOCKER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("COMMIT")
"""


class Bench:
    def __init__(self, folder: Path) -> None:
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from tests.ui.conftest import ScriptedAsker
        from walkapp.config import resolve_settings
        from walkapp.services import open_services
        from walkapp.ui.main_window import MainWindow

        self.app = QApplication.instance() or QApplication([])
        self.folder = folder
        self.settings = resolve_settings(folder / "data")
        self.services = open_services(self.settings)
        assert self.settings.sqlite_path is not None
        self.db_path = self.settings.sqlite_path
        self.asker = ScriptedAsker()
        self.window = MainWindow(self.services, QSettings(str(folder / "ui.ini"),
                                                          QSettings.Format.IniFormat),
                                 self.asker)
        self.window.resize(1366, 768)
        # As walkapp's start-up does (walkapp.ui.app): the garbage collector's policy.
        from walkapp.ui import gc_policy

        gc_policy.started()
        gc_policy.install(self.app)
        self.window.show()
        self.heartbeat = Heartbeat()
        self.sampler: Sampler | None = None
        self.rows: dict[str, Row] = {}

    # -- measuring ---------------------------------------------------------------------------
    def measure(self, name: str, mode: str, action: Callable[[], object],
                done: Callable[[], bool]) -> None:
        row = self.rows.setdefault(name, Row(name))
        locker: subprocess.Popen[str] | None = None
        failure: list[str] = []

        def act() -> None:
            try:
                action()
            except Exception as error:
                failure.append(f"{type(error).__name__}: {error}")
                traceback.print_exc()

        if mode == "locked":
            locker = subprocess.Popen([sys.executable, "-c", _LOCKER, str(self.db_path),
                                       str(LOCK_SECONDS)], stdout=subprocess.PIPE, text=True)
            assert locker.stdout is not None
            locker.stdout.readline()  # "locked"
        from PySide6.QtCore import QTimer

        self.heartbeat.start()
        if self.sampler is not None:
            self.sampler.start()
        pause(0.03)
        QTimer.singleShot(0, act)
        finished = spin(lambda: bool(failure) or (done() and (
            locker is None or locker.poll() is not None)), ACTION_TIMEOUT_S)
        pause(0.1)
        worst = self.heartbeat.stop()
        if self.sampler is not None:
            for where, count in self.sampler.stop().items():
                row.notes.append(f"{mode}: GUI thread in {where} ({count * 5} ms)")
        if locker is not None:
            locker.wait()
        setattr(row, f"{mode}_ms", worst)
        if failure:
            row.notes.append(f"{mode}: could not run ({failure[0]})")
        elif not finished:
            row.notes.append(f"{mode}: not done after {ACTION_TIMEOUT_S:.0f} s")
        self.settle()

    def settle(self) -> None:
        """Let what the action started finish before the next one (not measured)."""
        from walkapp.ui import workers

        spin(lambda: workers.pending() == 0, ACTION_TIMEOUT_S)
        pause(0.05)

    def both(self, name: str, make: Callable[[str], tuple[Callable[[], object],
                                                          Callable[[], bool]]]) -> None:
        for mode in ("idle", "locked"):
            try:
                action, done = make(mode)
            except Exception as error:  # the screen is not where the bench expects it
                traceback.print_exc()
                self.rows.setdefault(name, Row(name)).notes.append(
                    f"{mode}: could not set up ({type(error).__name__}: {error})")
                continue
            self.measure(name, mode, action, done)

    def close(self) -> None:
        from walkapp.ui import gc_policy, workers

        self.window.close()
        workers.wait_for_background()
        self.services.close()
        gc_policy.uninstall()


# -- the actions -----------------------------------------------------------------------------

def facilitator_actions(bench: Bench, mode: str, walk_id: str,
                        wanted: Callable[[str], bool]) -> None:
    """Each action of a facilitator's walk, on `walk_id` (its own walk for each mode, so
    that both modes start from the same state)."""
    services, window = bench.services, bench.window
    window.open_walk(walk_id)
    bench.settle()
    workspace = window.workspace
    assert workspace is not None

    def one(name: str, make: Callable[[str], tuple[Callable[[], object],
                                                   Callable[[], bool]]],
            mode: str = mode) -> None:
        if not wanted(name):
            return
        try:
            action, done = make(mode)
        except Exception as error:
            traceback.print_exc()
            bench.rows.setdefault(name, Row(name)).notes.append(
                f"{mode}: could not set up ({type(error).__name__}: {error})")
            return
        bench.measure(name, mode, action, done)

    # Plan: the walk's title.
    workspace.show_page("plan")
    plan: Any = workspace.page("plan")
    plan.tabs.setCurrentWidget(plan.details)
    bench.settle()
    title_edit = plan.details.title
    title_edit.setFocus()
    title_edit.end(False)
    one("plan edit (walk title)", typing(
        window.writer, lambda: title_edit, " for maths",
        lambda words, w=walk_id: services.walks.get_walk(w).title.endswith(words)))

    # Pre-brief: the runner and a step prompt.
    workspace.show_page("pre_brief")
    guide: Any = workspace.page("pre_brief")
    bench.settle()

    def status(g: Any = guide) -> str:
        return str(g.runner.state().status.value)

    one("runner Start", click(lambda g=guide: g.start_button,
                              lambda: status() == "running"))
    prompts = [p for p in guide.findChildren(_prompt_class())
               if p.editor is not None and p.isVisible()]

    def prompt_saved(words: str, w: str = walk_id) -> bool:
        return any(words in str(r.value) for r in services.responses.list_answers(w))

    one("step prompt", typing(window.writer, lambda: prompts[0].editor,
                              "Pupils explain their reasons", prompt_saved))
    one("runner +1 min", click(lambda g=guide: g.more_button))
    step = [guide.runner.state().step_key]
    one("runner Next", click(lambda g=guide: g.next_button,
                             lambda g=guide: g.runner.state().step_key != step[0]))
    step[0] = guide.runner.state().step_key
    one("runner Back", click(lambda g=guide: g.back_button,
                             lambda g=guide: g.runner.state().step_key != step[0]))

    # Observation: a note.
    workspace.show_page("observation")
    page: Any = workspace.page("observation")
    bench.settle()
    walk = services.walks.get_walk(walk_id)
    page.author.setCurrentIndex(page.author.findData(walk.walkers[0].id))
    page.author.activated.emit(page.author.currentIndex())
    bench.settle()
    one("typing a note", typing(
        window.writer, lambda p=page: p.observation.editor.text_edit,
        "Pairs compared two methods for 48 ÷ 6",
        lambda words, w=walk_id: any(n.text == words
                                     for n in services.notes.list_notes(w))))

    # Post-brief: commitments, a statement, an action item, feedback.
    workspace.show_page("post_brief")
    post: Any = workspace.page("post_brief")
    bench.settle()
    post.start_button.click()
    bench.settle()
    holder = _postbrief(post)

    def to(activity: str, g: Any = post) -> Any:
        for _ in range(30):
            if str(g.runner.state().activity.value) == activity:
                break
            key = g.runner.state().step_key
            g.next_button.click()
            spin(lambda k=key: g.runner.state().step_key != k, ACTION_TIMEOUT_S)
        bench.settle()
        return _postbrief(g).panel(activity)

    if holder is not None:
        panel = to("patterns")
        lists = panel.findChildren(_statement_class())
        one("statement", _statement(lists[0] if lists else None, services, walk_id))
        panel = to("commitments")
        spin(lambda p=panel: bool(p.rows), ACTION_TIMEOUT_S)
        person = walk.walkers[0].id
        one("commitment", typing(
            window.writer, lambda p=panel, who=person: p.rows[who].editor,
            "I will try longer pauses",
            lambda words, w=walk_id: any(words in c.text for c in
                                         services.debrief.list_commitments(w))))
        panel = to("action_items")

        def add_item(mode: str, p: Any = panel, w: str = walk_id) -> tuple[
                Callable[[], object], Callable[[], bool]]:
            text = f"Share the sentence strips ({mode})"
            p.new_text.setText(text)
            p.new_owner.setText("Bruno Costa")
            return p.add_button.click, lambda: any(
                i.text == text for i in services.debrief.list_action_items(w))

        one("action item", add_item)
        panel = to("feedback")
        one("feedback", _feedback(panel, services, walk_id))
    else:
        for name in ("statement", "commitment", "action item", "feedback"):
            bench.rows.setdefault(name, Row(name)).notes.append(
                f"{mode}: no post-brief workspace found")
    window.show_library()
    bench.settle()


def run_all(bench: Bench, only: list[str]) -> None:
    services, window = bench.services, bench.window

    def wanted(name: str) -> bool:
        return not only or any(word in name for word in only)

    if wanted("baseline"):
        bench.both("baseline (nothing done)", lambda mode: (lambda: None, lambda: True))

    walks = {mode: plan_walk(bench, f"Bench walk {mode}") for mode in ("idle", "locked")}
    for mode in ("idle", "locked"):
        facilitator_actions(bench, mode, walks[mode], wanted)

    # A walk of 1,080 notes: open it (on its Observation page), export its debrief.
    big = big_walk(bench)
    if wanted("opening a walk"):
        def open_big(mode: str) -> tuple[Callable[[], object], Callable[[], bool]]:
            window.show_library()
            bench.settle()

            def go() -> None:
                # As for a person: open the walk, then, once it shows, pick the page (the
                # walk is read off the GUI thread first: `walk_shown` says it is there).
                # A 1 ms timer, not singleShot(0): a posted event would run before the
                # timers that are due, so both would be one turn (walkapp.ui.turns).
                from PySide6.QtCore import QTimer

                def pick(walk_id: str) -> None:
                    window.walk_shown.disconnect(pick)
                    QTimer.singleShot(1, lambda: window.workspace is not None
                                      and window.workspace.show_page("observation"))

                window.walk_shown.connect(pick)
                window.open_walk(big)
            return go, lambda: (window.workspace is not None
                                and window.workspace.current_key() == "observation"
                                and _loaded(window.workspace))
        bench.both("opening a walk of 1,080 notes", open_big)
    if wanted("opening a walk") or wanted("memory"):
        memory_rounds(bench, big)
    if wanted("export"):
        if window.workspace is None or window.workspace.walk_id != big:
            window.open_walk(big)
            bench.settle()

        def export(mode: str) -> tuple[Callable[[], object], Callable[[], bool]]:
            from walkapp.reports import ReportKind

            window.export_report(ReportKind.DEBRIEF)
            dialog: Any = window.export_dialog
            target = bench.folder / f"debrief-{mode}.pdf"
            dialog.path.setText(str(target))
            return dialog.export_button.click, lambda: (
                target.exists() and dialog.open_button.isEnabled())
        bench.both("export debrief (6 × 12 × 15 notes)", export)
        dialog = getattr(window, "export_dialog", None)
        if dialog is not None:
            dialog.close()
    if wanted("import"):
        sets = {mode: notes_files(bench, bench.folder / "files", mode)
                for mode in ("idle", "locked")}

        def importing(mode: str) -> tuple[Callable[[], object], Callable[[], bool]]:
            importer = window.importer
            shown = [importer.report_dialog]
            return (lambda: window.import_notes([str(p) for p in sets[mode]]),
                    lambda: not importer.busy and importer.report_dialog is not shown[0])
        bench.both("import six notes files (1,020 notes)", importing)
    window.show_library()
    bench.settle()

    # The library's search box (walkapp.ui.screens.library_found): a word typed a key at a
    # time over every walk made so far (some 3,000 notes), then what it found on show.
    if wanted("search"):
        def searching(mode: str) -> tuple[Callable[[], object], Callable[[], bool]]:
            from tests.bench.stall_parts import Typist

            library = window.library
            library.search.clear()
            bench.settle()
            typist = Typist(library.search, "seen and" if mode == "idle" else "heard")
            return typist.start, lambda: (typist.done and library.found is not None
                                          and not library.found.is_loading()
                                          and not library.is_loading())
        bench.both("typing in the library's search box", searching)
        window.library.search.clear()
        bench.settle()

    # A reflection, on a walker's laptop (the walk in walker mode).
    if wanted("reflection"):
        for mode in ("idle", "locked"):
            walk_id = _walker_mode_walk(bench, f"Walker walk {mode}")
            window.open_walk(walk_id)
            bench.settle()
            home: Any = window.workspace.page("walker") if window.workspace else None
            if home is not None:
                home.tabs.setCurrentWidget(home.reflections)  # "My reflections"
                bench.settle()
            editors = [e for e in window.findChildren(_reflection_class()) if e.isVisible()]

            def reflection_saved(words: str, w: str = walk_id) -> bool:
                return any(words in n.text for n in services.notes.list_reflections(w))

            if editors:
                bench.measure("a reflection", mode, *typing(
                    window.writer, lambda e=editors[0]: e.findChild(_plain_edit()),
                    "I noticed more talk",
                    reflection_saved)(mode))
            else:
                bench.rows.setdefault("a reflection", Row("a reflection")).notes.append(
                    f"{mode}: no reflection editor found")
            window.show_library()
            bench.settle()


MEMORY_ROUNDS = 12


def rss_mb() -> float:
    """This process's resident memory (Linux: /proc/self/statm), in MB."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return float("nan")
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def memory_rounds(bench: Bench, walk_id: str) -> None:
    """Open the big walk (its Plan, Observation and Post-brief pages) and close it again,
    MEMORY_ROUNDS times: the resident memory after each few rounds, to show it levels off
    (nothing a closed walk made is kept, frozen or not; see walkapp.ui.gc_policy)."""
    import gc

    window = bench.window
    row = bench.rows.setdefault("memory", Row("memory over opening and closing the big walk"))
    sizes = []
    for round_ in range(MEMORY_ROUNDS + 1):
        if round_ % 4 == 0:
            pause(0.4)  # the collection after a walk closes (gc_policy.walk_closed)
            sizes.append(f"{rss_mb():.0f}")
        if round_ == MEMORY_ROUNDS:
            break
        window.open_walk(walk_id)
        bench.settle()
        workspace = window.workspace
        assert workspace is not None
        for key in ("observation", "post_brief"):
            if key in workspace.page_keys():
                workspace.show_page(key)
                bench.settle()
        window.show_library()
        bench.settle()
    row.notes.append(f"resident memory (MB) after 0, 4, 8, 12 rounds: {' → '.join(sizes)}; "
                     f"{len(gc.get_objects())} objects tracked, {gc.get_freeze_count()} "
                     "frozen")


def _prompt_class() -> type:
    from walkapp.ui.widgets.prompt_inputs import PromptInput

    return PromptInput


def _statement_class() -> type:
    from walkapp.ui.screens.postbrief.statement_list import StatementList

    return StatementList


def _reflection_class() -> type:
    from walkapp.ui.widgets.reflections import ReflectionEditor

    return ReflectionEditor


def _plain_edit() -> type:
    from PySide6.QtWidgets import QPlainTextEdit

    return QPlainTextEdit


def _postbrief(guide: Any) -> Any:
    from walkapp.ui.screens.postbrief import PostBriefWorkspace

    holder = guide.current_panel()
    return holder if isinstance(holder, PostBriefWorkspace) else None


def _loaded(workspace: Any) -> bool:
    """The open walk's Observation page shows its notes (no loading under way)."""
    from walkapp.ui import workers

    return workers.pending() == 0


def _statement(statements: Any, services: Any, walk_id: str) -> Callable[[str], tuple[
        Callable[[], object], Callable[[], bool]]]:
    def make(mode: str) -> tuple[Callable[[], object], Callable[[], bool]]:
        if statements is None:
            raise RuntimeError("no statement list on the patterns step")
        text = f"Students explain their reasoning to a partner ({mode})"
        statements.editor.setPlainText(text)
        return statements.add_button.click, lambda: any(
            text in p.text for p in services.debrief.list_patterns(walk_id))
    return make


def _feedback(panel: Any, services: Any, walk_id: str) -> Callable[[str], tuple[
        Callable[[], object], Callable[[], bool]]]:
    def make(mode: str) -> tuple[Callable[[], object], Callable[[], bool]]:
        from PySide6.QtWidgets import QPlainTextEdit, QRadioButton

        boxes = [b for b in panel.findChildren(QPlainTextEdit) if b.isVisible()]
        for button in panel.findChildren(QRadioButton)[:1]:
            button.setChecked(True)
        text = f"The pause before answers ({mode})"
        for box in boxes:
            box.setPlainText(text)
        before = len(services.debrief.list_feedback(walk_id))
        return panel.send_button.click, lambda: len(
            services.debrief.list_feedback(walk_id)) > before
    return make


def _walker_mode_walk(bench: Bench, title: str) -> str:
    """A walk as a walker's laptop has it after opening a kit (made by hand here)."""
    from sqlalchemy import text

    walk_id = plan_walk(bench, title)
    walk = bench.services.walks.get_walk(walk_id)
    with bench.services.db.transaction("bench: walker mode") as session:
        session.execute(text("UPDATE walks SET local_mode = 'walker', "
                             "local_participant_id = :p WHERE id = :w"),
                        {"p": walk.walkers[0].id, "w": walk_id})
    return walk_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--why", action="store_true",
                        help="say where the GUI thread was during each stall")
    parser.add_argument("--only", nargs="*", default=[],
                        help="run only the actions whose name holds one of these words")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("WALKAPP_DATA_DIR", str(Path(folder) / "data"))
        bench = Bench(Path(folder))
        if args.why:
            bench.sampler = Sampler(bench.heartbeat)
        try:
            run_all(bench, args.only)
        finally:
            bench.close()
    rows = list(bench.rows.values())
    if args.json:
        print(json.dumps([row.__dict__ for row in rows], indent=2))
        return 0
    print(f"GUI thread's longest stall (heartbeat {HEARTBEAT_MS} ms; locked = another "
          f"process holds the database for {LOCK_SECONDS:.0f} s)")
    print(f"{'action':<40} {'idle':>9} {'locked':>9}")
    for row in rows:
        cells = [f"{v:>7.1f}ms" if v is not None else f"{'—':>9}"
                 for v in (row.idle_ms, row.locked_ms)]
        over = [m for m, v in (("idle", row.idle_ms), ("locked", row.locked_ms))
                if v is not None and v > LIMIT_MS]
        flag = f"  over {LIMIT_MS:.0f} ms ({', '.join(over)})" if over else ""
        print(f"{row.action:<40} {cells[0]} {cells[1]}{flag}")
        for note in row.notes:
            print(f"{'':<4}{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
