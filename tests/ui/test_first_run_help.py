"""A first-time user is not left alone: with no walks the library welcomes them with three
ways in (lead a walk, walk with a kit, look at the sample walk) and a link to the guide;
Help has the guide to learning walks (opened at a section by the screens' "Learn more")
and a keyboard-shortcuts sheet made from the real keys (F1 or ?, never a "?" typed in a
text field). Dialogs are answered through the ScriptedAsker seam."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu

from tests.helpers.builders import make_walk
from tests.helpers.speaking import app_speaking
from tests.ui.conftest import ScriptedAsker
from walkapp.services import Services
from walkapp.ui.help_guide import guide_file, read_guide
from walkapp.ui.help_sections import GuideSection
from walkapp.ui.help_shortcuts import ShortcutSheet
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.walker_home import WalkerHome
from walkapp.ui.shortcut_keys import PAGE_KEYS


def shown_window(qtbot, services: Services, qsettings: QSettings,
                 asker: ScriptedAsker) -> MainWindow:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window


def test_the_welcome_shows_when_there_are_no_walks(qtbot, services: Services,
                                                   qsettings: QSettings,
                                                   asker: ScriptedAsker) -> None:
    window = shown_window(qtbot, services, qsettings, asker)
    welcome = window.library.welcome
    qtbot.waitUntil(welcome.isVisible, timeout=2000)
    assert not window.library.empty.isVisible()
    for button in (welcome.lead_button, welcome.kit_button, welcome.sample_button):
        assert button.isVisible() and button.accessibleDescription()
    assert "no network" in welcome.kit_button.accessibleDescription().lower()
    window.grab().save("/tmp/help-welcome.png")


def test_im_leading_a_walk_opens_the_new_walk_dialog(qtbot, services: Services,
                                                     qsettings: QSettings,
                                                     asker: ScriptedAsker) -> None:
    window = shown_window(qtbot, services, qsettings, asker)
    asker.dialog_actions.append(lambda dialog: False)  # looked at, then cancelled
    qtbot.mouseClick(window.library.welcome.lead_button, Qt.MouseButton.LeftButton)
    assert asker.shown == [("dialog", "New walk", "")]


def test_im_a_walker_with_a_kit_asks_for_the_kit_file(qtbot, services: Services,
                                                      qsettings: QSettings,
                                                      asker: ScriptedAsker) -> None:
    window = shown_window(qtbot, services, qsettings, asker)
    qtbot.mouseClick(window.library.welcome.kit_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _title, _filters in asker.shown] == ["open_files"]
    assert "walkkit" in asker.shown[0][2]


def test_show_me_the_sample_walk_makes_it_and_opens_it(qtbot, services: Services,
                                                       qsettings: QSettings,
                                                       asker: ScriptedAsker) -> None:
    window = shown_window(qtbot, services, qsettings, asker)
    qtbot.mouseClick(window.library.welcome.sample_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.walk_shown, timeout=20_000) as shown:
        pass
    walks = services.walks.list_walks()
    assert [w.id for w in walks] == shown.args
    assert window.workspace is not None and window.workspace.walk_id == walks[0].id
    window.show_library()
    qtbot.waitUntil(window.library.sample_button.isEnabled, timeout=5000)
    assert not window.library.welcome.isVisible()  # the list shows the walk now


def test_a_search_that_finds_nothing_is_not_a_welcome(qtbot, services: Services,
                                                      qsettings: QSettings,
                                                      asker: ScriptedAsker) -> None:
    make_walk(services, "Reading walk")
    window = shown_window(qtbot, services, qsettings, asker)
    qtbot.keyClicks(window.library.search, "zzz")
    # One message says nothing was found (the "Found in" list's, once its read is in).
    qtbot.waitUntil(lambda: window.library.found is not None
                    and not window.library.found.is_loading()
                    and window.library.found.empty.isVisible(), timeout=2000)
    assert "zzz" in window.library.found.empty.text()
    assert not window.library.welcome.isVisible()


def test_the_welcomes_link_opens_the_guide_at_its_start(qtbot, services: Services,
                                                        qsettings: QSettings,
                                                        asker: ScriptedAsker) -> None:
    window = shown_window(qtbot, services, qsettings, asker)
    qtbot.mouseClick(window.library.welcome.guide_link, Qt.MouseButton.LeftButton)
    guide = window.help.guide
    assert guide is not None and guide.isVisible()
    assert guide.current_section() == GuideSection.START
    assert "learning walk" in guide.text.toPlainText()


def test_the_guide_opens_at_a_section_and_follows_its_links(qtbot, services: Services,
                                                            qsettings: QSettings,
                                                            asker: ScriptedAsker) -> None:
    window = shown_window(qtbot, services, qsettings, asker)
    window.show_guide(GuideSection.WALKERS_LAPTOPS)
    guide = window.help.guide
    assert guide is not None and guide.current_section() == "walkers-laptops"
    assert "notes file" in guide.text.toPlainText()
    assert guide.heading.text() == "Walkers' laptops"
    # One window: asked again, the same one comes to the section asked for.
    window.guide_action.trigger()
    assert window.help.guide is guide and guide.current_section() == GuideSection.START
    guide.text.anchorClicked.emit(QUrl("#kept"))
    assert guide.current_section() == GuideSection.KEPT
    assert "this computer" in guide.text.toPlainText()
    # The contents list on the side opens a section too.
    guide.contents.setCurrentRow(guide.anchors().index(GuideSection.STEPS.value))
    assert "Pre-brief" in guide.text.toPlainText()


def test_every_section_a_screen_can_ask_for_is_in_the_guide() -> None:
    anchors = [part.anchor for part in read_guide()]
    assert len(anchors) == len(set(anchors))
    assert sorted(set(GuideSection) - set(anchors)) == []
    assert all(part.body and part.title for part in read_guide())


def test_the_guide_in_spanish_has_the_english_sections_and_links() -> None:
    english, spanish = read_guide(language="en"), read_guide(language="es")
    assert guide_file("es").name == "guide.es.md" and guide_file("es_MX").name == "guide.es.md"
    assert guide_file("fr").name == guide_file("en").name == "guide.md"
    # The same anchors in the same order: screens open either guide at the same places.
    assert [p.anchor for p in spanish] == [p.anchor for p in english]
    for part in spanish:
        assert part.title and part.body
        for target in re.findall(r"\]\(#([a-z0-9-]+)\)", part.body):
            assert target in {p.anchor for p in spanish}, target
    assert spanish[0].title == "Primeros pasos"
    assert not {p.title for p in spanish} & {p.title for p in english}


def test_the_guide_opens_in_the_apps_language(qtbot) -> None:
    from walkapp import formatting
    from walkapp.ui.help_guide import GuideWindow

    formatting.set_locale("es_ES")
    try:
        guide = GuideWindow()
        qtbot.addWidget(guide)
        guide.show_section(GuideSection.KEPT)
        assert "este ordenador" in guide.text.toPlainText()
        assert guide.contents.item(0).text() == "Primeros pasos"
    finally:
        formatting.set_locale(None)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_guide_names_keys_as_the_screens_do(qtbot, language: str) -> None:
    """A key in the guide is the key the shortcuts sheet and the screens name, in the
    app's language (Spanish Qt says "Control+Retorno", whatever a guide's writer typed)."""
    with app_speaking(language):
        text = "\n".join(part.body for part in read_guide(language=language))
        saves = QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
        moves = QKeySequence("Ctrl+PgDown").toString(QKeySequence.SequenceFormat.NativeText)
    assert "{key" not in text
    assert saves in text and moves in text
    assert (saves == "Control+Retorno") == (language == "es")


def test_read_guide_splits_sections_by_anchor() -> None:
    parts = read_guide("<!-- a note -->\n## One {#one}\nFirst.\n\n## Two {#two}\nSecond.\n")
    assert [(p.anchor, p.title, p.body) for p in parts] == [("one", "One", "First."),
                                                            ("two", "Two", "Second.")]


def menu_shortcuts(window: MainWindow) -> list[tuple[str, str]]:
    """(action text, key) of every visible menu action's shortcuts, read here afresh."""
    found: list[tuple[str, str]] = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            if isinstance(action.menu(), QMenu):
                walk(action.menu())  # type: ignore[arg-type]
                continue
            for key in action.shortcuts():
                found.append((action.text(),
                              key.toString(QKeySequence.SequenceFormat.NativeText)))

    for top in window.menuBar().actions():
        if top.isVisible() and isinstance(top.menu(), QMenu):
            walk(top.menu())  # type: ignore[arg-type]
    return found


