"""walkapp — run learning walks that improve the walkers' own practice.

This package is the core: domain, storage, protocols engine, services, reports, bundles and
the command line. It never imports Qt; the desktop layer lives in `walkapp.ui` (the
checkout's top-level `ui/` folder) and is only loaded when the app window is opened.
"""

__version__ = "0.1.0"
APP_NAME = "walkapp"
