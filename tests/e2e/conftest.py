"""End-to-end tests use the screen-test fixtures too (scripted dialogs, window settings,
and the check that nothing is left running after a test)."""

from tests.ui.conftest import _reads_apply_at_once, _screens_stop_when_closed, asker, qsettings

__all__ = ["_reads_apply_at_once", "_screens_stop_when_closed", "asker", "qsettings"]
