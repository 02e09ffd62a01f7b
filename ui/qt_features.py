"""Spare PySide6 a look at the source of every module that was loaded before it.

Once imported, PySide6 hooks every `import` statement (its `__feature__` support, which
lets a module opt in to `snake_case` or `true_property`): the first time a module's name
passes through an import, PySide6 reads that module's whole source (`inspect.getsource`)
for the word "PySide6" and files the module as one that uses it (0) or one to ignore
(-1). walkapp's start imports its core and the standard library before Qt
(walkapp.cli.gui), and its Qt layer names them again: some 60 source files read, 15-30 ms
of a start, to learn what is known already, since the core never imports Qt (the layers
contract) and no module of walkapp opts in to a feature. `skip_checks_of_loaded` files
every module loaded before PySide6 as "ignore", as the look would have, without it.
Modules imported later are looked at as usual. If PySide6's internals are not where this
expects them, it does nothing.
"""

from __future__ import annotations

import sys

# Modules that do use PySide6 (or are it): left to PySide6's own look.
_QT = ("PySide6", "shiboken6", "shibokensupport", "walkapp.ui", "__feature__")


def skip_checks_of_loaded() -> int:
    """File each module loaded so far that is not Qt's or walkapp.ui's as one that does not
    use PySide6; how many were filed."""
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return 0
    filed = 0
    for name in list(sys.modules):
        if name in table or name == "__main__" or name.startswith(_QT):
            continue
        table[name] = -1
        filed += 1
    return filed
