"""The New walk dialog names each protocol's look-for sets by their titles (the key is
what the request carries). Expected texts come from the loaded protocols."""

from __future__ import annotations

from types import SimpleNamespace

from tests.helpers.speaking import app_speaking
from tests.ui.protocol_words import every_protocol
from walkapp.ui.composition import protocol_choices
from walkapp.ui.screens.new_walk import NewWalkDialog


def test_look_for_sets_are_listed_by_title(qtbot) -> None:
    # One file per protocol (the Spanish built-ins share their ids with the English).
    protocols = [p for name, p in every_protocol() if not name.endswith(".es")]
    library = SimpleNamespace(all_entries=[SimpleNamespace(protocol=p) for p in protocols])
    dialog = NewWalkDialog(protocol_choices(library), protocols[0].id)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    box = dialog.look_for_set
    for index, protocol in enumerate(protocols):
        dialog.protocol.setCurrentIndex(index)
        assert [box.itemText(i) for i in range(1, box.count())] == [
            s.title for s in protocol.look_for_sets]
        assert [box.itemData(i) for i in range(1, box.count())] == [
            s.key for s in protocol.look_for_sets]
        if protocol.look_for_sets:
            assert dialog.request().look_for_set == protocol.look_for_sets[0].key


def test_a_protocol_in_two_languages_offers_the_walk_s_language(qtbot) -> None:
    from dataclasses import replace

    english = next(p for _name, p in every_protocol()
                   if p.look_for_sets and p.language == "en")
    spanish = replace(english, language="es", title="Recorrido", summary="Resumen en español",
                      look_for_sets=(replace(english.look_for_sets[0], title="Conjunto"),))
    other = next(p for _name, p in every_protocol()
                 if p.id != english.id and p.language == "en")
    library = SimpleNamespace(all_entries=[SimpleNamespace(protocol=p)
                                           for p in (english, spanish, other)])
    dialog = NewWalkDialog(protocol_choices(library), english.id)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.protocol.count() == 2  # listed once, in the language it is listed in
    assert dialog.protocol.itemText(0) == english.title
    assert dialog.language.isVisible()
    assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == ["en", "es"]
    # Each language by its own name; an English app offers the English file first.
    assert [dialog.language.itemText(i) for i in range(2)] == ["English", "Español"]
    assert dialog.language.currentData() == "en"
    dialog.language.setCurrentIndex(1)
    assert dialog.summary.text() == "Resumen en español"
    assert dialog.look_for_set.itemText(1) == "Conjunto"
    assert dialog.request().language == "es"
    dialog.protocol.setCurrentIndex(dialog.protocol.findData(other.id))
    assert not dialog.language.isVisible()
    assert dialog.request().language == other.language


def test_a_spanish_app_offers_the_spanish_file_first(qtbot) -> None:
    from dataclasses import replace

    english = next(p for _name, p in every_protocol()
                   if p.look_for_sets and p.language == "en")
    spanish = replace(english, language="es", title="Recorrido")
    library = SimpleNamespace(all_entries=[SimpleNamespace(protocol=p)
                                           for p in (english, spanish)])
    with app_speaking("es"):
        dialog = NewWalkDialog(protocol_choices(library), english.id)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        assert dialog.language.currentData() == "es"
        assert dialog.request().language == "es"
        # Listed by its Spanish title too.
        assert dialog.protocol.itemText(dialog.protocol.findData(english.id)) == "Recorrido"


def test_each_protocols_summary_and_source_are_shown_whole_or_scroll(qtbot) -> None:
    """A long summary and source (a cited source with its note) neither overlap the rows
    below nor make the dialog taller than the screen: whole when there is room, else
    scrolling inside their own box. In Spanish too, which runs longer."""
    for language in ("en", "es"):
        with app_speaking(language):
            protocols = [p for name, p in every_protocol()
                         if name.endswith(".es") == (language == "es")]
            library = SimpleNamespace(
                all_entries=[SimpleNamespace(protocol=p) for p in protocols])
            dialog = NewWalkDialog(protocol_choices(library),  # type: ignore[arg-type]
                                   protocols[0].id)
            qtbot.addWidget(dialog)
            dialog.show()
            screen = dialog.screen().availableGeometry().height()
            for index in range(dialog.protocol.count()):
                dialog.protocol.setCurrentIndex(index)
                about = dialog.about
                qtbot.waitUntil(lambda a=about, d=dialog, s=screen:
                                a.widget().height() <= a.height() or d.height() >= s - 60,
                                timeout=2000)
                assert dialog.height() <= screen
                rows = dialog.look_for_set.geometry()
                assert about.geometry().bottom() < rows.top()  # no overlap
            dialog.close()
