"""PySide6 reads the source of each module the first time an import names it after Qt is
loaded (its `__feature__` support); walkapp.ui files the modules loaded before it (the core,
the standard library, SQLAlchemy) as not using it, without that read
(walkapp.ui.qt_features). Checked in a fresh interpreter, as the desktop app starts: the
core first, then the Qt layer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CODE = """
import json, sys
import walkapp.services, walkapp.domain, sqlalchemy.orm, logging
import walkapp.ui
feature = sys.modules["shibokensupport.feature"]
looked = []
real = feature._mod_uses_pyside
feature._mod_uses_pyside = lambda module: looked.append(module.__name__) or real(module)
import walkapp.ui.dialogs
table = feature.pyside_feature_dict
print(json.dumps({"looked": looked, "table": {name: table.get(name) for name in (
    "walkapp.domain", "walkapp.services", "sqlalchemy.orm", "logging")}}))
"""


def test_modules_loaded_before_qt_are_not_read_again_and_the_qt_layer_is() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CODE], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["table"] == {"walkapp.domain": -1, "walkapp.services": -1,
                             "sqlalchemy.orm": -1, "logging": -1}
    # walkapp.ui.dialogs names the core and the standard library again: none is read.
    assert seen["looked"] != []  # (PySide6's hook is still there, for modules loaded after)
    assert [n for n in seen["looked"] if n.startswith(("walkapp.", "logging", "sqlalchemy"))
            and not n.startswith("walkapp.ui")] == []
