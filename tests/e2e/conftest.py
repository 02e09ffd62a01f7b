"""End-to-end tests use the screen-test fixtures too (scripted dialogs, window settings)."""

from tests.ui.conftest import asker, qsettings

__all__ = ["asker", "qsettings"]
