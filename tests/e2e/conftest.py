"""End-to-end tests use the screen-test fixtures too (scripted dialogs, window settings,
and the check that nothing is left running after a test)."""

from tests.ui.conftest import _screens_stop_when_closed, asker, qsettings

__all__ = ["_screens_stop_when_closed", "asker", "qsettings"]