def assert_sheet_lists_the_menus(window: MainWindow, sheet: ShortcutSheet) -> None:
    text = sheet.plain_text()
    shortcuts = menu_shortcuts(window)
    assert len(shortcuts) >= 8
    for label, key in shortcuts:
        row = next((r for r in sheet.rows if key in r.keys), None)
        assert row is not None, (label, key)
        assert row.what.rstrip("…") in label.replace("&", ""), (label, row)
        assert key in text


def test_the_sheet_lists_every_shortcut_on_the_menus(qtbot, services: Services,
                                                     qsettings: QSettings,
                                                     asker: ScriptedAsker) -> None:
    walk = make_walk(services, "Reading walk")
    window = shown_window(qtbot, services, qsettings, asker)
    window.shortcuts_action.trigger()
    sheet = window.help.sheet
    assert sheet is not None and sheet.isVisible()
    assert_sheet_lists_the_menus(window, sheet)
    # With a walk open the Go menu lists its pages (Ctrl+Shift+1…): shown again, the
    # sheet has them too.
    window.open_walk(walk.id)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    window.shortcuts_action.trigger()
    assert window.help.sheet is sheet
    assert "Ctrl+Shift+1" in sheet.plain_text()
    assert_sheet_lists_the_menus(window, sheet)
    # And every page key of the one list.
    for spec in PAGE_KEYS:
        assert spec.what in sheet.plain_text()


