"""walkapp's Qt desktop layer (installed as `walkapp.ui`). Imports walkapp; never the reverse.

Importing it imports Qt's core first and then tells PySide6 that the modules already loaded
(walkapp's core, the standard library, SQLAlchemy) need no look at their source: see
walkapp.ui.qt_features. Every module of the layer imports Qt anyway.
"""

import PySide6.QtCore  # noqa: F401  (installs PySide6's import hook, see qt_features)

from walkapp.ui.qt_features import skip_checks_of_loaded

skip_checks_of_loaded()