def test_the_sheet_lists_the_observation_screens_real_keys(qtbot, services: Services,
                                                           asker: ScriptedAsker) -> None:
    """The keys the observation screen binds are the ones the sheet names (walkapp's
    tallies bring their own keys from the protocol: the sheet says where to find them)."""
    from tests.ui.observe_helpers import FakeClock
    from walkapp.ui.help_shortcuts import page_rows
    from walkapp.ui.screens.observation import ObservationScreen

    walk = make_walk(services, visits=2, look_fors=("Student talk",))
    screen = ObservationScreen(services, walk.id, walk.walkers[0].id, clock=FakeClock(),
                               asker=asker, debounce_ms=60)
    qtbot.addWidget(screen)
    listed = {key for spec in PAGE_KEYS for key in spec.keys}
    tallies = set(screen.tallies.shortcut_actions())
    bound = [(action.text(), key.toString())
             for action in screen.actions() if action not in tallies
             for key in action.shortcuts()]
    assert len(bound) >= 10
    assert sorted(k for _text, k in bound if k not in listed) == []
    shown = " ".join(" ".join(row.keys) for row in page_rows())
    for key in ("Ctrl+PgDown", "Ctrl+T", "Ctrl+Return", "Ctrl+1", "Alt+9"):
        assert QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) in shown
    screen.shutdown()


def test_a_row_without_keys_of_its_own_says_which_keys() -> None:
    """The tallies' row has no fixed key (each tally's is the protocol's): its key cell
    says what kind of key, never an empty cell."""
    from walkapp.ui.help_shortcuts import SheetRow, sheet_html

    html = sheet_html([SheetRow("Observation", "Add one to a tally", ())])
    assert "a letter or digit" in html and "&nbsp;" not in html


def test_f1_and_question_mark_open_the_sheet(qtbot, services: Services,
                                             qsettings: QSettings,
                                             asker: ScriptedAsker) -> None:
    make_walk(services, "Reading walk")
    window = shown_window(qtbot, services, qsettings, asker)
    QTest.keyClick(window, Qt.Key.Key_F1)
    sheet = window.help.sheet
    assert sheet is not None and sheet.isVisible()
    sheet.close()
    assert not sheet.isVisible()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.library.table.setFocus()
    QTest.keyClick(window.library.table, "?")
    assert sheet.isVisible()


def test_a_question_mark_typed_in_a_text_field_is_typed(qtbot, services: Services,
                                                        qsettings: QSettings,
                                                        asker: ScriptedAsker) -> None:
    walk = make_walk(services, "Walker's walk", walkers=2)
    services.walks.update_walk(walk.id, local_mode="walker",
                               local_participant_id=walk.walkers[1].id)
    window = shown_window(qtbot, services, qsettings, asker)
    search = window.library.search
    search.setFocus()
    qtbot.waitUntil(search.hasFocus, timeout=2000)
    QTest.keyClick(search, "?")
    assert search.text() == "?"
    assert window.help.sheet is None
    search.clear()
    # A walker's note: "?" goes into the note, the sheet stays shut.
    window.open_walk(walk.id)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    home = window.workspace.page("walker")
    assert isinstance(home, WalkerHome)
    home.tabs.setCurrentWidget(home.observation)
    edit = home.observation.editor.text_edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=2000)
    qtbot.keyClicks(edit, "Why?")
    assert edit.toPlainText() == "Why?"
    assert window.help.sheet is None
    # Help is there for a walker too.
    assert window.guide_action.isVisible() and window.shortcuts_action.isVisible()
    QTest.keyClick(edit, Qt.Key.Key_F1)
    sheet = window.help.sheet
    assert sheet is not None and sheet.isVisible()
    # A walker's sheet: their menus' keys and the note-taker's, not the facilitator's.
    assert_sheet_lists_the_menus(window, sheet)
    assert "Next visit" in sheet.plain_text() and "Ctrl+N" not in sheet.plain_text()
    assert "Put the selected walkers in a group" not in sheet.plain_text()


def test_a_walker_new_to_the_walk_is_told_what_to_do_now(qtbot, services: Services,
                                                         qsettings: QSettings,
                                                         asker: ScriptedAsker) -> None:
    walk = make_walk(services, "Walker's walk", walkers=2)
    services.walks.update_walk(walk.id, local_mode="walker",
                               local_participant_id=walk.walkers[1].id)
    window = shown_window(qtbot, services, qsettings, asker)
    window.open_walk(walk.id)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    home = window.workspace.page("walker")
    assert isinstance(home, WalkerHome)
    assert home.what_now.isVisible()
    assert "Save a notes file" in home.what_now.text.text()
    qtbot.mouseClick(home.what_now.dismiss_button, Qt.MouseButton.LeftButton)
    assert not home.what_now.isVisible()
    # Once they have notes, the walk opens without it.
    from tests.ui.postbrief.conftest import add_note

    add_note(services, walk, walker=1, text="Pairs compare answers")
    window.show_library()
    window.open_walk(walk.id)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    again = window.workspace.page("walker")
    assert isinstance(again, WalkerHome) and not again.what_now.isVisible()


def test_the_sheet_has_each_menu_once_and_the_help_windows_fit_the_screen(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    window = shown_window(qtbot, services, qsettings, asker)
    sheet = window.help.show_shortcuts()
    headings = [row.where for row in sheet.rows]
    runs = [h for i, h in enumerate(headings) if i == 0 or headings[i - 1] != h]
    assert len(runs) == len(set(runs)), runs  # "File" is not split by File ▸ Export report
    assert runs.index("File") < runs.index("File ▸ Export report")
    guide = window.help.show_guide()
    for shown in (sheet, guide):
        area = shown.screen().availableGeometry()
        assert area.contains(shown.frameGeometry()), (type(shown).__name__,
                                                      shown.frameGeometry(), area)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_menu_path_in_the_guide_is_a_menu_item_in_its_language(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker,
        language: str) -> None:
    with app_speaking(language):
        window = MainWindow(services, qsettings, asker)
        qtbot.addWidget(window)
        items: set[tuple[str, str]] = set()
        for menu_action in window.menuBar().actions():
            menu = menu_action.menu()
            assert isinstance(menu, QMenu)
            for action in menu.actions():
                items.add((_plain(menu_action.text()), _plain(action.text())))
        text = " ".join(p.body for p in read_guide(language=language))
        paths = re.findall(r"\*([^*▸]+?)\s*▸\s*([^*]+?)\*", " ".join(text.split()))
        assert len(paths) >= 8
        missing = [(menu, item) for menu, item in paths if (menu, item) not in items]
        assert not missing, f"the {language} guide names menu items that do not exist"


def _plain(text: str) -> str:
    """A menu text as the guide writes it: no mnemonic, no "…", no shortcut."""
    return text.split("\t")[0].replace("&", "").rstrip("…").strip()
